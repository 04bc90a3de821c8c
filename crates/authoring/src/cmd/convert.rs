//! `monograph convert [--check] [--out-dir DIR] [PATH...]`: the editors'
//! Markdown to JSON; with `--check`, whether the JSON is up to date.

use super::args::{Arguments, Mode};
use super::files::{
    self, files_in, is_monograph_json, is_monograph_markdown, read, Glossaries, Inputs, CONTENT,
};
use super::output::{file_problem, first_difference, print};
use super::Outcome;
use crate::convert_with_glossary;
use monograph_model as model;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Markdown monographs, named or in a directory; the glossary beside them
/// is read for them, not converted.
const INPUTS: Inputs = Inputs {
    in_dir: is_monograph_markdown,
    named: is_monograph_markdown,
    what: "a Markdown (.md) monograph",
};

/// What became of one Markdown file's JSON.
#[derive(PartialEq, Eq)]
enum Converted {
    Written,
    UpToDate,
    /// Not converted, not written, or (with `--check`) out of date; the
    /// problem is reported.
    Failed,
}

pub(super) fn execute(args: &[String], out: &mut dyn Write) -> Outcome {
    let args = Arguments::parse(args, &["--check"], &["--out-dir"])?;
    let mode = args.mode();
    let out_dir = args.value("--out-dir").map(PathBuf::from);
    if let Some(dir) = &out_dir {
        if !dir.is_dir() {
            return Err(format!("{} is not a directory", dir.display()));
        }
    }
    let mut ok = true;
    let mut sources = Vec::new();
    for path in args.paths_or(CONTENT)? {
        let markdown = INPUTS.files(&path)?;
        if mode == Mode::Check && path.is_dir() {
            let json_dir = out_dir.as_deref().unwrap_or(&path);
            ok &= each_has_source(out, json_dir, &path)?;
        }
        sources.extend(markdown);
    }
    let mut glossaries = Glossaries::default();
    let converted: Vec<Converted> = sources
        .iter()
        .map(|source| convert_file(out, source, out_dir.as_deref(), mode, &mut glossaries))
        .collect();
    let count = |wanted: Converted| converted.iter().filter(|c| **c == wanted).count();
    let (written, current) = (count(Converted::Written), count(Converted::UpToDate));
    let summary = match mode {
        Mode::Check => format!("{current} of {} JSON files up to date", sources.len()),
        Mode::Write => format!(
            "converted {} Markdown files: {written} written, {current} already up to date",
            sources.len()
        ),
    };
    let _ = writeln!(out, "{summary}");
    Ok(ok && count(Converted::Failed) == 0)
}

/// JSON in a content directory is generated: reports each monograph JSON
/// file in `json_dir` without its Markdown source in `markdown_dir`; true
/// when there is none.
fn each_has_source(
    out: &mut dyn Write,
    json_dir: &Path,
    markdown_dir: &Path,
) -> Result<bool, String> {
    let mut ok = true;
    for json in files_in(json_dir, is_monograph_json)? {
        let stem = json.file_stem().unwrap_or_default();
        let source = markdown_dir.join(stem).with_extension("md");
        if !source.exists() {
            ok = false;
            file_problem(
                out,
                &json,
                &format!(
                    "has no Markdown source ({}): JSON in this directory is generated from \
                     Markdown. Add the source, or remove the file",
                    source.display()
                ),
            );
        }
    }
    Ok(ok)
}

/// Converts `source` to JSON beside it (or in `out_dir`); with
/// [`Mode::Check`], only compares.
fn convert_file(
    out: &mut dyn Write,
    source: &Path,
    out_dir: Option<&Path>,
    mode: Mode,
    glossaries: &mut Glossaries,
) -> Converted {
    let Some(text) = read(out, source) else {
        return Converted::Failed;
    };
    let Some(glossary) = glossaries.beside(out, source) else {
        return Converted::Failed;
    };
    let conversion = convert_with_glossary(&text, &source.to_string_lossy(), glossary);
    print(out, source, &conversion.diagnostics);
    let Some(monograph) = conversion.monograph else {
        return Converted::Failed;
    };
    let json = model::to_json(&monograph);
    let target = out_dir
        .unwrap_or_else(|| source.parent().unwrap_or(Path::new("")))
        .join(source.file_stem().unwrap_or_default())
        .with_extension("json");
    let existing = fs::read_to_string(&target).ok();
    if existing.as_deref() == Some(json.as_str()) {
        return Converted::UpToDate;
    }
    match mode {
        Mode::Check => {
            report_stale(out, source, &target, existing.as_deref(), &json);
            Converted::Failed
        }
        Mode::Write if files::write(out, &target, &json) => Converted::Written,
        Mode::Write => Converted::Failed,
    }
}

/// Reports that `target` is missing or differs from `json`, what
/// `source` converts to.
fn report_stale(
    out: &mut dyn Write,
    source: &Path,
    target: &Path,
    existing: Option<&str>,
    json: &str,
) {
    let how = format!(
        "JSON here is generated: edit {} if needed, then run `monograph convert {}`",
        source.display(),
        source.display()
    );
    match existing {
        None => file_problem(
            out,
            target,
            &format!("is missing: it is made from {}. {how}", source.display()),
        ),
        Some(existing) => {
            let _ = writeln!(
                out,
                "{}:{}:1: error: is out of date: it differs from what `monograph convert` \
                 makes of {} (first difference on this line). {how}",
                target.display(),
                first_difference(existing, json),
                source.display()
            );
        }
    }
}
