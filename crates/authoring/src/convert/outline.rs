//! The file's outline: the `#` title, the `###` headings with the blocks
//! under each, and the disclaimer paragraph wherever it is.

use super::heading::Heading;
use super::inline::{collapse, plain, split_term, Term};
use super::Cx;
use crate::diagnostic::{suggest, Kind};
use crate::front_matter::Located;
use crate::markdown::{Block, Inline};
use monograph_model::{RichText, Section};

/// The top-level blocks sorted under their headings.
pub(super) struct Outline<'b> {
    /// The text of the `#` title, where the heading is.
    pub title: Option<Located<String>>,
    /// Each known heading (the first of each) with the blocks under it.
    pub sections: Vec<SectionBlocks<'b>>,
    /// The disclaimer's text after its label, where its paragraph starts.
    pub disclaimer: Option<Located<Vec<Inline>>>,
    /// Where the last block that is not a `---` line starts.
    pub last_block: usize,
}

/// The blocks under one known heading.
pub(super) struct SectionBlocks<'b> {
    pub heading: Heading,
    /// Where the heading is.
    pub start: usize,
    pub blocks: Vec<&'b Block>,
}

impl SectionBlocks<'_> {
    /// As editors write its heading.
    pub fn name(&self) -> &'static str {
        self.heading.text()
    }
}

impl<'b> Cx<'_> {
    /// Sorts `blocks` under their headings, reporting what has no place.
    pub(super) fn outline(&mut self, blocks: &'b [Block]) -> Outline<'b> {
        let mut outline = Outline {
            title: None,
            sections: Vec::new(),
            disclaimer: None,
            last_block: 0,
        };
        // Blocks under an unknown or repeated heading: already reported.
        let mut discarding = false;
        for block in blocks {
            if !matches!(block, Block::Rule { .. }) {
                outline.last_block = block.start();
            }
            match block {
                Block::Heading {
                    level: 1,
                    inlines,
                    start,
                } => {
                    if outline.title.is_none() && outline.sections.is_empty() {
                        outline.title = Some(Located {
                            value: collapse(&plain(inlines)),
                            offset: *start,
                        });
                    } else {
                        self.report(
                            *start,
                            Kind::ExtraTitle,
                            "a second `#` title: a monograph has one title; sections use `###`, \
                             like `### Usage`",
                        );
                    }
                }
                Block::Heading {
                    level,
                    inlines,
                    start,
                } => {
                    let section = self.section_heading(*level, inlines, *start, &outline.sections);
                    discarding = section.is_none();
                    outline.sections.extend(section);
                }
                Block::Paragraph { inlines, start } if is_disclaimer(inlines) => {
                    if let Some(first) = &outline.disclaimer {
                        let line = self.lines.line(first.offset);
                        self.report(
                            *start,
                            Kind::DuplicateDisclaimer,
                            format!("a second disclaimer (the first is on line {line}): keep one"),
                        );
                    } else {
                        let label = split_term(inlines).expect("a disclaimer has a label");
                        outline.disclaimer = Some(Located {
                            value: label.rest,
                            offset: *start,
                        });
                    }
                }
                Block::Rule { start } => self.report(
                    *start,
                    Kind::FormattingDropped,
                    "a `---` line is not kept: the widget separates sections by itself",
                ),
                _ if discarding => {}
                _ => match outline.sections.last_mut() {
                    Some(section) => section.blocks.push(block),
                    None => self.report(
                        block.start(),
                        Kind::StrayText,
                        "this text is not under a section heading and would be lost: move it \
                         under a `###` heading, like `### Usage`, or remove it",
                    ),
                },
            }
        }
        outline
    }

    /// The section a heading other than the title starts, or `None` (with
    /// an error) when the heading is unknown or repeats one in `earlier`.
    fn section_heading(
        &mut self,
        level: u8,
        inlines: &[Inline],
        start: usize,
        earlier: &[SectionBlocks],
    ) -> Option<SectionBlocks<'b>> {
        let name = collapse(&plain(inlines));
        let names = Heading::ALL.map(Heading::text);
        let Some(heading) = Heading::named(&name) else {
            let hint = suggest(&name, &names)
                .map(|s| format!(" (did you mean \"{s}\"?)"))
                .unwrap_or_default();
            self.report(
                start,
                Kind::UnknownSection,
                format!(
                    "unknown section heading \"{name}\"{hint}: the sections are {}. The text \
                     under an unknown heading would be lost: rename the heading or move the \
                     text into a section",
                    names.join(", ")
                ),
            );
            return None;
        };
        if level != 3 {
            self.report(
                start,
                Kind::HeadingLevel,
                format!(
                    "section headings use three #, like `### {}`: this one has {level}",
                    heading.text()
                ),
            );
        }
        if let Some(first) = earlier.iter().find(|s| s.heading == heading) {
            let line = self.lines.line(first.start);
            self.report(
                start,
                Kind::DuplicateSection,
                format!(
                    "a second \"{}\" section (the first is on line {line}): merge the two into one",
                    heading.text()
                ),
            );
            return None;
        }
        self.place(heading.field(), start);
        Some(SectionBlocks {
            heading,
            start,
            blocks: Vec::new(),
        })
    }

    /// Reports a monograph without sections, or without a generic name.
    pub(super) fn require_headings(&mut self, outline: &Outline, end_of_text: usize) {
        let has = |wanted: fn(Heading) -> bool| outline.sections.iter().any(|s| wanted(s.heading));
        if !has(|heading| matches!(heading, Heading::Section(_))) {
            let sections: Vec<&str> = Section::ALL
                .into_iter()
                .map(|section| Heading::Section(section).text())
                .collect();
            self.report(
                end_of_text,
                Kind::NoSections,
                format!(
                    "no sections with content: add at least one of {}, each under a `###` heading",
                    sections.join(", ")
                ),
            );
        }
        if !has(|heading| heading == Heading::GenericName) {
            self.report(
                outline.title.as_ref().map_or(0, |title| title.offset),
                Kind::MissingGenericName,
                "no \"Generic Name\" section: add `### Generic Name` with the medicine's \
                 generic name on the line below it",
            );
        }
    }

    /// The disclaimer's text, reported when it is missing, empty or not at
    /// the end.
    pub(super) fn disclaimer(&mut self, outline: &Outline, end_of_text: usize) -> Option<RichText> {
        let Some(Located { value, offset }) = &outline.disclaimer else {
            self.report(
                end_of_text,
                Kind::MissingDisclaimer,
                "no disclaimer: end the file with a paragraph that starts with \
                 `**Disclaimer:**`",
            );
            return None;
        };
        let start = *offset;
        self.place("disclaimer", start);
        let repeated = self
            .diagnostics
            .iter()
            .any(|d| d.kind == Kind::DuplicateDisclaimer);
        if start != outline.last_block && !repeated {
            self.report(
                start,
                Kind::DisclaimerNotLast,
                "the disclaimer is not the last paragraph: it is shown apart all the same, but \
                 editors expect it at the end of the file",
            );
        }
        let text = self.rich(value);
        if text.is_none() {
            self.report(
                start,
                Kind::EmptyText,
                "the disclaimer has no text after `**Disclaimer:**`",
            );
        }
        text
    }
}

/// A paragraph that starts with a bold `Disclaimer:` label.
fn is_disclaimer(inlines: &[Inline]) -> bool {
    split_term(inlines).is_some_and(|Term { term, .. }| term.eq_ignore_ascii_case("disclaimer"))
}
