//! Values the widget reads from JavaScript, walked by hand: the small
//! objects the loader and the start-up script hand over. A deserialising
//! framework would cost the wasm more than these few shapes do.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// The field `key` of `object`, when it is text.
pub fn text(object: &JsValue, key: &str) -> Option<String> {
    field(object, key).as_string()
}

/// The field `key` of `object`, when it is a number.
pub fn number(object: &JsValue, key: &str) -> Option<f64> {
    field(object, key).as_f64()
}

/// `undefined` when `object` has no such field, or reading it throws.
fn field(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
