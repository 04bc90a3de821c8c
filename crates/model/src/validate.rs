//! Turns a [`Value`] into a [`Monograph`], collecting every problem with the
//! path where it was found (`faqs[3].answer: missing`).

mod checker;
mod formats;
mod glossary;

use super::*;
use checker::{flag, list, non_empty_list, span_text, text, Checker, Fields, Path};
use formats::{code_index, codes, date, file_name, language, schema_version, slug, version};
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

fn span(cx: &mut Checker, value: &Value, path: &Path) -> Option<Span> {
    let mut fields = Fields::of(cx, value, path)?;
    let text = fields.required(cx, "text", span_text);
    let emphasis = fields.optional(cx, "emphasis", flag);
    let term = fields.optional(cx, "term", checker::text);
    fields.finish(cx);
    let term = term?;
    if let Some(term) = &term {
        cx.term_uses
            .push((path.field("term").to_string(), term.clone()));
    }
    Some(Span {
        text: text?,
        emphasis: emphasis?.unwrap_or(false),
        term,
    })
}

fn rich(cx: &mut Checker, value: &Value, path: &Path) -> Option<RichText> {
    let rich = RichText(non_empty_list(cx, value, path, span)?);
    if rich.plain().trim().is_empty() {
        cx.report(path, "must contain some text");
        return None;
    }
    Some(rich)
}

fn item(cx: &mut Checker, value: &Value, path: &Path) -> Option<Item> {
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
fn listed<T: Listed>(cx: &mut Checker, value: &Value, path: &Path) -> Option<T> {
    let mut fields = Fields::of(cx, value, path)?;
    let intro = fields.required(cx, "intro", rich);
    let items = fields.required(cx, T::ITEMS, |cx, v, p| non_empty_list(cx, v, p, item));
    let closing = fields.optional(cx, T::CLOSING, rich);
    fields.finish(cx);
    Some(T::from_parts(intro?, items?, closing?))
}

fn side_effect_group(cx: &mut Checker, value: &Value, path: &Path) -> Option<SideEffectGroup> {
    let mut fields = Fields::of(cx, value, path)?;
    let intro = fields.required(cx, "intro", rich);
    let items = fields.required(cx, "items", |cx, v, p| non_empty_list(cx, v, p, rich));
    fields.finish(cx);
    Some(SideEffectGroup {
        intro: intro?,
        items: items?,
    })
}

fn side_effects(cx: &mut Checker, value: &Value, path: &Path) -> Option<SideEffects> {
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

fn precautions(cx: &mut Checker, value: &Value, path: &Path) -> Option<Precautions> {
    let mut fields = Fields::of(cx, value, path)?;
    let intro = fields.optional(cx, "intro", rich);
    let items = fields.required(cx, "items", |cx, v, p| non_empty_list(cx, v, p, item));
    fields.finish(cx);
    Some(Precautions {
        intro: intro?,
        items: items?,
    })
}

fn faq(cx: &mut Checker, value: &Value, path: &Path) -> Option<Faq> {
    let mut fields = Fields::of(cx, value, path)?;
    let question = fields.required(cx, "question", text);
    let answer = fields.required(cx, "answer", rich);
    fields.finish(cx);
    Some(Faq {
        question: question?,
        answer: answer?,
    })
}

fn monograph(cx: &mut Checker, value: &Value) -> Option<Monograph> {
    let mut fields = Fields::of(cx, value, &Path::Root)?;
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
    let glossary = fields.optional(cx, "glossary", glossary::entries);
    fields.finish(cx);
    let glossary = glossary?.unwrap_or_default();
    glossary::check_marks(cx, &glossary);

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
        glossary,
    };
    let has_section = monograph.usage.is_some()
        || monograph.dosage.is_some()
        || monograph.side_effects.is_some()
        || monograph.how_it_works.is_some()
        || monograph.precautions.is_some()
        || !monograph.faqs.is_empty();
    if !has_section {
        cx.report(
            Path::Root,
            "no sections: add at least one of usage, dosage, side_effects, how_it_works, precautions, faqs",
        );
        return None;
    }
    if cx.problems.is_empty() {
        glossary::check_unmarked(cx, &monograph.glossary);
    }
    Some(monograph)
}

fn catalog(cx: &mut Checker, value: &Value) -> Option<Catalog> {
    let mut fields = Fields::of(cx, value, &Path::Root)?;
    let version = fields.required(cx, "catalog_version", |cx, v, p| {
        version(cx, v, p, CATALOG_VERSION)
    });
    let entries = fields.required(cx, "monographs", |cx, v, p| list(cx, v, p, catalog_entry));
    let codes = fields.optional(cx, "codes", code_index);
    fields.finish(cx);
    version?;
    let (entries, codes) = (entries?, codes?.unwrap_or_default());
    // A code leads to a monograph the catalog lists, or the link is broken.
    let mut ids: Vec<&str> = Vec::new();
    if !(codes.rxcui.is_empty() && codes.ndc.is_empty()) {
        ids = entries.iter().map(|entry| entry.id.as_str()).collect();
        ids.sort_unstable();
    }
    for (system, map) in [("rxcui", &codes.rxcui), ("ndc", &codes.ndc)] {
        for (code, id) in map {
            if ids.binary_search(&id.as_str()).is_err() {
                let map = Path::Root.field("codes");
                let map = map.field(system);
                cx.report(
                    map.field(code),
                    format!("\"{id}\" is not the id of a monograph in this catalog"),
                );
            }
        }
    }
    Some(Catalog { entries, codes })
}

fn catalog_entry(cx: &mut Checker, value: &Value, path: &Path) -> Option<CatalogEntry> {
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
