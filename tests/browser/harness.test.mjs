// The harness itself: Chromium starts, the server serves with the right types, and
// requests are recorded with their origin.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foreignRequests, launch, recordRequests, serve } from './harness.mjs';

test('serves a page to Chromium and records its requests', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tomtat-site-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>x</title><p id="p">Xin chào</p><script type="module" src="m.js"></script>');
  await writeFile(join(dir, 'm.js'), 'document.getElementById("p").dataset.ran = "yes";');
  const site = await serve(dir);
  const browser = await launch();
  try {
    const urls = recordRequests(browser.context);
    const page = await browser.context.newPage();
    await page.goto(site.origin + '/');
    await page.waitForSelector('#p[data-ran=yes]');
    assert.equal(await page.textContent('#p'), 'Xin chào');
    assert.deepEqual(foreignRequests(urls, [site.origin]), []);
    assert.ok(urls.includes(site.origin + '/m.js'));
  } finally {
    await browser.close();
    await site.close();
  }
});
