//! National Drug Codes as people and systems write them, brought to one form.
//!
//! An NDC names a labeler, a product and a package. The FDA assigns it as
//! 10 digits in one of three layouts, 4-4-2, 5-3-2 or 5-4-1; billing and
//! pharmacy systems pad it to 11 digits, 5-4-2, with a zero at the front of
//! the short segment. The 11-digit form is therefore the one form every
//! code has: it is the form codes are compared in. Labeler and product
//! alone (a product-level code) name every package of a product.
//!
//! Ten digits without hyphens do not say which segment is short, so they
//! stand for up to three codes; only the codes a catalog lists can decide
//! (see [`crate::CodeIndex`]). Nothing here guesses.

/// What an NDC as written can stand for, in the 11-digit form (packages)
/// or its first 9 digits (products).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ndc {
    /// One package: 11 digits.
    Package(String),
    /// Every package of one product: 9 digits, labeler then product.
    Product(String),
    /// Ten digits without hyphens: one of these packages (4-4-2, 5-3-2,
    /// 5-4-1 read as 11 digits), whichever a catalog lists.
    OneOfPackages([String; 3]),
    /// Eight digits without hyphens: one of these products (4-4 or 5-3).
    OneOfProducts([String; 2]),
}

impl Ndc {
    /// Reads an NDC in any of its written forms, with or without hyphens;
    /// spaces around it are ignored. `None` when it is not an NDC.
    pub fn parse(written: &str) -> Option<Ndc> {
        let written = written.trim();
        if written.is_empty() || !written.chars().all(|c| c.is_ascii_digit() || c == '-') {
            return None;
        }
        if written.contains('-') {
            return hyphenated(written);
        }
        let d = written;
        match d.len() {
            11 => Some(Ndc::Package(d.to_owned())),
            10 => Some(Ndc::OneOfPackages([
                format!("0{d}"),
                format!("{}0{}", &d[..5], &d[5..]),
                format!("{}0{}", &d[..9], &d[9..]),
            ])),
            9 => Some(Ndc::Product(d.to_owned())),
            8 => Some(Ndc::OneOfProducts([
                format!("0{d}"),
                format!("{}0{}", &d[..5], &d[5..]),
            ])),
            _ => None,
        }
    }

    /// The one package this code names, in 11 digits, when it names
    /// exactly one: how a monograph must list its codes.
    pub fn package(&self) -> Option<&str> {
        match self {
            Ndc::Package(code) => Some(code),
            _ => None,
        }
    }
}

/// Segments written with hyphens: their lengths say the layout.
fn hyphenated(written: &str) -> Option<Ndc> {
    let segments: Vec<&str> = written.split('-').collect();
    let lengths: Vec<usize> = segments.iter().map(|s| s.len()).collect();
    match lengths.as_slice() {
        [4, 4, 2] => Some(Ndc::Package(padded(&segments, "0", 0))),
        [5, 3, 2] => Some(Ndc::Package(padded(&segments, "0", 1))),
        [5, 4, 1] => Some(Ndc::Package(padded(&segments, "0", 2))),
        [5, 4, 2] => Some(Ndc::Package(segments.concat())),
        [4, 4] => Some(Ndc::Product(padded(&segments, "0", 0))),
        [5, 3] => Some(Ndc::Product(padded(&segments, "0", 1))),
        [5, 4] => Some(Ndc::Product(segments.concat())),
        _ => None,
    }
}

/// The segments joined, with `zero` in front of segment `short`.
fn padded(segments: &[&str], zero: &str, short: usize) -> String {
    let mut code = String::with_capacity(11);
    for (index, segment) in segments.iter().enumerate() {
        if index == short {
            code.push_str(zero);
        }
        code.push_str(segment);
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(code: &str) -> Option<Ndc> {
        Some(Ndc::Package(code.to_owned()))
    }

    fn product(code: &str) -> Option<Ndc> {
        Some(Ndc::Product(code.to_owned()))
    }

    #[test]
    fn every_written_form_reads_as_its_11_digit_code() {
        let cases = [
            // 4-4-2: the labeler is padded.
            ("0591-2234-10", package("00591223410")),
            // 5-3-2: the product is padded.
            ("12345-678-90", package("12345067890")),
            // 5-4-1: the package is padded.
            ("12345-6789-0", package("12345678900")),
            // 5-4-2, with and without hyphens: already 11 digits.
            ("12345-6789-01", package("12345678901")),
            ("12345678901", package("12345678901")),
            ("  0591-2234-10 ", package("00591223410")),
            // Labeler and product only: every package of the product.
            ("0591-2234", product("005912234")),
            ("12345-678", product("123450678")),
            ("12345-6789", product("123456789")),
            ("123456789", product("123456789")),
        ];
        for (written, expected) in cases {
            assert_eq!(Ndc::parse(written), expected, "{written:?}");
        }
    }

    #[test]
    fn ten_digits_without_hyphens_stand_for_three_codes() {
        assert_eq!(
            Ndc::parse("0591223410"),
            Some(Ndc::OneOfPackages([
                "00591223410".into(), // 4-4-2
                "05912023410".into(), // 5-3-2
                "05912234100".into(), // 5-4-1
            ]))
        );
        assert_eq!(
            Ndc::parse("05912234"),
            Some(Ndc::OneOfProducts([
                "005912234".into(), // 4-4
                "059120234".into(), // 5-3
            ]))
        );
    }

    #[test]
    fn anything_else_is_no_ndc() {
        for written in [
            "",
            "   ",
            "0591 2234 10",
            "0591-2234-1000",
            "059-12234-10",
            "0591--2234-10",
            "-0591-2234-10",
            "0591-2234-10-",
            "059122341012",
            "1234567",
            "0591-2234-1X",
            "０５９１-２２３４-１０",
        ] {
            assert_eq!(Ndc::parse(written), None, "{written:?}");
        }
    }

    #[test]
    fn only_a_code_for_one_package_is_a_package() {
        assert_eq!(
            Ndc::parse("0591-2234-10").unwrap().package(),
            Some("00591223410")
        );
        for written in ["0591223410", "0591-2234", "05912234"] {
            assert_eq!(Ndc::parse(written).unwrap().package(), None, "{written}");
        }
    }
}
