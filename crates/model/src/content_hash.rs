//! A short fingerprint of a monograph file's text. Pre-rendered HTML
//! records the fingerprint of the file it was rendered from, so the widget
//! can tell whether the file it fetches later is the same one (and the HTML
//! can be hydrated) or a newer one (and must be rendered afresh).
//!
//! FNV-1a (64 bits): a few lines, identical natively and in the wasm, and
//! enough to notice an edited file. It is not a defence against someone
//! crafting a collision; nothing here needs one, since a mismatch only
//! decides between hydrating and rendering.

const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

/// The fingerprint of `text` (its UTF-8 bytes) as 16 lowercase hex digits.
pub fn content_hash(text: &str) -> String {
    let hash = text.bytes().fold(OFFSET_BASIS, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::content_hash;

    #[test]
    fn matches_the_published_fnv_1a_test_vectors() {
        // From the FNV reference test suite (draft-eastlake-fnv).
        assert_eq!(content_hash(""), "cbf29ce484222325");
        assert_eq!(content_hash("a"), "af63dc4c8601ec8c");
        assert_eq!(content_hash("foobar"), "85944171f73967e8");
    }

    #[test]
    fn one_changed_character_changes_the_hash() {
        assert_ne!(
            content_hash(r#"{"title": "Examplomab"}"#),
            content_hash(r#"{"title": "Examplomad"}"#)
        );
    }
}
