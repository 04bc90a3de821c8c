//! Loading a document (a monograph or the catalog) over the network. The
//! body is parsed by the browser's own `JSON.parse`, so the wasm carries no
//! JSON parser.

use crate::deadline;
use crate::error::LoadError;
use crate::js_value;
use crate::model::{self, Problem, Value};
use crate::request;
use web_sys::{AbortController, AbortSignal};

/// How long a patient waits before being offered a retry.
pub const TIMEOUT_SECONDS: u32 = 20;

/// Set by the kiosk's service worker on a copy served from its offline
/// cache because the network failed.
const OFFLINE_HEADER: &str = "X-Drug-Monograph-Offline";

/// Checks a parsed document and turns it into its model type.
pub type Validate<T> = fn(&Value) -> Result<T, Vec<Problem>>;

/// A validated document and whether it is an offline copy.
pub struct Fetched<T> {
    pub value: T,
    pub offline: bool,
}

/// Fetches, parses and validates the document at `url`. Aborting
/// `controller` cancels the request; after [`TIMEOUT_SECONDS`] it is
/// aborted and reported as a timeout, whether or not the request heeds
/// the abort.
pub async fn load<T>(
    url: &str,
    controller: &AbortController,
    validate: Validate<T>,
) -> Result<Fetched<T>, LoadError> {
    let (body, offline) = fetch_text(url, controller).await?;
    let value = parse(url, &body, validate)?;
    Ok(Fetched { value, offline })
}

/// The text of the document at `url` and whether it is an offline copy.
/// Not generic, so the widget carries the fetching once whatever kinds of
/// document it loads.
async fn fetch_text(url: &str, controller: &AbortController) -> Result<(String, bool), LoadError> {
    if url.trim().is_empty() {
        return Err(LoadError::NoSource);
    }
    if !is_address(url) {
        return Err(LoadError::BadSource {
            url: url.to_owned(),
        });
    }
    let signal = controller.signal();
    let work = fetch(url, &signal);
    match deadline::within(TIMEOUT_SECONDS * 1000, work).await {
        Some(result) => result,
        None => {
            controller.abort();
            Err(LoadError::Timeout {
                url: url.to_owned(),
                seconds: TIMEOUT_SECONDS,
            })
        }
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

async fn fetch(url: &str, signal: &AbortSignal) -> Result<(String, bool), LoadError> {
    let network = |detail: String| LoadError::Network {
        url: url.to_owned(),
        detail,
    };
    let response = request::get(url, signal).await.map_err(network)?;
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
/// The size and nesting limits come first, so nothing recurses into a
/// document that is too deep.
pub fn parse<T>(url: &str, body: &str, validate: Validate<T>) -> Result<T, LoadError> {
    let invalid = |problems: Vec<Problem>| LoadError::Invalid {
        url: url.to_owned(),
        problems,
    };
    let not_json = |detail: String| LoadError::NotJson {
        url: url.to_owned(),
        detail,
    };
    model::limits::check(body).map_err(|problem| invalid(vec![problem]))?;
    let json = js_sys::JSON::parse(body).map_err(|error| not_json(request::describe(&error)))?;
    validate(&js_value::to_value(&json)).map_err(invalid)
}
