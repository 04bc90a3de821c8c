#!/usr/bin/env node
// Benchmark of the catalog page with large catalogs: not a test, it prints
// numbers.
//
//   node scripts/bench-catalog.mjs [--runs N] [--dist DIR] [--base DIR] [--sizes 1500,10000]
//                                  [--bundles before,after,yardstick] [--cpus normal,phone]
//
// The catalog page (index.html) and the kiosk (kiosk.html) of two bundles,
// "before" (--base, by default /work/base-dist: the release to compare with)
// and "after" (--dist, by default dist/); and the yardstick, after's catalog
// page alone with no app, searched by a plain script that makes the same
// changes to the page (scripts/lib/search-yardstick.js), so that its keys
// are the browser's own cost. Each is tried with catalogs of made-up
// medicines of every size in --sizes (tests/e2e/made-up-catalog.mjs). Each
// bundle is copied to a temporary folder with the generated catalog as
// content/index.json (the bundle itself is left alone) and served locally by
// scripts/serve.mjs, as built. The catalog page was pre-rendered from the
// bundle's own catalog, so it renders the new one afresh, as for a site whose
// catalog changed since its pages were built; it fetches the catalog while its
// wasm loads. The kiosk fetches the catalog once its app runs.
//
// Each run opens each page in a fresh browser context with the HTTP cache
// disabled and service workers blocked, at normal speed and on the phone
// profile's CPU (4× slower, Emulation.setCPUThrottlingRate, at the phone's
// screen size; no network throttling: a 2 MB catalog on the phone's network
// measures the network). A probe added before the page's scripts marks:
//   page, kiosk    the list painted: the first frame showing result links and
//                  the count of the whole generated catalog
//                  (requestAnimationFrame, then a task once that frame is
//                  painted), from navigation start
//   after catalog  the kiosk's list painted, from the responseEnd of
//                  content/index.json
// Then, on the catalog page, it types "esomockine" in the search box key by
// key and deletes it with Backspace, each key once the one before is painted,
// and times each key from its keydown event:
//   handled        to a task queued after the input event's handlers (and the
//                  app's render, a microtask), which forces style and layout
//   painted        to the task after the next frame is painted
// Medians of the page figures over N runs (default 3), p95 of every key.
//
// Needs a built dist/ (scripts/build), the base bundle, and `npm ci`
// (playwright-core).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCommandLine } from './lib/cli.mjs';
import { PHONE, formatTable, ms, stats } from './lib/bench.mjs';
import { DIST, launchChromium, serveFolder } from '../tests/e2e/support.mjs';
import { madeUpCatalog } from '../tests/e2e/made-up-catalog.mjs';

const USAGE =
  'Usage: node scripts/bench-catalog.mjs [--runs N] [--dist DIR] [--base DIR] [--sizes 1500,10000] [--bundles before,after,yardstick] [--cpus normal,phone]';
/** The CPU profiles: how many times slower than this machine. */
const CPUS = { normal: 1, phone: PHONE.cpuSlowdown };
/** What is typed, then deleted: it narrows the catalog to two entries. */
const QUERY = 'esomockine';
/** How long one page may take to paint its list, or one key its frame. */
const TIMEOUT = 120_000;

