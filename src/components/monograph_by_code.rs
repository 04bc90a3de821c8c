use super::{Announcer, Failure, HeadingLevel, Loading, MonographApp};
use crate::error::LoadError;
use crate::events::WidgetEvent;
use crate::hooks::{use_load, Load};
use crate::model::{validate_catalog, Catalog, DrugCode, Match, Section};
use crate::strings::{Strings, ENGLISH};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MonographByCodeProps {
    /// Address of the catalog that maps codes to monographs.
    pub catalog: AttrValue,
    /// The drug's code, as the page wrote it.
    pub code: DrugCode,
    /// The tab to open; changing it opens that tab.
    #[prop_or_default]
    pub tab: Option<Section>,
    /// Level of the title heading.
    #[prop_or_default]
    pub heading_level: HeadingLevel,
    /// Interface language.
    #[prop_or(&ENGLISH)]
    pub strings: &'static Strings,
    /// Told when a monograph loads, fails, or the user changes tab.
    #[prop_or_default]
    pub onevent: Callback<WidgetEvent>,
}

/// The embeddable widget for a drug code: finds the code's monograph in the
/// catalog, then shows it as [`MonographApp`] does; or why it cannot.
#[function_component]
pub fn MonographByCode(props: &MonographByCodeProps) -> Html {
    let catalog = use_load(props.catalog.clone(), validate_catalog, None);
    let found = match &*catalog.state {
        Load::Loading => None,
        Load::Loaded { value, .. } => Some(monograph_src(value, &props.catalog, &props.code)),
        Load::Failed(error) => Some(Err(error.clone())),
    };
    let failure = found.clone().and_then(Result::err);

    {
        // Told once the failure is on screen, as the widget does.
        let onevent = props.onevent.clone();
        let failure = failure.clone();
        use_effect_with((catalog.generation, props.code.clone()), move |_| {
            if let Some(error) = failure {
                onevent.emit(WidgetEvent::Error {
                    kind: error.kind(),
                    message: error.to_string(),
                });
            }
        });
    }

    let strings = props.strings;
    match found {
        Some(Ok(src)) => html! {
            <MonographApp
                {src}
                tab={props.tab}
                heading_level={props.heading_level}
                {strings}
                onevent={props.onevent.clone()}
            />
        },
        Some(Err(error)) => html! {
            <>
                <Announcer message={AttrValue::Static(strings.error_title)} />
                <Failure
                    {error}
                    heading_level={props.heading_level}
                    onretry={catalog.retry.clone()}
                    {strings}
                />
            </>
        },
        None => html! {
            <>
                <Announcer message={AttrValue::Static(strings.loading)} />
                <Loading {strings} />
            </>
        },
    }
}

/// The address of the monograph `code` leads to in `catalog` (published at
/// `catalog_url`), or why there is none.
fn monograph_src(
    catalog: &Catalog,
    catalog_url: &str,
    code: &DrugCode,
) -> Result<AttrValue, LoadError> {
    let unknown = |candidates: Vec<&str>| LoadError::UnknownCode {
        url: catalog_url.to_owned(),
        code: code.to_string(),
        candidates: candidates.into_iter().map(str::to_owned).collect(),
    };
    let id = match catalog.codes.find(code) {
        Match::Monograph(id) => id,
        Match::Unknown => return Err(unknown(Vec::new())),
        Match::Ambiguous(ids) => return Err(unknown(ids)),
    };
    let entry = catalog.entries.iter().find(|entry| entry.id == id);
    // The catalog lists its files by name, beside itself.
    entry
        .and_then(|entry| web_sys::Url::new_with_base(&entry.file, catalog_url).ok())
        .map(|url| AttrValue::from(url.href()))
        .ok_or_else(|| unknown(Vec::new()))
}
