// The paste page (www/) in Chromium, served as `cargo xtask serve` would serve it,
// against the digest of the same wasm run in Node as the oracle: the seed's text,
// sentences and highlights land exactly on their spans (also for an NFD copy), the
// page asks nothing of any other origin, logs no error, exports what it shows, and
// works at phone width in both colour schemes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { foreignRequests, launch, recordRequests, serve } from './harness.mjs';
import { WWW, digestInNode, SEED } from './oracle.mjs';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Serves www/, opens a page on a fresh browser and records errors and requests. */
async function open({ viewport = { width: 1280, height: 900 }, colorScheme = 'light', init } = {}) {
  const site = await serve(WWW);
  const browser = await launch({ viewport, colorScheme, reducedMotion: 'reduce' });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  const urls = recordRequests(browser.context);
  const page = await browser.context.newPage();
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  if (init) await page.addInitScript(init);
  await page.goto(site.origin + '/');
  return {
    page,
    errors,
    foreign: () => foreignRequests(urls, [site.origin]),
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

/** Waits until the page shows the digest of exactly `text`. */
async function shown(page, text) {
  await page.waitForFunction(
    (expected) =>
      document.getElementById('text').textContent === expected &&
      document.getElementById('results').getAttribute('aria-busy') === 'false' &&
      document.getElementById('status').textContent.startsWith('Đã phân tích'),
    text,
  );
}

/** What the page should highlight for a digest: the layers of app.js, from the contract. */
function expectedLayers(digest) {
  const span = ({ start, end, text }) => ({ start, end, text });
  return {
    'tomtat-summary': digest.summary.map((item) => span(digest.sentences[item.sentence])),
    'tomtat-issuer': digest.directives.filter((d) => d.issuer).map((d) => span(d.issuer)),
    'tomtat-cue': digest.directives.map((d) => span(d.cue)),
    'tomtat-addressee': digest.directives.filter((d) => d.addressee).map((d) => span(d.addressee)),
    'tomtat-action': digest.directives.flatMap((d) => d.actions.map(span)),
    'tomtat-keyword': digest.keywords.flatMap((k) => k.occurrences.map(span)),
  };
}

/**
 * Reads back, inside the page, every highlight over the text view as
 * `{start, end, text}` where start/end are UTF-16 offsets in the view's text and
 * `text` is the range's own toString(). With the API: the registered ranges; with
 * the `<mark>` fallback: runs of adjacent marks of one layer.
 */
function readHighlights(viewId) {
  const view = document.getElementById(viewId);
  const offset = (node, at) => {
    const range = document.createRange();
    range.setStart(view, 0);
    range.setEnd(node, at);
    return range.toString().length;
  };
  const layers = {};
  if (typeof Highlight === 'function' && globalThis.CSS?.highlights) {
    for (const [name, highlight] of CSS.highlights) {
      layers[name] = [...highlight].map((range) => ({
        start: offset(range.startContainer, range.startOffset),
        end: offset(range.endContainer, range.endOffset),
        text: range.toString(),
      }));
    }
  } else {
    for (const mark of view.querySelectorAll('mark[data-highlight]')) {
      const start = offset(mark, 0);
      const end = start + mark.textContent.length;
      for (const name of mark.classList) {
        const spans = (layers[name] ??= []);
        const last = spans.at(-1);
        if (last && last.end === start) {
          last.end = end;
          last.text += mark.textContent;
        } else {
          spans.push({ start, end, text: mark.textContent });
        }
      }
    }
  }
  for (const spans of Object.values(layers)) spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return layers;
}

/** The expected layers without the empty ones, sorted as `readHighlights` sorts. */
function nonEmpty(layers) {
  const out = {};
  for (const [name, spans] of Object.entries(layers)) {
    if (spans.length) out[name] = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  }
  return out;
}

/** The sentence elements of the text view as `{start, end, text}`. */
function readSentences() {
  const view = document.getElementById('text');
  let at = 0;
  const out = [];
  for (const node of view.childNodes) {
    const length = node.textContent.length;
    if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains('sentence')) {
      out.push({ start: at, end: at + length, text: node.textContent, index: Number(node.dataset.index) });
    }
    at += length;
  }
  return out;
}

async function assertShowsDigest(page, text, options) {
  const digest = await digestInNode(text, options);
  assert.equal(await page.textContent('#text'), text, 'the text view holds the text as given');
  const sentences = await page.evaluate(readSentences);
  assert.deepEqual(
    sentences,
    digest.sentences.map((s, index) => ({ start: s.start, end: s.end, text: s.text, index })),
  );
  for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
  const highlights = await page.evaluate(readHighlights, 'text');
  assert.deepEqual(highlights, nonEmpty(expectedLayers(digest)), 'every highlight covers exactly its span');
  for (const spans of Object.values(highlights)) {
    for (const span of spans) assert.equal(text.slice(span.start, span.end), span.text);
  }
  const summary = await page.$$eval('#summary .summary-item', (items) => items.map((item) => item.textContent));
  assert.deepEqual(summary, digest.summary.map((item) => digest.sentences[item.sentence].text));
  assert.equal(await page.isVisible('#summary-empty'), digest.summary.length === 0);
  const rows = await page.$$eval('#directives tbody tr', (trs) => trs.length);
  assert.equal(rows, digest.directives.length);
  return { digest, highlights };
}

test('“Bài mẫu” shows the seed digested, highlights exact, no error, nothing foreign', async () => {
  const session = await open();
  const { page } = session;
  try {
    await page.focus('#sample');
    await page.keyboard.press('Enter');
    await shown(page, SEED);
    const { digest } = await assertShowsDigest(page, SEED);
    assert.equal(digest.sentences.length, 11);
    const status = await page.textContent('#status');
    assert.match(status, /^Đã phân tích 11 câu: tóm tắt \d+ câu, \d+ chỉ đạo, \d+ từ khoá/);
    assert.equal(await page.getAttribute('#status', 'aria-live'), 'polite');

    // The export holds what the page shows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    assert.equal(download.suggestedFilename(), 'tomtat.json');
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(
      exported.summary.map((s) => s.text),
      digest.summary.map((item) => digest.sentences[item.sentence].text),
    );
    assert.deepEqual(
      exported.directives.map((d) => [d.issuer?.text ?? null, d.addressee?.text ?? null, d.actions.map((a) => a.text)]),
      digest.directives.map((d) => [d.issuer?.text ?? null, d.addressee?.text ?? null, d.actions.map((a) => a.text)]),
    );
    const [markdown] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
    const md = await readFile(await markdown.path(), 'utf8');
    assert.match(md, /^# Tóm tắt\n/);
    assert.match(md, /\n# Chỉ đạo\n/);

    await page.click('#copy');
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Đã sao chép tóm tắt.');
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      digest.summary.map((item) => digest.sentences[item.sentence].text).join('\n'),
    );

    // Another length digests again with that option.
    await page.check('input[name=length][value=short]');
    const short = await digestInNode(SEED, { length: 'short' });
    await page.waitForFunction((n) => document.querySelectorAll('#summary li').length === n, short.summary.length);

    assert.deepEqual(session.errors, []);
    assert.deepEqual(session.foreign(), []);
  } finally {
    await session.close();
  }
});

test('an NFD copy of the seed gets the same highlights, on its own offsets', async () => {
  const session = await open();
  const { page } = session;
  try {
    await page.click('#sample');
    await shown(page, SEED);
    const nfc = await page.evaluate(readHighlights, 'text');
    const nfd = SEED.normalize('NFD');
    assert.notEqual(nfd.length, SEED.length, 'the NFD copy has other offsets');
    await page.fill('#input', nfd);
    await shown(page, nfd);
    const { highlights } = await assertShowsDigest(page, nfd);
    // The same places, written the other way.
    const texts = (layers) =>
      Object.fromEntries(Object.entries(layers).map(([name, spans]) => [name, spans.map((s) => s.text.normalize('NFC'))]));
    assert.deepEqual(texts(highlights), texts(nfc));
    const sentences = await page.evaluate(readSentences);
    assert.deepEqual(
      sentences.map((s) => s.text.normalize('NFC')),
      (await digestInNode(SEED)).sentences.map((s) => s.text),
    );
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
  }
});

test('typing fast shows only the digest of the last text', async () => {
  const session = await open();
  const { page } = session;
  try {
    const last = 'Bộ Y tế yêu cầu các bệnh viện bảo đảm thuốc. Sở Giáo dục đề nghị các trường kiểm tra.';
    for (const text of ['Thủ tướng yêu cầu tỉnh tập trung phát triển.', SEED, last]) await page.fill('#input', text);
    await shown(page, last);
    assert.equal((await page.evaluate(readSentences)).length, 2);
    // Emptying the text empties the results.
    await page.fill('#input', '');
    await page.waitForFunction(() => document.getElementById('text').childNodes.length === 0);
    assert.equal(await page.textContent('#status'), 'Chưa có văn bản.');
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
  }
});

/**
 * Init script: records the length of every text the page sends its digest worker, so
 * that a test can tell a text the page refused from one the worker refused.
 */
function recordSent() {
  globalThis.sent = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (typeof message?.text === 'string') globalThis.sent.push(message.text.length);
    return post.call(this, message, ...rest);
  };
}

/** In the page: Vietnamese text of exactly `bytes` UTF-8 bytes, kept as `globalThis.made` (built there, not sent over the wire). */
function makeText(bytes) {
  const unit = 'Điện Biên phát triển nhanh. ';
  const encoder = new TextEncoder();
  const body = unit.repeat(Math.floor(bytes / encoder.encode(unit).length));
  globalThis.made = body + '.'.repeat(bytes - encoder.encode(body).length);
}

test('the page’s limit is the crate’s: a text of exactly 8 MB is digested, one byte more is refused at once and never sent', async () => {
  const session = await open({ init: recordSent });
  const { page } = session;
  try {
    const status = () => page.textContent('#status');
    await page.evaluate(makeText, 8_000_001);
    await page.evaluate(() => {
      const input = document.getElementById('input');
      input.value = globalThis.made;
      input.dispatchEvent(new Event('input'));
    });
    await page.waitForFunction(() => document.getElementById('status').classList.contains('error'));
    assert.equal(await status(), 'Văn bản quá dài: 8 MB, giới hạn là 8 MB; hãy chia thành nhiều phần.');
    assert.equal(await page.inputValue('#input'), '', 'the box does not keep a text it refused');
    assert.deepEqual(await page.evaluate(() => globalThis.sent), [], 'the worker never saw it');
    assert.equal(await page.getAttribute('#results', 'aria-busy'), 'false');

    await page.evaluate(makeText, 8_000_000);
    const length = await page.evaluate(() => {
      const input = document.getElementById('input');
      input.value = globalThis.made;
      input.dispatchEvent(new Event('input'));
      return globalThis.made.length;
    });
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Đã phân tích'));
    assert.deepEqual(await page.evaluate(() => globalThis.sent), [length]);
    assert.equal(await page.evaluate(() => document.getElementById('text').textContent === globalThis.made), true);
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
  }
});

test('a long paste is held whole, the box showing its start; pasting over it replaces it, an edit is refused, “Xoá” empties', async () => {
  const session = await open({ init: recordSent });
  const { page } = session;
  /** A paste of `text` as the browser announces it, before anything enters the box. */
  const paste = (text) =>
    page.evaluate((data) => {
      const dataTransfer = new DataTransfer();
      dataTransfer.setData('text/plain', data);
      const input = document.getElementById('input');
      input.focus();
      input.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer, cancelable: true, bubbles: true }));
    }, text);
  try {
    const long = `${SEED}\n\n`.repeat(Math.ceil(300_000 / SEED.length));
    await page.fill('#input', 'Thủ tướng yêu cầu tỉnh tập trung phát triển. ');
    await page.evaluate(() => document.getElementById('input').setSelectionRange(0, 0));
    await paste(long);
    const whole = 'Thủ tướng yêu cầu tỉnh tập trung phát triển. '.replace(/^/, long);
    await shown(page, whole);
    const box = await page.inputValue('#input');
    assert.ok(box.length < whole.length && whole.startsWith(box), 'the box shows the start of the text');
    assert.match(await page.textContent('#status'), /Văn bản dài: ô nhập chỉ hiện [\d.]+ ký tự đầu\.$/);

    // Typing is refused, with why; the text stays as it was.
    await page.focus('#input');
    await page.keyboard.type('x');
    assert.equal(await page.inputValue('#input'), box);
    assert.match(await page.textContent('#status'), /không sửa được/);

    // A paste over it replaces it; a long paste over a selected short text too.
    await paste(SEED);
    await shown(page, SEED);
    assert.equal(await page.inputValue('#input'), SEED);
    await page.evaluate(() => document.getElementById('input').select());
    await paste(long);
    await shown(page, long);
    await page.click('#clear');
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Chưa có văn bản.');
    assert.equal(await page.inputValue('#input'), '');
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
  }
});

