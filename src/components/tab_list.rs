use crate::after_paint::after_paint;
use crate::model::Section;
use crate::strings::{Strings, ENGLISH};
use gloo::render::AnimationFrame;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TabListProps {
    /// The tabs to show, in order; never empty.
    pub tabs: Vec<Section>,
    /// The selected tab.
    pub active: Section,
    /// Prefix of the tab and panel element ids.
    pub id_prefix: AttrValue,
    /// Accessible name of the tab list.
    pub label: AttrValue,
    /// Called with the tab the user picked by pointer or keyboard.
    pub onselect: Callback<Section>,
    /// Interface language of the tab labels.
    #[prop_or(&ENGLISH)]
    pub strings: &'static Strings,
}

pub fn tab_id(prefix: &str, tab: Section) -> String {
    format!("{prefix}-tab-{}", tab.slug())
}

pub fn panel_id(prefix: &str, tab: Section) -> String {
    format!("{prefix}-panel-{}", tab.slug())
}

/// Where a key press moves the selection, following the WAI-ARIA tabs
/// pattern: Left/Right wrap around, Home/End jump to the ends. Up and Down
/// are left to the page because the tab list is horizontal.
pub fn key_target(key: &str, current: usize, count: usize) -> Option<usize> {
    match key {
        "ArrowRight" => Some((current + 1) % count),
        "ArrowLeft" => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// Scrolls `tab`'s row sideways, if it scrolls, so that the whole tab shows
/// with a little of its neighbours (they tell there is more).
fn reveal_in_row(tab: &HtmlElement) {
    let Some(row) = tab.parent_element() else {
        return;
    };
    if row.scroll_width() <= row.client_width() {
        return;
    }
    let (tab_box, row_box) = (
        tab.get_bounding_client_rect(),
        row.get_bounding_client_rect(),
    );
    let peek = tab_box.width() / 2.0;
    let before = tab_box.left() - row_box.left() - peek;
    let after = tab_box.right() - row_box.right() + peek;
    let by = if before < 0.0 {
        before
    } else if after > 0.0 {
        after.min(before)
    } else {
        return;
    };
    row.set_scroll_left(row.scroll_left() + by.round() as i32);
}

/// A WAI-ARIA tab list with roving tabindex and automatic activation.
#[function_component]
pub fn TabList(props: &TabListProps) -> Html {
    let refs = use_memo(props.tabs.len(), |count| {
        (0..*count).map(|_| NodeRef::default()).collect::<Vec<_>>()
    });

    {
        // On a phone the tabs are one scrolling row (see widget.css): keep
        // the selected tab in view inside it, as one the address or the
        // host chose may start out of sight. Only the row scrolls, never
        // the page.
        let refs = refs.clone();
        let index = props.tabs.iter().position(|tab| *tab == props.active);
        let rendered = use_mut_ref(|| false);
        let frame = use_mut_ref(|| None::<AnimationFrame>);
        use_effect_with(index, move |&index| {
            // A new row starts at its first tab, in view: measuring it would
            // force a layout per widget on a page of many, for nothing.
            let first = !std::mem::replace(&mut *rendered.borrow_mut(), true);
            if first && index == Some(0) {
                return;
            }
            let Some(tab) = index.map(|i| refs[i].clone()) else {
                return;
            };
            // Measured after the frame that shows the new panel: measuring
            // now would lay that panel out before it is painted, in the time
            // between the key press and the patient seeing the panel. The
            // frame is cancelled with the row.
            *frame.borrow_mut() = Some(after_paint(move || {
                if let Some(tab) = tab.cast::<HtmlElement>() {
                    reveal_in_row(&tab);
                }
            }));
        });
    }

    let onkeydown = {
        let tabs = props.tabs.clone();
        let active = props.active;
        let onselect = props.onselect.clone();
        let refs = refs.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.alt_key() || event.ctrl_key() || event.meta_key() {
                return;
            }
            let current = tabs.iter().position(|tab| *tab == active).unwrap_or(0);
            let Some(target) = key_target(&event.key(), current, tabs.len()) else {
                return;
            };
            event.prevent_default();
            onselect.emit(tabs[target]);
            if let Some(element) = refs[target].cast::<HtmlElement>() {
                // Focus errors only occur for detached elements; nothing to do then.
                let _ = element.focus();
            }
        })
    };

    html! {
        <div class="dm-tablist" part="tablist" role="tablist" aria-label={props.label.clone()} {onkeydown}>
            { for props.tabs.iter().zip(refs.iter()).map(|(&tab, node_ref)| {
                let selected = tab == props.active;
                let onclick = props.onselect.reform(move |_: MouseEvent| tab);
                html! {
                    <button
                        type="button"
                        role="tab"
                        class="dm-tab"
                        part={if selected { "tab selected-tab" } else { "tab" }}
                        ref={node_ref.clone()}
                        id={tab_id(&props.id_prefix, tab)}
                        aria-selected={if selected { "true" } else { "false" }}
                        aria-controls={panel_id(&props.id_prefix, tab)}
                        tabindex={if selected { "0" } else { "-1" }}
                        {onclick}
                    >
                        { props.strings.tab_label(tab) }
                    </button>
                }
            }) }
        </div>
    }
}
