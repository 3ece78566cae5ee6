// Browser benchmark: prints figures, passes or fails on nothing. Loads the production
// build (dist/www/, www/ as it ships, from `cargo xtask build`) in headless Chromium and prints the cold
// start (module load and wasm compile to the first digest, in the page and through
// the production worker), milliseconds per article over the dev articles, one 1 MB
// input, and the wasm memory size along 1,000 digests (it must stay flat after the
// warm-up), and the paste page at any length: for 0.1 to 8 MB, the time from the
// text set in the box (and an `input` event, as a paste) to the status reporting the
// result, the longest the page's main thread was blocked meanwhile (long tasks and
// gaps between frames), the ratio 4 MB / 0.5 MB, and how soon a text over the limit
// is refused; and the widget on a news page whose article is 0.5 to 4 MB: the time from
// opening it to its digest (finding the article, loading the worker and wasm,
// digesting) and the longest main-thread block meanwhile.
// Run: `node tests/browser/bench.mjs` or `cargo xtask bench-browser`.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, serve } from './harness.mjs';
import { SEED } from './oracle.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Runs of each size of the paste page. */
const RUNS = 3;
const DEV = new URL('../../../shared/data/news-dev.jsonl', import.meta.url);

if (!existsSync(`${ROOT}dist/www/pkg/tomtat_bg.wasm`)) {
  console.error('dist/www/ is not built: run `cargo xtask build` first');
  process.exit(1);
}

/** The dev articles as `title\n\nbody` (as the native benchmark reads them), or the seed. */
function articles() {
  if (!existsSync(DEV)) {
    console.log(`${fileURLToPath(DEV)} is absent: measuring the seed only`);
    return [SEED];
  }
  return readFileSync(DEV, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line))
    .map((a) => `${a.title ?? ''}\n\n${a.body ?? ''}`);
}

/** `text` repeated and cut to about `size` UTF-8 bytes (at a code point). */
function repeatTo(text, size) {
  const bytes = Buffer.from(text.repeat(Math.ceil(size / Buffer.byteLength(text)) + 1)).subarray(0, size);
  return bytes.toString('utf8').replace(/\uFFFD$/, '');
}

