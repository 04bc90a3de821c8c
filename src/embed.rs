//! The embed's entry points, called by the `<drug-monograph>` loader
//! (`web/drug-monograph.js`): render a widget into an element, or hydrate
//! the widget a snippet pre-rendered there.

use crate::components::{
    HeadingLevel, MonographApp, MonographAppProps, MonographByCode, MonographByCodeProps,
    PRERENDERED_ID_PREFIX,
};
use crate::events::WidgetEvent;
use crate::js_value;
use crate::model::{self, DrugCode, Monograph};
use crate::mounted::Mounted;
use crate::strings;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::Callback;

/// What the page asks of a widget; the embed element maps its attributes here.
#[derive(Default)]
struct Config {
    src: String,
    tab: Option<String>,
    lang: Option<String>,
    /// Any number the page wrote; `HeadingLevel::new` makes it 1 to 6.
    heading_level: Option<f64>,
    /// A drug code to find the monograph by, in `catalog`, when there is
    /// no `src`.
    rxcui: Option<String>,
    ndc: Option<String>,
    catalog: String,
}

impl Config {
    /// Reads `{ src, tab?, lang?, headingLevel?, rxcui?, ndc?, catalog? }`
    /// (see [`mount`]); what is missing or of another type is left out.
    fn from_js(config: &JsValue) -> Config {
        Config {
            src: js_value::text(config, "src").unwrap_or_default(),
            tab: js_value::text(config, "tab"),
            lang: js_value::text(config, "lang"),
            heading_level: js_value::number(config, "headingLevel"),
            rxcui: js_value::text(config, "rxcui"),
            ndc: js_value::text(config, "ndc"),
            catalog: js_value::text(config, "catalog").unwrap_or_default(),
        }
    }

    /// The code to find the monograph by: only without `src`, which names
    /// the monograph itself.
    fn code(&self) -> Option<DrugCode> {
        let given = |code: &Option<String>| code.clone().filter(|c| !c.trim().is_empty());
        if !self.src.is_empty() {
            return None;
        }
        given(&self.rxcui)
            .map(DrugCode::Rxcui)
            .or_else(|| given(&self.ndc).map(DrugCode::Ndc))
    }

    /// The props of a widget that finds its monograph by `code`.
    fn into_code_props(self, code: DrugCode, events: web_sys::EventTarget) -> MonographByCodeProps {
        let catalog = self.catalog.clone().into();
        let app = self.into_props(events, None);
        MonographByCodeProps {
            catalog,
            code,
            tab: app.tab,
            heading_level: app.heading_level,
            strings: app.strings,
            onevent: app.onevent,
        }
    }

    /// The widget's props. A hydrated widget keeps the monograph it was
    /// hydrated from, and the ids it was rendered with, through updates.
    fn into_props(
        self,
        events: web_sys::EventTarget,
        hydrated_from: Option<&Rc<Monograph>>,
    ) -> MonographAppProps {
        MonographAppProps {
            src: self.src.into(),
            tab: self.tab.as_deref().and_then(model::Section::from_slug),
            heading_level: self
                .heading_level
                .map(HeadingLevel::new)
                .unwrap_or_default(),
            strings: strings::for_language(self.lang.as_deref().unwrap_or_default()),
            onevent: Callback::from(move |event: WidgetEvent| event.dispatch(&events)),
            preloaded: hydrated_from.cloned(),
            id_prefix: hydrated_from.map(|_| PRERENDERED_ID_PREFIX.into()),
        }
    }
}

/// The app in a widget: a monograph at an address, or one found by its
/// drug code.
enum App {
    Address(Mounted<MonographApp>),
    Code(Mounted<MonographByCode>),
}

/// A mounted widget, returned to JavaScript so the page can update or
/// tear it down.
#[wasm_bindgen]
pub struct Widget {
    app: App,
    root: web_sys::Element,
    events: web_sys::EventTarget,
    /// What the widget was hydrated from.
    hydrated_from: Option<Rc<Monograph>>,
}

impl Widget {
    /// A widget rendered afresh into `root`, loading its monograph itself.
    fn render(root: web_sys::Element, events: web_sys::EventTarget, config: Config) -> Widget {
        Widget {
            app: App::render(root.clone(), events.clone(), config),
            root,
            events,
            hydrated_from: None,
        }
    }
}

impl App {
    fn render(root: web_sys::Element, events: web_sys::EventTarget, config: Config) -> App {
        match config.code() {
            Some(code) => {
                let props = config.into_code_props(code, events);
                let strings = props.strings;
                App::Code(Mounted::render(root, props, strings))
            }
            None => {
                let props = config.into_props(events, None);
                let strings = props.strings;
                App::Address(Mounted::render(root, props, strings))
            }
        }
    }

    fn destroy(&mut self) {
        match self {
            App::Address(mounted) => mounted.destroy(),
            App::Code(mounted) => mounted.destroy(),
        }
    }
}

