// Accessibility beyond AA (issue 12), in headless Chromium against dist/:
// the kiosk's idle warning (focus, inert background, in view at 320px and
// 400% zoom), AAA contrast (axe-core's color-contrast-enhanced) on every tab
// in light, dark and each shipped theme, forced colours, the dark theme and
// how a host forces a scheme, disabled read-aloud buttons, announcements
// through a live region that stays, landmarks and headings, a phone's first
// screen, and the pharmacy demo's own accessibility and layout shift.
//
//   node --test tests/e2e/accessibility.test.mjs
//
// Needs a built dist/ (scripts/build), `npm ci` and Chromium (see support.mjs).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { KioskPage, STILL_READING } from './pages/kiosk.mjs';
import { HostPage } from './pages/embed.mjs';
import { StandalonePage } from './pages/standalone.mjs';
import { TAB_IDS } from './pages/monograph.mjs';
import { assertNoErrors, axeAudit, holdRequest, TEST_TIMEOUT, useBrowserAndServer, waitUntil } from './support.mjs';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const SHARE_BASE = 'https://pharmacy.example/medicines/';
const LOADED = 'Medicine information loaded: Lenalidomide';
const LOADING = 'Loading medicine information…';

const env = useBrowserAndServer({ requires: 'demo/pharmacy.html' });

// ---------------------------------------------------------------- helpers

/**
 * axe-core's contrast rules, AA and AAA (color-contrast-enhanced, 7:1 and
 * 4.5:1 for large text), on the document and the open shadow roots inside it.
 * Returns the violations as readable lines, each prefixed with `state`.
 */
async function contrastViolations(page, state) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'rule', values: ['color-contrast', 'color-contrast-enhanced'] },
    });
    const checked = [...result.passes, ...result.violations].flatMap((r) => r.nodes).length;
    return {
      checked,
      lines: result.violations.flatMap((v) =>
        v.nodes.map((n) => `${v.id}: ${n.target.flat().join(' >>> ')}: ${(n.any[0]?.message || '').slice(0, 160)}`),
      ),
    };
  });
  assert.ok(violations.checked > 0, `${state}: axe checked some text`);
  return violations.lines.map((line) => `[${state}] ${line}`);
}

