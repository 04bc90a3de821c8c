use super::search::SearchIndex;
use super::start::Start;
use crate::after_paint::after_paint;
use crate::components::Announcer;
use crate::model::CatalogEntry;
use crate::strings::{fill, Strings};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// How many results are listed at first, and how many more each "show
/// more" adds: about two screens of cards (whole rows of one to four
/// columns), so that a keystroke redraws a few dozen cards whatever the
/// size of the catalog.
const RESULTS_PER_PAGE: usize = 24;

/// How long typing must pause before the number of results is announced:
/// a screen reader then says it once, not after every letter.
const ANNOUNCE_AFTER_MS: u32 = 750;

#[derive(Properties, PartialEq)]
pub struct CatalogViewProps {
    /// Every monograph the site publishes, indexed for search.
    pub index: Rc<SearchIndex>,
    /// What the patient typed in the search box.
    pub query: AttrValue,
    /// Called with the new search text on every keystroke.
    pub onquery: Callback<String>,
    /// What the page was built to show, which decides where entries link.
    pub start: Start,
    /// Lists every entry until the patient searches: the pre-rendered
    /// catalog does, so that it works without scripts, and its hydration
    /// must render what it rendered.
    #[prop_or_default]
    pub whole: bool,
    /// Interface language.
    pub strings: &'static Strings,
}

/// How many of the results for `query` are listed.
#[derive(Clone, PartialEq)]
struct Listed {
    query: AttrValue,
    count: usize,
}

