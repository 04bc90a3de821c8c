/*
 * <drug-monograph> — plain-language drug information for any web page.
 *
 *   <script src="…/drug-monograph/VERSION/drug-monograph.js" defer></script>
 *   <drug-monograph src="/monographs/lenalidomide.json"></drug-monograph>
 *   <drug-monograph rxcui="…"></drug-monograph>   (or ndc="…", through the catalog)
 *
 * A classic script (no type="module" needed; defer and async both work).
 * It finds its other files beside itself, so the folder can be hosted at any
 * path or CDN. Loading it twice defines the element once.
 */
(() => {
  "use strict";

  const TAG = "drug-monograph";
  // Marks this script's element class, so that loading the script twice is
  // told apart from another script having taken the name first.
  const OURS = Symbol.for("drug-monograph.element");
  if (!("customElements" in window)) {
    return;
  }
  const taken = customElements.get(TAG);
  if (taken) {
    if (!taken[OURS]) {
      console.error(
        `drug-monograph: another script on this page defined <${TAG}> first, so the widget cannot ` +
          "appear. Load drug-monograph.js before that script, or remove it (README, " +
          '"When the element name is taken").',
      );
    }
    return;
  }

  // The other files, each bindings module with its wasm. The npm package's
  // module entry is this script with this block replaced by
  // web/npm/files.mjs (scripts/package.mjs), which finds them the way bundlers
  // understand.
  // #region files
  // currentScript is set while a classic script runs, deferred or async.
  const scriptUrl =
    document.currentScript?.src ??
    [...document.scripts].map((s) => s.src).find((src) => /\/drug-monograph\.js(?:[?#]|$)/.test(src));
  const base = new URL(".", scriptUrl ?? document.baseURI);
  const CORE_URL = new URL("drug-monograph-core.js", base).href;
  const CORE_WASM_URL = new URL("drug-monograph-core_bg.wasm", base).href;
  // The same widget built to hydrate pre-rendered snippets too; larger, so
  // it is loaded only for a page that has one.
  const HYDRATING_CORE_URL = new URL("drug-monograph-hydrate.js", base).href;
  const HYDRATING_CORE_WASM_URL = new URL("drug-monograph-hydrate_bg.wasm", base).href;
  const STYLESHEET_URL = new URL("widget.css", base).href;
  // #endregion files

  // The only interface text outside the wasm: shown when the wasm itself
  // cannot be loaded, so it cannot come from there.
  const STARTUP_FAILED =
    "This medicine information could not be loaded. Please check your connection and reload the page.";
  // Added to a failed start-up's technical detail when the files come from
  // another origin, the usual cause there.
  const CROSS_ORIGIN_HINT =
    "the widget's files are on another origin: the bindings and the wasm are CORS requests, so " +
    'that server must send Access-Control-Allow-Origin for them (README, "Hosting the files on ' +
    'another origin")';
  const crossOrigin = new URL(CORE_URL).origin !== location.origin;

  // A snippet's element arrives with its widget pre-rendered in a
  // declarative shadow root.
  const prerenderedRoot = (element) => element.shadowRoot?.querySelector(".dm-root[data-content-hash]");

  // One download and one instance of the wasm for every element on the
  // page: the hydrating build when the page has a snippet when the first
  // element starts (a snippet found later by the plain build is rendered
  // afresh). After a crash, a fresh instance: the same module URL would
  // give back the crashed one, so each new instance has a query of its own
  // (the wasm file, found relative to it, is the same, from the cache).
  let core = null;
  // The module of the instance in use, once it has started.
  let current = null;
  let instances = 0;
  const loadCore = () => {
    if (core) {
      return core;
    }
    const [bindings, wasm] = [...document.getElementsByTagName(TAG)].some(prerenderedRoot)
      ? [HYDRATING_CORE_URL, HYDRATING_CORE_WASM_URL]
      : [CORE_URL, CORE_WASM_URL];
    const url = bindings + (instances ? `?instance=${instances}` : "");
    instances++;
    // An address known only when the page runs: bundlers leave it alone.
    const loading = import(/* webpackIgnore: true */ /* @vite-ignore */ url)
      .then(async (module) => {
        await module.default({ module_or_path: wasm });
        // The first answer is the measure of the later ones.
        module.healthy();
        if (core === loading) {
          current = module;
        }
        // Before any element mounts, so each finds its document on the way,
        // counting the elements still there to mount that still want it.
        for (const { url, answer, controller, elements } of early.values()) {
          const expected = [...elements].filter((element) => element.isConnected && firstDocument(element) === url).length;
          module.adoptRequest(url, answer, controller, expected);
        }
        early.clear();
        return module;
      })
      .catch((error) => {
        // Let an element added later try again, once the network is back.
        if (core === loading) {
          core = null;
        }
        for (const { controller } of early.values()) {
          controller.abort();
        }
        early.clear();
        throw error;
      });
    core = loading;
    return loading;
  };

  // Whether the instance in use has died: a trap (a panic ends in one), or
  // an exception thrown through it (see src/health.rs). It says so itself,
  // or cannot answer. Asked only with no wasm running.
  const coreDied = () => {
    if (!current) {
      return false;
    }
    try {
      return !current.healthy();
    } catch {
      return true;
    }
  };

  // Every connected element, to be started again on a fresh instance.
  const live = new Set();
  // Elements that were loading, more than one at once, when the instance
  // crashed: one of them caused it. Each starts again alone, once no other
  // element is loading, so that a second crash names it.
  const suspects = [];
  // When the last restarts without a culprit happened: a crash that keeps
  // coming back that way stops the restarts.
  let restarts = [];
  const RESTART_LIMIT = 3;
  const RESTART_WINDOW_MS = 30_000;

  // The documents the elements need, requested while the wasm loads, one
  // request per address whatever the number of elements: the wasm takes
  // them over when it starts (its adoptRequest), and settles, checks and
  // reads them itself, as it does its own requests. Each is what the
  // page's own fetch gave back, called as the wasm would call it, so a
  // page's fetch wrapper is met the same way.
  const early = new Map();
  const requestEarly = (url, element) => {
    if (current || typeof globalThis.fetch !== "function" || !isUrl(url)) {
      return;
    }
    if (early.has(url)) {
      early.get(url).elements.add(element);
      return;
    }
    const controller = new AbortController();
    let answer;
    try {
      answer = Promise.resolve(globalThis.fetch(url, { signal: controller.signal }));
    } catch (error) {
      answer = Promise.reject(error);
    }
    // Handled by the wasm later: not an unhandled rejection meanwhile.
    answer.catch(() => {});
    early.set(url, { url, answer, controller, elements: new Set([element]) });
  };

  // The file's text, or undefined when it cannot be had: the widget then
  // renders afresh and reports why itself.
  const fetchText = (url) =>
    fetch(url)
      .then((response) => (response.ok ? response.text() : undefined))
      .catch(() => undefined);

  // A snippet's tabs work from the moment this script runs, before the
  // wasm has arrived to hydrate them: the WAI-ARIA tabs pattern as
  // src/components/tab_list.rs has it (Left and Right wrap, Home and End;
  // the tab takes focus and opens; a click opens it), with the widget's own
  // tab-change event. Returns what stops it, which returns the tab the
  // patient chose meanwhile, if any: the widget hydrates on that one.
  const earlyTabs = (element, mountPoint) => {
    const tabs = [...mountPoint.querySelectorAll('[role="tablist"] > [role="tab"]')];
    const panels = [...mountPoint.querySelectorAll('[role="tabpanel"]')];
    const events = new AbortController();
    let chosen;
    const selected = () => tabs.find((tab) => tab.getAttribute("aria-selected") === "true");
    const open = (tab) => {
      if (tab === selected()) {
        return;
      }
      for (const each of tabs) {
        const on = each === tab;
        each.setAttribute("aria-selected", String(on));
        each.setAttribute("tabindex", on ? "0" : "-1");
        each.setAttribute("part", on ? "tab selected-tab" : "tab");
        panels.find((panel) => panel.id === each.getAttribute("aria-controls"))?.toggleAttribute("hidden", !on);
      }
      chosen = tab.id.replace(/^.*-tab-/, "");
      const detail = { tab: chosen };
      element.dispatchEvent(new CustomEvent(`${TAG}-tabchange`, { bubbles: true, composed: true, detail }));
    };
    const moves = { ArrowRight: (i, n) => (i + 1) % n, ArrowLeft: (i, n) => (i + n - 1) % n, Home: () => 0, End: (i, n) => n - 1 };
    for (const tab of tabs) {
      tab.addEventListener("click", () => open(tab), { signal: events.signal });
      tab.addEventListener(
        "keydown",
        (event) => {
          const move = moves[event.key];
          if (!move || event.altKey || event.ctrlKey || event.metaKey) {
            return;
          }
          event.preventDefault();
          const target = tabs[move(Math.max(tabs.indexOf(selected()), 0), tabs.length)];
          open(target);
          target.focus();
        },
        { signal: events.signal },
      );
    }
    return () => {
      events.abort();
      return chosen;
    };
  };

  // How a snippet's widget was pre-rendered, from its mount point.
  const renderedAs = (mountPoint) => ({
    contentHash: mountPoint.dataset.contentHash,
    lang: mountPoint.dataset.lang,
    headingLevel: Number(mountPoint.dataset.headingLevel),
  });

  // The catalog that leads from a drug code to its monograph, when the
  // element names none: the one a site built by the content tools
  // publishes at its root.
  const DEFAULT_CATALOG = "/content/index.json";

  // Only read here: the widget itself clamps the level to 1..6.
  const headingLevel = (value) => {
    const level = Number.parseInt(value ?? "", 10);
    return Number.isNaN(level) ? undefined : level;
  };

  // The address of the document an element's widget loads first: its
  // monograph, or for a drug code (without src) the catalog; "" for none.
  const firstDocument = (element) => {
    const src = element.getAttribute("src");
    if (src) {
      return resolve(src);
    }
    const code = ["rxcui", "ndc"].some((name) => element.getAttribute(name)?.trim());
    return code ? resolve(element.getAttribute("catalog") || DEFAULT_CATALOG) : "";
  };

  // Whether `url` (resolved) is an address; the wasm reports one that is not.
  const isUrl = (url) => {
    try {
      return Boolean(new URL(url));
    } catch {
      return false;
    }
  };

  // The address against the page. One that cannot be a URL (`http://[`)
  // is passed as written: the widget reports it as its own error.
  const resolve = (src) => {
    try {
      return new URL(src, document.baseURI).href;
    } catch {
      return src;
    }
  };

  // The language of the nearest element that sets one, looking up through
  // the shadow roots around the element (another component's, say).
  const languageOf = (element) => {
    for (let node = element; node; node = node.parentNode ?? node.host) {
      if (node.nodeType === Node.ELEMENT_NODE && node.hasAttribute("lang")) {
        return node.lang || undefined;
      }
    }
    return undefined;
  };

  const errorEvent = (kind, message) =>
    new CustomEvent("drug-monograph-error", { bubbles: true, composed: true, detail: { kind, message } });

  // Attributes that name another monograph: changing one loads it.
  const RELOADING = ["src", "rxcui", "ndc", "catalog"];

  class DrugMonograph extends HTMLElement {
    static observedAttributes = ["src", "tab", "lang", "heading-level", "rxcui", "ndc", "catalog"];
    static [OURS] = true;

    static {
      // A crash shows up where the wasm was entered: in a call from here
      // (caught there), or in a callback of the browser's (a task, an
      // event, a promise), reported to the window. That report may come
      // while the wasm is running (a host's listener throwing inside an
      // event the widget dispatched), so the instance is asked once the
      // running script is over.
      const onError = (error) =>
        queueMicrotask(() => {
          if (coreDied()) {
            DrugMonograph.#restartCore(error);
          }
        });
      addEventListener("error", (event) => onError(event.error ?? event.message));
      addEventListener("unhandledrejection", (event) => onError(event.reason));
    }

    // Starts a fresh instance and every live element on it. The element
    // that was loading alone when the instance crashed, or whose own call
    // into it trapped (`culprit`), shows the crash instead; when several
    // were loading, they start again one by one.
    static #restartCore(error, culprit) {
      core = null;
      current = null;
      console.error(`drug-monograph: the widget crashed (${error}); starting it again`);
      const busy = culprit ? [culprit] : [...live].filter((element) => element.#loading);
      let givingUp = false;
      if (busy.length !== 1) {
        const now = Date.now();
        restarts = [...restarts.filter((at) => now - at < RESTART_WINDOW_MS), now];
        givingUp = restarts.length > RESTART_LIMIT;
      }
      if (givingUp) {
        suspects.length = 0;
      }
      for (const element of live) {
        if (givingUp || (busy.length === 1 && busy[0] === element)) {
          element.#crash(error, givingUp);
        } else if (busy.length > 1 && busy.includes(element)) {
          element.#suspend();
        } else if (!suspects.includes(element)) {
          element.#restart();
        }
      }
      DrugMonograph.#startNextSuspect();
    }

    // Starts the next suspect once no other element is starting or loading.
    static #startNextSuspect() {
      if (suspects.length > 0 && ![...live].some((element) => element.#starting || element.#loading)) {
        suspects.shift().#restart();
      }
    }

    #widget = null;
    #mountPoint = null;
    // An update is queued for this task's attribute changes.
    #updating = false;
    // Bumped on every start, crash and disconnect, so a wasm load that
    // finishes after the element was removed, or started again, mounts
    // nothing.
    #generation = 0;
    // Waiting for the wasm to mount its widget.
    #starting = false;
    // What crashed the instance while this element was loading alone.
    #crashedBy = null;
    // The tab the patient opened in the snippet before the widget ran,
    // until the page sets `tab` itself.
    #chosenTab = undefined;

    constructor() {
      super();
      // `data-dm-state` says where the element is: "loading" until its
      // monograph is shown ("loaded") or cannot be ("failed"). A host
      // reserves the monograph's height while it loads through
      // --dm-loading-min-height (widget.css reads it on the element), and
      // before the script and the stylesheet are in with a rule of its own
      // (see the README).
      const settle = (state) => () => {
        this.dataset.dmState = state;
        // After the event, not inside it: it may be dispatched from the wasm.
        queueMicrotask(() => DrugMonograph.#startNextSuspect());
      };
      this.addEventListener("drug-monograph-load", settle("loaded"));
      this.addEventListener("drug-monograph-error", settle("failed"));
    }

    // The attributes as properties, for frameworks that set those.
    get src() {
      return this.getAttribute("src") ?? "";
    }
    set src(value) {
      this.#setAttribute("src", value);
    }
    get tab() {
      return this.getAttribute("tab") ?? "";
    }
    set tab(value) {
      this.#setAttribute("tab", value);
    }
    get headingLevel() {
      return headingLevel(this.getAttribute("heading-level")) ?? 1;
    }
    set headingLevel(value) {
      this.#setAttribute("heading-level", value);
    }
    get rxcui() {
      return this.getAttribute("rxcui") ?? "";
    }
    set rxcui(value) {
      this.#setAttribute("rxcui", value);
    }
    get ndc() {
      return this.getAttribute("ndc") ?? "";
    }
    set ndc(value) {
      this.#setAttribute("ndc", value);
    }
    get catalog() {
      return this.getAttribute("catalog") ?? "";
    }
    set catalog(value) {
      this.#setAttribute("catalog", value);
    }

    // null or undefined removes the attribute.
    #setAttribute(name, value) {
      if (value == null) {
        this.removeAttribute(name);
      } else {
        this.setAttribute(name, String(value));
      }
    }

    // A widget that has not shown its monograph or its error yet.
    get #loading() {
      return this.#widget !== null && this.dataset.dmState === "loading";
    }

    connectedCallback() {
      // A property a script set before the element was defined hides the
      // class's: set it again through the class.
      for (const name of ["src", "tab", "headingLevel", "rxcui", "ndc", "catalog"]) {
        if (Object.hasOwn(this, name)) {
          const value = this[name];
          delete this[name];
          this[name] = value;
        }
      }
      live.add(this);
      this.#crashedBy = null;
      this.#unsuspect();
      this.#start();
    }

    #start() {
      const generation = ++this.#generation;
      // A snippet's widget is hydrated instead of rendered anew.
      const rendered = prerenderedRoot(this);
      if (!this.shadowRoot) {
        const shadow = this.attachShadow({ mode: "open" });
        const stylesheet = document.createElement("link");
        stylesheet.rel = "stylesheet";
        stylesheet.href = STYLESHEET_URL;
        shadow.append(stylesheet);
      }
      this.dataset.dmState = rendered ? "loaded" : "loading";
      const mountPoint = rendered ?? this.#freshMountPoint();
      this.#mountPoint = mountPoint;
      this.#starting = true;

      const stopEarlyTabs = rendered ? earlyTabs(this, rendered) : () => undefined;
      // The file is fetched while the wasm loads, not after it: a
      // snippet's by the loader itself (see hydrate), any other by a
      // request the wasm takes over; a code lookup's catalog too.
      const config = this.#config();
      const body = rendered && config.src ? fetchText(config.src) : Promise.resolve(undefined);
      const url = rendered ? "" : firstDocument(this);
      if (url) {
        requestEarly(url, this);
      }
      // A wasm that fails to load and a mount that throws are both a
      // failed start-up, so the catch comes after the mount.
      Promise.all([loadCore(), body])
        .then(([module, text]) => {
          // From here the widget handles the tabs, in the same task: no key is lost.
          this.#chosenTab = stopEarlyTabs() ?? this.#chosenTab;
          if (generation !== this.#generation) {
            return;
          }
          this.#starting = false;
          try {
            this.#widget =
              rendered && module.hydrate
                ? module.hydrate(mountPoint, this, this.#config(), renderedAs(rendered), text)
                : module.mount(mountPoint, this, this.#config());
          } catch (error) {
            if (!coreDied()) {
              throw error;
            }
            DrugMonograph.#restartCore(error, this);
          }
        })
        .catch((error) => {
          stopEarlyTabs();
          if (generation !== this.#generation) {
            return;
          }
          this.#starting = false;
          if (rendered) {
            // The pre-rendered text stays, shown as a document: every
            // section under its heading, no tabs that cannot work.
            mountPoint.classList.add("dm-document");
          } else {
            mountPoint.textContent = STARTUP_FAILED;
            mountPoint.setAttribute("role", "alert");
          }
          const detail = crossOrigin ? `${error} (${CROSS_ORIGIN_HINT})` : String(error);
          this.dispatchEvent(errorEvent("startup", detail));
        });
    }

    // An empty mount point in place of the one before. The widget of a
    // crashed instance is dropped, not freed: nothing may call into it.
    #freshMountPoint() {
      this.#widget = null;
      this.#mountPoint?.remove();
      const mountPoint = document.createElement("div");
      mountPoint.className = "dm-root";
      this.shadowRoot.append(mountPoint);
      this.#mountPoint = mountPoint;
      return mountPoint;
    }

    // Starts again on the fresh instance.
    #restart() {
      this.#freshMountPoint();
      this.#start();
    }

    // Waits for its turn to start again alone (see #restartCore).
    #suspend() {
      this.#generation++;
      this.#starting = false;
      this.#freshMountPoint();
      this.dataset.dmState = "loading";
      suspects.push(this);
    }

    #unsuspect() {
      const at = suspects.indexOf(this);
      if (at >= 0) {
        suspects.splice(at, 1);
      }
    }

    // Shows that its widget crashed the instance, in its interface
    // language (from the fresh instance; the crashed one cannot be asked),
    // then sends the error. When restarts stop (`givingUp`), no fresh
    // instance is started: the message the crash left stays, or the
    // start-up one is shown.
    #crash(error, givingUp) {
      const generation = ++this.#generation;
      this.#starting = false;
      this.#crashedBy = error;
      const before = this.#mountPoint;
      const mountPoint = this.#freshMountPoint();
      mountPoint.setAttribute("role", "alert");
      const show = (message) => {
        if (generation === this.#generation) {
          mountPoint.textContent = message;
          this.dispatchEvent(errorEvent("crash", String(error)));
        }
      };
      if (givingUp) {
        show(before?.getAttribute("role") === "alert" ? before.textContent : STARTUP_FAILED);
      } else {
        loadCore()
          .then((module) => show(module.crashMessage(this.#config().lang)))
          .catch(() => show(STARTUP_FAILED));
      }
    }

    disconnectedCallback() {
      live.delete(this);
      this.#unsuspect();
      this.#generation++;
      this.#starting = false;
      this.#crashedBy = null;
      const widget = this.#widget;
      this.#widget = null;
      this.#mountPoint?.remove();
      this.#mountPoint = null;
      if (widget) {
        try {
          widget.destroy();
          widget.free();
        } catch (error) {
          if (!coreDied()) {
            throw error;
          }
          DrugMonograph.#restartCore(error);
        }
      }
      queueMicrotask(() => DrugMonograph.#startNextSuspect());
    }

    attributeChangedCallback(name, before, after) {
      if (name === "tab") {
        // The page's choice from now on.
        this.#chosenTab = undefined;
      }
      const reloads = RELOADING.includes(name) && before !== after;
      if (this.#crashedBy) {
        // Another monograph is a new chance.
        if (reloads) {
          this.#crashedBy = null;
          this.#restart();
        }
        return;
      }
      if (!this.#widget) {
        return;
      }
      if (reloads) {
        this.dataset.dmState = "loading";
      }
      // Attributes a script sets together (an ndc for an rxcui) arrive as
      // one change, so no state in between is ever loaded.
      if (!this.#updating) {
        this.#updating = true;
        queueMicrotask(() => this.#update());
      }
    }

    #update() {
      this.#updating = false;
      if (!this.#widget) {
        return;
      }
      try {
        this.#widget.update(this.#config());
      } catch (error) {
        if (!coreDied()) {
          throw error;
        }
        DrugMonograph.#restartCore(error, this);
      }
    }

    #config() {
      const src = this.getAttribute("src");
      return {
        // Resolved here, against the page, not against the script.
        src: src ? resolve(src) : "",
        tab: this.#chosenTab ?? this.getAttribute("tab") ?? undefined,
        lang: languageOf(this),
        headingLevel: headingLevel(this.getAttribute("heading-level")),
        rxcui: this.getAttribute("rxcui") ?? undefined,
        ndc: this.getAttribute("ndc") ?? undefined,
        catalog: resolve(this.getAttribute("catalog") || DEFAULT_CATALOG),
      };
    }
  }

  customElements.define(TAG, DrugMonograph);
})();
