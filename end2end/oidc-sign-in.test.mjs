// Sign-in through a real OpenID provider: the app sends the browser there with PKCE,
// state and nonce; the provider's login returns a code; the app checks the ID token and
// signs the person in. A callback that does not belong to this browser signs no one in.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, freePort, launchBrowser, newContext, settled, startApp } from './support/app.mjs';
import { startProvider } from './support/idp.mjs';

let app;
let idp;
let browser;

before(async () => {
  const appPort = await freePort();
  const idpPort = await freePort();
  let databaseUrl;
  idp = await startProvider({
    port: idpPort,
    redirectUri: `http://127.0.0.1:${appPort}/auth/callback`,
    postLogoutRedirectUri: `http://127.0.0.1:${appPort}/`,
    databaseUrl: () => databaseUrl,
  });
  app = await startApp({
    port: appPort,
    env: {
      OMAKANTA_OIDC_ISSUER: idp.issuer,
      OMAKANTA_OIDC_CLIENT_ID: idp.clientId,
      OMAKANTA_OIDC_CLIENT_SECRET: idp.clientSecret,
      OMAKANTA_DEMO_DATA: '1',
    },
  });
  databaseUrl = app.databaseUrl;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await idp?.stop();
});

async function signInAtProvider(page, mode, login) {
  await page.goto(`${app.base}/sign-in`);
  await settled(page, mode);
  assert.equal(await page.getByText('Kehitysympäristö').count(), 0, 'no development sign-in with a provider');
  assert.deepEqual(await axeViolations(page), [], 'axe on the sign-in page');
  await page.getByRole('button', { name: 'Tunnistaudu' }).click();
  await page.waitForURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.waitForLoadState('load');
  if (page.url().includes('/interaction/')) {
    await page.locator('button[type="submit"]').click(); // consent
  }
  await page.waitForURL(`${app.base}/`);
  await settled(page, mode);
}

for (const mode of ['js', 'nojs']) {
  describe(`sign-in at the identity provider, JavaScript ${mode === 'js' ? 'on' : 'off'}`, () => {
    test('the person named by the ID token is signed in', async () => {
      const context = await newContext(browser, mode);
      const page = await context.newPage();
      await signInAtProvider(page, mode, '1002');
      await page.getByRole('heading', { level: 1, name: 'Tervetuloa, Mikko Korhonen' }).waitFor();
      await page.getByRole('link', { name: 'Terveystiedot' }).first().click();
      await settled(page, mode);
      await page.getByRole('heading', { level: 1, name: 'Terveystiedot' }).waitFor();

      // Signing out ends the session here and at the provider, then comes back.
      await page.getByRole('button', { name: 'Kirjaudu ulos' }).first().click();
      await page.waitForURL(/127\.0\.0\.1:\d+\/session\/end/);
      await page.locator('button[name="logout"], button[value="yes"]').first().click();
      await page.waitForURL(`${app.base}/`);
      await settled(page, mode);
      await page.getByRole('link', { name: 'Tunnistaudu' }).first().waitFor();
      await page.goto(`${app.base}/records`);
      assert.match(page.url(), /\/sign-in$/);
      await context.close();
    });

    test('a callback this browser did not start signs no one in', async () => {
      const context = await newContext(browser, mode);
      const page = await context.newPage();
      await page.goto(`${app.base}/auth/callback?code=forged&state=forged`);
      await settled(page, mode);
      assert.match(page.url(), /\/sign-in\?error=sign-in-failed$/);
      assert.match(await page.getByRole('alert').textContent(), /Tunnistautuminen ei onnistunut/);
      assert.deepEqual(await axeViolations(page), [], 'axe on the failure page');
      await page.goto(`${app.base}/records`);
      assert.match(page.url(), /\/sign-in$/);
      await context.close();
    });
  });
}
