use super::heading::{heading, HeadingLevel};
use crate::error::LoadError;
use crate::strings::{Strings, ENGLISH};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FailureProps {
    /// What went wrong.
    pub error: LoadError,
    /// Level of the failure's heading, matching the monograph title's.
    pub heading_level: HeadingLevel,
    /// Called when the patient asks to try again.
    pub onretry: Callback<()>,
    /// Interface language.
    #[prop_or(&ENGLISH)]
    pub strings: &'static Strings,
}

/// Every load failure is shown here: a plain message for the patient, the
/// technical detail for the web team (collapsed), and a way to try again.
#[function_component]
pub fn Failure(props: &FailureProps) -> Html {
    let onclick = props.onretry.reform(|_: MouseEvent| ());
    let strings = props.strings;
    html! {
        <div class="dm-error" part="error" role="alert" data-error-kind={props.error.kind()}>
            { heading(props.heading_level, "dm-error-title", None, html! { strings.error_title }) }
            <p class="dm-error-message">{ props.error.message(strings) }</p>
            <details class="dm-error-details">
                <summary>{ strings.technical_details }</summary>
                <pre>{ props.error.to_string() }</pre>
            </details>
            <button type="button" class="dm-retry" part="retry" {onclick}>{ strings.retry }</button>
        </div>
    }
}
