//! Reading JSON text into a [`Value`], as the widget does with every file it
//! fetches. Parsing here, on the text the wasm already holds, costs one pass;
//! the browser's `JSON.parse` would have built a JavaScript object per entry
//! and the wasm then copied each string out of it, which for a catalog of
//! thousands of medicines took several times longer than the parse. And no
//! host page can replace this parser.
//!
//! The parser stops at the nesting limit of [`limits`] itself, so any text
//! is safe to give it without a scan first: recursion on unchecked text
//! would be a crash, not an error.
//!
//! [`limits`]: crate::limits

use crate::limits::MAX_DEPTH;
use crate::Value;
use std::fmt;

/// Where and why a text is not JSON, as an editor can find it in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based, counted in lines and characters of the text.
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl Value {
    /// Parses `text`, one JSON value with optional white space around it.
    ///
    /// Objects keep every key in document order, repeated ones too; readers
    /// take a repeated key's last value, as `JSON.parse` does. Numbers are
    /// exact when whole (up to 2^53) and for decimals of up to 22 digits
    /// either side of the point; beyond that, within a few units of the
    /// last place: a monograph's only number is its format's version.
    pub fn parse(text: &str) -> Result<Value, SyntaxError> {
        let mut parser = Parser {
            text,
            at: 0,
            depth: 0,
        };
        let value = parser.value()?;
        parser.skip_space();
        if parser.at < parser.text.len() {
            return Err(parser.error("unexpected text after the end of the document"));
        }
        Ok(value)
    }
}

struct Parser<'a> {
    text: &'a str,
    /// Byte offset of the next byte to read.
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> SyntaxError {
        let before = &self.text.as_bytes()[..self.at.min(self.text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        // Characters, not bytes: count the bytes that start one.
        let column = before[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count()
            + 1;
        SyntaxError {
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column,
            message,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
            None => Err(self.error("the document ends where a value was expected")),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Value, SyntaxError>,
    ) -> Result<Value, SyntaxError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &'static str, value: Value) -> Result<Value, SyntaxError> {
        if self.text.as_bytes()[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    /// After the `[`.
    fn array(&mut self) -> Result<Value, SyntaxError> {
        let mut items = Vec::new();
        self.items(b']', "expected ',' or ']' after a list item", |parser| {
            items.push(parser.value()?);
            Ok(())
        })?;
        Ok(Value::Array(items))
    }

    /// After the `{`.
    fn object(&mut self) -> Result<Value, SyntaxError> {
        let mut entries = Vec::new();
        self.items(b'}', "expected ',' or '}' after a field", |parser| {
            parser.skip_space();
            if parser.peek() != Some(b'"') {
                return Err(parser.error("expected a field name in double quotes"));
            }
            let key = parser.string()?;
            parser.skip_space();
            if parser.peek() != Some(b':') {
                return Err(parser.error("expected ':' after a field name"));
            }
            parser.at += 1;
            entries.push((key, parser.value()?));
            Ok(())
        })?;
        Ok(Value::Object(entries))
    }

    /// The items of a list or an object, each read by `item`, separated by
    /// commas, up to and past the `close` bracket; `unclosed` says what is
    /// wrong when something else follows an item.
    fn items(
        &mut self,
        close: u8,
        unclosed: &'static str,
        mut item: impl FnMut(&mut Self) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        self.skip_space();
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(next) if next == close => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error(unclosed)),
            }
        }
    }

    /// At the opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control
            // character in one go: both ends are ASCII, so the run is
            // whole UTF-8 characters of the (valid UTF-8) text.
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(self.run(start));
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error("a line break or control character inside text")),
                None => return Err(self.error("the document ends inside text")),
            }
        }
    }

    fn run(&self, start: usize) -> &str {
        // The parser only stops at ASCII bytes or the end, so `start..at`
        // always falls on character boundaries.
        self.text.get(start..self.at).unwrap_or_default()
    }

    /// After a backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error("the document ends inside text"));
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => {
                self.at -= 1;
                return Err(self.error("an unknown escape after a backslash"));
            }
        };
        out.push(c);
        Ok(())
    }

    /// After `\u`: one character, from a surrogate pair when there is one.
    /// A lone surrogate, which no UTF-8 text can hold, becomes U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            return Ok(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        if self.text.as_bytes()[self.at..].starts_with(b"\\u") {
            let resume = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            // Not a pair: the second escape is a character of its own.
            self.at = resume;
        }
        Ok(char::REPLACEMENT_CHARACTER)
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.error("expected four hexadecimal digits after \\u"));
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        // The digits as an integer (the first 19; later ones only scale it)
        // and the power of ten that places the point.
        let (mut mantissa, mut exponent, mut digits) = (0u64, 0i32, 0u32);
        let mut push = |digit: u8, after_point: bool| {
            if digits < 19 {
                mantissa = mantissa * 10 + u64::from(digit - b'0');
                if mantissa != 0 {
                    digits += 1;
                }
                exponent -= i32::from(after_point);
            } else {
                exponent += i32::from(!after_point);
            }
        };
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                while let Some(b @ b'0'..=b'9') = self.peek() {
                    push(b, false);
                    self.at += 1;
                }
            }
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit after the decimal point"));
            }
            while let Some(b @ b'0'..=b'9') = self.peek() {
                push(b, true);
                self.at += 1;
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            let sign = match self.peek() {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            if sign != 0 {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit in the exponent"));
            }
            let mut written = 0i32;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                written = written
                    .saturating_mul(10)
                    .saturating_add(i32::from(b - b'0'));
                self.at += 1;
            }
            exponent = exponent.saturating_add(if sign < 0 { -written } else { written });
        }
        let magnitude = scale(mantissa as f64, exponent);
        Ok(Value::Number(if negative { -magnitude } else { magnitude }))
    }
}

