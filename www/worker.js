// The Web Worker that runs the digest, so that a long article never freezes the page;
// the only script that touches the wasm. Messages in: `{ id, text, options }`, and
// optionally first `{ wasm }` (a URL, or the module's bytes for a bundle that inlines
// them). Messages out: `{ id, digest, ms }` or `{ id, error }`. When requests pile up
// while one runs, only the newest is digested: the others are already stale.

import init, { digest } from './pkg/tomtat.js';

let wasm;
let ready;
let latest = null;
let scheduled = false;

self.onmessage = ({ data }) => {
  if ('wasm' in data) {
    wasm = data.wasm;
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
    ready ??= init(wasm === undefined ? undefined : { module_or_path: wasm });
    await ready;
    const started = performance.now();
    const result = digest(request.text, request.options ?? null);
    self.postMessage({ id: request.id, digest: result, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ id: request.id, error: String(error?.message ?? error) });
  }
}
