//! `monograph`: converts the editors' Markdown monographs to JSON, checks
//! both, and writes the catalog and the JSON Schema. See `monograph help`
//! and docs/editors.md.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = drug_monograph::authoring::cli::run(
        &args,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(status);
}

/// Cargo builds every binary alongside the browser tests; the authoring
/// tools are native only, so there the binary is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}
