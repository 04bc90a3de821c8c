//! The codes monographs claim, gathered across files: a code leads to one
//! monograph, so a code two monographs claim is an error naming both places.

use monograph_model::{Claim, CodeIndex, Monograph};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where a code is written: a file, line and column.
struct Place {
    file: PathBuf,
    line: usize,
    column: usize,
}

/// The code index being built, and where each code was first claimed.
#[derive(Default)]
pub struct ClaimedCodes {
    index: CodeIndex,
    places: HashMap<Claim, Place>,
}

impl ClaimedCodes {
    /// Records the codes of `monograph`, from `file`; `place` gives the
    /// line and column of a JSON path's source. Returns an error line
    /// (`file:line:column: error: …`) for each code another monograph
    /// claimed first.
    pub fn add(
        &mut self,
        file: &Path,
        monograph: &Monograph,
        place: impl Fn(&str) -> (usize, usize),
    ) -> Vec<String> {
        let mut conflicts = Vec::new();
        for (path, claim) in monograph.codes.claims() {
            let (line, column) = place(&path);
            let here = format!("{}:{line}:{column}", file.display());
            match self.index.insert(&claim, &monograph.id) {
                Ok(()) => {
                    let place = Place {
                        file: file.to_owned(),
                        line,
                        column,
                    };
                    self.places.entry(claim).or_insert(place);
                }
                Err(owner) => {
                    let first = &self.places[&claim];
                    conflicts.push(format!(
                        "{here}: error: the {claim} is also a code of \"{owner}\" ({}:{}:{}): \
                         a code must lead to one monograph, so keep it in only one of them",
                        first.file.display(),
                        first.line,
                        first.column,
                    ));
                }
            }
        }
        conflicts
    }

    /// The index of every code claimed without conflict.
    pub fn into_index(self) -> CodeIndex {
        self.index
    }
}
