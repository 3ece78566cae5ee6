// The page's side of the digest worker: one request at a time in flight from the
// caller's point of view; an answer to anything but the newest request is dropped.
// A worker whose wasm trapped, or that failed with an `error` event, is terminated and
// a fresh one started for the next request. Shared by the paste page and the widget.

/**
 * Starts the worker. `workerUrl` defaults to worker.js next to this module; `wasm`
 * (a URL or the module's bytes) overrides where the worker loads the wasm from, and
 * `words` (likewise) the word model;
 * `workerType` is 'classic' for a worker bundled into one script (the offline file:
 * over file:// Chromium starts no module worker from a Blob URL).
 * Returns `{ digest(text, options), terminate() }`; `digest` resolves to
 * `{ digest, ms }`, or to `null` when a newer request superseded it, and rejects with
 * an `Error` carrying the wasm's message (a bad option, a text too long) or saying
 * that the analyser failed and is restarted.
 */
export function createDigester({ workerUrl = new URL('./worker.js', import.meta.url), wasm, words, workerType = 'module' } = {}) {
  let worker = null;
  let newest = 0;
  /** The request waited for: `{ id, message, resolve, reject, pieces }` (the pieces of its digest so far), or null. */
  let waiting = null;

  function start() {
    const current = new Worker(workerUrl, { type: workerType });
    worker = current;
    if (wasm !== undefined || words !== undefined) current.postMessage({ wasm, words });
    current.onmessage = ({ data }) => {
      if (current !== worker) return;
      if (data.trapped) {
        fail(data.id, `bộ phân tích gặp sự cố và được khởi động lại (${data.error})`);
        return;
      }
      // Only the newest request is waited for: older ones were settled when it was made.
      if (waiting?.id !== data.id) return;
      if ('items' in data) {
        waiting.pieces.push(data);
        return;
      }
      const { resolve, reject, pieces } = waiting;
      waiting = null;
      if ('error' in data) {
        reject(new Error(data.error));
        return;
      }
      for (const { path, items } of pieces) {
        const list = path.reduce((at, key) => at[key], data.digest);
        for (const item of items) list.push(item);
      }
      resolve({ digest: data.digest, ms: data.ms });
    };
    current.onerror = (event) => {
      event.preventDefault();
      if (current === worker) fail(null, `bộ phân tích không chạy được: ${event.message ?? 'lỗi không rõ'}`);
    };
  }

  /**
   * Drops the failed worker. The request it failed on (`id`, or whichever is waiting
   * when null) is rejected with `message` and the next request starts a fresh worker;
   * a newer request already waiting is sent again to a fresh worker at once.
   */
  function fail(id, message) {
    worker.terminate();
    worker = null;
    if (!waiting) return;
    if (id === null || waiting.id === id) {
      const { reject } = waiting;
      waiting = null;
      reject(new Error(message));
    } else {
      start();
      waiting.pieces = [];
      worker.postMessage(waiting.message);
    }
  }

  start();

  return {
    digest(text, options) {
      const id = ++newest;
      // Earlier requests will never be shown: settle them now.
      waiting?.resolve(null);
      return new Promise((resolve, reject) => {
        const message = { id, text, options };
        waiting = { id, message, resolve, reject, pieces: [] };
        if (!worker) start();
        worker.postMessage(message);
      });
    },
    terminate() {
      worker?.terminate();
      worker = null;
      waiting?.resolve(null);
      waiting = null;
    },
  };
}
