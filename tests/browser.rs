//! The widget in a real browser (headless Chromium through
//! wasm-bindgen-test): tabs, the keyboard contract, deep links, and every
//! loading and failure state. The network is replaced by a scripted
//! `window.fetch`, so each test decides exactly what the server answers.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use drug_monograph::{mount, Widget};
use gloo_timers::future::TimeoutFuture;
use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit, Response, ResponseInit};

wasm_bindgen_test_configure!(run_in_browser);

const LENALIDOMIDE: &str = include_str!("../content/lenalidomide.json");

/// What the scripted server answers to one request.
enum Reply {
    Status(u16, String),
    Body(String),
    NetworkDown,
    /// Held until the test releases it, to observe the loading state.
    Pending(Rc<RefCell<Option<js_sys::Function>>>),
}

/// Replaces `window.fetch` while alive; every request takes the next reply.
struct FakeNetwork {
    original: JsValue,
    requests: Rc<RefCell<Vec<String>>>,
    _fetch: Closure<dyn FnMut(JsValue) -> Promise>,
}

impl FakeNetwork {
    fn install(replies: Vec<Reply>) -> FakeNetwork {
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

    fn request_count(&self) -> usize {
        self.requests.borrow().len()
    }
}

impl Drop for FakeNetwork {
    fn drop(&mut self) {
        let window = web_sys::window().unwrap();
        Reflect::set(&window, &"fetch".into(), &self.original).unwrap();
    }
}

fn response(status: u16, body: &str) -> JsValue {
    let init = ResponseInit::new();
    init.set_status(status);
    Response::new_with_opt_str_and_init(Some(body), &init)
        .unwrap()
        .into()
}

/// The configuration object the embed element passes to `mount`.
fn config(src: &str, tab: Option<&str>) -> JsValue {
    let config = js_sys::Object::new();
    Reflect::set(&config, &"src".into(), &src.into()).unwrap();
    if let Some(tab) = tab {
        Reflect::set(&config, &"tab".into(), &tab.into()).unwrap();
    }
    config.into()
}

/// A widget mounted into a fresh element, removed again when dropped.
struct Mounted {
    root: Element,
    widget: Widget,
}

impl Mounted {
    fn new(src: &str, tab: Option<&str>) -> Mounted {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let widget = mount(root.clone(), root.clone().into(), config(src, tab)).unwrap();
        Mounted { root, widget }
    }

