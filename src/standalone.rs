//! The standalone page's entry points, called by its start-up script
//! (`web/boot.js`): the kiosk is rendered in the browser; the catalog and
//! monograph pages are pre-rendered and hydrated.

use crate::mounted::Mounted;
use crate::page::{PageApp, PageAppProps, PageSettings, Start};
use crate::strings;
use wasm_bindgen::prelude::*;

/// The standalone page or kiosk, mounted by its start-up script.
#[wasm_bindgen]
pub struct Page {
    mounted: Mounted<PageApp>,
}

#[wasm_bindgen]
impl Page {
    /// Unmounts the page app; calling it twice is harmless.
    pub fn destroy(&mut self) {
        self.mounted.destroy();
    }
}

/// Renders the catalog page into `root`. `catalog` is the catalog's
/// address; `kiosk` turns the kiosk on (as `?kiosk` in the address does),
/// and the address's `idle`, `countdown` and `share` tune it.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(root: web_sys::Element, catalog: String, kiosk: bool) -> Page {
    let query = crate::browser::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let props = PageAppProps {
        catalog: catalog.into(),
        settings: PageSettings::from_query(&query, kiosk),
        start: Start::Routes,
        prerendered: false,
    };
    Page {
        mounted: Mounted::render(root, props, &strings::ENGLISH),
    }
}

/// How a page was pre-rendered, as its app element records it
/// (`data-view`, `data-content-hash`, `data-src`).
#[cfg(feature = "hydration")]
struct Rendered {
    /// `catalog` or `monograph`.
    view: String,
    content_hash: String,
    /// The monograph's file, from the page (monograph pages only).
    src: String,
}

#[cfg(feature = "hydration")]
impl Rendered {
    fn from_js(rendered: &JsValue) -> Rendered {
        let text = |key| crate::js_value::text(rendered, key).unwrap_or_default();
        Rendered {
            view: text("view"),
            content_hash: text("contentHash"),
            src: text("src"),
        }
    }
}

/// Takes over a pre-rendered page in `root`. `catalog` is the catalog's
/// address, `rendered` what the app element records, and `body` the text
/// of the file the page was rendered from (the catalog, or the monograph
/// at `rendered.src`), fetched while the wasm loaded.
///
/// The HTML is hydrated when `body` is the very file it was rendered from;
/// a newer file is rendered afresh, so a stale page shows current text.
/// When `body` is missing or unreadable this fails, and the start-up
/// script leaves the pre-rendered page as it is: a complete document.
#[cfg(feature = "hydration")]
#[wasm_bindgen(js_name = hydratePage)]
pub fn hydrate_page(
    root: web_sys::Element,
    catalog: String,
    rendered: JsValue,
    body: Option<String>,
) -> Result<Page, JsError> {
    use crate::model::{validate, validate_catalog, CatalogEntry};
    use std::rc::Rc;

    let rendered = Rendered::from_js(&rendered);
    let body = body.ok_or_else(|| JsError::new("the page's file could not be fetched"))?;
    let unreadable = |error: crate::error::LoadError| JsError::new(&error.to_string());
    let start = match rendered.view.as_str() {
        "catalog" => Start::Catalog(Rc::new(
            crate::fetch::parse(&catalog, &body, validate_catalog).map_err(unreadable)?,
        )),
        "monograph" => {
            let monograph =
                crate::fetch::parse(&rendered.src, &body, validate).map_err(unreadable)?;
            // The catalog lists a file by its name, beside the catalog.
            let file = rendered.src.rsplit('/').next().unwrap_or_default();
            Start::Monograph {
                entry: Rc::new(CatalogEntry::new(&monograph, file)),
                monograph: Rc::new(monograph),
            }
        }
        view => return Err(JsError::new(&format!("unknown pre-rendered view `{view}`"))),
    };
    let fresh = crate::model::content_hash(&body) != rendered.content_hash;
    let props = PageAppProps {
        catalog: catalog.into(),
        // Pre-rendered pages are never kiosks: the kiosk is rendered in the
        // browser, so its idle guard never meets HTML without one.
        settings: PageSettings::from_query("", false),
        start,
        prerendered: !fresh,
    };
    Ok(Page {
        mounted: if fresh {
            Mounted::render(root, props, &strings::ENGLISH)
        } else {
            Mounted::hydrate(root, props, &strings::ENGLISH)
        },
    })
}
