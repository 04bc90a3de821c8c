#![cfg(not(target_arch = "wasm32"))]
//! The JSON Schema in `content/monograph.schema.json`: generated from the
//! model's types and up to date, it accepts every monograph in `content/`
//! and every valid fixture, and rejects each invalid fixture, agreeing with
//! the model's validator.

use monograph_authoring::cmd::is_monograph_json;
use monograph_model as model;
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| is_monograph_json(p))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no JSON in {}", dir.display());
    files
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("content/monograph.schema.json")).unwrap();
    let schema: Json = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn read_json(path: &Path) -> (String, Json) {
    let text = std::fs::read_to_string(path).unwrap();
    let json = serde_json::from_str(&text).unwrap();
    (text, json)
}

fn validator_accepts(text: &str) -> bool {
    let value: model::Value = serde_json::from_str(text).unwrap();
    model::validate(&value).is_ok()
}

#[test]
fn the_schema_file_is_generated_from_the_model() {
    let committed = std::fs::read_to_string(root().join("content/monograph.schema.json")).unwrap();
    assert!(
        committed == model::json_schema(),
        "content/monograph.schema.json is stale: run `cargo monograph schema`"
    );
}

#[test]
fn the_schema_accepts_every_monograph_in_content_and_every_valid_fixture() {
    let schema = schema();
    let mut files = json_files(&root().join("content"));
    files.extend(json_files(&root().join("tests/fixtures/authoring/valid")));
    files.extend(json_files(&root().join("tests/fixtures/authoring/example")));
    for file in files {
        let (text, json) = read_json(&file);
        assert!(
            validator_accepts(&text),
            "{}: the validator rejects it",
            file.display()
        );
        let errors: Vec<String> = schema.iter_errors(&json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

#[test]
fn the_schema_rejects_each_invalid_fixture_like_the_validator() {
    let schema = schema();
    for file in json_files(&root().join("tests/fixtures/authoring/invalid")) {
        let (text, json) = read_json(&file);
        assert!(
            !validator_accepts(&text),
            "{}: the validator accepts it",
            file.display()
        );
        assert!(
            !schema.is_valid(&json),
            "{}: the schema accepts it",
            file.display()
        );
    }
}

#[test]
fn the_schema_describes_the_format_for_integrators() {
    let schema: Json = serde_json::from_str(&model::json_schema()).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        required,
        [
            "schema_version",
            "id",
            "language",
            "title",
            "generic_name",
            "disclaimer"
        ]
    );
    assert_eq!(schema["properties"]["schema_version"]["const"], 1);
    assert_eq!(schema["unevaluatedProperties"], false);
    assert_eq!(schema["$defs"]["Item"]["additionalProperties"], false);
}
