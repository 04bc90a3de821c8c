#![cfg(not(target_arch = "wasm32"))]
//! Whatever an editor types, the converter answers with a monograph or with
//! diagnostics, and never panics. (`fuzz/` explores the same property for
//! longer with cargo-fuzz.)

use monograph_authoring::{check, convert, json_file, readability};
use proptest::prelude::*;

/// Pieces of the monograph layout, so that generated files get past the
/// front matter and into the sections often.
fn markdown_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---".to_owned()),
        Just("title: X".to_owned()),
        Just("language: en".to_owned()),
        Just("alerts: [A]".to_owned()),
        Just("ndc: [\"0\"]".to_owned()),
        Just("# X".to_owned()),
        Just("### Generic Name".to_owned()),
        Just("### Usage".to_owned()),
        Just("### Side Effects".to_owned()),
        Just("### Precautions".to_owned()),
        Just("### FAQs".to_owned()),
        Just("* **A:** text".to_owned()),
        Just("* **Q: why?**".to_owned()),
        Just("A: because".to_owned()),
        Just("serious ones:".to_owned()),
        Just("**Disclaimer:** d".to_owned()),
        Just(String::new()),
        "[ -~]{0,12}",
        "[*#:>`\\-\\[\\]\\(\\)!_ \tQAé\u{feff}]{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_text_converts_without_panicking(text in "\\PC{0,300}") {
        let conversion = convert(&text, "any.md");
        prop_assert!(conversion.monograph.is_some() || !conversion.diagnostics.is_empty());
        let _ = check::markdown(&text, "any.md", "2026-01-01");
        let _ = json_file::check(&text);
        let _ = readability::grade(&[&text]);
    }

    #[test]
    fn any_monograph_shaped_text_converts_without_panicking(
        lines in proptest::collection::vec(markdown_line(), 0..40),
        crlf in any::<bool>(),
    ) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        let conversion = convert(&text, "any.md");
        for diagnostic in &conversion.diagnostics {
            // Positions are inside the file (or just past its end).
            prop_assert!(diagnostic.line >= 1 && diagnostic.column >= 1);
            prop_assert!(diagnostic.line <= text.split('\n').count() + 1);
        }
        if let Some(monograph) = conversion.monograph {
            // What converts is valid by the model's own validator.
            let json = monograph_model::to_json(&monograph);
            let value: monograph_model::Value = serde_json::from_str(&json).unwrap();
            prop_assert!(monograph_model::validate(&value).is_ok());
        }
    }
}
