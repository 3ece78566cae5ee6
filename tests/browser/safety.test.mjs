// Safety of the page, the widget and the offline file in Chromium: article text that
// looks like HTML (scripts, event handlers, javascript: links, closing </style> and
// </textarea>) is shown as text, runs nothing and creates no element; nothing is
// requested but the surface's own assets, and no request carries the text; a wasm
// trap or a worker that fails to load is reported, the worker restarted, and the next
// digest works; a 5 MB paste is digested in the worker while the page reports its
// progress, and its digest is shown without freezing the page; lone surrogates keep
// their offsets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assertOnlyOwnAssets, launch, recordTraffic, serve, watchFrameGaps } from './harness.mjs';
import { WWW, SEED, digestInNode } from './oracle.mjs';

const OFFLINE = fileURLToPath(new URL('../../dist/tomtat.html', import.meta.url));

/** The assets of each surface: everything it may request from its own origin. */
const PAGE_ASSETS = ['/', '/style.css', '/app.js', '/digest-view.js', '/kinds.js', '/digester.js', '/highlight.js', '/worker.js', '/pkg/tomtat.js', '/pkg/tomtat_bg.wasm', '/pkg/words.bin', '/pkg/seed.txt'];
const WIDGET_ASSETS = ['/widget.js', '/digest-view.js', '/kinds.js', '/find-article.js', '/digester.js', '/highlight.js', '/worker.js', '/pkg/tomtat.js', '/pkg/tomtat_bg.wasm', '/pkg/words.bin'];

/**
 * An article whose text is full of markup: every payload would set `window.pwned` (or
 * open a dialog, or request `x`) if it were ever parsed as HTML. Two of its sentences
 * make the summary and its directives carry payloads too.
 */
const HOSTILE = `Hà Nội <script>window.pwned = 'script'; alert(1)</script> phát triển nhanh, bền vững

Thủ tướng <img src=x onerror="window.pwned = 'img'"> yêu cầu các tỉnh <a href="javascript:window.pwned = 'link'">bấm vào đây</a> tập trung phát triển kinh tế </style><script>window.pwned = 'style'</script> và xã hội.

Bộ Y tế yêu cầu các bệnh viện "><svg onload="window.pwned = 'svg'"> bảo đảm thuốc </textarea><script>window.pwned = 'textarea'</script> cho người dân. Hà Nội phát triển kinh tế <iframe src="javascript:parent.pwned = 'iframe'"></iframe> nhanh.`;

/** The tags a payload of HOSTILE would create. */
const PAYLOAD_TAGS = ['script', 'img', 'a', 'style', 'svg', 'iframe', 'textarea'];

/** Pieces of HOSTILE that no request may carry. */
const SECRETS = ['window.pwned', 'Bộ Y tế', 'bảo đảm thuốc', 'B%E1%BB%99 Y t%E1%BA%BF'];

/**
 * From the first script on: records the elements of the payload tags added anywhere
 * (the document and open shadow roots, which `attachShadow` reports) once the page's
 * own markup is parsed.
 */
function watchInjection(tags) {
  globalThis.created = [];
  const observers = [];
  const record = (records) => {
    for (const { addedNodes } of records) {
      for (const node of addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        for (const el of [node, ...node.querySelectorAll('*')]) {
          if (tags.includes(el.localName)) globalThis.created.push(el.localName);
        }
      }
    }
  };
  const observe = (root) => {
    const observer = new MutationObserver(record);
    observer.observe(root, { childList: true, subtree: true });
    observers.push(observer);
  };
  observe(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    observe(root);
    return root;
  };
  // What the parser added is the page's own markup: forgotten.
  document.addEventListener('DOMContentLoaded', () => {
    for (const observer of observers) observer.takeRecords();
    globalThis.created = [];
  });
}

/** What the injection left behind in the page, read inside it. */
function injectionReport() {
  return { pwned: globalThis.pwned ?? null, created: globalThis.created };
}

