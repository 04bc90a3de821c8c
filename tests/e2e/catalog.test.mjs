// End-to-end tests of the catalog page (index.html: search, the monographs'
// own pages and their addresses, text size, languages, print, accessibility) in
// headless Chromium, with made-up medicines.
//
//   node --test tests/e2e/
//
// Needs a built dist/ (scripts/build), `npm ci` (playwright-core, axe-core) and a
// Chromium binary: $CHROMIUM or /usr/bin/chromium. DIST=<folder> serves another folder.
//
// The pages are served from a temporary copy of dist/ whose content/ holds the
// fixtures in tests/fixtures/catalog/ instead of the real monographs: four
// fictional medicines (every title says "(fictional test drug)") with accented
// brand names (Démoquil, Placébra, Ñandúmax), a generic name that is not in its
// title (Mockazole nitrate), and one medicine without source or review dates.
// Their JSON and index.json are generated from the Markdown beside them:
//
//   cargo monograph convert tests/fixtures/catalog/
//   cargo monograph index tests/fixtures/catalog/
//
// The pages are pre-rendered from the fixtures too, when the tests start
// (`cargo monograph site --out <copy> tests/fixtures/catalog/`): the catalog
// (index.html), one page per medicine (medicines/<id>/, the tab in the
// fragment: #side-effects), the kiosk. The kiosk's own error messages are in
// standalone.test.mjs.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, makeFixtureSite } from './fixture-site.mjs';
import { TAB_IDS } from './pages/monograph.mjs';
import { monographPath, StandalonePage } from './pages/standalone.mjs';
import { assertNoErrors, axeAudit, settle, TEST_TIMEOUT, useBrowserAndServer, waitUntil } from './support.mjs';

/** The fixture catalog and monographs, as the tests expect to see them. */
const CATALOG = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'index.json'), 'utf8'));
const MONOGRAPHS = Object.fromEntries(
  CATALOG.monographs.map((entry) => [entry.id, JSON.parse(fs.readFileSync(path.join(FIXTURES, entry.file), 'utf8'))]),
);
const TITLE = Object.fromEntries(CATALOG.monographs.map((entry) => [entry.id, entry.title]));
const ALL_IDS = CATALOG.monographs.map((entry) => entry.id);

/** The interface strings these tests read (src/strings/en.rs, es.rs). */
const EN = {
  allMedicines: 'All medicines',
  siteTitle: 'Medicine information',
  search: 'Search by medicine or brand name',
  one: '1 medicine found',
  many: (n) => `${n} medicines found`,
  noResults: 'No medicine matches your search. Check the spelling, or ask your pharmacist.',
  tabs: ['Usage', 'Dosage', 'Side effects', 'How it works', 'Precautions', 'FAQs'],
  about: 'About this information',
  notRecorded: 'Not recorded',
  textSize: 'Text size',
  language: 'Language',
  pageAddress: 'This page:',
};
const ES = {
  allMedicines: 'Todos los medicamentos',
  siteTitle: 'Información sobre medicamentos',
  search: 'Buscar por nombre del medicamento o marca',
  many: (n) => `${n} medicamentos encontrados`,
  tabs: ['Usos', 'Dosis', 'Efectos secundarios', 'Cómo funciona', 'Precauciones', 'Preguntas frecuentes'],
  disclaimer: 'Aviso:',
  generic: 'Nombre genérico:',
  about: 'Acerca de esta información',
  textSize: 'Tamaño del texto',
  language: 'Idioma',
};

let tmpRoot;

/** Makes the fixture site (makeFixtureSite) and returns its folder. */
function fixtureSite() {
  const made = makeFixtureSite('drug-monograph-catalog-');
  tmpRoot = made.tmpRoot;
  return made.site;
}

// The browser, and the server of the fixture site at env.baseUrl.
const env = useBrowserAndServer({ requires: 'medicines/lenalidomide/index.html', root: fixtureSite });

