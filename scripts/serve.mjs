#!/usr/bin/env node
// Dependency-free static file server for the built widget (dist/), behaving
// like a real host: compressed responses, caching headers, conditional GETs.
//
//   node scripts/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1]
//
// --port 0 picks a free port. Prints one line when listening:
//   Serving <root> at http://<host>:<port>/
//
// Compression: text, JSON, SVG, XML and wasm are sent brotli- or
// gzip-compressed, as the request's Accept-Encoding allows (brotli preferred
// at equal weight), with `Vary: Accept-Encoding`. Bodies are compressed once
// (brotli quality 11, gzip level 9, as a host precompressing static files
// would) and kept in memory per file and modification time; the first request
// for a large file waits for its compression (about a second for a wasm).
// Compressed bodies are also kept on disk by content hash, in the system's
// temporary folder, so that another server process (each end-to-end test
// file runs its own) sends a file it has never read without compressing it
// again.
//
// Caching: files under a release folder (/drug-monograph/<version>/…) never
// change, so they are `public, max-age=31536000, immutable`; everything else
// is `no-cache` with an ETag (a hash of the content, one per encoding) and
// If-None-Match / If-Modified-Since are answered with 304. A browser that
// cached a release folder keeps it for a year: a local rebuild with the same
// version needs a hard reload (or DevTools' "Disable cache") to be seen.
//
// `<root>/_headers` adds headers per path, in the format static hosts read
// (exact paths, or `*` matching any run of characters).
//
// Tests import { startServer } and call it with { root, port, host }.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import os from 'node:os';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from './lib/cli.mjs';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** Extensions whose files are sent compressed when the client accepts it. */
export const COMPRESSIBLE = new Set([
  '.html', '.htm', '.js', '.mjs', '.wasm', '.css', '.json', '.map', '.svg', '.xml', '.webmanifest', '.txt', '.md',
]);

/** Cache-Control of files in a release folder, and of everything else. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** A path inside a release folder of the embed: /drug-monograph/<version>/<file>. */
const RELEASE_PATH = /^\/drug-monograph\/v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?\/./;

/** The Cache-Control for URL path `urlPath`. */
export function cacheControl(urlPath) {
  return RELEASE_PATH.test(urlPath) ? IMMUTABLE : REVALIDATE;
}

function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * The content coding to send for an Accept-Encoding header value: 'br',
 * 'gzip' or 'identity'. Weights (q=) are honoured, `*` stands for codings not
 * named, `x-gzip` for gzip; between equal weights brotli wins.
 */
export function negotiateEncoding(acceptEncoding) {
  const weights = new Map();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!coding) continue;
    let q = 1;
    for (const param of params) {
      const m = /^q\s*=\s*([0-9.]+)$/.exec(param);
      if (m) q = Number.isFinite(Number(m[1])) ? Number(m[1]) : 0;
    }
    weights.set(coding === 'x-gzip' ? 'gzip' : coding, q);
  }
  const weight = (coding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}

