//! The text under each heading, converted by the heading's kind: one
//! match, with an arm for every heading.

mod blocks;
mod faqs;
mod lists;
mod side_effects;

use super::heading::Heading;
use super::inline::{collapse, plain};
use super::outline::SectionBlocks;
use super::{Cx, Paragraph};
use crate::diagnostic::Kind;
use crate::markdown::{Block, Inline};
use monograph_model::{
    Dosage, Faq, HowItWorks, Precautions, RichText, Section, SideEffects, Usage,
};

/// What the headings hold, each converted from its blocks; `None` (or no
/// FAQs) when a heading is missing or its text has errors.
#[derive(Default)]
pub(super) struct Sections {
    pub generic_name: Option<String>,
    pub usage: Option<Usage>,
    pub dosage: Option<Dosage>,
    pub side_effects: Option<SideEffects>,
    pub how_it_works: Option<HowItWorks>,
    pub precautions: Option<Precautions>,
    pub faqs: Vec<Faq>,
}

impl Cx<'_> {
    /// Converts each section from its blocks; an empty one is an error.
    pub(super) fn sections(&mut self, sections: &[SectionBlocks]) -> Sections {
        let mut converted = Sections::default();
        for section in sections {
            if section.blocks.is_empty() {
                self.report(
                    section.start,
                    Kind::EmptySection,
                    format!(
                        "the \"{}\" section is empty: write its text under the heading, or \
                         remove the heading",
                        section.name()
                    ),
                );
                continue;
            }
            match section.heading {
                Heading::GenericName => converted.generic_name = self.generic_name(section),
                Heading::Section(Section::Usage) => converted.usage = self.listed(section),
                Heading::Section(Section::Dosage) => converted.dosage = self.listed(section),
                Heading::Section(Section::SideEffects) => {
                    converted.side_effects = self.side_effects(section)
                }
                Heading::Section(Section::HowItWorks) => {
                    converted.how_it_works = self.listed(section)
                }
                Heading::Section(Section::Precautions) => {
                    converted.precautions = self.precautions(section)
                }
                Heading::Section(Section::Faqs) => converted.faqs = self.faqs(section),
            }
        }
        converted
    }

    /// The one line of the Generic Name section.
    fn generic_name(&mut self, section: &SectionBlocks) -> Option<String> {
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

    /// The text of a paragraph that a section may have, its source placed
    /// at the JSON `path`. An empty paragraph is reported and leaves
    /// `complete` false.
    fn optional_text(
        &mut self,
        paragraph: Option<Paragraph>,
        path: String,
        complete: &mut bool,
    ) -> Option<RichText> {
        let paragraph = paragraph?;
        self.place(path, paragraph.start);
        let text = self.rich_or_empty(paragraph);
        *complete &= text.is_some();
        text
    }
}
