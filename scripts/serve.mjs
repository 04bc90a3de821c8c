#!/usr/bin/env node
// Dependency-free static file server for the built widget (dist/).
//
//   node scripts/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1]
//
// --port 0 picks a free port. Prints one line when listening:
//   Serving <root> at http://<host>:<port>/
//
// Tests import { startServer } and call it with { root, port, host }.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
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
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
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
  return { status: 200, file: target, size: stat.size, mtime: stat.mtime };
}

/**
 * Extra response headers per path, read from `<root>/_headers` in the format
 * static hosts use: a path line, then indented `Name: value` lines.
 */
async function readHeaderRules(root) {
  const text = await fs.promises.readFile(path.join(root, '_headers'), 'utf8').catch(() => '');
  const rules = new Map();
  let current = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
    } else if (current) {
      const colon = line.indexOf(':');
      if (colon > 0) current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

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
      const urlPath = new URL(req.url || '/', 'http://localhost').pathname;
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
      res.writeHead(200, {
        'Content-Type': mimeType(found.file),
        'Content-Length': found.size,
        'Last-Modified': found.mtime.toUTCString(),
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headerRules.get(urlPath),
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = fs.createReadStream(found.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) sendText(req, res, 500, 'Internal server error');
      else res.destroy();
      console.error('serve:', err);
    }
  });

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
