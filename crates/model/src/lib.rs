//! The monograph data model: plain types with no UI in them.
//!
//! The JSON format is the contract with content editors and integrators;
//! `content/lenalidomide.json` is the reference example. Parsing goes through
//! [`Value`] and [`validate`] so that every problem is reported at once.
//!
//! The same types also write that JSON ([`to_json`], used by the content
//! tools; the widget never serialises) and describe it as a JSON Schema
//! ([`json_schema`]), so the schema cannot drift from the model. The serde and schemars attributes
//! mirror the validator: a field the validator treats as optional is
//! `#[serde(default)]` (and may also be `null`), text it requires to be
//! non-blank carries the pattern `\S`, and a list it requires to be non-empty
//! has a minimum length of 1.
//!
//! Whatever shows, reads aloud or grades the content goes through one walk
//! over it, [`walk::blocks`], so that no field is left out of one of them.

mod codes;
mod content_hash;
mod json;
pub mod limits;
mod listed;
pub mod ndc;
mod parse;
mod section;
mod validate;
mod value;
pub mod walk;

pub use codes::{Claim, CodeIndex, DrugCode, Match};
pub use content_hash::content_hash;
pub use json::{json_schema, to_json};
pub use listed::Listed;
pub use parse::SyntaxError;
pub use section::Section;
pub use validate::{validate, validate_catalog, Problem};
pub use value::Value;

use schemars::JsonSchema;
use serde::Serialize;

/// The only catalog format version this widget reads.
pub const CATALOG_VERSION: u32 = 1;

/// The only format version this widget reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A run of text, optionally emphasised (bold in the editors' Markdown),
/// optionally a word the glossary explains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Span {
    #[schemars(length(min = 1))]
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub emphasis: bool,
    /// The glossary entry (its `term`) that explains this text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"\S"))]
    pub term: Option<String>,
}

/// One paragraph of clinical text, kept as spans so emphasis survives
/// without ever carrying Markdown or HTML.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, JsonSchema)]
#[serde(transparent)]
// At least one span has some text that is not blank.
#[schemars(extend("contains" = {"properties": {"text": {"pattern": "\\S"}}, "required": ["text"]}))]
pub struct RichText(#[schemars(length(min = 1))] pub Vec<Span>);

impl RichText {
    /// The paragraph as plain text, spans joined exactly as written.
    pub fn plain(&self) -> String {
        self.0.iter().map(|span| span.text.as_str()).collect()
    }
}

/// A list entry with a lead term: a condition, an action, a precaution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Item {
    #[schemars(regex(pattern = r"\S"))]
    pub term: String,
    pub text: RichText,
    /// Safety-critical (a contraindication, for instance): shown apart.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub alert: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Usage {
    pub intro: RichText,
    #[schemars(length(min = 1))]
    pub conditions: Vec<Item>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<RichText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Dosage {
    pub intro: RichText,
    #[schemars(length(min = 1))]
    pub conditions: Vec<Item>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjustment: Option<RichText>,
}

/// A list of side effects with the sentence that introduces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SideEffectGroup {
    pub intro: RichText,
    #[schemars(length(min = 1))]
    pub items: Vec<RichText>,
}

/// Needs a `common` or a `serious` list, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[schemars(extend("anyOf" = [
        {"required": ["common"], "properties": {"common": {"type": "object"}}},
        {"required": ["serious"], "properties": {"serious": {"type": "object"}}},
    ]))]
