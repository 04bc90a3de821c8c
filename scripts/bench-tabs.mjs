#!/usr/bin/env node
// Benchmark of tab switches and of memory over time: not a test, it prints
// numbers, for two bundles in one run (--before, say the previous release's
// dist/, and --dist).
//
//   node scripts/bench-tabs.mjs --before DIR [--dist DIR] [--switches N] [--cycles N] [--tab-cycles N]
//
// Tab switch: from the key press (the keydown event's time stamp) to a task
// after the first frame whose rendering shows the new panel, that is once
// that frame is drawn (tests/e2e/measure.mjs). The selected tab is focused
// and the right arrow pressed (Playwright's keyboard) N times (default 60),
// after one unmeasured round of the six tabs; p50 and p95 of the N, for:
//
//   normal CPU      the embed showing lenalidomide on a plain host page
//   phone, embed    the same under a CPU 4× slower (Emulation.setCPUThrottlingRate)
//   phone, page     the standalone page medicines/lenalidomide/, CPU 4× slower
//   yardstick       the same page with its wasm held back: its pre-rendered
//                   tabs worked by the start-up script (web/boot.js), the
//                   least a switch can cost in that page on that CPU
//   200× larger     the embed showing "Examplomab ×200", at normal CPU: the
//                   made-up Examplomab of tests/fixtures/catalog/ with every
//                   list (conditions, items, side effects, actions, FAQs)
//                   repeated 200 times; generated here, never written to disk
//
// Memory: what a host page holds after a full garbage collection
// (tests/e2e/measure.mjs: DOM nodes and JS event listeners from
// Memory.getDOMCounters, the JS heap in use, the byte length of the wasm's
// memory), measured after a warm-up (20 widgets, or two rounds of the tabs)
// and again after --cycles widgets (default 1,000) mounted, shown and removed
// one after the other, and after --tab-cycles tab switches (default 1,000)
// on one widget; the difference is printed.
//
// Each bundle is served by scripts/serve.mjs (uncompressed: the times start
// once everything is loaded) and opened in one headless Chromium, one fresh
// context per measure.
//
// Needs two built bundles (scripts/build) and `npm ci` (playwright-core).

import fs from 'node:fs';
import path from 'node:path';
import { parseCommandLine } from './lib/cli.mjs';
import { bundleVersion } from './lib/version.mjs';
import { PHONE, formatTable, kib, percentile } from './lib/bench.mjs';
import { DIST, REPO_ROOT, launchChromium, serveFolder } from '../tests/e2e/support.mjs';
import {
  embedFolder,
  growth,
  memory,
  mountAndRemove,
  routeHostPage,
  switchTabs,
  timeTabSwitches,
  waitForWidget,
} from '../tests/e2e/measure.mjs';

const USAGE =
  'Usage: node scripts/bench-tabs.mjs --before DIR [--dist DIR] [--switches N] [--cycles N] [--tab-cycles N]';
const LENALIDOMIDE = '/content/lenalidomide.json';
const LARGE = '/bench/examplomab-x200.json';
const LARGE_TIMES = 200;
const WARM_UP_CYCLES = 20;
// A busy machine may take its time to start a page; the times start after.
const LOAD_TIMEOUT = 120_000;

function parseBenchArgs(argv) {
  const { values } = parseCommandLine(argv, {
    name: 'bench-tabs',
    usage: USAGE,
    values: { before: '', dist: DIST, switches: '60', cycles: '1000', 'tab-cycles': '1000' },
  });
  const count = (name) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`bench-tabs: --${name} must be a positive integer`);
    return n;
  };
  if (!values.before) throw new Error(`bench-tabs: --before is required\n${USAGE}`);
  return {
    bundles: [
      ['before', path.resolve(values.before)],
      ['after', path.resolve(values.dist)],
    ],
    switches: count('switches'),
    cycles: count('cycles'),
    tabCycles: count('tab-cycles'),
  };
}

/** The made-up Examplomab with every list repeated `times` times, as JSON. */
function largeMonograph(times) {
  const base = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/catalog/examplomab.json'), 'utf8'));
  const repeat = (list) => Array.from({ length: times }, () => list).flat();
  const m = structuredClone(base);
  m.id = `examplomab-x${times}`;
  m.title = `Examplomab ×${times} (generated for benchmarks; fictional)`;
  m.codes = {};
  m.usage.conditions = repeat(m.usage.conditions);
  m.dosage.conditions = repeat(m.dosage.conditions);
  m.side_effects.common.items = repeat(m.side_effects.common.items);
  m.side_effects.serious.items = repeat(m.side_effects.serious.items);
  m.how_it_works.actions = repeat(m.how_it_works.actions);
  m.precautions.items = repeat(m.precautions.items);
  m.faqs = repeat(m.faqs);
  return JSON.stringify(m);
}

/** One bundle, served, with what the measures need to know about it. */
async function serveBundle(dist) {
  if (!fs.existsSync(path.join(dist, 'content/lenalidomide.json'))) {
    throw new Error(`${dist} has no content/lenalidomide.json: build the bundle first (scripts/build)`);
  }
  const version = bundleVersion(dist);
  const server = await serveFolder(dist);
  const origin = server.url.replace(/\/$/, '');
  return { server, origin, version, bindings: `${origin}${embedFolder(version)}/drug-monograph-core.js` };
}

/**
 * A fresh context with a host page showing `src` (or the standalone page),
 * loaded; `cpu` slows its CPU. Without `wasm`, the standalone page's wasm
 * never arrives: its pre-rendered tabs are worked by the start-up script.
 */
