// The disclosure log with JavaScript on and off: care organisations' queries with
// their role and purpose, narrowed to one organisation by the filter, the next page,
// an entry's page with what it disclosed, and the CSV file's link carrying the same
// filter; a wrong day named, its link leading to the field. axe-core on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser, signIn } from './support/app.mjs';

const world = useAppAndBrowser();

for (const mode of ['js', 'nojs']) {
  describe(`disclosure log, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a person finds who asked for their data, narrows it, pages it and opens one', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, 'Mikko Korhonen');
      await page.getByRole('link', { name: 'Luovutustiedot' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Luovutustiedot' }).waitFor();
      const log = page.getByRole('table', { name: /^Luovutustiedot/ });
      await log.getByRole('cell', { name: /Kela, Reseptikeskus/ }).first().waitFor();
      await log.getByRole('cell', { name: 'Farmaseutti' }).first().waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the log');

      // One organisation only.
      await page.getByLabel('Palvelunantaja').selectOption({ label: 'Kela, Reseptikeskus' });
      await page.getByRole('button', { name: 'Näytä' }).click();
      await settled(page, mode);
      await log.getByRole('cell', { name: 'Kelan korvauskäsittelijä' }).first().waitFor();
      assert.equal(await log.getByRole('cell', { name: 'Farmaseutti' }).count(), 0);
      const csv = page.getByRole('link', { name: /CSV/ });
      assert.match(await csv.getAttribute('href'), /^\/disclosure-log\.csv\?from=.*&organisation=7$/);

      // Every organisation again, and the next page.
      await page.getByLabel('Palvelunantaja').selectOption({ index: 0 });
      await page.getByRole('button', { name: 'Näytä' }).click();
      await settled(page, mode);
      const paging = page.getByRole('navigation', { name: 'Luovutustietojen sivut' });
      await paging.getByRole('link', { name: 'Vanhemmat' }).click();
      await settled(page, mode);
      await paging.getByRole('link', { name: 'Uusimmat' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on an older page');

      // An entry and what it disclosed.
      await log.getByRole('link', { name: /\d+ reseptiä|\d+ resepti|\d+ asiakirjaa/ }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Luovutustieto' }).waitFor();
      await page.getByRole('table', { name: /^Luovutetut (reseptit|asiakirjat)/ }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on an entry');
      await page.getByRole('link', { name: 'Takaisin luovutustietoihin' }).click();
      await settled(page, mode);

      // A wrong day (as typed where the browser has no date picker) is named, and
      // its link leads to the field.
      await page.goto(`${world.app.base}/disclosure-log?from=45.13.2026&to=&organisation=`);
      await settled(page, mode);
      const summary = page.getByRole('alert');
      await summary.getByRole('link', { name: /./ }).first().click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'from');
      assert.deepEqual(await axeViolations(page), [], 'axe on a wrong filter');
      await context.close();
    });
  });
}
