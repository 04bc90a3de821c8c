//! Matching what a patient types against drug names: case and accents do
//! not matter, so "rituximab", "RITUXIMAB" and "rituxímab" all match.
//! The names are folded once per catalog, so a keystroke folds only the
//! query and scans the folded names. They are folded when first searched,
//! or after the catalog is painted (see [`SearchIndex::prepare`]): an
//! empty search lists every entry without them, so a catalog of thousands
//! shows sooner.

use crate::model::{Catalog, CatalogEntry};
use std::cell::OnceCell;
use std::rc::Rc;

/// Between two folded names of an entry: a character no query holds
/// (the search box is one line), so no match spans two names.
const NAME_SEPARATOR: char = '\n';

/// A catalog with the names of each entry folded for search.
pub struct SearchIndex {
    catalog: Rc<Catalog>,
    /// Per entry, in catalog order: its names folded and joined by
    /// [`NAME_SEPARATOR`].
    folded: OnceCell<Vec<String>>,
}

impl SearchIndex {
    pub fn new(catalog: Rc<Catalog>) -> SearchIndex {
        SearchIndex {
            catalog,
            folded: OnceCell::new(),
        }
    }

    /// The index of `catalog`: the one in `cache` if it indexes that very
    /// catalog, else a new one, which the cache keeps.
    pub fn cached(cache: &mut Option<Rc<SearchIndex>>, catalog: &Rc<Catalog>) -> Rc<SearchIndex> {
        match cache {
            Some(index) if Rc::ptr_eq(&index.catalog, catalog) => index.clone(),
            _ => cache
                .insert(Rc::new(SearchIndex::new(catalog.clone())))
                .clone(),
        }
    }

    pub fn catalog(&self) -> &Rc<Catalog> {
        &self.catalog
    }

    /// Folds the names now, if no search has yet, so that the first
    /// keystroke finds them folded.
    pub fn prepare(&self) {
        self.folded();
    }

    fn folded(&self) -> &[String] {
        self.folded.get_or_init(|| {
            self.catalog
                .entries
                .iter()
                .map(|entry| {
                    let length = names_of(entry).map(|name| name.len() + 1).sum();
                    let mut names = String::with_capacity(length);
                    for name in names_of(entry) {
                        if !names.is_empty() {
                            names.push(NAME_SEPARATOR);
                        }
                        fold_into(name, &mut names);
                    }
                    names
                })
                .collect()
        })
    }

    /// The positions in the catalog of the entries one of whose names
    /// contains `query`, in catalog order. An empty query matches every
    /// entry.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let query = fold(query.trim());
        if query.is_empty() {
            return (0..self.catalog.entries.len()).collect();
        }
        self.folded()
            .iter()
            .enumerate()
            .filter(|(_, names)| names.contains(query.as_str()))
            .map(|(position, _)| position)
            .collect()
    }
}

/// Two indexes are the same when they index the same catalog: comparing
/// thousands of entries on every render would cost what the index saves.
impl PartialEq for SearchIndex {
    fn eq(&self, other: &SearchIndex) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
    }
}

/// The names a patient may search by: the title, the generic name and
/// every brand name.
fn names_of(entry: &CatalogEntry) -> impl Iterator<Item = &str> {
    [entry.title.as_str(), entry.generic_name.as_str()]
        .into_iter()
        .chain(entry.brand_names.iter().map(String::as_str))
}

/// Lowercases and removes accents from Latin letters.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

/// Appends `text` to `folded`, lowercased and without accents.
fn fold_into(text: &str, folded: &mut String) {
    // Most names are plain ASCII: copied whole, then lowercased in place.
    if text.is_ascii() {
        let start = folded.len();
        folded.push_str(text);
        folded[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        // The plain letters of a name with accents: no table to look up.
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
            continue;
        }
        for c in c.to_lowercase() {
            // Accents typed or pasted as separate combining marks.
            if ('\u{0300}'..='\u{036f}').contains(&c) {
                continue;
            }
            match unaccented(c) {
                Some(plain) => folded.push_str(plain),
                None => folded.push(c),
            }
        }
    }
}

