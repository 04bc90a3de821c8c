//! The widget's tests: tabs, the keyboard contract, deep links, and every
//! loading and failure state.

use crate::support::*;
use js_sys::Reflect;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn shows_a_busy_indicator_until_the_monograph_arrives() {
    let release = Rc::new(RefCell::new(None));
    let _network = FakeNetwork::install(vec![Reply::Pending(release.clone())]);
    let widget = Mounted::new("lenalidomide.json", None);
    widget
        .until("the request is made", |_| release.borrow().is_some())
        .await;
    let status = widget.get(".dm-status");
    assert_eq!(status.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(status.text_content().unwrap().contains("Loading"));
    let region = widget.get(".dm-announce");
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));

    let resolve = release.borrow_mut().take().unwrap();
    resolve
        .call1(&JsValue::NULL, &response(200, LENALIDOMIDE))
        .unwrap();
    widget.until_loaded().await;
    assert!(widget.find(".dm-status").is_none());
    assert!(
        widget.find(".dm-announce").is_some(),
        "the live region stays"
    );
    assert_eq!(widget.text(".dm-title"), "Lenalidomide");
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
    let order = LENALIDOMIDE_TABS;

    widget.tab("usage").focus().unwrap();
    // Right through every tab and around to the first again.
    for expected in order.iter().cycle().skip(1).take(order.len()) {
        widget.press_selects("ArrowRight", expected).await;
    }
    // Left from the first wraps to the last.
    widget.press_selects("ArrowLeft", "faqs").await;
    widget.press_selects("Home", "usage").await;
    widget.press_selects("End", "faqs").await;

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

    widget.update(config("lenalidomide.json", Some("faqs")));
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
    let error = widget.until_failed("http").await;
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    let message = widget.text(".dm-error-message");
    assert!(message.contains("could not be found"), "{message}");
    let details = widget.text(".dm-error-details pre");
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
    let error = widget.until_failed("http").await;
    assert!(error.text_content().unwrap().contains("HTTP status 500"));
    assert!(widget.find(".dm-retry").is_some());
}

#[wasm_bindgen_test]
async fn a_body_that_is_not_json_is_reported() {
    let _network = FakeNetwork::install(vec![Reply::Body("<!doctype html><p>Sign in</p>".into())]);
    let widget = Mounted::new("lenalidomide.json", None);
    widget.until_failed("not-json").await;
    assert!(widget.text(".dm-error-message").contains("damaged"));
    let details = widget.text(".dm-error-details pre");
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
    widget.until_failed("invalid").await;
    let details = widget.text(".dm-error-details pre");
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
    widget.until_failed("network").await;
    assert!(widget
        .text(".dm-error-message")
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
    for tab in LENALIDOMIDE_TABS {
        widget.tab(tab).click();
        yew::scheduler::flush().await;
    }
    // The only links are the widget's own, to entries of the monograph.
    assert!(widget
        .find("img, script, a:not(.dm-key-link[href^='#'])")
        .is_none());
    let title = widget.text(".dm-title");
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
#[wasm_bindgen_test]
async fn a_host_update_opens_a_tab_only_when_the_tab_it_asks_for_changes() {
    let _network = FakeNetwork::install(vec![Reply::Body(LENALIDOMIDE.into())]);
    let mut widget = Mounted::new("lenalidomide.json", Some("dosage"));
    widget.until_loaded().await;
    widget.tab("faqs").click();
    widget
        .until("FAQs is selected", |m| m.selected_tab() == "faqs")
        .await;

    // The same `tab`, or none: the patient's pick stays.
    for tab in [Some("dosage"), None] {
        widget.update(config("lenalidomide.json", tab));
        yew::scheduler::flush().await;
        assert_eq!(widget.selected_tab(), "faqs", "after an update to {tab:?}");
    }

    widget.update(config("lenalidomide.json", Some("precautions")));
    widget
        .until("the new tab is open", |m| m.selected_tab() == "precautions")
        .await;
}

#[wasm_bindgen_test]
async fn any_heading_level_from_the_page_becomes_h1_to_h6() {
    for (level, tag) in [(0.0, "H1"), (2.9, "H2"), (300.0, "H6")] {
        let _network = FakeNetwork::install(vec![
            Reply::Body(LENALIDOMIDE.into()),
            Reply::Status(404, "Not found".into()),
        ]);
        let config = config("lenalidomide.json", None);
        Reflect::set(&config, &"headingLevel".into(), &level.into()).unwrap();
        let shown = Mounted::with_config(config.clone());
        shown.until_loaded().await;
        assert_eq!(shown.get(".dm-title").tag_name(), tag, "level {level}");

        // The failure's heading stands where the title would.
        let failed = Mounted::with_config(config);
        failed.until_failed("http").await;
        assert_eq!(
            failed.get(".dm-error-title").tag_name(),
            tag,
            "level {level}"
        );
    }
}

#[cfg(feature = "page")]
mod page_routes {
    use super::*;
    use wasm_bindgen::JsCast;
    use web_sys::HtmlElement;

    const CATALOG: &str = include_str!("../../content/index.json");

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

    #[wasm_bindgen_test]
    async fn a_deep_link_opens_the_tab_and_the_address_follows() {
        set_hash("#/lenalidomide/dosage");
        let _network = FakeNetwork::install(vec![
            Reply::Body(CATALOG.into()),
            Reply::Body(LENALIDOMIDE.into()),
        ]);
        let root = fresh_element();
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
