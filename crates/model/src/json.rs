//! Writing a [`Monograph`] as JSON, and the JSON Schema of that JSON, both
//! derived from the model's types. Used by the content tools: the widget
//! reads JSON (`Value::parse`) and never writes it, so none of this is
//! linked into the wasm.

use super::{Monograph, SCHEMA_VERSION};
use schemars::generate::SchemaSettings;
use schemars::transform::{transform_subschemas, Transform};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Serialize, Serializer};
use serde_json::{json, Value};
use std::borrow::Cow;

/// A monograph file: the format version, then the monograph's fields.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "Drug monograph",
    description = "A patient-education drug monograph, as read by the drug-monograph widget. \
                   Generated from the Rust model by `monograph schema`; do not edit.",
    deny_unknown_fields
)]
struct Document<'a> {
    schema_version: Version,
    #[serde(flatten)]
    monograph: &'a Monograph,
}

/// The `schema_version` field: always [`SCHEMA_VERSION`].
struct Version;

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(SCHEMA_VERSION)
    }
}

impl JsonSchema for Version {
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({
            "description": "The format version; this widget reads version 1.",
            "type": "integer",
            "const": SCHEMA_VERSION,
        })
    }
}

/// The monograph as its JSON file: two-space indentation, fields in the
/// model's order, `schema_version` first, and a final newline. For a file
/// that validates, `to_json(&validate(&file)?)` gives the file back.
pub fn to_json(monograph: &Monograph) -> String {
    let document = Document {
        schema_version: Version,
        monograph,
    };
    let mut text =
        serde_json::to_string_pretty(&document).expect("a monograph always serialises to JSON");
    text.push('\n');
    text
}

/// The JSON Schema (draft 2020-12) of a monograph file, as the text of
/// `content/monograph.schema.json`.
pub fn json_schema() -> String {
    let generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .with_transform(NullMeansAbsent)
        .into_generator();
    let schema = generator.into_root_schema_for::<Document>();
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema is JSON");
    text.push('\n');
    text
}

/// The validator treats `null` like an absent field. Every property that
/// is not required therefore also accepts `null` in the schema.
#[derive(Clone)]
struct NullMeansAbsent;

impl Transform for NullMeansAbsent {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        let required: Vec<String> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|keys| {
                keys.iter()
                    .filter_map(|k| k.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
            return;
        };
        for (key, property) in properties.iter_mut() {
            if !required.contains(key) {
                allow_null(property);
            }
        }
    }
}

fn allow_null(property: &mut Value) {
    let Some(object) = property.as_object_mut() else {
        return;
    };
    match object.get_mut("type") {
        Some(Value::String(kind)) if kind != "null" => {
            let kind = kind.clone();
            object.insert("type".into(), json!([kind, "null"]));
        }
        Some(Value::Array(kinds)) => {
            if !kinds.iter().any(|k| k == "null") {
                kinds.push(json!("null"));
            }
        }
        Some(_) => {}
        None => {
            let accepts_null = object
                .get("anyOf")
                .and_then(Value::as_array)
                .is_some_and(|options| options.iter().any(|o| o["type"] == "null"));
            if !accepts_null {
                let description = object.remove("description");
                let inner = std::mem::take(object);
                if let Some(description) = description {
                    object.insert("description".into(), description);
                }
                object.insert(
                    "anyOf".into(),
                    json!([Value::Object(inner), { "type": "null" }]),
                );
            }
        }
    }
}
