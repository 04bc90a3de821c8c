use super::read_aloud::ReadAloud;
use super::take_home::TakeHome;
use crate::components::{
    next_id_prefix, use_load_message, Announcer, Failure, HeadingLevel, Loading, MonographView,
    Stale,
};
use crate::hooks::{use_load, Load};
use crate::model::validate;
use crate::model::{Monograph, Section};
use crate::reading::tab_text;
use crate::strings::Strings;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MonographPageProps {
    /// Address of the monograph JSON.
    pub src: AttrValue,
    /// The tab the address names.
    pub tab: Option<Section>,
    /// Called when the patient opens another tab.
    pub ontab: Callback<Section>,
    /// The public address of the page, without its route, for the QR code;
    /// `None` hides "Take this home".
    pub share_base: Option<AttrValue>,
    /// Interface language.
    pub strings: &'static Strings,
    /// The monograph at `src`, when the page was pre-rendered from it.
    #[prop_or_default]
    pub preloaded: Option<Rc<Monograph>>,
    /// Prefix of element ids, when the pre-rendered page chose it.
    #[prop_or_default]
    pub id_prefix: Option<AttrValue>,
    /// The medicine's name from the catalog: the page's heading while its
    /// monograph loads.
    pub title: AttrValue,
}

/// One monograph on the standalone page or the kiosk, with read-aloud and,
/// on the kiosk, a QR code to take it home.
#[function_component]
pub fn MonographPage(props: &MonographPageProps) -> Html {
    let id_prefix = use_memo((), |_| {
        props.id_prefix.clone().unwrap_or_else(next_id_prefix)
    });
    let loader = use_load(props.src.clone(), validate, props.preloaded.clone());
    let strings = props.strings;
    let message = use_load_message(&loader, strings);
    let content = match &*loader.state {
        // The page has its one h1 from the start.
        Load::Loading => html! {
            <>
                <h1 class="page-loading-title">{ props.title.clone() }</h1>
                <Loading {strings} />
            </>
        },
        Load::Failed(error) => html! {
            <Failure error={error.clone()} heading_level={HeadingLevel::TOP} onretry={loader.retry.clone()} {strings} />
        },
        Load::Loaded { value, offline } => {
            let active = Section::resolve(props.tab, value);
            let share = props.share_base.as_ref().map(|base| {
                let url = format!("{base}#/{}/{}", value.id, active.slug());
                html! { <TakeHome url={AttrValue::from(url)} {strings} /> }
            });
            html! {
                <>
                    if *offline { <Stale {strings} /> }
                    <ReadAloud
                        text={AttrValue::from(tab_text(value, active))}
                        lang={AttrValue::from(value.language.clone())}
                        {strings}
                    />
                    <MonographView
                        monograph={value.clone()}
                        {active}
                        id_prefix={(*id_prefix).clone()}
                        heading_level={HeadingLevel::TOP}
                        onselect={props.ontab.clone()}
                        {strings}
                    />
                    { share }
                </>
            }
        }
    };
    html! {
        <>
            <Announcer {message} />
            { content }
        </>
    }
}
