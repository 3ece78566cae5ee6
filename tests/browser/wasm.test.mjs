// The wasm API as JavaScript sees it (in Node, on the built www/pkg/): the same digest
// as the CLI, options checked with errors that name the option, and the TypeScript
// types shipped next to the module.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PKG, SEED, digestInNode } from './oracle.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The CLI's digest of `text` with `args`, through cargo (built by `cargo test`). */
function cli(text, args = []) {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'tomtat', '--', 'digest', ...args], {
    cwd: ROOT,
    input: text,
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out.toString('utf8'));
}

/**
 * Deep equality where numbers may differ in the last bits: scores are f32, which the
 * CLI prints shortest-for-f32 and JavaScript widens to f64.
 */
function assertSameDigest(actual, expected, path = 'digest') {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', path);
    assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${path}: ${actual} vs ${expected}`);
  } else if (expected && typeof expected === 'object') {
    assert.equal(Array.isArray(actual), Array.isArray(expected), path);
    assert.deepEqual(Object.keys(actual ?? {}).sort(), Object.keys(expected).sort(), path);
    for (const key of Object.keys(expected)) assertSameDigest(actual[key], expected[key], `${path}.${key}`);
  } else {
    assert.equal(actual, expected, path);
  }
}

test('the wasm digest is the CLI digest (seed, NFD copy, with options)', async () => {
  const nfd = SEED.normalize('NFD');
  assertSameDigest(await digestInNode(SEED), cli(SEED));
  assertSameDigest(await digestInNode(nfd), cli(nfd));
  assertSameDigest(await digestInNode(SEED, { length: 'short', words: true }), cli(SEED, ['--length', 'short', '--words']));
  assertSameDigest(await digestInNode(SEED, { sentences: 3 }), cli(SEED, ['--sentences', '3']));
});

test('omitted, null, empty and undefined-valued options are the defaults', async () => {
  const defaults = await digestInNode(SEED);
  for (const options of [undefined, null, {}, { length: undefined }, { sentences: null }, { length: 'medium' }]) {
    assert.deepEqual(await digestInNode(SEED, options), defaults, JSON.stringify(options));
  }
  assert.ok(defaults.sentences.every((s) => !('words' in s)), 'no words unless asked');
  const text = 'Thủ tướng yêu cầu tỉnh tập trung phát triển.';
  const [sentence] = (await digestInNode(text, { words: true })).sentences;
  assert.ok(sentence.words.some((w) => w.text.startsWith('Thủ')), JSON.stringify(sentence.words));
  for (const w of sentence.words) assert.equal(text.slice(w.start, w.end), w.text);
});

test('bad options throw an Error that names the option', async () => {
  const cases = [
    [{ lenght: 'short' }, /^option `lenght`: unknown field `lenght`, expected one of `sentences`, `length`, `words`$/],
    [{ length: 'tiny' }, /^option `length`: unknown variant `tiny`, expected one of `short`, `medium`, `long`$/],
    [{ sentences: '3' }, /^option `sentences`: invalid type: string "3"/],
    [{ sentences: 2.5 }, /^option `sentences`: invalid type: floating point `2.5`/],
    [{ sentences: 0 }, /^option `sentences`: must be between 1 and 100, got 0$/],
    [{ sentences: 101 }, /^option `sentences`: must be between 1 and 100, got 101$/],
    [{ words: 'yes' }, /^option `words`: invalid type: string "yes", expected a boolean$/],
    ['short', /^options must be an object/],
    [[], /^options must be an object/],
  ];
  for (const [options, message] of cases) {
    await assert.rejects(digestInNode(SEED, options), (error) => {
      assert.ok(error instanceof Error, `${JSON.stringify(options)} throws an Error`);
      assert.match(error.message, message);
      return true;
    });
  }
});

test('empty, binary and non-Vietnamese texts give digests, not exceptions', async () => {
  assert.deepEqual(await digestInNode(''), { sentences: [], summary: [], directives: [], keywords: [] });
  for (const text of ['\u0000\u0001\uFFFD\uD800 x', 'The quick brown fox. It jumps!', '日本語の文章です。', '😀'.repeat(1000)]) {
    const digest = await digestInNode(text);
    for (const s of digest.sentences) assert.equal(text.slice(s.start, s.end).replace(/\uD800/g, '\uFFFD'), s.text);
  }
});

test('the package ships TypeScript types for digest and its options', () => {
  const types = readFileSync(`${PKG}tomtat.d.ts`, 'utf8');
  assert.match(types, /export function digest\(text: string, options\?: Options \| null\): Digest;/);
  for (const name of ['Digest', 'Span', 'Sentence', 'SummarySentence', 'Directive', 'Keyword', 'Options']) {
    assert.match(types, new RegExp(`export interface ${name} `), name);
  }
  const functions = [...types.matchAll(/^export (?:default )?function (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(functions, ['__wbg_init', 'digest', 'initSync'], 'the API is digest and the loaders');
  assert.match(types, /export type DirectiveKind = "require" \| "direct" \| "request" \| "assign" \| "prohibit" \| "rule";/);
});
