//! Checks of the formats that identify a monograph and its drug: ids,
//! language tags, codes, dates, format versions and file names.

use super::checker::{list, text, Checker, Fields};
use crate::{Codes, Value, SCHEMA_VERSION};

pub(super) fn codes(cx: &mut Checker, value: &Value, path: &str) -> Option<Codes> {
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
    let all_digits = |code: &str| code.chars().all(|c| c.is_ascii_digit());
    let message = format!("{what} is written with digits only");
    formatted(cx, value, path, all_digits, message)
}

fn ndc(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let message = "an NDC has 10 or 11 digits, optionally grouped with hyphens";
    formatted(cx, value, path, is_ndc, message)
}

/// NDCs are 10 or 11 digits, usually grouped with hyphens (`0591-2234-10`).
fn is_ndc(code: &str) -> bool {
    let digits = code.chars().filter(char::is_ascii_digit).count();
    code.chars().all(|c| c.is_ascii_digit() || c == '-') && (10..=11).contains(&digits)
}

pub(super) fn slug(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let is_slug = |id: &str| {
        id.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let message = "use only lowercase letters, digits and hyphens, like \"lenalidomide\"";
    formatted(cx, value, path, is_slug, message)
}

pub(super) fn language(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let is_tag = |tag: &str| {
        tag.split('-').all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
    };
    let message = "expected a language tag such as \"en\" or \"es-MX\"";
    formatted(cx, value, path, is_tag, message)
}

pub(super) fn date(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let message = "expected a date written YYYY-MM-DD, such as \"2026-01-31\"";
    formatted(cx, value, path, is_calendar_date, message)
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

pub(super) fn schema_version(cx: &mut Checker, value: &Value, path: &str) -> Option<u32> {
    version(cx, value, path, SCHEMA_VERSION)
}

pub(super) fn version(cx: &mut Checker, value: &Value, path: &str, supported: u32) -> Option<u32> {
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

pub(super) fn file_name(cx: &mut Checker, value: &Value, path: &str) -> Option<String> {
    let message = "expected a file name ending in .json, such as \"lenalidomide.json\"";
    formatted(cx, value, path, is_file_name, message)
}

/// A file beside the catalog: no folders, so a catalog can only point at
/// monographs published with it.
fn is_file_name(name: &str) -> bool {
    let plain = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    plain && name.ends_with(".json") && !name.starts_with('.')
}

/// Text in a format that `valid` accepts; otherwise `message` is reported.
fn formatted(
    cx: &mut Checker,
    value: &Value,
    path: &str,
    valid: impl FnOnce(&str) -> bool,
    message: impl Into<String>,
) -> Option<String> {
    let text = text(cx, value, path)?;
    if !valid(&text) {
        cx.report(path, message);
        return None;
    }
    Some(text)
}
