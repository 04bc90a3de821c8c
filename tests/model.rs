#![cfg(not(target_arch = "wasm32"))]
//! The monograph format: the shipped content validates, and every kind of
//! mistake an editor can make is reported with its path and a plain message.

mod common;

use common::{lenalidomide, lenalidomide_json, problems, valid, validate_str};
use drug_monograph::model::walk::{self, Block};
use drug_monograph::model::Section;
use drug_monograph::model::{Item, Monograph, Problem, Span};
use serde_json::{json, Value as Json};

/// A copy of the Lenalidomide JSON with `change` applied.
fn mutated(change: impl FnOnce(&mut Json)) -> Json {
    let mut document = lenalidomide_json();
    change(&mut document);
    document
}

fn remove(document: &mut Json, parent: &str, key: &str) {
    document
        .pointer_mut(parent)
        .and_then(Json::as_object_mut)
        .unwrap_or_else(|| panic!("{parent} is an object in the fixture"))
        .remove(key)
        .unwrap_or_else(|| panic!("{parent}/{key} exists in the fixture"));
}

fn set(document: &mut Json, pointer: &str, value: Json) {
    *document
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer} exists in the fixture")) = value;
}

/// Sets `pointer` (whose parent must exist) to `value`, adding the key.
fn insert(document: &mut Json, parent: &str, key: &str, value: Json) {
    document
        .pointer_mut(parent)
        .and_then(Json::as_object_mut)
        .unwrap_or_else(|| panic!("{parent} is an object in the fixture"))
        .insert(key.to_owned(), value);
}

/// The problems for the Lenalidomide JSON with one value replaced.
fn problems_with(pointer: &str, value: Json) -> Vec<String> {
    problems(&mutated(|d| set(d, pointer, value)))
}

/// Each case replaces one value in the Lenalidomide JSON, `(pointer, value,
/// problem)`, and must give exactly that one problem.
fn assert_each_gives(cases: &[(&str, Json, &str)]) {
    for (pointer, value, problem) in cases {
        assert_eq!(
            problems_with(pointer, value.clone()),
            [*problem],
            "{pointer} set to {value}"
        );
    }
}

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
            emphasis: true
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
// Invalid documents: each problem has its path and a plain message

#[test]
fn a_missing_required_field_is_reported_at_its_path() {
    let document = mutated(|d| remove(d, "/faqs/3", "answer"));
    assert_eq!(problems(&document), ["faqs[3].answer: missing"]);

    let document = mutated(|d| remove(d, "/precautions/items/2", "term"));
    assert_eq!(problems(&document), ["precautions.items[2].term: missing"]);

    let document = mutated(|d| remove(d, "", "disclaimer"));
    assert_eq!(problems(&document), ["disclaimer: missing"]);
}

#[test]
fn null_counts_as_missing_for_a_required_field() {
    assert_eq!(problems_with("/title", Json::Null), ["title: missing"]);
}

#[test]
fn a_wrong_type_names_what_was_expected_and_found() {
    assert_each_gives(&[
        ("/title", json!(42), "title: expected text, found a number"),
        (
            "/faqs/0/question",
            json!(true),
            "faqs[0].question: expected text, found true/false",
        ),
        (
            "/precautions/items/0/alert",
            json!("yes"),
            "precautions.items[0].alert: expected true or false, found text",
        ),
        (
            "/usage/intro",
            json!("Lenalidomide is a medication."),
            "usage.intro: expected a list, found text",
        ),
        (
            "/side_effects/serious",
            json!(["Second cancers"]),
            "side_effects.serious: expected an object, found a list",
        ),
    ]);
}

#[test]
fn empty_text_is_reported() {
    assert_each_gives(&[
        (
            "/generic_name",
            json!(""),
            "generic_name: must not be empty",
        ),
        (
            "/usage/conditions/1/term",
            json!("   "),
            "usage.conditions[1].term: must not be empty",
        ),
        (
            "/dosage/intro/1/text",
            json!(""),
            "dosage.intro[1].text: must not be empty",
        ),
        (
            "/disclaimer",
            json!([{ "text": "  " }, { "text": "\n" }]),
            "disclaimer: must contain some text",
        ),
    ]);
}

