// End-to-end tests of the embed: the <drug-monograph> element (drug-monograph.js)
// on host pages, in headless Chromium.
//
//   node --test tests/e2e/
//
// Needs a built dist/ (scripts/build), `npm ci` (playwright-core, axe-core) and a
// Chromium binary: $CHROMIUM or /usr/bin/chromium. DIST=<folder> serves another folder.
//
// The demo pages (demo/pharmacy.html with its hostile stylesheet, demo/csp.html
// with its strict Content-Security-Policy) are served from dist/ itself. Tests
// that need their own host pages get a temporary copy of dist/ with extra pages
// in e2e/, and a second temporary site that hosts the embed folder under a deep
// path (as a CDN would). Playwright's CSS locators pierce open shadow roots.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleVersion } from '../../scripts/lib/version.mjs';
import { HostPage } from './pages/embed.mjs';
import { TAB_IDS } from './pages/monograph.mjs';
import {
  assertNoErrors,
  axeAudit,
  DIST,
  holdRequest,
  serveFolder,
  settle,
  TEST_TIMEOUT,
  useBrowserAndServer,
  waitUntil,
  hostPageHtml,
} from './support.mjs';

const TAB_LABELS = ['Usage', 'Dosage', 'Side effects', 'How it works', 'Precautions', 'FAQs'];
const EVENT_NAMES = ['drug-monograph-load', 'drug-monograph-tabchange', 'drug-monograph-error'];

// Computed values the contract promises.
const DEFAULT_ACCENT = 'rgb(10, 84, 105)'; // #0a5469
const BRAND_ACCENT = 'rgb(31, 93, 59)'; // #1f5d3b, set on .branded in pharmacy.css
const HOTPINK = 'rgb(255, 105, 180)';

let site; // temporary copy of dist/ plus test pages in e2e/
let siteUrl;
let nested; // temporary CDN-like layout
let nestedUrl;
let tmpRoot;
let version;

// ------------------------------------------------------------ host pages

const page = (title, head, body) => hostPageHtml({ title, head, body });

/** Pages written into the temporary copy of dist/, under e2e/. */
function testPages(v) {
  const script = (attr) => `    <script src="../drug-monograph/${v}/drug-monograph.js" ${attr}></script>`;
  const el = (id, extra = '') =>
    `      <drug-monograph id="${id}" src="../content/lenalidomide.json" heading-level="2"${extra}></drug-monograph>`;
  return {
    'one.html': page('One widget', script('defer'), el('w')),
    'empty.html': page('No widget yet', script('defer'), ''),
    'many.html': page(
      'Four widgets',
      script('defer'),
      [el('w1'), el('w2'), el('w3', ' tab="faqs"'), el('w4', ' tab="precautions"')].join('\n'),
    ),
    // Twenty widgets of one monograph, and two of another address (the same
    // file under a query: another src to the widget and to the browser).
    'twenty.html': page(
      'Twenty-two widgets, two addresses',
      script('defer'),
      [
        ...Array.from({ length: 20 }, (_, i) => el(`w${i + 1}`)),
        el('other1').replace('.json"', '.json?copy=2"'),
        el('other2').replace('.json"', '.json?copy=2"'),
      ].join('\n'),
    ),
    // Three widgets of a file whose server fails the first time.
    'flaky.html': page(
      'Three widgets of a file that fails once',
      script('defer'),
      ['f1', 'f2', 'f3'].map((id) => el(id).replace('lenalidomide.json', 'flaky.json')).join('\n'),
    ),
    'twice.html': page('Script included twice', [script('defer'), script('async')].join('\n'), el('w')),
    // pharmacy.css gives <drug-monograph> display:block itself ("the page's own
    // layout"), which would hide a widget that fails to keep its host a block.
    // This page does the opposite.
    'inline-host.html': page(
      'Host page that makes the element inline',
      ['    <link rel="stylesheet" href="inline-host.css" />', script('defer')].join('\n'),
      el('w'),
    ),
    'inline-host.css': 'body * { all: unset; }\nbody main { display: block; }\nbody drug-monograph { display: inline; }\n',
  };
}

// ------------------------------------------------------------ lifecycle

// The browser, and the server of dist/ at env.baseUrl.
const env = useBrowserAndServer({ requires: 'demo/pharmacy.html' });

before(async () => {
  version = bundleVersion(DIST);

  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-embed-e2e-'));
  // A copy of dist/ with extra host pages.
  const siteRoot = path.join(tmpRoot, 'site');
  fs.cpSync(DIST, siteRoot, { recursive: true });
  fs.mkdirSync(path.join(siteRoot, 'e2e'));
  for (const [name, html] of Object.entries(testPages(version))) {
    fs.writeFileSync(path.join(siteRoot, 'e2e', name), html);
  }
  // The embed folder deep inside a CDN-like tree, the content elsewhere, and
  // the page at yet another depth, referring to both by relative URLs.
  const nestedRoot = path.join(tmpRoot, 'nested');
  fs.cpSync(path.join(DIST, 'drug-monograph', version), path.join(nestedRoot, 'cdn/assets/v7/drug-monograph', version), {
    recursive: true,
  });
  fs.mkdirSync(path.join(nestedRoot, 'data/monographs'), { recursive: true });
  fs.copyFileSync(path.join(DIST, 'content/lenalidomide.json'), path.join(nestedRoot, 'data/monographs/lenalidomide.json'));
  fs.mkdirSync(path.join(nestedRoot, 'site/pages/deep'), { recursive: true });
  fs.writeFileSync(
    path.join(nestedRoot, 'site/pages/deep/monograph.html'),
    page(
      'Embed hosted under a deep path',
      `    <script src="../../../cdn/assets/v7/drug-monograph/${version}/drug-monograph.js" async></script>`,
      '      <drug-monograph id="w" src="../../../data/monographs/lenalidomide.json" heading-level="2"></drug-monograph>',
    ),
  );

  site = await serveFolder(siteRoot);
  siteUrl = site.url;
  nested = await serveFolder(nestedRoot);
  nestedUrl = nested.url;
});