function isInside(root, target) {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function sendText(req, res, status, text, extraHeaders = {}) {
  const body = Buffer.from(text + '\n', 'utf8');
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

// Resolves a URL path to a file inside root, or null.
async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0')) return { status: 400 };
  // Normalise as a POSIX path rooted at '/', which removes any '..' above root,
  // then check again against the real root after resolving.
  const normal = path.posix.normalize('/' + decoded.replace(/\\/g, '/'));
  let target = path.resolve(root, '.' + normal);
  if (!isInside(root, target)) return { status: 403 };

  let stat;
  try {
    stat = await fs.promises.stat(target);
  } catch {
    return { status: 404 };
  }
  if (stat.isDirectory()) {
    if (!urlPath.endsWith('/')) {
      // Redirect so relative URLs in the directory's index.html resolve.
      return { status: 301, location: urlPath + '/' };
    }
    target = path.join(target, 'index.html');
    try {
      stat = await fs.promises.stat(target);
    } catch {
      return { status: 404 };
    }
  }
  if (!stat.isFile()) return { status: 404 };
  // Follow symlinks and make sure the real file is still inside root.
  try {
    const real = await fs.promises.realpath(target);
    if (!isInside(root, real)) return { status: 403 };
  } catch {
    return { status: 404 };
  }
  return { status: 200, file: target, stat };
}

/**
 * Extra response headers per path, read from `<root>/_headers` in the format
 * static hosts use: a path line (exact, or with `*` for any characters), then
 * indented `Name: value` lines. Returns a function from a URL path to the
 * headers of every rule it matches, later rules winning.
 */
async function readHeaderRules(root) {
  const text = await fs.promises.readFile(path.join(root, '_headers'), 'utf8').catch(() => '');
  const rules = [];
  let current = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      const regex = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      current = { regex, headers: {} };
      rules.push(current);
    } else if (current) {
      const colon = line.indexOf(':');
      if (colon > 0) current.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return (urlPath) => rules.filter((rule) => rule.regex.test(urlPath)).map((rule) => rule.headers);
}

// ------------------------------------------------------------ file cache

/** Files up to this size are kept in memory with their compressed forms; larger ones are streamed as they are. */
const MAX_CACHED_FILE = 16 * 1024 * 1024;
/** Bytes the cache may hold (bodies and compressed forms) before it forgets the least recently used files. */
const CACHE_BUDGET = 128 * 1024 * 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Each coding's compressor, with the settings that name its bodies on disk. */
const COMPRESSORS = {
  br: {
    settings: 'q11',
    compress: (body) =>
      brotli(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
  },
  gzip: { settings: 'l9', compress: (body) => gzip(body, { level: 9 }) },
};

/** Compressed bodies by content hash, for every server process of this user on this machine. */
const DISK_CACHE = path.join(os.tmpdir(), `drug-monograph-serve-${process.getuid?.() ?? 'user'}`);

/** Where the disk cache keeps a body whose SHA-256 is `hash` (base64url) compressed in `encoding`. */
export const diskCached = (hash, encoding) =>
  path.join(DISK_CACHE, `${hash}.${encoding}-${COMPRESSORS[encoding].settings}`);

/**
 * `body` (whose content hash is `hash`) compressed in `encoding`: read from
 * the disk cache, else compressed and written there. The cache is only a
 * saving: a file it cannot read or write is compressed as if it were not there.
 */
async function compress(body, hash, encoding) {
  const cached = diskCached(hash, encoding);
  try {
    return await fs.promises.readFile(cached);
  } catch {
    // Not compressed yet on this machine.
  }
  const data = await COMPRESSORS[encoding].compress(body);
  // Written whole under another name, then renamed: a server reading it
  // meanwhile finds it whole or not at all.
  const partial = `${cached}.${process.pid}-${crypto.randomUUID()}`;
  try {
    await fs.promises.mkdir(DISK_CACHE, { recursive: true });
    await fs.promises.writeFile(partial, data);
    await fs.promises.rename(partial, cached);
  } catch {
    await fs.promises.rm(partial, { force: true });
  }
  return data;
}

/**
 * The files read so far, by path: their content, its ETag and, once asked
 * for, their compressed forms. Shared by every server in the process, an
 * entry is used only while the file's size, mtime and inode are unchanged.
 */
const fileCache = new Map();
let cachedBytes = 0;

function forget(file) {
  const entry = fileCache.get(file);
  if (!entry) return;
  fileCache.delete(file);
  cachedBytes -= entry.bytes;
}

function account(file, entry, bytes) {
  entry.bytes += bytes;
  if (fileCache.get(file) !== entry) return;
  cachedBytes += bytes;
  // Least recently used first: Map keeps insertion order and hits re-insert.
  for (const [other] of fileCache) {
    if (cachedBytes <= CACHE_BUDGET || other === file) break;
    forget(other);
  }
}

/** The cache entry of `file` as `stat` describes it, read (or being read) from disk. */
function cachedFile(file, stat) {
  const key = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  let entry = fileCache.get(file);
  if (entry && entry.key === key) {
    fileCache.delete(file);
    fileCache.set(file, entry);
    return entry;
  }
  forget(file);
  entry = { key, bytes: 0, encoded: new Map() };
  entry.ready = fs.promises.readFile(file).then(
    (body) => {
      entry.body = body;
      // Names the content: its ETag and its compressed forms on disk.
      entry.hash = crypto.createHash('sha256').update(body).digest('base64url');
      account(file, entry, body.length);
      return entry;
    },
    (err) => {
      if (fileCache.get(file) === entry) forget(file);
      throw err;
    },
  );
  fileCache.set(file, entry);
  return entry;
}

/** The body of `entry` in `encoding`, or null when compressing does not make it smaller. */
function encodedBody(file, entry, encoding) {
  let body = entry.encoded.get(encoding);
  if (!body) {
    body = compress(entry.body, entry.hash, encoding).then((data) => {
      if (data.length >= entry.body.length) return null;
      account(file, entry, data.length);
      return data;
    });
    body.catch(() => entry.encoded.delete(encoding));
    entry.encoded.set(encoding, body);
  }
  return body;
}

/** The ETag of a representation: the content's tag, plus the coding when there is one. */
const etagOf = (tag, encoding) => `"${tag}${encoding === 'identity' ? '' : `-${encoding}`}"`;

/** Whether an If-None-Match value names one of `tags` (weak comparison), or is `*`. */
function noneMatchHits(ifNoneMatch, tags) {
  if (ifNoneMatch.trim() === '*') return true;
  const listed = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return listed.some((t) => tags.includes(t));
}

// ---------------------------------------------------------------- server

/**
 * Starts a static file server.
 * @param {{root?: string, port?: number, host?: string}} options
 * @returns {Promise<{server: import('node:http').Server, url: string, port: number, root: string, close: () => Promise<void>}>}
 */
export async function startServer({ root = 'dist', port = 8080, host = '127.0.0.1' } = {}) {
  let absRoot = path.resolve(String(root));
  const rootStat = await fs.promises.stat(absRoot).catch(() => null);
  if (!rootStat || !rootStat.isDirectory()) {
    throw new Error(`serve: root folder not found: ${absRoot}`);
  }
  absRoot = await fs.promises.realpath(absRoot);
  const headerRules = await readHeaderRules(absRoot);

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendText(req, res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
        return;
      }
      // A path is read as one: URL takes a leading "//x" for a host named x
      // (and "//" for no host at all), so leading slashes are one slash.
      const urlPath = new URL((req.url || '/').replace(/^\/+/, '/'), 'http://localhost').pathname;
      const found =
        urlPath === '/_headers' ? { status: 404 } : await resolveFile(absRoot, urlPath);
      if (found.status === 301) {
        res.writeHead(301, { Location: found.location, 'Cache-Control': 'no-cache' });
        res.end();
        return;
      }
      if (found.status !== 200) {
        const messages = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found' };
        sendText(req, res, found.status, messages[found.status] || 'Error');
        return;
      }
      await sendFile(req, res, urlPath, found);
    } catch (err) {
      if (!res.headersSent) sendText(req, res, 500, 'Internal server error');
      else res.destroy();
      console.error('serve:', err);
    }
  });

  async function sendFile(req, res, urlPath, { file, stat }) {
    const compressible = COMPRESSIBLE.has(path.extname(file).toLowerCase());
    const entry = stat.size <= MAX_CACHED_FILE ? await cachedFile(file, stat).ready : null;
    // Strong, from the content: a rebuild that changes nothing keeps it. Too
    // large to keep: streamed as it is, tagged by size and mtime.
    const tag = entry ? entry.hash.slice(0, 27) : `${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}`;
    let encoding = entry && compressible ? negotiateEncoding(req.headers['accept-encoding']) : 'identity';

    res.setHeader('Cache-Control', cacheControl(urlPath));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (entry && compressible) res.setHeader('Vary', 'Accept-Encoding');
    // Last, so that _headers can override any of the above.
    const writeHead = (status) => {
      for (const headers of headerRules(urlPath)) {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      }
      res.writeHead(status);
    };

    // Conditional requests: the tag of any encoding of the same content
    // validates what the client holds (the 304 names the one it sent).
    const tags = ['identity', ...(entry && compressible ? Object.keys(COMPRESSORS) : [])].map((e) => etagOf(tag, e));
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = Date.parse(req.headers['if-modified-since'] ?? '');
    const notModified = ifNoneMatch
      ? noneMatchHits(ifNoneMatch, tags)
      : Number.isFinite(ifModifiedSince) && Math.floor(stat.mtimeMs / 1000) * 1000 <= ifModifiedSince;
    if (notModified) {
      const sent = ifNoneMatch?.split(',').map((t) => t.trim().replace(/^W\//, '')).find((t) => tags.includes(t));
      res.setHeader('ETag', sent ?? etagOf(tag, encoding));
      writeHead(304);
      res.end();
      return;
    }

    let body = entry?.body;
    if (encoding !== 'identity') {
      const encoded = await encodedBody(file, entry, encoding);
      if (encoded) body = encoded;
      else encoding = 'identity';
    }
    res.setHeader('Content-Type', mimeType(file));
    res.setHeader('Content-Length', body ? body.length : stat.size);
    res.setHeader('Last-Modified', stat.mtime.toUTCString());
    res.setHeader('ETag', etagOf(tag, encoding));
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    writeHead(200);
    if (req.method === 'HEAD') {
      res.end();
    } else if (body) {
      res.end(body);
    } else {
      const stream = fs.createReadStream(file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    }
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const actualPort = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${actualPort}/`;
  const close = () =>
    new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  return { server, url, port: actualPort, root: absRoot, close };
}

function parseServeArgs(argv) {
  const { values } = parseCommandLine(argv, {
    name: 'serve',
    usage: 'Usage: node scripts/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1]  (port 0 picks a free one)',
    values: { root: 'dist', port: '8080', host: '127.0.0.1' },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`serve: bad port ${values.port}`);
  return { ...values, port };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const opts = parseServeArgs(process.argv.slice(2));
    const { url, root, close } = await startServer(opts);
    console.log(`Serving ${root} at ${url}`);
    // Every page in the bundle, so whoever started the server can open them.
    const pages = (await fs.promises.readdir(root, { recursive: true }))
      .filter((file) => file.endsWith('.html'))
      .map((file) => file.split(path.sep).join('/'))
      .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
    for (const page of pages) console.log(`  ${url}${page}`);
    const stop = () => close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(err.message || err);
    process.exit(1);
  }
}
