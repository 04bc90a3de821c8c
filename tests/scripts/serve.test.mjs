// Tests of scripts/serve.mjs as a host: content negotiation (brotli, gzip,
// identity), Vary, caching headers, conditional requests, HEAD and _headers.
//
//   node --test tests/scripts/

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { startServer, negotiateEncoding, diskCached, IMMUTABLE } from '../../scripts/serve.mjs';

/** Sends a request to `url` with `headers`; resolves to { status, headers, body } with the body as sent (not decoded). */
function request(url, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// Big and repetitive enough that every coding makes it smaller.
const PAGE = `<!doctype html>\n<title>Test</title>\n${'<p>Take one tablet a day with water.</p>\n'.repeat(200)}`;
const SCRIPT = `export const x = ${JSON.stringify('a'.repeat(2000))};\n`;
// A wasm module header followed by zeroes.
const WASM = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4096)]);
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

describe('serve.mjs', () => {
  let root;
  let server;
  let url;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-serve-'));
    const write = (file, data) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), data);
    };
    write('index.html', PAGE);
    write('drug-monograph/1.2.3/drug-monograph.js', SCRIPT);
    write('drug-monograph/1.2.3/core_bg.wasm', WASM);
    write('app/page.js', SCRIPT);
    write('icon.png', PNG);
    write('tiny.txt', 'a');
    write('sitemap.xml', `<?xml version="1.0"?>\n<urlset>${'<url><loc>http://x/</loc></url>'.repeat(50)}</urlset>\n`);
    write('demo/csp.html', PAGE);
    write('_headers', '# rules\n/demo/csp.html\n  Content-Security-Policy: default-src \'self\'\n/demo/*\n  X-Demo: yes\n');
    ({ server, url } = await startServer({ root, port: 0 }));
  });

  after(async () => {
    await server?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe('negotiation', () => {
    it('prefers brotli, then gzip, honouring weights', () => {
      assert.equal(negotiateEncoding('gzip, deflate, br, zstd'), 'br');
      assert.equal(negotiateEncoding('br'), 'br');
      assert.equal(negotiateEncoding('gzip'), 'gzip');
      assert.equal(negotiateEncoding('x-gzip'), 'gzip');
      assert.equal(negotiateEncoding('br;q=0, gzip'), 'gzip');
      assert.equal(negotiateEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
      assert.equal(negotiateEncoding('br;q=0.8, gzip;q=0.8'), 'br');
      assert.equal(negotiateEncoding('*'), 'br');
      assert.equal(negotiateEncoding('*;q=0.5, br;q=0'), 'gzip');
      assert.equal(negotiateEncoding('deflate'), 'identity');
      assert.equal(negotiateEncoding('identity'), 'identity');
      assert.equal(negotiateEncoding('gzip;q=0, br;q=0'), 'identity');
      assert.equal(negotiateEncoding(''), 'identity');
      assert.equal(negotiateEncoding(undefined), 'identity');
    });

    it('sends brotli when accepted, with Vary and the compressed length', async () => {
      const res = await request(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], 'br');
      assert.equal(res.headers.vary, 'Accept-Encoding');
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(Number(res.headers['content-length']), res.body.length);
      assert.ok(res.body.length < PAGE.length / 10, `compressed to ${res.body.length} bytes`);
      assert.equal(zlib.brotliDecompressSync(res.body).toString(), PAGE);
    });

    it('sends gzip when brotli is not accepted', async () => {
      for (const accept of ['gzip', 'gzip, deflate', 'br;q=0, gzip']) {
        const res = await request(url, { headers: { 'Accept-Encoding': accept } });
        assert.equal(res.headers['content-encoding'], 'gzip', accept);
        assert.equal(res.headers.vary, 'Accept-Encoding', accept);
        assert.equal(Number(res.headers['content-length']), res.body.length, accept);
        assert.equal(zlib.gunzipSync(res.body).toString(), PAGE, accept);
      }
    });

    it('sends the file as it is otherwise, still with Vary', async () => {
      for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'deflate' }]) {
        const res = await request(url, { headers });
        assert.equal(res.headers['content-encoding'], undefined, JSON.stringify(headers));
        assert.equal(res.headers.vary, 'Accept-Encoding', JSON.stringify(headers));
        assert.equal(res.body.toString(), PAGE, JSON.stringify(headers));
        assert.equal(Number(res.headers['content-length']), Buffer.byteLength(PAGE));
      }
    });

    it('compresses wasm, JavaScript and XML, not images nor what would not shrink', async () => {
      const br = { 'Accept-Encoding': 'br, gzip' };
      const wasm = await request(`${url}drug-monograph/1.2.3/core_bg.wasm`, { headers: br });
      assert.equal(wasm.headers['content-type'], 'application/wasm');
      assert.equal(wasm.headers['content-encoding'], 'br');
      assert.deepEqual(zlib.brotliDecompressSync(wasm.body), WASM);
      const js = await request(`${url}app/page.js`, { headers: br });
      assert.equal(js.headers['content-encoding'], 'br');
      const xml = await request(`${url}sitemap.xml`, { headers: br });
      assert.equal(xml.headers['content-type'], 'application/xml; charset=utf-8');
      assert.equal(xml.headers['content-encoding'], 'br');

      const png = await request(`${url}icon.png`, { headers: br });
      assert.equal(png.headers['content-encoding'], undefined);
      assert.equal(png.headers.vary, undefined, 'nothing to vary on');
      assert.deepEqual(png.body, PNG);
      const tiny = await request(`${url}tiny.txt`, { headers: br });
      assert.equal(tiny.headers['content-encoding'], undefined, 'one byte does not get smaller');
      assert.equal(tiny.headers.vary, 'Accept-Encoding');
      assert.equal(tiny.body.toString(), 'a');
    });

    it('answers HEAD with the headers of GET and no body', async () => {
      for (const accept of ['br', 'gzip', '']) {
        const headers = { 'Accept-Encoding': accept };
        const get = await request(url, { headers });
        const head = await request(url, { method: 'HEAD', headers });
        assert.equal(head.status, 200);
        assert.equal(head.body.length, 0);
        for (const name of ['content-type', 'content-length', 'content-encoding', 'vary', 'etag', 'cache-control']) {
          assert.equal(head.headers[name], get.headers[name], `${name} (${accept || 'no Accept-Encoding'})`);
        }
      }
    });

    it('serves a changed file, not the compressed copy of the old one', async () => {
      const file = path.join(root, 'changing.txt');
      fs.writeFileSync(file, 'first version '.repeat(100));
      const before = await request(`${url}changing.txt`, { headers: { 'Accept-Encoding': 'br' } });
      fs.writeFileSync(file, 'second version '.repeat(100));
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(file, later, later);
      const after = await request(`${url}changing.txt`, { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(zlib.brotliDecompressSync(before.body).toString(), 'first version '.repeat(100));
      assert.equal(zlib.brotliDecompressSync(after.body).toString(), 'second version '.repeat(100));
      assert.notEqual(after.headers.etag, before.headers.etag);
    });

    it('compresses a file once per machine: another server process finds it compressed on disk', async () => {
      // Content no other run has served, so the disk holds none of it yet.
      const text = `${crypto.randomUUID()} take one tablet a day\n`.repeat(100);
      const hash = crypto.createHash('sha256').update(text).digest('base64url');
      const write = (name) => fs.writeFileSync(path.join(root, name), text);
      write('first.txt');
      const first = await request(`${url}first.txt`, { headers: { 'Accept-Encoding': 'br' } });
      assert.deepEqual(fs.readFileSync(diskCached(hash, 'br')), first.body, 'written to disk as sent');

      // What another process left there is sent as it is: a body compressed
      // otherwise (quality 1) shows that it was read, not compressed again.
      // The same content under another name is new to this process's memory.
      const other = zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
      assert.notDeepEqual(other, first.body);
      fs.writeFileSync(diskCached(hash, 'br'), other);
      write('second.txt');
      const second = await request(`${url}second.txt`, { headers: { 'Accept-Encoding': 'br' } });
      assert.deepEqual(second.body, other);
      assert.equal(zlib.brotliDecompressSync(second.body).toString(), text);
      fs.rmSync(diskCached(hash, 'br'));
    });
  });

  describe('caching', () => {
    it('makes the files of a release folder immutable', async () => {
      for (const file of ['drug-monograph/1.2.3/drug-monograph.js', 'drug-monograph/1.2.3/core_bg.wasm']) {
        const res = await request(url + file, { headers: { 'Accept-Encoding': 'br' } });
        assert.equal(res.status, 200, file);
        assert.equal(res.headers['cache-control'], IMMUTABLE, file);
        assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      }
    });

    it('has everything else revalidated, with an ETag per encoding', async () => {
      const tags = new Set();
      for (const accept of ['br', 'gzip', '']) {
        const res = await request(url, { headers: { 'Accept-Encoding': accept } });
        assert.equal(res.headers['cache-control'], 'no-cache');
        assert.match(res.headers.etag, /^"[^"]+"$/, 'a strong ETag');
        assert.ok(res.headers['last-modified']);
        tags.add(res.headers.etag);
      }
      assert.equal(tags.size, 3, 'each encoding is its own representation');
      for (const file of ['app/page.js', 'sitemap.xml', 'icon.png']) {
        const res = await request(url + file);
        assert.equal(res.headers['cache-control'], 'no-cache', file);
        assert.ok(res.headers.etag, file);
      }
    });

    it('answers If-None-Match with 304 while the content is the same', async () => {
      for (const accept of ['br', 'gzip', '']) {
        const first = await request(url, { headers: { 'Accept-Encoding': accept } });
        const etag = first.headers.etag;
        for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
          const res = await request(url, { headers: { 'Accept-Encoding': accept, 'If-None-Match': ifNoneMatch } });
          assert.equal(res.status, 304, `${ifNoneMatch} (${accept || 'identity'})`);
          assert.equal(res.body.length, 0);
          assert.equal(res.headers.etag, etag, 'the 304 names the representation held');
          assert.equal(res.headers['cache-control'], 'no-cache');
          assert.equal(res.headers.vary, 'Accept-Encoding');
        }
        const head = await request(url, { method: 'HEAD', headers: { 'Accept-Encoding': accept, 'If-None-Match': etag } });
        assert.equal(head.status, 304);
      }
      const other = await request(url, { headers: { 'If-None-Match': '"something-else"' } });
      assert.equal(other.status, 200);
      assert.equal(other.body.toString(), PAGE);
    });

    it('answers a stale ETag with the new content', async () => {
      const file = path.join(root, 'edited.html');
      fs.writeFileSync(file, PAGE);
      const { headers } = await request(`${url}edited.html`);
      fs.writeFileSync(file, PAGE + '<p>Updated.</p>\n');
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(file, later, later);
      const res = await request(`${url}edited.html`, { headers: { 'If-None-Match': headers.etag } });
      assert.equal(res.status, 200);
      assert.notEqual(res.headers.etag, headers.etag);
      assert.match(res.body.toString(), /Updated/);
    });

    it('answers If-Modified-Since with 304 unless the file is newer', async () => {
      const { headers } = await request(url);
      const same = await request(url, { headers: { 'If-Modified-Since': headers['last-modified'] } });
      assert.equal(same.status, 304);
      const older = new Date(Date.parse(headers['last-modified']) - 60_000).toUTCString();
      const changed = await request(url, { headers: { 'If-Modified-Since': older } });
      assert.equal(changed.status, 200);
    });
  });

  describe('_headers and security headers', () => {
    it('adds the rules of _headers, exact and with *, and nosniff everywhere', async () => {
      const csp = await request(`${url}demo/csp.html`, { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(csp.headers['content-security-policy'], "default-src 'self'");
      assert.equal(csp.headers['x-demo'], 'yes');
      assert.equal(csp.headers['content-encoding'], 'br');
      const page = await request(url);
      assert.equal(page.headers['content-security-policy'], undefined);
      assert.equal(page.headers['x-demo'], undefined);
      for (const res of [csp, page]) assert.equal(res.headers['x-content-type-options'], 'nosniff');
      const notModified = await request(`${url}demo/csp.html`, { headers: { 'If-None-Match': csp.headers.etag } });
      assert.equal(notModified.status, 304);
      assert.equal(notModified.headers['content-security-policy'], "default-src 'self'");
    });

    it('does not serve _headers itself, nor anything outside the root', async () => {
      assert.equal((await request(`${url}_headers`)).status, 404);
      assert.equal((await request(`${url}..%2f..%2fetc%2fpasswd`)).status, 404);
      assert.equal((await request(`${url}missing.html`, { headers: { 'Accept-Encoding': 'br' } })).status, 404);
      assert.equal((await request(url, { method: 'POST' })).status, 405);
    });

    it('takes a path that starts with "//" as a path on this server, not as another host', async () => {
      const home = await request(`${url}/`);
      assert.equal(home.status, 200);
      assert.equal(home.body.toString(), PAGE);
      assert.equal((await request(`${url}/demo/csp.html`)).status, 200);
      // A folder's redirect stays on this server: "//demo/" would name a host.
      const folder = await request(`${url}//demo`);
      assert.equal(folder.status, 301);
      assert.equal(folder.headers.location, '/demo/');
    });
  });
});
