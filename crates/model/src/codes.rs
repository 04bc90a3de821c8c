//! The code index: which monograph a drug code leads to. The content tools
//! build it from the monographs' own codes and publish it in the catalog
//! (`codes` in `content/index.json`); the widget and the page look codes up
//! in it for links from pharmacy systems and health records.

use crate::ndc::Ndc;
use crate::Codes;
use serde::Serialize;
use std::collections::BTreeMap;

/// Every code the monographs of a catalog claim, each mapped to the id of
/// its monograph. RxCUIs as written (digits), NDCs in their 11-digit form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CodeIndex {
    pub rxcui: BTreeMap<String, String>,
    pub ndc: BTreeMap<String, String>,
}

/// A code one monograph claims, as the index keys it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Claim {
    Rxcui(String),
    /// 11 digits.
    Ndc(String),
}

impl Codes {
    /// The codes this monograph claims, each with its JSON path
    /// (`codes.rxcui`, `codes.ndc[1]`). A code that is not valid claims
    /// nothing; the validator reports it.
    pub fn claims(&self) -> Vec<(String, Claim)> {
        let rxcui = self
            .rxcui
            .iter()
            .map(|rxcui| ("codes.rxcui".to_owned(), Claim::Rxcui(rxcui.clone())));
        let ndc = self.ndc.iter().enumerate().filter_map(|(index, written)| {
            let package = Ndc::parse(written)?.package()?.to_owned();
            Some((format!("codes.ndc[{index}]"), Claim::Ndc(package)))
        });
        rxcui.chain(ndc).collect()
    }
}

impl std::fmt::Display for Claim {
    /// `RxCUI 9900001`, `NDC 99999-0101-01` (NDCs in the 5-4-2 layout).
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Claim::Rxcui(code) => write!(f, "RxCUI {code}"),
            Claim::Ndc(code) => write!(f, "NDC {}-{}-{}", &code[..5], &code[5..9], &code[9..]),
        }
    }
}

/// What a looked-up code leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match<'a> {
    /// The id of the one monograph with this code.
    Monograph(&'a str),
    /// No monograph has this code, or it is not a code at all.
    Unknown,
    /// Ten digits without hyphens (or eight for a product) that could be
    /// the codes of several monographs: the ids, for a person to choose.
    Ambiguous(Vec<&'a str>),
}

/// A code to look a monograph up by, as a person or a system wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DrugCode {
    /// An RxNorm concept id.
    Rxcui(String),
    /// A National Drug Code in any written form (see [`Ndc::parse`]).
    Ndc(String),
}

impl std::fmt::Display for DrugCode {
    /// `RxCUI 990000001`, `NDC 9999-0101-01`: the code as it was written.
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            DrugCode::Rxcui(code) => write!(f, "RxCUI {code}"),
            DrugCode::Ndc(code) => write!(f, "NDC {code}"),
        }
    }
}

impl CodeIndex {
    /// Records that the monograph `id` claims `claim`. When another
    /// monograph claims it already, nothing changes and its id is returned.
    /// The same monograph in another language shares its codes.
    pub fn insert(&mut self, claim: &Claim, id: &str) -> Result<(), &str> {
        let (map, code) = match claim {
            Claim::Rxcui(code) => (&mut self.rxcui, code),
            Claim::Ndc(code) => (&mut self.ndc, code),
        };
        let owner = map.entry(code.clone()).or_insert_with(|| id.to_owned());
        if owner == id {
            Ok(())
        } else {
            Err(owner.as_str())
        }
    }

    /// The monograph `code` leads to.
    pub fn find(&self, code: &DrugCode) -> Match<'_> {
        let ids: Vec<&str> = match code {
            DrugCode::Rxcui(rxcui) => self
                .rxcui
                .get(rxcui.trim())
                .map(String::as_str)
                .into_iter()
                .collect(),
            DrugCode::Ndc(written) => match Ndc::parse(written) {
                None => Vec::new(),
                Some(Ndc::Package(package)) => self.packages(&[package]),
                Some(Ndc::OneOfPackages(packages)) => self.packages(&packages),
                Some(Ndc::Product(product)) => self.products(&[product]),
                Some(Ndc::OneOfProducts(products)) => self.products(&products),
            },
        };
        match ids.as_slice() {
            [] => Match::Unknown,
            [id] => Match::Monograph(id),
            _ => Match::Ambiguous(ids),
        }
    }

    fn packages(&self, packages: &[String]) -> Vec<&str> {
        distinct(packages.iter().filter_map(|p| self.ndc.get(p)))
    }

    /// Every package of the products: the 11-digit codes that start with
    /// a product's 9.
    fn products(&self, products: &[String]) -> Vec<&str> {
        distinct(products.iter().flat_map(|product| {
            self.ndc
                .range::<String, _>(product..)
                .take_while(move |(code, _)| code.starts_with(product.as_str()))
                .map(|(_, id)| id)
        }))
    }
}

