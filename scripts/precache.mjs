#!/usr/bin/env node
// Writes the kiosk's service worker, <dist>/sw.js, from web/sw.js: the list of
// files to cache for offline use, the SHA-256 of each, and the cache version.
//
//   node scripts/precache.mjs [dist] [--template web/sw.js]
//
// Run by scripts/build once the bundle is complete. The precache list is the
// kiosk and standalone pages with their start-up script, everything under
// app/ (the page app's wasm and glue) and styles/, the current release's
// widget.css, the catalog content/index.json, and every monograph the catalog
// names (read from the catalog, not globbed: a file left in content/ but
// dropped from the catalog is not shipped to kiosks, and a file the catalog
// names but the bundle lacks is an error here rather than a failed install on
// every kiosk).
//
// The cache version is the bundle's release version (the name of its folder
// drug-monograph/VERSION/, see scripts/lib/version.mjs) plus a short hash of
// the names and contents of the precached files: any change to what the
// kiosk shows makes a new version, hence a new cache that replaces the old
// one; a rebuild with identical files keeps the version, so kiosks download
// nothing again.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from './lib/cli.mjs';
import { bundleVersion } from './lib/version.mjs';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const DEFAULT_TEMPLATE = path.join(REPO_ROOT, 'web', 'sw.js');

// Placeholders in web/sw.js; the template stays valid JavaScript with them.
const VERSION_PLACEHOLDER = '"@CACHE_VERSION@"';
const LIST_PLACEHOLDER = '[/* @PRECACHE@ */]';
const DIGESTS_PLACEHOLDER = '{/* @DIGESTS@ */}';

// A catalog's file names become URLs under content/: plain names only.
const CONTENT_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/;

class PrecacheError extends Error {}

/** The release version of the bundle in `dist` (its release folder). */
function releaseOf(dist) {
  try {
    return bundleVersion(dist);
  } catch (error) {
    throw new PrecacheError(error.message);
  }
}

