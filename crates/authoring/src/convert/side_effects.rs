//! The Side Effects section: a common and a serious list, each with its
//! introduction, and advice after them.

use super::inline::plain;
use super::{Cx, Paragraph, SectionBlocks};
use crate::diagnostic::Kind;
use crate::markdown::{Block, ListItem};
use monograph_model::{SideEffectGroup, SideEffects};

impl Cx<'_> {
    /// Side Effects: each list is introduced by the paragraph before it;
    /// the list whose introduction mentions "serious" is the serious list,
    /// the other the common one; a paragraph after the last list is advice.
    pub(super) fn side_effects(&mut self, section: &SectionBlocks) -> Option<SideEffects> {
        let mut pending: Vec<Paragraph> = Vec::new();
        let mut groups: Vec<(Paragraph, &Vec<ListItem>, usize)> = Vec::new();
        let mut ok = true;
        for block in &section.blocks {
            match block {
                Block::Paragraph { inlines, start } => pending.push((inlines, *start)),
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
                    for extra in before {
                        ok = false;
                        self.report(
                            extra.1,
                            Kind::StrayText,
                            "each side-effect list has one paragraph before it, its \
                             introduction: this extra paragraph would be lost. Join it with the \
                             paragraph below it",
                        );
                    }
                    match intro {
                        Some(intro) => groups.push((intro, items, *start)),
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
                section.heading,
                Kind::MissingList,
                "the \"Side Effects\" section has no list: introduce it with a sentence, then \
                 list one side effect per bullet",
            );
            return None;
        }
        // What follows the last list is the advice (one paragraph).
        let mut after = pending.into_iter();
        let advice = after.next();
        for extra in after {
            ok = false;
            self.report(
                extra.1,
                Kind::StrayText,
                "\"Side Effects\" has at most one paragraph after its lists, the advice: this \
                 second one would be lost. Join the two paragraphs",
            );
        }

        let serious: Vec<bool> = groups
            .iter()
            .map(|((inlines, _), _, _)| plain(inlines).to_lowercase().contains("serious"))
            .collect();
        let (common_index, serious_index) = match serious.as_slice() {
            [] => (None, None),
            [false] => (Some(0), None),
            [true] => (None, Some(0)),
            [false, true] => (Some(0), Some(1)),
            [true, false] => (Some(1), Some(0)),
            [both, _] => {
                ok = false;
                let which = if *both {
                    "both side-effect lists are introduced by text that mentions"
                } else {
                    "neither side-effect list is introduced by text that mentions"
                };
                self.report(
                    (groups[1].0).1,
                    Kind::SideEffectsUnclear,
                    format!(
                        "{which} \"serious\", so it is unclear which list holds the serious side \
                         effects: only the introduction of the serious list may use the word \
                         \"serious\""
                    ),
                );
                (None, None)
            }
            _ => unreachable!("at most two groups"),
        };
        let group = |cx: &mut Self, index: Option<usize>, key: &str| {
            let ((inlines, start), items, _) = groups.get(index?)?;
            cx.place(format!("side_effects.{key}"), *start);
            cx.place(format!("side_effects.{key}.intro"), *start);
            let intro = cx.rich_or_empty(inlines, *start);
            let mut list = Vec::new();
            let mut complete = true;
            for (i, item) in items.iter().enumerate() {
                let Some((inlines, start)) = cx.item_paragraph(item) else {
                    complete = false;
                    continue;
                };
                cx.place(format!("side_effects.{key}.items[{i}]"), start);
                match cx.rich_or_empty(inlines, start) {
                    Some(text) => list.push(text),
                    None => complete = false,
                }
            }
            let intro = intro?;
            complete.then_some(SideEffectGroup { intro, items: list })
        };
        let common = group(self, common_index, "common");
        let serious = group(self, serious_index, "serious");
        let advice = match advice {
            Some((inlines, start)) => {
                self.place("side_effects.advice", start);
                let text = self.rich_or_empty(inlines, start);
                ok &= text.is_some();
                text
            }
            None => None,
        };
        ok &= common.is_some() == common_index.is_some();
        ok &= serious.is_some() == serious_index.is_some();
        if !ok || (common.is_none() && serious.is_none()) {
            return None;
        }
        Some(SideEffects {
            common,
            serious,
            advice,
        })
    }
}
