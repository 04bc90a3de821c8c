#!/usr/bin/env node
// Benchmark of the pre-rendered pages: not a test, it prints numbers.
//
//   node scripts/bench-prerender.mjs [--runs N] [--dist DIR] [--prev DIR] [--verbose]
//
// How soon a patient on a phone reads the first panel of a monograph
// (lenalidomide), and how soon its tabs work, in five variants:
//
//   (a) static   the monograph page of the bundle with its scripts, its
//                module preloads and preloads removed: the same HTML and CSS,
//                no script. The floor: what pre-rendering can hope for.
//   (b) page     the pre-rendered standalone page, medicines/lenalidomide/
//                (hydrated by boot.js and the page app's wasm)
//   (c) snippet  demo/snippet.html: the embed snippet, <drug-monograph> with
//                its widget in a declarative shadow root, hydrated by the loader
//   (d) embed    the same page as (c) with the snippet's pre-rendered shadow
//                root removed: <drug-monograph src> only, rendered by the wasm
//   (e) today    page (d) over the bundle in --prev (the release before
//                pre-rendering), for reference
//
// dist/ (and --prev) are copied to a temporary folder, the derived pages are
// written into the copies, and each copy is served by scripts/serve.mjs
// (compressed, as a host would). After one unmeasured round (which also has
// the server compress every file once), N rounds each open every variant once,
// in an order rotated from round to round, each time in a fresh browser
// context with the HTTP cache disabled, under the phone profile
// (scripts/lib/bench.mjs: 150 ms latency, 1.6 Mbps down, 750 kbps up, CPU 4×
// slower, through the DevTools protocol).
//
// In the page, a probe added before any of its scripts watches the document
// and the widget's shadow root (attached by script, or declarative: those are
// found by looking at each <drug-monograph>'s shadowRoot) with a
// MutationObserver, and checks on every animation frame for a visible
// [role=tabpanel] with text:
//   first panel painted  from navigation start to just after the first frame
//                        that shows it (requestAnimationFrame, then a message
//                        task that runs once that frame is painted)
//   tabs working         from navigation start to the first keyboard tab
//                        switch handled: once the panel is painted, each frame
//                        sends the selected [role=tab] a synthetic ArrowRight
//                        keydown (bubbling, composed) until aria-selected
//                        moves to another tab; "-" for (a)
//   CLS                  sum of the layout-shift entries up to tabs working
//                        (for (a), up to the load event)
// --verbose adds every run: also the time the panel entered the DOM, the
// browser's first-contentful-paint, the wasm's fetch, the first key sent.
// Medians of N runs (default 7), the range, the ratios to (a) and the targets:
// (b) and (c) paint the first panel within 1.1× of (a), their tabs work
// within 2× of (a)'s first panel, and (d) is no slower than (e).
//
// Needs a built dist/ (scripts/build) and `npm ci` (playwright-core).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from './lib/cli.mjs';
import { bundleVersion } from './lib/version.mjs';
import { PHONE, describePhone, formatTable, kib, ms, ratio, stats, throttle } from './lib/bench.mjs';
import { startServer } from './serve.mjs';
import { DIST, launchChromium } from '../tests/e2e/support.mjs';

const MONOGRAPH = 'lenalidomide';
const USAGE = 'Usage: node scripts/bench-prerender.mjs [--runs N] [--dist DIR] [--prev DIR] [--verbose]';
/** How long one page may take to have its tabs working. */
const RUN_TIMEOUT = 60_000;