/** A few axe-core best-practice rules about landmarks and headings, on the whole document. */
async function structureViolations(page, state) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  const lines = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: {
        type: 'rule',
        values: ['region', 'page-has-heading-one', 'landmark-one-main', 'heading-order', 'landmark-unique', 'bypass'],
      },
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.flat().join(' >>> ')}`));
  });
  return lines.map((line) => `[${state}] ${line}`);
}

/** The kiosk on Lenalidomide's dosage tab, its clock stopped, warning after 1 second untouched. */
function openIdleKiosk(t, contextOptions = {}) {
  return KioskPage.open(env, t, {
    query: '?idle=1&countdown=30',
    hash: '#/lenalidomide/dosage',
    contextOptions,
    clock: true,
  });
}

/**
 * Opens tab `id` of `monograph` (a page object) by clicking it, again until it
 * takes: a pre-rendered page shows its tabs before the wasm has hydrated them.
 */
async function openTab(monograph, id) {
  for (let attempt = 0; attempt < 40; attempt++) {
    await monograph.tab(id).click();
    if ((await monograph.tab(id).getAttribute('aria-selected')) === 'true') break;
    await monograph.page.waitForTimeout(250);
  }
  return monograph.expectSelected(id);
}

/** The roles of the nodes in Chromium's accessibility tree that are not ignored (inert content is). */
async function exposedRoles(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return [...new Set(nodes.filter((n) => !n.ignored).map((n) => n.role?.value))];
}

/** Where the focus is: the active element's id, or its tag name. */
const focusedId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase());

/** The rectangle of the first element matching `selector` (in the light DOM), in viewport coordinates. */
const rectOf = (page, selector) =>
  page.evaluate((selector) => {
    const r = document.querySelector(selector).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, viewport: innerHeight };
  }, selector);

/** WCAG 2.x contrast ratio of two computed rgb()/rgba() colours (opaque). */
function contrast(a, b) {
  const lum = (color) => {
    const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

// ------------------------------------------------- 0. words explained

describe('words explained and the most important information (issue 13)', () => {
  for (const colorScheme of ['light', 'dark']) {
    it(`no axe violations, AAA contrast included, with a definition closed and open, in the embed and on the page, in ${colorScheme}`, { timeout: TEST_TIMEOUT * 2 }, async (t) => {
      const audit = axeAudit();
      const report = [];
      const host = await HostPage.open(env, t, `${env.baseUrl}demo/pharmacy.html`, { contextOptions: { colorScheme } });
      const widget = host.widget('#default-widget');
      await widget.waitForTitle('Lenalidomide');
      const site = await StandalonePage.openMonograph(env, t, 'lenalidomide', { contextOptions: { colorScheme } });
      await site.waitForTitle('Lenalidomide');
      for (const [name, monograph, page] of [['embed', widget, host.page], ['page', site, site.page]]) {
        await openTab(monograph, 'side-effects');
        const word = monograph.root.locator('button.dm-gloss', { hasText: 'neutropenia' }).first();
        const definition = monograph.root.locator(`[id="${await word.getAttribute('popovertarget')}"]`);
        for (const state of ['closed', 'open']) {
          if (state === 'open') {
            await word.click();
            await definition.waitFor({ state: 'visible' });
          }
          const label = `${colorScheme} ${name}, definition ${state}`;
          const inShadow = await audit.check(page, label);
          if (name === 'embed') assert.ok(inShadow > 0, `${label}: axe looked inside the shadow root`);
          report.push(...(await contrastViolations(page, label)));
        }
        await page.keyboard.press('Escape');
        await definition.waitFor({ state: 'hidden' });
      }
      audit.assertNoViolations();
      assert.deepEqual(report, []);
      assertNoErrors(host.errors);
      assertNoErrors(site.errors);
    });
  }
});

// -------------------------------------------------------- 1. idle dialog

describe('kiosk idle dialog', () => {
  it('returns focus to where it was after "I\'m still reading", by click and by Enter', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await openIdleKiosk(t);
    const { page } = kiosk;
    await kiosk.waitForTitle('Lenalidomide');
    const { tab } = await kiosk.expectSelected('dosage');
    const tabId = await tab.getAttribute('id');
    const dialog = kiosk.idleDialog();
    const still = dialog.getByRole('button', { name: STILL_READING, exact: true });

    for (const answer of ['click', 'Enter']) {
      await tab.focus();
      assert.equal(await focusedId(page), tabId);
      await kiosk.leaveUntouched(1);
      await dialog.waitFor();
      await waitUntil(page, () => document.activeElement?.classList.contains('page-still-reading'), undefined, 'focus on the button');
      if (answer === 'click') await still.click();
      else await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await waitUntil(page, (id) => document.activeElement?.id === id, tabId, `${answer}: focus back on the dosage tab`);
    }
    assertNoErrors(kiosk.errors);
  });

  it('makes the page behind it inert, out of the accessibility tree, and gives it back', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await openIdleKiosk(t);
    const { page } = kiosk;
    await kiosk.waitForTitle('Lenalidomide');
    assert.ok((await page.getByRole('tab').count()) >= 5, 'tabs in the accessibility tree before');
    await kiosk.leaveUntouched(1);
    const dialog = kiosk.idleDialog();
    await dialog.waitFor();

    const inert = await page.evaluate(() =>
      [...document.querySelector('.page-idle-backdrop').parentElement.children].map((el) => ({
        name: el.className,
        inert: el.inert,
      })),
    );
    for (const { name, inert: isInert } of inert) {
      assert.equal(isInert, !name.includes('page-idle-backdrop'), `${name}: inert while the warning shows`);
    }
    // What assistive technology gets, from Chromium's accessibility tree:
    // the dialog, and no tab, link or heading behind it.
    const exposed = await exposedRoles(page);
    assert.ok(exposed.includes('alertdialog'), `the dialog is exposed: ${exposed}`);
    for (const role of ['tab', 'tabpanel', 'link', 'radio', 'main', 'banner']) {
      assert.ok(!exposed.includes(role), `no ${role} in the accessibility tree: ${exposed}`);
    }

    await dialog.getByRole('button', { name: STILL_READING, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.locator('[inert]').count(), 0, 'nothing inert afterwards');
    assert.ok((await exposedRoles(page)).includes('tab'), 'tabs back in the accessibility tree');
    assertNoErrors(kiosk.errors);
  });

  for (const { name, viewport, textSize } of [
    { name: '320px wide at 200% text', viewport: { width: 320, height: 568 }, textSize: 200 },
    { name: '400% zoom of 1280×720', viewport: { width: 320, height: 180 }, textSize: 100 },
  ]) {
    it(`shows its countdown and its focused button at ${name}`, { timeout: TEST_TIMEOUT }, async (t) => {
      const kiosk = await openIdleKiosk(t, { viewport });
      const { page } = kiosk;
      await kiosk.waitForTitle('Lenalidomide');
      if (textSize !== 100) {
        await kiosk.textSize(textSize).check();
        await kiosk.leaveUntouched(1);
      }
      const dialog = kiosk.idleDialog();
      await kiosk.leaveUntouched(1);
      await dialog.waitFor();
      await waitUntil(page, () => document.activeElement?.classList.contains('page-still-reading'), undefined, 'focus on the button');
      const button = await rectOf(page, '.page-still-reading');
      assert.ok(button.top >= 0 && button.bottom <= button.viewport + 0.5, `the focused button is in view: ${JSON.stringify(button)}`);
      const message = await rectOf(page, '#page-idle-message');
      assert.ok(message.bottom > 0 && message.top < message.viewport, `the countdown is in view: ${JSON.stringify(message)}`);
      // Bringing the button into view scrolled the warning; that is not the
      // patient leaving it: it still counts down.
      const left = await kiosk.secondsLeft();
      await kiosk.leaveUntouched(1);
      await waitUntil(page, (left) => Number(document.querySelector('#page-idle-message')?.textContent.match(/(\d+)/)?.[1]) < left, left, 'still counting down');
      assertNoErrors(kiosk.errors);
    });
  }
});

// ------------------------------------------------------ 2. AAA contrast

describe('contrast 7:1 (axe color-contrast-enhanced)', () => {
  for (const colorScheme of ['light', 'dark']) {
    it(`every tab of the standalone page, in ${colorScheme}`, { timeout: TEST_TIMEOUT }, async (t) => {
      const site = await StandalonePage.open(env, t, { hash: '#/lenalidomide', contextOptions: { colorScheme } });
      await site.waitForTitle('Lenalidomide');
      const report = [];
      for (const id of TAB_IDS) {
        await openTab(site, id);
        report.push(...(await contrastViolations(site.page, `${colorScheme} ${id}`)));
      }
      // The catalog too.
      await site.backLink.click();
      await site.waitForCatalog();
      report.push(...(await contrastViolations(site.page, `${colorScheme} catalog`)));
      assert.deepEqual(report, []);
      assertNoErrors(site.errors);
    });

    it(`every tab of the kiosk with its take-home code, in ${colorScheme}`, { timeout: TEST_TIMEOUT }, async (t) => {
      const kiosk = await KioskPage.open(env, t, {
        query: `?share=${encodeURIComponent(SHARE_BASE)}`,
        hash: '#/lenalidomide',
        contextOptions: { colorScheme },
      });
      await kiosk.waitForTitle('Lenalidomide');
      await kiosk.page.locator('.page-take-home-url').waitFor();
      const report = [];
      for (const id of TAB_IDS) {
        await kiosk.openTab(id);
        report.push(...(await contrastViolations(kiosk.page, `kiosk ${colorScheme} ${id}`)));
      }
      assert.deepEqual(report, []);
      assertNoErrors(kiosk.errors);
    });

    it(`every tab of both pharmacy demo widgets (default and branded), and the demo page, in ${colorScheme}`, { timeout: TEST_TIMEOUT }, async (t) => {
      const host = await HostPage.open(env, t, `${env.baseUrl}demo/pharmacy.html`, { contextOptions: { colorScheme } });
      const report = [];
      for (const selector of ['#default-widget', '#branded-widget']) {
        const widget = host.widget(selector);
        await widget.waitForTitle('Lenalidomide');
        for (const id of TAB_IDS) {
          await widget.openTab(id);
          report.push(...(await contrastViolations(host.page, `demo ${colorScheme} ${selector} ${id}`)));
        }
      }
      assert.deepEqual(report, []);
      assertNoErrors(host.errors);
    });
  }
});

// --------------------------------------------------- 3. forced colours

describe('forced colours', () => {
  it('draws the selected tab in the system selection colours, unlike the others', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await StandalonePage.open(env, t, { hash: '#/lenalidomide/dosage', contextOptions: { forcedColors: 'active' } });
    await site.waitForTitle('Lenalidomide');
    await site.expectSelected('dosage');
    assert.ok(await site.page.evaluate(() => matchMedia('(forced-colors: active)').matches), 'forced colours are on');
    const tabs = await site.page.evaluate(() => {
      const canvas = getComputedStyle(document.body).backgroundColor;
      return {
        canvas,
        tabs: [...document.querySelectorAll('[role="tab"]')].map((tab) => {
          const s = getComputedStyle(tab);
          return { selected: tab.getAttribute('aria-selected') === 'true', color: s.color, background: s.backgroundColor };
        }),
      };
    });
    const selected = tabs.tabs.find((tab) => tab.selected);
    const others = tabs.tabs.filter((tab) => !tab.selected);
    for (const other of others) {
      assert.notEqual(other.background, selected.background, 'the selected tab has a background of its own');
      // An unselected tab shows the canvas through its transparent background.
      const behind = other.background === 'rgba(0, 0, 0, 0)' ? tabs.canvas : other.background;
      assert.ok(contrast(selected.background, behind) >= 3, `selected ${selected.background} against ${behind}: ${contrast(selected.background, behind).toFixed(2)}:1`);
    }
    assert.ok(contrast(selected.color, selected.background) >= 4.5, `selected tab text ${selected.color} on ${selected.background}`);
    assertNoErrors(site.errors);
  });
});

// ---------------------------------------------------------- 4. dark mode

describe('dark theme', () => {
  const widgetColours = (page, root) =>
    page.evaluate((root) => {
      const dm = (root ? document.querySelector(root).shadowRoot : document).querySelector('.dm');
      const selected = dm.querySelector('[aria-selected="true"]');
      return { bg: getComputedStyle(dm).backgroundColor, text: getComputedStyle(dm).color, selected: getComputedStyle(selected).color };
    }, root);

  it('follows prefers-color-scheme on the standalone page, and a host can force light or dark', { timeout: TEST_TIMEOUT }, async (t) => {
    const dark = await StandalonePage.open(env, t, { hash: '#/lenalidomide', contextOptions: { colorScheme: 'dark' } });
    await dark.waitForTitle('Lenalidomide');
    assert.equal((await widgetColours(dark.page)).bg, 'rgb(18, 20, 23)', 'dark widget background');
    assert.equal(await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(18, 20, 23)', 'dark page');
    // Forced light, in a dark browser.
    await dark.page.addStyleTag({ content: ':root { --page-color-scheme: light; }' });
    assert.equal((await widgetColours(dark.page)).bg, 'rgb(255, 255, 255)', 'forced light');
    assert.equal(await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)', 'forced light page');

    const light = await StandalonePage.open(env, t, { hash: '#/lenalidomide', contextOptions: { colorScheme: 'light' } });
    await light.waitForTitle('Lenalidomide');
    assert.equal((await widgetColours(light.page)).bg, 'rgb(255, 255, 255)');
    await light.page.addStyleTag({ content: ':root { --page-color-scheme: dark; }' });
    assert.equal((await widgetColours(light.page)).bg, 'rgb(18, 20, 23)', 'forced dark');
    assertNoErrors(dark.errors);
    assertNoErrors(light.errors);
  });

  it('an embedding page forces a scheme with --dm-color-scheme, and --dm-* properties still theme the dark look', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await HostPage.open(env, t, `${env.baseUrl}demo/pharmacy.html`, { contextOptions: { colorScheme: 'dark' } });
    await host.widget('#default-widget').waitForTitle('Lenalidomide');
    // The demo page is light only and says so.
    assert.equal((await widgetColours(host.page, '#default-widget')).bg, 'rgb(255, 255, 255)', 'demo forces light');
    await host.page.addStyleTag({ content: '#default-widget { --dm-color-scheme: dark; --dm-accent: #ffd166; }' });
    const colours = await widgetColours(host.page, '#default-widget');
    assert.equal(colours.bg, 'rgb(18, 20, 23)', 'forced dark');
    assert.equal(colours.text, 'rgb(232, 234, 237)', 'dark text');
    assert.equal(colours.selected, 'rgb(255, 209, 102)', '--dm-accent themes the dark look');
    assertNoErrors(host.errors);
  });
});

// --------------------------------------------------- 5. read-aloud buttons

/** A speech synthesis that says nothing (headless Chromium has none, and the page then offers no read-aloud). */
function installSilentSpeech() {
  const synth = new EventTarget();
  Object.setPrototypeOf(synth, SpeechSynthesis.prototype);
  const voice = Object.create(SpeechSynthesisVoice.prototype, {
    name: { value: 'Test', enumerable: true },
    voiceURI: { value: 'Test', enumerable: true },
    lang: { value: 'en-US', enumerable: true },
    localService: { value: true, enumerable: true },
    default: { value: true, enumerable: true },
  });
  Object.defineProperties(synth, {
    getVoices: { value: () => [voice] },
    speak: { value: () => {} },
    pause: { value: () => {} },
    resume: { value: () => {} },
    cancel: { value: () => {} },
    paused: { get: () => false },
    speaking: { get: () => false },
    pending: { get: () => false },
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
}

describe('read-aloud buttons', () => {
  it('Pause and Stop look unavailable while nothing is read', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await StandalonePage.open(env, t, { hash: '#/lenalidomide', beforeGoto: (page) => page.addInitScript(installSilentSpeech) });
    await site.waitForTitle('Lenalidomide');
    await site.page.locator('.page-read-aloud button').nth(2).waitFor();
    const styles = await site.page.evaluate(() =>
      [...document.querySelectorAll('.page-read-aloud button')].map((b) => {
        const s = getComputedStyle(b);
        return { label: b.textContent.trim(), disabled: b.getAttribute('aria-disabled'), color: s.color, border: `${s.borderTopStyle} ${s.borderTopColor}`, cursor: s.cursor };
      }),
    );
    const [read, ...idle] = styles;
    assert.equal(idle.length, 2);
    for (const button of idle) {
      assert.equal(button.disabled, 'true', `${button.label}: aria-disabled`);
      assert.notEqual(button.color, read.color, `${button.label}: not the enabled colour`);
      assert.notEqual(button.border, read.border, `${button.label}: not the enabled border`);
      assert.match(button.border, /^dashed/, `${button.label}: dashed border`);
      assert.equal(button.cursor, 'not-allowed');
    }
    assert.match(read.border, /^solid/);
  });
});

// --------------------------------------------------- 6. announcements

/** Records, in `window.__announced`, every text of every `.dm-announce` region in the document, with the region's number. */
function recordAnnouncements() {
  window.__announced = [];
  const regions = [];
  const record = () => {
    for (const region of document.querySelectorAll('.dm-announce')) {
      if (!regions.includes(region)) regions.push(region);
      const entry = { region: regions.indexOf(region), text: region.textContent, live: region.getAttribute('aria-live') };
      const last = window.__announced.findLast((e) => e.region === entry.region);
      if (!last || last.text !== entry.text) window.__announced.push(entry);
    }
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
}

describe('announcements', () => {
  it('loading, then loaded, are changes of text in one polite region that stays', { timeout: TEST_TIMEOUT }, async (t) => {
    // The kiosk: its monographs open within the page (hash routes), so each
    // loads. Its catalog is held until its own loading is told, in the page's
    // region, so that the two loadings are told apart whatever the machine's speed.
    let catalogHeld;
    const site = await KioskPage.open(env, t, {
      hash: '#/',
      beforeGoto: async (page) => {
        await page.addInitScript(recordAnnouncements);
        ({ route: catalogHeld } = await holdRequest(page, '**/content/index.json'));
      },
    });
    const told = (text, from = 0) =>
      waitUntil(
        site.page,
        ([text, from]) => window.__announced.slice(from).some((e) => e.text === text),
        [text, from],
        `"${text}" announced`,
      );
    const announced = () => site.page.evaluate(() => window.__announced);
    const historyOf = (entries, region) => entries.filter((e) => e.region === region).map((e) => e.text);

    await told(LOADING);
    await (await catalogHeld).continue();
    await site.waitForCatalog();
    const pageRegion = (await announced()).find((e) => e.text === LOADING).region;

    const { route } = await holdRequest(site.page, '**/content/lenalidomide.json');
    const beforeClick = (await announced()).length;
    await site.results.filter({ hasText: 'Lenalidomide' }).click();
    const held = await route;
    await told(LOADING, beforeClick);
    await held.continue();
    await site.waitForTitle('Lenalidomide');
    await told(LOADED, beforeClick);
    // The page's region says nothing once its catalog is shown.
    await waitUntil(site.page, (region) => window.__announced.findLast((e) => e.region === region).text === '', pageRegion, 'the catalog\'s loading cleared');

    const entries = await announced();
    const region = entries.slice(beforeClick).find((e) => e.text === LOADING).region;
    assert.notEqual(region, pageRegion, 'the monograph has its own region');
    assert.deepEqual(
      historyOf(entries, region),
      ['', LOADING, LOADED],
      'the region is in the page empty first, then changes its text',
    );
    assert.deepEqual(historyOf(entries, pageRegion), ['', LOADING, ''], 'the catalog\'s loading, told and then cleared');
    assert.ok(entries.every((e) => e.live === 'polite'));
    assert.equal(await site.page.locator('.dm-announce').filter({ hasText: LOADED }).count(), 1, 'the region stays');
    assertNoErrors(site.errors);
  });

  it('a failure is announced in the region of an embedded widget, which stays in its shadow root', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await HostPage.open(env, t, `${env.baseUrl}demo/pharmacy.html`, {
      beforeGoto: (page) => page.route('**/content/lenalidomide.json', (route) => route.fulfill({ status: 503, body: 'down' })),
    });
    const region = host.page.locator('#default-widget .dm-announce');
    await region.filter({ hasText: 'We could not show this medicine information' }).waitFor({ state: 'attached' });
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    // Loaded, after a retry, in the same region.
    await host.page.unroute('**/content/lenalidomide.json');
    const handle = await region.elementHandle();
    await host.page.locator('#default-widget .dm-retry').click();
    await host.widget('#default-widget').waitForTitle('Lenalidomide');
    await region.filter({ hasText: LOADED }).waitFor({ state: 'attached' });
    assert.ok(await handle.evaluate((el) => el.isConnected && el.textContent.includes('loaded')), 'the same element, still there');
    assertNoErrors(host.errors, { allow: (e) => /503|Failed to load resource/.test(e.text) });
  });
});

// ------------------------------------------------- 7. landmarks, headings

describe('landmarks and headings', () => {
  it('the skip link is in the banner, the page has one h1 while it loads, and "Take this home" is a heading', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await KioskPage.open(env, t, { query: `?share=${encodeURIComponent(SHARE_BASE)}`, hash: '#/' });
    const { page } = kiosk;
    await kiosk.waitForCatalog();
    assert.equal(await page.locator('header.page-header > a.skip-link').count(), 1, 'the skip link is the banner\'s');

    const { route } = await holdRequest(page, '**/content/lenalidomide.json');
    await kiosk.results.filter({ hasText: 'Lenalidomide' }).click();
    const held = await route;
    await page.locator('.dm-status').waitFor();
    const loadingHeadings = await page.getByRole('heading', { level: 1 }).allTextContents();
    assert.deepEqual(loadingHeadings.map((h) => h.trim()), ['Lenalidomide'], 'one h1 while loading');
    const report = await structureViolations(page, 'loading');
    await held.continue();
    await kiosk.waitForTitle('Lenalidomide');
    await page.getByRole('heading', { level: 2, name: 'Take this home', exact: true }).waitFor();
    report.push(...(await structureViolations(page, 'monograph')));
    assert.deepEqual(report, []);
    assertNoErrors(kiosk.errors);
  });
});

// ---------------------------------------------- 8. a phone's first screen

describe("a phone's first screen", () => {
  for (const { viewport, speech } of [
    { viewport: { width: 375, height: 667 } },
    { viewport: { width: 375, height: 667 }, speech: true },
    { viewport: { width: 320, height: 568 } },
  ]) {
    const what = `${viewport.width}×${viewport.height}${speech ? ', with read-aloud' : ''}`;
    it(`shows the disclaimer and the first lines of the open panel, whichever tab, at ${what}`, { timeout: TEST_TIMEOUT }, async (t) => {
      const site = await StandalonePage.open(env, t, {
        hash: '#/lenalidomide',
        contextOptions: { viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
        beforeGoto: speech && ((page) => page.addInitScript(installSilentSpeech)),
      });
      await site.waitForTitle('Lenalidomide');
      const report = [];
      for (const id of TAB_IDS) {
        await site.page.evaluate(() => window.scrollTo(0, 0));
        await openTab(site, id);
        await site.page.evaluate(() => window.scrollTo(0, 0));
        const m = await site.page.evaluate(() => {
          const panel = document.querySelector('.dm-panel:not([hidden]) .dm-panel-body');
          // The first two lines of the panel's text.
          const range = document.createRange();
          const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT, (n) => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP));
          const first = walker.nextNode();
          range.selectNodeContents(first);
          const lines = [...range.getClientRects()];
          const lineTops = [...new Set(lines.map((r) => Math.round(r.top)))];
          const secondLineBottom = Math.max(...lines.filter((r) => Math.round(r.top) <= (lineTops[1] ?? lineTops[0])).map((r) => r.bottom));
          const tabs = [...document.querySelectorAll('[role="tab"]')].map((tab) => tab.getBoundingClientRect().top);
          const list = document.querySelector('[role="tablist"]');
          const controls = document.querySelector('.page-toolbar');
          const disclaimer = document.querySelector('.dm-disclaimer').getBoundingClientRect();
          const mostImportant = document.querySelector('.dm-key').getBoundingClientRect();
          const toolbar = [...document.querySelectorAll('.page-toolbar input, .page-toolbar button, .page-read-aloud button')].filter((el) => !el.checkVisibility({ opacityProperty: false }));
          return {
            viewport: innerHeight,
            secondLineBottom,
            disclaimerBottom: disclaimer.bottom,
            mostImportantBottom: mostImportant.bottom,
            tabRows: new Set(tabs.map(Math.round)).size,
            scrolls: list.scrollWidth > list.clientWidth,
            cue: getComputedStyle(list).backgroundImage,
            // One row: every control spans the same horizontal line.
            controlsInOneRow: (() => {
              const boxes = [...controls.querySelectorAll('button, .page-choice')].map((el) => el.getBoundingClientRect());
              return Math.max(...boxes.map((box) => box.top)) < Math.min(...boxes.map((box) => box.bottom));
            })(),
            controlsScroll: controls.scrollWidth > controls.clientWidth,
            controlsCue: getComputedStyle(controls).backgroundImage,
            hiddenControls: toolbar.length,
            sideways: document.documentElement.scrollWidth > innerWidth,
          };
        });
        if (m.secondLineBottom > m.viewport) report.push(`${id}: the panel's second line ends at ${m.secondLineBottom.toFixed(0)}px, below ${m.viewport}px`);
        if (m.disclaimerBottom > m.viewport) report.push(`${id}: the disclaimer ends at ${m.disclaimerBottom.toFixed(0)}px`);
        if (m.mostImportantBottom > m.viewport) report.push(`${id}: the most important information ends at ${m.mostImportantBottom.toFixed(0)}px`);
        if (m.tabRows !== 1) report.push(`${id}: tabs in ${m.tabRows} rows`);
        if (m.scrolls && !m.cue.includes('gradient')) report.push(`${id}: a scrolling tab row without a cue`);
        if (!m.controlsInOneRow) report.push(`${id}: the page's controls in more than one row`);
        if (m.controlsScroll && !m.controlsCue.includes('gradient')) report.push(`${id}: a scrolling row of controls without a cue`);
        if (m.hiddenControls) report.push(`${id}: ${m.hiddenControls} controls removed`);
        if (m.sideways) report.push(`${id}: the page scrolls sideways`);
        // The selected tab is in view inside its row.
        const tab = await site.tab(id).boundingBox();
        if (tab.x < 0 || tab.x + tab.width > viewport.width) report.push(`${id}: the selected tab is out of view (${tab.x}..${tab.x + tab.width})`);
      }
      assert.deepEqual(report, []);
      assertNoErrors(site.errors);
    });
  }
});

