//! The widget and the standalone pages rendered natively, by the same
//! components the browser runs, into the HTML the browser then hydrates
//! (one source of markup). Each function returns what goes inside the
//! element the browser later hydrates; the content tools write the rest of
//! the document around it (`monograph site`).
//!
//! Everything is rendered in English, with the first tab open: the
//! browser hydrates exactly that, then applies the patient's language and
//! the tab the address names.

use crate::components::{HeadingLevel, MonographApp, MonographAppProps, PRERENDERED_ID_PREFIX};
use crate::model::{Catalog, CatalogEntry, Monograph};
use crate::page::{PageApp, PageAppProps, PageSettings, Start};
use crate::strings::ENGLISH;
use std::rc::Rc;
use yew::{AttrValue, Callback, LocalServerRenderer};

/// The embed's widget showing `monograph`, for a snippet: the inside of
/// its mount point.
pub async fn widget(monograph: Rc<Monograph>, heading_level: HeadingLevel) -> String {
    let props = MonographAppProps {
        // Not rendered; the browser's widget is told its own.
        src: AttrValue::default(),
        tab: None,
        heading_level,
        strings: &ENGLISH,
        onevent: Callback::noop(),
        preloaded: Some(monograph),
        id_prefix: Some(PRERENDERED_ID_PREFIX.into()),
    };
    LocalServerRenderer::<MonographApp>::with_props(props)
        .render()
        .await
}

/// The catalog page: the inside of its app element.
pub async fn catalog_page(catalog: Rc<Catalog>, catalog_url: &str) -> String {
    page(Start::Catalog(catalog), catalog_url).await
}

/// One monograph's page, `entry` being its line in the catalog at
/// `catalog_url` (both as seen from the page): the inside of its app element.
pub async fn monograph_page(
    entry: CatalogEntry,
    monograph: Rc<Monograph>,
    catalog_url: &str,
) -> String {
    page(
        Start::Monograph {
            entry: Rc::new(entry),
            monograph,
        },
        catalog_url,
    )
    .await
}

async fn page(start: Start, catalog_url: &str) -> String {
    let props = PageAppProps {
        catalog: AttrValue::from(catalog_url.to_owned()),
        settings: PageSettings::from_query("", false),
        start,
        prerendered: true,
    };
    LocalServerRenderer::<PageApp>::with_props(props)
        .render()
        .await
}
