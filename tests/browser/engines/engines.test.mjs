// The page, the widget and the offline file in the other engines readers use: Firefox
// ESR and WebKitGTK (the engine of Safari and of every iPhone browser), a smaller suite
// than Chromium's. In each: the page digests the seed and a pasted text as the wasm does
// in Node and highlights them (Custom Highlight API where the engine has it, else the
// `<mark>` fallback, whichever this engine takes), and a click on a summary sentence
// goes to it; the widget on the demo news page, under the strict CSP, shows the seed's
// four directives and highlights a clicked one in the site's text without changing the
// site's DOM, and its `<mark>` fallback (the API taken away) leaves the article as it
// was once closed; the offline file over file:// digests the seed.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../harness.mjs';
import { SEED, WWW, digestInNode } from '../oracle.mjs';
import { available, firefox, webkit } from './drivers.mjs';

const OFFLINE = fileURLToPath(new URL('../../../dist/tomtat.html', import.meta.url));
/** The CSP a strict news site sends (as in widget.test.mjs). */
const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'";
/** A text of our own besides the seed. */
const PASTED = `Bộ Y tế yêu cầu các địa phương phải chuẩn bị đủ thuốc, vật tư y tế cho mùa mưa bão.

Ủy ban nhân dân tỉnh giao Sở Tài chính cân đối ngân sách cho các huyện miền núi trong quý tới.`;

/**
 * In the page: the texts of every highlight named `<prefix>-<layer>`, by layer, sorted,
 * and which way they were drawn: the engine's highlight registry or `<mark>` elements.
 */
function readLayers(prefix) {
  const api = typeof Highlight === 'function' && Boolean(globalThis.CSS?.highlights);
  const layers = {};
  if (api) {
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith(`${prefix}-`)) layers[name.slice(prefix.length + 1)] = [...highlight].map(String).sort();
    }
  }
  for (const mark of document.querySelectorAll(`mark[data-highlight="${prefix}"]`)) {
    for (const name of mark.classList) {
      if (name.startsWith(`${prefix}-`)) (layers[name.slice(prefix.length + 1)] ??= []).push(mark.textContent);
    }
  }
  for (const texts of Object.values(layers)) texts.sort();
  return { api, marks: document.querySelectorAll(`mark[data-highlight="${prefix}"]`).length, layers };
}

/** In the page: whether the page shows the digest of exactly `text`. */
function pageShows(text) {
  return (
    document.getElementById('text').textContent === text &&
    document.getElementById('results').getAttribute('aria-busy') === 'false' &&
    document.getElementById('status').textContent.startsWith('Đã phân tích')
  );
}

/** In the page: the sentences and directive rows it shows. */
function pageContent() {
  return {
    sentences: [...document.querySelectorAll('#text .sentence')].map((s) => s.textContent),
    directives: document.querySelectorAll('#directives tbody tr').length,
    summary: document.querySelectorAll('#summary li').length,
  };
}

/** Checks that the page shows `digest` of its text and highlights its summary and cues. */
async function assertPageShows(browser, digest) {
  const content = await browser.evaluate(pageContent);
  assert.deepEqual(content.sentences, digest.sentences.map((s) => s.text));
  assert.equal(content.directives, digest.directives.length);
  assert.equal(content.summary, digest.summary.length);
  const { layers } = await browser.evaluate(readLayers, 'tomtat');
  assert.deepEqual(layers.summary, digest.summary.map((item) => digest.sentences[item.sentence].text).sort());
  assert.deepEqual(layers.cue, digest.directives.map((d) => d.cue.text).sort());
}

const ENGINES = { firefox, webkit };

