//! The documents being fetched: one request per address, however many
//! widgets want that document at once. Twenty widgets with the same `src`
//! make one request, and the file is parsed and validated once (see
//! `fetch::Delivery::document`). A request is forgotten as soon as it
//! settles, so whoever asks later (a retry, a widget added afterwards, a
//! changed `src`) asks the network again and never gets a kept failure. A
//! request that every widget waiting on it has left is aborted.
//!
//! The one exception is a request the loader started while the wasm
//! loaded: it may settle before the widgets it was made for have started
//! waiting (a file from a near server arrives with the wasm), so what it
//! brought is kept for them, as many as the loader counted, and for nobody
//! else.

use crate::deadline;
use crate::error::LoadError;
use crate::fetch::{self, Delivery, TIMEOUT_SECONDS};
use crate::request;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::AbortController;

/// Given the settled request, once.
type Waiter = Box<dyn FnOnce(&Delivery)>;

struct InFlight {
    id: u32,
    url: String,
    controller: Option<AbortController>,
    waiters: Vec<(u32, Waiter)>,
}

/// A request the loader started, and the widgets it was made for that have
/// not come for it yet.
struct Early {
    url: String,
    request: u32,
    /// What it brought, once settled.
    delivery: Option<Rc<Delivery>>,
    expected: u32,
}

thread_local! {
    static IN_FLIGHT: RefCell<Vec<InFlight>> = const { RefCell::new(Vec::new()) };
    static EARLY: RefCell<Vec<Early>> = const { RefCell::new(Vec::new()) };
    static LAST_ID: Cell<u32> = const { Cell::new(0) };
}

fn next_id() -> u32 {
    LAST_ID.with(|last| {
        let id = last.get().wrapping_add(1);
        last.set(id);
        id
    })
}

fn in_flight(url: &str) -> Option<u32> {
    IN_FLIGHT.with(|all| {
        all.borrow()
            .iter()
            .find(|request| request.url == url)
            .map(|request| request.id)
    })
}

/// A widget's place among those waiting on a request: dropping it leaves,
/// and its waiter is then never called.
pub struct Ticket {
    request: u32,
    waiter: u32,
    left: Rc<Cell<bool>>,
}

/// Calls `waiter` with the document at `url` (an address already checked)
/// once it is in, from the request in flight for it or from a new one.
pub fn wait(url: &str, waiter: impl FnOnce(&Delivery) + 'static) -> Ticket {
    let id = next_id();
    let left = Rc::new(Cell::new(false));
    let (request, delivered) = match expected_early(url) {
        Some((request, delivered)) => (request, delivered),
        None => (in_flight(url).unwrap_or_else(|| start(url, None)), None),
    };
    if let Some(delivery) = delivered {
        waiter(&delivery);
        return Ticket {
            request,
            waiter: id,
            left,
        };
    }
    let waiter: Waiter = {
        let left = left.clone();
        Box::new(move |delivery| {
            if !left.get() {
                waiter(delivery);
            }
        })
    };
    IN_FLIGHT.with(|all| {
        if let Some(found) = all.borrow_mut().iter_mut().find(|r| r.id == request) {
            found.waiters.push((id, waiter));
        }
    });
    Ticket {
        request,
        waiter: id,
        left,
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.left.set(true);
        let abandoned = IN_FLIGHT.with(|all| {
            let mut all = all.borrow_mut();
            let at = all.iter().position(|r| r.id == self.request)?;
            all[at].waiters.retain(|(id, _)| *id != self.waiter);
            all[at].waiters.is_empty().then(|| all.remove(at))
        });
        if let Some(abandoned) = abandoned {
            // Those still expected to come for it start again.
            EARLY.with(|early| early.borrow_mut().retain(|e| e.request != self.request));
            if let Some(controller) = abandoned.controller {
                controller.abort();
            }
        }
    }
}

/// Takes over a request the loader started while the wasm was loading,
/// for `expected` widgets: `answer` is what the page's `fetch` gave back,
/// not settled yet, and `controller` aborts it. Widgets wait on it as on
/// any other while it is in flight, and the expected ones get what it
/// brought even after it settled. When one for `url` is in flight
/// already, this one is not needed.
pub fn adopt(url: &str, answer: JsValue, controller: AbortController, expected: u32) {
    if in_flight(url).is_some() {
        controller.abort();
        return;
    }
    let request = start(url, Some((answer, controller)));
    EARLY.with(|early| {
        early.borrow_mut().push(Early {
            url: url.to_owned(),
            request,
            delivery: None,
            expected,
        })
    });
}

/// For a widget the loader's request for `url` was made for: that
/// request, and what it brought when it has settled.
fn expected_early(url: &str) -> Option<(u32, Option<Rc<Delivery>>)> {
    EARLY.with(|early| {
        let mut early = early.borrow_mut();
        let at = early.iter().position(|e| e.url == url && e.expected > 0)?;
        let found = &mut early[at];
        found.expected -= 1;
        let taken = (found.request, found.delivery.clone());
        if found.expected == 0 {
            early.remove(at);
        }
        Some(taken)
    })
}

/// Starts the request for `url`, or goes on with the one the loader
/// started (`early`); it is checked, its body read and the time limit kept
/// here, whichever started it.
fn start(url: &str, early: Option<(JsValue, AbortController)>) -> u32 {
    let (answer, controller) = match early {
        Some((answer, controller)) => (Ok(answer), Some(controller)),
        None => {
            let controller = AbortController::new().ok();
            let signal = controller.as_ref().map(AbortController::signal);
            (request::send(url, signal.as_ref()), controller)
        }
    };
    // A new request: what an earlier one of the loader's brought is not
    // to be handed out any more.
    EARLY.with(|early| early.borrow_mut().retain(|e| e.url != url));
    let id = next_id();
    IN_FLIGHT.with(|all| {
        all.borrow_mut().push(InFlight {
            id,
            url: url.to_owned(),
            controller: controller.clone(),
            waiters: Vec::new(),
        })
    });
    let url = url.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let text = match deadline::within(TIMEOUT_SECONDS * 1000, fetch::text(&url, answer)).await {
            Some(text) => text,
            None => {
                if let Some(controller) = controller {
                    controller.abort();
                }
                Err(LoadError::Timeout {
                    url: url.clone(),
                    seconds: TIMEOUT_SECONDS,
                })
            }
        };
        finish(id, Rc::new(Delivery::new(url, text)));
    });
    id
}

/// Hands the settled request to everyone waiting on it, and forgets it,
/// but for the widgets still expected to come for it (see [`adopt`]).
fn finish(id: u32, delivery: Rc<Delivery>) {
    let request = IN_FLIGHT.with(|all| {
        let mut all = all.borrow_mut();
        let at = all.iter().position(|r| r.id == id)?;
        Some(all.remove(at))
    });
    EARLY.with(|early| {
        if let Some(found) = early.borrow_mut().iter_mut().find(|e| e.request == id) {
            found.delivery = Some(delivery.clone());
        }
    });
    for (_, waiter) in request.into_iter().flat_map(|r| r.waiters) {
        waiter(&delivery);
    }
}
