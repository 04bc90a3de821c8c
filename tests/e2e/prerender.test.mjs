// End-to-end tests of the pre-rendered site (issue 9, "instant monographs"):
// pages and embed snippets that read without scripts, which the wasm then
// hydrates, in headless Chromium.
//
//   node --test tests/e2e/
//
// Needs a built dist/ (scripts/build, which runs `cargo monograph site`), `npm
// ci` (playwright-core, axe-core) and a Chromium binary: $CHROMIUM or
// /usr/bin/chromium. DIST=<folder> serves another folder.
//
// What is checked, on the monograph pages (medicines/<id>/, from
// content/index.json) and on demo/snippet.html, which holds the Lenalidomide
// snippet (snippets/lenalidomide.html) as a web team pastes it:
//   - without JavaScript, every sentence of content/lenalidomide.md is on
//     screen, every panel under its heading, no tab list;
//   - hydration keeps the very nodes that were pre-rendered;
//   - every monograph, on every tab, in each interface language, hydrates
//     without an error;
//   - a stale page or snippet (its file changed since) shows the new text;
//   - the head: title, description, canonical, Open Graph, JSON-LD;
//   - old addresses (index.html#/<id>/<tab>) lead to the pages;
//   - sitemap.xml and robots.txt;
//   - accessibility (axe-core) without scripts and hydrated;
//   - no layout shift from the first paint to hydration;
//   - without the wasm, the pre-rendered text stays, as a document.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HostPage } from './pages/embed.mjs';
import { TAB_IDS } from './pages/monograph.mjs';
import { monographPath, StandalonePage } from './pages/standalone.mjs';
import { assertNoErrors, axeAudit, holdRequest, REPO_ROOT, settle, TEST_TIMEOUT, useBrowserAndServer, waitUntil } from './support.mjs';

const CONTENT = path.join(REPO_ROOT, 'content');
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(CONTENT, file), 'utf8'));

/** Every monograph of the catalog, with its tabs (the sections it has, in order). */
const MONOGRAPHS = readJson('index.json').monographs.map((entry) => {
  const monograph = readJson(entry.file);
  return { ...entry, monograph, tabs: TAB_IDS.filter((tab) => monograph[tab.replaceAll('-', '_')]) };
});
const LENALIDOMIDE = MONOGRAPHS.find((m) => m.id === 'lenalidomide');

const SNIPPET_PAGE = 'demo/snippet.html';
const SNIPPET_HOST = 'drug-monograph';
const SNIPPET_JSON = '**/content/lenalidomide.json';
const WASM = '**/*.wasm';
const SITE_TITLE = 'Medicine information';

/** The interface strings these tests read (src/strings/en.rs, es.rs). */
const STRINGS = {
  en: {
    tabs: ['Usage', 'Dosage', 'Side effects', 'How it works', 'Precautions', 'FAQs'],
    crashed: 'This medicine information stopped working. Please reload the page.',
  },
  es: {
    tabs: ['Usos', 'Dosis', 'Efectos secundarios', 'Cómo funciona', 'Precauciones', 'Preguntas frecuentes'],
    crashed: 'La información del medicamento dejó de funcionar. Vuelva a cargar la página.',
  },
};
/** Where the page remembers the interface language (src/page/storage.rs). */
const LANGUAGE_KEY = 'drug-monograph.language';

const squash = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * The sentences of a monograph's Markdown body, as a patient reads them: no
 * front matter, headings, list markers, emphasis (`**`) or FAQ markers (Q:,
 * A:), whitespace collapsed, each line cut after its full stops, question and
 * exclamation marks.
 */
function sentencesOf(markdown) {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => squash(line.replace(/^[*+-]\s+/, '').replaceAll('**', '').replace(/^[QA]:\s*/, '')))
    .flatMap((line) => line.split(/(?<=[.?!])\s+/))
    .filter(Boolean);
}
const SEED_SENTENCES = sentencesOf(fs.readFileSync(path.join(CONTENT, 'lenalidomide.md'), 'utf8'));

const env = useBrowserAndServer({ requires: `${monographPath('lenalidomide')}index.html` });

// ---------------------------------------------------------------- helpers

/** A context without JavaScript, as a crawler, a reader mode or a cautious patient has; closed after the test. */
const noScriptContext = (t) => env.newContext(t, { javaScriptEnabled: false });

