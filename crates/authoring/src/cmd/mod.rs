//! The `monograph` command. It lives in the library so that its behaviour
//! is one function, [`run`]; `src/bin/monograph.rs` only calls it. Each
//! subcommand is a module with its options and an `execute` that wires
//! the library's work to the files and the output.
//!
//! Exit status: 0 when all is well (warnings allowed), 1 when a file has a
//! problem or a generated file is out of date, 2 when the command line is
//! wrong (an unknown command or option, a path that does not exist).

mod args;
mod check;
mod convert;
mod files;
mod generated;
mod index;
mod output;
mod schema;
mod site;

pub use files::{is_monograph_json, INDEX, SCHEMA};
use std::io::Write;

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
  monograph site --out DIR [--site-url URL] [--template FILE] [DIR]
      Pre-renders the site from the catalog in DIR: the catalog page, one
      page per monograph (medicines/ID/), the embed snippets (snippets/),
      the kiosk page, sitemap.xml and robots.txt. URL is the site's public
      address (default http://127.0.0.1:8080/), FILE the page template
      (default index.html).

PATH and DIR default to content/, FILE to content/monograph.schema.json.
Exit status: 0 fine (warnings allowed), 1 problems found, 2 bad command line.
See docs/editors.md.
";

/// A command's outcome: `Ok(true)` fine, `Ok(false)` problems found (and
/// reported), `Err` a command-line mistake.
type Outcome = Result<bool, String>;

/// Runs the command line `args` (without the program name), writing
/// results to `out` and command-line errors to `err`; returns the exit
/// status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("convert") => convert::execute(&args[1..], out),
        Some("check") => check::execute(&args[1..], out),
        Some("index") => index::execute(&args[1..], out),
        Some("schema") => schema::execute(&args[1..], out),
        Some("site") => site::execute(&args[1..], out),
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
