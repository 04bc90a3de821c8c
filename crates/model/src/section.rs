//! The sections a monograph can have, in their fixed reading order. The
//! widget shows each as a tab; the editors' Markdown gives each a heading.

use crate::Monograph;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Usage,
    Dosage,
    SideEffects,
    HowItWorks,
    Precautions,
    Faqs,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Usage,
        Section::Dosage,
        Section::SideEffects,
        Section::HowItWorks,
        Section::Precautions,
        Section::Faqs,
    ];

    /// The name used in element ids and in addresses (`#dosage`).
    pub fn slug(self) -> &'static str {
        match self {
            Section::Usage => "usage",
            Section::Dosage => "dosage",
            Section::SideEffects => "side-effects",
            Section::HowItWorks => "how-it-works",
            Section::Precautions => "precautions",
            Section::Faqs => "faqs",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|section| section.slug() == slug)
    }

    /// The section's field in the monograph JSON (`side_effects`).
    pub fn field(self) -> &'static str {
        match self {
            Section::Usage => "usage",
            Section::Dosage => "dosage",
            Section::SideEffects => "side_effects",
            Section::HowItWorks => "how_it_works",
            Section::Precautions => "precautions",
            Section::Faqs => "faqs",
        }
    }

    /// Whether `monograph` has this section.
    pub fn is_in(self, monograph: &Monograph) -> bool {
        match self {
            Section::Usage => monograph.usage.is_some(),
            Section::Dosage => monograph.dosage.is_some(),
            Section::SideEffects => monograph.side_effects.is_some(),
            Section::HowItWorks => monograph.how_it_works.is_some(),
            Section::Precautions => monograph.precautions.is_some(),
            Section::Faqs => !monograph.faqs.is_empty(),
        }
    }

    /// The sections this monograph has, in order.
    pub fn present_in(monograph: &Monograph) -> Vec<Section> {
        Section::ALL
            .into_iter()
            .filter(|section| section.is_in(monograph))
            .collect()
    }

    /// The section to show for a request: the requested one when the
    /// monograph has it, otherwise its first.
    pub fn resolve(requested: Option<Section>, monograph: &Monograph) -> Section {
        requested
            .filter(|section| section.is_in(monograph))
            .or_else(|| Section::ALL.into_iter().find(|s| s.is_in(monograph)))
            .unwrap_or(Section::Usage)
    }
}