for (const fallback of [false, true]) {
  test(`highlight.js draws exact ranges ${fallback ? 'with the <mark> fallback' : 'with CSS.highlights'}`, async () => {
    // Without the API: as in a browser that lacks it.
    const session = await open({ init: fallback ? () => delete window.Highlight : undefined });
    const { page } = session;
    try {
      // Nested elements, an emoji (two UTF-16 units), NFD marks and overlapping layers.
      const text = 'Thủ tướng 😀 yêu cầu tỉnh tập trung lãnh đạo; Điện Biên phải giữ vững an ninh.'.normalize('NFD');
      const find = (part, from = 0) => {
        const start = text.indexOf(part.normalize('NFD'), from);
        assert.ok(start >= 0, part);
        return { start, end: start + part.normalize('NFD').length, text: part.normalize('NFD') };
      };
      const layers = {
        summary: [{ start: 0, end: text.length, text }],
        issuer: [find('Thủ tướng')],
        cue: [find('yêu cầu'), find('phải')],
        addressee: [find('tỉnh'), find('Điện Biên')],
        action: [find('tập trung lãnh đạo'), find('giữ vững an ninh')],
        keyword: [find('tập trung'), find('Điện Biên')],
      };
      const drawn = await page.evaluate(
        async ({ text, layers }) => {
          const { paintHighlights, clearHighlights, hasHighlightApi } = await import('/highlight.js');
          const root = document.createElement('div');
          root.id = 'fixture';
          // Split the text over elements at awkward places (inside a word, around the emoji).
          const cuts = [3, 11, 12, 20, 47];
          let at = 0;
          for (const cut of [...cuts, text.length]) {
            const b = document.createElement('b');
            b.append(text.slice(at, cut));
            root.append(at % 2 ? b : text.slice(at, cut));
            at = cut;
          }
          document.body.append(root);
          const before = root.innerHTML;
          paintHighlights(root, layers);
          const result = {
            api: hasHighlightApi(),
            textAfterPaint: root.textContent,
            marks: root.querySelectorAll('mark').length,
          };
          clearHighlights(root);
          result.restored = root.innerHTML === before;
          paintHighlights(root, layers);
          return result;
        },
        { text, layers },
      );
      assert.equal(drawn.api, !fallback);
      assert.equal(drawn.textAfterPaint, text);
      assert.equal(drawn.marks > 0, fallback);
      assert.ok(drawn.restored, 'clearing gives back the DOM as it was');
      const read = await page.evaluate(readHighlights, 'fixture');
      const expected = Object.fromEntries(Object.entries(layers).map(([name, spans]) => [`tomtat-${name}`, spans]));
      assert.deepEqual(read, nonEmpty(expected));
      assert.deepEqual(session.errors, []);
    } finally {
      await session.close();
    }
  });
}

