// The monograph widget as the tests see it, through its DOM contract: class
// names dm-*, tab ids <prefix>-tab-<id>, panels found through aria-controls.
// It is the same on the standalone page and the kiosk as inside a
// <drug-monograph> element (Playwright's CSS locators pierce its open shadow
// root), so each page object of pages/ has one.

import assert from 'node:assert/strict';

/** The tabs of a monograph with every section, in order (Lenalidomide's, say). */
export const TAB_IDS = ['usage', 'dosage', 'side-effects', 'how-it-works', 'precautions', 'faqs'];

export class Monograph {
  /**
   * The widget in `page`, inside `root` (the page itself, or a locator of the
   * element that holds the widget). `title` is the selector of its title
   * heading; `label` starts the messages of its assertions.
   */
  constructor(page, { root = page, title = '.dm-title', label = '' } = {}) {
    this.page = page;
    this.root = root;
    this.titleSelector = title;
    this.label = label;
  }

  /** The title heading. */
  get title() {
    return this.root.locator(this.titleSelector);
  }

  /** Every tab, in order. */
  get tabs() {
    return this.root.locator('[role="tab"]');
  }

  /** Tab `id` (e.g. 'side-effects'). */
  tab(id) {
    return this.root.locator(`[role="tab"][id$="-tab-${id}"]`);
  }

  /** Waits until the monograph titled `text` is shown: its title says that and only that. */
  async waitForTitle(text) {
    await this.title.filter({ hasText: text }).waitFor({ state: 'visible' });
    assert.equal((await this.title.textContent()).trim(), text, `${this.label}title`);
  }

  /** The tabpanel a tab controls, found through its aria-controls. */
  async panelOf(tab) {
    const id = await tab.getAttribute('aria-controls');
    assert.ok(id, `${this.label}tab has no aria-controls`);
    return this.root.locator(`[id="${id}"]`);
  }

  /** Waits until tab `id` is the one selected tab and its panel the one visible panel; returns { tab, panel }. */
  async expectSelected(id) {
    const tab = this.tab(id);
    await tab.and(this.root.locator('[aria-selected="true"]')).waitFor({ state: 'attached' });
    const panel = await this.panelOf(tab);
    await panel.waitFor({ state: 'visible' });
    assert.equal(await panel.getAttribute('role'), 'tabpanel', `${this.label}panel of ${id} has role=tabpanel`);
    assert.equal(await this.root.locator('[role="tab"][aria-selected="true"]').count(), 1, `${this.label}exactly one tab selected`);
    assert.equal(await this.root.locator('.dm-panel:not([hidden])').count(), 1, `${this.label}exactly one panel shown`);
    return { tab, panel };
  }

  /** Clicks tab `id`, as a patient does, and waits until it is selected (expectSelected). */
  async openTab(id) {
    await this.tab(id).click();
    return this.expectSelected(id);
  }
}
