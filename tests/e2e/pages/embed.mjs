// A page that embeds the widget (drug-monograph.js and <drug-monograph>
// elements), as its visitors and its own scripts use it: each element holds a
// widget of its own (a Monograph inside the element).

import { openPage } from '../support.mjs';
import { Monograph } from './monograph.mjs';

export class HostPage {
  /**
   * Opens `url` in a fresh browser context (env.newContext with
   * `contextOptions`), closed after the test. Besides the errors (openPage),
   * records every console message in `consoleMessages` and every request URL in
   * `requests`; `beforeGoto` is openPage's. Keeps the navigation's `response`.
   */
  static async open(env, t, url, { contextOptions, beforeGoto } = {}) {
    const context = await env.newContext(t, contextOptions);
    const consoleMessages = [];
    const requests = [];
    const { page, errors, response } = await openPage(context, url, {
      beforeGoto: async (page) => {
        page.on('console', (msg) => consoleMessages.push({ type: msg.type(), text: msg.text() }));
        page.on('request', (request) => requests.push(request.url()));
        if (beforeGoto) await beforeGoto(page);
      },
    });
    return new HostPage({ page, context, errors, consoleMessages, requests, response });
  }

  constructor({ page, context, errors, consoleMessages, requests, response }) {
    Object.assign(this, { page, context, errors, consoleMessages, requests, response });
  }

  /** The widget inside the element that the CSS selector `host` finds. */
  widget(host) {
    return new Monograph(this.page, { root: this.page.locator(host), label: `${host}: ` });
  }

  /**
   * Appends a <drug-monograph> with `id` and the attributes `attrs`, as a
   * page's script would, to the element the CSS selector `parent` finds.
   */
  addWidget(id, attrs = {}, parent = 'main#host') {
    return this.page.evaluate(
      ({ id, attrs, parent }) => {
        const el = document.createElement('drug-monograph');
        el.id = id;
        for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
        document.querySelector(parent).append(el);
      },
      { id, attrs, parent },
    );
  }
}
