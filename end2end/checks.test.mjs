// The crawl's page checks (support/checks.mjs) on pages made to break each one: each
// check finds what it is for, and a page that breaks nothing passes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './support/app.mjs';
import { STOPWORDS, checkPage } from './support/checks.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const GOOD_BODY = `
  <a href="#main">Siirry sisältöön</a>
  <header><nav aria-label="Päävalikko"><a href="/" style="display:inline-block;padding:8px">Etusivu</a></nav></header>
  <main id="main" tabindex="-1">
    <h1>Terveystiedot</h1>
    <h2>Asiakirjat</h2>
    <p>Tässä näet tietosi, ja voit katsoa ne myös myöhemmin, jos haluat.</p>
    <p lang="sv">Snuva och halsont sedan tre dagar, ingen feber och inte trött.</p>
    <button style="width:44px;height:44px">OK</button>
  </main>`;

async function problemsOf(body, { width = 1280, lang = 'fi' } = {}) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.setContent(`<!DOCTYPE html><html lang="fi"><head><title>t</title></head><body style="margin:0">${body}</body></html>`);
  const problems = await page.evaluate(checkPage, { width, lang, stopwords: STOPWORDS });
  await page.close();
  return problems;
}

test('a page that breaks nothing passes, at 320 px too', async () => {
  assert.deepEqual(await problemsOf(GOOD_BODY), []);
  assert.deepEqual(await problemsOf(GOOD_BODY, { width: 320 }), []);
});

test('each check finds what it is for', async () => {
  const cases = [
    [GOOD_BODY.replace('<h2>Asiakirjat</h2>', '<h1>Toinen</h1>'), /2 h1 elements/],
    [GOOD_BODY.replace('<main id="main" tabindex="-1">', '<div id="main">').replace('</main>', '</div>'), /0 main landmarks/],
    [GOOD_BODY.replace('<a href="#main">Siirry sisältöön</a>', ''), /not a skip link/],
    [GOOD_BODY.replace('<h2>Asiakirjat</h2>', '<h3>Asiakirjat</h3>'), /heading skips from h1 to h3/],
    [GOOD_BODY.replace('<p lang="sv">', '<p>'), /a passage in sv marked as fi/],
    [GOOD_BODY.replace('<h2>Asiakirjat</h2>', '<h2 id="main">Asiakirjat</h2>'), /id "main" used 2 times/],
    [GOOD_BODY.replace('style="width:44px;height:44px"', 'style="width:20px;height:20px;padding:0"'), /control 20 x 20 px/],
  ];
  for (const [body, expected] of cases) {
    const problems = await problemsOf(body);
    assert.ok(problems.some((p) => expected.test(p)), `${expected}: ${JSON.stringify(problems)}`);
  }
  const wide = await problemsOf(GOOD_BODY.replace('</main>', '<div style="width:480px">leveä</div></main>'), { width: 320 });
  assert.ok(wide.some((p) => /scrolls sideways: \d+ px in 320/.test(p)), JSON.stringify(wide));
  const low = await problemsOf(GOOD_BODY.replace('<main', '<div style="height:600px"></div><main'), { width: 320 });
  assert.ok(low.some((p) => /the h1 starts \d+ px down, below the first screen/.test(p)), JSON.stringify(low));
  const english = await problemsOf(GOOD_BODY, { lang: 'en' });
  assert.ok(english.some((p) => /html lang="fi", not en/.test(p)), JSON.stringify(english));
  // A closed dialog's heading is not heard, so it skips nothing.
  assert.deepEqual(await problemsOf(GOOD_BODY.replace('</main>', '<dialog><h3>Istunto</h3></dialog></main>')), []);
});
