//! Matching what a patient types against drug names: case and accents do
//! not matter, so "rituximab", "RITUXIMAB" and "rituxímab" all match.

/// Lowercases and removes accents from Latin letters.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        // Accents typed or pasted as separate combining marks.
        if ('\u{0300}'..='\u{036f}').contains(&c) {
            continue;
        }
        match unaccented(c) {
            Some(plain) => folded.push_str(plain),
            None => folded.push(c),
        }
    }
    folded
}

/// Whether any of `names` contains the query, after folding both.
/// An empty query matches everything.
pub fn matches<'a>(query: &str, names: impl IntoIterator<Item = &'a str>) -> bool {
    let query = fold(query.trim());
    query.is_empty() || names.into_iter().any(|name| fold(name).contains(&query))
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
    }

    #[test]
    fn matches_any_name_ignoring_case_and_accents() {
        let names = ["Examplomab (fictional test drug)", "Testovír"];
        assert!(matches("EXAMPLO", names));
        assert!(matches("testovir", names));
        assert!(matches("  ", names));
        assert!(!matches("lenalidomide", names));
    }
}
