// Appointments with JavaScript on and off: the person's list (to come first), one
// appointment with where to change it, a calendar file, the past by a period; a
// mandate holder sees the mother's, a guardian of a 15-year-old only what is marked
// for guardians. axe-core on every page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser, actFor, signIn } from './support/app.mjs';

const world = useAppAndBrowser();

/** The appointment pages linked from the list. */
async function linkedAppointments(page) {
  const hrefs = await page.getByRole('main').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  return hrefs.filter((h) => /^\/appointments\/\d+$/.test(h ?? ''));
}

for (const mode of ['js', 'nojs']) {
  describe(`appointments, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('a person sees what is to come, opens one, and takes it to a calendar', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, 'Aino Virtanen');
      await page.getByRole('link', { name: 'Ajanvaraukset' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Ajanvaraukset' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Tulevat ajat' }).waitFor();
      assert.equal(await page.getByText('Psykiatrinen käynti').count(), 0, 'never shown');
      assert.deepEqual(await axeViolations(page), [], 'axe on the list');

      // The whole calendar of what is to come is a file.
      const all = await context.request.get(`${world.app.base}/appointments/calendar.ics`);
      assert.equal(all.status(), 200);
      assert.match(all.headers()['content-type'], /^text\/calendar/);
      assert.match(await all.text(), /BEGIN:VTIMEZONE[\s\S]*BEGIN:VEVENT/);

      // The first one to come.
      const first = page.getByRole('main').getByRole('list').first().getByRole('link').first();
      await first.click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 2, name: 'Ajan peruminen tai siirtäminen' }).waitFor();
      const booking = page.getByRole('link', { name: /Palveluntuottajan ajanvaraus \(.+\)/ });
      assert.match(await booking.getAttribute('href'), /^https:\/\//, 'the provider\'s booking service');
      const calendar = page.getByRole('link', { name: 'Lisää kalenteriin (ics-tiedosto)' });
      const one = await context.request.get(new URL(await calendar.getAttribute('href'), world.app.base).href);
      assert.equal(one.status(), 200);
      assert.match(one.headers()['content-disposition'], /^attachment; filename=".+\.ics"$/);
      assert.equal((await one.text()).match(/BEGIN:VEVENT/g).length, 1);
      assert.deepEqual(await axeViolations(page), [], 'axe on an appointment');

      // Back, and the past of every year.
      await page.getByRole('link', { name: 'Takaisin ajanvarauksiin' }).click();
      await settled(page, mode);
      await page.getByRole('group', { name: 'Näytä menneet ajat' }).getByLabel('kaikki').check();
      await page.getByRole('button', { name: 'Näytä', exact: true }).click();
      await settled(page, mode);
      assert.match(page.url(), /past=all/);
      await page.getByRole('table', { name: /^Menneet ajat, \d+ aika/ }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the past');
      await context.close();
    });

    test('a mandate holder sees her mother\'s; a guardian of a teen only what is marked for guardians', async () => {
      const context = await newContext(world.browser, mode);
      const page = await context.newPage();
      await signIn(page, mode, world.app.base, 'Aino Virtanen');
      await actFor(page, mode, world.app.base, 'Helvi Virtanen');
      await page.goto(`${world.app.base}/appointments?past=all`);
      await settled(page, mode);
      assert.ok((await linkedAppointments(page)).length > 0, 'the mother\'s appointments');
      assert.deepEqual(await axeViolations(page), [], 'axe as a mandate holder');
      await context.close();

      const laura = await newContext(world.browser, mode);
      const lauraPage = await laura.newPage();
      await signIn(lauraPage, mode, world.app.base, 'Laura Nieminen');
      await actFor(lauraPage, mode, world.app.base, 'Ella Nieminen');
      await lauraPage.goto(`${world.app.base}/appointments?past=all`);
      await settled(lauraPage, mode);
      const seenByGuardian = await linkedAppointments(lauraPage);
      assert.deepEqual(await axeViolations(lauraPage), [], 'axe as a guardian of a teen');
      await laura.close();

      const ella = await newContext(world.browser, mode);
      const ellaPage = await ella.newPage();
      await signIn(ellaPage, mode, world.app.base, 'Ella Nieminen');
      await ellaPage.goto(`${world.app.base}/appointments?past=all`);
      await settled(ellaPage, mode);
      const own = await linkedAppointments(ellaPage);
      assert.ok(seenByGuardian.length < own.length, `${seenByGuardian.length} < ${own.length}`);
      assert.ok(seenByGuardian.every((h) => own.includes(h)));
      await ella.close();
    });
  });
}
