//! A patient-education drug monograph widget: loads one monograph JSON and
//! shows it as accessible tabbed panels, with the disclaimer always in view.

pub mod components;
pub mod error;
mod fetch;
mod hash;
pub mod model;
mod panic;
pub mod strings;
pub mod tab;

use components::{MonographApp, MonographAppProps};
use wasm_bindgen::prelude::*;
use yew::AppHandle;

/// A mounted widget, returned to JavaScript so the page can tear it down.
#[wasm_bindgen]
pub struct Widget {
    app: Option<AppHandle<MonographApp>>,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the widget and frees its memory; calling it twice is harmless.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Renders the monograph at `src` into `root`. With `sync_hash`, the open
/// tab follows the page address (`#dosage`).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, src: String, sync_hash: bool) -> Widget {
    panic::install();
    // Marks the element so the panic hook can replace a dead widget.
    let _ = root.set_attribute(panic::ROOT_ATTRIBUTE, "");
    let props = MonographAppProps {
        src: src.into(),
        sync_hash,
        heading_level: 1,
    };
    let app = yew::Renderer::<MonographApp>::with_root_and_props(root, props).render();
    Widget { app: Some(app) }
}
