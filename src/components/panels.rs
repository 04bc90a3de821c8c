//! The content of each tab panel: the section's blocks from the model's walk
//! ([`walk::blocks`]), one function per kind of block. They return HTML, so
//! rendering is testable without a browser.

use super::heading::{heading, HeadingLevel};
use super::key_facts::alert_id;
use super::rich_text::{rich_text, Terms};
use crate::model::walk::{self, Block, Severity};
use crate::model::{Faq, Item, Monograph, RichText, Section, SideEffectGroup};
use crate::strings::Strings;
use yew::prelude::*;

/// What every panel needs besides its section.
pub struct PanelContext<'a> {
    /// Prefix that keeps ids unique when a page holds several widgets.
    pub id_prefix: &'a str,
    /// Level for headings inside the panel.
    pub heading_level: HeadingLevel,
    /// Interface language of the labels the widget adds.
    pub strings: &'static Strings,
}

/// One panel being rendered: its section, and the terms its text explains.
struct Panel<'a> {
    cx: &'a PanelContext<'a>,
    section: Section,
    terms: Terms<'a>,
}

impl Panel<'_> {
    fn paragraph(&self, text: &RichText) -> Html {
        html! { <p>{ rich_text(text, &self.terms) }</p> }
    }
}

/// The warning sign and label that mark safety-critical content in words and
/// shape, not by colour alone.
pub(super) fn alert_label(text: &'static str) -> Html {
    html! {
        <>
            <span class="dm-alert-icon" aria-hidden="true">{ "⚠" }</span>
            { " " }{ text }
        </>
    }
}

/// An entry of `field`, at `index`. An alert has an id (and can take
/// focus) so that the box of the most important information links to it.
fn item(panel: &Panel, field: &str, index: usize, item: &Item) -> Html {
    let body = html! {
        <>
            <strong class="dm-term">{ format!("{}:", item.term) }</strong>
            { " " }{ rich_text(&item.text, &panel.terms) }
        </>
    };
    if item.alert {
        let id = alert_id(panel.cx.id_prefix, panel.section, field, index);
        html! {
            <li class="dm-item dm-alert" part="alert" {id} tabindex="-1">
                <p class="dm-alert-label"><strong>{ alert_label(panel.cx.strings.important) }</strong></p>
                <p>{ body }</p>
            </li>
        }
    } else {
        html! { <li class="dm-item">{ body }</li> }
    }
}

fn item_list(panel: &Panel, field: &str, items: &[Item]) -> Html {
    html! {
        <ul class="dm-items">
            { for items.iter().enumerate().map(|(i, entry)| item(panel, field, i, entry)) }
        </ul>
    }
}

/// The content of one section's panel: its blocks, in reading order.
pub fn section(monograph: &Monograph, section: Section, cx: &PanelContext) -> Html {
    let panel = Panel {
        cx,
        section,
        terms: Terms::new(monograph, format!("{}-{}", cx.id_prefix, section.slug())),
    };
    walk::blocks(monograph, section)
        .into_iter()
        .map(|piece| block(&panel, piece))
        .collect()
}

fn block(panel: &Panel, block: Block) -> Html {
    match block {
        Block::Paragraph { text, .. } => panel.paragraph(text),
        Block::Items { field, items } => item_list(panel, field, items),
        Block::SideEffects {
            severity: Severity::Common,
            group,
        } => common_side_effects(panel, group),
        Block::SideEffects {
            severity: Severity::Serious,
            group,
        } => serious_side_effects(panel, group),
        Block::Advice(text) => {
            html! { <p class="dm-advice">{ rich_text(text, &panel.terms) }</p> }
        }
        Block::Faq(entry) => faq(panel, entry),
    }
}

/// A side-effect list; the serious one gives each entry an id, for the box
/// of the most important information.
fn side_effect_list(panel: &Panel, group: &SideEffectGroup, severity: Severity) -> Html {
    let entry = |(index, text): (usize, &RichText)| {
        let id = (severity == Severity::Serious)
            .then(|| alert_id(panel.cx.id_prefix, panel.section, severity.field(), index));
        let tabindex = id.as_ref().map(|_| "-1");
        html! { <li class="dm-item" {id} {tabindex}>{ rich_text(text, &panel.terms) }</li> }
    };
    html! {
        <>
            { panel.paragraph(&group.intro) }
            <ul class="dm-items">{ for group.items.iter().enumerate().map(entry) }</ul>
        </>
    }
}

fn common_side_effects(panel: &Panel, group: &SideEffectGroup) -> Html {
    let cx = panel.cx;
    html! {
        <div class="dm-group">
            { heading(cx.heading_level, "dm-group-heading", None, html! { cx.strings.common_side_effects }) }
            { side_effect_list(panel, group, Severity::Common) }
        </div>
    }
}

fn serious_side_effects(panel: &Panel, group: &SideEffectGroup) -> Html {
    let cx = panel.cx;
    let label_id = format!("{}-serious", cx.id_prefix);
    html! {
        <div class="dm-group dm-alert" part="alert" role="note" aria-labelledby={label_id.clone()}>
            { heading(cx.heading_level, "dm-alert-label", Some(label_id), alert_label(cx.strings.serious_side_effects)) }
            { side_effect_list(panel, group, Severity::Serious) }
        </div>
    }
}

/// Every answer is shown, each under its question as a heading: six short
/// answers read faster than six disclosure buttons, nothing is missed when
/// printed, and screen-reader users can jump from question to question.
fn faq(panel: &Panel, faq: &Faq) -> Html {
    html! {
        <div class="dm-faq">
            { heading(panel.cx.heading_level, "dm-question", None, html! { faq.question.clone() }) }
            <p class="dm-answer">{ rich_text(&faq.answer, &panel.terms) }</p>
        </div>
    }
}
