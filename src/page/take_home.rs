//! "Take this home": a QR code of the page's address, so a patient reading
//! at a kiosk can carry on on their own phone. The code is an inline SVG
//! built from elements (no image file, no markup string), and the address is
//! shown as plain text beside it, never as a link: a kiosk must not navigate
//! away.

use crate::strings::Strings;
use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write as _;
use yew::prelude::*;

/// Light modules around the code: the four a scanner needs to find it.
const QUIET_ZONE: usize = 4;

/// The QR code of `url`: its width in modules and whether each module is
/// dark, row by row. Error correction is level M (about 15% of the code
/// may be damaged or dirty and it still scans). `None` when the address is
/// too long for any QR code.
pub fn qr_modules(url: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|color| color == Color::Dark)
        .collect();
    Some((width, dark))
}

/// The SVG path drawing the dark modules as unit squares, each horizontal
/// run of dark modules as one rectangle, in module coordinates.
fn dark_path(width: usize, dark: &[bool]) -> String {
    let mut d = String::new();
    for (y, row) in dark.chunks(width).enumerate() {
        let mut x = 0;
        while x < row.len() {
            if !row[x] {
                x += 1;
                continue;
            }
            let run = row[x..].iter().take_while(|&&dark| dark).count();
            // Writing to a String cannot fail.
            let _ = write!(d, "M{x} {y}h{run}v1h-{run}z");
            x += run;
        }
    }
    d
}

#[derive(Properties, PartialEq)]
pub struct TakeHomeProps {
    /// The address the code opens: the page as it is now (monograph and
    /// tab), absolute.
    pub url: AttrValue,
    pub strings: &'static Strings,
}

/// The take-home card: the QR code, what it is for, and the address as
/// text. Renders nothing when the address cannot be encoded.
#[function_component]
pub fn TakeHome(props: &TakeHomeProps) -> Html {
    let code = use_memo(props.url.clone(), |url| {
        qr_modules(url).map(|(width, dark)| (width, dark_path(width, &dark)))
    });
    let Some((width, d)) = code.as_ref() else {
        return Html::default();
    };
    let strings = props.strings;
    let side = width + 2 * QUIET_ZONE;
    // The quiet zone is the margin of the view box, painted white.
    let view_box = format!("-{QUIET_ZONE} -{QUIET_ZONE} {side} {side}");
    let zone = format!("-{QUIET_ZONE}");
    html! {
        <figure class="page-take-home">
            <svg
                class="page-take-home-code"
                viewBox={view_box}
                shape-rendering="crispEdges"
                role="img"
                aria-label={strings.take_home_hint}
            >
                <rect x={zone.clone()} y={zone} width={side.to_string()} height={side.to_string()} fill="#ffffff" />
                <path d={d.clone()} fill="#000000" />
            </svg>
            <figcaption>
                <h2 class="page-take-home-title">{ strings.take_home }</h2>
                <p class="page-take-home-hint">{ strings.take_home_hint }</p>
                <p><span class="page-take-home-url">{ props.url.clone() }</span></p>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_are_square_and_level_m() {
        let (width, dark) = qr_modules("https://pharmacy.example/").expect("encodable");
        assert_eq!(dark.len(), width * width);
        // Version 2 (25 modules) holds 32 bytes at level L but only 26 at M.
        let (width, _) = qr_modules("https://pharmacy.example/abc").expect("encodable");
        assert_eq!(width, 29, "28 bytes at level M need version 3");
    }

    #[test]
    fn too_long_an_address_is_none() {
        let url = format!("https://pharmacy.example/{}", "a".repeat(3000));
        assert_eq!(qr_modules(&url), None);
    }

    #[test]
    fn the_path_covers_exactly_the_dark_modules() {
        let (width, dark) =
            qr_modules("https://pharmacy.example/#/lenalidomide").expect("encodable");
        let d = dark_path(width, &dark);
        let mut drawn = vec![false; width * width];
        for square in d.split('z').filter(|s| !s.is_empty()) {
            let rest = square.strip_prefix('M').expect("starts with M");
            let (x, rest) = rest.split_once(' ').expect("x y");
            let (y, rest) = rest.split_once('h').expect("h");
            let (run, rest) = rest.split_once('v').expect("v");
            let run: usize = run.parse().expect("run");
            assert_eq!(rest, format!("1h-{run}"));
            let (x, y): (usize, usize) = (x.parse().expect("x"), y.parse().expect("y"));
            for cell in &mut drawn[y * width + x..y * width + x + run] {
                assert!(!*cell, "module drawn twice");
                *cell = true;
            }
        }
        assert_eq!(drawn, dark);
    }
}
