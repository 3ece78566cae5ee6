// The news-site widget (www/widget.js) in Chromium: on the demo news page, served under
// the strict CSP, it digests the article and not the furniture, shows the seed's four
// directives and highlights a clicked sentence in the site's own text; `for` wins over
// the finder and the panel fits a phone; a hostile site stylesheet does not change it; the `<mark>` fallback leaves the text as it was; it
// loads from another origin (a CDN); on a 4 MB article it reads and digests the whole
// while the site keeps drawing; and on a real page whose own scripts never run it
// loads the worker and wasm only when opened and changes none of the page's nodes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foreignRequests, launch, recordRequests, serve, watchFrameGaps } from './harness.mjs';
import { WWW, SEED, digestInNode } from './oracle.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The CSP a strict news site sends: no inline script, no eval; wasm may compile. */
const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'";
/** The widget's default summary length. */
const LENGTH = 'short';

/** Furniture of news-demo.html that must stay out of what the widget digests. */
const FURNITURE = [
  'Giá vàng hôm nay tăng mạnh', // sidebar
  'Mong tỉnh sớm có đường cao tốc', // comments
  'Ảnh: VGP/Nhật Bắc', // photo caption
  'Vay tiêu dùng lãi suất ưu đãi', // ad
  'Điện Biên khởi công mở rộng Cảng hàng không', // related links inside the article
  'Quốc hội thảo luận dự án Luật Đất đai', // related news
  'Chia sẻ', // share bar
  'Theo Báo Chính phủ', // byline
  'Thời sự', // menu
];

/** Records CSP violations in the page (and its console) from the first script on. */
function watchViolations() {
  globalThis.violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    globalThis.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
}

