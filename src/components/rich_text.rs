use crate::model::{Definition, Monograph, RichText, Span};
use std::cell::Cell;
use yew::prelude::*;

/// The glossary a text's marked words are explained from, and the ids of
/// their definitions: numbered in rendering order, so the server and the
/// browser give the same ones and hydration matches.
pub struct Terms<'a> {
    monograph: &'a Monograph,
    /// Unique within the document or shadow root: one per panel.
    id_prefix: String,
    count: Cell<usize>,
}

impl<'a> Terms<'a> {
    pub fn new(monograph: &'a Monograph, id_prefix: String) -> Self {
        Terms {
            monograph,
            id_prefix,
            count: Cell::new(0),
        }
    }

    fn next_id(&self) -> String {
        let n = self.count.get() + 1;
        self.count.set(n);
        format!("{}-term-{n}", self.id_prefix)
    }
}

/// Clinical text as text nodes only: emphasis becomes `<strong>`, a marked
/// word becomes a toggletip, and nothing in the content is ever
/// interpreted as markup.
pub fn rich_text(text: &RichText, terms: &Terms) -> Html {
    text.0.iter().map(|span| self::span(span, terms)).collect()
}

fn span(span: &Span, terms: &Terms) -> Html {
    let text = if span.emphasis {
        html! { <strong>{ span.text.clone() }</strong> }
    } else {
        html! { { span.text.clone() } }
    };
    match span
        .term
        .as_deref()
        .and_then(|term| terms.monograph.definition(term))
    {
        Some(definition) => toggletip(text, definition, terms.next_id()),
        None => text,
    }
}

/// A word that shows its definition when pressed (click, tap, Enter or
/// Space) until pressed again or Escape: a native popover, so it works
/// before scripts run and inside a shadow root. The definition follows the
/// button in the document, so a screen reader reads it right after the
/// word; the browser tells whether it is expanded.
fn toggletip(word: Html, definition: &Definition, id: String) -> Html {
    html! {
        <>
            <button type="button" class="dm-gloss" popovertarget={id.clone()}>{ word }</button>
            <span class="dm-gloss-definition" part="definition" id={id} popover="auto">
                <span class="dm-gloss-term">{ definition.term.clone() }</span>
                { ": " }{ definition.definition.clone() }
            </span>
        </>
    }
}