/// The catalog, filtered as the patient types.
#[function_component]
pub fn CatalogView(props: &CatalogViewProps) -> Html {
    let strings = props.strings;
    let results_ref = use_node_ref();
    let matches = use_memo(
        (props.index.clone(), props.query.clone()),
        |(index, query)| index.search(query),
    );
    let entries = &props.index.catalog().entries;
    {
        // Ready before the patient's first keystroke, without delaying the
        // list: a new catalog's names are folded once it is painted.
        use_effect_with(props.index.clone(), |index| {
            let index = index.clone();
            let frame = after_paint(move || index.prepare());
            move || drop(frame)
        });
    }
    // The query the whole catalog is listed for, until the patient searches.
    let whole_for = use_mut_ref(|| props.whole.then(|| props.query.clone()));
    if whole_for.borrow().as_ref() != Some(&props.query) {
        *whole_for.borrow_mut() = None;
    }
    let listed = use_state(|| Listed {
        query: props.query.clone(),
        count: RESULTS_PER_PAGE,
    });
    // A new search lists its first results again.
    let limit = match (&*whole_for.borrow(), listed.query == props.query) {
        (Some(_), _) => usize::MAX,
        (None, true) => listed.count,
        (None, false) => RESULTS_PER_PAGE,
    };
    let shown = matches.len().min(limit);

    let oninput = props.onquery.reform(|event: InputEvent| {
        event
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    // Down from the search box goes to the first result; Enter opens the
    // only result, so a patient who typed the exact name needs no more.
    let onkeydown = {
        let results_ref = results_ref.clone();
        let only = matches.len() == 1;
        Callback::from(move |event: KeyboardEvent| {
            let first_link = || result_link(&results_ref, 0);
            match event.key().as_str() {
                "ArrowDown" => {
                    if let Some(link) = first_link() {
                        event.prevent_default();
                        let _ = link.focus();
                    }
                }
                "Enter" => {
                    if let (true, Some(link)) = (only, first_link()) {
                        event.prevent_default();
                        link.click();
                    }
                }
                _ => {}
            }
        })
    };

    // "Show more" moves focus to the first result it added, where the
    // patient goes on reading; the button follows the new results.
    let focus_from = use_mut_ref(|| None::<usize>);
    let onshowmore = {
        let listed = listed.clone();
        let focus_from = focus_from.clone();
        let query = props.query.clone();
        Callback::from(move |_: MouseEvent| {
            *focus_from.borrow_mut() = Some(shown);
            listed.set(Listed {
                query: query.clone(),
                count: shown + RESULTS_PER_PAGE,
            });
        })
    };
    {
        let results_ref = results_ref.clone();
        use_effect_with(shown, move |_| {
            if let Some(first_added) = focus_from.borrow_mut().take() {
                if let Some(link) = result_link(&results_ref, first_added) {
                    let _ = link.focus();
                }
            }
        });
    }

    let count = match (matches.len(), shown) {
        (1, _) => strings.results_one.to_owned(),
        (found, shown) if shown < found => {
            fill(&fill(strings.results_shown, "count", found), "shown", shown)
        }
        (found, _) => fill(strings.results_many, "count", found),
    };
    let announced = use_announced_count(&props.query, &count);

    // The whole pre-rendered list and the first results are two lists:
    // going from one to the other replaces the list in one step rather
    // than removing thousands of cards one by one.
    let list_key = if limit == usize::MAX {
        "whole"
    } else {
        "first"
    };
    html! {
        <section class="page-catalog" aria-labelledby="page-catalog-heading">
            <h1 id="page-catalog-heading">{ strings.all_medicines }</h1>
            <label class="page-search-label" for="page-search">{ strings.search_label }</label>
            <input
                id="page-search"
                class="page-search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                value={props.query.clone()}
                aria-describedby="page-search-count"
                aria-controls="page-results"
                {oninput}
                {onkeydown}
            />
            <p id="page-search-count" class="page-search-count">{ count }</p>
            <Announcer message={announced} />
            if matches.is_empty() {
                <p class="page-no-results">{ strings.no_results }</p>
            }
            <ul key={list_key} id="page-results" class="page-results" ref={results_ref}>
                {
                    for matches[..shown]
                        .iter()
                        .map(|&position| result(&entries[position], &props.start, strings))
                }
            </ul>
            if shown < matches.len() {
                <button type="button" class="page-button page-show-more" onclick={onshowmore}>
                    { strings.show_more }
                </button>
            }
        </section>
    }
}

/// The number of results, for screen readers, once the patient stops
/// typing for [`ANNOUNCE_AFTER_MS`]: nothing before the first search.
#[hook]
fn use_announced_count(query: &AttrValue, count: &str) -> Option<AttrValue> {
    let announced = use_state_eq(|| None::<AttrValue>);
    let first = use_mut_ref(|| true);
    {
        let announced = announced.setter();
        let count = AttrValue::from(count.to_owned());
        use_effect_with(query.clone(), move |_| {
            let timeout = (!std::mem::replace(&mut *first.borrow_mut(), false))
                .then(|| Timeout::new(ANNOUNCE_AFTER_MS, move || announced.set(Some(count))));
            move || drop(timeout)
        });
    }
    (*announced).clone()
}

/// The link of the result at `position` in the list.
fn result_link(results_ref: &NodeRef, position: usize) -> Option<HtmlElement> {
    let list = results_ref.cast::<web_sys::Element>()?;
    let link = list
        .query_selector_all("a.page-result")
        .ok()?
        .item(u32::try_from(position).ok()?)?;
    Some(wasm_bindgen::JsCast::unchecked_into::<HtmlElement>(link))
}

fn result(entry: &CatalogEntry, start: &Start, strings: &Strings) -> Html {
    let brands = (!entry.brand_names.is_empty()).then(|| {
        html! {
            <span class="page-result-brands">
                { strings.brand_names }{ " " }{ entry.brand_names.join(", ") }
            </span>
        }
    });
    html! {
        <li>
            <a class="page-result" href={start.monograph_href(&entry.id)} lang={entry.language.clone()} dir={crate::direction::of_language(&entry.language)}>
                <span class="page-result-title">{ entry.title.clone() }</span>
                if entry.generic_name != entry.title {
                    <span class="page-result-generic">{ entry.generic_name.clone() }</span>
                }
                { brands }
            </a>
        </li>
    }
}
