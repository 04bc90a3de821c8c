//! One walk over a monograph's content, in reading order: every consumer
//! (the panels, read-aloud, the reading grade) goes through [`blocks`], so a
//! field added to a section cannot be shown but not read, or read but not
//! graded. Each section struct is destructured in full, without `..` (here
//! and in [`Listed`]): a new field does not compile until the walk places it.

use crate::{
    Faq, Item, Listed, Monograph, Precautions, RichText, Section, SideEffectGroup, SideEffects,
};

/// One piece of a section's content. `field` is its name in the section's
/// JSON object (`intro`, `conditions`, `note`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block<'a> {
    /// A paragraph on its own: an introduction or a closing paragraph.
    Paragraph {
        field: &'static str,
        text: &'a RichText,
    },
    /// Entries with a lead term (conditions, actions, precautions).
    Items {
        field: &'static str,
        items: &'a [Item],
    },
    /// A list of side effects after the sentence that introduces it.
    SideEffects {
        severity: Severity,
        group: &'a SideEffectGroup,
    },
    /// What to do about side effects, after their lists (`advice`).
    Advice(&'a RichText),
    /// One question and its answer: an entry of the `faqs` list.
    Faq(&'a Faq),
}

/// Which of the two side-effect lists a group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Common,
    Serious,
}

impl Severity {
    /// Its name in the `side_effects` JSON object.
    pub fn field(self) -> &'static str {
        match self {
            Severity::Common => "common",
            Severity::Serious => "serious",
        }
    }
}

impl Block<'_> {
    /// The block's name in its section's JSON object; `None` for a FAQ,
    /// which is an entry of a list rather than a named field.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Block::Paragraph { field, .. } | Block::Items { field, .. } => Some(field),
            Block::SideEffects { severity, .. } => Some(severity.field()),
            Block::Advice(_) => Some("advice"),
            Block::Faq(_) => None,
        }
    }
}

/// The blocks of one section of `monograph`, in reading order; none when
/// the monograph lacks the section.
pub fn blocks(monograph: &Monograph, section: Section) -> Vec<Block<'_>> {
    match section {
        Section::Usage => monograph.usage.iter().flat_map(listed).collect(),
        Section::Dosage => monograph.dosage.iter().flat_map(listed).collect(),
        Section::SideEffects => monograph
            .side_effects
            .iter()
            .flat_map(side_effects)
            .collect(),
        Section::HowItWorks => monograph.how_it_works.iter().flat_map(listed).collect(),
        Section::Precautions => monograph.precautions.iter().flat_map(precautions).collect(),
        Section::Faqs => monograph.faqs.iter().map(Block::Faq).collect(),
    }
}

/// The paragraphs of one section of `monograph` that can be changed, in the
/// order [`blocks`] reads them: an item's text, a side-effect group's
/// introduction then its entries, a FAQ's answer. Used to add structure to
/// spans (glossary marks) without a second notion of reading order.
pub fn texts_mut(monograph: &mut Monograph, section: Section) -> Vec<&mut RichText> {
    fn items(items: &mut [Item]) -> impl Iterator<Item = &mut RichText> {
        items.iter_mut().map(|item| &mut item.text)
    }
    fn listed<T: Listed>(section: &mut T) -> Vec<&mut RichText> {
        let (intro, list, closing) = section.parts_mut();
        std::iter::once(intro)
            .chain(items(list))
            .chain(closing)
            .collect()
    }
    fn group(group: &mut SideEffectGroup) -> impl Iterator<Item = &mut RichText> {
        let SideEffectGroup { intro, items } = group;
        std::iter::once(intro).chain(items.iter_mut())
    }
    match section {
        Section::Usage => monograph.usage.iter_mut().flat_map(listed).collect(),
        Section::Dosage => monograph.dosage.iter_mut().flat_map(listed).collect(),
        Section::HowItWorks => monograph.how_it_works.iter_mut().flat_map(listed).collect(),
        Section::SideEffects => monograph
            .side_effects
            .iter_mut()
            .flat_map(|section| {
                let SideEffects {
                    common,
                    serious,
                    advice,
                } = section;
                common
                    .iter_mut()
                    .flat_map(group)
                    .chain(serious.iter_mut().flat_map(group))
                    .chain(advice.iter_mut())
                    .collect::<Vec<_>>()
            })
            .collect(),
        Section::Precautions => monograph
            .precautions
            .iter_mut()
            .flat_map(|section| {
                let Precautions { intro, items: list } = section;
                intro.iter_mut().chain(items(list)).collect::<Vec<_>>()
            })
            .collect(),
        Section::Faqs => monograph
            .faqs
            .iter_mut()
            .map(|faq| &mut faq.answer)
            .collect(),
    }
}

fn listed<T: Listed>(section: &T) -> Vec<Block<'_>> {
    let (intro, items, closing) = section.parts();
    let mut blocks = vec![
        Block::Paragraph {
            field: "intro",
            text: intro,
        },
        Block::Items {
            field: T::ITEMS,
            items,
        },
    ];
    blocks.extend(closing.map(|text| Block::Paragraph {
        field: T::CLOSING,
        text,
    }));
    blocks
}

fn side_effects(section: &SideEffects) -> Vec<Block<'_>> {
    let SideEffects {
        common,
        serious,
        advice,
    } = section;
    let groups = [(Severity::Common, common), (Severity::Serious, serious)];
    groups
        .into_iter()
        .filter_map(|(severity, group)| {
            let group = group.as_ref()?;
            Some(Block::SideEffects { severity, group })
        })
        .chain(advice.iter().map(Block::Advice))
        .collect()
}

