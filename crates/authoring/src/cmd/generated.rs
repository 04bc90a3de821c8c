//! Files a command generates whole (the catalog, the schema): written, or
//! with `--check` compared with what would be written.

use super::args::Mode;
use super::output::first_difference;
use super::{files, Outcome};
use std::fs;
use std::io::Write;
use std::path::Path;

/// Writes `text` to `path`, or in [`Mode::Check`] fails if the file
/// differs; `command` is the command that writes it.
pub(super) fn write_or_check(
    out: &mut dyn Write,
    path: &Path,
    text: &str,
    mode: Mode,
    command: &str,
) -> Outcome {
    let existing = fs::read_to_string(path).ok();
    if existing.as_deref() == Some(text) {
        let _ = writeln!(out, "{} is up to date", path.display());
        return Ok(true);
    }
    if mode == Mode::Check {
        let line = existing.map_or(1, |e| first_difference(&e, text));
        let _ = writeln!(
            out,
            "{}:{line}:1: error: is out of date (or missing): it is generated; run `{command}` \
             to write it",
            path.display()
        );
        return Ok(false);
    }
    Ok(files::write(out, path, text))
}