/** Serves www/ (with the strict CSP on every file) and opens `path` on a fresh browser. */
async function open(path, { csp = true, init = [], viewport = { width: 1280, height: 900 } } = {}) {
  const site = await serve(WWW, { headers: () => (csp ? { 'content-security-policy': STRICT_CSP } : {}) });
  const browser = await launch({ viewport, reducedMotion: 'reduce' });
  const urls = recordRequests(browser.context);
  const page = await browser.context.newPage();
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  for (const script of [watchViolations, ...init]) await page.addInitScript(script);
  await page.goto(site.origin + path);
  return {
    page,
    errors,
    urls,
    foreign: () => foreignRequests(urls, [site.origin]),
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

/** Waits for the widget's digest and returns `{ text, digest }`. */
async function widgetResult(page) {
  await page.waitForFunction(() => document.querySelector('tom-tat')?.result);
  return page.evaluate(() => document.querySelector('tom-tat').result);
}

/** The sentence highlight the widget drew, as the text of each range, or null. */
function readHighlight() {
  const highlight = CSS.highlights.get('tomtat-widget-sentence');
  return highlight ? [...highlight].map((range) => range.toString()) : null;
}

test('demo news page under a strict CSP: the article digested, four directives, a click highlights in the page', async () => {
  const session = await open('/news-demo.html');
  const { page } = session;
  try {
    const { text, digest } = await widgetResult(page);
    // The widget read the article itself: the seed, title and sapo included, and nothing else.
    assert.equal(text, SEED.trim());
    for (const junk of FURNITURE) assert.ok(!text.includes(junk), `leaves out “${junk}”`);
    assert.deepEqual(digest, await digestInNode(text, { length: LENGTH, keywords: false }));

    // Collapsed until opened; then the four directives, as the digest has them.
    assert.equal(await page.isVisible('tom-tat .body'), false);
    await page.click('tom-tat .toggle');
    assert.equal(await page.getAttribute('tom-tat .toggle', 'aria-expanded'), 'true');
    const items = page.locator('tom-tat .directive-item');
    assert.equal(await items.count(), 4);
    assert.equal(digest.directives.length, 4);
    for (const [i, d] of digest.directives.entries()) {
      const shown = await items.nth(i).textContent();
      for (const part of [d.issuer?.text ?? '(không nêu)', d.addressee?.text ?? '(không nêu)', ...d.actions.map((a) => a.text)]) {
        assert.ok(shown.includes(part), `directive ${i} shows “${part}”`);
      }
    }
    for (const label of ['Ai chỉ đạo', 'Giao cho ai', 'Việc cần làm']) assert.ok((await items.first().textContent()).includes(label));
    const summary = await page.locator('tom-tat .summary-item').allTextContents();
    assert.deepEqual(summary, digest.summary.map((item) => digest.sentences[item.sentence].text));

    // A click highlights that sentence in the site's article (its own text nodes) and scrolls to it.
    const before = await page.evaluate(() => document.body.innerHTML);
    await page.evaluate(() => scrollTo(0, 0));
    await items.nth(2).click();
    const sentence = digest.sentences[digest.directives[2].index];
    assert.deepEqual(await page.evaluate(readHighlight), [sentence.text]);
    const where = await page.evaluate(() => {
      const [range] = CSS.highlights.get('tomtat-widget-sentence');
      const rect = range.getBoundingClientRect();
      return { inArticle: !!range.startContainer.parentElement.closest('article.fck-detail'), top: rect.top, bottom: rect.bottom, height: innerHeight };
    });
    assert.ok(where.inArticle, 'the range is over the article in the page');
    assert.ok(where.top >= 0 && where.bottom <= where.height, `scrolled into view: ${JSON.stringify(where)}`);
    assert.equal(await page.getAttribute('tom-tat .directive-item >> nth=2', 'aria-current'), 'true');
    assert.equal(await page.evaluate(() => document.body.innerHTML), before, "the site's DOM is unchanged");
    // The highlight rule sits in a constructed sheet of the document, not in a node.
    assert.ok(await page.evaluate(() => [...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('tomtat-widget-sentence')))));

    // Themed through the site's --tomtat-accent (news-demo.css sets the site's red).
    assert.equal(await page.locator('tom-tat .toggle').evaluate((el) => getComputedStyle(el).color), 'rgb(159, 34, 78)');

    // Closing the panel removes the highlight.
    await page.click('tom-tat .toggle');
    assert.equal(await page.evaluate(readHighlight), null);

    assert.deepEqual(await page.evaluate(() => globalThis.violations), [], 'no CSP violation');
    assert.deepEqual(session.errors, []);
    assert.deepEqual(session.foreign(), []);
    assert.ok(session.urls.some((url) => url.endsWith('/pkg/tomtat_bg.wasm')), 'the wasm was loaded');
    assert.ok(session.urls.some((url) => url.endsWith('/pkg/words.bin')), 'the word model was loaded: the directives read words');
  } finally {
    await session.close();
  }
});

test('the summary is listed and a click highlights its sentence', async () => {
  const session = await open('/news-demo.html');
  const { page } = session;
  try {
    const { digest } = await widgetResult(page);
    assert.ok(digest.summary.length > 0, 'the digest has a summary');
    await page.click('tom-tat .toggle');
    await page.locator('tom-tat .summary-item').first().click();
    assert.deepEqual(await page.evaluate(readHighlight), [digest.sentences[digest.summary[0].sentence].text]);
  } finally {
    await session.close();
  }
});

test('a widget taken off the page takes its highlight with it, also of the first sentence', async () => {
  const session = await open('/news-demo.html');
  const { page } = session;
  try {
    await widgetResult(page);
    await page.evaluate(() => document.querySelector('tom-tat').highlight(0));
    assert.equal((await page.evaluate(readHighlight)).length, 1, 'sentence 0 is highlighted');
    await page.evaluate(() => document.querySelector('tom-tat').remove());
    assert.deepEqual((await page.evaluate(readHighlight)) ?? [], [], 'nothing is left highlighted');
  } finally {
    await session.close();
  }
});

/**
 * A stylesheet that restyles everything a careless (or hostile) site might. Not the
 * page's own layout around the widget (a rotated or translucent column turns anything
 * in it): that is the site's to decide.
 */
const HOSTILE = `
* { font-family: "Comic Sans MS", cursive !important; font-size: 27px !important; font-style: italic !important;
    color: #f0f !important; background: #0f0 !important; text-transform: uppercase !important; letter-spacing: 4px !important;
    line-height: 3 !important; margin: 12px !important; padding: 10px !important; border: 4px dotted #00f !important;
    box-sizing: content-box !important; text-align: center !important; white-space: pre !important; transition: all 3s; }
div { display: inline !important; width: 30px !important; visibility: visible; }
p { font-size: 5px !important; text-indent: 50px; }
button { all: unset !important; font-size: 40px !important; color: red !important; display: inline !important; }
ul, ol, li { list-style: square inside !important; }
h2 { display: none !important; }
`;

/** Computed styles and geometry (relative to the panel) of every element in the widget. */
function widgetLook() {
  const host = document.querySelector('tom-tat');
  const box = host.shadowRoot.querySelector('.box');
  const origin = box.getBoundingClientRect();
  const props = [
    'display', 'font-family', 'font-size', 'font-style', 'font-weight', 'line-height', 'color', 'background-color',
    'text-transform', 'letter-spacing', 'text-align', 'text-indent', 'margin', 'padding', 'border', 'list-style-type',
    'opacity', 'transform', 'visibility',
  ];
  return [box, ...box.querySelectorAll('*')].map((el) => {
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return {
      el: `${el.localName}.${el.className}`,
      ...Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)])),
      // Where it is in the panel (nowhere when not rendered).
      box: el.getClientRects().length
        ? [rect.left - origin.left, rect.top - origin.top, rect.width, rect.height].map((x) => Math.round(x * 10) / 10)
        : null,
    };
  });
}