#[test]
fn an_unknown_or_misspelt_field_is_reported_with_the_expected_names() {
    let document = mutated(|d| insert(d, "", "titel", json!("Lenalidomide")));
    assert_eq!(
        problems(&document),
        [
            "titel: unknown field (expected one of: schema_version, id, language, title, \
          generic_name, brand_names, codes, source, last_reviewed, next_review, usage, \
          dosage, side_effects, how_it_works, precautions, faqs, disclaimer)"
        ]
    );

    // A misspelt `alert` would silently drop the warning if it were ignored.
    let document = mutated(|d| {
        remove(d, "/precautions/items/0", "alert");
        insert(d, "/precautions/items/0", "alret", json!(true));
    });
    assert_eq!(
        problems(&document),
        ["precautions.items[0].alret: unknown field (expected one of: term, text, alert)"]
    );

    let document = mutated(|d| insert(d, "/usage/note/1", "bold", json!(true)));
    assert_eq!(
        problems(&document),
        ["usage.note[1].bold: unknown field (expected one of: text, emphasis)"]
    );
}

#[test]
fn an_unsupported_schema_version_is_reported() {
    assert_each_gives(&[
        (
            "/schema_version",
            json!(2),
            "schema_version: unsupported version 2 (this widget reads version 1)",
        ),
        (
            "/schema_version",
            json!(1.5),
            "schema_version: unsupported version 1.5 (this widget reads version 1)",
        ),
        (
            "/schema_version",
            json!("1"),
            "schema_version: expected a number, found text",
        ),
    ]);
    let document = mutated(|d| remove(d, "", "schema_version"));
    assert_eq!(problems(&document), ["schema_version: missing"]);
}

#[test]
fn a_bad_id_is_reported() {
    let message = "id: use only lowercase letters, digits and hyphens, like \"lenalidomide\"";
    for id in [
        "Lenalidomide",
        "lenalidomide 25mg",
        "lenalidomide/../x",
        "ñame",
    ] {
        assert_eq!(problems_with("/id", json!(id)), [message], "id {id:?}");
    }
    assert_eq!(problems_with("/id", json!("")), ["id: must not be empty"]);
}

#[test]
fn a_bad_language_tag_is_reported() {
    for tag in ["en_US", "english language", "en--us", "en-"] {
        assert_eq!(
            problems_with("/language", json!(tag)),
            ["language: expected a language tag such as \"en\" or \"es-MX\""],
            "language {tag:?}"
        );
    }
    assert!(valid(&mutated(|d| set(d, "/language", json!("es-MX")))).language == "es-MX");
}

#[test]
fn a_bad_date_is_reported() {
    let message = "expected a date written YYYY-MM-DD, such as \"2026-01-31\"";
    for date in [
        "2025-02-30",
        "2023-02-29",
        "1900-02-29",
        "2025-13-01",
        "2025-04-31",
        "2025-00-10",
        "31/01/2026",
        "2025-1-05",
        "20250105",
        "2025-01-05T00:00",
    ] {
        assert_eq!(
            problems_with("/last_reviewed", json!(date)),
            [format!("last_reviewed: {message}")],
            "date {date:?}"
        );
    }
    assert_eq!(
        problems_with("/next_review", json!("next year")),
        [format!("next_review: {message}")]
    );
    // Leap days that exist are accepted.
    for date in ["2024-02-29", "2000-02-29"] {
        let monograph = valid(&mutated(|d| set(d, "/last_reviewed", json!(date))));
        assert_eq!(monograph.last_reviewed.as_deref(), Some(date));
    }
}

#[test]
fn a_bad_ndc_or_rxcui_is_reported() {
    let message = "an NDC has 10 or 11 digits, optionally grouped with hyphens";
    for ndc in [
        "0591-2234",
        "0591 2234 10",
        "0591-2234-1000X",
        "059122341012",
    ] {
        assert_eq!(
            problems_with("/codes/ndc", json!(["0591-2234-10", ndc])),
            [format!("codes.ndc[1]: {message}")],
            "ndc {ndc:?}"
        );
    }
    assert_each_gives(&[
        (
            "/codes/rxcui",
            json!("RX342369"),
            "codes.rxcui: an RxNorm RxCUI is written with digits only",
        ),
        (
            "/codes/rxcui",
            json!(342369),
            "codes.rxcui: expected text, found a number",
        ),
    ]);
}

