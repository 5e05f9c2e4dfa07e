// The living will with JavaScript on and off: written, changed (an unanswered question
// is explained and nothing typed is lost), withdrawn with a confirmation, its history
// kept. axe-core on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser } from './support/app.mjs';

const world = useAppAndBrowser();

const persons = { js: 'Mikko Korhonen', nojs: 'Johan Lindqvist' };

for (const mode of ['js', 'nojs']) {
  describe(`living will, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a person writes, changes and withdraws a living will', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await page.goto(`${world.app.base}/sign-in`);
      await settled(page, mode);
      await page.getByRole('button', { name: `Kirjaudu: ${persons[mode]}` }).click();
      await settled(page, mode);
      await page.getByRole('link', { name: 'Hoitotahto' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Hoitotahto' }).waitFor();
      await page.getByText('Sinulla ei ole voimassa olevaa hoitotahtoa.').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on an empty living will');

      // Every question is a group of radio buttons; leave one unanswered on purpose.
      const group = (name) => page.getByRole('group', { name });
      await group('Elvytys, jos sydämeni pysähtyy').getByLabel('En halua, että minua elvytetään.').check();
      await group('Hengityskonehoito').getByLabel('En halua hengityskonehoitoa.').check();
      await group('Letkuravitsemus, jos en pysty syömään').getByLabel('En ota kantaa; lääkäri päättää.').check();
      await group('Dialyysi eli keinomunuaishoito').getByLabel('En halua dialyysihoitoa.').check();
      const wishes = page.getByLabel('Muut toiveet hoidostani');
      await wishes.fill('Haluan olla kotona loppuun asti.');
      // The browser would stop an unanswered required group; a script may not.
      await page.locator('input[name="pain-relief"]').evaluateAll((els) => els.forEach((el) => el.removeAttribute('required')));
      await page.getByRole('button', { name: 'Tallenna hoitotahto' }).click();
      await settled(page, mode);
      const summary = page.getByRole('alert').filter({ hasText: 'Tarkista tiedot' });
      await summary.waitFor();
      assert.equal(await page.getByLabel('Muut toiveet hoidostani').inputValue(), 'Haluan olla kotona loppuun asti.');
      assert.ok(await group('Hengityskonehoito').getByLabel('En halua hengityskonehoitoa.').isChecked(), 'answers kept');
      assert.deepEqual(await axeViolations(page), [], 'axe on the form with an error');
      await summary.getByRole('link', { name: 'Valitse yksi vaihtoehdoista.' }).click();

      await group('Riittävä kivunlievitys, vaikka se voisi lyhentää elinaikaani').getByLabel('Haluan riittävän kivunlievityksen.').check();
      await page.getByRole('button', { name: 'Tallenna hoitotahto' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Hoitotahtosi on tallennettu.' }).waitFor();
      await page.getByRole('heading', { name: 'Voimassa oleva hoitotahto' }).waitFor();
      assert.ok(await page.getByRole('main').getByText('En halua, että minua elvytetään.', { exact: true }).first().isVisible());
      assert.deepEqual(await axeViolations(page), [], 'axe on a saved living will');

      // Change it: the form starts from the will in force.
      await page.getByRole('heading', { name: 'Muuta hoitotahtoa' }).waitFor();
      await group('Dialyysi eli keinomunuaishoito').getByLabel('Haluan dialyysihoitoa.').check();
      await page.getByRole('button', { name: 'Tallenna hoitotahto' }).click();
      await settled(page, mode);
      const history = page.getByRole('table', { name: 'Hoitotahdon versiot, uusin ensin' });
      await history.getByRole('cell', { name: 'Muutettu' }).waitFor();

      // Withdraw it, confirming.
      await page.getByLabel('Vahvistan, että haluan perua hoitotahtoni.').check();
      await page.getByRole('button', { name: 'Peru hoitotahto' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Hoitotahtosi on peruttu.' }).waitFor();
      await page.getByText('Sinulla ei ole voimassa olevaa hoitotahtoa.').waitFor();
      const events = await page.getByRole('table', { name: 'Hoitotahdon versiot, uusin ensin' }).getByRole('cell').allTextContents();
      for (const event of ['Peruttu', 'Muutettu', 'Kirjoitettu']) {
        assert.ok(events.includes(event), event);
      }
      assert.deepEqual(await axeViolations(page), [], 'axe after withdrawing');
      await context.close();
    });
  });
}
