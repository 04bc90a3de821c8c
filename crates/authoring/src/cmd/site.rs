//! `monograph site --out DIR [--site-url URL] [--template FILE] [CONTENT]`:
//! the pre-rendered pages, embed snippets, sitemap and robots.txt.

use super::args::Arguments;
use super::files::CONTENT;
use super::Outcome;
use crate::site::{self, Options};
use std::io::Write;
use std::path::PathBuf;

/// Where the site is served during development (`scripts/run`).
const LOCAL_SITE_URL: &str = "http://127.0.0.1:8080/";

pub(super) fn execute(args: &[String], out: &mut dyn Write) -> Outcome {
    let args = Arguments::parse(args, &[], &["--out", "--site-url", "--template"])?;
    let content = match args.paths_or(CONTENT)?.as_slice() {
        [dir] if dir.is_dir() => dir.clone(),
        [other] => return Err(format!("{} is not a directory", other.display())),
        _ => return Err("site takes one content directory".to_owned()),
    };
    let out_dir = args
        .value("--out")
        .ok_or("site needs --out DIR, the folder to write the pages to")?;
    let mut site_url = args
        .value("--site-url")
        .unwrap_or(LOCAL_SITE_URL)
        .to_owned();
    if !site_url.starts_with("http://") && !site_url.starts_with("https://") {
        return Err(format!(
            "--site-url {site_url}: an absolute http(s) address is needed"
        ));
    }
    if !site_url.ends_with('/') {
        site_url.push('/');
    }
    let options = Options {
        template: PathBuf::from(args.value("--template").unwrap_or("index.html")),
        content,
        out: PathBuf::from(out_dir),
        site_url,
        version: env!("CARGO_PKG_VERSION").to_owned(),
    };
    match site::build(&options) {
        Ok(written) => {
            let _ = writeln!(out, "wrote {} files to {out_dir}", written.len());
            Ok(true)
        }
        Err(problem) => {
            let _ = writeln!(out, "{problem}");
            Ok(false)
        }
    }
}
