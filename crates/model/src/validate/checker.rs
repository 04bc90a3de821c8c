//! The machinery of validation: the [`Checker`] that collects problems,
//! [`Fields`] for reading one JSON object, and the checks of JSON's own
//! kinds of value (text, true/false, lists).

use super::Problem;
use crate::Value;
use std::fmt;

/// Collects every problem found, in the order they are found.
#[derive(Default)]
pub(super) struct Checker {
    pub(super) problems: Vec<Problem>,
    /// Each span's glossary term with the span's path (`usage.intro[1].term`),
    /// checked against the glossary once the whole document is read.
    pub(super) term_uses: Vec<(String, String)>,
}

impl Checker {
    /// `path` is a [`Path`], or one already written out.
    pub(super) fn report(&mut self, path: impl fmt::Display, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_string(),
            message: message.into(),
        });
    }
}

/// Where a value sits in the document (`faqs[3].answer`). Every value
/// checked has one, problem or not (a catalog of thousands of entries,
/// tens of thousands), so it is a chain of borrowed steps on the stack,
/// written out as text only for a problem.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    /// The document itself.
    Root,
    Field(&'a Path<'a>, &'a str),
    Element(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub(super) fn field(&'a self, key: &'a str) -> Path<'a> {
        Path::Field(self, key)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(Path::Root, key) => f.write_str(key),
            Path::Field(parent, key) => write!(f, "{parent}.{key}"),
            Path::Element(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// The fields of one JSON object, checked one by one; unknown keys are
/// reported by [`Fields::finish`] so that a misspelt field is never ignored.
pub(super) struct Fields<'a, 'p> {
    entries: &'a [(String, Value)],
    path: &'p Path<'p>,
    known: Vec<&'static str>,
}

impl<'a, 'p> Fields<'a, 'p> {
    pub(super) fn of(cx: &mut Checker, value: &'a Value, path: &'p Path<'p>) -> Option<Self> {
        match value {
            Value::Object(entries) => Some(Fields {
                entries,
                path,
                known: Vec::with_capacity(entries.len()),
            }),
            other => {
                cx.report(path, format!("expected an object, found {}", other.kind()));
                None
            }
        }
    }

    fn lookup(&mut self, key: &'static str) -> Option<&'a Value> {
        self.known.push(key);
        // A key given twice reads as its last value, as in `JSON.parse`.
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Value::Null)
    }

    pub(super) fn required<T>(
        &mut self,
        cx: &mut Checker,
        key: &'static str,
        check: impl FnOnce(&mut Checker, &Value, &Path) -> Option<T>,
    ) -> Option<T> {
        let path = self.path.field(key);
        match self.lookup(key) {
            Some(value) => check(cx, value, &path),
            None => {
                cx.report(path, "missing");
                None
            }
        }
    }

    /// `Some(None)` when absent or null, `None` when present but invalid.
    pub(super) fn optional<T>(
        &mut self,
        cx: &mut Checker,
        key: &'static str,
        check: impl FnOnce(&mut Checker, &Value, &Path) -> Option<T>,
    ) -> Option<Option<T>> {
        let path = self.path.field(key);
        match self.lookup(key) {
            Some(value) => check(cx, value, &path).map(Some),
            None => Some(None),
        }
    }

    /// Reports the fields it does not know. A known key repeated in the
    /// file is not its business (its last value is read): `monograph
    /// check` reports those from the file's text.
    pub(super) fn finish(self, cx: &mut Checker) {
        for (key, _) in self.entries {
            if !self.known.contains(&key.as_str()) {
                cx.report(
                    self.path.field(key),
                    format!("unknown field (expected one of: {})", self.known.join(", ")),
                );
            }
        }
    }
}

/// Text with something in it besides spaces.
pub(super) fn text(cx: &mut Checker, value: &Value, path: &Path) -> Option<String> {
    string(cx, value, path, |s| s.trim().is_empty())
}

/// A span's text: it may be only a space, such as the one between two
/// emphasised spans, but not empty.
pub(super) fn span_text(cx: &mut Checker, value: &Value, path: &Path) -> Option<String> {
    string(cx, value, path, str::is_empty)
}

fn string(cx: &mut Checker, value: &Value, path: &Path, empty: fn(&str) -> bool) -> Option<String> {
    match value {
        Value::String(s) if empty(s) => {
            cx.report(path, "must not be empty");
            None
        }
        Value::String(s) => Some(s.clone()),
        other => {
            cx.report(path, format!("expected text, found {}", other.kind()));
            None
        }
    }
}

pub(super) fn flag(cx: &mut Checker, value: &Value, path: &Path) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        other => {
            cx.report(
                path,
                format!("expected true or false, found {}", other.kind()),
            );
            None
        }
    }
}

/// Checks every element even after a bad one, so all problems surface.
pub(super) fn list<T>(
    cx: &mut Checker,
    value: &Value,
    path: &Path,
    mut check: impl FnMut(&mut Checker, &Value, &Path) -> Option<T>,
) -> Option<Vec<T>> {
    let Value::Array(values) = value else {
        cx.report(path, format!("expected a list, found {}", value.kind()));
        return None;
    };
    let checked: Vec<Option<T>> = values
        .iter()
        .enumerate()
        .map(|(i, v)| check(cx, v, &Path::Element(path, i)))
        .collect();
    checked.into_iter().collect()
}

pub(super) fn non_empty_list<T>(
    cx: &mut Checker,
    value: &Value,
    path: &Path,
    check: impl FnMut(&mut Checker, &Value, &Path) -> Option<T>,
) -> Option<Vec<T>> {
    let items = list(cx, value, path, check)?;
    if items.is_empty() {
        cx.report(path, "must not be an empty list");
        return None;
    }
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_as_json_paths() {
        let faqs = Path::Root.field("faqs");
        let third = Path::Element(&faqs, 3);
        assert_eq!(Path::Root.to_string(), "");
        assert_eq!(faqs.to_string(), "faqs");
        assert_eq!(third.field("answer").to_string(), "faqs[3].answer");
        assert_eq!(Path::Element(&Path::Root, 0).to_string(), "[0]");
    }
}
