//! The glossary editors write (`content/glossary.md`): each term with a
//! plain definition and its source. [`read`] parses it, with every problem
//! at its line and column; [`mark`] marks where its terms occur in a
//! monograph's clinical text and copies the definitions used into it.

use crate::convert::{collapse, plain};
use crate::diagnostic::{Diagnostic, Kind, LineIndex};
use crate::markdown::{self, Block, Inline};
use monograph_model::walk;
use monograph_model::{Definition, Monograph, RichText, Section, Span};

/// The glossary's file name, beside the monographs' Markdown.
pub const FILE_NAME: &str = "glossary.md";

/// The label that starts a definition's source paragraph.
const SOURCE_LABEL: &str = "Source:";

/// The terms of a glossary, in the order of the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    pub entries: Vec<Entry>,
}

/// One term and where its heading is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub definition: Definition,
    /// The line and column of the term's heading.
    pub line: usize,
    pub column: usize,
}

/// A term heading and what has been read under it so far.
struct Pending {
    term: String,
    start: usize,
    definition: Option<String>,
    source: Option<String>,
}

/// Parses the glossary `source`. Terms with an error are left out of the
/// glossary; each error is reported.
pub fn read(source: &str) -> (Glossary, Vec<Diagnostic>) {
    let lines = LineIndex::new(source);
    let document = markdown::parse(source);
    let mut diagnostics = Vec::new();
    let mut glossary = Glossary::default();
    let mut pending: Option<Pending> = None;
    let mut report = |offset: usize, kind: Kind, message: String| {
        diagnostics.push(lines.at(offset, kind, message));
    };
    let finish = |pending: Option<Pending>,
                  glossary: &mut Glossary,
                  report: &mut dyn FnMut(usize, Kind, String)| {
        let Some(Pending {
            term,
            start,
            definition,
            source,
        }) = pending
        else {
            return;
        };
        if glossary
            .entries
            .iter()
            .any(|e| e.definition.term.to_lowercase() == term.to_lowercase())
        {
            report(
                start,
                Kind::GlossaryDuplicateTerm,
                format!("\"{term}\" is in the glossary twice: keep one definition"),
            );
            return;
        }
        let Some(definition) = definition else {
            report(
                start,
                Kind::GlossaryNoDefinition,
                format!("\"{term}\" has no definition: write it in a paragraph under the heading"),
            );
            return;
        };
        let Some(source) = source else {
            report(
                start,
                Kind::GlossaryNoSource,
                format!(
                    "\"{term}\" has no source: add a paragraph `Source: …` saying where the \
                     definition comes from"
                ),
            );
            return;
        };
        let (line, column) = lines.position(start);
        glossary.entries.push(Entry {
            definition: Definition {
                term,
                definition,
                source,
            },
            line,
            column,
        });
    };
    for block in &document.blocks {
        match block {
            Block::Heading { level: 1, .. } if pending.is_none() => {}
            Block::Heading {
                level: 2,
                inlines,
                start,
            } => {
                finish(pending.take(), &mut glossary, &mut report);
                let term = collapse(&plain(inlines));
                pending = (!term.is_empty()).then_some(Pending {
                    term,
                    start: *start,
                    definition: None,
                    source: None,
                });
            }
            Block::Paragraph { inlines, start } if pending.is_some() => {
                let entry = pending.as_mut().expect("checked just above");
                let text = collapse(&plain(inlines));
                if has_unsupported(inlines) {
                    report(
                        *start,
                        Kind::UnsupportedMarkdown,
                        "a link, an image or HTML in the glossary would be lost: write plain text"
                            .into(),
                    );
                }
                match text.strip_prefix(SOURCE_LABEL) {
                    Some(source) if entry.source.is_none() && !source.trim().is_empty() => {
                        entry.source = Some(source.trim().to_owned());
                    }
                    None if entry.definition.is_none() && entry.source.is_none() => {
                        entry.definition = Some(text);
                    }
                    _ => report(
                        *start,
                        Kind::StrayText,
                        format!(
                            "\"{}\" has one definition paragraph, then one `Source:` paragraph: \
                             this one would be lost",
                            entry.term
                        ),
                    ),
                }
            }
            other => report(
                other.start(),
                Kind::StrayText,
                "the glossary holds `## term` headings, each with a definition paragraph and a \
                 `Source:` paragraph: this would be lost"
                    .into(),
            ),
        }
    }
    finish(pending, &mut glossary, &mut report);
    (glossary, diagnostics)
}

