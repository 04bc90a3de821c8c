//! "Read aloud": the open tab's text spoken by the browser's own speech
//! synthesis (`window.speechSynthesis`), for patients who find reading hard.
//!
//! Nothing is shown when the browser cannot speak (no API, or no voices
//! yet: Chrome loads them after the page, so the controls appear on
//! `voiceschanged`). Speech is cancelled when the text changes (another
//! tab or medicine), when the component goes away and when the page is
//! left, so it never goes on about something no longer on screen.
//!
//! Every web API failure is ignored: read-aloud is a convenience, and the
//! text it reads is on screen anyway.

use crate::strings::Strings;
use gloo::events::EventListener;
use std::cell::RefCell;
use std::cmp::Reverse;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    /// What to read: paragraphs separated by `"\n"` (see
    /// [`crate::reading::tab_text`]).
    pub text: AttrValue,
    /// BCP 47 tag of the text, e.g. `en`: chooses the voice.
    pub lang: AttrValue,
    pub strings: &'static Strings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Idle,
    Speaking,
    Paused,
}

/// The speech this component started: the listeners on its utterances.
/// Dropping it detaches them (and frees their closures), so an utterance
/// that ends or fails later can no longer change the state. The listeners
/// also hold the utterances themselves: Chrome drops the events of an
/// utterance that has been garbage-collected.
struct Speech {
    _listeners: Vec<EventListener>,
}

type SpeechSlot = Rc<RefCell<Option<Speech>>>;

/// `window.speechSynthesis`, when the browser has it.
pub(super) fn speech_synthesis() -> Option<SpeechSynthesis> {
    if cfg!(not(target_arch = "wasm32")) {
        // Server-side rendering and native tests: no browser.
        return None;
    }
    let window = web_sys::window()?;
    // Read as a plain property: some browsers and web views lack it, and the
    // generated getter would hand back `undefined` as if it were the API.
    let value = js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
    value.dyn_into::<SpeechSynthesis>().ok()
}

fn voices(synth: &SpeechSynthesis) -> Vec<SpeechSynthesisVoice> {
    synth
        .get_voices()
        .iter()
        .filter_map(|voice| voice.dyn_into::<SpeechSynthesisVoice>().ok())
        .collect()
}

/// What matters about a voice when choosing one.
struct VoiceInfo {
    lang: String,
    local: bool,
    default: bool,
}

/// `en_US` (Android) and `en-us` both become `en-us`.
fn normalise_tag(tag: &str) -> String {
    tag.trim().replace('_', "-").to_ascii_lowercase()
}

fn primary_subtag(tag: &str) -> &str {
    tag.split('-').next().unwrap_or_default()
}

/// The index of the voice to read text in `lang` with: one whose language
/// has the same primary subtag, preferring the exact tag, then a voice on
/// the device (it keeps working offline, and Chrome's network voices stop
/// after about 15 seconds), then the browser's default. `None` leaves the
/// choice to the browser, from the utterance's `lang`.
fn best_voice(lang: &str, voices: &[VoiceInfo]) -> Option<usize> {
    let lang = normalise_tag(lang);
    let primary = primary_subtag(&lang);
    if primary.is_empty() {
        return None;
    }
    voices
        .iter()
        .enumerate()
        .filter_map(|(index, voice)| {
            let tag = normalise_tag(&voice.lang);
            (primary_subtag(&tag) == primary)
                .then_some(((tag == lang, voice.local, voice.default), Reverse(index)))
        })
        .max()
        .map(|(_, Reverse(index))| index)
}

fn voice_for(synth: &SpeechSynthesis, lang: &str) -> Option<SpeechSynthesisVoice> {
    let mut voices = voices(synth);
    let infos: Vec<VoiceInfo> = voices
        .iter()
        .map(|voice| VoiceInfo {
            lang: voice.lang(),
            local: voice.local_service(),
            default: voice.default(),
        })
        .collect();
    best_voice(lang, &infos).map(|index| voices.swap_remove(index))
}

