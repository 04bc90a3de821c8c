//! Markdown monograph → [`Monograph`]. The layout is the seed's
//! (`content/lenalidomide.md`); `docs/editors.md` describes it for editors.
//!
//! Every problem is collected, each at its line and column; nothing in the
//! Markdown is dropped without an error or a warning. The result is checked
//! once more by the model's validator, the single source of truth for what a
//! valid monograph is, with its findings mapped back to the Markdown.

mod faqs;
mod inline;
mod sections;
mod side_effects;
mod validation;

use super::diagnostic::{has_errors, suggest, Diagnostic, Kind, LineIndex};
use super::front_matter::{self, FrontMatter, Located};
use super::markdown::{self, Block, Inline};
use inline::{collapse, is_disclaimer, plain, split_term};
use monograph_model::{Codes, Dosage, HowItWorks, Monograph, Precautions, RichText, Span, Usage};
use std::collections::BTreeMap;
use std::path::Path;
use validation::place_in;

/// The sections a monograph may have: heading, JSON key.
pub const SECTIONS: &[(&str, &str)] = &[
    ("Generic Name", "generic_name"),
    ("Usage", "usage"),
    ("Dosage", "dosage"),
    ("Side Effects", "side_effects"),
    ("How it Works", "how_it_works"),
    ("Precautions", "precautions"),
    ("FAQs", "faqs"),
];

/// What converting one Markdown file gave.
#[derive(Debug)]
pub struct Conversion {
    /// The monograph, when there were no errors (warnings allowed).
    pub monograph: Option<Monograph>,
    /// Errors, then warnings, each in the order of the file.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the source of each part of the JSON is, by JSON path
    /// (`usage`, `next_review`, `codes.ndc[0]`, `disclaimer`): line, column.
    pub places: BTreeMap<String, (usize, usize)>,
}

impl Conversion {
    /// The line and column of the source of the JSON at `path`, or of its
    /// closest enclosing part; the file's start if nothing is closer.
    pub fn place(&self, path: &str) -> (usize, usize) {
        place_in(&self.places, path)
    }
}

/// Converts the Markdown `source` of the file named `file_name` (its stem
/// is the id unless the front matter gives one). Never panics.
pub fn convert(source: &str, file_name: &str) -> Conversion {
    // A byte-order mark is invisible in editors; positions ignore it too.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut cx = Cx {
        lines: LineIndex::new(source),
        diagnostics: Vec::new(),
        places: BTreeMap::new(),
        placeholders: Vec::new(),
    };
    let document = markdown::parse(source);
    let front = match &document.front_matter {
        Some(block) => {
            front_matter::read(source, block.yaml.clone(), &cx.lines, &mut cx.diagnostics)
        }
        None => {
            let mut lines = source.lines().map(str::trim_end);
            if lines.next() == Some("---") {
                // pulldown-cmark did not see front matter although the file
                // starts like it: the rest cannot be read reliably.
                let (kind, message) = match lines.next() {
                    Some("" | "---" | "...") | None => (
                        Kind::FrontMatterEmpty,
                        "the front matter is empty or starts with a blank line: put its first \
                         `key: value` line right after the opening `---`",
                    ),
                    _ => (
                        Kind::FrontMatterUnclosed,
                        "the front matter has no closing `---` line: end it with a line of \
                         three hyphens, before the `#` title",
                    ),
                };
                cx.report(0, kind, message);
                return cx.finish(None);
            }
            cx.report(
                0,
                Kind::FrontMatterMissing,
                "no front matter: start the file with a line `---`, then `title:` and \
                 `language:` lines, then another `---` line",
            );
            FrontMatter::default()
        }
    };
    let stem = Path::new(file_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file_name);
    let monograph = cx.monograph(&front, &document.blocks, stem, file_name, source);
    cx.finish(monograph)
}

/// A paragraph's inline content and where it starts.
type Paragraph<'b> = (&'b Vec<Inline>, usize);

struct Cx<'a> {
    lines: LineIndex<'a>,
    diagnostics: Vec<Diagnostic>,
    places: BTreeMap<String, (usize, usize)>,
    /// JSON paths filled with a stand-in because of an error already
    /// reported; the validator's findings there are not repeated.
    placeholders: Vec<String>,
}

