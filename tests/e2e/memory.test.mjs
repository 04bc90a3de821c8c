// Memory over time, in headless Chromium against dist/: widgets mounted and
// removed again and again, and tabs switched again and again, leave nothing
// behind. After a warm-up, the DOM nodes and event listeners the page holds
// are counted exactly (Memory.getDOMCounters after a full garbage
// collection), the wasm's memory must not grow a single page, and the JS
// heap must stay within noise. `node scripts/bench-tabs.mjs` prints the same
// figures over 1,000 cycles.
//
//   node --test tests/e2e/memory.test.mjs
//
// Needs a built dist/ (scripts/build), `npm ci` and Chromium (see support.mjs).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bundleVersion } from '../../scripts/lib/version.mjs';
import { embedFolder, growth, memory, mountAndRemove, routeHostPage, switchTabs, waitForWidget } from './measure.mjs';
import { assertNoErrors, DIST, openPage, TEST_TIMEOUT, useBrowserAndServer } from './support.mjs';

const env = useBrowserAndServer({ requires: 'content/lenalidomide.json' });

const SRC = '/content/lenalidomide.json';
// Enough that a leak of one node, listener or closure per cycle shows many
// times over; the warm-up fills the caches a first widget fills (compiled
// code, interned strings, the allocator's first pages).
const WARM_UP = 20;
const CYCLES = 150;
// Six tabs: a multiple of six ends on the tab it started from.
const SWITCHES = 120;
// The JS heap after a full collection varies by some tens of KiB from one
// count to the next, however many cycles ran in between; the leak this
// guards against was about 800 B a cycle. Half a KiB a cycle tells them apart.
const HEAP_NOISE_PER_CYCLE = 512;

/** A host page with one widget, shown, and a DevTools protocol session on it. */
async function openHost(t) {
  const version = bundleVersion(DIST);
  const context = await env.newContext(t);
  const url = `${env.baseUrl}e2e/memory.html`;
  await routeHostPage(context, url, { version, src: SRC });
  const { page, errors } = await openPage(context, url);
  await waitForWidget(page);
  const cdp = await context.newCDPSession(page);
  const bindings = `${env.baseUrl.replace(/\/$/, '')}${embedFolder(version)}/drug-monograph-core.js`;
  return { page, errors, measure: () => memory(page, cdp, bindings) };
}

/** Asserts that nothing grew over `cycles` between `before` and `after` but the JS heap, within noise. */
function assertNoGrowth(before, after, cycles, what) {
  const grown = growth(before, after);
  const detail = `${what}: ${JSON.stringify(grown)} (before ${JSON.stringify(before)})`;
  assert.equal(grown.nodes, 0, `DOM nodes left behind by ${detail}`);
  assert.equal(grown.listeners, 0, `event listeners left behind by ${detail}`);
  assert.equal(grown.wasm, 0, `wasm memory grown by ${detail}`);
  assert.ok(grown.heap < cycles * HEAP_NOISE_PER_CYCLE, `JS heap grown by ${detail}`);
}

describe('memory', { timeout: TEST_TIMEOUT }, () => {
  it(`leaves nothing behind after ${CYCLES} widgets mounted and removed`, async (t) => {
    const { page, errors, measure } = await openHost(t);
    await mountAndRemove(page, SRC, WARM_UP);
    const before = await measure();
    await mountAndRemove(page, SRC, CYCLES);
    const after = await measure();
    assertNoGrowth(before, after, CYCLES, `${CYCLES} widgets mounted and removed`);
    assertNoErrors(errors);
  });

  it(`leaves nothing behind after ${SWITCHES} tab switches`, async (t) => {
    const { page, errors, measure } = await openHost(t);
    await switchTabs(page, 12);
    const before = await measure();
    await switchTabs(page, SWITCHES);
    const after = await measure();
    assertNoGrowth(before, after, SWITCHES, `${SWITCHES} tab switches`);
    assertNoErrors(errors);
  });
});
