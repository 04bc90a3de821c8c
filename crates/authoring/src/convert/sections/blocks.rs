//! What a section's blocks may hold: a list item is one paragraph, and
//! anything the format cannot show is reported rather than dropped.

use super::super::{Cx, Paragraph};
use crate::diagnostic::Kind;
use crate::markdown::{Block, ListItem};

impl Cx<'_> {
    /// The paragraph of a list item (one paragraph, nothing else).
    pub(super) fn item_paragraph<'b>(&mut self, item: &'b ListItem) -> Option<Paragraph<'b>> {
        let mut blocks = item.blocks.iter();
        let first = match blocks.next() {
            Some(Block::Paragraph { inlines, start }) => Some(Paragraph::new(inlines, *start)),
            Some(other) => {
                self.not_a_paragraph(other, "a list item holds one paragraph of text");
                None
            }
            None => {
                self.report(
                    item.start,
                    Kind::EmptyText,
                    "this list item is empty: write its text or remove it",
                );
                None
            }
        };
        for extra in blocks {
            match extra {
                Block::Paragraph { start, .. } => self.report(
                    *start,
                    Kind::StrayText,
                    "a list item holds one paragraph: this second paragraph would be lost. \
                     Join it with the one above, or make it a list item of its own",
                ),
                other => self.not_a_paragraph(other, "a list item holds one paragraph of text"),
            }
        }
        first
    }

    /// Reports a block where only a paragraph may be, saying the `rule`.
    pub(super) fn not_a_paragraph(&mut self, block: &Block, rule: &str) {
        match block {
            Block::List { start, .. } => self.report(
                *start,
                Kind::UnsupportedMarkdown,
                format!("a list is not allowed here: {rule}"),
            ),
            Block::Heading { start, .. } => self.report(
                *start,
                Kind::UnsupportedMarkdown,
                format!("a heading is not allowed here: {rule}"),
            ),
            other => self.unsupported(other),
        }
    }

    /// Reports a block the section cannot hold.
    pub(super) fn unsupported(&mut self, block: &Block) {
        let what = match block {
            Block::Unsupported { what, .. } => what,
            Block::List { .. } => "a list",
            Block::Heading { .. } => "a heading",
            Block::Paragraph { .. } => "a paragraph",
            Block::Rule { .. } => "a --- line",
        };
        self.report(
            block.start(),
            Kind::UnsupportedMarkdown,
            format!(
                "{what} cannot be shown by the widget and would be lost: write it as plain \
                 paragraphs and lists"
            ),
        );
    }
}
