#![cfg(not(target_arch = "wasm32"))]
//! Server-side rendering of the widget's components, checked as a screen
//! reader or a browser would read the HTML: roles, states, text, escaping.

mod common;

use common::{collapse, json_blocks, lenalidomide, lenalidomide_json, valid};
use drug_monograph::components::{
    Failure, FailureProps, HeadingLevel, Loading, MonographView, MonographViewProps,
};
use drug_monograph::error::LoadError;
use drug_monograph::model::Section;
use drug_monograph::model::{Item, Monograph, Problem, RichText, SideEffectGroup};
use drug_monograph::strings::ENGLISH;
use scraper::{ElementRef, Html, Selector};
use serde_json::json;
use std::collections::HashSet;
use std::rc::Rc;
use yew::{function_component, html, Callback, Html as YewHtml, LocalServerRenderer};

const PREFIX: &str = "dm7";

fn sel(selector: &str) -> Selector {
    Selector::parse(selector).unwrap_or_else(|e| panic!("bad selector {selector:?}: {e:?}"))
}

/// The view as the widget shows it when asked for the tab `requested`.
async fn render_view(monograph: &Monograph, requested: Section, heading_level: u8) -> String {
    // `props!` fills in any optional props with their defaults.
    let props = yew::props!(MonographViewProps {
        monograph: Rc::new(monograph.clone()),
        active: Section::resolve(Some(requested), monograph),
        id_prefix: PREFIX,
        heading_level: HeadingLevel::from(heading_level),
        onselect: Callback::noop(),
    });
    LocalServerRenderer::<MonographView>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

async fn render_failure(error: LoadError, heading_level: u8) -> String {
    let props = yew::props!(FailureProps {
        error,
        heading_level: HeadingLevel::from(heading_level),
        onretry: Callback::<()>::noop(),
    });
    LocalServerRenderer::<Failure>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The visible text of an element, whitespace collapsed: without the
/// definitions of marked words, which show only when opened.
fn text(element: ElementRef) -> String {
    let mut shown = String::new();
    for node in element.descendants() {
        let in_closed_popover = node
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|e| e.value().attr("popover").is_some());
        if let (Some(piece), false) = (node.value().as_text(), in_closed_popover) {
            shown.push_str(piece);
        }
    }
    collapse(&shown)
}

fn all<'a>(root: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    root.select(&sel(selector)).collect()
}

fn one<'a>(root: &'a Html, selector: &str) -> ElementRef<'a> {
    let found = all(root, selector);
    assert_eq!(found.len(), 1, "expected exactly one {selector}");
    found[0]
}

fn within<'a>(element: ElementRef<'a>, selector: &str) -> Vec<ElementRef<'a>> {
    element.select(&sel(selector)).collect()
}

fn by_id<'a>(root: &'a Html, id: &str) -> ElementRef<'a> {
    one(root, &format!("[id=\"{id}\"]"))
}

fn tabs(root: &Html) -> Vec<ElementRef<'_>> {
    all(root, "[role=tablist] [role=tab]")
}

fn panel_of<'a>(root: &'a Html, monograph_tab: Section) -> ElementRef<'a> {
    by_id(root, &format!("{PREFIX}-panel-{}", monograph_tab.slug()))
}

fn ancestors_have(element: ElementRef, test: impl Fn(ElementRef) -> bool) -> bool {
    element.ancestors().filter_map(ElementRef::wrap).any(test)
}

fn heading_tag(element: ElementRef) -> String {
    element.value().name().to_owned()
}

/// A made-up drug with only a dosage section and FAQs.
fn examplomab_dosage_and_faqs() -> Monograph {
    valid(&json!({
        "schema_version": 1,
        "id": "examplomab",
        "language": "en",
        "title": "Examplomab (fictional test drug)",
        "generic_name": "examplomab",
        "dosage": {
            "intro": [{ "text": "Examplomab is taken once a week in these tests." }],
            "conditions": [
                { "term": "Imaginary cough", "text": [{ "text": "One pretend tablet." }] }
            ]
        },
        "faqs": [
            {
                "question": "Is Examplomab real?",
                "answer": [{ "text": "No, it is a fictional test drug." }]
            }
        ],
        "disclaimer": [{ "text": "Fictional; not medical advice." }]
    }))
}