/// The blocks under one `###` heading.
struct SectionBlocks<'b> {
    /// Index into [`SECTIONS`].
    section: usize,
    heading: usize,
    blocks: Vec<&'b Block>,
}

impl<'a> Cx<'a> {
    /// Reports a diagnostic of `kind` (with its usual severity) at `offset`.
    fn report(&mut self, offset: usize, kind: Kind, message: impl Into<String>) {
        let diagnostic = self.lines.at(offset, kind, message);
        self.diagnostics.push(diagnostic);
    }

    fn place(&mut self, path: impl Into<String>, offset: usize) {
        let position = self.lines.position(offset);
        self.places.insert(path.into(), position);
    }

    fn finish(mut self, monograph: Option<Monograph>) -> Conversion {
        // Errors first, then warnings; each group in file order.
        self.diagnostics
            .sort_by_key(|d| (d.severity, d.line, d.column));
        let ok = !has_errors(&self.diagnostics);
        Conversion {
            monograph: monograph.filter(|_| ok),
            diagnostics: self.diagnostics,
            places: self.places,
        }
    }

    fn monograph(
        &mut self,
        front: &FrontMatter,
        blocks: &[Block],
        stem: &str,
        file_name: &str,
        source: &str,
    ) -> Option<Monograph> {
        let end_of_text = source.trim_end().len();
        let mut title: Option<Located<String>> = None;
        let mut title_heading = None;
        let mut sections: Vec<SectionBlocks> = Vec::new();
        // Blocks under an unknown or repeated heading: already reported.
        let mut discarding = false;
        let mut disclaimer: Option<(Vec<Inline>, usize)> = None;
        let mut last_content_block = 0;

        for block in blocks {
            if !matches!(block, Block::Rule { .. }) {
                last_content_block = block.start();
            }
            match block {
                Block::Heading {
                    level: 1,
                    inlines,
                    start,
                } => {
                    if title.is_none() && sections.is_empty() {
                        title_heading = Some(*start);
                        title = Some(Located {
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
                    let name = collapse(&plain(inlines));
                    discarding = true;
                    let Some(section) = section_named(&name) else {
                        let hint = suggest(&name, &section_names())
                            .map(|s| format!(" (did you mean \"{s}\"?)"))
                            .unwrap_or_default();
                        self.report(
                            *start,
                            Kind::UnknownSection,
                            format!(
                                "unknown section heading \"{name}\"{hint}: the sections are {}. \
                                 The text under an unknown heading would be lost: rename the \
                                 heading or move the text into a section",
                                section_names().join(", ")
                            ),
                        );
                        continue;
                    };
                    if *level != 3 {
                        self.report(
                            *start,
                            Kind::HeadingLevel,
                            format!(
                                "section headings use three #, like `### {}`: this one has {}",
                                SECTIONS[section].0, level
                            ),
                        );
                    }
                    if let Some(first) = sections.iter().find(|s| s.section == section) {
                        let line = self.lines.line(first.heading);
                        self.report(
                            *start,
                            Kind::DuplicateSection,
                            format!(
                                "a second \"{}\" section (the first is on line {line}): \
                                 merge the two into one",
                                SECTIONS[section].0
                            ),
                        );
                        continue;
                    }
                    discarding = false;
                    self.place(SECTIONS[section].1, *start);
                    sections.push(SectionBlocks {
                        section,
                        heading: *start,
                        blocks: Vec::new(),
                    });
                }
                Block::Paragraph { inlines, start } if is_disclaimer(inlines) => {
                    if let Some((_, first)) = &disclaimer {
                        let line = self.lines.line(*first);
                        self.report(
                            *start,
                            Kind::DuplicateDisclaimer,
                            format!("a second disclaimer (the first is on line {line}): keep one"),
                        );
                    } else {
                        let (_, _, rest) = split_term(inlines).expect("a disclaimer has a label");
                        disclaimer = Some((rest, *start));
                    }
                }
                Block::Rule { start } => self.report(
                    *start,
                    Kind::FormattingDropped,
                    "a `---` line is not kept: the widget separates sections by itself",
                ),
                _ if discarding => {}
                _ => match sections.last_mut() {
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

        // The title.
        let title = match (&front.title, title) {
            (Some(front_title), Some(heading)) => {
                if collapse(&front_title.value) != heading.value {
                    self.report(
                        heading.offset,
                        Kind::TitleMismatch,
                        format!(
                            "the `#` title \"{}\" differs from `title: {}` in the front matter: \
                             make them the same",
                            heading.value, front_title.value
                        ),
                    );
                }
                Some(front_title.clone())
            }
            (Some(front_title), None) => Some(front_title.clone()),
            (None, Some(heading)) => Some(heading),
            (None, None) => {
                self.report(
                    0,
                    Kind::MissingTitle,
                    "no title: add a `#` title line after the front matter, like \
                     `# Lenalidomide`, and `title: Lenalidomide` in the front matter",
                );
                None
            }
        };

        // The sections, each from its blocks.
        let mut generic_name = None;
        let mut usage = None;
        let mut dosage = None;
        let mut side_effects = None;
        let mut how_it_works = None;
        let mut precautions = None;
        let mut faqs = Vec::new();
        for section in &sections {
            let name = SECTIONS[section.section].0;
            if section.blocks.is_empty() {
                self.report(
                    section.heading,
                    Kind::EmptySection,
                    format!(
                        "the \"{name}\" section is empty: write its text under the heading, \
                         or remove the heading"
                    ),
                );
                continue;
            }
            match SECTIONS[section.section].1 {
                "generic_name" => generic_name = self.generic_name(section),
                "usage" => {
                    usage = self
                        .intro_list(section, true, true)
                        .map(|(intro, conditions, note)| Usage {
                            intro: intro.expect("required"),
                            conditions,
                            note,
                        })
                }
                "dosage" => {
                    dosage = self.intro_list(section, true, true).map(
                        |(intro, conditions, adjustment)| Dosage {
                            intro: intro.expect("required"),
                            conditions,
                            adjustment,
                        },
                    )
                }
                "how_it_works" => {
                    how_it_works =
                        self.intro_list(section, true, true)
                            .map(|(intro, actions, summary)| HowItWorks {
                                intro: intro.expect("required"),
                                actions,
                                summary,
                            })
                }
                "precautions" => {
                    precautions = self
                        .intro_list(section, false, false)
                        .map(|(intro, items, _)| Precautions { intro, items })
                }
                "side_effects" => side_effects = self.side_effects(section),
                _ => faqs = self.faqs(section),
            }
        }

        let content_sections = sections
            .iter()
            .filter(|s| SECTIONS[s.section].1 != "generic_name")
            .count();
        if content_sections == 0 {
            self.report(
                end_of_text,
                Kind::NoSections,
                "no sections with content: add at least one of Usage, Dosage, Side Effects, \
                 How it Works, Precautions, FAQs, each under a `###` heading",
            );
        }
        if !sections
            .iter()
            .any(|s| SECTIONS[s.section].1 == "generic_name")
        {
            self.report(
                title_heading.unwrap_or(0),
                Kind::MissingGenericName,
                "no \"Generic Name\" section: add `### Generic Name` with the medicine's \
                 generic name on the line below it",
            );
        }

        // Alerts mark precautions.
        if let Some(precautions) = &mut precautions {
            for alert in &front.alerts {
                let wanted = collapse(&alert.value).to_lowercase();
                let mut found = false;
                for item in &mut precautions.items {
                    if item.term.to_lowercase() == wanted {
                        item.alert = true;
                        found = true;
                    }
                }
                if !found {
                    let terms: Vec<&str> =
                        precautions.items.iter().map(|i| i.term.as_str()).collect();
                    let hint = suggest(&alert.value, &terms)
                        .map(|t| format!(" (did you mean \"{t}\"?)"))
                        .unwrap_or_default();
                    self.report(
                        alert.offset,
                        Kind::UnknownAlert,
                        format!(
                            "`alerts` names \"{}\"{hint}, but no precaution has that term: \
                             the precautions are {}",
                            alert.value,
                            terms.join(", ")
                        ),
                    );
                }
            }
        } else if let Some(alert) = front.alerts.first() {
            if !sections
                .iter()
                .any(|s| SECTIONS[s.section].1 == "precautions")
            {
                self.report(
                    alert.offset,
                    Kind::UnknownAlert,
                    format!(
                        "`alerts` names \"{}\", but there is no \"Precautions\" section: \
                         alerts mark precautions by their term",
                        alert.value
                    ),
                );
            }
        }

        // The disclaimer.
        let disclaimer = match disclaimer {
            None => {
                self.report(
                    end_of_text,
                    Kind::MissingDisclaimer,
                    "no disclaimer: end the file with a paragraph that starts with \
                     `**Disclaimer:**`",
                );
                None
            }
            Some((inlines, start)) => {
                self.place("disclaimer", start);
                if start != last_content_block
                    && !self
                        .diagnostics
                        .iter()
                        .any(|d| d.kind == Kind::DuplicateDisclaimer)
                {
                    self.report(
                        start,
                        Kind::DisclaimerNotLast,
                        "the disclaimer is not the last paragraph: it is shown apart all the \
                         same, but editors expect it at the end of the file",
                    );
                }
                let text = self.rich(&inlines);
                if text.is_none() {
                    self.report(
                        start,
                        Kind::EmptyText,
                        "the disclaimer has no text after `**Disclaimer:**`",
                    );
                }
                text
            }
        };

        // Metadata.
        if front.language.is_none()
            && !self.diagnostics.iter().any(|d| {
                matches!(
                    d.kind,
                    Kind::FrontMatterMissing | Kind::FrontMatterNotYaml | Kind::FrontMatterNotKeys
                )
            })
        {
            self.report(
                0,
                Kind::MissingKey,
                "the front matter has no `language`: add a line like `language: en` (the \
                 language tag of the text, such as `en` or `es-MX`)",
            );
        }
        let id = match &front.id {
            Some(id) => {
                let file_name = Path::new(file_name)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or(file_name);
                if id.value != stem {
                    self.report(
                        id.offset,
                        Kind::IdDiffersFromFileName,
                        format!(
                            "the id \"{}\" differs from the file name \"{file_name}\": the JSON \
                             is written to \"{stem}.json\" all the same. Rename the file to \
                             \"{}.md\", or remove the `id:` line",
                            id.value, id.value
                        ),
                    );
                }
                self.place("id", id.offset);
                id.value.clone()
            }
            None => stem.to_owned(),
        };
        for (path, value) in [
            ("language", &front.language),
            ("title", &title),
            ("codes.rxcui", &front.rxcui),
            ("source", &front.source),
            ("last_reviewed", &front.last_reviewed),
            ("next_review", &front.next_review),
        ] {
            if let Some(value) = value {
                self.place(path, value.offset);
            }
        }
        for (path, list) in [
            ("brand_names", &front.brand_names),
            ("codes.ndc", &front.ndc),
        ] {
            for (i, value) in list.iter().enumerate() {
                self.place(format!("{path}[{i}]"), value.offset);
            }
        }
        let texts = |list: &[Located<String>]| list.iter().map(|v| v.value.clone()).collect();
        let monograph = Monograph {
            id,
            language: self.required("language", front.language.as_ref().map(|l| l.value.clone())),
            title: self.required("title", title.map(|t| t.value)),
            generic_name: self.required("generic_name", generic_name),
            brand_names: texts(&front.brand_names),
            codes: Codes {
                rxcui: front.rxcui.as_ref().map(|v| v.value.clone()),
                ndc: texts(&front.ndc),
            },
            source: front.source.as_ref().map(|v| v.value.clone()),
            last_reviewed: front.last_reviewed.as_ref().map(|v| v.value.clone()),
            next_review: front.next_review.as_ref().map(|v| v.value.clone()),
            usage,
            dosage,
            side_effects,
            how_it_works,
            precautions,
            faqs,
            disclaimer: disclaimer.unwrap_or_else(|| {
                self.placeholders.push("disclaimer".into());
                RichText(vec![Span {
                    text: "-".into(),
                    emphasis: false,
                }])
            }),
        };
        self.validate(&monograph, front.id.is_none(), file_name);
        Some(monograph)
    }
}

fn section_names() -> Vec<&'static str> {
    SECTIONS.iter().map(|(name, _)| *name).collect()
}

/// The index in [`SECTIONS`] of the heading `name`, ignoring case.
fn section_named(name: &str) -> Option<usize> {
    let name = name.trim_end_matches(':').trim().to_lowercase();
    SECTIONS
        .iter()
        .position(|(heading, _)| heading.to_lowercase() == name)
}
