// End-to-end tests of a catalog of 10,000 medicines (tests/e2e/made-up-catalog.mjs:
// made-up names, every title says "(fictional test drug)") in headless
// Chromium: the page lists the first 24 results with their count and a "Show
// more" button, searches ignore case and accents, and the number found is
// announced once typing pauses.
//
//   node --test tests/e2e/catalog-large.test.mjs
//
// Needs a built dist/ (scripts/build), `npm ci` and Chromium (see support.mjs).
// dist/ is served as built; the browser is given the generated catalog instead
// of content/index.json. The catalog page was pre-rendered from the real
// catalog, so it renders the new one afresh, as a page whose catalog changed
// since it was built; the kiosk renders it in the browser.
//
// The last test pre-renders a site (`cargo monograph site`) of 120 made-up
// medicines, every one of them with the text of the Testovir fixture
// (tests/fixtures/catalog/testovir.json): more than the first results, fewer
// than would make pre-rendering slow.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, makeFixtureSite } from './fixture-site.mjs';
import { KioskPage } from './pages/kiosk.mjs';
import { StandalonePage } from './pages/standalone.mjs';
import { ACCENTED, idsMatching, madeUpCatalog } from './made-up-catalog.mjs';
import { assertNoErrors, openPage, serveFolder, TEST_TIMEOUT, useBrowserAndServer, waitUntil } from './support.mjs';

const CATALOG = madeUpCatalog(10_000);
const BODY = JSON.stringify(CATALOG);
const ALL_IDS = CATALOG.monographs.map((entry) => entry.id);
/** The ids of the two entries named Esomockine. */
const BOTH = [ACCENTED.esomockine.id, ACCENTED.esomockineRetard.id];
/** How many results are listed at first, and added by each "Show more" (src/page/catalog.rs). */
const PER_PAGE = 24;
/** How long typing pauses before the count is announced, plus the live region's own delay (src/page/catalog.rs, components/announcer.rs). */
const ANNOUNCE_MS = 750 + 150;

/** How long the page may take to show a large catalog. */
const LOAD_TIMEOUT = 60_000;

const EN = {
  one: '1 medicine found',
  many: (n) => `${n} medicines found`,
  shown: (n, shown) => `${n} medicines found, the first ${shown} shown`,
  showMore: 'Show more medicines',
  search: 'Search by medicine or brand name',
};
const ES = {
  shown: (n, shown) => `${n} medicamentos encontrados; se muestran los primeros ${shown}`,
  showMore: 'Mostrar más medicamentos',
};

const env = useBrowserAndServer({ requires: 'index.html' });

/** Answers the page's requests for the catalog with the 10,000 made-up medicines. */
const serveLargeCatalog = (page) =>
  page.route('**/content/index.json', (route) => route.fulfill({ contentType: 'application/json', body: BODY }));

/** Opens the catalog page (index.html) with the large catalog, in English, and waits for its count `text`. */
async function openCatalog(t, { locale = 'en-US', text = EN.shown(10_000, PER_PAGE) } = {}) {
  const site = await StandalonePage.open(env, t, { contextOptions: { locale }, beforeGoto: serveLargeCatalog });
  // Two megabytes of catalog to fetch and read: longer than other waits on a busy machine.
  await site.resultCount.filter({ hasText: text }).waitFor({ timeout: LOAD_TIMEOUT });
  await waitForResults(site, text, ALL_IDS.slice(0, PER_PAGE));
  return site;
}

const searchBox = (site, name = EN.search) => site.page.getByRole('searchbox', { name, exact: true });

/** The id of the medicine a result links to: medicines/<id>/ on the catalog page, #/<id> on the kiosk. */
const idOf = (href) => href.match(/^(?:medicines\/|#\/)([^/]+)/)?.[1] ?? href;

/** Waits until the count says `text` and the result links are those of `ids` (to their pages), in order. */
async function waitForResults(site, text, ids) {
  const hrefs = await site.resultAddresses(text, ids.length);
  assert.deepEqual(hrefs.map(idOf), ids, `results for "${text}"`);
}

/** The id of the medicine whose result link has the focus, or what has the focus. */
const focusedResult = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const href = el?.matches('a.page-result') && el.getAttribute('href');
    return href || `${el?.tagName.toLowerCase()}.${el?.className}`;
  }).then((focused) => (focused.includes('.') ? focused : idOf(focused)));

