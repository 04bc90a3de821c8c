// Starts the standalone page: loads the wasm, then mounts the widget into
// every element that names a monograph with data-src.
import init, { mount } from "./drug-monograph/@VERSION@/drug-monograph-core.js";

const hosts = document.querySelectorAll("[data-src]");
const LOAD_FAILED =
  "This medicine information could not be loaded. Please check your connection and reload the page.";

try {
  await init();
  for (const host of hosts) {
    mount(host, host, { src: host.dataset.src, syncHash: true });
  }
} catch (error) {
  console.error("drug-monograph: the widget could not start", error);
  for (const host of hosts) {
    host.textContent = LOAD_FAILED;
    host.setAttribute("role", "alert");
  }
}