/** Opens monograph `id`'s page (StandalonePage.openMonograph); `options` are its. */
const openMonograph = (t, id = 'lenalidomide', options = {}) => StandalonePage.openMonograph(env, t, id, options);

/** Opens the snippet demo (HostPage.open); returns { host, widget }, the widget inside the snippet's element. */
async function openSnippet(t, options = {}) {
  const host = await HostPage.open(env, t, `${env.baseUrl}${SNIPPET_PAGE}`, options);
  return { host, widget: host.widget(SNIPPET_HOST) };
}

/** For page.addInitScript: records the widget's events, with when they came, in window.__events. */
function recordEvents() {
  window.__events = [];
  for (const type of ['drug-monograph-load', 'drug-monograph-tabchange', 'drug-monograph-error']) {
    document.addEventListener(type, (event) => window.__events.push({ type, detail: event.detail, time: performance.now() }));
  }
}
const events = (page) => page.evaluate(() => window.__events.map(({ type, detail }) => ({ type, detail })));

/**
 * Waits until the snippet's widget has hydrated (its load event, recorded by
 * recordEvents) and returns when. Its tabs work before that (the loader's
 * early tabs), so working tabs alone do not tell.
 */
async function snippetHydrated(page) {
  await waitUntil(page, () => window.__events.some((e) => e.type === 'drug-monograph-load'), undefined, 'the snippet hydrated (its load event)');
  return page.evaluate(() => window.__events.find((e) => e.type === 'drug-monograph-load').time);
}

/** The text shown (innerText, whitespace collapsed) of what `locator` finds. */
const shownText = async (locator) => squash(await locator.evaluate((el) => el.innerText));

/** Asserts that every seed sentence is in the text shown by `locator`. */
async function expectEverySentence(locator, what) {
  assert.ok(SEED_SENTENCES.length > 60, `the seed has its sentences (${SEED_SENTENCES.length})`);
  const text = await shownText(locator);
  const missing = SEED_SENTENCES.filter((sentence) => !text.includes(sentence));
  assert.deepEqual(missing, [], `${what}: sentences not on screen`);
}

/** For assertNoErrors: the browser's line about a wasm file answered with a 404. */
const missingWasm = (e) => /Failed to load resource/.test(e.text) && /\b404\b/.test(e.text) && e.url.endsWith('.wasm');

/** Lenalidomide's monograph with a new title and first answer (still valid): what a stale page or snippet has to show. */
function revisedLenalidomide() {
  const revised = structuredClone(LENALIDOMIDE.monograph);
  revised.title = 'Lenalidomide (revised)';
  revised.faqs[0].answer = [{ text: 'Your care team will tell you how long; this answer was revised.' }];
  return { revised, oldAnswer: LENALIDOMIDE.monograph.faqs[0].answer.map((span) => span.text).join('') };
}

/**
 * Marks the pre-rendered nodes of the monograph in `host`'s shadow root (or
 * the document): the article, title, tab list, tabs and panels, and the first
 * text nodes of the title, the disclaimer, each panel and the answers. Each
 * keeps an expando with its number; window.__prerendered records it with its
 * parent and text. Returns how many were marked.
 */
function markPrerendered({ host }) {
  const root = host ? document.querySelector(host).shadowRoot : document;
  // The first text node with words in it, however deep.
  const textIn = (el) =>
    el && document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) }).nextNode();
  const elements = [
    root.querySelector('article.dm'),
    root.querySelector('.dm-title'),
    root.querySelector('.dm-tablist'),
    ...root.querySelectorAll('[role="tab"]'),
    ...root.querySelectorAll('.dm-panel'),
  ];
  const texts = [
    root.querySelector('.dm-title'),
    root.querySelector('.dm-disclaimer span'),
    ...root.querySelectorAll('.dm-panel-body'),
    root.querySelector('.dm-answer'),
  ].map(textIn);
  const nodes = [...elements, ...texts];
  if (nodes.some((node) => !node)) throw new Error('a pre-rendered node is missing');
  window.__prerendered = nodes.map((node, i) => {
    node.__prerendered = i;
    return { node, parent: node.parentNode, data: node.nodeType === Node.TEXT_NODE ? node.data : null };
  });
  return nodes.length;
}

