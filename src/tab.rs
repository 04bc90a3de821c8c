//! The tabs a monograph can show, in their fixed order.

use crate::model::Monograph;
use crate::strings::Strings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Usage,
    Dosage,
    SideEffects,
    HowItWorks,
    Precautions,
    Faqs,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Usage,
        Tab::Dosage,
        Tab::SideEffects,
        Tab::HowItWorks,
        Tab::Precautions,
        Tab::Faqs,
    ];

    /// The name used in element ids and in the page address (`#dosage`).
    pub fn slug(self) -> &'static str {
        match self {
            Tab::Usage => "usage",
            Tab::Dosage => "dosage",
            Tab::SideEffects => "side-effects",
            Tab::HowItWorks => "how-it-works",
            Tab::Precautions => "precautions",
            Tab::Faqs => "faqs",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|tab| tab.slug() == slug)
    }

    pub fn label(self, strings: &Strings) -> &'static str {
        match self {
            Tab::Usage => strings.tab_usage,
            Tab::Dosage => strings.tab_dosage,
            Tab::SideEffects => strings.tab_side_effects,
            Tab::HowItWorks => strings.tab_how_it_works,
            Tab::Precautions => strings.tab_precautions,
            Tab::Faqs => strings.tab_faqs,
        }
    }

    /// The tab to show for a request: the requested one when the monograph
    /// has it, otherwise its first.
    pub fn resolve(requested: Option<Tab>, monograph: &Monograph) -> Tab {
        let present = Tab::present_in(monograph);
        requested
            .filter(|tab| present.contains(tab))
            .or(present.first().copied())
            .unwrap_or(Tab::Usage)
    }

    /// The tabs this monograph has: one per section present.
    pub fn present_in(monograph: &Monograph) -> Vec<Tab> {
        Tab::ALL
            .into_iter()
            .filter(|tab| match tab {
                Tab::Usage => monograph.usage.is_some(),
                Tab::Dosage => monograph.dosage.is_some(),
                Tab::SideEffects => monograph.side_effects.is_some(),
                Tab::HowItWorks => monograph.how_it_works.is_some(),
                Tab::Precautions => monograph.precautions.is_some(),
                Tab::Faqs => !monograph.faqs.is_empty(),
            })
            .collect()
    }
}
