//! What the page remembers across visits, in the browser's local storage.
//! Storage can be missing or refuse (private modes, full quotas); the page
//! then simply does not remember.

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

/// The remembered text size in percent.
pub fn text_size() -> Option<u32> {
    get(TEXT_SIZE)?.parse().ok()
}

/// Remembers a text size; `None` forgets it.
pub fn set_text_size(percent: Option<u32>) {
    set(TEXT_SIZE, percent.map(|p| p.to_string()).as_deref());
}

/// The language the patient chose, if any.
pub fn language() -> Option<String> {
    get(LANGUAGE)
}

/// Remembers a language choice; `None` forgets it.
pub fn set_language(language: Option<&str>) {
    set(LANGUAGE, language);
}
