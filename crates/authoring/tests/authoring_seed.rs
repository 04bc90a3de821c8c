#![cfg(not(target_arch = "wasm32"))]
//! The seed round trip: `content/lenalidomide.md` converts to exactly the
//! committed `content/lenalidomide.json`, every sentence of the Markdown
//! reaches the JSON, and the model writes every JSON file back unchanged.

use monograph_authoring::{convert, convert_with_glossary, glossary, Severity};
use monograph_model::{self as model, to_json};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn read(path: impl AsRef<Path>) -> String {
    let path = root().join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn validate(text: &str) -> model::Monograph {
    let value: model::Value = serde_json::from_str(text).expect("JSON");
    model::validate(&value).unwrap_or_else(|problems| panic!("invalid: {problems:?}"))
}

#[test]
fn the_seed_converts_to_the_committed_json_byte_for_byte() {
    let (glossary, problems) = glossary::read(&read("content/glossary.md"));
    assert_eq!(problems, [], "content/glossary.md");
    let conversion = convert_with_glossary(
        &read("content/lenalidomide.md"),
        "lenalidomide.md",
        &glossary,
    );
    let errors_and_warnings: Vec<String> = conversion
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Note)
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors_and_warnings, Vec::<String>::new());
    let monograph = conversion.monograph.expect("the seed converts");
    let json = to_json(&monograph);
    let committed = read("content/lenalidomide.json");
    assert!(
        json == committed,
        "content/lenalidomide.json differs from what convert makes of content/lenalidomide.md; \
         run `cargo monograph convert`"
    );
    assert_eq!(
        monograph.id, "lenalidomide",
        "the id comes from the file name"
    );
    assert!(
        monograph.precautions.unwrap().items[0].alert,
        "alerts: [Pregnancy]"
    );
}

/// The text of every string in the JSON, with each paragraph's spans joined.
fn json_texts(value: &Json, out: &mut Vec<String>) {
    match value {
        Json::String(s) => out.push(s.clone()),
        Json::Array(items) if !items.is_empty() && items.iter().all(|i| i["text"].is_string()) => {
            out.push(items.iter().filter_map(|i| i["text"].as_str()).collect());
        }
        Json::Array(items) => items.iter().for_each(|i| json_texts(i, out)),
        Json::Object(entries) => entries.values().for_each(|v| json_texts(v, out)),
        _ => {}
    }
}

/// The seed's sentences, read without the converter: the body after the
/// front matter, headings left out (they name sections), Markdown markers
/// and the Q:/A:/Disclaimer: labels removed, each list item apart, split
/// after `.`, `?`, `!` and `:` (so a term is a piece of its own).
fn seed_sentences() -> Vec<String> {
    let markdown = read("content/lenalidomide.md");
    let body = markdown.splitn(3, "---\n").nth(2).expect("front matter");
    let mut text = String::new();
    for line in body.lines() {
        if line.starts_with('#') {
            text.push('\n');
            continue;
        }
        if line.starts_with("* ") {
            // Each list item is a piece of its own.
            text.push('\n');
        }
        let line = line.trim_start_matches("* ").replace("**", "");
        let line = line.trim();
        let line = ["Q:", "A:", "Disclaimer:"]
            .iter()
            .fold(line, |l, marker| l.strip_prefix(marker).unwrap_or(l));
        text.push_str(line);
        text.push('\n');
    }
    let mut sentences = Vec::new();
    for paragraph in text.split("\n\n") {
        let words: Vec<&str> = paragraph.split_whitespace().collect();
        let mut sentence = Vec::new();
        for word in words {
            sentence.push(word);
            if word.ends_with(['.', '?', '!', ':']) {
                sentences.push(sentence.join(" "));
                sentence.clear();
            }
        }
        if !sentence.is_empty() {
            sentences.push(sentence.join(" "));
        }
    }
    sentences
}

#[test]
fn every_sentence_of_the_seed_reaches_the_json() {
    let json: Json = serde_json::from_str(&read("content/lenalidomide.json")).unwrap();
    let mut texts = Vec::new();
    json_texts(&json, &mut texts);
    let corpus = texts.join("\n");
    let sentences = seed_sentences();
    assert!(sentences.len() > 70, "found {} sentences", sentences.len());
    let missing: Vec<&String> = sentences
        .iter()
        .filter(|s| {
            // A term's colon is dropped on purpose.
            let s = s.strip_suffix(':').unwrap_or(s);
            !corpus.contains(s)
        })
        .collect();
    assert!(missing.is_empty(), "not in the JSON: {missing:#?}");
}

#[test]
fn every_content_file_round_trips_through_the_model() {
    for entry in std::fs::read_dir(root().join("content")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !monograph_authoring::cmd::is_monograph_json(&path) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            to_json(&validate(&text)) == text,
            "{name} does not round-trip exactly"
        );
    }
}

#[test]
fn any_valid_file_round_trips_after_one_normalisation() {
    for name in ["minimal", "nulls", "full"] {
        let text = read(format!("tests/fixtures/authoring/valid/{name}.json"));
        let monograph = validate(&text);
        let canonical = to_json(&monograph);
        assert_eq!(validate(&canonical), monograph, "{name}: same monograph");
        assert_eq!(to_json(&validate(&canonical)), canonical, "{name}: stable");
        // Absent metadata is written out, never invented.
        let json: Json = serde_json::from_str(&canonical).unwrap();
        if name != "full" {
            assert_eq!(json["brand_names"], serde_json::json!([]));
            assert_eq!(json["codes"], serde_json::json!({"rxcui": null, "ndc": []}));
            for key in ["source", "last_reviewed", "next_review"] {
                assert_eq!(json[key], Json::Null, "{name}: {key}");
            }
            assert!(json.get("faqs").is_none() && json.get("usage").is_none());
        }
    }
}

#[test]
fn the_guide_shows_a_complete_example_and_exactly_the_json_it_becomes() {
    let markdown = read("tests/fixtures/authoring/example/examplomab.md");
    let json = read("tests/fixtures/authoring/example/examplomab.json");
    let conversion = convert(&markdown, "examplomab.md");
    assert!(
        conversion
            .diagnostics
            .iter()
            .all(|d| d.severity == Severity::Note),
        "{:?}",
        conversion.diagnostics
    );
    assert!(
        to_json(&conversion.monograph.unwrap()) == json,
        "examplomab.json is stale"
    );
    let guide = read("docs/editors.md");
    assert!(
        guide.contains(&format!("```markdown\n{markdown}```")),
        "the guide's Markdown"
    );
    assert!(
        guide.contains(&format!("```json\n{json}```")),
        "the guide's JSON"
    );
}