// ---------------------------------------------------------------------------
// Tabs and panels

#[tokio::test]
async fn the_tablist_is_labelled_and_has_one_tab_per_section() {
    let monograph = lenalidomide();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::Usage, 1).await);
    let tablist = one(&doc, "[role=tablist]");
    assert_eq!(tablist.attr("aria-label"), Some(ENGLISH.tablist_label));
    assert!(!ENGLISH.tablist_label.trim().is_empty());

    let labels: Vec<String> = tabs(&doc).into_iter().map(text).collect();
    let expected: Vec<String> = Section::present_in(&monograph)
        .iter()
        .map(|tab| ENGLISH.tab_label(*tab).to_owned())
        .collect();
    assert_eq!(labels, expected);
    assert_eq!(labels.len(), 6);
    for tab in tabs(&doc) {
        assert_eq!(tab.value().name(), "button", "{}", text(tab));
        assert_eq!(tab.attr("type"), Some("button"), "{}", text(tab));
    }
}

#[tokio::test]
async fn only_the_active_tab_is_selected_focusable_and_shown() {
    let monograph = lenalidomide();
    for active in Section::ALL {
        let doc = Html::parse_fragment(&render_view(&monograph, active, 1).await);
        let active_label = ENGLISH.tab_label(active);
        for tab in tabs(&doc) {
            let is_active = text(tab) == active_label;
            let (selected, tabindex) = if is_active {
                ("true", "0")
            } else {
                ("false", "-1")
            };
            assert_eq!(
                tab.attr("aria-selected"),
                Some(selected),
                "{} when {active:?}",
                text(tab)
            );
            assert_eq!(
                tab.attr("tabindex"),
                Some(tabindex),
                "{} when {active:?}",
                text(tab)
            );
            let panel = by_id(&doc, tab.attr("aria-controls").expect("aria-controls"));
            assert_eq!(
                panel.attr("hidden").is_none(),
                is_active,
                "panel of {} when {active:?}",
                text(tab)
            );
        }
        let shown: Vec<_> = all(&doc, "[role=tabpanel]:not([hidden])");
        assert_eq!(shown.len(), 1, "one visible panel when {active:?}");
        assert_eq!(
            shown[0].attr("id"),
            Some(format!("{PREFIX}-panel-{}", active.slug()).as_str())
        );
    }
}

#[tokio::test]
async fn each_panel_is_labelled_by_its_tab_and_focusable() {
    let monograph = lenalidomide();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::Usage, 1).await);
    let tabs = tabs(&doc);
    let panels = all(&doc, "[role=tabpanel]");
    assert_eq!(panels.len(), tabs.len());
    for tab in &tabs {
        let tab_id = tab.attr("id").expect("tab id");
        let panel = by_id(&doc, tab.attr("aria-controls").expect("aria-controls"));
        assert_eq!(panel.attr("role"), Some("tabpanel"));
        assert_eq!(panel.attr("aria-labelledby"), Some(tab_id));
        assert_eq!(panel.attr("tabindex"), Some("0"));
        let heading = panel.child_elements().next().expect("panel heading");
        assert_eq!(
            text(heading),
            text(*tab),
            "panel heading repeats the tab name"
        );
    }
    for panel in &panels {
        let labelled_by = panel.attr("aria-labelledby").expect("aria-labelledby");
        assert_eq!(by_id(&doc, labelled_by).attr("role"), Some("tab"));
    }
    let ids: Vec<&str> = all(&doc, "[id]")
        .iter()
        .filter_map(|e| e.attr("id"))
        .collect();
    let unique: HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids in {ids:?}");
    assert!(
        ids.iter().all(|id| id.starts_with(PREFIX)),
        "unprefixed id in {ids:?}"
    );
}

#[tokio::test]
async fn the_requested_dosage_tab_is_open() {
    let monograph = lenalidomide();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::Dosage, 1).await);
    let selected = one(&doc, "[role=tab][aria-selected=true]");
    assert_eq!(text(selected), "Dosage");
    let shown = one(&doc, "[role=tabpanel]:not([hidden])");
    let intro = collapse(&monograph.dosage.as_ref().unwrap().intro.plain());
    assert!(
        text(shown).contains(&intro),
        "dosage intro in the open panel"
    );
    assert!(panel_of(&doc, Section::Usage).attr("hidden").is_some());
}

