//! How large and how deeply nested a document may be. Parsing and
//! converting JSON into a [`Value`] recurse once per level of nesting: a
//! file of a few kilobytes nested thousands of levels deep would exhaust
//! the widget's stack, and a huge one its memory. The content tools check
//! both on the text before serde_json reads it. The widget checks the size
//! first and lets its own parser ([`Value::parse`]) stop at [`MAX_DEPTH`],
//! scanning for nesting only to name the problem of a file that failed to
//! parse. The scan itself keeps no stack, so any text is safe to give it.
//!
//! [`Value`]: crate::Value
//! [`Value::parse`]: crate::Value::parse

use crate::Problem;

/// The most levels of nesting a document may have. A monograph needs about
/// seven (the document, a section, a list, an item, its rich text, a span);
/// the rest is room for the format to grow.
pub const MAX_DEPTH: usize = 32;

/// The largest document, in bytes of UTF-8. A monograph is some tens of
/// kilobytes, a catalog of thousands of medicines about a megabyte.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// Checks `text` against [`MAX_BYTES`] and [`MAX_DEPTH`]; the problem is
/// reported for the whole document. Nesting is counted by the brackets
/// outside strings, which for JSON is exactly its depth; text that is not
/// JSON is left for the parser to reject.
pub fn check(text: &str) -> Result<(), Problem> {
    check_size(text)?;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(document_problem(format!(
                        "nested more than {MAX_DEPTH} levels deep; a monograph needs far fewer"
                    )));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Checks `text` against [`MAX_BYTES`] alone: what comes before any
/// parsing when the parser bounds nesting itself (`Value::parse`).
pub fn check_size(text: &str) -> Result<(), Problem> {
    if text.len() > MAX_BYTES {
        return Err(document_problem(format!(
            "the file is {} bytes; a document may have at most {MAX_BYTES}",
            text.len()
        )));
    }
    Ok(())
}

fn document_problem(message: String) -> Problem {
    Problem {
        path: String::new(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(levels: usize) -> String {
        format!("{}{}", "[".repeat(levels), "]".repeat(levels))
    }

    #[test]
    fn nesting_up_to_the_limit_passes() {
        assert_eq!(check(&nested(MAX_DEPTH)), Ok(()));
        assert_eq!(check(r#"{"a": [{"b": [1, 2]}, {"c": {}}]}"#), Ok(()));
    }

    #[test]
    fn one_level_more_is_reported_for_the_document() {
        let problem = check(&nested(MAX_DEPTH + 1)).expect_err("too deep");
        assert_eq!(
            problem.to_string(),
            "(document): nested more than 32 levels deep; a monograph needs far fewer"
        );
        // The attack the limit is for: thousands of levels in a few kilobytes.
        assert!(check(&nested(6_000)).is_err());
        assert!(check(&"{\"a\":".repeat(6_000)).is_err());
    }

    #[test]
    fn brackets_inside_strings_do_not_count() {
        let deep_text = format!(r#"{{"text": "{}", "quote": "\"[\\"}}"#, "[".repeat(100));
        assert_eq!(check(&deep_text), Ok(()));
    }

    #[test]
    fn closing_brackets_end_a_level() {
        let siblings = "[[]]".repeat(1_000);
        assert_eq!(check(&format!("[{siblings}]")), Ok(()));
    }

    #[test]
    fn a_file_over_the_size_limit_is_reported() {
        let big = format!("\"{}\"", "a".repeat(MAX_BYTES));
        let problem = check(&big).expect_err("too large");
        assert_eq!(
            problem.to_string(),
            format!(
                "(document): the file is {} bytes; a document may have at most {MAX_BYTES}",
                MAX_BYTES + 2
            )
        );
        assert_eq!(check(&"a".repeat(MAX_BYTES)), Ok(()));
        assert_eq!(check_size(&big), check(&big));
    }

    #[test]
    fn the_size_alone_leaves_nesting_to_the_parser() {
        assert_eq!(check_size(&nested(6_000)), Ok(()));
    }
}
