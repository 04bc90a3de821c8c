//! Text into HTML. The pre-rendered body comes from Yew, which escapes
//! what it writes; everything the generator writes around it (titles,
//! descriptions, addresses, structured data) goes through here.

/// `text` made safe for HTML text and for attribute values in quotes.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// JSON made safe to sit inside a `<script>` element: the only thing that
/// can end the element early (or open a comment that swallows it) is a
/// `<`, which JSON allows to be written as `\u003c` inside strings, and
/// nowhere else. `serde_json` writes no raw `<` outside strings.
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<b title="x">Tom & 'Jerry'</b>"#),
            "&lt;b title=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn script_json_cannot_close_its_element() {
        let json = serde_json::json!({ "name": "</script><script>alert(1)</script><!--" });
        let safe = script_json(&json.to_string());
        assert!(!safe.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, json);
    }
}
