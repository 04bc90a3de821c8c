use super::address;
use super::catalog::CatalogView;
use super::code_lookup::{use_code_request, CodeNotFound};
use super::idle::IdleGuard;
use super::kiosk_guards::use_kiosk_guards;
use super::monograph_page::MonographPage;
use super::route::Route;
use super::search::SearchIndex;
use super::settings::PageSettings;
use super::start::Start;
use super::state::{Choices, PageAction, PageState};
use super::storage;
use super::toolbar::Toolbar;
use crate::browser::window;
use crate::components::{Announcer, Failure, HeadingLevel, Loading, Stale};
use crate::hooks::{use_load, Load};
use crate::model::validate_catalog;
use crate::model::Section;
use crate::strings::Strings;
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageAppProps {
    /// Address of the catalog (`content/index.json`).
    pub catalog: AttrValue,
    /// Kiosk mode and its timings, from the page's address.
    pub settings: PageSettings,
    /// What the page was built to show: a pre-rendered page hands over
    /// what it was rendered from, so the first render matches its HTML.
    #[prop_or(Start::Routes)]
    pub start: Start,
    /// This render is the pre-rendered HTML or its hydration, which must
    /// render the same: on the catalog page, every entry.
    #[prop_or_default]
    pub prerendered: bool,
}

/// The standalone page and the kiosk: a searchable catalog and one
/// monograph at a time, each with its own address.
/// What the browser says the page should show: the address's route, the
/// remembered choices and the browser's language.
fn browser_state(start: &Start) -> PageState {
    let browser_language = window().and_then(|w| w.navigator().language());
    PageState::new(
        address::route(start),
        storage::remembered(),
        browser_language,
    )
}