#[tokio::test]
async fn a_tab_the_monograph_lacks_falls_back_to_the_first() {
    let monograph = examplomab_dosage_and_faqs();
    for (active, expected) in [
        (Section::Usage, "Dosage"),
        (Section::Precautions, "Dosage"),
        (Section::HowItWorks, "Dosage"),
        (Section::Faqs, "FAQs"),
    ] {
        let doc = Html::parse_fragment(&render_view(&monograph, active, 1).await);
        let labels: Vec<String> = tabs(&doc).into_iter().map(text).collect();
        assert_eq!(labels, ["Dosage", "FAQs"]);
        let selected = one(&doc, "[role=tab][aria-selected=true]");
        assert_eq!(text(selected), expected, "when {active:?} is requested");
        assert_eq!(
            one(&doc, "[role=tab][tabindex=\"0\"]").attr("id"),
            selected.attr("id")
        );
        let shown = one(&doc, "[role=tabpanel]:not([hidden])");
        assert_eq!(shown.attr("aria-labelledby"), selected.attr("id"));
        assert!(all(&doc, &format!("[id=\"{PREFIX}-panel-usage\"]")).is_empty());
    }
}

// ---------------------------------------------------------------------------
// Content

#[tokio::test]
async fn every_section_text_is_in_its_panel() {
    let monograph = lenalidomide();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::Usage, 1).await);
    let json = lenalidomide_json();
    let mut missing = Vec::new();
    for tab in Section::present_in(&monograph) {
        let panel = text(panel_of(&doc, tab));
        for block in json_blocks(&json[tab.field()]) {
            let block = collapse(&block);
            if !panel.contains(&block) {
                missing.push(format!("{tab:?}: {block}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "text not in its panel:\n  {}",
        missing.join("\n  ")
    );

    assert_eq!(text(one(&doc, "h1")), monograph.title);
    assert_eq!(
        text(one(&doc, ".dm-generic")),
        format!("{} {}", ENGLISH.generic_name, monograph.generic_name)
    );
}

#[tokio::test]
async fn emphasis_is_rendered_as_strong_text() {
    let monograph = lenalidomide();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::Usage, 1).await);
    let strong: Vec<String> = all(&doc, "strong").into_iter().map(text).collect();
    let usage_note = monograph.usage.as_ref().unwrap().note.as_ref().unwrap();
    let dosage_intro = &monograph.dosage.as_ref().unwrap().intro;
    let emphasised: Vec<&str> = usage_note
        .0
        .iter()
        .chain(&dosage_intro.0)
        .filter(|span| span.emphasis)
        .map(|span| span.text.as_str())
        .collect();
    assert!(!emphasised.is_empty());
    for span in emphasised {
        assert!(strong.iter().any(|s| s == span), "{span:?} not in <strong>");
    }
    // Plain spans are not emphasised.
    assert!(!strong.iter().any(|s| s.contains("crucial to understand")));
}

#[tokio::test]
async fn the_disclaimer_is_outside_every_panel_and_never_hidden() {
    let monograph = lenalidomide();
    for active in Section::ALL {
        let doc = Html::parse_fragment(&render_view(&monograph, active, 1).await);
        let disclaimer = one(&doc, ".dm-disclaimer");
        assert_eq!(
            text(disclaimer),
            format!(
                "{} {}",
                ENGLISH.disclaimer,
                collapse(&monograph.disclaimer.plain())
            )
        );
        assert!(!ancestors_have(disclaimer, |e| e.attr("role") == Some("tabpanel")));
        assert!(!ancestors_have(disclaimer, |e| e.attr("hidden").is_some()));
        assert!(within(disclaimer, "[hidden]").is_empty());
        assert!(within(disclaimer, "[role=tabpanel]").is_empty());
    }
}

#[tokio::test]
async fn serious_side_effects_are_marked_and_kept_apart() {
    let monograph = lenalidomide();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::SideEffects, 1).await);
    let panel = panel_of(&doc, Section::SideEffects);
    let side_effects = monograph.side_effects.as_ref().unwrap();
    let plain_items = |group: &Option<SideEffectGroup>| -> Vec<String> {
        let group = group.as_ref().expect("lenalidomide has both lists");
        group.items.iter().map(RichText::plain).collect()
    };
    let serious_items = plain_items(&side_effects.serious);
    let common_items = plain_items(&side_effects.common);

    let alerts = within(panel, ".dm-alert");
    assert_eq!(alerts.len(), 1, "one alert group in the side effects panel");
    let serious = alerts[0];
    assert_eq!(serious.attr("role"), Some("note"));
    let label = by_id(
        &doc,
        serious.attr("aria-labelledby").expect("aria-labelledby"),
    );
    assert_eq!(text(label), format!("⚠ {}", ENGLISH.serious_side_effects));
    assert!(
        ancestors_have(label, |e| e == serious),
        "label inside its group"
    );
    let icon = within(label, ".dm-alert-icon");
    assert_eq!(icon.len(), 1);
    assert_eq!(icon[0].attr("aria-hidden"), Some("true"));

    let listed: Vec<String> = within(serious, "li").into_iter().map(text).collect();
    assert_eq!(listed, serious_items);
    assert!(common_items.iter().all(|item| !listed.contains(item)));

    let common = one(&doc, ".dm-group:not(.dm-alert)");
    assert_eq!(
        text(within(common, ".dm-group-heading")[0]),
        ENGLISH.common_side_effects
    );
    let listed: Vec<String> = within(common, "li").into_iter().map(text).collect();
    assert_eq!(listed, common_items);
}

