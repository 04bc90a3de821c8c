//! A tab's clinical text as plain text, in reading order: what "Read aloud"
//! speaks. Only the monograph's own words, exactly as the panel shows them
//! (both follow the model's walk, `walk::blocks`): no headings or labels the
//! widget adds, and nothing rephrased.

use crate::model::walk::{self, Block};
use crate::model::{Item, Monograph, RichText, Section};

/// The clinical text of one tab, one paragraph, list entry, question or
/// answer per line (`"\n"` between them). Empty when the monograph lacks
/// the tab's section.
pub fn tab_text(monograph: &Monograph, tab: Section) -> String {
    tab_lines(monograph, tab).join("\n")
}

/// The tab's text as lines, each a paragraph, list entry, question or answer
/// with its whitespace collapsed:
///
/// - a list entry reads as its term, a colon and its text, as shown
///   (`Pregnancy: Lenalidomide is …`);
/// - each side-effect list follows its introductory sentence;
/// - each FAQ is its question, then its answer.
pub fn tab_lines(monograph: &Monograph, tab: Section) -> Vec<String> {
    let mut lines = Lines::default();
    for block in walk::blocks(monograph, tab) {
        match block {
            Block::Paragraph { text, .. } | Block::Advice(text) => lines.text(text),
            Block::Items { items, .. } => lines.items(items),
            Block::SideEffects { group, .. } => {
                lines.text(&group.intro);
                group.items.iter().for_each(|item| lines.text(item));
            }
            Block::Faq(faq) => {
                lines.push(faq.question.clone());
                lines.text(&faq.answer);
            }
        }
    }
    lines.0
}

#[derive(Default)]
struct Lines(Vec<String>);