#[function_component]
pub fn PageApp(props: &PageAppProps) -> Html {
    let settings = &props.settings;
    let start = &props.start;
    // Read once: the loader takes a preloaded catalog on its first render only.
    let preloaded = use_memo((), |_| start.catalog());
    let catalog = use_load(
        props.catalog.clone(),
        validate_catalog,
        (*preloaded).clone(),
    );
    let state = use_reducer(|| match start {
        // Hydration keeps the server's elements and sets only the attributes
        // the first render has, so that render must be the server's own.
        Start::Routes => browser_state(start),
        _ => PageState::new(start.route(""), Choices::default(), None),
    });

    {
        // Declared before the choices are saved, so they are read first.
        let dispatcher = state.dispatcher();
        let start = start.clone();
        use_effect_with((), move |_| {
            if start != Start::Routes {
                dispatcher.dispatch(PageAction::Restored(browser_state(&start)));
            }
        });
    }
    // After the remembered choices, so a language asked for wins.
    let unanswered = use_code_request(start, &catalog.state, &state);
    let route = &state.route;
    let strings = state.strings();
    // Names are folded once per catalog, not on every return to it.
    let search_index = use_mut_ref(|| None::<Rc<SearchIndex>>);
    let main_ref = use_node_ref();

    {
        // Back, forward, links and edited addresses all arrive here.
        let dispatcher = state.dispatcher();
        let start = start.clone();
        use_effect_with((), move |_| {
            let listener = window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    dispatcher.dispatch(PageAction::Navigated(address::route(&start)));
                })
            });
            move || drop(listener)
        });
    }

    // Saved whenever a choice changes, including when a reset forgets them.
    use_effect_with(state.choices, storage::remember);

    {
        // Text size applies to the whole page; the kiosk starts larger.
        let base = if settings.kiosk { 125 } else { 100 };
        use_effect_with(state.text_size(), move |&size| {
            let root = window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(root) = root {
                // In hundredths of a percent, so no float is ever printed
                // (which would carry float formatting into the wasm).
                let hundredths = base * size;
                let percent = format!("{}.{:02}%", hundredths / 100, hundredths % 100);
                let _ = root.style().set_property("font-size", &percent);
            }
        });
    }

    {
        let language = strings.language;
        use_effect_with(language, |language| {
            if let Some(root) = window().and_then(|w| w.document()?.document_element()) {
                let _ = root.set_attribute("lang", language);
            }
        });
    }

    let entry = match (&*catalog.state, route) {
        (Load::Loaded { value, .. }, Route::Monograph { id, .. }) => {
            value.entries.iter().find(|entry| &entry.id == id).cloned()
        }
        _ => None,
    };

    {
        let title = match &entry {
            Some(entry) => format!("{} – {}", entry.title, strings.site_title),
            None => strings.site_title.to_owned(),
        };
        use_effect_with(title, |title| {
            if let Some(document) = window().and_then(|w| w.document()) {
                document.set_title(title);
            }
        });
    }

    {
        // Another page (the catalog, or another monograph; not another tab)
        // is news to screen-reader users: move focus to the main content,
        // except on the first load.
        let main_ref = main_ref.clone();
        let first = use_mut_ref(|| true);
        let shown = match route {
            Route::Catalog => None,
            Route::Monograph { id, .. } => Some(id.clone()),
        };
        use_effect_with(shown, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
        });
    }

    use_kiosk_guards(settings.kiosk);

    let actions = state.dispatcher().to_callback();
    let onquery = actions.reform(PageAction::Searched);
    let ontextsize = actions.reform(PageAction::ChoseTextSize);
    let onlanguage = actions.reform(PageAction::ChoseLanguage);
    let ontab = {
        let actions = actions.clone();
        let route = route.clone();
        let start = start.clone();
        Callback::from(move |tab: Section| {
            if let Some(next) = route.with_tab(tab) {
                // Replacing the address fires no `hashchange`: the new
                // route is told here.
                address::replace(&start.fragment(&next));
                actions.emit(PageAction::Navigated(next));
            }
        })
    };
    let onreset = Callback::from(move |()| {
        actions.emit(PageAction::Reset);
        address::go_to(&Route::Catalog);
        if let Some(window) = window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });

    let content = match (&*catalog.state, route) {
        // The page has its one h1 from the start.
        (Load::Loading, _) => html! {
            <>
                <h1 class="page-loading-title">{ strings.site_title }</h1>
                <Loading {strings} />
            </>
        },
        (Load::Failed(error), _) => html! {
            <Failure error={error.clone()} heading_level={HeadingLevel::TOP} onretry={catalog.retry.clone()} {strings} />
        },
        (Load::Loaded { value, offline }, Route::Catalog) => html! {
            <>
                if *offline { <Stale {strings} /> }
                if let Some(unanswered) = unanswered {
                    <CodeNotFound {unanswered} {strings} />
                }
                <CatalogView
                    index={SearchIndex::cached(&mut search_index.borrow_mut(), value)}
                    whole={props.prerendered}
                    query={AttrValue::from(state.query.clone())}
                    {onquery}
                    start={start.clone()}
                    {strings}
                />
            </>
        },
        (Load::Loaded { .. }, Route::Monograph { tab, .. }) => match &entry {
            Some(entry) => html! {
                <>
                    <p class="page-back"><a href={start.catalog_href()}>{ strings.all_medicines }</a></p>
                    <MonographPage
                        key={entry.id.clone()}
                        preloaded={start.monograph()}
                        id_prefix={start.id_prefix().map(AttrValue::from)}
                        src={AttrValue::from(address::resolve(&entry.file, &props.catalog).unwrap_or_default())}
                        tab={*tab}
                        {ontab}
                        title={AttrValue::from(entry.title.clone())}
                        share_base={settings.kiosk.then(|| address::share_base(settings)).flatten().map(AttrValue::from)}
                        {strings}
                    />
                    <p class="page-print-address">
                        { strings.page_address }{ " " }{ address::href() }
                    </p>
                </>
            },
            None => not_found(strings, &start.catalog_href()),
        },
    };

    // The catalog's loading is told like a monograph's; once loaded, the
    // page it shows speaks for itself.
    let catalog_message = match &*catalog.state {
        Load::Loading => Some(AttrValue::Static(strings.loading)),
        Load::Failed(_) => Some(AttrValue::Static(strings.error_title)),
        Load::Loaded { .. } => Some(AttrValue::default()),
    };
    let printable = entry.is_some() && !settings.kiosk;
    let skip_href = match start {
        Start::Routes => route.to_hash(),
        _ => "#page-main".to_owned(),
    };
    let class = classes!("page-app", settings.kiosk.then_some("kiosk"));
    let onskip = {
        let main_ref = main_ref.clone();
        Callback::from(move |event: MouseEvent| {
            // The address belongs to the routes, so the link only moves focus.
            event.prevent_default();
            if let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        })
    };
    html! {
        <div {class}>
            // Its address is this view's, so opening it in a new tab shows the
            // same page rather than an unknown route; on a pre-rendered page
            // it works without scripts too.
            <header class="page-header">
                // First in the banner landmark, so it is inside one.
                <a class="skip-link" href={skip_href} onclick={onskip}>{ strings.skip_to_content }</a>
                <p class="page-site-title">{ strings.site_title }</p>
                <Toolbar text_size={state.text_size()} {ontextsize} {onlanguage} {printable} {strings} />
            </header>
            <main id="page-main" class="page-main" tabindex="-1" ref={main_ref}>
                <Announcer message={catalog_message} />
                { content }
            </main>
            if settings.kiosk {
                <IdleGuard
                    idle_seconds={settings.idle_seconds}
                    countdown_seconds={settings.countdown_seconds}
                    {onreset}
                    {strings}
                />
            }
        </div>
    }
}

fn not_found(strings: &Strings, catalog_href: &str) -> Html {
    html! {
        <div class="dm-error" role="alert">
            <h1 class="dm-error-title">{ strings.error_title }</h1>
            <p class="dm-error-message">{ strings.error_not_found }</p>
            <p><a href={catalog_href.to_owned()}>{ strings.all_medicines }</a></p>
        </div>
    }
}
