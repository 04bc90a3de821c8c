//! Any text handed to the converter (and to the checks built on it) gives
//! a monograph or diagnostics, never a panic; what converts is valid.
#![no_main]

use monograph_authoring::{check, convert, json_file};
use monograph_model as model;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let conversion = convert(text, "fuzz.md");
    if let Some(monograph) = &conversion.monograph {
        let json = model::to_json(monograph);
        let value: model::Value = serde_json::from_str(&json).expect("to_json writes JSON");
        assert!(
            model::validate(&value).is_ok(),
            "a converted monograph is valid"
        );
    }
    let _ = check::markdown(text, "fuzz.md", "2026-01-01");
    let _ = json_file::check(text);
});
