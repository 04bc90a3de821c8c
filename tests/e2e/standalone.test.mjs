// End-to-end tests of the standalone page (dist/index.html) with the real
// Lenalidomide monograph, in headless Chromium.
//
//   node --test tests/e2e/
//
// Needs a built dist/ (scripts/build), `npm ci` (playwright-core, axe-core) and a
// Chromium binary: $CHROMIUM or /usr/bin/chromium. DIST=<folder> serves another folder.
// The DOM checked here is the widget contract (class names dm-*, tab ids
// <prefix>-tab-<id>, panels found through aria-controls).
//
// index.html opens on the catalog ("All medicines", from content/index.json);
// the monograph is at index.html#/lenalidomide, each tab at
// #/lenalidomide/<tab>. The catalog with several (made-up) medicines, search,
// text size, languages and print are in catalog.test.mjs; the kiosk in
// kiosk.test.mjs.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoErrors,
  collectErrors,
  formatViolations,
  runAxe,
  useBrowserAndServer,
  WAIT_TIMEOUT,
  waitUntil,
} from './support.mjs';

const CONTENT_GLOB = '**/content/lenalidomide.json';
const MONOGRAPH_HASH = '#/lenalidomide';

const TAB_IDS = ['usage', 'dosage', 'side-effects', 'how-it-works', 'precautions', 'faqs'];
const TEST_TIMEOUT = 90_000;

const env = useBrowserAndServer({ requires: 'index.html' });

// ---------------------------------------------------------------- helpers

/**
 * Opens index.html plus `hash` (by default the Lenalidomide monograph; '' for the
 * catalog) in a fresh browser context that is closed after the test.
 * Console errors and uncaught page errors are collected in `errors`.
 */
async function openPage(t, { hash = MONOGRAPH_HASH, contextOptions = {}, beforeGoto } = {}) {
  const context = await env.browser.newContext({ reducedMotion: 'reduce', ...contextOptions });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_TIMEOUT);
  const errors = collectErrors(page);
  if (beforeGoto) await beforeGoto(page);
  await page.goto(`${env.baseUrl}index.html${hash}`);
  return { page, context, errors };
}

/**
 * For assertNoErrors: the browser's own "Failed to load resource ... 404" line
 * for the monograph JSON (in the tests that answer that request with a 404).
 */
const missingContent404 = (e) =>
  /Failed to load resource/i.test(e.text) &&
  /\b404\b/.test(e.text) &&
  (e.url === '' || e.url.endsWith('/content/lenalidomide.json'));

const tab = (page, id) => page.locator(`[role="tab"][id$="-tab-${id}"]`);

async function waitForLoaded(page) {
  const title = page.locator('h1.dm-title');
  await title.filter({ hasText: 'Lenalidomide' }).waitFor({ state: 'visible' });
  assert.equal((await title.textContent()).trim(), 'Lenalidomide');
}

/** The tabpanel a tab controls, found through its aria-controls. */
async function panelOf(page, tabLocator) {
  const id = await tabLocator.getAttribute('aria-controls');
  assert.ok(id, 'tab has no aria-controls');
  return page.locator(`[id="${id}"]`);
}

/** Waits until tab `id` is the one selected tab and its panel the one visible panel. */
async function expectSelected(page, id) {
  const t = tab(page, id);
  await t.and(page.locator('[aria-selected="true"]')).waitFor({ state: 'attached' });
  const panel = await panelOf(page, t);
  await panel.waitFor({ state: 'visible' });
  assert.equal(await panel.getAttribute('role'), 'tabpanel', `panel of ${id} has role=tabpanel`);
  assert.equal(await page.locator('[role="tab"][aria-selected="true"]').count(), 1, 'exactly one tab selected');
  assert.equal(await page.locator('.dm-panel:not([hidden])').count(), 1, 'exactly one panel shown');
  return { tab: t, panel };
}

