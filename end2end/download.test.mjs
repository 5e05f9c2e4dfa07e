// The download of all one's data with JavaScript on and off: the page counts what the
// file holds, the link downloads one FHIR R4 Bundle whose Patient is the person, and a
// mandate holder is told only the person can. axe-core on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { actFor, axeViolations, newContext, settled, signIn, useAppAndBrowser } from './support/app.mjs';

const world = useAppAndBrowser();

for (const mode of ['js', 'nojs']) {
  describe(`download, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a person sees what the file holds and downloads it', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, 'Aino Virtanen');
      await page.getByRole('link', { name: 'Lataa tietosi' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Lataa tietosi' }).waitFor();
      const contents = page.getByRole('region', { name: 'Mitä tiedosto sisältää' });
      await contents.getByRole('listitem').filter({ hasText: /^\d[\d\u00a0]* merkint(ä|ää) terveystiedoissa$/ }).waitFor();
      assert.equal(await contents.getByRole('listitem').count(), 11);
      assert.deepEqual(await axeViolations(page), [], 'axe on the page');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Lataa tiedosto (JSON)' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'omakanta.json');
      const bundle = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(bundle.resourceType, 'Bundle');
      assert.equal(bundle.type, 'collection');
      const patient = bundle.entry[0].resource;
      assert.equal(patient.resourceType, 'Patient');
      assert.equal(patient.name[0].family, 'Virtanen');
      assert.ok(bundle.entry.some((e) => e.resource.resourceType === 'MedicationRequest'));
      await context.close();
    });

    test('a mandate holder is told only the person can download', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, 'Aino Virtanen');
      await actFor(page, mode, world.app.base, 'Helvi Virtanen');
      // Not offered in the navigation; asked for by its address, refused in words.
      assert.equal(await page.getByRole('link', { name: 'Lataa tietosi' }).count(), 0);
      await page.goto(`${world.app.base}/download`);
      await settled(page, mode);
      await page.getByText(/Vain henkilö itse voi käyttää sitä/).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Lataa tiedosto (JSON)' }).count(), 0);
      assert.deepEqual(await axeViolations(page), [], 'axe on the refusal');
      await context.close();
    });
  });
}
