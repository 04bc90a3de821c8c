// Starts the standalone page and the kiosk. The catalog and monograph pages
// are pre-rendered (their #app says what it shows in data-view) and are
// hydrated; the kiosk (kiosk.html marks its <body> with data-kiosk, and
// `?kiosk` in the address does the same) is rendered here.
import init, { hydratePage, mountPage } from "./app/drug-monograph-page.js";

const root = document.getElementById("app");
const kiosk = "kiosk" in document.body.dataset || new URLSearchParams(location.search).has("kiosk");
const view = kiosk ? undefined : root.dataset.view;
const LOAD_FAILED =
  "This medicine information could not be loaded. Please check your connection and reload the page.";

// The catalog used to show monographs at index.html#/<id>/<tab>: such an
// address leads to the monograph's own page, open on that tab, when the
// catalog lists it.
const oldAddress = view === "catalog" && /^#\/([a-z0-9-]+)(?:\/([a-z-]+))?\/?$/.exec(location.hash);
const movedTo = oldAddress && root.querySelector(`a.page-result[href$="/${oldAddress[1]}/"]`);
if (movedTo) {
  location.replace(movedTo.href + (oldAddress[2] ? `#${oldAddress[2]}` : ""));
} else if (view) {
  await hydrate();
} else {
  await mount();
}

// The file the page was rendered from is fetched while the wasm loads.
async function hydrate() {
  const file = view === "monograph" ? root.dataset.src : root.dataset.catalog;
  const body = fetch(file)
    .then((response) => (response.ok ? response.text() : undefined))
    .catch(() => undefined);
  try {
    await init();
    const rendered = { view, contentHash: root.dataset.contentHash, src: root.dataset.src ?? "" };
    hydratePage(root, root.dataset.catalog, rendered, await body);
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
    await init();
    mountPage(root, root.dataset.catalog, kiosk);
  } catch (error) {
    console.error("drug-monograph: the page could not start", error);
    root.textContent = LOAD_FAILED;
    root.setAttribute("role", "alert");
  }
}
