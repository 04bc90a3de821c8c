//! Helpers shared by the native integration tests: reading the content
//! files, validating JSON, editing a copy of the Lenalidomide JSON, the monograph's text in reading order, and what
//! a part of a monograph's JSON must show, read from the JSON itself.

// Each test crate uses only some of these helpers.
#![allow(dead_code)]

use drug_monograph::model::Section;
use drug_monograph::model::{self, Monograph, Problem};
use drug_monograph::reading::tab_lines;
use serde_json::Value as Json;
use std::path::PathBuf;

/// `content/` in the crate root.
pub fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// A file under `content/`, as text.
pub fn read_content(name: &str) -> String {
    let path = content_dir().join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// Parses JSON text and validates it as a monograph.
pub fn validate_str(text: &str) -> Result<Monograph, Vec<Problem>> {
    let value: model::Value = serde_json::from_str(text).expect("test input is JSON");
    model::validate(&value)
}

/// Validates a `serde_json` document (typically a mutated copy of a file).
pub fn validate_json(json: &serde_json::Value) -> Result<Monograph, Vec<Problem>> {
    validate_str(&json.to_string())
}

/// The problems reported for `json`, in their display form
/// (`faqs[3].answer: missing`); panics if the document is valid.
pub fn problems(json: &serde_json::Value) -> Vec<String> {
    match validate_json(json) {
        Ok(monograph) => panic!(
            "expected problems, but the document validated as {:?}",
            monograph.title
        ),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

/// Validates `json`, panicking with every problem listed if it is invalid.
pub fn valid(json: &serde_json::Value) -> Monograph {
    validate_json(json).unwrap_or_else(|problems| panic!("{}", listed(&problems)))
}

pub fn listed(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
    format!("{} problem(s):\n{}", problems.len(), lines.join("\n"))
}

/// `content/lenalidomide.json` as a `serde_json` tree, ready to mutate.
pub fn lenalidomide_json() -> serde_json::Value {
    serde_json::from_str(&read_content("lenalidomide.json")).expect("lenalidomide.json is JSON")
}

/// The validated Lenalidomide monograph.
pub fn lenalidomide() -> Monograph {
    validate_str(&read_content("lenalidomide.json"))
        .unwrap_or_else(|problems| panic!("lenalidomide.json: {}", listed(&problems)))
}

/// A copy of the Lenalidomide JSON with `change` applied.
pub fn mutated(change: impl FnOnce(&mut Json)) -> Json {
    let mut document = lenalidomide_json();
    change(&mut document);
    document
}

pub fn remove(document: &mut Json, parent: &str, key: &str) {
    document
        .pointer_mut(parent)
        .and_then(Json::as_object_mut)
        .unwrap_or_else(|| panic!("{parent} is an object in the fixture"))
        .remove(key)
        .unwrap_or_else(|| panic!("{parent}/{key} exists in the fixture"));
}

pub fn set(document: &mut Json, pointer: &str, value: Json) {
    *document
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer} exists in the fixture")) = value;
}

/// Sets `pointer` (whose parent must exist) to `value`, adding the key.
pub fn insert(document: &mut Json, parent: &str, key: &str, value: Json) {
    document
        .pointer_mut(parent)
        .and_then(Json::as_object_mut)
        .unwrap_or_else(|| panic!("{parent} is an object in the fixture"))
        .insert(key.to_owned(), value);
}

/// Whitespace runs collapsed to one space, ends trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every block a reader meets, in the order the widget shows them: title,
/// generic name, disclaimer, each present section, then the source and
/// review dates that are recorded.
pub fn reading_order_blocks(monograph: &Monograph) -> Vec<String> {
    let mut blocks = vec![
        monograph.title.clone(),
        monograph.generic_name.clone(),
        monograph.disclaimer.plain(),
    ];
    for tab in Section::present_in(monograph) {
        blocks.extend(tab_lines(monograph, tab));
    }
    let facts = [
        &monograph.source,
        &monograph.last_reviewed,
        &monograph.next_review,
    ];
    blocks.extend(facts.into_iter().flatten().cloned());
    blocks
}

/// The monograph as plain text, one block per line with whitespace
/// collapsed, so that no sentence can match across two blocks.
pub fn plain_text(monograph: &Monograph) -> String {
    reading_order_blocks(monograph)
        .iter()
        .map(|block| collapse(block))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text blocks a part of a monograph's JSON holds, read from the JSON
/// itself, so that a test of what the widget shows does not take its
/// expectation from the widget's own walk over the model: every text in it,
/// a paragraph as its spans joined, an item as `Term: text`. Not in reading
/// order (`serde_json` sorts keys); flags such as `alert` hold no text.
pub fn json_blocks(json: &serde_json::Value) -> Vec<String> {
    let paragraph = |spans: &[Json]| -> Option<String> {
        let texts: Option<Vec<&str>> = spans.iter().map(|s| s.get("text")?.as_str()).collect();
        texts.filter(|texts| !texts.is_empty()).map(|t| t.concat())
    };
    match json {
        Json::String(text) => vec![text.clone()],
        Json::Array(entries) => match paragraph(entries) {
            Some(text) => vec![text],
            None => entries.iter().flat_map(json_blocks).collect(),
        },
        Json::Object(fields) => match (fields.get("term"), fields.get("text")) {
            (Some(Json::String(term)), Some(Json::Array(spans))) => {
                let text = paragraph(spans).unwrap_or_default();
                vec![format!("{term}: {text}")]
            }
            _ => fields.values().flat_map(json_blocks).collect(),
        },
        Json::Bool(_) | Json::Number(_) | Json::Null => Vec::new(),
    }
}
