use super::heading::heading;
use super::panels::{self, PanelContext};
use super::rich_text::rich_text;
use super::tab_list::{panel_id, tab_id, TabList};
use crate::model::Monograph;
use crate::strings::ENGLISH;
use crate::tab::Tab;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MonographViewProps {
    /// The validated monograph to show.
    pub monograph: Rc<Monograph>,
    /// The selected tab; falls back to the first when the monograph lacks it.
    pub active: Tab,
    /// Prefix that keeps element ids unique among several widgets on a page.
    pub id_prefix: AttrValue,
    /// Level of the title heading (1 to 6); section headings follow it.
    #[prop_or(1)]
    pub heading_level: u8,
    /// Called when the user selects a tab.
    pub onselect: Callback<Tab>,
}

/// A loaded monograph: title, disclaimer, and one tab panel per section.
#[function_component]
pub fn MonographView(props: &MonographViewProps) -> Html {
    let monograph = &props.monograph;
    let tabs = Tab::present_in(monograph);
    let active = if tabs.contains(&props.active) {
        props.active
    } else {
        tabs[0]
    };
    let prefix = props.id_prefix.as_str();
    let level = props.heading_level;
    let title_id = format!("{prefix}-title");
    let cx = PanelContext {
        id_prefix: prefix,
        heading_level: level + 2,
    };

    let panel = |tab: Tab| {
        let content = match tab {
            Tab::Usage => monograph.usage.as_ref().map(panels::usage),
            Tab::Dosage => monograph.dosage.as_ref().map(panels::dosage),
            Tab::SideEffects => monograph
                .side_effects
                .as_ref()
                .map(|section| panels::side_effects(section, &cx)),
            Tab::HowItWorks => monograph.how_it_works.as_ref().map(panels::how_it_works),
            Tab::Precautions => monograph.precautions.as_ref().map(panels::precautions),
            Tab::Faqs => Some(panels::faqs(&monograph.faqs, &cx)),
        };
        // Every panel stays in the document, hidden when inactive, so that
        // print and find-in-page reach all of them.
        html! {
            <section
                class="dm-panel"
                role="tabpanel"
                id={panel_id(prefix, tab)}
                aria-labelledby={tab_id(prefix, tab)}
                tabindex="0"
                hidden={tab != active}
            >
                { heading(level + 1, "dm-panel-heading", None, html! { tab.label(&ENGLISH) }) }
                { content }
            </section>
        }
    };

    html! {
        <article class="dm" lang={monograph.language.clone()} aria-labelledby={title_id.clone()}>
            <header class="dm-header">
                { heading(level, "dm-title", Some(title_id), html! { monograph.title.clone() }) }
                <p class="dm-generic">
                    <span class="dm-label">{ ENGLISH.generic_name }</span>
                    { " " }{ monograph.generic_name.clone() }
                </p>
            </header>
            // Outside the tabs, so it is in view whichever panel is open.
            <div class="dm-disclaimer">
                <p><strong>{ ENGLISH.disclaimer }</strong>{ " " }{ rich_text(&monograph.disclaimer) }</p>
            </div>
            <TabList
                tabs={tabs.clone()}
                {active}
                id_prefix={props.id_prefix.clone()}
                label={ENGLISH.tablist_label}
                onselect={props.onselect.clone()}
            />
            { for tabs.into_iter().map(panel) }
        </article>
    }
}
