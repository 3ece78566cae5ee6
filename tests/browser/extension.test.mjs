// The browser extension (dist/extension/, written by `cargo xtask build`) in Chromium,
// loaded unpacked: its toolbar action, dispatched through the DevTools protocol as a
// click would, opens its side panel and grants it the tab; the panel (opened here as a
// tab for that tab, as the side panel cannot be driven) reads the article with
// find-article.js, digests it inside the extension and shows the seed's four
// directives; a click highlights the sentence in the page without changing its DOM.
// It works on a page whose own CSP forbids wasm and inline scripts, on a Vietnamese
// article opened as a local file, says "Không tìm thấy bài viết" on a page without one
// and on an English 404 page, has icons, and no request leaves the machine; chrome://extensions shows it without warning or
// error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FLAGS, foreignRequests, launch, recordRequests, serve } from './harness.mjs';
import { SEED, WWW, digestInNode } from './oracle.mjs';

const EXTENSION = fileURLToPath(new URL('../../dist/extension/', import.meta.url));
/** Stricter than the widget needs: the page's own scripts only, no wasm, no inline anything. */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const PREFIX = 'tomtat-extension';
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Chromium with the extension loaded; `{ context, id, worker, cdp, close }`. */
async function withExtension(t) {
  assert.ok(existsSync(join(EXTENSION, 'manifest.json')), `${EXTENSION} is missing: run \`cargo xtask build\` (cargo xtask test does)`);
  const browser = await launch({
    args: [...FLAGS, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--enable-unsafe-extension-debugging'],
    ignoreDefaultArgs: ['--disable-extensions'],
    reducedMotion: 'reduce',
  });
  t.after(() => browser.close());
  const { context } = browser;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const cdp = await context.browser().newBrowserCDPSession();
  return { context, id, worker, cdp };
}

/**
 * Clicks the extension's toolbar button for `page` (what grants it `activeTab`), then
 * opens its panel for that tab and waits for the panel to settle; the panel's page.
 */
async function openPanel({ context, id, worker, cdp }, page) {
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((info) => info.url === page.url());
  await cdp.send('Extensions.triggerAction', { id, targetId: tab.targetId });
  // The tab's id, which the extension may see now that the click granted it the tab.
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
  assert.ok(tabId, 'the action granted the extension the tab');
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${id}/panel.html?tab=${tabId}`);
  await panel.waitForFunction(() => /^(Đã phân tích|Không)/.test(document.getElementById('status').textContent));
  return panel;
}

/** The highlight the extension drew in the page, as the text of each range, or null. */
function readHighlight(name) {
  const highlight = CSS.highlights.get(name);
  return highlight ? [...highlight].map((range) => range.toString()) : null;
}

test('the manifest is MV3 with activeTab, scripting and sidePanel only, no host permission, a strict CSP', async () => {
  const manifest = JSON.parse(await readFile(join(EXTENSION, 'manifest.json'), 'utf8'));
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions.sort(), ['activeTab', 'scripting', 'sidePanel']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.content_scripts, undefined, 'injected on a click only, never declared for every page');
  assert.equal(manifest.web_accessible_resources, undefined);
  assert.match(manifest.content_security_policy.extension_pages, /^script-src 'self' 'wasm-unsafe-eval';/);
  assert.ok(manifest.commands._execute_action.suggested_key.default, 'a keyboard shortcut');
});

test('the manifest names icons for the toolbar and the extensions page: PNG files of the sizes it declares', async () => {
  const manifest = JSON.parse(await readFile(join(EXTENSION, 'manifest.json'), 'utf8'));
  assert.deepEqual(Object.keys(manifest.icons).sort((a, b) => a - b), ['16', '32', '48', '128']);
  for (const icons of [manifest.icons, manifest.action.default_icon]) {
    for (const [size, path] of Object.entries(icons)) {
      const png = await readFile(join(EXTENSION, path));
      assert.equal(png.subarray(1, 4).toString(), 'PNG', path);
      // The IHDR chunk's width and height, right after the signature and the chunk header.
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [Number(size), Number(size)], path);
    }
  }
});

test('on the demo news page under a strict CSP: the seed’s four directives, a click highlights in the page, nothing leaves the machine', async (t) => {
  const session = await withExtension(t);
  const site = await serve(WWW, { headers: () => ({ 'content-security-policy': STRICT_CSP }) });
  t.after(() => site.close());
  const urls = recordRequests(session.context);
  const errors = [];
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1000, height: 820 });
  await page.goto(`${site.origin}/news-demo.html`);

  const panel = await openPanel(session, page);
  await panel.setViewportSize({ width: 400, height: 820 });
  panel.on('console', (message) => ['error', 'warning'].includes(message.type()) && errors.push(message.text()));
  panel.on('pageerror', (error) => errors.push(error.message));
  assert.match(await panel.textContent('#status'), /^Đã phân tích \d+ câu/);

  const expected = await digestInNode(SEED.trim(), { length: 'short' });
  assert.equal(expected.directives.length, 4);
  const items = panel.locator('#directives .item');
  assert.equal(await items.count(), 4);
  for (const [i, d] of expected.directives.entries()) {
    const shown = await items.nth(i).textContent();
    for (const part of [d.issuer?.text ?? '(không nêu)', d.addressee?.text ?? '(không nêu)', ...d.actions.map((a) => a.text)]) {
      assert.ok(shown.includes(part), `directive ${i} shows “${part}”`);
    }
  }
  assert.deepEqual(
    await panel.locator('#summary .item').allTextContents(),
    expected.summary.map((item) => expected.sentences[item.sentence].text),
  );
  assert.deepEqual(await panel.locator('#keywords .item').allTextContents(), expected.keywords.filter((k) => k.occurrences.length).map((k) => k.text));

  // A click on a directive highlights its sentence in the site's own text, scrolled to, DOM unchanged.
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  await page.evaluate(() => scrollTo(0, 0));
  await items.nth(2).click();
  const sentence = expected.sentences[expected.directives[2].index];
  await page.waitForFunction((name) => CSS.highlights.has(name), `${PREFIX}-sentence`);
  assert.deepEqual(await page.evaluate(readHighlight, `${PREFIX}-sentence`), [sentence.text]);
  const where = await page.evaluate((name) => {
    const [range] = CSS.highlights.get(name);
    const rect = range.getBoundingClientRect();
    return { inArticle: !!range.startContainer.parentElement.closest('article'), top: rect.top, bottom: rect.bottom, height: innerHeight };
  }, `${PREFIX}-sentence`);
  assert.ok(where.inArticle, 'the range is over the article in the page');
  assert.ok(where.top >= 0 && where.bottom <= where.height, `scrolled into view: ${JSON.stringify(where)}`);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before, "the page's DOM is unchanged");
  // The highlight's colour comes from the stylesheet the panel inserted, not from the page.
  const colour = await page.evaluate((name) => {
    const [range] = CSS.highlights.get(name);
    return getComputedStyle(range.startContainer.parentElement, `::highlight(${name})`).backgroundColor;
  }, `${PREFIX}-sentence`);
  assert.equal(colour, 'rgb(255, 226, 122)');

  assert.deepEqual(errors, []);
  assert.deepEqual(foreignRequests(urls, [site.origin, `chrome-extension://${session.id}`]), [], 'no request leaves the machine');

  // The README's picture: the article column with the first directive highlighted, and the
  // panel at a side panel's width beside it, from its top.
  await items.nth(0).click();
  await page.waitForFunction(
    ([name, text]) => CSS.highlights.get(name) && [...CSS.highlights.get(name)].map(String).join('') === text,
    [`${PREFIX}-sentence`, expected.sentences[expected.directives[0].index].text],
  );
  await panel.evaluate(() => scrollTo(0, 0));
  await mkdir(SCREENSHOTS, { recursive: true });
  const [left, right] = await Promise.all([page.screenshot({ clip: { x: 0, y: 0, width: 670, height: 820 } }), panel.screenshot()]);
  const picture = await session.context.newPage();
  await picture.setViewportSize({ width: 1071, height: 820 });
  await picture.setContent(
    `<body style="margin:0;display:flex;gap:1px;background:#8c959f"><img src="data:image/png;base64,${left.toString('base64')}"><img src="data:image/png;base64,${right.toString('base64')}"></body>`,
  );
  await picture.screenshot({ path: `${SCREENSHOTS}extension.png` });

  // What chrome://extensions shows of it after all this: enabled, no warning, no error, its
  // worker, the side panel the click opened beside the test's panel tab, its shortcut.
  const manager = await session.context.newPage();
  await manager.goto('chrome://extensions/');
  const info = await manager.evaluate(async (id) => {
    const all = await chrome.developerPrivate.getExtensionsInfo({ includeDisabled: true });
    const { state, installWarnings, manifestErrors, runtimeErrors, views, commands } = all.find((e) => e.id === id);
    return { state, installWarnings, manifestErrors, runtimeErrors, views: views.map((v) => `${v.type} ${new URL(v.url).pathname}`).sort(), keys: commands.map((c) => c.keybinding) };
  }, session.id);
  assert.deepEqual(info, {
    state: 'ENABLED',
    installWarnings: [],
    manifestErrors: [],
    runtimeErrors: [],
    views: ['EXTENSION_SERVICE_WORKER_BACKGROUND /background.js', 'EXTENSION_SIDE_PANEL /panel.html', 'TAB_CONTENTS /panel.html'],
    keys: ['Alt+Shift+T'],
  });
});

