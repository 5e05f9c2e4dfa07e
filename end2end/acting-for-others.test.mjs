// A guardian acts for her children and a daughter for her mother, with JavaScript on
// and off; the mother then sees in her disclosure log what was done on her behalf.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser, actFor as actForAs, signIn as signInAs } from './support/app.mjs';

const world = useAppAndBrowser();

async function signIn(page, mode, name) {
  await signInAs(page, mode, world.app.base, name);
}

async function actFor(page, mode, name) {
  await actForAs(page, mode, world.app.base, name);
  assert.deepEqual(await axeViolations(page), [], `axe acting for ${name}`);
}

async function allRecordTitles(page, mode) {
  await page.goto(`${world.app.base}/records?from=&to=&kind=diagnosis`);
  await settled(page, mode);
  return page.getByRole('main').getByRole('listitem').getByRole('link').allTextContents();
}

for (const mode of ['js', 'nojs']) {
  describe(`acting for others, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a guardian sees her 7-year-old\'s records, and only what is visible of her 15-year-old\'s', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Laura Nieminen');
      assert.deepEqual(await axeViolations(page), [], 'axe on the front page with proxy options');

      await actFor(page, mode, 'Eetu Nieminen');
      const eetu = await allRecordTitles(page, mode);
      assert.ok(eetu.length > 0, 'the child\'s records');
      assert.equal(await page.getByRole('link', { name: 'Luovutustiedot' }).count(), 0, 'no disclosure log for a proxy');
      assert.deepEqual(await axeViolations(page), [], 'axe on the child\'s records');

      await page.getByRole('button', { name: 'Palaa omiin tietoihisi' }).click();
      await settled(page, mode);
      await actFor(page, mode, 'Ella Nieminen');
      await page.getByText(/Lapsi on täyttänyt 10 vuotta/).first().waitFor();
      const ellaSeenByGuardian = await allRecordTitles(page, mode);

      await page.getByRole('button', { name: 'Palaa omiin tietoihisi' }).click();
      await settled(page, mode);
      assert.equal(await page.getByText(/Katselet henkilön/).count(), 0);
      await context.close();

      // Ella herself sees more than her guardian does.
      const own = await newContext(world.browser, mode);
      const ellaPage = await own.newPage();
      await signIn(ellaPage, mode, 'Ella Nieminen');
      await ellaPage.getByRole('heading', { name: 'Huoltajasi ja tietosi' }).waitFor();
      const ellaOwn = await allRecordTitles(ellaPage, mode);
      assert.ok(ellaSeenByGuardian.length < ellaOwn.length, `${ellaSeenByGuardian.length} < ${ellaOwn.length}`);
      assert.ok(ellaOwn.some((t) => /Ehkäisyneuvonta|ahdistuneisuushäiriö/.test(t)));
      assert.ok(!ellaSeenByGuardian.some((t) => /Ehkäisyneuvonta|ahdistuneisuushäiriö/.test(t)));
      await own.close();
    });

    test('a mandate holder cannot reach the person\'s own sections, and the person sees what was done', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Aino Virtanen');
      await actFor(page, mode, 'Helvi Virtanen');
      const helvi = await allRecordTitles(page, mode);
      assert.ok(helvi.length > 0);
      await page.goto(`${world.app.base}/disclosure-log`);
      await settled(page, mode);
      assert.match(await page.getByRole('alert').textContent(), /Tämä osa ei kuulu oikeuteesi/);
      assert.deepEqual(await axeViolations(page), [], 'axe on the refusal');

      // The living will is not offered, and its address says why not.
      assert.equal(await page.getByRole('link', { name: 'Hoitotahto' }).count(), 0, 'not offered to a proxy');
      const refused = await page.goto(`${world.app.base}/living-will`);
      await settled(page, mode);
      assert.equal(refused.status(), 403);
      assert.match(await page.getByRole('alert').textContent(), /Vain henkilö itse voi käyttää sitä/);
      assert.equal(await page.getByRole('button', { name: 'Tallenna hoitotahto' }).count(), 0);
      assert.deepEqual(await axeViolations(page), [], 'axe on the living will refusal');
      // Nor the organ donation testament.
      assert.equal(await page.getByRole('link', { name: 'Elinluovutustahto' }).count(), 0, 'not offered to a proxy');
      const testament = await page.goto(`${world.app.base}/organ-donation`);
      await settled(page, mode);
      assert.equal(testament.status(), 403);
      assert.equal(await page.getByRole('button', { name: 'Tallenna elinluovutustahto' }).count(), 0);
      await context.close();

      const own = await newContext(world.browser, mode);
      const helviPage = await own.newPage();
      await signIn(helviPage, mode, 'Helvi Virtanen');
      await helviPage.getByRole('link', { name: 'Luovutustiedot' }).first().click();
      await settled(helviPage, mode);
      const table = helviPage.getByRole('table', { name: 'Luovutustiedot' });
      await table.waitFor();
      const text = await table.textContent();
      assert.match(text, /Aino Virtanen/);
      assert.match(text, /Valtuutettuna/);
      assert.match(text, /Terveystietoluettelon katsominen/);
      assert.deepEqual(await axeViolations(helviPage), [], 'axe on the disclosure log');
      await own.close();
    });
  });
}