/** How many elements of each of `tags` the document (or `host`'s shadow root) holds. */
function countTags({ tags, host }) {
  const root = host ? document.querySelector(host).shadowRoot : document;
  return Object.fromEntries(tags.map((tag) => [tag, root.querySelectorAll(tag).length]));
}

/** Waits until the page (served or offline) shows the digest of exactly `text`. */
async function shown(page, text) {
  await page.waitForFunction(
    (expected) =>
      document.getElementById('text').textContent === expected &&
      document.getElementById('status').textContent.startsWith('Đã phân tích'),
    text,
  );
}

/** Pastes `text` into the page's box as a paste would (an input event). */
async function paste(page, text) {
  await page.evaluate((value) => {
    const input = document.getElementById('input');
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }, text);
}

/** Asserts that the page shows HOSTILE's digest as text: text view, summary, directives. */
async function assertPageShowsLiterally(page) {
  const digest = await digestInNode(HOSTILE);
  assert.equal(await page.textContent('#text'), HOSTILE, 'the text view holds the text as given');
  const sentences = await page.$$eval('#text .sentence', (spans) => spans.map((s) => s.textContent));
  assert.deepEqual(sentences, digest.sentences.map((s) => s.text));
  const summary = await page.$$eval('#summary .summary-item', (items) => items.map((item) => item.textContent));
  assert.deepEqual(summary, digest.summary.map((item) => digest.sentences[item.sentence].text));
  assert.ok(summary.some((s) => s.includes('<script>') && s.includes('onerror=')), 'markup shows in the summary');
  const actions = await page.$$eval('#directives td li', (items) => items.map((li) => li.textContent));
  assert.deepEqual(actions, digest.directives.flatMap((d) => d.actions.map((a) => a.text)));
  assert.ok(actions.some((a) => a.includes('</style><script>')), 'markup shows in the directives');
  const keywords = await page.$$eval('#keywords li', (items) => items.map((li) => li.textContent));
  assert.equal(keywords.length, digest.keywords.length);
}

test('page: article text full of markup is shown as text, runs nothing, creates nothing, sends nothing', async () => {
  const site = await serve(WWW);
  const browser = await launch();
  const requests = recordTraffic(browser.context);
  try {
    const page = await browser.context.newPage();
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss();
    });
    await page.addInitScript(watchInjection, PAYLOAD_TAGS);
    await page.goto(site.origin + '/');
    const before = await page.evaluate(countTags, { tags: PAYLOAD_TAGS });
    await paste(page, HOSTILE);
    await shown(page, HOSTILE);
    await assertPageShowsLiterally(page);
    assert.deepEqual(await page.evaluate(countTags, { tags: PAYLOAD_TAGS }), before, 'no element of a payload tag was added');
    assert.deepEqual(await page.evaluate(injectionReport), { pwned: null, created: [] });
    assert.deepEqual(dialogs, []);
    assertOnlyOwnAssets(requests, site.origin, PAGE_ASSETS, SECRETS);
    for (const asset of ['/worker.js', '/pkg/tomtat_bg.wasm']) {
      assert.ok(requests.some((r) => r.url === site.origin + asset), `${asset} was loaded (and checked)`);
    }
  } finally {
    await browser.close();
    await site.close();
  }
});

