// The accessibility crawl: every page each persona can reach, in Finnish, Swedish and
// English, with JavaScript on and off, at 320 px and 1280 px, with its error, empty,
// refused and missing states; on each, axe-core (WCAG 2.0-2.2 A and AA) and the
// structural checks in `checkPage` below. Prints how many page-states it checked.
//
// A state is persona x language x JavaScript x width. Within a state the crawl starts
// at the front page and follows every same-origin link breadth first, each address
// once; of addresses that differ only by an id or a query (documents, lab trends,
// prescriptions, pages of the list), it takes the first PER_PATTERN, since they share
// one template and the demo persons have thousands. Forms posted to their own page
// are posted once empty and once wrong (every text over its limit), and nothing else
// is posted, so the crawl changes no data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launchBrowser, settled, startApp } from './support/app.mjs';

const PER_PATTERN = 1;
const WORKERS = Number(process.env.CRAWL_WORKERS ?? 3);
/** The dimensions; CRAWL_LANGS, CRAWL_MODES, CRAWL_WIDTHS and CRAWL_PERSONAS (comma
 * lists) narrow a run while working on one thing. The test command crawls them all. */
const only = (name, all) => (process.env[name] ? all.filter((x) => process.env[name].split(',').includes(String(x.id ?? x))) : all);
const LANGS = only('CRAWL_LANGS', ['fi', 'sv', 'en']);
const MODES = only('CRAWL_MODES', ['js', 'nojs']);
const WIDTHS = only('CRAWL_WIDTHS', [320, 1280]);

/** Who signs in, and for whom they then act. */
const PERSONAS = only('CRAWL_PERSONAS', [
  { id: 'signed-out' },
  { id: 'person', name: 'Aino Virtanen' },
  { id: 'mandate-holder', name: 'Aino Virtanen', actFor: 'Helvi Virtanen' },
  { id: 'guardian-under-10', name: 'Laura Nieminen', actFor: 'Eetu Nieminen' },
  { id: 'guardian-of-teen', name: 'Laura Nieminen', actFor: 'Ella Nieminen' },
  { id: 'swedish-speaker', name: 'Johan Lindqvist' },
]);

/** Addresses visited in every state besides what links lead to: every section's pages
 * (refused where the right does not reach), a page and a document that do not exist,
 * a filter posted wrong (every field) and one with no results. */
const EXTRA = [
  '/records',
  '/summaries',
  '/lab',
  '/prescriptions',
  '/medication-list',
  '/living-will',
  '/disclosure-log',
  '/accessibility',
  '/no-such-page',
  '/records/999999999999',
  '/records?from=32.1.2026&to=eilen&organisation=x&kind=x',
  '/records?from=2099-01-01&to=2099-01-31',
];

/** One template per path shape: digits become `#`, the query's names are kept. */
function pattern(url) {
  const u = new URL(url);
  const names = [...new Set([...u.searchParams.keys()])].sort().join('&');
  return `${u.pathname.replace(/\d+/g, '#')}?${names}`;
}

