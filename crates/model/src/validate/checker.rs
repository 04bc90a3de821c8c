//! The machinery of validation: the [`Checker`] that collects problems,
//! [`Fields`] for reading one JSON object, and the checks of JSON's own
//! kinds of value (text, true/false, lists).

use super::Problem;
use crate::Value;

/// Collects every problem found, in the order they are found.
#[derive(Default)]
pub(super) struct Checker {
    pub(super) problems: Vec<Problem>,
    /// Each span's glossary term with the span's path (`usage.intro[1].term`),
    /// checked against the glossary once the whole document is read.
    pub(super) term_uses: Vec<(String, String)>,
}

impl Checker {
    pub(super) fn report(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_owned(),
            message: message.into(),
        });
    }
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The fields of one JSON object, checked one by one; unknown keys are
/// reported by [`Fields::finish`] so that a misspelt field is never ignored.
pub(super) struct Fields<'a> {
    entries: &'a [(String, Value)],
    path: String,
    known: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    pub(super) fn of(cx: &mut Checker, value: &'a Value, path: &str) -> Option<Self> {
        match value {
            Value::Object(entries) => Some(Fields {
                entries,
                path: path.to_owned(),
                known: Vec::new(),
            }),
            other => {
                cx.report(path, format!("expected an object, found {}", other.kind()));
                None
            }
        }
    }

    fn lookup(&mut self, key: &'static str) -> Option<&'a Value> {
        self.known.push(key);
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Value::Null)
    }

    pub(super) fn required<T>(
        &mut self,
        cx: &mut Checker,
        key: &'static str,
        check: impl FnOnce(&mut Checker, &Value, &str) -> Option<T>,
    ) -> Option<T> {
        let path = child(&self.path, key);
        match self.lookup(key) {
            Some(value) => check(cx, value, &path),
            None => {
                cx.report(&path, "missing");
                None
            }
        }
    }

    /// `Some(None)` when absent or null, `None` when present but invalid.
    pub(super) fn optional<T>(
        &mut self,
        cx: &mut Checker,
        key: &'static str,
        check: impl FnOnce(&mut Checker, &Value, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        let path = child(&self.path, key);
        match self.lookup(key) {
            Some(value) => check(cx, value, &path).map(Some),
            None => Some(None),
        }
    }

    /// Reports the fields it does not know. A key repeated in the file is
    /// not its business: the browser's `JSON.parse` has dropped one of
    /// them before the widget sees the document, so `monograph check`
    /// looks for them in the file's text instead.
    pub(super) fn finish(self, cx: &mut Checker) {
        for (key, _) in self.entries {
            if !self.known.contains(&key.as_str()) {
                cx.report(
                    &child(&self.path, key),
                    format!("unknown field (expected one of: {})", self.known.join(", ")),
                );
            }
        }
    }
}

/// Text with something in it besides spaces.
pub(super) fn text(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    string(cx, value, path, |s| s.trim().is_empty())
}

/// A span's text: it may be only a space, such as the one between two
/// emphasised spans, but not empty.
pub(super) fn span_text(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    string(cx, value, path, str::is_empty)
}

fn string(cx: &mut Checker, value: &Value, path: &str, empty: fn(&str) -> bool) -> Option<String> {
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

pub(super) fn flag(cx: &mut Checker, value: &Value, path: &str) -> Option<bool> {
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
    path: &str,
    mut check: impl FnMut(&mut Checker, &Value, &str) -> Option<T>,
) -> Option<Vec<T>> {
    let Value::Array(values) = value else {
        cx.report(path, format!("expected a list, found {}", value.kind()));
        return None;
    };
    let checked: Vec<Option<T>> = values
        .iter()
        .enumerate()
        .map(|(i, v)| check(cx, v, &format!("{path}[{i}]")))
        .collect();
    checked.into_iter().collect()
}

pub(super) fn non_empty_list<T>(
    cx: &mut Checker,
    value: &Value,
    path: &str,
    check: impl FnMut(&mut Checker, &Value, &str) -> Option<T>,
) -> Option<Vec<T>> {
    let items = list(cx, value, path, check)?;
    if items.is_empty() {
        cx.report(path, "must not be an empty list");
        return None;
    }
    Some(items)
}
