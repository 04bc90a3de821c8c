use super::search;
use super::start::Start;
use crate::model::{Catalog, CatalogEntry};
use crate::strings::{fill, Strings};
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CatalogViewProps {
    /// Every monograph the site publishes.
    pub catalog: Rc<Catalog>,
    /// What the patient typed in the search box.
    pub query: AttrValue,
    /// Called with the new search text on every keystroke.
    pub onquery: Callback<String>,
    /// What the page was built to show, which decides where entries link.
    pub start: Start,
    /// Interface language.
    pub strings: &'static Strings,
}

/// The names a patient may search by: the title, the generic name and
/// every brand name.
fn names(entry: &CatalogEntry) -> impl Iterator<Item = &str> {
    [entry.title.as_str(), entry.generic_name.as_str()]
        .into_iter()
        .chain(entry.brand_names.iter().map(String::as_str))
}

/// The catalog, filtered as the patient types.
#[function_component]
pub fn CatalogView(props: &CatalogViewProps) -> Html {
    let strings = props.strings;
    let results_ref = use_node_ref();
    let matches: Vec<&CatalogEntry> = props
        .catalog
        .entries
        .iter()
        .filter(|entry| search::matches(&props.query, names(entry)))
        .collect();

    let oninput = props.onquery.reform(|event: InputEvent| {
        event
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    // Down from the search box goes to the first result; Enter opens the
    // only result, so a patient who typed the exact name needs no more.
    let onkeydown = {
        let results_ref = results_ref.clone();
        let only = (matches.len() == 1).then(|| matches[0].id.clone());
        Callback::from(move |event: KeyboardEvent| {
            let first_link = || {
                results_ref
                    .cast::<web_sys::Element>()
                    .and_then(|list| list.query_selector("a").ok().flatten())
                    .map(wasm_bindgen::JsCast::unchecked_into::<HtmlElement>)
            };
            match event.key().as_str() {
                "ArrowDown" => {
                    if let Some(link) = first_link() {
                        event.prevent_default();
                        let _ = link.focus();
                    }
                }
                "Enter" => {
                    if let (Some(_), Some(link)) = (&only, first_link()) {
                        event.prevent_default();
                        link.click();
                    }
                }
                _ => {}
            }
        })
    };

    let count = match matches.len() {
        1 => strings.results_one.to_owned(),
        n => fill(strings.results_many, "count", n),
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
            <p id="page-search-count" class="page-search-count" role="status">{ count }</p>
            if matches.is_empty() {
                <p class="page-no-results">{ strings.no_results }</p>
            }
            <ul id="page-results" class="page-results" ref={results_ref}>
                { for matches.into_iter().map(|entry| result(entry, &props.start, strings)) }
            </ul>
        </section>
    }
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
