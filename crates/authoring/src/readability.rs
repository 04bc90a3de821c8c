//! Reading grade of each section: the Flesch-Kincaid grade level,
//!
//! ```text
//! grade = 0.39 × words / sentences + 11.8 × syllables / words − 15.59
//! ```
//!
//! Patient material should aim at grade 5 to 6. Counting follows simple,
//! documented rules (also in `docs/editors.md`), so a grade is a guide for
//! editors, not a measurement to the decimal:
//!
//! - Every paragraph, list item, term, question and answer is read on its
//!   own. A term ("Kidney Function:") or an item without a full stop
//!   ("Fatigue") counts as a sentence of its own.
//! - A sentence ends at `.`, `!` or `?` followed by a space or the end of
//!   the text, so "2.5 mg" does not end one.
//! - A word is anything between spaces with a letter or digit in it; a
//!   hyphenated word ("anti-cancer") is one word.
//! - Syllables are counted in a word's letters: each group of vowels
//!   (a, e, i, o, u, and y when not the first letter) is one; a silent
//!   final `e` is not counted ("dose"), except in "-le" after a consonant
//!   ("tablet", "able"); a final "-ed" is not counted unless it follows
//!   `t` or `d` ("used", but "treated"); a final "-es" is not counted
//!   unless it follows s, x, z, ch, sh, ce or ge ("makes", but "doses").
//!   Every word has at least one syllable; a number counts as one.

use crate::Heading;
use monograph_model::walk::{self, Block};
use monograph_model::{Monograph, RichText, Section};

/// The patient-material target: grade 5 to 6.
pub const TARGET: f64 = 6.0;

/// Counts for some text, and its grade.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grade {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Flesch-Kincaid grade level.
    pub grade: f64,
}

/// The grade of one section (or of the disclaimer).
#[derive(Debug, Clone, PartialEq)]
pub struct SectionGrade {
    /// The JSON key: `usage`, …, `faqs`, `disclaimer`.
    pub key: &'static str,
    /// As editors name it, the text of its [`Heading`]: "Usage", …, and
    /// "Disclaimer", which has no heading.
    pub name: &'static str,
    pub grade: Grade,
}