/** A plain site page around `paragraphs` (as escaped text) with the widget reading `#article`. */
function sitePage(paragraphs) {
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin</title>
<script type="module" src="/widget.js"></script></head><body>
<tom-tat for="#article" open></tom-tat>
<div id="article">${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</div>
</body></html>`;
}

/** Serves www/ plus `/site.html` (no CSP: a site without one is the worst case). */
async function openSite(html, init = []) {
  const site = await serve(WWW);
  const browser = await launch();
  const requests = recordTraffic(browser.context);
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/site.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  for (const [script, arg] of init) await page.addInitScript(script, arg);
  await page.goto(site.origin + '/site.html');
  return {
    page,
    requests,
    errors,
    origin: site.origin,
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

test('widget: an article full of markup is shown as text in the panel, runs nothing, creates nothing, sends nothing', async () => {
  const session = await openSite(sitePage(HOSTILE.split('\n\n')), [[watchInjection, PAYLOAD_TAGS]]);
  const { page } = session;
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  try {
    await page.waitForFunction(() => document.querySelector('tom-tat')?.result);
    const { text, digest } = await page.evaluate(() => document.querySelector('tom-tat').result);
    assert.equal(text, HOSTILE, 'the widget read the markup as the text it is');
    assert.deepEqual(digest, await digestInNode(text, { length: 'short', keywords: false }));
    const summary = await page.locator('tom-tat .summary-item').allTextContents();
    assert.deepEqual(summary, digest.summary.map((item) => digest.sentences[item.sentence].text));
    assert.ok(summary.some((s) => s.includes('<script>')), 'markup shows in the panel');
    const actions = await page.locator('tom-tat .action').allTextContents();
    assert.deepEqual(actions, digest.directives.flatMap((d) => d.actions.map((a) => a.text)));
    // A click highlights a sentence full of markup in the site's text.
    await page.locator('tom-tat .directive-item').first().click();
    const highlighted = await page.evaluate(() => [...CSS.highlights.get('tomtat-widget-sentence')].map(String).join(''));
    assert.equal(highlighted, digest.sentences[digest.directives[0].index].text);
    const none = Object.fromEntries(PAYLOAD_TAGS.map((tag) => [tag, 0]));
    assert.deepEqual(await page.evaluate(countTags, { tags: PAYLOAD_TAGS }), { ...none, script: 1 }, 'the site page still has only its widget.js script');
    assert.deepEqual(await page.evaluate(countTags, { tags: PAYLOAD_TAGS, host: 'tom-tat' }), none);
    assert.deepEqual(await page.evaluate(injectionReport), { pwned: null, created: [] });
    assert.deepEqual(dialogs, []);
    assert.deepEqual(session.errors, []);
    assertOnlyOwnAssets(session.requests, session.origin, ['/site.html', ...WIDGET_ASSETS], SECRETS);
    assert.ok(session.requests.some((r) => r.url.endsWith('/pkg/tomtat_bg.wasm')), 'the wasm was loaded (and checked)');
  } finally {
    await session.close();
  }
});

test('offline file: text full of markup is shown as text, runs nothing, creates nothing, requests nothing', async () => {
  assert.ok(existsSync(OFFLINE), `${OFFLINE} is missing: run \`cargo xtask build\` (cargo xtask test does)`);
  const url = pathToFileURL(OFFLINE).href;
  const browser = await launch();
  const requests = recordTraffic(browser.context);
  try {
    await browser.context.setOffline(true);
    await browser.context.route('**', (route) => (route.request().url() === url ? route.continue() : route.abort('internetdisconnected')));
    const page = await browser.context.newPage();
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss();
    });
    await page.addInitScript(watchInjection, PAYLOAD_TAGS);
    await page.goto(url);
    const before = await page.evaluate(countTags, { tags: PAYLOAD_TAGS });
    await paste(page, HOSTILE);
    await shown(page, HOSTILE);
    await assertPageShowsLiterally(page);
    assert.deepEqual(await page.evaluate(countTags, { tags: PAYLOAD_TAGS }), before);
    assert.deepEqual(await page.evaluate(injectionReport), { pwned: null, created: [] });
    assert.deepEqual(dialogs, []);
    // Nothing but the file itself (and the worker's Blob URL).
    assert.deepEqual(requests.filter((r) => r.url !== url && !r.url.startsWith('blob:')), []);
    assertOnlyOwnAssets(requests.filter((r) => r.url !== url), 'null', [], SECRETS);
  } finally {
    await browser.close();
  }
});