function isFile(file) {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** Every file under dir (relative to root, '/'-separated), sorted. */
function filesUnder(root, dir) {
  const abs = path.join(root, dir);
  if (!fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory()) {
    throw new PrecacheError(`${abs}/ is missing (the kiosk needs it)`);
  }
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The monograph files the catalog names, checked. */
function catalogFiles(dist) {
  const catalogPath = path.join(dist, 'content', 'index.json');
  let catalog;
  try {
    catalog = JSON.parse(fs.readFileSync(catalogPath, 'utf8'));
  } catch (error) {
    throw new PrecacheError(`cannot read the catalog ${catalogPath}: ${error.message}`);
  }
  if (!Array.isArray(catalog?.monographs)) {
    throw new PrecacheError(`${catalogPath}: "monographs" is not a list`);
  }
  const problems = [];
  const files = [];
  catalog.monographs.forEach((entry, i) => {
    const file = entry?.file;
    const where = `${catalogPath}: monographs[${i}]${entry?.id ? ` (${entry.id})` : ''}`;
    if (typeof file !== 'string' || !CONTENT_FILE.test(file)) {
      problems.push(`${where}: "file" must be a plain file name ending in .json, found ${JSON.stringify(file)}`);
    } else if (!isFile(path.join(dist, 'content', file))) {
      problems.push(`${where}: content/${file} is missing from the bundle`);
    } else {
      files.push(`content/${file}`);
    }
  });
  if (problems.length) throw new PrecacheError(problems.join('\n'));
  if (!files.length) throw new PrecacheError(`${catalogPath}: the catalog lists no monographs`);
  return files;
}

/** The precache list for a bundle (URLs relative to its root), sorted. */
export function precacheList(dist, version = releaseOf(dist)) {
  const required = [
    'kiosk.html',
    'index.html',
    'boot.js',
    'app/drug-monograph-page.js',
    'app/drug-monograph-page_bg.wasm',
    'styles/page.css',
    `drug-monograph/${version}/widget.css`,
    'content/index.json',
  ];
  const missing = required.filter((file) => !isFile(path.join(dist, file)));
  if (missing.length) {
    throw new PrecacheError(`missing from ${dist}: ${missing.join(', ')}`);
  }
  const urls = new Set([
    ...required,
    ...filesUnder(dist, 'app'),
    ...filesUnder(dist, 'styles'),
    ...catalogFiles(dist),
  ]);
  return [...urls].sort();
}

/** Release version + the first 12 hex digits of a SHA-256 over names and contents. */
export function cacheVersion(dist, urls, version = releaseOf(dist)) {
  const hash = crypto.createHash('sha256');
  for (const url of urls) {
    const body = fs.readFileSync(path.join(dist, url));
    // Name, length, contents: unambiguous, and a renamed file changes it too.
    hash.update(`${url}\0${body.length}\0`);
    hash.update(body);
  }
  return `${version}-${hash.digest('hex').slice(0, 12)}`;
}

/**
 * The SHA-256 (hex) of each file, by URL: the worker takes a file from the
 * browser's HTTP cache only when it is this very file.
 */
export function digests(dist, urls) {
  return Object.fromEntries(
    urls.map((url) => [url, crypto.createHash('sha256').update(fs.readFileSync(path.join(dist, url))).digest('hex')]),
  );
}

/**
 * Writes <dist>/sw.js. Returns { version, cacheName, urls, bytes, file }.
 */
export function writeServiceWorker(dist, { template = DEFAULT_TEMPLATE } = {}) {
  dist = path.resolve(dist);
  if (!fs.statSync(dist, { throwIfNoEntry: false })?.isDirectory()) {
    throw new PrecacheError(`${dist} is not a folder: build the bundle first (scripts/build)`);
  }
  if (!isFile(path.join(dist, 'kiosk.html'))) {
    throw new PrecacheError(`${dist}/kiosk.html is missing: the worker exists for the kiosk`);
  }

  const release = releaseOf(dist);
  const urls = precacheList(dist, release);
  const version = cacheVersion(dist, urls, release);

  const source = fs.readFileSync(template, 'utf8');
  for (const placeholder of [VERSION_PLACEHOLDER, LIST_PLACEHOLDER, DIGESTS_PLACEHOLDER]) {
    const count = source.split(placeholder).length - 1;
    if (count !== 1) {
      throw new PrecacheError(`${template}: expected the placeholder ${placeholder} once, found it ${count} times`);
    }
  }
  const output = source
    .replace(VERSION_PLACEHOLDER, () => JSON.stringify(version))
    .replace(LIST_PLACEHOLDER, () => JSON.stringify(urls, null, 2))
    .replace(DIGESTS_PLACEHOLDER, () => JSON.stringify(digests(dist, urls), null, 2));
  const file = path.join(dist, 'sw.js');
  fs.writeFileSync(file, output);

  const bytes = urls.reduce((sum, url) => sum + fs.statSync(path.join(dist, url)).size, 0);
  return { dist, file, version, cacheName: `drug-monograph-${version}`, urls, bytes };
}

/** file relative to the current folder when inside it, else absolute. */
function shortPath(file) {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const { values, positionals } = parseCommandLine(process.argv.slice(2), {
      name: 'precache',
      usage: 'Usage: node scripts/precache.mjs [dist] [--template web/sw.js]',
      values: { template: DEFAULT_TEMPLATE },
      maxPositionals: 1,
    });
    const result = writeServiceWorker(positionals[0] ?? 'dist', { template: values.template });
    console.log(
      `precache: ${result.urls.length} files (${result.bytes.toLocaleString('en-US')} bytes), ` +
        `cache version ${result.version} -> ${shortPath(result.file)}`,
    );
  } catch (error) {
    console.error(`precache: ${error instanceof PrecacheError ? error.message : error.stack || error}`);
    process.exit(1);
  }
}