/** Links never followed: those that end the session or leave the page's state. */
const SKIP = [/^\/sign-out/, /^\/dev\//, /^\/api\//, /^\/auth\//, /\.(svg|css|js|wasm|ico)$/];

// Words that mark a passage's language: common in one of the three, rare in the others.
const STOPWORDS = {
  fi: 'ja ei että tai kun jos mutta myös sekä oli ovat voi tämä hän olla kanssa mukaan tarvittaessa yli ole kuin jo vain sinun voit',
  sv: 'och är för med inte av som att till på det ett vid sedan efter ingen eller har kan den du dig ditt vårdas samt',
  en: 'the and is of to for with not you your are this that or be can if by from has have was will which',
};

/** The checks on one page, run in the page: what is wrong, in words. */
function checkPage({ width, lang, stopwords }) {
  const problems = [];
  const describe = (el) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
      typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).slice(0, 3).join('.')}` : ''
    } "${(el.textContent ?? '').trim().slice(0, 40)}"`;
  const shown = (el) => el.checkVisibility() && el.getClientRects().length > 0;

  // One h1, one main landmark, a skip link to it first.
  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements`);
  const mains = document.querySelectorAll('main, [role="main"]');
  if (mains.length !== 1) problems.push(`${mains.length} main landmarks`);
  const first = document.querySelector('a[href], button, input:not([type="hidden"]), select, textarea');
  const skipTarget = first?.getAttribute('href')?.startsWith('#') && document.getElementById(first.getAttribute('href').slice(1));
  if (!skipTarget || skipTarget !== mains[0]) problems.push('the first focusable element is not a skip link to main');

  // No heading level skipped (h1 first, then never more than one level deeper), among
  // the headings that are there to hear (a closed dialog's are not).
  let level = 0;
  for (const h of [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => h.checkVisibility())) {
    const l = Number(h.tagName[1]);
    if (l > level + 1) problems.push(`heading skips from h${level} to h${l}: ${describe(h)}`);
    level = l;
  }

  // The page in the language chosen.
  if (document.documentElement.lang !== lang) problems.push(`html lang="${document.documentElement.lang}", not ${lang}`);

  // Every passage in another language marked as such.
  const words = Object.fromEntries(Object.entries(stopwords).map(([l, w]) => [l, new Set(w.split(' '))]));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || el.closest('script, style, [aria-hidden="true"]')) continue;
    seen.add(el);
    const tokens = (el.textContent ?? '').toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
    if (tokens.length < 5) continue;
    const hits = Object.fromEntries(Object.keys(words).map((l) => [l, tokens.filter((t) => words[l].has(t)).length]));
    const ranked = Object.entries(hits).sort((a, b) => b[1] - a[1]);
    const [best, count] = ranked[0];
    if (count < 2 || count < 2 * ranked[1][1]) continue;
    const marked = (el.closest('[lang]')?.getAttribute('lang') ?? '').split('-')[0];
    if (marked !== best) problems.push(`a passage in ${best} marked as ${marked || 'nothing'}: ${describe(el)}`);
  }

  if (width <= 320) {
    // No horizontal scrolling of the page (WCAG 1.4.10).
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      // The deepest elements that reach past the window, or whose text does.
      const wide = [...document.body.querySelectorAll('*')]
        .filter((el) => shown(el) && (el.getBoundingClientRect().right > root.clientWidth + 1 || el.scrollWidth > el.clientWidth + 1))
        .filter((el) => getComputedStyle(el).overflowX === 'visible' && !el.closest('[role="region"][tabindex="0"]'))
        .filter((el, _, all) => !all.some((other) => other !== el && el.contains(other)))
        .slice(0, 4)
        .map(describe);
      problems.push(`the page scrolls sideways: ${root.scrollWidth} px in ${root.clientWidth} (${wide.join('; ')})`);
    }
  }

  // Every control at least 24 x 24 px (WCAG 2.5.8); links inside a sentence are exempt.
  const controls = document.querySelectorAll(
    'button, input:not([type="hidden"]), select, textarea, summary, [role="button"], a[href]',
  );
  for (const el of controls) {
    if (!shown(el)) continue;
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 && r.height <= 1) continue; // visually hidden until focused
    if (r.width < 24 || r.height < 24) problems.push(`control ${Math.round(r.width)} x ${Math.round(r.height)} px: ${describe(el)}`);
  }
  return problems;
}

/** Signs a persona in (and chooses whom to act for) and returns the browser state. */
async function personaState(browser, base, persona) {
  if (!persona.name) return { cookies: [], origins: [] };
  const context = await browser.newContext({ locale: 'fi-FI' });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByRole('button', { name: `Kirjaudu: ${persona.name}` }).click();
  await page.waitForLoadState('load');
  if (persona.actFor) {
    await page.getByRole('button', { name: `Asioi henkilön ${persona.actFor} puolesta` }).click();
    await page.waitForLoadState('load');
    await page.getByText(new RegExp(`Katselet henkilön ${persona.actFor} tietoja`)).waitFor();
  }
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Posts a form on the page as given (`empty` or `wrong`) and returns whether it did. */
async function postOwnForm(page, index, how) {
  return page.evaluate(
    ({ index, how }) => {
      const forms = [...document.querySelectorAll('form[method="post"]')].filter(
        (f) => new URL(f.action).pathname === location.pathname,
      );
      const form = forms[index];
      if (!form) return false;
      form.noValidate = true;
      for (const el of form.elements) {
        if (el.type === 'hidden' || el.type === 'submit') continue;
        if (el.type === 'radio' || el.type === 'checkbox') el.checked = false;
        else if (el.tagName === 'TEXTAREA' || el.type === 'text') {
          el.value = how === 'wrong' ? 'x'.repeat((el.maxLength > 0 ? el.maxLength : 10_000) + 1) : '';
        } else if (el.tagName === 'SELECT') el.value = '';
      }
      form.requestSubmit();
      return true;
    },
    { index, how },
  );
}

test('every page, every state: axe clean, one h1, main, skip link, headings, reflow, target size, languages', async () => {
  const started = Date.now();
  // The crawl posts forms (some signed out) in parallel states: no rate limits.
  const app = await startApp({ env: { OMAKANTA_WRITES_PER_MINUTE: '1000000', OMAKANTA_SIGN_INS_PER_MINUTE: '1000000' } });
  const browser = await launchBrowser();
  const failures = [];
  let checked = 0;
  // Where the time goes (summed over the workers), printed at the end.
  const timing = { load: 0, axe: 0 };
  try {
    const states = [];
    for (const persona of PERSONAS) {
      const storage = await personaState(browser, app.base, persona);
      for (const lang of LANGS) for (const mode of MODES) for (const width of WIDTHS) states.push({ persona, storage, lang, mode, width });
    }

    const crawlState = async ({ persona, storage, lang, mode, width }) => {
      const label = `${persona.id} ${lang} ${mode} ${width}px`;
      const context = await browser.newContext({
        storageState: {
          cookies: [...storage.cookies, { name: 'omakanta_lang', value: lang, url: app.base }],
          origins: [],
        },
        viewport: { width, height: 800 },
        locale: `${lang}-FI`,
      });
      if (mode === 'nojs') await context.route(/\.(m?js|wasm)(\?.*)?$/, (route) => route.abort());
      const page = await context.newPage();
      const queue = ['/', ...EXTRA].map((p) => new URL(p, app.base).href);
      const visited = new Set();
      const perPattern = new Map();
      const check = async (what) => {
        checked += 1;
        const t0 = Date.now();
        const axe = (await axeViolations(page)).map((v) => `axe ${v}`);
        timing.axe += Date.now() - t0;
        const problems = [...axe, ...(await page.evaluate(checkPage, { width, lang, stopwords: STOPWORDS }))];
        for (const p of problems) failures.push(`[${label}] ${what}: ${p}`);
      };
      while (queue.length > 0) {
        const url = queue.shift();
        if (visited.has(url)) continue;
        const key = pattern(url);
        if ((perPattern.get(key) ?? 0) >= PER_PATTERN) continue;
        visited.add(url);
        perPattern.set(key, (perPattern.get(key) ?? 0) + 1);
        const t0 = Date.now();
        const response = await page.goto(url);
        await settled(page, mode);
        timing.load += Date.now() - t0;
        const path = url.slice(app.base.length);
        if (response && response.status() >= 500) failures.push(`[${label}] ${path}: status ${response.status()}`);
        await check(path);

        for (const href of await page.$$eval('a[href]', (as) => as.map((a) => a.href))) {
          const u = new URL(href);
          u.hash = '';
          if (u.origin !== app.base || SKIP.some((re) => re.test(u.pathname))) continue;
          if (!visited.has(u.href)) queue.push(u.href);
        }

        // Forms posted to their own page: once empty, once wrong; each answer checked.
        const own = await page.$$eval('form[method="post"]', (fs) => fs.filter((f) => new URL(f.action).pathname === location.pathname).length);
        for (let i = 0; i < own; i += 1) {
          for (const how of ['empty', 'wrong']) {
            await page.goto(url);
            await settled(page, mode);
            const navigation = page.waitForNavigation();
            if (!(await postOwnForm(page, i, how))) continue;
            await navigation;
            await settled(page, mode);
            await check(`${path} form ${i + 1} posted ${how}`);
          }
        }
      }
      await context.close();
      console.log(`crawl: ${label} done (${visited.size} addresses)`);
    };

    const pending = [...states];
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (pending.length > 0) await crawlState(pending.shift());
      }),
    );
  } finally {
    await browser.close();
    await app.stop();
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`crawl: ${checked} page-states checked in ${seconds} s (${PERSONAS.length} personas x ${LANGS.length} languages x ${MODES.length} x ${WIDTHS.length} widths), ${failures.length} problems`);
  console.log(`crawl: of the workers' time, ${Math.round(timing.load / 1000)} s loading pages, ${Math.round(timing.axe / 1000)} s in axe-core`);
  // The same problem in many states once, with how many and one state it was in.
  const grouped = new Map();
  for (const f of failures) {
    const [, state, problem] = f.match(/^\[([^\]]*)\] (.*)$/s);
    const key = problem.replace(/\d{6,}/g, 'N');
    const g = grouped.get(key) ?? { count: 0, state };
    g.count += 1;
    grouped.set(key, g);
  }
  const report = [...grouped].map(([problem, { count, state }]) => `${count} x ${problem} (e.g. ${state})`);
  assert.deepEqual(report, [], `${failures.length} problems, ${grouped.size} different:\n${report.join('\n')}`);
});
