// Measures www/find-article.js on real pages: the word-multiset F1 between
// findArticle(document).text and the text of Readability's expected extraction, per
// page and on average, beside two baselines computed in the same run; and on the
// article-extraction benchmark (aeb), the shingle P/R/F1 of its own evaluate.py beside
// the seven tools it publishes, and the same on the benchmark's two halves by page id.
//
// Usage (from the repository root): node tests/browser/eval-find-article.mjs [--scripts] [--keep] [DIR...]
// or `cargo xtask eval-finder`. Without a directory it reports the three sets of
// ../shared/data that are present: pages (news and blogs), pages-more (wikis,
// documentation, forums) and aeb (181 pages of many sites and languages); a folder
// holding ground-truth.json is read as the benchmark. --keep leaves its temporary copy
// (with output/tomtat.json) in place.
//
// Each page's source.html is served from a fake origin (https://news.test/<name>/)
// through the browser context's router; every other request is aborted, so nothing
// reaches the network, and JavaScript is disabled so the page's own scripts never run
// (with --scripts they run, as on a live page, still without the network).

import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
/** Where the 31 real news and blog pages live: ../shared/data/pages from the repository root, or $TOMTAT_PAGES. */
export const PAGES = resolve(REPO, process.env.TOMTAT_PAGES ?? '../shared/data/pages');
/** The 27 further pages of other kinds: ../shared/data/pages-more, or $TOMTAT_PAGES_MORE. */
export const PAGES_MORE = resolve(REPO, process.env.TOMTAT_PAGES_MORE ?? '../shared/data/pages-more');
/** The article-extraction benchmark's 181 pages (scrapinghub): ../shared/data/aeb, or $TOMTAT_AEB. */
export const AEB = resolve(REPO, process.env.TOMTAT_AEB ?? '../shared/data/aeb');
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
 * Opens each of `pages` (`{ name, html, expected }`: the page's bytes and, when given,
 * the expected extraction's HTML) in Chromium with the network blocked and the page's
 * scripts off (unless `scripts`), and returns per page what findArticle found
 * (`found`, `title`, `root`, `listing`, `ms`) and the texts to score it against: the expected
 * text and the two baselines (`want`, `body`, `first`, empty without `expected`).
 */
async function findOnPages(pages, scripts) {
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
    for await (const one of pages) {
      current = one;
      await page.goto(`${ORIGIN}/${one.name}/`, { waitUntil: 'domcontentloaded' });
      const texts = await page.evaluate(
        ([code, expected]) => {
          // eslint-disable-next-line no-eval -- the page's own script engine is off; this is the test driver.
          const { findArticle } = (0, eval)(code);
          // The finder's time on the page, as a widget that has loaded it spends it.
          const started = performance.now();
          const found = findArticle(document);
          const ms = performance.now() - started;
          const root = found.root ? `${found.root.localName}#${found.root.id}.${String(found.root.className).slice(0, 40)}` : '';
          const title = found.title.replace(/\s+/g, ' ');
          const row = { found: found.text, title, listing: found.listing, root, ms, want: '', body: '', first: '' };
          if (expected === null) return row;
          const first = document.querySelector('article, [itemprop=articleBody]') ?? document.body;
          const want = new DOMParser().parseFromString(expected, 'text/html').body.textContent;
          return { ...row, body: document.body.innerText, first: first.innerText, want };
        },
        [finder, one.expected ?? null],
      );
      rows.push({ name: one.name, ...texts });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/**
 * Opens every page of `dir` (or the `names` given) as `findOnPages` does and returns
 * per page the F1 of findArticle's text and of the two baselines against the expected text.
 */
export async function measure(dir = PAGES, names = null, scripts = false) {
  names ??= await pageNames(dir);
  async function* pages() {
    for (const name of names) {
      const html = await readFile(join(dir, name, 'source.html'));
      const expected = await readFile(join(dir, name, 'expected.html'), 'utf8');
      yield { name, html, expected };
    }
  }
  const rows = await findOnPages(pages(), scripts);
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

/** True when `dir` holds the benchmark (its ground truth) rather than page folders. */
async function isBenchmark(dir) {
  return stat(join(dir, 'ground-truth.json')).then(
    () => true,
    () => false,
  );
}

/** The ids of the benchmark's pages (its ground truth's keys), or [] when absent. */
async function benchmarkIds(dir) {
  try {
    return Object.keys(JSON.parse(await readFile(join(dir, 'ground-truth.json'), 'utf8')));
  } catch {
    return [];
  }
}

/** Shingle precision, recall and F1 of one page from its normalised (tp, fp, fn), as evaluate.py defines them. */
function shingleScores([tp, fp, fn]) {
  const p = fp === 0 && fn === 0 ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = fp === 0 && fn === 0 ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The benchmark's figures over some of its pages' (tp, fp, fn), as evaluate.py aggregates them: mean precision and recall, F1 of the means. */
function halfScores(counts) {
  const p = mean(counts.filter(([tp, fp]) => tp + fp > 0).map((c) => shingleScores(c).p));
  const r = mean(counts.filter(([tp, , fn]) => tp + fn > 0).map((c) => shingleScores(c).r));
  return { n: counts.length, p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/**
 * Runs the finder on the benchmark in `dir`, writes its output in the benchmark's format
 * (`output/tomtat.json`) in a temporary copy of the folder, and prints the table of the
 * benchmark's own evaluate.py: the finder's row beside the seven published tools. Then
 * the pages it scores lowest on, and the time per page. `keep` leaves the copy in place.
 */
async function benchmark(dir, ids, scripts, keep) {
  async function* pages() {
    for (const name of ids) yield { name, html: gunzipSync(await readFile(join(dir, 'html', `${name}.html.gz`))) };
  }
  const rows = await findOnPages(pages(), scripts);
  const work = await mkdtemp(join(tmpdir(), 'tomtat-aeb-'));
  try {
    for (const name of ['evaluate.py', 'ground-truth.json', 'output']) await cp(join(dir, name), join(work, name), { recursive: true });
    // The benchmark's article body is without the headline, which the finder reports apart (`title`).
    const body = (r) => (r.title && r.found.startsWith(r.title) ? r.found.slice(r.title.length).trimStart() : r.found);
    const output = Object.fromEntries(rows.map((r) => [r.name, { articleBody: body(r) }]));
    await writeFile(join(work, 'output/tomtat.json'), JSON.stringify({ version: 'find-article.js', output }));
    const python = process.env.PYTHON ?? 'python3';
    const table = execFileSync(python, ['evaluate.py', '--output', 'results.json'], { cwd: work, encoding: 'utf8' });
    console.log(`${dir} (${rows.length} pages; shingle P/R/F1 of the benchmark's evaluate.py)\n${table}`);
    const results = JSON.parse(await readFile(join(work, 'results.json'), 'utf8'));
    const counts = results.tomtat.tp_fp_fns;
    // Two halves by a stable rule (the id's last hex digit), so a change made looking at one can be checked on the other.
    const halves = [0, 1].map((odd) => halfScores(counts.filter((_, i) => parseInt(rows[i].name.slice(-1), 16) % 2 === odd)));
    const half = ({ n, p, r, f }, odd) => `${odd ? 'odd' : 'even'} ids (${n} pages): P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}`;
    console.log(`halves: ${halves.map(half).join('; ')}\n`);
    const scored = rows.map((r, i) => ({ ...r, ...shingleScores(counts[i]) })).sort((a, b) => a.f - b.f);
    console.log('lowest pages       F1     P     R   ms  root');
    for (const r of scored.slice(0, 12)) {
      const cells = [r.f, r.p, r.r].map((x) => x.toFixed(2).padStart(5));
      console.log(`${r.name.slice(0, 16)}  ${cells.join(' ')}  ${r.ms.toFixed(0).padStart(3)}  ${r.root}`);
    }
    if (keep) console.log(`the benchmark's copy with the finder's output: ${work}`);
  } finally {
    if (!keep) await rm(work, { recursive: true, force: true });
  }
  return rows;
}

/** Prints the size of find-article.js gzipped and the finder's time per page over `rows`. */
async function cost(rows) {
  const gzip = gzipSync(await readFile(join(REPO, 'www/find-article.js')), { level: 9 }).length;
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  const at = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(1);
  console.log(`find-article.js: ${gzip} B gzip; findArticle ms per page over ${ms.length} pages: median ${at(0.5)}, p90 ${at(0.9)}, max ${at(1)}\n`);
}

async function main() {
  const args = process.argv.slice(2);
  const scripts = args.includes('--scripts');
  const keep = args.includes('--keep');
  const given = args.filter((a) => !a.startsWith('--')).map((d) => resolve(d));
  const timed = [];
  for (const dir of given.length ? given : [PAGES, PAGES_MORE, AEB]) {
    const bench = await isBenchmark(dir);
    const names = bench ? await benchmarkIds(dir) : await pageNames(dir);
    if (names.length === 0) {
      // The default sets are optional data: skipped with a word; a folder asked for must be there.
      console.error(`eval-find-article: no pages in ${dir}${given.length ? '' : ', skipped'}`);
      if (given.length) process.exit(1);
      continue;
    }
    if (bench) timed.push(...(await benchmark(dir, names, scripts, keep)));
    else {
      const rows = await measure(dir, names, scripts);
      report(dir, rows);
      timed.push(...rows);
    }
  }
  if (timed.length) await cost(timed);
  console.log('finder = findArticle(document).text; body = document.body.innerText; first = first <article>/[itemprop=articleBody] else body');
  console.log(`page scripts ${scripts ? 'on' : 'off (--scripts runs them)'}; every request blocked`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
