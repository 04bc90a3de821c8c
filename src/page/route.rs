//! Where the standalone page is, as written in its address:
//! `#/` (the catalog), `#/lenalidomide`, `#/lenalidomide/dosage`.

use crate::model::Section;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Catalog,
    Monograph { id: String, tab: Option<Section> },
}

impl Route {
    /// Reads an address hash. Anything unrecognised is the catalog, so a
    /// mistyped link still lands somewhere useful.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/').filter(|part| !part.is_empty());
        let Some(id) = parts.next().filter(|id| is_slug(id)) else {
            return Route::Catalog;
        };
        let tab = parts.next().and_then(Section::from_slug);
        Route::Monograph {
            id: id.to_owned(),
            tab,
        }
    }

    /// The same monograph, open on `tab`; `None` on the catalog, which has
    /// no tabs.
    pub fn with_tab(&self, tab: Section) -> Option<Route> {
        match self {
            Route::Catalog => None,
            Route::Monograph { id, .. } => Some(Route::Monograph {
                id: id.clone(),
                tab: Some(tab),
            }),
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::Catalog => "#/".to_owned(),
            Route::Monograph { id, tab: None } => format!("#/{id}"),
            Route::Monograph { id, tab: Some(tab) } => format!("#/{id}/{}", tab.slug()),
        }
    }
}

fn is_slug(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_every_kind_of_address() {
        let cases = [
            ("#/", Route::Catalog),
            (
                "#/lenalidomide",
                Route::Monograph {
                    id: "lenalidomide".into(),
                    tab: None,
                },
            ),
            (
                "#/lenalidomide/side-effects",
                Route::Monograph {
                    id: "lenalidomide".into(),
                    tab: Some(Section::SideEffects),
                },
            ),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
            assert_eq!(route.to_hash(), hash);
        }
    }

    #[test]
    fn opening_a_tab_keeps_the_monograph() {
        let examplomab = Route::parse("#/examplomab");
        assert_eq!(
            examplomab.with_tab(Section::Faqs),
            Some(Route::parse("#/examplomab/faqs"))
        );
        assert_eq!(Route::Catalog.with_tab(Section::Faqs), None);
    }

    #[test]
    fn unknown_or_malformed_addresses_fall_back() {
        assert_eq!(Route::parse(""), Route::Catalog);
        assert_eq!(Route::parse("#"), Route::Catalog);
        assert_eq!(Route::parse("#/Not%20A%20Slug"), Route::Catalog);
        assert_eq!(
            Route::parse("#/examplomab/no-such-tab"),
            Route::Monograph {
                id: "examplomab".into(),
                tab: None
            }
        );
    }
}
