// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core on a
// fresh profile, a static server on 127.0.0.1, and a record of every request made.

import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

/** Where Debian's chromium package puts the browser; overridable for other systems. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep a headless Chromium quiet on a machine without network. */
export const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium on a new temporary profile. Returns the browser context and a
 * `close()` that also removes the profile.
 */
export async function launch(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'tomtat-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    ...options,
  });
  // Waits are generous: a slower machine or Chromium release must not fail a test
  // that asserts behaviour, not speed (the benchmark prints the times).
  context.setDefaultTimeout(120_000);
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serves the files under `root` on 127.0.0.1 (a free port). `headers(path)` may add
 * response headers per file (e.g. a Content-Security-Policy). Returns `{ origin, close }`.
 */
export async function serve(root, { headers = () => ({}) } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers(path) });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}

/**
 * Records the URL of every request the context makes (pages and their workers), so a
 * test can assert that nothing went outside its own origin.
 */
export function recordRequests(context) {
  const urls = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** The recorded URLs that are neither from one of `origins` nor inline (data:, blob:). */
export function foreignRequests(urls, origins) {
  return urls.filter((url) => !/^(data|blob|about):/.test(url) && !origins.some((o) => url.startsWith(o + '/')));
}

/**
 * Records every request the context makes (pages, their workers, the wasm they load)
 * as `{ url, method, body }`, so a test can assert what left the page and what it
 * carried.
 */
export function recordTraffic(context) {
  const requests = [];
  context.on('request', (request) => requests.push({ url: request.url(), method: request.method(), body: request.postData() }));
  return requests;
}

/**
 * Asserts that `requests` (from `recordTraffic`) are only GETs without a body of the
 * paths `assets` of `origin` (inline data:, blob: and about: URLs aside), and that none
 * carries any of `secrets` (pieces of the text the page was given) in its URL, decoded
 * or not.
 */
export function assertOnlyOwnAssets(requests, origin, assets, secrets = []) {
  for (const { url, method, body } of requests) {
    for (const secret of secrets) {
      for (const form of [url, safeDecode(url), body ?? '']) {
        if (form.includes(secret)) throw new Error(`a request carries the text “${secret}”: ${method} ${url.slice(0, 200)}`);
      }
    }
    if (/^(data|blob|about):/.test(url)) continue;
    const { origin: from, pathname } = new URL(url);
    if (from !== origin || !assets.includes(pathname) || method !== 'GET' || body) {
      throw new Error(`a request other than the page's own assets: ${method} ${url.slice(0, 200)}`);
    }
  }
}

function safeDecode(url) {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * Init script: records every gap between two animation frames over 50 ms as
 * `[end, length]` in page time; a page that draws no frame is frozen, whatever the
 * cause (scripts, style, layout, a message).
 */
export function watchFrameGaps() {
  globalThis.frameGaps = [];
  globalThis.frames = 0;
  let last = performance.now();
  const draw = (now) => {
    if (now - last > 50) globalThis.frameGaps.push([now, now - last]);
    last = now;
    globalThis.frames++;
    requestAnimationFrame(draw);
  };
  requestAnimationFrame(draw);
}
