#![cfg(not(target_arch = "wasm32"))]
//! The monograph format: the shipped content and its catalog validate, and
//! a document's optional parts are read when present. Mistakes in a
//! document are in `model_problems.rs`.

mod common;

use common::{insert, lenalidomide, valid};
use drug_monograph::model::walk::{self, Block};
use drug_monograph::model::Section;
use drug_monograph::model::{Item, Monograph, Span};
use serde_json::{json, Value as Json};

/// A small, valid monograph about a made-up drug, with only an FAQ section.
fn examplomab() -> Json {
    json!({
        "schema_version": 1,
        "id": "examplomab",
        "language": "en",
        "title": "Examplomab (fictional test drug)",
        "generic_name": "examplomab",
        "faqs": [
            {
                "question": "Is Examplomab a real medicine?",
                "answer": [{ "text": "No. It exists only in these tests." }]
            }
        ],
        "disclaimer": [{ "text": "Examplomab is fictional; this is not medical advice." }]
    })
}

/// Every item with a term, with its section's JSON field.
fn all_items(monograph: &Monograph) -> Vec<(&'static str, &Item)> {
    let mut all = Vec::new();
    for section in Section::ALL {
        for block in walk::blocks(monograph, section) {
            if let Block::Items { items, .. } = block {
                all.extend(items.iter().map(|item| (section.field(), item)));
            }
        }
    }
    all
}

// ---------------------------------------------------------------------------
// The shipped content

#[test]
fn every_content_file_parses_and_validates() {
    let mut files: Vec<_> = std::fs::read_dir(common::content_dir())
        .expect("content/ exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| is_monograph_json(path))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no monograph files in content/");

    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).expect("readable content file");
        let value = match serde_json::from_str::<drug_monograph::model::Value>(&text) {
            Ok(value) => value,
            Err(error) => {
                failures.push(format!("{name}: not valid JSON: {error}"));
                continue;
            }
        };
        match drug_monograph::model::validate(&value) {
            Ok(monograph) => {
                if Section::present_in(&monograph).is_empty() {
                    failures.push(format!("{name}: validated but shows no tab"));
                }
            }
            Err(problems) => failures.push(format!("{name}: {}", common::listed(&problems))),
        }
    }
    assert!(
        failures.is_empty(),
        "invalid content files:\n{}",
        failures.join("\n")
    );
}

#[test]
fn lenalidomide_has_the_six_sections_in_order() {
    let monograph = lenalidomide();
    assert_eq!(monograph.id, "lenalidomide");
    assert_eq!(monograph.language, "en");
    assert_eq!(monograph.title, "Lenalidomide");
    assert_eq!(monograph.generic_name, "Lenalidomide");
    assert_eq!(
        Section::present_in(&monograph),
        vec![
            Section::Usage,
            Section::Dosage,
            Section::SideEffects,
            Section::HowItWorks,
            Section::Precautions,
            Section::Faqs
        ]
    );
}

#[test]
fn lenalidomide_sections_hold_the_seed_lists() {
    let monograph = lenalidomide();
    let terms = |items: &[Item]| items.iter().map(|i| i.term.clone()).collect::<Vec<_>>();

    let usage = monograph.usage.as_ref().expect("usage");
    assert_eq!(
        terms(&usage.conditions),
        [
            "Multiple Myeloma",
            "Myelodysplastic Syndromes (MDS)",
            "Mantle Cell Lymphoma",
            "Follicular Lymphoma and Marginal Zone Lymphoma"
        ]
    );
    let note = usage.note.as_ref().expect("usage note");
    assert!(
        note.0.contains(&Span {
            text: "not".into(),
            emphasis: true,
            term: None,
        }),
        "the bold **not** of the seed is kept as emphasis: {note:?}"
    );

    let dosage = monograph.dosage.as_ref().expect("dosage");
    assert_eq!(dosage.conditions.len(), 3);
    assert!(dosage.intro.0.iter().any(|span| span.emphasis
        && span.text
            == "this information should not replace the guidance of your doctor or oncologist."));
    assert!(dosage.adjustment.is_some());

    let side_effects = monograph.side_effects.as_ref().expect("side effects");
    let common = side_effects.common.as_ref().expect("common side effects");
    let serious = side_effects.serious.as_ref().expect("serious side effects");
    assert_eq!(common.items.len(), 10);
    assert_eq!(common.items[0].plain(), "Fatigue");
    assert_eq!(
        serious.items.iter().map(|i| i.plain()).collect::<Vec<_>>(),
        [
            "Severe skin reactions (Stevens-Johnson syndrome, toxic epidermal necrolysis)",
            "Blood clots (deep vein thrombosis, pulmonary embolism)",
            "Second cancers",
            "Liver problems"
        ]
    );
    assert!(side_effects.advice.is_some());

    let how = monograph.how_it_works.as_ref().expect("how it works");
    assert_eq!(
        terms(&how.actions),
        [
            "Immunomodulation",
            "Antiangiogenesis",
            "Direct anti-cancer effects"
        ]
    );

    let precautions = monograph.precautions.as_ref().expect("precautions");
    assert_eq!(
        terms(&precautions.items),
        [
            "Pregnancy",
            "Kidney Function",
            "Blood Counts",
            "Thromboembolic Events",
            "Interactions",
            "Second Malignancies"
        ]
    );

    assert_eq!(monograph.faqs.len(), 6);
    assert_eq!(
        monograph.faqs[3].question,
        "What should I do if I miss a dose?"
    );
    assert!(monograph
        .disclaimer
        .plain()
        .starts_with("This information is for educational purposes only"));
}

