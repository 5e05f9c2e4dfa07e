// Prescriptions with JavaScript on and off: ask for a renewal, see it sent and see the
// demo's renewal desk (a step every 4 seconds here) move it on to a new prescription;
// an ineligible prescription says why; a message too long is explained and nothing
// typed is lost; the medication list. axe-core on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser } from './support/app.mjs';

const world = useAppAndBrowser({ env: { OMAKANTA_RENEWAL_DESK_SECONDS: '4' } });

async function signIn(page, mode, name) {
  await page.goto(`${world.app.base}/sign-in`);
  await settled(page, mode);
  await page.getByRole('button', { name: `Kirjaudu: ${name}` }).click();
  await settled(page, mode);
}

/** Opens the first prescription in the list that matches, and returns its heading. */
async function openPrescription(page, mode, { hasText, hasNotText, all = false }) {
  await page.goto(`${world.app.base}/prescriptions${all ? '?show=all' : ''}`);
  await settled(page, mode);
  let items = page.getByRole('main').getByRole('listitem').filter({ hasText });
  if (hasNotText) items = items.filter({ hasNotText });
  const link = items.first().getByRole('heading').getByRole('link');
  const name = (await link.textContent()).trim();
  await link.click();
  await settled(page, mode);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return name;
}

/** Reloads the page until the renewal requests table shows `status`. */
async function waitForStatus(page, mode, status) {
  const deadline = Date.now() + 40_000;
  for (;;) {
    const cell = page.getByRole('table', { name: /uusimispyynnöt/i }).getByRole('cell', { name: status, exact: true });
    if ((await cell.count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`the request did not reach "${status}"`);
    await new Promise((r) => setTimeout(r, 1000));
    await page.reload();
    await settled(page, mode);
  }
}

for (const mode of ['js', 'nojs']) {
  describe(`prescriptions, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a person asks for a renewal, sees it sent, and sees it renewed', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Mikko Korhonen');
      await page.goto(`${world.app.base}/prescriptions`);
      await settled(page, mode);
      assert.deepEqual(await axeViolations(page), [], 'axe on the list');

      // Narcotics and CNS drugs say they cannot be bought abroad; the desk rejects the
      // former, so take an ordinary medicine.
      const name = await openPrescription(page, mode, {
        hasText: 'Voit pyytää tämän reseptin uusimista.',
        hasNotText: 'ulkomailta',
      });
      assert.ok(await page.getByRole('table', { name: 'Tällä reseptillä tehdyt ostot' }).isVisible());
      assert.deepEqual(await axeViolations(page), [], 'axe on the prescription');

      const unit = page.getByLabel('Mihin pyyntö lähetetään');
      assert.notEqual(await unit.inputValue(), '', 'the prescribing unit is chosen');
      const message = page.getByLabel('Viesti lääkärille (vapaaehtoinen)');
      await message.fill('Lääke on sopinut hyvin.');
      await page.getByLabel('Lääkäri saa nähdä myös muut reseptini').check();
      await page.getByRole('button', { name: 'Lähetä uusimispyyntö' }).click();
      await settled(page, mode);

      await page.getByRole('status').filter({ hasText: 'Uusimispyyntösi on lähetetty' }).waitFor();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Lähetä uusimispyyntö' }).count(), 0, 'no second request offered');
      assert.ok(await page.getByText('Reseptille on jo pyydetty uusimista').isVisible(), 'says why not again');
      await waitForStatus(page, mode, 'Lähetetty, odottaa käsittelyä');
      assert.deepEqual(await axeViolations(page), [], 'axe after sending');

      await waitForStatus(page, mode, 'Käsittelyssä');
      await waitForStatus(page, mode, 'Uusittu');
      await page.getByRole('link', { name: 'Avaa uusi resepti' }).click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByText('Tämä resepti on uusittu reseptistä').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the new prescription');

      // The list of all requests shows it too.
      await page.goto(`${world.app.base}/prescriptions`);
      await settled(page, mode);
      const requests = page.getByRole('table', { name: 'Uusimispyynnöt, uusin ensin' });
      assert.ok((await requests.getByRole('row').filter({ hasText: 'Uusittu' }).count()) > 0);
      await context.close();
    });

    test('an ineligible prescription explains why, and offers no form', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Mikko Korhonen');
      await openPrescription(page, mode, {
        hasText: 'Uusimista voi pyytää vain reseptille, jolla on jo ostettu lääkettä.',
        all: true,
      });
      await page.getByText('Tällä reseptillä ei ole vielä ostettu lääkettä.').waitFor();
      assert.ok(await page.getByText('Uusimista voi pyytää vain reseptille, jolla on jo ostettu lääkettä.').isVisible());
      assert.equal(await page.getByRole('button', { name: 'Lähetä uusimispyyntö' }).count(), 0);
      assert.deepEqual(await axeViolations(page), [], 'axe on an ineligible prescription');
      await context.close();
    });

    test('a message too long is explained and nothing typed is lost', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Aino Virtanen');
      await openPrescription(page, mode, { hasText: 'Voit pyytää tämän reseptin uusimista.' });
      const message = page.getByLabel('Viesti lääkärille (vapaaehtoinen)');
      // The browser stops typing at 1000 characters; a pasted or scripted text may not.
      await message.evaluate((el) => el.removeAttribute('maxlength'));
      const long = 'Lääkkeen annos. '.repeat(63);
      await message.fill(long);
      await page.getByLabel('Lääkäri saa nähdä myös muut reseptini').uncheck();
      await page.getByRole('button', { name: 'Lähetä uusimispyyntö' }).click();
      await settled(page, mode);

      const summary = page.getByRole('alert').filter({ hasText: 'Tarkista tiedot' });
      await summary.waitFor();
      await summary.getByRole('link', { name: /enintään 1\s000 merkkiä/ }).click();
      assert.equal(await page.getByLabel('Viesti lääkärille (vapaaehtoinen)').inputValue(), long);
      assert.equal(await page.getByLabel('Lääkäri saa nähdä myös muut reseptini').isChecked(), false);
      assert.equal(await page.getByLabel('Viesti lääkärille (vapaaehtoinen)').getAttribute('aria-invalid'), 'true');
      assert.deepEqual(await axeViolations(page), [], 'axe on the form with an error');
      await context.close();
    });

    test('the medication list shows the medicines in force, grouped, with its date', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Mikko Korhonen');
      await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Lääkityslista' }).click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Lääkityslista' }).waitFor();
      await page.getByText(/^Koottu \d+\.\d+\.\d{4} klo/).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Sydän- ja verisuonisairauksien lääkkeet' }).waitFor();
      assert.ok((await page.getByRole('table').count()) >= 2, 'a table per group');
      // Beside what prescriptions show, what care gave him, saying where.
      const injection = page.getByRole('row', { name: /Hydroksokobalamiini/ });
      await injection.getByRole('cell', { name: /^Annettu terveysasemalla: .*, alkaen \d+\.\d+\.\d{4}$/ }).waitFor();
      await injection.getByRole('cell', { name: 'Toistaiseksi' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the medication list');
      await context.close();
    });

    test('the prescription summary: all valid or only those with medicine left, printed with its date', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Mikko Korhonen');
      await page.goto(`${world.app.base}/prescriptions`);
      await settled(page, mode);
      await page.getByRole('link', { name: 'Reseptiyhteenveto tulostettavaksi' }).click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Reseptiyhteenveto' }).waitFor();
      assert.equal(await page.getByRole('radio', { name: 'Kaikki voimassa olevat reseptit' }).isChecked(), true);
      const table = page.getByRole('table', { name: 'Kaikki voimassa olevat reseptit' });
      const all = await table.getByRole('rowheader').count();
      assert.ok(all > 0, 'his valid prescriptions');
      assert.deepEqual(await axeViolations(page), [], 'axe on the summary');

      await page.getByRole('radio', { name: 'Vain reseptit, joissa on lääkettä jäljellä' }).check();
      await page.getByRole('button', { name: 'Näytä' }).click();
      await settled(page, mode);
      assert.match(page.url(), /which=remaining/);
      const left = await page.getByRole('table', { name: 'Vain reseptit, joissa on lääkettä jäljellä' }).getByRole('rowheader').count();
      assert.ok(left > 0 && left < all, `${left} of ${all}`);

      // On paper: the date it was compiled and the medicines, not the form.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByText(/^Koottu \d+\.\d+\.\d{4} klo/).isVisible(), true);
      assert.equal(await page.getByRole('button', { name: 'Näytä' }).isVisible(), false);
      assert.deepEqual(await axeViolations(page), [], 'axe on the summary printed');
      await context.close();
    });
  });
}
