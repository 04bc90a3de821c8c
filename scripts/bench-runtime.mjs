#!/usr/bin/env node
// Benchmark of the embed's start-up as a network chain, of many widgets on one
// page, and of the kiosk's first visit: not a test, it prints numbers, for a
// baseline bundle and for this one, in one run.
//
//   node scripts/bench-runtime.mjs [--before DIR] [--after DIR] [--runs N]
//
// --after is dist/ by default; --before is left out unless given (then the
// columns show this bundle only). Each bundle is served by scripts/serve.mjs
// (compressed, as a host would); host pages are answered by the browser
// (Playwright's page.route) under /bench/ on the same origin. Every run is a
// fresh browser context with the HTTP cache disabled (except the kiosk's,
// whose point is the cache); the medians of N runs (default 5) are printed.
//
//   JSON request start   one widget under the phone profile (scripts/lib/
//                        bench.mjs: latency, bandwidth and CPU 4× slower):
//                        when the monograph's request starts, and when the
//                        wasm's response ends, ms from navigation start
//                        (PerformanceResourceTiming)
//   requests per src     the monograph's requests on a page of 20 widgets with
//                        the same src
//   20 widgets vs one    ms from navigation start to the frame that shows a
//                        panel in every widget painted (a task queued from
//                        that frame's requestAnimationFrame, as in the other
//                        benchmarks: it runs once the frame is drawn, before
//                        any work the page queued after it), on a page of
//                        one widget and on one of 20, normal CPU; and their
//                        ratio
//   kiosk first visit    bytes the server sent (its Content-Length, compressed
//                        as negotiated) from opening kiosk.html in a fresh
//                        context until the service worker is active and its
//                        cache full; and the files sent more than once
//
// Needs built bundles (scripts/build) and `npm ci` (playwright-core).

import fs from 'node:fs';
import path from 'node:path';
import { parseCommandLine } from './lib/cli.mjs';
import { bundleVersion } from './lib/version.mjs';
import { PHONE, describePhone, formatTable, kib, ms, ratio, stats, throttle } from './lib/bench.mjs';
import { DIST, launchChromium, serveFolder } from '../tests/e2e/support.mjs';

const WAIT = 60_000;

function parseArgs(argv) {
  const { values } = parseCommandLine(argv, {
    name: 'bench-runtime',
    usage: 'Usage: node scripts/bench-runtime.mjs [--before DIR] [--after DIR] [--runs N]',
    values: { before: '', after: DIST, runs: '5' },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('bench-runtime: --runs must be a positive integer');
  const bundles = [
    ...(values.before ? [['before', path.resolve(values.before)]] : []),
    ['after', path.resolve(values.after)],
  ];
  for (const [, dir] of bundles) {
    if (!fs.existsSync(path.join(dir, 'kiosk.html'))) throw new Error(`${dir}: not a built bundle (scripts/build)`);
  }
  return { runs, bundles };
}

/** A host page of `count` widgets of the lenalidomide monograph. */
const hostPage = (version, count) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${count} widgets</title>
<script src="../drug-monograph/${version}/drug-monograph.js" defer></script></head>
<body><main>
${Array.from({ length: count }, () => '<drug-monograph src="../content/lenalidomide.json" heading-level="2"></drug-monograph>').join('\n')}
</main></body></html>`;

/** Runs in the page before its scripts: marks the frame that shows a panel in every widget. */
const PROBE = (count) => {
  const bench = (window.__bench = { allAt: null, paintAt: null });
  const check = () => {
    if (bench.allAt !== null) return;
    const widgets = [...document.querySelectorAll('drug-monograph')];
    const shown = widgets.filter((el) => {
      const panel = el.shadowRoot?.querySelector('[role="tabpanel"]:not([hidden])');
      return panel && panel.getBoundingClientRect().height > 0;
    });
    if (shown.length < count) return requestAnimationFrame(check);
    bench.allAt = performance.now();
    setTimeout(() => {
      bench.paintAt = performance.now();
    });
  };
  requestAnimationFrame(check);
};

/** Opens the host page of `count` widgets; returns what `measure` finds in it. */
async function openHost(browser, server, version, count, { phone = false } = {}) {
  const context = await browser.newContext(phone ? PHONE.context : {});
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (phone) {
      await throttle(cdp);
    } else {
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(`${server.url}bench/host.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: hostPage(version, count) }),
    );
    await page.addInitScript(PROBE, count);
    await page.goto(`${server.url}bench/host.html`);
    await page.waitForFunction(() => window.__bench.paintAt !== null, undefined, { timeout: WAIT });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const timing = await page.evaluate(() => {
      const entry = (pattern) => performance.getEntriesByType('resource').find((e) => pattern.test(e.name));
      return {
        paintAt: window.__bench.paintAt,
        jsonStart: entry(/\/content\/lenalidomide\.json$/)?.startTime,
        wasmEnd: entry(/_bg\.wasm$/)?.responseEnd,
      };
    });
    const jsonRequests = requests.filter((url) => new URL(url).pathname.endsWith('/content/lenalidomide.json')).length;
    return { ...timing, jsonRequests };
  } finally {
    await context.close();
  }
}

