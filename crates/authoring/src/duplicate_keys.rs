//! Keys repeated within one JSON object. The widget reads the last of them,
//! as the browser's `JSON.parse` does, without a word, so the repetition
//! never reaches an editor from there: `monograph check` finds it in the
//! file's text.

/// The byte offset and the key of each key that repeats an earlier one of
/// the same object, in document order. Keys are compared as JSON reads
/// them (`"a"` and `"\u0061"` are one key). `text` must be valid JSON.
pub fn find(text: &str) -> Vec<(usize, String)> {
    enum Open {
        Array,
        /// The keys seen so far, and whether a key comes next.
        Object {
            keys: Vec<String>,
            key_next: bool,
        },
    }
    let bytes = text.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    let mut repeated = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'{' => open.push(Open::Object {
                keys: Vec::new(),
                key_next: true,
            }),
            b'[' => open.push(Open::Array),
            b'}' | b']' => {
                open.pop();
            }
            b',' | b':' => {
                if let Some(Open::Object { key_next, .. }) = open.last_mut() {
                    *key_next = bytes[at] == b',';
                }
            }
            b'"' => {
                let end = string_end(bytes, at);
                if let Some(Open::Object { keys, key_next }) = open.last_mut() {
                    if *key_next {
                        let key: String = serde_json::from_str(&text[at..end]).unwrap_or_default();
                        if keys.contains(&key) {
                            repeated.push((at, key));
                        } else {
                            keys.push(key);
                        }
                        *key_next = false;
                    }
                }
                at = end;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    repeated
}

/// The offset just past the string that starts at `start` (its quote).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn a_key_repeated_in_one_object_is_found_at_its_second_place() {
        let text = r#"{"title": "A", "id": "a", "title": "B"}"#;
        assert_eq!(find(text), [(26, "title".to_owned())]);
        assert_eq!(&text[26..33], "\"title\"");
    }

    #[test]
    fn the_same_key_in_different_objects_is_no_repetition() {
        let text = r#"{"a": {"text": "x"}, "b": [{"text": "y"}, {"text": "z"}], "text": "w"}"#;
        assert!(find(text).is_empty());
    }

    #[test]
    fn values_that_look_like_keys_are_not_keys() {
        let text = r#"{"a": "a", "b": ["a", "a"], "c": "{\"a\": 1, \"a\": 2}"}"#;
        assert!(find(text).is_empty());
    }

    #[test]
    fn keys_are_compared_as_json_reads_them() {
        let found = find(r#"{"a": 1, "\u0061": 2}"#);
        assert_eq!(found, [(9, "a".to_owned())]);
    }

    #[test]
    fn every_repetition_is_found_at_any_depth() {
        let text = r#"{"x": [{"k": 1, "k": 2, "k": 3}], "x": {}}"#;
        let keys: Vec<String> = find(text).into_iter().map(|(_, key)| key).collect();
        assert_eq!(keys, ["k", "k", "x"]);
    }
}
