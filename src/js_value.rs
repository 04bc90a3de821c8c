//! Values the widget reads from JavaScript, walked by hand: a document
//! parsed by the browser's `JSON.parse`, and the small objects the loader
//! and the start-up script hand over. A deserialising framework would cost
//! the wasm more than these few shapes do.

use crate::model::Value;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A parsed JSON document as the model's value tree. The document's
/// nesting was limited on its text before it was parsed, so the recursion
/// is bounded. Anything `JSON.parse` cannot produce (a page may replace
/// it) reads as `null`, which validation then reports where it sits.
pub fn to_value(js: &JsValue) -> Value {
    if let Some(flag) = js.as_bool() {
        Value::Bool(flag)
    } else if let Some(number) = js.as_f64() {
        Value::Number(number)
    } else if let Some(text) = js.as_string() {
        Value::String(text)
    } else if Array::is_array(js) {
        Value::Array(
            js.unchecked_ref::<Array>()
                .iter()
                .map(|item| to_value(&item))
                .collect(),
        )
    } else if js.is_object() && !js.is_function() {
        let entries = Object::entries(js.unchecked_ref::<Object>());
        Value::Object(
            entries
                .iter()
                .map(|entry| {
                    let entry: Array = entry.unchecked_into();
                    (
                        entry.get(0).as_string().unwrap_or_default(),
                        to_value(&entry.get(1)),
                    )
                })
                .collect(),
        )
    } else {
        Value::Null
    }
}

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