// ------------------------------------------------------ 10. closed panels

describe('closed panels', () => {
  // A closed panel keeps its layout for a quick switch back (widget.css),
  // and must still be as gone as `hidden` says.
  it('keep their text from focus, screen readers and find in page until opened', { timeout: TEST_TIMEOUT }, async (t) => {
    const site = await StandalonePage.open(env, t, { hash: '#/lenalidomide' });
    await site.waitForTitle('Lenalidomide');
    await openTab(site, 'usage');
    const { page } = site;
    // Text only the FAQs panel holds.
    const question = (await page.locator('#dm-panel-faqs .dm-question').first().textContent()).trim();
    assert.ok(question.length > 10, `a question of the FAQs panel (${question})`);
    const reach = async () => {
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      await cdp.detach();
      return {
        exposed: nodes.some((n) => !n.ignored && n.name?.value?.includes(question)),
        found: await page.evaluate((text) => {
          const found = window.find(text, false, false, true);
          getSelection().removeAllRanges();
          return found;
        }, question),
      };
    };
    assert.deepEqual(await reach(), { exposed: false, found: false }, 'closed');

    // Every stop of the keyboard, from the top of the page round to it again.
    const stops = new Set();
    await page.evaluate(() => document.activeElement?.blur());
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement;
        return el && el !== document.body ? { id: el.id || el.tagName, closed: Boolean(el.closest('[role="tabpanel"][hidden]')) } : null;
      });
      if (!stop) break;
      if (stop.closed) stops.add(stop.id);
    }
    assert.deepEqual([...stops], [], 'no keyboard stop in a closed panel');

    await openTab(site, 'faqs');
    assert.deepEqual(await reach(), { exposed: true, found: true }, 'open');
    assertNoErrors(site.errors);
  });
});