for (const [key, start] of Object.entries(ENGINES)) {
  describe(key, { skip: available()[key] ?? false }, () => {
    let browser;
    let site;
    before(async () => {
      site = await serve(WWW, { headers: (path) => (path.startsWith('/news-demo') ? { 'content-security-policy': STRICT_CSP } : {}) });
      browser = await start();
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    test('the page: the seed, a pasted text, their highlights, a click on a summary sentence', async (t) => {
      t.diagnostic(`${browser.name} ${browser.version}`);
      await browser.goto(`${site.origin}/`);
      await browser.click(() => document.getElementById('sample'));
      await browser.waitFor(pageShows, SEED);
      const length = await browser.evaluate(() => document.querySelector('input[name=length]:checked').value);
      const seed = await digestInNode(SEED, { length });
      assert.equal(seed.directives.length, 4);
      await assertPageShows(browser, seed);
      const { api, marks } = await browser.evaluate(readLayers, 'tomtat');
      t.diagnostic(api ? 'highlights: CSS Custom Highlight API' : `highlights: <mark> fallback (${marks} marks)`);
      assert.ok(api || marks > 0);

      // A click on the second summary sentence scrolls to it, focuses and flashes it.
      await browser.evaluate(() => scrollTo(0, 0));
      await browser.click(() => document.querySelectorAll('#summary li button')[1]);
      const index = seed.summary[1].sentence;
      const focused = await browser.waitFor(
        (i) => {
          const element = document.querySelector(`#text .sentence[data-index="${i}"]`);
          const rect = element.getBoundingClientRect();
          return document.activeElement === element && element.classList.contains('flash') && rect.top >= 0 && rect.bottom <= innerHeight && element.textContent;
        },
        index,
      );
      assert.equal(focused, seed.sentences[index].text);

      // Pasted: typed into the box as the input event reports it.
      await browser.evaluate((text) => {
        const input = document.getElementById('input');
        input.value = text;
        input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
      }, PASTED);
      await browser.waitFor(pageShows, PASTED);
      await assertPageShows(browser, await digestInNode(PASTED, { length }));
    });

    test('the widget on the demo news page under a strict CSP: four directives, a click highlights in the article', async () => {
      await browser.goto(`${site.origin}/news-demo.html`);
      await browser.click(() => document.querySelector('tom-tat').shadowRoot.querySelector('.toggle'));
      const { text, digest } = await browser.waitFor(() => document.querySelector('tom-tat')?.result);
      assert.equal(text, SEED.trim());
      assert.deepEqual(digest, JSON.parse(JSON.stringify(await digestInNode(text, { length: 'short', keywords: false }))));
      assert.equal(await browser.evaluate(() => document.querySelector('tom-tat').shadowRoot.querySelectorAll('.directive-item').length), 4);

      const api = await browser.evaluate(() => typeof Highlight === 'function' && Boolean(globalThis.CSS?.highlights));
      // With the API the site's DOM stays as it was; the fallback's marks change it until the panel closes.
      const before = await browser.evaluate(() => document.querySelector('article').innerHTML);
      await browser.click(() => document.querySelector('tom-tat').shadowRoot.querySelectorAll('.directive-item')[2]);
      await browser.waitFor(() => globalThis.CSS?.highlights?.has('tomtat-widget-sentence') || document.querySelector('mark[data-highlight="tomtat-widget"]'));
      const { layers } = await browser.evaluate(readLayers, 'tomtat-widget');
      assert.deepEqual(layers.sentence, [digest.sentences[digest.directives[2].index].text]);
      if (api) assert.equal(await browser.evaluate(() => document.querySelector('article').innerHTML), before, "the site's DOM is unchanged");
      await browser.click(() => document.querySelector('tom-tat').shadowRoot.querySelector('.toggle'));
      assert.deepEqual((await browser.evaluate(readLayers, 'tomtat-widget')).layers, {});
      assert.equal(await browser.evaluate(() => document.querySelector('article').innerHTML), before, 'closed, the article is as it was');

      // The `<mark>` fallback of a browser without the API, in this engine: the API taken away, open again and click.
      await browser.evaluate(() => {
        globalThis.Highlight = undefined;
      });
      await browser.click(() => document.querySelector('tom-tat').shadowRoot.querySelector('.toggle'));
      await browser.click(() => document.querySelector('tom-tat').shadowRoot.querySelectorAll('.directive-item')[3]);
      const fallback = await browser.waitFor((prefix) => document.querySelector(`mark[data-highlight="${prefix}"]`) && prefix, 'tomtat-widget');
      const marked = await browser.evaluate(readLayers, fallback);
      assert.equal(marked.api, false);
      assert.deepEqual(marked.layers.sentence.join(''), digest.sentences[digest.directives[3].index].text);
      await browser.click(() => document.querySelector('tom-tat').shadowRoot.querySelector('.toggle'));
      assert.equal(await browser.evaluate(() => document.querySelector('article').innerHTML), before, 'the marks are gone, the text nodes joined back');
    });

    test('the offline file over file:// digests the seed', async () => {
      assert.ok(existsSync(OFFLINE), `${OFFLINE} is missing: run \`cargo xtask build\` (cargo xtask test does)`);
      await browser.goto(pathToFileURL(OFFLINE).href);
      await browser.click(() => document.getElementById('sample'));
      await browser.waitFor(pageShows, SEED);
      const length = await browser.evaluate(() => document.querySelector('input[name=length]:checked').value);
      await assertPageShows(browser, await digestInNode(SEED, { length }));
    });
  });
}