/**
 * Test-only init script: every worker the page starts from worker.js gets the
 * `?debug-trap` flag (so a text containing TRAP_TEXT makes its wasm trap), and the
 * workers started are listed in `startedWorkers`.
 */
function debugTrapWorkers() {
  const Native = Worker;
  globalThis.startedWorkers = [];
  globalThis.Worker = class extends Native {
    constructor(url, options) {
      const flagged = new URL(url, location.href);
      if (flagged.pathname.endsWith('/worker.js')) flagged.searchParams.set('debug-trap', '');
      super(flagged, options);
      globalThis.startedWorkers.push(flagged.pathname + flagged.search);
    }
  };
}

/** The text that makes a flagged worker trap (worker.js's TRAP_TEXT) in a sentence. */
const TRAP = 'Văn bản này làm bộ phân tích dừng: tomtat:debug-trap.';
const AFTER = 'Bộ Y tế yêu cầu các bệnh viện bảo đảm thuốc. Sở Giáo dục đề nghị các trường kiểm tra.';

test('page: a wasm trap is reported, the worker restarted, and the next digest works (twice)', async () => {
  const site = await serve(WWW);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(debugTrapWorkers);
    await page.goto(site.origin + '/');
    for (const round of [1, 2]) {
      await paste(page, TRAP);
      await page.waitForFunction(() => document.getElementById('status').classList.contains('error'));
      assert.match(
        await page.textContent('#status'),
        /^Không phân tích được: bộ phân tích gặp sự cố và được khởi động lại \(unreachable\)$/,
      );
      assert.equal(await page.locator('#text .sentence').count(), 0, 'nothing stale is shown');
      const text = `${AFTER} Lần ${round}.`;
      await paste(page, text);
      await shown(page, text);
      const digest = await digestInNode(text);
      assert.equal(await page.locator('#text .sentence').count(), digest.sentences.length);
      assert.equal(await page.locator('#directives tbody tr').count(), digest.directives.length);
    }
    assert.deepEqual(await page.evaluate(() => globalThis.startedWorkers), Array(3).fill('/worker.js?debug-trap='), 'one worker at load, a new one after each trap');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await site.close();
  }
});

test('page: without the debug flag the trap text is digested like any other text', async () => {
  const site = await serve(WWW);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(site.origin + '/');
    await paste(page, TRAP);
    await shown(page, TRAP);
    assert.equal(await page.locator('#text .sentence').count(), (await digestInNode(TRAP)).sentences.length);
  } finally {
    await browser.close();
    await site.close();
  }
});

test('page: a worker that fails to load is reported and the next digest starts a new one', async () => {
  const site = await serve(WWW);
  const browser = await launch();
  const requests = recordTraffic(browser.context);
  try {
    const page = await browser.context.newPage();
    // The first load of worker.js is held until a text is waiting for it, then fails.
    let release;
    const held = new Promise((done) => (release = done));
    let first = true;
    await page.route('**/worker.js', async (route) => {
      if (!first) return route.continue();
      first = false;
      await held;
      return route.abort('connectionreset');
    });
    await page.goto(site.origin + '/');
    await paste(page, AFTER);
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Đang phân tích…');
    release();
    await page.waitForFunction(() => document.getElementById('status').classList.contains('error'));
    assert.match(await page.textContent('#status'), /^Không phân tích được: bộ phân tích không chạy được/);
    await paste(page, `${AFTER} Lần nữa.`);
    await shown(page, `${AFTER} Lần nữa.`);
    assert.equal(requests.filter((r) => r.url.endsWith('/worker.js')).length, 2, 'worker.js loaded a second time');
  } finally {
    await browser.close();
    await site.close();
  }
});