test('an explicit for="selector" wins over the finder, also when it changes', async () => {
  const session = await open('/news-demo.html', { viewport: { width: 390, height: 844 } });
  const { page } = session;
  try {
    // At phone width the sidebar, and the widget in it, come after the article: opening it
    // starts the digest.
    await page.click('tom-tat .toggle');
    const first = await widgetResult(page);
    assert.equal(first.text, SEED.trim());
    const box = await page.locator('tom-tat .box').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `panel within the screen: ${JSON.stringify(box)}`);
    await page.evaluate(() => document.querySelector('tom-tat').setAttribute('for', '.most-read'));
    await page.waitForFunction(() => document.querySelector('tom-tat').result?.text.startsWith('Đọc nhiều'));
    const { text, digest } = await page.evaluate(() => document.querySelector('tom-tat').result);
    assert.ok(text.includes('Giá vàng hôm nay tăng mạnh'));
    assert.ok(!text.includes('Thủ tướng Phạm Minh Chính yêu cầu'));
    assert.deepEqual(digest, await digestInNode(text, { length: LENGTH, keywords: false }));
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
  }
});

test('a long article: the directives listed a hundred at a time and long sentences cut, as on the page', async () => {
  const session = await open('/news-demo.html');
  const { page } = session;
  try {
    const long = `Thủ tướng yêu cầu tỉnh ${'tập trung phát triển kinh tế xanh, '.repeat(60)}bền vững.`;
    await page.evaluate(
      ({ seed, long }) => {
        const article = document.createElement('div');
        article.id = 'long';
        for (const paragraph of Array(40).fill(seed.trim().split('\n\n')).flat()) {
          const p = document.createElement('p');
          p.textContent = paragraph;
          article.append(p);
        }
        const one = document.createElement('p');
        one.id = 'one';
        one.textContent = long;
        document.body.append(article, one);
        document.querySelector('tom-tat').setAttribute('for', '#long');
      },
      { seed: SEED, long },
    );
    await page.click('tom-tat .toggle');
    await page.waitForFunction(() => document.querySelector('tom-tat').result?.text.length > 100_000);
    let { digest } = await page.evaluate(() => document.querySelector('tom-tat').result);
    assert.ok(digest.directives.length > 100, `${digest.directives.length} directives`);
    const items = page.locator('tom-tat .directive-item');
    assert.equal(await items.count(), 100);
    const more = page.locator('tom-tat .more');
    assert.equal(await more.textContent(), `Hiện thêm ${Math.min(100, digest.directives.length - 100)} chỉ đạo (còn ${digest.directives.length - 100})`);
    await more.click();
    assert.equal(await items.count(), Math.min(200, digest.directives.length));
    assert.ok(await page.evaluate(() => document.querySelector('tom-tat').shadowRoot.activeElement?.closest('li') === document.querySelector('tom-tat').shadowRoot.querySelectorAll('.directive-item')[100].closest('li')), 'the focus moves to the first new item');
    // A summary sentence over 1,000 units is cut with an ellipsis, from its start.
    await page.evaluate(() => document.querySelector('tom-tat').setAttribute('for', '#one'));
    await page.waitForFunction((text) => document.querySelector('tom-tat').result?.text === text, long);
    ({ digest } = await page.evaluate(() => document.querySelector('tom-tat').result));
    const sentences = digest.summary.map((item) => digest.sentences[item.sentence].text);
    assert.ok(sentences.some((text) => text.length > 1000), 'a long sentence is in the summary');
    const listed = await page.$$eval('tom-tat .summary-item', (buttons) => buttons.map((b) => b.textContent));
    assert.deepEqual(listed, sentences.map((text) => (text.length > 1000 ? `${text.slice(0, 1000)}…` : text)));
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
  }
});

