// The Web Worker that runs the digest, so that a long article never freezes the page;
// the only script that touches the wasm. Messages in: `{ id, text, options }`, and
// optionally first `{ wasm, words }` (URLs, or the bytes for a bundle that inlines
// them) for the wasm and the word model. The word model (pkg/words.bin) is loaded with
// the first request that needs it (keywords, unless `keywords: false`, or `words`),
// fetched while the wasm compiles: the widget, which asks for neither, never loads it.
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
let wordsReady;
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
  scheduled = false;
  const request = latest;
  latest = null;
  if (!request) return;
  try {
    // A failed load is tried again with the next request.
    ready ??= init(wasm === undefined ? undefined : { module_or_path: wasm }).catch((error) => {
      ready = undefined;
      throw error;
    });
    if (needsWords(request.options)) {
      wordsReady ??= Promise.all([ready, modelBytes()])
        .then(([, bytes]) => loadWordModel(bytes))
        .catch((error) => {
          wordsReady = undefined;
          throw error;
        });
      await wordsReady;
    }
    const exports = await ready;
    const started = performance.now();
    const result = DEBUG_TRAP && request.text.includes(TRAP_TEXT) ? trap(exports) : digest(request.text, request.options ?? null);
    self.postMessage({ id: request.id, digest: result, ms: performance.now() - started });
  } catch (error) {
    const trapped = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id: request.id, error: String(error?.message ?? error), trapped });
  }
}

/** Whether a digest with `options` needs the word model (see the `keywords` option). */
function needsWords(options) {
  return options?.keywords !== false || options?.words === true;
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
