use crate::strings::{Strings, ENGLISH};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    /// Interface language.
    #[prop_or(&ENGLISH)]
    pub strings: &'static Strings,
}

/// The busy indicator, for the eye: screen readers hear "Loading" from the
/// `Announcer` beside it, whose region stays when this block goes.
#[function_component]
pub fn Loading(props: &LoadingProps) -> Html {
    html! {
        <div class="dm-status" part="status" aria-busy="true">
            <span class="dm-spinner" aria-hidden="true"></span>
            { " " }{ props.strings.loading }
        </div>
    }
}
