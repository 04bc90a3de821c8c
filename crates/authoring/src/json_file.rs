//! Checking a monograph JSON file with the model's validator (the single
//! source of truth), reporting each problem at the line and column of the
//! JSON path it names. Before it, what the validator cannot see: keys
//! repeated in one object, and the widget's size and nesting limits.

use super::diagnostic::{Diagnostic, Kind, LineIndex};
use super::duplicate_keys;
use monograph_model::{self as model, Monograph};

/// Parses and validates `text`; the monograph when it is valid, and what
/// is wrong otherwise.
pub fn check(text: &str) -> Result<Monograph, Vec<Diagnostic>> {
    let lines = LineIndex::new(text);
    let value: model::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => {
            // serde_json's message ends with " at line L column C".
            let message = error.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            return Err(vec![Diagnostic {
                severity: Kind::JsonSyntax.severity(),
                kind: Kind::JsonSyntax,
                line: error.line().max(1),
                column: error.column().max(1),
                message: format!(
                    "this is not valid JSON ({message}). JSON in content/ is generated: \
                     edit the Markdown source and run `monograph convert`"
                ),
            }]);
        }
    };
    let mut found = Vec::new();
    if let Err(problem) = model::limits::check(text) {
        found.push(lines.at(0, Kind::JsonInvalid, problem.to_string()));
    }
    for (offset, key) in duplicate_keys::find(text) {
        found.push(lines.at(
            offset,
            Kind::JsonDuplicateKey,
            format!(
                "\"{key}\" appears more than once in the same object: the widget would keep \
                 only the last one; keep only one"
            ),
        ));
    }
    if !found.is_empty() {
        return Err(found);
    }
    model::validate(&value).map_err(|problems| {
        problems
            .iter()
            .map(|problem| {
                lines.at(
                    locate(text, &problem.path),
                    Kind::JsonInvalid,
                    problem.to_string(),
                )
            })
            .collect()
    })
}

/// One step of a JSON path: `usage`, `conditions`, `[3]`.
#[derive(Debug, PartialEq)]
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// `faqs[3].answer` as steps; `None` if it is not a path the validator
/// writes.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut indexes) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Step::Key(key));
        }
        while let Some(rest) = indexes.strip_prefix('[') {
            let (index, after) = rest.split_once(']')?;
            steps.push(Step::Index(index.parse().ok()?));
            indexes = after;
        }
    }
    Some(steps)
}

/// The byte offset in the JSON `text` of the value at `path`: of its key
/// for an object member, of the value itself for a list entry. When the
/// path does not exist (a missing field), the closest enclosing value.
/// `text` must be valid JSON; best effort (the file's start) otherwise.
pub fn locate(text: &str, path: &str) -> usize {
    let Some(steps) = steps(path) else {
        return 0;
    };
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    scanner.space();
    let mut found = scanner.at;
    for step in steps {
        match scanner.find(&step) {
            Some(offset) => found = offset,
            None => break,
        }
    }
    found
}

/// Just enough of a JSON reader to walk to a path in valid JSON.
struct Scanner<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Skips the string at the cursor (which is on its opening quote) and
    /// returns its raw text, quotes included.
    fn string(&mut self) -> Option<&str> {
        let start = self.at;
        self.at += 1;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return std::str::from_utf8(&self.bytes[start..self.at]).ok();
                }
                _ => self.at += 1,
            }
        }
    }

    /// Skips the value at the cursor.
    fn value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.at += 1;
                loop {
                    self.space();
                    match self.peek()? {
                        c if c == close => {
                            self.at += 1;
                            break;
                        }
                        b',' | b':' => self.at += 1,
                        _ => self.value()?,
                    }
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.at += 1;
                }
            }
        }
        Some(())
    }

    /// Moves into the member or entry `step` of the container at the cursor,
    /// leaving the cursor on its value; returns where it is reported.
    fn find(&mut self, step: &Step) -> Option<usize> {
        match (step, self.peek()?) {
            (Step::Key(key), b'{') => {
                self.at += 1;
                loop {
                    self.space();
                    match self.peek()? {
                        b'}' => return None,
                        b',' => self.at += 1,
                        b'"' => {
                            let key_at = self.at;
                            let raw = self.string()?;
                            let name: String = serde_json::from_str(raw).ok()?;
                            self.space();
                            if self.peek()? != b':' {
                                return None;
                            }
                            self.at += 1;
                            self.space();
                            if name == *key {
                                return Some(key_at);
                            }
                            self.value()?;
                        }
                        _ => return None,
                    }
                }
            }
            (Step::Index(index), b'[') => {
                self.at += 1;
                let mut current = 0;
                loop {
                    self.space();
                    match self.peek()? {
                        b']' => return None,
                        b',' => self.at += 1,
                        _ => {
                            if current == *index {
                                return Some(self.at);
                            }
                            self.value()?;
                            current += 1;
                        }
                    }
                }
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "id": "x",
  "faqs": [
    { "question": "a \"b\" [c]", "answer": [{"text": "y"}] },
    { "question": "q" }
  ]
}"#;

    fn at(path: &str) -> (usize, usize) {
        LineIndex::new(TEXT).position(locate(TEXT, path))
    }

    #[test]
    fn paths_are_found_at_their_key_or_entry() {
        assert_eq!(at(""), (1, 1));
        assert_eq!(at("id"), (2, 3));
        assert_eq!(at("faqs[0]"), (4, 5));
        assert_eq!(at("faqs[0].answer[0].text"), (4, 46));
        assert_eq!(at("faqs[1].question"), (5, 7));
    }

    #[test]
    fn a_missing_path_points_at_the_closest_value() {
        assert_eq!(at("faqs[1].answer"), (5, 5));
        assert_eq!(at("usage.intro"), (1, 1));
        assert_eq!(at("faqs[7]"), (3, 3));
    }

    #[test]
    fn paths_are_split_into_steps() {
        assert_eq!(
            steps("side_effects.common.items[2][0]").unwrap(),
            [
                Step::Key("side_effects"),
                Step::Key("common"),
                Step::Key("items"),
                Step::Index(2),
                Step::Index(0)
            ]
        );
        assert_eq!(steps("a[x]"), None);
    }
}
