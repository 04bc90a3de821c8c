use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How long a message waits before it replaces the region's text: long
/// enough for a screen reader to have noticed a region that was just added
/// to the page, so that the change, not the insertion, is what it hears.
const SETTLE_MS: u32 = 150;

#[derive(Properties, PartialEq)]
pub struct AnnouncerProps {
    /// What to tell screen-reader users; `None` tells nothing new and
    /// leaves the region as it is.
    #[prop_or_default]
    pub message: Option<AttrValue>,
}

/// A polite live region that stays in the document and changes its text:
/// loading, loaded and failed are each a change of text in the same
/// element, which screen readers announce reliably, where a region that
/// arrives already filled in, or leaves with its content, is often missed.
/// It renders empty, natively and in the browser alike (pre-rendered HTML
/// hydrates unchanged); messages arrive from an effect.
#[function_component]
pub fn Announcer(props: &AnnouncerProps) -> Html {
    let said = use_state_eq(AttrValue::default);
    {
        let said = said.setter();
        use_effect_with(props.message.clone(), move |message| {
            let timeout = message
                .clone()
                .map(|message| Timeout::new(SETTLE_MS, move || said.set(message)));
            move || drop(timeout)
        });
    }
    html! {
        <div class="dm-announce" part="announcer" aria-live="polite" aria-atomic="true">
            { (*said).clone() }
        </div>
    }
}