test('a Vietnamese article saved as a local file, and a page without an article', async (t) => {
  const session = await withExtension(t);
  const dir = await mkdtemp(join(tmpdir(), 'tomtat-extension-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const urls = recordRequests(session.context);
  const [title, ...paragraphs] = SEED.trim().split(/\n\s*\n/);
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const article = join(dir, 'bai-viet.html');
  await writeFile(
    article,
    `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${escape(title)}</title><body><nav><a href="#">Trang chủ</a> <a href="#">Thời sự</a></nav><article><h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</article></body></html>`,
  );
  const page = await session.context.newPage();
  await page.goto(pathToFileURL(article).href);
  const panel = await openPanel(session, page);
  const expected = await digestInNode(SEED.trim(), { length: 'short' });
  assert.equal(await panel.locator('#directives .item').count(), expected.directives.length);
  await panel.locator('#summary .item').first().click();
  await page.waitForFunction((name) => CSS.highlights.has(name), `${PREFIX}-sentence`);
  assert.deepEqual(await page.evaluate(readHighlight, `${PREFIX}-sentence`), [expected.sentences[expected.summary[0].sentence].text]);

  const empty = join(dir, 'trong.html');
  await writeFile(empty, '<!doctype html><meta charset="utf-8"><title>Trống</title><body></body>');
  const blank = await session.context.newPage();
  await blank.goto(pathToFileURL(empty).href);
  const nothing = await openPanel(session, blank);
  assert.equal(await nothing.textContent('#status'), 'Không tìm thấy bài viết');
  assert.equal(await nothing.isVisible('#directives-section'), false);

  assert.deepEqual(foreignRequests(urls, ['file://', `chrome-extension://${session.id}`]), [], 'no request leaves the machine');
});

test('on an English 404 page the panel says no article was found instead of digesting the error', async (t) => {
  const session = await withExtension(t);
  const missing = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found | Example News</title></head><body>
    <header><a href="/">Example News</a><nav><a href="#">World</a> <a href="#">Business</a> <a href="#">Sport</a></nav></header>
    <main><h1>Sorry, this page isn't available</h1><p>The link you followed may be broken, or the page may have been removed. Check the address, or search for the story you were looking for.</p></main>
    <footer><p>© 2024 Example News. All rights reserved.</p></footer></body></html>`;
  await session.context.route('https://news.example/**', (route) =>
    route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: missing }));
  const page = await session.context.newPage();
  await page.goto('https://news.example/2024/no-such-story');
  const panel = await openPanel(session, page);
  assert.equal(await panel.textContent('#status'), 'Không tìm thấy bài viết');
  assert.equal(await panel.isVisible('#summary-section'), false);
  assert.equal(await panel.isVisible('#directives-section'), false);
});