test('a 4 MB article: the widget reads it whole and digests it while the site keeps drawing frames', async (t) => {
  const session = await open('/news-demo.html', { init: [watchFrameGaps] });
  const { page } = session;
  try {
    const paragraphs = SEED.trim().split('\n\n');
    const copies = Math.ceil(4e6 / Buffer.byteLength(paragraphs.join('\n')));
    const body = Array(copies).fill(paragraphs).flat();
    await page.waitForFunction(() => document.querySelector('tom-tat')?.result);
    // The site's article made 4 MB, laid out, then a new widget (the page's own read the short one) opened.
    await page.evaluate((body) => {
      document.querySelector('article').replaceChildren(...body.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
      document.querySelector('tom-tat').remove();
    }, body);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 500)))));
    const opened = await page.evaluate(() => {
      const widget = document.createElement('tom-tat');
      document.querySelector('.tomtat-slot').append(widget);
      // Two frames after the digest: its panel drawn too.
      widget.addEventListener('tomtat-digest', () => requestAnimationFrame(() => requestAnimationFrame(() => (globalThis.settled = performance.now()))));
      const at = performance.now();
      widget.toggle(true);
      return { at, frames: globalThis.frames };
    });
    await page.waitForFunction(() => globalThis.settled);
    // Counted before the result is read out of the page, which blocks it in turn.
    const after = await page.evaluate(({ at, frames }) => {
      const gaps = globalThis.frameGaps.filter(([end]) => end > at && end <= globalThis.settled).map(([, length]) => length);
      return { drawn: globalThis.frames - frames, longest: Math.max(0, ...gaps), ms: globalThis.settled - at };
    }, opened);
    const { text, digest } = await widgetResult(page);
    t.diagnostic(`${text.length} units read; digest drawn after ${Math.round(after.ms)} ms, ${after.drawn} frames meanwhile, longest gap between frames ${Math.round(after.longest)} ms`);
    // Read whole: the headline and lead, then every paragraph, and digested as the crate digests it.
    assert.ok(text.endsWith(`\n\n${body.join('\n\n')}`), 'the whole article is read, in order');
    assert.deepEqual(digest, await digestInNode(text, { length: LENGTH, keywords: false }));
    assert.equal(await page.locator('tom-tat .directive-item').count(), 100);
    // The site kept drawing while the widget worked: frames came, and no gap that only a freeze makes.
    assert.ok(after.drawn >= 2, `${after.drawn} frames drawn between opening and the digest`);
    assert.ok(after.longest < 1000, `the site froze for ${Math.round(after.longest)} ms`);
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
  }
});

