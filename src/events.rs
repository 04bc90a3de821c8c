//! What the widget tells its host page, for analytics and integration:
//! bubbling, composed `CustomEvent`s dispatched on the host element.

use wasm_bindgen::JsValue;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WidgetEvent {
    /// A monograph is shown.
    Load { id: String, title: String },
    /// The user opened another tab.
    TabChange { tab: &'static str },
    /// Loading failed; `message` is the technical detail.
    Error { kind: &'static str, message: String },
}

impl WidgetEvent {
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Load { .. } => "drug-monograph-load",
            WidgetEvent::TabChange { .. } => "drug-monograph-tabchange",
            WidgetEvent::Error { .. } => "drug-monograph-error",
        }
    }

    fn detail(&self) -> js_sys::Object {
        let fields: Vec<(&str, &str)> = match self {
            WidgetEvent::Load { id, title } => vec![("id", id), ("title", title)],
            WidgetEvent::TabChange { tab } => vec![("tab", tab)],
            WidgetEvent::Error { kind, message } => vec![("kind", kind), ("message", message)],
        };
        let detail = js_sys::Object::new();
        for (key, value) in fields {
            // Setting a property on a fresh plain object cannot fail.
            let _ = js_sys::Reflect::set(&detail, &key.into(), &value.into());
        }
        detail
    }

    /// Dispatches the event on `target`. It bubbles and crosses shadow
    /// boundaries, so a listener anywhere up the host page receives it.
    pub fn dispatch(&self, target: &web_sys::EventTarget) {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&JsValue::from(self.detail()));
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(self.name(), &init) {
            // A throwing listener on the host page must not break the widget.
            let _ = target.dispatch_event(&event);
        }
    }
}