#[test]
fn lenalidomide_pregnancy_is_the_only_alert() {
    let monograph = lenalidomide();
    let alerts: Vec<String> = all_items(&monograph)
        .into_iter()
        .filter(|(_, item)| item.alert)
        .map(|(section, item)| format!("{section}: {}", item.term))
        .collect();
    assert_eq!(alerts, ["precautions: Pregnancy"]);
    let pregnancy = &monograph.precautions.as_ref().unwrap().items[0];
    assert!(pregnancy
        .text
        .plain()
        .contains("contraindicated in pregnancy"));
}

#[test]
fn lenalidomide_has_no_codes_or_dates_it_does_not_know() {
    let monograph = lenalidomide();
    assert!(monograph.brand_names.is_empty());
    assert_eq!(monograph.codes.rxcui, None);
    assert!(monograph.codes.ndc.is_empty());
    assert_eq!(monograph.source, None);
    assert_eq!(monograph.last_reviewed, None);
    assert_eq!(monograph.next_review, None);
}

#[test]
fn a_minimal_document_validates_with_defaults() {
    let monograph = valid(&examplomab());
    assert_eq!(monograph.title, "Examplomab (fictional test drug)");
    assert_eq!(Section::present_in(&monograph), [Section::Faqs]);
    assert!(monograph.brand_names.is_empty());
    assert_eq!(monograph.codes, Default::default());
    assert!(monograph.faqs[0].answer.0.iter().all(|span| !span.emphasis));
}

#[test]
fn optional_fields_are_read_when_present() {
    let mut document = examplomab();
    insert(
        &mut document,
        "",
        "brand_names",
        json!(["Examplo", "Mabex"]),
    );
    insert(
        &mut document,
        "",
        "codes",
        json!({ "rxcui": "123456", "ndc": ["0591-2234-10", "00591223410"] }),
    );
    insert(&mut document, "", "last_reviewed", json!("2024-02-29"));
    insert(&mut document, "", "next_review", json!("2026-01-31"));
    insert(
        &mut document,
        "",
        "precautions",
        json!({ "items": [{ "term": "Fiction", "text": [{ "text": "Not a drug." }], "alert": true }] }),
    );
    let monograph = valid(&document);
    assert_eq!(monograph.brand_names, ["Examplo", "Mabex"]);
    assert_eq!(monograph.codes.rxcui.as_deref(), Some("123456"));
    assert_eq!(monograph.codes.ndc, ["0591-2234-10", "00591223410"]);
    assert_eq!(monograph.last_reviewed.as_deref(), Some("2024-02-29"));
    assert_eq!(monograph.next_review.as_deref(), Some("2026-01-31"));
    assert!(monograph.precautions.unwrap().items[0].alert);
}

// ---------------------------------------------------------------------------
// The catalog

#[test]
fn the_catalog_validates_and_lists_every_monograph_file() {
    let text = common::read_content("index.json");
    let value: drug_monograph::model::Value =
        serde_json::from_str(&text).expect("index.json is JSON");
    let catalog = drug_monograph::model::validate_catalog(&value)
        .unwrap_or_else(|problems| panic!("{}", common::listed(&problems)));
    for entry in &catalog.entries {
        let monograph = common::validate_str(&common::read_content(&entry.file))
            .unwrap_or_else(|problems| panic!("{}: {}", entry.file, common::listed(&problems)));
        assert_eq!(monograph.id, entry.id);
        assert_eq!(monograph.title, entry.title);
    }
    assert!(catalog
        .entries
        .iter()
        .any(|entry| entry.id == "lenalidomide"));
}

#[test]
fn a_catalog_cannot_point_outside_its_folder() {
    let text = r#"{"catalog_version": 1, "monographs": [
        {"id": "examplomab", "title": "Examplomab (fictional test drug)",
         "generic_name": "examplomab", "language": "en", "file": "../secrets.json"}]}"#;
    let value: drug_monograph::model::Value = serde_json::from_str(text).unwrap();
    let problems = drug_monograph::model::validate_catalog(&value).expect_err("must be refused");
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        ["monographs[0].file: expected a file name ending in .json, such as \"lenalidomide.json\""]
    );
}

/// A monograph file in `content/`: JSON, but neither the catalog nor the schema.
fn is_monograph_json(path: &std::path::Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".json") && name != "index.json" && !name.ends_with(".schema.json")
}