/// An item as the panel shows it: its term, a colon, its text.
fn shown_item(item: &Item) -> String {
    format!("{}: {}", item.term, item.text.plain())
}

#[tokio::test]
async fn the_pregnancy_precaution_is_marked_important() {
    let monograph = lenalidomide();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::Precautions, 1).await);
    let panel = panel_of(&doc, Section::Precautions);
    let items = &monograph.precautions.as_ref().unwrap().items;
    let rendered = within(panel, "li.dm-item");
    assert_eq!(rendered.len(), items.len());
    for (li, item) in rendered.iter().zip(items) {
        let marked = li.value().classes().any(|c| c == "dm-alert");
        assert_eq!(marked, item.alert, "{}", item.term);
        let label = within(*li, ".dm-alert-label");
        if item.alert {
            assert_eq!(label.len(), 1);
            assert_eq!(text(label[0]), format!("⚠ {}", ENGLISH.important));
            assert!(text(*li).ends_with(&collapse(&shown_item(item))));
        } else {
            assert!(label.is_empty(), "{} has no alert label", item.term);
            assert_eq!(text(*li), collapse(&shown_item(item)));
        }
    }
    let marked: Vec<String> = within(panel, "li.dm-alert .dm-term")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(marked, ["Pregnancy:"]);
    // Across the whole widget: the pregnancy item, the serious group, and
    // the box of the most important information.
    assert_eq!(all(&doc, ".dm-alert").len(), 3);
}

#[tokio::test]
async fn heading_level_2_shifts_every_heading_down_one() {
    let monograph = lenalidomide();
    for (level, title, panel, inner) in [(1, "h1", "h2", "h3"), (2, "h2", "h3", "h4")] {
        let doc = Html::parse_fragment(&render_view(&monograph, Section::Usage, level).await);
        assert_eq!(heading_tag(one(&doc, ".dm-title")), title);
        assert_eq!(text(one(&doc, ".dm-title")), monograph.title);
        let panel_headings = all(&doc, ".dm-panel-heading");
        assert_eq!(panel_headings.len(), 6);
        assert!(
            panel_headings.iter().all(|h| heading_tag(*h) == panel),
            "level {level}"
        );
        let inner_headings = all(&doc, ".dm-group-heading, .dm-alert-label[id], .dm-question");
        assert_eq!(inner_headings.len(), 2 + monograph.faqs.len());
        assert!(
            inner_headings.iter().all(|h| heading_tag(*h) == inner),
            "level {level}"
        );
        if level == 2 {
            assert!(all(&doc, "h1").is_empty(), "no h1 when the page owns it");
        }
    }
}

