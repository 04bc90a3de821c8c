//! Every interface string in one place: a language is one more file in this
//! folder, never a change to the components. Clinical text comes only from
//! the monograph file and is never translated by the widget.

mod en;
mod es;

pub use en::ENGLISH;
pub use es::SPANISH;

use crate::model::Section;

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
    /// The box that opens a monograph with its alerts.
    pub most_important: &'static str,
    /// The printed list of the definitions of marked words.
    pub glossary_heading: &'static str,
    pub loading: &'static str,
    /// Announced when a monograph has loaded; `{title}` is its title.
    pub loaded: &'static str,
    pub error_title: &'static str,
    pub error_no_source: &'static str,
    pub error_not_found: &'static str,
    pub error_unknown_code: &'static str,
    pub error_server: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_not_json: &'static str,
    pub error_invalid: &'static str,
    pub technical_details: &'static str,
    pub retry: &'static str,
    pub crashed: &'static str,
    /// The language's own name, for the language switch.
    pub language_name: &'static str,
    pub about_heading: &'static str,
    pub source: &'static str,
    pub last_reviewed: &'static str,
    pub next_review: &'static str,
    pub not_recorded: &'static str,
    /// Shown when the information came from the offline copy.
    pub stale: &'static str,
    pub brand_names: &'static str,
    pub site_title: &'static str,
    /// What the site offers, for search results and link previews.
    pub site_description: &'static str,
    /// Shown on the kiosk, the one page that needs scripts to show anything.
    pub needs_javascript: &'static str,
    pub skip_to_content: &'static str,
    pub search_label: &'static str,
    pub results_one: &'static str,
    /// `{count}` is replaced by the number.
    pub results_many: &'static str,
    /// When only the first results are listed: `{count}` is the number
    /// found, `{shown}` the number listed.
    pub results_shown: &'static str,
    pub no_results: &'static str,
    /// Lists the next results.
    pub show_more: &'static str,
    pub code_not_found: &'static str,
    pub code_search_hint: &'static str,
    pub all_medicines: &'static str,
    pub text_size: &'static str,
    pub language_label: &'static str,
    pub print: &'static str,
    pub page_address: &'static str,
    pub idle_title: &'static str,
    /// `{seconds}` is replaced by the seconds left.
    pub idle_message: &'static str,
    pub idle_message_one: &'static str,
    pub still_reading: &'static str,
    pub take_home: &'static str,
    pub take_home_hint: &'static str,
    pub read_aloud: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub stop: &'static str,
}

impl Strings {
    /// The label of a section's tab (and of its heading in print).
    pub fn tab_label(&self, section: Section) -> &'static str {
        match section {
            Section::Usage => self.tab_usage,
            Section::Dosage => self.tab_dosage,
            Section::SideEffects => self.tab_side_effects,
            Section::HowItWorks => self.tab_how_it_works,
            Section::Precautions => self.tab_precautions,
            Section::Faqs => self.tab_faqs,
        }
    }
}

/// Every interface language, in the order the language switch shows them.
pub const LANGUAGES: [&Strings; 2] = [&ENGLISH, &SPANISH];

/// Replaces `{name}` in a template string.
pub fn fill(template: &str, name: &str, value: impl std::fmt::Display) -> String {
    template.replace(&format!("{{{name}}}"), &value.to_string())
}

/// The interface strings for a BCP 47 language tag such as `en-GB`,
/// matched on the primary language; English when none matches.
pub fn for_language(tag: &str) -> &'static Strings {
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    LANGUAGES
        .into_iter()
        .find(|strings| strings.language.eq_ignore_ascii_case(primary))
        .unwrap_or(&ENGLISH)
}
