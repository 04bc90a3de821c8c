//! A GET through the page's own `fetch`, trusting nothing about it. Host
//! pages wrap `fetch` (analytics, auth, service shims), and a wrapper may
//! throw, return something that is not a promise, resolve to something
//! that is not a `Response`, or reject with anything at all, `null`
//! included. Every such case comes back as an `Err` with a readable
//! detail: nothing here can throw through the wasm or panic.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

/// The answer to a request: its status and headers are read, its body not
/// yet.
pub struct Response {
    answer: web_sys::Response,
    /// Whether the status is 200 to 299.
    pub ok: bool,
    pub status: u16,
}

/// Requests `url`; aborting `signal` cancels it (if the page's `fetch`
/// honours it: see `deadline` for the limit that does not depend on that).
/// What `fetch` gave back is not settled yet: see [`answered`].
pub fn send(url: &str, signal: Option<&AbortSignal>) -> Result<JsValue, String> {
    let global = js_sys::global();
    let fetch = property(&global, "fetch")?
        .dyn_into::<Function>()
        .map_err(|_| "the page has no fetch function".to_owned())?;
    let init = Object::new();
    if let Some(signal) = signal {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&init, &"signal".into(), signal);
    }
    fetch
        .call2(&global, &url.into(), &init)
        .map_err(|error| describe(&error))
}

/// The response `answer` (what a call of the page's `fetch` gave back,
/// here or in the loader) settles to, checked to be one.
pub async fn answered(answer: JsValue) -> Result<Response, String> {
    let answer = settled(answer)
        .await?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| "fetch did not answer with a Response".to_owned())?;
    // Read through `Reflect`: an object made from Response.prototype passes
    // the check above, and its getters throw.
    let ok = property(&answer, "ok")?.as_bool() == Some(true);
    let status = property(&answer, "status")?.as_f64().unwrap_or_default() as u16;
    Ok(Response { answer, ok, status })
}

impl Response {
    /// A response header, when it is there.
    pub fn header(&self, name: &str) -> Option<String> {
        let headers = property(&self.answer, "headers").ok()?;
        call(&headers, "get", &name.into()).ok()?.as_string()
    }

    /// The body as text, decoded as `Response.text()` does (UTF-8, a
    /// leading byte order mark dropped, a malformed sequence read as
    /// U+FFFD). Read as bytes: copied into the wasm once, rather than
    /// decoded into a JavaScript string and encoded again on the way in.
    pub async fn text(self) -> Result<String, String> {
        let body = call(&self.answer, "arrayBuffer", &JsValue::UNDEFINED)?;
        let body = settled(body)
            .await?
            .dyn_into::<js_sys::ArrayBuffer>()
            .map_err(|_| "the body could not be read".to_owned())?;
        let bytes = js_sys::Uint8Array::new(&body).to_vec();
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
        Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        })
    }
}

/// What a JavaScript error or rejection says, whatever was thrown.
pub fn describe(error: &JsValue) -> String {
    if error.is_instance_of::<js_sys::Error>() {
        if let Some(message) = property(error, "message").ok().and_then(|m| m.as_string()) {
            return message;
        }
    }
    if let Some(text) = error.as_string() {
        return text;
    }
    let shown = match js_sys::JSON::stringify(error)
        .ok()
        .and_then(|s| s.as_string())
    {
        Some(json) => json,
        None if error.is_undefined() => "undefined".to_owned(),
        None => "a value that is not an error".to_owned(),
    };
    format!("{shown} was thrown")
}

/// The value `value` settles to: `Promise.resolve` accepts promises,
/// thenables and plain values alike.
async fn settled(value: JsValue) -> Result<JsValue, String> {
    JsFuture::from(Promise::resolve(&value))
        .await
        .map_err(|error| describe(&error))
}

/// `target[name]`, through `Reflect` so that a throwing getter is an `Err`.
fn property(target: &JsValue, name: &str) -> Result<JsValue, String> {
    Reflect::get(target, &name.into()).map_err(|error| describe(&error))
}

/// `target[name](argument)`, any throw an `Err`.
fn call(target: &JsValue, name: &str, argument: &JsValue) -> Result<JsValue, String> {
    property(target, name)?
        .dyn_into::<Function>()
        .map_err(|_| format!("{name} is not a function"))?
        .call1(target, argument)
        .map_err(|error| describe(&error))
}
