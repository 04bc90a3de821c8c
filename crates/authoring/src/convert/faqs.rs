//! The FAQs section: entries of `**Q: question**`, each followed by
//! `A: answer`.

use super::inline::{collapse, plain};
use super::{Cx, Paragraph, SectionBlocks};
use crate::diagnostic::Kind;
use crate::markdown::{Block, Inline};
use monograph_model::Faq;

impl Cx<'_> {
    /// FAQs: entries of `**Q: question**`, then `A: answer` on the next line.
    pub(super) fn faqs(&mut self, section: &SectionBlocks) -> Vec<Faq> {
        // Each entry: the paragraphs of one list item, or one paragraph.
        let mut entries: Vec<(Vec<Paragraph>, usize)> = Vec::new();
        for block in &section.blocks {
            match block {
                Block::List { items, .. } => {
                    for item in items {
                        let mut paragraphs = Vec::new();
                        for block in &item.blocks {
                            match block {
                                Block::Paragraph { inlines, start } => {
                                    paragraphs.push((inlines, *start))
                                }
                                other => self.not_a_paragraph(
                                    other,
                                    "an FAQ entry holds a question and its answer",
                                ),
                            }
                        }
                        entries.push((paragraphs, item.start));
                    }
                }
                Block::Paragraph { inlines, start } => {
                    entries.push((vec![(inlines, *start)], *start))
                }
                other => self.unsupported(other),
            }
        }
        let mut faqs = Vec::new();
        let mut entries = entries.into_iter().peekable();
        while let Some((paragraphs, entry_start)) = entries.next() {
            let mut paragraphs = paragraphs.into_iter();
            let Some((first, first_start)) = paragraphs.next() else {
                self.report(
                    entry_start,
                    Kind::EmptyText,
                    "this list item is empty: write its text or remove it",
                );
                continue;
            };
            let Some((after_q, _)) = strip_marker(first, "Q:") else {
                self.report(
                    first_start,
                    Kind::FaqNoQuestion,
                    "each FAQ entry starts with a bold question, like \
                     `* **Q: How should I store it?**`, with `A: answer` on the next line: \
                     this one does not start with `Q:`",
                );
                continue;
            };
            let index = faqs.len();
            self.place(format!("faqs[{index}]"), first_start);
            self.place(format!("faqs[{index}].question"), first_start);
            let (question, rest) = split_question(&after_q);
            let question = collapse(&plain(&question));
            let shown = if question.is_empty() {
                "(empty)"
            } else {
                &question
            };
            // The answer: on the question's paragraph, or the next paragraph
            // of the entry, or the paragraph that follows the entry.
            let mut answer: Option<(Vec<Inline>, usize)> = None;
            if rest.iter().any(|i| !matches!(i, Inline::Break { .. })) {
                match strip_marker(&rest, "A:") {
                    Some(found) => answer = Some(found),
                    None => {
                        self.report(
                            first_start,
                            Kind::FaqNoAnswer,
                            format!(
                                "the question \"{shown}\" has no answer: start the answer with \
                                 `A:` on the line after the question"
                            ),
                        );
                        continue;
                    }
                }
            } else if let Some((next, next_start)) = paragraphs.next() {
                answer = strip_marker(next, "A:");
                if answer.is_none() {
                    self.report(
                        next_start,
                        Kind::FaqNoAnswer,
                        format!(
                            "the question \"{shown}\" has no answer: start the answer with \
                             `A:`"
                        ),
                    );
                    continue;
                }
            } else if let Some((next, _)) = entries.peek() {
                if let [(next, _)] = next.as_slice() {
                    answer = strip_marker(next, "A:");
                    if answer.is_some() {
                        entries.next();
                    }
                }
            }
            for (_, extra) in paragraphs {
                self.report(
                    extra,
                    Kind::StrayText,
                    "an answer is one paragraph: this one would be lost. Join it with the \
                     answer above",
                );
            }
            if question.is_empty() {
                self.report(
                    first_start,
                    Kind::EmptyText,
                    "this question has no text after `Q:`",
                );
            }
            let Some((answer, answer_start)) = answer else {
                self.report(
                    first_start,
                    Kind::FaqNoAnswer,
                    format!(
                        "the question \"{shown}\" has no answer: add a line starting with `A:` \
                         right after it"
                    ),
                );
                continue;
            };
            self.place(format!("faqs[{index}].answer"), answer_start);
            let answer = self.rich(&answer);
            if answer.is_none() {
                self.report(
                    answer_start,
                    Kind::EmptyText,
                    format!("the answer to \"{shown}\" has no text after `A:`"),
                );
            }
            if let (false, Some(answer)) = (question.is_empty(), answer) {
                faqs.push(Faq { question, answer });
            }
        }
        faqs
    }
}

/// `inlines` without a leading `Q:`/`A:` marker (bold or not), if it has
/// one, and where the marker is.
fn strip_marker(inlines: &[Inline], marker: &str) -> Option<(Vec<Inline>, usize)> {
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
    Some((rest, start))
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
