// End-to-end tests of the standalone site (dist/) with the real Lenalidomide
// monograph, in headless Chromium.
//
//   node --test tests/e2e/
//
// Needs a built dist/ (scripts/build), `npm ci` (playwright-core, axe-core) and a
// Chromium binary: $CHROMIUM or /usr/bin/chromium. DIST=<folder> serves another folder.
// The DOM checked here is the widget contract (class names dm-*, tab ids
// <prefix>-tab-<id>, panels found through aria-controls).
//
// index.html is the catalog ("All medicines", from content/index.json); the
// monograph has its own pre-rendered page, medicines/lenalidomide/, each tab
// named by the fragment: medicines/lenalidomide/#dosage. The kiosk (kiosk.html)
// is still a single-page app that loads the monograph at #/lenalidomide: its
// error and retry are checked here too. The catalog with several (made-up)
// medicines, search, text size, languages and print are in catalog.test.mjs;
// the kiosk in kiosk.test.mjs; what pre-rendering itself promises (no
// scripts, hydration, metadata, old addresses) in prerender.test.mjs.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TAB_IDS } from './pages/monograph.mjs';
import { monographPath, StandalonePage } from './pages/standalone.mjs';
import { assertNoErrors, axeAudit, TEST_TIMEOUT, useBrowserAndServer, waitUntil } from './support.mjs';

const CONTENT_GLOB = '**/content/lenalidomide.json';
const CATALOG_GLOB = '**/content/index.json';
const ERROR_TITLE = 'We could not show this medicine information';
const MONOGRAPH_PATH = monographPath('lenalidomide');

const env = useBrowserAndServer({ requires: MONOGRAPH_PATH + 'index.html' });

// ---------------------------------------------------------------- helpers

/** Opens the page of the Lenalidomide monograph, on `tab` when given. See StandalonePage.openMonograph. */
const openPage = (t, { tab, ...options } = {}) => StandalonePage.openMonograph(env, t, 'lenalidomide', { tab, ...options });

/**
 * Opens the kiosk, the single-page app that still loads a monograph in the
 * browser, at `hash`. Its offline service worker is blocked, so that
 * Playwright's routing sees every request (offline.test.mjs tests the worker).
 */
const openKiosk = (t, hash, options = {}) =>
  StandalonePage.open(env, t, { path: 'kiosk.html', hash, contextOptions: { serviceWorkers: 'block' }, ...options });

/** For page.route: answers with a 404. */
const notFound = (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });

/**
 * For assertNoErrors: the browser's own "Failed to load resource ... 404" line
 * for the monograph JSON (in the tests that answer that request with a 404).
 */
const missingContent404 = (e) =>
  /Failed to load resource/i.test(e.text) &&
  /\b404\b/.test(e.text) &&
  (e.url === '' || e.url.endsWith('/content/lenalidomide.json'));

/** Waits until tab `id` has the focus and is selected, its panel the one shown. */
async function expectFocusedSelectedTab(standalone, id) {
  await waitUntil(
    standalone.page,
    (id) => {
      const el = document.activeElement;
      return (
        !!el &&
        el.getAttribute('role') === 'tab' &&
        el.id.endsWith(`-tab-${id}`) &&
        el.getAttribute('aria-selected') === 'true'
      );
    },
    id,
    `tab "${id}" focused and selected`,
  );
  await standalone.expectSelected(id);
}

