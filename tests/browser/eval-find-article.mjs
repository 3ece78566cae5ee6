// Measures www/find-article.js on real pages: the word-multiset F1 between
// findArticle(document).text and the text of Readability's expected extraction, per
// page and on average, beside two baselines computed in the same run.
//
// Usage (from the repository root): node tests/browser/eval-find-article.mjs [--scripts] [PAGES_DIR...]
// or `cargo xtask eval-finder`. Without a directory it reports the two sets of
// ../shared/data: pages (news and blogs) and pages-more (wikis, documentation, forums).
//
// Each page's source.html is served from a fake origin (https://news.test/<name>/)
// through the browser context's router; every other request is aborted, so nothing
// reaches the network, and JavaScript is disabled so the page's own scripts never run
// (with --scripts they run, as on a live page, still without the network).

import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
/** Where the 31 real news and blog pages live: ../shared/data/pages from the repository root, or $TOMTAT_PAGES. */
export const PAGES = resolve(REPO, process.env.TOMTAT_PAGES ?? '../shared/data/pages');
/** The 27 further pages of other kinds: ../shared/data/pages-more, or $TOMTAT_PAGES_MORE. */
export const PAGES_MORE = resolve(REPO, process.env.TOMTAT_PAGES_MORE ?? '../shared/data/pages-more');
const ORIGIN = 'https://news.test';

/** Lower-cased runs of letters and digits: the words the F1 counts. */
export function words(text) {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Word-multiset F1 (0–100) of `got` against `want`. */
export function f1(got, want) {
  const counts = new Map();
  for (const w of want) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of got) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common += 1;
      counts.set(w, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / got.length;
  const recall = common / want.length;
  return (200 * precision * recall) / (precision + recall);
}

/** The names of the page folders under `dir` that hold both files, or [] when absent. */
export async function pageNames(dir = PAGES) {
  let names;
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const found = [];
  for (const name of names.sort()) {
    try {
      await stat(join(dir, name, 'source.html'));
      await stat(join(dir, name, 'expected.html'));
      found.push(name);
    } catch {
      // Not a page folder (e.g. the licence file).
    }
  }
  return found;
}

/**
 * The finder module as an expression that evaluates to its exports, so it can run in a
 * page whose JavaScript is disabled (no module script would execute there).
 */
export async function finderExpression() {
  const source = await readFile(join(REPO, 'www/find-article.js'), 'utf8');
  const names = [...source.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1]);
  return `(() => { ${source.replace(/^export /gm, '')}\nreturn { ${names.join(', ')} }; })()`;
}

/**
 * Opens every page in Chromium with the network blocked and the page's scripts off
 * (unless `scripts`), and returns per page the F1 of findArticle's text and of the two
 * baselines against the expected text.
 */
export async function measure(dir = PAGES, names = null, scripts = false) {
  names ??= await pageNames(dir);
  const finder = await finderExpression();
  const browser = await launch({ javaScriptEnabled: scripts });
  const rows = [];
  try {
    const { context } = browser;
    let current = null;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (current && url === `${ORIGIN}/${current.name}/`) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current.html });
      }
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    for (const name of names) {
      const html = await readFile(join(dir, name, 'source.html'));
      const expectedHtml = await readFile(join(dir, name, 'expected.html'), 'utf8');
      current = { name, html };
      await page.goto(`${ORIGIN}/${name}/`, { waitUntil: 'domcontentloaded' });
      const texts = await page.evaluate(
        ([code, expected]) => {
          const started = performance.now();
          // eslint-disable-next-line no-eval -- the page's own script engine is off; this is the test driver.
          const { findArticle } = (0, eval)(code);
          const found = findArticle(document);
          const ms = performance.now() - started;
          const first = document.querySelector('article, [itemprop=articleBody]') ?? document.body;
          const want = new DOMParser().parseFromString(expected, 'text/html').body.textContent;
          const root = `${found.root.localName}#${found.root.id}.${String(found.root.className).slice(0, 40)}`;
          return { found: found.text, listing: found.listing, root, ms, body: document.body.innerText, first: first.innerText, want };
        },
        [finder, expectedHtml],
      );
      rows.push({ name, ...texts });
    }
  } finally {
    await browser.close();
  }
  return rows.map((r) => {
    const want = words(r.want);
    return {
      name: r.name,
      ms: r.ms,
      text: r.found,
      root: r.root,
      listing: r.listing,
      finder: f1(words(r.found), want),
      body: f1(words(r.body), want),
      first: f1(words(r.first), want),
    };
  });
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Prints one set's table: per page the finder and the two baselines, then the means. */
function report(dir, rows) {
  const pad = Math.max(...rows.map((r) => r.name.length));
  console.log(`${dir}\n${'page'.padEnd(pad)}  finder    body  first   ms`);
  for (const r of rows) {
    const cells = [r.finder, r.body, r.first].map((x) => x.toFixed(1).padStart(6));
    console.log(`${r.name.padEnd(pad)}  ${cells.join('  ')}  ${r.ms.toFixed(0).padStart(3)}${r.listing ? '  (listing: a front page, its teasers read)' : ''}`);
  }
  const cells = ['finder', 'body', 'first'].map((k) => mean(rows.map((r) => r[k])).toFixed(1).padStart(6));
  console.log(`${'mean'.padEnd(pad)}  ${cells.join('  ')}`);
  const low = (k) => Math.min(...rows.map((r) => r[k])).toFixed(1);
  console.log(`${'min'.padEnd(pad)}  ${['finder', 'body', 'first'].map((k) => low(k).padStart(6)).join('  ')}  (${rows.length} pages)\n`);
}

async function main() {
  const args = process.argv.slice(2);
  const scripts = args.includes('--scripts');
  const given = args.filter((a) => a !== '--scripts').map((d) => resolve(d));
  for (const dir of given.length ? given : [PAGES, PAGES_MORE]) {
    const names = await pageNames(dir);
    if (names.length === 0) {
      console.error(`eval-find-article: no pages in ${dir}`);
      process.exit(1);
    }
    report(dir, await measure(dir, names, scripts));
  }
  console.log('finder = findArticle(document).text; body = document.body.innerText; first = first <article>/[itemprop=articleBody] else body');
  console.log(`page scripts ${scripts ? 'on' : 'off (--scripts runs them)'}; every request blocked`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
