// End-to-end tests of the embed against a careless or hostile integrator:
// files that are broken, huge or nested thousands deep, a crashed wasm
// instance, bad addresses, page CSS, page scripts that replace fetch,
// JSON.parse or DOM methods, an element name taken first, a page in a shadow root, and
// the files served from another origin. Every case ends in the monograph
// or a clear error, and never takes the widgets next to it down.
//
//   node --test tests/e2e/hardening.test.mjs
//
// Needs a built dist/ (scripts/build), as the other e2e tests do.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleVersion } from '../../scripts/lib/version.mjs';
import { HostPage } from './pages/embed.mjs';
import { KioskPage } from './pages/kiosk.mjs';
import { assertNoErrors, DIST, REPO_ROOT, serveFolder, settle, stopClock, TEST_TIMEOUT, useBrowserAndServer, WAIT_TIMEOUT, hostPageHtml } from './support.mjs';

const LENALIDOMIDE = JSON.parse(fs.readFileSync(path.join(DIST, 'content/lenalidomide.json'), 'utf8'));
const EXAMPLOMAB = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/authoring/valid/full.json'), 'utf8'));

/** Where a stopped clock stands at first: any time will do. */
const CLOCK_START = new Date('2026-03-02T09:00:00Z');

/** The error kinds a bad file may end in. */
const FILE_ERROR_KINDS = ['invalid', 'not-json'];

let site; // a copy of dist/ with the test pages in e2e/
let siteUrl;
let cdn; // dist/ again, on another origin
let cdnUrl;
let tmpRoot;
let version;

const page = (title, head, body, lang = 'en') => hostPageHtml({ title, head, body, lang });

const loader = (base) => `    <script src="${base}drug-monograph/${version}/drug-monograph.js" defer></script>`;

const env = useBrowserAndServer({ requires: 'content/lenalidomide.json' });

before(async () => {
  version = bundleVersion(DIST);
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-hardening-e2e-'));
  const siteRoot = path.join(tmpRoot, 'site');
  fs.cpSync(DIST, siteRoot, { recursive: true });
  fs.mkdirSync(path.join(siteRoot, 'e2e'));
  cdn = await serveFolder(DIST);
  cdnUrl = cdn.url;
  const pages = {
    'empty.html': page('No widget yet', loader('../'), ''),
    'spanish.html': page('Página en español', loader('../'), '', 'es'),
    'cdn.html': page('Widget from another origin', loader(cdnUrl), ''),
  };
  for (const [name, html] of Object.entries(pages)) {
    fs.writeFileSync(path.join(siteRoot, 'e2e', name), html);
  }
  site = await serveFolder(siteRoot);
  siteUrl = site.url;
});

