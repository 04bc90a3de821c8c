use super::tab_choice::{TabAction, TabChoice};
use super::{Announcer, Failure, HeadingLevel, Loading, MonographView, Stale};
use crate::events::WidgetEvent;
use crate::hooks::{use_load, Load, Loader};
use crate::model::validate;
use crate::model::{Monograph, Section};
use crate::strings::fill;
use crate::strings::{Strings, ENGLISH};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MonographAppProps {
    /// Address of the monograph JSON, relative to the page.
    pub src: AttrValue,
    /// The tab to open; changing it opens that tab.
    #[prop_or_default]
    pub tab: Option<Section>,
    /// Level of the title heading, so the widget fits the page's outline.
    #[prop_or_default]
    pub heading_level: HeadingLevel,
    /// Interface language.
    #[prop_or(&ENGLISH)]
    pub strings: &'static Strings,
    /// Told when a monograph loads, fails, or the user changes tab.
    #[prop_or_default]
    pub onevent: Callback<WidgetEvent>,
    /// The monograph at `src`, when the page has it already: the widget is
    /// hydrating HTML pre-rendered from it.
    #[prop_or_default]
    pub preloaded: Option<Rc<Monograph>>,
    /// Prefix of the widget's element ids; one is made up when absent.
    /// Pre-rendered HTML names the prefix it was rendered with.
    #[prop_or_default]
    pub id_prefix: Option<AttrValue>,
}

/// The id prefix of every pre-rendered widget or page, so the browser
/// hydrates the ids the server wrote. Ids need to be unique only within a
/// document or a shadow root, and each holds one pre-rendered monograph.
pub const PRERENDERED_ID_PREFIX: &str = "dm";

/// A prefix that keeps element ids unique among several widgets on a page.
pub fn next_id_prefix() -> AttrValue {
    static INSTANCES: AtomicUsize = AtomicUsize::new(0);
    format!("dm{}", INSTANCES.fetch_add(1, Ordering::Relaxed) + 1).into()
}

/// The embeddable widget: loads a monograph and shows it, its loading
/// state, or why it failed, and tells the host what happened.
#[function_component]
pub fn MonographApp(props: &MonographAppProps) -> Html {
    let id_prefix = use_memo((), |_| {
        props.id_prefix.clone().unwrap_or_else(next_id_prefix)
    });
    let loader = use_load(props.src.clone(), validate, props.preloaded.clone());
    let choice = use_reducer(|| TabChoice::new(props.tab));

    {
        // Told to the host only once the new state is on screen, so a
        // listener that looks inside the widget finds what was announced.
        let state = loader.state.clone();
        let onevent = props.onevent.clone();
        use_effect_with(loader.generation, move |&generation| {
            let event = match &*state {
                _ if generation == 0 => None,
                Load::Loaded { value, .. } => Some(WidgetEvent::Load {
                    id: value.id.clone(),
                    title: value.title.clone(),
                }),
                Load::Failed(error) => Some(WidgetEvent::Error {
                    kind: error.kind(),
                    message: error.to_string(),
                }),
                Load::Loading => None,
            };
            if let Some(event) = event {
                onevent.emit(event);
            }
        });
    }

    {
        // The `tab` attribute arrives as a prop; the choice decides whether
        // it is news.
        let choice = choice.dispatcher();
        use_effect_with(props.tab, move |&tab| {
            choice.dispatch(TabAction::HostAsked(tab));
        });
    }

    let strings = props.strings;
    let message = use_load_message(&loader, strings);
    let content = match &*loader.state {
        Load::Loading => html! { <Loading {strings} /> },
        Load::Failed(error) => html! {
            <Failure
                error={error.clone()}
                heading_level={props.heading_level}
                onretry={loader.retry.clone()}
                {strings}
            />
        },
        Load::Loaded { value, offline } => {
            let active = Section::resolve(choice.selected, value);
            let onselect = {
                let choice = choice.dispatcher();
                let onevent = props.onevent.clone();
                Callback::from(move |tab: Section| {
                    if tab != active {
                        choice.dispatch(TabAction::PatientPicked(tab));
                        onevent.emit(WidgetEvent::TabChange { tab: tab.slug() });
                    }
                })
            };
            html! {
                <>
                    if *offline { <Stale {strings} /> }
                    <MonographView
                        monograph={value.clone()}
                        {active}
                        id_prefix={(*id_prefix).clone()}
                        heading_level={props.heading_level}
                        {onselect}
                        {strings}
                    />
                </>
            }
        }
    };
    html! {
        <>
            <Announcer {message} />
            { content }
        </>
    }
}

/// What a monograph's load tells screen-reader users: that it is loading,
/// which one has loaded, or that it failed. Nothing for a monograph that
/// was there from the first render, as a pre-rendered one is.
#[hook]
pub fn use_load_message(
    loader: &Loader<Monograph>,
    strings: &'static Strings,
) -> Option<AttrValue> {
    let first_generation = *use_memo((), |_| loader.generation);
    let fresh = loader.generation != first_generation;
    match &*loader.state {
        Load::Loading => Some(AttrValue::Static(strings.loading)),
        Load::Loaded { .. } if !fresh => None,
        Load::Loaded { value, .. } => Some(fill(strings.loaded, "title", &value.title).into()),
        Load::Failed(_) => Some(AttrValue::Static(strings.error_title)),
    }
}