test('worker: of the texts sent while the wasm loads, only the newest is digested', async () => {
  const site = await serve(WWW);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    // The wasm is held until both texts are waiting in the worker.
    let release;
    const held = new Promise((done) => (release = done));
    await page.route('**/tomtat_bg.wasm', async (route) => {
      await held;
      return route.continue();
    });
    await page.goto(site.origin + '/');
    await page.evaluate((texts) => {
      globalThis.answered = [];
      const worker = new Worker('/worker.js', { type: 'module' });
      worker.onmessage = ({ data }) => globalThis.answered.push(data.id);
      worker.postMessage({ id: 1, text: texts[0] });
      setTimeout(() => {
        worker.postMessage({ id: 2, text: texts[1] });
        globalThis.sent = true;
      }, 100);
    }, [AFTER, `${AFTER} Lần nữa.`]);
    await page.waitForFunction(() => globalThis.sent);
    release();
    await page.waitForFunction(() => globalThis.answered.includes(2));
    assert.deepEqual(await page.evaluate(() => globalThis.answered), [2]);
  } finally {
    await browser.close();
    await site.close();
  }
});

test('widget: a wasm trap is reported in the panel, and the next article is digested by a new worker', async () => {
  const html = sitePage([TRAP]).replace('</body>', `<div id="second">${SEED.trim().split('\n\n').map((p) => `<p>${p}</p>`).join('')}</div></body>`);
  const session = await openSite(html, [[debugTrapWorkers]]);
  const { page } = session;
  try {
    await page.waitForFunction(() => document.querySelector('tom-tat').shadowRoot.querySelector('.status.error'));
    assert.match(
      await page.locator('tom-tat .status').textContent(),
      /^Không phân tích được: bộ phân tích gặp sự cố và được khởi động lại \(unreachable\)$/,
    );
    assert.equal(await page.evaluate(() => document.querySelector('tom-tat').result), null);
    await page.evaluate(() => document.querySelector('tom-tat').setAttribute('for', '#second'));
    await page.waitForFunction(() => document.querySelector('tom-tat').result);
    const { text, digest } = await page.evaluate(() => document.querySelector('tom-tat').result);
    assert.equal(text, SEED.trim());
    assert.equal(digest.directives.length, 4);
    assert.equal(await page.locator('tom-tat .directive-item').count(), 4);
    assert.deepEqual(await page.evaluate(() => globalThis.startedWorkers), ['/worker.js?debug-trap=', '/worker.js?debug-trap=']);
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
  }
});

/**
 * Init script: records, in page time, when the digest worker's answers arrive
 * (`answered`), beside the frame gaps of `watchFrameGaps`.
 */
function watchAnswers() {
  globalThis.answered = [];
  const Native = Worker;
  globalThis.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => globalThis.answered.push(performance.now()));
    }
  };
}

/** After two more frames: the longest gap between frames since the digest arrived, in ms. */
async function longestFreezeAfterAnswer() {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const arrived = globalThis.answered.at(-1);
  return Math.max(0, ...globalThis.frameGaps.filter(([end]) => end >= arrived).map(([, length]) => length));
}

/** Resolves when the sentence `index` has been scrolled to: focused and on screen. */
async function scrolledTo(page, index) {
  await page.waitForFunction((i) => {
    const sentence = document.querySelector(`#text .sentence[data-index="${i}"]`);
    const box = sentence?.getBoundingClientRect();
    return box && document.activeElement === sentence && box.bottom > 0 && box.top < window.innerHeight;
  }, index);
}

/** The texts of the ranges of highlight `name` that lie in sentence `index`. */
function highlightedIn({ name, index }) {
  const sentence = document.querySelector(`#text .sentence[data-index="${index}"]`);
  return [...(CSS.highlights.get(name) ?? [])].filter((range) => sentence.contains(range.startContainer)).map(String);
}

