// The offline single file (dist/tomtat.html, written by `cargo xtask build`) opened over
// file:// with the browser offline and every request refused: it digests the seed and a
// pasted text exactly as the served page does, and asks for nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, serve } from './harness.mjs';
import { WWW, SEED, digestInNode } from './oracle.mjs';

const OFFLINE = fileURLToPath(new URL('../../dist/tomtat.html', import.meta.url));

/** A text of our own besides the seed, pasted into both pages. */
const PASTED = `Bộ Y tế yêu cầu các địa phương phải chuẩn bị đủ thuốc, vật tư y tế cho mùa mưa bão.

Ủy ban nhân dân tỉnh giao Sở Tài chính cân đối ngân sách cho các huyện miền núi trong quý tới. Sở Y tế Hà Nội cho biết đã hoàn thành kế hoạch tiêm chủng mở rộng năm nay.`;

/** What the page shows for its text, read back from the page. */
function shown() {
  const highlights = {};
  if (globalThis.CSS?.highlights) {
    for (const [name, highlight] of CSS.highlights) highlights[name] = [...highlight].map(String);
  }
  return {
    // Without the time the digest took.
    status: document.getElementById('status').textContent.replace(/ \([^)]*ms\)\.$/, ''),
    text: document.getElementById('text').textContent,
    sentences: [...document.querySelectorAll('#text .sentence')].map((s) => s.textContent),
    summary: [...document.querySelectorAll('#summary li')].map((li) => li.textContent),
    directives: [...document.querySelectorAll('#directives tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent)),
    keywords: [...document.querySelectorAll('#keywords li')].map((li) => li.textContent),
    highlights,
  };
}

/** Shows the seed (short summary) and then the pasted text; returns what was shown and exported. */
async function digestBoth(page) {
  const results = [];
  await page.click('#sample');
  await page.check('input[name=length][value=short]');
  await page.waitForFunction(
    (seed) => document.getElementById('text').textContent === seed && document.getElementById('status').textContent.startsWith('Đã phân tích'),
    SEED,
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  results.push({ ...(await page.evaluate(shown)), exported: JSON.parse(readFileSync(await download.path(), 'utf8')) });
  await page.fill('#input', PASTED);
  await page.waitForFunction(
    (text) => document.getElementById('text').textContent === text && document.getElementById('status').textContent.startsWith('Đã phân tích'),
    PASTED,
  );
  results.push(await page.evaluate(shown));
  return results;
}

test('the offline file over file://, network off and every request refused, shows what the served page shows', async (t) => {
  assert.ok(existsSync(OFFLINE), `${OFFLINE} is missing: run \`cargo xtask build\` (cargo xtask test does)`);
  const url = pathToFileURL(OFFLINE).href;

  const offline = await launch({ acceptDownloads: true });
  let fromFile;
  const attempted = [];
  const errors = [];
  try {
    await offline.context.setOffline(true);
    offline.context.on('request', (request) => request.url() !== url && attempted.push(request.url()));
    // Everything is refused but the file itself (a file:// load is not a network request,
    // but the router sees it too).
    await offline.context.route('**', (route) => (route.request().url() === url ? route.continue() : route.abort('internetdisconnected')));
    const page = await offline.context.newPage();
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    assert.equal(await page.evaluate(() => location.protocol), 'file:');
    fromFile = await digestBoth(page);
  } finally {
    await offline.close();
  }
  assert.deepEqual(attempted.filter((u) => !u.startsWith('blob:')), [], 'no request but the file');
  assert.deepEqual(errors, []);

  const site = await serve(WWW);
  const served = await launch({ acceptDownloads: true });
  let fromSite;
  try {
    const page = await served.context.newPage();
    await page.goto(site.origin + '/');
    fromSite = await digestBoth(page);
  } finally {
    await served.close();
    await site.close();
  }

  assert.deepEqual(fromFile, fromSite);
  // And both are the digest itself.
  const digest = await digestInNode(SEED, { length: 'short' });
  assert.equal(fromFile[0].sentences.length, digest.sentences.length);
  assert.equal(fromFile[0].directives.length, 4);
  assert.deepEqual(fromFile[0].exported.directives.map((d) => d.actions.map((a) => a.text)), digest.directives.map((d) => d.actions.map((a) => a.text)));
  t.diagnostic(`offline file: ${readFileSync(OFFLINE).length} bytes`);
});

test('the offline file holds everything inline: no src, href or fetch of another file', () => {
  const html = readFileSync(OFFLINE, 'utf8');
  assert.ok(!/<script[^>]*\ssrc=/i.test(html), 'no external script');
  assert.ok(!/<link[^>]*rel="stylesheet"/i.test(html), 'no external stylesheet');
  assert.match(html, /<div id="seed-text" hidden>Phát huy tinh thần/);
  assert.match(html, /const WASM_BASE64 = "AGFzbQ/, 'the wasm, base64 (\\0asm)');
});
