use crate::error::LoadError;
use crate::fetch::{load, Validate};
use std::cell::Cell;
use std::rc::Rc;
use web_sys::AbortController;
use yew::prelude::*;

/// Where loading a document stands; failure is rendered in one place.
#[derive(Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    /// `offline`: the copy came from the offline cache because the network
    /// failed, so it may be out of date.
    Loaded {
        value: Rc<T>,
        offline: bool,
    },
    Failed(LoadError),
}

/// A document being loaded, and the way to try again.
pub struct Loader<T> {
    pub state: Rc<Load<T>>,
    /// Counts finished loads, so effects can react to each one exactly once.
    pub generation: u32,
    pub retry: Callback<()>,
}

/// Fetches and validates the document at `url`, again whenever `url`
/// changes or `retry` is called. A response that arrives after a newer
/// request, or after unmounting, is dropped and its request aborted.
///
/// ```text
/// let catalog = use_load(url, validate_catalog);
/// match &*catalog.state { Load::Loaded { value, .. } => …, … }
/// ```
#[hook]
pub fn use_load<T: 'static>(url: AttrValue, validate: Validate<T>) -> Loader<T> {
    let state = use_state(|| (Rc::new(Load::Loading), 0u32));
    let attempt = use_state(|| 0u32);

    {
        let state = state.clone();
        use_effect_with((url, *attempt), move |(url, _)| {
            let generation = state.1;
            state.set((Rc::new(Load::Loading), generation));
            let cancelled = Rc::new(Cell::new(false));
            let controller = AbortController::new().ok();
            if let Some(controller) = controller.clone() {
                let url = url.to_string();
                let cancelled = cancelled.clone();
                let state = state.setter();
                wasm_bindgen_futures::spawn_local(async move {
                    let result = load(&url, &controller, validate).await;
                    if cancelled.get() {
                        return;
                    }
                    let load = match result {
                        Ok(fetched) => Load::Loaded {
                            value: Rc::new(fetched.value),
                            offline: fetched.offline,
                        },
                        Err(error) => Load::Failed(error),
                    };
                    state.set((Rc::new(load), generation.wrapping_add(1)));
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

    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    Loader {
        state: state.0.clone(),
        generation: state.1,
        retry,
    }
}
