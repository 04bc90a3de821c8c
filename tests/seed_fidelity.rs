#![cfg(not(target_arch = "wasm32"))]
//! The monograph must say exactly what the clinical seed says: every
//! sentence of `content/lenalidomide.md` appears unchanged in the validated
//! monograph, and every section heading of the seed is a section shown.

mod common;

use common::{collapse, lenalidomide, plain_text, read_content};
use drug_monograph::model::Monograph;
use drug_monograph::model::Section;
use drug_monograph::strings::ENGLISH;

/// The seed's body: its headings, and the text blocks under each.
struct Seed {
    /// `(level, heading text, blocks)`, in order; blocks before the first
    /// heading, if any, sit under an empty level-0 heading.
    sections: Vec<(usize, String, Vec<String>)>,
}

/// The Markdown after the front matter (`---` … `---`).
fn body(markdown: &str) -> &str {
    let Some(rest) = markdown.strip_prefix("---\n") else {
        return markdown;
    };
    match rest.find("\n---\n") {
        Some(end) => &rest[end + "\n---\n".len()..],
        None => markdown,
    }
}

/// Reads the seed Markdown: headings are structure; bullets, bold markers,
/// the FAQ `Q:`/`A:` markers and the `Disclaimer:` label are dropped.
fn parse_seed(markdown: &str) -> Seed {
    let mut sections: Vec<(usize, String, Vec<String>)> = vec![(0, String::new(), Vec::new())];
    let mut current: Option<String> = None;

    fn flush(sections: &mut [(usize, String, Vec<String>)], current: &mut Option<String>) {
        if let Some(block) = current.take() {
            let block = collapse(&block);
            if !block.is_empty() {
                sections.last_mut().unwrap().2.push(block);
            }
        }
    }

    for line in body(markdown).lines() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut sections, &mut current);
            continue;
        }
        if line.starts_with('#') {
            flush(&mut sections, &mut current);
            let level = line.chars().take_while(|&c| c == '#').count();
            sections.push((level, line[level..].trim().to_owned(), Vec::new()));
            continue;
        }
        let (bullet, line) = match line.strip_prefix("* ").or_else(|| line.strip_prefix("- ")) {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let line = line.replace("**", "");
        let line = line.trim();
        let marker = ["Q:", "A:", ENGLISH.disclaimer]
            .into_iter()
            .find_map(|marker| line.strip_prefix(marker));
        if bullet || marker.is_some() {
            flush(&mut sections, &mut current);
        }
        let text = marker.unwrap_or(line);
        let block = current.get_or_insert_with(String::new);
        block.push(' ');
        block.push_str(text);
    }
    flush(&mut sections, &mut current);
    if sections[0].2.is_empty() {
        sections.remove(0);
    }
    Seed { sections }
}

/// Splits a block after each `.`, `?` or `!` that is followed by a space.
fn sentences(block: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    for window in chars.windows(2) {
        let [(_, c), (next_at, next)] = window else {
            continue;
        };
        if matches!(c, '.' | '?' | '!') && next.is_whitespace() {
            sentences.push(block[start..*next_at].trim().to_owned());
            start = *next_at;
        }
    }
    let last = block[start..].trim();
    if !last.is_empty() {
        sentences.push(last.to_owned());
    }
    sentences
}

fn seed_sentences(seed: &Seed) -> Vec<String> {
    seed.sections
        .iter()
        .flat_map(|(_, _, blocks)| blocks.iter().flat_map(|block| sentences(block)))
        .collect()
}

/// Whether `sentence` occurs in `text` as whole words: a one-word list item
/// such as "Rash" must not be satisfied by "Rashes".
fn contains_sentence(text: &str, sentence: &str) -> bool {
    text.match_indices(sentence).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + sentence.len()..].chars().next();
        before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace)
    })
}

/// The seed sentences that do not appear, unchanged, in the monograph.
fn missing_sentences(markdown: &str, monograph: &Monograph) -> Vec<String> {
    let text = plain_text(monograph);
    seed_sentences(&parse_seed(markdown))
        .into_iter()
        .filter(|sentence| !contains_sentence(&text, sentence))
        .collect()
}

