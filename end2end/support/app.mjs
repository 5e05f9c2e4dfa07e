// Starts the real server binary on a free port with its own SQLite database filled with
// the demo data, and a headless Debian Chromium to drive it.
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

// axe-core itself, put into each page and run there: @axe-core/playwright's builder
// opened a blank page for every analysis and took ten times as long (600 ms, not 70).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const root = resolve(import.meta.dirname, '..', '..');

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

/**
 * Starts the app. `port` may be chosen beforehand (the identity provider needs the
 * redirect URI); `env` adds settings (an identity provider).
 */
export async function startApp({ port, env = {} } = {}) {
  const bin = process.env.OMAKANTA_BIN;
  if (!bin) throw new Error('OMAKANTA_BIN must name the built server binary (the test command sets it)');
  const dir = mkdtempSync(join(tmpdir(), 'omakanta-e2e-'));
  port ??= await freePort();
  const databaseUrl = `sqlite://${join(dir, 'e2e.db')}?mode=rwc`;
  const child = spawn(bin, [], {
    cwd: root,
    env: {
      ...process.env,
      OMAKANTA_ADDR: `127.0.0.1:${port}`,
      OMAKANTA_DATABASE_URL: databaseUrl,
      LEPTOS_SITE_ROOT: process.env.LEPTOS_SITE_ROOT ?? join(root, 'target', 'site'),
      RUST_LOG: 'warn',
      OMAKANTA_ENV: 'development',
      // A browser driven by a test opens pages and posts forms far faster than a
      // person, all from one address: the rate limits (tested over HTTP in
      // server/tests/suite/limits.rs) would refuse a journey or the crawl part way.
      ...Object.fromEntries(
        [
          'SIGN_INS_PER_MINUTE',
          'ANONYMOUS_WRITES_PER_MINUTE',
          'WRITES_PER_MINUTE',
          'READS_PER_MINUTE',
          'READS_PER_DAY',
          'FEEDBACK_PER_DAY',
          'ANONYMOUS_FEEDBACK_PER_DAY',
        ].map((name) => [`OMAKANTA_${name}`, '1000000']),
      ),
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    databaseUrl,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A browser context in one of two modes. 'js': the islands hydrate. 'nojs': the app's
 * scripts and wasm are blocked, as for a person without JavaScript (page JavaScript
 * itself stays on so axe can run; see shared/TOOLCHAIN.md).
 */
export async function newContext(browser, mode, locale = 'fi-FI') {
  // Downloads are kept, so that a test can read a file the page offers.
  const context = await browser.newContext({ locale, acceptDownloads: true });
  if (mode === 'nojs') {
    await context.route(/\.(m?js|wasm)(\?.*)?$/, (route) => route.abort());
  }
  return context;
}

/** Waits until the page is ready in the given mode. */
export async function settled(page, mode) {
  await page.waitForLoadState('load');
  if (mode === 'js') {
    await page.waitForSelector('[data-hydrated="true"]', { state: 'attached', timeout: 20_000 });
  }
}

/** Runs axe-core against WCAG 2.0–2.2 A and AA and returns the violations, summarised.
 * `skip` names rules not to run (the crawl leaves out colour contrast where another
 * state of the same page has checked the same colours). */
export async function axeViolations(page, { skip = [] } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    ({ tags, skip }) =>
      window.axe
        .run(document, {
          runOnly: { type: 'tag', values: tags },
          rules: Object.fromEntries(skip.map((id) => [id, { enabled: false }])),
          resultTypes: ['violations'],
        })
        .then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))),
    { tags: WCAG_TAGS, skip },
  );
  return violations.map((v) => `${v.id}: ${v.help} (${v.targets.join(', ')})`);
}

/**
 * Starts the app (with `options`, see `startApp`) and a browser before a test file's
 * tests, and stops both after them. Returns where they will be.
 */
export function useAppAndBrowser(options) {
  const world = {};
  before(async () => {
    world.app = await startApp(options);
    world.browser = await launchBrowser();
  });
  after(async () => {
    await world.browser?.close();
    await world.app?.stop();
  });
  return world;
}

/** Signs a demo person in through the development sign-in. */
export async function signIn(page, mode, base, name) {
  await page.goto(`${base}/sign-in`);
  await settled(page, mode);
  await page.getByRole('button', { name: `Kirjaudu: ${name}` }).click();
  await settled(page, mode);
}

/** Chooses on the front page to act for `name`, and waits for the banner saying so. */
export async function actFor(page, mode, base, name) {
  await page.goto(`${base}/`);
  await settled(page, mode);
  await page.getByRole('button', { name: `Asioi henkilön ${name} puolesta` }).click();
  await settled(page, mode);
  await page.getByText(new RegExp(`Katselet henkilön ${name} tietoja`)).waitFor();
}
