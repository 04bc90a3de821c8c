// End-to-end tests of finding a monograph by drug code, in headless Chromium:
// the embed's rxcui, ndc and catalog attributes, the catalog page answering
// HL7 Infobutton URL requests and the short form (?rxcui=…&tab=…&lang=…), the
// not-found view, and a code two monographs claim, caught by the check.
//
//   node --test tests/e2e/codes.test.mjs
//
// Needs a built dist/ (scripts/build). The pages run against the made-up
// medicines of tests/fixtures/catalog/ (fixture-site.mjs), whose codes are
// made up too: RxCUIs 990000001 (Examplomab), 990000002 (Mockazole), 990000003
// (Testovir), 990000004 (Samplinib); NDCs 9999-0101-01 and 9999-0101-02
// (Examplomab, 4-4-2), 99999-101-01 (Mockazole, 5-3-2), 99990-1010-1 (Testovir,
// 5-4-1), 99998-2020-01 (Samplinib, 11 digits). Ten digits without hyphens,
// 9999010101, could be Examplomab's first package (4-4-2) or Testovir's
// (5-4-1).
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleVersion } from '../../scripts/lib/version.mjs';
import { FIXTURES, makeFixtureSite } from './fixture-site.mjs';
import { HostPage } from './pages/embed.mjs';
import { StandalonePage } from './pages/standalone.mjs';
import { assertNoErrors, axeAudit, DIST, runMonograph, TEST_TIMEOUT, useBrowserAndServer, waitUntil, hostPageHtml } from './support.mjs';

const TITLE = {
  examplomab: 'Examplomab (fictional test drug)',
  mockazole: 'Mockazole cream (fictional test drug)',
  testovir: 'Testovir (fictional test drug)',
  samplinib: 'Samplinib (fictional test drug)',
};
const RXNORM = '2.16.840.1.113883.6.88';
const NDC = '2.16.840.1.113883.6.69';

/** The interface strings these tests read (src/strings/en.rs, es.rs). */
const EN = {
  unknownCode: 'There is no information here for this medicine code. Check the code, or ask your pharmacist.',
  codeNotFound: 'No medicine found for this code',
  searchHint: 'Search for it by name below.',
  search: 'Search by medicine or brand name',
  sideEffects: 'Side effects',
};
const ES = {
  sideEffects: 'Efectos secundarios',
  search: 'Buscar por nombre del medicamento o marca',
  codeNotFound: 'No se encontró ningún medicamento con este código',
};

let tmpRoot;
let version;

/** Host pages for the embed, written into the fixture site under e2e/. */
const hostPage = (body) =>
  hostPageHtml({
    title: 'Embed by code',
    head: `    <script src="../drug-monograph/${version}/drug-monograph.js" defer></script>`,
    body,
  });

function fixtureSite() {
  const made = makeFixtureSite('drug-monograph-codes-');
  tmpRoot = made.tmpRoot;
  version = bundleVersion(DIST);
  fs.mkdirSync(path.join(made.site, 'e2e'));
  const pages = {
    // The default catalog: /content/index.json, the site's own.
    'by-rxcui.html': '<drug-monograph id="w" rxcui="990000001" tab="side-effects" heading-level="2"></drug-monograph>',
    // A catalog named by the page, relative to it.
    'by-ndc.html': '<drug-monograph id="w" ndc="99999-101-01" catalog="../content/index.json"></drug-monograph>',
    'empty.html': '',
  };
  for (const [name, body] of Object.entries(pages)) fs.writeFileSync(path.join(made.site, 'e2e', name), hostPage(body));
  return made.site;
}

const env = useBrowserAndServer({ requires: 'medicines/lenalidomide/index.html', root: fixtureSite });