async function expectFocusedSelectedTab(page, id) {
  await waitUntil(
    page,
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
  await expectSelected(page, id);
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
  it('opens on the catalog, which links to the monograph', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, errors } = await openPage(t, { hash: '' });
    await page.getByRole('heading', { level: 1, name: 'All medicines', exact: true }).waitFor();
    assert.equal((await page.getByRole('status').textContent()).trim(), '1 medicine found');
    assert.equal(await page.locator('h1.dm-title').count(), 0, 'no monograph on the catalog');
    const link = page.getByRole('link', { name: /^Lenalidomide\b/ });
    assert.equal(await link.getAttribute('href'), MONOGRAPH_HASH);

    await link.click();
    await waitForLoaded(page);
    assert.equal(new URL(page.url()).hash, MONOGRAPH_HASH, 'the address names the monograph');
    await expectSelected(page, 'usage');
    assert.equal(await page.title(), 'Lenalidomide – Medicine information');
    assertNoErrors(errors);
  });

  it('renders the monograph', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, errors } = await openPage(t);
    await waitForLoaded(page);
    const { panel } = await expectSelected(page, 'usage');
    assert.equal((await tab(page, 'usage').textContent()).trim(), 'Usage');
    await panel.filter({ hasText: 'Multiple Myeloma' }).waitFor({ state: 'visible' });
    await page.locator('.dm-disclaimer').waitFor({ state: 'visible' });
    assert.equal(await page.locator('[role="tab"]').count(), TAB_IDS.length, 'six tabs');
    for (const id of TAB_IDS) assert.equal(await tab(page, id).count(), 1, `tab ${id} exists`);
    assertNoErrors(errors);
  });

  it('switches tabs on click, updates the hash and keeps the tab on reload', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, errors } = await openPage(t);
    await waitForLoaded(page);
    const usagePanel = await panelOf(page, tab(page, 'usage'));
    await usagePanel.waitFor({ state: 'visible' });

    const historyBefore = await page.evaluate(() => history.length);
    const dosage = page.getByRole('tab', { name: 'Dosage', exact: true });
    await dosage.click();
    await page.getByRole('tab', { name: 'Dosage', exact: true, selected: true }).waitFor();
    assert.equal(await dosage.getAttribute('aria-selected'), 'true');
    const dosagePanel = await panelOf(page, dosage);
    await dosagePanel.waitFor({ state: 'visible' });
    await usagePanel.waitFor({ state: 'hidden' });
    assert.equal(await tab(page, 'usage').getAttribute('aria-selected'), 'false');
    await waitUntil(
      page,
      () => location.hash === '#/lenalidomide/dosage',
      undefined,
      'location.hash is #/lenalidomide/dosage',
    );
    // The tab replaces the address rather than adding a history entry.
    assert.equal(await page.evaluate(() => history.length), historyBefore, 'no history entry per tab');

    await page.reload();
    await waitForLoaded(page);
    await expectSelected(page, 'dosage');
    await usagePanel.waitFor({ state: 'hidden' });
    assertNoErrors(errors);
  });

  it('opens the tab named by a deep link', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, errors } = await openPage(t, { hash: '#/lenalidomide/side-effects' });
    await waitForLoaded(page);
    const { tab: selected } = await expectSelected(page, 'side-effects');
    assert.match((await selected.textContent()).trim(), /^Side effects$/i);
    assert.equal(new URL(page.url()).hash, '#/lenalidomide/side-effects', 'the address is kept');
    assertNoErrors(errors);
  });

  it('shows an error with a retry button when the monograph is missing, and recovers', { timeout: TEST_TIMEOUT }, async (t) => {
    const requests = [];
    const { page, errors } = await openPage(t, {
      beforeGoto: (page) => {
        page.on('request', (request) => requests.push(new URL(request.url()).pathname));
        return page.route(CONTENT_GLOB, (route) =>
          route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }),
        );
      },
    });
    const error = page.locator('.dm-error');
    await error.waitFor({ state: 'visible' });
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.match(await error.textContent(), /could not be found/, 'the message says the information was not found');
    const retry = error.locator('button.dm-retry');
    await retry.waitFor({ state: 'visible' });
    assert.equal(await page.locator('h1.dm-title').count(), 0, 'no monograph title while failed');
    // The catalog loaded (the monograph's file is looked up in it), so only the
    // monograph failed: the page around it and the way back are still there.
    const catalogAt = requests.indexOf('/content/index.json');
    const monographAt = requests.indexOf('/content/lenalidomide.json');
    assert.ok(catalogAt >= 0 && monographAt > catalogAt, `catalog fetched before the monograph: ${requests.join(', ')}`);
    await page.locator('.page-back').getByRole('link', { name: 'All medicines', exact: true }).waitFor();

    await page.unroute(CONTENT_GLOB);
    await retry.click();
    await waitForLoaded(page);
    await expectSelected(page, 'usage');
    await error.waitFor({ state: 'detached' });
    assertNoErrors(errors, { allow: missingContent404 });
  });

  it('supports the keyboard on the tab list', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, errors } = await openPage(t);
    await waitForLoaded(page);
    await expectSelected(page, 'usage');

    // Roving tabindex: only the selected tab is in the tab order.
    const tabindexes = await page.locator('[role="tab"]').evaluateAll((els) => els.map((el) => el.getAttribute('tabindex')));
    assert.deepEqual(tabindexes, ['0', '-1', '-1', '-1', '-1', '-1'], 'roving tabindex');

    await page.locator('[role="tab"][aria-selected="true"]').focus();
    await expectFocusedSelectedTab(page, 'usage');

    await page.keyboard.press('ArrowRight');
    await expectFocusedSelectedTab(page, 'dosage');

    await page.keyboard.press('End');
    await expectFocusedSelectedTab(page, 'faqs');

    await page.keyboard.press('Home');
    await expectFocusedSelectedTab(page, 'usage');

    await page.keyboard.press('ArrowLeft');
    await expectFocusedSelectedTab(page, 'faqs');
    assert.equal(await tab(page, 'faqs').getAttribute('tabindex'), '0', 'selected tab is in the tab order');
    assert.equal(await tab(page, 'usage').getAttribute('tabindex'), '-1', 'other tabs are not');

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
    assert.equal(focusedPanelId, await tab(page, 'faqs').getAttribute('aria-controls'));
    assertNoErrors(errors);
  });

  it('has no axe-core WCAG 2.2 AA violations in any tab or in the failed state', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const report = [];

    const { page, errors } = await openPage(t);
    await waitForLoaded(page);
    for (const id of TAB_IDS) {
      const tb = tab(page, id);
      await tb.click();
      await expectSelected(page, id);
      const { violations } = await runAxe(page);
      if (violations.length) report.push(formatViolations(`tab ${id}`, violations));
    }
    assertNoErrors(errors);

    const failed = await openPage(t, {
      beforeGoto: (p) => p.route(CONTENT_GLOB, (route) => route.fulfill({ status: 404, body: 'Not found' })),
    });
    await failed.page.locator('.dm-error .dm-retry').waitFor({ state: 'visible' });
    const { violations } = await runAxe(failed.page);
    if (violations.length) report.push(formatViolations('failed state', violations));
    assertNoErrors(failed.errors, { allow: missingContent404 });

    assert.equal(report.length, 0, `axe-core violations:\n${report.join('\n')}`);
  });

  it('prints every section', { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, errors } = await openPage(t);
    await waitForLoaded(page);
    // Select another tab first so that the Usage panel is one of the hidden ones.
    await tab(page, 'dosage').click();
    await expectSelected(page, 'dosage');

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
    assertNoErrors(errors);
  });

  it('has no horizontal scroll at 320 px or at 200% text size', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    // 320 x 640 (WCAG 1.4.10 reflow).
    const small = await openPage(t, { contextOptions: { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 } });
    await waitForLoaded(small.page);
    // The page around the monograph (header, toolbar) must fit too, and so must the catalog.
    {
      const o = await horizontalOverflow(small.page);
      assert.ok(o.scrollWidth <= 320, `320px, monograph: scrollWidth ${o.scrollWidth} > 320; sticking out: ${o.offenders.join(', ')}`);
    }
    for (const id of TAB_IDS) {
      await tab(small.page, id).click();
      await expectSelected(small.page, id);
      const o = await horizontalOverflow(small.page);
      assert.ok(o.scrollWidth <= 320, `320px, tab ${id}: scrollWidth ${o.scrollWidth} > 320; sticking out: ${o.offenders.join(', ')}`);
    }
    await small.page.locator('.page-back a').click();
    await small.page.getByRole('heading', { level: 1, name: 'All medicines', exact: true }).waitFor();
    {
      const o = await horizontalOverflow(small.page);
      assert.ok(o.scrollWidth <= 320, `320px, catalog: scrollWidth ${o.scrollWidth} > 320; sticking out: ${o.offenders.join(', ')}`);
    }
    assertNoErrors(small.errors);

    // 200% text at 640 px (WCAG 1.4.4 resize text), with the page's own text size control.
    const zoomed = await openPage(t, { contextOptions: { viewport: { width: 640, height: 640 }, deviceScaleFactor: 1 } });
    await waitForLoaded(zoomed.page);
    await zoomed.page.getByRole('radio', { name: '200%', exact: true }).check();
    await waitUntil(
      zoomed.page,
      () => getComputedStyle(document.documentElement).fontSize === '32px',
      undefined,
      'root font size is 200% (32px)',
    );
    {
      const o = await horizontalOverflow(zoomed.page);
      assert.ok(o.scrollWidth <= 640, `640px at 200% text, monograph: scrollWidth ${o.scrollWidth} > 640; sticking out: ${o.offenders.join(', ')}`);
    }
    for (const id of TAB_IDS) {
      await tab(zoomed.page, id).click();
      await expectSelected(zoomed.page, id);
      const o = await horizontalOverflow(zoomed.page);
      assert.ok(o.scrollWidth <= 640, `640px at 200% text, tab ${id}: scrollWidth ${o.scrollWidth} > 640; sticking out: ${o.offenders.join(', ')}`);
    }
    assertNoErrors(zoomed.errors);
  });
});
