// The browsers besides Chromium that readers use, each behind one small driver:
// Firefox ESR through WebDriver BiDi (puppeteer-core), and WebKitGTK's MiniBrowser
// through WebKitWebDriver (classic WebDriver over HTTP) on a virtual X display
// (xvfb-run). Both are Debian's packages (firefox-esr, webkit2gtk-driver, xvfb), which
// `cargo xtask test` installs; nothing is downloaded. A driver is
// `{ name, version, goto(url), evaluate(fn, ...args), waitFor(fn, ...args), click(fn, ...args), close() }`:
// `goto` resolves once the page has loaded; `evaluate` runs `fn` in the page and resolves to its (awaited, JSON-like) result;
// `click` clicks, as a user would, the element that `fn(...args)` returns in the page.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';

/** Debian's Firefox ESR; overridable for other systems. */
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
/** Debian's WebKitWebDriver (package webkit2gtk-driver). */
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
/** xvfb-run (package xvfb), which gives WebKitWebDriver's MiniBrowser a virtual X display. */
export const XVFB_RUN = process.env.XVFB_RUN ?? '/usr/bin/xvfb-run';
/** Debian's MiniBrowser, which comes with libwebkit2gtk-4.1 under the machine's multiarch folder. */
export const MINIBROWSER =
  process.env.WEBKIT_MINIBROWSER ??
  (existsSync('/usr/lib') ? readdirSync('/usr/lib').map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`).find(existsSync) : undefined);

/** How long a `waitFor` waits before it fails. */
const WAIT_MS = 60_000;

/** Which of the engines are installed, with why not for the others. */
export function available() {
  return {
    firefox: existsSync(FIREFOX) ? null : `${FIREFOX} is missing (apt-get install firefox-esr; cargo xtask test does)`,
    webkit:
      existsSync(WEBKIT_DRIVER) && existsSync(XVFB_RUN) && MINIBROWSER
        ? null
        : `WebKitWebDriver, MiniBrowser or xvfb-run is missing (apt-get install webkit2gtk-driver xvfb; cargo xtask test does)`,
  };
}

/** Polls `evaluate(fn, ...args)` until it returns something truthy; that value. */
async function poll(evaluate, fn, args) {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const value = await evaluate(fn, ...args);
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${String(fn).slice(0, 120)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * In the page: whether it has loaded, its module scripts run (they run before the load
 * event). A navigation may be reported done before that, as WebKitWebDriver does under load.
 */
function loaded() {
  return document.readyState === 'complete';
}

/** Firefox ESR, headless, on a fresh profile, driven over WebDriver BiDi. */
export async function firefox() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const evaluate = (fn, ...args) => page.evaluate(fn, ...args);
  return {
    name: 'Firefox ESR',
    version: (await browser.version()).replace(/^firefox\//, ''),
    async goto(url) {
      await page.goto(url);
      await poll(evaluate, loaded, []);
    },
    evaluate,
    waitFor: (fn, ...args) => poll(evaluate, fn, args),
    async click(fn, ...args) {
      const element = await page.evaluateHandle(fn, ...args);
      await element.asElement().click();
    },
    close: () => browser.close(),
  };
}

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** The key under which classic WebDriver passes an element reference. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** WebKitGTK's MiniBrowser under WebKitWebDriver, on its own virtual display. */
export async function webkit() {
  const port = await freePort();
  // Its own process group, so that closing ends xvfb-run, Xvfb and the driver together.
  const driver = spawn(XVFB_RUN, ['-a', '-s', '-screen 0 1280x1024x24', WEBKIT_DRIVER, `--port=${port}`], { detached: true, stdio: 'ignore' });
  const stop = () => {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  const base = `http://127.0.0.1:${port}`;
  async function call(method, path, body) {
    const response = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  }
  let session;
  try {
    const until = Date.now() + WAIT_MS;
    for (;;) {
      try {
        session = await call('POST', '/session', {
          capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
        });
        break;
      } catch (error) {
        if (Date.now() > until) throw error;
        await new Promise((done) => setTimeout(done, 200));
      }
    }
  } catch (error) {
    stop();
    throw error;
  }
  const at = `/session/${session.sessionId}`;
  await call('POST', `${at}/window/rect`, { width: 1280, height: 900 });
  // A function and its arguments as a script: its awaited result goes back, a throw as an error.
  const script = (fn) =>
    `const done = arguments[arguments.length - 1];
     Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
       .then((value) => done({ value }), (error) => done({ error: String(error) + ' ' + (error && error.stack) }));`;
  async function run(fn, args) {
    const { value, error } = await call('POST', `${at}/execute/async`, { script: script(fn), args });
    if (error) throw new Error(`in the page: ${error}`);
    return value;
  }
  const evaluate = (fn, ...args) => run(fn, args);
  return {
    name: 'WebKitGTK',
    version: session.capabilities.browserVersion,
    async goto(url) {
      await call('POST', `${at}/url`, { url });
      await poll(evaluate, loaded, []);
    },
    evaluate,
    waitFor: (fn, ...args) => poll(evaluate, fn, args),
    async click(fn, ...args) {
      const element = await run(fn, args);
      if (!element?.[ELEMENT]) throw new Error(`no element to click: ${String(fn).slice(0, 120)}`);
      await call('POST', `${at}/element/${element[ELEMENT]}/click`, {});
    },
    async close() {
      await call('DELETE', at).catch(() => {});
      stop();
    },
  };
}
