//! What `monograph check` reports for one file: every problem, then the
//! review reminder and the reading grade of each section.

use super::diagnostic::{Diagnostic, Kind, LineIndex, Severity};
use super::glossary::{self, Glossary};
use super::readability::{self, TARGET};
use super::{convert_with_glossary, json_file};
use monograph_model::Monograph;

/// Everything to report about the Markdown monograph `source`, named
/// `file_name`, on the day `today` (`YYYY-MM-DD`), without a glossary.
pub fn markdown(source: &str, file_name: &str, today: &str) -> Vec<Diagnostic> {
    markdown_with_glossary(source, file_name, today, &Glossary::default())
}

/// Everything to report about the Markdown monograph `source`, its terms
/// marked from `glossary`.
pub fn markdown_with_glossary(
    source: &str,
    file_name: &str,
    today: &str,
    glossary: &Glossary,
) -> Vec<Diagnostic> {
    let conversion = convert_with_glossary(source, file_name, glossary);
    let mut diagnostics = conversion.diagnostics.clone();
    if let Some(monograph) = &conversion.monograph {
        diagnostics.extend(reports(monograph, today, |path| conversion.place(path)));
    }
    diagnostics
}

/// Everything to report about the glossary `source`: its problems, then
/// each term that none of `monographs` (Markdown text and file name) uses.
/// Which terms are used is known only when every monograph converts; until
/// then their own problems are reported, not unused terms.
pub fn glossary(source: &str, monographs: &[(String, String)]) -> Vec<Diagnostic> {
    let (glossary, mut diagnostics) = glossary::read(source);
    let converted: Option<Vec<Monograph>> = monographs
        .iter()
        .map(|(text, name)| convert_with_glossary(text, name, &glossary).monograph)
        .collect();
    let Some(converted) = converted else {
        return diagnostics;
    };
    let used: Vec<String> = converted
        .into_iter()
        .flat_map(|monograph| monograph.glossary.into_iter().map(|d| d.term))
        .collect();
    for entry in &glossary.entries {
        let term = &entry.definition.term;
        if !used.contains(term) {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                kind: Kind::GlossaryUnusedTerm,
                line: entry.line,
                column: entry.column,
                message: format!(
                    "\"{term}\" appears in no monograph here: remove it, or check its spelling"
                ),
            });
        }
    }
    diagnostics
}

/// Whether checking a JSON file gives the review reminder and the reading
/// grades too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonReports {
    Give,
    /// For JSON made from Markdown that is checked too: the Markdown gets
    /// them, so they are not said twice.
    LeaveToMarkdown,
}

/// Everything to report about the JSON monograph `text`.
pub fn json(text: &str, today: &str, wanted: JsonReports) -> Vec<Diagnostic> {
    match json_file::check(text) {
        Err(problems) => problems,
        Ok(monograph) if wanted == JsonReports::Give => {
            let lines = LineIndex::new(text);
            reports(&monograph, today, |path| {
                lines.position(json_file::locate(text, path))
            })
        }
        Ok(_) => Vec::new(),
    }
}

/// The review reminder and the reading grades; `place` gives the line and
/// column of a JSON path's source.
pub fn reports(
    monograph: &Monograph,
    today: &str,
    place: impl Fn(&str) -> (usize, usize),
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    if let Some(next_review) = &monograph.next_review {
        // Both are YYYY-MM-DD, so text order is date order.
        if next_review.as_str() < today {
            let (line, column) = place("next_review");
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                kind: Kind::ReviewOverdue,
                line,
                column,
                message: format!(
                    "the next review was due on {next_review}: have the text reviewed, then \
                     update `last_reviewed` and `next_review`"
                ),
            });
        }
    }
    for section in readability::section_grades(monograph) {
        let (line, column) = place(section.key);
        let grade = section.grade;
        let counts = format!(
            "{} words in {} sentences, {:.2} syllables a word",
            grade.words,
            grade.sentences,
            grade.syllables as f64 / grade.words as f64
        );
        let (severity, message) = if grade.grade > TARGET {
            (
                Severity::Warning,
                format!(
                    "\"{}\" reads at grade {:.1} (Flesch-Kincaid; {counts}); patient material \
                     should aim at grade 5 to 6: shorter sentences and everyday words help",
                    section.name, grade.grade
                ),
            )
        } else {
            (
                Severity::Note,
                format!(
                    "\"{}\" reads at grade {:.1} (Flesch-Kincaid; {counts}), within the \
                     target of grade 6 or below",
                    section.name, grade.grade
                ),
            )
        };
        diagnostics.push(Diagnostic {
            severity,
            kind: Kind::ReadingGrade,
            line,
            column,
            message,
        });
    }
    diagnostics
}
