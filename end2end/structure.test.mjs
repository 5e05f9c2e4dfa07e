// What a screen reader hears, and what a keyboard can do.
//
// ARIA snapshots (playwright-core's ariaSnapshot) of the front page, the records list,
// a document, the renewal form with errors, a lab trend and the proxy banner are
// compared whole with the files in end2end/snapshots/: a change in structure shows up
// as a diff to review. Digits are written as # (the demo data is dated relative to
// today); of the records list, its filter and its first service event, whose
// structure every other repeats. UPDATE_SNAPSHOTS=1 writes the files anew instead of
// comparing.
//
// Keyboard: an error summary takes the focus and links to every field in error, each
// link moving the focus to its field; every focusable element shows its focus; Tab
// goes through the page and out again (no trap); text resizes to 200 %.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actFor, newContext, settled, signIn, useAppAndBrowser } from './support/app.mjs';

const world = useAppAndBrowser();
const dir = join(import.meta.dirname, 'snapshots');

/** Compares (or with UPDATE_SNAPSHOTS=1 writes) a snapshot of `locator`. */
async function matchSnapshot(locators, name) {
  const parts = [];
  for (const locator of [locators].flat()) parts.push(await locator.ariaSnapshot());
  // Digits as # (dates, counts, ids) but heading levels, which are structure; a long
  // run of one letter (a text typed over its limit) shortened.
  const snapshot = `${parts.join('\n')}\n`.replace(/(?<!level=)\d+/g, '#').replace(/(\w)\1{19,}/g, '$1$1$1…');
  const file = join(dir, `${name}.aria.yml`);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, snapshot);
    return;
  }
  assert.ok(existsSync(file), `${file} is missing: run the browser tests with UPDATE_SNAPSHOTS=1 and review it`);
  assert.equal(snapshot, readFileSync(file, 'utf8'), `the structure of ${name} changed: review the diff, then UPDATE_SNAPSHOTS=1`);
}

/** A prescription of Aino's whose page offers the renewal form. */
async function renewablePrescription(page, mode) {
  await page.goto(`${world.app.base}/prescriptions`);
  await settled(page, mode);
  const hrefs = await page.getByRole('main').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of hrefs.filter((h) => /^\/prescriptions\/\d+$/.test(h))) {
    await page.goto(`${world.app.base}${href}`);
    await settled(page, mode);
    if ((await page.getByRole('button', { name: 'Lähetä uusimispyyntö' }).count()) > 0) return href;
  }
  throw new Error('no renewable prescription');
}

/** Sends the renewal form with every field wrong: no unit, a message over its limit. */
async function sendRenewalWrong(page, mode) {
  await page.getByLabel('Mihin pyyntö lähetetään').selectOption('');
  await page.getByLabel('Viesti lääkärille (vapaaehtoinen)').evaluate((el) => {
    el.value = 'x'.repeat(el.maxLength + 1);
  });
  await page.evaluate(() => {
    for (const f of document.querySelectorAll('form')) f.noValidate = true;
  });
  await page.getByRole('button', { name: 'Lähetä uusimispyyntö' }).click();
  await settled(page, mode);
}

describe('ARIA snapshots', () => {
  test('the front page, records, a document, a lab trend, the renewal form with errors, the proxy banner', async () => {
    const context = await newContext(world.browser, 'nojs');
    const page = await context.newPage();
    await signIn(page, 'nojs', world.app.base, 'Aino Virtanen');
    await matchSnapshot(page.getByRole('main'), 'front-page');

    await page.goto(`${world.app.base}/records?from=&to=&kind=diagnosis`);
    const main = page.getByRole('main');
    await matchSnapshot(
      [main.getByRole('heading', { level: 1 }), main.getByRole('group'), main.getByRole('status'), main.getByRole('list').first().getByRole('listitem').first()],
      'records-list',
    );

    await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
    await page.waitForLoadState('load');
    await matchSnapshot(page.getByRole('main'), 'document');

    await page.goto(`${world.app.base}/lab`);
    await page.getByRole('main').getByRole('link').first().click();
    await page.waitForLoadState('load');
    await matchSnapshot(page.getByRole('main'), 'lab-trend');

    await renewablePrescription(page, 'nojs');
    await sendRenewalWrong(page, 'nojs');
    await matchSnapshot(page.getByRole('main'), 'renewal-form-with-errors');

    await actFor(page, 'nojs', world.app.base, 'Helvi Virtanen');
    await matchSnapshot(page.getByRole('region', { name: /Katselet henkilön Helvi Virtanen tietoja/ }), 'proxy-banner');
    await context.close();
  });
});

for (const mode of ['js', 'nojs']) {
  describe(`keyboard, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('the error summary takes the focus and leads to every field in error', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, 'Aino Virtanen');
      await renewablePrescription(page, mode);
      await sendRenewalWrong(page, mode);
      const summary = page.getByRole('alert').filter({ has: page.getByRole('heading') });
      assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the summary has the focus');
      const links = summary.getByRole('link');
      const targets = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(targets, ['#organisation', '#message'], 'every field in error, in the form\'s order');
      // From the summary, Tab reaches each link in turn; Enter moves the focus to its
      // field, which names its error.
      for (const [i, target] of targets.entries()) {
        await summary.focus();
        for (let n = 0; n <= i; n += 1) await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), target);
        await page.keyboard.press('Enter');
        await page.waitForFunction((id) => document.activeElement?.id === id, target.slice(1));
        const described = await page.evaluate(() => document.activeElement.getAttribute('aria-describedby') ?? '');
        assert.match(described, new RegExp(`${target.slice(1)}-error`), `${target} names its error`);
      }
      await context.close();
    });

    test('every control shows its focus, Tab goes through the page and out, text resizes to 200 %', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, 'Aino Virtanen');
      for (const path of ['/', '/records', '/prescriptions', '/living-will', '/accessibility']) {
        await page.goto(`${world.app.base}${path}`);
        await settled(page, mode);
        const focusable = await page.evaluate(
          () => document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, [tabindex="0"]').length,
        );
        const seen = new Set();
        let steps = 0;
        for (; steps <= focusable + 2; steps += 1) {
          await page.keyboard.press('Tab');
          const state = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            return {
              key: `${el.tagName}#${el.id}:${el.getAttribute('href') ?? ''}:${el.getAttribute('name') ?? ''}:${el.getAttribute('value') ?? ''}:${el.textContent?.trim().slice(0, 30)}`,
              // Ours are 2 px outlines; the browser's own ring is "auto".
              ring:
                (style.outlineStyle === 'auto' || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)) ||
                style.boxShadow !== 'none',
              shown: r.width > 1 && r.height > 1,
            };
          });
          if (state === null) break; // out of the page: no trap
          assert.ok(state.ring, `${path}: ${state.key} shows no focus`);
          assert.ok(state.shown, `${path}: ${state.key} has the focus but cannot be seen`);
          if (seen.has(state.key)) break; // round again
          seen.add(state.key);
        }
        assert.ok(steps <= focusable + 2, `${path}: Tab did not leave the page (a trap?)`);
        assert.ok(seen.size >= 3, `${path}: Tab reached ${seen.size} elements`);
      }

      // Text at 200 %: the page still fits a 640 px window without sideways scrolling.
      await page.setViewportSize({ width: 640, height: 800 });
      await page.goto(`${world.app.base}/records`);
      await settled(page, mode);
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `at 200 % text the records page scrolls sideways by ${overflow} px`);
      await context.close();
    });
  });
}
