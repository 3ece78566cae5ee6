// The wasm API as JavaScript sees it (in Node, on the built www/pkg/): the same digest
// as the CLI, options checked with errors that name the option (every wrong type and
// value), lone surrogates read as U+FFFD on the same offsets, and the TypeScript types
// shipped next to the module.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PKG, SEED, digestInNode, tomtat } from './oracle.mjs';

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
  assertSameDigest(await digestInNode(SEED, { keywords: false }), cli(SEED, ['--no-keywords']));
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
    [{ lenght: 'short' }, /^option `lenght`: unknown field `lenght`, expected one of `sentences`, `length`, `words`, `keywords`$/],
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

/** A short text with a directive, for the option checks. */
const SHORT = 'Thủ tướng yêu cầu tỉnh tập trung phát triển. Hà Nội đã có mưa to.';

test('every wrong option type or value throws an Error that names the option', async () => {
  const cases = [
    // Unknown keys, also beside good ones.
    [{ foo: 1, length: 'short' }, 'foo', /unknown field `foo`/],
    [{ Length: 'short' }, 'Length', /unknown field `Length`/],
    // sentences: out of range, not an integer, not a number.
    [{ sentences: -1 }, 'sentences', /invalid type: floating point `-1.0`, expected usize/],
    [{ sentences: -0.5 }, 'sentences', /invalid type: floating point/],
    [{ sentences: 0 }, 'sentences', /must be between 1 and 100, got 0/],
    [{ sentences: -0 }, 'sentences', /must be between 1 and 100, got 0/],
    [{ sentences: 101 }, 'sentences', /must be between 1 and 100, got 101/],
    [{ sentences: 2 ** 32 + 1 }, 'sentences', /invalid value: integer `4294967297`/],
    [{ sentences: 1e20 }, 'sentences', /invalid type: floating point/],
    [{ sentences: NaN }, 'sentences', /invalid type: floating point `NaN`/],
    [{ sentences: Infinity }, 'sentences', /invalid type: floating point `inf`/],
    [{ sentences: -Infinity }, 'sentences', /invalid type: floating point `-inf`/],
    [{ sentences: 2.5 }, 'sentences', /invalid type: floating point `2.5`/],
    [{ sentences: '3' }, 'sentences', /invalid type: string "3"/],
    [{ sentences: true }, 'sentences', /invalid type: boolean `true`/],
    [{ sentences: [3] }, 'sentences', /invalid type/],
    [{ sentences: { n: 3 } }, 'sentences', /invalid type/],
    // length: not one of the three words.
    [{ length: 'tiny' }, 'length', /unknown variant `tiny`, expected one of `short`, `medium`, `long`/],
    [{ length: 'Short' }, 'length', /unknown variant `Short`/],
    [{ length: '' }, 'length', /unknown variant ``/],
    [{ length: 3 }, 'length', /invalid type: floating point `3.0`, expected enum Length/],
    [{ length: null }, 'length', /invalid type: unit value, expected enum Length/],
    [{ length: {} }, 'length', /invalid type: .*, expected enum Length/],
    [{ length: ['short'] }, 'length', /expected/],
    // words: only a boolean.
    [{ words: 'yes' }, 'words', /invalid type: string "yes", expected a boolean/],
    [{ words: 1 }, 'words', /invalid type: floating point `1.0`, expected a boolean/],
    [{ words: 0 }, 'words', /invalid type: floating point `0.0`, expected a boolean/],
    [{ words: null }, 'words', /invalid type: unit value, expected a boolean/],
    // keywords: only a boolean.
    [{ keywords: 'no' }, 'keywords', /invalid type: string "no", expected a boolean/],
    [{ keywords: 0 }, 'keywords', /invalid type: floating point `0.0`, expected a boolean/],
  ];
  const { digest } = await tomtat();
  for (const [options, name, message] of cases) {
    const label = `${Object.keys(options)} = ${String(Object.values(options).at(-1))}`;
    assert.throws(() => digest(SHORT, options), (error) => {
      assert.ok(error instanceof Error, `${label}: throws an Error`);
      assert.ok(error.message.startsWith(`option \`${name}\`: `), `${label}: “${error.message}” names ${name}`);
      assert.match(error.message, message, label);
      return true;
    });
  }
  // Not an object: a number, a string, a boolean, an array, a function, a symbol.
  for (const options of [5, 0, NaN, 'short', '', true, false, [], [{ length: 'short' }], () => ({}), Symbol('options'), 3n]) {
    assert.throws(() => digest(SHORT, options), (error) => {
      assert.ok(error instanceof Error);
      assert.equal(error.message, 'options must be an object such as { length: "short" }', String(options?.toString?.() ?? typeof options));
      return true;
    });
  }
  // And the module still works after all of them.
  assert.equal(digest(SHORT).directives.length, 1);
});

