//! `monograph check [--today YYYY-MM-DD] [PATH...]`: every problem in
//! Markdown and JSON monographs, with the review reminders and reading
//! grades, and drug codes that more than one monograph claims.

use super::args::Arguments;
use super::files::{
    extension_is, files_in, is_glossary, is_markdown, is_monograph_json, is_monograph_markdown,
    read, Glossaries, Inputs, CONTENT,
};
use super::output::print;
use super::Outcome;
use crate::check::JsonReports;
use crate::claims::ClaimedCodes;
use crate::diagnostic::{LineIndex, Severity};
use crate::{check, convert, dates, json_file};
use std::io::Write;
use std::path::Path;

/// Markdown and JSON files; in a directory, the monograph JSON only.
const INPUTS: Inputs = Inputs {
    in_dir: is_monograph_source,
    named: is_markdown_or_json,
    what: "a Markdown (.md) or JSON (.json) file",
};

fn is_monograph_source(path: &Path) -> bool {
    is_markdown(path) || is_monograph_json(path)
}

fn is_markdown_or_json(path: &Path) -> bool {
    is_markdown(path) || extension_is(path, "json")
}

/// The Markdown monographs beside `glossary`, with their names.
fn monographs_beside(
    out: &mut dyn Write,
    glossary: &Path,
) -> Result<Vec<(String, String)>, String> {
    let dir = glossary.parent().unwrap_or(Path::new(""));
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    Ok(files_in(dir, is_monograph_markdown)?
        .into_iter()
        .filter_map(|file| Some((read(out, &file)?, file.to_string_lossy().into_owned())))
        .collect())
}

pub(super) fn execute(args: &[String], out: &mut dyn Write) -> Outcome {
    let args = Arguments::parse(args, &[], &["--today"])?;
    let today = match args.value("--today") {
        Some(date) if dates::looks_like_date(date) => date.to_owned(),
        Some(date) => {
            return Err(format!(
                "--today takes a date written YYYY-MM-DD, not {date}"
            ))
        }
        None => dates::today(),
    };
    let mut files = Vec::new();
    for path in args.paths_or(CONTENT)? {
        files.extend(INPUTS.files(&path)?);
    }
    let (mut errors, mut warnings) = (0, 0);
    let mut codes = ClaimedCodes::default();
    let mut glossaries = Glossaries::default();
    for file in &files {
        let Some(text) = read(out, file) else {
            errors += 1;
            continue;
        };
        let diagnostics = if is_glossary(file) {
            check::glossary(&text, &monographs_beside(out, file)?)
        } else if is_markdown(file) {
            let Some(glossary) = glossaries.beside(out, file) else {
                errors += 1;
                continue;
            };
            check::markdown_with_glossary(&text, &file.to_string_lossy(), &today, glossary)
        } else if file.with_extension("md").exists() {
            check::json(&text, &today, JsonReports::LeaveToMarkdown)
        } else {
            check::json(&text, &today, JsonReports::Give)
        };
        let count = |severity| {
            diagnostics
                .iter()
                .filter(|d| d.severity == severity)
                .count()
        };
        errors += count(Severity::Error);
        warnings += count(Severity::Warning);
        print(out, file, &diagnostics);
        for conflict in claim_codes(&mut codes, file, &text) {
            errors += 1;
            let _ = writeln!(out, "{conflict}");
        }
    }
    let _ = writeln!(
        out,
        "checked {} files: {errors} errors, {warnings} warnings",
        files.len()
    );
    Ok(errors == 0)
}

/// Records the codes of the monograph in `file`, if it is one; the error
/// lines of codes another monograph claimed first.
fn claim_codes(codes: &mut ClaimedCodes, file: &Path, text: &str) -> Vec<String> {
    if is_markdown(file) {
        let conversion = convert(text, &file.to_string_lossy());
        match &conversion.monograph {
            Some(monograph) => codes.add(file, monograph, |path| conversion.place(path)),
            None => Vec::new(),
        }
    } else {
        let lines = LineIndex::new(text);
        match json_file::check(text) {
            Ok(monograph) => codes.add(file, &monograph, |path| {
                lines.position(json_file::locate(text, path))
            }),
            Err(_) => Vec::new(),
        }
    }
}