#[tokio::test]
async fn heading_levels_stay_within_h1_to_h6() {
    let monograph = lenalidomide();
    for (level, title, panel, inner) in [
        (0, "h1", "h2", "h3"),
        (5, "h5", "h6", "h6"),
        (6, "h6", "h6", "h6"),
        (255, "h6", "h6", "h6"),
    ] {
        let doc = Html::parse_fragment(&render_view(&monograph, Section::Usage, level).await);
        assert_eq!(heading_tag(one(&doc, ".dm-title")), title, "level {level}");
        assert!(all(&doc, ".dm-panel-heading")
            .iter()
            .all(|h| heading_tag(*h) == panel));
        assert!(all(&doc, ".dm-group-heading, .dm-question")
            .iter()
            .all(|h| heading_tag(*h) == inner));
    }
}

// ---------------------------------------------------------------------------
// Escaping

const PAYLOADS: [&str; 3] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
];

fn hostile(label: &str) -> String {
    format!("{label} {}", PAYLOADS.join(" "))
}

fn hostile_text(label: &str) -> serde_json::Value {
    json!([
        { "text": hostile(label) },
        { "text": hostile(&format!("{label} (bold)")), "emphasis": true }
    ])
}

fn hostile_item(label: &str, alert: bool) -> serde_json::Value {
    json!({ "term": hostile(&format!("{label} term")), "text": hostile_text(label), "alert": alert })
}

/// A made-up drug with markup and script in every text field.
fn hostile_json() -> serde_json::Value {
    json!({
        "schema_version": 1,
        "id": "examplomab",
        "language": "en",
        "title": hostile("Examplomab (fictional test drug)"),
        "generic_name": hostile("examplomab"),
        "brand_names": [hostile("Examplo")],
        "source": hostile("source"),
        "usage": {
            "intro": hostile_text("usage intro"),
            "conditions": [hostile_item("usage", false)],
            "note": hostile_text("usage note")
        },
        "dosage": {
            "intro": hostile_text("dosage intro"),
            "conditions": [hostile_item("dosage", true)],
            "adjustment": hostile_text("dosage adjustment")
        },
        "side_effects": {
            "common": { "intro": hostile_text("common intro"), "items": [hostile_text("common item")] },
            "serious": { "intro": hostile_text("serious intro"), "items": [hostile_text("serious item")] },
            "advice": hostile_text("advice")
        },
        "how_it_works": {
            "intro": hostile_text("how intro"),
            "actions": [hostile_item("action", false)],
            "summary": hostile_text("summary")
        },
        "precautions": {
            "intro": hostile_text("precautions intro"),
            "items": [hostile_item("precaution", true)]
        },
        "faqs": [{ "question": hostile("question"), "answer": hostile_text("answer") }],
        "disclaimer": hostile_text("disclaimer")
    })
}

/// No element or attribute came from the content: it is all text.
fn assert_inert(html: &str, doc: &Html) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "raw <script in the HTML");
    assert!(!lower.contains("<img"), "raw <img in the HTML");
    assert!(
        all(doc, "script").is_empty(),
        "a script element was created"
    );
    assert!(all(doc, "img").is_empty(), "an img element was created");
    // The only links are the widget's own, to entries of the monograph.
    for link in all(doc, "a") {
        let href = link.value().attr("href").unwrap_or_default();
        let target = href.strip_prefix('#').expect("a link within the monograph");
        assert_eq!(link.value().attr("class"), Some("dm-key-link"), "{href}");
        assert_eq!(all(doc, &format!("[id=\"{target}\"]")).len(), 1, "{href}");
    }
    for element in all(doc, "*") {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "event handler attribute {name}");
            assert!(!value.contains("javascript:"), "{name}={value:?}");
            assert!(!value.contains('<'), "{name}={value:?}");
        }
    }
}

