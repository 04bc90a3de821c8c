use super::{Failure, Loading, MonographView};
use crate::error::LoadError;
use crate::fetch::load_monograph;
use crate::hash;
use crate::model::Monograph;
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
    /// Keep the open tab in the page address (`#dosage`). Only one widget
    /// on a page should own the address.
    #[prop_or(false)]
    pub sync_hash: bool,
    /// Level of the title heading, so the widget fits the page's outline.
    #[prop_or(1)]
    pub heading_level: u8,
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
    let sync_hash = props.sync_hash;
    let selected = use_state(|| if sync_hash { hash::current_tab() } else { None });

    {
        let state = state.setter();
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
                    if !cancelled.get() {
                        state.set(match result {
                            Ok(monograph) => LoadState::Loaded(Rc::new(monograph)),
                            Err(error) => LoadState::Failed(error),
                        });
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
        // Editing the address or following an in-page link selects the tab.
        let selected = selected.setter();
        use_effect_with(sync_hash, move |&sync_hash| {
            let listener = sync_hash.then(web_sys::window).flatten().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    if let Some(tab) = hash::current_tab() {
                        selected.set(Some(tab));
                    }
                })
            });
            move || drop(listener)
        });
    }

    let onselect = {
        let selected = selected.setter();
        Callback::from(move |tab: Tab| {
            selected.set(Some(tab));
            if sync_hash {
                hash::show_tab(tab);
            }
        })
    };
    let onretry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };

    match &*state {
        LoadState::Loading => html! { <Loading /> },
        LoadState::Failed(error) => html! {
            <Failure error={error.clone()} heading_level={props.heading_level} {onretry} />
        },
        LoadState::Loaded(monograph) => html! {
            <MonographView
                monograph={monograph.clone()}
                active={selected.unwrap_or(Tab::Usage)}
                id_prefix={(*id_prefix).clone()}
                heading_level={props.heading_level}
                {onselect}
            />
        },
    }
}