after(async () => {
  await site?.close();
  await cdn?.close();
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

/**
 * Opens `e2e/<name>` with the documents in `files` (path under the site →
 * body text) answered from memory, `init` (with `initArg`) run before any
 * page script, the page's clock stopped with `clock`, and `beforeGoto(page)`
 * run first. Records the widgets' load and error events in __dmEvents.
 */
async function openHost(t, name = 'empty.html', { files = {}, init, initArg, clock = false, beforeGoto } = {}) {
  return HostPage.open(env, t, `${siteUrl}e2e/${name}`, {
    beforeGoto: async (p) => {
      if (beforeGoto) await beforeGoto(p);
      if (clock) await stopClock(p, CLOCK_START);
      if (init) await p.addInitScript(init, initArg);
      await p.addInitScript(() => {
        window.__dmEvents = [];
        for (const type of ['drug-monograph-load', 'drug-monograph-error']) {
          document.addEventListener(type, (event) =>
            window.__dmEvents.push({ type, id: event.target.id, kind: event.detail.kind, message: event.detail.message }),
          );
        }
      });
      for (const [file, body] of Object.entries(files)) {
        await p.route(`${siteUrl}${file}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
      }
    },
  });
}

/** Waits until element `id` has settled ("loaded" or "failed") and returns what it shows. */
async function outcome(hostPage, id, timeout = WAIT_TIMEOUT) {
  const { page } = hostPage;
  await page.waitForFunction(
    (id) => ['loaded', 'failed'].includes(document.getElementById(id)?.dataset.dmState),
    id,
    { timeout },
  );
  return page.evaluate((id) => {
    const element = document.getElementById(id);
    const root = element.shadowRoot;
    const error = root.querySelector('.dm-error');
    const alert = root.querySelector('[role="alert"]');
    return {
      state: element.dataset.dmState,
      title: root.querySelector('.dm-title')?.textContent.trim() ?? null,
      errorKind: error?.dataset.errorKind ?? null,
      errorText: error?.querySelector('.dm-error-message')?.textContent.trim() ?? null,
      detail: error?.querySelector('.dm-error-details pre')?.textContent ?? null,
      alert: alert?.textContent.trim() ?? null,
      events: window.__dmEvents.filter((e) => e.id === id),
    };
  }, id);
}

/** Asserts that element `id` shows the error `kind` and sent it in one event. */
async function expectError(hostPage, id, kind) {
  const shown = await outcome(hostPage, id);
  assert.equal(shown.state, 'failed', `${id}: failed (${JSON.stringify(shown)})`);
  assert.equal(shown.errorKind, kind, `${id}: error kind shown (${JSON.stringify(shown)})`);
  assert.ok(shown.errorText, `${id}: a message for the patient`);
  assert.deepEqual(
    shown.events.map((e) => [e.type, e.kind]),
    [['drug-monograph-error', kind]],
    `${id}: one error event of kind ${kind}`,
  );
  return shown;
}

/** Asserts that element `id` shows Lenalidomide and its tabs respond. */
async function expectWorking(hostPage, id) {
  const shown = await outcome(hostPage, id);
  assert.equal(shown.title, 'Lenalidomide', `${id}: the monograph is shown (${JSON.stringify(shown)})`);
  await hostPage.widget(`#${id}`).openTab('faqs');
}

/** `levels` arrays nested in each other: a few kilobytes of JSON. */
const nestedArrays = (levels) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** Lenalidomide with its first FAQ answer replaced by the JSON text `answer`. */
const withFaqAnswer = (answer) => JSON.stringify({ ...LENALIDOMIDE, faqs: [{ ...LENALIDOMIDE.faqs[0], answer: '@ANSWER@' }] }).replace('"@ANSWER@"', answer);

// ------------------------------------------------------------------ files

describe('files that are too deep or too large', () => {
  it('a FAQ answer of 6,000 nested arrays is an invalid file, and the widgets around it keep working', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await openHost(t, 'empty.html', { files: { 'hostile/deep.json': withFaqAnswer(nestedArrays(6_000)) } });
    await host.addWidget('good', { src: '../content/lenalidomide.json' });
    await expectWorking(host, 'good');
    await host.addWidget('deep', { src: '../hostile/deep.json' });
    const shown = await expectError(host, 'deep', 'invalid');
    assert.match(shown.detail, /nested more than 32 levels deep/);
    // The neighbour still answers, and a widget added later starts.
    await host.widget('#good').openTab('usage');
    await host.addWidget('later', { src: '../content/lenalidomide.json' });
    await expectWorking(host, 'later');
    assertNoErrors(host.errors);
  });

  it('6,000 nested objects as the whole file, and a file over 4 MiB, are invalid files', { timeout: TEST_TIMEOUT }, async (t) => {
    const deepObjects = `${'{"a":'.repeat(6_000)}1${'}'.repeat(6_000)}`;
    const huge = JSON.stringify({ ...LENALIDOMIDE, title: 'x'.repeat(5 * 1024 * 1024) });
    const host = await openHost(t, 'empty.html', { files: { 'hostile/objects.json': deepObjects, 'hostile/huge.json': huge } });
    await host.addWidget('objects', { src: '../hostile/objects.json' });
    await host.addWidget('huge', { src: '../hostile/huge.json' });
    await expectError(host, 'objects', 'invalid');
    const shown = await expectError(host, 'huge', 'invalid');
    assert.match(shown.detail, /a document may have at most 4194304/);
    assertNoErrors(host.errors);
  });
});

// ------------------------------------------------------------------- fuzz

/** A small seeded random number generator (mulberry32), so a failing case can be replayed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every path into `value` (arrays of keys and indexes), the root included. */
function paths(value, at = []) {
  const inner =
    value && typeof value === 'object' ? Object.entries(value).flatMap(([key, v]) => paths(v, [...at, Array.isArray(value) ? Number(key) : key])) : [];
  return [at, ...inner];
}

/**
 * One mutated monograph as JSON text: a random part replaced, removed,
 * repeated, wrapped in thousands of levels, or the text cut or spliced.
 */
function mutate(rand, base) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const doc = structuredClone(base);
  const target = pick(paths(doc).filter((p) => p.length > 0));
  const parent = target.slice(0, -1).reduce((v, k) => v[k], doc);
  const key = target.at(-1);
  const levels = pick([2, 31, 33, 500, 5_000, 6_000, 20_000]);
  const replacements = [
    () => null,
    () => 42,
    () => -0.5e308,
    () => true,
    () => '',
    () => '<img src=x onerror="window.__injected=1">',
    () => [],
    () => ({}),
    () => 'x'.repeat(100_000),
    () => '@NESTED@',
  ];
  const kind = pick(['replace', 'replace', 'remove', 'repeat', 'text']);
  if (kind === 'remove') {
    if (Array.isArray(parent)) parent.splice(key, 1);
    else delete parent[key];
  } else if (kind === 'repeat' && Array.isArray(parent)) {
    parent.splice(key, 0, ...Array(Math.floor(rand() * 50)).fill(parent[key]));
  } else {
    parent[key] = pick(replacements)();
  }
  let text = JSON.stringify(doc);
  const nested = pick([nestedArrays(levels), `${'{"k":'.repeat(levels)}0${'}'.repeat(levels)}`, `${'[{"text":'.repeat(levels)}"x"${'}]'.repeat(levels)}`]);
  text = text.replace('"@NESTED@"', nested);
  if (kind === 'text') {
    const at = Math.floor(rand() * text.length);
    text = pick([text.slice(0, at), text.slice(0, at) + nested + text.slice(at), text.slice(0, at) + '\u0000\ud800"' + text.slice(at)]);
  }
  return text;
}

describe('fuzz', () => {
  const CASES = 120;
  const BATCH = 12;
  const SEED = 20261130;

  it(`${CASES} mutated and nested monographs each end in the monograph or a clear error`, { timeout: TEST_TIMEOUT * 4 }, async (t) => {
    const rand = random(SEED);
    const files = {};
    for (let i = 0; i < CASES; i++) {
      files[`fuzz/${i}.json`] = mutate(rand, i % 2 ? LENALIDOMIDE : EXAMPLOMAB);
    }
    const host = await openHost(t, 'empty.html', { files });
    await host.addWidget('neighbour', { src: '../content/lenalidomide.json' });
    await expectWorking(host, 'neighbour');
    const outcomes = { loaded: 0 };
    for (let start = 0; start < CASES; start += BATCH) {
      const ids = [];
      for (let i = start; i < Math.min(start + BATCH, CASES); i++) {
        ids.push(`fuzz-${i}`);
        await host.addWidget(`fuzz-${i}`, { src: `../fuzz/${i}.json` });
      }
      for (const id of ids) {
        const shown = await outcome(host, id);
        if (shown.state === 'loaded') {
          assert.ok(shown.title, `${id}: loaded shows a title`);
          outcomes.loaded++;
        } else {
          assert.ok(FILE_ERROR_KINDS.includes(shown.errorKind), `${id}: a clear error, not ${JSON.stringify(shown)} (seed ${SEED})`);
          assert.ok(shown.errorText && shown.detail, `${id}: message and technical detail`);
          outcomes[shown.errorKind] = (outcomes[shown.errorKind] ?? 0) + 1;
        }
      }
      await host.page.evaluate((ids) => ids.forEach((id) => document.getElementById(id).remove()), ids);
    }
    t.diagnostic(`outcomes: ${JSON.stringify(outcomes)}`);
    assert.equal(await host.page.evaluate(() => window.__injected), undefined, 'no markup from a file ran');
    // No crash along the way: the neighbour never restarted, and still works.
    assert.deepEqual(
      await host.page.evaluate(() => window.__dmEvents.filter((e) => e.id === 'neighbour').map((e) => e.type)),
      ['drug-monograph-load'],
      'the neighbour loaded once',
    );
    await host.widget('#neighbour').openTab('usage');
    assertNoErrors(host.errors);
  });
});

// ------------------------------------------------------------ containment

/**
 * A host script that makes the DOM refuse the nodes of one monograph (the
 * made-up Examplomab): the widget's renderer cannot go on without them, and
 * the wasm instance stops. A page can do this; no file can.
 */
const HOSTILE_INSERT = () => {
  const insertBefore = Node.prototype.insertBefore;
  Node.prototype.insertBefore = function (node, child) {
    if (node?.textContent?.includes('Examplomab')) throw new Error('refused by the host page');
    return insertBefore.call(this, node, child);
  };
};

/** Crash messages are "Please reload" texts left by the crashed instance's panic hook; not errors of the page. */
const crashReport = (e) => /drug-monograph: the widget crashed|failed to append child|RuntimeError|Maximum call stack|memory access out of bounds|unreachable/.test(e.text);

describe('a crashed wasm instance', () => {
  it('is replaced: the widget that crashed it shows the crash, the others come back by themselves', { timeout: TEST_TIMEOUT }, async (t) => {
    const examplomab = fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/authoring/valid/full.json'), 'utf8');
    const host = await openHost(t, 'empty.html', { init: HOSTILE_INSERT, files: { 'hostile/examplomab.json': examplomab } });
    await host.addWidget('one', { src: '../content/lenalidomide.json', tab: 'dosage' });
    await host.addWidget('two', { src: '../content/lenalidomide.json' });
    await expectWorking(host, 'one');
    await expectWorking(host, 'two');

    await host.addWidget('culprit', { src: '../hostile/examplomab.json', lang: 'es' });
    const shown = await outcome(host, 'culprit');
    assert.equal(shown.state, 'failed');
    assert.equal(shown.alert, 'La información del medicamento dejó de funcionar. Vuelva a cargar la página.', 'the crash, in its language');
    assert.deepEqual(shown.events.map((e) => [e.type, e.kind]), [['drug-monograph-error', 'crash']]);

    // The others load again on a fresh instance, with their attributes.
    for (const id of ['one', 'two']) {
      await host.page.waitForFunction((id) => window.__dmEvents.filter((e) => e.id === id).length === 2, id);
    }
    await host.widget('#one').expectSelected('dosage');
    await expectWorking(host, 'one');
    await expectWorking(host, 'two');
    // Widgets added later start, and the culprit gets another chance with another file.
    await host.addWidget('later', { src: '../content/lenalidomide.json' });
    await expectWorking(host, 'later');
    await host.page.locator('#culprit').evaluate((el) => el.setAttribute('src', '../content/lenalidomide.json'));
    await expectWorking(host, 'culprit');
    assertNoErrors(host.errors, { allow: crashReport });
  });

  it('finds the culprit among widgets that were loading together', { timeout: TEST_TIMEOUT }, async (t) => {
    const examplomab = fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/authoring/valid/full.json'), 'utf8');
    const host = await openHost(t, 'empty.html', { init: HOSTILE_INSERT, files: { 'hostile/examplomab.json': examplomab } });
    await host.page.evaluate(() => {
      for (const [id, src] of [['a', '../content/lenalidomide.json'], ['bad', '../hostile/examplomab.json'], ['b', '../content/lenalidomide.json']]) {
        const element = document.createElement('drug-monograph');
        element.id = id;
        element.setAttribute('src', src);
        document.querySelector('main').append(element);
      }
    });
    await host.page.waitForFunction(() => window.__dmEvents.some((e) => e.id === 'bad' && e.kind === 'crash'));
    await expectWorking(host, 'a');
    await expectWorking(host, 'b');
    const bad = await outcome(host, 'bad');
    assert.equal(bad.alert, 'This medicine information stopped working. Please reload the page.');
    assertNoErrors(host.errors, { allow: crashReport });
  });
});

describe('a crashed wasm instance on the kiosk', () => {
  it('is replaced, and the kiosk comes back by itself on the monograph it showed, without a reload', { timeout: TEST_TIMEOUT }, async (t) => {
    const kiosk = await KioskPage.open(env, t, {
      hash: '#/lenalidomide',
      beforeGoto: (p) =>
        p.addInitScript(() => {
          window.__sameDocument = true;
          // The first monograph shown stops the instance (see HOSTILE_INSERT); later ones show as usual.
          const insertBefore = Node.prototype.insertBefore;
          let armed = true;
          Node.prototype.insertBefore = function (node, child) {
            if (armed && node?.classList?.contains('dm-disclaimer')) {
              armed = false;
              throw new Error('refused by the host page');
            }
            return insertBefore.call(this, node, child);
          };
        }),
    });
    await kiosk.waitForTitle('Lenalidomide');
    await kiosk.openTab('faqs');
    assert.equal(await kiosk.page.evaluate(() => window.__sameDocument), true, 'not reloaded');
    assert.ok(
      kiosk.errors.some((e) => /the page crashed/.test(e.text)),
      `the crash happened and was reported (${JSON.stringify(kiosk.errors)})`,
    );
  });
});

// --------------------------------------------------------------- addresses

describe('an address that is not a URL', () => {
  it('is an error of its own kind, on first load and when src changes', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await openHost(t);
    await host.addWidget('first', { src: 'http://[' });
    const shown = await expectError(host, 'first', 'bad-src');
    assert.match(shown.detail, /^http:\/\/\[: not a valid address: check the src attribute$/);

    await host.addWidget('changed', { src: '../content/lenalidomide.json' });
    await expectWorking(host, 'changed');
    await host.page.locator('#changed').evaluate((el) => el.setAttribute('src', 'http://['));
    await host.page.waitForFunction(() => window.__dmEvents.some((e) => e.id === 'changed' && e.kind === 'bad-src'));
    const changed = await outcome(host, 'changed');
    assert.equal(changed.title, null, 'the old monograph is gone');
    assert.equal(changed.errorKind, 'bad-src');
    assertNoErrors(host.errors);
  });
});

// --------------------------------------------------------------- page CSS

/**
 * Inherited CSS properties, each with a value unlike its default. Set on the
 * page's body one at a time, none may change the widget.
 */
const INHERITED = {
  'border-collapse': 'separate',
  'caption-side': 'bottom',
  color: 'rgb(255, 0, 0)',
  'color-scheme': 'dark',
  cursor: 'wait',
  direction: 'rtl',
  'empty-cells': 'hide',
  'font-family': 'serif', // inherited on purpose: checked apart
  'font-feature-settings': '"smcp"',
  'font-kerning': 'none',
  'font-size': '40px',
  'font-size-adjust': '0.2',
  'font-stretch': 'condensed',
  'font-style': 'italic',
  'font-variant': 'small-caps',
  'font-variant-numeric': 'oldstyle-nums',
  'font-variation-settings': '"wght" 900',
  'font-weight': '100',
  hyphens: 'auto',
  'letter-spacing': '5px',
  'line-break': 'anywhere',
  'line-height': '4',
  'list-style-type': 'square',
  'list-style-position': 'inside',
  'overflow-wrap': 'normal',
  'paint-order': 'markers',
  'pointer-events': 'none',
  quotes: '"«" "»"',
  'ruby-position': 'under',
  'tab-size': '20',
  'text-align': 'right',
  'text-align-last': 'right',
  'text-decoration-skip-ink': 'none',
  'text-emphasis-style': 'circle',
  'text-indent': '100px',
  'text-justify': 'inter-character',
  'text-orientation': 'upright',
  'text-rendering': 'geometricPrecision',
  'text-shadow': 'rgb(255, 0, 0) 2px 2px 0px',
  'text-transform': 'uppercase',
  'text-underline-position': 'under',
  'text-wrap': 'nowrap',
  'white-space': 'nowrap',
  'word-break': 'break-all',
  'word-spacing': '20px',
  'writing-mode': 'vertical-rl',
  '-webkit-text-fill-color': 'rgb(255, 0, 0)',
  '-webkit-text-stroke-width': '3px',
  'image-rendering': 'pixelated',
  'print-color-adjust': 'exact',
  'font-synthesis': 'none',
  'font-optical-sizing': 'none',
  'hanging-punctuation': 'first',
  'text-size-adjust': '50%',
  'math-depth': '3',
  visibility: 'hidden', // inherited on purpose: checked apart
};

describe("the page's CSS", () => {
  it('no inherited property set on the body reaches inside, except the font family and visibility', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await openHost(t);
    await host.addWidget('w', { src: '../content/lenalidomide.json' });
    await expectWorking(host, 'w');
    const result = await host.page.evaluate((inherited) => {
      const root = document.getElementById('w').shadowRoot;
      const inside = ['.dm', '.dm-title', '.dm-panel-body p', '.dm-tab', '.dm-disclaimer'].map((s) => root.querySelector(s)).filter(Boolean);
      const names = Object.keys(inherited);
      const snapshot = () => inside.map((el) => {
        const style = getComputedStyle(el);
        return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
      });
      const before = snapshot();
      const reached = {};
      const unsupported = [];
      for (const [name, value] of Object.entries(inherited)) {
        document.body.style.setProperty(name, value);
        if (!document.body.style.getPropertyValue(name)) unsupported.push(name);
        const now = snapshot();
        const changed = now.flatMap((style, i) => Object.keys(style).filter((key) => style[key] !== before[i][key]));
        if (changed.length) reached[name] = [...new Set(changed)];
        document.body.style.removeProperty(name);
      }
      return { reached, unsupported, checked: inside.length };
    }, INHERITED);
    t.diagnostic(`checked on ${result.checked} elements; not supported by this browser: ${result.unsupported.join(', ') || 'none'}`);
    assert.equal(result.checked, 5);
    assert.deepEqual(result.reached, { 'font-family': ['font-family'], visibility: ['visibility'] });
  });

  it('white-space: nowrap on the body does not make a panel overflow', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await openHost(t);
    await host.page.addStyleTag({ content: 'body { white-space: nowrap; letter-spacing: 3px; text-transform: uppercase; }' });
    await host.page.setViewportSize({ width: 400, height: 800 });
    await host.addWidget('w', { src: '../content/lenalidomide.json' });
    await expectWorking(host, 'w');
    const overflow = await host.page.evaluate(() => {
      const panel = document.getElementById('w').shadowRoot.querySelector('.dm-panel:not([hidden])');
      return panel.scrollWidth - panel.clientWidth;
    });
    assert.equal(overflow, 0, 'no horizontal overflow');
    assert.equal((await host.page.locator('#w .dm-title').textContent()).trim(), 'Lenalidomide', 'not uppercased');
  });

  it('a monograph in Arabic runs right to left, inside an interface that runs left to right', { timeout: TEST_TIMEOUT }, async (t) => {
    const arabic = JSON.stringify({
      ...EXAMPLOMAB,
      language: 'ar',
      title: 'إكزامبلوماب',
    });
    const host = await openHost(t, 'empty.html', { files: { 'hostile/arabic.json': arabic } });
    await host.page.addStyleTag({ content: 'body { direction: rtl; }' });
    await host.addWidget('w', { src: '../hostile/arabic.json' });
    await outcome(host, 'w');
    const directions = await host.page.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      const dir = (selector) => getComputedStyle(root.querySelector(selector)).direction;
      return { interface: dir('.dm'), tabs: dir('.dm-tablist'), title: dir('.dm-title span'), panel: dir('.dm-panel-body') };
    });
    assert.deepEqual(directions, { interface: 'ltr', tabs: 'ltr', title: 'rtl', panel: 'rtl' });
  });
});

// ------------------------------------------------------------ page scripts

/** Replaces fetch, for the monograph files only, by `name` of the behaviours below. */
const HOSTILE_FETCH = (name) => {
  const real = window.fetch;
  const behaviours = {
    // Ignores the AbortSignal and never settles.
    never: () => new Promise(() => {}),
    // Ignores the AbortSignal and answers after 26 seconds.
    late: (url) => new Promise((resolve) => setTimeout(() => resolve(real(url)), 26_000)),
    notResponse: () => Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve('{}') }),
    fakeResponse: () => Promise.resolve(Object.create(Response.prototype)),
    throws: () => {
      throw new TypeError('the analytics wrapper broke');
    },
    notPromise: () => undefined,
    rejectsNull: () => Promise.reject(null),
    unreadableBody: () =>
      Promise.resolve(new Response(new ReadableStream({ start: (controller) => controller.error(null) }))),
  };
  window.fetch = function (input, init) {
    const url = String(input instanceof Request ? input.url : input);
    return url.includes('/content/') ? behaviours[name](url, init) : real.call(this, input, init);
  };
};

