// Plain-language help (issue 13), in headless Chromium against dist/: medical
// words that open their definitions (click, tap, Enter, Space; Escape or the
// word again closes them) inside the embed's shadow root, on the pre-rendered
// page with and without scripts, at 200% text and with the kiosk's 48 px
// targets; the box of the most important information, whose links open their
// tab and focus their entry; and print, which lists the words explained.
// axe-core, with a definition open and closed, is in accessibility.test.mjs.
//
//   node --test tests/e2e/glossary.test.mjs
//
// Needs a built dist/ (scripts/build), `npm ci` and Chromium (see support.mjs).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HostPage } from './pages/embed.mjs';
import { KioskPage } from './pages/kiosk.mjs';
import { StandalonePage } from './pages/standalone.mjs';
import { assertNoErrors, TEST_TIMEOUT, useBrowserAndServer, waitUntil } from './support.mjs';

const env = useBrowserAndServer({ requires: 'demo/pharmacy.html' });

/** The button of marked word `word` in `root` (a page or a locator; CSS pierces open shadow roots). */
const term = (root, word) => root.locator('button.dm-gloss', { hasText: word }).first();

/** The definition that `button` opens. */
async function definitionOf(root, button) {
  const id = await button.getAttribute('popovertarget');
  assert.ok(id, 'the word names its definition');
  return root.locator(`[id="${id}"]`);
}

/** Whether the popover `definition` is open. */
const isOpen = (definition) => definition.evaluate((el) => el.matches(':popover-open'));

/** Waits until `definition` is open (or closed, with `open` false). */
async function expectOpen(definition, open = true) {
  await definition.waitFor({ state: open ? 'visible' : 'hidden' });
  assert.equal(await isOpen(definition), open, `definition ${open ? 'open' : 'closed'}`);
}

/** Whether the element the locator finds has the focus, in its document or shadow root. */
const hasFocus = (locator) => locator.evaluate((el) => el.getRootNode().activeElement === el);

