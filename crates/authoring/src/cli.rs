//! The `monograph` command. It lives in the library so that its behaviour
//! is one function, [`run`]; `src/bin/monograph.rs` only calls it.
//!
//! Exit status: 0 when all is well (warnings allowed), 1 when a file has a
//! problem or a generated file is out of date, 2 when the command line is
//! wrong (an unknown command or option, a path that does not exist).

use super::catalog;
use super::diagnostic::{Diagnostic, LineIndex, Severity};
use super::{check, convert, dates, json_file};
use monograph_model as model;
use monograph_model::CatalogEntry;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const USAGE: &str = "\
monograph: the content pipeline from the editors' Markdown to the widget's JSON

Usage:
  monograph convert [--check] [--out-dir DIR] [PATH...]
      Converts Markdown monographs (files, or every .md in a directory) to
      JSON next to them (or in DIR). With --check, writes nothing and fails
      if a JSON file is missing or differs from what convert makes of its
      Markdown, or (for a directory) if a JSON file has no Markdown source.
  monograph check [--today YYYY-MM-DD] [PATH...]
      Checks Markdown and JSON monographs (files, or every .md and .json in
      a directory) and lists every problem as file:line:column: message.
      Also warns when a review is overdue and reports each section's
      reading grade.
  monograph index [--check] [DIR]
      Writes DIR/index.json, the catalog of the JSON monographs in DIR.
  monograph schema [--check] [FILE]
      Writes the JSON Schema of the monograph format to FILE.

PATH and DIR default to content/, FILE to content/monograph.schema.json.
Exit status: 0 fine (warnings allowed), 1 problems found, 2 bad command line.
See docs/editors.md.
";

/// The default content directory.
const CONTENT: &str = "content";
/// The catalog's file name, in the content directory.
pub const INDEX: &str = "index.json";
/// The schema's file name, in the content directory.
pub const SCHEMA: &str = "monograph.schema.json";

/// Runs the command line `args` (without the program name), writing
/// results to `out` and command-line errors to `err`; returns the exit
/// status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("convert") => convert_command(&args[1..], out),
        Some("check") => check_command(&args[1..], out),
        Some("index") => index_command(&args[1..], out),
        Some("schema") => schema_command(&args[1..], out),
        Some("help" | "--help" | "-h") => {
            let _ = out.write_all(USAGE.as_bytes());
            Ok(true)
        }
        Some(other) => Err(format!("unknown command `{other}`")),
        None => Err("no command given".to_owned()),
    };
    match result {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(message) => {
            let _ = writeln!(err, "monograph: {message}\n\n{USAGE}");
            2
        }
    }
}

/// A command's outcome: `Ok(true)` fine, `Ok(false)` problems found (and
/// reported), `Err` a command-line mistake.
type Outcome = Result<bool, String>;

/// Options and paths of one command.
struct Arguments {
    flags: Vec<&'static str>,
    values: Vec<(&'static str, String)>,
    paths: Vec<PathBuf>,
}

impl Arguments {
    /// Reads `args`, allowing the `flags` (no value) and `options` (one value).
    fn parse(
        args: &[String],
        flags: &[&'static str],
        options: &[&'static str],
    ) -> Result<Self, String> {
        let mut parsed = Arguments {
            flags: Vec::new(),
            values: Vec::new(),
            paths: Vec::new(),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if let Some(flag) = flags.iter().find(|f| **f == arg) {
                parsed.flags.push(flag);
            } else if let Some(option) = options.iter().find(|o| **o == arg) {
                let value = args
                    .next()
                    .ok_or_else(|| format!("{option} needs a value"))?;
                parsed.values.push((option, value.clone()));
            } else if arg.starts_with('-') && arg != "-" {
                return Err(format!("unknown option `{arg}`"));
            } else {
                parsed.paths.push(PathBuf::from(arg));
            }
        }
        Ok(parsed)
    }

    fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The paths given, or `default`; each must exist.
    fn paths_or(&self, default: &str) -> Result<Vec<PathBuf>, String> {
        let paths = if self.paths.is_empty() {
            vec![PathBuf::from(default)]
        } else {
            self.paths.clone()
        };
        for path in &paths {
            if !path.exists() {
                return Err(format!("{} does not exist", path.display()));
            }
        }
        Ok(paths)
    }
}

fn extension_is(path: &Path, extension: &str) -> bool {
    path.extension().is_some_and(|e| e == extension)
}

/// A JSON file in a content directory that is a monograph: not the
/// catalog, not a schema.
pub fn is_monograph_json(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    extension_is(path, "json") && name != INDEX && !name.ends_with(".schema.json")
}

/// The files directly in `dir` that `keep` accepts, sorted by name.
fn files_in(dir: &Path, keep: impl Fn(&Path) -> bool) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && keep(path))
        .collect();
    files.sort();
    Ok(files)
}

/// Writes `file:line:column: severity: message` lines.
fn print(out: &mut dyn Write, file: &Path, diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        let _ = writeln!(out, "{}:{diagnostic}", file.display());
    }
}

