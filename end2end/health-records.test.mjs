// A citizen signs in, reads their health records, filters them, opens a document,
// follows a laboratory trend and switches language: with JavaScript on and off, and
// axe-core finds no WCAG 2.2 A/AA violation on any page visited.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser } from './support/app.mjs';

const world = useAppAndBrowser();

async function visit(page, mode, url) {
  await page.goto(url);
  await settled(page, mode);
  assert.deepEqual(await axeViolations(page), [], `axe on ${page.url()}`);
}

async function signIn(page, mode, name) {
  await visit(page, mode, `${world.app.base}/`);
  await page.getByRole('link', { name: 'Tunnistaudu' }).first().click();
  await settled(page, mode);
  assert.deepEqual(await axeViolations(page), [], 'axe on the sign-in page');
  await page.getByRole('button', { name: `Kirjaudu: ${name}` }).click();
  await settled(page, mode);
  await page.getByRole('heading', { level: 1, name: `Tervetuloa, ${name}` }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the front page');
}

for (const mode of ['js', 'nojs']) {
  describe(`health records with JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('sign in, open health records, filter, open a document', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Mikko Korhonen');

      await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Terveystiedot' }).click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Terveystiedot' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on health records');
      const firstPage = await page.getByRole('status').textContent();
      assert.match(firstPage, /Näytetään \d+ asiakirjaa/);

      await page.getByLabel('Tiedon laji').selectOption({ label: 'Diagnoosi' });
      await page.getByRole('button', { name: 'Näytä' }).click();
      await settled(page, mode);
      assert.match(page.url(), /kind=diagnosis/);
      const links = page.getByRole('main').getByRole('listitem').getByRole('link');
      const texts = await links.allTextContents();
      assert.ok(texts.length > 0, 'some diagnoses');
      assert.ok(texts.every((t) => t.startsWith('Diagnoosi')), `only diagnoses: ${texts.slice(0, 3)}`);
      assert.deepEqual(await axeViolations(page), [], 'axe on filtered records');

      await links.first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const dl = await page.locator('dl').textContent();
      assert.match(dl, /Koodi/);
      assert.deepEqual(await axeViolations(page), [], 'axe on a document');

      await page.getByRole('link', { name: 'Seuraavat asiakirjat' }).count().then((n) => assert.equal(n, 0));
      await context.close();
    });

    test('a bad date range is explained and the typed dates stay', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Aino Virtanen');
      await visit(page, mode, `${world.app.base}/records`);
      await page.getByLabel('Alkamispäivä').fill('2026-05-01');
      await page.getByLabel('Päättymispäivä').fill('2026-04-01');
      await page.getByRole('button', { name: 'Näytä' }).click();
      await settled(page, mode);
      const alert = page.getByRole('alert');
      assert.match(await alert.textContent(), /Päättymispäivä ei voi olla ennen alkamispäivää/);
      assert.equal(await page.getByLabel('Alkamispäivä').inputValue(), '2026-05-01');
      assert.equal(await page.getByLabel('Päättymispäivä').inputValue(), '2026-04-01');
      assert.equal(await page.getByLabel('Päättymispäivä').getAttribute('aria-invalid'), 'true');
      assert.deepEqual(await axeViolations(page), [], 'axe on the error state');
      await context.close();
    });

    test('see a lab trend as a picture and as a table', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Mikko Korhonen');
      await page.getByRole('link', { name: 'Laboratoriotulokset' }).first().click();
      await settled(page, mode);
      assert.deepEqual(await axeViolations(page), [], 'axe on lab results');
      await page.getByRole('link', { name: /HbA1c/ }).click();
      await settled(page, mode);
      const chart = page.getByRole('img', { name: /Glykoitunut hemoglobiini/ });
      await chart.waitFor();
      const points = await page.locator('svg .lab-point').count();
      const rows = await page.getByRole('table').getByRole('row').count();
      assert.ok(points > 1, 'several results drawn');
      assert.equal(rows - 1, points, 'one table row per point');
      assert.deepEqual(await axeViolations(page), [], 'axe on the trend');

      // Five years unless asked: his whole series is longer.
      assert.equal(await page.getByRole('radio', { name: 'Viimeiset viisi vuotta' }).isChecked(), true);
      await page.getByText(/vanhempaa tulosta ei näy tällä ajanjaksolla/).waitFor();
      await page.getByRole('radio', { name: 'Kaikki tulokset' }).check();
      await page.getByRole('button', { name: 'Näytä' }).click();
      await settled(page, mode);
      assert.match(page.url(), /period=all/);
      const allPoints = await page.locator('svg .lab-point').count();
      const allRows = await page.getByRole('table').getByRole('row').count();
      assert.ok(allPoints > points, `${allPoints} > ${points}`);
      assert.equal(allRows - 1, allPoints, 'the table follows the period');
      assert.equal(await page.getByRole('radio', { name: 'Kaikki tulokset' }).isChecked(), true);
      assert.deepEqual(await axeViolations(page), [], 'axe on the whole trend');
      await context.close();
    });

    test('a delayed result says it exists and when it appears, and nothing more', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Aino Virtanen');
      await visit(page, mode, `${world.app.base}/records`);
      await page.getByRole('heading', { level: 3, name: 'Tulossa näkyviin' }).waitFor();
      const delayed = page.getByRole('link', { name: /^Laboratoriotulos, .*: näkyy \d+\.\d+\.\d{4}/ });
      assert.ok((await delayed.count()) >= 2, 'her check-up results are delayed');
      await delayed.first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Laboratoriotulos' }).waitFor();
      assert.match(await page.getByRole('status').textContent(), /näkyy vasta \d+\.\d+\.\d{4}/);
      assert.equal(await page.getByRole('table').count(), 0, 'no result, value or range');
      assert.deepEqual(await axeViolations(page), [], 'axe on a delayed document');

      await visit(page, mode, `${world.app.base}/lab`);
      await page.getByRole('heading', { level: 2, name: 'Tulossa näkyviin' }).waitFor();
      await context.close();
    });

    test('each summary by kind, on screen and printed, with a date range', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Mikko Korhonen');
      await visit(page, mode, `${world.app.base}/summaries`);
      const kinds = [
        'Diagnoosit', 'Riskitiedot', 'Rokotukset', 'Toimenpiteet', 'Mittaukset',
        'Kuvantamistutkimukset', 'Lähetteet', 'Hoitosuunnitelmat',
      ];
      for (const kind of kinds) {
        await visit(page, mode, `${world.app.base}/summaries`);
        await page.getByRole('navigation', { name: 'Merkinnät lajeittain' }).getByRole('link', { name: kind }).click();
        await settled(page, mode);
        await page.getByRole('heading', { level: 1, name: kind }).waitFor();
        assert.deepEqual(await axeViolations(page), [], `axe on ${kind}`);
        const range = await page.getByText(/^(Ajalta|Kaikilta vuosilta)/).textContent();
        if (kind === 'Rokotukset') assert.equal(range, 'Kaikilta vuosilta');
        else assert.match(range, /^Ajalta \d+\.\d+\.\d{4} – \d+\.\d+\.\d{4}$/);
        // Printed: the entries and the range, without the form or the menus.
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.getByRole('button', { name: 'Näytä' }).isVisible(), false, 'no form on paper');
        assert.equal(await page.getByText(range, { exact: true }).isVisible(), true, 'the range on paper');
        if (kind === 'Mittaukset') {
          const result = page.getByRole('cell', { name: /^\d{2,3}\/\d{2,3} mmHg$/ }).first();
          assert.equal(await result.isVisible(), true, 'a blood pressure on paper');
        }
        if (kind === 'Hoitosuunnitelmat') {
          const plan = page.getByRole('article').first();
          assert.equal(await plan.getByText(/^Tavoitteet:/).isVisible(), true, 'the plan itself on paper');
        }
        assert.deepEqual(await axeViolations(page), [], `axe on ${kind} printed`);
        await page.emulateMedia({ media: 'screen' });
      }

      // His diagnoses of the year 2005: the range is kept and said.
      await visit(page, mode, `${world.app.base}/summaries/diagnosis`);
      await page.getByLabel('Alkamispäivä').fill('2005-01-01');
      await page.getByLabel('Päättymispäivä').fill('2005-12-31');
      await page.getByRole('button', { name: 'Näytä' }).click();
      await settled(page, mode);
      assert.match(page.url(), /from=2005-01-01/);
      await page.getByText('Ajalta 1.1.2005 – 31.12.2005', { exact: true }).waitFor();
      assert.equal(await page.getByLabel('Alkamispäivä').inputValue(), '2005-01-01');
      const cells = await page.getByRole('table').getByRole('row').locator('td:first-child').allTextContents();
      assert.ok(cells.length > 0 && cells.every((c) => c.endsWith('.2005')), `all of 2005: ${cells}`);
      assert.deepEqual(await axeViolations(page), [], 'axe on another range');
      await context.close();
    });

    test('see prescriptions: valid ones first, the rest on request', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Mikko Korhonen');
      await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Reseptit' }).click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Reseptit' }).waitFor();
      const shown = await page.getByRole('main').getByRole('heading', { level: 2 }).count();
      assert.ok(shown > 0);
      assert.deepEqual(await axeViolations(page), [], 'axe on prescriptions');
      await page.getByRole('link', { name: /Näytä myös (\d+ vanhentunutta|vanhentunut)/ }).click();
      await settled(page, mode);
      const all = await page.getByRole('main').getByRole('heading', { level: 2 }).count();
      assert.ok(all > shown, `${all} > ${shown}`);
      assert.deepEqual(await axeViolations(page), [], 'axe on all prescriptions');
      await context.close();
    });

    test('switch language', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Johan Lindqvist');
      await visit(page, mode, `${world.app.base}/records`);
      await page.getByRole('button', { name: 'Svenska' }).click();
      await settled(page, mode);
      assert.match(page.url(), /\/records$/);
      assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
      await page.getByRole('heading', { level: 1, name: 'Hälsouppgifter' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe in Swedish');
      await page.getByRole('button', { name: 'English' }).click();
      await settled(page, mode);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.getByRole('heading', { level: 1, name: 'Health records' }).waitFor();
      // The choice is kept with him for his next sign-in: back to Finnish for the tests
      // that follow.
      await page.getByRole('button', { name: 'Suomi' }).click();
      await settled(page, mode);
      await context.close();
    });
  });
}
