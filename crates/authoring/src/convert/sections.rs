//! The sections laid out as text, lists of bold terms and paragraphs:
//! Generic Name, Usage, Dosage, How it Works and Precautions, and what a
//! section's blocks may hold.

use super::inline::{collapse, plain, split_term};
use super::{Cx, SectionBlocks, SECTIONS};
use crate::diagnostic::Kind;
use crate::markdown::{Block, Inline, ListItem};
use monograph_model::{Item, RichText};

impl Cx<'_> {
    /// The one line of the Generic Name section.
    pub(super) fn generic_name(&mut self, section: &SectionBlocks) -> Option<String> {
        let mut blocks = section.blocks.iter();
        let name = match blocks.next() {
            Some(Block::Paragraph { inlines, start }) => {
                self.place("generic_name", *start);
                self.check_inlines(inlines);
                if inlines.iter().any(|i| {
                    matches!(
                        i,
                        Inline::Text { strong: true, .. } | Inline::Text { italic: true, .. }
                    )
                }) {
                    self.report(
                        *start,
                        Kind::FormattingDropped,
                        "bold or italic in the generic name is not kept: it is shown as plain text",
                    );
                }
                Some(collapse(&plain(inlines))).filter(|n| !n.is_empty())
            }
            Some(other) => {
                self.not_a_paragraph(other, "the \"Generic Name\" section holds one line of text");
                None
            }
            None => None,
        };
        for extra in blocks {
            self.report(
                extra.start(),
                Kind::StrayText,
                "the \"Generic Name\" section holds one line, the generic name: this would be \
                 lost. Remove it or move it to another section",
            );
        }
        name
    }

    /// A section laid out as an introduction, a list of bold terms, and an
    /// optional closing paragraph (Usage, Dosage, How it Works; Precautions
    /// without the closing paragraph and with an optional introduction).
    pub(super) fn intro_list(
        &mut self,
        section: &SectionBlocks,
        intro_required: bool,
        closing_allowed: bool,
    ) -> Option<(Option<RichText>, Vec<Item>, Option<RichText>)> {
        let name = SECTIONS[section.section].0;
        let key = SECTIONS[section.section].1;
        let list_key = match key {
            "usage" | "dosage" => "conditions",
            "how_it_works" => "actions",
            _ => "items",
        };
        let closing_key = match key {
            "usage" => "note",
            "dosage" => "adjustment",
            _ => "summary",
        };
        let mut intro: Option<(&Vec<Inline>, usize)> = None;
        let mut list: Option<(&Vec<ListItem>, usize)> = None;
        let mut closing: Option<(&Vec<Inline>, usize)> = None;
        let mut ok = true;
        for block in &section.blocks {
            match block {
                Block::Paragraph { inlines, start } if list.is_none() => {
                    if intro.is_some() {
                        ok = false;
                        self.report(
                            *start,
                            Kind::StrayText,
                            format!(
                                "the \"{name}\" section has one paragraph before its list, the \
                                 introduction: this second one would be lost. Join the two \
                                 paragraphs"
                            ),
                        );
                    } else {
                        intro = Some((inlines, *start));
                    }
                }
                Block::Paragraph { inlines, start } => {
                    if !closing_allowed {
                        ok = false;
                        self.report(
                            *start,
                            Kind::StrayText,
                            format!(
                                "the \"{name}\" section ends with its list: this paragraph after \
                                 it would be lost. Make it a list item, or move it before the list"
                            ),
                        );
                    } else if closing.is_some() {
                        ok = false;
                        self.report(
                            *start,
                            Kind::StrayText,
                            format!(
                                "the \"{name}\" section has at most one paragraph after its list: \
                                 this second one would be lost. Join the two paragraphs"
                            ),
                        );
                    } else {
                        closing = Some((inlines, *start));
                    }
                }
                Block::List { items, start } => {
                    if list.is_some() {
                        ok = false;
                        self.report(
                            *start,
                            Kind::ExtraList,
                            format!(
                                "the \"{name}\" section has one list: this second list would be \
                                 lost. Join the two lists"
                            ),
                        );
                    } else {
                        list = Some((items, *start));
                    }
                }
                other => {
                    ok = false;
                    self.unsupported(other);
                }
            }
        }
        let Some((items, list_start)) = list else {
            self.report(
                section.heading,
                Kind::MissingList,
                format!(
                    "the \"{name}\" section has no list: write each entry as a bullet with a \
                     bold term, like `* **Multiple Myeloma:** text`"
                ),
            );
            return None;
        };
        if intro.is_none() && intro_required {
            ok = false;
            self.report(
                list_start,
                Kind::MissingIntro,
                format!(
                    "the list in \"{name}\" needs a paragraph before it that introduces it, \
                     like \"Its main uses include:\""
                ),
            );
        }
        let intro = match intro {
            Some((inlines, start)) => {
                self.place(format!("{key}.intro"), start);
                let text = self.rich_or_empty(inlines, start);
                ok &= text.is_some();
                text
            }
            None => None,
        };
        let items = self.term_items(items, &format!("{key}.{list_key}"), name);
        let closing = match closing {
            Some((inlines, start)) => {
                self.place(format!("{key}.{closing_key}"), start);
                let text = self.rich_or_empty(inlines, start);
                ok &= text.is_some();
                text
            }
            None => None,
        };
        let items = items?;
        ok.then_some((intro, items, closing))
    }

    /// Items of the form `**Term:** text`.
    pub(super) fn term_items(
        &mut self,
        items: &[ListItem],
        path: &str,
        section: &str,
    ) -> Option<Vec<Item>> {
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let Some((inlines, start)) = self.item_paragraph(item) else {
                ok = false;
                continue;
            };
            self.place(format!("{path}[{i}]"), start);
            let Some((term, term_start, rest)) = split_term(inlines) else {
                ok = false;
                self.report(
                    start,
                    Kind::MissingTerm,
                    format!(
                        "each item in \"{section}\" starts with a bold term and a colon, like \
                         `* **Kidney Function:** text`: this one does not"
                    ),
                );
                continue;
            };
            match self.rich(&rest) {
                Some(text) => out.push(Item {
                    term,
                    text,
                    alert: false,
                }),
                None => {
                    ok = false;
                    self.report(
                        term_start,
                        Kind::EmptyText,
                        format!("\"{term}\" has no text after its term: write it after the colon"),
                    );
                }
            }
        }
        ok.then_some(out)
    }

    /// The paragraph of a list item (one paragraph, nothing else).
    pub(super) fn item_paragraph<'b>(
        &mut self,
        item: &'b ListItem,
    ) -> Option<(&'b Vec<Inline>, usize)> {
        let mut blocks = item.blocks.iter();
        let first = match blocks.next() {
            Some(Block::Paragraph { inlines, start }) => Some((inlines, *start)),
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
