//! `content/index.json`: the catalog of monographs, for integrators who
//! list or look up monographs without reading every file.

use monograph_model::{CatalogEntry, CATALOG_VERSION};
use serde::Serialize;

#[derive(Serialize)]
struct Catalog<'a> {
    catalog_version: u32,
    monographs: &'a [CatalogEntry],
}

/// The catalog as JSON (two-space indentation, final newline), entries
/// sorted by id, then language, then file.
pub fn to_json(entries: &[CatalogEntry]) -> String {
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
