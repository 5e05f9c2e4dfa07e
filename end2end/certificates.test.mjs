// Certificates with JavaScript on and off: the list says where each went, a
// certificate opens, and the disclosure log lists each forwarding as a disclosure to
// that organisation; a mandate holder sees her mother's, a guardian of a teen only what
// is from before she was ten. axe-core on every page.
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

      // A guardian of a 15-year-old sees the certificate from before she was ten,
      // not the one since, which is hers alone.
      const count = async (name, actAs) => {
        const c = await newContext(world.browser, mode);
        const p = await c.newPage();
        await signIn(p, mode, world.app.base, name);
        if (actAs) await actFor(p, mode, world.app.base, actAs);
        await p.goto(`${world.app.base}/certificates`);
        await settled(p, mode);
        const links = await p.getByRole('main').getByRole('table').getByRole('link').count();
        if (actAs) assert.deepEqual(await axeViolations(p), [], 'axe as a guardian');
        await c.close();
        return links;
      };
      const byGuardian = await count('Laura Nieminen', 'Ella Nieminen');
      const byHerself = await count('Ella Nieminen');
      assert.equal(byGuardian, 1);
      assert.equal(byHerself, 2);
    });
  });
}
