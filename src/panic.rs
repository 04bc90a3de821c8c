//! A panic must never leave a frozen, half-drawn widget: the hook logs it
//! for the web team and replaces every widget with a plain message. The
//! embed's loader then starts a fresh instance (see `health`).

use crate::strings::Strings;
use std::cell::{Cell, RefCell};
use std::sync::Once;

thread_local! {
    /// Elements the widgets render into. Kept here rather than found by a
    /// selector because most of them sit inside shadow roots.
    static ROOTS: RefCell<Vec<(web_sys::Element, &'static Strings)>> = const { RefCell::new(Vec::new()) };
    static PANICKED: Cell<bool> = const { Cell::new(false) };
}

/// Whether a panic happened in this instance.
pub fn happened() -> bool {
    PANICKED.with(Cell::get)
}

pub fn install() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // Through Yew, so that its renderer does not replace this hook.
        yew::set_custom_panic_hook(Box::new(|info| {
            let _ = PANICKED.try_with(|panicked| panicked.set(true));
            web_sys::console::error_1(&format!("drug-monograph: {info}").into());
            show_crash_message();
        }));
    });
}

/// Registers a widget's element and the language of its crash message, or
/// changes the language of one already registered.
pub fn remember_root(root: &web_sys::Element, strings: &'static Strings) {
    ROOTS.with(|roots| {
        let mut roots = roots.borrow_mut();
        match roots.iter_mut().find(|(known, _)| known == root) {
            Some(known) => known.1 = strings,
            None => roots.push((root.clone(), strings)),
        }
    });
}

pub fn forget_root(root: &web_sys::Element) {
    ROOTS.with(|roots| roots.borrow_mut().retain(|(known, _)| known != root));
}

fn show_crash_message() {
    // `try_with`: during teardown the registry may already be gone.
    let _ = ROOTS.try_with(|roots| {
        let Ok(roots) = roots.try_borrow() else {
            return;
        };
        for (root, strings) in roots.iter() {
            root.set_text_content(Some(strings.crashed));
            let _ = root.set_attribute("role", "alert");
        }
    });
}
