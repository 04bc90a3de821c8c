use crate::strings::{Strings, ENGLISH};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StaleProps {
    /// Interface language.
    #[prop_or(&ENGLISH)]
    pub strings: &'static Strings,
}

/// A discreet note that what is shown is the offline copy, because the
/// network failed when it was asked for.
#[function_component]
pub fn Stale(props: &StaleProps) -> Html {
    html! { <p class="dm-stale" part="stale" role="status">{ props.strings.stale }</p> }
}
