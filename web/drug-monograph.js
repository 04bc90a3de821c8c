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
  if (!("customElements" in window) || customElements.get(TAG)) {
    return;
  }

  // currentScript is set while a classic script runs, deferred or async.
  const scriptUrl =
    document.currentScript?.src ??
    [...document.scripts].map((s) => s.src).find((src) => /\/drug-monograph\.js(?:[?#]|$)/.test(src));
  const base = new URL(".", scriptUrl ?? document.baseURI);
  const CORE_URL = new URL("drug-monograph-core.js", base).href;
  // The same widget built to hydrate pre-rendered snippets too; larger, so
  // it is loaded only for a page that has one.
  const HYDRATING_CORE_URL = new URL("drug-monograph-hydrate.js", base).href;
  const STYLESHEET_URL = new URL("widget.css", base).href;

  // The only interface text outside the wasm: shown when the wasm itself
  // cannot be loaded, so it cannot come from there.
  const STARTUP_FAILED =
    "This medicine information could not be loaded. Please check your connection and reload the page.";

  // A snippet's element arrives with its widget pre-rendered in a
  // declarative shadow root.
  const prerenderedRoot = (element) => element.shadowRoot?.querySelector(".dm-root[data-content-hash]");

  // One download and one instance of the wasm for every element on the
  // page: the hydrating build when the page has a snippet when the first
  // element starts (a snippet found later by the plain build is rendered
  // afresh).
  let core = null;
  const loadCore = () =>
    (core ??= import(
      [...document.getElementsByTagName(TAG)].some(prerenderedRoot) ? HYDRATING_CORE_URL : CORE_URL
    )
      .then(async (module) => {
        await module.default();
        return module;
      })
      .catch((error) => {
        // Let an element added later try again, once the network is back.
        core = null;
        throw error;
      }));

  // The file's text, or undefined when it cannot be had: the widget then
  // renders afresh and reports why itself.
  const fetchText = (url) =>
    fetch(url)
      .then((response) => (response.ok ? response.text() : undefined))
      .catch(() => undefined);

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

  // Attributes that name another monograph: changing one loads it.
  const RELOADING = ["src", "rxcui", "ndc", "catalog"];

  class DrugMonograph extends HTMLElement {
    static observedAttributes = ["src", "tab", "lang", "heading-level", "rxcui", "ndc", "catalog"];

    #widget = null;
    #mountPoint = null;
    // An update is queued for this task's attribute changes.
    #updating = false;
    // Bumped on every connect and disconnect, so a wasm load that finishes
    // after the element was removed mounts nothing.
    #generation = 0;

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
      };
      this.addEventListener("drug-monograph-load", settle("loaded"));
      this.addEventListener("drug-monograph-error", settle("failed"));
    }

    connectedCallback() {
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
      const mountPoint = rendered ?? document.createElement("div");
      if (!rendered) {
        this.shadowRoot.append(mountPoint);
      }
      this.#mountPoint = mountPoint;

      // The file is fetched while the wasm loads, not after it.
      const config = this.#config();
      const body = rendered && config.src ? fetchText(config.src) : Promise.resolve(undefined);
      // A wasm that fails to load and a mount that throws are both a
      // failed start-up, so the catch comes after the mount.
      Promise.all([loadCore(), body])
        .then(([module, text]) => {
          if (generation !== this.#generation) {
            return;
          }
          this.#widget =
            rendered && module.hydrate
              ? module.hydrate(mountPoint, this, this.#config(), renderedAs(rendered), text)
              : module.mount(mountPoint, this, this.#config());
        })
        .catch((error) => {
          if (generation !== this.#generation) {
            return;
          }
          if (rendered) {
            // The pre-rendered text stays, shown as a document: every
            // section under its heading, no tabs that cannot work.
            mountPoint.classList.add("dm-document");
          } else {
            mountPoint.textContent = STARTUP_FAILED;
            mountPoint.setAttribute("role", "alert");
          }
          this.dispatchEvent(
            new CustomEvent("drug-monograph-error", {
              bubbles: true,
              composed: true,
              detail: { kind: "startup", message: String(error) },
            }),
          );
        });
    }

    disconnectedCallback() {
      this.#generation++;
      if (this.#widget) {
        this.#widget.destroy();
        this.#widget.free();
        this.#widget = null;
      }
      this.#mountPoint?.remove();
      this.#mountPoint = null;
    }

    attributeChangedCallback(name, before, after) {
      // A new monograph to load: another address, code or catalog.
      if (RELOADING.includes(name) && before !== after && this.#widget) {
        this.dataset.dmState = "loading";
      }
      // Attributes a script sets together (an ndc for an rxcui) arrive as
      // one change, so no state in between is ever loaded.
      if (this.#widget && !this.#updating) {
        this.#updating = true;
        queueMicrotask(() => {
          this.#updating = false;
          this.#widget?.update(this.#config());
        });
      }
    }

    #config() {
      const src = this.getAttribute("src");
      return {
        // Resolved here, against the page, not against the script.
        src: src ? new URL(src, document.baseURI).href : "",
        tab: this.getAttribute("tab") ?? undefined,
        lang: this.closest("[lang]")?.lang || undefined,
        headingLevel: headingLevel(this.getAttribute("heading-level")),
        rxcui: this.getAttribute("rxcui") ?? undefined,
        ndc: this.getAttribute("ndc") ?? undefined,
        catalog: new URL(this.getAttribute("catalog") || DEFAULT_CATALOG, document.baseURI).href,
      };
    }
  }

  customElements.define(TAG, DrugMonograph);
})();
