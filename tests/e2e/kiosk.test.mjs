// End-to-end tests of the clinic kiosk (dist/kiosk.html) in headless Chromium:
// the inactivity reset, touch targets, no selection / context menu / leaving the
// site, the take-home QR code, read-aloud and accessibility.
//
//   node --test tests/e2e/
//
// Needs a built dist/ (scripts/build), `npm ci` (playwright-core, axe-core, jsqr,
// pngjs) and a Chromium binary: $CHROMIUM or /usr/bin/chromium. DIST=<folder>
// serves another folder.
//
// The kiosk is served from dist/ itself, with the real Lenalidomide monograph.
// Timings are shortened through the address (kiosk.html?idle=N&countdown=N),
// and the tests of the inactivity warning stop the clock (KioskPage, `clock`):
// time passes when they let it, exactly as long as they say, at once.
// Service workers are blocked in these contexts (the offline worker has its own
// tests in offline.test.mjs): every request then goes through Playwright's
// routing, which keeps anything from leaving the machine. Speech synthesis is
// replaced by a recording stub (addInitScript) where read-aloud is tested.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { IDLE_TITLE, KioskPage, STILL_READING } from './pages/kiosk.mjs';
import { TAB_IDS } from './pages/monograph.mjs';
import { assertNoErrors, axeAudit, DIST, TEST_TIMEOUT, useBrowserAndServer, WAIT_TIMEOUT, waitUntil } from './support.mjs';

const LENALIDOMIDE = JSON.parse(fs.readFileSync(path.join(DIST, 'content', 'lenalidomide.json'), 'utf8'));

/** Smallest touch target on the kiosk, in CSS px. */
const MIN_TARGET = 48;
/** The kiosk's normal text: 125% of Chromium's 16px. */
const KIOSK_ROOT_PX = 20;

const SHARE_BASE = 'https://pharmacy.example/medicines/';

