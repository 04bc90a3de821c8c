//! The files the commands read and write: the content directory's layout,
//! the files a command line names, and reading them.

use super::output::file_problem;
use crate::glossary::{self, Glossary};
use crate::Severity;
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The default content directory.
pub(super) const CONTENT: &str = "content";
/// The catalog's file name, in the content directory.
pub const INDEX: &str = "index.json";
/// The schema's file name, in the content directory.
pub const SCHEMA: &str = "monograph.schema.json";

pub(super) fn extension_is(path: &Path, extension: &str) -> bool {
    path.extension().is_some_and(|e| e == extension)
}

pub(super) fn is_markdown(path: &Path) -> bool {
    extension_is(path, "md")
}

pub(super) fn is_glossary(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == glossary::FILE_NAME)
}

/// A Markdown file that is a monograph: not the glossary.
pub(super) fn is_monograph_markdown(path: &Path) -> bool {
    is_markdown(path) && !is_glossary(path)
}

/// The glossary of each directory, read once.
#[derive(Default)]
pub(super) struct Glossaries(BTreeMap<PathBuf, Option<Glossary>>);

impl Glossaries {
    /// The glossary beside the monograph `source`; an empty one when there
    /// is none. `None`, with the problem reported against `source`, when
    /// the glossary cannot be read or has errors.
    pub fn beside(&mut self, out: &mut dyn Write, source: &Path) -> Option<&Glossary> {
        let dir = source.parent().unwrap_or(Path::new("")).to_path_buf();
        let file = dir.join(glossary::FILE_NAME);
        let glossary = self.0.entry(dir).or_insert_with(|| {
            if !file.exists() {
                return Some(Glossary::default());
            }
            let text = fs::read_to_string(&file).ok()?;
            let (glossary, diagnostics) = glossary::read(&text);
            let ok = diagnostics.iter().all(|d| d.severity != Severity::Error);
            ok.then_some(glossary)
        });
        if glossary.is_none() {
            file_problem(
                out,
                source,
                &format!(
                    "its glossary {} cannot be read or has errors: run `monograph check {}`",
                    file.display(),
                    file.display()
                ),
            );
        }
        glossary.as_ref()
    }
}

/// A JSON file in a content directory that is a monograph: not the
/// catalog, not a schema.
pub fn is_monograph_json(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    extension_is(path, "json") && name != INDEX && !name.ends_with(".schema.json")
}

/// The files directly in `dir` that `keep` accepts, sorted by name.
pub(super) fn files_in(dir: &Path, keep: impl Fn(&Path) -> bool) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && keep(path))
        .collect();
    files.sort();
    Ok(files)
}

/// The kinds of file a command reads, named on the command line or found
/// in a directory.
pub(super) struct Inputs {
    /// The files it reads in a directory.
    pub in_dir: fn(&Path) -> bool,
    /// The files it accepts by name.
    pub named: fn(&Path) -> bool,
    /// The accepted files in words, for the error: "a Markdown (.md) file".
    pub what: &'static str,
}

impl Inputs {
    /// The files `path` stands for: itself, or the files in the directory.
    pub fn files(&self, path: &Path) -> Result<Vec<PathBuf>, String> {
        if path.is_dir() {
            files_in(path, self.in_dir)
        } else if (self.named)(path) {
            Ok(vec![path.to_path_buf()])
        } else {
            Err(format!(
                "{} is not {} or a directory",
                path.display(),
                self.what
            ))
        }
    }
}

/// The text of `file`, or `None` with a problem reported.
pub(super) fn read(out: &mut dyn Write, file: &Path) -> Option<String> {
    match fs::read_to_string(file) {
        Ok(text) => Some(text),
        Err(error) => {
            file_problem(out, file, &format!("cannot be read: {error}"));
            None
        }
    }
}

/// Writes `text` to `file` and says so, or reports why it could not;
/// false when it could not.
pub(super) fn write(out: &mut dyn Write, file: &Path, text: &str) -> bool {
    match fs::write(file, text) {
        Ok(()) => {
            let _ = writeln!(out, "wrote {}", file.display());
            true
        }
        Err(error) => {
            file_problem(out, file, &format!("cannot be written: {error}"));
            false
        }
    }
}
