// End-to-end tests of the offline kiosk: the service worker (dist/sw.js, from
// web/sw.js and scripts/precache.mjs) in headless Chromium.
//
//   node --test tests/e2e/
//
// Needs a built dist/ (scripts/build), `npm ci` (playwright-core) and a
// Chromium binary: $CHROMIUM or /usr/bin/chromium. DIST=<folder> serves another folder.
//
// "The network drops" is simulated by stopping the server: Playwright's
// offline emulation does not reliably reach a service worker's own fetches.
// The server is restarted on the same port, so the origin (and with it the
// worker's registration and caches) stays the same. The tests run in order and
// share one browser context: install, then offline, then a new release.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheVersion, precacheList } from '../../scripts/precache.mjs';
import { collectErrors, DIST, launchChromium, REPO_ROOT, serveFolder, TEST_TIMEOUT, WAIT_TIMEOUT } from './support.mjs';

const PRECACHE_SCRIPT = path.join(REPO_ROOT, 'scripts', 'precache.mjs');

const CACHE_PREFIX = 'drug-monograph-';
const OFFLINE_HEADER = 'X-Drug-Monograph-Offline';

let browser;
let context;
let page;
let server;
let port; // fixed after the first start: same origin across restarts
let baseUrl;
let cacheName; // the one dist/sw.js names
let precacheUrls;
let tmpRoot;
let pageErrors; // uncaught errors of `page`

/** Reads the cache version and precache list that precache.mjs wrote into a sw.js. */
function readServiceWorker(dist) {
  const file = path.join(dist, 'sw.js');
  assert.ok(fs.existsSync(file), `${file} not found: scripts/build should write it (scripts/precache.mjs)`);
  const source = fs.readFileSync(file, 'utf8');
  const version = source.match(/const CACHE_VERSION = "([^"@][^"]*)";/)?.[1];
  assert.ok(version, `${file}: CACHE_VERSION not filled in`);
  const list = source.match(/const PRECACHE = (\[[^\]]*\]);/)?.[1];
  assert.ok(list, `${file}: PRECACHE not found`);
  return { version, urls: JSON.parse(list) };
}

async function serve(root) {
  server = await serveFolder(root, { port: port ?? 0 });
  port = server.port;
  baseUrl = server.url;
}

async function stopServer() {
  await server?.close();
  server = undefined;
}

/**
 * Counts, per path (relative to the root, as the precache list has them),
 * the answers of `served` (a serveFolder server) that carried a body: the
 * files that crossed the network, whoever asked. `stop()` stops counting.
 */
function countDownloads(served) {
  const counts = {};
  const onRequest = (req, res) => {
    const file = decodeURIComponent(new URL(req.url, 'http://localhost').pathname.slice(1));
    res.on('finish', () => {
      if (res.statusCode === 200 && req.method === 'GET') counts[file] = (counts[file] ?? 0) + 1;
    });
  };
  served.server.on('request', onRequest);
  return { counts, stop: () => served.server.off('request', onRequest) };
}

/** Names of our caches (prefix drug-monograph-), as the page sees them. */
const ourCaches = () =>
  page.evaluate((prefix) => caches.keys().then((keys) => keys.filter((k) => k.startsWith(prefix)).sort()), CACHE_PREFIX);

/** Paths (relative to the origin root) of the requests stored in cache `name`. */
const cachedPaths = (name) =>
  page.evaluate(async (n) => {
    const cache = await caches.open(n);
    return (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1)).sort();
  }, name);

/**
 * Waits until `fn` (run in the page, may be async) returns a truthy value.
 * page.waitForFunction takes a returned Promise as truthy, so async checks
 * (caches, registrations) are polled from here, as Playwright's expect.poll does.
 */
