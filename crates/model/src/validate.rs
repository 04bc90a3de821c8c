//! Turns a [`Value`] into a [`Monograph`], collecting every problem with the
//! path where it was found (`faqs[3].answer: missing`).

use super::*;
use std::fmt;

/// One thing wrong with a monograph file, located by its JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `faqs[3].answer`; empty for the document itself.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(document)"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

/// Validates a parsed JSON document as a monograph.
pub fn validate(value: &Value) -> Result<Monograph, Vec<Problem>> {
    check(value, monograph)
}

/// Validates a parsed catalog (`content/index.json`).
pub fn validate_catalog(value: &Value) -> Result<Catalog, Vec<Problem>> {
    check(value, catalog)
}

/// Runs a document check: its result only when it found no problem at all.
fn check<T>(
    value: &Value,
    document: fn(&mut Checker, &Value) -> Option<T>,
) -> Result<T, Vec<Problem>> {
    let mut cx = Checker::default();
    match document(&mut cx, value) {
        Some(checked) if cx.problems.is_empty() => Ok(checked),
        _ => Err(cx.problems),
    }
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, path: &str, message: impl Into<String>) {
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
struct Fields<'a> {
    entries: &'a [(String, Value)],
    path: String,
    known: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    fn of(cx: &mut Checker, value: &'a Value, path: &str) -> Option<Self> {
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

    fn required<T>(
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
    fn optional<T>(
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

    fn finish(self, cx: &mut Checker) {
        // JSON.parse keeps the last of repeated keys and serde_json the
        // first; either way one value would be dropped without a word.
        for (index, (key, _)) in self.entries.iter().enumerate() {
            if self.entries[..index]
                .iter()
                .any(|(earlier, _)| earlier == key)
            {
                cx.report(
                    &child(&self.path, key),
                    "appears more than once; keep only one",
                );
            }
        }
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

fn text(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    match value {
        Value::String(s) if s.trim().is_empty() => {
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

fn flag(cx: &mut Checker, value: &Value, path: &str) -> Option<bool> {
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
fn list<T>(
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

fn non_empty_list<T>(
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

fn span(cx: &mut Checker, value: &Value, path: &str) -> Option<Span> {
    let mut fields = Fields::of(cx, value, path)?;
    let text = fields.required(cx, "text", |cx, v, p| match v {
        Value::String(s) if s.is_empty() => {
            cx.report(p, "must not be empty");
            None
        }
        Value::String(s) => Some(s.clone()),
        other => {
            cx.report(p, format!("expected text, found {}", other.kind()));
            None
        }
    });
    let emphasis = fields.optional(cx, "emphasis", flag);
    fields.finish(cx);
    Some(Span {
        text: text?,
        emphasis: emphasis?.unwrap_or(false),
    })
}

fn rich(cx: &mut Checker, value: &Value, path: &str) -> Option<RichText> {
    let rich = RichText(non_empty_list(cx, value, path, span)?);
    if rich.plain().trim().is_empty() {
        cx.report(path, "must contain some text");
        return None;
    }
    Some(rich)
}

fn item(cx: &mut Checker, value: &Value, path: &str) -> Option<Item> {
    let mut fields = Fields::of(cx, value, path)?;
    let term = fields.required(cx, "term", text);
    let body = fields.required(cx, "text", rich);
    let alert = fields.optional(cx, "alert", flag);
    fields.finish(cx);
    Some(Item {
        term: term?,
        text: body?,
        alert: alert?.unwrap_or(false),
    })
}

/// Usage, Dosage and How it works, each under its own names.
fn listed<T: Listed>(cx: &mut Checker, value: &Value, path: &str) -> Option<T> {
    let mut fields = Fields::of(cx, value, path)?;
    let intro = fields.required(cx, "intro", rich);
    let items = fields.required(cx, T::ITEMS, |cx, v, p| non_empty_list(cx, v, p, item));
    let closing = fields.optional(cx, T::CLOSING, rich);
    fields.finish(cx);
    Some(T::from_parts(intro?, items?, closing?))
}

fn side_effect_group(cx: &mut Checker, value: &Value, path: &str) -> Option<SideEffectGroup> {
    let mut fields = Fields::of(cx, value, path)?;
    let intro = fields.required(cx, "intro", rich);
    let items = fields.required(cx, "items", |cx, v, p| non_empty_list(cx, v, p, rich));
    fields.finish(cx);
    Some(SideEffectGroup {
        intro: intro?,
        items: items?,
    })
}

fn side_effects(cx: &mut Checker, value: &Value, path: &str) -> Option<SideEffects> {
    let mut fields = Fields::of(cx, value, path)?;
    let common = fields.optional(cx, "common", side_effect_group);
    let serious = fields.optional(cx, "serious", side_effect_group);
    let advice = fields.optional(cx, "advice", rich);
    fields.finish(cx);
    let section = SideEffects {
        common: common?,
        serious: serious?,
        advice: advice?,
    };
    if section.common.is_none() && section.serious.is_none() {
        cx.report(path, "needs a `common` or a `serious` list");
        return None;
    }
    Some(section)
}

fn precautions(cx: &mut Checker, value: &Value, path: &str) -> Option<Precautions> {
    let mut fields = Fields::of(cx, value, path)?;
    let intro = fields.optional(cx, "intro", rich);
    let items = fields.required(cx, "items", |cx, v, p| non_empty_list(cx, v, p, item));
    fields.finish(cx);
    Some(Precautions {
        intro: intro?,
        items: items?,
    })
}

fn faq(cx: &mut Checker, value: &Value, path: &str) -> Option<Faq> {
    let mut fields = Fields::of(cx, value, path)?;
    let question = fields.required(cx, "question", text);
    let answer = fields.required(cx, "answer", rich);
    fields.finish(cx);
    Some(Faq {
        question: question?,
        answer: answer?,
    })
}

fn codes(cx: &mut Checker, value: &Value, path: &str) -> Option<Codes> {
    let mut fields = Fields::of(cx, value, path)?;
    let rxcui = fields.optional(cx, "rxcui", |cx, v, p| digits(cx, v, p, "an RxNorm RxCUI"));
    let ndc = fields.optional(cx, "ndc", |cx, v, p| list(cx, v, p, ndc));
    fields.finish(cx);
    Some(Codes {
        rxcui: rxcui?,
        ndc: ndc?.unwrap_or_default(),
    })
}

fn digits(cx: &mut Checker, value: &Value, path: &str, what: &str) -> Option<String> {
    let code = text(cx, value, path)?;
    if !code.chars().all(|c| c.is_ascii_digit()) {
        cx.report(path, format!("{what} is written with digits only"));
        return None;
    }
    Some(code)
}

/// NDCs are 10 or 11 digits, usually grouped with hyphens (`0591-2234-10`).
fn ndc(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let code = text(cx, value, path)?;
    let digits = code.chars().filter(char::is_ascii_digit).count();
    let well_formed = code.chars().all(|c| c.is_ascii_digit() || c == '-');
    if !well_formed || !(10..=11).contains(&digits) {
        cx.report(
            path,
            "an NDC has 10 or 11 digits, optionally grouped with hyphens",
        );
        return None;
    }
    Some(code)
}

fn slug(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let id = text(cx, value, path)?;
    let valid = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        cx.report(
            path,
            "use only lowercase letters, digits and hyphens, like \"lenalidomide\"",
        );
        return None;
    }
    Some(id)
}

fn language(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let tag = text(cx, value, path)?;
    let valid = tag.split('-').all(|part| {
        (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
    });
    if !valid {
        cx.report(path, "expected a language tag such as \"en\" or \"es-MX\"");
        return None;
    }
    Some(tag)
}

fn date(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let date = text(cx, value, path)?;
    if !is_calendar_date(&date) {
        cx.report(
            path,
            "expected a date written YYYY-MM-DD, such as \"2026-01-31\"",
        );
        return None;
    }
    Some(date)
}

fn is_calendar_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>())
    else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

fn schema_version(cx: &mut Checker, value: &Value, path: &str) -> Option<u32> {
    version(cx, value, path, SCHEMA_VERSION)
}

fn version(cx: &mut Checker, value: &Value, path: &str, supported: u32) -> Option<u32> {
    match value {
        Value::Number(n) if *n == f64::from(supported) => Some(supported),
        Value::Number(n) => {
            cx.report(
                path,
                format!("unsupported version {n} (this widget reads version {supported})"),
            );
            None
        }
        other => {
            cx.report(path, format!("expected a number, found {}", other.kind()));
            None
        }
    }
}

fn monograph(cx: &mut Checker, value: &Value) -> Option<Monograph> {
    let mut fields = Fields::of(cx, value, "")?;
    let version = fields.required(cx, "schema_version", schema_version);
    let id = fields.required(cx, "id", slug);
    let language = fields.required(cx, "language", language);
    let title = fields.required(cx, "title", text);
    let generic_name = fields.required(cx, "generic_name", text);
    let brand_names = fields.optional(cx, "brand_names", |cx, v, p| list(cx, v, p, text));
    let codes = fields.optional(cx, "codes", codes);
    let source = fields.optional(cx, "source", text);
    let last_reviewed = fields.optional(cx, "last_reviewed", date);
    let next_review = fields.optional(cx, "next_review", date);
    let usage = fields.optional(cx, "usage", listed::<Usage>);
    let dosage = fields.optional(cx, "dosage", listed::<Dosage>);
    let side_effects = fields.optional(cx, "side_effects", side_effects);
    let how_it_works = fields.optional(cx, "how_it_works", listed::<HowItWorks>);
    let precautions = fields.optional(cx, "precautions", precautions);
    let faqs = fields.optional(cx, "faqs", |cx, v, p| non_empty_list(cx, v, p, faq));
    let disclaimer = fields.required(cx, "disclaimer", rich);
    fields.finish(cx);

    version?;
    let monograph = Monograph {
        id: id?,
        language: language?,
        title: title?,
        generic_name: generic_name?,
        brand_names: brand_names?.unwrap_or_default(),
        codes: codes?.unwrap_or_default(),
        source: source?,
        last_reviewed: last_reviewed?,
        next_review: next_review?,
        usage: usage?,
        dosage: dosage?,
        side_effects: side_effects?,
        how_it_works: how_it_works?,
        precautions: precautions?,
        faqs: faqs?.unwrap_or_default(),
        disclaimer: disclaimer?,
    };
    let has_section = monograph.usage.is_some()
        || monograph.dosage.is_some()
        || monograph.side_effects.is_some()
        || monograph.how_it_works.is_some()
        || monograph.precautions.is_some()
        || !monograph.faqs.is_empty();
    if !has_section {
        cx.report(
            "",
            "no sections: add at least one of usage, dosage, side_effects, how_it_works, precautions, faqs",
        );
        return None;
    }
    Some(monograph)
}

fn catalog(cx: &mut Checker, value: &Value) -> Option<Catalog> {
    let mut fields = Fields::of(cx, value, "")?;
    let version = fields.required(cx, "catalog_version", |cx, v, p| {
        version(cx, v, p, CATALOG_VERSION)
    });
    let entries = fields.required(cx, "monographs", |cx, v, p| list(cx, v, p, catalog_entry));
    fields.finish(cx);
    version?;
    Some(Catalog { entries: entries? })
}

fn catalog_entry(cx: &mut Checker, value: &Value, path: &str) -> Option<CatalogEntry> {
    let mut fields = Fields::of(cx, value, path)?;
    let id = fields.required(cx, "id", slug);
    let title = fields.required(cx, "title", text);
    let generic_name = fields.required(cx, "generic_name", text);
    let brand_names = fields.optional(cx, "brand_names", |cx, v, p| list(cx, v, p, text));
    let language = fields.required(cx, "language", language);
    let codes = fields.optional(cx, "codes", codes);
    let last_reviewed = fields.optional(cx, "last_reviewed", date);
    let file = fields.required(cx, "file", file_name);
    fields.finish(cx);
    Some(CatalogEntry {
        id: id?,
        title: title?,
        generic_name: generic_name?,
        brand_names: brand_names?.unwrap_or_default(),
        language: language?,
        codes: codes?.unwrap_or_default(),
        last_reviewed: last_reviewed?,
        file: file?,
    })
}

/// A file beside the catalog: no folders, so a catalog can only point at
/// monographs published with it.
fn file_name(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let name = text(cx, value, path)?;
    let plain = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !plain || !name.ends_with(".json") || name.starts_with('.') {
        cx.report(
            path,
            "expected a file name ending in .json, such as \"lenalidomide.json\"",
        );
        return None;
    }
    Some(name)
}
