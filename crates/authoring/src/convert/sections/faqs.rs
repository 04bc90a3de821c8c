//! The FAQs section: entries of `**Q: question**`, each followed by
//! `A: answer`.

use super::super::inline::{collapse, plain};
use super::super::outline::SectionBlocks;
use super::super::{Cx, Paragraph};
use crate::diagnostic::Kind;
use crate::front_matter::Located;
use crate::markdown::{Block, Inline};
use monograph_model::Faq;
use std::iter::Peekable;

/// The paragraphs of one list item, or one paragraph on its own.
struct Entry<'b> {
    paragraphs: Vec<Paragraph<'b>>,
    start: usize,
}

/// The entries still to read; an answer may be the entry after its
/// question.
type Entries<'b> = Peekable<std::vec::IntoIter<Entry<'b>>>;

impl Cx<'_> {
    /// FAQs: entries of `**Q: question**`, then `A: answer` on the next line.
    pub(super) fn faqs(&mut self, section: &SectionBlocks) -> Vec<Faq> {
        let mut entries = self.faq_entries(section).into_iter().peekable();
        let mut faqs = Vec::new();
        while let Some(entry) = entries.next() {
            if let Some(faq) = self.faq(entry, &mut entries, faqs.len()) {
                faqs.push(faq);
            }
        }
        faqs
    }

    /// The section's entries, reporting blocks that cannot be one.
    fn faq_entries<'b>(&mut self, section: &SectionBlocks<'b>) -> Vec<Entry<'b>> {
        let mut entries = Vec::new();
        for block in &section.blocks {
            match block {
                Block::List { items, .. } => {
                    for item in items {
                        let mut paragraphs = Vec::new();
                        for block in &item.blocks {
                            match block {
                                Block::Paragraph { inlines, start } => {
                                    paragraphs.push(Paragraph::new(inlines, *start))
                                }
                                other => self.not_a_paragraph(
                                    other,
                                    "an FAQ entry holds a question and its answer",
                                ),
                            }
                        }
                        entries.push(Entry {
                            paragraphs,
                            start: item.start,
                        });
                    }
                }
                Block::Paragraph { inlines, start } => entries.push(Entry {
                    paragraphs: vec![Paragraph::new(inlines, *start)],
                    start: *start,
                }),
                other => self.unsupported(other),
            }
        }
        entries
    }

    /// The FAQ that `entry` starts, the `index`th of the section, or
    /// `None` with errors. Takes the next entry when it is the answer.
    fn faq(&mut self, entry: Entry, entries: &mut Entries, index: usize) -> Option<Faq> {
        let mut paragraphs = entry.paragraphs.into_iter();
        let Some(first) = paragraphs.next() else {
            self.report(
                entry.start,
                Kind::EmptyText,
                "this list item is empty: write its text or remove it",
            );
            return None;
        };
        let Some(after_q) = strip_marker(first.inlines, "Q:") else {
            self.report(
                first.start,
                Kind::FaqNoQuestion,
                "each FAQ entry starts with a bold question, like \
                 `* **Q: How should I store it?**`, with `A: answer` on the next line: \
                 this one does not start with `Q:`",
            );
            return None;
        };
        self.place(format!("faqs[{index}]"), first.start);
        self.place(format!("faqs[{index}].question"), first.start);
        let (question, rest) = split_question(&after_q.value);
        let question = collapse(&plain(&question));
        let shown = if question.is_empty() {
            "(empty)"
        } else {
            &question
        };
        // The answer: on the question's paragraph, or the next paragraph
        // of the entry, or the paragraph that follows the entry.
        let mut answer = None;
        if rest.iter().any(|i| !matches!(i, Inline::Break { .. })) {
            answer = strip_marker(&rest, "A:");
            if answer.is_none() {
                self.report(
                    first.start,
                    Kind::FaqNoAnswer,
                    format!(
                        "the question \"{shown}\" has no answer: start the answer with `A:` on \
                         the line after the question"
                    ),
                );
                return None;
            }
        } else if let Some(next) = paragraphs.next() {
            answer = strip_marker(next.inlines, "A:");
            if answer.is_none() {
                self.report(
                    next.start,
                    Kind::FaqNoAnswer,
                    format!("the question \"{shown}\" has no answer: start the answer with `A:`"),
                );
                return None;
            }
        } else if let Some(next) = entries.peek() {
            if let [next] = next.paragraphs.as_slice() {
                answer = strip_marker(next.inlines, "A:");
                if answer.is_some() {
                    entries.next();
                }
            }
        }
        for extra in paragraphs {
            self.report(
                extra.start,
                Kind::StrayText,
                "an answer is one paragraph: this one would be lost. Join it with the answer \
                 above",
            );
        }
        if question.is_empty() {
            self.report(
                first.start,
                Kind::EmptyText,
                "this question has no text after `Q:`",
            );
        }
        let Some(answer) = answer else {
            self.report(
                first.start,
                Kind::FaqNoAnswer,
                format!(
                    "the question \"{shown}\" has no answer: add a line starting with `A:` right \
                     after it"
                ),
            );
            return None;
        };
        self.place(format!("faqs[{index}].answer"), answer.offset);
        let text = self.rich(&answer.value);
        if text.is_none() {
            self.report(
                answer.offset,
                Kind::EmptyText,
                format!("the answer to \"{shown}\" has no text after `A:`"),
            );
        }
        let answer = text?;
        (!question.is_empty()).then_some(Faq { question, answer })
    }
}

/// `inlines` without a leading `Q:`/`A:` marker (bold or not), if it has
/// one, and where the marker is.
fn strip_marker(inlines: &[Inline], marker: &str) -> Option<Located<Vec<Inline>>> {
    let first = inlines
        .iter()
        .position(|i| !matches!(i, Inline::Break { .. }))?;
    let mut rest = inlines[first..].to_vec();
    let start = rest[0].start();
    let Inline::Text { text, .. } = &mut rest[0] else {
        return None;
    };
    let trimmed = text.trim_start();
    let head = trimmed.get(..marker.len())?;
    if !head.eq_ignore_ascii_case(marker) {
        return None;
    }
    *text = trimmed[marker.len()..].to_owned();
    Some(Located {
        value: rest,
        offset: start,
    })
}

/// Splits the inlines after `Q:` into the question (up to the first line
/// break, or up to an `A:` on the same line) and what follows.
fn split_question(inlines: &[Inline]) -> (Vec<Inline>, Vec<Inline>) {
    let at = inlines
        .iter()
        .enumerate()
        .position(|(i, inline)| match inline {
            Inline::Break { .. } => true,
            Inline::Text { .. } if i > 0 => strip_marker(&inlines[i..i + 1], "A:").is_some(),
            _ => false,
        });
    match at {
        Some(at) => (inlines[..at].to_vec(), inlines[at..].to_vec()),
        None => (inlines.to_vec(), Vec::new()),
    }
}
