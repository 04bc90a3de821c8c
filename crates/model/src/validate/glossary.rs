//! The glossary and the terms the text marks: every mark names a definition,
//! every definition is marked somewhere, and each term is defined once.

use super::checker::{non_empty_list, text, Checker, Fields, Path};
use crate::{Definition, Value};

pub(super) fn entries(cx: &mut Checker, value: &Value, path: &Path) -> Option<Vec<Definition>> {
    non_empty_list(cx, value, path, definition)
}

fn definition(cx: &mut Checker, value: &Value, path: &Path) -> Option<Definition> {
    let mut fields = Fields::of(cx, value, path)?;
    let term = fields.required(cx, "term", text);
    let definition = fields.required(cx, "definition", text);
    let source = fields.required(cx, "source", text);
    fields.finish(cx);
    Some(Definition {
        term: term?,
        definition: definition?,
        source: source?,
    })
}

/// Reports marks without a definition and terms defined twice.
pub(super) fn check_marks(cx: &mut Checker, glossary: &[Definition]) {
    for (path, term) in &cx.term_uses.clone() {
        if !glossary.iter().any(|entry| entry.term == *term) {
            cx.report(
                path,
                format!("unknown term \"{term}\": `glossary` has no definition of it"),
            );
        }
    }
    for (index, entry) in glossary.iter().enumerate() {
        if glossary[..index].iter().any(|e| e.term == entry.term) {
            cx.report(
                format!("glossary[{index}].term"),
                format!("\"{}\" is defined more than once", entry.term),
            );
        }
    }
}

/// Reports definitions that no span marks. Which are marked is known only
/// once the text around the marks is valid, so this is checked last.
pub(super) fn check_unmarked(cx: &mut Checker, glossary: &[Definition]) {
    for (index, entry) in glossary.iter().enumerate() {
        if !cx.term_uses.iter().any(|(_, term)| *term == entry.term) {
            cx.report(
                format!("glossary[{index}]"),
                format!(
                    "\"{}\" is not marked anywhere in the text: remove its definition",
                    entry.term
                ),
            );
        }
    }
}
