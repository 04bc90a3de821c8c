//! What search engines, link previews and reader modes read about a
//! monograph page: a description drawn from its own text, and schema.org
//! structured data (a `MedicalWebPage` about a `Drug`, for patients).

use monograph_model::walk::{self, Block};
use monograph_model::{Monograph, Section};
use serde_json::json;

/// Search engines show about this many characters of a description.
const DESCRIPTION_LENGTH: usize = 155;

/// The monograph's first paragraph, whitespace collapsed, cut at a word
/// boundary with an ellipsis when it is longer than a search result shows.
/// Only the monograph's own words: nothing is summarised or rephrased.
pub fn description(monograph: &Monograph) -> String {
    let first = Section::present_in(monograph)
        .into_iter()
        .flat_map(|section| walk::blocks(monograph, section))
        .find_map(|block| match block {
            Block::Paragraph { text, .. } => Some(text.plain()),
            _ => None,
        })
        .unwrap_or_else(|| monograph.title.clone());
    shorten(&first.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= DESCRIPTION_LENGTH {
        return text.to_owned();
    }
    let cut: String = text.chars().take(DESCRIPTION_LENGTH - 1).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |end| &cut[..end]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':']))
}

/// schema.org JSON-LD for the page at `url`.
pub fn structured_data(monograph: &Monograph, url: &str, description: &str) -> String {
    let mut drug = json!({
        "@type": "Drug",
        "name": monograph.title,
        "nonProprietaryName": monograph.generic_name,
    });
    if !monograph.brand_names.is_empty() {
        drug["proprietaryName"] = json!(monograph.brand_names);
    }
    let mut page = json!({
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "url": url,
        "name": monograph.title,
        "description": description,
        "inLanguage": monograph.language,
        "about": drug,
        "audience": { "@type": "MedicalAudience", "audienceType": "Patient" },
    });
    if let Some(date) = &monograph.last_reviewed {
        page["lastReviewed"] = json!(date);
    }
    serde_json::to_string(&page).expect("structured data is JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(shorten("Take it with water."), "Take it with water.");
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        let text = "word ".repeat(60);
        let short = shorten(text.trim());
        assert!(short.chars().count() <= DESCRIPTION_LENGTH, "{short}");
        assert!(short.ends_with("word…"), "{short}");
    }
}
