// The Web Worker that runs the digest, so that a long article never freezes the page;
// the only script that touches the wasm. Messages in: `{ id, text, options }`, and
// optionally first `{ wasm, words }`: where the wasm and the word model come from (URLs,
// or the bytes for a bundle that inlines them). Every digest reads words (the
// directives, keywords and words options), so the model is fetched while the wasm
// compiles and loaded before the first digest.
// Messages out: `{ id, digest, ms }` or `{ id, error }`, with `trapped: true` when the
// wasm trapped (a WebAssembly.RuntimeError: a panic, an out-of-bounds access),
// after which the instance is in an unknown state and this worker is not used again:
// the digester starts a new one. When requests pile up while one runs, only the newest
// is digested: the others are already stale. A long text's digest comes in pieces:
// first `{ id, path, items }` for each slice of its long lists (`path` says which list:
// `['sentences']`, `['keywords', 3, 'occurrences']`), then `{ id, digest, ms }` with
// those lists empty, to be filled with the pieces in the order they came.

import init, { digest, loadWordModel } from './pkg/tomtat.js';

/**
 * For the browser tests of trap recovery only: a worker started as
 * `worker.js?debug-trap` makes the wasm trap for real on a text containing
 * `TRAP_TEXT`. Without the flag in the worker's own URL the text is digested as any.
 */
const DEBUG_TRAP = new URL(self.location.href).searchParams.has('debug-trap');
const TRAP_TEXT = 'tomtat:debug-trap';
/**
 * The most items of a list sent in one message: the page reads a message in one task,
 * and the 110,000 sentences of a 4 MB text in one blocked it for 150 ms.
 */
const PIECE_ITEMS = 10_000;

let wasm;
let words;
let ready;
let latest = null;
let scheduled = false;

self.onmessage = ({ data }) => {
  if ('wasm' in data) {
    wasm = data.wasm;
    words = data.words;
    return;
  }
  latest = data;
  if (!scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
};

async function run() {
  // The newest request is taken once the wasm is ready: requests that came while it
  // loaded are stale by then.
  let exports;
  let failure;
  try {
    exports = await load();
  } catch (error) {
    failure = error;
  }
  scheduled = false;
  const request = latest;
  latest = null;
  if (!request) return;
  try {
    if (failure) throw failure;
    const started = performance.now();
    const result = DEBUG_TRAP && request.text.includes(TRAP_TEXT) ? trap(exports) : digest(request.text, request.options ?? null);
    post(request.id, result, performance.now() - started);
  } catch (error) {
    const trapped = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id: request.id, error: String(error?.message ?? error), trapped });
  }
}

/** Sends `digest`, its lists longer than PIECE_ITEMS in pieces first (see the top of this file). */
function post(id, digest, ms) {
  const head = { ...digest };
  const pieces = (path, list) => {
    if (list.length <= PIECE_ITEMS) return list;
    for (let at = 0; at < list.length; at += PIECE_ITEMS) self.postMessage({ id, path, items: list.slice(at, at + PIECE_ITEMS) });
    return [];
  };
  for (const [key, value] of Object.entries(digest)) {
    if (key !== 'keywords' && Array.isArray(value)) head[key] = pieces([key], value);
  }
  head.keywords = digest.keywords.map((keyword, k) => ({ ...keyword, occurrences: pieces(['keywords', k, 'occurrences'], keyword.occurrences) }));
  self.postMessage({ id, digest: head, ms });
}

/** The wasm's exports once it is instantiated and the word model loaded; a failed load
 * is tried again with the next request. */
function load() {
  ready ??= Promise.all([init(wasm === undefined ? undefined : { module_or_path: wasm }), modelBytes()])
    .then(([exports, model]) => {
      loadWordModel(model);
      return exports;
    })
    .catch((error) => {
      ready = undefined;
      throw error;
    });
  return ready;
}

/** The word model's bytes: given, or fetched (by default from pkg/ next to this worker). */
async function modelBytes() {
  if (words instanceof Uint8Array) return words;
  const response = await fetch(words ?? new URL('./pkg/words.bin', import.meta.url));
  if (!response.ok) throw new Error(`the word model could not be loaded (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Asks the wasm allocator for more than wasm32 can hold: Rust's allocation failure
 * aborts, a real trap. */
function trap(exports) {
  return exports.__wbindgen_malloc(0xfffffff0, 1);
}