/** Horizontal overflow of the document, with the elements that stick out on the right. */
async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth;
    const offenders = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > limit + 0.5) {
        offenders.push(
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} right=${Math.round(r.right)}`,
        );
        if (offenders.length >= 8) break;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: limit, offenders };
  });
}

// ------------------------------------------------------------------ tests

describe('standalone drug monograph page', { timeout: TEST_TIMEOUT * 12 }, () => {
  it('opens on the catalog, which links to the monograph\'s page', { timeout: TEST_TIMEOUT }, async (t) => {
    const standalone = await StandalonePage.open(env, t);
    const { page } = standalone;
    await standalone.waitForCatalog();
    assert.equal((await page.locator('#page-search-count').textContent()).trim(), '1 medicine found');
    assert.equal(await standalone.title.count(), 0, 'no monograph on the catalog');
    const link = page.getByRole('link', { name: /^Lenalidomide\b/ });
    assert.equal(await link.getAttribute('href'), MONOGRAPH_PATH);

    await link.click();
    await standalone.waitForTitle('Lenalidomide');
    assert.equal(standalone.pathname(), MONOGRAPH_PATH, 'the address is the monograph\'s page');
    assert.equal(standalone.hash(), '', 'no tab named');
    await standalone.expectSelected('usage');
    assert.equal(await page.title(), 'Lenalidomide – Medicine information');
    assertNoErrors(standalone.errors);
  });

  it('renders the monograph', { timeout: TEST_TIMEOUT }, async (t) => {
    const standalone = await openPage(t);
    await standalone.waitForTitle('Lenalidomide');
    const { panel } = await standalone.expectSelected('usage');
    assert.equal((await standalone.tab('usage').textContent()).trim(), 'Usage');
    await panel.filter({ hasText: 'Multiple Myeloma' }).waitFor({ state: 'visible' });
    await standalone.page.locator('.dm-disclaimer').waitFor({ state: 'visible' });
    assert.equal(await standalone.tabs.count(), TAB_IDS.length, 'six tabs');
    for (const id of TAB_IDS) assert.equal(await standalone.tab(id).count(), 1, `tab ${id} exists`);
    assertNoErrors(standalone.errors);
  });

  it('switches tabs on click, names the tab in the fragment and keeps it on reload', { timeout: TEST_TIMEOUT }, async (t) => {
    const standalone = await openPage(t);
    const { page } = standalone;
    await standalone.waitForTitle('Lenalidomide');
    const usagePanel = await standalone.panelOf(standalone.tab('usage'));
    await usagePanel.waitFor({ state: 'visible' });

    const historyBefore = await page.evaluate(() => history.length);
    const dosage = page.getByRole('tab', { name: 'Dosage', exact: true });
    await dosage.click();
    await page.getByRole('tab', { name: 'Dosage', exact: true, selected: true }).waitFor();
    assert.equal(await dosage.getAttribute('aria-selected'), 'true');
    const dosagePanel = await standalone.panelOf(dosage);
    await dosagePanel.waitFor({ state: 'visible' });
    await usagePanel.waitFor({ state: 'hidden' });
    assert.equal(await standalone.tab('usage').getAttribute('aria-selected'), 'false');
    await waitUntil(page, () => location.hash === '#dosage', undefined, 'location.hash is #dosage');
    assert.equal(standalone.pathname(), MONOGRAPH_PATH, 'still the monograph\'s page');
    // The tab replaces the address rather than adding a history entry.
    assert.equal(await page.evaluate(() => history.length), historyBefore, 'no history entry per tab');

    await page.reload();
    await standalone.waitForTitle('Lenalidomide');
    await standalone.expectSelected('dosage');
    await usagePanel.waitFor({ state: 'hidden' });
    assertNoErrors(standalone.errors);
  });

  it('opens the tab named by a deep link', { timeout: TEST_TIMEOUT }, async (t) => {
    const standalone = await openPage(t, { tab: 'side-effects' });
    await standalone.waitForTitle('Lenalidomide');
    const { tab: selected } = await standalone.expectSelected('side-effects');
    assert.match((await selected.textContent()).trim(), /^Side effects$/i);
    assert.equal(standalone.hash(), '#side-effects', 'the address is kept');
    assertNoErrors(standalone.errors);
  });

  it('keeps the pre-rendered monograph, as a document, when its file cannot be fetched', { timeout: TEST_TIMEOUT }, async (t) => {
    const standalone = await openPage(t, { tab: 'dosage', beforeGoto: (page) => page.route(CONTENT_GLOB, notFound) });
    const { page } = standalone;
    await waitUntil(page, () => document.documentElement.classList.contains('dm-document'), undefined, '<html> marked dm-document');
    assert.equal((await standalone.title.textContent()).trim(), 'Lenalidomide');
    await standalone.expectDocument('file missing');
    await page.locator('.dm-panel').filter({ hasText: 'Multiple Myeloma' }).first().waitFor({ state: 'visible' });
    assert.equal(await page.locator('.dm-error').count(), 0, 'no error message: the text is all there');
    assert.ok(await page.locator('.page-toolbar').isHidden(), 'the toolbar, which needs the app, is hidden');
    await page.locator('.page-back').getByRole('link', { name: 'All medicines', exact: true }).waitFor();
    assertNoErrors(standalone.errors, { allow: missingContent404 });
  });

  it('shows an error with a retry button on the kiosk when the monograph is missing, and recovers', { timeout: TEST_TIMEOUT }, async (t) => {
    const requests = [];
    const standalone = await openKiosk(t, '#/lenalidomide', {
      beforeGoto: (page) => {
        page.on('request', (request) => requests.push(new URL(request.url()).pathname));
        return page.route(CONTENT_GLOB, notFound);
      },
    });
    const { page } = standalone;
    const error = page.locator('.dm-error');
    await error.waitFor({ state: 'visible' });
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.match(await error.textContent(), /could not be found/, 'the message says the information was not found');
    const retry = error.locator('button.dm-retry');
    await retry.waitFor({ state: 'visible' });
    assert.equal(await standalone.title.count(), 0, 'no monograph title while failed');
    // The catalog loaded (the monograph's file is looked up in it), so only the
    // monograph failed: the page around it and the way back are still there.
    const catalogAt = requests.indexOf('/content/index.json');
    const monographAt = requests.indexOf('/content/lenalidomide.json');
    assert.ok(catalogAt >= 0 && monographAt > catalogAt, `catalog fetched before the monograph: ${requests.join(', ')}`);
    await page.locator('.page-back').getByRole('link', { name: 'All medicines', exact: true }).waitFor();

    await page.unroute(CONTENT_GLOB);
    await retry.click();
    await standalone.waitForTitle('Lenalidomide');
    await standalone.expectSelected('usage');
    await error.waitFor({ state: 'detached' });
    assertNoErrors(standalone.errors, { allow: missingContent404 });
  });

  it('says clearly on the kiosk when a medicine is not in the catalog, with a link back to it', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await openKiosk(t, '#/no-such-medicine');
    const alert = kiosk.page.getByRole('alert');
    await alert.waitFor();
    assert.equal((await alert.getByRole('heading', { level: 1 }).textContent()).trim(), ERROR_TITLE);
    assert.match(await alert.textContent(), /could not be found/, 'the not-found message');
    assert.equal(await kiosk.title.count(), 0, 'no monograph');
    const back = alert.getByRole('link', { name: 'All medicines', exact: true });
    assert.equal(await back.getAttribute('href'), '#/');
    await back.click();
    await kiosk.waitForCatalog();
    assert.equal((await kiosk.resultCount.textContent()).trim(), '1 medicine found');
    assert.equal(kiosk.hash(), '#/');
    assertNoErrors(kiosk.errors);
  });

  it('shows an error with a retry button on the kiosk when the catalog cannot be loaded, and recovers', { timeout: TEST_TIMEOUT }, async (t) => {
    const unavailable = (e) => /Failed to load resource/.test(e.text) && /\b503\b/.test(e.text);
    const kiosk = await openKiosk(t, '', {
      beforeGoto: (page) =>
        page.route(CATALOG_GLOB, (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'Unavailable' })),
    });
    const { page } = kiosk;
    const alert = page.locator('.dm-error[role="alert"]');
    await alert.waitFor();
    assert.equal((await alert.getByRole('heading', { level: 1 }).textContent()).trim(), ERROR_TITLE);
    assert.equal(await kiosk.results.count(), 0);
    // The page around it still works: the toolbar is there.
    await page.getByRole('group', { name: 'Text size' }).waitFor();
    await page.unroute(CATALOG_GLOB);
    await alert.getByRole('button', { name: 'Try again', exact: true }).click();
    await kiosk.waitForCatalog();
    assert.equal(await kiosk.results.getAttribute('href'), '#/lenalidomide', 'the kiosk links its route');
    await alert.waitFor({ state: 'detached' });
    // The browser's own line about the failed request is the only console error.
    assertNoErrors(kiosk.errors, { allow: unavailable });
  });

  it('supports the keyboard on the tab list', { timeout: TEST_TIMEOUT }, async (t) => {
    const standalone = await openPage(t);
    const { page } = standalone;
    await standalone.waitForTitle('Lenalidomide');
    await standalone.expectSelected('usage');

    // Roving tabindex: only the selected tab is in the tab order.
    const tabindexes = await standalone.tabs.evaluateAll((els) => els.map((el) => el.getAttribute('tabindex')));
    assert.deepEqual(tabindexes, ['0', '-1', '-1', '-1', '-1', '-1'], 'roving tabindex');

    await page.locator('[role="tab"][aria-selected="true"]').focus();
    await expectFocusedSelectedTab(standalone, 'usage');

    await page.keyboard.press('ArrowRight');
    await expectFocusedSelectedTab(standalone, 'dosage');

    await page.keyboard.press('End');
    await expectFocusedSelectedTab(standalone, 'faqs');

    await page.keyboard.press('Home');
    await expectFocusedSelectedTab(standalone, 'usage');

    await page.keyboard.press('ArrowLeft');
    await expectFocusedSelectedTab(standalone, 'faqs');
    assert.equal(await standalone.tab('faqs').getAttribute('tabindex'), '0', 'selected tab is in the tab order');
    assert.equal(await standalone.tab('usage').getAttribute('tabindex'), '-1', 'other tabs are not');

    await page.keyboard.press('Tab');
    await waitUntil(
      page,
      () => {
        const el = document.activeElement;
        return !!el && !!el.closest('.dm-panel:not([hidden])') && el.closest('[role="tablist"]') === null;
      },
      undefined,
      'Tab moves focus into the visible panel',
    );
    const focusedPanelId = await page.evaluate(() => document.activeElement.closest('.dm-panel').id);
    assert.equal(focusedPanelId, await standalone.tab('faqs').getAttribute('aria-controls'));
    assertNoErrors(standalone.errors);
  });

  it('has no axe-core WCAG 2.2 AA violations in any tab, as a document, or in the kiosk\'s failed states', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const audit = axeAudit();

    const standalone = await openPage(t);
    await standalone.waitForTitle('Lenalidomide');
    for (const id of TAB_IDS) {
      await standalone.openTab(id);
      await audit.check(standalone.page, `tab ${id}`);
    }
    assertNoErrors(standalone.errors);

    const kept = await openPage(t, { beforeGoto: (p) => p.route(CONTENT_GLOB, notFound) });
    await waitUntil(kept.page, () => document.documentElement.classList.contains('dm-document'), undefined, '<html> marked dm-document');
    await audit.check(kept.page, 'file missing: the pre-rendered page as a document');
    assertNoErrors(kept.errors, { allow: missingContent404 });

    const failed = await openKiosk(t, '#/lenalidomide', { beforeGoto: (p) => p.route(CONTENT_GLOB, notFound) });
    await failed.page.locator('.dm-error .dm-retry').waitFor({ state: 'visible' });
    await audit.check(failed.page, 'kiosk, failed state');
    assertNoErrors(failed.errors, { allow: missingContent404 });

    const unknown = await openKiosk(t, '#/no-such-medicine');
    await unknown.page.getByRole('alert').waitFor();
    await audit.check(unknown.page, 'kiosk, unknown medicine');
    assertNoErrors(unknown.errors);

    audit.assertNoViolations();
  });

  it('prints every section', { timeout: TEST_TIMEOUT }, async (t) => {
    const standalone = await openPage(t);
    const { page } = standalone;
    await standalone.waitForTitle('Lenalidomide');
    // Select another tab first so that the Usage panel is one of the hidden ones.
    await standalone.openTab('dosage');

    // Media emulation applies at once (no transition to wait for), so check the state directly.
    await page.emulateMedia({ media: 'print' });
    const panels = page.locator('.dm-panel');
    assert.equal(await panels.count(), TAB_IDS.length, 'six panels in the DOM');
    for (let i = 0; i < TAB_IDS.length; i++) {
      const id = await panels.nth(i).getAttribute('id');
      assert.ok(await panels.nth(i).isVisible(), `print: panel ${id} is visible`);
    }
    const headings = page.locator('.dm-panel-heading');
    assert.equal(await headings.count(), TAB_IDS.length, 'one heading per panel');
    for (let i = 0; i < TAB_IDS.length; i++) {
      const heading = headings.nth(i);
      const text = (await heading.textContent()).trim();
      assert.ok(await heading.isVisible(), `print: panel heading "${text}" is visible`);
      // "Visible" must mean really shown, not the 1px visually-hidden box used on screen.
      const box = await heading.boundingBox();
      assert.ok(box && box.width > 1 && box.height > 1, `print: panel heading "${text}" is laid out (box ${JSON.stringify(box)})`);
    }
    assert.ok(await page.locator('.dm-tablist').isHidden(), 'print: .dm-tablist is hidden');
    assert.ok(await page.locator('.dm-disclaimer').isVisible(), 'print: disclaimer is visible');
    assert.ok(await page.locator('.page-toolbar').isHidden(), 'print: the toolbar is hidden');
    const address = page.locator('.page-print-address');
    assert.ok(await address.isVisible(), 'print: the page address is visible');
    assert.ok((await address.textContent()).includes(page.url()), `print: the address shows ${page.url()}`);
    assertNoErrors(standalone.errors);
  });

  it('has no horizontal scroll at 320 px or at 200% text size', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    /** Asserts that nothing sticks out past `width`, in the state `what`. */
    const expectFits = async (page, width, what) => {
      const o = await horizontalOverflow(page);
      assert.ok(o.scrollWidth <= width, `${what}: scrollWidth ${o.scrollWidth} > ${width}; sticking out: ${o.offenders.join(', ')}`);
    };

    // 320 x 640 (WCAG 1.4.10 reflow).
    const small = await openPage(t, { contextOptions: { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 } });
    await small.waitForTitle('Lenalidomide');
    // The page around the monograph (header, toolbar) must fit too, and so must the catalog.
    await expectFits(small.page, 320, '320px, monograph');
    for (const id of TAB_IDS) {
      await small.openTab(id);
      await expectFits(small.page, 320, `320px, tab ${id}`);
    }
    await small.backLink.click();
    await small.waitForCatalog();
    await expectFits(small.page, 320, '320px, catalog');
    assertNoErrors(small.errors);

    // 200% text at 640 px (WCAG 1.4.4 resize text), with the page's own text size control.
    const zoomed = await openPage(t, { contextOptions: { viewport: { width: 640, height: 640 }, deviceScaleFactor: 1 } });
    await zoomed.waitForTitle('Lenalidomide');
    await zoomed.textSize(200).check();
    await waitUntil(
      zoomed.page,
      () => getComputedStyle(document.documentElement).fontSize === '32px',
      undefined,
      'root font size is 200% (32px)',
    );
    await expectFits(zoomed.page, 640, '640px at 200% text, monograph');
    for (const id of TAB_IDS) {
      await zoomed.openTab(id);
      await expectFits(zoomed.page, 640, `640px at 200% text, tab ${id}`);
    }
    assertNoErrors(zoomed.errors);
  });
});