after(() => {
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

/** Records the widget events reaching `document` in window.__dmEvents (added before any script runs). */
const EVENT_RECORDER = () => {
  window.__dmEvents = [];
  for (const name of ['drug-monograph-load', 'drug-monograph-error']) {
    document.addEventListener(name, (event) => window.__dmEvents.push({ type: event.type, ...event.detail }));
  }
};

const openHost = (t, file) =>
  HostPage.open(env, t, `${env.baseUrl}e2e/${file}`, {
    contextOptions: { locale: 'en-US' },
    beforeGoto: (page) => page.addInitScript(EVENT_RECORDER),
  });

/** Waits for the `n`th widget event and returns it. */
async function nthEvent(page, n) {
  await waitUntil(page, (n) => window.__dmEvents.length >= n, n, `${n} widget event(s)`, async () =>
    JSON.stringify(await page.evaluate(() => window.__dmEvents)),
  );
  return page.evaluate((n) => window.__dmEvents[n - 1], n);
}

/** Sets attributes of the element `#w` (null removes one), as a page's script would. */
const setAttributes = (page, attributes) =>
  page.evaluate((attributes) => {
    const element = document.getElementById('w');
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null) element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
  }, attributes);

/** The error the widget in `#w` shows: its kind and its message for the patient. */
const shownError = async (host) => {
  const error = host.page.locator('#w .dm-error');
  await error.waitFor();
  return {
    kind: await error.getAttribute('data-error-kind'),
    message: (await error.locator('.dm-error-message').textContent()).trim(),
  };
};

/** Opens the catalog page with the query `query`, in an English browser. */
const openCatalog = (t, query, contextOptions = {}) =>
  StandalonePage.open(env, t, { query, contextOptions: { locale: 'en-US', ...contextOptions } });

/** An Infobutton request for `code` in `system`, with `extra` parameters. */
const infobutton = (code, system, extra = {}) =>
  '?' +
  new URLSearchParams({
    'mainSearchCriteria.v.c': code,
    'mainSearchCriteria.v.cs': system,
    ...extra,
  });

/** Waits until the page is the monograph page of `id` (path and title) and its app runs. */
async function expectMonographPage(site, id) {
  await waitUntil(site.page, (id) => location.pathname.endsWith(`/medicines/${id}/`), id, `the page of ${id}`, async () => site.page.url());
  await site.waitForTitle(TITLE[id]);
}

// ------------------------------------------------------------------ embed

describe('embed by drug code', { timeout: TEST_TIMEOUT * 4 }, () => {
  it('opens the monograph of an RxCUI through the default catalog, on the tab asked for', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await openHost(t, 'by-rxcui.html');
    const widget = host.widget('#w');
    await widget.waitForTitle(TITLE.examplomab);
    await widget.expectSelected('side-effects');
    assert.deepEqual(await nthEvent(host.page, 1), { type: 'drug-monograph-load', id: 'examplomab', title: TITLE.examplomab });
    assert.ok(host.requests.some((url) => url.endsWith('/content/index.json')), 'the catalog at the site root');
    assert.equal(await host.page.locator('#w').getAttribute('data-dm-state'), 'loaded');
    assertNoErrors(host.errors);
  });

  it('reads an NDC in any form, through the catalog attribute, and follows attribute changes', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const host = await openHost(t, 'by-ndc.html');
    const { page } = host;
    const widget = host.widget('#w');
    await widget.waitForTitle(TITLE.mockazole);
    let events = 1;
    assert.equal((await nthEvent(page, events)).id, 'mockazole');

    // Each change of code loads the monograph it leads to, as a change of src does.
    const cases = [
      [{ ndc: '9999-0101-02' }, 'examplomab'], // 4-4-2
      [{ ndc: '99990-1010-1' }, 'testovir'], // 5-4-1
      [{ ndc: '99998202001' }, 'samplinib'], // 11 digits
      [{ ndc: '9999910101' }, 'mockazole'], // 10 digits: only 5-3-2 is listed
      [{ ndc: '99990-1010' }, 'testovir'], // a product: any of its packages
      // Set together: one change, from one monograph to the other.
      [{ ndc: null, rxcui: '990000004' }, 'samplinib'],
    ];
    for (const [attributes, id] of cases) {
      await setAttributes(page, attributes);
      await widget.waitForTitle(TITLE[id]);
      events += 1;
      assert.deepEqual(await nthEvent(page, events), { type: 'drug-monograph-load', id, title: TITLE[id] }, JSON.stringify(attributes));
    }

    // src names the monograph itself and wins over a code; removing it
    // brings the code back.
    await setAttributes(page, { src: '../content/testovir.json' });
    await widget.waitForTitle(TITLE.testovir);
    assert.equal((await nthEvent(page, ++events)).id, 'testovir');
    await setAttributes(page, { src: null });
    await widget.waitForTitle(TITLE.samplinib);
    assert.equal((await nthEvent(page, ++events)).id, 'samplinib');
    assertNoErrors(host.errors);
  });

  it('says clearly that a code is unknown, and tells the page with kind not-found', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await openHost(t, 'empty.html');
    const { page } = host;
    await host.addWidget('w', { rxcui: '1234567' });
    assert.deepEqual(await shownError(host), { kind: 'not-found', message: EN.unknownCode });
    const unknown = await nthEvent(page, 1);
    assert.equal(unknown.type, 'drug-monograph-error');
    assert.equal(unknown.kind, 'not-found');
    assert.match(unknown.message, /no monograph has the code RxCUI 1234567/);
    await waitUntil(page, () => document.getElementById('w').dataset.dmState === 'failed', undefined, 'data-dm-state="failed"');

    // Ten digits that could be two monographs' codes are not guessed.
    await setAttributes(page, { rxcui: null, ndc: '9999010101' });
    const ambiguous = await nthEvent(page, 2);
    assert.equal(ambiguous.kind, 'not-found');
    assert.match(ambiguous.message, /NDC 9999010101 could be a code of examplomab, testovir/);
    assert.deepEqual(await shownError(host), { kind: 'not-found', message: EN.unknownCode });

    // A known code then loads as usual.
    await setAttributes(page, { ndc: '9999-0101-01' });
    await host.widget('#w').waitForTitle(TITLE.examplomab);
    assert.equal((await nthEvent(page, 3)).id, 'examplomab');
    assertNoErrors(host.errors);
  });
});