// The browser, and the server of dist/ at env.baseUrl.
const env = useBrowserAndServer({
  requires: 'kiosk.html',
  chromiumArgs: [
    // Belt and braces for the tests of links to other sites: no host name but
    // the test server's resolves, so not even a DNS query leaves the machine
    // (a tab opened by a middle click escapes Playwright's routing).
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});

// ---------------------------------------------------------------- helpers

/** Opens the kiosk (KioskPage.open); `speech` replaces speech synthesis by the stub (installSpeechStub). */
function openKiosk(t, { speech, ...options } = {}) {
  return KioskPage.open(env, t, { ...options, beforeGoto: speech && ((page) => page.addInitScript(installSpeechStub, speech)) });
}

/**
 * A touch-screen kiosk on Lenalidomide with its clock stopped, which warns
 * after a second untouched and then counts down from 30.
 */
const openTouchKiosk = (t) =>
  openKiosk(t, { query: '?idle=1&countdown=30', hash: '#/lenalidomide', contextOptions: { hasTouch: true }, clock: true });

/** The kiosk on Lenalidomide, with every new tab or window it opens kept in `popups`. */
async function openKioskWatchingForNewTabs(t) {
  const kiosk = await openKiosk(t, { hash: '#/lenalidomide' });
  await kiosk.waitForTitle('Lenalidomide');
  const popups = [];
  kiosk.context.on('page', (page) => popups.push(page));
  return { kiosk, popups };
}

// A scroll is activity to the kiosk. On a stopped clock, the time a test lets
// pass after scrolling must come after the last scroll event, hence the waits
// for it in the two helpers below.

/** Scrolls the window so that the middle of `locator` is at viewport height `y`, and waits for the scroll event. */
async function scrollSoThatMiddleIsAt(page, locator, y) {
  const box = await locator.boundingBox();
  await page.evaluate(
    (dy) =>
      new Promise((resolve) => {
        const before = window.scrollY;
        window.addEventListener('scroll', () => resolve(), { once: true });
        window.scrollBy(0, dy);
        // Nothing to scroll: no event will come (and the check below fails).
        if (window.scrollY === before) resolve();
      }),
    box.y + box.height / 2 - y,
  );
  const after = await locator.boundingBox();
  assert.ok(Math.abs(after.y + after.height / 2 - y) < 2, `could not scroll ${locator} to y=${y} (page too short?)`);
  return after;
}

/** Turns the mouse wheel by `dy` over the page, and waits until the scrolling it started has ended. */
async function scrollWithWheel(page, dy) {
  await page.evaluate(() => {
    window.__scrollEnded = new Promise((resolve) => document.addEventListener('scrollend', () => resolve(), { once: true }));
  });
  await page.mouse.wheel(0, dy);
  await page.evaluate(() => window.__scrollEnded);
}

/**
 * Every interactive element that is rendered (links, buttons, inputs, radio labels,
 * tabs, anything focusable) whose target is smaller than MIN_TARGET in either
 * direction: its box, or the box of an absolutely positioned ::before that
 * widens it (a word of the text explained keeps its line's height and takes
 * the taps around it).
 */
function smallTargets(page) {
  return page.evaluate((min) => {
    const selector = [
      'a[href]',
      'button',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[role="tab"]',
      '[role="button"]',
      'label:has(input[type="radio"])',
      '[tabindex]:not([tabindex="-1"])',
    ].join(', ');
    const seen = [];
    const small = [];
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const before = getComputedStyle(el, '::before');
      const widened = before.position === 'absolute' && before.content !== 'none';
      const r = {
        width: Math.max(box.width, widened ? parseFloat(before.width) || 0 : 0),
        height: Math.max(box.height, widened ? parseFloat(before.height) || 0 : 0),
      };
      const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 30)}"`;
      seen.push(name);
      if (r.width < min || r.height < min) small.push(`${name} ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    }
    return { seen, small };
  }, MIN_TARGET);
}

/** Screenshots the take-home QR code and decodes it; null when it does not decode. */
async function decodeQr(page) {
  const svg = page.locator('.page-take-home svg');
  const png = PNG.sync.read(await svg.screenshot({ animations: 'disabled' }));
  const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  return jsQR(pixels, png.width, png.height)?.data ?? null;
}

// ------------------------------------------------------------ speech stub

/**
 * Runs in the page before its scripts (addInitScript): replaces speechSynthesis
 * with a stub that reports `voices`, records every call in window.__speech.log and
 * never speaks. The stub passes the app's `instanceof SpeechSynthesis` and
 * `instanceof SpeechSynthesisVoice` checks; utterances are plain event targets
 * (the real constructor refuses a stub voice). window.__speech.finish() ends every
 * queued utterance (`end` events), setVoices() changes the voices (voiceschanged).
 */
function installSpeechStub({ voices }) {
  const log = [];
  const queue = [];
  let paused = false;
  const makeVoice = ({ name, lang, localService = true, isDefault = false }) =>
    Object.create(SpeechSynthesisVoice.prototype, {
      name: { value: name, enumerable: true },
      voiceURI: { value: name, enumerable: true },
      lang: { value: lang, enumerable: true },
      localService: { value: localService, enumerable: true },
      default: { value: isDefault, enumerable: true },
    });
  let list = voices.map(makeVoice);
  const synth = new EventTarget();
  Object.setPrototypeOf(synth, SpeechSynthesis.prototype);
  const later = (fn) => setTimeout(fn, 0);
  Object.defineProperties(synth, {
    getVoices: { value: () => list.slice() },
    speak: {
      value: (utterance) => {
        log.push({ method: 'speak', text: utterance.text, lang: utterance.lang, voice: utterance.voice?.lang ?? null });
        queue.push(utterance);
      },
    },
    pause: { value: () => { log.push({ method: 'pause' }); paused = true; } },
    resume: { value: () => { log.push({ method: 'resume' }); paused = false; } },
    cancel: {
      value: () => {
        log.push({ method: 'cancel' });
        // As browsers do: every queued utterance fails with "interrupted", later.
        for (const utterance of queue.splice(0)) {
          later(() => {
            const event = new Event('error');
            event.error = 'interrupted';
            utterance.dispatchEvent(event);
          });
        }
      },
    },
    paused: { get: () => paused },
    speaking: { get: () => queue.length > 0 },
    pending: { get: () => queue.length > 1 },
    onvoiceschanged: { value: null, writable: true },
  });
  class StubUtterance extends EventTarget {
    constructor(text = '') {
      super();
      this.text = String(text);
      this.lang = '';
      this.voice = null;
      this.volume = 1;
      this.rate = 1;
      this.pitch = 1;
    }
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = StubUtterance;
  window.__speech = {
    log,
    calls: () => log.map((entry) => entry.method),
    finish() {
      for (const utterance of queue.splice(0)) utterance.dispatchEvent(new Event('end'));
    },
    setVoices(next) {
      list = next.map(makeVoice);
      synth.dispatchEvent(new Event('voiceschanged'));
    },
  };
}

const ENGLISH_VOICE = { name: 'Stub English', lang: 'en-US', localService: true };
const SPANISH_DEFAULT_VOICE = { name: 'Stub Spanish', lang: 'es-ES', localService: true, isDefault: true };

/** What read-aloud says for a tab of Lenalidomide: src/reading.rs, from the JSON. */
function expectedReading(monograph, id) {
  const plain = (paragraph) => paragraph.map((span) => span.text).join('');
  const lines = [];
  const text = (p) => p && lines.push(plain(p));
  const items = (list) => list.forEach((item) => lines.push(`${item.term}: ${plain(item.text)}`));
  switch (id) {
    case 'usage':
      text(monograph.usage.intro);
      items(monograph.usage.conditions);
      text(monograph.usage.note);
      break;
    case 'dosage':
      text(monograph.dosage.intro);
      items(monograph.dosage.conditions);
      text(monograph.dosage.adjustment);
      break;
    case 'faqs':
      for (const faq of monograph.faqs) {
        lines.push(faq.question);
        text(faq.answer);
      }
      break;
    default:
      throw new Error(`no expected reading for ${id}`);
  }
  return lines.map((line) => line.split(/\s+/).filter(Boolean).join(' ')).filter(Boolean);
}

const speechLog = (page) => page.evaluate(() => window.__speech.log.slice());
const speechCalls = (page) => page.evaluate(() => window.__speech.calls());

// ------------------------------------------------------------------ tests

describe('kiosk', { timeout: TEST_TIMEOUT * 16 }, () => {
  it('warns after inactivity with a countdown, which "I\'m still reading" cancels', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await openKiosk(t, { query: '?idle=1&countdown=30', hash: '#/lenalidomide/dosage', clock: true });
    const { page } = kiosk;
    await kiosk.waitForTitle('Lenalidomide');
    await kiosk.expectSelected('dosage');

    const dialog = kiosk.idleDialog();
    await kiosk.leaveUntouched(1);
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    assert.equal((await page.locator('#page-idle-title').textContent()).trim(), IDLE_TITLE);
    const first = await kiosk.secondsLeft();
    assert.equal(first, 30, 'the countdown starts from its full length');
    // The answer has the focus, so a keyboard or switch user can give it at once.
    const still = dialog.getByRole('button', { name: STILL_READING, exact: true });
    await waitUntil(page, () => document.activeElement?.classList.contains('page-still-reading'), undefined, 'focus on the button');
    // The seconds count down.
    await kiosk.leaveUntouched(1);
    await waitUntil(
      page,
      (first) => Number(document.querySelector('#page-idle-message')?.textContent.match(/(\d+)/)?.[1]) < first,
      first,
      `seconds left fall below ${first}`,
    );
    assert.equal(await kiosk.secondsLeft(), first - 1, 'a second later, a second less');

    await still.click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(kiosk.hash(), '#/lenalidomide/dosage', 'still on the same page');
    await kiosk.expectSelected('dosage');

    // And by keyboard: Enter on the focused answer.
    await kiosk.leaveUntouched(1);
    await dialog.waitFor();
    await waitUntil(page, () => document.activeElement?.classList.contains('page-still-reading'), undefined, 'focus on the button');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(kiosk.hash(), '#/lenalidomide/dosage', 'still on the same page');
    await kiosk.expectSelected('dosage');
    assertNoErrors(kiosk.errors);
  });

  it('cancels the countdown on a plain click or touch anywhere', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await openTouchKiosk(t);
    const { page } = kiosk;
    await kiosk.waitForTitle('Lenalidomide');
    const dialog = kiosk.idleDialog();

    // Nothing to press lies under the top-left corner (the site title's band).
    assert.equal(
      await page.evaluate(() => document.elementsFromPoint(8, 8).find((el) => !el.closest('.page-idle-backdrop'))?.className),
      'page-header',
    );

    // A click on the dimmed page, away from the dialog.
    await kiosk.leaveUntouched(1);
    await dialog.waitFor();
    await page.mouse.click(8, 8);
    await dialog.waitFor({ state: 'detached' });
    assert.equal(kiosk.hash(), '#/lenalidomide');

    // A touch on the dimmed page.
    await kiosk.leaveUntouched(1);
    await dialog.waitFor();
    await page.touchscreen.tap(8, 8);
    await dialog.waitFor({ state: 'detached' });
    assert.equal(kiosk.hash(), '#/lenalidomide');
    await kiosk.expectSelected('usage');

    // A key.
    await kiosk.leaveUntouched(1);
    await dialog.waitFor();
    await page.keyboard.press('Shift');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(kiosk.hash(), '#/lenalidomide');
    assertNoErrors(kiosk.errors);
  });

  it('does not pass the tap that answers the countdown on to what lies beneath (touch)', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await openTouchKiosk(t);
    const { page } = kiosk;
    await kiosk.waitForTitle('Lenalidomide');
    await kiosk.expectSelected('usage');
    const dialog = kiosk.idleDialog();
    const still = page.getByRole('button', { name: STILL_READING, exact: true });
    const selectedTab = () => page.locator('[role="tab"][aria-selected="true"]').textContent();
    const outcomes = {};
    // With the clock stopped the page's own timers and frames wait too: a tap
    // has done all it will do once its click has been dispatched.
    await page.evaluate(() => {
      window.__clicks = 0;
      window.addEventListener('click', () => window.__clicks++, true);
    });
    const tapAndWaitForItsClick = async (x, y) => {
      const clicks = await page.evaluate(() => window.__clicks);
      await page.touchscreen.tap(x, y);
      await waitUntil(page, (n) => window.__clicks > n, clicks, 'the click of the tap');
    };

    // Where does the answer appear? Put a tab right under it.
    await kiosk.leaveUntouched(1);
    await dialog.waitFor();
    const button = await still.boundingBox();
    await page.keyboard.press('Shift');
    await dialog.waitFor({ state: 'detached' });
    const under = await scrollSoThatMiddleIsAt(page, kiosk.tab('how-it-works'), button.y + button.height / 2);
    const x = under.x + under.width / 2;
    const y = under.y + under.height / 2;
    assert.ok(x > button.x && x < button.x + button.width, 'the tab lies under the button');

    // The patient taps "I'm still reading": the countdown goes, and nothing else happens.
    await kiosk.leaveUntouched(1);
    await dialog.waitFor();
    assert.equal(
      await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.textContent.trim(), [x, y]),
      STILL_READING,
      'the tap lands on the button',
    );
    await tapAndWaitForItsClick(x, y);
    await dialog.waitFor({ state: 'detached' });
    outcomes['tap on "I\'m still reading" over the How it works tab'] = `${kiosk.hash()}, tab ${await selectedTab()}`;
    // Back to where the patient was, if the tap went through.
    if (kiosk.hash() !== '#/lenalidomide') {
      await kiosk.tab('usage').click();
      await page.evaluate(() => history.replaceState(null, '', '#/lenalidomide'));
      await kiosk.expectSelected('usage');
    }

    // A tap on the dimmed page, above the dialog, over a tab.
    const dosage = await scrollSoThatMiddleIsAt(page, kiosk.tab('dosage'), 60);
    await kiosk.leaveUntouched(1);
    await dialog.waitFor();
    const card = await page.locator('.page-idle').boundingBox();
    assert.ok(card.y > 60 + dosage.height, 'the dialog leaves the tab uncovered but dimmed');
    await tapAndWaitForItsClick(dosage.x + dosage.width / 2, 60);
    await dialog.waitFor({ state: 'detached' });
    outcomes['tap on the dimmed page over the Dosage tab'] = `${kiosk.hash()}, tab ${await selectedTab()}`;

    const expected = Object.fromEntries(Object.keys(outcomes).map((k) => [k, '#/lenalidomide, tab Usage']));
    assert.deepEqual(outcomes, expected, 'a tap that dismisses the countdown must not also press what lies beneath it');
    assertNoErrors(kiosk.errors);
  });

  it('returns to the start when the countdown runs out: catalog, empty search, top, normal text and language', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await openKiosk(t, { query: '?idle=3&countdown=2', clock: true });
    const { page } = kiosk;
    const largerText = () =>
      waitUntil(page, (px) => parseFloat(getComputedStyle(document.documentElement).fontSize) > px, KIOSK_ROOT_PX, 'larger text');
    await kiosk.waitForCatalog();
    assert.equal(await kiosk.rootFontSize(), KIOSK_ROOT_PX, 'the kiosk starts at 125%');

    // The previous patient: Spanish, a search, large text, a long page scrolled down.
    await page.getByRole('button', { name: 'Español', exact: true }).click();
    await kiosk.waitForCatalog('Todos los medicamentos');
    const box = page.getByRole('searchbox');
    await box.fill('lena');
    await page.locator('#page-search-count').filter({ hasText: '1 medicamento encontrado' }).waitFor();
    await kiosk.textSize(150).check();
    await largerText();
    await page.getByRole('link', { name: /^Lenalidomide/ }).click();
    await kiosk.waitForTitle('Lenalidomide');
    await page.mouse.move(640, 400);
    await scrollWithWheel(page, 1500);
    await waitUntil(page, () => window.scrollY > 500, undefined, 'scrolled down');
    assert.ok(await page.evaluate(() => localStorage.length > 0), 'the choices were remembered');

    // Nobody touches the screen: after 3 seconds (not before) the warning, in
    // the patient's language, then after 2 more the reset.
    const dialog = kiosk.idleDialog('¿Sigue leyendo?');
    await kiosk.leaveUntouched(2);
    assert.equal(await dialog.count(), 0, 'no warning before 3 seconds untouched');
    await kiosk.leaveUntouched(1);
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Sigo leyendo', exact: true }).waitFor();
    await kiosk.leaveUntouched(1);
    assert.equal(await dialog.count(), 1, 'still warning a second before the reset');
    await kiosk.leaveUntouched(1);
    await dialog.waitFor({ state: 'detached' });

    // The start, for the next patient.
    await kiosk.waitForCatalog();
    await waitUntil(page, () => location.hash === '#/', undefined, 'address #/');
    assert.equal(await page.getByRole('searchbox').inputValue(), '', 'search box empty');
    await page.locator('#page-search-count').filter({ hasText: '1 medicine found' }).waitFor();
    await waitUntil(page, () => window.scrollY === 0, undefined, 'scrolled to the top');
    assert.equal(await kiosk.rootFontSize(), KIOSK_ROOT_PX, 'normal text size');
    assert.ok(await kiosk.textSize(100).isChecked(), '100% checked');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the browser language again');
    assert.equal(await page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing of the previous patient remembered');

    // Still so after a reload.
    await page.reload();
    await kiosk.waitForCatalog();
    assert.equal(await kiosk.rootFontSize(), KIOSK_ROOT_PX);

    // A patient who walks away from the catalog, search typed and text enlarged.
    await page.getByRole('searchbox').fill('lena');
    await kiosk.textSize(200).check();
    await largerText();
    await kiosk.leaveUntouched(3);
    await kiosk.idleDialog().waitFor();
    await kiosk.leaveUntouched(2);
    await kiosk.idleDialog().waitFor({ state: 'detached' });
    await waitUntil(page, () => document.querySelector('#page-search')?.value === '', undefined, 'search box emptied');
    await waitUntil(page, (px) => parseFloat(getComputedStyle(document.documentElement).fontSize) === px, KIOSK_ROOT_PX, 'normal text size');
    assert.equal(kiosk.hash(), '#/');
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assertNoErrors(kiosk.errors);
  });

  it('turns the standalone page into the kiosk with ?kiosk', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await openKiosk(t, {
      path: 'index.html',
      query: '?kiosk&idle=1&countdown=30',
      hash: '#/lenalidomide',
      clock: true,
      consoleErrors: false,
    });
    const { page } = kiosk;
    await kiosk.waitForTitle('Lenalidomide');
    assert.equal(await page.locator('.page-app.kiosk').count(), 1, 'kiosk mode');
    assert.equal(await kiosk.rootFontSize(), KIOSK_ROOT_PX, 'kiosk text size');
    assert.equal(await page.getByRole('button', { name: 'Print', exact: true }).count(), 0, 'no Print on a kiosk');
    await page.locator('.page-take-home svg').waitFor();
    await kiosk.leaveUntouched(1);
    await kiosk.idleDialog().waitFor();
    assertNoErrors(kiosk.errors);
  });

  it('makes every touch target at least 48×48 CSS px', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const report = [];
    for (const viewport of [{ width: 1280, height: 800 }, { width: 800, height: 1280 }]) {
      const size = `${viewport.width}×${viewport.height}`;
      const contextOptions = { viewport, hasTouch: true };
      const kiosk = await openKiosk(t, {
        query: `?share=${encodeURIComponent(SHARE_BASE)}`,
        contextOptions,
        speech: { voices: [ENGLISH_VOICE] },
      });
      const { page } = kiosk;
      await kiosk.waitForCatalog();
      await page.getByRole('link', { name: /^Lenalidomide/ }).waitFor();
      let { seen, small } = await smallTargets(page);
      assert.ok(seen.some((s) => s.startsWith('input.page-search')), `the search box is measured (${seen.join(', ')})`);
      if (small.length) report.push(`${size} catalog:\n    ${small.join('\n    ')}`);

      await page.getByRole('link', { name: /^Lenalidomide/ }).click();
      await kiosk.waitForTitle('Lenalidomide');
      await page.getByRole('button', { name: 'Read aloud', exact: true }).waitFor();
      await page.locator('.page-take-home svg').waitFor();
      for (const id of ['usage', 'faqs']) {
        await kiosk.openTab(id);
        ({ seen, small } = await smallTargets(page));
        for (const expected of ['button.dm-tab', 'label.page-choice', 'button.page-button "Read aloud"', 'a "All medicines"']) {
          assert.ok(seen.some((s) => s.startsWith(expected)), `${expected} is measured (${seen.join(', ')})`);
        }
        if (small.length) report.push(`${size} monograph, tab ${id}:\n    ${small.join('\n    ')}`);
      }

      // The idle dialog's answer.
      const idle = await openKiosk(t, { contextOptions, query: '?idle=1&countdown=60', hash: '#/lenalidomide', clock: true });
      await idle.waitForTitle('Lenalidomide');
      await idle.leaveUntouched(1);
      await idle.idleDialog().waitFor();
      ({ seen, small } = await smallTargets(idle.page));
      assert.ok(seen.some((s) => s.includes(STILL_READING)), 'the still-reading button is measured');
      if (small.length) report.push(`${size} idle dialog:\n    ${small.join('\n    ')}`);
      assertNoErrors([...kiosk.errors, ...idle.errors]);
    }
    assert.equal(report.length, 0, `touch targets under ${MIN_TARGET}×${MIN_TARGET} px:\n  ${report.join('\n  ')}`);
  });

  it('allows no text selection and no context menu', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await openKiosk(t, { hash: '#/lenalidomide' });
    const { page } = kiosk;
    await kiosk.waitForTitle('Lenalidomide');
    const userSelect = await page.evaluate(() =>
      ['.page-app', 'main', 'h1.dm-title', '.dm-panel:not([hidden]) .dm-panel-body p', '.dm-panel:not([hidden]) li', '.dm-disclaimer p', '.dm-about dd', '.page-take-home-url'].map(
        (selector) => {
          const el = document.querySelector(selector);
          return `${selector}: ${el ? getComputedStyle(el).userSelect : 'missing'}`;
        },
      ),
    );
    for (const line of userSelect) assert.match(line, /: none$/, `user-select: ${line}`);

    // Dragging across a paragraph selects nothing.
    const paragraph = page.locator('.dm-panel:not([hidden]) .dm-panel-body p').first();
    const box = await paragraph.boundingBox();
    await page.mouse.move(box.x + 2, box.y + 4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2, box.y + box.height - 4, { steps: 5 });
    await page.mouse.up();
    await paragraph.dblclick();
    assert.equal(await page.evaluate(() => String(window.getSelection())), '', 'nothing selected');

    // The context menu is refused, whether dispatched or from a right click.
    const prevented = await paragraph.evaluate((p) => !p.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })));
    assert.ok(prevented, 'a contextmenu event is defaultPrevented');
    await page.evaluate(() => {
      window.__menus = [];
      window.addEventListener('contextmenu', (e) => window.__menus.push(e.defaultPrevented));
    });
    await paragraph.click({ button: 'right' });
    assert.deepEqual(await page.evaluate(() => window.__menus), [true], 'a right click opens no menu');

    // Typing in the search box still works (its text may be selected).
    await page.goto(`${env.baseUrl}kiosk.html#/`);
    await kiosk.waitForCatalog();
    assert.equal(await page.getByRole('searchbox').evaluate((el) => getComputedStyle(el).userSelect), 'text');
    assertNoErrors(kiosk.errors);
  });

  it('does not follow links to other sites', { timeout: TEST_TIMEOUT }, async (t) => {
    const { kiosk, popups } = await openKioskWatchingForNewTabs(t);
    const { page, external } = kiosk;
    const here = page.url();
    await page.evaluate(() => {
      window.__clicks = [];
      // Registered last, on the window: sees whether the kiosk prevented the default.
      window.addEventListener('click', (e) => window.__clicks.push({ id: e.target.closest('a')?.id, prevented: e.defaultPrevented }));
      document.querySelector('main').insertAdjacentHTML(
        'afterbegin',
        '<p><a id="external" href="https://example.org/">An <span>outside</span> site</a> ' +
          '<a id="external-blank" href="https://example.org/new" target="_blank">In a new window</a></p>',
      );
    });

    await page.locator('#external span').click();
    await page.locator('#external-blank').click();
    await page.locator('#external').press('Enter');
    await waitUntil(page, () => window.__clicks.length === 3, undefined, 'three clicks seen');
    assert.deepEqual(
      await page.evaluate(() => window.__clicks),
      [
        { id: 'external', prevented: true },
        { id: 'external-blank', prevented: true },
        { id: 'external', prevented: true },
      ],
      'the kiosk prevents every click on a link to another site',
    );
    // The page is still the kiosk and still works.
    await kiosk.openTab('dosage');
    assert.equal(new URL(page.url()).pathname, '/kiosk.html');
    assert.equal(page.url(), `${here}/dosage`);
    assert.deepEqual(external, [], 'no request left the test server');
    assert.deepEqual(popups.map((p) => p.url()), [], 'no new window');

    // Links inside the site still work.
    await kiosk.backLink.click();
    await kiosk.waitForCatalog();
    assertNoErrors(kiosk.errors);
  });

  it('does not open links to other sites in a new tab on a middle click', { timeout: TEST_TIMEOUT }, async (t) => {
    const { kiosk, popups } = await openKioskWatchingForNewTabs(t);
    const { page, context, external } = kiosk;
    await page.evaluate(() => {
      window.__clicks = [];
      window.addEventListener('auxclick', (e) => window.__clicks.push({ button: e.button, prevented: e.defaultPrevented }));
      document.querySelector('main').insertAdjacentHTML('afterbegin', '<p><a id="external" href="https://example.org/">An outside site</a></p>');
    });
    const popup = context.waitForEvent('page', { timeout: WAIT_TIMEOUT }).catch(() => null);
    await page.locator('#external').click({ button: 'middle' });
    await waitUntil(page, () => window.__clicks.length === 1, undefined, 'the middle click seen');
    const [click] = await page.evaluate(() => window.__clicks);
    // Not prevented: Chromium opens the link in a new tab. Wait for it, as evidence.
    const opened = click.prevented ? null : await popup;
    if (opened) await opened.waitForLoadState('domcontentloaded').catch(() => {});
    assert.deepEqual(
      {
        prevented: click.prevented,
        newTabs: popups.map((p) => p.url()),
        external,
      },
      { prevented: true, newTabs: [], external: [] },
      'a middle click on a link to another site must be prevented (auxclick defaultPrevented), opening no tab',
    );
    assertNoErrors(kiosk.errors);
  });

  it('shows a QR code of the shared address that follows the tab, and the address as plain text', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await openKiosk(t, {
      query: `?share=${encodeURIComponent(SHARE_BASE)}`,
      hash: '#/lenalidomide/dosage',
    });
    const { page } = kiosk;
    await kiosk.waitForTitle('Lenalidomide');
    await kiosk.expectSelected('dosage');
    const card = page.locator('.page-take-home');
    await card.waitFor();
    const svg = card.locator('svg');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.ok((await svg.getAttribute('aria-label')).length > 0, 'the code is described');

    let expected = `${SHARE_BASE}#/lenalidomide/dosage`;
    assert.equal(await decodeQr(page), expected, 'the QR code opens this page and tab on the public site');
    const address = card.locator('.page-take-home-url');
    assert.equal((await address.textContent()).trim(), expected, 'the address is shown');
    assert.equal(await address.evaluate((el) => el.closest('a') === null), true, 'the address is not a link');
    assert.equal(await card.locator('a').count(), 0, 'no link in the take-home card');
    assert.equal(await page.locator(`a[href^="${new URL(SHARE_BASE).origin}"]`).count(), 0, 'no link to the public site');

    await kiosk.openTab('faqs');
    expected = `${SHARE_BASE}#/lenalidomide/faqs`;
    await address.filter({ hasText: expected }).waitFor();
    assert.equal(await decodeQr(page), expected, 'the QR code follows the tab');
    assert.deepEqual(kiosk.external, [], 'the public site was never contacted');

    // Without ?share, the code opens the standalone page of this very server.
    const local = await openKiosk(t, { hash: '#/lenalidomide' });
    await local.waitForTitle('Lenalidomide');
    await local.page.locator('.page-take-home svg').waitFor();
    assert.equal(await decodeQr(local.page), `${env.baseUrl}index.html#/lenalidomide/usage`);

    // The catalog has nothing to take home.
    await local.backLink.click();
    await local.waitForCatalog();
    assert.equal(await local.page.locator('.page-take-home').count(), 0);
    assertNoErrors([...kiosk.errors, ...local.errors]);
  });

  it('hides read-aloud when the browser has no voices', { timeout: TEST_TIMEOUT }, async (t) => {
    // Headless Chromium's own speech synthesis: no voices.
    const real = await openKiosk(t, { hash: '#/lenalidomide' });
    await real.waitForTitle('Lenalidomide');
    assert.equal(await real.page.evaluate(() => speechSynthesis.getVoices().length), 0, 'precondition: no voices here');
    assert.equal(await real.page.locator('.page-read-aloud').count(), 0, 'no read-aloud controls');
    assert.equal(await real.page.getByRole('button', { name: 'Read aloud' }).count(), 0);

    // No speech synthesis at all.
    const { context } = await KioskPage.newContext(env, t);
    await context.addInitScript(() => Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true }));
    const none = await openKiosk(t, { context, hash: '#/lenalidomide' });
    await none.waitForTitle('Lenalidomide');
    assert.equal(await none.page.locator('.page-read-aloud').count(), 0, 'no read-aloud controls without the API');

    // Voices that arrive late (as Chrome loads them), and go away again.
    const late = await openKiosk(t, { hash: '#/lenalidomide', speech: { voices: [] } });
    await late.waitForTitle('Lenalidomide');
    assert.equal(await late.page.locator('.page-read-aloud').count(), 0, 'no controls before the voices');
    await late.page.evaluate((voice) => window.__speech.setVoices([voice]), ENGLISH_VOICE);
    await late.page.getByRole('group', { name: 'Read aloud' }).getByRole('button', { name: 'Read aloud', exact: true }).waitFor();
    await late.page.evaluate(() => window.__speech.setVoices([]));
    await late.page.locator('.page-read-aloud').waitFor({ state: 'detached' });
    assertNoErrors([...real.errors, ...none.errors, ...late.errors]);
  });

  it('reads the open tab aloud in the monograph\'s language, pauses, resumes, stops, and stops on another tab', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await openKiosk(t, {
      hash: '#/lenalidomide',
      speech: { voices: [SPANISH_DEFAULT_VOICE, ENGLISH_VOICE] },
    });
    const { page } = kiosk;
    await kiosk.waitForTitle('Lenalidomide');
    await kiosk.expectSelected('usage');
    const group = page.getByRole('group', { name: 'Read aloud' });
    const read = group.getByRole('button', { name: 'Read aloud', exact: true });
    const pause = group.getByRole('button', { name: 'Pause', exact: true });
    const resume = group.getByRole('button', { name: 'Resume', exact: true });
    const stop = group.getByRole('button', { name: 'Stop', exact: true });
    await read.waitFor();
    const idle = async (expected) => {
      for (const button of [pause, stop]) {
        await waitUntil(
          page,
          ([label, expected]) =>
            [...document.querySelectorAll('.page-read-aloud button')].some(
              (b) => b.textContent.trim() === label && (b.getAttribute('aria-disabled') === 'true') === expected,
            ),
          [(await button.textContent()).trim(), expected],
          `${await button.textContent()} aria-disabled ${expected}`,
        );
      }
    };
    await idle(true);

    // Read aloud: one utterance per paragraph of the open panel, in English with an English voice.
    await read.click();
    await idle(false);
    const usage = expectedReading(LENALIDOMIDE, 'usage');
    let log = await speechLog(page);
    assert.deepEqual(log.map((e) => e.method), usage.map(() => 'speak'));
    assert.deepEqual(log.map((e) => e.text), usage, 'the Usage panel, paragraph by paragraph');
    assert.ok(log.every((e) => e.lang === 'en'), `lang "en": ${log.map((e) => e.lang)}`);
    assert.ok(log.every((e) => e.voice === 'en-US'), `an English voice, not the Spanish default: ${log.map((e) => e.voice)}`);
    // Everything read is on screen.
    // What is on screen: without the definitions of words, which show only when opened.
    const shown = (await page.locator('.dm-panel:not([hidden]) .dm-panel-body').innerText()).replace(/\s+/g, ' ');
    for (const line of usage) assert.ok(shown.includes(line), `read but not on screen: ${line}`);

    // Pause, Resume, Stop.
    await pause.click();
    await resume.waitFor();
    assert.deepEqual((await speechCalls(page)).slice(usage.length), ['pause']);
    await resume.click();
    await pause.waitFor();
    assert.deepEqual((await speechCalls(page)).slice(usage.length), ['pause', 'resume']);
    await stop.click();
    await idle(true);
    assert.deepEqual((await speechCalls(page)).slice(usage.length), ['pause', 'resume', 'cancel']);

    // Stop while paused also releases the pause, so the next reading is heard.
    await read.click();
    await idle(false);
    await pause.click();
    await resume.waitFor();
    let before = (await speechCalls(page)).length;
    await stop.click();
    await idle(true);
    await pause.waitFor();
    assert.deepEqual((await speechCalls(page)).slice(before), ['cancel', 'resume']);

    // Another tab stops the reading.
    await read.click();
    await idle(false);
    before = (await speechCalls(page)).length;
    await kiosk.openTab('dosage');
    await idle(true);
    assert.deepEqual((await speechCalls(page)).slice(before), ['cancel'], 'switching tab cancels speech');

    // … and Read aloud then reads the new tab.
    before = (await speechCalls(page)).length;
    await read.click();
    await idle(false);
    log = (await speechLog(page)).slice(before);
    assert.deepEqual(log.map((e) => e.text), expectedReading(LENALIDOMIDE, 'dosage'), 'the Dosage panel');

    // The end of the last paragraph ends the reading.
    await page.evaluate(() => window.__speech.finish());
    await idle(true);

    // In the Spanish interface the clinical text is still read as English.
    await page.getByRole('button', { name: 'Español', exact: true }).click();
    const leer = page.getByRole('group', { name: 'Leer en voz alta' }).getByRole('button', { name: 'Leer en voz alta', exact: true });
    await kiosk.openTab('faqs');
    before = (await speechCalls(page)).length;
    await leer.click();
    log = (await speechLog(page)).slice(before);
    const faqs = expectedReading(LENALIDOMIDE, 'faqs');
    assert.deepEqual(log.map((e) => e.text), faqs, 'the FAQs panel');
    assert.ok(log.every((e) => e.lang === 'en' && e.voice === 'en-US'), 'English text, English voice');

    // Leaving the monograph stops the reading.
    before = (await speechCalls(page)).length;
    await kiosk.backLink.click();
    await kiosk.waitForCatalog('Todos los medicamentos');
    assert.deepEqual((await speechCalls(page)).slice(before), ['cancel'], 'leaving the page cancels speech');
    assertNoErrors(kiosk.errors);
  });

  it('has no axe-core WCAG 2.2 AA violations in kiosk mode: catalog, monograph, idle dialog', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const audit = axeAudit();
    const kiosk = await openKiosk(t, {
      query: `?share=${encodeURIComponent(SHARE_BASE)}`,
      speech: { voices: [ENGLISH_VOICE] },
    });
    const { page } = kiosk;
    await kiosk.waitForCatalog();
    await audit.check(page, 'kiosk catalog');
    await page.getByRole('searchbox').fill('lenalidomide');
    await page.locator('#page-search-count').filter({ hasText: '1 medicine found' }).waitFor();
    await audit.check(page, 'kiosk catalog, filtered');

    await page.getByRole('link', { name: /^Lenalidomide/ }).click();
    await kiosk.waitForTitle('Lenalidomide');
    await page.getByRole('button', { name: 'Read aloud', exact: true }).waitFor();
    await page.locator('.page-take-home svg').waitFor();
    for (const id of TAB_IDS) {
      await kiosk.openTab(id);
      await audit.check(page, `kiosk monograph, tab ${id}`);
    }
    await page.getByRole('button', { name: 'Read aloud', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).and(page.locator(':not([aria-disabled])')).waitFor();
    await audit.check(page, 'kiosk monograph, reading aloud');

    // The warning, over a monograph and over the catalog. axe-core schedules its
    // work with timers, so the clock runs again once the warning is up.
    const idle = await openKiosk(t, { query: '?idle=1&countdown=60', hash: '#/lenalidomide', clock: true });
    await idle.waitForTitle('Lenalidomide');
    await idle.leaveUntouched(1);
    await idle.idleDialog().waitFor();
    await idle.page.clock.resume();
    await audit.check(idle.page, 'kiosk idle dialog');

    const catalogIdle = await openKiosk(t, { query: '?idle=1&countdown=60', clock: true });
    await catalogIdle.waitForCatalog();
    await catalogIdle.leaveUntouched(1);
    await catalogIdle.idleDialog().waitFor();
    await catalogIdle.page.clock.resume();
    await audit.check(catalogIdle.page, 'kiosk idle dialog over the catalog');

    audit.assertNoViolations();
    assertNoErrors([...kiosk.errors, ...idle.errors, ...catalogIdle.errors]);
  });
});
