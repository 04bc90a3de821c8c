  // Beside this module in the package. Written `new URL("…", import.meta.url)`
  // so that bundlers (Vite, webpack 5) copy
  // each file into the build and put its final address here.
  const CORE_URL = new URL("./drug-monograph-core.js", import.meta.url).href;
  const CORE_WASM_URL = new URL("./drug-monograph-core_bg.wasm", import.meta.url).href;
  // The same widget built to hydrate pre-rendered snippets too; larger, so
  // it is loaded only for a page that has one.
  const HYDRATING_CORE_URL = new URL("./drug-monograph-hydrate.js", import.meta.url).href;
  const HYDRATING_CORE_WASM_URL = new URL("./drug-monograph-hydrate_bg.wasm", import.meta.url).href;
  const STYLESHEET_URL = new URL("./widget.css", import.meta.url).href;
