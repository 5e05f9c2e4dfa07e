// The accessibility crawl: every page each persona can reach, in Finnish, Swedish and
// English, with JavaScript on and off, at 320 px and 1280 px, with its error, empty,
// refused and missing states; on each, axe-core (WCAG 2.0-2.2 A and AA) and the
// structural checks in `checkPage` (support/checks.mjs). Prints how many page-states
// it checked and, for JavaScript on and off, where the workers' time went (loading,
// axe-core, the other checks): axe-core is most of it, and colour contrast about half
// of axe-core's.
//
// A state is persona x language x JavaScript x width. Every persona has five: each
// page at 320 px in all three languages with JavaScript off, and in the persona's own
// language at 320 px with JavaScript on and at 1280 px with it off (CRAWL_FULL=1
// crawls every combination, eight more states a persona). What the wide screen alone
// can break (layout with room to spare: columns, tables, the menu's row) does not
// depend on the language, and what the language can break (its `lang` marks, longer
// words that overflow, translated names of controls) is the server's HTML: it is
// checked at the narrow width, where long words fail first, in all three. JavaScript
// changes a page only by its three islands (the hydration mark, the print button, the
// session's timer, all in the page's language): the server's HTML is the same, so it
// is checked where the islands' controls have the least room, at 320 px. Colour
// contrast (about half of axe-core's time) is checked in the persona's own language
// only: a page's colours come from its classes, which are the same in every language
// (the words change, never the elements or their classes), and the own language's
// states hold every page at both widths and with JavaScript on and off.
//
// Within a state the crawl starts
// at the front page and follows every same-origin link breadth first, each address
// once; of addresses that differ only by an id or a query (documents, lab trends,
// prescriptions, pages of the list), it takes the first PER_PATTERN, since they share
// one template and the demo persons have thousands. Forms posted to their own page
// are posted once empty and once wrong (every text over its limit), at the narrow
// width (an answer's markup is the same at both), and nothing else is posted, so the
// crawl changes no data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launchBrowser, settled, startApp } from './support/app.mjs';
import { STOPWORDS, checkPage } from './support/checks.mjs';

const PER_PATTERN = 1;
const WORKERS = Number(process.env.CRAWL_WORKERS ?? 3);
/** The dimensions; CRAWL_LANGS, CRAWL_MODES, CRAWL_WIDTHS and CRAWL_PERSONAS (comma
 * lists) narrow a run while working on one thing. The test command crawls them all. */
const only = (name, all) => (process.env[name] ? all.filter((x) => process.env[name].split(',').includes(String(x.id ?? x))) : all);
const LANGS = only('CRAWL_LANGS', ['fi', 'sv', 'en']);
const MODES = only('CRAWL_MODES', ['js', 'nojs']);
const NARROW = 320;
const WIDTHS = only('CRAWL_WIDTHS', [NARROW, 1280]);