/// Cancels the speech this component started, if any.
fn stop(synth: &SpeechSynthesis, slot: &SpeechSlot) {
    let speech = slot.borrow_mut().take();
    if speech.is_none() {
        // Never cancel speech that someone else started.
        return;
    }
    // Detach first: cancel() fires `error` (or `end`) on every queued
    // utterance, and those belong to speech that is over.
    drop(speech);
    synth.cancel();
    // A paused synthesiser stays paused after cancel() (Chrome), which would
    // hold back the next reading.
    if synth.paused() {
        synth.resume();
    }
}

/// Speaks `text`, one utterance per paragraph: short utterances are spoken
/// reliably, where long ones get cut off by some browsers.
fn start(
    synth: &SpeechSynthesis,
    slot: &SpeechSlot,
    text: &str,
    lang: &str,
    set_status: &UseStateSetter<Status>,
) {
    stop(synth, slot);
    set_status.set(Status::Idle);
    let paragraphs: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let Some(last) = paragraphs.len().checked_sub(1) else {
        return;
    };
    let voice = voice_for(synth, lang);
    let mut listeners = Vec::with_capacity(paragraphs.len() + 1);
    let mut utterances = Vec::with_capacity(paragraphs.len());
    for (index, paragraph) in paragraphs.into_iter().enumerate() {
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(paragraph) else {
            // The browser would not make an utterance: read nothing rather
            // than the tab with a paragraph missing. Nothing is queued yet.
            return;
        };
        utterance.set_lang(lang);
        if let Some(voice) = &voice {
            utterance.set_voice(Some(voice));
        }
        let on_error = {
            let synth = synth.clone();
            let set_status = set_status.clone();
            move |_: &Event| {
                // Drop the paragraphs still queued: reading on after a gap
                // would skip text without the listener noticing.
                synth.cancel();
                set_status.set(Status::Idle);
            }
        };
        listeners.push(EventListener::new(&utterance, "error", on_error));
        if index == last {
            let set_status = set_status.clone();
            listeners.push(EventListener::new(&utterance, "end", move |_| {
                set_status.set(Status::Idle);
            }));
        }
        utterances.push(utterance);
    }
    *slot.borrow_mut() = Some(Speech {
        _listeners: listeners,
    });
    for utterance in &utterances {
        synth.speak(utterance);
    }
    set_status.set(Status::Speaking);
}

