//! The content pipeline (native only): editors write monographs in
//! Markdown (`content/*.md`, layout in `docs/editors.md`); these tools turn
//! them into the JSON the widget and integrators read, and check both.
//!
//! - [`convert()`] turns Markdown into a
//!   [`Monograph`](monograph_model::Monograph), with every problem at its line
//!   and column.
//! - [`glossary`] reads the glossary editors write and marks its terms in
//!   the clinical text.
//! - [`check`] gives what `monograph check` reports for a file, including
//!   the review reminder and each section's reading grade ([`readability`]).
//! - [`json_file`] runs a JSON file through the model's validator, with
//!   positions.
//! - [`catalog`] writes `content/index.json`, with the code index that
//!   [`claims`] builds.
//! - [`cmd`] is the `monograph` command itself, one module per subcommand.

pub mod catalog;
pub mod check;
pub mod claims;
pub mod cmd;
mod convert;
pub mod dates;
pub mod diagnostic;
mod duplicate_keys;
mod front_matter;
pub mod glossary;
pub mod json_file;
mod markdown;
pub mod readability;
pub mod site;

pub use convert::{convert, convert_with_glossary, Conversion, Heading};
pub use diagnostic::{Diagnostic, Kind, Severity};
pub use front_matter::KEYS as FRONT_MATTER_KEYS;
