//! Inline Markdown into the format's text: spans with emphasis, plain
//! strings with whitespace collapsed, and bold `**Term:**` labels.

use super::{Cx, Paragraph};
use crate::diagnostic::Kind;
use crate::markdown::Inline;
use monograph_model::{RichText, Span};

impl Cx<'_> {
    /// The paragraph's text, or an error that it is empty.
    pub(super) fn rich_or_empty(&mut self, paragraph: Paragraph) -> Option<RichText> {
        let text = self.rich(paragraph.inlines);
        if text.is_none() {
            self.report(
                paragraph.start,
                Kind::EmptyText,
                "this paragraph has no text",
            );
        }
        text
    }

    /// Reports inline content the format cannot hold.
    pub(super) fn check_inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Unsupported { what, start } => self.report(
                    *start,
                    Kind::UnsupportedMarkdown,
                    format!(
                        "{what} cannot be shown by the widget and would be lost: write it as \
                         plain text"
                    ),
                ),
                Inline::Code { start, .. } => self.report(
                    *start,
                    Kind::FormattingDropped,
                    "`code` formatting is not kept: the text is shown as plain text",
                ),
                _ => {}
            }
        }
    }

    /// The paragraph as spans: bold and italic are emphasis, runs of
    /// whitespace become one space, and the ends are trimmed. `None` when
    /// there is no text.
    pub(super) fn rich(&mut self, inlines: &[Inline]) -> Option<RichText> {
        self.check_inlines(inlines);
        let mut spans: Vec<Span> = Vec::new();
        let mut last_emphasis = false;
        let mut push = |text: &str, emphasis: bool| {
            for c in text.chars() {
                let space = is_space(c);
                let previous_space = spans.last().is_none_or(|s: &Span| s.text.ends_with(' '));
                if space && previous_space {
                    continue;
                }
                let c = if space { ' ' } else { c };
                match spans.last_mut() {
                    Some(span) if span.emphasis == emphasis => span.text.push(c),
                    _ => spans.push(Span {
                        text: c.to_string(),
                        emphasis,
                        term: None,
                    }),
                }
            }
        };
        for inline in inlines {
            match inline {
                Inline::Text {
                    text,
                    strong,
                    italic,
                    ..
                } => {
                    last_emphasis = *strong || *italic;
                    push(text, last_emphasis);
                }
                Inline::Code { text, .. } => {
                    last_emphasis = false;
                    push(text, false);
                }
                Inline::Break { .. } => push(" ", last_emphasis),
                Inline::Unsupported { .. } => {}
            }
        }
        // Trim the end: a trailing space, and a span left empty by it.
        if let Some(last) = spans.last_mut() {
            if last.text.ends_with(' ') {
                last.text.pop();
            }
        }
        spans.retain(|s| !s.text.is_empty());
        (!spans.is_empty()).then_some(RichText(spans))
    }
}

/// Whitespace that is collapsed; other spaces (like a no-break space
/// between a number and its unit) are kept as written.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Runs of whitespace as one space, ends trimmed.
pub(crate) fn collapse(text: &str) -> String {
    text.split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of `inlines`, formatting dropped, breaks as spaces.
pub(crate) fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text, .. } | Inline::Code { text, .. } => text.as_str(),
            Inline::Break { .. } => " ",
            Inline::Unsupported { .. } => "",
        })
        .collect()
}

/// A paragraph that starts with a bold label and a colon: `**Term:** text`
/// or `**Term**: text`.
pub(super) struct Term {
    /// The label without its colon, whitespace collapsed.
    pub term: String,
    /// Where the label starts.
    pub start: usize,
    /// What follows the colon.
    pub rest: Vec<Inline>,
}

/// The paragraph `inlines` split at its leading bold label, if it has one.
pub(super) fn split_term(inlines: &[Inline]) -> Option<Term> {
    let start = inlines.first()?.start();
    let bold = inlines
        .iter()
        .take_while(|i| matches!(i, Inline::Text { strong: true, .. }))
        .count();
    if bold == 0 {
        return None;
    }
    let label = plain(&inlines[..bold]);
    let mut rest: Vec<Inline> = inlines[bold..].to_vec();
    let term = if let Some(term) = label.trim_end().strip_suffix(':') {
        term
    } else {
        // The colon just after the bold text.
        let Some(Inline::Text { text, .. }) = rest.first_mut() else {
            return None;
        };
        *text = text.trim_start().strip_prefix(':')?.to_owned();
        label.as_str()
    };
    let term = collapse(term);
    (!term.is_empty()).then_some(Term { term, start, rest })
}