/// Buttons that read `text` aloud, pause or resume, and stop.
#[function_component]
pub fn ReadAloud(props: &ReadAloudProps) -> Html {
    // Starts hidden (and stays so when rendered on a server) until the
    // browser says it has voices.
    let available = use_state_eq(|| false);
    let status = use_state_eq(|| Status::Idle);
    let speech: SpeechSlot = use_mut_ref(|| None);

    {
        let set_available = available.setter();
        let set_status = status.setter();
        let speech = speech.clone();
        use_effect_with((), move |()| {
            let attached = speech_synthesis().map(|synth| {
                set_available.set(!voices(&synth).is_empty());
                let voices_changed = {
                    let target = synth.clone();
                    let synth = synth.clone();
                    let speech = speech.clone();
                    let set_status = set_status.clone();
                    EventListener::new(&target, "voiceschanged", move |_| {
                        let any = !voices(&synth).is_empty();
                        if !any {
                            stop(&synth, &speech);
                            set_status.set(Status::Idle);
                        }
                        set_available.set(any);
                    })
                };
                // Chrome goes on speaking after the page is left or reloaded.
                let page_hide = web_sys::window().map(|window| {
                    let synth = synth.clone();
                    let speech = speech.clone();
                    EventListener::new(&window, "pagehide", move |_| {
                        stop(&synth, &speech);
                        // Shown again if the page comes back from the cache.
                        set_status.set(Status::Idle);
                    })
                });
                (synth, voices_changed, page_hide)
            });
            move || {
                if let Some((synth, voices_changed, page_hide)) = attached {
                    drop(voices_changed);
                    drop(page_hide);
                    stop(&synth, &speech);
                }
            }
        });
    }

    {
        // A new text (another tab or medicine) stops the old one's speech.
        let set_status = status.setter();
        let speech = speech.clone();
        use_effect_with((props.text.clone(), props.lang.clone()), move |_| {
            set_status.set(Status::Idle);
            move || {
                if let Some(synth) = speech_synthesis() {
                    stop(&synth, &speech);
                }
            }
        });
    }

    if !*available {
        return Html::default();
    }

    let onread = {
        let speech = speech.clone();
        let set_status = status.setter();
        let text = props.text.clone();
        let lang = props.lang.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(synth) = speech_synthesis() {
                start(&synth, &speech, &text, &lang, &set_status);
            }
        })
    };
    let ontoggle = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(synth) = speech_synthesis() else {
                return;
            };
            match *status {
                Status::Speaking => {
                    synth.pause();
                    status.set(Status::Paused);
                }
                Status::Paused => {
                    synth.resume();
                    status.set(Status::Speaking);
                }
                Status::Idle => {}
            }
        })
    };
    let onstop = {
        let speech = speech.clone();
        let set_status = status.setter();
        Callback::from(move |_: MouseEvent| {
            if let Some(synth) = speech_synthesis() {
                stop(&synth, &speech);
            }
            set_status.set(Status::Idle);
        })
    };

    let strings = props.strings;
    // While idle, Pause and Stop do nothing and say so with `aria-disabled`
    // rather than `disabled`, which would throw the keyboard focus away
    // when speech ends under it.
    let idle = (*status == Status::Idle).then_some("true");
    let toggle_label = if *status == Status::Paused {
        strings.resume
    } else {
        strings.pause
    };
    html! {
        <div class="page-read-aloud" role="group" aria-label={strings.read_aloud}>
            <button type="button" class="page-button" onclick={onread}>{ strings.read_aloud }</button>
            <button type="button" class="page-button" aria-disabled={idle} onclick={ontoggle}>{ toggle_label }</button>
            <button type="button" class="page-button" aria-disabled={idle} onclick={onstop}>{ strings.stop }</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Voices as the browser lists them: language, on the device, default.
    fn voices(list: &[(&str, bool, bool)]) -> Vec<VoiceInfo> {
        list.iter()
            .map(|&(lang, local, default)| VoiceInfo {
                lang: lang.to_owned(),
                local,
                default,
            })
            .collect()
    }

    #[test]
    fn a_voice_of_the_texts_language_is_chosen() {
        let desktop = voices(&[
            ("de-DE", true, true),
            ("en-US", false, false),
            ("en-GB", true, false),
            ("es-ES", true, false),
        ]);
        // Android writes tags with an underscore.
        let android = voices(&[
            ("en_US", true, false),
            ("en_GB", true, true),
            ("en_AU", true, false),
        ]);
        let tied = voices(&[("es-ES", true, false), ("es-MX", true, false)]);
        for (voices, lang, expected, why) in [
            (&desktop, "en", Some(2), "local English"),
            (&desktop, "en-US", Some(1), "exact tag first"),
            (&desktop, "es", Some(3), "the only Spanish"),
            (&desktop, "ES-mx", Some(3), "case and region"),
            (&desktop, "fr", None, "no French voice"),
            (&desktop, "", None, "no language"),
            (&android, "en-us", Some(0), "exact tag"),
            (&android, "en", Some(1), "the default"),
            (&tied, "es", Some(0), "the first of equals"),
        ] {
            assert_eq!(best_voice(lang, voices), expected, "{lang:?}: {why}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[tokio::test]
    async fn nothing_is_rendered_without_speech_synthesis() {
        let props = ReadAloudProps {
            text: "Take one capsule a day.".into(),
            lang: "en".into(),
            strings: &crate::strings::ENGLISH,
        };
        let html = yew::LocalServerRenderer::<ReadAloud>::with_props(props)
            .hydratable(false)
            .render()
            .await;
        assert_eq!(html, "");
    }
}
