#![cfg(not(target_arch = "wasm32"))]
//! Every kind of problem the content pipeline reports: one fixture each in
//! `tests/fixtures/authoring/markdown/<kind>.md` (a small monograph with one
//! mistake), checked for its exact message, line and column. Each kind is
//! also documented in `docs/editors.md`.

use monograph_authoring::{check, json_file, Kind, Severity};
use std::path::PathBuf;

/// The date the review reminder is checked against.
const TODAY: &str = "2026-01-01";

fn fixture(path: &str) -> (PathBuf, String) {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/authoring")
        .join(path);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    (path, text)
}

/// What `monograph check` reports for a Markdown fixture, without notes,
/// and without reading grades unless the fixture is about them.
fn reported(slug: &str) -> Vec<(Kind, String)> {
    let (path, text) = fixture(&format!("markdown/{slug}.md"));
    let name = path.file_name().unwrap().to_str().unwrap();
    check::markdown(&text, name, TODAY)
        .into_iter()
        .filter(|d| d.severity != Severity::Note)
        .filter(|d| d.kind != Kind::ReadingGrade || slug == "reading-grade")
        .map(|d| (d.kind, d.to_string()))
        .collect()
}

const EXPECTED: &[(&str, &[&str])] = &[
    ("disclaimer-not-last", &[
        "10:1: warning: the disclaimer is not the last paragraph: it is shown apart all the same, but editors expect it at the end of the file",
    ]),
    ("duplicate-disclaimer", &[
        "16:1: error: a second disclaimer (the first is on line 14): keep one",
    ]),
    ("duplicate-key", &[
        "4:1: error: `title` is given twice in the front matter (first on line 2): keep one",
    ]),
    ("duplicate-section", &[
        "14:1: error: a second \"Precautions\" section (the first is on line 10): merge the two into one",
    ]),
    ("empty-section", &[
        "10:1: error: the \"Usage\" section is empty: write its text under the heading, or remove the heading",
    ]),
    ("empty-text", &[
        "12:5: error: \"Alcohol\" has no text after its term: write it after the colon",
    ]),
    ("extra-list", &[
        "18:1: error: the \"Usage\" section has one list: this second list would be lost. Join the two lists",
    ]),
    ("extra-title", &[
        "14:1: error: a second `#` title: a monograph has one title; sections use `###`, like `### Usage`",
    ]),
    ("faq-no-answer", &[
        "16:3: error: the question \"Can I take it with food?\" has no answer: add a line starting with `A:` right after it",
    ]),
    ("faq-no-question", &[
        "16:3: error: each FAQ entry starts with a bold question, like `* **Q: How should I store it?**`, with `A: answer` on the next line: this one does not start with `Q:`",
    ]),
    ("formatting-dropped", &[
        "12:29: warning: `code` formatting is not kept: the text is shown as plain text",
    ]),
    ("front-matter-empty", &[
        "1:1: error: the front matter is empty or starts with a blank line: put its first `key: value` line right after the opening `---`",
    ]),
    ("front-matter-missing", &[
        "1:1: error: no front matter: start the file with a line `---`, then `title:` and `language:` lines, then another `---` line",
    ]),
    ("front-matter-not-keys", &[
        "2:1: error: the front matter must be `key: value` lines, like `title: Lenalidomide`, but this is a list",
    ]),
    ("front-matter-not-yaml", &[
        "3:9: error: the front matter is not valid YAML near here (the YAML reader says: illegal placement of ':' indicator). Check this line and the one before: write one `key: value` per line, close every [ and quote you open, and put quotes around a value that contains `: ` or starts with a symbol",
    ]),
    ("front-matter-unclosed", &[
        "1:1: error: the front matter has no closing `---` line: end it with a line of three hyphens, before the `#` title",
    ]),
    ("heading-level", &[
        "10:1: error: section headings use three #, like `### Precautions`: this one has 2",
    ]),
    ("id-differs-from-file-name", &[
        "4:5: warning: the id \"examplomab-tablets\" differs from the file name \"id-differs-from-file-name.md\": the JSON is written to \"id-differs-from-file-name.json\" all the same. Rename the file to \"examplomab-tablets.md\", or remove the `id:` line",
    ]),
    ("invalid-value", &[
        "4:7: error: `ndc` entry 1: an NDC is one package's code: 10 digits grouped 4-4-2, 5-3-2 or 5-4-1 with hyphens (\"0591-2234-10\"), or 11 digits",
    ]),
    ("missing-disclaimer", &[
        "12:37: error: no disclaimer: end the file with a paragraph that starts with `**Disclaimer:**`",
    ]),
    ("missing-generic-name", &[
        "6:1: error: no \"Generic Name\" section: add `### Generic Name` with the medicine's generic name on the line below it",
    ]),
    ("missing-intro", &[
        "12:1: error: the list in \"Usage\" needs a paragraph before it that introduces it, like \"Its main uses include:\"",
    ]),
    ("missing-key", &[
        "1:1: error: the front matter has no `language`: add a line like `language: en` (the language tag of the text, such as `en` or `es-MX`)",
    ]),
    ("missing-list", &[
        "10:1: error: the \"Usage\" section has no list: write each entry as a bullet with a bold term, like `* **Multiple Myeloma:** text`",
    ]),
    ("missing-term", &[
        "12:3: error: each item in \"Precautions\" starts with a bold term and a colon, like `* **Kidney Function:** text`: this one does not",
    ]),
    ("missing-title", &[
        "1:1: error: no title: add a `#` title line after the front matter, like `# Lenalidomide`, and `title: Lenalidomide` in the front matter",
    ]),
    ("no-sections", &[
        "10:36: error: no sections with content: add at least one of Usage, Dosage, Side Effects, How it Works, Precautions, FAQs, each under a `###` heading",
    ]),
    ("reading-grade", &[
        "10:1: warning: \"Precautions\" reads at grade 29.0 (Flesch-Kincaid; 12 words in 2 sentences, 3.58 syllables a word); patient material should aim at grade 5 to 6: shorter sentences and everyday words help",
    ]),
    ("review-overdue", &[
        "5:14: warning: the next review was due on 2025-01-31: have the text reviewed, then update `last_reviewed` and `next_review`",
    ]),
    ("side-effects-unclear", &[
        "16:1: error: neither side-effect list is introduced by text that mentions \"serious\", so it is unclear which list holds the serious side effects: only the introduction of the serious list may use the word \"serious\"",
    ]),
    ("stray-text", &[
        "7:1: error: this text is not under a section heading and would be lost: move it under a `###` heading, like `### Usage`, or remove it",
    ]),
    ("title-mismatch", &[
        "6:1: error: the `#` title \"Examplomab Tablets\" differs from `title: Examplomab` in the front matter: make them the same",
    ]),
    ("unknown-alert", &[
        "4:10: error: `alerts` names \"Alcohl\" (did you mean \"Alcohol\"?), but no precaution has that term: the precautions are Alcohol",
    ]),
    ("unknown-key", &[
        "4:1: error: unknown front-matter key `brand-names` (did you mean `brand_names`?): the keys are layout, title, id, language, brand_names, rxcui, ndc, source, last_reviewed, next_review, alerts. Fix the spelling or remove the line",
    ]),
    ("unknown-section", &[
        "14:1: error: unknown section heading \"Storage\": the sections are Generic Name, Usage, Dosage, Side Effects, How it Works, Precautions, FAQs. The text under an unknown heading would be lost: rename the heading or move the text into a section",
    ]),
    ("unsupported-markdown", &[
        "12:38: error: a link cannot be shown by the widget and would be lost: write it as plain text",
    ]),
    ("wrong-type", &[
        "4:14: error: `brand_names` must be a list, like `brand_names: [Revlimid]` (or one `- ` line per entry), but it is text",
    ]),
];

