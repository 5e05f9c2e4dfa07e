// Abroad with JavaScript on and off: each service's countries; the Patient Summary's
// consent given only with the box saying denials do not apply abroad ticked, the
// ePrescription's given, one withdrawn, every change in the history; a guardian acting
// for a child is told only the person can. axe-core on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { actFor, axeViolations, newContext, settled, signIn, useAppAndBrowser } from './support/app.mjs';

const world = useAppAndBrowser();

// Neither has given a consent abroad in the demo.
const persons = { js: 'Aino Virtanen', nojs: 'Laura Nieminen' };

for (const mode of ['js', 'nojs']) {
  describe(`abroad, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a person gives both consents abroad, the Patient Summary\'s only with denials read, and withdraws one', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, persons[mode]);
      await page.getByRole('link', { name: 'Ulkomaat' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Ulkomaat' }).waitFor();
      const summary = page.getByRole('region', { name: 'Potilasyhteenveto ulkomailla' });
      const prescription = page.getByRole('region', { name: 'Suomalainen sähköinen resepti ulkomailla' });
      await summary.getByRole('listitem').filter({ hasText: 'Norja' }).waitFor();
      await prescription.getByRole('listitem').filter({ hasText: 'Kroatia' }).waitFor();
      assert.equal(await prescription.getByRole('listitem').filter({ hasText: 'Norja' }).count(), 0);
      await summary.getByText(/^Kiellot eivät koske potilasyhteenvetoa ulkomailla\./).waitFor();
      await page.getByText('Et ole antanut etkä perunut suostumuksia.').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the page');

      // The Patient Summary's: the box is required (the browser says so, and the
      // archive refuses without it: tested over HTTP); ticked, the consent is given.
      const box = summary.getByLabel('Olen lukenut, että kiellot eivät koske potilasyhteenvetoa ulkomailla.');
      assert.equal(await box.getAttribute('required'), '');
      await box.check();
      await summary.getByRole('button', { name: 'Anna suostumus potilasyhteenvedon käyttöön ulkomailla' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Suostumus on annettu, ja se on voimassa heti.' }).waitFor();
      await summary.getByText(/Suostumus on voimassa/).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe with a consent in force');

      // The ePrescription's needs no box.
      await prescription.getByRole('button', { name: 'Anna suostumus sähköisen reseptin käyttöön ulkomailla' }).click();
      await settled(page, mode);
      await prescription.getByText(/Suostumus on voimassa/).waitFor();

      // The Patient Summary's withdrawn.
      await summary.getByRole('button', { name: 'Peru suostumus potilasyhteenvedon käyttöön ulkomailla' }).click();
      await settled(page, mode);
      await page.getByRole('status').filter({ hasText: 'Suostumus on peruttu heti.' }).waitFor();
      await summary.getByText('Et ole antanut suostumusta.').waitFor();
      const history = await page.getByRole('table', { name: 'Suostumusten muutokset, uusin ensin' }).getByRole('row').allTextContents();
      assert.equal(history.length, 4, `a header and three changes: ${history}`);
      assert.match(history[1], /Potilasyhteenveto ulkomailla.*Peruttu/);
      assert.deepEqual(await axeViolations(page), [], 'axe after the changes');

      // The front page says one consent is in force.
      await page.goto(`${world.app.base}/`);
      await settled(page, mode);
      await page.getByText('Yksi suostumus tietojesi käyttöön ulkomailla on voimassa.').waitFor();
      await context.close();
    });

    test('a guardian acting for a child is told only the person can consent abroad', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, 'Laura Nieminen');
      await actFor(page, mode, world.app.base, 'Eetu Nieminen');
      assert.equal(await page.getByRole('link', { name: 'Ulkomaat' }).count(), 0, 'not offered to a proxy');
      const refused = await page.goto(`${world.app.base}/abroad`);
      await settled(page, mode);
      assert.equal(refused.status(), 403);
      assert.match(await page.getByRole('alert').textContent(), /Vain henkilö itse voi käyttää sitä/);
      assert.equal(await page.getByRole('button', { name: /Anna suostumus/ }).count(), 0);
      assert.deepEqual(await axeViolations(page), [], 'axe on the refusal');
      await context.close();
    });
  });
}

for (const mode of ['js', 'nojs']) {
  describe(`the Patient Summary, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a person reads their Patient Summary and finds its download', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, 'Mikko Korhonen');
      await page.getByRole('link', { name: 'Potilasyhteenveto' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Potilasyhteenveto' }).waitFor();
      for (const name of ['Allergiat ja riskitiedot', 'Diagnoosit', 'Lääkitys', 'Toimenpiteet', 'Rokotukset', 'Viimeisimmät laboratoriotulokset']) {
        const section = page.getByRole('region', { name });
        await section.waitFor();
        assert.ok(await section.getByRole('listitem').count() > 0, `${name} has entries`);
      }
      const download = page.getByRole('link', { name: 'Lataa potilasyhteenveto (FHIR JSON)' });
      assert.equal(await download.getAttribute('href'), '/abroad/summary.json');
      const response = await page.request.get(`${world.app.base}/abroad/summary.json`);
      assert.equal(response.status(), 200);
      const bundle = await response.json();
      assert.equal(bundle.type, 'document');
      assert.equal(bundle.entry[0].resource.resourceType, 'Composition');
      assert.deepEqual(await axeViolations(page), [], 'axe on the Patient Summary');
      await context.close();
    });
  });
}