pub struct SideEffects {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common: Option<SideEffectGroup>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serious: Option<SideEffectGroup>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<RichText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct HowItWorks {
    pub intro: RichText,
    #[schemars(length(min = 1))]
    pub actions: Vec<Item>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<RichText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Precautions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<RichText>,
    #[schemars(length(min = 1))]
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Faq {
    #[schemars(regex(pattern = r"\S"))]
    pub question: String,
    pub answer: RichText,
}

/// A word of the clinical text explained in plain language, with where the
/// explanation comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Definition {
    /// The word as the glossary writes it; spans name it in their `term`.
    #[schemars(regex(pattern = r"\S"))]
    pub term: String,
    #[schemars(regex(pattern = r"\S"))]
    pub definition: String,
    /// Where the definition comes from.
    #[schemars(regex(pattern = r"\S"))]
    pub source: String,
}

/// Drug codes for lookups by pharmacy systems; empty when the source has none.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Codes {
    /// RxNorm concept id (RxCUI), digits only.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[0-9]+$"))]
    pub rxcui: Option<String>,
    /// National Drug Codes of packages: 10 digits grouped 4-4-2, 5-3-2 or
    /// 5-4-1 by hyphens, or 11 digits (5-4-2, hyphens optional). Ten digits
    /// without hyphens are refused: they could be three different codes.
    #[serde(default)]
    #[schemars(inner(regex(
        pattern = r"^([0-9]{4}-[0-9]{4}-[0-9]{2}|[0-9]{5}-[0-9]{3}-[0-9]{2}|[0-9]{5}-[0-9]{4}-[0-9]{1,2}|[0-9]{11})$"
    )))]
    pub ndc: Vec<String>,
}

/// Metadata without a value is written out as `null` or `[]`; a section
/// that is absent is left out. At least one section is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[schemars(extend("anyOf" = [
        {"required": ["usage"], "properties": {"usage": {"type": "object"}}},
        {"required": ["dosage"], "properties": {"dosage": {"type": "object"}}},
        {"required": ["side_effects"], "properties": {"side_effects": {"type": "object"}}},
        {"required": ["how_it_works"], "properties": {"how_it_works": {"type": "object"}}},
        {"required": ["precautions"], "properties": {"precautions": {"type": "object"}}},
        {"required": ["faqs"], "properties": {"faqs": {"type": "array"}}},
    ]))]
pub struct Monograph {
    /// Lowercase letters, digits and hyphens, e.g. `lenalidomide`.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    /// BCP 47 tag of the clinical text, e.g. `en`.
    #[schemars(regex(pattern = r"^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8})*$"))]
    pub language: String,
    #[schemars(regex(pattern = r"\S"))]
    pub title: String,
    #[schemars(regex(pattern = r"\S"))]
    pub generic_name: String,
    #[serde(default)]
    #[schemars(inner(regex(pattern = r"\S")))]
    pub brand_names: Vec<String>,
    #[serde(default)]
    pub codes: Codes,
    /// Where the text comes from.
    #[serde(default)]
    #[schemars(regex(pattern = r"\S"))]
    pub source: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub last_reviewed: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub next_review: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dosage: Option<Dosage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side_effects: Option<SideEffects>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how_it_works: Option<HowItWorks>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precautions: Option<Precautions>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(min = 1))]
    pub faqs: Vec<Faq>,
    pub disclaimer: RichText,
    /// The definitions of the terms the text marks, each used at least once,
    /// so that a monograph explains its words without another file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(min = 1))]
    pub glossary: Vec<Definition>,
}

impl Monograph {
    /// The glossary's definition of `term`.
    pub fn definition(&self, term: &str) -> Option<&Definition> {
        self.glossary.iter().find(|entry| entry.term == term)
    }
}

/// One monograph in the catalog (`content/index.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogEntry {
    pub id: String,
    pub title: String,
    pub generic_name: String,
    pub brand_names: Vec<String>,
    pub language: String,
    pub codes: Codes,
    pub last_reviewed: Option<String>,
    /// The monograph's file name, beside the catalog.
    pub file: String,
}

impl CatalogEntry {
    /// The catalog's entry for `monograph`, published as `file`.
    pub fn new(monograph: &Monograph, file: &str) -> CatalogEntry {
        CatalogEntry {
            id: monograph.id.clone(),
            title: monograph.title.clone(),
            generic_name: monograph.generic_name.clone(),
            brand_names: monograph.brand_names.clone(),
            language: monograph.language.clone(),
            codes: monograph.codes.clone(),
            last_reviewed: monograph.last_reviewed.clone(),
            file: file.to_owned(),
        }
    }
}

/// The list of monographs a site publishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    pub entries: Vec<CatalogEntry>,
    /// Which monograph each drug code leads to.
    pub codes: CodeIndex,
}
