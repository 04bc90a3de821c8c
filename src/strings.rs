//! Every interface string in one place, so that a language is one more
//! constant here, never a change to the components. Clinical text comes only
//! from the monograph file and is never translated by the widget.

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

pub const ENGLISH: Strings = Strings {
    language: "en",
    tab_usage: "Usage",
    tab_dosage: "Dosage",
    tab_side_effects: "Side effects",
    tab_how_it_works: "How it works",
    tab_precautions: "Precautions",
    tab_faqs: "FAQs",
    tablist_label: "Medicine information sections",
    generic_name: "Generic name:",
    disclaimer: "Disclaimer:",
    common_side_effects: "Common side effects",
    serious_side_effects: "Serious side effects",
    important: "Important",
    loading: "Loading medicine information…",
    error_title: "We could not show this medicine information",
    error_not_found: "The information for this medicine could not be found. It may have moved. Please try again later or ask your pharmacist.",
    error_server: "The website had a problem sending this information. Please try again in a moment.",
    error_network: "Your device could not reach the website. Check your internet connection, then try again.",
    error_timeout: "The website is taking too long to answer. Please try again.",
    error_not_json: "The information for this medicine is damaged and cannot be shown. Please ask your pharmacist.",
    error_invalid: "The information for this medicine is incomplete or damaged and cannot be shown. Please ask your pharmacist.",
    technical_details: "Technical details",
    retry: "Try again",
    crashed: "This medicine information stopped working. Please reload the page.",
};
