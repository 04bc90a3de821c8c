#![cfg(all(not(target_arch = "wasm32"), feature = "page"))]
//! The take-home QR code: every address comes back out of a real decoder
//! (rqrr), both from `qr_modules` and from the SVG the component renders,
//! and the card shows the address as text, never as a link.

use drug_monograph::page::take_home::{qr_modules, TakeHome, TakeHomeProps};
use drug_monograph::strings::{Strings, ENGLISH, SPANISH};
use scraper::{Html, Selector};
use yew::LocalServerRenderer;

const URLS: [&str; 4] = [
    "https://pharmacy.example/medicines/#/lenalidomide/dosage",
    // Long, with a query string: a larger code version.
    "https://pharmacy.example/medicines/index.html?lang=es&size=large&contrast=high\
     &kiosk=entrance-2&utm_source=kiosk&utm_medium=qr&utm_campaign=take-home\
     &store=1234#/lenalidomide/side-effects",
    // Accented letters, percent-encoded as in a real address: upper-case
    // hex digits let the encoder switch to its alphanumeric mode.
    "https://farmacia.example/medicamentos/%C3%A1cido-f%C3%B3lico/#/dosificaci%C3%B3n",
    "https://pharmacy.example/?q=informaci%C3%B3n%20para%20el%20paciente&x=%E2%9C%93",
];

/// Pixels per module, as a camera would see a printed or on-screen code.
const SCALE: usize = 4;
/// Light modules around the code.
const QUIET: usize = 4;

/// Rasterises a code (row-major dark modules) to greyscale with a quiet
/// zone and decodes it: the ECC level (0 is M) and the text.
fn decode(width: usize, dark: &[bool]) -> (u16, String) {
    assert_eq!(dark.len(), width * width, "a square of modules");
    let side = (width + 2 * QUIET) * SCALE;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let (mx, my) = (x / SCALE, y / SCALE);
        let inside = (QUIET..QUIET + width).contains(&mx) && (QUIET..QUIET + width).contains(&my);
        if inside && dark[(my - QUIET) * width + (mx - QUIET)] {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "exactly one code is found");
    let (meta, text) = grids[0].decode().expect("the code decodes");
    (meta.ecc_level, text)
}

#[test]
fn every_address_decodes_back_exactly() {
    for url in URLS {
        let (width, dark) = qr_modules(url).unwrap_or_else(|| panic!("cannot encode {url}"));
        let (ecc, text) = decode(width, &dark);
        assert_eq!(text, url);
        assert_eq!(ecc, 0, "error correction level M for {url}");
    }
}

#[test]
fn an_address_too_long_for_a_qr_code_is_none() {
    let url = format!("https://pharmacy.example/?q={}", "x".repeat(2400));
    assert_eq!(qr_modules(&url), None);
}

async fn render(url: &str, strings: &'static Strings) -> String {
    let props = TakeHomeProps {
        url: url.to_owned().into(),
        strings,
    };
    LocalServerRenderer::<TakeHome>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn sel(selector: &str) -> Selector {
    Selector::parse(selector).unwrap_or_else(|e| panic!("bad selector {selector:?}: {e:?}"))
}

/// The modules drawn by the path `d`: `M{x} {y}h{n}v1h-{n}z` rectangles,
/// each a horizontal run of dark modules.
fn modules_of_path(d: &str, width: usize) -> Vec<bool> {
    let mut dark = vec![false; width * width];
    for rect in d.split('z').filter(|s| !s.is_empty()) {
        let numbers: Vec<i64> = rect
            .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap_or_else(|e| panic!("{rect:?}: {e}")))
            .collect();
        let [x, y, run, 1, minus_run] = numbers[..] else {
            panic!("unexpected path segment {rect:?}");
        };
        assert_eq!(minus_run, -run, "{rect:?} closes its rectangle");
        for dx in 0..run {
            let (x, y) = (
                usize::try_from(x + dx).unwrap(),
                usize::try_from(y).unwrap(),
            );
            assert!(x < width && y < width, "{rect:?} is inside the code");
            dark[y * width + x] = true;
        }
    }
    dark
}