describe('a marked word', () => {
  it('opens on click and closes on a second click, inside the embed\'s shadow root', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await HostPage.open(env, t, `${env.baseUrl}demo/pharmacy.html`);
    const widget = host.widget('#default-widget');
    await widget.waitForTitle('Lenalidomide');
    await widget.openTab('side-effects');
    const button = term(widget.root, 'edema');
    assert.ok(await button.evaluate((el) => el.getRootNode() instanceof ShadowRoot), 'the word is inside the shadow root');
    const definition = await definitionOf(widget.root, button);
    await expectOpen(definition, false);

    await button.click();
    await expectOpen(definition);
    assert.equal((await definition.innerText()).replace(/\s+/g, ' ').trim(), 'edema: Swelling');

    await button.click();
    await expectOpen(definition, false);
    // The text around it reads as written.
    assert.equal((await button.locator('xpath=..').innerText()).trim(), 'Swelling (edema)');
    assertNoErrors(host.errors);
  });

  it('opens with Enter or Space, closes with Escape, and keeps the focus on the word', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await HostPage.open(env, t, `${env.baseUrl}demo/pharmacy.html`);
    const widget = host.widget('#default-widget');
    await widget.waitForTitle('Lenalidomide');
    await widget.openTab('how-it-works');
    const button = term(widget.root, 'immunomodulation');
    const definition = await definitionOf(widget.root, button);
    for (const key of ['Enter', 'Space']) {
      await button.focus();
      await host.page.keyboard.press(key);
      await expectOpen(definition);
      assert.ok(
        (await definition.innerText()).includes('It influences the immune system, making it more effective at attacking cancer cells.'),
        `${key}: the seed's own sentence`,
      );
      assert.ok(await hasFocus(button), `${key}: the focus stays on the word`);
      await host.page.keyboard.press('Escape');
      await expectOpen(definition, false);
      assert.ok(await hasFocus(button), `${key}: the focus is back on the word after Escape`);
    }
    // The word again closes it too.
    await host.page.keyboard.press('Enter');
    await expectOpen(definition);
    await host.page.keyboard.press('Enter');
    await expectOpen(definition, false);
    // Tab moves on through the text: the next word explained.
    await host.page.keyboard.press('Tab');
    assert.ok(await hasFocus(term(widget.root, 'antiangiogenesis')), 'Tab reaches the next word');
    assertNoErrors(host.errors);
  });

  it('opens with a tap, and the browser exposes it as a button that is expanded', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await HostPage.open(env, t, `${env.baseUrl}demo/pharmacy.html`, {
      contextOptions: { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } },
    });
    const widget = host.widget('#default-widget');
    await widget.waitForTitle('Lenalidomide');
    await widget.tab('usage').tap();
    const button = term(widget.root, 'multiple myeloma');
    await button.scrollIntoViewIfNeeded();
    const definition = await definitionOf(widget.root, button);
    await button.tap();
    await expectOpen(definition);
    // What a screen reader gets: the word as a button's name, its state,
    // then the definition, in Chromium's accessibility tree.
    const cdp = await host.context.newCDPSession(host.page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const node = nodes.find((n) => n.role?.value === 'button' && n.name?.value === 'multiple myeloma');
    assert.ok(node, 'a button named after the word');
    const expanded = node.properties?.find((p) => p.name === 'expanded')?.value.value;
    assert.equal(expanded, true, 'exposed as expanded while its definition shows');
    assert.ok(
      nodes.some((n) => !n.ignored && n.name?.value?.includes('a cancer of plasma cells in the bone marrow')) ||
        nodes.some((n) => !n.ignored && n.role?.value === 'StaticText' && n.name?.value === 'a cancer of plasma cells in the bone marrow'),
      'the definition is in the accessibility tree while open',
    );
    // On a phone the definition fits the screen.
    const box = await definition.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390 + 0.5, `within the screen's width: ${JSON.stringify(box)}`);
    await button.tap();
    await expectOpen(definition, false);
    assertNoErrors(host.errors);
  });

  it('works on the pre-rendered page without scripts', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await StandalonePage.openMonograph(env, t, 'lenalidomide', { contextOptions: { javaScriptEnabled: false } });
    await site.title.waitFor();
    const button = term(site.page, 'thrombocytopenia');
    const definition = await definitionOf(site.page, button);
    await button.click();
    await expectOpen(definition);
    assert.equal((await definition.innerText()).replace(/\s+/g, ' ').trim(), 'thrombocytopenia: low blood cell counts');
    await site.page.keyboard.press('Escape');
    await expectOpen(definition, false);
  });

  it('shows its definition in view at 200% text, under the word', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await StandalonePage.openMonograph(env, t, 'lenalidomide', {
      tab: 'precautions',
      contextOptions: { viewport: { width: 640, height: 720 } },
    });
    await site.waitForTitle('Lenalidomide');
    await site.textSize(200).check();
    await waitUntil(site.page, () => parseFloat(getComputedStyle(document.documentElement).fontSize) >= 32, undefined, 'text at 200%');
    const { panel } = await site.expectSelected('precautions');
    const button = term(panel, 'dexamethasone');
    await button.scrollIntoViewIfNeeded();
    const definition = await definitionOf(site.page, button);
    await button.click();
    await expectOpen(definition);
    const [word, box] = [await button.boundingBox(), await definition.boundingBox()];
    assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 640 + 0.5 && box.y + box.height <= 720 + 0.5, `in view: ${JSON.stringify(box)}`);
    assert.ok(box.y >= word.y + word.height - 1 || box.y + box.height <= word.y + 1, `beside the word, not over it: word ${JSON.stringify(word)}, definition ${JSON.stringify(box)}`);
    assertNoErrors(site.errors);
  });

  it('has targets of at least 48 px in the kiosk', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await KioskPage.open(env, t, { hash: '#/lenalidomide/side-effects' });
    await kiosk.waitForTitle('Lenalidomide');
    await kiosk.expectSelected('side-effects');
    for (const target of [term(kiosk.page, 'neutropenia'), kiosk.page.locator('.dm-key-link').first()]) {
      await target.scrollIntoViewIfNeeded();
      const hits = await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
        // The corners of a 48 px square centred on the control.
        return [[-23.5, -23.5], [23.5, -23.5], [-23.5, 23.5], [23.5, 23.5]].map(([dx, dy]) => {
          const found = el.getRootNode().elementFromPoint(x + dx, y + dy);
          return found === el || el.contains(found);
        });
      });
      assert.deepEqual(hits, [true, true, true, true], `${await target.innerText()}: a 48 px square is its target`);
    }
    assertNoErrors(kiosk.errors);
  });
});