fn precautions(section: &Precautions) -> Vec<Block<'_>> {
    let Precautions { intro, items } = section;
    intro
        .iter()
        .map(|text| Block::Paragraph {
            field: "intro",
            text,
        })
        .chain([Block::Items {
            field: "items",
            items,
        }])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{to_json, Span, Value};

    fn text(text: &str) -> RichText {
        RichText(vec![Span {
            text: text.to_owned(),
            emphasis: false,
            term: None,
        }])
    }

    fn item(term: &str) -> Item {
        Item {
            term: term.to_owned(),
            text: text("Text."),
            alert: false,
        }
    }

    fn group(intro: &str) -> SideEffectGroup {
        SideEffectGroup {
            intro: text(intro),
            items: vec![text("Item.")],
        }
    }

    /// A listed section with its closing paragraph.
    fn listed<T: Listed>(name: &str) -> Option<T> {
        Some(T::from_parts(
            text(&format!("{name} intro.")),
            vec![item(name)],
            Some(text(&format!("{name} closing."))),
        ))
    }

    /// Every optional part present, so that every field has a block.
    fn complete() -> Monograph {
        Monograph {
            id: "examplomab".into(),
            language: "en".into(),
            title: "Examplomab".into(),
            generic_name: "examplomab".into(),
            brand_names: Vec::new(),
            codes: Default::default(),
            source: None,
            last_reviewed: None,
            next_review: None,
            usage: listed("Usage"),
            dosage: listed("Dosage"),
            side_effects: Some(SideEffects {
                common: Some(group("Common intro.")),
                serious: Some(group("Serious intro.")),
                advice: Some(text("Advice.")),
            }),
            how_it_works: listed("How it works"),
            precautions: Some(Precautions {
                intro: Some(text("Precautions intro.")),
                items: vec![item("Pregnancy")],
            }),
            faqs: vec![
                Faq {
                    question: "One?".into(),
                    answer: text("Yes."),
                },
                Faq {
                    question: "Two?".into(),
                    answer: text("No."),
                },
            ],
            disclaimer: text("Not advice."),
            glossary: Vec::new(),
        }
    }

    /// The walk names exactly the fields the JSON has, each once, in the
    /// order they are written: checked against the serialised JSON, so the
    /// names come from the types rather than from the walk itself.
    #[test]
    fn every_field_of_every_section_is_walked_in_order() {
        let monograph = complete();
        let json: Value = serde_json::from_str(&to_json(&monograph)).expect("to_json writes JSON");
        let Value::Object(document) = json else {
            panic!("to_json writes an object");
        };
        for section in Section::ALL {
            let walked = blocks(&monograph, section);
            let written = document
                .iter()
                .find(|(key, _)| key == section.field())
                .map(|(_, value)| value);
            match written {
                Some(Value::Object(fields)) => {
                    let names: Vec<Option<&str>> = walked.iter().map(Block::field).collect();
                    let expected: Vec<Option<&str>> =
                        fields.iter().map(|(key, _)| Some(key.as_str())).collect();
                    assert_eq!(names, expected, "{section:?}");
                }
                Some(Value::Array(entries)) => {
                    let faqs: Vec<Block> = monograph.faqs.iter().map(Block::Faq).collect();
                    assert_eq!(walked, faqs, "{section:?}");
                    assert_eq!(walked.len(), entries.len());
                }
                other => panic!("{section:?} is written as {other:?}"),
            }
        }
    }

    #[test]
    fn optional_parts_that_are_absent_have_no_block() {
        let mut monograph = complete();
        if let Some(usage) = &mut monograph.usage {
            usage.note = None;
        }
        if let Some(side_effects) = &mut monograph.side_effects {
            side_effects.common = None;
            side_effects.advice = None;
        }
        if let Some(precautions) = &mut monograph.precautions {
            precautions.intro = None;
        }
        let fields = |section| -> Vec<Option<&str>> {
            blocks(&monograph, section)
                .iter()
                .map(Block::field)
                .collect()
        };
        assert_eq!(fields(Section::Usage), [Some("intro"), Some("conditions")]);
        assert_eq!(fields(Section::SideEffects), [Some("serious")]);
        assert_eq!(fields(Section::Precautions), [Some("items")]);
    }

    /// The paragraphs of each block, in order, as read through [`blocks`].
    fn texts_read(monograph: &Monograph, section: Section) -> Vec<String> {
        let mut texts = Vec::new();
        for block in blocks(monograph, section) {
            match block {
                Block::Paragraph { text, .. } | Block::Advice(text) => texts.push(text.plain()),
                Block::Items { items, .. } => {
                    texts.extend(items.iter().map(|item| item.text.plain()))
                }
                Block::SideEffects { group, .. } => {
                    texts.push(group.intro.plain());
                    texts.extend(group.items.iter().map(RichText::plain));
                }
                Block::Faq(faq) => texts.push(faq.answer.plain()),
            }
        }
        texts
    }

    #[test]
    fn the_texts_to_change_are_the_texts_read_in_the_same_order() {
        let mut monograph = complete();
        for section in Section::ALL {
            let read = texts_read(&monograph, section);
            let changed: Vec<String> = texts_mut(&mut monograph, section)
                .into_iter()
                .map(|text| text.plain())
                .collect();
            assert_eq!(changed, read, "{section:?}");
        }
    }

    #[test]
    fn a_missing_section_has_no_blocks() {
        let mut monograph = complete();
        monograph.dosage = None;
        monograph.faqs.clear();
        assert!(blocks(&monograph, Section::Dosage).is_empty());
        assert!(blocks(&monograph, Section::Faqs).is_empty());
    }
}
