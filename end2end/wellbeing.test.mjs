// My wellbeing data with JavaScript on and off: a reading added (a mistake explained,
// nothing typed lost), seen in the plot and the table, changed, and deleted with a
// confirmation; a 15-year-old is told why not. axe-core on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, signIn, useAppAndBrowser } from './support/app.mjs';

const world = useAppAndBrowser();

// Aino has weights and steps in the demo, no blood pressure; Laura has nothing.
const persons = { js: 'Aino Virtanen', nojs: 'Laura Nieminen' };

/** Yesterday as a date field takes it (YYYY-MM-DD), in Finnish time. */
function yesterday() {
  const d = new Date(Date.now() - 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(d);
}

for (const mode of ['js', 'nojs']) {
  describe(`wellbeing data, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a person adds a blood pressure, sees it plotted, changes and deletes it', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, persons[mode]);
      await page.getByRole('link', { name: 'Omat hyvinvointitiedot' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Omat hyvinvointitiedot' }).waitFor();
      const measures = page.getByRole('table', { name: 'Mittauksesi' });
      await measures.getByRole('rowheader', { name: 'Verenpaine' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the overview');

      await measures.getByRole('link', { name: 'Verenpaine' }).click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Verenpaine' }).waitFor();
      await page.getByText('Tältä ajalta ei ole mittauksia.').waitFor();
      await page.getByRole('link', { name: 'Lisää mittaus' }).click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Lisää: Verenpaine' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the empty form');

      // The lower pressure above the upper: explained, everything kept.
      await page.getByLabel('Päivämäärä').fill(yesterday());
      await page.getByLabel('Kellonaika').fill('08:05');
      await page.getByLabel('Yläpaine (systolinen) (mmHg)').fill('80');
      await page.getByLabel('Alapaine (diastolinen) (mmHg)').fill('90');
      await page.getByRole('button', { name: 'Tallenna' }).click();
      await settled(page, mode);
      const summary = page.getByRole('alert').filter({ hasText: 'Tarkista tiedot' });
      await summary.getByRole('link', { name: /Yläpaineen \(systolinen\) pitää olla suurempi/ }).waitFor();
      assert.equal(await page.getByLabel('Yläpaine (systolinen) (mmHg)').inputValue(), '80');
      assert.equal(await page.getByLabel('Alapaine (diastolinen) (mmHg)').inputValue(), '90');
      assert.equal(await page.getByLabel('Kellonaika').inputValue(), '08:05');
      assert.deepEqual(await axeViolations(page), [], 'axe on the form with an error');

      await page.getByLabel('Yläpaine (systolinen) (mmHg)').fill('128');
      await page.getByLabel('Alapaine (diastolinen) (mmHg)').fill('82');
      await page.getByRole('button', { name: 'Tallenna' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Mittaus on tallennettu.' }).waitFor();
      const readings = page.getByRole('table', { name: 'Ajan mittaukset, uusin ensin' });
      await readings.getByRole('cell', { name: '128', exact: true }).waitFor();
      await readings.getByRole('cell', { name: '82', exact: true }).waitFor();
      // Both pressures are drawn, and the plot says in words what it shows.
      assert.equal(await page.locator('figure svg .lab-point').count(), 2);
      await page.locator('figcaption').getByText(/^Yksi mittaus/).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the plot and the table');

      // Change it: the form starts from what is stored.
      await readings.getByRole('link', { name: /^Muuta/ }).click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Muuta: Verenpaine' }).waitFor();
      assert.equal(await page.getByLabel('Yläpaine (systolinen) (mmHg)').inputValue(), '128');
      assert.deepEqual(await axeViolations(page), [], 'axe on the change form');
      await page.getByLabel('Yläpaine (systolinen) (mmHg)').fill('131');
      await page.getByRole('button', { name: 'Tallenna' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Mittausta on muutettu.' }).waitFor();
      await readings.getByRole('cell', { name: '131', exact: true }).waitFor();

      // Delete it: not without the box ticked.
      await readings.getByRole('link', { name: /^Muuta/ }).click();
      await settled(page, mode);
      if (mode === 'nojs') {
        // The box is required: the browser itself asks first; without it, the server.
        await page.getByLabel('Haluan poistaa tämän mittauksen. Sitä ei voi palauttaa.').evaluate((e) => e.removeAttribute('required'));
        await page.getByRole('button', { name: 'Poista' }).click();
        await settled(page, mode);
        await page.getByRole('alert').filter({ hasText: 'Vahvista poistaminen' }).waitFor();
        assert.equal(await page.getByLabel('Yläpaine (systolinen) (mmHg)').inputValue(), '131', 'the reading is still there');
      }
      await page.getByLabel('Haluan poistaa tämän mittauksen. Sitä ei voi palauttaa.').check();
      await page.getByRole('button', { name: 'Poista' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Mittaus on poistettu.' }).waitFor();
      await page.getByText('Tältä ajalta ei ole mittauksia.').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe after deleting');
      await context.close();
    });
  });
}

describe('wellbeing data of a 15-year-old', () => {
  test('Ella is told that wellbeing data is hers from 16', async () => {
    const context = await newContext(world.browser, 'nojs');
    const page = await context.newPage();
    await signIn(page, 'nojs', world.app.base, 'Ella Nieminen');
    await page.goto(`${world.app.base}/wellbeing`);
    await page.getByText('Omat hyvinvointitiedot ovat 16 vuotta täyttäneille.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe on the refusal');
    await context.close();
  });
});