/** The kiosk's first visit: bytes and answers per file the server sent until the worker's cache is full. */
async function kioskFirstVisit(browser, server) {
  const sent = {};
  const onRequest = (req, res) => {
    const file = new URL(req.url, 'http://localhost').pathname;
    res.on('finish', () => {
      if (res.statusCode !== 200) return;
      const entry = (sent[file] ??= { count: 0, bytes: 0 });
      entry.count++;
      entry.bytes += Number(res.getHeader('content-length') ?? 0);
    });
  };
  const context = await browser.newContext();
  server.server.on('request', onRequest);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}kiosk.html`);
    await page.waitForFunction(
      async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return registration?.active?.state === 'activated';
      },
      undefined,
      { timeout: WAIT, polling: 100 },
    );
    // Whatever the page still had in flight.
    await page.waitForLoadState('networkidle');
  } finally {
    server.server.off('request', onRequest);
    await context.close();
  }
  const files = Object.values(sent);
  return {
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    files: files.length,
    repeated: Object.entries(sent).filter(([, file]) => file.count > 1).length,
  };
}

async function measure(browser, dir, runs) {
  const version = bundleVersion(dir);
  const server = await serveFolder(dir);
  try {
    // One unmeasured visit has the server compress every file once.
    await openHost(browser, server, version, 1);
    const phone = [];
    const one = [];
    const twenty = [];
    for (let i = 0; i < runs; i++) {
      phone.push(await openHost(browser, server, version, 1, { phone: true }));
      one.push(await openHost(browser, server, version, 1));
      twenty.push(await openHost(browser, server, version, 20));
    }
    const median = (list, key) => stats(list.map((run) => run[key])).median;
    return {
      jsonStart: median(phone, 'jsonStart'),
      wasmEnd: median(phone, 'wasmEnd'),
      requests: Math.max(...twenty.map((run) => run.jsonRequests)),
      one: median(one, 'paintAt'),
      twenty: median(twenty, 'paintAt'),
      kiosk: await kioskFirstVisit(browser, server),
    };
  } finally {
    await server.close();
  }
}

async function main() {
  const { runs, bundles } = parseArgs(process.argv.slice(2));
  const browser = await launchChromium();
  const results = [];
  try {
    for (const [, dir] of bundles) results.push(await measure(browser, dir, runs));
  } finally {
    await browser.close();
  }
  console.log(`Embed start-up, many widgets and the kiosk's first visit: medians of ${runs} runs (Chromium ${browser.version()})`);
  for (const [name, dir] of bundles) console.log(`  ${name}: ${dir}`);
  console.log(`  phone profile: ${describePhone()}\n`);
  const row = (label, show) => [label, ...results.map(show)];
  console.log(
    formatTable(
      ['', ...bundles.map(([name]) => name)],
      [
        row('phone: JSON request starts (from navigation)', (r) => ms(r.jsonStart)),
        row('phone: wasm response ends (from navigation)', (r) => ms(r.wasmEnd)),
        row('requests of one src, 20 widgets', (r) => String(r.requests)),
        row('one widget painted (from navigation)', (r) => ms(r.one)),
        row('20 widgets painted (from navigation)', (r) => ms(r.twenty)),
        row('20 widgets / one', (r) => ratio(r.twenty / r.one)),
        row('kiosk first visit: bytes sent', (r) => kib(r.kiosk.bytes)),
        row('kiosk first visit: files sent more than once', (r) => `${r.kiosk.repeated} of ${r.kiosk.files}`),
      ],
    ),
  );
}

main().catch((error) => {
  console.error(error.stack || error.message || error);
  process.exit(1);
});