/** The marked nodes (markPrerendered) that are no longer connected, in place and unchanged, described. */
function lostPrerendered({ host }) {
  const root = host ? document.querySelector(host).shadowRoot : document;
  const describe = (node) => (node.nodeType === Node.TEXT_NODE ? `text "${node.data.slice(0, 30)}"` : `<${node.localName} ${node.id || node.className}>`);
  const lost = window.__prerendered
    .filter(({ node, parent, data }, i) => !(node.isConnected && root.contains(node) && node.parentNode === parent && node.__prerendered === i && (data === null || node.data === data)))
    .map(({ node }) => describe(node));
  if (root.querySelector('article.dm') !== window.__prerendered[0].node) lost.push('the article shown is another one');
  return lost;
}

/** For page.addInitScript: records every layout shift (value and time) in window.__shifts. */
function recordLayoutShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__shifts.push({ value: entry.value, time: entry.startTime });
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The cumulative layout shift of the shifts recorded (recordLayoutShifts) before `time`, and the list of them. */
async function layoutShiftBefore(page, time) {
  await settle(page);
  const shifts = (await page.evaluate(() => window.__shifts)).filter((shift) => shift.time < time);
  return { cls: shifts.reduce((sum, shift) => sum + shift.value, 0), shifts };
}

// ------------------------------------------------------------------ tests