function parseBenchArgs(argv) {
  const { values } = parseCommandLine(argv, {
    name: 'bench-prerender',
    usage: USAGE,
    values: { runs: '7', dist: DIST, prev: '' },
    flags: ['verbose'],
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('bench-prerender: --runs must be a positive integer');
  return {
    runs,
    dist: path.resolve(values.dist),
    prev: values.prev ? path.resolve(values.prev) : null,
    verbose: values.verbose,
  };
}

// ------------------------------------------------------------ the pages

/** The monograph page without scripts: no <script> elements, no module preloads, no preloads. */
export function staticPage(html) {
  const result = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>\s*/gi, '')
    .replace(/<link\b[^>]*\brel\s*=\s*["']?(?:modulepreload|preload)\b[^>]*>\s*/gi, '');
  if (/<script\b|rel\s*=\s*["']?(?:modulepreload|preload)\b/i.test(result)) {
    throw new Error('bench-prerender: the static page still has a script or a preload');
  }
  if (!/role="tabpanel"/.test(result)) throw new Error('bench-prerender: the monograph page has no pre-rendered tab panel');
  return result;
}

/**
 * The snippet page without the snippet's pre-rendered widget and the preloads
 * of its hydrating build: <drug-monograph src> and the loader only.
 */
export function srcOnlyPage(snippetHtml, { fromVersion, toVersion }) {
  const result = snippetHtml
    .replace(/\s*<template\s+shadowrootmode\b[^>]*>[\s\S]*?<\/template>\s*/i, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>\n?/g, '')
    .replaceAll(`/drug-monograph/${fromVersion}/`, `/drug-monograph/${toVersion}/`);
  if (/<template\b|role="tabpanel"/i.test(result) || !/<drug-monograph\s+src=/.test(result)) {
    throw new Error('bench-prerender: could not remove the snippet\'s pre-rendered widget');
  }
  return result;
}

const STATIC_PAGE = `medicines/${MONOGRAPH}/bench-static.html`;
const SRC_ONLY_PAGE = 'demo/bench-src-only.html';

/** The variants, in the order of the table; `bundle` names the copy that serves each. */
const VARIANTS = [
  { key: 'a', name: 'static HTML, no script', bundle: 'now', page: STATIC_PAGE, tabs: false },
  { key: 'b', name: 'pre-rendered page', bundle: 'now', page: `medicines/${MONOGRAPH}/`, tabs: true },
  { key: 'c', name: 'embed snippet', bundle: 'now', page: 'demo/snippet.html', tabs: true },
  { key: 'd', name: 'embed, src only', bundle: 'now', page: SRC_ONLY_PAGE, tabs: true },
  { key: 'e', name: 'embed, src only, previous release', bundle: 'prev', page: SRC_ONLY_PAGE, tabs: true },
];

/** Copies the bundles into `tmp` and writes the derived pages into the copies. Returns { now, prev } folders. */
function prepareBundles(opts, tmp) {
  const now = path.join(tmp, 'now');
  fs.cpSync(opts.dist, now, { recursive: true });
  const version = bundleVersion(now);
  const snippet = fs.readFileSync(path.join(now, 'demo/snippet.html'), 'utf8');
  const monographPage = fs.readFileSync(path.join(now, `medicines/${MONOGRAPH}/index.html`), 'utf8');
  fs.writeFileSync(path.join(now, STATIC_PAGE), staticPage(monographPage));
  fs.writeFileSync(path.join(now, SRC_ONLY_PAGE), srcOnlyPage(snippet, { fromVersion: version, toVersion: version }));

  let prev = null;
  if (opts.prev) {
    prev = path.join(tmp, 'prev');
    fs.cpSync(opts.prev, prev, { recursive: true });
    const prevVersion = bundleVersion(prev);
    const src = snippet.match(/<drug-monograph\s+src="([^"]+)"/)[1];
    if (!fs.existsSync(path.join(prev, src))) throw new Error(`bench-prerender: ${opts.prev} has no ${src}`);
    fs.mkdirSync(path.join(prev, 'demo'), { recursive: true });
    fs.writeFileSync(path.join(prev, SRC_ONLY_PAGE), srcOnlyPage(snippet, { fromVersion: version, toVersion: prevVersion }));
  }
  return { now, prev, version };
}

// ---------------------------------------------------------------- probe

/** Runs in the page before any of its scripts: see the header of this file. */
const PROBE = ({ tabs }) => {
  const bench = (window.__bench = {
    panelInDomAt: null,
    panelAt: null,
    paintAt: null,
    firstKeyAt: null,
    keys: 0,
    tabsAt: null,
    loadAt: null,
    shifts: [],
  });
  let finish;
  bench.finished = new Promise((resolve) => {
    finish = resolve;
  });

  const shiftObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.shifts.push({ at: entry.startTime, value: entry.value });
  });
  try {
    shiftObserver.observe({ type: 'layout-shift', buffered: true });
  } catch {
    // No Layout Instability API: CLS stays 0.
  }

  // The document and every shadow root of a <drug-monograph>: those the
  // loader attaches, and declarative ones, which the parser attaches without
  // attachShadow and which are found by looking.
  const watched = new WeakSet();
  const mutations = new MutationObserver(() => onMutation());
  const watch = (root) => {
    if (watched.has(root)) return;
    watched.add(root);
    mutations.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'aria-selected', 'class', 'style'],
    });
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (this.localName === 'drug-monograph') watch(root);
    return root;
  };
  watch(document);
  const roots = () => {
    const list = [document];
    for (const el of document.querySelectorAll('drug-monograph')) {
      if (el.shadowRoot) {
        watch(el.shadowRoot);
        list.push(el.shadowRoot);
      }
    }
    return list;
  };

  // Without layout: a panel in the DOM, not hidden, with text.
  const panelsInDom = () => {
    const found = [];
    for (const root of roots()) {
      for (const panel of root.querySelectorAll('[role="tabpanel"]')) {
        if (!panel.hidden && panel.textContent.trim()) found.push({ root, panel });
      }
    }
    return found;
  };
  // With layout, only in animation frames (where the frame lays out anyway).
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return (
      box.width > 0 &&
      box.height > 0 &&
      (el.checkVisibility?.({ visibilityProperty: true, opacityProperty: true }) ?? true)
    );
  };

  // Runs `fn` with the time once the current frame has been painted.
  const afterPaint = (fn) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn(performance.now());
    channel.port2.postMessage(null);
  };

  let panelRoot = null;
  let selectedBefore = null;
  const tabList = () => [...panelRoot.querySelectorAll('[role="tab"]')];
  const selectedIndex = () => tabList().findIndex((tab) => tab.getAttribute('aria-selected') === 'true');

  const done = () => {
    mutations.disconnect();
    // One more frame, so that the layout shifts so far are reported.
    requestAnimationFrame(() => afterPaint(() => finish()));
  };
  const checkTabs = () => {
    if (bench.tabsAt !== null || selectedBefore === null) return;
    const now = selectedIndex();
    if (now >= 0 && now !== selectedBefore) {
      bench.tabsAt = performance.now();
      done();
    }
  };
  const onMutation = () => {
    if (bench.panelInDomAt === null && panelsInDom().length) bench.panelInDomAt = performance.now();
    checkTabs();
  };

  const frame = () => {
    if (bench.panelAt === null) {
      const found = panelsInDom().find(({ panel }) => visible(panel));
      if (found) {
        bench.panelAt = performance.now();
        bench.panelInDomAt ??= bench.panelAt;
        panelRoot = found.root;
        afterPaint((at) => {
          bench.paintAt = at;
          if (!tabs) {
            if (document.readyState === 'complete') done();
            else addEventListener('load', () => done(), { once: true });
          }
        });
      }
    } else if (tabs && bench.paintAt !== null && bench.tabsAt === null) {
      checkTabs();
      if (bench.tabsAt !== null) return;
      const index = selectedIndex();
      if (index >= 0) {
        selectedBefore ??= index;
        bench.keys++;
        bench.firstKeyAt ??= performance.now();
        tabList()[index].dispatchEvent(
          new KeyboardEvent('keydown', {
            key: 'ArrowRight',
            code: 'ArrowRight',
            keyCode: 39,
            bubbles: true,
            composed: true,
            cancelable: true,
          }),
        );
        checkTabs();
      }
    }
    if (bench.tabsAt === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  addEventListener('load', () => {
    bench.loadAt = performance.now();
  });
};

// ------------------------------------------------------------------ runs

async function run(browser, variant, url) {
  const context = await browser.newContext(PHONE.context);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    await page.addInitScript(PROBE, { tabs: variant.tabs });
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(url, { waitUntil: 'commit' });
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${variant.key}: not done after ${RUN_TIMEOUT / 1000} s`)), RUN_TIMEOUT);
    });
    try {
      await Promise.race([page.evaluate(() => window.__bench.finished), timeout]);
    } catch (err) {
      const state = await page.evaluate(() => JSON.stringify({ ...window.__bench, shifts: undefined })).catch(() => '?');
      throw new Error(`${err.message} (probe: ${state}; page errors: ${errors.join('; ') || 'none'})`);
    } finally {
      clearTimeout(timer);
    }
    const result = await page.evaluate(() => {
      const b = window.__bench;
      const until = b.tabsAt ?? b.loadAt ?? Infinity;
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      return {
        panelInDomAt: b.panelInDomAt,
        paintAt: b.paintAt,
        firstKeyAt: b.firstKeyAt,
        tabsAt: b.tabsAt,
        keys: b.keys,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        wasm: entries
          .filter((e) => /\.wasm(?:[?#]|$)/.test(e.name))
          .map((e) => ({ start: e.startTime, end: e.responseEnd })),
        loadAt: b.loadAt,
        cls: b.shifts.filter((s) => s.at <= until).reduce((sum, s) => sum + s.value, 0),
        transferred: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
        requests: entries.length,
      };
    });
    if (errors.length) throw new Error(`${variant.key}: page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- report

/** The machine's load averages over 1, 5 and 15 minutes: a busy machine makes noisy numbers. */
const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(', ');

function report(variants, results, opts, browserVersion) {
  const base = results.get('a');
  const baseline = base && stats(base.map((r) => r.paintAt)).median;
  const rows = [];
  const summary = new Map();
  for (const v of variants) {
    const runs = results.get(v.key);
    const paint = stats(runs.map((r) => r.paintAt));
    const tabs = v.tabs ? stats(runs.map((r) => r.tabsAt)) : null;
    const cls = Math.max(...runs.map((r) => r.cls));
    const bytes = stats(runs.map((r) => r.transferred)).median;
    summary.set(v.key, { paint, tabs });
    rows.push([
      `(${v.key}) ${v.name}`,
      `${ms(paint.median)} (${Math.round(paint.min)}–${Math.round(paint.max)})`,
      ratio(paint.median / baseline),
      tabs ? `${ms(tabs.median)} (${Math.round(tabs.min)}–${Math.round(tabs.max)})` : '-',
      tabs ? ratio(tabs.median / baseline) : '-',
      cls.toFixed(3),
      `${kib(Math.round(bytes))} / ${runs[0].requests}`,
    ]);
  }
  console.log(
    formatTable(
      ['variant', 'first panel painted', '× (a)', 'tabs working', '× (a)', 'CLS max', 'transferred / requests'],
      rows,
    ),
  );
  console.log(
    `\nMedians (min–max) of ${opts.runs} runs, from navigation start. "× (a)": the median over (a)'s first panel painted.` +
      '\nCLS: layout shifts until the tabs work ((a): until the load event), the largest of the runs.' +
      '\nTransferred: bytes over the network, headers included, until then (median), and the requests made.',
  );

  // The verdicts go by the medians; the same comparison within each round
  // (runs seconds apart, under the same load) shows how much of it is noise.
  const check = (ok) => (ok ? 'met' : 'NOT met');
  const perRound = (key, other, combine) => stats(results.get(key).map((r, i) => combine(r, results.get(other)[i])));
  const roundRatios = (key, metric) => {
    const s = perRound(key, 'a', (r, a) => r[metric] / a.paintAt);
    return `in each round ${ratio(s.median)}, ${ratio(s.min)} to ${ratio(s.max)}`;
  };
  const lines = [];
  for (const key of ['b', 'c']) {
    const s = summary.get(key);
    if (!s) continue;
    const paint = s.paint.median / baseline;
    const tabs = s.tabs.median / baseline;
    lines.push(`(${key}) first panel painted ≤ 1.1× (a): ${ratio(paint)}  ${check(paint <= 1.1)}  (${roundRatios(key, 'paintAt')})`);
    lines.push(`(${key}) tabs working ≤ 2× (a):          ${ratio(tabs)}  ${check(tabs <= 2)}  (${roundRatios(key, 'tabsAt')})`);
  }
  const d = summary.get('d');
  const e = summary.get('e');
  if (d && e) {
    for (const [what, pick, metric] of [
      ['first panel painted', (s) => s.paint.median, 'paintAt'],
      ['tabs working', (s) => s.tabs.median, 'tabsAt'],
    ]) {
      const diff = pick(d) - pick(e);
      const rounds = perRound('d', 'e', (rd, re) => rd[metric] - re[metric]);
      const signed = (n) => `${n >= 0 ? '+' : ''}${Math.round(n)} ms`;
      lines.push(
        `(d) no slower than (e), ${what}: ${ms(pick(d))} vs ${ms(pick(e))} (${signed(diff)})  ${check(diff <= 0)}` +
          `  (in each round ${signed(rounds.median)}, ${signed(rounds.min)} to ${signed(rounds.max)})`,
      );
    }
  } else {
    lines.push('(d) no slower than (e): not measured (give the previous bundle with --prev DIR)');
  }
  console.log(`\nTargets\n  ${lines.join('\n  ')}`);
  console.log(
    '\nVerdicts by the medians; "in each round": the same comparison between the runs of one round (median, range).' +
      `\n(Chromium ${browserVersion}; a busy machine makes noisy numbers: compare within one run of this script.)`,
  );
}

function printRuns(variants, results) {
  for (const v of variants) {
    console.log(`\n(${v.key}) ${v.name}`);
    console.log(
      formatTable(
        ['run', 'panel in DOM', 'panel painted', 'FCP', 'wasm fetched', 'first key', 'tabs working', 'keys sent', 'load', 'CLS', 'transferred'],
        results.get(v.key).map((r, i) => [
          i + 1,
          ms(r.panelInDomAt),
          ms(r.paintAt),
          ms(r.fcp),
          r.wasm.length ? r.wasm.map((w) => `${Math.round(w.start)}–${Math.round(w.end)} ms`).join(', ') : '-',
          ms(r.firstKeyAt),
          ms(r.tabsAt),
          v.tabs ? r.keys : '-',
          ms(r.loadAt),
          r.cls.toFixed(3),
          kib(r.transferred),
        ]),
      ),
    );
  }
}

async function main() {
  const opts = parseBenchArgs(process.argv.slice(2));
  for (const file of [`medicines/${MONOGRAPH}/index.html`, 'demo/snippet.html']) {
    if (!fs.existsSync(path.join(opts.dist, file))) {
      throw new Error(`${path.join(opts.dist, file)} not found: build the bundle first (scripts/build)`);
    }
  }
  const variants = VARIANTS.filter((v) => v.bundle === 'now' || opts.prev);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-bench-prerender-'));
  const servers = {};
  let browser;
  try {
    const bundles = prepareBundles(opts, tmp);
    servers.now = await startServer({ root: bundles.now, port: 0 });
    if (bundles.prev) servers.prev = await startServer({ root: bundles.prev, port: 0 });
    browser = await launchChromium();
    const urlOf = (v) => servers[v.bundle].url + v.page;

    console.log(
      `Pre-rendered monograph (${MONOGRAPH}), bundle ${bundles.version} (${opts.dist})` +
        (opts.prev ? `, previous release ${bundleVersion(opts.prev)} (${opts.prev})` : '') +
        `\n${opts.runs} runs per variant, interleaved (one unmeasured round first), each in a fresh context, cache disabled` +
        `\nPhone profile: ${describePhone()}; served compressed by scripts/serve.mjs (brotli)` +
        `\nLoad average before: ${loadAverage()} (${os.availableParallelism()} cores)\n`,
    );

    const results = new Map(variants.map((v) => [v.key, []]));
    for (let round = -1; round < opts.runs; round++) {
      const shift = Math.max(round, 0) % variants.length;
      const order = [...variants.slice(shift), ...variants.slice(0, shift)];
      for (const v of order) {
        const result = await run(browser, v, urlOf(v));
        if (round >= 0) results.get(v.key).push(result);
      }
      process.stderr.write(round < 0 ? 'warm-up round done\n' : `round ${round + 1}/${opts.runs} done\n`);
    }

    report(variants, results, opts, browser.version());
    console.log(`Load average after: ${loadAverage()}`);
    if (opts.verbose) printRuns(variants, results);
  } finally {
    await browser?.close();
    await servers.now?.close();
    await servers.prev?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().catch((err) => {
    console.error(err.stack || err.message || err);
    process.exit(1);
  });
}