describe('a catalog of 10,000 medicines', { timeout: TEST_TIMEOUT * 6 }, () => {
  it('lists the first 24 with the count, and "Show more", by keyboard, lists 24 more and moves focus to the first of them', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await openCatalog(t);
    const { page } = site;
    const showMore = page.getByRole('button', { name: EN.showMore, exact: true });
    assert.equal(await showMore.count(), 1);

    // From the last result, Tab reaches the button; Enter and Space press it.
    await site.results.last().focus();
    await page.keyboard.press('Tab');
    assert.equal(await focusedResult(page), 'button.page-button page-show-more');
    await page.keyboard.press('Enter');
    await waitForResults(site, EN.shown(10_000, 2 * PER_PAGE), ALL_IDS.slice(0, 2 * PER_PAGE));
    assert.equal(await focusedResult(page), ALL_IDS[PER_PAGE], 'the first result added has the focus');

    await showMore.focus();
    await page.keyboard.press('Space');
    await waitForResults(site, EN.shown(10_000, 3 * PER_PAGE), ALL_IDS.slice(0, 3 * PER_PAGE));
    assert.equal(await focusedResult(page), ALL_IDS[2 * PER_PAGE]);

    // A new search lists its own first 24 again.
    const query = 'bace';
    const matching = idsMatching(CATALOG, query);
    assert.ok(matching.length > 2 * PER_PAGE, `"${query}" finds more than two pages`);
    await searchBox(site).fill(query);
    await waitForResults(site, EN.shown(matching.length, PER_PAGE), matching.slice(0, PER_PAGE));
    await showMore.click();
    await waitForResults(site, EN.shown(matching.length, 2 * PER_PAGE), matching.slice(0, 2 * PER_PAGE));
    await searchBox(site).fill('');
    await waitForResults(site, EN.shown(10_000, PER_PAGE), ALL_IDS.slice(0, PER_PAGE));
    assertNoErrors(site.errors);
  });

  it('finds names whatever their case and accents, listing at most 24 on every keystroke and backspace', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await openCatalog(t);
    const { page } = site;
    const box = searchBox(site);
    for (const query of ['esomockine', 'ESOMOCKINE', 'Ésomockine', 'ésomóckïne', 'E\u0301SOMOCKINE']) {
      await box.fill(query);
      await waitForResults(site, EN.many(2), BOTH);
    }
    // A brand name, accented in the catalog; a generic name, accented in the
    // catalog but not in the title.
    for (const query of ['nanduzol', 'ÑANDÚZOL', 'Ñandúzol']) {
      await box.fill(query);
      await waitForResults(site, EN.one, [ACCENTED.esomockine.id]);
    }
    await box.fill('RETARD');
    await waitForResults(site, EN.one, [ACCENTED.esomockineRetard.id]);

    // Key by key and back: the list never holds more than a page.
    await box.fill('');
    await waitForResults(site, EN.shown(10_000, PER_PAGE), ALL_IDS.slice(0, PER_PAGE));
    const counts = [];
    const listed = () => page.locator('#page-results > li').count();
    const typed = CATALOG.monographs[4321].generic_name;
    for (const key of typed) {
      await box.press(key);
      counts.push(await listed());
    }
    const found = idsMatching(CATALOG, typed);
    assert.ok(found.length >= 1 && found.length <= PER_PAGE, `"${typed}" finds a few`);
    await waitForResults(site, found.length === 1 ? EN.one : EN.many(found.length), found);
    for (let i = 0; i < typed.length; i += 1) {
      await box.press('Backspace');
      counts.push(await listed());
    }
    await waitForResults(site, EN.shown(10_000, PER_PAGE), ALL_IDS.slice(0, PER_PAGE));
    assert.ok(counts.every((count) => count <= PER_PAGE), `listed after each key: ${counts.join(', ')}`);
    assertNoErrors(site.errors);
  });

  it('speaks Spanish: the count and "Show more"', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await openCatalog(t, { locale: 'es-ES', text: ES.shown(10_000, PER_PAGE) });
    await site.page.getByRole('button', { name: ES.showMore, exact: true }).click();
    await waitForResults(site, ES.shown(10_000, 2 * PER_PAGE), ALL_IDS.slice(0, 2 * PER_PAGE));
    assertNoErrors(site.errors);
  });

  it('announces the number found politely once typing pauses, not on every keystroke', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await KioskPage.open(env, t, {
      hash: '#/',
      clock: true,
      beforeGoto: async (page) => {
        await serveLargeCatalog(page);
        await page.addInitScript(() => {
          // Every text the catalog's live region takes, in order.
          window.__counts = [];
          new MutationObserver(() => {
            const region = document.querySelector('.page-catalog .dm-announce');
            if (region && region.textContent !== window.__counts.at(-1)) window.__counts.push(region.textContent);
          }).observe(document, { subtree: true, childList: true, characterData: true });
        });
      },
    });
    const { page } = kiosk;
    await kiosk.resultCount.filter({ hasText: EN.shown(10_000, PER_PAGE) }).waitFor({ timeout: LOAD_TIMEOUT });
    await waitForResults(kiosk, EN.shown(10_000, PER_PAGE), ALL_IDS.slice(0, PER_PAGE));
    const region = page.locator('.page-catalog .dm-announce');
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('#page-search-count').getAttribute('aria-live'), null, 'the visible count is not a live region');

    // Typing at a steady pace, each key well within the pause: the count
    // changes on screen at every key, and nothing is said.
    const box = searchBox(kiosk);
    for (const [key, ids] of [['e', null], ['s', null], ['o', BOTH], ['m', BOTH]]) {
      await box.press(key);
      if (ids) await waitForResults(kiosk, EN.many(2), ids);
      await page.clock.runFor(ANNOUNCE_MS / 3);
    }
    assert.deepEqual(await page.evaluate(() => window.__counts), [''], 'nothing said while typing');
    // The pause: said once.
    await page.clock.runFor(ANNOUNCE_MS);
    await page.clock.runFor(ANNOUNCE_MS);
    await waitUntil(page, (text) => window.__counts.at(-1) === text, EN.many(2), 'the count announced');
    // Backspace to an empty box, then a pause: the whole catalog's count.
    for (let i = 0; i < 4; i += 1) {
      await box.press('Backspace');
      await page.clock.runFor(ANNOUNCE_MS / 3);
    }
    await page.clock.runFor(ANNOUNCE_MS);
    await page.clock.runFor(ANNOUNCE_MS);
    await waitUntil(page, (text) => window.__counts.at(-1) === text, EN.shown(10_000, PER_PAGE), 'the new count announced');
    assert.deepEqual(await page.evaluate(() => window.__counts), ['', EN.many(2), EN.shown(10_000, PER_PAGE)]);
    assertNoErrors(kiosk.errors);
  });
});