describe('pre-rendered pages and snippets', { timeout: TEST_TIMEOUT * 20 }, () => {
  it('read without scripts: every sentence on screen, every panel under its heading, no tab list', { timeout: TEST_TIMEOUT }, async (t) => {
    const context = await noScriptContext(t);
    const standalone = await openMonograph(t, 'lenalidomide', { context });
    const { page } = standalone;
    assert.ok(await page.evaluate(() => matchMedia('(scripting: none)').matches), 'scripts are off');
    await expectEverySentence(page.locator('#app'), 'monograph page');
    await standalone.expectDocument('no scripts');
    assert.ok(await page.locator('.page-toolbar').isHidden(), 'the toolbar, which needs scripts, is hidden');
    assert.equal(await page.locator('.page-back a').getAttribute('href'), '../../', 'the way to the catalog is a plain link');

    const { host, widget } = await openSnippet(t, { contextOptions: { javaScriptEnabled: false } });
    await expectEverySentence(host.page.locator(`${SNIPPET_HOST} .dm-root`), 'snippet');
    await widget.expectDocument('snippet without scripts');

    // The catalog lists and links every medicine.
    const catalog = await StandalonePage.open(env, t, { context });
    const links = await catalog.results.evaluateAll((as) => as.filter((a) => a.checkVisibility()).map((a) => a.getAttribute('href')));
    assert.deepEqual(links, MONOGRAPHS.map((m) => monographPath(m.id)), 'catalog links');
    assertNoErrors([...standalone.errors, ...host.errors, ...catalog.errors]);
  });

  it('hydrates the pre-rendered nodes themselves, on the page and in the snippet', { timeout: TEST_TIMEOUT }, async (t) => {
    const openers = {
      'monograph page': async (beforeGoto) => {
        const standalone = await openMonograph(t, 'lenalidomide', { beforeGoto });
        return { monograph: standalone, errors: standalone.errors, host: null };
      },
      snippet: async (beforeGoto) => {
        const { host, widget } = await openSnippet(t, {
          beforeGoto: async (page) => {
            await page.addInitScript(recordEvents);
            await beforeGoto(page);
          },
        });
        return { monograph: widget, errors: host.errors, host: SNIPPET_HOST };
      },
    };
    for (const [what, open] of Object.entries(openers)) {
      // The wasm is held back: the page shows its pre-rendered HTML only.
      let held;
      const { monograph, errors, host } = await open(async (page) => {
        held = await holdRequest(page, WASM);
      });
      const { page } = monograph;
      await monograph.title.waitFor();
      const count = await page.evaluate(markPrerendered, { host });
      assert.ok(count > 10, `${what}: nodes marked (${count})`);

      await (await held.route).continue();
      if (host) await snippetHydrated(page);
      await monograph.waitForWorkingTabs();
      assert.deepEqual(await page.evaluate(lostPrerendered, { host }), [], `${what}: pre-rendered nodes replaced or moved by hydration`);
      assertNoErrors(errors);
    }
  });

  it("works a monograph page's tabs before the wasm has arrived, and hydrates on the tab chosen", { timeout: TEST_TIMEOUT }, async (t) => {
    let held;
    const standalone = await openMonograph(t, 'lenalidomide', {
      beforeGoto: async (page) => {
        held = await holdRequest(page, WASM);
      },
    });
    const { page } = standalone;
    await standalone.title.waitFor();
    const count = await page.evaluate(markPrerendered, { host: null });
    const visiblePanels = () => page.evaluate(() => [...document.querySelectorAll('.dm-panel')].filter((p) => p.checkVisibility({ visibilityProperty: true })).map((p) => p.id));
    const expectOpen = async (id, how) => {
      await standalone.expectSelected(id);
      assert.deepEqual(await visiblePanels(), [`dm-panel-${id}`], `${how}: only the ${id} panel shows`);
      assert.equal(await page.evaluate(() => document.activeElement?.id), `dm-tab-${id}`, `${how}: the ${id} tab has focus`);
      assert.equal(new URL(page.url()).hash, `#${id}`, `${how}: the address names the ${id} tab`);
    };

    // The wasm is held back: the page shows its pre-rendered HTML, and yet
    // its tabs follow the keyboard and the pointer.
    await standalone.tab('usage').focus();
    await page.keyboard.press('ArrowLeft');
    await expectOpen('faqs', 'ArrowLeft wraps to the last tab');
    await page.keyboard.press('ArrowRight');
    await expectOpen('usage', 'ArrowRight wraps to the first tab');
    await page.keyboard.press('End');
    await expectOpen('faqs', 'End');
    await page.keyboard.press('Home');
    await expectOpen('usage', 'Home');
    await standalone.tab('side-effects').click();
    await expectOpen('side-effects', 'a click');
    assert.equal(await page.evaluate(() => document.documentElement.style.fontSize), '', 'the app has not started yet');

    // The app hydrates the same nodes, on the tab chosen, and takes the tabs over.
    await (await held.route).continue();
    await standalone.waitForApp();
    await expectOpen('side-effects', 'hydrated');
    assert.deepEqual(await page.evaluate(lostPrerendered, { host: null }), [], `hydrated: none of the ${count} pre-rendered nodes marked replaced or moved`);
    await page.keyboard.press('ArrowRight');
    await expectOpen('how-it-works', 'ArrowRight once hydrated');
    assertNoErrors(standalone.errors);
  });

  it("works a snippet's tabs before the wasm has arrived, with its events, and hydrates on the tab chosen", { timeout: TEST_TIMEOUT }, async (t) => {
    let held;
    const { host, widget } = await openSnippet(t, {
      beforeGoto: async (page) => {
        await page.addInitScript(recordEvents);
        held = await holdRequest(page, WASM);
      },
    });
    const { page } = host;
    await widget.title.waitFor();
    const count = await page.evaluate(markPrerendered, { host: SNIPPET_HOST });
    const expectOpen = async (id, how) => {
      await widget.expectSelected(id);
      const shown = await page.evaluate((host) => {
        const root = document.querySelector(host).shadowRoot;
        return {
          panels: [...root.querySelectorAll('.dm-panel')].filter((p) => p.checkVisibility({ visibilityProperty: true })).map((p) => p.id),
          focus: root.activeElement?.id,
        };
      }, SNIPPET_HOST);
      assert.deepEqual(shown, { panels: [`dm-panel-${id}`], focus: `dm-tab-${id}` }, `${how}: only the ${id} panel shows, its tab has focus`);
    };

    await widget.tab('usage').focus();
    await page.keyboard.press('End');
    await expectOpen('faqs', 'End');
    await page.keyboard.press('ArrowRight');
    await expectOpen('usage', 'ArrowRight wraps to the first tab');
    await widget.tab('dosage').click();
    await expectOpen('dosage', 'a click');
    await widget.tab('dosage').click();
    assert.deepEqual(
      (await events(page)).map((e) => [e.type, e.detail.tab]),
      [['drug-monograph-tabchange', 'faqs'], ['drug-monograph-tabchange', 'usage'], ['drug-monograph-tabchange', 'dosage']],
      'a tab-change event for each tab opened, none for the open one clicked again, and no load yet',
    );

    await (await held.route).continue();
    await snippetHydrated(page);
    await expectOpen('dosage', 'hydrated');
    assert.deepEqual(await page.evaluate(lostPrerendered, { host: SNIPPET_HOST }), [], `hydrated: none of the ${count} pre-rendered nodes marked replaced or moved`);
    await page.keyboard.press('ArrowRight');
    await expectOpen('side-effects', 'ArrowRight once hydrated');
    assert.deepEqual((await events(page)).filter((e) => e.type === 'drug-monograph-tabchange').map((e) => e.detail.tab), ['faqs', 'usage', 'dosage', 'side-effects'], 'the widget goes on sending the events');
    assertNoErrors(host.errors);
  });

  it('hydrates every monograph on every tab, in English and in Spanish, without an error', { timeout: TEST_TIMEOUT * 6 }, async (t) => {
    for (const { id, title, tabs } of MONOGRAPHS) {
      for (const lang of Object.keys(STRINGS)) {
        for (const tab of tabs) {
          await t.test(`${id}, #${tab}, ${lang}`, async (st) => {
            const context = await env.newContext(st, { locale: 'en-US' });
            await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [LANGUAGE_KEY, lang]);
            const standalone = await openMonograph(st, id, { context, tab });
            const { page } = standalone;
            await standalone.waitForTitle(title);
            await waitUntil(page, (lang) => document.documentElement.lang === lang, lang, `the interface in ${lang}`);
            const { tab: selected } = await standalone.expectSelected(tab);
            assert.equal(squash(await selected.textContent()), STRINGS[lang].tabs[TAB_IDS.indexOf(tab)], 'tab label');
            for (const other of tabs.filter((other) => other !== tab)) {
              assert.ok(await (await standalone.panelOf(standalone.tab(other))).isHidden(), `panel ${other} hidden`);
            }
            assert.equal(await page.locator('#app[role="alert"], .dm-root[role="alert"]').count(), 0, 'no crash');
            assert.ok(!(await page.locator('body').textContent()).includes(STRINGS[lang].crashed), 'no crash message');
            assertNoErrors(standalone.errors);
          });
        }
      }
    }

    // The language button, once the page is up: labels change, the tab stays.
    const standalone = await openMonograph(t, 'lenalidomide', { tab: 'faqs', contextOptions: { locale: 'en-US' } });
    await standalone.waitForTitle('Lenalidomide');
    await standalone.page.getByRole('button', { name: 'Español', exact: true }).click();
    await standalone.page.getByRole('tab', { name: 'Preguntas frecuentes', exact: true, selected: true }).waitFor();
    await standalone.expectSelected('faqs');
    assertNoErrors(standalone.errors);

    // A snippet pasted into a Spanish page, asked for a tab: rendered in
    // English on its first tab, it hydrates, then takes the page's settings.
    const { host, widget } = await openSnippet(t, {
      beforeGoto: (page) =>
        page.route(`**/${SNIPPET_PAGE}`, async (route) => {
          const response = await route.fetch();
          const html = (await response.text()).replace('<html lang="en">', '<html lang="es">').replace('<drug-monograph ', '<drug-monograph tab="faqs" ');
          await route.fulfill({ response, body: html });
        }),
    });
    await host.page.locator(`${SNIPPET_HOST} [role="tab"][aria-selected="true"]`).filter({ hasText: 'Preguntas frecuentes' }).waitFor();
    await widget.expectSelected('faqs');
    assert.deepEqual((await widget.tabs.allTextContents()).map(squash), STRINGS.es.tabs, 'snippet: Spanish labels');
    assertNoErrors(host.errors);
  });

  it('shows the current text on a stale snippet, page or catalog (its file changed since)', { timeout: TEST_TIMEOUT }, async (t) => {
    const { revised, oldAnswer } = revisedLenalidomide();
    const serveRevised = (page) =>
      page.route(SNIPPET_JSON, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(revised) }));
    const newAnswer = revised.faqs[0].answer[0].text;

    const { host, widget } = await openSnippet(t, {
      beforeGoto: async (page) => {
        await page.addInitScript(recordEvents);
        await serveRevised(page);
      },
    });
    await widget.waitForTitle(revised.title);
    const { panel } = await widget.openTab('faqs');
    await panel.getByText(newAnswer, { exact: true }).waitFor({ state: 'visible' });
    assert.ok(!(await host.page.locator(SNIPPET_HOST).textContent()).includes(oldAnswer), 'snippet: the old answer is gone');
    assert.deepEqual((await events(host.page)).filter((e) => e.type === 'drug-monograph-error'), [], 'snippet: no error event');
    assertNoErrors(host.errors);

    const standalone = await openMonograph(t, 'lenalidomide', { beforeGoto: serveRevised });
    await standalone.waitForTitle(revised.title);
    const faqs = (await standalone.openTab('faqs')).panel;
    await faqs.getByText(newAnswer, { exact: true }).waitFor({ state: 'visible' });
    assert.ok(!(await standalone.page.locator('#app').textContent()).includes(oldAnswer), 'page: the old answer is gone');
    assertNoErrors(standalone.errors);

    // A catalog that lists one more medicine than when it was rendered.
    const catalog = readJson('index.json');
    const added = { ...catalog.monographs[0], id: 'newly-added', title: 'Newly added', generic_name: 'Newly added', file: 'newly-added.json' };
    catalog.monographs.push(added);
    const site = await StandalonePage.open(env, t, {
      beforeGoto: (page) =>
        page.route('**/content/index.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(catalog) })),
    });
    await site.page.getByRole('link', { name: /^Newly added/ }).waitFor();
    const hrefs = await site.results.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, catalog.monographs.map((m) => monographPath(m.id)), 'catalog: the current list');
    assertNoErrors(site.errors);
  });

  it('describes each monograph page in its head: title, description, canonical, Open Graph, JSON-LD', { timeout: TEST_TIMEOUT }, async (t) => {
    const context = await noScriptContext(t);
    const headOf = (page) =>
      page.evaluate(() => {
        const content = (selector) => document.querySelector(selector)?.getAttribute('content') ?? null;
        return {
          lang: document.documentElement.lang,
          title: document.title,
          description: content('meta[name="description"]'),
          canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
          ogTitle: content('meta[property="og:title"]'),
          ogDescription: content('meta[property="og:description"]'),
          ogUrl: content('meta[property="og:url"]'),
          jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
        };
      });
    for (const { id, monograph } of MONOGRAPHS) {
      const standalone = await openMonograph(t, id, { context });
      const head = await headOf(standalone.page);
      const title = `${monograph.title} – ${SITE_TITLE}`;
      assert.equal(head.lang, 'en', `${id}: <html lang>`);
      assert.equal(head.title, title, `${id}: title`);
      assert.ok(head.description?.length > 20, `${id}: a description (${head.description})`);
      const shown = await shownText(standalone.page.locator('#app'));
      assert.ok(shown.includes(head.description.replace(/…$/, '')), `${id}: the description is the monograph's own text`);
      assert.match(head.canonical ?? '', new RegExp(`^https?://[^/]+/(.+/)?medicines/${id}/$`), `${id}: canonical`);
      assert.equal(head.ogTitle, title, `${id}: og:title`);
      assert.equal(head.ogDescription, head.description, `${id}: og:description`);
      assert.equal(head.ogUrl, head.canonical, `${id}: og:url`);

      assert.equal(head.jsonLd.length, 1, `${id}: one JSON-LD block`);
      const data = JSON.parse(head.jsonLd[0]);
      assert.equal(data['@context'], 'https://schema.org');
      assert.equal(data['@type'], 'MedicalWebPage', `${id}: @type`);
      assert.equal(data.url, head.canonical, `${id}: url is the canonical address`);
      assert.equal(data.inLanguage, monograph.language, `${id}: inLanguage`);
      assert.equal(data.audience?.['@type'], 'MedicalAudience', `${id}: audience`);
      assert.equal(data.audience?.audienceType, 'Patient', `${id}: audience type`);
      assert.equal(data.about?.['@type'], 'Drug', `${id}: about.@type`);
      assert.equal(data.about.name, monograph.title, `${id}: about.name`);
      assert.equal(data.about.nonProprietaryName, monograph.generic_name, `${id}: about.nonProprietaryName`);
      assertNoErrors(standalone.errors);
    }

    const catalog = await StandalonePage.open(env, t, { context });
    const head = await headOf(catalog.page);
    assert.equal(head.title, SITE_TITLE, 'catalog: title');
    assert.ok(head.description, 'catalog: a description');
    assert.match(head.canonical ?? '', /^https?:\/\/[^/]+\/(.+\/)?$/, 'catalog: canonical is the site');
    assert.equal(head.lang, 'en', 'catalog: <html lang>');
  });

  it('leads old addresses (index.html#/<id>/<tab>) to the monograph pages', { timeout: TEST_TIMEOUT }, async (t) => {
    const direct = await openMonograph(t, 'lenalidomide');
    await direct.waitForTitle('Lenalidomide');
    const historyLength = await direct.page.evaluate(() => history.length);

    const moved = await StandalonePage.open(env, t, { hash: '#/lenalidomide/dosage' });
    await waitUntil(
      moved.page,
      () => location.pathname.endsWith('/medicines/lenalidomide/') && location.hash === '#dosage',
      undefined,
      'at medicines/lenalidomide/#dosage',
    );
    await moved.waitForTitle('Lenalidomide');
    await moved.expectSelected('dosage');
    assert.equal(await moved.page.evaluate(() => history.length), historyLength, 'the old address is replaced, not kept in history');

    const first = await StandalonePage.open(env, t, { hash: '#/lenalidomide' });
    await waitUntil(first.page, () => location.pathname.endsWith('/medicines/lenalidomide/'), undefined, 'at medicines/lenalidomide/');
    await first.waitForTitle('Lenalidomide');
    assert.equal(first.hash(), '', 'no tab named');
    await first.expectSelected('usage');

    const unknown = await StandalonePage.open(env, t, { hash: '#/no-such-medicine/dosage' });
    await unknown.waitForCatalog();
    assert.equal(unknown.pathname(), 'index.html', 'still the catalog');
    assert.equal(unknown.hash(), '#/no-such-medicine/dosage', 'the address is left alone');
    assert.equal(await unknown.results.count(), MONOGRAPHS.length, 'every medicine listed');
    assertNoErrors([...direct.errors, ...moved.errors, ...first.errors, ...unknown.errors]);
  });

  it('lists every monograph page in sitemap.xml and keeps crawlers off the kiosk (robots.txt)', { timeout: TEST_TIMEOUT }, async () => {
    const get = async (file) => {
      const response = await fetch(`${env.baseUrl}${file}`);
      assert.equal(response.status, 200, `${file}: status`);
      return { type: response.headers.get('content-type'), text: await response.text() };
    };
    const canonical = async (file) => (await get(file)).text.match(/<link rel="canonical" href="([^"]+)"/)?.[1];

    const sitemap = await get('sitemap.xml');
    assert.match(sitemap.type, /xml/, 'sitemap.xml content type');
    const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const site = await canonical('index.html');
    assert.ok(site, 'the catalog has a canonical address');
    const pages = [];
    for (const { id } of MONOGRAPHS) pages.push(await canonical(`${monographPath(id)}index.html`));
    assert.deepEqual([...locs].sort(), [site, ...pages].sort(), 'sitemap: the catalog and every monograph page, nothing else');
    assert.ok(!locs.some((loc) => loc.includes('kiosk')), 'sitemap: no kiosk');

    const robots = (await get('robots.txt')).text;
    const sitePath = new URL(site).pathname;
    const disallowed = [...robots.matchAll(/^Disallow:\s*(\S*)\s*$/gm)].map((m) => m[1]);
    assert.deepEqual(disallowed, [`${sitePath}kiosk.html`], 'robots.txt: the kiosk, and only the kiosk, disallowed');
    assert.match(robots, /^User-agent: \*$/m, 'robots.txt: for every crawler');
    assert.ok(robots.split('\n').includes(`Sitemap: ${site}sitemap.xml`), 'robots.txt: names the sitemap');
  });

  it('has no axe-core WCAG 2.2 AA violations without scripts, hydrated, or without the wasm', { timeout: TEST_TIMEOUT * 2 }, async (t) => {
    const audit = axeAudit();
    const context = await noScriptContext(t);
    const page = await openMonograph(t, 'lenalidomide', { context });
    await audit.check(page.page, 'monograph page without scripts', { scriptsDisabled: true });
    const catalog = await StandalonePage.open(env, t, { context });
    await audit.check(catalog.page, 'catalog without scripts', { scriptsDisabled: true });
    const noScript = await openSnippet(t, { contextOptions: { javaScriptEnabled: false } });
    const inShadow = await audit.check(noScript.host.page, 'snippet without scripts', { scriptsDisabled: true });
    assert.ok(inShadow > 0, `axe checked the snippet's shadow root (${inShadow} nodes)`);

    const hydrated = await openMonograph(t);
    await hydrated.waitForTitle('Lenalidomide');
    await audit.check(hydrated.page, 'monograph page, hydrated');
    const { host } = await openSnippet(t, { beforeGoto: (p) => p.addInitScript(recordEvents) });
    await snippetHydrated(host.page);
    assert.ok((await audit.check(host.page, 'snippet, hydrated')) > 0, 'axe checked the hydrated shadow root');

    const noWasm = await openMonograph(t, 'lenalidomide', { beforeGoto: (p) => p.route(WASM, (route) => route.fulfill({ status: 404 })) });
    await waitUntil(noWasm.page, () => document.documentElement.classList.contains('dm-document'), undefined, 'page marked dm-document');
    await audit.check(noWasm.page, 'monograph page without the wasm');
    audit.assertNoViolations();
    assertNoErrors([...page.errors, ...catalog.errors, ...noScript.host.errors, ...hydrated.errors, ...host.errors]);
    assertNoErrors(noWasm.errors, { allow: missingWasm });
  });

  it('does not shift the layout from the first paint to hydration (CLS < 0.01)', { timeout: TEST_TIMEOUT }, async (t) => {
    const standalone = await openMonograph(t, 'lenalidomide', { beforeGoto: (p) => p.addInitScript(recordLayoutShifts) });
    const pageHydrated = await standalone.waitForWorkingTabs();
    const onPage = await layoutShiftBefore(standalone.page, pageHydrated);
    assert.ok(onPage.cls < 0.01, `monograph page: CLS ${onPage.cls} (${JSON.stringify(onPage.shifts)})`);

    const { host, widget } = await openSnippet(t, {
      beforeGoto: async (p) => {
        await p.addInitScript(recordLayoutShifts);
        await p.addInitScript(recordEvents);
      },
    });
    const hydratedAt = await snippetHydrated(host.page);
    await widget.waitForWorkingTabs();
    const inSnippet = await layoutShiftBefore(host.page, hydratedAt);
    assert.ok(inSnippet.cls < 0.01, `snippet demo: CLS ${inSnippet.cls} (${JSON.stringify(inSnippet.shifts)})`);
    assertNoErrors([...standalone.errors, ...host.errors]);
  });

  it('keeps the pre-rendered text as a document when the wasm cannot load', { timeout: TEST_TIMEOUT }, async (t) => {
    const wasm404 = (page) => page.route(WASM, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));

    const standalone = await openMonograph(t, 'lenalidomide', { tab: 'dosage', beforeGoto: wasm404 });
    const { page } = standalone;
    await waitUntil(page, () => document.documentElement.classList.contains('dm-document'), undefined, '<html> marked dm-document');
    await expectEverySentence(page.locator('#app'), 'monograph page without the wasm');
    await standalone.expectDocument('monograph page without the wasm');
    assert.ok(await page.locator('.page-toolbar').isHidden(), 'the toolbar, which needs the wasm, is hidden');
    assertNoErrors(standalone.errors, { allow: missingWasm });

    const { host, widget } = await openSnippet(t, {
      beforeGoto: async (p) => {
        await p.addInitScript(recordEvents);
        await wasm404(p);
      },
    });
    await waitUntil(host.page, () => window.__events.some((e) => e.type === 'drug-monograph-error'), undefined, 'an error event');
    const errorEvents = (await events(host.page)).filter((e) => e.type === 'drug-monograph-error');
    assert.deepEqual(errorEvents.map((e) => e.detail.kind), ['startup'], 'one drug-monograph-error, kind startup');
    assert.match(await host.page.locator(`${SNIPPET_HOST} .dm-root`).getAttribute('class'), /\bdm-document\b/, 'the mount point is marked dm-document');
    await expectEverySentence(host.page.locator(`${SNIPPET_HOST} .dm-root`), 'snippet without the wasm');
    await widget.expectDocument('snippet without the wasm');
    assert.equal(await host.page.locator(`${SNIPPET_HOST} [role="alert"]`).count(), 0, 'no error message over the text');
    assertNoErrors(host.errors, { allow: missingWasm });
  });
});
