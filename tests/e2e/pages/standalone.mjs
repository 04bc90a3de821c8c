// The standalone page (index.html) as a patient uses it: the catalog of
// medicines at #/ with its search, a monograph at #/<id>/<tab>, the toolbar
// (text size, language). The kiosk is this page in kiosk mode (kiosk.mjs).

import { openPage } from '../support.mjs';
import { Monograph } from './monograph.mjs';

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

  /** `errors`: what went wrong in the page (collectErrors), for assertNoErrors. */
  constructor(page, context, errors) {
    super(page, { title: 'h1.dm-title' });
    this.context = context;
    this.errors = errors;
  }

  /** The address's hash ('' when it has none). */
  hash() {
    return new URL(this.page.url()).hash;
  }

  /** The page's main heading when it shows the catalog. */
  catalogHeading(name = 'All medicines') {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** The catalog's count of results ("4 medicines found"), a status region. */
  get resultCount() {
    return this.page.locator('.page-catalog [role="status"]');
  }

  /** The result links, in order. */
  get results() {
    return this.page.locator('#page-results a.page-result');
  }

  /** Waits for the catalog, headed `heading` (its name in the interface language), with its count of results. */
  async waitForCatalog(heading) {
    await this.catalogHeading(heading).waitFor();
    await this.resultCount.waitFor();
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
