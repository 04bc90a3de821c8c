//! The Side Effects section: a common and a serious list, each with its
//! introduction, and advice after them.

use super::super::inline::plain;
use super::super::outline::SectionBlocks;
use super::super::{Cx, Paragraph};
use crate::diagnostic::Kind;
use crate::markdown::{Block, ListItem};
use monograph_model::walk::Severity;
use monograph_model::{SideEffectGroup, SideEffects};

/// A side-effect list with the paragraph that introduces it.
struct Group<'b> {
    intro: Paragraph<'b>,
    items: &'b [ListItem],
}

impl Group<'_> {
    fn mentions_serious(&self) -> bool {
        plain(self.intro.inlines).to_lowercase().contains("serious")
    }
}

/// Which group holds the common side effects and which the serious ones.
#[derive(Default)]
struct Roles<'g, 'b> {
    common: Option<&'g Group<'b>>,
    serious: Option<&'g Group<'b>>,
}

impl Cx<'_> {
    /// Side Effects: each list is introduced by the paragraph before it;
    /// the list whose introduction mentions "serious" is the serious list,
    /// the other the common one; a paragraph after the last list is advice.
    pub(super) fn side_effects(&mut self, section: &SectionBlocks) -> Option<SideEffects> {
        let mut pending: Vec<Paragraph> = Vec::new();
        let mut groups: Vec<Group> = Vec::new();
        let mut ok = true;
        for block in &section.blocks {
            match block {
                Block::Paragraph { inlines, start } => {
                    pending.push(Paragraph::new(inlines, *start))
                }
                Block::List { items, start } => {
                    if groups.len() == 2 {
                        ok = false;
                        self.report(
                            *start,
                            Kind::ExtraList,
                            "\"Side Effects\" has at most two lists, common side effects and \
                             serious ones: this third list would be lost. Join it with one of them",
                        );
                        pending.clear();
                        continue;
                    }
                    let mut before = pending.drain(..);
                    let intro = before.next_back();
                    ok &= self.report_lost(
                        before,
                        "each side-effect list has one paragraph before it, its introduction: \
                         this extra paragraph would be lost. Join it with the paragraph below it",
                    );
                    match intro {
                        Some(intro) => groups.push(Group { intro, items }),
                        None => {
                            ok = false;
                            self.report(
                                *start,
                                Kind::MissingIntro,
                                "each side-effect list needs a paragraph before it that \
                                 introduces it, like \"Common side effects include:\"",
                            );
                        }
                    }
                }
                other => {
                    ok = false;
                    self.unsupported(other);
                }
            }
        }
        if groups.is_empty() && ok {
            self.report(
                section.start,
                Kind::MissingList,
                "the \"Side Effects\" section has no list: introduce it with a sentence, then \
                 list one side effect per bullet",
            );
            return None;
        }
        // What follows the last list is the advice (one paragraph).
        let mut after = pending.into_iter();
        let advice = after.next();
        ok &= self.report_lost(
            after,
            "\"Side Effects\" has at most one paragraph after its lists, the advice: this second \
             one would be lost. Join the two paragraphs",
        );

        let roles = self.roles(&groups).unwrap_or_else(|| {
            ok = false;
            Roles::default()
        });
        let common = roles.common.and_then(|g| self.group(g, Severity::Common));
        let serious = roles.serious.and_then(|g| self.group(g, Severity::Serious));
        let advice = self.optional_text(advice, "side_effects.advice".into(), &mut ok);
        ok &= common.is_some() == roles.common.is_some();
        ok &= serious.is_some() == roles.serious.is_some();
        if !ok || (common.is_none() && serious.is_none()) {
            return None;
        }
        Some(SideEffects {
            common,
            serious,
            advice,
        })
    }

    /// Tells the common list from the serious one by their introductions;
    /// `None` (with an error) when both or neither mention "serious".
    fn roles<'g, 'b>(&mut self, groups: &'g [Group<'b>]) -> Option<Roles<'g, 'b>> {
        let serious: Vec<bool> = groups.iter().map(Group::mentions_serious).collect();
        let (common, serious) = match serious.as_slice() {
            [] => (None, None),
            [false] => (Some(0), None),
            [true] => (None, Some(0)),
            [false, true] => (Some(0), Some(1)),
            [true, false] => (Some(1), Some(0)),
            [both, _] => {
                let which = if *both {
                    "both side-effect lists are introduced by text that mentions"
                } else {
                    "neither side-effect list is introduced by text that mentions"
                };
                self.report(
                    groups[1].intro.start,
                    Kind::SideEffectsUnclear,
                    format!(
                        "{which} \"serious\", so it is unclear which list holds the serious side \
                         effects: only the introduction of the serious list may use the word \
                         \"serious\""
                    ),
                );
                return None;
            }
            _ => unreachable!("at most two groups"),
        };
        Some(Roles {
            common: common.map(|i| &groups[i]),
            serious: serious.map(|i| &groups[i]),
        })
    }

    /// Reports each of `extra` as a paragraph that would be lost; false
    /// when there was one.
    fn report_lost<'b>(
        &mut self,
        extra: impl IntoIterator<Item = Paragraph<'b>>,
        message: &str,
    ) -> bool {
        let mut none = true;
        for paragraph in extra {
            none = false;
            self.report(paragraph.start, Kind::StrayText, message);
        }
        none
    }

    /// One group's text, its sources placed under `side_effects.common`
    /// or `side_effects.serious`, as the model's walk names them.
    fn group(&mut self, group: &Group, severity: Severity) -> Option<SideEffectGroup> {
        let start = group.intro.start;
        let path = format!("side_effects.{}", severity.field());
        self.place(&path, start);
        self.place(format!("{path}.intro"), start);
        let intro = self.rich_or_empty(group.intro);
        let mut items = Vec::new();
        let mut complete = true;
        for (i, item) in group.items.iter().enumerate() {
            let Some(paragraph) = self.item_paragraph(item) else {
                complete = false;
                continue;
            };
            self.place(format!("{path}.items[{i}]"), paragraph.start);
            match self.rich_or_empty(paragraph) {
                Some(text) => items.push(text),
                None => complete = false,
            }
        }
        let intro = intro?;
        complete.then_some(SideEffectGroup { intro, items })
    }
}
