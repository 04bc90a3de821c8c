use super::{Failure, Loading, MonographView};
use crate::error::LoadError;
use crate::events::WidgetEvent;
use crate::fetch::load_monograph;
use crate::hash;
use crate::model::Monograph;
use crate::strings::{Strings, ENGLISH};
use crate::tab::Tab;
use gloo::events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use web_sys::AbortController;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MonographAppProps {
    /// Address of the monograph JSON, relative to the page.
    pub src: AttrValue,
    /// The tab to open; changing it opens that tab.
    #[prop_or_default]
    pub tab: Option<Tab>,
    /// Keep the open tab in the page address (`#dosage`), which then wins
    /// over `tab`. Only one widget on a page should own the address.
    #[prop_or(false)]
    pub sync_hash: bool,
    /// Level of the title heading, so the widget fits the page's outline.
    #[prop_or(1)]
    pub heading_level: u8,
    /// Interface language.
    #[prop_or(&ENGLISH)]
    pub strings: &'static Strings,
    /// Told when a monograph loads, fails, or the user changes tab.
    #[prop_or_default]
    pub onevent: Callback<WidgetEvent>,
}

/// Where loading stands; failure is rendered in one place.
#[derive(Clone, PartialEq)]
enum LoadState {
    Loading,
    Loaded(Rc<Monograph>),
    Failed(LoadError),
}

fn next_id_prefix() -> String {
    static INSTANCES: AtomicUsize = AtomicUsize::new(0);
    format!("dm{}", INSTANCES.fetch_add(1, Ordering::Relaxed) + 1)
}

/// Loads a monograph and shows it, its loading state, or why it failed.
#[function_component]
pub fn MonographApp(props: &MonographAppProps) -> Html {
    let id_prefix = use_memo((), |_| AttrValue::from(next_id_prefix()));
    let state = use_state(|| LoadState::Loading);
    let attempt = use_state(|| 0u32);
    // Told to the host only once the new state is on screen, so a listener
    // that looks inside the widget finds what the event announces.
    let announcement = use_mut_ref(|| None::<WidgetEvent>);
    let sync_hash = props.sync_hash;
    let selected = use_state(|| sync_hash.then(hash::current_tab).flatten().or(props.tab));

    {
        let state = state.setter();
        let announcement = announcement.clone();
        use_effect_with((props.src.clone(), *attempt), move |(src, _)| {
            state.set(LoadState::Loading);
            let cancelled = Rc::new(Cell::new(false));
            let controller = AbortController::new().ok();
            if let Some(controller) = controller.clone() {
                let src = src.to_string();
                let cancelled = cancelled.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let result = load_monograph(&src, &controller).await;
                    // A newer request or unmounting owns the state now.
                    if cancelled.get() {
                        return;
                    }
                    match result {
                        Ok(monograph) => {
                            let event = WidgetEvent::Load {
                                id: monograph.id.clone(),
                                title: monograph.title.clone(),
                            };
                            *announcement.borrow_mut() = Some(event);
                            state.set(LoadState::Loaded(Rc::new(monograph)));
                        }
                        Err(error) => {
                            let event = WidgetEvent::Error {
                                kind: error.kind(),
                                message: error.to_string(),
                            };
                            *announcement.borrow_mut() = Some(event);
                            state.set(LoadState::Failed(error));
                        }
                    }
                });
            }
            move || {
                cancelled.set(true);
                if let Some(controller) = controller {
                    controller.abort();
                }
            }
        });
    }

    {
        let onevent = props.onevent.clone();
        use_effect(move || {
            if let Some(event) = announcement.borrow_mut().take() {
                onevent.emit(event);
            }
        });
    }

    {
        // The host changed the `tab` it asks for: open it. The first value
        // is already the initial selection, unless the address named a tab.
        let selected = selected.setter();
        let requested = use_mut_ref(|| props.tab);
        use_effect_with(props.tab, move |&tab| {
            if *requested.borrow() != tab {
                *requested.borrow_mut() = tab;
                if tab.is_some() {
                    selected.set(tab);
                }
            }
        });
    }

    {
        // Editing the address or following an in-page link selects the tab.
        let selected = selected.setter();
        let onevent = props.onevent.clone();
        use_effect_with(sync_hash, move |&sync_hash| {
            let listener = sync_hash.then(web_sys::window).flatten().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    if let Some(tab) = hash::current_tab() {
                        selected.set(Some(tab));
                        onevent.emit(WidgetEvent::TabChange { tab: tab.slug() });
                    }
                })
            });
            move || drop(listener)
        });
    }

    let active = match &*state {
        LoadState::Loaded(monograph) => Tab::resolve(*selected, monograph),
        _ => Tab::Usage,
    };
    let onselect = {
        let selected = selected.setter();
        let onevent = props.onevent.clone();
        Callback::from(move |tab: Tab| {
            if tab == active {
                return;
            }
            selected.set(Some(tab));
            if sync_hash {
                hash::show_tab(tab);
            }
            onevent.emit(WidgetEvent::TabChange { tab: tab.slug() });
        })
    };
    let onretry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };

    let strings = props.strings;
    match &*state {
        LoadState::Loading => html! { <Loading {strings} /> },
        LoadState::Failed(error) => html! {
            <Failure error={error.clone()} heading_level={props.heading_level} {onretry} {strings} />
        },
        LoadState::Loaded(monograph) => html! {
            <MonographView
                monograph={monograph.clone()}
                {active}
                id_prefix={(*id_prefix).clone()}
                heading_level={props.heading_level}
                {onselect}
                {strings}
            />
        },
    }
}
