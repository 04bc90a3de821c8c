//! Which tab the widget opens. Two parties choose it: the host page, through
//! the `tab` attribute, and the patient, by picking a tab. The later choice
//! wins, and the host's counts only when it changes, so re-rendering with
//! the same attribute never undoes the patient's pick.

use crate::model::Section;
use std::rc::Rc;
use yew::Reducible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TabChoice {
    /// The tab the host asks for now.
    requested: Option<Section>,
    /// The tab to open; the monograph's first when `None` or absent from it.
    pub selected: Option<Section>,
}

pub enum TabAction {
    /// The host's `tab` attribute, as it stands.
    HostAsked(Option<Section>),
    /// The patient picked a tab.
    PatientPicked(Section),
}

impl TabChoice {
    /// The choice when the widget starts: the host's.
    pub fn new(requested: Option<Section>) -> TabChoice {
        TabChoice {
            requested,
            selected: requested,
        }
    }
}

impl Reducible for TabChoice {
    type Action = TabAction;

    fn reduce(self: Rc<Self>, action: TabAction) -> Rc<Self> {
        match action {
            // Unchanged, the same value: no re-render.
            TabAction::HostAsked(tab) if tab == self.requested => self,
            // A removed attribute leaves the open tab as it is.
            TabAction::HostAsked(tab) => Rc::new(TabChoice {
                requested: tab,
                selected: tab.or(self.selected),
            }),
            TabAction::PatientPicked(tab) => Rc::new(TabChoice {
                selected: Some(tab),
                ..*self
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(actions: impl IntoIterator<Item = TabAction>) -> Option<Section> {
        let start = Rc::new(TabChoice::new(Some(Section::Dosage)));
        let end = actions.into_iter().fold(start, Reducible::reduce);
        end.selected
    }

    #[test]
    fn the_later_choice_wins() {
        use TabAction::*;
        assert_eq!(after([]), Some(Section::Dosage));
        assert_eq!(after([PatientPicked(Section::Faqs)]), Some(Section::Faqs));
        assert_eq!(
            after([
                PatientPicked(Section::Faqs),
                HostAsked(Some(Section::Usage))
            ]),
            Some(Section::Usage)
        );
    }

    #[test]
    fn the_host_counts_only_when_its_attribute_changes() {
        use TabAction::*;
        assert_eq!(
            after([
                PatientPicked(Section::Faqs),
                HostAsked(Some(Section::Dosage))
            ]),
            Some(Section::Faqs),
            "the same attribute again"
        );
        assert_eq!(
            after([PatientPicked(Section::Faqs), HostAsked(None)]),
            Some(Section::Faqs),
            "the attribute removed"
        );
    }
}