describe('the most important information', () => {
  it('opens the monograph and each link opens its tab and moves to its entry, inside the shadow root', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await HostPage.open(env, t, `${env.baseUrl}demo/pharmacy.html`);
    const widget = host.widget('#default-widget');
    await widget.waitForTitle('Lenalidomide');
    const box = widget.root.locator('.dm-key');
    assert.deepEqual(
      (await box.locator('a').allInnerTexts()).map((s) => s.trim()),
      [
        'Pregnancy',
        'Severe skin reactions',
        'Blood clots',
        'Second cancers',
        'Liver problems',
      ],
    );
    await box.getByRole('link', { name: 'Pregnancy' }).click();
    const { panel } = await widget.expectSelected('precautions');
    const pregnancy = panel.locator('li.dm-alert');
    await waitUntil(
      host.page,
      () => document.querySelector('#default-widget').shadowRoot.activeElement?.classList.contains('dm-alert'),
      undefined,
      'the focus on the pregnancy precaution',
    );
    assert.ok((await pregnancy.innerText()).includes('contraindicated in pregnancy'));
    assert.ok(await pregnancy.isVisible());

    // By keyboard, to a serious side effect.
    await box.getByRole('link', { name: 'Liver problems' }).focus();
    await host.page.keyboard.press('Enter');
    await widget.expectSelected('side-effects');
    await waitUntil(
      host.page,
      () => document.querySelector('#default-widget').shadowRoot.activeElement?.textContent === 'Liver problems',
      undefined,
      'the focus on "Liver problems"',
    );
    assertNoErrors(host.errors);
  });

  it('keeps the page\'s address: the standalone page stays on the monograph', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await StandalonePage.openMonograph(env, t, 'lenalidomide');
    await site.waitForTitle('Lenalidomide');
    await site.page.locator('.dm-key').getByRole('link', { name: 'Second cancers' }).click();
    await site.expectSelected('side-effects');
    await waitUntil(site.page, () => document.activeElement?.textContent === 'Second cancers', undefined, 'the focus on "Second cancers"');
    assert.equal(await site.title.innerText(), 'Lenalidomide', 'still the monograph');
    assertNoErrors(site.errors);
  });

  it('links to its entries without scripts, where every section shows', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await StandalonePage.openMonograph(env, t, 'lenalidomide', { contextOptions: { javaScriptEnabled: false } });
    await site.title.waitFor();
    const link = site.page.locator('.dm-key').getByRole('link', { name: 'Pregnancy' });
    const target = (await link.getAttribute('href')).slice(1);
    await link.click();
    await waitUntil(site.page, (id) => location.hash === `#${id}`, target, 'the address names the entry');
    assert.ok(await site.page.locator(`[id="${target}"]`).isVisible(), 'the entry shows');
  });
});

describe('print', () => {
  it('lists the words explained at the end and keeps the most important information', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await StandalonePage.openMonograph(env, t, 'lenalidomide');
    await site.waitForTitle('Lenalidomide');
    const button = term(site.page, 'multiple myeloma');
    const definition = await definitionOf(site.page, button);
    assert.equal(await site.page.locator('.dm-glossary').isVisible(), false, 'not on screen');
    await button.click();
    await expectOpen(definition);
    await site.page.emulateMedia({ media: 'print' });
    const glossary = site.page.locator('.dm-glossary');
    assert.ok(await glossary.isVisible(), 'printed');
    const terms = (await glossary.locator('dt').allInnerTexts()).map((s) => s.trim());
    assert.equal(terms.length, 10);
    assert.equal(terms[0], 'multiple myeloma');
    assert.equal((await glossary.locator('dd').first().innerText()).trim(), 'a cancer of plasma cells in the bone marrow');
    // After every panel; the open definition is not printed over the text.
    const [lastPanel, list] = [await site.page.locator('.dm-panel').last().boundingBox(), await glossary.boundingBox()];
    assert.ok(list.y >= lastPanel.y + lastPanel.height, 'after the panels');
    assert.equal(await definition.isVisible(), false, 'the open definition is not printed');
    assert.ok(await site.page.locator('.dm-key').isVisible(), 'the most important information is printed');
    assertNoErrors(site.errors);
  });
});
