//! Why a monograph could not be shown. Every failure is rendered by one
//! component, `components::Failure`.

use crate::model::Problem;
use crate::strings::Strings;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The page did not say which monograph to show.
    NoSource,
    /// The address the page gave cannot be a URL (`http://[`).
    BadSource { url: String },
    /// The server answered with an error status, such as 404 or 500.
    Http { url: String, status: u16 },
    /// No answer at all: offline, refused, blocked by the browser.
    Network { url: String, detail: String },
    /// No answer within the time limit.
    Timeout { url: String, seconds: u32 },
    /// The file arrived but is not JSON.
    NotJson { url: String, detail: String },
    /// The file is JSON but not a valid monograph; every problem is listed.
    Invalid { url: String, problems: Vec<Problem> },
    /// The catalog at `url` leads no monograph from this drug code, or
    /// several (`candidates`: ten NDC digits without their hyphens).
    UnknownCode {
        url: String,
        code: String,
        candidates: Vec<String>,
    },
}

impl LoadError {
    /// A stable name for integrators' error reporting.
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::NoSource => "no-source",
            LoadError::BadSource { .. } => "bad-src",
            LoadError::Http { .. } => "http",
            LoadError::Network { .. } => "network",
            LoadError::Timeout { .. } => "timeout",
            LoadError::NotJson { .. } => "not-json",
            LoadError::Invalid { .. } => "invalid",
            LoadError::UnknownCode { .. } => "not-found",
        }
    }

    /// What a patient is told, in plain language.
    pub fn message(&self, strings: &Strings) -> &'static str {
        match self {
            LoadError::NoSource | LoadError::BadSource { .. } => strings.error_no_source,
            LoadError::Http { status: 404, .. } | LoadError::Http { status: 410, .. } => {
                strings.error_not_found
            }
            LoadError::Http { .. } => strings.error_server,
            LoadError::Network { .. } => strings.error_network,
            LoadError::Timeout { .. } => strings.error_timeout,
            LoadError::NotJson { .. } => strings.error_not_json,
            LoadError::Invalid { .. } => strings.error_invalid,
            LoadError::UnknownCode { .. } => strings.error_unknown_code,
        }
    }
}

/// The technical detail, for the web team.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            LoadError::NoSource => f.write_str("no monograph address: set the src attribute"),
            LoadError::BadSource { url } => {
                write!(f, "{url}: not a valid address: check the src attribute")
            }
            LoadError::Http { url, status } => write!(f, "{url}: HTTP status {status}"),
            LoadError::Network { url, detail } => write!(f, "{url}: request failed: {detail}"),
            LoadError::Timeout { url, seconds } => {
                write!(f, "{url}: no answer within {seconds} seconds")
            }
            LoadError::NotJson { url, detail } => write!(f, "{url}: not valid JSON: {detail}"),
            LoadError::Invalid { url, problems } => {
                let count = problems.len();
                let noun = if count == 1 { "problem" } else { "problems" };
                write!(f, "{url}: not a valid monograph ({count} {noun})")?;
                for problem in problems {
                    write!(f, "\n{problem}")?;
                }
                Ok(())
            }
            LoadError::UnknownCode {
                url,
                code,
                candidates,
            } => match candidates.as_slice() {
                [] => write!(f, "{url}: no monograph has the code {code}"),
                ids => write!(
                    f,
                    "{url}: the code {code} could be a code of {}: write an NDC with its hyphens",
                    ids.join(", ")
                ),
            },
        }
    }
}
