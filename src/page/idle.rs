use crate::strings::{fill, Strings};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IdleGuardProps {
    /// Seconds without any touch, click, key or scroll before warning.
    pub idle_seconds: u32,
    /// Seconds the warning counts down before the reset.
    pub countdown_seconds: u32,
    /// Called when the countdown ends: return to the start.
    pub onreset: Callback<()>,
    /// Interface language.
    pub strings: &'static Strings,
}

/// What patients do that shows someone is still there.
const ACTIVITY: [&str; 5] = ["pointerdown", "keydown", "touchstart", "wheel", "scroll"];

/// Returns an unattended kiosk to its start, for the next patient's privacy.
/// Before it does, a countdown that any touch cancels offers "I'm still
/// reading" (WCAG 2.2.1: a time limit is announced and can be extended).
#[function_component]
pub fn IdleGuard(props: &IdleGuardProps) -> Html {
    // Seconds left on the countdown; None while nobody needs warning.
    let remaining = use_state(|| None::<u32>);
    let last_activity = use_memo((), |_| Rc::new(Cell::new(js_sys::Date::now())));
    let button = use_node_ref();

    {
        let last_activity = (*last_activity).clone();
        let remaining = remaining.setter();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            // Capture, so activity inside anything (the widget's own
            // handlers included) still counts.
            let options = EventListenerOptions::run_in_capture_phase();
            let listeners: Vec<EventListener> = document
                .map(|document| {
                    ACTIVITY
                        .iter()
                        .map(|&kind| {
                            let last_activity = last_activity.clone();
                            let remaining = remaining.clone();
                            EventListener::new_with_options(&document, kind, options, move |_| {
                                last_activity.set(js_sys::Date::now());
                                remaining.set(None);
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            move || drop(listeners)
        });
    }

    {
        let last_activity = (*last_activity).clone();
        let remaining_handle = remaining.clone();
        let idle_ms = f64::from(props.idle_seconds) * 1000.0;
        let countdown = props.countdown_seconds;
        let onreset = props.onreset.clone();
        use_effect_with((idle_ms.to_bits(), countdown), move |_| {
            let tick = Interval::new(1000, move || {
                let idle_for = js_sys::Date::now() - last_activity.get();
                if idle_for < idle_ms {
                    return;
                }
                // Whole seconds past the idle limit, counted down from the
                // countdown length.
                let elapsed = ((idle_for - idle_ms) / 1000.0).floor() as u32;
                match countdown.checked_sub(elapsed).filter(|&left| left > 0) {
                    Some(left) => remaining_handle.set(Some(left)),
                    None => {
                        last_activity.set(js_sys::Date::now());
                        remaining_handle.set(None);
                        onreset.emit(());
                    }
                }
            });
            move || drop(tick)
        });
    }

    {
        // Move focus to the button when the warning appears, so a keyboard
        // or switch user can answer at once.
        let button = button.clone();
        let showing = remaining.is_some();
        use_effect_with(showing, move |&showing| {
            if showing {
                if let Some(button) = button.cast::<HtmlElement>() {
                    // Without scrolling: a scroll would count as activity.
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = button.focus_with_options(&options);
                }
            }
        });
    }

    let Some(left) = *remaining else {
        return Html::default();
    };
    let strings = props.strings;
    // The pointerdown that presses it already counts as activity; the click
    // handler is for keyboards.
    let onclick = {
        let last_activity = (*last_activity).clone();
        let remaining = remaining.setter();
        Callback::from(move |_: MouseEvent| {
            last_activity.set(js_sys::Date::now());
            remaining.set(None);
        })
    };
    html! {
        <div class="page-idle-backdrop">
            <div
                class="page-idle"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby="page-idle-title"
                aria-describedby="page-idle-message"
            >
                <h2 id="page-idle-title">{ strings.idle_title }</h2>
                <p id="page-idle-message">
                    { fill(strings.idle_message, "seconds", left) }
                </p>
                <button type="button" class="page-button page-still-reading" ref={button} {onclick}>
                    { strings.still_reading }
                </button>
            </div>
        </div>
    }
}
