// The organ donation testament with JavaScript on and off: written (a missing answer
// and an exclusion without "yes, except" are explained, nothing typed is lost),
// changed, withdrawn with a confirmation, its history kept. axe-core on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser } from './support/app.mjs';

const world = useAppAndBrowser();

// Neither has a testament in the demo.
const persons = { js: 'Aino Virtanen', nojs: 'Laura Nieminen' };

for (const mode of ['js', 'nojs']) {
  describe(`organ donation testament, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a person writes, changes and withdraws an organ donation testament', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await page.goto(`${world.app.base}/sign-in`);
      await settled(page, mode);
      await page.getByRole('button', { name: `Kirjaudu: ${persons[mode]}` }).click();
      await settled(page, mode);
      await page.getByRole('link', { name: 'Elinluovutustahto' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Elinluovutustahto' }).waitFor();
      await page.getByText('Sinulla ei ole voimassa olevaa elinluovutustahtoa.').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on an empty testament');

      // Tick a tissue but answer "yes" (not "yes, except"), and write a note.
      const decision = page.getByRole('group', { name: 'Haluatko luovuttaa elimiäsi ja kudoksiasi kuolemasi jälkeen?' });
      const tissues = page.getByRole('group', { name: 'Kudokset', exact: true });
      const organs = page.getByRole('group', { name: 'Elimet', exact: true });
      await decision.getByLabel('Kyllä, kaikkia elimiäni ja kudoksiani saa käyttää.').check();
      await tissues.getByLabel('Sarveiskalvot').check();
      const notes = page.getByLabel('Lisätietoja tahdostani');
      await notes.fill('Olen kertonut tahdostani puolisolleni.');
      await page.getByRole('button', { name: 'Tallenna elinluovutustahto' }).click();
      await settled(page, mode);
      const summary = page.getByRole('alert').filter({ hasText: 'Tarkista tiedot' });
      await summary.waitFor();
      assert.equal(await page.getByLabel('Lisätietoja tahdostani').inputValue(), 'Olen kertonut tahdostani puolisolleni.');
      assert.ok(await tissues.getByLabel('Sarveiskalvot').isChecked(), 'the box stays ticked');
      assert.ok(await decision.getByLabel('Kyllä, kaikkia elimiäni ja kudoksiani saa käyttää.').isChecked(), 'the answer kept');
      assert.deepEqual(await axeViolations(page), [], 'axe on the form with an error');
      await summary.getByRole('link', { name: /Poista valinnat elimistä ja kudoksista/ }).click();

      // "Yes, except": the corneas and the heart.
      await decision.getByLabel('Kyllä, mutta en halua luovuttaa alla valitsemiani elimiä tai kudoksia.').check();
      await organs.getByLabel('Sydän', { exact: true }).check();
      await page.getByRole('button', { name: 'Tallenna elinluovutustahto' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Elinluovutustahtosi on tallennettu.' }).waitFor();
      await page.getByRole('heading', { name: 'Voimassa oleva elinluovutustahto' }).waitFor();
      const excluded = await page.getByRole('main').getByRole('listitem').allTextContents();
      assert.ok(excluded.includes('Sydän') && excluded.includes('Sarveiskalvot'), `${excluded}`);
      assert.deepEqual(await axeViolations(page), [], 'axe on a saved testament');

      // Change it: the form starts from the testament in force.
      await page.getByRole('heading', { name: 'Muuta elinluovutustahtoa' }).waitFor();
      assert.ok(await organs.getByLabel('Sydän', { exact: true }).isChecked(), 'the form holds what is in force');
      await organs.getByLabel('Sydän', { exact: true }).uncheck();
      await page.getByRole('button', { name: 'Tallenna elinluovutustahto' }).click();
      await settled(page, mode);
      const history = page.getByRole('table', { name: 'Elinluovutustahdon versiot, uusin ensin' });
      await history.getByRole('cell', { name: 'Muutettu' }).waitFor();

      // Withdraw it, confirming.
      await page.getByLabel('Vahvistan, että haluan perua elinluovutustahtoni.').check();
      await page.getByRole('button', { name: 'Peru elinluovutustahto' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Elinluovutustahtosi on peruttu.' }).waitFor();
      await page.getByText('Sinulla ei ole voimassa olevaa elinluovutustahtoa.').waitFor();
      const events = await page.getByRole('table', { name: 'Elinluovutustahdon versiot, uusin ensin' }).getByRole('cell').allTextContents();
      for (const event of ['Peruttu', 'Muutettu', 'Kirjoitettu']) {
        assert.ok(events.includes(event), event);
      }
      assert.deepEqual(await axeViolations(page), [], 'axe after withdrawing');
      await context.close();
    });
  });
}
