//! `monograph`: converts the editors' Markdown monographs to JSON, checks
//! both, and writes the catalog and the JSON Schema. See `monograph help`
//! and docs/editors.md.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = monograph_authoring::cmd::run(
        &args,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(status);
}
