//! Loading a document (a monograph or the catalog) over the network. The
//! body is parsed in the wasm (`Value::parse`), where its text already is.

use crate::error::LoadError;
use crate::model::{self, Problem, Value};
use crate::request;
use crate::requests::{self, Ticket};
use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// How long a patient waits before being offered a retry.
pub const TIMEOUT_SECONDS: u32 = 20;

/// Set by the kiosk's service worker on a copy served from its offline
/// cache because the network failed.
const OFFLINE_HEADER: &str = "X-Drug-Monograph-Offline";

/// Checks a parsed document and turns it into its model type.
pub type Validate<T> = fn(&Value) -> Result<T, Vec<Problem>>;

/// A validated document and whether it is an offline copy.
pub struct Fetched<T> {
    pub value: Rc<T>,
    pub offline: bool,
}

/// Fetches, parses and validates the document at `url` and hands the
/// outcome to `done`, at once when `url` is no address. Widgets that load
/// the same address at the same time share one request, and one parse and
/// validation per kind of document (see `requests`). Dropping the ticket
/// stops waiting; the request is aborted once nobody waits on it. After
/// [`TIMEOUT_SECONDS`] it is aborted and reported as a timeout, whether or
/// not the request heeds the abort.
pub fn load<T: 'static>(
    url: &str,
    validate: Validate<T>,
    done: impl FnOnce(Result<Fetched<T>, LoadError>) + 'static,
) -> Option<Ticket> {
    if url.trim().is_empty() {
        done(Err(LoadError::NoSource));
        return None;
    }
    if !is_address(url) {
        done(Err(LoadError::BadSource {
            url: url.to_owned(),
        }));
        return None;
    }
    Some(requests::wait(url, move |delivery| {
        done(delivery.document(validate))
    }))
}

/// A settled request: the text of the document and whether it is an
/// offline copy, or why there is none.
pub struct Delivery {
    url: String,
    text: Result<(String, bool), LoadError>,
    /// The documents parsed from `text` so far, one per kind, each a
    /// `Result<Rc<T>, LoadError>`.
    parsed: RefCell<Vec<(TypeId, Rc<dyn Any>)>>,
}

impl Delivery {
    pub fn new(url: String, text: Result<(String, bool), LoadError>) -> Self {
        Delivery {
            url,
            text,
            parsed: RefCell::default(),
        }
    }

    /// The document of kind `T`, parsed and validated by the first widget
    /// that asks for it and shared with the others.
    fn document<T: 'static>(&self, validate: Validate<T>) -> Result<Fetched<T>, LoadError> {
        let (body, offline) = self.text.as_ref().map_err(Clone::clone)?;
        let kind = TypeId::of::<T>();
        let known = self
            .parsed
            .borrow()
            .iter()
            .find(|(parsed, _)| *parsed == kind)
            .map(|(_, document)| document.clone());
        let document =
            match known.and_then(|known| known.downcast::<Result<Rc<T>, LoadError>>().ok()) {
                Some(document) => document,
                None => {
                    let document = Rc::new(parse(&self.url, body, validate).map(Rc::new));
                    self.parsed.borrow_mut().push((kind, document.clone()));
                    document
                }
            };
        let value = (*document).clone()?;
        Ok(Fetched {
            value,
            offline: *offline,
        })
    }
}

/// Whether `url`, resolved against the page, is a URL at all.
fn is_address(url: &str) -> bool {
    let base = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten());
    match base {
        Some(base) => web_sys::Url::new_with_base(url, &base).is_ok(),
        None => web_sys::Url::new(url).is_ok(),
    }
}

/// The text of the document at `url` and whether it is an offline copy,
/// from `answer`: what the page's `fetch` gave back, or why it could not
/// be called. Not generic, so the widget carries the fetching once
/// whatever kinds of document it loads.
pub async fn text(url: &str, answer: Result<JsValue, String>) -> Result<(String, bool), LoadError> {
    let network = |detail: String| LoadError::Network {
        url: url.to_owned(),
        detail,
    };
    let response = request::answered(answer.map_err(network)?)
        .await
        .map_err(network)?;
    if !response.ok {
        return Err(LoadError::Http {
            url: url.to_owned(),
            status: response.status,
        });
    }
    let offline = response.header(OFFLINE_HEADER).as_deref() == Some("1");
    let body = response.text().await.map_err(network)?;
    Ok((body, offline))
}

/// Parses and validates the `body` of the document at `url`: also used on
/// a file the page fetched itself before hydrating its pre-rendered HTML.
/// The size limit comes first. The parser stops at the nesting limit
/// itself, so the nesting is scanned only for a file that fails to parse,
/// to say so in the words the content tools use: two megabytes of catalog
/// are read once, not twice.
pub fn parse<T>(url: &str, body: &str, validate: Validate<T>) -> Result<T, LoadError> {
    let invalid = |problems: Vec<Problem>| LoadError::Invalid {
        url: url.to_owned(),
        problems,
    };
    let not_json = |detail: String| LoadError::NotJson {
        url: url.to_owned(),
        detail,
    };
    model::limits::check_size(body).map_err(|problem| invalid(vec![problem]))?;
    let json = Value::parse(body).map_err(|error| match model::limits::check(body) {
        Err(too_deep) => invalid(vec![too_deep]),
        Ok(()) => not_json(error.to_string()),
    })?;
    validate(&json).map_err(invalid)
}
