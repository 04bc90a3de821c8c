//! Markdown monograph → [`Monograph`]. The layout is the seed's
//! (`content/lenalidomide.md`); `docs/editors.md` describes it for editors.
//!
//! Every problem is collected, each at its line and column; nothing in the
//! Markdown is dropped without an error or a warning. The result is checked
//! once more by the model's validator, the single source of truth for what a
//! valid monograph is, with its findings mapped back to the Markdown.

use super::diagnostic::{has_errors, suggest, Diagnostic, Kind, LineIndex, Severity};
use super::front_matter::{self, FrontMatter, Located};
use super::markdown::{self, Block, Inline, ListItem};
use monograph_model::{
    self as model, self, Codes, Dosage, Faq, HowItWorks, Item, Monograph, Precautions, RichText,
    SideEffectGroup, SideEffects, Span, Usage,
};
use std::collections::BTreeMap;
use std::path::Path;

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

fn place_in(places: &BTreeMap<String, (usize, usize)>, mut path: &str) -> (usize, usize) {
    loop {
        if let Some(place) = places.get(path) {
            return *place;
        }
        match path.rfind(['.', '[']) {
            Some(cut) => path = &path[..cut],
            None => return (1, 1),
        }
    }
}

/// How a JSON path that comes from the front matter is named for editors.
fn label(path: &str) -> String {
    let entry = |key: &str, rest: &str| {
        rest.strip_prefix('[')
            .and_then(|r| r.strip_suffix(']'))
            .and_then(|i| i.parse::<usize>().ok())
            .map(|i| format!("`{key}` entry {}", i + 1))
    };
    match path {
        "title" => "the title".into(),
        "generic_name" => "the generic name".into(),
        "codes.rxcui" => "`rxcui`".into(),
        "id" | "language" | "source" | "last_reviewed" | "next_review" => format!("`{path}`"),
        _ => path
            .strip_prefix("brand_names")
            .and_then(|rest| entry("brand_names", rest))
            .or_else(|| {
                path.strip_prefix("codes.ndc")
                    .and_then(|rest| entry("ndc", rest))
            })
            .unwrap_or_else(|| path.to_owned()),
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

    /// `value`, or a stand-in for a part whose absence is already reported.
    fn required(&mut self, path: &str, value: Option<String>) -> String {
        value.unwrap_or_else(|| {
            self.placeholders.push(path.to_owned());
            "-".to_owned()
        })
    }

    /// Runs the model's validator and reports what it finds where the
    /// value came from.
    fn validate(&mut self, monograph: &Monograph, id_from_file: bool, file_name: &str) {
        let json = model::to_json(monograph);
        let value: model::Value = serde_json::from_str(&json).expect("to_json writes JSON");
        let Err(problems) = model::validate(&value) else {
            return;
        };
        let had_errors = has_errors(&self.diagnostics);
        let file_name = Path::new(file_name)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(file_name);
        for problem in problems {
            let covered = self.placeholders.iter().any(|p| {
                problem.path == *p
                    || problem.path.starts_with(&format!("{p}."))
                    || problem.path.starts_with(&format!("{p}["))
            });
            // "No sections" and the like follow from errors reported already.
            if covered || (problem.path.is_empty() && had_errors) {
                continue;
            }
            let message = match problem.path.as_str() {
                "id" if id_from_file => format!(
                    "the file name \"{file_name}\" gives the id \"{}\", which is not valid \
                     ({}): rename the file, or add an `id:` line to the front matter",
                    monograph.id, problem.message
                ),
                path => format!("{}: {}", label(path), problem.message),
            };
            let (line, column) = self.place_of(&problem.path);
            self.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                kind: Kind::InvalidValue,
                line,
                column,
                message,
            });
        }
    }

    fn place_of(&self, path: &str) -> (usize, usize) {
        place_in(&self.places, path)
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

    /// A section laid out as an introduction, a list of bold terms, and an
    /// optional closing paragraph (Usage, Dosage, How it Works; Precautions
    /// without the closing paragraph and with an optional introduction).
    fn intro_list(
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
    fn term_items(&mut self, items: &[ListItem], path: &str, section: &str) -> Option<Vec<Item>> {
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
    fn item_paragraph<'b>(&mut self, item: &'b ListItem) -> Option<(&'b Vec<Inline>, usize)> {
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

    fn not_a_paragraph(&mut self, block: &Block, rule: &str) {
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

    fn unsupported(&mut self, block: &Block) {
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

    /// Side Effects: each list is introduced by the paragraph before it;
    /// the list whose introduction mentions "serious" is the serious list,
    /// the other the common one; a paragraph after the last list is advice.
    fn side_effects(&mut self, section: &SectionBlocks) -> Option<SideEffects> {
        let mut pending: Vec<Paragraph> = Vec::new();
        let mut groups: Vec<(Paragraph, &Vec<ListItem>, usize)> = Vec::new();
        let mut ok = true;
        for block in &section.blocks {
            match block {
                Block::Paragraph { inlines, start } => pending.push((inlines, *start)),
                Block::List { items, start } => {
                    if groups.len() == 2 {
                        ok = false;
                        self.report(
                            *start,
                            Kind::ExtraList,
                            "\"Side Effects\" has at most two lists, common side effects and \
                             serious ones: this third list would be lost. Join it with one of them",
                        );
                        pending.clear();
                        continue;
                    }
                    let mut before = pending.drain(..);
                    let intro = before.next_back();
                    for extra in before {
                        ok = false;
                        self.report(
                            extra.1,
                            Kind::StrayText,
                            "each side-effect list has one paragraph before it, its \
                             introduction: this extra paragraph would be lost. Join it with the \
                             paragraph below it",
                        );
                    }
                    match intro {
                        Some(intro) => groups.push((intro, items, *start)),
                        None => {
                            ok = false;
                            self.report(
                                *start,
                                Kind::MissingIntro,
                                "each side-effect list needs a paragraph before it that \
                                 introduces it, like \"Common side effects include:\"",
                            );
                        }
                    }
                }
                other => {
                    ok = false;
                    self.unsupported(other);
                }
            }
        }
        if groups.is_empty() && ok {
            self.report(
                section.heading,
                Kind::MissingList,
                "the \"Side Effects\" section has no list: introduce it with a sentence, then \
                 list one side effect per bullet",
            );
            return None;
        }
        // What follows the last list is the advice (one paragraph).
        let mut after = pending.into_iter();
        let advice = after.next();
        for extra in after {
            ok = false;
            self.report(
                extra.1,
                Kind::StrayText,
                "\"Side Effects\" has at most one paragraph after its lists, the advice: this \
                 second one would be lost. Join the two paragraphs",
            );
        }

        let serious: Vec<bool> = groups
            .iter()
            .map(|((inlines, _), _, _)| plain(inlines).to_lowercase().contains("serious"))
            .collect();
        let (common_index, serious_index) = match serious.as_slice() {
            [] => (None, None),
            [false] => (Some(0), None),
            [true] => (None, Some(0)),
            [false, true] => (Some(0), Some(1)),
            [true, false] => (Some(1), Some(0)),
            [both, _] => {
                ok = false;
                let which = if *both {
                    "both side-effect lists are introduced by text that mentions"
                } else {
                    "neither side-effect list is introduced by text that mentions"
                };
                self.report(
                    (groups[1].0).1,
                    Kind::SideEffectsUnclear,
                    format!(
                        "{which} \"serious\", so it is unclear which list holds the serious side \
                         effects: only the introduction of the serious list may use the word \
                         \"serious\""
                    ),
                );
                (None, None)
            }
            _ => unreachable!("at most two groups"),
        };
        let group = |cx: &mut Self, index: Option<usize>, key: &str| {
            let ((inlines, start), items, _) = groups.get(index?)?;
            cx.place(format!("side_effects.{key}"), *start);
            cx.place(format!("side_effects.{key}.intro"), *start);
            let intro = cx.rich_or_empty(inlines, *start);
            let mut list = Vec::new();
            let mut complete = true;
            for (i, item) in items.iter().enumerate() {
                let Some((inlines, start)) = cx.item_paragraph(item) else {
                    complete = false;
                    continue;
                };
                cx.place(format!("side_effects.{key}.items[{i}]"), start);
                match cx.rich_or_empty(inlines, start) {
                    Some(text) => list.push(text),
                    None => complete = false,
                }
            }
            let intro = intro?;
            complete.then_some(SideEffectGroup { intro, items: list })
        };
        let common = group(self, common_index, "common");
        let serious = group(self, serious_index, "serious");
        let advice = match advice {
            Some((inlines, start)) => {
                self.place("side_effects.advice", start);
                let text = self.rich_or_empty(inlines, start);
                ok &= text.is_some();
                text
            }
            None => None,
        };
        ok &= common.is_some() == common_index.is_some();
        ok &= serious.is_some() == serious_index.is_some();
        if !ok || (common.is_none() && serious.is_none()) {
            return None;
        }
        Some(SideEffects {
            common,
            serious,
            advice,
        })
    }

    /// FAQs: entries of `**Q: question**`, then `A: answer` on the next line.
    fn faqs(&mut self, section: &SectionBlocks) -> Vec<Faq> {
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

    /// Rich text, or an error that the paragraph at `start` is empty.
    fn rich_or_empty(&mut self, inlines: &[Inline], start: usize) -> Option<RichText> {
        let text = self.rich(inlines);
        if text.is_none() {
            self.report(start, Kind::EmptyText, "this paragraph has no text");
        }
        text
    }

    /// Reports inline content the format cannot hold.
    fn check_inlines(&mut self, inlines: &[Inline]) {
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
    fn rich(&mut self, inlines: &[Inline]) -> Option<RichText> {
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
fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text, .. } | Inline::Code { text, .. } => text.as_str(),
            Inline::Break { .. } => " ",
            Inline::Unsupported { .. } => "",
        })
        .collect()
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

/// A leading bold label with a colon: `**Term:** text` or `**Term**: text`.
/// Gives the label without its colon, where it starts, and the rest.
fn split_term(inlines: &[Inline]) -> Option<(String, usize, Vec<Inline>)> {
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
    (!term.is_empty()).then_some((term, start, rest))
}

fn is_disclaimer(inlines: &[Inline]) -> bool {
    split_term(inlines).is_some_and(|(term, _, _)| term.eq_ignore_ascii_case("disclaimer"))
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
