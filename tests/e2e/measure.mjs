// What tests/e2e/memory.test.mjs and scripts/bench-tabs.mjs measure in a
// page: the memory a page holds (DOM nodes, event listeners, JS heap, wasm
// memory), widgets mounted and removed, tab switches, and the time from a
// key press to the frame that shows the new panel. Not a test file itself.

import { hostPageHtml } from './support.mjs';

/** The embed's folder in a bundle of `version`, from the site's root. */
export const embedFolder = (version) => `/drug-monograph/${version}`;

/**
 * A host page at `url` (served by `context` itself, so nothing is written
 * into the bundle) with the loader of `version` and one widget showing the
 * monograph at `src`.
 */
export async function routeHostPage(context, url, { version, src }) {
  const body = hostPageHtml({
    title: 'Widget host',
    head: `    <script src="${embedFolder(version)}/drug-monograph.js" defer></script>`,
    body: `      <drug-monograph src="${src}"></drug-monograph>`,
  });
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
}

/** Resolves once the page's first widget has shown its monograph (within `timeout` ms). */
export const waitForWidget = (page, timeout = 30_000) =>
  page.waitForFunction(() => document.querySelector('drug-monograph')?.dataset.dmState === 'loaded', undefined, {
    timeout,
  });

/**
 * The memory `page` holds after a full garbage collection, through `cdp`
 * (a DevTools protocol session on it): { nodes, listeners, heap, wasm } —
 * DOM nodes and JS event listeners (Memory.getDOMCounters), the JS heap in
 * use, in bytes, and the byte length of the memory of the embed's wasm
 * (its bindings at `bindings`, a URL), which grows by whole 64 KiB pages.
 */
export async function memory(page, cdp, bindings) {
  // Twice, with a task between: the first collection queues the
  // finalizers that free wasm closures and their objects; the second
  // collects what those held.
  for (let i = 0; i < 2; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // Importing the bindings again gives the instance the loader started, and
  // initialising it again gives its exports.
  const wasm = await page.evaluate(
    async (url) => (await (await import(url)).default()).memory.buffer.byteLength,
    bindings,
  );
  return { nodes, listeners: jsEventListeners, heap: usedSize, wasm };
}

/** What grew from `before` to `after` (both from `memory`). */
export const growth = (before, after) =>
  Object.fromEntries(Object.keys(before).map((key) => [key, after[key] - before[key]]));

/**
 * Mounts a widget showing `src` in the page's #host, waits for its
 * monograph, and removes it, `cycles` times.
 */
export const mountAndRemove = (page, src, cycles) =>
  page.evaluate(
    async ({ src, cycles }) => {
      const host = document.getElementById('host');
      for (let i = 0; i < cycles; i++) {
        const element = document.createElement('drug-monograph');
        element.setAttribute('src', src);
        const shown = new Promise((resolve, reject) => {
          element.addEventListener('drug-monograph-load', resolve, { once: true });
          element.addEventListener('drug-monograph-error', (event) => reject(new Error(event.detail.message)), {
            once: true,
          });
        });
        host.append(element);
        await shown;
        element.remove();
      }
    },
    { src, cycles },
  );

/**
 * Presses the right arrow on the selected tab of the page's first widget
 * `switches` times, each once the one before has selected its tab.
 */
export const switchTabs = (page, switches) =>
  page.evaluate(async (switches) => {
    const root = document.querySelector('drug-monograph').shadowRoot;
    const selected = () => root.querySelector('[role="tab"][aria-selected="true"]');
    const nextTask = () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      });
    for (let i = 0; i < switches; i++) {
      const tab = selected();
      tab.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true, cancelable: true }),
      );
      while (selected() === tab) await nextTask();
    }
  }, switches);

/**
 * Times tab switches as a patient makes them: focuses the selected tab of
 * the page's first widget (`embed`) or of the page itself, then presses the
 * right arrow `switches` times. Each time is from the key press (the
 * keydown event's time stamp) to a task after the first frame whose
 * rendering shows the new panel, that is once that frame is drawn. Returns
 * the times in milliseconds.
 */
export async function timeTabSwitches(page, { embed, switches }) {
  await page.evaluate((embed) => {
    const root = embed ? document.querySelector('drug-monograph').shadowRoot : document;
    const openPanel = () => root.querySelector('[role="tabpanel"]:not([hidden])');
    root.querySelector('[role="tab"][aria-selected="true"]').focus();
    window.__tabSwitch = {
      arm() {
        this.time = new Promise((resolve) => {
          addEventListener(
            'keydown',
            (event) => {
              const before = openPanel();
              const frame = () =>
                requestAnimationFrame(() => {
                  if (openPanel() === before) return frame();
                  // The frame is drawn after its animation frame callbacks.
                  const channel = new MessageChannel();
                  channel.port1.onmessage = () => resolve(performance.now() - event.timeStamp);
                  channel.port2.postMessage(null);
                });
              frame();
            },
            { capture: true, once: true },
          );
        });
      },
    };
  }, embed);
  const times = [];
  for (let i = 0; i < switches; i++) {
    await page.evaluate(() => window.__tabSwitch.arm());
    await page.keyboard.press('ArrowRight');
    times.push(await page.evaluate(() => window.__tabSwitch.time));
  }
  return times;
}
