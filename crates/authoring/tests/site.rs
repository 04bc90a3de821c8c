//! `monograph site`: the pre-rendered pages, snippets, sitemap and
//! robots.txt, written from the made-up drugs in tests/fixtures/catalog/.

use monograph_authoring::site::{build, Options};
use monograph_model::content_hash;
use std::path::{Path, PathBuf};

const SITE_URL: &str = "https://pharmacy.example/info/";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The site built from the fixture catalog into a fresh folder.
fn site(name: &str) -> PathBuf {
    let out = std::env::temp_dir().join(format!("monograph-site-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    build(&Options {
        template: repo().join("index.html"),
        content: repo().join("tests/fixtures/catalog"),
        out: out.clone(),
        site_url: SITE_URL.to_owned(),
        version: "9.9.9".to_owned(),
    })
    .expect("the fixture site builds");
    out
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn catalog() -> serde_json::Value {
    serde_json::from_str(&read(repo().join("tests/fixtures/catalog/index.json"))).unwrap()
}

fn ids() -> Vec<String> {
    catalog()["monographs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let to = text[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end} after {start}"));
    &text[from..from + to]
}

#[test]
fn every_monograph_has_a_page_with_its_text_metadata_and_fingerprint() {
    let out = site("pages");
    for id in ids() {
        let json_text = read(repo().join(format!("tests/fixtures/catalog/{id}.json")));
        let json: serde_json::Value = serde_json::from_str(&json_text).unwrap();
        let page = read(out.join(format!("medicines/{id}/index.html")));
        let title = json["title"].as_str().unwrap();
        let url = format!("{SITE_URL}medicines/{id}/");

        assert!(
            page.contains(&format!("<link rel=\"canonical\" href=\"{url}\" />")),
            "{id}"
        );
        assert!(page.contains("<meta property=\"og:title\""), "{id}");
        assert!(
            page.contains("<meta name=\"description\" content=\""),
            "{id}"
        );
        assert!(page.contains(&format!(
            "data-content-hash=\"{}\"",
            content_hash(&json_text)
        )));
        assert!(page.contains(&format!("data-src=\"../../content/{id}.json\"")));
        assert!(page.contains("href=\"../../drug-monograph/9.9.9/widget.css\""));
        // The disclaimer's first words are on the page, as text.
        let disclaimer = json["disclaimer"][0]["text"].as_str().unwrap();
        let words: String = disclaimer
            .split_whitespace()
            .take(5)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            page.contains(&words),
            "{id}: the disclaimer is pre-rendered"
        );

        let ld: serde_json::Value = serde_json::from_str(between(
            &page,
            "<script type=\"application/ld+json\">",
            "</script>",
        ))
        .expect("JSON-LD parses");
        assert_eq!(ld["@type"], "MedicalWebPage");
        assert_eq!(ld["url"], url.as_str());
        assert_eq!(ld["name"], title);
        assert_eq!(ld["about"]["@type"], "Drug");
        assert_eq!(ld["about"]["nonProprietaryName"], json["generic_name"]);
        assert_eq!(ld["audience"]["audienceType"], "Patient");
        assert_eq!(ld["inLanguage"], json["language"]);
        assert_eq!(
            ld.get("lastReviewed"),
            json.get("last_reviewed").filter(|d| !d.is_null())
        );
    }
}

#[test]
fn the_catalog_page_links_every_monograph_and_the_kiosk_is_not_indexed() {
    let out = site("catalog");
    let index = read(out.join("index.html"));
    for id in ids() {
        assert!(index.contains(&format!("href=\"medicines/{id}/\"")), "{id}");
    }
    assert!(index.contains("data-view=\"catalog\""));
    let kiosk = read(out.join("kiosk.html"));
    assert!(kiosk.contains("<meta name=\"robots\" content=\"noindex\" />"));
    assert!(kiosk.contains("data-kiosk=\"\""));
    assert!(
        !kiosk.contains("data-view"),
        "the kiosk is rendered in the browser"
    );
}

