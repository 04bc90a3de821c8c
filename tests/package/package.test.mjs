// The npm package as a web team gets it: packed from dist/npm/ (scripts/build),
// installed into a copy of tests/package/app/ (a Vite project with the README's
// recipes, its packages locked), type-checked with tsc, built with Vite, served,
// and used in headless Chromium: the page without a framework, React 19, Vue 3,
// and the classic script from a CDN address.
//
//   node --test tests/package/      (after scripts/build; scripts/test installs
//                                    tests/package/app's packages)
//
// Prints the package's size, packed and unpacked, and what the Vite build gains.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { assertNoErrors, DIST, launchChromium, openPage, REPO_ROOT, serveFolder, TEST_TIMEOUT } from '../e2e/support.mjs';
import { Monograph } from '../e2e/pages/monograph.mjs';
import { MIME_TYPES } from '../../scripts/serve.mjs';
import { apiCheck } from './api-check.mjs';

const run = promisify(execFile);
const APP = path.join(REPO_ROOT, 'tests', 'package', 'app');
const PACKAGE = path.join(DIST, 'npm');
const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'catalog');
const EXAMPLOMAB = 'Examplomab (fictional test drug)';
const MOCKAZOLE = 'Mockazole cream (fictional test drug)';

/** Runs `command` in `cwd`, failing with its output. */
async function sh(cwd, command, args) {
  try {
    return (await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (err) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${err.stdout}\n${err.stderr}`);
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-package-'));
const project = path.join(work, 'app');
const site = path.join(work, 'site');
let pack;
let manifest;
let server;
let browser;

before(async () => {
  if (!fs.existsSync(path.join(PACKAGE, 'package.json'))) {
    throw new Error(`${PACKAGE}/package.json not found: build the bundle first (scripts/build), or set DIST`);
  }
  if (!fs.existsSync(path.join(APP, 'node_modules', '.package-lock.json'))) {
    throw new Error(`${APP}/node_modules not installed: scripts/test installs it (or npm ci there)`);
  }
  manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8'));
  [pack] = JSON.parse(await sh(PACKAGE, 'npm', ['pack', '--json', '--pack-destination', work]));

  // A temporary project: the recipes' sources, a copy of their installed
  // packages, then the tarball installed as `npm install` does.
  fs.cpSync(APP, project, { recursive: true, filter: (from) => !from.startsWith(path.join(APP, 'node_modules')) });
  fs.cpSync(path.join(APP, 'node_modules'), path.join(project, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  await sh(project, 'npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', path.join(work, pack.filename)]);
  const elements = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', manifest.name, 'custom-elements.json'), 'utf8'));
  fs.writeFileSync(path.join(project, 'src', 'api-check.ts'), apiCheck(elements));

  await sh(project, path.join('node_modules', '.bin', 'tsc'), ['-p', '.']);
  await sh(project, path.join('node_modules', '.bin', 'vite'), ['build', '--outDir', site, '--emptyOutDir', '--logLevel', 'warn']);
  fs.mkdirSync(path.join(site, 'monographs'));
  for (const id of ['examplomab', 'mockazole']) {
    fs.copyFileSync(path.join(FIXTURES, `${id}.json`), path.join(site, 'monographs', `${id}.json`));
  }
  fs.writeFileSync(
    path.join(site, 'cdn.html'),
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>CDN</title></head>\n<body>\n` +
      `${cdnScript()}\n<drug-monograph src="/monographs/examplomab.json"></drug-monograph>\n` +
      // A property set before the loader has defined the element.
      '<drug-monograph id="set-early"></drug-monograph>\n' +
      '<script>document.getElementById("set-early").src = "/monographs/mockazole.json";</script>\n</body>\n</html>\n',
  );
  server = await serveFolder(site);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** The README's script tag for the package on a CDN that mirrors npm. */
const cdnScript = () =>
  `<script src="https://cdn.jsdelivr.net/npm/${manifest.name}@${manifest.version}/drug-monograph.js" defer></script>`;

/** A page of the built site in a fresh context; `t` closes it. */
async function open(t, file, { beforeGoto } = {}) {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  t.after(() => context.close());
  const warnings = [];
  const opened = await openPage(context, `${server.url}${file}`, {
    beforeGoto: async (page) => {
      page.on('console', (msg) => msg.type() === 'warning' && warnings.push(msg.text()));
      if (beforeGoto) await beforeGoto(page);
    },
  });
  return { ...opened, warnings, widget: new Monograph(opened.page, { root: opened.page.locator('drug-monograph') }) };
}

/** Each block of `file` (a recipe's source in the test project) is in the README, indented as a code block. */
function assertInReadme(file) {
  const text = fs.readFileSync(path.join(APP, file), 'utf8').trimEnd();
  const block = text
    .split('\n')
    .map((line) => (line ? `    ${line}` : ''))
    .join('\n');
  assert.ok(README.includes(`${block}\n`), `README shows ${file} as it is in tests/package/app/`);
}

describe('the npm package', { timeout: 4 * TEST_TIMEOUT }, () => {
  it('packs the module entry, the classic loader, the wasm, the types and the manifest', (t) => {
    const files = pack.files.map((f) => f.path).sort();
    assert.deepEqual(files, [...manifest.files, 'package.json'].sort());
    assert.equal(manifest.version, pack.version);
    t.diagnostic(`${pack.filename}: ${pack.size} B packed (${kib(pack.size)}), ${pack.unpackedSize} B unpacked (${kib(pack.unpackedSize)})`);
  });

  it('adds to a Vite build the widget and nothing it does not use', (t) => {
    const assets = fs.readdirSync(path.join(site, 'assets'));
    const ours = assets.filter((file) => /^(drug-monograph|widget)/.test(file));
    // The module entry's chunk, both bindings and wasm files, the stylesheet.
    assert.deepEqual(
      ours.map((file) => file.replace(/-[\w-]{8}\./, '.')).sort(),
      [
        'drug-monograph-core.js',
        'drug-monograph-core_bg.wasm',
        'drug-monograph-hydrate.js',
        'drug-monograph-hydrate_bg.wasm',
        'drug-monograph.js',
        'widget.css',
      ],
    );
    const size = (files) =>
      files.reduce(
        (sum, file) => {
          const data = fs.readFileSync(path.join(site, 'assets', file));
          return { raw: sum.raw + data.length, gzip: sum.gzip + zlib.gzipSync(data, { level: 9 }).length };
        },
        { raw: 0, gzip: 0 },
      );
    const all = size(ours);
    const loaded = size(ours.filter((file) => !file.startsWith('drug-monograph-hydrate')));
    t.diagnostic(
      `Vite build gains ${all.raw} B (${kib(all.gzip)} gzip) in ${ours.length} files; ` +
        `a page without a snippet downloads ${loaded.raw} B (${kib(loaded.gzip)} gzip) of them`,
    );
  });

  it('Vite, no framework: renders, and the listeners get the load and tabchange details', async (t) => {
    assertInReadme('src/main.ts');
    const { page, errors, widget } = await open(t, 'vanilla.html');
    await widget.waitForTitle(EXAMPLOMAB);
    await page.waitForFunction((title) => document.title === title, `${EXAMPLOMAB} | Pharmacy`);
    await widget.openTab('dosage');
    await page.waitForFunction(() => location.hash === '#dosage');
    // The properties reflect the attributes, both ways.
    const element = page.locator('drug-monograph');
    assert.deepEqual(
      await element.evaluate((el) => ({ src: el.src, tab: el.tab, headingLevel: el.headingLevel })),
      { src: '/monographs/examplomab.json', tab: '', headingLevel: 1 },
    );
    await element.evaluate((el) => {
      el.tab = 'faqs';
      el.headingLevel = 3;
    });
    await widget.expectSelected('faqs');
    assert.equal(await widget.title.evaluate((h) => h.tagName), 'H3');
    assert.equal(await element.getAttribute('heading-level'), '3');
    assertNoErrors(errors);
  });

  it('React 19: attributes, events through props, and a new src re-rendered', async (t) => {
    assertInReadme('src/MedicineInfo.tsx');
    const { page, errors, widget } = await open(t, 'react.html');
    await widget.waitForTitle(EXAMPLOMAB);
    assert.equal(await widget.title.evaluate((h) => h.tagName), 'H2', 'heading-level={2}');
    await page.getByRole('region', { name: EXAMPLOMAB }).waitFor();
    await widget.openTab('precautions');
    await page.getByText('Open tab: precautions').waitFor();

    await page.getByRole('button', { name: 'Show Mockazole' }).click();
    await widget.waitForTitle(MOCKAZOLE);
    await page.getByRole('region', { name: MOCKAZOLE }).waitFor();
    await widget.expectSelected('precautions');
    assert.equal(await page.locator('drug-monograph').getAttribute('src'), '/monographs/mockazole.json');
    assertNoErrors(errors);
  });

  it('Vue 3: the element is left to the browser, its events reach v-on', async (t) => {
    assertInReadme('src/MedicineInfo.vue');
    assert.ok(README.includes('isCustomElement: (tag) => tag === "drug-monograph"'), 'README gives the Vue option');
    const { page, errors, warnings, widget } = await open(t, 'vue.html');
    await widget.waitForTitle(EXAMPLOMAB);
    await widget.openTab('side-effects');
    await page.getByText('Open tab: side-effects').waitFor();
    assert.deepEqual(warnings.filter((w) => /Vue warn/.test(w)), []);
    assertNoErrors(errors);
  });

  it('plain HTML from a CDN: the classic loader and its files from the package', async (t) => {
    assert.ok(README.includes(cdnScript()), `README gives ${cdnScript()}`);
    const installed = path.join(project, 'node_modules', manifest.name);
    const prefix = `https://cdn.jsdelivr.net/npm/${manifest.name}@${manifest.version}/`;
    const { page, errors } = await open(t, 'cdn.html', {
      // The CDN, answering as jsDelivr does: the package's files, CORS allowed.
      beforeGoto: (page) =>
        page.route(`${prefix}**`, (route) => {
          const file = path.join(installed, new URL(route.request().url()).pathname.slice(new URL(prefix).pathname.length));
          route.fulfill({
            body: fs.readFileSync(file),
            headers: { 'Content-Type': MIME_TYPES[path.extname(file)], 'Access-Control-Allow-Origin': '*' },
          });
        }),
    });
    const first = new Monograph(page, { root: page.locator('drug-monograph:not([id])') });
    await first.waitForTitle(EXAMPLOMAB);
    await first.openTab('faqs');
    await new Monograph(page, { root: page.locator('#set-early') }).waitForTitle(MOCKAZOLE);
    assert.equal(await page.locator('#set-early').getAttribute('src'), '/monographs/mockazole.json');
    assertNoErrors(errors);
  });
});
