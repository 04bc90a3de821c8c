use crate::strings::ENGLISH;
use yew::prelude::*;

/// The busy indicator, announced politely by screen readers.
#[function_component]
pub fn Loading() -> Html {
    html! {
        <div class="dm-status" role="status" aria-live="polite" aria-busy="true">
            <span class="dm-spinner" aria-hidden="true"></span>
            { " " }{ ENGLISH.loading }
        </div>
    }
}
