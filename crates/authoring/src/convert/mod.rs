//! Markdown monograph → [`Monograph`]. The layout is the seed's
//! (`content/lenalidomide.md`); `docs/editors.md` describes it for editors.
//!
//! Every problem is collected, each at its line and column; nothing in the
//! Markdown is dropped without an error or a warning. The result is checked
//! once more by the model's validator, the single source of truth for what a
//! valid monograph is, with its findings mapped back to the Markdown.
//!
//! The steps, each in its module: the file's [`outline`] (title, headings,
//! disclaimer), the text under each heading ([`sections`]), the front
//! matter's values ([`metadata`]), and the [`validation`] of the result.
//! [`inline`] turns a paragraph's Markdown into the format's text.

mod heading;
mod inline;
mod metadata;
mod outline;
mod sections;
mod validation;

use super::diagnostic::{has_errors, Diagnostic, Kind, LineIndex};
use super::front_matter::{self, FrontMatter, Located};
use super::glossary::{self, Glossary};
use super::markdown::{self, Block, Document, Inline};
pub use heading::Heading;
pub(crate) use inline::{collapse, plain};
use monograph_model::{Codes, Monograph, RichText, Span};
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::Path;
use validation::place_in;

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
/// is the id unless the front matter gives one), with no glossary. Never
/// panics.
pub fn convert(source: &str, file_name: &str) -> Conversion {
    convert_with_glossary(source, file_name, &Glossary::default())
}

/// Converts as [`convert`] does, marking the terms of `glossary` in the
/// clinical text (see [`glossary::mark`]).
pub fn convert_with_glossary(source: &str, file_name: &str, glossary: &Glossary) -> Conversion {
    // A byte-order mark is invisible in editors; positions ignore it too.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut cx = Cx {
        lines: LineIndex::new(source),
        diagnostics: Vec::new(),
        places: BTreeMap::new(),
        placeholders: Vec::new(),
    };
    let document = markdown::parse(source);
    let Some(front) = cx.front_matter(&document, source) else {
        return cx.finish(None);
    };
    let file = FileName::of(file_name);
    let monograph = cx.monograph(&front, &document.blocks, &file, source, glossary);
    cx.finish(Some(monograph))
}

/// The name of the file being converted, as the id and messages use it.
struct FileName<'f> {
    /// Without its folders: `lenalidomide.md`.
    name: &'f str,
    /// Without its folders and extension: `lenalidomide`, the id unless
    /// the front matter gives one.
    stem: &'f str,
}

impl<'f> FileName<'f> {
    fn of(path: &'f str) -> Self {
        let text = |part: Option<&'f OsStr>| part.and_then(OsStr::to_str).unwrap_or(path);
        FileName {
            name: text(Path::new(path).file_name()),
            stem: text(Path::new(path).file_stem()),
        }
    }
}

/// A paragraph's inline content and where it starts.
#[derive(Clone, Copy)]
struct Paragraph<'b> {
    inlines: &'b [Inline],
    start: usize,
}

impl<'b> Paragraph<'b> {
    fn new(inlines: &'b [Inline], start: usize) -> Self {
        Paragraph { inlines, start }
    }
}

/// One conversion under way: the file's lines, and what has been reported
/// and placed so far. Each step is a method in the module of its job.
struct Cx<'a> {
    lines: LineIndex<'a>,
    diagnostics: Vec<Diagnostic>,
    places: BTreeMap<String, (usize, usize)>,
    /// JSON paths filled with a stand-in because of an error already
    /// reported; the validator's findings there are not repeated.
    placeholders: Vec<String>,
}

impl<'a> Cx<'a> {
    /// Reports a diagnostic of `kind` (with its usual severity) at `offset`.
    fn report(&mut self, offset: usize, kind: Kind, message: impl Into<String>) {
        let diagnostic = self.lines.at(offset, kind, message);
        self.diagnostics.push(diagnostic);
    }

    /// Records that the JSON at `path` comes from the Markdown at `offset`.
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

    /// Reads the front matter, reporting a missing one; `None` when the
    /// file starts like front matter that cannot be read, and the rest of
    /// the file cannot be read reliably either.
    fn front_matter(&mut self, document: &Document, source: &str) -> Option<FrontMatter> {
        if let Some(block) = &document.front_matter {
            return Some(front_matter::read(
                source,
                block.yaml.clone(),
                &self.lines,
                &mut self.diagnostics,
            ));
        }
        let mut lines = source.lines().map(str::trim_end);
        if lines.next() == Some("---") {
            // pulldown-cmark did not see front matter although the file
            // starts like it.
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
            self.report(0, kind, message);
            return None;
        }
        self.report(
            0,
            Kind::FrontMatterMissing,
            "no front matter: start the file with a line `---`, then `title:` and \
             `language:` lines, then another `---` line",
        );
        Some(FrontMatter::default())
    }

    /// The monograph, step by step (each step reports its own problems).
    /// The order of the steps matters: it is the order of their reports
    /// where two fall on the same place.
    fn monograph(
        &mut self,
        front: &FrontMatter,
        blocks: &[Block],
        file: &FileName,
        source: &str,
        glossary: &Glossary,
    ) -> Monograph {
        let end_of_text = source.trim_end().len();
        let outline = self.outline(blocks);
        let title = self.title(front, outline.title.clone());
        let mut sections = self.sections(&outline.sections);
        self.require_headings(&outline, end_of_text);
        self.mark_alerts(front, sections.precautions.as_mut(), &outline);
        let disclaimer = self.disclaimer(&outline, end_of_text);
        self.require_language(front);
        let id = self.id(front, file);
        self.place_front_matter(front, title.as_ref());
        let value = |v: &Option<Located<String>>| v.as_ref().map(|v| v.value.clone());
        let values = |list: &[Located<String>]| list.iter().map(|v| v.value.clone()).collect();
        let mut monograph = Monograph {
            id,
            language: self.required("language", value(&front.language)),
            title: self.required("title", title.map(|t| t.value)),
            generic_name: self.required("generic_name", sections.generic_name),
            brand_names: values(&front.brand_names),
            codes: Codes {
                rxcui: value(&front.rxcui),
                ndc: values(&front.ndc),
            },
            source: value(&front.source),
            last_reviewed: value(&front.last_reviewed),
            next_review: value(&front.next_review),
            usage: sections.usage,
            dosage: sections.dosage,
            side_effects: sections.side_effects,
            how_it_works: sections.how_it_works,
            precautions: sections.precautions,
            faqs: sections.faqs,
            disclaimer: disclaimer.unwrap_or_else(|| {
                self.placeholders.push("disclaimer".into());
                RichText(vec![Span {
                    text: "-".into(),
                    emphasis: false,
                    term: None,
                }])
            }),
            glossary: Vec::new(),
        };
        glossary::mark(&mut monograph, glossary);
        self.validate(&monograph, front, file);
        monograph
    }
}
