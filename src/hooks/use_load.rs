use crate::error::LoadError;
use crate::fetch::{load, Fetched, Validate};
use std::rc::Rc;
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

/// Everything `use_load` keeps between renders, changed only through
/// [`LoadAction`]s.
struct LoadState<T> {
    load: Rc<Load<T>>,
    /// Counts finished loads (see [`Loader::generation`]).
    generation: u32,
    /// Counts retries: each one starts the request again.
    attempt: u32,
    /// The address whose document was handed over already loaded (a
    /// pre-rendered page's), so its first request is not made; forgotten
    /// once any request starts.
    preloaded: Option<AttrValue>,
}

enum LoadAction<T> {
    /// A request went out.
    Started,
    /// The request came back, with the document or why there is none.
    Finished(Result<Fetched<T>, LoadError>),
    /// The patient asked to try again.
    Retried,
}

impl<T> Reducible for LoadState<T> {
    type Action = LoadAction<T>;

    fn reduce(self: Rc<Self>, action: LoadAction<T>) -> Rc<Self> {
        let mut next = LoadState {
            load: self.load.clone(),
            generation: self.generation,
            attempt: self.attempt,
            preloaded: None,
        };
        match action {
            LoadAction::Started => next.load = Rc::new(Load::Loading),
            LoadAction::Finished(result) => {
                next.load = Rc::new(match result {
                    Ok(fetched) => Load::Loaded {
                        value: fetched.value,
                        offline: fetched.offline,
                    },
                    Err(error) => Load::Failed(error),
                });
                next.generation = self.generation.wrapping_add(1);
            }
            LoadAction::Retried => next.attempt = self.attempt.wrapping_add(1),
        }
        Rc::new(next)
    }
}

/// Fetches and validates the document at `url`, again whenever `url`
/// changes or `retry` is called: a retry never gets the failure it
/// retries, but joins the request of anyone else loading `url` now. A
/// response that arrives after a newer request, or after unmounting, is
/// dropped, and the request aborted when no other widget waits on it.
///
/// `preloaded` is the document at `url` when the caller has it already (a
/// pre-rendered page hydrating): it is shown from the first render, which
/// then matches the server's, and counts as the first finished load.
///
/// ```text
/// let catalog = use_load(url, validate_catalog, None);
/// match &*catalog.state { Load::Loaded { value, .. } => …, … }
/// ```
#[hook]
pub fn use_load<T: 'static>(
    url: AttrValue,
    validate: Validate<T>,
    preloaded: Option<Rc<T>>,
) -> Loader<T> {
    let state = use_reducer(|| match preloaded {
        Some(value) => LoadState {
            load: Rc::new(Load::Loaded {
                value,
                offline: false,
            }),
            generation: 1,
            attempt: 0,
            preloaded: Some(url.clone()),
        },
        None => LoadState {
            load: Rc::new(Load::Loading),
            generation: 0,
            attempt: 0,
            preloaded: None,
        },
    });

    {
        let dispatcher = state.dispatcher();
        let preloaded = state.preloaded.clone();
        use_effect_with((url, state.attempt), move |(url, _)| {
            // No request when the document is on screen already.
            let ticket = (preloaded.as_ref() != Some(url)).then(|| {
                dispatcher.dispatch(LoadAction::Started);
                let dispatcher = dispatcher.clone();
                load(url, validate, move |result| {
                    dispatcher.dispatch(LoadAction::Finished(result))
                })
            });
            move || drop(ticket)
        });
    }

    let retry = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(LoadAction::Retried))
    };
    Loader {
        state: state.load.clone(),
        generation: state.generation,
        retry,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> Rc<LoadState<&'static str>> {
        Rc::new(LoadState {
            load: Rc::new(Load::Loading),
            generation: 0,
            attempt: 0,
            preloaded: None,
        })
    }

    #[test]
    fn each_finished_load_counts_once() {
        let loaded = start().reduce(LoadAction::Finished(Ok(Fetched {
            value: Rc::new("catalog"),
            offline: true,
        })));
        assert_eq!(
            *loaded.load,
            Load::Loaded {
                value: Rc::new("catalog"),
                offline: true
            }
        );
        assert_eq!(loaded.generation, 1);

        let again = loaded.reduce(LoadAction::Started);
        assert_eq!(*again.load, Load::Loading);
        assert_eq!(again.generation, 1, "starting is not finishing");

        let failed = again.reduce(LoadAction::Finished(Err(LoadError::NoSource)));
        assert_eq!(*failed.load, Load::Failed(LoadError::NoSource));
        assert_eq!(failed.generation, 2);
    }

    #[test]
    fn a_retry_keeps_what_is_shown_until_the_request_goes_out() {
        let failed = start().reduce(LoadAction::Finished(Err(LoadError::NoSource)));
        let retried = failed.clone().reduce(LoadAction::Retried);
        assert_eq!(retried.attempt, 1);
        assert!(Rc::ptr_eq(&retried.load, &failed.load));
        assert_eq!(retried.generation, failed.generation);
    }
}