const texts = articles();
const server = await serve(ROOT);
const browser = await launch();
try {
  const ms = (x) => `${x.toFixed(1)} ms`;
  const open = async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/tests/browser/bench.html`);
    await page.waitForFunction(() => window.bench);
    return page;
  };
  // Each cold start on a fresh page; the server sends no-store, so nothing is cached.
  const colds = [];
  for (let run = 0; run < 3; run++) {
    const page = await open();
    colds.push(await page.evaluate((text) => window.bench.coldStart(text), SEED));
    await page.close();
  }
  const best = colds.reduce((a, b) => (a.total <= b.total ? a : b));
  console.log(
    `cold start, page (import + wasm compile + first digest of the seed), best of 3: ${ms(best.total)} ` +
      `(load ${ms(best.load)}, first digest ${ms(best.first)})`,
  );
  const workerPage = await open();
  const worker = await workerPage.evaluate((text) => window.bench.workerColdStart(text), SEED);
  console.log(`cold start, production worker (new Worker to first digest received): ${ms(worker.total)}`);
  await workerPage.close();

  const page = await open();
  await page.evaluate((text) => window.bench.coldStart(text), SEED);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const first = await page.evaluate((t) => window.bench.perText(t), texts);
  // The machine is shared: the best of three warm passes, as the native benchmark does.
  let warm = Infinity;
  for (let pass = 0; pass < 3; pass++) warm = Math.min(warm, await page.evaluate((t) => window.bench.perText(t), texts));
  console.log(
    `${texts.length} articles (${(bytes / 1e6).toFixed(2)} MB), mean ms per article: ${first.toFixed(3)} on the first ` +
      `pass, ${warm.toFixed(3)} warm (best of 3 passes; ${(bytes / 1e6 / ((warm * texts.length) / 1e3)).toFixed(1)} MB/s)`,
  );
  const sizes = await page.evaluate((t) => window.bench.memoryGrowth(t, 1000, 100), texts);
  const mb = (n) => `${(n / 1048576).toFixed(1)}`;
  console.log(`wasm memory after every 100 of 1,000 digests (MiB): ${sizes.map(mb).join(' ')}`);
  console.log(
    sizes[sizes.length - 1] === sizes[1] ? 'memory: flat after the warm-up' : 'memory: STILL GROWING after the warm-up',
  );
  for (const size of [1_000_000, 5_000_000]) {
    const text = repeatTo(texts.join('\n\n'), size);
    const time = await page.evaluate((t) => window.bench.once(t), text);
    console.log(`one input of ${size / 1000} KB: ${ms(time)}`);
  }
  const after = await page.evaluate(() => window.memory.buffer.byteLength);
  console.log(`wasm memory after the large inputs: ${mb(after)} MiB`);
  await page.close();
  await benchPage(texts.join('\n\n'));
  await benchWidget(texts.join('\n\n'));
} finally {
  await browser.close();
  await server.close();
}

/**
 * Init script of the paste page and of the widget's news page: records every long task
 * and every gap between two animation frames over 50 ms as `[end, length]` in page time;
 * a page that draws no frame is blocked, whatever blocks it (scripts, style, layout, paint).
 * `longestBlockSince(started)` reads them.
 */
function watchBlocks() {
  const blocks = [];
  // A second after the work: the longest block that ended after `started`.
  globalThis.longestBlockSince = async (started) => {
    await new Promise((done) => setTimeout(done, 1000));
    return Math.max(0, ...blocks.filter(([end]) => end > started).map(([, length]) => length));
  };
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) blocks.push([task.startTime + task.duration, task.duration]);
  }).observe({ type: 'longtask' });
  let last = performance.now();
  const frame = (now) => {
    if (now - last > 50) blocks.push([now, now - last]);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** In the page: `unit` repeated and cut to `bytes` UTF-8 bytes, kept for `pasteInPage` (built there, not sent over the wire). */
function makeText({ unit, bytes }) {
  const encoded = new TextEncoder().encode(unit.repeat(Math.ceil(bytes / new TextEncoder().encode(unit).length)));
  globalThis.benchText = new TextDecoder().decode(encoded.subarray(0, bytes)).replace(/\uFFFD$/, '');
}

/**
 * In the page: the text of `makeText` set in the box with an `input` event, as a
 * paste; resolves once the status reports the result or an error, and a second later
 * to the time that took and the longest block from the moment the text was set.
 */
async function pasteInPage() {
  const text = globalThis.benchText;
  delete globalThis.benchText;
  const input = document.getElementById('input');
  const status = document.getElementById('status');
  const started = performance.now();
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await new Promise((done) => {
    const check = () =>
      status.textContent.startsWith('Đã phân tích') || status.classList.contains('error') ? done() : setTimeout(check, 10);
    check();
  });
  const ms = performance.now() - started;
  return { ms, longest: await globalThis.longestBlockSince(started), status: status.textContent, error: status.classList.contains('error') };
}


/**
 * The paste page (dist/www/, as it ships) at 0.1 to 8 MB of real articles (`articles`, joined
 * and repeated) and of one line without a line break; each on a fresh page, each
 * figure the best of RUNS (the machine is shared: load only ever adds).
 */
async function benchPage(articles) {
  const kinds = [
    ['articles', articles],
    ['one line', 'Điện Biên phát triển nhanh. '],
  ];
  for (const [kind, unit] of kinds) {
    console.log(`the paste page, ${kind} (best of ${RUNS}): MB, time to result, longest main-thread block`);
    const times = {};
    for (const size of [0.1, 0.5, 1, 2, 4, 8]) {
      const result = await bestOf(unit, size * 1e6);
      times[size] = result.ms;
      console.log(`  ${size} MB: ${(result.ms / 1000).toFixed(2)} s, longest block ${Math.round(result.longest)} ms${result.error ? ` (${result.status})` : ''}`);
    }
    console.log(`  4 MB / 0.5 MB: ${(times[4] / times[0.5]).toFixed(1)}`);
    const over = await bestOf(unit, 8.4e6);
    console.log(`  8.4 MB (over the limit): “${over.status}” after ${Math.round(over.ms)} ms, longest block ${Math.round(over.longest)} ms`);
  }
}

/** The best time and the shortest longest block of RUNS pastes of `bytes` of `unit`. */
async function bestOf(unit, bytes) {
  let best = null;
  for (let run = 0; run < RUNS; run++) {
    const result = await pasteOnFreshPage(unit, bytes);
    best = best ? { ...best, ms: Math.min(best.ms, result.ms), longest: Math.min(best.longest, result.longest) } : result;
  }
  return best;
}

async function pasteOnFreshPage(unit, bytes) {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(watchBlocks);
    await page.goto(`${server.origin}/dist/www/`);
    await page.evaluate(makeText, { unit, bytes });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    return await page.evaluate(pasteInPage);
  } finally {
    await page.close();
  }
}

/**
 * In the news page: its article replaced by `bytes` UTF-8 bytes of `unit`'s paragraphs
 * (built there, not sent over the wire), cut at a sentence end after 500 units as a
 * news site's paragraphs are.
 */
function makeArticle({ unit, bytes }) {
  const paragraphs = unit.split(/\n+/).flatMap((p) => p.match(/.{500,}?[.!?](?:\s|$)|.+$/g) ?? []).map((p) => p.trim()).filter(Boolean);
  const article = document.querySelector('article');
  const encoder = new TextEncoder();
  const added = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const p = document.createElement('p');
    p.textContent = paragraphs[i % paragraphs.length];
    size += encoder.encode(p.textContent).length + 1;
    added.push(p);
  }
  article.replaceChildren(...added);
  // The page's widget read the short article already: a new one is opened on the long one.
  document.querySelector('tom-tat').remove();
}

/**
 * In the news page: adds a widget and opens it; resolves once it has its digest (or says why
 * not), and a second later to the time that took and the longest block from the opening.
 */
async function openWidget() {
  const widget = document.createElement('tom-tat');
  document.querySelector('.tomtat-slot').append(widget);
  const status = widget.shadowRoot.querySelector('.status');
  const started = performance.now();
  widget.toggle(true);
  await new Promise((done) => {
    const check = () => (widget.result || status.classList.contains('error') ? done() : setTimeout(check, 10));
    check();
  });
  const ms = performance.now() - started;
  const longest = await globalThis.longestBlockSince(started);
  return { ms, longest, status: status.textContent, error: !widget.result, length: widget.result?.text.length };
}

/**
 * The widget on the demo news page (dist/www/, as it ships) whose article is 0.5 to 4 MB of
 * real articles' paragraphs; each on a fresh page, opened once the site has laid its
 * article out, each figure the best of RUNS.
 */
async function benchWidget(articles) {
  console.log(`the widget on a news page (best of ${RUNS}): article MB, time from opening to the digest, longest main-thread block`);
  for (const size of [0.5, 1, 2, 4]) {
    let best = null;
    for (let run = 0; run < RUNS; run++) {
      const result = await widgetOnFreshPage(articles, size * 1e6);
      best = best ? { ...best, ms: Math.min(best.ms, result.ms), longest: Math.min(best.longest, result.longest) } : result;
    }
    const read = best.error ? ` (${best.status})` : `, ${(best.length / 1e6).toFixed(2)} M units read`;
    console.log(`  ${size} MB: ${(best.ms / 1000).toFixed(2)} s, longest block ${Math.round(best.longest)} ms${read}`);
  }
}

async function widgetOnFreshPage(unit, bytes) {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(watchBlocks);
    await page.goto(`${server.origin}/dist/www/news-demo.html`);
    await page.waitForFunction(() => customElements.get('tom-tat'));
    await page.evaluate(makeArticle, { unit, bytes });
    // The site's own style and layout of the article, before the widget is opened.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 500)))));
    return await page.evaluate(openWidget);
  } finally {
    await page.close();
  }
}
