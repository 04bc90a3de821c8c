//! What a page was built to show. The kiosk is one page that follows
//! `#/…` routes; the standalone site is pre-rendered, one page per
//! monograph (`medicines/<id>/`, tabs as `#dosage`) and a catalog page
//! whose entries link to them.

use super::route::Route;
use crate::components::PRERENDERED_ID_PREFIX;
use crate::model::{Catalog, CatalogEntry, Monograph, Section};
use std::rc::Rc;

/// Where a monograph's page is, from the site's root.
pub fn monograph_path(id: &str) -> String {
    format!("medicines/{id}/")
}

/// The way back to the site's root from a page at `path` (`medicines/x/`).
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[derive(Debug, Clone, PartialEq)]
pub enum Start {
    /// Loads the catalog and follows `#/…` routes: the kiosk, and a page
    /// that was not rendered ahead of time.
    Routes,
    /// The pre-rendered catalog page, with the catalog it was rendered from.
    Catalog(Rc<Catalog>),
    /// A pre-rendered monograph page: its catalog entry and the monograph
    /// it was rendered from.
    Monograph {
        entry: Rc<CatalogEntry>,
        monograph: Rc<Monograph>,
    },
}

impl Start {
    /// The catalog the page holds already, if any. A monograph's page knows
    /// its own entry, which is all it needs of the catalog.
    pub fn catalog(&self) -> Option<Rc<Catalog>> {
        match self {
            Start::Routes => None,
            Start::Catalog(catalog) => Some(catalog.clone()),
            Start::Monograph { entry, .. } => Some(Rc::new(Catalog {
                entries: vec![CatalogEntry::clone(entry)],
                codes: Default::default(),
            })),
        }
    }

    /// The monograph the page holds already, if any.
    pub fn monograph(&self) -> Option<Rc<Monograph>> {
        match self {
            Start::Monograph { monograph, .. } => Some(monograph.clone()),
            _ => None,
        }
    }

    /// The route an address fragment names on this page.
    pub fn route(&self, hash: &str) -> Route {
        match self {
            Start::Routes => Route::parse(hash),
            Start::Catalog(_) => Route::Catalog,
            Start::Monograph { entry, .. } => Route::Monograph {
                id: entry.id.clone(),
                tab: Section::from_slug(hash.trim_start_matches('#')),
            },
        }
    }

    /// The fragment that names `route` on this page.
    pub fn fragment(&self, route: &Route) -> String {
        match (self, route) {
            (Start::Monograph { .. }, Route::Monograph { tab, .. }) => tab
                .map(|tab| format!("#{}", tab.slug()))
                .unwrap_or_default(),
            _ => route.to_hash(),
        }
    }

    /// Where a catalog entry links to.
    pub fn monograph_href(&self, id: &str) -> String {
        match self {
            Start::Routes => Route::Monograph {
                id: id.to_owned(),
                tab: None,
            }
            .to_hash(),
            _ => monograph_path(id),
        }
    }

    /// Where "All medicines" links to.
    pub fn catalog_href(&self) -> String {
        match self {
            Start::Monograph { entry, .. } => root_of(&monograph_path(&entry.id)),
            _ => Route::Catalog.to_hash(),
        }
    }

    /// Prefix of element ids in pre-rendered HTML: fixed, so the browser
    /// hydrates the ids the server wrote.
    pub fn id_prefix(&self) -> Option<&'static str> {
        match self {
            Start::Routes => None,
            _ => Some(PRERENDERED_ID_PREFIX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> CatalogEntry {
        CatalogEntry {
            id: "examplomab".into(),
            title: "Examplomab".into(),
            generic_name: "examplomab".into(),
            brand_names: vec![],
            language: "en".into(),
            codes: Default::default(),
            last_reviewed: None,
            file: "examplomab.json".into(),
        }
    }

    fn monograph_page() -> Start {
        let json = include_str!("../../tests/fixtures/catalog/examplomab.json");
        let value: crate::model::Value = serde_json::from_str(json).unwrap();
        Start::Monograph {
            entry: Rc::new(entry()),
            monograph: Rc::new(crate::model::validate(&value).unwrap()),
        }
    }

    #[test]
    fn a_monograph_page_names_its_tab_in_a_plain_fragment() {
        let page = monograph_page();
        let dosage = Route::Monograph {
            id: "examplomab".into(),
            tab: Some(Section::Dosage),
        };
        assert_eq!(page.route("#dosage"), dosage);
        assert_eq!(page.fragment(&dosage), "#dosage");
        assert_eq!(
            page.route("#no-such-tab"),
            Route::Monograph {
                id: "examplomab".into(),
                tab: None
            }
        );
        assert_eq!(page.catalog_href(), "../../");
    }

    #[test]
    fn the_catalog_page_links_to_pages_and_the_kiosk_to_routes() {
        let catalog = Start::Catalog(Rc::new(Catalog {
            entries: vec![entry()],
            codes: Default::default(),
        }));
        assert_eq!(
            catalog.monograph_href("examplomab"),
            "medicines/examplomab/"
        );
        assert_eq!(catalog.route("#/examplomab/dosage"), Route::Catalog);
        assert_eq!(Start::Routes.monograph_href("examplomab"), "#/examplomab");
        assert_eq!(Start::Routes.catalog_href(), "#/");
    }
}
