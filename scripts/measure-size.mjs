#!/usr/bin/env node
// Sizes of the release bundle.
//
//   node scripts/measure-size.mjs [DIST_DIR] [--json]
//
// Prints raw and gzip -9 bytes for every file under dist/ (default: <repo>/dist, or $DIST),
// then what a browser downloads for the first view of index.html (gzipped).
// Exits non-zero when dist/ or a first-view file is missing.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

export const FIRST_VIEW = [
  'index.html',
  'boot.js',
  'drug-monograph.js',
  'drug-monograph_bg.wasm',
  'styles/page.css',
  'styles/widget.css',
  'content/lenalidomide.json',
];

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
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const positional = args.filter((a) => !a.startsWith('--'));
  const dist = path.resolve(positional[0] || process.env.DIST || path.join(REPO_ROOT, 'dist'));

  if (!fs.existsSync(dist) || !fs.statSync(dist).isDirectory()) {
    console.error(`measure-size: ${dist} does not exist. Build the bundle first (scripts/build).`);
    process.exit(2);
  }

  const rows = measure(dist);
  const byFile = new Map(rows.map((r) => [r.file, r]));
  const missing = FIRST_VIEW.filter((f) => !byFile.has(f));
  const firstView = FIRST_VIEW.filter((f) => byFile.has(f)).map((f) => byFile.get(f));
  const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
  const allTotal = { file: `total (${rows.length} files)`, raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip') };
  const firstTotal = { file: 'first view of index.html', raw: sum(firstView, 'raw'), gzip: sum(firstView, 'gzip') };

  if (json) {
    console.log(JSON.stringify({ dist, files: rows, total: allTotal, firstView: { files: firstView, total: firstTotal, missing } }, null, 2));
  } else {
    console.log(`Files in ${dist}\n`);
    console.log(table(rows, allTotal));
    console.log('\nFirst view of index.html (what a browser downloads, gzipped)\n');
    console.log(table(firstView, firstTotal));
  }

  if (missing.length) {
    console.error(`\nmeasure-size: first-view file(s) missing from ${dist}: ${missing.join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