test('screenshots: desktop and phone, light and dark; no sideways scrolling on a phone', async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ]) {
    for (const colorScheme of ['light', 'dark']) {
      const session = await open({ viewport, colorScheme });
      const { page } = session;
      try {
        await page.click('#sample');
        await shown(page, SEED);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${device} ${colorScheme}: the page is ${overflow}px wider than the screen`);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(background, colorScheme === 'dark' ? 'rgb(22, 22, 20)' : 'rgb(247, 247, 244)');
        await page.screenshot({ path: `${SCREENSHOTS}page-${device}-${colorScheme}.png` });
        assert.deepEqual(session.errors, []);
      } finally {
        await session.close();
      }
    }
  }
});

// The seed's four directives (shared/DIRECTIVES.md).
test('the seed’s four directives: table, highlights, click scrolls to the sentence', async () => {
  const session = await open({ viewport: { width: 1280, height: 700 } });
  const { page } = session;
  try {
    await page.click('#sample');
    await shown(page, SEED);
    const rows = await page.$$eval('#directives tbody tr', (trs) =>
      trs.map((tr) => ({
        issuer: tr.querySelector('.directive-item').firstChild.textContent,
        addressee: tr.cells[1].textContent,
        actions: tr.cells[2].querySelectorAll('li').length,
      })),
    );
    assert.deepEqual(
      rows.map((r) => [r.issuer, r.addressee]),
      [
        ['Thủ tướng Phạm Minh Chính', 'tỉnh'],
        ['Thủ tướng', 'Điện Biên'],
        ['Thủ tướng', 'Điện Biên'],
        ['Thủ tướng', 'các bộ, ngành'],
      ],
    );
    assert.deepEqual(rows.map((r) => r.actions > 0), [true, true, true, true]);
    const highlights = await page.evaluate(readHighlights, 'text');
    assert.deepEqual(highlights['tomtat-cue'].map((s) => s.text), ['yêu cầu', 'phải', 'chỉ đạo', 'yêu cầu']);
    assert.deepEqual(highlights['tomtat-addressee'].map((s) => s.text), ['tỉnh', 'Điện Biên', 'Điện Biên', 'các bộ, ngành']);
    const digest = await digestInNode(SEED);
    const buttons = await page.$$('#directives .directive-item');
    for (const [n, button] of buttons.entries()) {
      await button.click();
      const index = digest.directives[n].index;
      await page.waitForFunction((i) => {
        const sentence = document.querySelector(`#text .sentence[data-index="${i}"]`);
        const box = sentence.getBoundingClientRect();
        return document.activeElement === sentence && box.top >= 0 && box.top < window.innerHeight;
      }, index);
      assert.ok(await page.$eval(`#text .sentence[data-index="${index}"]`, (s) => s.classList.contains('flash')));
    }
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
  }
});

test('the summary panel: lengths, why a sentence was chosen, click scrolls', async () => {
  const session = await open({ viewport: { width: 1280, height: 700 } });
  const { page } = session;
  try {
    await page.click('#sample');
    await shown(page, SEED);
    const counts = {};
    for (const length of ['short', 'medium', 'long']) {
      await page.check(`input[name=length][value=${length}]`);
      const digest = await digestInNode(SEED, { length });
      await page.waitForFunction((n) => document.querySelectorAll('#summary li').length === n, digest.summary.length);
      await assertShowsDigest(page, SEED, { length });
      counts[length] = digest.summary.length;
    }
    assert.ok(counts.short > 0 && counts.short <= counts.medium && counts.medium <= counts.long, JSON.stringify(counts));
    const item = page.locator('#summary .summary-item').first();
    await item.focus();
    assert.ok(await page.isVisible('#why-0'), 'focus shows why the sentence was chosen');
    assert.match(await page.textContent('#why-0'), /^Vì sao chọn: điểm /);
    await item.click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('sentence'));
    await page.click('#copy');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.length > 0 && SEED.includes(copied.split('\n')[0]), copied);
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
  }
});
