//! The widget in a real browser (headless Chromium through
//! wasm-bindgen-test). The network is replaced by a scripted
//! `window.fetch`, so each test decides exactly what the server answers.
//!
//! `wasm-bindgen-test-runner` finds the tests in the wasm and calls them
//! itself, so this target goes without libtest's harness (`harness = false`
//! in Cargo.toml). With the harness, every dependency of the build would
//! also depend on the `test` crate: where the standard library is built
//! from source (scripts/lib/toolchain.sh), each would then be compiled
//! again for the bundle instead of being shared with it.

#[cfg(target_arch = "wasm32")]
mod support;
#[cfg(target_arch = "wasm32")]
mod widget;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Natively there is nothing to run.
fn main() {}