/// `mantissa` × 10^`exponent`: one correctly rounded operation when both
/// are exact in an `f64` (10^22 is the largest power of ten that is).
fn scale(mantissa: f64, exponent: i32) -> f64 {
    if mantissa == 0.0 {
        0.0
    } else if (0..=22).contains(&exponent) {
        mantissa * 10f64.powi(exponent)
    } else if (-22..0).contains(&exponent) {
        mantissa / 10f64.powi(-exponent)
    } else {
        mantissa * 10f64.powi(exponent.clamp(-400, 400))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Value {
        Value::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn serde(text: &str) -> Value {
        serde_json::from_str(text).expect("valid JSON")
    }

    #[test]
    fn reads_every_kind_of_value_as_serde_json_does() {
        for text in [
            r#"{"a": [1, -2, 3.5, 0, -0.25, 1e3, 2E-2, 6.02e+23], "b": {"c": null, "d": true, "e": false}}"#,
            r#"  [ ]  "#,
            "{}",
            r#""text with \"quotes\", \\ \/ \b\f\n\r\t and \u00e9 \u20AC \ud83d\ude00""#,
            r#"{"rítuximab": "Bebé ✓ 😀", "": ""}"#,
            "[[[[]]], {\"x\": [{}]}]",
            "\t\r\n 42 \n",
        ] {
            assert_eq!(parsed(text), serde(text), "{text}");
        }
    }

    #[test]
    fn reads_the_published_content_as_serde_json_does() {
        for text in [
            include_str!("../../../content/lenalidomide.json"),
            include_str!("../../../content/index.json"),
        ] {
            assert_eq!(parsed(text), serde(text));
        }
    }

    #[test]
    fn keeps_every_field_in_document_order_repeated_ones_too() {
        assert_eq!(
            parsed(r#"{"b": 1, "a": 2, "b": 3}"#),
            Value::Object(vec![
                ("b".into(), Value::Number(1.0)),
                ("a".into(), Value::Number(2.0)),
                ("b".into(), Value::Number(3.0)),
            ])
        );
    }

    #[test]
    fn whole_numbers_are_exact_and_others_close() {
        assert_eq!(
            parsed("9007199254740992"),
            Value::Number(9_007_199_254_740_992.0)
        );
        assert_eq!(parsed("-0"), Value::Number(-0.0));
        assert_eq!(parsed("1.000"), Value::Number(1.0));
        assert_eq!(parsed("0.1"), Value::Number(0.1));
        let Value::Number(long) = parsed("123456789012345678901234") else {
            panic!("a number")
        };
        assert!((long / 123_456_789_012_345_678_901_234.0 - 1.0).abs() < 1e-15);
        let Value::Number(tiny) = parsed("1.5e-300") else {
            panic!("a number")
        };
        assert!((tiny / 1.5e-300 - 1.0).abs() < 1e-12);
        assert_eq!(parsed("1e999"), Value::Number(f64::INFINITY));
    }

    #[test]
    fn a_lone_surrogate_becomes_the_replacement_character() {
        assert_eq!(parsed(r#""a\ud800b""#), Value::String("a\u{fffd}b".into()));
        assert_eq!(parsed(r#""\udc00""#), Value::String("\u{fffd}".into()));
        assert_eq!(
            parsed(r#""\ud800\u0041""#),
            Value::String("\u{fffd}A".into())
        );
    }

    #[test]
    fn says_where_and_why_a_text_is_not_json() {
        let error = |text: &str| Value::parse(text).expect_err(text).to_string();
        assert_eq!(
            error(""),
            "line 1, column 1: the document ends where a value was expected"
        );
        assert_eq!(
            error("{\n  \"a\": 1,\n  \"b\" 2\n}"),
            "line 3, column 7: expected ':' after a field name"
        );
        assert_eq!(
            error("[1, 2"),
            "line 1, column 6: expected ',' or ']' after a list item"
        );
        assert_eq!(error("{\"é\": tru}"), "line 1, column 7: expected a value");
        assert_eq!(
            error("{a: 1}"),
            "line 1, column 2: expected a field name in double quotes"
        );
        assert_eq!(error("[1,]"), "line 1, column 4: expected a value");
        assert_eq!(
            error("\"line\nbreak\""),
            "line 1, column 6: a line break or control character inside text"
        );
        assert_eq!(
            error(r#""\x""#),
            "line 1, column 3: an unknown escape after a backslash"
        );
        assert_eq!(
            error(r#""\u12""#),
            "line 1, column 6: expected four hexadecimal digits after \\u"
        );
        assert_eq!(
            error("\"open"),
            "line 1, column 6: the document ends inside text"
        );
        assert_eq!(
            error("01"),
            "line 1, column 2: unexpected text after the end of the document"
        );
        assert_eq!(
            error("1."),
            "line 1, column 3: expected a digit after the decimal point"
        );
        assert_eq!(error("-"), "line 1, column 2: expected a digit");
        assert_eq!(
            error("1e+"),
            "line 1, column 4: expected a digit in the exponent"
        );
        assert_eq!(
            error("{} {}"),
            "line 1, column 4: unexpected text after the end of the document"
        );
        assert_eq!(error("NaN"), "line 1, column 1: expected a value");
    }

    #[test]
    fn refuses_nesting_deeper_than_the_limit_without_recursing_further() {
        let nested = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
        assert!(Value::parse(&nested(MAX_DEPTH)).is_ok());
        let error = Value::parse(&nested(100_000)).expect_err("too deep");
        assert_eq!(error.message, "nested too deeply");
        assert_eq!(error.column, MAX_DEPTH + 1);
    }

    #[test]
    fn every_prefix_of_a_document_is_an_error_not_a_panic() {
        let text = r#"{"a": [1.5e3, "x\u00e9\"", {"b": null}], "c": true}"#;
        for end in 0..text.len() {
            if text.is_char_boundary(end) {
                assert!(Value::parse(&text[..end]).is_err(), "{}", &text[..end]);
            }
        }
    }
}