#[tokio::test]
async fn markup_in_the_content_is_shown_as_text_never_run() {
    let json = hostile_json();
    let monograph = valid(&json);
    assert_eq!(Section::present_in(&monograph).len(), 6);
    let html = render_view(&monograph, Section::Usage, 1).await;
    let doc = Html::parse_fragment(&html);
    assert_inert(&html, &doc);

    let shown = text(one(&doc, "article"));
    // Everything the article shows; brand names and codes are not shown.
    let shown_fields = ["title", "generic_name", "disclaimer"]
        .into_iter()
        .chain(Section::ALL.map(Section::field))
        .chain(["source", "last_reviewed", "next_review"]);
    let blocks: Vec<String> = shown_fields
        .flat_map(|field| json_blocks(&json[field]))
        .collect();
    for block in &blocks {
        let block = collapse(block);
        assert!(shown.contains(&block), "not shown as text: {block}");
    }
    // The box of the most important information repeats the alerts' terms.
    let repeated = text(one(&doc, ".dm-key"));
    for payload in PAYLOADS {
        let expected: usize = blocks.iter().map(|b| b.matches(payload).count()).sum();
        assert!(expected >= 30, "the fixture covers every field");
        assert_eq!(
            shown.matches(payload).count(),
            expected + repeated.matches(payload).count(),
            "{payload}"
        );
    }
}

#[tokio::test]
async fn markup_in_an_error_detail_is_shown_as_text() {
    let error = LoadError::NotJson {
        url: hostile("/content/x.json"),
        detail: hostile("detail"),
    };
    let html = render_failure(error, 1).await;
    let doc = Html::parse_fragment(&html);
    assert_inert(&html, &doc);
    let detail = text(one(&doc, "pre"));
    for payload in PAYLOADS {
        assert_eq!(detail.matches(payload).count(), 2, "{payload}");
    }
}

// ---------------------------------------------------------------------------
// Failure and loading

async fn check_failure(error: LoadError, kind: &str, message: &str, details: &[&str]) {
    let doc = Html::parse_fragment(&render_failure(error.clone(), 2).await);
    let root = one(&doc, "[role=alert]");
    assert_eq!(root.attr("data-error-kind"), Some(kind));
    let heading = one(&doc, ".dm-error-title");
    assert_eq!(heading_tag(heading), "h2");
    assert_eq!(text(heading), ENGLISH.error_title);
    assert_eq!(text(one(&doc, ".dm-error-message")), message, "{kind}");

    let details_el = one(&doc, "details");
    assert!(
        details_el.attr("open").is_none(),
        "technical details start collapsed"
    );
    assert_eq!(
        text(within(details_el, "summary")[0]),
        ENGLISH.technical_details
    );
    let pre: String = within(details_el, "pre")[0].text().collect();
    for detail in details {
        assert!(pre.contains(detail), "{kind}: {detail:?} not in {pre:?}");
    }
    // The technical detail stays out of the patient's message.
    assert!(!message.contains("/content/"));

    let button = one(&doc, "button.dm-retry");
    assert_eq!(button.attr("type"), Some("button"));
    assert_eq!(text(button), ENGLISH.retry);
}

const URL: &str = "/content/examplomab.json";

#[tokio::test]
async fn http_errors_explain_not_found_and_server_trouble() {
    for (status, message) in [
        (404, ENGLISH.error_not_found),
        (410, ENGLISH.error_not_found),
        (500, ENGLISH.error_server),
        (503, ENGLISH.error_server),
    ] {
        let error = LoadError::Http {
            url: URL.into(),
            status,
        };
        let status_text = format!("HTTP status {status}");
        check_failure(error, "http", message, &[URL, &status_text]).await;
    }
}

#[tokio::test]
async fn network_timeout_and_json_errors_have_their_own_messages() {
    let network = LoadError::Network {
        url: URL.into(),
        detail: "TypeError: Failed to fetch".into(),
    };
    let timeout = LoadError::Timeout {
        url: URL.into(),
        seconds: 20,
    };
    let not_json = LoadError::NotJson {
        url: URL.into(),
        detail: "unexpected character at line 1 column 1".into(),
    };
    for (error, kind, message, detail) in [
        (
            network,
            "network",
            ENGLISH.error_network,
            "TypeError: Failed to fetch",
        ),
        (timeout, "timeout", ENGLISH.error_timeout, "20 seconds"),
        (
            not_json,
            "not-json",
            ENGLISH.error_not_json,
            "line 1 column 1",
        ),
    ] {
        check_failure(error, kind, message, &[URL, detail]).await;
    }

    let messages = [
        ENGLISH.error_not_found,
        ENGLISH.error_server,
        ENGLISH.error_network,
        ENGLISH.error_timeout,
        ENGLISH.error_not_json,
        ENGLISH.error_invalid,
    ];
    let distinct: HashSet<_> = messages.iter().collect();
    assert_eq!(
        distinct.len(),
        messages.len(),
        "each failure says something different"
    );
}