// ------------------------------------------------- 9. the pharmacy demo

/** Sums the layout shifts not caused by input, in `window.__shift`, from the start. */
function recordLayoutShift() {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

describe('the pharmacy demo', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 667 }, { width: 320, height: 568 }]) {
    it(`does not shift while its widgets load, nor scroll sideways, at ${viewport.width}×${viewport.height}`, { timeout: TEST_TIMEOUT }, async (t) => {
      const host = await HostPage.open(env, t, `${env.baseUrl}demo/pharmacy.html`, {
        contextOptions: { viewport },
        beforeGoto: async (page) => {
          await page.addInitScript(recordLayoutShift);
          // A network slow enough for the reserved space to matter.
          await page.route('**/content/lenalidomide.json', async (route) => {
            await new Promise((resolve) => setTimeout(resolve, 400));
            await route.continue();
          });
        },
      });
      await host.widget('#default-widget').waitForTitle('Lenalidomide');
      await host.widget('#branded-widget').waitForTitle('Lenalidomide');
      await host.page.locator('#event-log li').nth(1).waitFor();
      await host.page.waitForTimeout(300);
      const shift = await host.page.evaluate(() => window.__shift);
      assert.ok(shift < 0.1, `cumulative layout shift ${shift.toFixed(3)} (< 0.1 is good)`);
      const sideways = await host.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(sideways <= 0, `scrolls sideways by ${sideways}px`);
      assertNoErrors(host.errors);
    });
  }
});
