// What the end-to-end tests (tests/e2e/*.test.mjs) and scripts/bench-embed.mjs
// share: where the bundle is, the static server over it, headless Chromium, new
// pages with their console and page errors, waiting on a page, and axe-core.
// The pages themselves, as a patient uses them, are in pages/: the standalone
// page, the kiosk and the embed. Not a test file itself (node --test runs
// *.test.mjs only).

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

// ------------------------------------------------------------------ paths

/** The repository's root folder (with a trailing separator). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The built bundle: $DIST (resolved against the working folder) or dist/ of the repository. */
export const DIST = process.env.DIST ? path.resolve(process.env.DIST) : path.join(REPO_ROOT, 'dist');

const AXE_PATH = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs the content tools with `args` from the repository's root, as
 * scripts/lib/toolchain.sh's `monograph` does: the binary in $MONOGRAPH when
 * set (scripts/test sets it), else `cargo monograph`. Returns spawnSync's result.
 */
export function runMonograph(args, { timeout }) {
  const [command, ...prefix] = process.env.MONOGRAPH ? [process.env.MONOGRAPH] : ['cargo', 'monograph'];
  return spawnSync(command, [...prefix, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout });
}

/** Throws unless `file` (a path inside DIST) exists, saying to build the bundle first. */
function requireBuilt(file) {
  if (!fs.existsSync(path.join(DIST, file))) {
    throw new Error(`${DIST}/${file} not found: build the bundle first (scripts/build), or set DIST`);
  }
}

// ------------------------------------------------------------- host pages

/**
 * A web team's page around embedded widgets: `head` goes in its <head> (the
 * loader's script, styles), `body` in its <main id="host">.
 */
export const hostPageHtml = ({ title, head = '', body, lang = 'en' }) => `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
${head}
  </head>
  <body>
    <main id="host">
${body}
    </main>
  </body>
</html>
`;

// ------------------------------------------------------ server and browser

/** Serves folder `root` with scripts/serve.mjs on 127.0.0.1, on a free port unless `port` is given. */
export function serveFolder(root, { port = 0 } = {}) {
  return startServer({ root, port, host: '127.0.0.1' });
}

/** The flags every headless Chromium of the tests runs with: no sandbox, GPU or background traffic, no QUIC. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium ($CHROMIUM or /usr/bin/chromium) with CHROMIUM_ARGS plus `extraArgs`. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * Registers the file-level node:test hooks most test files share. Before the
 * tests: checks that `requires` is built in DIST (requireBuilt), serves `root`
 * (DIST by default; a function is called, after the check, for the folder to
 * serve) and launches Chromium with `chromiumArgs` added (launchChromium).
 * After them: closes the browser, then the server. Returns an object whose
 * `browser`, `server` and `baseUrl` (the server's URL, ending in /) are set once
 * the before hook has run, and whose `newContext(t, options)` makes a browser
 * context with reduced motion (and `options`) that is closed after test `t`.
 */