/// What a seed heading stands for in the monograph.
#[derive(Debug, PartialEq)]
enum Heading {
    Title,
    GenericName,
    Section(Section),
}

fn heading_target(level: usize, text: &str) -> Option<Heading> {
    let same = |label: &str| label.trim_end_matches(':').eq_ignore_ascii_case(text);
    if level == 1 {
        return Some(Heading::Title);
    }
    if same(ENGLISH.generic_name) {
        return Some(Heading::GenericName);
    }
    Section::ALL
        .into_iter()
        .find(|tab| same(ENGLISH.tab_label(*tab)))
        .map(Heading::Section)
}

/// Seed headings with no counterpart in the monograph, and monograph
/// sections with no heading in the seed.
fn heading_mismatches(markdown: &str, monograph: &Monograph) -> Vec<String> {
    let seed = parse_seed(markdown);
    let present = Section::present_in(monograph);
    let mut mismatches = Vec::new();
    let mut seen = Vec::new();
    for (level, text, blocks) in seed.sections.iter().filter(|s| s.0 > 0) {
        match heading_target(*level, text) {
            Some(Heading::Title) if *text == monograph.title => {}
            Some(Heading::Title) => mismatches.push(format!(
                "title heading {text:?} is not the monograph title {:?}",
                monograph.title
            )),
            Some(Heading::GenericName) if blocks.first() == Some(&monograph.generic_name) => {}
            Some(Heading::GenericName) => mismatches.push(format!(
                "generic name {:?} under {text:?} is not the monograph's {:?}",
                blocks.first(),
                monograph.generic_name
            )),
            Some(Heading::Section(tab)) if present.contains(&tab) => seen.push(tab),
            Some(Heading::Section(tab)) => {
                mismatches.push(format!("seed section {text:?} ({tab:?}) is missing"))
            }
            None => mismatches.push(format!("seed heading {text:?} matches no section")),
        }
    }
    for tab in present.into_iter().filter(|tab| !seen.contains(tab)) {
        mismatches.push(format!(
            "monograph section {tab:?} has no heading in the seed"
        ));
    }
    mismatches
}

fn seed() -> String {
    read_content("lenalidomide.md")
}

#[test]
fn every_seed_sentence_appears_unchanged_in_the_monograph() {
    let markdown = seed();
    let parsed = parse_seed(&markdown);
    // Guard against a parser that finds nothing to check: every heading
    // below the title has some text under it.
    for (level, heading, blocks) in &parsed.sections {
        assert!(
            *level < 2 || blocks.iter().any(|b| !sentences(b).is_empty()),
            "no sentences found under seed heading {heading:?}"
        );
    }
    let missing = missing_sentences(&markdown, &lenalidomide());
    assert!(
        missing.is_empty(),
        "{} seed sentence(s) missing or changed in lenalidomide.json:\n  {}",
        missing.len(),
        missing.join("\n  ")
    );
}

#[test]
fn every_seed_heading_is_a_section_of_the_monograph() {
    let markdown = seed();
    let headings: Vec<String> = parse_seed(&markdown)
        .sections
        .iter()
        .filter(|s| s.0 > 0)
        .map(|s| s.1.clone())
        .collect();
    // Title, generic name and the six sections.
    assert!(
        headings.len() >= Section::ALL.len(),
        "headings found: {headings:?}"
    );
    let mismatches = heading_mismatches(&markdown, &lenalidomide());
    assert!(
        mismatches.is_empty(),
        "seed headings and monograph sections differ:\n  {}",
        mismatches.join("\n  ")
    );
}

#[test]
fn the_checker_reports_a_changed_word_in_the_seed() {
    let markdown = seed();
    let original = "A: Store it at room temperature, away from moisture and heat.";
    assert!(
        markdown.contains(original),
        "fixture sentence not in the seed"
    );
    let changed = markdown.replace(
        original,
        "A: Store it at body temperature, away from moisture and heat.",
    );
    assert_eq!(
        missing_sentences(&changed, &lenalidomide()),
        ["Store it at body temperature, away from moisture and heat."]
    );
}

