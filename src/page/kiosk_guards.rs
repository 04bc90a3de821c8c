//! On a kiosk nobody may leave the page or pull up the browser's menus: no
//! context menu, and links to other sites do nothing.

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Keeps the patient on the page while `kiosk` is on.
#[hook]
pub fn use_kiosk_guards(kiosk: bool) {
    use_effect_with(kiosk, |&kiosk| {
        let guards = kiosk.then(guards).unwrap_or_default();
        move || drop(guards)
    });
}

fn guards() -> Vec<EventListener> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let options = EventListenerOptions::enable_prevent_default();
    let no_menu = EventListener::new_with_options(&document, "contextmenu", options, |event| {
        event.prevent_default();
    });
    let capture = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: false,
    };
    // A middle click (auxclick) would open the link in a new tab.
    let stay = |kind| {
        EventListener::new_with_options(&document, kind, capture, |event| {
            let link = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
            let here = web_sys::window().and_then(|w| w.location().origin().ok());
            if let (Some(link), Some(here)) = (link, here) {
                if link.origin() != here {
                    event.prevent_default();
                }
            }
        })
    };
    vec![no_menu, stay("click"), stay("auxclick")]
}
