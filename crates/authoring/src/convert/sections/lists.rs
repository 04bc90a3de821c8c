//! The sections laid out as an introduction, a list of bold terms and a
//! closing paragraph: Usage, Dosage, How it Works and Precautions.

use super::super::inline::{split_term, Term};
use super::super::outline::SectionBlocks;
use super::super::{Cx, Paragraph};
use crate::diagnostic::Kind;
use crate::markdown::{Block, ListItem};
use monograph_model::{Item, Listed, Precautions, RichText};

/// How a list section is laid out, with the JSON fields of its parts.
#[derive(Clone, Copy)]
struct ListLayout {
    intro: Intro,
    /// The field of the list of terms.
    list: &'static str,
    /// The field of the paragraph after the list, when the section may
    /// have one.
    closing: Option<&'static str>,
}

/// Precautions: the list may stand alone, and nothing follows it. Unlike
/// the [`Listed`] sections, the model names its list only as a struct
/// field, so the name is written here.
const PRECAUTIONS: ListLayout = ListLayout {
    intro: Intro::Optional,
    list: "items",
    closing: None,
};

/// Whether the paragraph before the list must be there.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Intro {
    Required,
    Optional,
}

/// A list section's text, when it has no errors.
struct ListSection {
    /// Always there when the layout requires it.
    intro: Option<RichText>,
    items: Vec<Item>,
    closing: Option<RichText>,
}

/// The blocks of a list section, sorted into its parts.
struct Parts<'b> {
    intro: Option<Paragraph<'b>>,
    list: Option<List<'b>>,
    closing: Option<Paragraph<'b>>,
    /// False when a block had no place (and was reported).
    complete: bool,
}

/// A Markdown list and where it starts.
struct List<'b> {
    items: &'b [ListItem],
    start: usize,
}

impl Cx<'_> {
    /// Usage, Dosage or How it Works: the fields its parts are placed at
    /// and the section built from them both come from the model's
    /// [`Listed`], so they cannot drift from the JSON.
    pub(super) fn listed<T: Listed>(&mut self, section: &SectionBlocks) -> Option<T> {
        let layout = ListLayout {
            intro: Intro::Required,
            list: T::ITEMS,
            closing: Some(T::CLOSING),
        };
        self.list_section(section, layout).map(|list| {
            let intro = list
                .intro
                .expect("a section that requires an introduction has one");
            T::from_parts(intro, list.items, list.closing)
        })
    }

    /// Precautions: an optional introduction, then the list.
    pub(super) fn precautions(&mut self, section: &SectionBlocks) -> Option<Precautions> {
        self.list_section(section, PRECAUTIONS)
            .map(|ListSection { intro, items, .. }| Precautions { intro, items })
    }

    /// Converts a section laid out as `layout` says.
    fn list_section(&mut self, section: &SectionBlocks, layout: ListLayout) -> Option<ListSection> {
        let name = section.name();
        let field = section.heading.field();
        let Parts {
            intro,
            list,
            closing,
            mut complete,
        } = self.list_parts(section, layout);
        let Some(list) = list else {
            self.report(
                section.start,
                Kind::MissingList,
                format!(
                    "the \"{name}\" section has no list: write each entry as a bullet with a \
                     bold term, like `* **Multiple Myeloma:** text`"
                ),
            );
            return None;
        };
        if intro.is_none() && layout.intro == Intro::Required {
            complete = false;
            self.report(
                list.start,
                Kind::MissingIntro,
                format!(
                    "the list in \"{name}\" needs a paragraph before it that introduces it, \
                     like \"Its main uses include:\""
                ),
            );
        }
        let intro = self.optional_text(intro, format!("{field}.intro"), &mut complete);
        let items = self.term_items(list.items, &format!("{field}.{}", layout.list), name);
        let closing = match layout.closing {
            Some(closing_field) => {
                self.optional_text(closing, format!("{field}.{closing_field}"), &mut complete)
            }
            None => None,
        };
        let items = items?;
        complete.then_some(ListSection {
            intro,
            items,
            closing,
        })
    }

    /// Sorts the section's blocks into the introduction, the list and the
    /// closing paragraph, reporting what has no place.
    fn list_parts<'b>(&mut self, section: &SectionBlocks<'b>, layout: ListLayout) -> Parts<'b> {
        let name = section.name();
        let mut parts = Parts {
            intro: None,
            list: None,
            closing: None,
            complete: true,
        };
        for block in &section.blocks {
            parts.complete &= match block {
                Block::Paragraph { inlines, start } if parts.list.is_none() => self.keep_first(
                    &mut parts.intro,
                    Paragraph::new(inlines, *start),
                    *start,
                    Kind::StrayText,
                    format!(
                        "the \"{name}\" section has one paragraph before its list, the \
                         introduction: this second one would be lost. Join the two paragraphs"
                    ),
                ),
                Block::Paragraph { start, .. } if layout.closing.is_none() => {
                    self.report(
                        *start,
                        Kind::StrayText,
                        format!(
                            "the \"{name}\" section ends with its list: this paragraph after it \
                             would be lost. Make it a list item, or move it before the list"
                        ),
                    );
                    false
                }
                Block::Paragraph { inlines, start } => self.keep_first(
                    &mut parts.closing,
                    Paragraph::new(inlines, *start),
                    *start,
                    Kind::StrayText,
                    format!(
                        "the \"{name}\" section has at most one paragraph after its list: this \
                         second one would be lost. Join the two paragraphs"
                    ),
                ),
                Block::List { items, start } => self.keep_first(
                    &mut parts.list,
                    List {
                        items,
                        start: *start,
                    },
                    *start,
                    Kind::ExtraList,
                    format!(
                        "the \"{name}\" section has one list: this second list would be lost. \
                         Join the two lists"
                    ),
                ),
                other => {
                    self.unsupported(other);
                    false
                }
            };
        }
        parts
    }

    /// Puts `found` (at `start`) in the empty `slot`; when a first one is
    /// there already, reports `found` as lost and gives false.
    fn keep_first<T>(
        &mut self,
        slot: &mut Option<T>,
        found: T,
        start: usize,
        kind: Kind,
        lost: String,
    ) -> bool {
        if slot.is_some() {
            self.report(start, kind, lost);
            return false;
        }
        *slot = Some(found);
        true
    }

    /// Items of the form `**Term:** text`, their sources placed at the JSON
    /// `path` with an index.
    fn term_items(&mut self, items: &[ListItem], path: &str, section: &str) -> Option<Vec<Item>> {
        let mut out = Vec::new();
        let mut complete = true;
        for (i, item) in items.iter().enumerate() {
            let Some(Paragraph { inlines, start }) = self.item_paragraph(item) else {
                complete = false;
                continue;
            };
            self.place(format!("{path}[{i}]"), start);
            let Some(Term {
                term,
                start: term_start,
                rest,
            }) = split_term(inlines)
            else {
                complete = false;
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
                    complete = false;
                    self.report(
                        term_start,
                        Kind::EmptyText,
                        format!("\"{term}\" has no text after its term: write it after the colon"),
                    );
                }
            }
        }
        complete.then_some(out)
    }
}
