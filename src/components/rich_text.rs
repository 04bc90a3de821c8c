use crate::model::RichText;
use yew::prelude::*;

/// Clinical text as text nodes only: emphasis becomes `<strong>`, and
/// nothing in the content is ever interpreted as markup.
pub fn rich_text(text: &RichText) -> Html {
    text.0
        .iter()
        .map(|span| {
            if span.emphasis {
                html! { <strong>{ span.text.clone() }</strong> }
            } else {
                html! { { span.text.clone() } }
            }
        })
        .collect()
}