/// A problem with a whole file, reported at its start.
fn file_problem(out: &mut dyn Write, file: &Path, message: &str) {
    let _ = writeln!(out, "{}:1:1: error: {message}", file.display());
}

fn read(out: &mut dyn Write, file: &Path) -> Option<String> {
    match fs::read_to_string(file) {
        Ok(text) => Some(text),
        Err(error) => {
            file_problem(out, file, &format!("cannot be read: {error}"));
            None
        }
    }
}

/// The line of the first difference between two texts.
fn first_difference(a: &str, b: &str) -> usize {
    a.lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| a.lines().count().min(b.lines().count()))
        + 1
}

fn convert_command(args: &[String], out: &mut dyn Write) -> Outcome {
    let args = Arguments::parse(args, &["--check"], &["--out-dir"])?;
    let checking = args.flag("--check");
    let out_dir = args.value("--out-dir").map(PathBuf::from);
    if let Some(dir) = &out_dir {
        if !dir.is_dir() {
            return Err(format!("{} is not a directory", dir.display()));
        }
    }
    let mut ok = true;
    let mut sources = Vec::new();
    for path in args.paths_or(CONTENT)? {
        if path.is_dir() {
            let markdown = files_in(&path, |p| extension_is(p, "md"))?;
            if checking {
                // JSON in a content directory is generated: each file needs
                // its Markdown source.
                let json_dir = out_dir.clone().unwrap_or_else(|| path.clone());
                for json in files_in(&json_dir, is_monograph_json)? {
                    let stem = json.file_stem().unwrap_or_default();
                    let source = path.join(stem).with_extension("md");
                    if !source.exists() {
                        ok = false;
                        file_problem(
                            out,
                            &json,
                            &format!(
                                "has no Markdown source ({}): JSON in this directory is \
                                 generated from Markdown. Add the source, or remove the file",
                                source.display()
                            ),
                        );
                    }
                }
            }
            sources.extend(markdown);
        } else if extension_is(&path, "md") {
            sources.push(path);
        } else {
            return Err(format!(
                "{} is not a Markdown (.md) file or a directory",
                path.display()
            ));
        }
    }
    let (mut written, mut current) = (0, 0);
    for source in &sources {
        let Some(text) = read(out, source) else {
            ok = false;
            continue;
        };
        let conversion = convert(&text, &source.to_string_lossy());
        print(out, source, &conversion.diagnostics);
        let Some(monograph) = conversion.monograph else {
            ok = false;
            continue;
        };
        let json = model::to_json(&monograph);
        let target = out_dir
            .clone()
            .unwrap_or_else(|| source.parent().unwrap_or(Path::new("")).to_path_buf())
            .join(source.file_stem().unwrap_or_default())
            .with_extension("json");
        let existing = fs::read_to_string(&target).ok();
        if existing.as_deref() == Some(json.as_str()) {
            current += 1;
            continue;
        }
        if checking {
            ok = false;
            let how = format!(
                "JSON here is generated: edit {} if needed, then run `monograph convert {}`",
                source.display(),
                source.display()
            );
            match existing {
                None => file_problem(
                    out,
                    &target,
                    &format!("is missing: it is made from {}. {how}", source.display()),
                ),
                Some(existing) => {
                    let _ = writeln!(
                        out,
                        "{}:{}:1: error: is out of date: it differs from what `monograph \
                         convert` makes of {} (first difference on this line). {how}",
                        target.display(),
                        first_difference(&existing, &json),
                        source.display()
                    );
                }
            }
        } else {
            match fs::write(&target, &json) {
                Ok(()) => {
                    written += 1;
                    let _ = writeln!(out, "wrote {}", target.display());
                }
                Err(error) => {
                    ok = false;
                    file_problem(out, &target, &format!("cannot be written: {error}"));
                }
            }
        }
    }
    let summary = if checking {
        format!("{current} of {} JSON files up to date", sources.len())
    } else {
        format!(
            "converted {} Markdown files: {written} written, {current} already up to date",
            sources.len()
        )
    };
    let _ = writeln!(out, "{summary}");
    Ok(ok)
}

