//! `monograph index [--check] [DIR]`: the catalog of the JSON monographs
//! in a directory, `DIR/index.json`.

use super::args::Arguments;
use super::files::{files_in, is_monograph_json, read, CONTENT, INDEX};
use super::generated;
use super::output::print;
use super::Outcome;
use crate::catalog;
use crate::claims::ClaimedCodes;
use crate::diagnostic::LineIndex;
use crate::json_file;
use monograph_model::{CatalogEntry, CodeIndex};
use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) fn execute(args: &[String], out: &mut dyn Write) -> Outcome {
    let args = Arguments::parse(args, &["--check"], &[])?;
    let dirs = args.paths_or(CONTENT)?;
    let [dir] = dirs.as_slice() else {
        return Err("index takes one directory".to_owned());
    };
    if !dir.is_dir() {
        return Err(format!("{} is not a directory", dir.display()));
    }
    let Some((entries, codes)) = entries(out, dir)? else {
        let _ = writeln!(
            out,
            "{} not written: fix the problems above",
            dir.join(INDEX).display()
        );
        return Ok(false);
    };
    generated::write_or_check(
        out,
        &dir.join(INDEX),
        &catalog::to_json(&entries, &codes),
        args.mode(),
        "monograph index",
    )
}

/// The catalog entry of each monograph in `dir` and the code index, or
/// `None` when a file is invalid, two share an id and language, or two
/// claim the same code (each reported).
fn entries(
    out: &mut dyn Write,
    dir: &Path,
) -> Result<Option<(Vec<CatalogEntry>, CodeIndex)>, String> {
    let mut ok = true;
    let mut entries: Vec<(CatalogEntry, PathBuf)> = Vec::new();
    let mut codes = ClaimedCodes::default();
    for file in files_in(dir, is_monograph_json)? {
        let Some(text) = read(out, &file) else {
            ok = false;
            continue;
        };
        let monograph = match json_file::check(&text) {
            Ok(monograph) => monograph,
            Err(problems) => {
                ok = false;
                print(out, &file, &problems);
                continue;
            }
        };
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let entry = CatalogEntry::new(&monograph, &name);
        if let Some((_, other)) = entries
            .iter()
            .find(|(e, _)| e.id == entry.id && e.language == entry.language)
        {
            ok = false;
            let (line, column) = LineIndex::new(&text).position(json_file::locate(&text, "id"));
            let _ = writeln!(
                out,
                "{}:{line}:{column}: error: the id \"{}\" (language {}) is also the id of {}: \
                 each monograph needs its own id",
                file.display(),
                entry.id,
                entry.language,
                other.display()
            );
            continue;
        }
        let lines = LineIndex::new(&text);
        let place = |path: &str| lines.position(json_file::locate(&text, path));
        for conflict in codes.add(&file, &monograph, place) {
            ok = false;
            let _ = writeln!(out, "{conflict}");
        }
        entries.push((entry, file));
    }
    let entries = entries.into_iter().map(|(entry, _)| entry).collect();
    Ok(ok.then(|| (entries, codes.into_index())))
}
