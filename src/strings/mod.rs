//! Every interface string in one place: a language is one more file in this
//! folder, never a change to the components. Clinical text comes only from
//! the monograph file and is never translated by the widget.

mod en;

pub use en::ENGLISH;

/// The words of the widget's own interface.
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    /// BCP 47 tag of these strings.
    pub language: &'static str,
    pub tab_usage: &'static str,
    pub tab_dosage: &'static str,
    pub tab_side_effects: &'static str,
    pub tab_how_it_works: &'static str,
    pub tab_precautions: &'static str,
    pub tab_faqs: &'static str,
    pub tablist_label: &'static str,
    pub generic_name: &'static str,
    pub disclaimer: &'static str,
    pub common_side_effects: &'static str,
    pub serious_side_effects: &'static str,
    pub important: &'static str,
    pub loading: &'static str,
    pub error_title: &'static str,
    pub error_no_source: &'static str,
    pub error_not_found: &'static str,
    pub error_server: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_not_json: &'static str,
    pub error_invalid: &'static str,
    pub technical_details: &'static str,
    pub retry: &'static str,
    pub crashed: &'static str,
}

/// The interface strings for a BCP 47 language tag such as `en-GB`,
/// matched on the primary language; English when none matches.
pub fn for_language(tag: &str) -> &'static Strings {
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    [&ENGLISH]
        .into_iter()
        .find(|strings| strings.language.eq_ignore_ascii_case(primary))
        .unwrap_or(&ENGLISH)
}
