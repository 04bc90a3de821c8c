use super::catalog::CatalogView;
use super::idle::IdleGuard;
use super::monograph_page::MonographPage;
use super::route::Route;
use super::settings::PageSettings;
use super::storage;
use super::toolbar::{Toolbar, TEXT_SIZES};
use crate::components::{Failure, HeadingLevel, Loading, Stale};
use crate::hooks::{use_load, Load};
use crate::model::validate_catalog;
use crate::model::Section;
use crate::strings::{for_language, Strings};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageAppProps {
    /// Address of the catalog (`content/index.json`).
    pub catalog: AttrValue,
    /// Kiosk mode and its timings, from the page's address.
    pub settings: PageSettings,
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn current_route() -> Route {
    let hash = window().and_then(|w| w.location().hash().ok());
    Route::parse(&hash.unwrap_or_default())
}

/// The interface language: the patient's choice if remembered, else the
/// browser's language.
fn initial_strings() -> &'static Strings {
    let browser = window().and_then(|w| w.navigator().language());
    for_language(&storage::language().or(browser).unwrap_or_default())
}

fn initial_text_size() -> u32 {
    storage::text_size()
        .filter(|size| TEXT_SIZES.contains(size))
        .unwrap_or(TEXT_SIZES[0])
}

/// Resolves `relative` against `base` (itself resolved against the page).
fn resolve(relative: &str, base: &str) -> Option<String> {
    let document_base = window()?.document()?.base_uri().ok()??;
    let base = web_sys::Url::new_with_base(base, &document_base).ok()?;
    Some(
        web_sys::Url::new_with_base(relative, &base.href())
            .ok()?
            .href(),
    )
}

/// The address of the standalone page, for sharing: the configured base,
/// or this page's own address without its query and route.
fn share_base(settings: &PageSettings) -> Option<String> {
    settings
        .share_base
        .clone()
        .or_else(|| resolve("index.html", ""))
}

