use super::read_aloud::speech_synthesis;
use crate::strings::{fill, Strings};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
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

/// Whether an event's target is the warning or inside it.
fn in_warning(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|element| element.closest(".page-idle-backdrop").ok().flatten())
        .is_some()
}

/// Makes every sibling of `element` inert, and returns those it changed
/// (not those that were inert already).
fn make_siblings_inert(element: &Element) -> Vec<Element> {
    let Some(parent) = element.parent_element() else {
        return Vec::new();
    };
    let children = parent.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|sibling| sibling != element && !sibling.has_attribute("inert"))
        .filter(|sibling| sibling.set_attribute("inert", "").is_ok())
        .collect()
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
    let backdrop = use_node_ref();

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
                EventListener::new_with_options(document, kind, options, move |event| {
                    // The warning's own scrolling (bringing its button into
                    // view, or a patient reading it at large text) is not
                    // leaving it.
                    if kind == "scroll" && in_warning(event.target()) {
                        return;
                    }
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
        // While the warning shows, it is the only thing on the page: the
        // rest is inert (out of reach of focus, pointer and the
        // accessibility tree), and focus is on its button, scrolled into
        // view, so a keyboard or switch user can answer at once. When it
        // goes, focus returns to where it was.
        let button = button.clone();
        let backdrop = backdrop.clone();
        let showing = remaining.is_some();
        use_effect_with(showing, move |&showing| {
            let mut made_inert = Vec::new();
            let mut previous = None;
            if showing {
                previous = crate::browser::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element());
                if let Some(backdrop) = backdrop.cast::<Element>() {
                    made_inert = make_siblings_inert(&backdrop);
                }
                if let Some(button) = button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
            move || {
                for element in &made_inert {
                    let _ = element.remove_attribute("inert");
                }
                let previous = previous.and_then(|e| e.dyn_into::<HtmlElement>().ok());
                if let Some(previous) = previous.filter(|e| e.is_connected()) {
                    // It was in view when the warning came.
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = previous.focus_with_options(&options);
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
        <div class="page-idle-backdrop" ref={backdrop} {onclick}>
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