test('page: a 5 MB paste is digested in the worker while the page reports progress, and shown without freezing the page; the first rows at once, a jump draws its highlights', async (t) => {
  const site = await serve(WWW);
  const browser = await launch({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(watchFrameGaps);
    await page.addInitScript(watchAnswers);
    await page.goto(site.origin + '/');
    const copies = Math.ceil(5e6 / Buffer.byteLength(SEED + '\n\n'));
    const text = (SEED + '\n\n').repeat(copies);
    const digest = await digestInNode(text);
    const started = Date.now();
    await paste(page, text);
    // The page answers (this poll runs in it) and says it is working while the worker digests.
    await page.waitForFunction(() => document.getElementById('results').getAttribute('aria-busy') === 'true');
    assert.equal(await page.textContent('#status'), 'Đang phân tích…');
    await shown(page, text);
    const status = await page.textContent('#status');
    assert.match(status, new RegExp(`^Đã phân tích ${digest.sentences.length} câu`));
    t.diagnostic(`${Buffer.byteLength(text)} bytes: ${status} — shown after ${Date.now() - started} ms`);
    // The frames after the text is complete count too: its first layout and highlights.
    await page.waitForTimeout(1000);
    const longest = await page.evaluate(longestFreezeAfterAnswer);
    t.diagnostic(`longest gap between frames after the digest arrived: ${Math.round(longest)} ms`);
    // Drawn whole, the page froze for about 4 s here; a bound that only a freeze breaks.
    assert.ok(longest < 1000, `the page froze for ${Math.round(longest)} ms while showing the digest`);
    assert.equal(await page.locator('#text .sentence').count(), digest.sentences.length);

    // The first rows, and the others a hundred at a time.
    const issuers = () => page.$$eval('#directives .directive-item', (buttons) => buttons.map((b) => b.firstChild.textContent));
    const expected = digest.directives.map((d) => d.issuer?.text ?? '(không nêu)');
    assert.deepEqual(await issuers(), expected.slice(0, 100));
    const more = page.locator('#directives-more');
    assert.equal(await more.textContent(), `Hiện thêm 100 chỉ đạo (còn ${(digest.directives.length - 100).toLocaleString('vi-VN')})`);
    await more.focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await issuers(), expected.slice(0, 200));
    assert.equal(await page.evaluate(() => document.activeElement.closest('tr').sectionRowIndex), 100, 'the focus moves to the first new row');

    // A click scrolls to the first directive, and to one far down whose part was not highlighted yet.
    for (const n of [0, 150]) {
      const { index, cue } = digest.directives[n];
      await page.locator('#directives .directive-item').nth(n).click();
      await scrolledTo(page, index);
      assert.ok((await page.evaluate(highlightedIn, { name: 'tomtat-cue', index })).includes(cue.text), `directive ${n}: its cue is highlighted`);
    }
    // Only the parts near the screen carry highlights.
    const drawn = await page.evaluate(() => [...CSS.highlights.values()].reduce((sum, highlight) => sum + highlight.size, 0));
    const all = digest.keywords.reduce((sum, k) => sum + k.occurrences.length, 0);
    assert.ok(drawn > 0 && drawn < all / 20, `${drawn} ranges drawn of ${all} keyword occurrences alone`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await site.close();
  }
});

test('page: lone surrogates are read as U+FFFD, so every offset still slices the text as given', async () => {
  const text = 'Thủ tướng \uD800 yêu cầu tỉnh tập trung phát triển.\n\nBộ Y tế \uDC00yêu cầu các bệnh viện bảo đảm thuốc \uDE00\uD83D.';
  const digest = await digestInNode(text);
  assert.equal(digest.directives.length, 2);
  const site = await serve(WWW);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(site.origin + '/');
    await paste(page, text);
    await shown(page, text);
    const sentences = await page.$$eval('#text .sentence', (spans) => spans.map((s) => s.textContent));
    assert.deepEqual(sentences, digest.sentences.map((s) => text.slice(s.start, s.end)), 'the view shows the text as given');
    assert.deepEqual(sentences.map((s) => s.toWellFormed()), digest.sentences.map((s) => s.text));
    const cues = await page.evaluate(() => [...CSS.highlights.get('tomtat-cue')].map(String));
    assert.deepEqual(cues, ['yêu cầu', 'yêu cầu']);
  } finally {
    await browser.close();
    await site.close();
  }
});