impl Lines {
    /// Adds one line. A line break inside the text would read as a new
    /// paragraph, so whitespace runs become single spaces; blank lines are
    /// left out.
    fn push(&mut self, line: String) {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            self.0.push(line);
        }
    }

    fn text(&mut self, text: &RichText) {
        self.push(text.plain());
    }

    fn items(&mut self, items: &[Item]) {
        for item in items {
            self.push(format!("{}: {}", item.term, item.text.plain()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{validate, Span, Value};

    fn lenalidomide() -> Monograph {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/content/lenalidomide.json");
        let text = std::fs::read_to_string(path).expect("content/lenalidomide.json is readable");
        let value: Value = serde_json::from_str(&text).expect("lenalidomide.json is JSON");
        validate(&value).expect("lenalidomide.json is a valid monograph")
    }

    fn text(text: &str) -> RichText {
        RichText(vec![Span {
            text: text.to_owned(),
            emphasis: false,
            term: None,
        }])
    }

    #[test]
    fn every_tab_of_lenalidomide_has_text() {
        let monograph = lenalidomide();
        let present = Section::present_in(&monograph);
        assert_eq!(present, Section::ALL, "lenalidomide has every section");
        for tab in present {
            let text = tab_text(&monograph, tab);
            assert!(!text.trim().is_empty(), "{tab:?} has no text");
            for line in text.lines() {
                assert!(!line.trim().is_empty(), "{tab:?} has a blank line");
                assert_eq!(line, line.trim(), "{tab:?}: untrimmed line {line:?}");
            }
        }
    }

    #[test]
    fn side_effects_read_each_list_after_its_intro() {
        let monograph = lenalidomide();
        let section = monograph.side_effects.as_ref().expect("side effects");
        let common = section.common.as_ref().expect("common side effects");
        let serious = section.serious.as_ref().expect("serious side effects");
        let text = tab_text(&monograph, Section::SideEffects);
        let lines: Vec<&str> = text.lines().collect();

        assert_eq!(
            lines[0],
            common.intro.plain(),
            "starts with the intro sentence"
        );
        assert_eq!(lines[1], "Fatigue");
        let serious_intro = lines
            .iter()
            .position(|line| *line == serious.intro.plain())
            .expect("the serious list's intro is read");
        assert_eq!(serious_intro, 1 + common.items.len());
        assert!(lines[serious_intro + 1].contains("Stevens-Johnson syndrome"));
        assert_eq!(
            lines.last().copied(),
            section.advice.as_ref().map(RichText::plain).as_deref()
        );
        assert_eq!(
            lines.len(),
            2 + common.items.len() + serious.items.len() + 1
        );
        // The headings the widget adds are interface strings, not content.
        assert!(!text.contains("Serious side effects"));
    }

    #[test]
    fn items_read_as_term_colon_text() {
        let monograph = lenalidomide();
        let precautions = monograph.precautions.as_ref().expect("precautions");
        let text = tab_text(&monograph, Section::Precautions);
        let first = &precautions.items[0];
        let expected = format!("{}: {}", first.term, first.text.plain());
        assert!(
            text.lines().any(|line| line == expected),
            "{expected:?} not in {text:?}"
        );
        // The alert label ("Important") is the widget's, not the monograph's.
        assert!(!text.contains("Important"));
    }

    #[test]
    fn faqs_read_question_then_answer() {
        let monograph = lenalidomide();
        let text = tab_text(&monograph, Section::Faqs);
        let expected: Vec<String> = monograph
            .faqs
            .iter()
            .flat_map(|faq| [faq.question.clone(), faq.answer.plain()])
            .collect();
        assert_eq!(text.lines().collect::<Vec<_>>(), expected);
    }

    #[test]
    fn exactly_the_words_shown() {
        let monograph = lenalidomide();
        let usage = monograph.usage.as_ref().expect("usage");
        let mut expected = vec![usage.intro.plain()];
        expected.extend(
            usage
                .conditions
                .iter()
                .map(|item| format!("{}: {}", item.term, item.text.plain())),
        );
        expected.extend(usage.note.as_ref().map(RichText::plain));
        assert_eq!(
            tab_text(&monograph, Section::Usage)
                .lines()
                .collect::<Vec<_>>(),
            expected
        );
    }

    #[test]
    fn emphasis_spans_join_and_line_breaks_stay_inside_a_line() {
        let mut monograph = lenalidomide();
        let precautions = monograph.precautions.as_mut().expect("precautions");
        precautions.intro = Some(RichText(vec![
            Span {
                text: "Do not ".into(),
                emphasis: false,
                term: None,
            },
            Span {
                text: "stop\ntaking".into(),
                emphasis: true,
                term: None,
            },
            Span {
                text: " it.".into(),
                emphasis: false,
                term: None,
            },
        ]));
        let text = tab_text(&monograph, Section::Precautions);
        assert_eq!(text.lines().next(), Some("Do not stop taking it."));
    }

    /// Words the glossary explains are read as written, never with their
    /// definitions.
    #[test]
    fn marked_words_read_as_the_seed_wrote_them() {
        let monograph = lenalidomide();
        let text = tab_text(&monograph, Section::SideEffects);
        assert!(
            text.lines().any(|line| line == "Swelling (edema)"),
            "{text}"
        );
        assert!(text
            .lines()
            .any(|line| line == "Low blood cell counts (neutropenia, thrombocytopenia, anemia)"));
        for definition in &monograph.glossary {
            assert!(
                !text.contains(&format!("{}: {}", definition.term, definition.definition)),
                "{}",
                definition.term
            );
        }
    }

    #[test]
    fn a_missing_section_has_no_text() {
        let mut monograph = lenalidomide();
        monograph.dosage = None;
        monograph.faqs.clear();
        assert_eq!(tab_text(&monograph, Section::Dosage), "");
        assert_eq!(tab_text(&monograph, Section::Faqs), "");
        // Optional parts are simply left out.
        let how = monograph.how_it_works.as_mut().expect("how it works");
        how.summary = None;
        how.intro = text("Intro.");
        assert!(tab_text(&monograph, Section::HowItWorks).starts_with("Intro.\n"));
    }
}
