// The session's time limit (WCAG 2.2.1): every page says when the session ends and
// offers to continue it; with JavaScript a dialog warns before the end, takes focus,
// and continues the session without leaving the page, so nothing typed is lost.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, newContext, settled, useAppAndBrowser } from './support/app.mjs';

// A session of 135 seconds that warns 130 seconds before its end: the warning comes
// about five seconds after a page loads.
const world = useAppAndBrowser({ env: { OMAKANTA_SESSION_IDLE_SECONDS: '135', OMAKANTA_SESSION_WARN_SECONDS: '130' } });

async function signIn(page, mode) {
  await page.goto(`${world.app.base}/sign-in`);
  await settled(page, mode);
  await page.getByRole('button', { name: 'Kirjaudu: Aino Virtanen' }).click();
  await settled(page, mode);
}

describe('session time limit, JavaScript on', () => {
  test('a dialog warns, takes focus, and continues the session in place', async () => {
    const context = await newContext(world.browser, 'js');
    const page = await context.newPage();
    await signIn(page, 'js');
    await page.goto(`${world.app.base}/records`);
    await settled(page, 'js');
    await page.getByLabel('Alkamispäivä').fill('2020-01-01');
    const dialog = page.getByRole('alertdialog', { name: 'Istuntosi on päättymässä' });
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    assert.equal(focused, 'Jatka istuntoa', 'focus moves to the dialog');
    assert.deepEqual(await axeViolations(page), [], 'axe with the dialog open');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await page.getByLabel('Alkamispäivä').inputValue(), '2020-01-01', 'nothing typed is lost');
    await page.goto(`${world.app.base}/summaries`);
    await page.getByRole('heading', { level: 1, name: 'Yhteenvedot' }).waitFor();
    await context.close();
  });
});

describe('session time limit, JavaScript off', () => {
  test('the page says when the session ends and a form continues it', async () => {
    const context = await newContext(world.browser, 'nojs');
    const page = await context.newPage();
    await signIn(page, 'nojs');
    await page.goto(`${world.app.base}/records?kind=diagnosis`);
    await settled(page, 'nojs');
    assert.match(await page.getByText(/Istunto päättyy klo \d+\.\d\d/).textContent(), /jos et käytä palvelua/);
    assert.equal(await page.getByRole('alertdialog').count(), 0, 'no dialog without JavaScript');
    await page.getByRole('button', { name: 'Jatka istuntoa' }).click();
    await settled(page, 'nojs');
    assert.match(page.url(), /\/records\?kind=diagnosis&session=extended$/);
    await page.getByRole('status').filter({ hasText: 'Istuntoa jatkettu.' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe after continuing');
    await context.close();
  });
});