after(async () => {
  await site?.close();
  await nested?.close();
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

/** Opens the host page at `url` (HostPage.open). */
const openHostPage = (t, url, options) => HostPage.open(env, t, url, options);

/**
 * For assertNoErrors: the browser's own "Failed to load resource ... 404" line
 * for a file whose URL ends in one of `names`.
 */
const missing404 = (...names) => (e) =>
  /Failed to load resource/i.test(e.text) && /\b404\b/.test(e.text) && names.some((name) => e.url.endsWith(name));

/** Records the widget events reaching `document` (listener added before any script runs). */
const EVENT_RECORDER = (names) => {
  window.__dmEvents = [];
  for (const name of names) {
    document.addEventListener(name, (event) => {
      window.__dmEvents.push({
        type: event.type,
        detail: JSON.parse(JSON.stringify(event.detail)),
        bubbles: event.bubbles,
        composed: event.composed,
        phase: event.eventPhase,
        targetTag: event.target?.localName ?? null,
        targetId: event.target?.id ?? null,
        // Dispatched on the element itself, not retargeted from inside its shadow root.
        dispatchedOnTarget: event.composedPath()[0] === event.target,
      });
    });
  }
};

/**
 * Tracks what is pending on the page: event listeners on window and document
 * (added minus removed, honouring `once` and `signal`; Playwright's own are
 * left out) and timers (timeouts scheduled minus cleared or fired, intervals
 * set minus cleared).
 */
const TRACKER = () => {
  const origAdd = EventTarget.prototype.addEventListener;
  const origRemove = EventTarget.prototype.removeEventListener;
  const listeners = [];
  const timers = new Map();
  let adds = 0; // addEventListener calls on any target: shows the wasm's calls are seen
  let scheduled = 0; // timers ever scheduled
  const watched = (target) => target === window || target === document;
  const captureOf = (options) => (typeof options === 'boolean' ? options : !!options?.capture);
  const stack = () => (new Error().stack || '').split('\n').slice(3, 7).map((l) => l.trim()).join(' < ');
  const indexOf = (target, type, listener, capture) =>
    listeners.findIndex((r) => r.target === target && r.type === type && r.listener === listener && r.capture === capture);

  EventTarget.prototype.addEventListener = function (type, listener, options) {
    const target = this ?? window;
    const result = origAdd.call(target, type, listener, options);
    adds++;
    // Playwright's own injected script (it adds capture listeners on window for clicks) is not the page's.
    if (watched(target) && listener && !/InjectedScript/.test(new Error().stack || '')) {
      const capture = captureOf(options);
      if (indexOf(target, type, listener, capture) < 0 && !options?.signal?.aborted) {
        const record = { target, type, listener, capture, on: target === window ? 'window' : 'document', stack: stack() };
        listeners.push(record);
        const drop = () => {
          const i = listeners.indexOf(record);
          if (i >= 0) listeners.splice(i, 1);
        };
        if (options?.once) origAdd.call(target, type, drop, { capture, once: true });
        if (options?.signal) origAdd.call(options.signal, 'abort', drop, { once: true });
      }
    }
    return result;
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const target = this ?? window;
    const i = indexOf(target, type, listener, captureOf(options));
    if (i >= 0) listeners.splice(i, 1);
    return origRemove.call(target, type, listener, options);
  };

  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = function (handler, delay, ...args) {
    if (typeof handler !== 'function') return st.call(window, handler, delay, ...args);
    const id = st.call(
      window,
      function (...a) {
        timers.delete(id);
        return handler.apply(this, a);
      },
      delay,
      ...args,
    );
    timers.set(id, { kind: 'timeout', delay, stack: stack() });
    scheduled++;
    return id;
  };
  window.setInterval = function (handler, delay, ...args) {
    const id = si.call(window, handler, delay, ...args);
    timers.set(id, { kind: 'interval', delay, stack: stack() });
    scheduled++;
    return id;
  };
  // Timeouts and intervals share one pool of ids; either function clears either.
  window.clearTimeout = function (id) {
    timers.delete(id);
    return ct.call(window, id);
  };
  window.clearInterval = function (id) {
    timers.delete(id);
    return ci.call(window, id);
  };

  Object.defineProperty(window, '__dmTrack', {
    value: {
      counts: () => ({ listeners: listeners.length, timers: timers.size }),
      totals: () => ({ adds, scheduled }),
      details: () => ({
        listeners: listeners.map((r) => `${r.on} ${r.type}${r.capture ? ' (capture)' : ''} from ${r.stack}`),
        timers: [...timers.values()].map((r) => `${r.kind} ${r.delay} ms from ${r.stack}`),
      }),
    },
  });
};

const trackedCounts = (page) => page.evaluate(() => window.__dmTrack.counts());
const trackedDetails = async (page) => JSON.stringify(await page.evaluate(() => window.__dmTrack.details()), null, 1);

/** Waits until the pending listeners and timers are back to `baseline`. */
async function expectBaseline(page, baseline, when) {
  await waitUntil(
    page,
    (b) => {
      const c = window.__dmTrack.counts();
      return c.listeners === b.listeners && c.timers === b.timers;
    },
    baseline,
    `${when}: pending listeners/timers back to the baseline ${JSON.stringify(baseline)}`,
    async () => `now ${JSON.stringify(await trackedCounts(page))}; pending: ${await trackedDetails(page)}`,
  );
}

/**
 * Records in window.__elementEvents the widget events dispatched on the
 * element `selector` finds: once it is detached, they no longer reach document.
 */
const listenOnElement = (page, selector) =>
  page.evaluate(
    ({ selector, names }) => {
      window.__elementEvents = [];
      for (const name of names) document.querySelector(selector).addEventListener(name, (e) => window.__elementEvents.push(e.type));
    },
    { selector, names: EVENT_NAMES },
  );

/** The response headers dist/_headers sets for `urlPath`. */
function headersFor(urlPath) {
  const text = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  const rules = {};
  let current = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules[line.trim()] = current = {};
    else if (current && line.includes(':')) {
      const i = line.indexOf(':');
      current[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
  }
  return rules[urlPath] || {};
}

// ------------------------------------------------------------------ tests

describe('<drug-monograph> embed', { timeout: TEST_TIMEOUT * 20 }, () => {
  it('renders both widgets on the hostile pharmacy page with their own styles, and does not leak styles out', { timeout: TEST_TIMEOUT }, async (t) => {
    const pharmacy = await openHostPage(t, `${env.baseUrl}demo/pharmacy.html`);
    const { page } = pharmacy;
    await pharmacy.widget('#default-widget').waitForTitle('Lenalidomide');
    await pharmacy.widget('#branded-widget').waitForTitle('Lenalidomide');
    await pharmacy.widget('#default-widget').expectSelected('usage');
    await pharmacy.widget('#branded-widget').expectSelected('side-effects');

    const styles = await page.evaluate(() => {
      const cs = (el, ...props) => {
        const s = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
      };
      const widget = (id) => {
        const host = document.getElementById(id);
        const root = host.shadowRoot;
        const panel = root.querySelector('.dm-panel:not([hidden])');
        const selected = root.querySelector('[role="tab"][aria-selected="true"]');
        return {
          host: cs(host, 'display'),
          hostBox: host.getBoundingClientRect().width,
          dm: cs(root.querySelector('.dm'), 'font-family', 'font-size', 'box-sizing'),
          panel: cs(panel, 'font-size', 'box-sizing', 'display'),
          panelText: cs(panel.querySelector('p'), 'font-size', 'color', 'margin-top', 'box-sizing', 'display'),
          tabs: [...root.querySelectorAll('[role="tab"]')].map((tab) => {
            const r = tab.getBoundingClientRect();
            return {
              label: tab.textContent.trim(),
              width: r.width,
              height: r.height,
              ...cs(tab, 'display', 'box-sizing', 'color', 'margin-top', 'text-transform'),
            };
          }),
          selectedBorder: getComputedStyle(selected).borderBottomColor,
        };
      };
      const decoy = document.getElementById('decoy');
      return {
        rootFontSize: getComputedStyle(document.documentElement).fontSize,
        default: widget('default-widget'),
        branded: widget('branded-widget'),
        decoy: cs(
          decoy,
          'text-transform',
          'min-height',
          'border-bottom-color',
          'border-bottom-style',
          'border-bottom-width',
          'font-weight',
          'display',
        ),
      };
    });

    assert.equal(styles.rootFontSize, '40px', 'the hostile page really sets html { font-size: 40px }');
    for (const name of ['default', 'branded']) {
      const w = styles[name];
      assert.equal(w.host.display, 'block', `${name}: host element is display:block`);
      assert.ok(w.hostBox > 0, `${name}: host element has a width`);
      assert.equal(w.tabs.length, TAB_IDS.length, `${name}: six tabs`);
      for (const tab of w.tabs) {
        assert.notEqual(tab.display, 'none', `${name}: tab "${tab.label}" is displayed`);
        assert.ok(tab.width >= 44 && tab.height >= 44, `${name}: tab "${tab.label}" is at least 44x44 (${tab.width}x${tab.height})`);
        assert.equal(tab['box-sizing'], 'border-box', `${name}: tab "${tab.label}" box-sizing`);
        assert.notEqual(tab.color, HOTPINK, `${name}: tab "${tab.label}" is not the page's hotpink`);
        assert.equal(tab['margin-top'], '0px', `${name}: tab "${tab.label}" has no page margin`);
        assert.equal(tab['text-transform'], 'none', `${name}: tab "${tab.label}" is not uppercased by the page's .dm-tab`);
      }
      assert.equal(w.dm['font-size'], '16px', `${name}: .dm font size is the browser default (not 40px/26px)`);
      assert.equal(w.panel['font-size'], '16px', `${name}: panel font size`);
      assert.equal(w.panelText['font-size'], '16px', `${name}: panel text font size`);
      assert.notEqual(w.panelText.color, HOTPINK, `${name}: panel text is not the page's hotpink`);
      assert.ok(
        !['48px', '78px', '120px'].includes(w.panelText['margin-top']),
        `${name}: panel text has no 3em page margin (margin-top ${w.panelText['margin-top']})`,
      );
      assert.equal(w.panelText.display, 'block', `${name}: panel paragraphs are blocks (not reset by all: unset)`);
      for (const part of ['dm', 'panel', 'panelText']) {
        assert.equal(w[part]['box-sizing'], 'border-box', `${name}: ${part} box-sizing is border-box`);
      }
    }
    assert.equal(styles.branded.selectedBorder, BRAND_ACCENT, 'branded: selected tab uses --dm-accent');
    assert.equal(styles.default.selectedBorder, DEFAULT_ACCENT, 'default: selected tab uses the default accent');
    assert.match(styles.default.dm['font-family'], /Georgia/, 'default: inherits the host font family');
    assert.match(styles.branded.dm['font-family'], /Trebuchet MS/, 'branded: uses --dm-font-family');
    assert.doesNotMatch(styles.branded.dm['font-family'], /Georgia/, 'branded: not the host font family');

    // The page's own .dm-tab keeps the page's styling.
    assert.equal(styles.decoy['text-transform'], 'uppercase', 'decoy: page text-transform');
    assert.equal(styles.decoy['border-bottom-style'], 'dashed', 'decoy: page border');
    assert.equal(styles.decoy['border-bottom-color'], 'rgb(255, 165, 0)', 'decoy: page border colour (orange)');
    assert.notEqual(styles.decoy['min-height'], '44px', 'decoy: no widget min-height');
    assert.notEqual(styles.decoy['border-bottom-color'], DEFAULT_ACCENT, 'decoy: no widget accent border');
    assert.notEqual(styles.decoy['font-weight'], '700', 'decoy: no widget selected-tab weight');
    assertNoErrors(pharmacy.errors);

    // A page that styles the element itself inline (pharmacy.css makes it a block).
    const inline = await openHostPage(t, `${siteUrl}e2e/inline-host.html`);
    await inline.widget('#w').waitForTitle('Lenalidomide');
    const host = await inline.page.evaluate(() => {
      const el = document.querySelector('#w');
      const tab = el.shadowRoot.querySelector('[role="tab"]').getBoundingClientRect();
      return { display: getComputedStyle(el).display, width: el.getBoundingClientRect().width, tab: [tab.width, tab.height] };
    });
    assert.equal(host.display, 'block', 'host element stays display:block against `drug-monograph { display: inline }`');
    assert.ok(host.tab[0] >= 44 && host.tab[1] >= 44, `tabs at least 44x44 there too (${host.tab})`);
    assertNoErrors(inline.errors);
  });

  it('re-renders when its attributes change', { timeout: TEST_TIMEOUT }, async (t) => {
    const one = await openHostPage(t, `${siteUrl}e2e/one.html`);
    const { page } = one;
    const w = '#w';
    const widget = one.widget(w);
    await widget.waitForTitle('Lenalidomide');
    await widget.expectSelected('usage');
    assert.equal(await page.locator(`${w} h2.dm-title`).count(), 1, 'heading-level="2" gives an h2 title');
    const set = (name, value) => page.evaluate(([name, value]) => document.querySelector('#w').setAttribute(name, value), [name, value]);

    await set('tab', 'faqs');
    await widget.expectSelected('faqs');

    await set('heading-level', '3');
    await page.locator(`${w} h3.dm-title`).filter({ hasText: 'Lenalidomide' }).waitFor();
    assert.equal(await page.locator(`${w} h2.dm-title`).count(), 0, 'no h2 title left');
    await widget.expectSelected('faqs');

    await set('src', '../content/missing.json');
    const failure = page.locator(`${w} .dm-error`);
    await failure.waitFor({ state: 'visible' });
    assert.equal(await failure.getAttribute('role'), 'alert');
    assert.equal(await failure.getAttribute('data-error-kind'), 'http');
    assert.equal(await widget.title.count(), 0, 'no monograph while failed');
    assert.equal(await page.locator(`${w} h3.dm-error-title`).count(), 1, 'failure heading follows heading-level');

    await set('src', '../content/lenalidomide.json');
    await widget.waitForTitle('Lenalidomide');
    await failure.waitFor({ state: 'detached' });
    assert.equal(await page.locator(`${w} h3.dm-title`).count(), 1, 'still an h3 title after reloading');
    await widget.expectSelected('faqs');

    await set('lang', 'en-GB');
    await settle(page);
    await widget.waitForTitle('Lenalidomide');
    const labels = await widget.tabs.evaluateAll((tabs) => tabs.map((tab) => tab.textContent.trim()));
    assert.deepEqual(labels, TAB_LABELS, 'lang="en-GB": still English');
    assert.equal(await page.locator(`${w} .dm-error`).count(), 0, 'lang="en-GB": no error');
    await widget.expectSelected('faqs');
    assertNoErrors(one.errors, { allow: missing404('/content/missing.json') });
  });

  it('cleans up when removed: shadow content emptied, no pending listeners or timers, no errors', { timeout: TEST_TIMEOUT }, async (t) => {
    const empty = await openHostPage(t, `${siteUrl}e2e/empty.html`, {
      beforeGoto: (p) => p.addInitScript(TRACKER),
    });
    const { page } = empty;
    const widget = empty.widget('#w');
    await page.evaluate(() => customElements.whenDefined('drug-monograph'));
    await settle(page);
    const baseline = await trackedCounts(page);

    await empty.addWidget('w', { src: '../content/lenalidomide.json' });
    await widget.waitForTitle('Lenalidomide');
    await widget.expectSelected('usage');
    await widget.openTab('dosage');
    const whileShown = await trackedCounts(page);
    const totals = await page.evaluate(() => window.__dmTrack.totals());
    assert.ok(totals.adds > 0, 'the tracker sees the widget adding listeners (to its own elements)');
    assert.ok(totals.scheduled > 0, 'the tracker sees the widget scheduling timers (its load time limit)');

    await page.evaluate(() => {
      window.__removed = document.querySelector('#w');
      window.__removed.remove();
    });
    const summary = await page.evaluate(() => ({
      children: [...window.__removed.shadowRoot.children].map((c) => c.localName),
      monograph: !!window.__removed.shadowRoot.querySelector('.dm, .dm-status, .dm-error, div'),
    }));
    assert.equal(summary.monograph, false, `removed: mount point gone from the shadow root (children: ${summary.children})`);
    assert.deepEqual(summary.children, ['link'], 'removed: only the stylesheet link is left in the shadow root');
    await expectBaseline(page, baseline, `after removal (while shown: ${JSON.stringify(whileShown)})`);

    // Put back, it renders again; removed again, it cleans up again.
    await page.evaluate(() => document.getElementById('host').append(window.__removed));
    await widget.waitForTitle('Lenalidomide');
    await page.evaluate(() => window.__removed.remove());
    await page.waitForFunction(() => !window.__removed.shadowRoot.querySelector('div'));
    await expectBaseline(page, baseline, 'after a second removal');
    await settle(page);
    assertNoErrors(empty.errors);
  });

  it('mounts nothing when removed while its monograph is still loading', { timeout: TEST_TIMEOUT }, async (t) => {
    let held;
    const failed = [];
    const empty = await openHostPage(t, `${siteUrl}e2e/empty.html`, {
      beforeGoto: async (p) => {
        await p.addInitScript(TRACKER);
        await p.addInitScript(EVENT_RECORDER, EVENT_NAMES);
        // Hold the monograph until the test lets it go.
        held = await holdRequest(p, '**/content/lenalidomide.json');
        p.on('requestfailed', (req) => failed.push(`${req.url()} ${req.failure()?.errorText}`));
      },
    });
    const { page } = empty;
    await page.evaluate(() => customElements.whenDefined('drug-monograph'));
    await settle(page);
    const baseline = await trackedCounts(page);

    await empty.addWidget('w', { src: '../content/lenalidomide.json' });
    await listenOnElement(page, '#w');
    const route = await held.route;
    await page.locator('#w .dm-status').waitFor({ state: 'visible' });
    const whileLoading = await trackedCounts(page);
    assert.ok(
      whileLoading.timers > baseline.timers,
      `while loading, the load time limit is a pending timer (${JSON.stringify(whileLoading)} vs ${JSON.stringify(baseline)})`,
    );
    await page.evaluate(() => {
      window.__removed = document.querySelector('#w');
      window.__removed.remove();
    });
    // Now answer the request the widget no longer wants (it may have been aborted).
    let fulfilError = null;
    await route
      .fulfill({ status: 200, contentType: 'application/json', path: path.join(DIST, 'content/lenalidomide.json') })
      .catch((err) => {
        fulfilError = err.message.split('\n')[0];
      });
    await expectBaseline(page, baseline, 'after removal while loading');
    await settle(page);

    const after = await page.evaluate(() => ({
      children: [...window.__removed.shadowRoot.children].map((c) => c.localName),
      text: window.__removed.shadowRoot.textContent.trim(),
      events: window.__dmEvents,
      elementEvents: window.__elementEvents,
    }));
    assert.deepEqual(after.children, ['link'], `nothing mounted (shadow root text: "${after.text}")`);
    assert.deepEqual(after.events, [], 'no load or error event for a removed element');
    assert.deepEqual(after.elementEvents, [], 'no load or error event dispatched on the removed element');
    t.diagnostic(`monograph request: ${failed.length ? `failed (${failed.join('; ')})` : 'not aborted'}; fulfil: ${fulfilError ?? 'ok'}`);
    assertNoErrors(empty.errors);
  });

  it('mounts nothing when removed while the wasm is still loading', { timeout: TEST_TIMEOUT }, async (t) => {
    let held;
    const empty = await openHostPage(t, `${siteUrl}e2e/empty.html`, {
      beforeGoto: async (p) => {
        await p.addInitScript(EVENT_RECORDER, EVENT_NAMES);
        held = await holdRequest(p, '**/drug-monograph-core.js');
      },
    });
    const { page } = empty;
    await page.evaluate(() => customElements.whenDefined('drug-monograph'));
    await empty.addWidget('early', { src: '../content/lenalidomide.json' });
    await listenOnElement(page, '#early');
    const route = await held.route;
    await page.evaluate(() => {
      window.__removed = document.querySelector('#early');
      window.__removed.remove();
    });
    await route.continue();
    // A second element shares the same wasm download; once it shows, the
    // first one's wait for the wasm is over too.
    await empty.addWidget('late', { src: '../content/lenalidomide.json' });
    await empty.widget('#late').waitForTitle('Lenalidomide');
    await settle(page);
    const after = await page.evaluate(() => ({
      children: [...window.__removed.shadowRoot.children].map((c) => c.localName),
      events: window.__dmEvents.map((e) => `${e.targetId}: ${e.type}`),
      elementEvents: window.__elementEvents,
    }));
    assert.deepEqual(after.children, ['link'], 'nothing mounted in the removed element');
    assert.deepEqual(after.elementEvents, [], 'no event dispatched on the removed element');
    assert.deepEqual(after.events, ['late: drug-monograph-load'], 'only the connected element loaded');
    assertNoErrors(empty.errors);
  });

  it('renders an element added two seconds after the page loaded', { timeout: TEST_TIMEOUT }, async (t) => {
    const one = await openHostPage(t, `${siteUrl}e2e/one.html`);
    const { page } = one;
    await one.widget('#w').waitForTitle('Lenalidomide');
    await page.evaluate(() => {
      setTimeout(() => {
        const el = document.createElement('drug-monograph');
        el.id = 'late';
        el.setAttribute('src', '../content/lenalidomide.json');
        el.setAttribute('tab', 'dosage');
        document.getElementById('host').append(el);
      }, 2000);
    });
    await page.locator('#late').waitFor({ state: 'attached' });
    await one.widget('#late').waitForTitle('Lenalidomide');
    await one.widget('#late').expectSelected('dosage');
    await one.widget('#w').expectSelected('usage');
    assertNoErrors(one.errors);
  });

  it('runs many widgets independently on one page with one download of the wasm', { timeout: TEST_TIMEOUT }, async (t) => {
    const many = await openHostPage(t, `${siteUrl}e2e/many.html`);
    const { page } = many;
    const hosts = ['#w1', '#w2', '#w3', '#w4'];
    const [w1, w2, w3, w4] = hosts.map((host) => many.widget(host));
    for (const widget of [w1, w2, w3, w4]) await widget.waitForTitle('Lenalidomide');
    await w1.expectSelected('usage');
    await w2.expectSelected('usage');
    await w3.expectSelected('faqs');
    await w4.expectSelected('precautions');

    await w2.openTab('dosage');
    await w3.openTab('how-it-works');
    await w1.expectSelected('usage');
    await w4.expectSelected('precautions');

    // Ids stay unique across the page, and each tab points into its own widget.
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll('drug-monograph')].map((el) => {
        const root = el.shadowRoot;
        const tabs = [...root.querySelectorAll('[role="tab"]')];
        return {
          ids: [...root.querySelectorAll('[id]')].map((n) => n.id),
          controlsResolve: tabs.every((tab) => root.getElementById(tab.getAttribute('aria-controls'))),
        };
      }),
    );
    const all = ids.flatMap((w) => w.ids);
    assert.equal(new Set(all).size, all.length, 'element ids are unique across the widgets');
    assert.ok(ids.every((w) => w.controlsResolve), 'every tab controls a panel in its own shadow root');

    const count = (name) => many.requests.filter((url) => new URL(url).pathname.endsWith(`/${name}`)).length;
    assert.equal(count('drug-monograph-core_bg.wasm'), 1, `wasm requested once with ${hosts.length} widgets`);
    assert.equal(count('drug-monograph-core.js'), 1, 'wasm glue requested once');
    assert.equal(count('lenalidomide.json'), 1, `monograph requested once with ${hosts.length} widgets`);
    assertNoErrors(many.errors);
  });

  it('paints the open panel first, then builds the closed panels, the words explained and all', { timeout: TEST_TIMEOUT }, async (t) => {
    const one = await openHostPage(t, `${siteUrl}e2e/one.html`, {
      beforeGoto: (page) =>
        page.addInitScript(() => {
          // At the first frame that shows the open panel's text: the closed
          // panels that hold text in it.
          const watch = () => {
            const root = document.querySelector('drug-monograph')?.shadowRoot;
            const open = root?.querySelector('[role="tabpanel"]:not([hidden]) .dm-panel-body');
            if (!open?.textContent.trim()) return requestAnimationFrame(watch);
            const closed = [...root.querySelectorAll('[role="tabpanel"][hidden] .dm-panel-body')];
            window.closedWithText = closed.filter((body) => body.textContent.trim()).length;
          };
          requestAnimationFrame(watch);
        }),
    });
    const { page } = one;
    await waitUntil(
      page,
      () => {
        const root = document.querySelector('drug-monograph')?.shadowRoot;
        const bodies = [...(root?.querySelectorAll('[role="tabpanel"] .dm-panel-body') ?? [])];
        return bodies.length === 6 && bodies.every((body) => body.textContent.trim()) && root.querySelector('.dm-glossary');
      },
      undefined,
      'every panel and the words explained built',
    );
    assert.equal(await page.evaluate(() => window.closedWithText), 0, 'the first frame carries the open panel alone');

    const monograph = JSON.parse(fs.readFileSync(path.join(DIST, 'content/lenalidomide.json'), 'utf8'));
    const widget = one.widget('#w');
    const { panel } = await widget.openTab('faqs');
    assert.ok(
      (await panel.textContent()).includes(monograph.faqs.at(-1).question),
      'a panel built after the first frame holds its text',
    );
    assertNoErrors(one.errors);
  });

  it('requests each src once for all the widgets showing it, while the wasm downloads', { timeout: TEST_TIMEOUT }, async (t) => {
    const twenty = await openHostPage(t, `${siteUrl}e2e/twenty.html`);
    const ids = [...Array.from({ length: 20 }, (_, i) => `#w${i + 1}`), '#other1', '#other2'];
    for (const id of ids) await twenty.widget(id).waitForTitle('Lenalidomide');

    const requested = (search) =>
      twenty.requests.filter((url) => {
        const { pathname, search: query } = new URL(url);
        return pathname.endsWith('/content/lenalidomide.json') && query === search;
      }).length;
    assert.equal(requested(''), 1, 'one request for the twenty widgets of one src');
    assert.equal(requested('?copy=2'), 1, 'one request for the two widgets of the other src');

    // No chain: the monograph is on its way before the wasm is in.
    const timing = await twenty.page.evaluate(() => {
      const entry = (pattern) => performance.getEntriesByType('resource').find((e) => pattern.test(e.name));
      const json = entry(/\/content\/lenalidomide\.json$/);
      const wasm = entry(/\/drug-monograph-core_bg\.wasm$/);
      return { jsonStart: json?.startTime, wasmEnd: wasm?.responseEnd };
    });
    assert.ok(
      timing.jsonStart < timing.wasmEnd,
      `the monograph request starts (${timing.jsonStart} ms) before the wasm is downloaded (${timing.wasmEnd} ms)`,
    );
    assertNoErrors(twenty.errors);
  });

  it('"Try again" requests the file anew, for each widget retrying', { timeout: TEST_TIMEOUT }, async (t) => {
    const monograph = fs.readFileSync(path.join(DIST, 'content/lenalidomide.json'), 'utf8');
    let answered = 0;
    const flaky = await openHostPage(t, `${siteUrl}e2e/flaky.html`, {
      beforeGoto: (p) =>
        p.route('**/content/flaky.json', (route) => {
          answered++;
          return answered === 1
            ? route.fulfill({ status: 503, body: 'busy' })
            : route.fulfill({ status: 200, contentType: 'application/json', body: monograph });
        }),
    });
    const retry = (id) => flaky.page.locator(`#${id} .dm-error .dm-retry`);
    for (const id of ['f1', 'f2', 'f3']) await retry(id).waitFor({ state: 'visible' });
    assert.equal(answered, 1, 'the three widgets shared the failed request');

    await retry('f1').click();
    await flaky.widget('#f1').waitForTitle('Lenalidomide');
    assert.equal(answered, 2, 'the retry asked the server again');
    await retry('f2').waitFor({ state: 'visible' });

    await retry('f2').click();
    await flaky.widget('#f2').waitForTitle('Lenalidomide');
    assert.equal(answered, 3, 'a later retry asks anew, not for the earlier answer');
    await retry('f3').waitFor({ state: 'visible' });
    assertNoErrors(flaky.errors, { allow: (e) => /Failed to load resource/i.test(e.text) && /\b503\b/.test(e.text) });
  });

  it('defines the element once when the script is included twice (defer and async)', { timeout: TEST_TIMEOUT }, async (t) => {
    const twice = await openHostPage(t, `${siteUrl}e2e/twice.html`, {
      beforeGoto: (p) =>
        p.addInitScript(() => {
          window.__dmDefine = { define: 0, get: 0 };
          const { define, get } = CustomElementRegistry.prototype;
          CustomElementRegistry.prototype.define = function (name, ...rest) {
            if (name === 'drug-monograph') window.__dmDefine.define++;
            return define.call(this, name, ...rest);
          };
          CustomElementRegistry.prototype.get = function (name) {
            if (name === 'drug-monograph') window.__dmDefine.get++;
            return get.call(this, name);
          };
        }),
    });
    const { page } = twice;
    await twice.widget('#w').waitForTitle('Lenalidomide');
    await page.waitForFunction(() => [...document.scripts].length === 2 && document.readyState === 'complete');
    const calls = await page.evaluate(() => window.__dmDefine);
    assert.equal(calls.define, 1, 'customElements.define called once');
    assert.ok(calls.get >= 2, `both scripts ran (customElements.get called ${calls.get} times)`);
    assert.equal(await page.locator('#w .dm').count(), 1, 'one monograph in the element');
    assertNoErrors(twice.errors);
  });

  it('tells the page about loads, tab changes and errors, once per cause', { timeout: TEST_TIMEOUT }, async (t) => {
    const pharmacy = await openHostPage(t, `${env.baseUrl}demo/pharmacy.html`, {
      beforeGoto: (p) => p.addInitScript(EVENT_RECORDER, EVENT_NAMES),
    });
    const { page } = pharmacy;
    const widget = pharmacy.widget('#default-widget');
    const events = () => page.evaluate(() => window.__dmEvents);
    const waitForEvents = (n, what) =>
      waitUntil(page, (n) => window.__dmEvents.length >= n, n, `${n} events (${what})`, async () => JSON.stringify(await events()));
    const common = { bubbles: true, composed: true, phase: 3 /* bubbling, seen at document */, targetTag: 'drug-monograph', dispatchedOnTarget: true };

    await widget.waitForTitle('Lenalidomide');
    await pharmacy.widget('#branded-widget').waitForTitle('Lenalidomide');
    await waitForEvents(2, 'two loads');
    await settle(page);
    const loads = (await events()).sort((a, b) => a.targetId.localeCompare(b.targetId));
    assert.deepEqual(loads, [
      { type: 'drug-monograph-load', detail: { id: 'lenalidomide', title: 'Lenalidomide' }, ...common, targetId: 'branded-widget' },
      { type: 'drug-monograph-load', detail: { id: 'lenalidomide', title: 'Lenalidomide' }, ...common, targetId: 'default-widget' },
    ]);

    await widget.openTab('dosage');
    await waitForEvents(3, 'tab change by click');
    // The selected tab again: no change, no event.
    await widget.tab('dosage').click();
    await settle(page);
    assert.equal((await events()).length, 3, 'clicking the selected tab fires nothing');

    await page.keyboard.press('ArrowRight');
    await widget.expectSelected('side-effects');
    await waitForEvents(4, 'tab change by keyboard');

    await pharmacy.addWidget('missing-widget', { src: '../content/missing.json' }, '.widget-column');
    await page.locator('#missing-widget .dm-error').waitFor({ state: 'visible' });
    await waitForEvents(5, 'error');
    await settle(page);

    const all = await events();
    assert.equal(all.length, 5, `exactly one event per cause:\n${all.map((e) => JSON.stringify(e)).join('\n')}`);
    assert.deepEqual(all.slice(2, 4), [
      { type: 'drug-monograph-tabchange', detail: { tab: 'dosage' }, ...common, targetId: 'default-widget' },
      { type: 'drug-monograph-tabchange', detail: { tab: 'side-effects' }, ...common, targetId: 'default-widget' },
    ]);
    const error = all[4];
    assert.deepEqual({ ...error, detail: undefined }, { type: 'drug-monograph-error', ...common, targetId: 'missing-widget', detail: undefined });
    assert.equal(error.detail.kind, 'http');
    assert.match(error.detail.message, /\b404\b/);
    assert.match(error.detail.message, /missing\.json/);

    // The demo's own log (pharmacy.js) received the same events.
    assert.equal(await page.locator('#event-log li').count(), 5, 'the page log shows five events');
    assertNoErrors(pharmacy.errors, { allow: missing404('/content/missing.json') });
  });

  it('works under the strict Content Security Policy of demo/csp.html', { timeout: TEST_TIMEOUT }, async (t) => {
    const expected = headersFor('/demo/csp.html')['content-security-policy'];
    assert.ok(expected, 'dist/_headers sets a Content-Security-Policy for /demo/csp.html');
    const csp = await openHostPage(t, `${env.baseUrl}demo/csp.html`, {
      beforeGoto: (p) =>
        p.addInitScript(() => {
          window.__cspViolations = [];
          const record = (e) =>
            window.__cspViolations.push(`${e.violatedDirective || e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`);
          window.addEventListener('securitypolicyviolation', record, true);
          document.addEventListener('securitypolicyviolation', record, true);
          if ('ReportingObserver' in window) {
            new ReportingObserver((reports) => {
              for (const r of reports) window.__cspViolations.push(`report: ${JSON.stringify(r.body)}`);
            }, { types: ['csp-violation'], buffered: true }).observe();
          }
        }),
    });
    const { page } = csp;
    assert.equal(csp.response.status(), 200);
    assert.equal(csp.response.headers()['content-security-policy'], expected, 'the page is served with the CSP header');
    const widget = csp.widget('drug-monograph');
    await widget.waitForTitle('Lenalidomide');
    await widget.expectSelected('usage');
    await widget.openTab('side-effects');
    // The stylesheet in the shadow root applied (a blocked sheet would leave 0 min-height tabs).
    const minHeight = await widget.tab('usage').evaluate((el) => getComputedStyle(el).minHeight);
    assert.equal(minHeight, '44px', 'widget.css applies under the CSP');
    await settle(page);

    const violations = await page.evaluate(() => window.__cspViolations);
    const cspConsole = csp.consoleMessages.filter((m) => /Content Security Policy/i.test(m.text));
    assert.deepEqual(violations, [], 'no securitypolicyviolation events');
    assert.deepEqual(cspConsole, [], 'no console messages about the Content Security Policy');
    assertNoErrors(csp.errors);
  });

  it('finds its files relative to its own URL when hosted under a deep path', { timeout: TEST_TIMEOUT }, async (t) => {
    const responses = [];
    const deep = await openHostPage(t, `${nestedUrl}site/pages/deep/monograph.html`, {
      beforeGoto: (p) => p.on('response', (r) => responses.push(`${r.status()} ${new URL(r.url()).pathname}`)),
    });
    const widget = deep.widget('#w');
    await widget.waitForTitle('Lenalidomide');
    await widget.expectSelected('usage');
    const minHeight = await widget.tab('usage').evaluate((el) => getComputedStyle(el).minHeight);
    assert.equal(minHeight, '44px', 'widget.css found beside the script');

    const embedDir = `/cdn/assets/v7/drug-monograph/${version}/`;
    const paths = deep.requests.map((url) => new URL(url).pathname);
    for (const file of ['drug-monograph.js', 'drug-monograph-core.js', 'drug-monograph-core_bg.wasm', 'widget.css']) {
      assert.ok(paths.includes(embedDir + file), `${file} loaded from ${embedDir} (requests: ${paths.join(', ')})`);
    }
    assert.ok(paths.includes('/data/monographs/lenalidomide.json'), 'monograph loaded relative to the page');
    assert.deepEqual(responses.filter((r) => !r.startsWith('200 ')), [], 'every request succeeded');
    assertNoErrors(deep.errors);
  });

  it('has no axe-core WCAG 2.2 AA violations inside the widgets', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    // axe is evaluated through the DevTools protocol rather than added as a
    // <script>, which the strict CSP of demo/csp.html would (rightly) block.
    const audit = axeAudit({ include: 'drug-monograph', evaluate: true });
    const check = async (page, state) => {
      const inShadow = await audit.check(page, state);
      assert.ok(inShadow > 0, `${state}: axe checked nodes inside the shadow roots`);
    };

    const pharmacy = await openHostPage(t, `${env.baseUrl}demo/pharmacy.html`);
    const widget = pharmacy.widget('#default-widget');
    await widget.waitForTitle('Lenalidomide');
    await pharmacy.widget('#branded-widget').waitForTitle('Lenalidomide');
    for (const id of TAB_IDS) {
      await widget.openTab(id);
      await check(pharmacy.page, `pharmacy.html, default widget on tab ${id}`);
    }
    // The failed state, on the hostile page too.
    await pharmacy.addWidget('missing-widget', { src: '../content/missing.json', 'heading-level': '2' }, '.widget-column');
    await pharmacy.page.locator('#missing-widget .dm-error .dm-retry').waitFor({ state: 'visible' });
    await check(pharmacy.page, 'pharmacy.html with a failed widget');
    assertNoErrors(pharmacy.errors, { allow: missing404('/content/missing.json') });

    // axe injects a <style> element of its own, which the page's CSP rightly
    // blocks; here the CSP is not enforced so that axe works as designed (the
    // widget under the enforced CSP is the previous test).
    const csp = await openHostPage(t, `${env.baseUrl}demo/csp.html`, { contextOptions: { bypassCSP: true } });
    await csp.widget('drug-monograph').waitForTitle('Lenalidomide');
    await check(csp.page, 'csp.html');
    assertNoErrors(csp.errors);

    audit.assertNoViolations();
  });
});
