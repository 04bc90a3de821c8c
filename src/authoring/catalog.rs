//! `content/index.json`: the catalog of monographs, for integrators who
//! list or look up monographs without reading every file.

use crate::model::{Codes, Monograph};
use serde::Serialize;

/// The catalog's own format version.
pub const CATALOG_VERSION: u32 = 1;

/// One monograph in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: String,
    pub title: String,
    pub generic_name: String,
    pub brand_names: Vec<String>,
    pub language: String,
    pub codes: Codes,
    pub last_reviewed: Option<String>,
    /// The monograph's JSON file, relative to the catalog.
    pub file: String,
}

impl Entry {
    pub fn new(monograph: &Monograph, file: &str) -> Entry {
        Entry {
            id: monograph.id.clone(),
            title: monograph.title.clone(),
            generic_name: monograph.generic_name.clone(),
            brand_names: monograph.brand_names.clone(),
            language: monograph.language.clone(),
            codes: monograph.codes.clone(),
            last_reviewed: monograph.last_reviewed.clone(),
            file: file.to_owned(),
        }
    }
}

#[derive(Serialize)]
struct Catalog<'a> {
    catalog_version: u32,
    monographs: &'a [Entry],
}

/// The catalog as JSON (two-space indentation, final newline), entries
/// sorted by id, then language, then file.
pub fn to_json(entries: &[Entry]) -> String {
    let mut entries = entries.to_vec();
    entries.sort_by(|a, b| (&a.id, &a.language, &a.file).cmp(&(&b.id, &b.language, &b.file)));
    let catalog = Catalog {
        catalog_version: CATALOG_VERSION,
        monographs: &entries,
    };
    let mut text = serde_json::to_string_pretty(&catalog).expect("a catalog is JSON");
    text.push('\n');
    text
}