describe('a pre-rendered catalog of 120 medicines', { timeout: TEST_TIMEOUT * 2 }, () => {
  let tmpRoot;
  after(() => {
    if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  });

  /** Pre-renders the site of `catalog`, all of whose entries share the Testovir fixture's text, and serves it. */
  async function serveSiteOf(catalog) {
    tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'drug-monograph-large-'));
    const content = path.join(tmpRoot, 'content');
    fs.mkdirSync(content);
    fs.copyFileSync(path.join(FIXTURES, 'testovir.json'), path.join(content, 'testovir.json'));
    const shared = { ...catalog, monographs: catalog.monographs.map((entry) => ({ ...entry, file: 'testovir.json' })) };
    fs.writeFileSync(path.join(content, 'index.json'), JSON.stringify(shared, null, 2));
    const { site } = makeFixtureSite('drug-monograph-large-site-', { content });
    const server = await serveFolder(site);
    after(() => server.close());
    return server;
  }

  it('lists every medicine without scripts and once hydrated, and a search lists its first 24', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const catalog = madeUpCatalog(120);
    const ids = catalog.monographs.map((entry) => entry.id);
    const server = await serveSiteOf(catalog);
    const url = `${server.url}index.html`;

    const noScript = await env.newContext(t, { javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(url);
    const links = await plain.locator('#page-results a.page-result').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links.map(idOf), ids, 'without scripts, every medicine is a link');
    assert.equal(await plain.locator('.page-show-more').count(), 0, 'and no button that needs scripts');

    const context = await env.newContext(t, { locale: 'en-US' });
    const { page, errors } = await openPage(context, url);
    const site = new StandalonePage(page, context, errors);
    await page.waitForFunction(() => document.documentElement.style.fontSize !== '', undefined, { timeout: LOAD_TIMEOUT });
    await waitForResults(site, EN.many(120), ids);
    assert.equal(await site.page.locator('.page-show-more').count(), 0);

    const box = searchBox(site);
    await box.fill('fictional');
    await waitForResults(site, EN.shown(120, PER_PAGE), ids.slice(0, PER_PAGE));
    await site.page.getByRole('button', { name: EN.showMore, exact: true }).click();
    await waitForResults(site, EN.shown(120, 2 * PER_PAGE), ids.slice(0, 2 * PER_PAGE));
    await box.fill('');
    await waitForResults(site, EN.shown(120, PER_PAGE), ids.slice(0, PER_PAGE));
    assertNoErrors(site.errors);
  });
});
