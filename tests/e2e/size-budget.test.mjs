// The release bundle's size budget: what each file and each way of showing
// a monograph may weigh, gzipped (gzip -9, as scripts/measure-size.mjs
// prints it). Sizes are deterministic for a toolchain, so this is a test,
// not a timing. A budget sits a little above this release's size (the
// wasm about 5 KiB), to absorb the difference between toolchains (the
// wasm32 standard library prebuilt, or built from source and smaller: see
// scripts/lib/toolchain.sh), and is lowered as the bundle shrinks.
//
// Needs a built dist/ (scripts/build).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './support.mjs';
import { EMBED, FIRST_VIEW, SNIPPET, measure, withVersion } from '../../scripts/measure-size.mjs';
import { bundleVersion } from '../../scripts/lib/version.mjs';

const KIB = 1024;

/** Gzipped bytes each file may weigh; @VERSION@ is the release folder. */
const FILE_BUDGETS = {
  'drug-monograph/@VERSION@/drug-monograph.js': 4 * KIB,
  'drug-monograph/@VERSION@/drug-monograph-core.js': 6.5 * KIB,
  'drug-monograph/@VERSION@/drug-monograph-core_bg.wasm': 135 * KIB,
  'drug-monograph/@VERSION@/drug-monograph-hydrate.js': 7 * KIB,
  'drug-monograph/@VERSION@/drug-monograph-hydrate_bg.wasm': 147 * KIB,
  'drug-monograph/@VERSION@/widget.css': 4 * KIB,
  'app/drug-monograph-page.js': 8.5 * KIB,
  'app/drug-monograph-page_bg.wasm': 205 * KIB,
  'boot.js': 2 * KIB,
  'styles/page.css': 4.5 * KIB,
};

/** Gzipped bytes each way of showing a monograph may download in all. */
const VIEW_BUDGETS = [
  ['the embed, <drug-monograph src>', EMBED, 151 * KIB],
  ['a page with a pre-rendered snippet', SNIPPET, 169 * KIB],
  ['the standalone page opening a monograph', FIRST_VIEW, 226 * KIB],
];

const kib = (bytes) => `${(bytes / KIB).toFixed(1)} KiB`;

describe('the release bundle stays within its size budget', () => {
  const version = bundleVersion(DIST);
  const sizes = new Map(measure(DIST).map((entry) => [entry.file, entry.gzip]));
  const gzipOf = (file) => {
    assert.ok(sizes.has(file), `${file} is in the bundle`);
    return sizes.get(file);
  };

  for (const [pattern, budget] of Object.entries(FILE_BUDGETS)) {
    const [file] = withVersion([pattern], version);
    it(`${pattern.replace('@VERSION@/', '')}: at most ${kib(budget)} gzipped`, () => {
      const size = gzipOf(file);
      assert.ok(size <= budget, `${file} is ${kib(size)} gzipped, over its budget of ${kib(budget)}`);
    });
  }

  for (const [view, files, budget] of VIEW_BUDGETS) {
    it(`${view}: at most ${kib(budget)} gzipped in all`, () => {
      const size = withVersion(files, version).reduce((sum, file) => sum + gzipOf(file), 0);
      assert.ok(size <= budget, `${view} downloads ${kib(size)} gzipped, over its budget of ${kib(budget)}`);
    });
  }
});
