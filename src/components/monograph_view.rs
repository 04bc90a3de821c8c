use super::heading::{heading, HeadingLevel};
use super::key_facts::KeyFacts;
use super::panel::Panel;
use super::rich_text::{rich_text, Terms};
use super::tab_list::TabList;
use crate::direction;
use crate::hooks::use_first_paint;
use crate::model::Section;
use crate::model::{Definition, Monograph};
use crate::strings::{Strings, ENGLISH};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MonographViewProps {
    /// The validated monograph to show.
    pub monograph: Rc<Monograph>,
    /// The open tab, one the monograph has: the caller resolves the tab it
    /// was asked for (see `Section::resolve`), since it needs the answer too.
    pub active: Section,
    /// Prefix that keeps element ids unique among several widgets on a page.
    pub id_prefix: AttrValue,
    /// Level of the title heading; section headings follow it.
    #[prop_or_default]
    pub heading_level: HeadingLevel,
    /// Called when the user selects a tab.
    pub onselect: Callback<Section>,
    /// Interface language of the labels the widget adds.
    #[prop_or(&ENGLISH)]
    pub strings: &'static Strings,
}

/// A loaded monograph: title, disclaimer and the most important safety
/// information, one tab panel per section, and the words explained (in
/// print).
#[function_component]
pub fn MonographView(props: &MonographViewProps) -> Html {
    let monograph = &props.monograph;
    let tabs = Section::present_in(monograph);
    let active = props.active;
    let prefix = props.id_prefix.as_str();
    let level = props.heading_level;
    let title_id = format!("{prefix}-title");
    let strings = props.strings;
    // What cannot be seen is built after the open panel is painted.
    let painted = use_first_paint();

    // The widget's own labels are in the interface language; the clinical
    // text keeps the monograph's, so each is read aloud in its own voice.
    let content_lang = monograph.language.clone();
    let content_dir = direction::of_language(&monograph.language);
    let panel = |tab: Section| {
        html! {
            <Panel
                monograph={monograph.clone()}
                section={tab}
                hidden={tab != active}
                with_content={tab == active || painted}
                id_prefix={props.id_prefix.clone()}
                heading_level={level.below()}
                {strings}
            />
        }
    };

    html! {
        <article class="dm" part="monograph" lang={strings.language} dir={direction::of_language(strings.language)} aria-labelledby={title_id.clone()}>
            <header class="dm-header" part="header">
                { heading(level, "dm-title", Some(title_id), html! {
                    <span lang={content_lang.clone()} dir={content_dir}>{ monograph.title.clone() }</span>
                }) }
                <p class="dm-generic">
                    <span class="dm-label">{ strings.generic_name }</span>
                    { " " }<span lang={content_lang.clone()} dir={content_dir}>{ monograph.generic_name.clone() }</span>
                </p>
            </header>
            // Outside the tabs, so it is in view whichever panel is open.
            <div class="dm-disclaimer" part="disclaimer">
                <p>
                    <strong>{ strings.disclaimer }</strong>{ " " }
                    <span lang={content_lang.clone()} dir={content_dir}>{ rich_text(&monograph.disclaimer, &Terms::new(monograph, format!("{prefix}-disclaimer"))) }</span>
                </p>
            </div>
            <KeyFacts
                monograph={monograph.clone()}
                {active}
                id_prefix={props.id_prefix.clone()}
                onselect={props.onselect.clone()}
                {strings}
            />
            <TabList
                tabs={tabs.clone()}
                {active}
                id_prefix={props.id_prefix.clone()}
                label={strings.tablist_label}
                {strings}
                onselect={props.onselect.clone()}
            />
            { for tabs.into_iter().map(panel) }
            if painted {
                <Glossary monograph={monograph.clone()} {strings} />
            }
            { about(monograph, strings) }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct GlossaryProps {
    monograph: Rc<Monograph>,
    strings: &'static Strings,
}

/// The definitions of the marked words, for print, where a definition
/// cannot be opened: on screen each shows at its word instead. A component,
/// so that a tab switch does not render it again.
#[function_component]
fn Glossary(props: &GlossaryProps) -> Html {
    let monograph = &props.monograph;
    if monograph.glossary.is_empty() {
        return html! {};
    }
    let entry = |definition: &Definition| {
        html! {
            <>
                <dt>{ definition.term.clone() }</dt>
                <dd>{ definition.definition.clone() }</dd>
            </>
        }
    };
    html! {
        <section class="dm-glossary" part="glossary">
            <p class="dm-glossary-heading"><strong>{ props.strings.glossary_heading }</strong></p>
            <dl lang={monograph.language.clone()} dir={direction::of_language(&monograph.language)}>{ for monograph.glossary.iter().map(entry) }</dl>
        </section>
    }
}

/// Where the text comes from and when it was reviewed, so a patient (and a
/// printout) can judge how current it is. Missing facts are said to be
/// missing rather than left out.
fn about(monograph: &Monograph, strings: &Strings) -> Html {
    let fact = |label: &'static str, value: &Option<String>| {
        html! {
            <>
                <dt>{ label }</dt>
                <dd>{ value.clone().unwrap_or_else(|| strings.not_recorded.to_owned()) }</dd>
            </>
        }
    };
    html! {
        <footer class="dm-about" part="about">
            <p class="dm-about-heading"><strong>{ strings.about_heading }</strong></p>
            <dl class="dm-facts">
                { fact(strings.source, &monograph.source) }
                { fact(strings.last_reviewed, &monograph.last_reviewed) }
                { fact(strings.next_review, &monograph.next_review) }
            </dl>
        </footer>
    }
}