/// The seed sentences missing from the Lenalidomide monograph once
/// `change` is made to it.
fn missing_after(change: impl FnOnce(&mut Monograph)) -> Vec<String> {
    let mut monograph = lenalidomide();
    change(&mut monograph);
    missing_sentences(&seed(), &monograph)
}

#[test]
fn the_checker_reports_a_changed_word_in_the_monograph() {
    let missing = missing_after(|monograph| {
        let pregnancy = &mut monograph.precautions.as_mut().unwrap().items[0];
        let span = &mut pregnancy.text.0[0];
        span.text = span.text.replace("severe birth defects", "birth defects");
    });
    assert_eq!(missing, ["It can cause severe birth defects."]);
}

#[test]
fn the_checker_reports_a_dropped_faq_and_a_bold_term_split_from_its_text() {
    let missing = missing_after(|monograph| {
        monograph.faqs.remove(2);
        monograph.how_it_works.as_mut().unwrap().actions[1].term = "Anti-angiogenesis".into();
    });
    assert_eq!(
        missing,
        [
            "Antiangiogenesis: It inhibits the formation of new blood vessels that tumors need to grow.",
            "How should I store Lenalidomide?",
            "Store it at room temperature, away from moisture and heat.",
        ]
    );
}

#[test]
fn the_heading_checker_reports_renamed_and_missing_sections() {
    let renamed = seed().replace("### Dosage\n", "### Dosing\n");
    let mismatches = heading_mismatches(&renamed, &lenalidomide());
    assert_eq!(
        mismatches,
        [
            "seed heading \"Dosing\" matches no section",
            "monograph section Dosage has no heading in the seed"
        ]
    );

    let mut monograph = lenalidomide();
    monograph.how_it_works = None;
    assert_eq!(
        heading_mismatches(&seed(), &monograph),
        ["seed section \"How it Works\" (HowItWorks) is missing"]
    );
}

#[test]
fn the_checker_reports_a_list_item_that_only_matches_part_of_a_word() {
    let missing = missing_after(|monograph| {
        let common = monograph
            .side_effects
            .as_mut()
            .unwrap()
            .common
            .as_mut()
            .unwrap();
        let rash = common
            .items
            .iter_mut()
            .find(|i| i.plain() == "Rash")
            .expect("Rash");
        rash.0[0].text = "Rashes".into();
    });
    assert_eq!(missing, ["Rash"]);
}

#[test]
fn sentences_split_after_end_punctuation_only() {
    assert_eq!(
        sentences("Take 10 mg daily. Is it safe? Yes! Dose: 2.5 mg"),
        ["Take 10 mg daily.", "Is it safe?", "Yes!", "Dose: 2.5 mg"]
    );
}

/// The glossary adds no clinical text: each definition is the seed's own
/// words, inside the passage its source quotes, and that passage is in the
/// seed word for word, with the term it explains.
#[test]
fn every_definition_is_the_seeds_own_words_from_the_passage_it_quotes() {
    let seed = collapse(&seed().replace("**", ""));
    let monograph = lenalidomide();
    let terms: Vec<&str> = monograph.glossary.iter().map(|d| d.term.as_str()).collect();
    assert_eq!(
        terms,
        [
            "multiple myeloma",
            "dexamethasone",
            "rituximab",
            "5q deletion",
            "edema",
            "neutropenia",
            "thrombocytopenia",
            "anemia",
            "immunomodulation",
            "antiangiogenesis",
        ]
    );
    for entry in &monograph.glossary {
        let term = &entry.term;
        let quote = entry
            .source
            .strip_prefix("Lenalidomide seed text, ")
            .and_then(|rest| rest.split_once(": \""))
            .and_then(|(_, quote)| quote.strip_suffix('"'))
            .unwrap_or_else(|| panic!("{term}: the source quotes the seed: {}", entry.source));
        assert!(seed.contains(quote), "{term}: {quote:?} is not in the seed");
        assert!(
            quote.contains(&entry.definition),
            "{term}: {:?} is not in {quote:?}",
            entry.definition
        );
        assert!(
            quote.to_lowercase().contains(&term.to_lowercase()),
            "{term}: not in {quote:?}"
        );
    }
}