/// The grade of text read as `units` (paragraphs, items, terms…); `None`
/// when there are no words.
pub fn grade<S: AsRef<str>>(units: &[S]) -> Option<Grade> {
    let (mut words, mut sentences, mut syllables) = (0, 0, 0);
    for unit in units {
        let unit = unit.as_ref();
        let unit_words: Vec<&str> = unit.split_whitespace().filter(|w| is_word(w)).collect();
        if unit_words.is_empty() {
            continue;
        }
        words += unit_words.len();
        syllables += unit_words.iter().map(|w| syllables_in(w)).sum::<usize>();
        sentences += sentences_in(unit);
    }
    if words == 0 {
        return None;
    }
    let grade =
        0.39 * words as f64 / sentences as f64 + 11.8 * syllables as f64 / words as f64 - 15.59;
    Some(Grade {
        words,
        sentences,
        syllables,
        grade,
    })
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// Sentences in one unit: each `.`, `!` or `?` run that is followed by
/// whitespace (or the end), plus a last sentence without one.
fn sentences_in(unit: &str) -> usize {
    let mut count = 0;
    let mut words_since_end = false;
    let chars: Vec<char> = unit.chars().collect();
    for (i, token) in chars.iter().enumerate() {
        if token.is_alphanumeric() {
            words_since_end = true;
        }
        let ends = matches!(token, '.' | '!' | '?')
            && chars
                .get(i + 1)
                .is_none_or(|next| next.is_whitespace() || matches!(next, ')' | '"' | '\''));
        if ends && words_since_end {
            count += 1;
            words_since_end = false;
        }
    }
    count + usize::from(words_since_end)
}

/// Syllables in one word, by the rules in the module's documentation.
pub fn syllables_in(word: &str) -> usize {
    let letters: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.is_empty() {
        return 1;
    }
    let vowel = |i: usize| {
        matches!(letters[i], 'a' | 'e' | 'i' | 'o' | 'u') || (letters[i] == 'y' && i > 0)
    };
    let mut count = 0;
    for i in 0..letters.len() {
        if vowel(i) && (i == 0 || !vowel(i - 1)) {
            count += 1;
        }
    }
    let n = letters.len();
    let ends = |suffix: &str| {
        let suffix: Vec<char> = suffix.chars().collect();
        n >= suffix.len() && letters[n - suffix.len()..] == suffix[..]
    };
    let consonant_at = |i: usize| !vowel(i);
    let silent_e =
        n >= 2 && ends("e") && !(ends("le") && n >= 3 && consonant_at(n - 3)) && !vowel(n - 2);
    let silent_ed =
        ends("ed") && n >= 3 && !matches!(letters[n - 3], 't' | 'd') && consonant_at(n - 3);
    let silent_es = ends("es")
        && n >= 3
        && consonant_at(n - 3)
        && !["ses", "xes", "zes", "ches", "shes", "ces", "ges"]
            .iter()
            .any(|s| ends(s));
    if count > 1 && (silent_e || silent_ed || silent_es) {
        count -= 1;
    }
    count.max(1)
}

/// The grade of each section of `monograph` that has words, in the
/// widget's order, then the disclaimer.
pub fn section_grades(monograph: &Monograph) -> Vec<SectionGrade> {
    let sections = Section::ALL.into_iter().map(|section| {
        let units: Vec<String> = walk::blocks(monograph, section)
            .into_iter()
            .flat_map(units)
            .collect();
        (section.field(), Heading::Section(section).text(), units)
    });
    let disclaimer = (
        "disclaimer",
        "Disclaimer",
        vec![monograph.disclaimer.plain()],
    );
    sections
        .chain([disclaimer])
        .filter_map(|(key, name, units)| {
            grade(&units).map(|grade| SectionGrade { key, name, grade })
        })
        .collect()
}

/// The units a block is read as: an item's term and its text each count on
/// their own, and so does a question and its answer.
fn units(block: Block) -> Vec<String> {
    match block {
        Block::Paragraph { text, .. } | Block::Advice(text) => vec![text.plain()],
        Block::Items { items, .. } => items
            .iter()
            .flat_map(|item| [item.term.clone(), item.text.plain()])
            .collect(),
        Block::SideEffects { group, .. } => [&group.intro]
            .into_iter()
            .chain(&group.items)
            .map(RichText::plain)
            .collect(),
        Block::Faq(faq) => vec![faq.question.clone(), faq.answer.plain()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_follow_the_documented_rules() {
        for (word, expected) in [
            ("dose", 1),
            ("doses", 2),
            ("makes", 1),
            ("used", 1),
            ("treated", 2),
            ("table", 2),
            ("tablet", 2),
            ("medication", 4),
            ("yes", 1),
            ("day", 1),
            ("anti-cancer", 4),
            ("the", 1),
            ("be", 1),
            ("28-day", 1),
            ("10", 1),
            ("Lenalidomide", 5),
            ("(edema)", 3),
            ("e", 1),
            ("é", 1),
        ] {
            assert_eq!(syllables_in(word), expected, "{word}");
        }
    }

    #[test]
    fn sentences_end_at_stops_followed_by_space() {
        assert_eq!(sentences_in("Take 2.5 mg. Then rest! Why? Fatigue"), 4);
        assert_eq!(sentences_in("Fatigue"), 1);
        assert_eq!(sentences_in("It ends (here.) And then"), 2);
        assert_eq!(sentences_in("..."), 0);
    }

    #[test]
    fn the_grade_is_flesch_kincaid() {
        // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59.
        let grade = grade(&["The cat sat on the mat."]).unwrap();
        assert_eq!((grade.words, grade.sentences, grade.syllables), (6, 1, 6));
        assert!((grade.grade - (0.39 * 6.0 + 11.8 - 15.59)).abs() < 1e-9);
        assert_eq!(super::grade(&["", " - "]), None);
    }
}