#[test]
fn each_mistake_is_reported_with_its_message_and_position() {
    let mut failures = Vec::new();
    for (slug, expected) in EXPECTED {
        let reported = reported(slug);
        let messages: Vec<&str> = reported.iter().map(|(_, m)| m.as_str()).collect();
        if messages != *expected {
            failures.push(format!(
                "{slug}:\n  expected {expected:#?}\n  reported {messages:#?}"
            ));
        }
        assert!(
            reported.iter().any(|(kind, _)| kind.slug() == *slug),
            "{slug}.md reports no diagnostic of its own kind: {reported:?}"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_kind_of_markdown_problem_has_a_fixture() {
    for kind in Kind::ALL {
        // JSON and glossary problems have fixtures of their own kind (see
        // authoring_glossary.rs for the glossary's).
        if matches!(
            kind,
            Kind::JsonSyntax
                | Kind::JsonInvalid
                | Kind::JsonDuplicateKey
                | Kind::GlossaryNoDefinition
                | Kind::GlossaryNoSource
                | Kind::GlossaryDuplicateTerm
                | Kind::GlossaryUnusedTerm
        ) {
            continue;
        }
        assert!(
            EXPECTED.iter().any(|(slug, _)| *slug == kind.slug()),
            "no fixture for {}",
            kind.slug()
        );
    }
}

#[test]
fn every_kind_is_documented_for_editors() {
    let guide = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/editors.md"
    ))
    .expect("docs/editors.md exists");
    for kind in Kind::ALL {
        let heading = format!("#### `{}`", kind.slug());
        assert!(guide.contains(&heading), "docs/editors.md has no {heading}");
    }
}

#[test]
fn only_warnings_leave_a_monograph_to_write() {
    for (slug, _) in EXPECTED {
        let (path, text) = fixture(&format!("markdown/{slug}.md"));
        let conversion = monograph_authoring::convert(&text, &path.to_string_lossy());
        let errors = conversion
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        assert_eq!(
            conversion.monograph.is_some(),
            !errors,
            "{slug}: a monograph exactly when there is no error"
        );
    }
}

#[test]
fn json_problems_are_reported_at_their_path() {
    for (file, expected) in [
        (
            "invalid/missing-term.json",
            "9:7: error: precautions.items[0].term: missing",
        ),
        (
            "invalid/bad-ndc.json",
            "26:7: error: codes.ndc[0]: an NDC is one package's code: 10 digits grouped 4-4-2, 5-3-2 or 5-4-1 with hyphens (\"0591-2234-10\"), or 11 digits",
        ),
        (
            "invalid/unknown-span-field.json",
            "22:7: error: disclaimer[0].bold: unknown field (expected one of: text, emphasis, term)",
        ),
        (
            "broken/trailing-comma.json",
            "4:1: error: this is not valid JSON (trailing comma). JSON in content/ is generated: \
             edit the Markdown source and run `monograph convert`",
        ),
    ] {
        let (_, text) = fixture(file);
        let problems = json_file::check(&text).expect_err("the fixture is invalid");
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages, [expected], "{file}");
        let kind = if file.starts_with("broken") {
            Kind::JsonSyntax
        } else {
            Kind::JsonInvalid
        };
        assert!(problems.iter().all(|p| p.kind == kind), "{file}");
    }
}

#[test]
fn repeated_keys_are_reported_where_they_repeat() {
    // Valid JSON that the validator accepts, since the browser keeps only
    // the last of each repeated key: only the check of the text sees them.
    let (_, text) = fixture("ambiguous/duplicate-key.json");
    let problems = json_file::check(&text).expect_err("repeated keys are reported");
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "6:3: error: \"title\" appears more than once in the same object: the widget \
             would keep only the last one; keep only one",
            "12:9: error: \"term\" appears more than once in the same object: the widget \
             would keep only the last one; keep only one",
        ]
    );
    assert!(problems.iter().all(|p| p.kind == Kind::JsonDuplicateKey));
}

#[test]
fn files_beyond_the_widgets_limits_are_reported() {
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let problems = json_file::check(&deep).expect_err("too deep for the widget");
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["1:1: error: (document): nested more than 32 levels deep; a monograph needs far fewer"]
    );
}