/** A page with only the seed and the widget, its container a plain block: the body. */
const PLAIN_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>t</title>
<script type="module" src="/widget.js"></script></head><body>
<tom-tat for="#article"></tom-tat>
<div id="article">${SEED.trim().split('\n\n').map((p) => `<p>${p}</p>`).join('\n')}</div>
</body></html>`;

test('a hostile site stylesheet (*, div, p, button) does not change the widget', async () => {
  const looks = [];
  for (const hostile of [false, true]) {
    const session = await open('/news-demo.html', { csp: false });
    const { page } = session;
    try {
      await page.route('**/hostile-test.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: PLAIN_PAGE }));
      await page.goto(new URL('/hostile-test.html', page.url()).href);
      // The same width either way (the hostile margins and paddings narrow the body);
      // square corners, so the page's background does not show in the screenshot's corners.
      await page.addStyleTag({ content: 'tom-tat { --tomtat-max-width: 520px; --tomtat-radius: 0px; }' });
      if (hostile) await page.addStyleTag({ content: HOSTILE });
      const { digest } = await widgetResult(page);
      assert.equal(digest.directives.length, 4);
      // Opened as a keyboard user would.
      await page.focus('tom-tat .toggle');
      await page.keyboard.press('Enter');
      await page.locator('tom-tat .directive-item').first().waitFor();
      const look = await page.evaluate(widgetLook);
      const shot = await page.locator('tom-tat .box').screenshot({ animations: 'disabled' });
      looks.push({ look, shot });
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  }
  const [plain, hostile] = looks;
  assert.ok(plain.look.length > 20, 'the panel has its elements');
  assert.deepEqual(hostile.look, plain.look);
  // The same pixels, but for anti-aliasing (glyphs and the rotated chevron drawn at
  // another sub-pixel spot of the page): a restyle would change far more than 0.1 %.
  const { differing, total } = await pixelsDiffering(plain.shot, hostile.shot);
  assert.ok(differing <= 0.001 * total, `${differing} of ${total} pixels differ`);
});

/** How many pixels differ between two PNG screenshots of one size (decoded in
 * Chromium), and how many pixels each has. */
async function pixelsDiffering(a, b) {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    return await page.evaluate(async (urls) => {
      const pixels = await Promise.all(
        urls.map(async (url) => {
          const image = await createImageBitmap(await (await fetch(url)).blob());
          const canvas = new OffscreenCanvas(image.width, image.height);
          const context = canvas.getContext('2d');
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, image.width, image.height).data;
        }),
      );
      const total = pixels[0].length / 4;
      if (pixels[0].length !== pixels[1].length) return { differing: Infinity, total };
      let differing = 0;
      for (let i = 0; i < pixels[0].length; i += 4) {
        if (pixels[0].slice(i, i + 4).some((v, k) => v !== pixels[1][i + k])) differing += 1;
      }
      return { differing, total };
    }, [a, b].map((png) => `data:image/png;base64,${png.toString('base64')}`));
  } finally {
    await browser.close();
  }
}

test('without CSS.highlights the sentence is wrapped in <mark> and unwrapped, the text and its nodes unchanged', async () => {
  const session = await open('/news-demo.html', {
    init: [
      () => {
        delete globalThis.Highlight;
        // A site whose paragraph is two text nodes side by side: unwrapping must not join them.
        document.addEventListener('DOMContentLoaded', () => document.querySelector('article p').firstChild.splitText(5));
      },
    ],
  });
  const { page } = session;
  try {
    const { digest } = await widgetResult(page);
    const text = () => document.querySelector('article').textContent;
    const textNodes = () => {
      const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
      const data = [];
      while (walker.nextNode()) data.push(walker.currentNode.data);
      return data;
    };
    const original = await page.evaluate(text);
    const nodes = await page.evaluate(textNodes);
    await page.click('tom-tat .toggle');
    const items = page.locator('tom-tat .directive-item');
    for (const i of [3, 0, 1]) {
      await items.nth(i).click();
      const marked = await page.$$eval('mark[data-highlight="tomtat-widget"]', (marks) => marks.map((m) => m.textContent).join(''));
      assert.equal(marked, digest.sentences[digest.directives[i].index].text);
      assert.equal(await page.evaluate(text), original);
    }
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('mark[data-highlight]')).backgroundColor), 'rgb(255, 226, 122)');
    // A sentence of the paragraph of two text nodes.
    const split = digest.sentences.findIndex((s) => s.text.startsWith('Mặc dù'));
    assert.ok(split >= 0);
    await page.evaluate((index) => document.querySelector('tom-tat').highlight(index), split);
    const marked = await page.$$eval('mark[data-highlight="tomtat-widget"]', (marks) => marks.map((m) => m.textContent).join(''));
    assert.equal(marked, digest.sentences[split].text);
    await page.click('tom-tat .toggle');
    assert.equal(await page.locator('mark').count(), 0);
    assert.equal(await page.evaluate(text), original);
    assert.deepEqual(await page.evaluate(textNodes), nodes, 'the same text nodes, the site\'s own split kept');
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
  }
});

test('served from another origin (a CDN), the widget still loads its worker and wasm', async () => {
  const site = 'https://news.test';
  const cdn = 'https://cdn.test';
  const html = (await readFile(join(WWW, 'news-demo.html'), 'utf8')).replace('src="widget.js"', `src="${cdn}/tomtat/widget.js"`);
  const browser = await launch();
  const urls = recordRequests(browser.context);
  try {
    await browser.context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === site && url.pathname === '/news.html') {
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
      }
      if (url.origin === cdn && url.pathname.startsWith('/tomtat/')) {
        const file = join(WWW, url.pathname.slice('/tomtat/'.length));
        const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8';
        return route.fulfill({ contentType: type, headers: { 'access-control-allow-origin': '*' }, body: await readFile(file) });
      }
      return route.abort('blockedbyclient');
    });
    const page = await browser.context.newPage();
    await page.goto(`${site}/news.html`);
    // Unstyled here (the site's CSS is not served), the widget is below the fold until opened.
    await page.click('tom-tat .toggle');
    const { text, digest } = await widgetResult(page);
    assert.equal(text, SEED.trim());
    assert.equal(digest.directives.length, 4);
    assert.ok(urls.includes(`${cdn}/tomtat/worker.js`), 'the worker came from the CDN');
    assert.ok(urls.includes(`${cdn}/tomtat/pkg/tomtat_bg.wasm`), 'the wasm came from the CDN');
    assert.ok(urls.includes(`${cdn}/tomtat/pkg/words.bin`), 'the word model came from the CDN');
  } finally {
    await browser.close();
  }
});

/**
 * In the page: waits for the widget, watches every node of the host page, opens the
 * panel, highlights sentence `pick(digest)` and reports what changed.
 */
async function digestAndHighlight(pickSummary) {
  const widget = document.querySelector('tom-tat');
  const observer = new MutationObserver(() => {});
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const before = document.documentElement.outerHTML;
  widget.toggle(true);
  const { text, digest } = await new Promise((done) => {
    if (widget.result) done(widget.result);
    else widget.addEventListener('tomtat-digest', (event) => done(event.detail), { once: true });
  });
  const { findArticle } = await import('/tomtat/find-article.js');
  const found = findArticle(document).text;
  let index;
  if (pickSummary) {
    widget.shadowRoot.querySelector('.summary-item')?.click();
    index = digest.summary[0]?.sentence;
  } else {
    // The longest sentence, which on a blog spans links and inline code.
    index = digest.sentences.reduce((best, s, i) => (s.text.length > digest.sentences[best].text.length ? i : best), 0);
    widget.highlight(index);
  }
  const highlight = CSS.highlights.get('tomtat-widget-sentence');
  const ranges = highlight ? [...highlight] : [];
  const result = {
    sameText: text === found,
    sentences: digest.sentences.length,
    sentence: index === undefined ? null : digest.sentences[index].text,
    highlighted: ranges.map(String).join(''),
    inPage: ranges.length > 0 && ranges.every((r) => r.startContainer.isConnected && document.body.contains(r.startContainer)),
    mutations: observer.takeRecords().length,
    unchanged: document.documentElement.outerHTML === before,
  };
  observer.disconnect();
  return result;
}

/** Opens the real v8.dev page with the widget's two lines added, its own scripts off. */
async function withRealPage(run) {
  const source = await readFile(join(HERE, 'fixtures/pages/v8-blog/source.html'), 'utf8');
  const html = source.replace('</body>', '<script type="module" src="/tomtat/widget.js"></script>\n<tom-tat></tom-tat>\n</body>');
  assert.notEqual(html, source);
  const site = 'https://blog.test';
  const browser = await launch({ viewport: { width: 1280, height: 900 } });
  const urls = recordRequests(browser.context);
  try {
    // Only the page and the widget's files are served: the page's own scripts are
    // aborted and its inline ones refused by the CSP, so none of them runs.
    await browser.context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === site && url.pathname === '/v8/') {
        return route.fulfill({ contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': STRICT_CSP }, body: html });
      }
      if (url.origin === site && url.pathname.startsWith('/tomtat/')) {
        const file = join(WWW, url.pathname.slice('/tomtat/'.length));
        const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8';
        return route.fulfill({ contentType: type, body: await readFile(file) });
      }
      return route.abort('blockedbyclient');
    });
    const page = await browser.context.newPage();
    await page.goto(`${site}/v8/`);
    await page.waitForFunction(() => customElements.get('tom-tat'));
    return await run(page, urls);
  } finally {
    await browser.close();
  }
}

test('on a real page (scripts off) the widget loads when opened, digests it and highlights without changing a node', async () => {
  await withRealPage(async (page, urls) => {
    // Far below the fold and not opened: neither the worker, the wasm nor the word model is fetched.
    await page.waitForTimeout(300);
    assert.ok(!urls.some((url) => /worker\.js|\.wasm$|words\.bin$/.test(url)), `nothing loaded yet: ${urls.filter((u) => u.includes('/tomtat/'))}`);
    const result = await page.evaluate(digestAndHighlight, false);
    assert.ok(result.sameText, 'the widget digested what findArticle finds');
    assert.ok(result.sentences > 50, `${result.sentences} sentences`);
    assert.ok(result.sentence.length > 100);
    // The ranges cover the sentence's characters in the page's own text nodes (block
    // separators the finder inserted belong to no node).
    assert.equal(result.highlighted.replace(/\s+/g, ' '), result.sentence.replace(/\s+/g, ' '));
    assert.ok(result.inPage);
    assert.equal(result.mutations, 0, 'a MutationObserver saw no change to the page');
    assert.ok(result.unchanged);
    assert.ok(urls.some((url) => url.endsWith('/tomtat/pkg/tomtat_bg.wasm')), 'the wasm loaded once opened');
    assert.ok(urls.some((url) => url.endsWith('/tomtat/pkg/words.bin')), 'and the word model with it');
  });
});

test('on a real page the widget highlights a summary sentence without changing a node', async () => {
  await withRealPage(async (page) => {
    const result = await page.evaluate(digestAndHighlight, true);
    assert.ok(result.sentence, 'the digest has a summary');
    assert.equal(result.highlighted.replace(/\s+/g, ' '), result.sentence.replace(/\s+/g, ' '));
    assert.equal(result.mutations, 0);
    assert.ok(result.unchanged);
  });
});