/** Who signs in, and for whom they then act. */
const PERSONAS = only('CRAWL_PERSONAS', [
  { id: 'signed-out' },
  { id: 'person', name: 'Aino Virtanen' },
  { id: 'mandate-holder', name: 'Aino Virtanen', actFor: 'Helvi Virtanen' },
  { id: 'guardian-under-10', name: 'Laura Nieminen', actFor: 'Eetu Nieminen' },
  { id: 'guardian-of-teen', name: 'Laura Nieminen', actFor: 'Ella Nieminen' },
  { id: 'swedish-speaker', name: 'Johan Lindqvist', lang: 'sv' },
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
  '/appointments',
  '/social-welfare',
  '/certificates',
  '/living-will',
  '/organ-donation',
  '/consents',
  '/consents/confirm?change=give&kind=deny-research-contact&target=',
  '/consents/confirm?change=give&kind=nothing&target=',
  '/abroad',
  '/abroad?changed=give',
  '/abroad/summary',
  '/disclosure-log',
  '/disclosure-log?from=32.13.2026&to=eilen&organisation=x',
  '/disclosure-log/entry?key=1~1',
  '/wellbeing',
  '/wellbeing/body-weight',
  '/wellbeing/body-weight?period=decade',
  '/wellbeing/blood-pressure/add',
  '/wellbeing/steps/add',
  '/wellbeing/measurement/999999999999',
  '/wellbeing/sharing',
  '/download',
  '/accessibility',
  '/no-such-page',
  '/records/999999999999',
  '/appointments/999999999999',
  '/appointments?past=10y',
  '/social-welfare/999999999999',
  '/certificates/999999999999',
  '/records?from=32.1.2026&to=eilen&organisation=x&kind=x',
  '/records?from=2099-01-01&to=2099-01-31',
];

/** One template per path shape: digits become `#`, the query's names are kept; a
 * wellbeing kind's page is one template whatever the kind (its forms, which differ by
 * kind, are visited for a kind of two values, of one, and of a day, in EXTRA). */
function pattern(url) {
  const u = new URL(url);
  const names = [...new Set([...u.searchParams.keys()])].sort().join('&');
  const path = u.pathname.replace(/^\/wellbeing\/(?!measurement$|sharing$)[a-z-]+$/, '/wellbeing/*');
  return `${path.replace(/\d+/g, '#')}?${names}`;
}

/** Links never followed: those that end the session or leave the page's state. */
const SKIP = [/^\/sign-out/, /^\/dev\//, /^\/api\//, /^\/auth\//, /\.(svg|css|js|wasm|ico|ics|csv|json)$/];

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
  // The crawl posts forms (some signed out) in parallel states: startApp lifts the
  // rate limits for every browser test.
  const app = await startApp();
  const browser = await launchBrowser();
  const failures = [];
  let checked = 0;
  // Where the time goes (summed over the workers), by JavaScript on and off, printed
  // at the end.
  const timing = Object.fromEntries(MODES.map((m) => [m, { states: 0, pages: 0, load: 0, axe: 0, checks: 0 }]));
  try {
    const states = [];
    for (const persona of PERSONAS) {
      const storage = await personaState(browser, app.base, persona);
      const own = LANGS.includes(persona.lang ?? 'fi') ? (persona.lang ?? 'fi') : LANGS[0];
      for (const lang of LANGS) {
        for (const mode of MODES) {
          for (const width of WIDTHS) {
            const wanted = width === NARROW ? mode === 'nojs' || lang === own : mode === 'nojs' && lang === own;
            if (!wanted && !process.env.CRAWL_FULL) continue;
            states.push({ persona, storage, own, lang, mode, width });
          }
        }
      }
    }

    const crawlState = async ({ persona, storage, own, lang, mode, width }) => {
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
        const axe = (await axeViolations(page, { skip: lang === own ? [] : ['color-contrast'] })).map((v) => `axe ${v}`);
        const t1 = Date.now();
        timing[mode].axe += t1 - t0;
        const problems = [...axe, ...(await page.evaluate(checkPage, { width, lang, stopwords: STOPWORDS }))];
        timing[mode].checks += Date.now() - t1;
        timing[mode].pages += 1;
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
        timing[mode].load += Date.now() - t0;
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
        // At the narrow width only: an answer is its form's page with the errors
        // added, the same markup at both widths, and what the wide width alone can
        // break (columns, tables, the menu's row) its page's own visit checks there.
        const ownForms =
          width !== NARROW && !process.env.CRAWL_FULL
            ? 0
            : await page.$$eval('form[method="post"]', (fs) => fs.filter((f) => new URL(f.action).pathname === location.pathname).length);
        for (let i = 0; i < ownForms; i += 1) {
          for (const how of ['empty', 'wrong']) {
            // The empty answer is the form's page again (with its errors): the wrong
            // one is posted from there.
            if (how === 'empty' || new URL(page.url()).pathname !== new URL(url).pathname) {
              await page.goto(url);
              await settled(page, mode);
            }
            const navigation = page.waitForNavigation();
            if (!(await postOwnForm(page, i, how))) continue;
            await navigation;
            await settled(page, mode);
            await check(`${path} form ${i + 1} posted ${how}`);
          }
        }
      }
      await context.close();
      timing[mode].states += 1;
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
  console.log(`crawl: ${checked} page-states checked in ${seconds} s (${PERSONAS.length} personas, ${LANGS.length} languages at ${NARROW} px and one at the wider, JavaScript on and off), ${failures.length} problems`);
  for (const [mode, t] of Object.entries(timing)) {
    const s = (ms) => Math.round(ms / 1000);
    console.log(`crawl: JavaScript ${mode === 'js' ? 'on' : 'off'}: ${t.states} states, ${t.pages} page-states; of the workers' time ${s(t.load)} s loading pages (not forms' answers), ${s(t.axe)} s in axe-core, ${s(t.checks)} s in the other checks`);
  }
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
