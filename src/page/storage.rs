//! What the page remembers across visits, in the browser's local storage.
//! Storage can be missing or refuse (private modes, full quotas); the page
//! then simply does not remember.

use super::state::{Choices, TEXT_SIZES};
use crate::strings::for_language;

const TEXT_SIZE: &str = "drug-monograph.text-size";
const LANGUAGE: &str = "drug-monograph.language";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: Option<&str>) {
    if let Some(storage) = storage() {
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
}

/// The choices remembered from an earlier visit. A size the page does not
/// offer is no choice; a language tag reads as the interface language it
/// matches (English when none does).
pub fn remembered() -> Choices {
    Choices {
        text_size: get(TEXT_SIZE)
            .and_then(|size| size.parse().ok())
            .filter(|size| TEXT_SIZES.contains(size)),
        language: get(LANGUAGE).map(|tag| for_language(&tag).language),
    }
}

/// Remembers `choices`; what was not chosen is forgotten.
pub fn remember(choices: &Choices) {
    set(
        TEXT_SIZE,
        choices.text_size.map(|s| s.to_string()).as_deref(),
    );
    set(LANGUAGE, choices.language);
}