    fn find(&self, selector: &str) -> Option<HtmlElement> {
        self.root
            .query_selector(selector)
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    fn get(&self, selector: &str) -> HtmlElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn tab(&self, slug: &str) -> HtmlElement {
        self.get(&format!("[role=tab][id$='-tab-{slug}']"))
    }

    fn selected_tab(&self) -> String {
        let tab = self.get("[role=tab][aria-selected=true]");
        tab.id().rsplit("-tab-").next().unwrap().to_owned()
    }

    fn visible_panels(&self) -> Vec<String> {
        let panels = self.root.query_selector_all("[role=tabpanel]").unwrap();
        (0..panels.length())
            .map(|i| panels.item(i).unwrap().unchecked_into::<HtmlElement>())
            .filter(|panel| !panel.hidden())
            .map(|panel| panel.id())
            .collect()
    }

    async fn until(&self, what: &str, condition: impl Fn(&Mounted) -> bool) {
        // Fetch and JSON.parse settle on the browser's event loop, so give it
        // turns until the condition holds, within a bound.
        for _ in 0..500 {
            yew::scheduler::flush().await;
            if condition(self) {
                return;
            }
            TimeoutFuture::new(10).await;
        }
        panic!(
            "timed out waiting until {what}; the widget shows: {}",
            self.root.inner_html()
        );
    }

    async fn until_loaded(&self) {
        self.until("the monograph is shown", |m| m.find(".dm-title").is_some())
            .await;
    }

    async fn until_failed(&self) -> HtmlElement {
        self.until("the failure is shown", |m| m.find(".dm-error").is_some())
            .await;
        self.get(".dm-error")
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.widget.destroy();
        self.root.remove();
    }
}

fn active_element_id() -> String {
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

fn press(element: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn shows_a_busy_indicator_until_the_monograph_arrives() {
    let release = Rc::new(RefCell::new(None));
    let _network = FakeNetwork::install(vec![Reply::Pending(release.clone())]);
    let widget = Mounted::new("lenalidomide.json", None);
    widget
        .until("the request is made", |_| release.borrow().is_some())
        .await;
    let status = widget.get("[role=status]");
    assert_eq!(status.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(status.text_content().unwrap().contains("Loading"));

    let resolve = release.borrow_mut().take().unwrap();
    resolve
        .call1(&JsValue::NULL, &response(200, LENALIDOMIDE))
        .unwrap();
    widget.until_loaded().await;
    assert!(widget.find("[role=status]").is_none());
    assert_eq!(
        widget.get(".dm-title").text_content().unwrap(),
        "Lenalidomide"
    );
}

#[wasm_bindgen_test]
async fn clicking_a_tab_shows_its_panel_only() {
    let _network = FakeNetwork::install(vec![Reply::Body(LENALIDOMIDE.into())]);
    let widget = Mounted::new("lenalidomide.json", None);
    widget.until_loaded().await;
    assert_eq!(widget.selected_tab(), "usage");

    widget.tab("side-effects").click();
    widget
        .until("Side effects is selected", |m| {
            m.selected_tab() == "side-effects"
        })
        .await;
    let tab = widget.tab("side-effects");
    let panel_id = tab.get_attribute("aria-controls").unwrap();
    assert_eq!(widget.visible_panels(), vec![panel_id.clone()]);
    let panel = widget.get(&format!("#{panel_id}"));
    assert!(panel
        .text_content()
        .unwrap()
        .contains("Stevens-Johnson syndrome"));
    assert_eq!(tab.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(
        widget.tab("usage").get_attribute("tabindex").as_deref(),
        Some("-1")
    );
    // The disclaimer stays in view whichever tab is open.
    let disclaimer = widget.get(".dm-disclaimer");
    assert!(disclaimer.closest("[role=tabpanel]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_move_focus_and_selection() {
    let _network = FakeNetwork::install(vec![Reply::Body(LENALIDOMIDE.into())]);
    let widget = Mounted::new("lenalidomide.json", None);
    widget.until_loaded().await;
    let order = [
        "usage",
        "dosage",
        "side-effects",
        "how-it-works",
        "precautions",
        "faqs",
    ];

    widget.tab("usage").focus().unwrap();
    // Right through every tab and around to the first again.
    for expected in order.iter().cycle().skip(1).take(order.len()) {
        let focused = widget.get(":focus");
        press(&focused, "ArrowRight");
        widget
            .until("ArrowRight selects the next tab", |m| {
                m.selected_tab() == *expected
            })
            .await;
        assert_eq!(active_element_id(), widget.tab(expected).id());
    }
    // Left from the first wraps to the last.
    press(&widget.tab("usage"), "ArrowLeft");
    widget
        .until("ArrowLeft wraps to FAQs", |m| m.selected_tab() == "faqs")
        .await;
    assert_eq!(active_element_id(), widget.tab("faqs").id());

    press(&widget.tab("faqs"), "Home");
    widget
        .until("Home selects Usage", |m| m.selected_tab() == "usage")
        .await;
    assert_eq!(active_element_id(), widget.tab("usage").id());

    press(&widget.tab("usage"), "End");
    widget
        .until("End selects FAQs", |m| m.selected_tab() == "faqs")
        .await;
    assert_eq!(active_element_id(), widget.tab("faqs").id());

    // Up and Down belong to the page: they change nothing.
    press(&widget.tab("faqs"), "ArrowDown");
    yew::scheduler::flush().await;
    assert_eq!(widget.selected_tab(), "faqs");

    // Only the selected tab is in the Section order; the visible panel follows it.
    let tabbable: Vec<String> = order
        .iter()
        .filter(|slug| widget.tab(slug).get_attribute("tabindex").as_deref() == Some("0"))
        .map(|slug| slug.to_string())
        .collect();
    assert_eq!(tabbable, vec!["faqs"]);
    let panel = widget.get("[role=tabpanel]:not([hidden])");
    assert_eq!(panel.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(
        panel.get_attribute("aria-labelledby").unwrap(),
        widget.tab("faqs").id()
    );
}

#[wasm_bindgen_test]
async fn the_tab_option_opens_a_tab_and_an_update_changes_it() {
    let _network = FakeNetwork::install(vec![Reply::Body(LENALIDOMIDE.into())]);
    let mut widget = Mounted::new("lenalidomide.json", Some("dosage"));
    widget.until_loaded().await;
    assert_eq!(widget.selected_tab(), "dosage");

    widget
        .widget
        .update(config("lenalidomide.json", Some("faqs")))
        .unwrap();
    widget
        .until("the update selects FAQs", |m| m.selected_tab() == "faqs")
        .await;

    // A tab the monograph does not know opens the first one.
    let _network = FakeNetwork::install(vec![Reply::Body(LENALIDOMIDE.into())]);
    let other = Mounted::new("lenalidomide.json", Some("no-such-tab"));
    other.until_loaded().await;
    assert_eq!(other.selected_tab(), "usage");
}

#[wasm_bindgen_test]
async fn a_missing_file_fails_plainly_and_retry_recovers() {
    let network = FakeNetwork::install(vec![
        Reply::Status(404, "Not found".into()),
        Reply::Body(LENALIDOMIDE.into()),
    ]);
    let widget = Mounted::new("lenalidomide.json", None);
    let error = widget.until_failed().await;
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        error.get_attribute("data-error-kind").as_deref(),
        Some("http")
    );
    let message = widget.get(".dm-error-message").text_content().unwrap();
    assert!(message.contains("could not be found"), "{message}");
    let details = widget.get(".dm-error-details pre").text_content().unwrap();
    assert!(details.contains("HTTP status 404"), "{details}");
    assert!(details.contains("lenalidomide.json"), "{details}");

    widget.get(".dm-retry").click();
    widget.until_loaded().await;
    assert_eq!(network.request_count(), 2);
    assert!(widget.find(".dm-error").is_none());
}

#[wasm_bindgen_test]
async fn a_server_error_offers_retry() {
    let _network = FakeNetwork::install(vec![Reply::Status(500, "Internal Server Error".into())]);
    let widget = Mounted::new("lenalidomide.json", None);
    let error = widget.until_failed().await;
    assert!(error.text_content().unwrap().contains("HTTP status 500"));
    assert!(widget.find(".dm-retry").is_some());
}

#[wasm_bindgen_test]
async fn a_body_that_is_not_json_is_reported() {
    let _network = FakeNetwork::install(vec![Reply::Body("<!doctype html><p>Sign in</p>".into())]);
    let widget = Mounted::new("lenalidomide.json", None);
    let error = widget.until_failed().await;
    assert_eq!(
        error.get_attribute("data-error-kind").as_deref(),
        Some("not-json")
    );
    assert!(widget
        .get(".dm-error-message")
        .text_content()
        .unwrap()
        .contains("damaged"));
    let details = widget.get(".dm-error-details pre").text_content().unwrap();
    assert!(details.contains("not valid JSON"), "{details}");
    // The page's HTML stays text: nothing from the body became an element.
    assert!(widget.find(".dm-error p p").is_none());
}

#[wasm_bindgen_test]
async fn an_invalid_monograph_lists_every_problem() {
    let _network = FakeNetwork::install(vec![Reply::Body(
        r#"{"schema_version": 1, "id": "examplomab", "language": "en",
            "title": "Examplomab (fictional test drug)", "generic_name": 7,
            "faqs": [{"question": "Is this drug real?"}]}"#
            .into(),
    )]);
    let widget = Mounted::new("examplomab.json", None);
    let error = widget.until_failed().await;
    assert_eq!(
        error.get_attribute("data-error-kind").as_deref(),
        Some("invalid")
    );
    let details = widget.get(".dm-error-details pre").text_content().unwrap();
    for problem in [
        "generic_name: expected text, found a number",
        "faqs[0].answer: missing",
        "disclaimer: missing",
    ] {
        assert!(details.contains(problem), "{problem} not in {details}");
    }
}

#[wasm_bindgen_test]
async fn a_network_failure_offers_retry_and_recovers() {
    let _network = FakeNetwork::install(vec![Reply::NetworkDown, Reply::Body(LENALIDOMIDE.into())]);
    let widget = Mounted::new("lenalidomide.json", None);
    let error = widget.until_failed().await;
    assert_eq!(
        error.get_attribute("data-error-kind").as_deref(),
        Some("network")
    );
    assert!(widget
        .get(".dm-error-message")
        .text_content()
        .unwrap()
        .contains("internet connection"));
    widget.get(".dm-retry").click();
    widget.until_loaded().await;
}

#[wasm_bindgen_test]
async fn hostile_content_stays_text_and_runs_nothing() {
    // Single quotes keep the JSON valid; every text field names the drug.
    let hostile = LENALIDOMIDE.replace(
        "Lenalidomide",
        "<img src=x onerror='window.pwned=1'><script>window.pwned=1</script>javascript:window.pwned=1",
    );
    let _network = FakeNetwork::install(vec![Reply::Body(hostile)]);
    let widget = Mounted::new("lenalidomide.json", None);
    widget.until_loaded().await;
    for tab in [
        "usage",
        "dosage",
        "side-effects",
        "how-it-works",
        "precautions",
        "faqs",
    ] {
        widget.tab(tab).click();
        yew::scheduler::flush().await;
    }
    assert!(widget.find("img, script, a").is_none());
    let title = widget.get(".dm-title").text_content().unwrap();
    assert!(title.starts_with("<img src=x onerror="), "{title}");
    let window = web_sys::window().unwrap();
    assert!(Reflect::get(&window, &"pwned".into())
        .unwrap()
        .is_undefined());
}

#[wasm_bindgen_test]
async fn destroying_the_widget_empties_its_element() {
    let _network = FakeNetwork::install(vec![Reply::Body(LENALIDOMIDE.into())]);
    let mut widget = Mounted::new("lenalidomide.json", None);
    widget.until_loaded().await;
    widget.widget.destroy();
    widget
        .until("the element is empty", |m| {
            m.root.child_element_count() == 0
        })
        .await;
    assert_eq!(widget.root.text_content().unwrap_or_default(), "");
}

/// The standalone page's routes: the address names the monograph and its
/// tab, and follows the patient's choices.
#[cfg(feature = "page")]
mod page_routes {
    use super::*;

    const CATALOG: &str = include_str!("../content/index.json");

    fn set_hash(hash: &str) {
        web_sys::window()
            .unwrap()
            .history()
            .unwrap()
            .replace_state_with_url(&JsValue::NULL, "", Some(hash))
            .unwrap();
    }

    fn hash() -> String {
        web_sys::window().unwrap().location().hash().unwrap()
    }

    fn selected_tab(root: &Element) -> Option<String> {
        let tab = root
            .query_selector("[role=tab][aria-selected=true]")
            .ok()??;
        Some(tab.id().rsplit("-tab-").next()?.to_owned())
    }

    async fn until(root: &Element, what: &str, condition: impl Fn() -> bool) {
        for _ in 0..500 {
            yew::scheduler::flush().await;
            if condition() {
                return;
            }
            TimeoutFuture::new(10).await;
        }
        panic!(
            "timed out waiting until {what}; the page shows: {}",
            root.inner_html()
        );
    }

    #[wasm_bindgen_test]
    async fn a_deep_link_opens_the_tab_and_the_address_follows() {
        set_hash("#/lenalidomide/dosage");
        let _network = FakeNetwork::install(vec![
            Reply::Body(CATALOG.into()),
            Reply::Body(LENALIDOMIDE.into()),
        ]);
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let mut page = drug_monograph::mount_page(root.clone(), "content/index.json".into(), false);

        until(&root, "the deep link opens Dosage", || {
            selected_tab(&root).as_deref() == Some("dosage")
        })
        .await;

        let faqs: HtmlElement = root
            .query_selector("[role=tab][id$='-tab-faqs']")
            .unwrap()
            .unwrap()
            .unchecked_into();
        faqs.click();
        until(&root, "FAQs is selected", || {
            selected_tab(&root).as_deref() == Some("faqs")
        })
        .await;
        assert_eq!(hash(), "#/lenalidomide/faqs");

        // Following a link or editing the address selects the tab.
        web_sys::window()
            .unwrap()
            .location()
            .set_hash("/lenalidomide/precautions")
            .unwrap();
        until(&root, "the new address selects Precautions", || {
            selected_tab(&root).as_deref() == Some("precautions")
        })
        .await;

        page.destroy();
        root.remove();
        set_hash("#");
    }
}
