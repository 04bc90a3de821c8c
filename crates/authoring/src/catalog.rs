//! `content/index.json`: the catalog of monographs, for integrators who
//! list or look up monographs without reading every file, and the code
//! index that leads from each drug code to its monograph.

use monograph_model::{CatalogEntry, CodeIndex, CATALOG_VERSION};
use serde::Serialize;

#[derive(Serialize)]
struct Catalog<'a> {
    catalog_version: u32,
    monographs: &'a [CatalogEntry],
    codes: &'a CodeIndex,
}

/// The catalog as JSON (two-space indentation, final newline), entries
/// sorted by id, then language, then file; codes in order.
pub fn to_json(entries: &[CatalogEntry], codes: &CodeIndex) -> String {
    let mut entries = entries.to_vec();
    entries.sort_by(|a, b| (&a.id, &a.language, &a.file).cmp(&(&b.id, &b.language, &b.file)));
    let catalog = Catalog {
        catalog_version: CATALOG_VERSION,
        monographs: &entries,
        codes,
    };
    let mut text = serde_json::to_string_pretty(&catalog).expect("a catalog is JSON");
    text.push('\n');
    text
}
