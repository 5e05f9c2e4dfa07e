// Certificates with JavaScript on and off: the list says where each went, a
// certificate opens, and the disclosure log lists each forwarding as a disclosure to
// that organisation; a mandate holder sees her mother's. axe-core on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser, actFor, signIn } from './support/app.mjs';

const world = useAppAndBrowser();

for (const mode of ['js', 'nojs']) {
  describe(`certificates, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a person sees where each went, opens one, and finds the sending in the disclosure log', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, 'Mikko Korhonen');
      await page.getByRole('link', { name: 'Todistukset ja lausunnot' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Todistukset ja lausunnot' }).waitFor();
      const table = page.getByRole('table', { name: /^Todistukset ja lausunnot, \d+ kappale/ });
      await table.getByRole('cell', { name: /Lähetetty: Traficom/ }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the list');
      await table.getByRole('link', { name: 'Ajoterveyslausunto (Traficom)' }).click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 2, name: 'Todistuksen sisältö' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on a certificate');

      await page.goto(`${world.app.base}/disclosure-log`);
      await settled(page, mode);
      const sent = page.getByRole('table', { name: 'Muille organisaatioille lähetetyt todistukset' });
      await sent.getByRole('cell', { name: 'Traficom', exact: true }).first().waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the disclosure log');
      await context.close();

      const aino = await newContext(world.browser, mode);
      const ainoPage = await aino.newPage();
      await signIn(ainoPage, mode, world.app.base, 'Aino Virtanen');
      await actFor(ainoPage, mode, world.app.base, 'Helvi Virtanen');
      await ainoPage.goto(`${world.app.base}/certificates`);
      await settled(ainoPage, mode);
      await ainoPage.getByRole('link', { name: 'Lääkärinlausunto B (SV 7)' }).waitFor();
      await aino.close();
    });
  });
}
