//! The box that opens a monograph with its most important safety
//! information: every alert (a contraindication such as pregnancy) and
//! every serious side effect, in the monograph's own words, each a link to
//! its tab and entry. Built from the content's marks, so no editor writes
//! it twice; a monograph without alerts has no box.

use super::panels::alert_label;
use crate::direction;
use crate::model::walk::{self, Block, Severity};
use crate::model::{Monograph, Section};
use crate::strings::Strings;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// The id of the entry at `index` of `field` in `section`'s panel, for
/// the links to it.
pub fn alert_id(prefix: &str, section: Section, field: &str, index: usize) -> String {
    format!("{prefix}-{}-{field}-{index}", section.slug())
}

/// One entry of the box.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Alert {
    section: Section,
    /// The id of the entry it links to.
    id: String,
    /// The entry's lead term, or a serious side effect's lead words.
    label: String,
}

/// The alert entries first, then the serious side effects, each in
/// reading order.
fn alerts(monograph: &Monograph, prefix: &str) -> Vec<Alert> {
    let mut marked = Vec::new();
    let mut serious = Vec::new();
    for section in Section::ALL {
        for block in walk::blocks(monograph, section) {
            match block {
                Block::Items { field, items } => {
                    let alerts = items.iter().enumerate().filter(|(_, item)| item.alert);
                    marked.extend(alerts.map(|(index, item)| Alert {
                        section,
                        id: alert_id(prefix, section, field, index),
                        label: item.term.clone(),
                    }));
                }
                Block::SideEffects {
                    severity: severity @ Severity::Serious,
                    group,
                } => {
                    serious.extend(group.items.iter().enumerate().map(|(index, text)| Alert {
                        section,
                        id: alert_id(prefix, section, severity.field(), index),
                        label: lead_words(&text.plain()).to_owned(),
                    }));
                }
                _ => {}
            }
        }
    }
    marked.extend(serious);
    marked
}

/// A serious side effect's words before any parenthesis: "Blood clots" of
/// "Blood clots (deep vein thrombosis, pulmonary embolism)". Its entry,
/// a link away, says the rest.
fn lead_words(text: &str) -> &str {
    text.split_once(" (").map_or(text, |(lead, _)| lead).trim()
}

#[derive(Properties, PartialEq)]
pub struct KeyFactsProps {
    pub monograph: Rc<Monograph>,
    /// The open tab.
    pub active: Section,
    /// Prefix of the widget's element ids.
    pub id_prefix: AttrValue,
    /// Called with the tab of the entry the patient follows.
    pub onselect: Callback<Section>,
    pub strings: &'static Strings,
}

/// The box, beside the disclaimer. Without scripts every panel shows and
/// the links are plain anchors; with them, a link opens its tab, then
/// moves the focus (and so the view) to the entry.
#[function_component]
pub fn KeyFacts(props: &KeyFactsProps) -> Html {
    let alerts = use_memo(
        (props.monograph.clone(), props.id_prefix.clone()),
        |(monograph, prefix)| alerts(monograph, prefix),
    );
    let pending = use_state(|| None::<Alert>);
    let root = use_node_ref();
    {
        let pending = pending.clone();
        let root = root.clone();
        use_effect_with(
            ((*pending).clone(), props.active),
            move |(target, active)| {
                if let Some(target) = target.as_ref().filter(|t| t.section == *active) {
                    focus_entry(&root, &target.id);
                    pending.set(None);
                }
            },
        );
    }
    if alerts.is_empty() {
        return html! {};
    }
    // One listener for every link, so that the links are not rendered
    // again with each tab switch.
    let onclick = {
        let alerts = alerts.clone();
        let onselect = props.onselect.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(alert) = followed(&event, &alerts) {
                event.prevent_default();
                onselect.emit(alert.section);
                pending.set(Some(alert.clone()));
            }
        })
    };
    let heading_id = format!("{}-most-important", props.id_prefix);
    html! {
        <aside class="dm-key dm-alert" part="most-important" aria-labelledby={heading_id.clone()} ref={root} {onclick}>
            <p class="dm-key-heading" id={heading_id}><strong>{ alert_label(props.strings.most_important) }</strong></p>
            <AlertLinks {alerts} language={props.monograph.language.clone()} />
        </aside>
    }
}

/// The alert whose link `event` followed, if any.
fn followed<'a>(event: &MouseEvent, alerts: &'a [Alert]) -> Option<&'a Alert> {
    let link = event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(".dm-key-link")
        .ok()??;
    let id = link.get_attribute("href")?;
    let id = id.strip_prefix('#')?;
    alerts.iter().find(|alert| alert.id == id)
}

#[derive(Properties, PartialEq)]
struct AlertLinksProps {
    /// The same list from one render to the next (`use_memo`), so comparing
    /// it costs nothing: `Alert` is `Eq`, so `Rc` compares addresses first.
    alerts: Rc<Vec<Alert>>,
    /// The monograph's language, which the labels are in.
    language: AttrValue,
}

#[function_component]
fn AlertLinks(props: &AlertLinksProps) -> Html {
    let entry = |alert: &Alert| {
        html! {
            <li><a class="dm-key-link" href={format!("#{}", alert.id)}>{ alert.label.clone() }</a></li>
        }
    };
    html! {
        <ul class="dm-key-list" lang={props.language.clone()} dir={direction::of_language(&props.language)}>
            { for props.alerts.iter().map(entry) }
        </ul>
    }
}

/// Focuses the entry `id` of the monograph around `root`.
fn focus_entry(root: &NodeRef, id: &str) {
    let entry = root
        .cast::<Element>()
        .and_then(|aside| aside.closest(".dm").ok().flatten())
        .and_then(|monograph| monograph.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(|entry| entry.dyn_into::<HtmlElement>().ok());
    if let Some(entry) = entry {
        let _ = entry.focus();
    }
}
