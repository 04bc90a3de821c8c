// The standalone site as a patient uses it: the catalog of medicines
// (index.html) with its search, one page per monograph (medicines/<id>/, its
// tabs named by the fragment: #dosage), the toolbar (text size, language).
// Both are pre-rendered: the text is there before the wasm runs, which then
// hydrates the page. The kiosk is the single-page app in kiosk mode
// (kiosk.mjs), which still follows #/<id>/<tab> routes.

import { openPage, waitUntil } from '../support.mjs';
import { Monograph } from './monograph.mjs';

/** Where the page of monograph `id` is, from the site's root, with `tab` as its fragment. */
export const monographPath = (id, tab) => `medicines/${id}/${tab ? `#${tab}` : ''}`;

export class StandalonePage extends Monograph {
  /**
   * Opens `path` plus `query` and `hash` in a new page of `context`, or of a
   * fresh context (env.newContext with `contextOptions`). `beforeGoto` and
   * `consoleErrors` are openPage's.
   */
  static async open(env, t, { path = 'index.html', query = '', hash = '', context, contextOptions, beforeGoto, consoleErrors } = {}) {
    context ??= await env.newContext(t, contextOptions);
    const { page, errors } = await openPage(context, `${env.baseUrl}${path}${query}${hash}`, { beforeGoto, consoleErrors });
    return new this(page, context, errors);
  }

  /** Opens the page of monograph `id`, on `tab` when given (as its fragment); `options` are open's. */
  static openMonograph(env, t, id, { tab, ...options } = {}) {
    return this.open(env, t, { ...options, path: monographPath(id, tab) });
  }

  /** `errors`: what went wrong in the page (collectErrors), for assertNoErrors. */
  constructor(page, context, errors) {
    super(page, { title: 'h1.dm-title' });
    this.context = context;
    this.errors = errors;
  }

  /** The address's hash ('' when it has none): a tab's fragment (#dosage), or a kiosk route (#/lenalidomide). */
  hash() {
    return new URL(this.page.url()).hash;
  }

  /** The address's path from the site's root, without query or hash ('' for the root). */
  pathname() {
    return new URL(this.page.url()).pathname.replace(/^\//, '');
  }

  /**
   * Waits until the page app runs: hydrated (a pre-rendered page) or rendered
   * (the kiosk). Its first effects set the text size on <html>, so an inline
   * font-size is the sign; until then a pre-rendered page shows its text but
   * its controls do nothing.
   */
  async waitForApp() {
    await waitUntil(this.page, () => document.documentElement.style.fontSize !== '', undefined, 'the page app runs (text size set on <html>)');
  }

  /**
   * Waits until the app runs (waitForApp), then as Monograph's: a
   * pre-rendered page's tabs work before the app hydrates them (web/boot.js),
   * so working tabs alone do not tell that it did. Returns the same moment.
   */
  async waitForWorkingTabs() {
    await this.waitForApp();
    return super.waitForWorkingTabs();
  }

  /** Waits until the monograph titled `text` is shown and the page app runs (waitForApp). */
  async waitForTitle(text) {
    await super.waitForTitle(text);
    await this.waitForApp();
  }

  /** The page's main heading when it shows the catalog. */
  catalogHeading(name = 'All medicines') {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** The catalog's count of results ("4 medicines found"), which describes the search box. */
  get resultCount() {
    return this.page.locator('#page-search-count');
  }

  /** The catalog's polite live region, which says the count once typing pauses. */
  get announcedCount() {
    return this.page.locator('.page-catalog .dm-announce');
  }

  /** The result links, in order. */
  get results() {
    return this.page.locator('#page-results a.page-result');
  }

  /** Waits until the count of results says `text` and `count` results are listed; returns their addresses, in order. */
  async resultAddresses(text, count) {
    await waitUntil(
      this.page,
      ({ text, count }) =>
        document.querySelector('#page-search-count')?.textContent.trim() === text &&
        document.querySelectorAll('#page-results a.page-result').length === count,
      { text, count },
      `count "${text}" with ${count} result(s)`,
    );
    return this.results.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  }

  /**
   * Waits for the catalog, headed `heading` (its name in the interface
   * language), with its count of results, once the page app runs.
   */
  async waitForCatalog(heading) {
    await this.catalogHeading(heading).waitFor();
    await this.resultCount.waitFor();
    await this.waitForApp();
  }

  /** The link back to the catalog, above a monograph. */
  get backLink() {
    return this.page.locator('.page-back a');
  }

  /** The toolbar's choice of text size `percent` (100, 150 or 200), a radio button. */
  textSize(percent) {
    return this.page.getByRole('radio', { name: `${percent}%`, exact: true });
  }

  /** The computed font size of the root element, in CSS px: what the text size choice sets. */
  rootFontSize() {
    return this.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  }
}
