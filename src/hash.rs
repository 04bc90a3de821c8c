//! The page address names the open tab (`#dosage`), so a shared link or a
//! reload opens the same tab.

use crate::tab::Tab;
use wasm_bindgen::JsValue;

/// The tab named by the current address, if any.
pub fn current_tab() -> Option<Tab> {
    let hash = web_sys::window()?.location().hash().ok()?;
    Tab::from_slug(hash.trim_start_matches('#'))
}

/// Records the open tab in the address without adding a history entry:
/// switching tabs should not make Back step through every tab.
pub fn show_tab(tab: Tab) {
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else {
        return;
    };
    // Browsers refuse this only for sandboxed documents; the tab still opens.
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{}", tab.slug())));
}