#[tokio::test]
async fn the_card_shows_the_code_and_the_address_as_text() {
    for url in URLS {
        let html = render(url, &ENGLISH).await;
        let document = Html::parse_fragment(&html);

        let figure = document
            .select(&sel("figure.page-take-home"))
            .next()
            .unwrap_or_else(|| panic!("no figure in {html}"));
        assert!(
            document.select(&sel("a")).next().is_none() && !html.contains("<a"),
            "a kiosk must not link away: {html}"
        );
        assert!(!html.contains("href"), "{html}");

        let caption = figure.select(&sel("figcaption")).next().expect("a caption");
        // A real heading, below the monograph's h1.
        let title: Vec<String> = caption
            .select(&sel("h2"))
            .map(|e| e.text().collect())
            .collect();
        assert_eq!(title, [ENGLISH.take_home]);
        assert!(caption
            .text()
            .collect::<String>()
            .contains(ENGLISH.take_home_hint));
        let shown: Vec<String> = caption
            .select(&sel("span.page-take-home-url"))
            .map(|e| e.text().collect())
            .collect();
        assert_eq!(shown, [url], "the address, as plain text");

        let svgs: Vec<_> = figure.select(&sel("svg")).collect();
        assert_eq!(svgs.len(), 1, "{html}");
        let svg = svgs[0].value();
        assert_eq!(svg.attr("role"), Some("img"));
        assert_eq!(svg.attr("aria-label"), Some(ENGLISH.take_home_hint));
        assert_eq!(svg.attr("shape-rendering"), Some("crispEdges"));

        let (width, dark) = qr_modules(url).expect("encodable");
        let side = width + 8;
        assert_eq!(
            svg.attr("viewBox"),
            Some(format!("-4 -4 {side} {side}").as_str()),
            "a four-module quiet zone"
        );
        let paths: Vec<_> = svgs[0].select(&sel("path")).collect();
        assert_eq!(paths.len(), 1, "a single path");
        assert_eq!(paths[0].value().attr("fill"), Some("#000000"));
        let background: Vec<_> = svgs[0].select(&sel("rect")).collect();
        assert_eq!(background.len(), 1);
        let background = background[0].value();
        assert_eq!(background.attr("fill"), Some("#ffffff"));
        assert_eq!(
            (background.attr("x"), background.attr("width")),
            (Some("-4"), Some(side.to_string().as_str())),
            "white under the quiet zone too"
        );

        // What the SVG draws is the code, and it scans.
        let d = paths[0].value().attr("d").expect("the path has d");
        let drawn = modules_of_path(d, width);
        assert_eq!(drawn, dark, "the path draws exactly the dark modules");
        assert_eq!(decode(width, &drawn).1, url);
    }
}

#[tokio::test]
async fn the_card_is_in_the_interface_language() {
    let html = render(URLS[0], &SPANISH).await;
    let document = Html::parse_fragment(&html);
    let svg = document.select(&sel("svg")).next().expect("svg");
    assert_eq!(svg.value().attr("aria-label"), Some(SPANISH.take_home_hint));
    assert!(html.contains(SPANISH.take_home), "{html}");
}

#[tokio::test]
async fn nothing_in_the_address_becomes_markup() {
    let url = r#"https://pharmacy.example/?q="><script>alert(1)</script><a href="x">"#;
    let html = render(url, &ENGLISH).await;
    let document = Html::parse_fragment(&html);
    assert!(
        document.select(&sel("script, a")).next().is_none(),
        "{html}"
    );
    let shown: String = document
        .select(&sel("span.page-take-home-url"))
        .flat_map(|e| e.text())
        .collect();
    assert_eq!(shown, url);
}

#[tokio::test]
async fn an_address_too_long_renders_nothing() {
    let url = format!("https://pharmacy.example/?q={}", "x".repeat(2400));
    assert_eq!(render(&url, &ENGLISH).await, "");
}
