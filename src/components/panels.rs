//! The content of each tab panel: the section's blocks from the model's walk
//! ([`walk::blocks`]), one function per kind of block. They return HTML, so
//! rendering is testable without a browser.

use super::heading::{heading, HeadingLevel};
use super::rich_text::rich_text;
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

fn paragraph(text: &RichText) -> Html {
    html! { <p>{ rich_text(text) }</p> }
}

/// The warning sign and label that mark safety-critical content in words and
/// shape, not by colour alone.
fn alert_label(text: &'static str) -> Html {
    html! {
        <>
            <span class="dm-alert-icon" aria-hidden="true">{ "⚠" }</span>
            { " " }{ text }
        </>
    }
}

fn item(item: &Item, strings: &Strings) -> Html {
    let body = html! {
        <>
            <strong class="dm-term">{ format!("{}:", item.term) }</strong>
            { " " }{ rich_text(&item.text) }
        </>
    };
    if item.alert {
        html! {
            <li class="dm-item dm-alert" part="alert">
                <p class="dm-alert-label"><strong>{ alert_label(strings.important) }</strong></p>
                <p>{ body }</p>
            </li>
        }
    } else {
        html! { <li class="dm-item">{ body }</li> }
    }
}

fn item_list(items: &[Item], cx: &PanelContext) -> Html {
    html! { <ul class="dm-items">{ for items.iter().map(|i| item(i, cx.strings)) }</ul> }
}

/// The content of one section's panel: its blocks, in reading order.
pub fn section(monograph: &Monograph, section: Section, cx: &PanelContext) -> Html {
    walk::blocks(monograph, section)
        .into_iter()
        .map(|piece| block(piece, cx))
        .collect()
}

fn block(block: Block, cx: &PanelContext) -> Html {
    match block {
        Block::Paragraph { text, .. } => paragraph(text),
        Block::Items { items, .. } => item_list(items, cx),
        Block::SideEffects {
            severity: Severity::Common,
            group,
        } => common_side_effects(group, cx),
        Block::SideEffects {
            severity: Severity::Serious,
            group,
        } => serious_side_effects(group, cx),
        Block::Advice(text) => html! { <p class="dm-advice">{ rich_text(text) }</p> },
        Block::Faq(entry) => faq(entry, cx),
    }
}

fn side_effect_list(group: &SideEffectGroup) -> Html {
    html! {
        <>
            { paragraph(&group.intro) }
            <ul class="dm-items">
                { for group.items.iter().map(|text| html! { <li class="dm-item">{ rich_text(text) }</li> }) }
            </ul>
        </>
    }
}

fn common_side_effects(group: &SideEffectGroup, cx: &PanelContext) -> Html {
    html! {
        <div class="dm-group">
            { heading(cx.heading_level, "dm-group-heading", None, html! { cx.strings.common_side_effects }) }
            { side_effect_list(group) }
        </div>
    }
}

fn serious_side_effects(group: &SideEffectGroup, cx: &PanelContext) -> Html {
    let label_id = format!("{}-serious", cx.id_prefix);
    html! {
        <div class="dm-group dm-alert" part="alert" role="note" aria-labelledby={label_id.clone()}>
            { heading(cx.heading_level, "dm-alert-label", Some(label_id), alert_label(cx.strings.serious_side_effects)) }
            { side_effect_list(group) }
        </div>
    }
}

/// Every answer is shown, each under its question as a heading: six short
/// answers read faster than six disclosure buttons, nothing is missed when
/// printed, and screen-reader users can jump from question to question.
fn faq(faq: &Faq, cx: &PanelContext) -> Html {
    html! {
        <div class="dm-faq">
            { heading(cx.heading_level, "dm-question", None, html! { faq.question.clone() }) }
            <p class="dm-answer">{ rich_text(&faq.answer) }</p>
        </div>
    }
}
