//! Which way a language's text runs, for the `dir` beside each `lang` the
//! widget sets: the host page's direction must not lay out the widget,
//! and a monograph in Arabic or Hebrew runs right to left.

/// Languages written right to left (primary subtags of BCP 47 tags).
const RIGHT_TO_LEFT_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
];

/// Scripts written right to left (ISO 15924), for tags that name their
/// script, such as `pa-Arab` or `ur-Latn`.
const RIGHT_TO_LEFT_SCRIPTS: &[&str] = &[
    "adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa",
];

/// `"rtl"` or `"ltr"`, the value of the `dir` attribute for text in the
/// language `tag` (`ar`, `es-MX`, `az-Arab`). A script subtag decides when
/// there is one; otherwise the language's usual script does.
pub fn of_language(tag: &str) -> &'static str {
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next().unwrap_or_default().to_ascii_lowercase();
    let script = subtags
        .next()
        .filter(|subtag| subtag.len() == 4 && subtag.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase);
    let right_to_left = match script {
        Some(script) => RIGHT_TO_LEFT_SCRIPTS.contains(&script.as_str()),
        None => RIGHT_TO_LEFT_LANGUAGES.contains(&language.as_str()),
    };
    if right_to_left {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::of_language;

    #[test]
    fn languages_written_right_to_left() {
        for tag in ["ar", "AR", "ar-EG", "he", "fa-IR", "ur", "yi"] {
            assert_eq!(of_language(tag), "rtl", "{tag}");
        }
    }

    #[test]
    fn languages_written_left_to_right() {
        for tag in ["en", "es-MX", "zh-Hant-TW", "sr-Cyrl", "", "x"] {
            assert_eq!(of_language(tag), "ltr", "{tag}");
        }
    }

    #[test]
    fn a_script_subtag_decides() {
        assert_eq!(of_language("pa-Arab"), "rtl");
        assert_eq!(of_language("az-Arab-IR"), "rtl");
        assert_eq!(of_language("ur-Latn"), "ltr");
        assert_eq!(of_language("ku-Latn"), "ltr");
    }
}
