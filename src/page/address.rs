//! The page's address: where its route lives, and the base that catalog
//! entries and the take-home link are resolved against.

use super::route::Route;
use super::settings::PageSettings;
use wasm_bindgen::JsValue;

fn location() -> Option<web_sys::Location> {
    Some(web_sys::window()?.location())
}

/// The route the address names now.
pub fn route() -> Route {
    let hash = location().and_then(|l| l.hash().ok());
    Route::parse(&hash.unwrap_or_default())
}

/// Shows `route` in the address without a history entry (and without a
/// `hashchange`), so Back leaves a monograph rather than stepping through
/// its tabs.
pub fn replace(route: &Route) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        // Refused only in sandboxed documents; the tab still opens.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&route.to_hash()));
    }
}

/// Goes to `route` as a link would: a history entry, and a `hashchange`
/// that brings the route to the page.
pub fn go_to(route: &Route) {
    if let Some(location) = location() {
        let _ = location.set_hash(&route.to_hash());
    }
}

/// The whole address, printed under a monograph.
pub fn href() -> String {
    location().and_then(|l| l.href().ok()).unwrap_or_default()
}

/// Resolves `relative` against `base` (itself resolved against the page).
pub fn resolve(relative: &str, base: &str) -> Option<String> {
    let document_base = web_sys::window()?.document()?.base_uri().ok()??;
    let base = web_sys::Url::new_with_base(base, &document_base).ok()?;
    Some(
        web_sys::Url::new_with_base(relative, &base.href())
            .ok()?
            .href(),
    )
}

/// The address of the standalone page, for sharing: the configured base,
/// or this page's own address without its query and route.
pub fn share_base(settings: &PageSettings) -> Option<String> {
    settings
        .share_base
        .clone()
        .or_else(|| resolve("index.html", ""))
}
