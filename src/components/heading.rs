use yew::prelude::*;

/// A heading whose level follows the host page's outline; levels past 6
/// stay at 6 because HTML has no deeper heading.
pub fn heading(level: u8, class: &'static str, id: Option<String>, content: Html) -> Html {
    let tag = format!("h{}", level.clamp(1, 6));
    html! { <@{tag} class={class} id={id}>{ content }</@> }
}