fn check_command(args: &[String], out: &mut dyn Write) -> Outcome {
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
        if path.is_dir() {
            files.extend(files_in(&path, |p| {
                extension_is(p, "md") || is_monograph_json(p)
            })?);
        } else if extension_is(&path, "md") || extension_is(&path, "json") {
            files.push(path);
        } else {
            return Err(format!(
                "{} is not a Markdown (.md) or JSON (.json) file or a directory",
                path.display()
            ));
        }
    }
    let (mut errors, mut warnings) = (0, 0);
    for file in &files {
        let Some(text) = read(out, file) else {
            errors += 1;
            continue;
        };
        let diagnostics = if extension_is(file, "md") {
            check::markdown(&text, &file.to_string_lossy(), &today)
        } else {
            // A JSON file made from Markdown: the Markdown gets the reports.
            let from_markdown = file.with_extension("md").exists();
            check::json(&text, &today, !from_markdown)
        };
        errors += diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        warnings += diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        print(out, file, &diagnostics);
    }
    let _ = writeln!(
        out,
        "checked {} files: {errors} errors, {warnings} warnings",
        files.len()
    );
    Ok(errors == 0)
}

fn index_command(args: &[String], out: &mut dyn Write) -> Outcome {
    let args = Arguments::parse(args, &["--check"], &[])?;
    let dirs = args.paths_or(CONTENT)?;
    let [dir] = dirs.as_slice() else {
        return Err("index takes one directory".to_owned());
    };
    if !dir.is_dir() {
        return Err(format!("{} is not a directory", dir.display()));
    }
    let mut ok = true;
    let mut entries: Vec<(CatalogEntry, PathBuf)> = Vec::new();
    for file in files_in(dir, is_monograph_json)? {
        let Some(text) = read(out, &file) else {
            ok = false;
            continue;
        };
        match json_file::check(&text) {
            Err(problems) => {
                ok = false;
                print(out, &file, &problems);
            }
            Ok(monograph) => {
                let name = file.file_name().unwrap_or_default().to_string_lossy();
                let entry = CatalogEntry::new(&monograph, &name);
                if let Some((_, other)) = entries
                    .iter()
                    .find(|(e, _)| e.id == entry.id && e.language == entry.language)
                {
                    ok = false;
                    let line = json_file::locate(&text, "id");
                    let (line, column) = LineIndex::new(&text).position(line);
                    let _ = writeln!(
                        out,
                        "{}:{line}:{column}: error: the id \"{}\" (language {}) is also the id \
                         of {}: each monograph needs its own id",
                        file.display(),
                        entry.id,
                        entry.language,
                        other.display()
                    );
                    continue;
                }
                entries.push((entry, file));
            }
        }
    }
    if !ok {
        let _ = writeln!(
            out,
            "{} not written: fix the problems above",
            dir.join(INDEX).display()
        );
        return Ok(false);
    }
    let entries: Vec<CatalogEntry> = entries.into_iter().map(|(e, _)| e).collect();
    let index = catalog::to_json(&entries);
    generated(
        out,
        &dir.join(INDEX),
        &index,
        args.flag("--check"),
        "monograph index",
    )
}

fn schema_command(args: &[String], out: &mut dyn Write) -> Outcome {
    let args = Arguments::parse(args, &["--check"], &[])?;
    let path = match args.paths.as_slice() {
        [] => Path::new(CONTENT).join(SCHEMA),
        [path] => path.clone(),
        _ => return Err("schema takes one file".to_owned()),
    };
    generated(
        out,
        &path,
        &model::json_schema(),
        args.flag("--check"),
        "monograph schema",
    )
}

/// Writes a generated file, or with `checking` fails if it differs.
fn generated(
    out: &mut dyn Write,
    path: &Path,
    text: &str,
    checking: bool,
    command: &str,
) -> Outcome {
    let existing = fs::read_to_string(path).ok();
    if existing.as_deref() == Some(text) {
        let _ = writeln!(out, "{} is up to date", path.display());
        return Ok(true);
    }
    if checking {
        let line = existing.map_or(1, |e| first_difference(&e, text));
        let _ = writeln!(
            out,
            "{}:{line}:1: error: is out of date (or missing): it is generated; run `{command}` \
             to write it",
            path.display()
        );
        return Ok(false);
    }
    match fs::write(path, text) {
        Ok(()) => {
            let _ = writeln!(out, "wrote {}", path.display());
            Ok(true)
        }
        Err(error) => {
            file_problem(out, path, &format!("cannot be written: {error}"));
            Ok(false)
        }
    }
}