async function poll(fn, arg, what) {
  const deadline = Date.now() + WAIT_TIMEOUT;
  let last;
  for (;;) {
    last = await page.evaluate(fn, arg);
    if (last?.ok ?? last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the page is controlled by a service worker, reloading once if claim() did not reach it. */
async function waitForController() {
  const controlled = () => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: WAIT_TIMEOUT });
  try {
    await controlled();
  } catch {
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await controlled();
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
}

const catalogEntry = (name) =>
  page.getByRole('link', { name }).or(page.getByRole('button', { name })).first();

async function expectCatalogLists(name) {
  await catalogEntry(name).waitFor({ state: 'visible' });
}

async function expectMonographTitle(title) {
  const heading = page.locator('.dm-title').filter({ hasText: title }).first();
  await heading.waitFor({ state: 'visible' });
  assert.equal((await heading.textContent()).trim(), title);
}

/** The Usage panel (the tabpanel the usage tab controls) is visible and shows `text`. */
async function expectUsagePanelShows(text) {
  const usageTab = page.locator('[role="tab"][id$="-tab-usage"]').first();
  await usageTab.waitFor({ state: 'attached' });
  const id = await usageTab.getAttribute('aria-controls');
  assert.ok(id, 'usage tab has no aria-controls');
  await page.locator(`[id="${id}"]`).filter({ hasText: text }).waitFor({ state: 'visible' });
}

/** What a content fetch from the page returns: its status and the offline header, or 'failed'. */
const fetchFromPage = (url) =>
  page.evaluate(
    ([u, header]) =>
      fetch(u).then(
        (r) => ({ status: r.status, offline: r.headers.get(header) }),
        () => 'failed',
      ),
    [url, OFFLINE_HEADER],
  );

describe('offline kiosk (service worker)', { timeout: TEST_TIMEOUT * 4 }, () => {
  before(async () => {
    ({ urls: precacheUrls, version: cacheName } = readServiceWorker(DIST));
    cacheName = CACHE_PREFIX + cacheName;
    await serve(DIST);
    browser = await launchChromium();
    context = await browser.newContext({ reducedMotion: 'reduce' });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT_TIMEOUT);
    pageErrors = collectErrors(page, { consoleErrors: false });
  });

  after(async () => {
    await browser?.close();
    await stopServer();
    if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  });

  it('sw.js was written from the finished bundle', () => {
    // Same list and version as computed now: precache.mjs ran after every file was in place.
    const urls = precacheList(DIST);
    assert.deepEqual(precacheUrls, urls);
    assert.equal(cacheName, CACHE_PREFIX + cacheVersion(DIST, urls));
    const catalog = JSON.parse(fs.readFileSync(path.join(DIST, 'content', 'index.json'), 'utf8'));
    for (const { file } of catalog.monographs) assert.ok(urls.includes(`content/${file}`), `content/${file} precached`);
    for (const file of ['kiosk.html', 'index.html', 'boot.js', 'app/drug-monograph-page_bg.wasm', 'content/index.json']) {
      assert.ok(urls.includes(file), `${file} precached`);
    }
  });

  it('installs, controls the kiosk and caches the whole app and catalog, downloading each file once', { timeout: TEST_TIMEOUT }, async () => {
    const downloads = countDownloads(server);
    await page.goto(`${baseUrl}kiosk.html`);
    await waitForController();
    assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.scope)), baseUrl);

    await expectCatalogLists('Lenalidomide');
    assert.deepEqual(await ourCaches(), [cacheName]);
    const cached = await cachedPaths(cacheName);
    assert.deepEqual(precacheUrls.filter((url) => !cached.includes(url)), [], 'every precache URL is cached');
    // The worker took what the page had downloaded from the HTTP cache: on
    // the first visit every file crossed the network once, the page's and
    // the worker's requests together.
    downloads.stop();
    const twice = Object.entries(downloads.counts).filter(([, count]) => count > 1);
    assert.deepEqual(twice, [], `files downloaded more than once: ${JSON.stringify(downloads.counts)}`);
    for (const url of precacheUrls) assert.equal(downloads.counts[url], 1, `${url} downloaded once`);

    // Online, content is fresh from the network: no offline mark, no note.
    assert.deepEqual(await fetchFromPage('content/index.json'), { status: 200, offline: null });
    await page.goto(`${baseUrl}kiosk.html#/lenalidomide`);
    await expectMonographTitle('Lenalidomide');
    await expectUsagePanelShows('Multiple Myeloma');
    assert.equal(await page.locator('.dm-stale').count(), 0, 'no stale note while online');
  });

  it('also works under Playwright offline emulation (when it reaches the worker)', { timeout: TEST_TIMEOUT }, async (t) => {
    // Extra to the required method (stopping the server, next test): only
    // meaningful if the emulation really cuts the worker's fetches, which the
    // server can tell: it must see no request at all meanwhile.
    const seen = [];
    const onRequest = (request) => seen.push(request.url);
    server.server.on('request', onRequest);
    await context.setOffline(true);
    try {
      await page.reload();
      await expectMonographTitle('Lenalidomide');
      const content = await fetchFromPage('content/lenalidomide.json');
      if (seen.length) {
        t.skip(`offline emulation did not reach the service worker (server saw ${seen.join(', ')})`);
        return;
      }
      assert.deepEqual(content, { status: 200, offline: '1' });
      await page.locator('.dm-stale').first().waitFor({ state: 'visible' });
    } finally {
      await context.setOffline(false);
      server.server.off('request', onRequest);
    }
  });

  it('keeps showing the monograph and the catalog with the server stopped, after reloads', { timeout: TEST_TIMEOUT }, async () => {
    await stopServer();
    await assert.rejects(fetch(`${baseUrl}kiosk.html`), 'the server is really down');

    await page.reload();
    await expectMonographTitle('Lenalidomide');
    await expectUsagePanelShows('Multiple Myeloma');
    await page.locator('.dm-stale').first().waitFor({ state: 'visible' });
    assert.deepEqual(await fetchFromPage('content/lenalidomide.json'), { status: 200, offline: '1' });
    assert.deepEqual(await fetchFromPage('content/index.json'), { status: 200, offline: '1' });
    // Content never cached: the failure goes through, as without a worker.
    assert.equal(await fetchFromPage('content/not-in-the-catalog.json'), 'failed');

    await page.goto(`${baseUrl}kiosk.html#/`);
    await expectCatalogLists('Lenalidomide');
    await page.reload();
    await expectCatalogLists('Lenalidomide');

    // The kiosk is started with options in the query string; the cached page still matches.
    await page.goto(`${baseUrl}kiosk.html?idle=90#/lenalidomide`);
    await expectMonographTitle('Lenalidomide');
    await page.locator('.dm-stale').first().waitFor({ state: 'visible' });
  });

  it('a new release replaces the old cache', { timeout: TEST_TIMEOUT }, async () => {
    // A copy of the bundle with one monograph changed (same meaning, other
    // bytes), its sw.js rewritten by the precache script as the build does.
    tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-offline-'));
    const next = path.join(tmpRoot, 'dist');
    fs.cpSync(DIST, next, { recursive: true });
    const contentFile = path.join(next, 'content', 'lenalidomide.json');
    const changed = JSON.stringify(JSON.parse(fs.readFileSync(contentFile, 'utf8')), null, 1) + '\n';
    fs.writeFileSync(contentFile, changed);
    const output = execFileSync(process.execPath, [PRECACHE_SCRIPT, next], { encoding: 'utf8' });
    const newVersion = output.match(/cache version (\S+)/)?.[1];
    assert.ok(newVersion, `precache output names the version: ${output}`);
    const newCache = CACHE_PREFIX + newVersion;
    assert.notEqual(newCache, cacheName);
    assert.equal(readServiceWorker(next).version, newVersion);

    await serve(next);
    await page.goto(`${baseUrl}kiosk.html`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    // The new worker installs, takes over (skipWaiting, claim) and deletes the old cache.
    await poll(
      async ([prefix, name]) => {
        const keys = (await caches.keys()).filter((k) => k.startsWith(prefix));
        const registration = await navigator.serviceWorker.getRegistration();
        const settled =
          !registration.installing &&
          !registration.waiting &&
          registration.active?.state === 'activated' &&
          navigator.serviceWorker.controller === registration.active;
        return { ok: settled && keys.length === 1 && keys[0] === name, keys, settled };
      },
      [CACHE_PREFIX, newCache],
      'the new worker to take over with only its cache left',
    );
    assert.deepEqual(await ourCaches(), [newCache]);
    const stored = await page.evaluate(
      (name) => caches.open(name).then((c) => c.match('content/lenalidomide.json')).then((r) => r.text()),
      newCache,
    );
    assert.equal(stored, changed, 'the new cache holds the new release');

    await page.goto(`${baseUrl}kiosk.html#/lenalidomide`);
    await expectMonographTitle('Lenalidomide');
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  });
});
