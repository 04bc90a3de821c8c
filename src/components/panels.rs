//! The content of each tab panel, one function per section. They take the
//! section and return HTML, so rendering is testable without a browser.

use super::heading::{heading, HeadingLevel};
use super::rich_text::rich_text;
use crate::model::{
    Dosage, Faq, HowItWorks, Item, Precautions, SideEffectGroup, SideEffects, Usage,
};
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

fn paragraph(text: &crate::model::RichText) -> Html {
    html! { <p>{ rich_text(text) }</p> }
}

fn optional_paragraph(text: &Option<crate::model::RichText>) -> Html {
    text.as_ref().map(paragraph).unwrap_or_default()
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

fn items(items: &[Item], cx: &PanelContext) -> Html {
    html! { <ul class="dm-items">{ for items.iter().map(|i| item(i, cx.strings)) }</ul> }
}

pub fn usage(section: &Usage, cx: &PanelContext) -> Html {
    html! {
        <>
            { paragraph(&section.intro) }
            { items(&section.conditions, cx) }
            { optional_paragraph(&section.note) }
        </>
    }
}

pub fn dosage(section: &Dosage, cx: &PanelContext) -> Html {
    html! {
        <>
            { paragraph(&section.intro) }
            { items(&section.conditions, cx) }
            { optional_paragraph(&section.adjustment) }
        </>
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

pub fn side_effects(section: &SideEffects, cx: &PanelContext) -> Html {
    let common = section.common.as_ref().map(|group| {
        html! {
            <div class="dm-group">
                { heading(cx.heading_level, "dm-group-heading", None, html! { cx.strings.common_side_effects }) }
                { side_effect_list(group) }
            </div>
        }
    });
    let serious = section.serious.as_ref().map(|group| {
        let label_id = format!("{}-serious", cx.id_prefix);
        html! {
            <div class="dm-group dm-alert" part="alert" role="note" aria-labelledby={label_id.clone()}>
                { heading(cx.heading_level, "dm-alert-label", Some(label_id), alert_label(cx.strings.serious_side_effects)) }
                { side_effect_list(group) }
            </div>
        }
    });
    let advice = section
        .advice
        .as_ref()
        .map(|text| html! { <p class="dm-advice">{ rich_text(text) }</p> });
    html! { <>{ common }{ serious }{ advice }</> }
}

pub fn how_it_works(section: &HowItWorks, cx: &PanelContext) -> Html {
    html! {
        <>
            { paragraph(&section.intro) }
            { items(&section.actions, cx) }
            { optional_paragraph(&section.summary) }
        </>
    }
}

pub fn precautions(section: &Precautions, cx: &PanelContext) -> Html {
    html! {
        <>
            { optional_paragraph(&section.intro) }
            { items(&section.items, cx) }
        </>
    }
}

/// Every answer is shown, each under its question as a heading: six short
/// answers read faster than six disclosure buttons, nothing is missed when
/// printed, and screen-reader users can jump from question to question.
pub fn faqs(faqs: &[Faq], cx: &PanelContext) -> Html {
    faqs.iter()
        .map(|faq| {
            html! {
                <div class="dm-faq">
                    { heading(cx.heading_level, "dm-question", None, html! { faq.question.clone() }) }
                    <p class="dm-answer">{ rich_text(&faq.answer) }</p>
                </div>
            }
        })
        .collect()
}
