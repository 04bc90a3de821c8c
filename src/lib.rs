//! A patient-education drug monograph widget: loads one monograph JSON and
//! shows it as accessible tabbed panels, with the disclaimer always in view.

pub mod components;
pub mod error;
pub mod events;
mod fetch;
pub mod hooks;
#[cfg(feature = "page")]
pub mod page;
mod panic;
pub mod reading;
pub mod strings;

/// The data model the widget shows, from its own crate (shared with the
/// content tools).
pub use monograph_model as model;

use components::{HeadingLevel, MonographApp, MonographAppProps};
use events::WidgetEvent;
use serde::Deserialize;
use strings::Strings;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, BaseComponent, Callback};

/// What the page asks of a widget; the embed element maps its attributes here.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Config {
    src: String,
    tab: Option<String>,
    lang: Option<String>,
    /// Any number the page wrote; `HeadingLevel::new` makes it 1 to 6.
    heading_level: Option<f64>,
}

impl Config {
    fn from_js(config: JsValue) -> Result<Config, JsError> {
        serde_wasm_bindgen::from_value(config).map_err(|e| JsError::new(&e.to_string()))
    }

    fn into_props(self, events: web_sys::EventTarget) -> MonographAppProps {
        MonographAppProps {
            src: self.src.into(),
            tab: self.tab.as_deref().and_then(model::Section::from_slug),
            heading_level: self
                .heading_level
                .map(HeadingLevel::new)
                .unwrap_or_default(),
            strings: strings::for_language(self.lang.as_deref().unwrap_or_default()),
            onevent: Callback::from(move |event: WidgetEvent| event.dispatch(&events)),
        }
    }
}

/// A Yew app rendered into an element, which the crash message replaces
/// while the app is mounted.
struct Mounted<C: BaseComponent> {
    app: Option<AppHandle<C>>,
    root: web_sys::Element,
}

impl<C: BaseComponent> Mounted<C> {
    /// Renders `C` into `root`; a crash shows its message in `strings`.
    fn render(root: web_sys::Element, props: C::Properties, strings: &'static Strings) -> Self {
        panic::install();
        panic::remember_root(&root, strings);
        let app = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
        Mounted {
            app: Some(app),
            root,
        }
    }

    /// Re-renders with new props; a crash then speaks their language.
    fn update(&mut self, props: C::Properties, strings: &'static Strings) {
        if let Some(app) = self.app.as_mut() {
            panic::remember_root(&self.root, strings);
            app.update(props);
        }
    }

    /// Unmounts the app and frees its memory; calling it twice is harmless.
    fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            panic::forget_root(&self.root);
        }
    }
}

/// A mounted widget, returned to JavaScript so the page can update or
/// tear it down.
#[wasm_bindgen]
pub struct Widget {
    mounted: Mounted<MonographApp>,
    events: web_sys::EventTarget,
}

#[wasm_bindgen]
impl Widget {
    /// Applies a new configuration (see [`mount`]); the widget re-renders
    /// and reloads only when `src` changed.
    pub fn update(&mut self, config: JsValue) -> Result<(), JsError> {
        let props = Config::from_js(config)?.into_props(self.events.clone());
        let strings = props.strings;
        self.mounted.update(props, strings);
        Ok(())
    }

    /// Unmounts the widget and frees its memory; calling it twice is harmless.
    pub fn destroy(&mut self) {
        self.mounted.destroy();
    }
}

/// Renders a monograph into `root` and dispatches the widget's events on
/// `events`. `config` is `{ src, tab?, lang?, headingLevel? }`: the
/// monograph address, the tab to open, the interface language, and the
/// title's heading level (1 to 6; other numbers are clamped).
#[wasm_bindgen]
pub fn mount(
    root: web_sys::Element,
    events: web_sys::EventTarget,
    config: JsValue,
) -> Result<Widget, JsError> {
    let props = Config::from_js(config)?.into_props(events.clone());
    let strings = props.strings;
    Ok(Widget {
        mounted: Mounted::render(root, props, strings),
        events,
    })
}

/// The standalone page or kiosk, mounted by its start-up script.
#[cfg(feature = "page")]
#[wasm_bindgen]
pub struct Page {
    mounted: Mounted<page::PageApp>,
}

#[cfg(feature = "page")]
#[wasm_bindgen]
impl Page {
    /// Unmounts the page app; calling it twice is harmless.
    pub fn destroy(&mut self) {
        self.mounted.destroy();
    }
}

/// Renders the catalog page into `root`. `catalog` is the catalog's
/// address; `kiosk` turns the kiosk on (as `?kiosk` in the address does),
/// and the address's `idle`, `countdown` and `share` tune it.
#[cfg(feature = "page")]
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(root: web_sys::Element, catalog: String, kiosk: bool) -> Page {
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let props = page::PageAppProps {
        catalog: catalog.into(),
        settings: page::PageSettings::from_query(&query, kiosk),
    };
    Page {
        mounted: Mounted::render(root, props, &strings::ENGLISH),
    }
}
