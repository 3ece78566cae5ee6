// Browser benchmark: prints figures, passes or fails on nothing. Loads the production
// build (www/pkg/, from `cargo xtask build`) in headless Chromium and prints the cold
// start (module load and wasm compile to the first digest, in the page and through
// the production worker), milliseconds per article over the dev articles, one 1 MB
// input, and the wasm memory size along 1,000 digests (it must stay flat after the
// warm-up). Run: `node tests/browser/bench.mjs` or `cargo xtask bench-browser`.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch, serve } from './harness.mjs';
import { SEED } from './oracle.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEV = new URL('../../../shared/data/news-dev.jsonl', import.meta.url);

if (!existsSync(`${ROOT}www/pkg/tomtat_bg.wasm`)) {
  console.error('www/pkg/ is not built: run `cargo xtask build` first');
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
} finally {
  await browser.close();
  await server.close();
}
