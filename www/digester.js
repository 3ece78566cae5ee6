// The page's side of the digest worker: one request at a time in flight from the
// caller's point of view; an answer to anything but the newest request is dropped.
// Shared by the paste page and the widget.

/**
 * Starts the worker. `workerUrl` defaults to worker.js next to this module; `wasm`
 * (a URL or the module's bytes) overrides where the worker loads the wasm from;
 * `workerType` is 'classic' for a worker bundled into one script (the offline file:
 * over file:// Chromium starts no module worker from a Blob URL).
 * Returns `{ digest(text, options), terminate() }`; `digest` resolves to
 * `{ digest, ms }`, or to `null` when a newer request superseded it, and rejects with
 * an `Error` carrying the wasm's message (a bad option, a text too long).
 */
export function createDigester({ workerUrl = new URL('./worker.js', import.meta.url), wasm, workerType = 'module' } = {}) {
  const worker = new Worker(workerUrl, { type: workerType });
  if (wasm !== undefined) worker.postMessage({ wasm });
  let newest = 0;
  const waiting = new Map();

  worker.onmessage = ({ data }) => {
    // Only the newest request is waited for: older ones were settled when it was made.
    const pending = waiting.get(data.id);
    if (!pending) return;
    waiting.delete(data.id);
    if ('error' in data) pending.reject(new Error(data.error));
    else pending.resolve({ digest: data.digest, ms: data.ms });
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = new Error(`bộ phân tích không chạy được: ${event.message ?? 'lỗi không rõ'}`);
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };

  return {
    digest(text, options) {
      const id = ++newest;
      // Earlier requests will never be shown: settle them now.
      for (const pending of waiting.values()) pending.resolve(null);
      waiting.clear();
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, text, options });
      });
    },
    terminate() {
      worker.terminate();
      for (const pending of waiting.values()) pending.resolve(null);
      waiting.clear();
    },
  };
}
