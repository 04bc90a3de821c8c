//! The interface in English.

use super::Strings;

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
    error_no_source: "This medicine information has not been set up correctly. Please let the website's team know.",
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