function parseBenchArgs(argv) {
  const { values } = parseCommandLine(argv, {
    name: 'bench-catalog',
    usage: USAGE,
    values: { runs: '3', dist: DIST, base: '/work/base-dist', sizes: '1500,10000', bundles: 'before,after,yardstick', cpus: 'normal,phone' },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('bench-catalog: --runs must be a positive integer');
  const sizes = values.sizes.split(',').map(Number);
  if (!sizes.every((n) => Number.isInteger(n) && n >= 10)) throw new Error('bench-catalog: --sizes are whole numbers, at least 10');
  const all = {
    before: { dir: path.resolve(values.base) },
    after: { dir: path.resolve(values.dist) },
    yardstick: { dir: path.resolve(values.dist), yardstick: true },
  };
  const bundles = Object.fromEntries(values.bundles.split(',').map((name) => [name, all[name]]));
  const cpus = Object.fromEntries(values.cpus.split(',').map((name) => [name, CPUS[name]]));
  if (Object.values(bundles).includes(undefined)) throw new Error('bench-catalog: --bundles are among before, after and yardstick');
  if (Object.values(cpus).includes(undefined)) throw new Error('bench-catalog: --cpus are normal and/or phone');
  return { runs, sizes, bundles, cpus };
}

/** Runs in the page before any of its scripts. */
const PROBE = (size) => {
  const bench = (window.__bench = { paintAt: null, keys: [] });
  const listed = () =>
    document.querySelector('#page-results a.page-result') &&
    document.querySelector('#page-search-count')?.textContent.trim().startsWith(`${size} `);
  // After the frame that shows what is in the DOM now: a task queued from
  // requestAnimationFrame runs once that frame is painted.
  const afterPaint = (done) => requestAnimationFrame(() => setTimeout(() => done(performance.now())));
  const observer = new MutationObserver(() => {
    if (bench.paintAt !== null || !listed()) return;
    observer.disconnect();
    afterPaint((at) => (bench.paintAt = at));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  let typing = null;
  addEventListener(
    'keydown',
    (event) => {
      const key = (typing = { key: event.key, start: event.timeStamp, handled: null, painted: null });
      afterPaint((at) => {
        key.painted = at - key.start;
        bench.keys.push(key);
      });
    },
    true,
  );
  // After the page's own handlers and what they queued as microtasks (the
  // app renders in one), a task that forces style and layout.
  addEventListener('input', () => {
    const key = typing;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      void document.documentElement.getBoundingClientRect().height;
      key.handled = performance.now() - key.start;
    };
    channel.port2.postMessage(null);
  });
};

/**
 * Opens `url` in a fresh context with the cache disabled and the CPU
 * `cpuSlowdown` times slower, waits for the list of `size` entries to be
 * painted and the app to run, then calls `then(page)`. Returns the moments
 * the probe marked (from navigation start) and what `then` returns.
 */
async function open(browser, url, size, cpuSlowdown, then = async () => ({})) {
  const context = await browser.newContext({
    locale: 'en-US',
    serviceWorkers: 'block',
    ...(cpuSlowdown > 1 ? PHONE.context : {}),
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.addInitScript(PROBE, size);
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.paintAt !== null, undefined, { timeout: TIMEOUT });
    // The app runs once its first effects set the text size on <html>.
    await page.waitForFunction(() => document.documentElement.style.fontSize !== '', undefined, { timeout: TIMEOUT });
    const marks = await page.evaluate(() => {
      const { paintAt } = window.__bench;
      const arrived = performance
        .getEntriesByType('resource')
        .filter((e) => /\/content\/index\.json(?:[?#]|$)/.test(e.name) && e.responseEnd <= paintAt)
        .map((e) => e.responseEnd);
      return { paintAt, arrivedAt: arrived.length ? Math.max(...arrived) : null };
    });
    const more = await then(page);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { ...marks, ...more };
  } finally {
    await context.close();
  }
}

/** Types QUERY in the search box key by key, then deletes it; returns the keys the probe timed. */
async function typeAndDelete(page) {
  await page.locator('#page-search').focus();
  const keys = [...QUERY, ...[...QUERY].map(() => 'Backspace')];
  for (const [i, key] of keys.entries()) {
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.__bench.keys.length === n, i + 1, { timeout: TIMEOUT });
  }
  return { keys: await page.evaluate(() => window.__bench.keys) };
}

/**
 * One run: the catalog page (painted from navigation, then typing), and the
 * kiosk, which fetches the catalog once its app runs (painted from the
 * catalog's arrival); the yardstick has no kiosk.
 */
async function run(browser, baseUrl, size, cpuSlowdown, { yardstick }) {
  const page = await open(browser, `${baseUrl}index.html`, size, cpuSlowdown, typeAndDelete);
  const kiosk = yardstick ? null : await open(browser, `${baseUrl}kiosk.html#/`, size, cpuSlowdown);
  const typed = page.keys.filter((k) => k.key !== 'Backspace');
  const deleted = page.keys.filter((k) => k.key === 'Backspace');
  return { pagePaint: page.paintAt, kioskPaint: kiosk?.paintAt, afterCatalog: kiosk && kiosk.paintAt - kiosk.arrivedAt, typed, deleted };
}

/** The 95th percentile of `values` (nearest rank). */
function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.95) - 1];
}

/**
 * A copy of `bundle` in a new temporary folder, with a catalog of `size`
 * made-up medicines; for the yardstick, its catalog page loads the plain
 * search script instead of its app.
 */
function copyWithCatalog({ dir, yardstick }, size) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/index.html not found: build the bundle first (scripts/build)`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-catalog-'));
  fs.cpSync(dir, root, { recursive: true });
  fs.writeFileSync(path.join(root, 'content', 'index.json'), JSON.stringify(madeUpCatalog(size)));
  if (yardstick) {
    const page = path.join(root, 'index.html');
    const html = fs
      .readFileSync(page, 'utf8')
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
      .replace(/<link rel="(?:module)?preload"[^>]*>/g, '')
      .replace('</body>', '<script type="module" src="search-yardstick.js"></script>\n</body>');
    fs.writeFileSync(page, html);
    fs.copyFileSync(new URL('./lib/search-yardstick.js', import.meta.url), path.join(root, 'search-yardstick.js'));
  }
  return root;
}

async function main() {
  const opts = parseBenchArgs(process.argv.slice(2));
  const browser = await launchChromium();
  const rows = [];
  try {
    for (const size of opts.sizes) {
      for (const [label, bundle] of Object.entries(opts.bundles)) {
        const root = copyWithCatalog(bundle, size);
        const server = await serveFolder(root);
        try {
          for (const [profile, slowdown] of Object.entries(opts.cpus)) {
            const runs = [];
            for (let i = 0; i < opts.runs; i++) runs.push(await run(browser, server.url, size, slowdown, bundle));
            const row = [
              size.toLocaleString('en-US'),
              label,
              profile,
              ms(stats(runs.map((r) => r.pagePaint)).median),
              bundle.yardstick ? '–' : ms(stats(runs.map((r) => r.kioskPaint)).median),
              bundle.yardstick ? '–' : ms(stats(runs.map((r) => r.afterCatalog)).median),
              ms(p95(runs.flatMap((r) => r.typed.map((k) => k.handled)))),
              ms(p95(runs.flatMap((r) => r.typed.map((k) => k.painted)))),
              ms(p95(runs.flatMap((r) => r.deleted.map((k) => k.handled)))),
              ms(p95(runs.flatMap((r) => r.deleted.map((k) => k.painted)))),
            ];
            rows.push(row);
            console.error(row.join('  '));
          }
        } finally {
          await server.close();
          fs.rmSync(root, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(
    `\nCatalog page with made-up catalogs: ${opts.runs} runs per row, each in a fresh context with the cache disabled,\n` +
      `served locally (Chromium ${browser.version()}); "phone" is a CPU ${PHONE.cpuSlowdown}× slower, at ${PHONE.context.viewport.width}×${PHONE.context.viewport.height}.\n` +
      `${Object.entries(opts.bundles).map(([name, { dir, yardstick }]) => `${name}: ${yardstick ? `the catalog page of ${dir}, searched by scripts/lib/search-yardstick.js` : dir}`).join('\n')}\n` +
      `Page, kiosk: list painted, from navigation start (medians). After catalog: the kiosk's list painted, from the\n` +
      `catalog's arrival (median). Keys: p95 of ${QUERY.length} typed per run ("${QUERY}") and as many Backspaces, from the\n` +
      `keydown to "handled" (the input handled, style and layout done) and to "painted" (the next frame painted).\n`,
  );
  console.log(
    formatTable(
      ['entries', 'bundle', 'CPU', 'page', 'kiosk', 'after catalog', 'key handled', 'key painted', 'bksp handled', 'bksp painted'],
      rows,
    ),
  );
}

main().catch((err) => {
  console.error(err.stack || err.message || err);
  process.exit(1);
});
