#![cfg(not(target_arch = "wasm32"))]
//! The glossary: how its terms are marked in a monograph's text
//! (`tests/fixtures/authoring/glossary/terms/`), and every problem with it,
//! in the glossary file and in the JSON, at its position.

use monograph_authoring::{check, convert_with_glossary, glossary, json_file, Kind};
use monograph_model::{Monograph, RichText, Section, Span};
use std::path::PathBuf;

fn fixture(path: &str) -> String {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/authoring")
        .join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The fixture monograph converted with the fixture glossary.
fn converted() -> Monograph {
    let (glossary, problems) = glossary::read(&fixture("glossary/terms/glossary.md"));
    assert_eq!(problems, [], "the fixture glossary is valid");
    let markdown = fixture("glossary/terms/examplomab.md");
    let conversion = convert_with_glossary(&markdown, "examplomab.md", &glossary);
    assert_eq!(conversion.diagnostics, [], "the fixture converts cleanly");
    conversion.monograph.expect("converted")
}

/// The spans of `text` as (text, emphasis, term) for short assertions.
fn spans(text: &RichText) -> Vec<(&str, bool, Option<&str>)> {
    text.0
        .iter()
        .map(
            |Span {
                 text,
                 emphasis,
                 term,
             }| (text.as_str(), *emphasis, term.as_deref()),
        )
        .collect()
}

/// Every marked span of a section, in reading order, as (text, term).
fn marks(monograph: &mut Monograph, section: Section) -> Vec<(String, String)> {
    monograph_model::walk::texts_mut(monograph, section)
        .into_iter()
        .flat_map(|text| text.0.iter())
        .filter_map(|span| Some((span.text.clone(), span.term.clone()?)))
        .collect()
}

#[test]
fn the_first_occurrence_of_each_term_in_each_section_is_marked_in_any_case() {
    let mut monograph = converted();
    let mark = |text: &str, term: &str| (text.to_owned(), term.to_owned());
    assert_eq!(
        marks(&mut monograph, Section::Usage),
        // The longer term first; "fever" then at its first occurrence that
        // is not inside "example fever", in capitals as written.
        [
            mark("FEVER", "fever"),
            mark("example fever", "example fever")
        ]
    );
    assert_eq!(
        marks(&mut monograph, Section::HowItWorks),
        [mark("swelling", "swelling")]
    );
    assert_eq!(
        marks(&mut monograph, Section::Precautions),
        [mark("alcohol", "alcohol")]
    );
    // Each section has its own first occurrence.
    assert_eq!(
        marks(&mut monograph, Section::Faqs),
        [mark("swelling", "swelling"), mark("fever", "fever")]
    );
}

#[test]
fn marking_splits_spans_and_changes_no_text() {
    let monograph = converted();
    let usage = monograph.usage.as_ref().expect("usage");
    assert_eq!(
        spans(&usage.intro),
        [
            ("Examplomab is a made-up medicine for ", false, None),
            ("FEVER", false, Some("fever")),
            (" and for ", false, None),
            ("example fever", false, Some("example fever")),
            (". It is used for:", false, None),
        ]
    );
    let plain = |text: &RichText| text.plain();
    assert_eq!(
        plain(&usage.intro),
        "Examplomab is a made-up medicine for FEVER and for example fever. It is used for:"
    );
    // The lead term of an item is not clinical running text: not marked.
    assert_eq!(usage.conditions[0].term, "Example Fever");
    // The disclaimer is not clinical text either.
    assert!(monograph
        .disclaimer
        .0
        .iter()
        .all(|span| span.term.is_none()));
}

#[test]
fn a_term_in_emphasis_keeps_it_and_one_across_a_change_of_emphasis_is_skipped() {
    let monograph = converted();
    let dosage = monograph.dosage.as_ref().expect("dosage");
    assert_eq!(
        spans(&dosage.intro),
        [
            ("Take one ", false, None),
            ("Tablet", true, Some("tablet")),
            (" a day. Tablets are small.", false, None),
        ]
    );
    let side_effects = monograph.side_effects.as_ref().expect("side effects");
    let common = side_effects.common.as_ref().expect("common");
    assert_eq!(
        spans(&common.items[1]),
        [
            ("A ", false, None),
            ("kidney", true, None),
            (" stone, then another ", false, None),
            ("kidney stone", false, Some("kidney stone")),
        ]
    );
}

#[test]
fn plurals_and_absent_terms_are_not_marked_and_only_used_definitions_are_carried() {
    let monograph = converted();
    let common = &monograph
        .side_effects
        .as_ref()
        .expect("side effects")
        .common;
    let headaches = &common.as_ref().expect("common").items[0];
    assert_eq!(spans(headaches), [("Headaches", false, None)]);
    let terms: Vec<&str> = monograph
        .glossary
        .iter()
        .map(|entry| entry.term.as_str())
        .collect();
    // Glossary order; "headache" (only "Headaches" occurs) and "rash"
    // (absent) are left out.
    assert_eq!(
        terms,
        [
            "fever",
            "example fever",
            "swelling",
            "alcohol",
            "tablet",
            "kidney stone"
        ]
    );
    let fever = monograph.definition("fever").expect("fever is defined");
    assert_eq!(fever.definition, "a body temperature higher than normal");
    assert_eq!(fever.source, "Made up for the converter's tests");
}

#[test]
fn glossary_problems_are_reported_at_their_term() {
    let glossary = fixture("glossary/problems/glossary.md");
    let monograph = fixture("glossary/problems/examplomab.md");
    let reported = check::glossary(&glossary, &[(monograph, "examplomab.md".into())]);
    let messages: Vec<String> = reported.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "3:1: error: the glossary holds `## term` headings, each with a definition paragraph \
             and a `Source:` paragraph: this would be lost",
            "11:1: error: \"swelling\" has no definition: write it in a paragraph under the heading",
            "15:1: error: \"headache\" has no source: add a paragraph `Source: …` saying where \
             the definition comes from",
            "19:1: error: \"Fever\" is in the glossary twice: keep one definition",
            "25:1: warning: \"rash\" appears in no monograph here: remove it, or check its spelling",
        ]
    );
    let kinds: Vec<Kind> = reported.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::StrayText,
            Kind::GlossaryNoDefinition,
            Kind::GlossaryNoSource,
            Kind::GlossaryDuplicateTerm,
            Kind::GlossaryUnusedTerm,
        ]
    );
}

#[test]
fn json_terms_and_definitions_are_checked_against_each_other() {
    for (file, expected) in [
        (
            // Beyond what a schema can say: the terms and the definitions
            // are checked against each other.
            "glossary/unknown-term.json",
            &[
                "17:13: error: precautions.items[0].text[1].term: unknown term \"alcohol\": \
                 `glossary` has no definition of it",
            ][..],
        ),
        (
            "glossary/unused-definition.json",
            &[
                "25:5: error: glossary[0]: \"alcohol\" is not marked anywhere in the text: \
               remove its definition",
            ][..],
        ),
        (
            "invalid/definition-without-source.json",
            &["32:5: error: glossary[0].source: missing"][..],
        ),
    ] {
        let problems = json_file::check(&fixture(file)).expect_err("the fixture is invalid");
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages, expected, "{file}");
    }
}
