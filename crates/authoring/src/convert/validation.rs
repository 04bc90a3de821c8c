//! The model's validator run on the converted monograph, its findings
//! mapped back to where the value came from in the Markdown.

use super::{Cx, FileName};
use crate::diagnostic::{has_errors, Diagnostic, Kind, Severity};
use crate::front_matter::FrontMatter;
use monograph_model::{self as model, Monograph};
use std::collections::BTreeMap;

/// The place recorded for the JSON `path`, or for its closest enclosing
/// part; the file's start if none is recorded.
pub(super) fn place_in(
    places: &BTreeMap<String, (usize, usize)>,
    mut path: &str,
) -> (usize, usize) {
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

impl Cx<'_> {
    /// `value`, or a stand-in for a part whose absence is already reported.
    pub(super) fn required(&mut self, path: &str, value: Option<String>) -> String {
        value.unwrap_or_else(|| {
            self.placeholders.push(path.to_owned());
            "-".to_owned()
        })
    }

    /// Runs the model's validator and reports what it finds where the
    /// value came from. A bad id is explained by where it comes from: the
    /// front matter, or else the file name.
    pub(super) fn validate(&mut self, monograph: &Monograph, front: &FrontMatter, file: &FileName) {
        let json = model::to_json(monograph);
        let value: model::Value = serde_json::from_str(&json).expect("to_json writes JSON");
        let Err(problems) = model::validate(&value) else {
            return;
        };
        let had_errors = has_errors(&self.diagnostics);
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
                "id" if front.id.is_none() => format!(
                    "the file name \"{}\" gives the id \"{}\", which is not valid \
                     ({}): rename the file, or add an `id:` line to the front matter",
                    file.name, monograph.id, problem.message
                ),
                path => format!("{}: {}", label(path), problem.message),
            };
            let (line, column) = place_in(&self.places, &problem.path);
            self.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                kind: Kind::InvalidValue,
                line,
                column,
                message,
            });
        }
    }
}
