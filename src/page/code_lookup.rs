//! What the page does with a link by drug code (see [`CodeRequest`]): it
//! opens the monograph the code leads to, on the tab and in the language
//! asked for; or it says that the code leads nowhere and offers the
//! catalog's search, filled in with the drug's name.

use super::address;
use super::code_request::CodeRequest;
use super::route::Route;
use super::start::{monograph_path, Start};
use super::state::{PageAction, PageState};
use crate::browser::window;
use crate::hooks::Load;
use crate::model::{Catalog, Match};
use crate::strings::{for_language, Strings};
use std::rc::Rc;
use yew::prelude::*;

/// A code request the catalog could not answer: the code, as the patient
/// may read it, when there was one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unanswered {
    pub code: Option<String>,
}

/// Answers the page address's code request, once the catalog is loaded;
/// what could not be answered, for [`CodeNotFound`] to show. The language
/// asked for applies on every page.
#[hook]
pub fn use_code_request(
    start: &Start,
    catalog: &Rc<Load<Catalog>>,
    state: &UseReducerHandle<PageState>,
) -> Option<Unanswered> {
    let request = use_memo((), |_| {
        let query = window().and_then(|w| w.location().search().ok());
        CodeRequest::from_query(&query.unwrap_or_default())
    });
    let unanswered = use_state(|| None);

    {
        // After the pre-rendered page takes on the remembered choices.
        let dispatcher = state.dispatcher();
        let language = request.language.clone();
        use_effect_with((), move |_| {
            if let Some(tag) = language {
                dispatcher.dispatch(PageAction::ChoseLanguage(for_language(&tag).language));
            }
        });
    }

    // The catalog page and the kiosk answer codes; a monograph's page is
    // the answer.
    let answers = !matches!(start, Start::Monograph { .. }) && request.asks_for_drug();
    let loaded = match &**catalog {
        Load::Loaded { value, .. } if answers => Some(value.clone()),
        _ => None,
    };
    {
        let unanswered = unanswered.setter();
        let dispatcher = state.dispatcher();
        let start = start.clone();
        let request = request.clone();
        let answered = use_mut_ref(|| false);
        use_effect_with(loaded, move |loaded| {
            let Some(catalog) = loaded else { return };
            if std::mem::replace(&mut *answered.borrow_mut(), true) {
                return;
            }
            let found = request.code.as_ref().map(|code| catalog.codes.find(code));
            match found {
                Some(Match::Monograph(id)) => open(&start, id, &request),
                _ => {
                    let name = request.display_name.clone().unwrap_or_default();
                    dispatcher.dispatch(PageAction::Searched(name));
                    unanswered.set(Some(Unanswered {
                        code: request.code.as_ref().map(ToString::to_string),
                    }));
                }
            }
        });
    }

    // Gone once the patient opens a monograph.
    let on_catalog = state.route == Route::Catalog;
    (*unanswered).clone().filter(|_| on_catalog)
}

/// Opens the monograph `id` as the request asks: the kiosk follows its
/// route; the site goes to the monograph's own page, in place of this
/// address, so Back does not return to the request.
fn open(start: &Start, id: &str, request: &CodeRequest) {
    let route = Route::Monograph {
        id: id.to_owned(),
        tab: request.tab,
    };
    if *start == Start::Routes {
        address::go_to(&route);
        return;
    }
    let language = request
        .language
        .as_deref()
        .map(|tag| format!("?lang={}", for_language(tag).language))
        .unwrap_or_default();
    let fragment = request.tab.map(|tab| format!("#{}", tab.slug()));
    let page = format!(
        "{}{language}{}",
        monograph_path(id),
        fragment.unwrap_or_default()
    );
    if let (Some(window), Some(href)) = (window(), address::resolve(&page, "")) {
        let _ = window.location().replace(&href);
    }
}

#[derive(Properties, PartialEq)]
pub struct CodeNotFoundProps {
    pub unanswered: Unanswered,
    /// Interface language.
    pub strings: &'static Strings,
}

/// Says that a code leads to no monograph, above the catalog's search.
#[function_component]
pub fn CodeNotFound(props: &CodeNotFoundProps) -> Html {
    let strings = props.strings;
    html! {
        <div class="page-code-not-found" role="alert">
            <p class="page-code-not-found-title">
                <strong>{ strings.code_not_found }</strong>
                if let Some(code) = &props.unanswered.code {
                    { " (" }{ code.clone() }{ ")" }
                }
            </p>
            <p>{ strings.error_unknown_code }{ " " }{ strings.code_search_hint }</p>
        </div>
    }
}
