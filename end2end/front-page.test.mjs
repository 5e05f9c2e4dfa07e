// The front page offers every section the signed-in right covers (the registry of
// sections decides): all of them to the person, the proxies' sections to a guardian of
// a child under 10, a guardian of a teen and a mandate holder. The navigation offers the
// same. JavaScript on and off, axe clean.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser, actFor as actForAs, signIn as signInAs } from './support/app.mjs';

const world = useAppAndBrowser();

const PROXY_SECTIONS = [
  'Terveystiedot',
  'Yhteenvedot',
  'Laboratoriotulokset',
  'Todistukset ja lausunnot',
  'Reseptit',
  'Lääkityslista',
  'Ajanvaraukset',
  'Sosiaalihuolto',
];
const OWN_SECTIONS = [...PROXY_SECTIONS, 'Hoitotahto', 'Elinluovutustahto', 'Suostumukset ja kiellot', 'Ulkomaat', 'Potilasyhteenveto', 'Luovutustiedot', 'Omat hyvinvointitiedot', 'Lataa tietosi'];

async function signIn(page, mode, name) {
  await signInAs(page, mode, world.app.base, name);
}

async function actFor(page, mode, name) {
  await actForAs(page, mode, world.app.base, name);
}

/** The sections the front page offers, and the navigation's links, in order. */
async function offered(page, mode) {
  await page.goto(`${world.app.base}/`);
  await settled(page, mode);
  const sections = await page
    .getByRole('main')
    .getByRole('heading', { level: 3 })
    .getByRole('link')
    .allTextContents();
  const nav = await page
    .getByRole('navigation', { name: 'Päävalikko' })
    .getByRole('link')
    .allTextContents();
  assert.deepEqual(await axeViolations(page), [], 'axe on the front page');
  return { sections: sections.map((s) => s.trim()), nav: nav.map((s) => s.trim()) };
}

for (const mode of ['js', 'nojs']) {
  describe(`the front page, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('offers the person every section, and each opens', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Aino Virtanen');
      const { sections, nav } = await offered(page, mode);
      assert.deepEqual(sections, OWN_SECTIONS);
      assert.deepEqual(nav, OWN_SECTIONS);
      for (const name of OWN_SECTIONS) {
        await page.goto(`${world.app.base}/`);
        await settled(page, mode);
        await page.getByRole('main').getByRole('link', { name, exact: true }).click();
        await settled(page, mode);
        assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, name);
      }
      await context.close();
    });

    for (const [who, name] of [
      ['a guardian of a child under 10', 'Eetu Nieminen'],
      ['a guardian of a teen', 'Ella Nieminen'],
    ]) {
      test(`offers ${who} the sections a guardian may use`, async () => {
        const context = await newContext(world.browser, mode);
        const page = await context.newPage();
        await signIn(page, mode, 'Laura Nieminen');
        await actFor(page, mode, name);
        const { sections, nav } = await offered(page, mode);
        assert.deepEqual(sections, PROXY_SECTIONS);
        assert.deepEqual(nav, PROXY_SECTIONS);
        await context.close();
      });
    }

    test('offers a mandate holder the sections the mandate covers', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, 'Aino Virtanen');
      await actFor(page, mode, 'Helvi Virtanen');
      const { sections, nav } = await offered(page, mode);
      assert.deepEqual(sections, PROXY_SECTIONS);
      assert.deepEqual(nav, PROXY_SECTIONS);
      await context.close();
    });
  });
}