fn has_unsupported(inlines: &[Inline]) -> bool {
    inlines
        .iter()
        .any(|i| matches!(i, Inline::Unsupported { .. }))
}

/// Marks, in each section of `monograph`, the first occurrence of each
/// glossary term in its clinical text: a whole word (or words), in any
/// case. Longer terms are marked first, so a term inside a longer one is
/// not marked there. An occurrence that runs across a change of emphasis is
/// skipped for the next one. The text itself does not change. The
/// definitions used become the monograph's `glossary`, in the glossary's
/// order.
pub fn mark(monograph: &mut Monograph, glossary: &Glossary) {
    let mut by_length: Vec<&Definition> = glossary.entries.iter().map(|e| &e.definition).collect();
    by_length.sort_by_key(|d| std::cmp::Reverse(d.term.chars().count()));
    let mut used: Vec<&str> = Vec::new();
    for section in Section::ALL {
        let mut texts = walk::texts_mut(monograph, section);
        for definition in &by_length {
            let term = definition.term.as_str();
            if texts.iter_mut().any(|text| mark_first(text, term)) && !used.contains(&term) {
                used.push(term);
            }
        }
    }
    monograph.glossary = glossary
        .entries
        .iter()
        .map(|e| &e.definition)
        .filter(|d| used.contains(&d.term.as_str()))
        .cloned()
        .collect();
}

/// Marks the first whole-word occurrence of `term` in `text` that lies
/// within one unmarked span, splitting that span around it. True when one
/// was found.
fn mark_first(text: &mut RichText, term: &str) -> bool {
    let found = text.0.iter().enumerate().find_map(|(index, span)| {
        let range = span.term.is_none().then(|| find_word(&span.text, term))??;
        Some((index, range))
    });
    let Some((index, (start, end))) = found else {
        return false;
    };
    let span = text.0.remove(index);
    let piece = |text: &str, term: Option<String>| Span {
        text: text.to_owned(),
        emphasis: span.emphasis,
        term,
    };
    let pieces = [
        piece(&span.text[..start], None),
        piece(&span.text[start..end], Some(term.to_owned())),
        piece(&span.text[end..], None),
    ];
    let pieces = pieces.into_iter().filter(|p| !p.text.is_empty());
    text.0.splice(index..index, pieces);
    true
}

/// The byte range of the first occurrence of `term` in `text` as a whole
/// word, ignoring case.
fn find_word(text: &str, term: &str) -> Option<(usize, usize)> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.char_indices()
        .filter(|&(start, _)| !is_word(text[..start].chars().next_back()))
        .find_map(|(start, _)| {
            let end = matched_prefix(&text[start..], term)? + start;
            (!is_word(text[end..].chars().next())).then_some((start, end))
        })
}

/// The length in bytes of the start of `text` that is `term`, ignoring case.
fn matched_prefix(text: &str, term: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for expected in term.chars() {
        let (_, found) = chars.next()?;
        if !found.to_lowercase().eq(expected.to_lowercase()) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(end, _)| end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_whole_and_in_any_case() {
        assert_eq!(find_word("Low counts (Anemia)", "anemia"), Some((12, 18)));
        assert_eq!(
            find_word("transfusion-dependent anemia", "anemia"),
            Some((22, 28))
        );
        assert_eq!(find_word("anemias", "anemia"), None);
        assert_eq!(
            find_word("hypoanemia and anemia.", "anemia"),
            Some((15, 21))
        );
        assert_eq!(find_word("a 5Q DELETION", "5q deletion"), Some((2, 13)));
        assert_eq!(find_word("édème, œdème", "ŒDÈME"), Some((9, 16)));
    }
}
