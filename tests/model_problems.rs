#![cfg(not(target_arch = "wasm32"))]
//! Every kind of mistake an editor can make in a monograph file is reported
//! with its path and a plain message.

mod common;

use common::{insert, mutated, problems, remove, set, valid, validate_str};
use drug_monograph::model::Problem;
use serde_json::{json, Value as Json};

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
          dosage, side_effects, how_it_works, precautions, faqs, disclaimer, glossary)"
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
        ["usage.note[1].bold: unknown field (expected one of: text, emphasis, term)"]
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
            "schema_version: unsupported version: not a whole number (this widget reads version 1)",
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
    let message = "an NDC is one package's code: 10 digits grouped 4-4-2, 5-3-2 or 5-4-1 \
                   with hyphens (\"0591-2234-10\"), or 11 digits";
    for ndc in [
        // Ten digits without hyphens could be three codes.
        "0591223410",
        // A product, not a package.
        "0591-2234",
        "059-12234-10",
        " 0591-2234-10",
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
    let only_serious = valid(&mutated(|d| {
        remove(d, "/side_effects", "common");
        // Edema is marked only in the common side effects.
        let glossary = d["glossary"].as_array_mut().expect("a glossary");
        glossary.retain(|entry| entry["term"] != "edema");
    }));
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
fn marked_terms_and_their_definitions_are_checked_against_each_other() {
    // A mark whose definition is gone.
    let document = mutated(|d| {
        let glossary = d["glossary"].as_array_mut().expect("a glossary");
        glossary.retain(|entry| entry["term"] != "edema");
    });
    assert_eq!(
        problems(&document),
        [
            "side_effects.common.items[7][1].term: unknown term \"edema\": `glossary` has no \
             definition of it"
        ]
    );
    // A definition no longer marked, one given twice, one without a source.
    let document = mutated(|d| {
        set(
            d,
            "/side_effects/common/items/7",
            json!([{ "text": "Swelling (edema)" }]),
        );
    });
    assert_eq!(
        problems(&document),
        ["glossary[4]: \"edema\" is not marked anywhere in the text: remove its definition"]
    );
    let document = mutated(|d| {
        let glossary = d["glossary"].as_array_mut().expect("a glossary");
        let twice = glossary[0].clone();
        glossary.push(twice);
    });
    assert_eq!(
        problems(&document),
        ["glossary[10].term: \"multiple myeloma\" is defined more than once"]
    );
    let document = mutated(|d| remove(d, "/glossary/1", "source"));
    assert_eq!(problems(&document), ["glossary[1].source: missing"]);
}
