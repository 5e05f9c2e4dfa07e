// Who may use my wellbeing data, and an app using it through the FHIR interface with a
// real access token: oidc-provider (the identity provider) issues the app a JWT access
// token for the interface after the person signs in there; the app reads and writes
// the person's Observations; the person withdraws the app on the page (JavaScript
// off) and the same token is refused at once; allowed again to read only, the app
// reads but cannot write. With JavaScript on, a person allows an app and withdraws
// it, a mistake explained. axe-core on every state of the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { axeViolations, freePort, launchBrowser, newContext, settled, startApp } from './support/app.mjs';
import { startProvider } from './support/idp.mjs';

let app;
let idp;
let browser;
let fhir;
const painekirja = { clientId: 'painekirja', clientSecret: 'painekirja-secret' };
// The app's redirect URI: a listener that keeps the last code it was sent.
let callback;
let lastCode;

before(async () => {
  const appPort = await freePort();
  const idpPort = await freePort();
  const callbackPort = await freePort();
  fhir = `http://127.0.0.1:${appPort}/fhir`;
  painekirja.redirectUri = `http://127.0.0.1:${callbackPort}/callback`;
  callback = createServer((req, res) => {
    lastCode = new URL(req.url, painekirja.redirectUri).searchParams.get('code');
    res.end('ok');
  });
  await new Promise((ok) => callback.listen(callbackPort, '127.0.0.1', ok));
  painekirja.resource = fhir;
  let databaseUrl;
  idp = await startProvider({
    port: idpPort,
    redirectUri: `http://127.0.0.1:${appPort}/auth/callback`,
    postLogoutRedirectUri: `http://127.0.0.1:${appPort}/`,
    databaseUrl: () => databaseUrl,
    app: painekirja,
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
  callback?.close();
});

/** Signs in at the provider (its login form, then its consent when it asks). */
async function loginAtProvider(page, login) {
  await page.waitForURL(/127\.0\.0\.1:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.waitForLoadState('load');
  while (page.url().includes('/interaction/')) {
    await page.locator('button[type="submit"]').click(); // consent
    await page.waitForLoadState('load');
  }
}

/** Signs the person in to OmaKanta through the provider. */
async function signIn(page, mode, login) {
  await page.goto(`${app.base}/sign-in`);
  await settled(page, mode);
  await page.getByRole('button', { name: 'Tunnistaudu' }).click();
  await loginAtProvider(page, login);
  await page.waitForURL(`${app.base}/`);
  await settled(page, mode);
}

const b64url = (bytes) => Buffer.from(bytes).toString('base64url');

/** The app's authorization code flow (PKCE, resource indicator): its access token. */
async function appToken(login, scope) {
  const context = await newContext(browser, 'nojs');
  const page = await context.newPage();
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  lastCode = undefined;
  const auth = new URL(`${idp.issuer}/auth`);
  for (const [k, v] of Object.entries({
    client_id: painekirja.clientId,
    response_type: 'code',
    redirect_uri: painekirja.redirectUri,
    scope: `openid ${scope}`,
    resource: fhir,
    state: b64url(randomBytes(8)),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })) auth.searchParams.set(k, v);
  await page.goto(auth.toString());
  await loginAtProvider(page, login);
  await page.waitForURL(`${painekirja.redirectUri}**`);
  await context.close();
  const code = lastCode;
  assert.ok(code, 'the provider sent the app a code');
  const response = await fetch(`${idp.issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${painekirja.clientId}:${painekirja.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: painekirja.redirectUri,
      code_verifier: verifier,
      resource: fhir,
    }),
  });
  const tokens = await response.json();
  assert.equal(response.status, 200, JSON.stringify(tokens));
  assert.equal(tokens.access_token.split('.').length, 3, 'a JWT access token');
  return tokens.access_token;
}

async function call(token, method, path, body, headers = {}) {
  const response = await fetch(`${fhir}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/fhir+json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** A blood pressure of yesterday morning about `patient`, as an app writes it. */
function bloodPressure(patient, uuid) {
  const quantity = (value) => ({ value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' });
  const loinc = (code) => ({ coding: [{ system: 'http://loinc.org', code }] });
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(Date.now() - 24 * 3600 * 1000));
  return {
    resourceType: 'Observation',
    meta: { profile: ['http://phr.kanta.fi/StructureDefinition/fiphr-sd-bloodpressure'] },
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${uuid}` }],
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code: loinc('85354-9'),
    subject: { reference: `Patient/${patient}` },
    effectiveDateTime: `${day}T07:30:00+02:00`,
    component: [
      { code: loinc('8480-6'), valueQuantity: quantity(133) },
      { code: loinc('8462-4'), valueQuantity: quantity(84) },
    ],
  };
}

describe('an app with a real access token, and the person withdrawing it (JavaScript off)', () => {
  test('Painekirja reads and writes Mikko\'s data until he withdraws it', async () => {
    const token = await appToken('1002', 'patient/Observation.rs patient/Observation.cud patient/Patient.rs patient/Patient.cu');
    const { status, json: bundle } = await call(token, 'GET', '/Observation?code=http://loinc.org%7C85354-9&_count=3');
    assert.equal(status, 200, JSON.stringify(bundle));
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.entry.length, 3);
    const patient = bundle.entry[0].resource.subject.reference.replace('Patient/', '');
    assert.match(patient, /^[0-9a-f-]{36}$/, 'an opaque id, not an identity code');

    const uuid = '5e0c6b0e-8a7c-4d9b-9f57-3c2b1a000001';
    const condition = { 'if-none-exist': `identifier=urn:ietf:rfc:3986|urn:uuid:${uuid}` };
    const created = await call(token, 'POST', '/Observation', bloodPressure(patient, uuid), condition);
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const again = await call(token, 'POST', '/Observation', bloodPressure(patient, uuid), condition);
    assert.equal(again.status, 200);
    assert.equal(again.json.id, created.json.id);

    // Mikko's own Patient, at the id his measurements name: the first write creates it,
    // a later one must name the version it replaces.
    const details = { resourceType: 'Patient', name: [{ family: 'Mallikas', given: ['Mikko'] }] };
    const written = await call(token, 'PUT', `/Patient/${patient}`, details);
    assert.equal(written.status, 201, JSON.stringify(written.json));
    assert.equal(written.json.id, patient);
    assert.equal((await call(token, 'PUT', `/Patient/${patient}`, details)).status, 428);
    const { status: found, json: patients } = await call(token, 'GET', '/Patient');
    assert.equal(found, 200);
    assert.deepEqual(patients.entry.map((e) => e.resource.name), [details.name]);

    // Mikko sees it from the app, and withdraws the app.
    const context = await newContext(browser, 'nojs');
    const page = await context.newPage();
    await signIn(page, 'nojs', '1002');
    await page.goto(`${app.base}/wellbeing/blood-pressure`);
    await page.getByText('Sovellus Painekirja').first().waitFor();
    await page.goto(`${app.base}/wellbeing`);
    await page.getByRole('link', { name: 'Kuka saa käyttää hyvinvointitietojani' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kuka saa käyttää hyvinvointitietojani' }).waitFor();
    const inForce = page.getByRole('table', { name: 'Ketkä saavat käyttää hyvinvointitietojasi nyt' });
    await inForce.getByRole('rowheader', { name: 'Painekirja' }).waitFor();
    await inForce.getByRole('cell', { name: 'Lukea ja tallentaa mittauksesi' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe on the page');
    await inForce.getByRole('button', { name: 'Peru lupa: Painekirja' }).click();
    await page.getByRole('status').filter({ hasText: 'Lupa on peruttu. Se päättyi nyt.' }).waitFor();
    await page.getByText('Et ole antanut kenellekään lupaa käyttää hyvinvointitietojasi.').waitFor();
    const history = page.getByRole('table', { name: 'Kaikki muutokset siihen, kuka saa käyttää hyvinvointitietojasi' });
    await history.getByRole('cell', { name: 'Lupa peruttu' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe after withdrawing');

    // The same token, at once: refused, and nothing read.
    const refused = await call(token, 'GET', '/Observation?_count=1');
    assert.equal(refused.status, 403);
    assert.equal(refused.json.resourceType, 'OperationOutcome');
    assert.equal(refused.json.issue[0].code, 'forbidden');

    // Allowed again, to read only: it reads, it cannot write.
    await page.getByLabel('Sovellus', { exact: true }).selectOption({ label: 'Painekirja (Esimerkki Terveys Oy)' });
    await page.getByRole('radio', { name: 'Lukea mittauksesi' }).check();
    await page.getByRole('button', { name: 'Anna lupa', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Lupa on tallennettu. Se on voimassa nyt.' }).waitFor();
    await inForce.getByRole('cell', { name: 'Lukea mittauksesi' }).waitFor();
    assert.equal((await call(token, 'GET', '/Observation?_count=1')).status, 200);
    const write = await call(token, 'DELETE', `/Observation/${created.json.id}`);
    assert.equal(write.status, 403);
    assert.equal(write.json.resourceType, 'OperationOutcome');
    await context.close();
  });
});

describe('who may use my wellbeing data, JavaScript on', () => {
  test('Aino allows an app to read and write, a mistake explained, and withdraws it', async () => {
    const context = await newContext(browser, 'js');
    const page = await context.newPage();
    await signIn(page, 'js', '1001');
    await page.goto(`${app.base}/wellbeing/sharing`);
    await settled(page, 'js');
    const inForce = page.getByRole('table', { name: 'Ketkä saavat käyttää hyvinvointitietojasi nyt' });
    // The demo: her health centre reads; the step counter read for a while.
    await inForce.getByRole('cell', { name: 'Terveydenhuollon toimija' }).waitFor();
    const history = page.getByRole('table', { name: 'Kaikki muutokset siihen, kuka saa käyttää hyvinvointitietojasi' });
    await history.getByRole('cell', { name: 'Askelmittari' }).first().waitFor();

    // No app chosen: explained, the choice of permission kept.
    await page.getByLabel('Sovellus', { exact: true }).evaluate((e) => e.removeAttribute('required'));
    await page.getByRole('radio', { name: 'Lukea ja tallentaa mittauksesi' }).check();
    await page.getByRole('button', { name: 'Anna lupa', exact: true }).click();
    await settled(page, 'js');
    await page.getByRole('alert').getByRole('link', { name: 'Valitse, kenelle annat luvan.' }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Lukea ja tallentaa mittauksesi' }).isChecked(), true);
    assert.deepEqual(await axeViolations(page), [], 'axe with the mistake');

    await page.getByLabel('Sovellus', { exact: true }).selectOption({ label: 'Askelmittari (Liikkuva Esimerkki Oy)' });
    await page.getByRole('button', { name: 'Anna lupa', exact: true }).click();
    await settled(page, 'js');
    await page.getByRole('status').filter({ hasText: 'Lupa on tallennettu.' }).waitFor();
    await inForce.getByRole('rowheader', { name: 'Askelmittari' }).waitFor();
    await inForce.getByRole('button', { name: 'Peru lupa: Askelmittari' }).click();
    await settled(page, 'js');
    await page.getByRole('status').filter({ hasText: 'Lupa on peruttu.' }).waitFor();
    assert.equal(await inForce.getByRole('rowheader', { name: 'Askelmittari' }).count(), 0);
    assert.deepEqual(await axeViolations(page), [], 'axe after the changes');
    await context.close();
  });
});