#[tokio::test]
async fn an_address_that_is_not_a_url_is_the_web_teams_to_fix() {
    let error = LoadError::BadSource {
        url: "http://[".into(),
    };
    check_failure(
        error,
        "bad-src",
        ENGLISH.error_no_source,
        &["http://[: not a valid address: check the src attribute"],
    )
    .await;
}

#[tokio::test]
async fn an_invalid_monograph_lists_every_problem() {
    let mut document = lenalidomide_json();
    document["title"] = json!(42);
    document["faqs"][3]
        .as_object_mut()
        .unwrap()
        .remove("answer");
    document["codes"]["ndc"] = json!(["12-34"]);
    let problems: Vec<Problem> = common::validate_json(&document).expect_err("invalid");
    assert_eq!(problems.len(), 3);
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let error = LoadError::Invalid {
        url: URL.into(),
        problems,
    };
    let mut expected: Vec<&str> = vec![URL, "3 problems"];
    expected.extend(lines.iter().map(String::as_str));
    check_failure(error, "invalid", ENGLISH.error_invalid, &expected).await;
    assert!(lines.contains(&"faqs[3].answer: missing".to_owned()));
}

/// `<Loading />` as a page would write it, with its default props.
#[function_component]
fn LoadingHost() -> YewHtml {
    html! { <Loading /> }
}

#[tokio::test]
async fn loading_is_a_busy_block_that_is_not_itself_a_live_region() {
    let html = LocalServerRenderer::<LoadingHost>::new()
        .hydratable(false)
        .render()
        .await;
    let doc = Html::parse_fragment(&html);
    let status = one(&doc, ".dm-status");
    assert_eq!(status.attr("aria-busy"), Some("true"));
    // The Announcer beside it tells screen readers; a region that comes
    // and goes with its text is often missed.
    assert_eq!(status.attr("role"), None);
    assert_eq!(status.attr("aria-live"), None);
    assert_eq!(text(status), ENGLISH.loading);
    let spinner = within(status, ".dm-spinner");
    assert_eq!(spinner.len(), 1);
    assert_eq!(spinner[0].attr("aria-hidden"), Some("true"));
}

/// The toggletips of a panel: each marked word's button with its definition.
fn toggletips<'a>(root: &'a Html, panel: ElementRef<'a>) -> Vec<(String, ElementRef<'a>)> {
    within(panel, "button.dm-gloss")
        .into_iter()
        .map(|button| {
            let target = button.value().attr("popovertarget").expect("popovertarget");
            (text(button), by_id(root, target))
        })
        .collect()
}

#[tokio::test]
async fn each_panel_explains_the_first_occurrence_of_each_term() {
    let monograph = lenalidomide();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::Usage, 1).await);
    let words = |section| -> Vec<String> {
        toggletips(&doc, panel_of(&doc, section))
            .into_iter()
            .map(|(word, _)| word)
            .collect()
    };
    assert_eq!(
        words(Section::Usage),
        [
            "dexamethasone",
            "multiple myeloma",
            "anemia",
            "5q deletion",
            "rituximab"
        ]
    );
    assert_eq!(words(Section::Dosage), ["dexamethasone", "rituximab"]);
    assert_eq!(
        words(Section::SideEffects),
        ["edema", "neutropenia", "thrombocytopenia", "anemia"]
    );
    assert_eq!(
        words(Section::HowItWorks),
        ["immunomodulation", "antiangiogenesis"]
    );
    assert_eq!(
        words(Section::Precautions),
        ["neutropenia", "thrombocytopenia", "anemia", "dexamethasone"]
    );
    assert!(words(Section::Faqs).is_empty());
}