/// The base letters of accented lowercase Latin letters (Latin-1 and
/// Latin Extended-A), which cover the languages pharmacies publish in.
fn unaccented(c: char) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("àáâãäåāăą", "a"),
        ("æ", "ae"),
        ("çćĉċč", "c"),
        ("ďđ", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("œ", "oe"),
        ("ŕŗř", "r"),
        ("śŝşš", "s"),
        ("ß", "ss"),
        ("ţťŧ", "t"),
        ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
    ];
    TABLE
        .iter()
        .find(|(accented, _)| accented.contains(c))
        .map(|(_, plain)| *plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Léna-LIDÓMIDE Ñ"), "lena-lidomide n");
        assert_eq!(fold("Straße Œuvre"), "strasse oeuvre");
        assert_eq!(fold("De\u{0301}moquil"), "demoquil");
        assert_eq!(fold("ÀÉÎÕÜ"), "aeiou");
        assert_eq!(fold("EXAMPLOMAB 10 mg"), "examplomab 10 mg");
    }

    fn entry(title: &str, generic_name: &str, brand_names: &[&str]) -> CatalogEntry {
        CatalogEntry {
            id: fold(title).replace(|c: char| !c.is_ascii_alphanumeric(), "-"),
            title: title.into(),
            generic_name: generic_name.into(),
            brand_names: brand_names.iter().map(|&name| name.into()).collect(),
            language: "en".into(),
            file: "made-up.json".into(),
            codes: Default::default(),
            last_reviewed: None,
        }
    }

    /// Made-up medicines, none of them real.
    fn index() -> SearchIndex {
        SearchIndex::new(Rc::new(Catalog {
            entries: vec![
                entry(
                    "Examplomab (fictional test drug)",
                    "examplomab",
                    &["Testovír"],
                ),
                entry(
                    "Lenalidomida Ficticia (fictional test drug)",
                    "lenalidomida ficticia",
                    &[],
                ),
                entry(
                    "Démoquil (fictional test drug)",
                    "mockazole nitrate",
                    &["ÑANDÚMAX"],
                ),
                entry("Placebon (fictional test drug)", "placebon", &["Placébra"]),
            ],
            codes: Default::default(),
        }))
    }

    #[test]
    fn searches_every_name_ignoring_case_and_accents() {
        let index = index();
        assert_eq!(index.search("EXAMPLO"), [0]);
        assert_eq!(
            index.search("testovir"),
            [0],
            "a brand name, accent dropped"
        );
        assert_eq!(index.search("LENALIDOMIDA"), [1]);
        assert_eq!(index.search("lenalidómida"), [1], "an accent typed");
        assert_eq!(
            index.search("Le\u{0301}na"),
            [1],
            "a combining accent typed"
        );
        assert_eq!(index.search("demoquil"), [2], "an accent in the title");
        assert_eq!(index.search("nandumax"), [2], "an accented capital brand");
        assert_eq!(
            index.search("NITRATE"),
            [2],
            "a generic name not in the title"
        );
        assert_eq!(index.search("placebra"), [3]);
        assert_eq!(index.search("PLA"), [3]);
        assert_eq!(index.search("fictional test drug"), [0, 1, 2, 3]);
        assert_eq!(index.search("lenalidomide"), [] as [usize; 0]);
    }

    #[test]
    fn an_empty_query_matches_every_entry_in_order() {
        assert_eq!(index().search(""), [0, 1, 2, 3]);
        assert_eq!(index().search("   "), [0, 1, 2, 3]);
    }

    #[test]
    fn no_match_spans_two_names() {
        // "…drug)" then "examplomab": the end of one name and the start
        // of the next are not one word.
        assert_eq!(index().search("drug)examplomab"), [] as [usize; 0]);
        assert_eq!(index().search("drug) examplomab"), [] as [usize; 0]);
    }

    #[test]
    fn indexes_the_same_catalog_equal_and_another_not() {
        let index = index();
        let again = SearchIndex::new(index.catalog().clone());
        assert!(index == again);
        let copy = SearchIndex::new(Rc::new(Catalog::clone(index.catalog())));
        assert!(index != copy);
    }

    #[test]
    fn the_cache_keeps_the_index_of_the_same_catalog() {
        let catalog = index().catalog().clone();
        let mut cache = None;
        let first = SearchIndex::cached(&mut cache, &catalog);
        assert!(Rc::ptr_eq(
            &first,
            &SearchIndex::cached(&mut cache, &catalog)
        ));
        let other = Rc::new(Catalog::clone(&catalog));
        let second = SearchIndex::cached(&mut cache, &other);
        assert!(Rc::ptr_eq(second.catalog(), &other));
        assert!(Rc::ptr_eq(
            &second,
            &SearchIndex::cached(&mut cache, &other)
        ));
    }
}