export function useBrowserAndServer({ requires, root = DIST, chromiumArgs = [] } = {}) {
  const env = {
    browser: undefined,
    server: undefined,
    baseUrl: undefined,
    async newContext(t, options = {}) {
      const context = await env.browser.newContext({ reducedMotion: 'reduce', ...options });
      t.after(() => context.close());
      return context;
    },
  };
  before(async () => {
    if (requires) requireBuilt(requires);
    env.server = await serveFolder(typeof root === 'function' ? await root() : root);
    env.baseUrl = env.server.url;
    env.browser = await launchChromium(chromiumArgs);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

// ------------------------------------------------------------------ pages

/** How long one test may take; a test that opens many pages is given a multiple of it. */
export const TEST_TIMEOUT = 90_000;

/** How long a test waits for a condition in the page. */
export const WAIT_TIMEOUT = 15_000;

/**
 * Gives `target` (a browser context or a page) a clock that stands still at
 * `start`: time passes through `clock.runFor` only. Installed a minute early:
 * time flows until the pause, and pausing at a time already passed fails.
 *
 * Playwright's clock numbers animation frames from 10^12, beyond the 32-bit
 * `long` that requestAnimationFrame returns in a browser, so a widget (whose
 * bindings hold a frame's number as a 32-bit integer) could not cancel one.
 * The page is handed browser-sized numbers for the clock's frames.
 */
export async function stopClock(target, start) {
  await target.clock.install({ time: start.getTime() - 60_000 });
  await target.clock.pauseAt(start);
  await target.addInitScript(() => {
    const [request, cancel] = [window.requestAnimationFrame, window.cancelAnimationFrame];
    const frames = new Map();
    let last = 0;
    window.requestAnimationFrame = (callback) => {
      const id = ++last;
      frames.set(
        id,
        request((time) => {
          frames.delete(id);
          callback(time);
        }),
      );
      return id;
    };
    window.cancelAnimationFrame = (id) => {
      cancel(frames.get(id));
      frames.delete(id);
    };
  });
}

/**
 * Opens `url` in a new page of `context`, with WAIT_TIMEOUT as the page's
 * default timeout and its errors collected from the start (collectErrors, with
 * `consoleErrors`). `beforeGoto(page)` runs before the navigation. Returns
 * { page, errors, response }.
 */
export async function openPage(context, url, { beforeGoto, consoleErrors = true } = {}) {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_TIMEOUT);
  const errors = collectErrors(page, { consoleErrors });
  if (beforeGoto) await beforeGoto(page);
  const response = await page.goto(url);
  return { page, errors, response };
}

/**
 * Holds the requests of `page` for `url` (a glob, as page.route takes) until
 * the test answers them. Returns { route }: a promise of the first one's Route.
 */
export async function holdRequest(page, url) {
  let hold;
  const route = new Promise((resolve) => {
    hold = resolve;
  });
  await page.route(url, (held) => hold(held));
  return { route };
}

/** Where the focus is (with its aria-selected) and the address hash: what a time-out message shows by default. */
const focusAndHash = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const selected = el?.getAttribute('aria-selected');
    const name = el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` : 'none';
    return `activeElement=${name}${selected === null || !el ? '' : `[aria-selected=${selected}]`}, hash=${location.hash}`;
  });

/**
 * Like page.waitForFunction, with a clearer message on time-out: what was
 * awaited (`describe`) and the page's state as `details(page)` gives it (by
 * default where the focus is and the address hash).
 */
export async function waitUntil(page, fn, arg, describe, details = focusAndHash) {
  try {
    await page.waitForFunction(fn, arg, { timeout: WAIT_TIMEOUT });
  } catch (err) {
    throw new Error(`${describe} (${await details(page)}): ${err.message.split('\n')[0]}`);
  }
}

/**
 * Resolves once the page has drawn two more frames and run a task after them:
 * by then, whatever an input or a change caused (at once, in its rendering or
 * in a task it queued) has happened. For checking that something did not
 * happen, where there is no condition to wait for. Not on a stopped clock
 * (KioskPage's `clock`), where the page's frames and timers wait for it.
 */
export const settle = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));

// ------------------------------------------------------------------ errors

/**
 * Collects what goes wrong in `page` from now on, as { text, url } entries in
 * the returned array: console errors (url: the script's) and uncaught page
 * errors (text "Uncaught: <stack>", url ''). With `consoleErrors: false`, only
 * the page errors.
 */
export function collectErrors(page, { consoleErrors = true } = {}) {
  const errors = [];
  if (consoleErrors) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push({ text: msg.text(), url: msg.location()?.url || '' });
    });
  }
  page.on('pageerror', (err) => errors.push({ text: `Uncaught: ${err.stack || err.message}`, url: '' }));
  return errors;
}

/**
 * Asserts that `errors` (from collectErrors) holds nothing but entries that
 * `allow` accepts (by default none), listing the others in the message.
 */
export function assertNoErrors(errors, { allow = () => false } = {}) {
  const unexpected = errors.filter((e) => !allow(e));
  assert.deepEqual(
    unexpected,
    [],
    `console/page errors:\n${unexpected.map((e) => `  ${e.text}${e.url ? ` (${e.url})` : ''}`).join('\n')}`,
  );
}

// ---------------------------------------------------------------- axe-core

/** The axe-core rule tags the accessibility checks run: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Adds axe-core to `page` unless it is there already: as a <script> element,
 * or with `evaluate` by evaluating its source through the DevTools protocol
 * (which a page's Content-Security-Policy does not block).
 */
async function injectAxe(page, { evaluate = false } = {}) {
  if (await page.evaluate(() => typeof window.axe === 'object')) return;
  if (evaluate) await page.evaluate(fs.readFileSync(AXE_PATH, 'utf8'));
  else await page.addScriptTag({ path: AXE_PATH });
}

/**
 * Runs axe-core (injected first, see injectAxe and its `evaluate`) with AXE_TAGS
 * on the document, or only on the elements matching the CSS selector `include`
 * (axe follows their open shadow roots). Returns the violations as plain data
 * (each node's target as text, shadow-root steps joined by " >>> ") and
 * `inShadow`, how many checked nodes were inside a shadow root.
 *
 * With `scriptsDisabled`, for a page of a context with javaScriptEnabled:
 * false: axe is evaluated (only DevTools may run code there), and since the
 * page's timers never fire, axe's setTimeout runs its callback as a promise
 * reaction instead (those still run for evaluated code).
 */
async function runAxe(page, { include, evaluate = false, scriptsDisabled = false } = {}) {
  await injectAxe(page, { evaluate: evaluate || scriptsDisabled });
  return page.evaluate(
    async ({ tags, include, scriptsDisabled }) => {
      if (scriptsDisabled) {
        window.setTimeout = (callback, _delay, ...args) => {
          Promise.resolve().then(() => callback(...args));
          return 0;
        };
        window.clearTimeout = () => {};
      }
      const context = include ? { include: [...document.querySelectorAll(include)] } : document;
      const result = await window.axe.run(context, { runOnly: { type: 'tag', values: tags } });
      const targetText = (target) => target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' ');
      // Nodes inside a shadow root have targets given as host/inner pairs.
      const inShadow = [...result.passes, ...result.violations]
        .flatMap((r) => r.nodes)
        .filter((n) => n.target.some((part) => Array.isArray(part) && part.length > 1)).length;
      return {
        inShadow,
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: targetText(n.target), summary: n.failureSummary })),
        })),
      };
    },
    { tags: AXE_TAGS, include, scriptsDisabled },
  );
}

/** The violations from runAxe as a readable report, each headed "[state] rule (impact): help". */
function formatViolations(state, violations) {
  return violations
    .map(
      (v) =>
        `[${state}] ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

/**
 * An accessibility audit over the states a test puts its pages in: check(page,
 * state, { scriptsDisabled }) runs axe-core (runAxe, with `include`, `evaluate`
 * and `scriptsDisabled`, for a page without JavaScript) and keeps its
 * violations, named by `state`, and returns how many nodes it checked inside
 * shadow roots; assertNoViolations() then fails listing all of them.
 */
export function axeAudit({ include, evaluate } = {}) {
  const report = [];
  return {
    async check(page, state, { scriptsDisabled = false } = {}) {
      const { violations, inShadow } = await runAxe(page, { include, evaluate, scriptsDisabled });
      if (violations.length) report.push(formatViolations(state, violations));
      return inShadow;
    },
    assertNoViolations() {
      assert.equal(report.length, 0, `axe-core violations:\n${report.join('\n')}`);
    },
  };
}
