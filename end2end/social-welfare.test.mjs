// Social welfare with JavaScript on and off: a person with none is told so; a mandate
// holder of both scopes reads her mother's documents by service task, with whom to
// contact; a guardian of a 15-year-old sees less than she does herself. axe-core on
// every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser, actFor, signIn } from './support/app.mjs';

const world = useAppAndBrowser();

async function documentLinks(page, base) {
  await page.goto(`${base}/social-welfare`);
  const hrefs = await page.getByRole('main').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  return hrefs.filter((h) => /^\/social-welfare\/\d+$/.test(h ?? ''));
}

for (const mode of ['js', 'nojs']) {
  describe(`social welfare, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('none is said; a mandate holder reads by service task; a teen\'s guardian sees less', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, 'Aino Virtanen');
      await page.getByRole('link', { name: 'Sosiaalihuolto' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Sosiaalihuolto' }).waitFor();
      await page.getByText('Sinulla ei ole sosiaalihuollon asiakasasiakirjoja').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe with none');

      await actFor(page, mode, world.app.base, 'Helvi Virtanen');
      await page.getByRole('link', { name: 'Sosiaalihuolto' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 2, name: 'Ikääntyneiden palvelut' }).waitFor();
      await page.getByText('Omatyöntekijä: Sari Lindholm, sosiaaliohjaaja').waitFor();
      assert.equal(await page.getByText('Maksusitoumus').count(), 0, 'never shown');
      assert.deepEqual(await axeViolations(page), [], 'axe on the documents');
      await page.getByRole('table', { name: 'Asiakasasiakirjat: Ikääntyneiden palvelut' }).getByRole('link', { name: 'Päätös kotihoidosta' }).click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Päätös kotihoidosta' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Yhteystiedot' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on a document');
      await context.close();

      const laura = await newContext(world.browser, mode);
      const lauraPage = await laura.newPage();
      await signIn(lauraPage, mode, world.app.base, 'Laura Nieminen');
      await actFor(lauraPage, mode, world.app.base, 'Ella Nieminen');
      const seenByGuardian = await documentLinks(lauraPage, world.app.base);
      await laura.close();
      const ella = await newContext(world.browser, mode);
      const ellaPage = await ella.newPage();
      await signIn(ellaPage, mode, world.app.base, 'Ella Nieminen');
      const own = await documentLinks(ellaPage, world.app.base);
      assert.ok(seenByGuardian.length > 0 && seenByGuardian.length < own.length, `${seenByGuardian.length} < ${own.length}`);
      await ella.close();
    });
  });
}
