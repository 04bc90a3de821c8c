// Starts the standalone page and the kiosk. The catalog and monograph pages
// are pre-rendered (their #app says what it shows in data-view) and are
// hydrated; the kiosk (kiosk.html marks its <body> with data-kiosk, and
// `?kiosk` in the address does the same) is rendered here.
import * as firstInstance from "./app/drug-monograph-page.js";

// The wasm instance in use; replaced by a fresh one after a crash.
let app = firstInstance;
let root = document.getElementById("app");
// The page as it arrived, to start again from after a crash.
const pristine = root.cloneNode(true);
const kiosk = "kiosk" in document.body.dataset || new URLSearchParams(location.search).has("kiosk");
const view = kiosk ? undefined : root.dataset.view;
const LOAD_FAILED =
  "This medicine information could not be loaded. Please check your connection and reload the page.";

// The catalog used to show monographs at index.html#/<id>/<tab>: such an
// address leads to the monograph's own page, open on that tab, when the
// catalog lists it.
const oldAddress = view === "catalog" && /^#\/([a-z0-9-]+)(?:\/([a-z-]+))?\/?$/.exec(location.hash);
const movedTo = oldAddress && root.querySelector(`a.page-result[href$="/${oldAddress[1]}/"]`);
// A monograph's tabs work from the moment this script runs, long before
// the wasm has arrived to take the page over (see earlyTabs).
const stopEarlyTabs = view === "monograph" ? earlyTabs(root) : () => {};
if (movedTo) {
  location.replace(movedTo.href + (oldAddress[2] ? `#${oldAddress[2]}` : ""));
} else {
  await start();
  watchForCrashes();
}

// The pre-rendered tabs, until the app hydrates them: the WAI-ARIA tabs
// pattern as src/components/tab_list.rs has it (Left and Right wrap, Home
// and End; the tab takes focus and opens; a click opens it), and the
// address names the open tab, as the app's own switches do, so the app
// hydrates on that tab. Returns what stops it.
function earlyTabs(page) {
  const tabs = [...page.querySelectorAll('[role="tablist"] > [role="tab"]')];
  const events = new AbortController();
  const open = (tab) => {
    for (const each of tabs) {
      const selected = each === tab;
      each.setAttribute("aria-selected", String(selected));
      each.setAttribute("tabindex", selected ? "0" : "-1");
      each.setAttribute("part", selected ? "tab selected-tab" : "tab");
      document.getElementById(each.getAttribute("aria-controls"))?.toggleAttribute("hidden", !selected);
    }
    history.replaceState(null, "", `#${tab.id.replace(/^dm-tab-/, "")}`);
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
        const current = tabs.findIndex((each) => each.getAttribute("aria-selected") === "true");
        const target = tabs[move(Math.max(current, 0), tabs.length)];
        open(target);
        target.focus();
      },
      { signal: events.signal },
    );
  }
  return () => events.abort();
}

async function start() {
  if (view) {
    await hydrate();
  } else {
    await mount();
  }
}

// If the wasm instance dies (a trap, which a panic ends in too, or an
// exception thrown through it: see src/health.rs), a fresh instance
// starts the page again from the HTML it arrived with, so a kiosk recovers
// without anyone reloading it. The crash is noticed where the browser
// reports it, and the instance asked once the running script is over. A
// crash that keeps coming back (more than three times in 30 seconds) is
// left on screen.
function watchForCrashes() {
  let restarts = [];
  let instances = 1;
  let starting = false;
  const died = () => {
    try {
      return !app.healthy();
    } catch {
      return true;
    }
  };
  const onError = (error) =>
    queueMicrotask(async () => {
      if (starting || !died()) {
        return;
      }
      const now = Date.now();
      restarts = [...restarts.filter((at) => now - at < 30_000), now];
      if (restarts.length > 3) {
        console.error("drug-monograph: the page keeps crashing", error);
        return;
      }
      console.error(`drug-monograph: the page crashed (${error}); starting it again`);
      starting = true;
      try {
        // The same module URL would give back the crashed instance.
        app = await import(`./app/drug-monograph-page.js?instance=${instances++}`);
        const fresh = pristine.cloneNode(true);
        root.replaceWith(fresh);
        root = fresh;
        await start();
      } finally {
        starting = false;
      }
    });
  addEventListener("error", (event) => onError(event.error ?? event.message));
  addEventListener("unhandledrejection", (event) => onError(event.reason));
}

// The file the page was rendered from is fetched while the wasm loads.
async function hydrate() {
  const file = view === "monograph" ? root.dataset.src : root.dataset.catalog;
  const body = fetch(file)
    .then((response) => (response.ok ? response.text() : undefined))
    .catch(() => undefined);
  try {
    await app.default();
    // The first answer is the measure of the later ones (see watchForCrashes).
    app.healthy();
    const rendered = { view, contentHash: root.dataset.contentHash, src: root.dataset.src ?? "" };
    const text = await body;
    // From here the app handles the tabs, in the same task: no key is lost.
    stopEarlyTabs();
    app.hydratePage(root, root.dataset.catalog, rendered, text);
  } catch (error) {
    // The pre-rendered page is complete without the wasm: it stays, shown
    // as a document (every section under its heading, no controls that
    // need scripts).
    console.warn("drug-monograph: the page stays as pre-rendered", error);
    document.documentElement.classList.add("dm-document");
  }
}

async function mount() {
  if (kiosk && "serviceWorker" in navigator) {
    // The kiosk must keep working when the network drops.
    navigator.serviceWorker.register("sw.js").catch((error) => {
      console.warn("drug-monograph: offline copy unavailable", error);
    });
  }
  try {
    await app.default();
    app.healthy();
    app.mountPage(root, root.dataset.catalog, kiosk);
  } catch (error) {
    console.error("drug-monograph: the page could not start", error);
    root.textContent = LOAD_FAILED;
    root.setAttribute("role", "alert");
  }
}
