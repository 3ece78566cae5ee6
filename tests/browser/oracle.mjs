// The digest as the page must show it, computed by the same wasm module in Node
// (`initSync` and `loadWordModel` on the built pkg/), and the seed article.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The page's folder as it ships: `dist/www/`, which `cargo xtask build` writes from www/
 * (its scripts without comments and indentation, and pkg/). Sites, the npm package, the
 * extension and the offline file take these copies, so the tests load them too.
 */
export const WWW = fileURLToPath(new URL('../../dist/www/', import.meta.url));
/** The built module; `cargo xtask test` builds it before the browser tests. */
export const PKG = `${WWW}pkg/`;
/** The reference article. */
export const SEED = readFileSync(new URL('../../seeds/000_5dea1911c32d1e71.txt', import.meta.url), 'utf8');

let wasm;

/** The wasm module's exports, instantiated once. */
export async function tomtat() {
  if (!wasm) {
    if (!existsSync(`${PKG}tomtat_bg.wasm`)) {
      throw new Error(`${PKG} is not built: run \`cargo xtask build\` (cargo xtask test does)`);
    }
    wasm = await import(`${PKG}tomtat.js`);
    wasm.initSync({ module: readFileSync(`${PKG}tomtat_bg.wasm`) });
    wasm.loadWordModel(readFileSync(`${PKG}words.bin`));
  }
  return wasm;
}

/** `digest(text, options)` of the built wasm. */
export async function digestInNode(text, options) {
  return (await tomtat()).digest(text, options);
}
