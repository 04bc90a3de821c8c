use super::read_aloud::speech_synthesis;
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

/// What patients do that shows someone is still there. A touch or a press
/// dismisses the warning through the click that follows it (see below);
/// keys, wheels and scrolling have no click to wait for.
const POINTER_ACTIVITY: [&str; 2] = ["pointerdown", "touchstart"];
const OTHER_ACTIVITY: [&str; 3] = ["keydown", "wheel", "scroll"];

/// Longer than a tap takes from touch to click.
const TAP_MS: f64 = 600.0;

/// Whether the browser is reading a panel aloud: a patient listening is
/// not idle even without touching the screen.
fn speaking() -> bool {
    speech_synthesis().is_some_and(|speech| speech.speaking() && !speech.paused())
}

/// Returns an unattended kiosk to its start, for the next patient's privacy.
/// Before it does, a countdown that any touch cancels offers "I'm still
/// reading" (WCAG 2.2.1: a time limit is announced and can be extended).
#[function_component]
pub fn IdleGuard(props: &IdleGuardProps) -> Html {
    // Seconds left on the countdown; None while nobody needs warning.
    let remaining = use_state_eq(|| None::<u32>);
    let last_activity = use_memo((), |_| Rc::new(Cell::new(js_sys::Date::now())));
    let button = use_node_ref();

    {
        // A touch only records the time: removing the warning on touchstart
        // would let the tap's click fall through to whatever lies beneath.
        // The warning's own click handler (or the next tick) removes it.
        let last_activity = (*last_activity).clone();
        let remaining = remaining.setter();
        use_effect_with((), move |_| {
            let document = crate::browser::window().and_then(|w| w.document());
            // Capture, so activity inside anything (the widget's own
            // handlers included) still counts.
            let options = EventListenerOptions::run_in_capture_phase();
            let listen = |document: &web_sys::Document, kind: &'static str, dismiss: bool| {
                let last_activity = last_activity.clone();
                let remaining = remaining.clone();
                EventListener::new_with_options(document, kind, options, move |_| {
                    last_activity.set(js_sys::Date::now());
                    if dismiss {
                        remaining.set(None);
                    }
                })
            };
            let listeners: Vec<EventListener> = document
                .map(|document| {
                    let pointer = POINTER_ACTIVITY
                        .iter()
                        .map(|&kind| listen(&document, kind, false));
                    let other = OTHER_ACTIVITY
                        .iter()
                        .map(|&kind| listen(&document, kind, true));
                    pointer.chain(other).collect()
                })
                .unwrap_or_default();
            move || drop(listeners)
        });
    }

    {
        let last_activity = (*last_activity).clone();
        let remaining = remaining.setter();
        let idle_ms = f64::from(props.idle_seconds) * 1000.0;
        let countdown = props.countdown_seconds;
        let onreset = props.onreset.clone();
        use_effect_with((idle_ms.to_bits(), countdown), move |_| {
            let tick = Interval::new(1000, move || {
                if speaking() {
                    last_activity.set(js_sys::Date::now());
                }
                let idle_for = js_sys::Date::now() - last_activity.get();
                if idle_for < idle_ms {
                    // Not in the instant of a tap, whose click is still on
                    // its way to the warning's own handler.
                    if idle_for >= TAP_MS {
                        remaining.set(None);
                    }
                    return;
                }
                // Whole seconds past the idle limit, counted down from the
                // countdown length.
                let elapsed = ((idle_for - idle_ms) / 1000.0).floor() as u32;
                match countdown.checked_sub(elapsed).filter(|&left| left > 0) {
                    Some(left) => remaining.set(Some(left)),
                    None => {
                        last_activity.set(js_sys::Date::now());
                        remaining.set(None);
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
    // Any click on the warning, its button or the dimmed page around it
    // dismisses it, and goes no further.
    let onclick = {
        let last_activity = (*last_activity).clone();
        let remaining = remaining.setter();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            event.stop_propagation();
            last_activity.set(js_sys::Date::now());
            remaining.set(None);
        })
    };
    let message = match left {
        1 => strings.idle_message_one.to_owned(),
        _ => fill(strings.idle_message, "seconds", left),
    };
    html! {
        <div class="page-idle-backdrop" {onclick}>
            <div
                class="page-idle"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby="page-idle-title"
                aria-describedby="page-idle-message"
            >
                <h2 id="page-idle-title">{ strings.idle_title }</h2>
                <p id="page-idle-message">{ message }</p>
                <button type="button" class="page-button page-still-reading" ref={button}>
                    { strings.still_reading }
                </button>
            </div>
        </div>
    }
}
