//! The monograph data model: plain types with no UI in them.
//!
//! The JSON format is the contract with content editors and integrators;
//! `content/lenalidomide.json` is the reference example. Parsing goes through
//! [`Value`] and [`validate`] so that every problem is reported at once.

mod validate;
mod value;

pub use validate::{validate, Problem};
pub use value::Value;

/// The only format version this widget reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A run of text, optionally emphasised (bold in the editors' Markdown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub emphasis: bool,
}

/// One paragraph of clinical text, kept as spans so emphasis survives
/// without ever carrying Markdown or HTML.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RichText(pub Vec<Span>);

impl RichText {
    /// The paragraph as plain text, spans joined exactly as written.
    pub fn plain(&self) -> String {
        self.0.iter().map(|span| span.text.as_str()).collect()
    }
}

/// A list entry with a lead term: a condition, an action, a precaution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub term: String,
    pub text: RichText,
    /// Safety-critical (a contraindication, for instance): shown apart.
    pub alert: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage {
    pub intro: RichText,
    pub conditions: Vec<Item>,
    pub note: Option<RichText>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dosage {
    pub intro: RichText,
    pub conditions: Vec<Item>,
    pub adjustment: Option<RichText>,
}

/// A list of side effects with the sentence that introduces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideEffectGroup {
    pub intro: RichText,
    pub items: Vec<RichText>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideEffects {
    pub common: Option<SideEffectGroup>,
    pub serious: Option<SideEffectGroup>,
    pub advice: Option<RichText>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HowItWorks {
    pub intro: RichText,
    pub actions: Vec<Item>,
    pub summary: Option<RichText>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Precautions {
    pub intro: Option<RichText>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Faq {
    pub question: String,
    pub answer: RichText,
}

/// Drug codes for lookups by pharmacy systems; empty when the source has none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Codes {
    pub rxcui: Option<String>,
    pub ndc: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Monograph {
    pub id: String,
    /// BCP 47 tag of the clinical text, e.g. `en`.
    pub language: String,
    pub title: String,
    pub generic_name: String,
    pub brand_names: Vec<String>,
    pub codes: Codes,
    pub source: Option<String>,
    /// `YYYY-MM-DD`.
    pub last_reviewed: Option<String>,
    /// `YYYY-MM-DD`.
    pub next_review: Option<String>,
    pub usage: Option<Usage>,
    pub dosage: Option<Dosage>,
    pub side_effects: Option<SideEffects>,
    pub how_it_works: Option<HowItWorks>,
    pub precautions: Option<Precautions>,
    pub faqs: Vec<Faq>,
    pub disclaimer: RichText,
}