after(() => {
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

/** A fresh English browser context (plus `options`), closed after the test. */
const newContext = (t, options = {}) => env.newContext(t, { locale: 'en-US', ...options });

/**
 * Opens index.html (or `path`) plus `hash` (StandalonePage.open), in a fresh
 * English context (plus `contextOptions`) unless `context` is given.
 */
const openPage = (t, { contextOptions, ...options } = {}) =>
  StandalonePage.open(env, t, { contextOptions: { locale: 'en-US', ...contextOptions }, ...options });

/** Opens the page of medicine `id`, on `tab` when given; `options` as openPage's. */
const openMonograph = (t, id, { tab, ...options } = {}) => openPage(t, { ...options, path: monographPath(id, tab) });

const search = (site, name = EN.search) => site.page.getByRole('searchbox', { name, exact: true });
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The result link of a medicine: a link whose accessible name starts with its title. */
const resultLink = (site, id) => site.page.getByRole('link', { name: new RegExp(`^${escapeRegExp(TITLE[id])}`) });

/** Waits until the count of results says `text` and the result links are those of `ids` (to their pages), in order. */
async function expectResults(site, text, ids) {
  const hrefs = await site.resultAddresses(text, ids.length);
  assert.deepEqual(hrefs, ids.map((id) => monographPath(id)), `results for status "${text}"`);
  for (const id of ids) assert.equal(await resultLink(site, id).count(), 1, `a link named "${TITLE[id]}…"`);
}

/** Waits for monograph `id` to be shown (its title in the h1), once the page app runs. */
const waitForMonograph = (site, id) => site.waitForTitle(TITLE[id]);

/** The "About this information" facts as "Label: value" lines, in order (visible ones only). */
const aboutFacts = (page) =>
  page.locator('.dm-about dt').evaluateAll((terms) =>
    terms
      .filter((dt) => dt.checkVisibility() && dt.nextElementSibling?.checkVisibility())
      .map((dt) => `${dt.textContent.trim()} ${dt.nextElementSibling.textContent.trim()}`),
  );
/** A paragraph of the monograph as plain text (spans joined). */
const plain = (paragraph) => paragraph.map((span) => span.text).join('');
const squash = (text) => text.replace(/\s+/g, ' ').trim();

// ------------------------------------------------------------------ tests

describe('catalog page', { timeout: TEST_TIMEOUT * 12 }, () => {
  it('lists every medicine and filters as you type by generic or brand name, ignoring case and accents', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await openPage(t);
    const { page } = site;
    await site.waitForCatalog();
    assert.equal(await page.title(), EN.siteTitle);
    await expectResults(site, EN.many(4), ALL_IDS);
    // Each result is a link to its medicine's page, named by the title first.
    for (const id of ALL_IDS) assert.equal(await resultLink(site, id).getAttribute('href'), monographPath(id));
    assert.equal(await page.locator('.page-no-results').count(), 0, 'no "no results" text while there are results');

    const box = search(site);
    // As you type, key by key: "pla" matches Placebon (Testovir) and Placébra
    // (Samplinib); "placebo" only Placebon.
    await box.pressSequentially('pla');
    await expectResults(site, EN.many(2), ['samplinib', 'testovir']);
    await box.pressSequentially('cebo');
    await expectResults(site, EN.one, ['testovir']);

    // Brand names, whatever the case and accents of the query and of the name.
    for (const query of ['DEMOQUIL', 'démoquil', 'Démoquil', 'DÉMOQUIL', 'demoq']) {
      await box.fill(query);
      await expectResults(site, EN.one, ['examplomab']);
    }
    for (const query of ['nandumax', 'ÑANDÚ', 'placebra']) {
      await box.fill(query);
      await expectResults(site, EN.one, ['samplinib']);
    }
    await box.fill('PLACÉB');
    await expectResults(site, EN.many(2), ['samplinib', 'testovir']);
    // The generic name, which for Mockazole is not in its title.
    await box.fill('NITRATE');
    await expectResults(site, EN.one, ['mockazole']);
    await box.fill('testovír');
    await expectResults(site, EN.one, ['testovir']);
    // The title.
    await box.fill('fictional TEST drug');
    await expectResults(site, EN.many(4), ALL_IDS);

    // No match: the count says 0 and the no-results text appears.
    await box.fill('zzqx');
    await expectResults(site, EN.many(0), []);
    const none = page.locator('.page-no-results');
    await none.waitFor({ state: 'visible' });
    assert.equal(squash(await none.textContent()), EN.noResults);

    // Clearing the box lists everything again.
    await box.fill('');
    await expectResults(site, EN.many(4), ALL_IDS);
    await none.waitFor({ state: 'detached' });

    // The box is labelled, described by the count, and controls the results.
    assert.equal(await box.getAttribute('aria-describedby'), 'page-search-count');
    // The count is said when the box is reached, and by the catalog's polite
    // region once typing pauses (catalog-large.test.mjs), not at every key.
    assert.equal(await site.resultCount.getAttribute('role'), null);
    assert.equal(await site.announcedCount.getAttribute('aria-live'), 'polite');
    assert.equal(await box.getAttribute('aria-controls'), 'page-results');
    assertNoErrors(site.errors);
  });

  it('ignores accents typed as combining marks (decomposed, NFD) too', { timeout: TEST_TIMEOUT }, async (t) => {
    // "é" can arrive as one character (U+00E9, NFC) or as "e" plus a combining
    // acute accent (U+0065 U+0301, NFD), e.g. pasted from macOS or some input
    // methods. Both must find Démoquil, as "démoquil" does.
    const site = await openPage(t);
    await site.waitForCatalog();
    const outcomes = {};
    for (const query of ['de\u0301moquil', 'DE\u0301MOQUIL', 'N\u0303andu\u0301max']) {
      await search(site).fill(query);
      await waitUntil(site.page, (q) => document.querySelector('#page-search')?.value === q, query, 'query typed');
      await settle(site.page);
      outcomes[query.normalize('NFC')] = squash(await site.resultCount.textContent());
    }
    assert.deepEqual(
      outcomes,
      { démoquil: EN.one, DÉMOQUIL: EN.one, Ñandúmax: EN.one },
      'decomposed accents (NFD) in the query are ignored like precomposed ones',
    );
    assertNoErrors(site.errors);
  });

  it('reaches the results from the search box by keyboard, and Enter opens the only result', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await openPage(t);
    const { page } = site;
    await site.waitForCatalog();
    const box = search(site);

    // The skip link comes first and moves the focus to the main content, leaving the address alone.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the main content', exact: true });
    assert.ok(await skip.evaluate((a) => a === document.activeElement), 'the skip link is the first stop');
    await page.keyboard.press('Enter');
    await waitUntil(page, () => document.activeElement?.id === 'page-main', undefined, 'focus on the main content');
    assert.equal(site.hash(), '', 'the skip link does not change the address');
    await site.waitForCatalog();

    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.matches('a.page-result') ? el.getAttribute('href') : `${el?.tagName.toLowerCase()}${el?.id ? `#${el.id}` : ''}`;
      });

    // Tab from the box goes to the first result.
    await box.focus();
    await page.keyboard.press('Tab');
    assert.equal(await focused(), monographPath('examplomab'), 'Tab from the search box reaches the first result');

    // ArrowDown from the box focuses the first (filtered) result.
    await box.focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), monographPath('examplomab'), 'ArrowDown focuses the first result');
    await box.focus();
    await page.keyboard.type('pla');
    await expectResults(site, EN.many(2), ['samplinib', 'testovir']);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), monographPath('samplinib'), 'ArrowDown focuses the first of the filtered results');

    // Enter with two results does nothing: the patient has to choose.
    await box.focus();
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'input#page-search', 'focus stays in the box');
    assert.equal(site.pathname(), 'index.html', 'Enter with two results opens nothing');
    await site.waitForCatalog();

    // Enter with exactly one result opens it.
    await box.fill('');
    await page.keyboard.type('DEMOQUIL');
    await expectResults(site, EN.one, ['examplomab']);
    await page.keyboard.press('Enter');
    await waitForMonograph(site, 'examplomab');
    assert.equal(site.pathname(), monographPath('examplomab'));
    assertNoErrors(site.errors);
  });

  it('gives every medicine its own page and every tab its fragment: reload, Back, Forward and shared links', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await openPage(t);
    const { page, context } = site;
    await site.waitForCatalog();

    // Open a medicine from the catalog: its own page.
    await resultLink(site, 'examplomab').click();
    await waitForMonograph(site, 'examplomab');
    assert.equal(site.pathname(), monographPath('examplomab'));
    assert.equal(site.hash(), '');
    await site.expectSelected('usage');
    assert.equal(await page.title(), `${TITLE.examplomab} – ${EN.siteTitle}`);

    // A tab replaces the fragment, without a history entry.
    const historyBefore = await page.evaluate(() => history.length);
    await site.openTab('side-effects');
    await waitUntil(page, () => location.hash === '#side-effects', undefined, 'the fragment names the tab');
    assert.equal(await page.evaluate(() => history.length), historyBefore, 'no history entry per tab');

    // Reload: the same medicine and tab.
    await page.reload();
    await waitForMonograph(site, 'examplomab');
    await site.expectSelected('side-effects');
    assert.equal(site.hash(), '#side-effects');

    // Back: the catalog (tabs are not history entries).
    await page.goBack();
    await site.waitForCatalog();
    assert.equal(await site.title.count(), 0, 'no monograph on the catalog');
    assert.equal(site.pathname(), 'index.html', `catalog address, not ${page.url()}`);
    await expectResults(site, EN.many(4), ALL_IDS);

    // Forward: the medicine, with the tab.
    await page.goForward();
    await waitForMonograph(site, 'examplomab');
    await site.expectSelected('side-effects');
    assert.equal(site.hash(), '#side-effects');

    // The back link: the catalog at the site's root.
    const back = page.locator('.page-back').getByRole('link', { name: EN.allMedicines, exact: true });
    assert.equal(await back.getAttribute('href'), '../../');
    await back.click();
    await site.waitForCatalog();
    assert.equal(page.url(), env.baseUrl, 'the site\'s root');
    await expectResults(site, EN.many(4), ALL_IDS);

    // A shared link, opened by someone else: medicine and tab restored.
    const shared = await openMonograph(t, 'testovir', { tab: 'faqs' });
    await waitForMonograph(shared, 'testovir');
    await shared.expectSelected('faqs');
    assert.equal(shared.hash(), '#faqs');
    // … and in a new page of the same browser.
    const again = await openMonograph(t, 'mockazole', { context, tab: 'precautions' });
    await waitForMonograph(again, 'mockazole');
    await again.expectSelected('precautions');

    // A tab the medicine does not have opens its first tab.
    const missingTab = await openMonograph(t, 'mockazole', { context, tab: 'dosage' });
    await waitForMonograph(missingTab, 'mockazole');
    await missingTab.expectSelected('usage');
    assert.equal(await missingTab.tab('dosage').count(), 0, 'Mockazole has no Dosage tab');

    // A link shared before medicines had their own pages leads to the page, on its tab.
    const old = await openPage(t, { context, hash: '#/testovir/faqs' });
    await waitUntil(old.page, () => location.pathname.endsWith('/medicines/testovir/'), undefined, 'moved to the page');
    await waitForMonograph(old, 'testovir');
    await old.expectSelected('faqs');
    assert.equal(old.hash(), '#faqs');

    assertNoErrors([...site.errors, ...shared.errors, ...again.errors, ...missingTab.errors, ...old.errors]);
  });

  it('shows the catalog for an old address of a medicine it does not list', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await openPage(t, { hash: '#/no-such-medicine' });
    await site.waitForCatalog();
    await expectResults(site, EN.many(4), ALL_IDS);
    assert.equal(site.pathname(), 'index.html', 'still the catalog');
    assert.equal(await site.title.count(), 0, 'no monograph');
    assertNoErrors(site.errors);
  });

  it('keeps the pre-rendered catalog, as a document, when the catalog file cannot be fetched', { timeout: TEST_TIMEOUT }, async (t) => {
    const context = await newContext(t);
    await context.route('**/content/index.json', (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'Unavailable' }));
    const site = await openPage(t, { context });
    const { page } = site;
    await waitUntil(page, () => document.documentElement.classList.contains('dm-document'), undefined, '<html> marked dm-document');
    // Every medicine is still listed and linked; what needs the app is hidden.
    const hrefs = await site.results.evaluateAll((links) => links.filter((a) => a.checkVisibility()).map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, ALL_IDS.map((id) => monographPath(id)), 'every medicine listed');
    for (const selector of ['.page-search', '.page-toolbar']) {
      assert.ok(await page.locator(selector).isHidden(), `${selector} is hidden: it needs the app`);
    }
    assert.equal(await page.locator('.dm-error').count(), 0, 'no error message: the list is all there');
    await resultLink(site, 'testovir').click();
    await waitForMonograph(site, 'testovir');
    assertNoErrors(site.errors, { allow: (e) => /Failed to load resource/.test(e.text) && /\b503\b/.test(e.text) });
  });

  it('remembers the text size: reload, new page', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await openPage(t);
    const { page, context } = site;
    await site.waitForCatalog();
    const normal = await site.rootFontSize();
    assert.equal(normal, 16, 'Chromium default root size');
    const radio = (p, size) => p.getByRole('group', { name: EN.textSize }).getByRole('radio', { name: `${size}%`, exact: true });
    assert.ok(await radio(page, 100).isChecked(), '100% checked at first');
    const heading = page.getByRole('heading', { level: 1 });
    const headingSize = () => heading.evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    const normalHeading = await headingSize();

    await radio(page, 150).check();
    await waitUntil(page, (px) => parseFloat(getComputedStyle(document.documentElement).fontSize) === px, normal * 1.5, 'root font size 150%');
    assert.ok(await radio(page, 150).isChecked());
    assert.ok(!(await radio(page, 100).isChecked()));
    // The page's text grows with it.
    assert.equal(await headingSize(), normalHeading * 1.5, 'the heading is 150% too');

    await page.reload();
    await site.waitForCatalog();
    assert.equal(await site.rootFontSize(), normal * 1.5, 'still 150% after reload');
    assert.ok(await radio(page, 150).isChecked(), '150% still checked after reload');

    // A new page of the same browser, on a monograph.
    const other = await openMonograph(t, 'examplomab', { context });
    await waitForMonograph(other, 'examplomab');
    assert.equal(await other.rootFontSize(), normal * 1.5, '150% in a new page');
    assert.ok(await radio(other.page, 150).isChecked(), '150% checked in a new page');

    // Another size, and back.
    await radio(other.page, 200).check();
    await waitUntil(other.page, (px) => parseFloat(getComputedStyle(document.documentElement).fontSize) === px, normal * 2, 'root font size 200%');
    await radio(other.page, 100).check();
    await waitUntil(other.page, (px) => parseFloat(getComputedStyle(document.documentElement).fontSize) === px, normal, 'root font size 100%');

    // Another browser profile starts at the normal size.
    const fresh = await openPage(t);
    await fresh.waitForCatalog();
    assert.equal(await fresh.rootFontSize(), normal);
    assert.ok(await radio(fresh.page, 100).isChecked());
    assertNoErrors([...site.errors, ...other.errors, ...fresh.errors]);
  });

  it('speaks Spanish to a Spanish browser, switches both ways, remembers, and never translates clinical text', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await openPage(t, { contextOptions: { locale: 'es-ES' } });
    const { page } = site;
    const lang = (p) => p.evaluate(() => document.documentElement.lang);
    const languageButton = (p, name, groupName) =>
      p.getByRole('group', { name: groupName }).getByRole('button', { name, exact: true });

    // The catalog in Spanish.
    await site.waitForCatalog(ES.allMedicines);
    assert.equal(await lang(page), 'es');
    assert.equal(await page.title(), ES.siteTitle);
    await search(site, ES.search).waitFor();
    await expectResults(site, ES.many(4), ALL_IDS);
    assert.equal(await languageButton(page, 'Español', ES.language).getAttribute('aria-pressed'), 'true');
    assert.equal(await languageButton(page, 'English', ES.language).getAttribute('aria-pressed'), 'false');
    // Each language is named in itself, and marked as such.
    assert.equal(await languageButton(page, 'English', ES.language).getAttribute('lang'), 'en');
    // The medicines' names keep their own language.
    assert.equal(await resultLink(site, 'examplomab').getAttribute('lang'), 'en');

    // A monograph: Spanish labels, English clinical text.
    await resultLink(site, 'examplomab').click();
    await waitForMonograph(site, 'examplomab');
    const tabNames = await page.getByRole('tab').allTextContents();
    assert.deepEqual(tabNames.map((s) => s.trim()), ES.tabs, 'Spanish tab names');
    assert.equal(await page.locator('article.dm').getAttribute('lang'), 'es', 'the widget labels are Spanish');
    const { panel } = await site.expectSelected('usage');
    const body = panel.locator('.dm-panel-body');
    assert.equal(await body.getAttribute('lang'), 'en', 'the clinical text is marked English');
    const usage = MONOGRAPHS.examplomab.usage;
    assert.equal(squash(await body.locator('p').first().textContent()), plain(usage.intro), 'clinical text as written');
    const items = (await body.locator('li').allTextContents()).map(squash);
    assert.deepEqual(items, usage.conditions.map((c) => `${c.term}: ${plain(c.text)}`), 'list items as written');
    assert.equal((await page.locator('h1.dm-title [lang]').getAttribute('lang')), 'en', 'the title is marked English');
    const disclaimer = page.locator('.dm-disclaimer');
    assert.equal((await disclaimer.locator('strong').first().textContent()).trim(), ES.disclaimer);
    assert.equal(squash(await disclaimer.locator('span[lang="en"]').textContent()), plain(MONOGRAPHS.examplomab.disclaimer));
    assert.ok((await page.locator('.dm-about').textContent()).includes(ES.about), 'the about box is Spanish');
    await page.getByRole('tab', { name: 'Dosis', exact: true }).click();
    const dosage = (await site.expectSelected('dosage')).panel;
    assert.equal(squash(await dosage.locator('.dm-panel-body p').first().textContent()), plain(MONOGRAPHS.examplomab.dosage.intro));

    // Switch to English: everything but the clinical text changes.
    await languageButton(page, 'English', ES.language).click();
    await page.getByRole('tab', { name: 'Dosage', exact: true, selected: true }).waitFor();
    assert.equal(await lang(page), 'en');
    assert.equal(await page.locator('article.dm').getAttribute('lang'), 'en');
    assert.equal(await languageButton(page, 'English', EN.language).getAttribute('aria-pressed'), 'true');
    assert.equal(await languageButton(page, 'Español', EN.language).getAttribute('aria-pressed'), 'false');
    assert.equal(squash(await dosage.locator('.dm-panel-body p').first().textContent()), plain(MONOGRAPHS.examplomab.dosage.intro));
    assert.equal(await page.title(), `${TITLE.examplomab} – ${EN.siteTitle}`);

    // The choice outlives a reload, although the browser says Spanish.
    await page.reload();
    await waitForMonograph(site, 'examplomab');
    await page.getByRole('tab', { name: 'Dosage', exact: true, selected: true }).waitFor();
    assert.equal(await lang(page), 'en');

    // And back to Spanish, which is remembered too.
    await languageButton(page, 'Español', EN.language).click();
    await page.getByRole('tab', { name: 'Dosis', exact: true, selected: true }).waitFor();
    assert.equal(await lang(page), 'es');
    await page.reload();
    await page.getByRole('tab', { name: 'Dosis', exact: true, selected: true }).waitFor();
    assert.equal(await lang(page), 'es');
    await page.locator('.page-back').getByRole('link', { name: ES.allMedicines, exact: true }).click();
    await site.waitForCatalog(ES.allMedicines);

    // An English browser can choose Spanish too, and keeps it.
    const english = await openPage(t);
    await english.waitForCatalog();
    assert.equal(await lang(english.page), 'en');
    await languageButton(english.page, 'Español', EN.language).click();
    await english.waitForCatalog(ES.allMedicines);
    await english.page.reload();
    await english.waitForCatalog(ES.allMedicines);
    assert.equal(await lang(english.page), 'es');
    assertNoErrors([...site.errors, ...english.errors]);
  });

  it('prints every section, the disclaimer, the review facts and the page address, without the page controls', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await openMonograph(t, 'examplomab');
    const { page } = site;
    await waitForMonograph(site, 'examplomab');
    await site.openTab('precautions');
    await waitUntil(page, () => location.hash === '#precautions', undefined, 'the fragment names the tab');
    // The Print button is there on screen.
    await page.getByRole('button', { name: 'Print', exact: true }).waitFor();

    await page.emulateMedia({ media: 'print' });
    const panels = page.locator('.dm-panel');
    assert.equal(await panels.count(), TAB_IDS.length);
    const headings = page.locator('.dm-panel-heading');
    for (let i = 0; i < TAB_IDS.length; i++) {
      assert.ok(await panels.nth(i).isVisible(), `print: panel ${TAB_IDS[i]} is visible`);
      const heading = headings.nth(i);
      assert.equal((await heading.textContent()).trim(), EN.tabs[i]);
      const box = await heading.boundingBox();
      assert.ok(box && box.width > 1 && box.height > 1, `print: heading "${EN.tabs[i]}" is laid out (${JSON.stringify(box)})`);
    }
    assert.ok(await page.locator('.dm-disclaimer').isVisible(), 'print: the disclaimer');
    const about = page.locator('.dm-about');
    assert.ok(await about.isVisible(), 'print: "About this information"');
    assert.ok(await about.getByText(EN.about, { exact: true }).isVisible(), 'print: the about heading');
    const m = MONOGRAPHS.examplomab;
    assert.deepEqual(
      await aboutFacts(page),
      [`Source: ${m.source}`, `Last reviewed: ${m.last_reviewed}`, `Next review: ${m.next_review}`],
      'print: source and review dates',
    );
    const address = page.locator('.page-print-address');
    assert.ok(await address.isVisible(), 'print: the page address');
    assert.equal(squash(await address.textContent()), `${EN.pageAddress} ${page.url()}`);
    assert.ok(page.url().endsWith(monographPath('examplomab', 'precautions')), page.url());
    for (const selector of ['.page-header', '.page-toolbar', '.page-back', '.dm-tablist', '.skip-link']) {
      assert.ok(await page.locator(selector).isHidden(), `print: ${selector} is hidden`);
    }
    assert.equal(await page.locator('.page-catalog').count(), 0, 'print: no catalog');

    // A monograph without source or review dates says so on paper too.
    await page.emulateMedia({ media: 'screen' });
    await site.backLink.click();
    await site.waitForCatalog();
    await resultLink(site, 'testovir').click();
    await waitForMonograph(site, 'testovir');
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(
      await aboutFacts(page),
      [`Source: ${EN.notRecorded}`, `Last reviewed: ${EN.notRecorded}`, `Next review: ${EN.notRecorded}`],
      'print: missing facts are said to be missing',
    );
    assert.equal(squash(await page.locator('.page-print-address').textContent()), `${EN.pageAddress} ${page.url()}`);

    // The catalog prints as a list, without the search controls.
    await page.emulateMedia({ media: 'screen' });
    await site.backLink.click();
    await site.waitForCatalog();
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.page-search').isHidden(), 'print: no search box');
    assert.ok(await page.locator('.page-toolbar').isHidden(), 'print: no toolbar on the catalog');
    assert.ok(await resultLink(site, 'examplomab').isVisible(), 'print: the list of medicines');
    assertNoErrors(site.errors);
  });

  it('has no axe-core WCAG 2.2 AA violations: catalog (all, filtered, no match), monograph tabs, Spanish', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const audit = axeAudit();

    const site = await openPage(t);
    const { page } = site;
    await site.waitForCatalog();
    await expectResults(site, EN.many(4), ALL_IDS);
    await audit.check(page, 'catalog, empty search');
    await search(site).fill('placeb');
    await expectResults(site, EN.many(2), ['samplinib', 'testovir']);
    await audit.check(page, 'catalog, filtered');
    await search(site).fill('zzqx');
    await expectResults(site, EN.many(0), []);
    await audit.check(page, 'catalog, no match');

    await page.goto(`${env.baseUrl}${monographPath('examplomab')}`);
    await waitForMonograph(site, 'examplomab');
    for (const id of TAB_IDS) {
      await site.openTab(id);
      await audit.check(page, `monograph, tab ${id}`);
    }

    const spanish = await openPage(t, { contextOptions: { locale: 'es-ES' } });
    await spanish.waitForCatalog(ES.allMedicines);
    await audit.check(spanish.page, 'Spanish catalog');
    await search(spanish, ES.search).fill('démoquil');
    await audit.check(spanish.page, 'Spanish catalog, filtered');
    await spanish.page.goto(`${env.baseUrl}${monographPath('examplomab', 'side-effects')}`);
    await waitForMonograph(spanish, 'examplomab');
    await spanish.expectSelected('side-effects');
    await audit.check(spanish.page, 'Spanish monograph');

    audit.assertNoViolations();
    assertNoErrors([...site.errors, ...spanish.errors]);
  });
});