// -------------------------------------------------------- Infobutton requests

describe('Infobutton and short links on the catalog page', { timeout: TEST_TIMEOUT * 8 }, () => {
  it('opens the monograph of an RxNorm code, on the subtopic’s tab, in the language asked for', { timeout: TEST_TIMEOUT }, async (t) => {
    const query = infobutton('990000001', RXNORM, {
      'mainSearchCriteria.v.dn': 'Examplomab 50 mg oral tablet',
      'informationRecipient.languageCode.c': 'es',
      'subTopic.v.c': 'Q000009',
      // Parameters the page has no use for are ignored.
      informationRecipient: 'PAT',
      'taskContext.c.c': 'PROBLISTREV',
      knowledgeResponseType: 'text/html',
      'age.v.v': '45',
    });
    const site = await openCatalog(t, query);
    await expectMonographPage(site, 'examplomab');
    assert.equal(new URL(site.page.url()).search, '?lang=es');
    assert.equal(site.hash(), '#side-effects');
    const { tab } = await site.expectSelected('side-effects');
    assert.equal((await tab.textContent()).trim(), ES.sideEffects);
    assert.equal(await site.page.evaluate(() => document.documentElement.lang), 'es');
    assertNoErrors(site.errors);
  });

  it('maps each MeSH subtopic to its tab, for an NDC code', { timeout: TEST_TIMEOUT * 3 }, async (t) => {
    const subtopics = [
      ['Q000009', 'side-effects'], // adverse effects
      ['Q000008', 'dosage'], // administration & dosage
      ['Q000494', 'how-it-works'], // pharmacology
      ['Q000744', 'precautions'], // contraindications
      ['Q000627', 'usage'], // therapeutic use
    ];
    for (const [subtopic, tab] of subtopics) {
      const site = await openCatalog(t, infobutton('9999-0101-01', NDC, { 'subTopic.v.c': subtopic }));
      await expectMonographPage(site, 'examplomab');
      await site.expectSelected(tab);
      assert.equal(site.hash(), `#${tab}`, subtopic);
      assertNoErrors(site.errors);
      await site.page.close();
    }
    // A subtopic with no tab of its own opens the first one.
    const site = await openCatalog(t, infobutton('99998-2020-01', NDC, { 'subTopic.v.c': 'Q000145' }));
    await expectMonographPage(site, 'samplinib');
    await site.expectSelected('usage');
    assert.equal(site.hash(), '');
  });

  it('answers the short form for print, QR codes and pharmacy systems', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await openCatalog(t, '?rxcui=990000003&tab=side-effects&lang=es');
    await expectMonographPage(site, 'testovir');
    const { tab } = await site.expectSelected('side-effects');
    assert.equal((await tab.textContent()).trim(), ES.sideEffects);

    const byNdc = await openCatalog(t, '?ndc=9999910101');
    await expectMonographPage(byNdc, 'mockazole');
    await byNdc.expectSelected('usage');
    assertNoErrors(site.errors);
    assertNoErrors(byNdc.errors);
  });

  it('says that an unknown code leads nowhere and offers the search, filled in with the display name; axe finds nothing', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const audit = axeAudit();
    const query = infobutton('1234567', RXNORM, { 'mainSearchCriteria.v.dn': 'Testovir' });
    const site = await openCatalog(t, query);
    const { page } = site;
    await site.waitForCatalog();
    const notice = page.locator('.page-code-not-found');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('role'), 'alert');
    const paragraphs = await notice.locator('p').evaluateAll((ps) => ps.map((p) => p.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(paragraphs, [`${EN.codeNotFound} (RxCUI 1234567)`, `${EN.unknownCode} ${EN.searchHint}`]);
    const box = page.getByRole('searchbox', { name: EN.search, exact: true });
    assert.equal(await box.inputValue(), 'Testovir');
    await waitUntil(page, () => document.querySelectorAll('#page-results a.page-result').length === 1, undefined, 'one result');
    assert.equal(await site.results.getAttribute('href'), 'medicines/testovir/');
    assert.ok(page.url().includes('index.html?'), 'the page stays where it was asked');
    await audit.check(page, 'unknown code, English');

    // In Spanish, with a code system the page does not know (SNOMED CT):
    // only the name is left to search by.
    const spanish = await openCatalog(
      t,
      infobutton('108774000', '2.16.840.1.113883.6.96', {
        'mainSearchCriteria.v.dn': 'Mockazole',
        'informationRecipient.languageCode.c': 'es',
      }),
    );
    await spanish.waitForCatalog('Todos los medicamentos');
    const spanishNotice = spanish.page.locator('.page-code-not-found');
    await spanishNotice.filter({ hasText: ES.codeNotFound }).waitFor();
    assert.equal(await spanish.page.getByRole('searchbox', { name: ES.search, exact: true }).inputValue(), 'Mockazole');
    await audit.check(spanish.page, 'unknown code system, Spanish');

    // Ten digits that could be two monographs' codes: not guessed.
    const ambiguous = await openCatalog(t, '?ndc=9999010101');
    await ambiguous.waitForCatalog();
    await ambiguous.page.locator('.page-code-not-found').filter({ hasText: 'NDC 9999010101' }).waitFor();
    await audit.check(ambiguous.page, 'ambiguous NDC');

    audit.assertNoViolations();
    for (const s of [site, spanish, ambiguous]) assertNoErrors(s.errors);
  });

  it('opens a code in the kiosk, whose take-home link is the monograph’s own address', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await StandalonePage.open(env, t, { path: 'kiosk.html', query: '?rxcui=990000002', contextOptions: { locale: 'en-US' } });
    await site.waitForTitle(TITLE.mockazole);
    assert.equal(site.hash(), '#/mockazole');
    // As for any monograph: the site's address and the route, without the request.
    const url = site.page.locator('.page-take-home-url');
    await url.waitFor();
    assert.equal((await url.textContent()).trim(), `${env.baseUrl}index.html#/mockazole/usage`);
    assertNoErrors(site.errors);
  });
});

// ------------------------------------------------------------------ content

describe('codes in content', () => {
  it('the check fails on a code two monographs claim, naming both places', { timeout: TEST_TIMEOUT * 4 }, (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drug-monograph-codes-content-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    for (const name of ['examplomab.md', 'testovir.md']) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
    // Testovir claims Examplomab's first package, written as 11 digits.
    const testovir = path.join(dir, 'testovir.md');
    fs.writeFileSync(testovir, fs.readFileSync(testovir, 'utf8').replace('ndc: ["99990-1010-1"]', 'ndc: ["99990-1010-1", "09999010101"]'));
    const run = runMonograph(['check', dir], { timeout: 600_000 });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      new RegExp(`testovir\\.md:\\d+:\\d+: error: the NDC 09999-0101-01 is also a code of "examplomab" \\(.*examplomab\\.md:\\d+:\\d+\\)`),
    );
  });
});
