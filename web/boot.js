// Starts the standalone page and the kiosk: loads the page app's wasm and
// mounts it. kiosk.html marks its <body> with data-kiosk; `?kiosk` in the
// address turns the same page into a kiosk too.
import init, { mountPage } from "./app/drug-monograph-page.js";

const root = document.getElementById("app");
const kiosk = "kiosk" in document.body.dataset || new URLSearchParams(location.search).has("kiosk");
const LOAD_FAILED =
  "This medicine information could not be loaded. Please check your connection and reload the page.";

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
