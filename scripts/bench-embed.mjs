#!/usr/bin/env node
// Benchmark of the embed (<drug-monograph>): not a test, it prints numbers.
//
//   node scripts/bench-embed.mjs [--runs N] [--dist DIR] [--page demo/pharmacy.html]
//
// 1. Transfer size: gzip -9 of what a host page downloads to show one
//    monograph: the loader, the wasm and its glue, widget.css and the JSON.
// 2. Time to the first panel: dist/ is served locally (scripts/serve.mjs, no
//    compression, no throttling) and the page is opened in headless Chromium
//    ($CHROMIUM or /usr/bin/chromium) N times (default 7), each in a fresh
//    browser context with the HTTP cache disabled. In the page, every shadow
//    root the widget attaches is watched with a MutationObserver (plus a
//    requestAnimationFrame poll as a fallback) until a visible [role=tabpanel]
//    exists; one more requestAnimationFrame then marks the frame that paints it.
//    Times are measured from the loader script's PerformanceResourceTiming
//    startTime (when the browser started fetching drug-monograph.js); the same
//    moments measured from navigation start are printed too. The time to the
//    first drug-monograph-load event is printed alongside.
//
// Needs a built dist/ (scripts/build) and `npm ci` (playwright-core).

import path from 'node:path';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { parseCommandLine } from './lib/cli.mjs';
import { bundleVersion } from './lib/version.mjs';
import { EMBED, withVersion } from './measure-size.mjs';
import { DIST, launchChromium, serveFolder } from '../tests/e2e/support.mjs';

function parseBenchArgs(argv) {
  const { values } = parseCommandLine(argv, {
    name: 'bench-embed',
    usage: 'Usage: node scripts/bench-embed.mjs [--runs N] [--dist DIR] [--page demo/pharmacy.html]',
    values: { runs: '7', dist: DIST, page: 'demo/pharmacy.html' },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`bench-embed: --runs must be a positive integer`);
  return { runs, dist: path.resolve(values.dist), page: values.page };
}

const kib = (n) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`);
const ms = (n) => (n == null ? '-' : `${n.toFixed(1)} ms`);

function formatTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => String(row[i]).length)));
  const fmt = (row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

// ---------------------------------------------------------------- sizes

function sizes(dist, version) {
  const rows = withVersion(EMBED, version).map((file) => {
    const data = fs.readFileSync(path.join(dist, file));
    return { file, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
  });
  const total = { file: 'total', raw: rows.reduce((n, r) => n + r.raw, 0), gzip: rows.reduce((n, r) => n + r.gzip, 0) };
  return { rows, total };
}

// ---------------------------------------------------------------- timing

/** Runs in the page before any of its scripts. */
const PROBE = () => {
  const bench = (window.__bench = { panelAt: null, paintAt: null, loadAt: null, panelWidget: null });
  const check = () => {
    if (bench.panelAt !== null) return;
    for (const el of document.querySelectorAll('drug-monograph')) {
      const panel = el.shadowRoot?.querySelector('[role="tabpanel"]:not([hidden])');
      if (!panel) continue;
      const box = panel.getBoundingClientRect();
      const visible = box.width > 0 && box.height > 0 && (panel.checkVisibility?.() ?? true);
      if (!visible) continue;
      bench.panelAt = performance.now();
      bench.panelWidget = el.id || 'drug-monograph';
      requestAnimationFrame(() => {
        bench.paintAt = performance.now();
      });
      return;
    }
  };
  const observer = new MutationObserver(check);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (this.localName === 'drug-monograph') {
      observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
    }
    return root;
  };
  const poll = () => {
    check();
    if (bench.panelAt === null) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  document.addEventListener('drug-monograph-load', () => {
    bench.loadAt ??= performance.now();
  });
};

async function run(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(PROBE);
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.paintAt !== null && window.__bench.loadAt !== null, undefined, {
      timeout: 30_000,
    });
    const result = await page.evaluate(() => {
      const loader = performance
        .getEntriesByType('resource')
        .find((e) => /\/drug-monograph\.js(?:[?#]|$)/.test(e.name));
      const nav = performance.getEntriesByType('navigation')[0];
      return { ...window.__bench, loaderStart: loader ? loader.startTime : null, domContentLoaded: nav?.domContentLoadedEventEnd ?? null };
    });
    if (result.loaderStart === null) throw new Error('no resource timing entry for drug-monograph.js');
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

async function main() {
  const opts = parseBenchArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.dist, opts.page))) {
    throw new Error(`${path.join(opts.dist, opts.page)} not found: build the bundle first (scripts/build)`);
  }
  const version = bundleVersion(opts.dist);

  const { rows, total } = sizes(opts.dist, version);
  console.log(`Embed bundle ${version} (${opts.dist}): transfer size, gzip -9\n`);
  console.log(
    formatTable(
      ['file', 'raw bytes', 'gzip -9 bytes', 'gzip'],
      [...rows, total].map((r) => [r.file, r.raw, r.gzip, kib(r.gzip)]),
    ),
  );

  const server = await serveFolder(opts.dist);
  const browser = await launchChromium();
  const url = `${server.url}${opts.page}`;
  const runs = [];
  try {
    for (let i = 0; i < opts.runs; i++) runs.push(await run(browser, url));
  } finally {
    await browser.close();
    await server.close();
  }

  console.log(
    `\nTime to the first panel on ${opts.page}: ${opts.runs} runs, each in a fresh context with the cache disabled,\n` +
      `served locally without compression or throttling (Chromium ${browser.version()})\n`,
  );
  console.log(
    formatTable(
      ['run', 'loader start', 'first panel', 'panel painted', 'load event'],
      runs.map((r, i) => [
        i + 1,
        ms(r.loaderStart),
        ms(r.panelAt - r.loaderStart),
        ms(r.paintAt - r.loaderStart),
        ms(r.loadAt - r.loaderStart),
      ]),
    ),
  );
  console.log('\n(loader start: from navigation start; the other columns: from the loader\'s fetch start)\n');

  const metrics = [
    ['first panel painted, from loader start', runs.map((r) => r.paintAt - r.loaderStart)],
    ['first panel in the DOM, from loader start', runs.map((r) => r.panelAt - r.loaderStart)],
    ['drug-monograph-load, from loader start', runs.map((r) => r.loadAt - r.loaderStart)],
    ['first panel painted, from navigation start', runs.map((r) => r.paintAt)],
    ['drug-monograph-load, from navigation start', runs.map((r) => r.loadAt)],
    ['loader fetch start, from navigation start', runs.map((r) => r.loaderStart)],
  ];
  console.log(
    formatTable(
      ['metric', 'median', 'min', 'max'],
      metrics.map(([name, values]) => {
        const s = stats(values);
        return [name, ms(s.median), ms(s.min), ms(s.max)];
      }),
    ),
  );
}

main().catch((err) => {
  console.error(err.stack || err.message || err);
  process.exit(1);
});