#[wasm_bindgen]
impl Widget {
    /// Applies a new configuration (see [`mount`]); the widget re-renders
    /// and reloads only when `src` or the code changed.
    pub fn update(&mut self, config: JsValue) {
        let config = Config::from_js(&config);
        let events = self.events.clone();
        match (&mut self.app, config.code()) {
            (App::Address(mounted), None) => {
                let props = config.into_props(events, self.hydrated_from.as_ref());
                let strings = props.strings;
                mounted.update(props, strings);
            }
            (App::Code(mounted), Some(code)) => {
                let props = config.into_code_props(code, events);
                let strings = props.strings;
                mounted.update(props, strings);
            }
            // From an address to a code or back: another app.
            (app, _) => {
                app.destroy();
                *app = App::render(self.root.clone(), events, config);
                self.hydrated_from = None;
            }
        }
    }

    /// Unmounts the widget and frees its memory; calling it twice is harmless.
    pub fn destroy(&mut self) {
        self.app.destroy();
    }
}

/// Renders a monograph into `root` and dispatches the widget's events on
/// `events`. `config` is `{ src, tab?, lang?, headingLevel?, rxcui?, ndc?,
/// catalog? }`: the monograph address, the tab to open, the interface
/// language, the title's heading level (1 to 6; other numbers are clamped),
/// and without `src`, a drug code to find the monograph by in the catalog
/// at `catalog`.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, events: web_sys::EventTarget, config: JsValue) -> Widget {
    Widget::render(root, events, Config::from_js(&config))
}

/// Takes over the request for the document at `url` (a monograph, or the
/// catalog of a code lookup) that the loader started while the wasm
/// loaded, so the file downloads alongside it, not after it: `answer` is
/// what the page's `fetch` gave back, not settled yet, and aborting
/// `controller` cancels it. The `expected` widgets the loader is about to
/// mount for `url` then use it, as they would a request of their own;
/// errors are classified here, the time limit counts from now.
#[wasm_bindgen(js_name = adoptRequest)]
pub fn adopt_request(
    url: &str,
    answer: JsValue,
    controller: web_sys::AbortController,
    expected: u32,
) {
    crate::requests::adopt(url, answer, controller, expected);
}

/// How a snippet's widget was pre-rendered, as its mount point records it
/// (`data-content-hash`, `data-lang`, `data-heading-level`).
#[cfg(feature = "hydration")]
struct Rendered {
    content_hash: String,
    lang: String,
    heading_level: Option<f64>,
}

#[cfg(feature = "hydration")]
impl Rendered {
    fn from_js(rendered: &JsValue) -> Rendered {
        Rendered {
            content_hash: js_value::text(rendered, "contentHash").unwrap_or_default(),
            lang: js_value::text(rendered, "lang").unwrap_or_default(),
            heading_level: js_value::number(rendered, "headingLevel"),
        }
    }
}

/// Takes over the widget a snippet pre-rendered in `root` (see [`mount`]
/// for `events` and `config`). `rendered` is `{ contentHash, lang,
/// headingLevel }` from the mount point; `body` is the text of the file at
/// `src`, fetched by the loader while the wasm loaded.
///
/// The HTML is hydrated only when `body` is the very file it was rendered
/// from, and with the props it was rendered with, so the first render
/// matches it exactly; the page's own configuration (tab, language, heading
/// level) then applies as an ordinary update. Otherwise (a stale snippet,
/// a file that could not be fetched or read) the widget is rendered afresh,
/// as [`mount`] does: the patient sees the current file or why it failed.
#[cfg(feature = "hydration")]
#[wasm_bindgen]
pub fn hydrate(
    root: web_sys::Element,
    events: web_sys::EventTarget,
    config: JsValue,
    rendered: JsValue,
    body: Option<String>,
) -> Widget {
    let config = Config::from_js(&config);
    let rendered = Rendered::from_js(&rendered);
    let monograph = body
        .filter(|body| model::content_hash(body) == rendered.content_hash)
        .and_then(|body| crate::fetch::parse(&config.src, &body, model::validate).ok());
    let Some(monograph) = monograph.map(Rc::new) else {
        return Widget::render(root, events, config);
    };
    let as_rendered = Config {
        src: config.src.clone(),
        tab: None,
        lang: Some(rendered.lang),
        heading_level: rendered.heading_level,
        ..Config::default()
    };
    let props = as_rendered.into_props(events.clone(), Some(&monograph));
    let strings = props.strings;
    let mut mounted = Mounted::hydrate(root.clone(), props, strings);
    let props = config.into_props(events.clone(), Some(&monograph));
    let strings = props.strings;
    mounted.update(props, strings);
    Widget {
        app: App::Address(mounted),
        root,
        events,
        hydrated_from: Some(monograph),
    }
}

/// What an element shows when its widget crashed the instance, in the
/// interface language `lang`. The loader asks the fresh instance it starts,
/// since the crashed one cannot be asked.
#[wasm_bindgen(js_name = crashMessage)]
pub fn crash_message(lang: Option<String>) -> String {
    strings::for_language(lang.as_deref().unwrap_or_default())
        .crashed
        .to_owned()
}