#[test]
fn snippets_hold_the_widget_in_a_declarative_shadow_root() {
    let out = site("snippets");
    for id in ids() {
        let snippet = read(out.join(format!("snippets/{id}.html")));
        let json_text = read(repo().join(format!("tests/fixtures/catalog/{id}.json")));
        assert!(snippet.starts_with(&format!("<drug-monograph src=\"/info/content/{id}.json\">")));
        assert!(snippet.contains("<template shadowrootmode=\"open\">"));
        assert!(snippet.contains("href=\"/info/drug-monograph/9.9.9/widget.css\""));
        assert!(snippet.contains(&format!(
            "data-content-hash=\"{}\"",
            content_hash(&json_text)
        )));
        assert!(snippet.contains("role=\"tablist\""));
        assert!(
            snippet.contains("<script src=\"/info/drug-monograph/9.9.9/drug-monograph.js\" defer>")
        );
    }
}

#[test]
fn the_sitemap_lists_every_page_and_robots_points_to_it() {
    let out = site("sitemap");
    let sitemap = read(out.join("sitemap.xml"));
    for id in ids() {
        assert!(
            sitemap.contains(&format!("<loc>{SITE_URL}medicines/{id}/</loc>")),
            "{id}"
        );
    }
    assert!(!sitemap.contains("kiosk"));
    let robots = read(out.join("robots.txt"));
    assert!(robots.contains("Disallow: /info/kiosk.html"), "{robots}");
    assert!(robots.contains(&format!("Sitemap: {SITE_URL}sitemap.xml")));
}

#[test]
fn a_template_without_its_placeholders_is_refused() {
    let dir = std::env::temp_dir().join(format!("monograph-site-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let template = dir.join("index.html");
    std::fs::write(&template, "<html><body>@CONTENT@</body></html>").unwrap();
    let error = build(&Options {
        template,
        content: repo().join("tests/fixtures/catalog"),
        out: dir.join("out"),
        site_url: SITE_URL.to_owned(),
        version: "9.9.9".to_owned(),
    })
    .unwrap_err();
    assert!(error.contains("@HEAD@"), "{error}");
}

#[test]
fn a_catalog_longer_than_its_first_results_is_pre_rendered_whole() {
    // 120 made-up medicines, each with the Testovir fixture's text: more
    // than the page lists at first once a patient searches.
    let content =
        std::env::temp_dir().join(format!("monograph-long-catalog-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&content);
    std::fs::create_dir_all(&content).unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/catalog/testovir.json"),
        content.join("testovir.json"),
    )
    .unwrap();
    let ids: Vec<String> = (0..120).map(|n| format!("made-up-{n}")).collect();
    let monographs: Vec<serde_json::Value> = ids
        .iter()
        .map(|id| {
            serde_json::json!({
                "id": id,
                "title": format!("{id} (fictional test drug)"),
                "generic_name": id,
                "brand_names": [],
                "language": "en",
                "codes": {},
                "last_reviewed": null,
                "file": "testovir.json",
            })
        })
        .collect();
    let catalog = serde_json::json!({ "catalog_version": 1, "monographs": monographs });
    std::fs::write(content.join("index.json"), catalog.to_string()).unwrap();
    let out = std::env::temp_dir().join(format!("monograph-site-long-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    build(&Options {
        template: repo().join("index.html"),
        content: content.clone(),
        out: out.clone(),
        site_url: SITE_URL.to_owned(),
        version: "9.9.9".to_owned(),
    })
    .expect("the long catalog's site builds");

    let index = read(out.join("index.html"));
    for id in &ids {
        assert!(index.contains(&format!("href=\"medicines/{id}/\"")), "{id}");
    }
    assert!(index.contains("120 medicines found"));
    assert!(
        !index.contains("page-show-more"),
        "no button that needs scripts"
    );
    let _ = std::fs::remove_dir_all(&content);
    let _ = std::fs::remove_dir_all(&out);
}
