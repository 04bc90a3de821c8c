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
#[derive(Debug, Clone, PartialEq)]
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
    let alerts = alerts(&props.monograph, &props.id_prefix);
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
    let heading_id = format!("{}-most-important", props.id_prefix);
    let entry = |alert: &Alert| {
        let onclick = {
            let alert = alert.clone();
            let onselect = props.onselect.clone();
            let pending = pending.clone();
            Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                onselect.emit(alert.section);
                pending.set(Some(alert.clone()));
            })
        };
        html! {
            <li><a class="dm-key-link" href={format!("#{}", alert.id)} {onclick}>{ alert.label.clone() }</a></li>
        }
    };
    html! {
        <aside class="dm-key dm-alert" part="most-important" aria-labelledby={heading_id.clone()} ref={root}>
            <p class="dm-key-heading" id={heading_id}><strong>{ alert_label(props.strings.most_important) }</strong></p>
            <ul class="dm-key-list" lang={props.monograph.language.clone()} dir={direction::of_language(&props.monograph.language)}>
                { for alerts.iter().map(entry) }
            </ul>
        </aside>
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