#[tokio::test]
async fn a_term_is_a_button_that_opens_its_definition_as_a_popover_beside_it() {
    let monograph = lenalidomide();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::Usage, 1).await);
    let panel = panel_of(&doc, Section::SideEffects);
    let (word, definition) = toggletips(&doc, panel).remove(0);
    assert_eq!(word, "edema");
    let button = within(panel, "button.dm-gloss")[0];
    assert_eq!(button.value().attr("type"), Some("button"));
    // A native popover: opens and closes without scripts, Escape closes it.
    assert_eq!(definition.value().attr("popover"), Some("auto"));
    // Right after its word, so a screen reader reads one after the other.
    let next = button.next_siblings().find_map(ElementRef::wrap);
    assert_eq!(next.map(|e| e.id()), Some(definition.id()));
    assert_eq!(
        collapse(&definition.text().collect::<String>()),
        "edema: Swelling"
    );
    // The item reads as the seed wrote it.
    let item = button
        .parent()
        .and_then(ElementRef::wrap)
        .expect("the item");
    assert_eq!(text(item), "Swelling (edema)");
    // Every definition has an id of its own.
    let ids: Vec<&str> = all(&doc, "[popover]")
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), 17);
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}

#[tokio::test]
async fn the_most_important_information_opens_the_monograph_and_links_to_each_entry() {
    let monograph = lenalidomide();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::Usage, 1).await);
    let key = one(&doc, ".dm-key");
    // Beside the disclaimer, before the tabs.
    let previous = key
        .prev_siblings()
        .find_map(ElementRef::wrap)
        .expect("before it");
    assert!(previous.value().classes().any(|c| c == "dm-disclaimer"));
    let heading = within(key, ".dm-key-heading")[0];
    assert_eq!(text(heading), format!("⚠ {}", ENGLISH.most_important));
    assert_eq!(
        key.value().attr("aria-labelledby"),
        heading.value().attr("id")
    );
    let links: Vec<(String, Section)> = within(key, "a")
        .into_iter()
        .map(|link| {
            let target = &link.value().attr("href").expect("href")[1..];
            let entry = by_id(&doc, target);
            let panel = entry
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().attr("role") == Some("tabpanel"))
                .expect("in a panel");
            let section = Section::ALL
                .into_iter()
                .find(|s| panel.value().id() == Some(&format!("{PREFIX}-panel-{}", s.slug())))
                .expect("a section's panel");
            // The entry the link names, focusable to be moved to.
            assert!(text(entry).contains(&text(link)), "{}", text(entry));
            assert_eq!(entry.value().attr("tabindex"), Some("-1"));
            (text(link), section)
        })
        .collect();
    let expected = [
        ("Pregnancy", Section::Precautions),
        // A serious side effect by its words before the parenthesis.
        ("Severe skin reactions", Section::SideEffects),
        ("Blood clots", Section::SideEffects),
        ("Second cancers", Section::SideEffects),
        ("Liver problems", Section::SideEffects),
    ]
    .map(|(label, section)| (label.to_owned(), section));
    assert_eq!(links, expected);
}

#[tokio::test]
async fn a_monograph_without_alerts_has_no_box_and_one_without_terms_no_glossary() {
    let monograph = examplomab_dosage_and_faqs();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::Dosage, 1).await);
    assert!(all(&doc, ".dm-key").is_empty());
    assert!(all(&doc, ".dm-glossary").is_empty());
    assert!(all(&doc, "[popover]").is_empty());
}

#[tokio::test]
async fn the_words_explained_are_listed_after_the_panels_for_print() {
    let monograph = lenalidomide();
    let doc = Html::parse_fragment(&render_view(&monograph, Section::Usage, 1).await);
    let glossary = one(&doc, ".dm-glossary");
    assert!(!ancestors_have(glossary, |e| e.attr("role") == Some("tabpanel")));
    assert_eq!(
        text(within(glossary, ".dm-glossary-heading")[0]),
        ENGLISH.glossary_heading
    );
    let terms: Vec<String> = within(glossary, "dt").into_iter().map(text).collect();
    let definitions: Vec<String> = within(glossary, "dd").into_iter().map(text).collect();
    let expected: Vec<(String, String)> = monograph
        .glossary
        .iter()
        .map(|d| (d.term.clone(), d.definition.clone()))
        .collect();
    assert_eq!(
        terms.into_iter().zip(definitions).collect::<Vec<_>>(),
        expected
    );
    assert_eq!(expected.len(), 10);
    // After the last panel, before "About this information".
    let next = glossary
        .next_siblings()
        .find_map(ElementRef::wrap)
        .expect("after it");
    assert!(next.value().classes().any(|c| c == "dm-about"));
}
