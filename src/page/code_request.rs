//! Links by drug code, for health records and pharmacy systems. The
//! catalog page answers two forms of address:
//!
//! - HL7 Infobutton URL requests (Context-Aware Knowledge Retrieval,
//!   URL-based implementation guide), as certified health records send them:
//!   `?mainSearchCriteria.v.c=…&mainSearchCriteria.v.cs=2.16.840.1.113883.6.88`
//!   `&mainSearchCriteria.v.dn=…&informationRecipient.languageCode.c=es`
//!   `&subTopic.v.c=Q000009`. Parameters the page has no use for are ignored.
//! - A short form for print, QR codes and pharmacy systems:
//!   `?rxcui=…` or `?ndc=…`, with `tab=side-effects` and `lang=es`.

use super::settings::percent_decode;
use crate::model::{DrugCode, Section};

/// The code system of RxNorm in Infobutton requests.
const RXNORM: &str = "2.16.840.1.113883.6.88";
/// The code system of National Drug Codes in Infobutton requests.
const NDC: &str = "2.16.840.1.113883.6.69";

/// MeSH qualifiers an Infobutton request may name as its subtopic, and the
/// tab each one opens. The five codes are in HL7's value set for Infobutton
/// subtopics, KnowledgeSubtopicObservationValue (OID 2.16.840.1.113883.11.77,
/// https://terminology.hl7.org/ValueSet/v3-KnowledgeSubtopicObservationValue),
/// which lists codes without names. The names are NLM's:
/// - Q000008 administration & dosage: NLM's MeSH RDF documentation,
///   https://hhs.github.io/meshrdf/descriptor-qualifier-pairs
/// - Q000744 contraindications: NLM's MeSH browser, qualifier record,
///   http://www.nlm.nih.gov/cgi/mesh/2009/MB_cgi?mode=&term==CONTRAINDICATIONS&field=qual
/// - Q000009 adverse effects, Q000494 pharmacology, Q000627 therapeutic use:
///   the qualifier ids and names in NLM's MEDLINE citation XML
///   (`<QualifierName UI="Q000009">adverse effects</QualifierName>`); the
///   records are at https://meshb.nlm.nih.gov/record/ui?ui=Q000009 and so on.
const SUBTOPICS: [(&str, Section); 5] = [
    ("Q000009", Section::SideEffects),
    ("Q000008", Section::Dosage),
    ("Q000494", Section::HowItWorks),
    ("Q000744", Section::Precautions),
    ("Q000627", Section::Usage),
];

/// A request for a drug's monograph by code.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodeRequest {
    /// The code asked for; `None` when it is in a code system the page
    /// does not know (the display name may still find the drug).
    pub code: Option<DrugCode>,
    /// The drug's name as the sender wrote it: searched for when the code
    /// leads nowhere.
    pub display_name: Option<String>,
    /// The tab to open.
    pub tab: Option<Section>,
    /// The interface language asked for, such as `es`.
    pub language: Option<String>,
}

impl CodeRequest {
    /// The request in a query string (`?a=b&c=d`).
    pub fn from_query(query: &str) -> CodeRequest {
        let mut request = CodeRequest::default();
        let (mut code, mut system) = (None, None);
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = percent_decode(value)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
            else {
                continue;
            };
            match key {
                "mainSearchCriteria.v.c" => code = Some(value),
                "mainSearchCriteria.v.cs" => system = Some(value),
                "mainSearchCriteria.v.dn" => request.display_name = Some(value),
                "informationRecipient.languageCode.c" | "lang" => request.language = Some(value),
                "subTopic.v.c" => {
                    request.tab = SUBTOPICS
                        .iter()
                        .find(|(qualifier, _)| qualifier.eq_ignore_ascii_case(&value))
                        .map(|&(_, tab)| tab)
                }
                "tab" => request.tab = Section::from_slug(&value),
                "rxcui" => request.code = Some(DrugCode::Rxcui(value)),
                "ndc" => request.code = Some(DrugCode::Ndc(value)),
                _ => {}
            }
        }
        if let Some(code) = code {
            request.code = match system.as_deref() {
                Some(RXNORM) => Some(DrugCode::Rxcui(code)),
                Some(NDC) => Some(DrugCode::Ndc(code)),
                _ => request.code,
            };
        }
        request
    }

    /// Whether it asks for a drug, by code or by name.
    pub fn asks_for_drug(&self) -> bool {
        self.code.is_some() || self.display_name.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(query: &str) -> CodeRequest {
        let request = CodeRequest::from_query(query);
        assert!(request.asks_for_drug(), "{query}");
        request
    }

    #[test]
    fn reads_an_infobutton_request() {
        let asked = request(
            "?mainSearchCriteria.v.c=990000001\
             &mainSearchCriteria.v.cs=2.16.840.1.113883.6.88\
             &mainSearchCriteria.v.dn=Examplomab%2050%20mg%20tablet\
             &informationRecipient.languageCode.c=es\
             &subTopic.v.c=Q000009\
             &informationRecipient=PAT&knowledgeResponseType=text/html",
        );
        assert_eq!(
            asked,
            CodeRequest {
                code: Some(DrugCode::Rxcui("990000001".into())),
                display_name: Some("Examplomab 50 mg tablet".into()),
                tab: Some(Section::SideEffects),
                language: Some("es".into()),
            }
        );
    }

    #[test]
    fn the_code_system_says_which_code_it_is() {
        let ndc = request(
            "mainSearchCriteria.v.cs=2.16.840.1.113883.6.69&mainSearchCriteria.v.c=9999-0101-01",
        );
        assert_eq!(ndc.code, Some(DrugCode::Ndc("9999-0101-01".into())));
        // A code system the page does not know: only the name is left.
        let snomed = request(
            "mainSearchCriteria.v.c=108774000&mainSearchCriteria.v.cs=2.16.840.1.113883.6.96\
             &mainSearchCriteria.v.dn=Anastrozole",
        );
        assert_eq!(snomed.code, None);
        assert_eq!(snomed.display_name.as_deref(), Some("Anastrozole"));
        assert!(!CodeRequest::from_query("mainSearchCriteria.v.c=108774000").asks_for_drug());
    }

    #[test]
    fn each_subtopic_opens_its_tab() {
        let cases = [
            ("Q000009", Some(Section::SideEffects)),
            ("Q000008", Some(Section::Dosage)),
            ("Q000494", Some(Section::HowItWorks)),
            ("Q000744", Some(Section::Precautions)),
            ("Q000627", Some(Section::Usage)),
            ("Q000145", None),
        ];
        for (qualifier, tab) in cases {
            let asked = request(&format!("rxcui=1&subTopic.v.c={qualifier}"));
            assert_eq!(asked.tab, tab, "{qualifier}");
        }
    }

    #[test]
    fn reads_the_short_form() {
        assert_eq!(
            request("?rxcui=990000001&tab=side-effects&lang=es"),
            CodeRequest {
                code: Some(DrugCode::Rxcui("990000001".into())),
                display_name: None,
                tab: Some(Section::SideEffects),
                language: Some("es".into()),
            }
        );
        assert_eq!(
            request("ndc=9999-0101-01&tab=no-such-tab").code,
            Some(DrugCode::Ndc("9999-0101-01".into()))
        );
        assert!(!CodeRequest::from_query("?kiosk&idle=60").asks_for_drug());
        assert!(!CodeRequest::from_query("rxcui=").asks_for_drug());
        let language_only = CodeRequest::from_query("?lang=es");
        assert_eq!(language_only.language.as_deref(), Some("es"));
    }
}
