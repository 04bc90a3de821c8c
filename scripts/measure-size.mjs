#!/usr/bin/env node
// Sizes of the release bundle.
//
//   node scripts/measure-size.mjs [DIST_DIR] [--json]
//
// Prints raw and gzip -9 bytes for every file under dist/ (default: <repo>/dist, or $DIST),
// then what a browser downloads for the first view of index.html (gzipped), and
// what a host page downloads to embed the widget (the <drug-monograph> loader,
// the wasm and its glue, the stylesheet and one monograph).
// The release folder is the single folder under dist/drug-monograph/.
// Exits non-zero when dist/, the release folder or a listed file is missing.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from './lib/cli.mjs';
import { bundleVersion } from './lib/version.mjs';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

// File lists; @VERSION@ stands for the release folder (see bundleVersion).
// The standalone page opening a monograph: the page app, the catalog and
// the monograph (the catalog alone is the same minus the monograph).
export const FIRST_VIEW = [
  'index.html',
  'boot.js',
  'app/drug-monograph-page.js',
  'app/drug-monograph-page_bg.wasm',
  'drug-monograph/@VERSION@/widget.css',
  'styles/page.css',
  'content/index.json',
  'content/lenalidomide.json',
];

export const EMBED = [
  'drug-monograph/@VERSION@/drug-monograph.js',
  'drug-monograph/@VERSION@/drug-monograph-core.js',
  'drug-monograph/@VERSION@/drug-monograph-core_bg.wasm',
  'drug-monograph/@VERSION@/widget.css',
  'content/lenalidomide.json',
];

/** A page with a pre-rendered snippet: the page holds the monograph's text,
 * then the loader takes the hydrating build and fetches the monograph. */
export const SNIPPET = [
  'demo/snippet.html',
  'drug-monograph/@VERSION@/drug-monograph.js',
  'drug-monograph/@VERSION@/drug-monograph-hydrate.js',
  'drug-monograph/@VERSION@/drug-monograph-hydrate_bg.wasm',
  'drug-monograph/@VERSION@/widget.css',
  'content/lenalidomide.json',
];

/** A file list with @VERSION@ replaced. */
export function withVersion(files, version) {
  return files.map((f) => f.replaceAll('@VERSION@', version));
}

function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

export function measure(dist) {
  return listFiles(dist).map((file) => {
    const data = fs.readFileSync(path.join(dist, file));
    const gzip = zlib.gzipSync(data, { level: 9 }).length;
    return { file, raw: data.length, gzip };
  });
}

function kib(n) {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`;
}

function table(rows, total) {
  const header = ['file', 'raw bytes', 'gzip -9 bytes', 'gzip'];
  const body = rows.map((r) => [r.file, String(r.raw), String(r.gzip), kib(r.gzip)]);
  const foot = total ? [[total.file, String(total.raw), String(total.gzip), kib(total.gzip)]] : [];
  const all = [header, ...body, ...foot];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const fmt = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [fmt(header), rule, ...body.map(fmt), ...(foot.length ? [rule, ...foot.map(fmt)] : [])].join('\n');
}

function main() {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), {
    name: 'measure-size',
    usage: 'Usage: node scripts/measure-size.mjs [DIST_DIR] [--json]',
    flags: ['json'],
    maxPositionals: 1,
  });
  const json = values.json;
  const dist = path.resolve(positionals[0] || process.env.DIST || path.join(REPO_ROOT, 'dist'));

  if (!fs.existsSync(dist) || !fs.statSync(dist).isDirectory()) {
    console.error(`measure-size: ${dist} does not exist. Build the bundle first (scripts/build).`);
    process.exit(2);
  }

  let version;
  try {
    version = bundleVersion(dist);
  } catch (err) {
    console.error(`measure-size: ${err.message}. Build the bundle first (scripts/build).`);
    process.exit(2);
  }

  const rows = measure(dist);
  const byFile = new Map(rows.map((r) => [r.file, r]));
  const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
  const group = (files, label) => {
    const list = withVersion(files, version);
    const present = list.filter((f) => byFile.has(f)).map((f) => byFile.get(f));
    const total = { file: label, raw: sum(present, 'raw'), gzip: sum(present, 'gzip') };
    return { files: present, total, missing: list.filter((f) => !byFile.has(f)) };
  };
  const allTotal = { file: `total (${rows.length} files)`, raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip') };
  const firstView = group(FIRST_VIEW, 'first view of index.html');
  const embed = group(EMBED, 'embed (<drug-monograph>)');
  const snippet = group(SNIPPET, 'page with a snippet');

  if (json) {
    console.log(JSON.stringify({ dist, version, files: rows, total: allTotal, firstView, embed, snippet }, null, 2));
  } else {
    console.log(`Files in ${dist} (release ${version})\n`);
    console.log(table(rows, allTotal));
    console.log('\nFirst view of index.html (what a browser downloads, gzipped)\n');
    console.log(table(firstView.files, firstView.total));
    console.log('\nEmbed: loader, wasm and glue, stylesheet and one monograph (gzipped)\n');
    console.log(table(embed.files, embed.total));
    console.log('\nA page with a pre-rendered snippet (demo/snippet.html, gzipped)\n');
    console.log(table(snippet.files, snippet.total));
  }

  const missing = [...new Set([...firstView.missing, ...embed.missing])];
  if (missing.length) {
    console.error(`\nmeasure-size: file(s) missing from ${dist}: ${missing.join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
