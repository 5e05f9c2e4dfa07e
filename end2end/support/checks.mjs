// The crawl's checks of one page, run inside the page (page.evaluate(checkPage, …)):
// what is wrong, in words. end2end/checks.test.mjs shows that each can fail.

// Words that mark a passage's language: common in one of the three, rare in the others.
export const STOPWORDS = {
  fi: 'ja ei että tai kun jos mutta myös sekä oli ovat voi tämä hän olla kanssa mukaan tarvittaessa yli ole kuin jo vain sinun voit',
  sv: 'och är för med inte av som att till på det ett vid sedan efter ingen eller har kan den du dig ditt vårdas samt',
  en: 'the and is of to for with not you your are this that or be can if by from has have was will which',
};

/** The checks on one page, run in the page: what is wrong, in words. */
export function checkPage({ width, lang, stopwords }) {
  // How tall a small phone's screen is (320 x 568), in CSS pixels.
  const FIRST_SCREEN = 568;
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

  // Every id once: a label's `for`, a link to a field and `aria-*` references find
  // the first element of an id, so a second one silently loses its label.
  const ids = new Map();
  for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
  for (const [id, n] of ids) if (n > 1) problems.push(`id "${id}" used ${n} times`);

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
    // The page's heading in the first screen of a small phone, below the header and its
    // menu (the development notice, which production has not, aside).
    if (h1s.length === 1) {
      const notice = document.querySelector('[data-dev-notice]');
      const top = h1s[0].getBoundingClientRect().top + window.scrollY - (notice?.getBoundingClientRect().height ?? 0);
      if (top > FIRST_SCREEN) problems.push(`the h1 starts ${Math.round(top)} px down, below the first screen (${FIRST_SCREEN} px)`);
    }

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

