//! What the commands print about files: `file:line:column: severity:
//! message` lines, as editors' tools and CI read them.

use crate::diagnostic::Diagnostic;
use std::io::Write;
use std::path::Path;

/// Writes `file:line:column: severity: message` lines.
pub(super) fn print(out: &mut dyn Write, file: &Path, diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        let _ = writeln!(out, "{}:{diagnostic}", file.display());
    }
}

/// A problem with a whole file, reported at its start.
pub(super) fn file_problem(out: &mut dyn Write, file: &Path, message: &str) {
    let _ = writeln!(out, "{}:1:1: error: {message}", file.display());
}

/// The line of the first difference between two texts.
pub(super) fn first_difference(a: &str, b: &str) -> usize {
    a.lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| a.lines().count().min(b.lines().count()))
        + 1
}
