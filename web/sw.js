// Service worker for the unattended kiosk (kiosk.html): keeps it working when
// the clinic's network drops, after a reload too.
//
// This file is a template. scripts/precache.mjs (run at the end of
// scripts/build) writes dist/sw.js from it, filling in the two placeholders
// below from the finished bundle. No libraries: this is all of it.
//
//   - The app shell, wasm, styles and every monograph in the catalog are
//     cached at install, in a cache named after the release and the contents
//     of those files, so a new release installs into a new cache and the old
//     one is deleted whole when the new worker takes over. Nothing is mixed.
//     A file the kiosk page has just downloaded is taken from the browser's
//     HTTP cache, once its contents are checked to be this release's: the
//     first visit downloads each file once.
//   - Monographs and the catalog (content/*.json) go to the network first, so
//     edits reach the kiosk; when the network fails the saved copy is served,
//     marked with X-Drug-Monograph-Offline: 1 so the page can say so.
//   - Everything else the bundle ships only changes with a release: served
//     from the cache, falling back to the network.

// Filled in by scripts/precache.mjs: package version + hash of the precached files.
const CACHE_VERSION = "@CACHE_VERSION@";
// Filled in by scripts/precache.mjs: URLs relative to this file (the dist root).
const PRECACHE = [/* @PRECACHE@ */];
// Filled in by scripts/precache.mjs: the SHA-256 (hex) of each precached file.
const DIGESTS = {/* @DIGESTS@ */};

const CACHE_PREFIX = "drug-monograph-";
const CACHE_NAME = CACHE_PREFIX + CACHE_VERSION;
// How long a content request may wait for the network before the saved copy
// is shown: long enough for a slow link, short enough for a waiting patient.
const NETWORK_TIMEOUT_MS = 4000;
const OFFLINE_HEADER = "X-Drug-Monograph-Offline";

// The folder this worker controls (the dist root), e.g. "/" or "/kiosk/".
const SCOPE_PATH = new URL(self.registration.scope).pathname;
const CONTENT_PATH = SCOPE_PATH + "content/";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      // A template copied as-is would "install" an empty, misnamed cache.
      if (CACHE_VERSION.startsWith("@")) throw new Error("sw.js: placeholders not filled in (run scripts/precache.mjs)");
      const responses = await Promise.all(PRECACHE.map(download));
      // Stored only once every file is in: any failure fails the install,
      // and the old worker stays in charge rather than a worker that cannot
      // work offline.
      const cache = await caches.open(CACHE_NAME);
      await Promise.all(PRECACHE.map((url, i) => cache.put(url, responses[i])));
      // An unattended kiosk has nobody to close the tab: take over at once.
      await self.skipWaiting();
    })(),
  );
});

// A precached file, from the HTTP cache when it holds this release's copy
// (the page downloaded it a moment ago), else from the network, skipping
// the HTTP cache, so a new release never stores a stale copy of a file
// under its new name. A copy that is not this release's even then fails.
async function download(url) {
  for (const cache of ["force-cache", "reload"]) {
    const response = await fetch(new Request(url, { cache }));
    if (!response.ok) throw new Error(`sw.js: ${url}: HTTP status ${response.status}`);
    const body = await response.arrayBuffer();
    if ((await digest(body)) === DIGESTS[url]) {
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
  }
  throw new Error(`sw.js: ${url} is not the file of this release`);
}

async function digest(body) {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  return Array.from(hash, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Delete the caches of earlier releases (ours only: same prefix).
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME) await caches.delete(name);
      }
      // Control the open kiosk page now, not after its next navigation.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only our own files; other origins and methods go to the network untouched.
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (!url.pathname.startsWith(SCOPE_PATH)) return;

  if (url.pathname.startsWith(CONTENT_PATH) && url.pathname.endsWith(".json")) {
    event.respondWith(networkFirst(event, url));
  } else {
    event.respondWith(cacheFirst(request, url));
  }
});

// Release files: from the cache, else from the network. Pages are matched
// without their query string (kiosk.html?idle=90 is kiosk.html), and so
// are scripts (a fresh wasm instance after a crash imports the page app
// with ?instance=N: see boot.js); the folder itself is its index.html, as
// the server has it.
async function cacheFirst(request, url) {
  const isPage = request.mode === "navigate";
  const key = isPage && url.pathname === SCOPE_PATH ? "index.html" : request;
  const cached = await fromCache(key, { ignoreSearch: isPage || request.destination === "script" });
  return cached || fetch(request);
}

// Catalog and monographs: fresh from the network, and the cache keeps the
// latest good copy. Saved copies are keyed without the query string, so a
// cache-busting parameter never hides them.
async function networkFirst(event, url) {
  const key = url.origin + url.pathname;
  const network = fetch(event.request);
  // Store every good answer, even one that arrives after the page was given
  // the saved copy; waitUntil keeps the worker alive until it is stored.
  // (Cloned here, before anyone reads the body.)
  event.waitUntil(
    network
      .then((response) => {
        if (response.ok) return store(key, response.clone());
      })
      .catch(() => {}),
  );

  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(resolve, NETWORK_TIMEOUT_MS, "timeout");
  });
  let response;
  let failure;
  try {
    response = await Promise.race([network, timedOut]);
  } catch (error) {
    failure = error;
  } finally {
    clearTimeout(timer);
  }
  // A server error while the network "works" (a proxy whose upstream is
  // down) is the same outage for the patient, so it falls back too.
  if (response && response !== "timeout" && response.status < 500) return response;

  const saved = await savedCopy(key);
  if (saved) return saved;
  // Nothing saved: behave as if there were no worker. Let a failure through,
  // pass a server error on, and on a slow network keep waiting (the page has
  // its own time limit).
  if (failure) throw failure;
  return response === "timeout" ? network : response;
}

// The cached response, marked so the page can tell the patient it may be out
// of date. Responses' headers are immutable: build a new one.
async function savedCopy(key) {
  const cached = await fromCache(key);
  if (!cached) return undefined;
  const headers = new Headers(cached.headers);
  headers.set(OFFLINE_HEADER, "1");
  return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers });
}

// Outside install, this worker never creates its cache: caches.open would
// re-create it, and a worker replaced by a new release may still be finishing
// a request after the new one deleted the old cache. So read with
// caches.match(…, { cacheName }), and write only into a cache that exists.
function fromCache(key, options = {}) {
  return caches.match(key, { ...options, cacheName: CACHE_NAME });
}

async function store(key, response) {
  if (await caches.has(CACHE_NAME)) await (await caches.open(CACHE_NAME)).put(key, response);
}