describe("the page's scripts", () => {
  for (const name of ['never', 'late']) {
    it(`a fetch that ignores the AbortSignal and ${name === 'never' ? 'never settles' : 'answers at 26 s'} still ends at 20 s`, { timeout: TEST_TIMEOUT }, async (t) => {
      const host = await openHost(t, 'empty.html', { init: HOSTILE_FETCH, initArg: name, clock: true });
      await host.addWidget('w', { src: '../content/lenalidomide.json' });
      await host.page.locator('#w .dm-status').waitFor({ state: 'visible' });
      await host.page.clock.runFor(19_500);
      assert.equal(await host.page.locator('#w').getAttribute('data-dm-state'), 'loading', 'still loading at 19.5 s');
      await host.page.clock.runFor(600);
      await expectError(host, 'w', 'timeout');
      if (name === 'late') {
        // The answer the wrapper sends at 26 s arrives, and is not shown.
        const answered = host.page.waitForResponse('**/content/lenalidomide.json');
        await host.page.clock.runFor(6_000);
        await (await answered).finished();
        await host.page.evaluate(() => new Promise((resolve) => queueMicrotask(resolve)));
        assert.equal(await host.page.locator('#w .dm-title').count(), 0, 'the late answer is not shown');
        assert.equal(await host.page.locator('#w .dm-error').getAttribute('data-error-kind'), 'timeout');
      }
      assertNoErrors(host.errors);
    });
  }

  for (const [name, detail] of [
    ['notResponse', /fetch did not answer with a Response/],
    ['fakeResponse', /Illegal invocation/],
    ['throws', /the analytics wrapper broke/],
    ['notPromise', /fetch did not answer with a Response/],
    ['rejectsNull', /null was thrown/],
    ['unreadableBody', /request failed: (Failed to fetch|null was thrown)/],
  ]) {
    it(`a fetch that ${name} gives a network error`, { timeout: TEST_TIMEOUT }, async (t) => {
      const host = await openHost(t, 'empty.html', { init: HOSTILE_FETCH, initArg: name });
      await host.addWidget('w', { src: '../content/lenalidomide.json' });
      const shown = await expectError(host, 'w', 'network');
      assert.match(shown.detail, detail);
      assertNoErrors(host.errors);
    });
  }

  it('a JSON.parse that throws changes nothing: the widget parses its files itself', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await openHost(t, 'empty.html', {
      init: () => {
        JSON.parse = () => {
          throw null;
        };
      },
    });
    await host.addWidget('w', { src: '../content/lenalidomide.json' });
    await expectWorking(host, 'w');
    assertNoErrors(host.errors);
  });

  it('says so in the console when another script took the element name first', { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await openHost(t, 'empty.html', {
      init: () => customElements.define('drug-monograph', class extends HTMLElement {}),
    });
    await host.page.waitForLoadState('load');
    const said = host.consoleMessages.filter((m) => m.type === 'error' && /defined <drug-monograph> first/.test(m.text));
    assert.equal(said.length, 1, `one console error (${JSON.stringify(host.consoleMessages)})`);
    assert.match(said[0].text, /When the element name is taken/);
  });
});

