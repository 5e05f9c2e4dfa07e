// Text typed by a person comes back as typed, never as markup: the renewal message on
// its error page, and the living will and the organ donation testament through storage
// and their edit pages, with JavaScript on and off.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, settled, useAppAndBrowser, signIn as signInAs } from './support/app.mjs';

const world = useAppAndBrowser();

const HOSTILE = [
  '</textarea><script>alert(1)</script><b id=pwn>',
  '&lt;b&gt; &amp;amp; &#x3C;script&#62; <!-- -->',
  '\u202Etxt.exe ja \u202Dltr',
  'Kipu 😖 ja lääke 💊, hoitaja 👩\u200D⚕️',
  'ensimmäinen kappale\n\ntoinen kappale',
];

async function signIn(page, mode, name) {
  await signInAs(page, mode, world.app.base, name);
}

async function assertInert(page) {
  assert.equal(await page.locator('#pwn').count(), 0, 'no markup landed');
  assert.equal(await page.locator('main script').count(), 0, 'no script landed');
}

for (const mode of ['js', 'nojs']) {
  describe(`hostile text, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('the renewal message comes back on the error page as typed', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Mikko Korhonen');
      await page.goto(`${world.app.base}/prescriptions`);
      await settled(page, mode);
      // A prescription that may be renewed: its page has the form.
      const links = page.getByRole('main').getByRole('heading', { level: 2 }).getByRole('link');
      const count = await links.count();
      for (let i = 0; i < count; i++) {
        await page.goto(`${world.app.base}/prescriptions`);
        await settled(page, mode);
        await links.nth(i).click();
        await settled(page, mode);
        if (await page.getByRole('button', { name: 'Lähetä uusimispyyntö' }).count()) break;
      }
      const path = new URL(page.url()).pathname;
      for (const typed of HOSTILE) {
        await page.goto(`${world.app.base}${path}`);
        await settled(page, mode);
        // No unit chosen (the browser would stop that; a script may not).
        const unit = page.getByLabel('Mihin pyyntö lähetetään');
        await unit.evaluate((el) => el.removeAttribute('required'));
        await unit.selectOption('');
        await page.getByLabel('Viesti lääkärille (vapaaehtoinen)').fill(typed);
        await page.getByRole('button', { name: 'Lähetä uusimispyyntö' }).click();
        await settled(page, mode);
        await page.getByRole('alert').filter({ hasText: 'Tarkista tiedot' }).waitFor();
        await assertInert(page);
        assert.equal(await page.getByLabel('Viesti lääkärille (vapaaehtoinen)').inputValue(), typed);
      }
      await context.close();
    });

    test('the living will keeps its text as typed', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, mode === 'js' ? 'Helvi Virtanen' : 'Laura Nieminen');
      for (const typed of HOSTILE) {
        await page.goto(`${world.app.base}/living-will`);
        await settled(page, mode);
        for (const name of ['resuscitation', 'ventilation', 'tube-feeding', 'dialysis', 'pain-relief']) {
          await page.locator(`input[name="${name}"][value="undecided"]`).check();
        }
        await page.getByLabel('Muut toiveet hoidostani').fill(typed);
        await page.getByRole('button', { name: 'Tallenna hoitotahto' }).click();
        await settled(page, mode);
        await page.getByRole('status').filter({ hasText: 'Hoitotahtosi on tallennettu.' }).waitFor();
        await assertInert(page);
        assert.equal(await page.getByLabel('Muut toiveet hoidostani').inputValue(), typed);
      }
      await context.close();
    });

    test('the organ donation testament keeps its text as typed', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, mode === 'js' ? 'Helvi Virtanen' : 'Laura Nieminen');
      for (const typed of HOSTILE) {
        await page.goto(`${world.app.base}/organ-donation`);
        await settled(page, mode);
        await page.locator('input[name="decision"][value="no"]').check();
        await page.getByLabel('Lisätietoja tahdostani').fill(typed);
        await page.getByRole('button', { name: 'Tallenna elinluovutustahto' }).click();
        await settled(page, mode);
        await page.getByRole('status').filter({ hasText: 'Elinluovutustahtosi on tallennettu.' }).waitFor();
        await assertInert(page);
        assert.equal(await page.getByLabel('Lisätietoja tahdostani').inputValue(), typed);
      }
      await context.close();
    });
  });
}