async function open(browser, bundle, { src = LENALIDOMIDE, standalone = false, cpu = 1, wasm = true } = {}) {
  const context = await browser.newContext(cpu > 1 ? PHONE.context : {});
  if (!wasm) await context.route(/\.wasm$/, () => {});
  await context.route(`${bundle.origin}${LARGE}`, (route) =>
    route.fulfill({ contentType: 'application/json', body: largeMonograph(LARGE_TIMES) }),
  );
  let url = `${bundle.origin}/medicines/lenalidomide/`;
  if (!standalone) {
    url = `${bundle.origin}/bench/host.html`;
    await routeHostPage(context, url, { version: bundle.version, src });
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(url);
  if (!wasm) {
    // The start-up script has run (its tabs take keys) once the document
    // is parsed; its module then waits for the wasm, which never comes.
    await page.waitForFunction(() => document.readyState !== 'loading', undefined, { timeout: LOAD_TIMEOUT });
  } else if (standalone) {
    // The page app's first effects set the text size on <html>: it has
    // hydrated, and its tabs take keys.
    await page.waitForFunction(() => document.documentElement.style.fontSize !== '', undefined, { timeout: LOAD_TIMEOUT });
  } else {
    await waitForWidget(page, LOAD_TIMEOUT);
  }
  const cdp = await context.newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { context, page, cdp, errors };
}

/** Tab switch times in one condition: p50 and p95 of `switches` after a round of six. */
async function tabTimes(browser, bundle, condition, switches) {
  const { context, page, errors } = await open(browser, bundle, condition);
  try {
    const embed = !condition.standalone;
    await timeTabSwitches(page, { embed, switches: 6 });
    const times = await timeTabSwitches(page, { embed, switches });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  } finally {
    await context.close();
  }
}

/** Memory growth over `cycles` widgets mounted and removed, after a warm-up. */
async function mountGrowth(browser, bundle, cycles) {
  const { context, page, cdp } = await open(browser, bundle);
  try {
    await mountAndRemove(page, LENALIDOMIDE, WARM_UP_CYCLES);
    const before = await memory(page, cdp, bundle.bindings);
    await mountAndRemove(page, LENALIDOMIDE, cycles);
    return growth(before, await memory(page, cdp, bundle.bindings));
  } finally {
    await context.close();
  }
}

/** Memory growth over `switches` tab switches on one widget, after two rounds of the tabs. */
async function switchGrowth(browser, bundle, switches) {
  const { context, page, cdp } = await open(browser, bundle);
  try {
    await switchTabs(page, 12);
    const before = await memory(page, cdp, bundle.bindings);
    await switchTabs(page, switches);
    return growth(before, await memory(page, cdp, bundle.bindings));
  } finally {
    await context.close();
  }
}

const ms1 = (n) => `${n.toFixed(1)} ms`;
const bytes = (n) => (n < 0 ? `-${kib(-n)}` : kib(n));

async function main() {
  const opts = parseBenchArgs(process.argv.slice(2));
  const bundles = [];
  const browser = await launchChromium();
  try {
    for (const [name, dist] of opts.bundles) bundles.push({ name, dist, ...(await serveBundle(dist)) });

    const conditions = [
      ['normal CPU, embed', {}],
      [`phone (CPU ${PHONE.cpuSlowdown}× slower), embed`, { cpu: PHONE.cpuSlowdown }],
      [`phone (CPU ${PHONE.cpuSlowdown}× slower), page`, { cpu: PHONE.cpuSlowdown, standalone: true }],
      // The yardstick: the same pre-rendered page, its tabs worked by a few
      // lines of JavaScript (web/boot.js) and no wasm, what a static page
      // with tabs costs.
      [`phone, the page's own tabs, no wasm (yardstick)`, { cpu: PHONE.cpuSlowdown, standalone: true, wasm: false }],
      [`${LARGE_TIMES}× larger monograph, embed, normal CPU`, { src: LARGE }],
    ];
    const tabRows = [];
    for (const [label, condition] of conditions) {
      const row = [label];
      for (const bundle of bundles) {
        const { p50, p95 } = await tabTimes(browser, bundle, condition, opts.switches);
        row.push(ms1(p50), ms1(p95));
      }
      tabRows.push(row);
    }

    const memoryRows = [];
    for (const [label, measure, n] of [
      [`${opts.cycles} widgets mounted and removed`, mountGrowth, opts.cycles],
      [`${opts.tabCycles} tab switches`, switchGrowth, opts.tabCycles],
    ]) {
      for (const bundle of bundles) {
        const grown = await measure(browser, bundle, n);
        memoryRows.push([`${label}, ${bundle.name}`, grown.nodes, grown.listeners, bytes(grown.heap), bytes(grown.wasm)]);
      }
    }

    console.log(`Chromium ${browser.version()}; ${bundles.map((b) => `${b.name}: ${b.dist} (${b.version})`).join('; ')}\n`);
    console.log(`Tab switch, key press to the frame showing the new panel: ${opts.switches} switches each\n`);
    console.log(
      formatTable(
        ['condition', ...bundles.flatMap((b) => [`${b.name} p50`, `${b.name} p95`])],
        tabRows,
      ),
    );
    console.log(`\nMemory growth after a warm-up (full garbage collection before each count)\n`);
    console.log(formatTable(['what', 'DOM nodes', 'listeners', 'JS heap', 'wasm memory'], memoryRows));
  } finally {
    await browser.close();
    for (const bundle of bundles) await bundle.server.close();
  }
}

main().catch((err) => {
  console.error(err.stack || err.message || err);
  process.exit(1);
});
