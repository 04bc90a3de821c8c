//! Loading a document (a monograph or the catalog) over the network. The
//! body is parsed by the browser's own `JSON.parse`, so the wasm carries no
//! JSON parser.

use crate::error::LoadError;
use crate::model::{Problem, Value};
use gloo::net::http::Request;
use gloo::timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
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
/// aborted and reported as a timeout.
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
    let timed_out = Rc::new(Cell::new(false));
    // Dropping the timer at the end of this function cancels it.
    let _timer = {
        let timed_out = timed_out.clone();
        let controller = controller.clone();
        Timeout::new(TIMEOUT_SECONDS * 1000, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    match fetch(url, &controller.signal()).await {
        Err(LoadError::Network { .. }) if timed_out.get() => Err(LoadError::Timeout {
            url: url.to_owned(),
            seconds: TIMEOUT_SECONDS,
        }),
        result => result,
    }
}

async fn fetch(url: &str, signal: &AbortSignal) -> Result<(String, bool), LoadError> {
    let network = |error: gloo::net::Error| LoadError::Network {
        url: url.to_owned(),
        // Only the browser's own error can occur here. Formatting the whole
        // enum would pull serde_json's messages into the wasm for nothing.
        detail: match error {
            gloo::net::Error::JsError(error) => error.to_string(),
            _ => "the request failed".to_owned(),
        },
    };
    let response = Request::get(url)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    let offline = response.headers().get(OFFLINE_HEADER).as_deref() == Some("1");
    let body = response.text().await.map_err(network)?;
    Ok((body, offline))
}

/// Parses and validates the `body` of the document at `url`: also used on
/// a file the page fetched itself before hydrating its pre-rendered HTML.
pub fn parse<T>(url: &str, body: &str, validate: Validate<T>) -> Result<T, LoadError> {
    let not_json = |detail: String| LoadError::NotJson {
        url: url.to_owned(),
        detail,
    };
    let json = js_sys::JSON::parse(body).map_err(|error| not_json(js_message(&error)))?;
    let value: Value = serde_wasm_bindgen::from_value(json).map_err(|e| not_json(e.to_string()))?;
    validate(&value).map_err(|problems| LoadError::Invalid {
        url: url.to_owned(),
        problems,
    })
}

fn js_message(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Error::from(error.clone())
        .message()
        .as_string()
        .unwrap_or_else(|| format!("{error:?}"))
}
