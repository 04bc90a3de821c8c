//! The `###` headings of the editors' Markdown: the generic name, then the
//! monograph's sections, each under the name editors write.

use monograph_model::Section;

/// A heading the format knows. Converting matches on it exhaustively, so
/// every heading has its own conversion and none can fall through to
/// another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// `### Generic Name`: one line, the monograph's `generic_name`.
    GenericName,
    /// One of the sections the widget shows as a tab.
    Section(Section),
}

impl Heading {
    /// Every heading, in the order editors are told about them.
    pub const ALL: [Heading; 7] = [
        Heading::GenericName,
        Heading::Section(Section::Usage),
        Heading::Section(Section::Dosage),
        Heading::Section(Section::SideEffects),
        Heading::Section(Section::HowItWorks),
        Heading::Section(Section::Precautions),
        Heading::Section(Section::Faqs),
    ];

    /// As editors write it: `Side Effects` in `### Side Effects`.
    pub fn text(self) -> &'static str {
        match self {
            Heading::GenericName => "Generic Name",
            Heading::Section(section) => match section {
                Section::Usage => "Usage",
                Section::Dosage => "Dosage",
                Section::SideEffects => "Side Effects",
                Section::HowItWorks => "How it Works",
                Section::Precautions => "Precautions",
                Section::Faqs => "FAQs",
            },
        }
    }

    /// The monograph's JSON field that the text under it fills.
    pub fn field(self) -> &'static str {
        match self {
            Heading::GenericName => "generic_name",
            Heading::Section(section) => section.field(),
        }
    }

    /// The heading whose text is `text`, ignoring case and a trailing
    /// colon (`### usage:`).
    pub fn named(text: &str) -> Option<Heading> {
        let text = text.trim_end_matches(':').trim().to_lowercase();
        Heading::ALL
            .into_iter()
            .find(|heading| heading.text().to_lowercase() == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_a_heading_after_the_generic_name() {
        let sections: Vec<Heading> = Section::ALL.into_iter().map(Heading::Section).collect();
        assert_eq!(Heading::ALL[0], Heading::GenericName);
        assert_eq!(Heading::ALL[1..], sections[..]);
    }

    #[test]
    fn headings_are_found_by_their_text_whatever_the_case() {
        for heading in Heading::ALL {
            assert_eq!(Heading::named(heading.text()), Some(heading));
            assert_eq!(
                Heading::named(&format!("{}:", heading.text().to_uppercase())),
                Some(heading)
            );
        }
        assert_eq!(Heading::named("Storage"), None);
        assert_eq!(Heading::named(""), None);
    }
}
