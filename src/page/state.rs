//! What the standalone page shows and what the patient chose: one value,
//! changed only through [`PageAction`]s, as in Yew's `function_todomvc`
//! example. Components dispatch actions; `app.rs` carries the state out to
//! the browser in effects (storage, the root element's size and language).

use super::route::Route;
use crate::strings::{for_language, Strings};
use std::rc::Rc;
use yew::Reducible;

/// The text sizes offered, in percent of the normal size.
pub const TEXT_SIZES: [u32; 4] = [100, 125, 150, 200];

/// The patient's own choices, remembered across visits; `None` where the
/// patient has not chosen.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Choices {
    /// One of [`TEXT_SIZES`].
    pub text_size: Option<u32>,
    /// The tag of an interface language, such as `es`.
    pub language: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageState {
    /// Where the page is, as its address says.
    pub route: Route,
    /// What is typed in the catalog's search box.
    pub query: String,
    pub choices: Choices,
    /// The browser's language, used when the patient has chosen none.
    browser_language: Option<String>,
}

pub enum PageAction {
    /// The address changed: a link, Back or Forward, an edited address, or
    /// a tab the patient opened.
    Navigated(Route),
    /// The patient typed in the search box.
    Searched(String),
    ChoseTextSize(u32),
    ChoseLanguage(&'static str),
    /// The kiosk starts over for the next patient: the search and every
    /// choice are forgotten. The route follows the address, which the
    /// reset sends back to the catalog.
    Reset,
    /// A pre-rendered page, hydrated as it was rendered (first tab, no
    /// choices, English), takes on what the browser knows: the address's
    /// route, the remembered choices and the browser's language.
    Restored(PageState),
}

impl PageState {
    pub fn new(route: Route, choices: Choices, browser_language: Option<String>) -> PageState {
        PageState {
            route,
            query: String::new(),
            choices,
            browser_language,
        }
    }

    /// The text size in percent.
    pub fn text_size(&self) -> u32 {
        self.choices.text_size.unwrap_or(TEXT_SIZES[0])
    }

    /// The interface strings: the patient's language, else the browser's.
    pub fn strings(&self) -> &'static Strings {
        let tag = self.choices.language.or(self.browser_language.as_deref());
        for_language(tag.unwrap_or_default())
    }
}

impl Reducible for PageState {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            PageAction::Navigated(route) => next.route = route,
            PageAction::Searched(query) => next.query = query,
            PageAction::ChoseTextSize(size) => next.choices.text_size = Some(size),
            PageAction::ChoseLanguage(tag) => next.choices.language = Some(tag),
            PageAction::Restored(state) => next = state,
            PageAction::Reset => {
                next.query.clear();
                next.choices = Choices::default();
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    fn after(actions: impl IntoIterator<Item = PageAction>) -> PageState {
        let start = PageState::new(Route::Catalog, Choices::default(), Some("es-MX".into()));
        let end = actions.into_iter().fold(Rc::new(start), Reducible::reduce);
        Rc::unwrap_or_clone(end)
    }

    #[test]
    fn without_choices_the_text_is_normal_and_in_the_browsers_language() {
        let state = after([]);
        assert_eq!(state.text_size(), 100);
        assert_eq!(state.strings().language, "es");
    }

    #[test]
    fn choices_change_the_text_and_a_reset_forgets_them_and_the_search() {
        let lenalidomide = Route::Monograph {
            id: "lenalidomide".into(),
            tab: Some(Section::Dosage),
        };
        let chosen = after([
            PageAction::Searched("lena".into()),
            PageAction::ChoseTextSize(150),
            PageAction::ChoseLanguage("en"),
            PageAction::Navigated(lenalidomide.clone()),
        ]);
        assert_eq!(chosen.query, "lena");
        assert_eq!(chosen.text_size(), 150);
        assert_eq!(chosen.strings().language, "en");
        assert_eq!(chosen.route, lenalidomide);

        let reset = Rc::new(chosen).reduce(PageAction::Reset);
        assert_eq!(reset.query, "");
        assert_eq!(reset.choices, Choices::default());
        assert_eq!(reset.strings().language, "es", "the browser's again");
        assert_eq!(reset.route, lenalidomide, "left to the address");
    }
}
