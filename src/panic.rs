//! A panic must never leave a frozen, half-drawn widget: the hook logs it
//! for the web team and replaces every widget with a plain message.

use crate::strings::ENGLISH;
use std::sync::Once;

/// Attribute that marks elements the widget renders into.
pub const ROOT_ATTRIBUTE: &str = "data-drug-monograph-root";

pub fn install() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // Through Yew, so that its renderer does not replace this hook.
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("drug-monograph: {info}").into());
            show_crash_message();
        }));
    });
}

fn show_crash_message() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(roots) = document.query_selector_all(&format!("[{ROOT_ATTRIBUTE}]")) else {
        return;
    };
    for index in 0..roots.length() {
        let Some(root) = roots.item(index) else {
            continue;
        };
        root.set_text_content(Some(ENGLISH.crashed));
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(root) {
            let _ = element.set_attribute("role", "alert");
        }
    }
}
