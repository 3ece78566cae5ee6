// The npm package (dist/npm/, written by `cargo xtask build`): packed here with `npm pack`
// and installed offline from the tarball into an empty project, it digests in Node
// through `import { initSync, digest } from 'tomtat'` (and its README's example runs as
// written in a project made by `npm init -y`), in a plain browser page through
// `import init, { digest }` from its path, and its widget served from node_modules works
// on the demo news page as it does from www/. The tarball holds no test, fixture or
// source map file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertOnlyOwnAssets, launch, recordTraffic, serve } from './harness.mjs';
import { SEED, WWW, digestInNode } from './oracle.mjs';

const NPM_DIR = fileURLToPath(new URL('../../dist/npm/', import.meta.url));

function npm(args, cwd) {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
}

/** Packs dist/npm into `dir`; the tarball's path. */
function pack(dir) {
  const [{ filename }] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], NPM_DIR));
  return join(dir, filename);
}

/** An empty project with the tarball installed offline; its folder. */
async function installed(t) {
  assert.ok(existsSync(`${NPM_DIR}package.json`), `${NPM_DIR} is missing: run \`cargo xtask build\` (cargo xtask test does)`);
  const dir = await mkdtemp(join(tmpdir(), 'tomtat-npm-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const tarball = pack(dir);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }));
  npm(['install', '--offline', tarball], dir);
  return dir;
}

test('npm pack lists the package files only: no test, fixture or source map', () => {
  const [{ files, name, version }] = JSON.parse(npm(['pack', '--dry-run', '--json'], NPM_DIR));
  const paths = files.map((f) => f.path).sort();
  assert.equal(name, 'tomtat');
  const cargo = execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { cwd: fileURLToPath(new URL('../../', import.meta.url)), encoding: 'utf8' });
  assert.equal(version, JSON.parse(cargo).packages.find((p) => p.name === 'tomtat').version);
  for (const path of paths) assert.doesNotMatch(path, /test|fixture|\.map$|seed/i, `${path} belongs in no package`);
  for (const wanted of ['package.json', 'README.md', 'LICENSES.md', 'widget.js', 'widget.d.ts', 'worker.js', 'find-article.js', 'pkg/tomtat.js', 'pkg/tomtat_bg.wasm', 'pkg/tomtat.d.ts', 'pkg/words.bin']) {
    assert.ok(paths.includes(wanted), `the package holds ${wanted}`);
  }
});

test('installed offline from the tarball: Node imports it, initSync and digest give the digest of www/pkg', async (t) => {
  const dir = await installed(t);
  const manifest = JSON.parse(await readFile(join(dir, 'node_modules/tomtat/package.json'), 'utf8'));
  assert.equal(manifest.type, 'module');
  assert.match(manifest.license, /MIT OR Apache-2\.0/);
  assert.match(manifest.license, /CC-BY-SA-4\.0/);
  for (const entry of [manifest.types, manifest.exports['.'].types, manifest.exports['./widget'].types, manifest.exports['./widget'].default]) {
    assert.ok(existsSync(join(dir, 'node_modules/tomtat', entry)), `${entry} is in the package`);
  }
  await writeFile(join(dir, 'seed.txt'), SEED);
  const script = `
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    import { initSync, digest, loadWordModel } from 'tomtat';
    const require = createRequire(import.meta.url);
    initSync({ module: readFileSync(require.resolve('tomtat/tomtat_bg.wasm')) });
    loadWordModel(readFileSync(require.resolve('tomtat/words.bin')));
    process.stdout.write(JSON.stringify(digest(readFileSync('seed.txt', 'utf8'), { length: 'short' })));
  `;
  await writeFile(join(dir, 'use.mjs'), script);
  const digest = JSON.parse(execFileSync('node', ['use.mjs'], { cwd: dir, encoding: 'utf8' }));
  assert.equal(digest.directives.length, 4);
  assert.ok(digest.keywords.length > 0, 'keywords with the word model');
  assert.deepEqual(digest, JSON.parse(JSON.stringify(await digestInNode(SEED, { length: 'short' }))));
});

test("the README's Node example as a newcomer runs it: npm init -y, the tarball, node digest.mjs prints what the README says", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'tomtat-newcomer-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const tarball = pack(dir);
  npm(['init', '-y'], dir);
  assert.notEqual(JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')).type, 'module', 'npm init -y makes no ES module project');
  npm(['install', '--offline', tarball], dir);
  const readme = await readFile(join(dir, 'node_modules/tomtat/README.md'), 'utf8');
  const block = (after, fence) => {
    const at = readme.indexOf(after);
    assert.ok(at >= 0, `the README says ${after}`);
    const start = readme.indexOf(fence, at) + fence.length;
    return readme.slice(start, readme.indexOf('```', start));
  };
  await writeFile(join(dir, 'digest.mjs'), block('save this as `digest.mjs`', '```js\n'));
  const printed = execFileSync('node', ['digest.mjs'], { cwd: dir, encoding: 'utf8' });
  assert.equal(printed, block('It prints:', '```\n'));
});

test('from node_modules in a browser: a plain import of the package path, and the widget on the demo news page', async (t) => {
  const dir = await installed(t);
  for (const file of ['news-demo.css', 'news-demo.js']) await copyFile(join(WWW, file), join(dir, file));
  const demo = await readFile(join(WWW, 'news-demo.html'), 'utf8');
  const tag = '<script type="module" src="widget.js"></script>';
  assert.ok(demo.includes(tag));
  // The tag the package's README gives a site.
  const fromReadme = '<script type="module" src="/node_modules/tomtat/widget.js"></script>';
  assert.ok((await readFile(join(dir, 'node_modules/tomtat/README.md'), 'utf8')).includes(fromReadme));
  await writeFile(join(dir, 'news-demo.html'), demo.replace(tag, fromReadme));
  await writeFile(
    join(dir, 'plain.html'),
    `<!doctype html><meta charset="utf-8"><title>plain</title>
<script type="importmap">{ "imports": { "tomtat": "/node_modules/tomtat/pkg/tomtat.js" } }</script>
<script type="module">
  import init, { digest, loadWordModel } from 'tomtat';
  const model = fetch('/node_modules/tomtat/pkg/words.bin').then((r) => r.arrayBuffer());
  globalThis.digestReady = Promise.all([init(), model]).then(([, bytes]) => {
    loadWordModel(new Uint8Array(bytes));
    return digest;
  });
</script>`,
  );
  const site = await serve(dir);
  const browser = await launch();
  t.after(async () => {
    await browser.close();
    await site.close();
  });
  const traffic = recordTraffic(browser.context);

  const plain = await browser.context.newPage();
  await plain.goto(`${site.origin}/plain.html`);
  const inPage = await plain.evaluate(async (text) => (await globalThis.digestReady)(text, { keywords: false }), SEED);
  assert.deepEqual(inPage, JSON.parse(JSON.stringify(await digestInNode(SEED, { keywords: false }))));

  const page = await browser.context.newPage();
  await page.goto(`${site.origin}/news-demo.html`);
  await page.click('tom-tat .toggle');
  await page.waitForFunction(() => document.querySelector('tom-tat')?.result);
  const { digest } = await page.evaluate(() => document.querySelector('tom-tat').result);
  assert.equal(await page.locator('tom-tat .directive-item').count(), 4);
  await page.locator('tom-tat .directive-item').nth(1).click();
  const highlighted = await page.evaluate(() => [...(CSS.highlights.get('tomtat-widget-sentence') ?? [])].map(String));
  assert.deepEqual(highlighted, [digest.sentences[digest.directives[1].index].text]);

  const module = (path) => `/node_modules/tomtat/${path}`;
  assertOnlyOwnAssets(
    traffic,
    site.origin,
    [
      '/plain.html',
      '/news-demo.html',
      '/news-demo.css',
      '/news-demo.js',
      ...['widget.js', 'digest-view.js', 'kinds.js', 'find-article.js', 'digester.js', 'highlight.js', 'worker.js', 'pkg/tomtat.js', 'pkg/tomtat_bg.wasm', 'pkg/words.bin'].map(module),
    ],
    [SEED.slice(200, 240)],
  );
});