#[test]
fn an_empty_list_is_reported() {
    assert_each_gives(&[
        ("/faqs", json!([]), "faqs: must not be an empty list"),
        (
            "/usage/conditions",
            json!([]),
            "usage.conditions: must not be an empty list",
        ),
        (
            "/side_effects/serious/items",
            json!([]),
            "side_effects.serious.items: must not be an empty list",
        ),
        (
            "/disclaimer",
            json!([]),
            "disclaimer: must not be an empty list",
        ),
    ]);
}

#[test]
fn side_effects_need_a_common_or_serious_list() {
    let document = mutated(|d| {
        remove(d, "/side_effects", "common");
        remove(d, "/side_effects", "serious");
    });
    assert_eq!(
        problems(&document),
        ["side_effects: needs a `common` or a `serious` list"]
    );

    // Either list alone is enough.
    let only_serious = valid(&mutated(|d| remove(d, "/side_effects", "common")));
    let side_effects = only_serious.side_effects.unwrap();
    assert!(side_effects.common.is_none() && side_effects.serious.is_some());
}

#[test]
fn a_document_without_sections_is_reported() {
    let document = mutated(|d| {
        for key in [
            "usage",
            "dosage",
            "side_effects",
            "how_it_works",
            "precautions",
            "faqs",
        ] {
            remove(d, "", key);
        }
    });
    assert_eq!(
        problems(&document),
        [
            "(document): no sections: add at least one of usage, dosage, side_effects, \
          how_it_works, precautions, faqs"
        ]
    );
}

#[test]
fn a_root_that_is_not_an_object_is_reported() {
    for (text, found) in [
        ("[]", "a list"),
        ("null", "null"),
        ("\"Lenalidomide\"", "text"),
        ("1", "a number"),
        ("true", "true/false"),
    ] {
        let problems = validate_str(text).expect_err(text);
        assert_eq!(
            problems,
            [Problem {
                path: String::new(),
                message: format!("expected an object, found {found}"),
            }],
            "root {text}"
        );
        assert_eq!(
            problems[0].to_string(),
            format!("(document): expected an object, found {found}")
        );
    }
}

#[test]
fn every_problem_is_reported_in_document_order() {
    let document = mutated(|d| {
        set(d, "/schema_version", json!(2));
        set(d, "/title", json!(42));
        set(d, "/last_reviewed", json!("2025-02-30"));
        set(d, "/usage/conditions/1/term", json!(""));
        remove(d, "/dosage", "intro");
        set(d, "/side_effects/common/items", json!([]));
        set(d, "/precautions/items/0/alert", json!("yes"));
        remove(d, "/faqs/3", "answer");
        set(d, "/faqs/5/question", json!(null));
        set(d, "/disclaimer", json!([{ "text": "" }]));
        insert(d, "", "zz_notes", json!("draft"));
    });
    let problems = problems(&document);
    let expected_start = [
        "schema_version: unsupported version 2 (this widget reads version 1)",
        "title: expected text, found a number",
        "last_reviewed: expected a date written YYYY-MM-DD, such as \"2026-01-31\"",
        "usage.conditions[1].term: must not be empty",
        "dosage.intro: missing",
        "side_effects.common.items: must not be an empty list",
        "precautions.items[0].alert: expected true or false, found text",
        "faqs[3].answer: missing",
        "faqs[5].question: missing",
        "disclaimer[0].text: must not be empty",
    ];
    assert_eq!(problems.len(), expected_start.len() + 1, "{problems:#?}");
    assert_eq!(problems[..expected_start.len()], expected_start);
    assert!(
        problems[expected_start.len()].starts_with("zz_notes: unknown field"),
        "{problems:#?}"
    );
}

#[test]
fn problems_in_several_list_entries_are_all_reported() {
    let document = mutated(|d| {
        for i in [0, 2, 4] {
            remove(d, &format!("/faqs/{i}"), "question");
        }
    });
    assert_eq!(
        problems(&document),
        [
            "faqs[0].question: missing",
            "faqs[2].question: missing",
            "faqs[4].question: missing"
        ]
    );
}

#[test]
fn a_repeated_key_is_reported_instead_of_one_value_silently_winning() {
    // serde_json::Value cannot hold duplicates, so splice one into the text.
    let json = common::read_content("lenalidomide.json").replacen(
        "\"title\": \"Lenalidomide\",",
        "\"title\": \"Lenalidomide\",\n  \"title\": \"Examplomab (fictional test drug)\",",
        1,
    );
    let problems = common::validate_str(&json).expect_err("a repeated key must be reported");
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["title: appears more than once; keep only one"]);
}

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
