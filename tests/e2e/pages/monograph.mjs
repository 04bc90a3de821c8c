// The monograph widget as the tests see it, through its DOM contract: class
// names dm-*, tab ids <prefix>-tab-<id>, panels found through aria-controls.
// It is the same on the standalone page and the kiosk as inside a
// <drug-monograph> element (Playwright's CSS locators pierce its open shadow
// root), so each page object of pages/ has one.

import assert from 'node:assert/strict';
import { settle, WAIT_TIMEOUT } from '../support.mjs';

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

  /**
   * Waits until the tabs work, as a keyboard user finds out: presses
   * ArrowRight on the selected tab until another tab is selected (before the
   * wasm hydrates the pre-rendered widget, nothing happens), then goes back
   * with ArrowLeft. Returns the page's clock (performance.now()) just before
   * the key press that worked: by then the widget was hydrated.
   */
  async waitForWorkingTabs() {
    const selected = this.root.locator('[role="tab"][aria-selected="true"]');
    const first = (await selected.getAttribute('id')).replace(/^.*-tab-/, '');
    const deadline = Date.now() + WAIT_TIMEOUT;
    for (;;) {
      await selected.focus();
      const before = await this.page.evaluate(() => performance.now());
      await this.page.keyboard.press('ArrowRight');
      await settle(this.page);
      if ((await this.tab(first).getAttribute('aria-selected')) !== 'true') {
        await this.page.keyboard.press('ArrowLeft');
        await this.expectSelected(first);
        return before;
      }
      assert.ok(Date.now() < deadline, `${this.label}ArrowRight on the selected tab "${first}" never selected another tab: not hydrated`);
    }
  }

  /**
   * Asserts that the monograph reads as a document, as without scripts, in
   * print, or when the wasm could not start: every panel shown under its
   * heading (laid out, not the 1 px box of the tabbed layout), the tab list
   * hidden.
   */
  async expectDocument(what) {
    const panels = this.root.locator('.dm-panel');
    const count = await panels.count();
    assert.ok(count > 0, `${this.label}${what}: panels in the DOM`);
    for (let i = 0; i < count; i++) {
      const panel = panels.nth(i);
      const id = await panel.getAttribute('id');
      assert.ok(await panel.isVisible(), `${this.label}${what}: panel ${id} is visible`);
      const heading = panel.locator('.dm-panel-heading');
      const box = await heading.boundingBox();
      assert.ok(box && box.width > 1 && box.height > 1, `${this.label}${what}: heading of ${id} is laid out (box ${JSON.stringify(box)})`);
    }
    assert.ok(await this.root.locator('.dm-tablist').isHidden(), `${this.label}${what}: the tab list is hidden`);
  }
}
