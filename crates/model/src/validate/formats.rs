//! Checks of the formats that identify a monograph and its drug: ids,
//! language tags, codes, dates, format versions and file names.

use super::checker::{list, text, Checker, Fields, Path};
use crate::ndc::Ndc;
use crate::{CodeIndex, Codes, Value, SCHEMA_VERSION};
use std::collections::BTreeMap;

pub(super) fn codes(cx: &mut Checker, value: &Value, path: &Path) -> Option<Codes> {
    let mut fields = Fields::of(cx, value, path)?;
    let rxcui = fields.optional(cx, "rxcui", |cx, v, p| digits(cx, v, p, "an RxNorm RxCUI"));
    let ndc = fields.optional(cx, "ndc", |cx, v, p| list(cx, v, p, ndc));
    fields.finish(cx);
    Some(Codes {
        rxcui: rxcui?,
        ndc: ndc?.unwrap_or_default(),
    })
}

fn digits(cx: &mut Checker, value: &Value, path: &Path, what: &str) -> Option<String> {
    let text = text(cx, value, path)?;
    if !is_digits(&text) {
        cx.report(path, format!("{what} is written with digits only"));
        return None;
    }
    Some(text)
}

fn is_digits(code: &str) -> bool {
    !code.is_empty() && code.chars().all(|c| c.is_ascii_digit())
}

fn ndc(cx: &mut Checker, value: &Value, path: &Path) -> Option<String> {
    let message = "an NDC is one package's code: 10 digits grouped 4-4-2, 5-3-2 or 5-4-1 \
                   with hyphens (\"0591-2234-10\"), or 11 digits";
    formatted(cx, value, path, is_package_ndc, message)
}

/// Ten digits without hyphens could be three codes, so a monograph writes
/// the hyphens, or the 11-digit form, which is unambiguous.
fn is_package_ndc(code: &str) -> bool {
    Ndc::parse(code).is_some_and(|ndc| ndc.package().is_some()) && code.trim() == code
}

/// The catalog's code index: `{"rxcui": {code: id}, "ndc": {code: id}}`.
pub(super) fn code_index(cx: &mut Checker, value: &Value, path: &Path) -> Option<CodeIndex> {
    let mut fields = Fields::of(cx, value, path)?;
    let rxcui = fields.optional(cx, "rxcui", |cx, v, p| {
        code_map(cx, v, p, is_digits, "an RxCUI (digits only)")
    });
    let is_11_digits = |code: &str| code.len() == 11 && is_digits(code);
    let ndc = fields.optional(cx, "ndc", |cx, v, p| {
        code_map(cx, v, p, is_11_digits, "an NDC in 11 digits")
    });
    fields.finish(cx);
    Some(CodeIndex {
        rxcui: rxcui?.unwrap_or_default(),
        ndc: ndc?.unwrap_or_default(),
    })
}

/// An object from codes (keys that `valid_key` accepts) to monograph ids.
fn code_map(
    cx: &mut Checker,
    value: &Value,
    path: &Path,
    valid_key: impl Fn(&str) -> bool,
    what: &str,
) -> Option<BTreeMap<String, String>> {
    let Value::Object(entries) = value else {
        cx.report(path, format!("expected an object, found {}", value.kind()));
        return None;
    };
    let mut map = Some(BTreeMap::new());
    for (code, id) in entries {
        let path = path.field(code);
        let id = slug(cx, id, &path);
        if !valid_key(code) {
            cx.report(path, format!("expected {what}"));
        }
        match (id, &mut map) {
            (Some(id), Some(map)) if valid_key(code) => {
                map.insert(code.clone(), id);
            }
            _ => map = None,
        }
    }
    map
}

pub(super) fn slug(cx: &mut Checker, value: &Value, path: &Path) -> Option<String> {
    let is_slug = |id: &str| {
        id.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let message = "use only lowercase letters, digits and hyphens, like \"lenalidomide\"";
    formatted(cx, value, path, is_slug, message)
}

pub(super) fn language(cx: &mut Checker, value: &Value, path: &Path) -> Option<String> {
    let is_tag = |tag: &str| {
        tag.split('-').all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
    };
    let message = "expected a language tag such as \"en\" or \"es-MX\"";
    formatted(cx, value, path, is_tag, message)
}

pub(super) fn date(cx: &mut Checker, value: &Value, path: &Path) -> Option<String> {
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

pub(super) fn schema_version(cx: &mut Checker, value: &Value, path: &Path) -> Option<u32> {
    version(cx, value, path, SCHEMA_VERSION)
}

pub(super) fn version(cx: &mut Checker, value: &Value, path: &Path, supported: u32) -> Option<u32> {
    match value {
        Value::Number(n) if *n == f64::from(supported) => Some(supported),
        Value::Number(n) => {
            // A version is a whole number; printing any other kind of
            // number would carry float formatting into the widget.
            let found = if n.fract() == 0.0 && n.abs() < 1e15 {
                format!(" {}", *n as i64)
            } else {
                ": not a whole number".to_owned()
            };
            cx.report(
                path,
                format!("unsupported version{found} (this widget reads version {supported})"),
            );
            None
        }
        other => {
            cx.report(path, format!("expected a number, found {}", other.kind()));
            None
        }
    }
}

pub(super) fn file_name(cx: &mut Checker, value: &Value, path: &Path) -> Option<String> {
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
    path: &Path,
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
