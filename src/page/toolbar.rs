use super::state::TEXT_SIZES;
use crate::strings::{Strings, LANGUAGES};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The text size in percent, one of [`TEXT_SIZES`].
    pub text_size: u32,
    /// Called with the size the patient picked.
    pub ontextsize: Callback<u32>,
    /// Called with the language tag the patient picked.
    pub onlanguage: Callback<&'static str>,
    /// Show the Print button (there is something to print and a printer).
    pub printable: bool,
    /// Interface language.
    pub strings: &'static Strings,
}

/// Text size, interface language and printing, always at hand.
#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let strings = props.strings;
    let sizes = TEXT_SIZES.iter().map(|&size| {
        let onchange = props.ontextsize.reform(move |_: Event| size);
        html! {
            <label class="page-choice">
                <input
                    type="radio"
                    name="page-text-size"
                    value={size.to_string()}
                    checked={size == props.text_size}
                    {onchange}
                />
                <span>{ format!("{size}%") }</span>
            </label>
        }
    });
    // Each language is named in itself, so a patient finds their own.
    let languages = LANGUAGES.iter().map(|language| {
        let tag = language.language;
        let onclick = props.onlanguage.reform(move |_: MouseEvent| tag);
        html! {
            <button
                type="button"
                class="page-button"
                lang={tag}
                aria-pressed={(tag == strings.language).to_string()}
                {onclick}
            >
                { language.language_name }
            </button>
        }
    });
    let onprint = Callback::from(|_: MouseEvent| {
        if let Some(window) = crate::browser::window() {
            // print() fails only where printing is impossible; nothing to add.
            let _ = window.print();
        }
    });
    html! {
        // Languages first: nothing on the page can be read before the
        // right one is chosen, and on a phone the controls share one row
        // that scrolls sideways.
        <div class="page-toolbar">
            <div class="page-languages" role="group" aria-label={strings.language_label}>
                { for languages }
            </div>
            <fieldset class="page-text-size">
                <legend>{ strings.text_size }</legend>
                { for sizes }
            </fieldset>
            if props.printable {
                <button type="button" class="page-button page-print" onclick={onprint}>
                    { strings.print }
                </button>
            }
        </div>
    }
}
