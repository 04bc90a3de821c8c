// The clinic kiosk (kiosk.html, or index.html?kiosk) as a patient uses it:
// the standalone page, plus the warning "Are you still reading?" that comes
// after a while without a touch and counts down to the reset. A kiosk's
// browser context lets nothing leave the test server, and can stop its clock,
// so that time passes only when a test says so: exactly as long as it says,
// without waiting for it.

import assert from 'node:assert/strict';
import { StandalonePage } from './standalone.mjs';
import { stopClock } from '../support.mjs';

export const IDLE_TITLE = 'Are you still reading?';
export const STILL_READING = "I'm still reading";
const IDLE_MESSAGE = /^To protect your privacy, this screen will go back to the start in (\d+) seconds\.$/;

/** Where a stopped clock stands at first: any time will do. */
const CLOCK_START = new Date('2025-01-06T09:00:00Z');

export class KioskPage extends StandalonePage {
  /**
   * A fresh kiosk browser context, closed after the test: English, 1280×800 at
   * scale 1, reduced motion, service workers blocked (offline.test.mjs tests
   * the worker; without one every request goes through Playwright's routing),
   * then `options`. Every request that is not for the test server fails and is
   * recorded in `external`. Returns { context, external }.
   */
  static async newContext(env, t, options = {}) {
    const context = await env.newContext(t, {
      locale: 'en-US',
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      serviceWorkers: 'block',
      ...options,
    });
    const external = [];
    await context.route(
      (url) => !url.href.startsWith(env.baseUrl),
      (route) => {
        external.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    context.on('request', (request) => {
      if (!request.url().startsWith(env.baseUrl) && !external.includes(request.url())) external.push(request.url());
    });
    return { context, external };
  }

  /**
   * Opens `path` (kiosk.html) plus `query` and `hash` in a new page of
   * `context`, or of a fresh kiosk context (newContext with `contextOptions`,
   * whose `external` the page object keeps). With `clock`, the context's clock
   * stands still from the start: time passes through leaveUntouched only.
   * `beforeGoto` and `consoleErrors` are openPage's.
   */
  static async open(env, t, { path = 'kiosk.html', context, contextOptions, clock = false, ...options } = {}) {
    let external = [];
    if (!context) ({ context, external } = await KioskPage.newContext(env, t, contextOptions));
    if (clock) await stopClock(context, CLOCK_START);
    const kiosk = await super.open(env, t, { path, context, ...options });
    kiosk.external = external;
    return kiosk;
  }

  /** The warning "Are you still reading?", titled `title` in the interface language. */
  idleDialog(title = IDLE_TITLE) {
    return this.page.getByRole('alertdialog', { name: title, exact: true });
  }

  /** The seconds the warning says are left. */
  async secondsLeft() {
    const text = (await this.page.locator('#page-idle-message').textContent()).trim();
    const match = text.match(IDLE_MESSAGE);
    assert.ok(match, `idle message: ${JSON.stringify(text)}`);
    return Number(match[1]);
  }

  /**
   * Lets `seconds` pass on the stopped clock (see open's `clock`) with nobody
   * touching the screen; the kiosk's timers fire as they would meanwhile. Only
   * once the page shows something (the catalog, a monograph): before, the
   * kiosk may not be watching yet, and the time would pass unseen.
   */
  async leaveUntouched(seconds) {
    await this.page.clock.runFor(seconds * 1000);
  }
}
