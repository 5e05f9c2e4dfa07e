// Consents and denials with JavaScript on and off: the notice acknowledged, a denial of
// a register made through the page that states its effect, the consent given, both
// withdrawn, every change in the history; a prescription denied from its own page.
// axe-core on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser } from './support/app.mjs';

const world = useAppAndBrowser();

const persons = { js: 'Aino Virtanen', nojs: 'Johan Lindqvist' };

for (const mode of ['js', 'nojs']) {
  describe(`consents and denials, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a person acknowledges the notice, gives and withdraws a denial and the consent', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await page.goto(`${world.app.base}/sign-in`);
      await settled(page, mode);
      await page.getByRole('button', { name: `Kirjaudu: ${persons[mode]}` }).click();
      await settled(page, mode);
      await page.getByRole('link', { name: 'Suostumukset ja kiellot' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Suostumukset ja kiellot' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the consents page');

      // The notice: acknowledged with its box ticked.
      await page.getByLabel('Olen lukenut Kanta-palvelujen informaation.').check();
      await page.getByRole('button', { name: 'Vahvista lukeminen' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Vahvistit lukeneesi informaation.' }).waitFor();
      await page.getByText(/Luit informaation/).waitFor();

      // A denial of a register: the confirmation page says what it does; nothing
      // changes until its button.
      await page.getByLabel('Kiellä rekisterin tietojen luovuttaminen').selectOption({ label: 'Työterveyshuolto' });
      await page.getByRole('button', { name: 'Jatka rekisterin kieltoon' }).click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Vahvista muutos' }).waitFor();
      await page.getByText(/eivät näy muiden rekisterien palvelunantajille/).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the confirmation');
      await page.getByRole('button', { name: 'Vahvista kielto' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Muutos on tehty ja voimassa heti.' }).waitFor();
      const inForce = page.getByRole('table', { name: 'Voimassa olevat kiellot' });
      await inForce.getByRole('cell', { name: 'Työterveyshuolto' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe with a denial in force');

      // The consent: given, through its confirmation.
      await page.getByRole('link', { name: 'Anna suostumus' }).click();
      await settled(page, mode);
      await page.getByText(/Palvelunantajat saavat tietojasi toisiltaan/).waitFor();
      await page.getByRole('button', { name: 'Anna suostumus' }).click();
      await settled(page, mode);
      await page.getByText(/Suostumus on voimassa/).waitFor();

      // The denial withdrawn from its row.
      await inForce.getByRole('link', { name: 'Peru kielto' }).click();
      await settled(page, mode);
      await page.getByText(/tiedot näkyvät heti taas palvelunantajille/).waitFor();
      await page.getByRole('button', { name: 'Peru kielto' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Peruminen on tehty ja voimassa heti.' }).waitFor();
      await page.getByText('Sinulla ei ole voimassa olevia kieltoja.').waitFor();
      const history = await page.getByRole('table', { name: 'Suostumusten ja kieltojen muutokset, uusin ensin' }).getByRole('cell').allTextContents();
      assert.ok(history.includes('Annettu') && history.includes('Peruttu'), `${history}`);
      assert.deepEqual(await axeViolations(page), [], 'axe after the changes');

      // A prescription is denied from its own page; the pharmacy's consequence is said.
      await page.goto(`${world.app.base}/prescriptions`);
      await settled(page, mode);
      await page.getByRole('main').getByRole('heading', { level: 2 }).getByRole('link').first().click();
      await settled(page, mode);
      await page.getByRole('link', { name: 'Kiellä tämän reseptin luovuttaminen muille palvelunantajille' }).click();
      await settled(page, mode);
      await page.getByText(/paperisen potilasohjeen/).waitFor();
      await page.getByRole('link', { name: 'Peruuta, älä muuta mitään' }).click();
      await settled(page, mode);
      await page.getByText('Sinulla ei ole voimassa olevia kieltoja.').waitFor();
      await context.close();
    });
  });
}
