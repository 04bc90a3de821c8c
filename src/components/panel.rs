//! One tab panel. A tab switch changes only whether panels are hidden:
//! each panel's content is a component of its own, so a switch re-renders
//! two panels' frames and none of their content, however long the
//! monograph. (Props compare their `Rc<Monograph>` by address first, since
//! `Monograph` is `Eq`: the same monograph costs nothing to compare.) Every
//! panel stays in the document, hidden when inactive, so that print and
//! find-in-page reach all of them.

use super::heading::{heading, HeadingLevel};
use super::panels::{self, PanelContext};
use super::tab_list::{panel_id, tab_id};
use crate::direction;
use crate::model::{Monograph, Section};
use crate::strings::Strings;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub monograph: Rc<Monograph>,
    pub section: Section,
    /// Whether another tab is open.
    pub hidden: bool,
    /// Whether to build the content: false only for a closed panel before
    /// the widget's first paint (see `use_first_paint`).
    pub with_content: bool,
    /// Prefix of the widget's element ids.
    pub id_prefix: AttrValue,
    /// Level of the panel's heading; headings inside follow it.
    pub heading_level: HeadingLevel,
    /// Interface language of the labels the widget adds.
    pub strings: &'static Strings,
}

#[function_component]
pub fn Panel(props: &PanelProps) -> Html {
    let PanelProps {
        monograph,
        section,
        hidden,
        with_content,
        id_prefix,
        heading_level,
        strings,
    } = props;
    let (section, level, strings) = (*section, *heading_level, *strings);
    let language = &monograph.language;
    html! {
        <section
            class="dm-panel"
            part="panel"
            role="tabpanel"
            id={panel_id(id_prefix, section)}
            aria-labelledby={tab_id(id_prefix, section)}
            tabindex="0"
            hidden={*hidden}
        >
            { heading(level, "dm-panel-heading", None, html! { strings.tab_label(section) }) }
            <div class="dm-panel-body" lang={language.clone()} dir={direction::of_language(language)}>
                if *with_content {
                    <PanelContent
                        monograph={monograph.clone()}
                        {section}
                        id_prefix={id_prefix.clone()}
                        heading_level={level.below()}
                        {strings}
                    />
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PanelContentProps {
    monograph: Rc<Monograph>,
    section: Section,
    id_prefix: AttrValue,
    /// Level of the headings inside the panel.
    heading_level: HeadingLevel,
    strings: &'static Strings,
}

/// The section's blocks: rendered again only for another monograph,
/// language or id prefix, never for a tab switch.
#[function_component]
fn PanelContent(props: &PanelContentProps) -> Html {
    let cx = PanelContext {
        id_prefix: &props.id_prefix,
        heading_level: props.heading_level,
        strings: props.strings,
    };
    panels::section(&props.monograph, props.section, &cx)
}
