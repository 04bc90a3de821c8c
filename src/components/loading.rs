use crate::strings::{Strings, ENGLISH};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    /// Interface language.
    #[prop_or(&ENGLISH)]
    pub strings: &'static Strings,
}

/// The busy indicator, announced politely by screen readers.
#[function_component]
pub fn Loading(props: &LoadingProps) -> Html {
    html! {
        <div class="dm-status" part="status" role="status" aria-live="polite" aria-busy="true">
            <span class="dm-spinner" aria-hidden="true"></span>
            { " " }{ props.strings.loading }
        </div>
    }
}