// -------------------------------------------------------------- the page

describe('where the element sits', () => {
  it("takes the page's language through another component's shadow root", { timeout: TEST_TIMEOUT }, async (t) => {
    const host = await openHost(t, 'spanish.html');
    await host.page.evaluate(() => {
      const outer = document.createElement('div');
      document.querySelector('main').append(outer);
      const widget = document.createElement('drug-monograph');
      widget.id = 'w';
      widget.setAttribute('src', '../content/lenalidomide.json');
      outer.attachShadow({ mode: 'open' }).append(widget);
    });
    await host.page.locator('#w [role="tab"]').first().waitFor();
    assert.equal((await host.page.locator('#w [role="tab"]').first().textContent()).trim(), 'Usos');
  });

  it('served from another origin without CORS headers, the start-up error points to the README; with them, it works', { timeout: TEST_TIMEOUT }, async (t) => {
    const without = await openHost(t, 'cdn.html');
    await without.addWidget('w', { src: '../content/lenalidomide.json' });
    const event = await without.page.waitForFunction(() => window.__dmEvents.find((e) => e.id === 'w'));
    const { kind, message } = await event.jsonValue();
    assert.equal(kind, 'startup');
    assert.match(message, /Access-Control-Allow-Origin/);
    assert.match(message, /README, "Hosting the files on another origin"/);

    const withCors = await openHost(t, 'cdn.html', {
      beforeGoto: (p) =>
        p.route(`${cdnUrl}**`, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
        }),
    });
    await withCors.addWidget('w', { src: '../content/lenalidomide.json' });
    await expectWorking(withCors, 'w');
  });
});
