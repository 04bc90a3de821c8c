//! What the browser tests drive the widget with: a scripted network in
//! place of `window.fetch`, a widget mounted into a fresh element, and a
//! way to wait for what the browser settles on its own time.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use drug_monograph::{mount, Widget};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Response, ResponseInit};

pub const LENALIDOMIDE: &str = include_str!("../../content/lenalidomide.json");

/// Lenalidomide's tabs, in order: it has every section.
pub const LENALIDOMIDE_TABS: [&str; 6] = [
    "usage",
    "dosage",
    "side-effects",
    "how-it-works",
    "precautions",
    "faqs",
];

/// What the scripted server answers to one request.
pub enum Reply {
    Status(u16, String),
    Body(String),
    NetworkDown,
    /// Held until the test releases it, to observe the loading state.
    Pending(Rc<RefCell<Option<js_sys::Function>>>),
}

/// Replaces `window.fetch` while alive; every request takes the next reply.
pub struct FakeNetwork {
    original: JsValue,
    requests: Rc<RefCell<Vec<String>>>,
    _fetch: Closure<dyn FnMut(JsValue) -> Promise>,
}

impl FakeNetwork {
    pub fn install(replies: Vec<Reply>) -> FakeNetwork {
        let window = web_sys::window().unwrap();
        let original = Reflect::get(&window, &"fetch".into()).unwrap();
        let replies = Rc::new(RefCell::new(VecDeque::from(replies)));
        let requests = Rc::new(RefCell::new(Vec::new()));
        let log = requests.clone();
        let fetch = Closure::new(move |request: JsValue| {
            let url = request
                .dyn_ref::<web_sys::Request>()
                .map(|r| r.url())
                .or_else(|| request.as_string())
                .unwrap_or_default();
            log.borrow_mut().push(url);
            match replies
                .borrow_mut()
                .pop_front()
                .expect("an unexpected request")
            {
                Reply::Status(status, body) => Promise::resolve(&response(status, &body)),
                Reply::Body(body) => Promise::resolve(&response(200, &body)),
                Reply::NetworkDown => {
                    Promise::reject(&js_sys::TypeError::new("Failed to fetch").into())
                }
                Reply::Pending(release) => Promise::new(&mut |resolve, _reject| {
                    *release.borrow_mut() = Some(resolve);
                }),
            }
        });
        Reflect::set(&window, &"fetch".into(), fetch.as_ref()).unwrap();
        FakeNetwork {
            original,
            requests,
            _fetch: fetch,
        }
    }

    pub fn request_count(&self) -> usize {
        self.requests.borrow().len()
    }
}

impl Drop for FakeNetwork {
    fn drop(&mut self) {
        let window = web_sys::window().unwrap();
        Reflect::set(&window, &"fetch".into(), &self.original).unwrap();
    }
}

pub fn response(status: u16, body: &str) -> JsValue {
    let init = ResponseInit::new();
    init.set_status(status);
    Response::new_with_opt_str_and_init(Some(body), &init)
        .unwrap()
        .into()
}

/// The configuration object the embed element passes to `mount`.
pub fn config(src: &str, tab: Option<&str>) -> JsValue {
    let config = js_sys::Object::new();
    Reflect::set(&config, &"src".into(), &src.into()).unwrap();
    if let Some(tab) = tab {
        Reflect::set(&config, &"tab".into(), &tab.into()).unwrap();
    }
    config.into()
}

/// A new element at the end of the document's body.
pub fn fresh_element() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let element = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

/// Gives the browser's event loop turns (fetch and `JSON.parse` settle
/// there) until `condition` holds, within a bound.
pub async fn until(root: &Element, what: &str, condition: impl Fn() -> bool) {
    for _ in 0..500 {
        yew::scheduler::flush().await;
        if condition() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!(
        "timed out waiting until {what}; the element holds: {}",
        root.inner_html()
    );
}

/// A widget mounted into a fresh element, removed again when dropped.
pub struct Mounted {
    pub root: Element,
    pub widget: Widget,
}

impl Mounted {
    pub fn new(src: &str, tab: Option<&str>) -> Mounted {
        Mounted::with_config(config(src, tab))
    }

    pub fn with_config(config: JsValue) -> Mounted {
        let root = fresh_element();
        let widget = mount(root.clone(), root.clone().into(), config);
        Mounted { root, widget }
    }

    pub fn find(&self, selector: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(selector)
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    pub fn get(&self, selector: &str) -> HtmlElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    /// The text of the element `selector` matches.
    pub fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }

    pub fn tab(&self, slug: &str) -> HtmlElement {
        self.get(&format!("[role=tab][id$='-tab-{slug}']"))
    }

    pub fn selected_tab(&self) -> String {
        selected_tab(&self.root).expect("a selected tab")
    }

    pub fn visible_panels(&self) -> Vec<String> {
        let panels = self.root.query_selector_all("[role=tabpanel]").unwrap();
        (0..panels.length())
            .map(|i| panels.item(i).unwrap().unchecked_into::<HtmlElement>())
            .filter(|panel| !panel.hidden())
            .map(|panel| panel.id())
            .collect()
    }

    /// Applies a new configuration, as the element does when an attribute
    /// changes.
    pub fn update(&mut self, config: JsValue) {
        self.widget.update(config);
    }

    /// Presses `key` where the focus is, then waits until the tab
    /// `expected` is selected, and checks that it has the focus.
    pub async fn press_selects(&self, key: &str, expected: &str) {
        press(&self.get(":focus"), key);
        self.until(&format!("{key} selects {expected}"), |m| {
            m.selected_tab() == expected
        })
        .await;
        assert_eq!(active_element_id(), self.tab(expected).id());
    }

    pub async fn until(&self, what: &str, condition: impl Fn(&Mounted) -> bool) {
        until(&self.root, what, || condition(self)).await;
    }

    pub async fn until_loaded(&self) {
        self.until("the monograph is shown", |m| m.find(".dm-title").is_some())
            .await;
    }

    /// Waits for the failure, checks that it is of `kind`, and returns it.
    pub async fn until_failed(&self, kind: &str) -> HtmlElement {
        self.until("the failure is shown", |m| m.find(".dm-error").is_some())
            .await;
        let error = self.get(".dm-error");
        assert_eq!(
            error.get_attribute("data-error-kind").as_deref(),
            Some(kind)
        );
        error
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.widget.destroy();
        self.root.remove();
    }
}

/// The slug of the selected tab under `root`, if there is one.
pub fn selected_tab(root: &Element) -> Option<String> {
    let tab = root
        .query_selector("[role=tab][aria-selected=true]")
        .ok()??;
    Some(tab.id().rsplit("-tab-").next()?.to_owned())
}

pub fn active_element_id() -> String {
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// Dispatches a keydown of `key` on `element`. The event is made by the
/// page's own `KeyboardEvent` constructor: web-sys's would need an interface
/// the widget does not use, and web-sys and every crate built on it would
/// then be compiled twice, once for these tests and once for the bundle.
pub fn press(element: &HtmlElement, key: &str) {
    let init = js_sys::Object::new();
    Reflect::set(&init, &"key".into(), &key.into()).unwrap();
    Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    Reflect::set(&init, &"cancelable".into(), &true.into()).unwrap();
    let window = web_sys::window().unwrap();
    let constructor = Reflect::get(&window, &"KeyboardEvent".into()).unwrap();
    let event = Reflect::construct(
        constructor.unchecked_ref::<js_sys::Function>(),
        &js_sys::Array::of2(&"keydown".into(), &init),
    )
    .unwrap();
    element.dispatch_event(event.unchecked_ref()).unwrap();
}