/// The standalone page and the kiosk: a searchable catalog and one
/// monograph at a time, each with its own address.
#[function_component]
pub fn PageApp(props: &PageAppProps) -> Html {
    let settings = &props.settings;
    let catalog = use_load(props.catalog.clone(), validate_catalog);
    let route = use_state(current_route);
    let query = use_state(String::new);
    let strings = use_state(initial_strings);
    let text_size = use_state(initial_text_size);
    let main_ref = use_node_ref();

    {
        // Back, forward, links and edited addresses all arrive here.
        let route = route.setter();
        use_effect_with((), move |_| {
            let listener = window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| route.set(current_route()))
            });
            move || drop(listener)
        });
    }

    {
        // Text size applies to the whole page; the kiosk starts larger.
        let base = if settings.kiosk { 125 } else { 100 };
        use_effect_with(*text_size, move |&size| {
            let root = window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(root) = root {
                let percent = f64::from(base * size) / 100.0;
                let _ = root
                    .style()
                    .set_property("font-size", &format!("{percent}%"));
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

    let entry = match (&*catalog.state, &*route) {
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
        let shown = match &*route {
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

    {
        let kiosk = settings.kiosk;
        use_effect_with(kiosk, |&kiosk| {
            let guards = kiosk.then(kiosk_guards).unwrap_or_default();
            move || drop(guards)
        });
    }

    let onquery = {
        let query = query.setter();
        Callback::from(move |text: String| query.set(text))
    };
    let ontextsize = {
        let text_size = text_size.setter();
        Callback::from(move |size: u32| {
            storage::set_text_size(Some(size));
            text_size.set(size);
        })
    };
    let onlanguage = {
        let strings = strings.setter();
        Callback::from(move |tag: &'static str| {
            storage::set_language(Some(tag));
            strings.set(for_language(tag));
        })
    };
    let ontab = {
        let route = route.clone();
        Callback::from(move |tab: Section| {
            if let Route::Monograph { id, .. } = &*route {
                // Replaced, not pushed: Back leaves the monograph rather
                // than stepping through its tabs.
                let next = Route::Monograph {
                    id: id.clone(),
                    tab: Some(tab),
                };
                replace_address(&next);
                route.set(next);
            }
        })
    };
    let onreset = {
        let query = query.setter();
        let text_size = text_size.setter();
        let strings = strings.setter();
        Callback::from(move |()| {
            storage::set_text_size(None);
            storage::set_language(None);
            query.set(String::new());
            text_size.set(TEXT_SIZES[0]);
            strings.set(initial_strings());
            if let Some(window) = window() {
                let _ = window.location().set_hash(&Route::Catalog.to_hash());
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
        })
    };

    let strings = *strings;
    let content = match (&*catalog.state, &*route) {
        (Load::Loading, _) => html! { <Loading {strings} /> },
        (Load::Failed(error), _) => html! {
            <Failure error={error.clone()} heading_level={HeadingLevel::TOP} onretry={catalog.retry.clone()} {strings} />
        },
        (Load::Loaded { value, offline }, Route::Catalog) => html! {
            <>
                if *offline { <Stale {strings} /> }
                <CatalogView catalog={value.clone()} query={AttrValue::from((*query).clone())} {onquery} {strings} />
            </>
        },
        (Load::Loaded { .. }, Route::Monograph { tab, .. }) => match &entry {
            Some(entry) => html! {
                <>
                    <p class="page-back"><a href={Route::Catalog.to_hash()}>{ strings.all_medicines }</a></p>
                    <MonographPage
                        key={entry.id.clone()}
                        src={AttrValue::from(resolve(&entry.file, &props.catalog).unwrap_or_default())}
                        tab={*tab}
                        {ontab}
                        share_base={settings.kiosk.then(|| share_base(settings)).flatten().map(AttrValue::from)}
                        {strings}
                    />
                    <p class="page-print-address">
                        { strings.page_address }{ " " }{ current_address() }
                    </p>
                </>
            },
            None => not_found(strings),
        },
    };

    let printable = entry.is_some() && !settings.kiosk;
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
            // same page rather than an unknown route.
            <a class="skip-link" href={route.to_hash()} onclick={onskip}>{ strings.skip_to_content }</a>
            <header class="page-header">
                <p class="page-site-title">{ strings.site_title }</p>
                <Toolbar text_size={*text_size} {ontextsize} {onlanguage} {printable} {strings} />
            </header>
            <main id="page-main" class="page-main" tabindex="-1" ref={main_ref}>
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

fn not_found(strings: &Strings) -> Html {
    html! {
        <div class="dm-error" role="alert">
            <h1 class="dm-error-title">{ strings.error_title }</h1>
            <p class="dm-error-message">{ strings.error_not_found }</p>
            <p><a href={Route::Catalog.to_hash()}>{ strings.all_medicines }</a></p>
        </div>
    }
}

fn current_address() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

fn replace_address(route: &Route) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        // Refused only in sandboxed documents; the tab still opens.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&route.to_hash()));
    }
}

/// On a kiosk nobody may leave the page or pull up the browser's menus: no
/// context menu, and links to other sites do nothing.
fn kiosk_guards() -> Vec<EventListener> {
    let Some(document) = window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let options = EventListenerOptions::enable_prevent_default();
    let no_menu = EventListener::new_with_options(&document, "contextmenu", options, |event| {
        event.prevent_default();
    });
    let capture = EventListenerOptions {
        phase: gloo::events::EventListenerPhase::Capture,
        passive: false,
    };
    // A middle click (auxclick) would open the link in a new tab.
    let stay = |kind| {
        EventListener::new_with_options(&document, kind, capture, |event| {
            let link = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
            let here = window().and_then(|w| w.location().origin().ok());
            if let (Some(link), Some(here)) = (link, here) {
                if link.origin() != here {
                    event.prevent_default();
                }
            }
        })
    };
    vec![no_menu, stay("click"), stay("auxclick")]
}