test('accepted options: null, undefined keys, sentences: null, and only own keys are read', async () => {
  const { digest } = await tomtat();
  const defaults = digest(SHORT);
  const inherited = Object.create({ length: 'tiny', bogus: true });
  for (const options of [null, undefined, {}, { sentences: null }, { sentences: undefined, words: undefined }, inherited, Object.create(null)]) {
    assert.deepEqual(digest(SHORT, options), defaults);
  }
  assert.equal(digest(SHORT, { sentences: 1 }).summary.length, 1);
  assert.equal(digest(SHORT, { sentences: 100 }).summary.length, 2, 'no more than the text has');
  assert.ok(digest(SHORT, { words: false, length: 'long', sentences: 2 }).sentences.every((s) => !('words' in s)));
});

test('an options getter that throws: its error reaches the caller and the module keeps working', async () => {
  const { digest } = await tomtat();
  for (let round = 0; round < 50; round++) {
    assert.throws(
      () =>
        digest(SHORT, {
          get length() {
            throw new Error('getter says no');
          },
        }),
      /^Error: getter says no$/,
    );
  }
  assert.deepEqual(digest(SEED, { length: 'short' }), await digestInNode(SEED, { length: 'short' }));
});

/** Every span of a digest, as in tests/common/mod.rs. */
function allSpans(digest) {
  return [
    ...digest.sentences.flatMap((s) => [s, ...(s.words ?? [])]),
    ...digest.directives.flatMap((d) => [d.sentence, d.cue, ...(d.issuer ? [d.issuer] : []), ...(d.addressee ? [d.addressee] : []), ...d.actions]),
    ...digest.keywords.flatMap((k) => k.occurrences),
  ];
}

test('lone surrogates are read as U+FFFD: the same offsets, the digest of the well-formed text', async () => {
  const texts = [
    'Thủ tướng \uD800 yêu cầu tỉnh tập trung phát triển.\n\nBộ Y tế \uDC00đề nghị các bệnh viện bảo đảm thuốc.',
    '\uD83D',
    '\uDE00\uD83D Hà Nội đẹp. Thủ tướng yêu cầu tỉnh\uD800 phải tập trung. Điện Biên phát triển \uDBFF\uDFFF.',
    `${SEED.slice(0, 500)}\uD800${SEED.slice(500)}`,
  ];
  for (const text of texts) {
    const digest = await digestInNode(text, { words: true });
    assert.notEqual(text, text.toWellFormed(), 'the text has a lone surrogate');
    assert.deepEqual(digest, await digestInNode(text.toWellFormed(), { words: true }), JSON.stringify(text.slice(0, 40)));
    for (const span of allSpans(digest)) {
      assert.equal(span.end - span.start, span.text.length, 'U+FFFD is one code unit, as the surrogate was');
      assert.equal(text.slice(span.start, span.end).toWellFormed(), span.text);
    }
  }
});

/** A module instance of its own (for tests that make the wasm trap), with the word
 * model loaded unless `words` is false. */
async function freshInstance({ words = true } = {}) {
  const glue = await import(`${PKG}tomtat.js?instance=${Math.random()}`);
  glue.initSync({ module: readFileSync(`${PKG}tomtat_bg.wasm`) });
  if (words) glue.loadWordModel(readFileSync(`${PKG}words.bin`));
  return glue;
}

test('every digest waits for the word model: the directives read words', async () => {
  const { digest, loadWordModel } = await freshInstance({ words: false });
  assert.throws(() => digest(SEED), /the digest needs the word model/);
  assert.throws(() => digest(SEED, { keywords: false }), /word model/, 'the directives need it too');
  const model = readFileSync(`${PKG}words.bin`);
  for (const bytes of [new Uint8Array(), new Uint8Array([1, 2, 3]), model.subarray(0, model.length - 100)]) {
    assert.throws(() => loadWordModel(bytes), /not a tomtat word model/, `${bytes.length} bytes`);
  }
  assert.throws(() => digest(SEED), /word model/, 'nothing was loaded');
  loadWordModel(model);
  const full = digest(SEED);
  assert.ok(full.keywords.length > 0);
  const lean = digest(SEED, { keywords: false });
  assert.equal(lean.directives.length, 4);
  assert.deepEqual(lean.keywords, []);
  assert.deepEqual({ ...full, keywords: [] }, lean);
});

test('a text that is not a string throws an Error that names `text`, and the module keeps working', async () => {
  const { digest } = await freshInstance();
  for (const text of [123, {}, true, Symbol('text'), null, undefined, ['Câu.']]) {
    assert.throws(() => digest(text), /text must be a string/, typeof text);
  }
  assert.equal(digest(SHORT).directives.length, 1);
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
  assert.deepEqual(functions, ['__wbg_init', 'digest', 'initSync', 'loadWordModel'], 'the API is digest and the loaders');
  assert.match(types, /export type DirectiveKind = "require" \| "direct" \| "request" \| "assign" \| "prohibit" \| "rule";/);
});
