// The Web Worker that runs the digest, so that a long article never freezes the page;
// the only script that touches the wasm. Messages in: `{ id, text, options }`, and
// optionally first `{ wasm, words }`: where the wasm and the word model come from (URLs,
// or the bytes for a bundle that inlines them), `words: false` for no word model (a
// caller that never asks for keywords or words, as the widget). The model is fetched
// while the wasm compiles and loaded before the first digest.
// Messages out: `{ id, digest, ms }` or `{ id, error }`, with `trapped: true` when the
// wasm trapped (a WebAssembly.RuntimeError: a panic, an out-of-bounds access),
// after which the instance is in an unknown state and this worker is not used again:
// the digester starts a new one. When requests pile up while one runs, only the newest
// is digested: the others are already stale.

import init, { digest, loadWordModel } from './pkg/tomtat.js';

/**
 * For the browser tests of trap recovery only: a worker started as
 * `worker.js?debug-trap` makes the wasm trap for real on a text containing
 * `TRAP_TEXT`. Without the flag in the worker's own URL the text is digested as any.
 */
const DEBUG_TRAP = new URL(self.location.href).searchParams.has('debug-trap');
const TRAP_TEXT = 'tomtat:debug-trap';

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
    self.postMessage({ id: request.id, digest: result, ms: performance.now() - started });
  } catch (error) {
    const trapped = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id: request.id, error: String(error?.message ?? error), trapped });
  }
}

/** The wasm's exports once it is instantiated and the word model loaded; a failed load
 * is tried again with the next request. */
function load() {
  ready ??= Promise.all([init(wasm === undefined ? undefined : { module_or_path: wasm }), modelBytes()])
    .then(([exports, model]) => {
      if (model) loadWordModel(model);
      return exports;
    })
    .catch((error) => {
      ready = undefined;
      throw error;
    });
  return ready;
}

/** The word model's bytes: given, fetched (by default from pkg/ next to this worker),
 * or null when the caller wants none. */
async function modelBytes() {
  if (words === false) return null;
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