/// The ids, each once, in the order met.
fn distinct<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let mut distinct: Vec<&str> = Vec::new();
    for id in ids {
        if !distinct.contains(&id.as_str()) {
            distinct.push(id);
        }
    }
    distinct
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made-up codes: 99999 and 9999 are no labelers.
    fn index() -> CodeIndex {
        let mut index = CodeIndex::default();
        let claims = [
            ("examplomab", Claim::Rxcui("9900001".into())),
            // 9999-0101-01, written 4-4-2.
            ("examplomab", Claim::Ndc("09999010101".into())),
            ("examplomab", Claim::Ndc("09999010102".into())),
            // 99999-101-01, written 5-3-2.
            ("mockazole", Claim::Ndc("99999010101".into())),
            // 99990-1010-1, written 5-4-1.
            ("testovir", Claim::Ndc("99990101001".into())),
        ];
        for (id, claim) in claims {
            index.insert(&claim, id).unwrap();
        }
        index
    }

    fn ndc(written: &str) -> DrugCode {
        DrugCode::Ndc(written.into())
    }

    #[test]
    fn codes_lead_to_their_monograph_in_any_written_form() {
        let index = index();
        let cases = [
            (
                DrugCode::Rxcui("9900001".into()),
                Match::Monograph("examplomab"),
            ),
            (
                DrugCode::Rxcui(" 9900001 ".into()),
                Match::Monograph("examplomab"),
            ),
            (DrugCode::Rxcui("9900002".into()), Match::Unknown),
            (ndc("9999-0101-01"), Match::Monograph("examplomab")),
            (ndc("09999-0101-01"), Match::Monograph("examplomab")),
            (ndc("09999010101"), Match::Monograph("examplomab")),
            (ndc("99999-101-01"), Match::Monograph("mockazole")),
            (ndc("99999-0101-01"), Match::Monograph("mockazole")),
            (ndc("99990-1010-1"), Match::Monograph("testovir")),
            (ndc("99990101001"), Match::Monograph("testovir")),
            // A product-level code matches any of its packages.
            (ndc("9999-0101"), Match::Monograph("examplomab")),
            (ndc("099990101"), Match::Monograph("examplomab")),
            (ndc("99999-101"), Match::Monograph("mockazole")),
            // A package no monograph lists, of a listed product: unknown.
            (ndc("9999-0101-03"), Match::Unknown),
            (ndc("1234-5678-90"), Match::Unknown),
            (ndc("not a code"), Match::Unknown),
        ];
        for (code, expected) in cases {
            assert_eq!(index.find(&code), expected, "{code:?}");
        }
    }

    #[test]
    fn ten_digits_without_hyphens_are_resolved_against_the_index() {
        let index = index();
        // 9999010101: 4-4-2 reads 09999010101 (examplomab), 5-3-2 reads
        // 99990010101 and 5-4-1 99990101001 (testovir): two monographs,
        // so nothing is guessed.
        assert_eq!(
            index.find(&ndc("9999010101")),
            Match::Ambiguous(vec!["examplomab", "testovir"])
        );
        // 9999910101: 4-4-2 09999910101, 5-3-2 99999010101 (mockazole),
        // 5-4-1 99999101001: only one is listed.
        assert_eq!(
            index.find(&ndc("9999910101")),
            Match::Monograph("mockazole")
        );
        // 9999010102: only 4-4-2 (09999010102) is listed.
        assert_eq!(
            index.find(&ndc("9999010102")),
            Match::Monograph("examplomab")
        );
        assert_eq!(index.find(&ndc("1234567890")), Match::Unknown);
        // Eight digits: a product, 4-4 (099990101) or 5-3 (999900101).
        assert_eq!(index.find(&ndc("99990101")), Match::Monograph("examplomab"));
    }

    #[test]
    fn a_code_claimed_twice_names_its_first_monograph() {
        let mut index = index();
        let claim = Claim::Ndc("99999010101".into());
        assert_eq!(index.insert(&claim, "samplinib"), Err("mockazole"));
        assert_eq!(index.insert(&claim, "mockazole"), Ok(()), "a translation");
        assert_eq!(index.ndc["99999010101"], "mockazole");
    }

    #[test]
    fn a_monograph_claims_its_valid_codes_with_their_paths() {
        let codes = Codes {
            rxcui: Some("9900001".into()),
            ndc: vec![
                "9999-0101-01".into(),
                "9999010101".into(),
                "99999-101-01".into(),
            ],
        };
        assert_eq!(
            codes.claims(),
            [
                ("codes.rxcui".to_owned(), Claim::Rxcui("9900001".into())),
                ("codes.ndc[0]".to_owned(), Claim::Ndc("09999010101".into())),
                ("codes.ndc[2]".to_owned(), Claim::Ndc("99999010101".into())),
            ]
        );
    }
}
