//! `monograph schema [--check] [FILE]`: the JSON Schema of the monograph
//! format.

use super::args::Arguments;
use super::files::{CONTENT, SCHEMA};
use super::generated;
use super::Outcome;
use monograph_model as model;
use std::io::Write;
use std::path::Path;

pub(super) fn execute(args: &[String], out: &mut dyn Write) -> Outcome {
    let args = Arguments::parse(args, &["--check"], &[])?;
    let path = match args.paths.as_slice() {
        [] => Path::new(CONTENT).join(SCHEMA),
        [path] => path.clone(),
        _ => return Err("schema takes one file".to_owned()),
    };
    generated::write_or_check(
        out,
        &path,
        &model::json_schema(),
        args.mode(),
        "monograph schema",
    )
}
