//! What the tools report: a problem (or a note) at a line and column, in
//! words written for content editors.

use std::fmt;

/// How much a diagnostic matters. Only errors make a command fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file cannot be converted until this is fixed.
    Error,
    /// Converted, but a person should look at it.
    Warning,
    /// Information only (a reading grade within the target).
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        })
    }
}

macro_rules! kinds {
    ($($variant:ident => $slug:literal, $severity:ident;)*) => {
        /// Every kind of diagnostic, each documented under its slug in
        /// `docs/editors.md` (a test checks that each one is).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kind {
            $($variant,)*
        }

        impl Kind {
            /// All kinds, in the order the editors' guide lists them.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// A stable name, used as the heading in the editors' guide.
            pub fn slug(self) -> &'static str {
                match self {
                    $(Kind::$variant => $slug,)*
                }
            }

            /// The severity diagnostics of this kind usually have.
            pub fn severity(self) -> Severity {
                match self {
                    $(Kind::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

kinds! {
    // Front matter.
    FrontMatterMissing => "front-matter-missing", Error;
    FrontMatterUnclosed => "front-matter-unclosed", Error;
    FrontMatterEmpty => "front-matter-empty", Error;
    FrontMatterNotYaml => "front-matter-not-yaml", Error;
    FrontMatterNotKeys => "front-matter-not-keys", Error;
    UnknownKey => "unknown-key", Error;
    DuplicateKey => "duplicate-key", Error;
    WrongType => "wrong-type", Error;
    MissingKey => "missing-key", Error;
    InvalidValue => "invalid-value", Error;
    UnknownAlert => "unknown-alert", Error;
    // The title and the sections.
    MissingTitle => "missing-title", Error;
    TitleMismatch => "title-mismatch", Error;
    ExtraTitle => "extra-title", Error;
    HeadingLevel => "heading-level", Error;
    UnknownSection => "unknown-section", Error;
    DuplicateSection => "duplicate-section", Error;
    EmptySection => "empty-section", Error;
    MissingGenericName => "missing-generic-name", Error;
    NoSections => "no-sections", Error;
    // What is inside a section.
    StrayText => "stray-text", Error;
    MissingIntro => "missing-intro", Error;
    MissingList => "missing-list", Error;
    ExtraList => "extra-list", Error;
    MissingTerm => "missing-term", Error;
    EmptyText => "empty-text", Error;
    SideEffectsUnclear => "side-effects-unclear", Error;
    FaqNoQuestion => "faq-no-question", Error;
    FaqNoAnswer => "faq-no-answer", Error;
    MissingDisclaimer => "missing-disclaimer", Error;
    DuplicateDisclaimer => "duplicate-disclaimer", Error;
    UnsupportedMarkdown => "unsupported-markdown", Error;
    // Warnings: converted, but a person should decide.
    FormattingDropped => "formatting-dropped", Warning;
    DisclaimerNotLast => "disclaimer-not-last", Warning;
    IdDiffersFromFileName => "id-differs-from-file-name", Warning;
    ReviewOverdue => "review-overdue", Warning;
    ReadingGrade => "reading-grade", Warning;
    // The glossary.
    GlossaryNoDefinition => "glossary-no-definition", Error;
    GlossaryNoSource => "glossary-no-source", Error;
    GlossaryDuplicateTerm => "glossary-duplicate-term", Error;
    GlossaryUnusedTerm => "glossary-unused-term", Warning;
    // JSON files.
    JsonSyntax => "json-syntax", Error;
    JsonInvalid => "json-invalid", Error;
    JsonDuplicateKey => "json-duplicate-key", Error;
}

/// One finding at a position in a file. Lines and columns count from 1;
/// a column counts characters, not bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: Kind,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    /// `12:3: error: message`; the command line puts the file name first.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.line, self.column, self.severity, self.message
        )
    }
}

/// Whether any of `diagnostics` is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// Turns byte offsets into 1-based lines and character columns.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The line and column of the character at `offset` (clamped to the
    /// text, and moved back to a character boundary).
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        (line, column)
    }

    /// The 1-based line number of `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.position(offset).0
    }

    /// Builds a diagnostic of `kind`, at `offset`, with its usual severity.
    pub fn at(&self, offset: usize, kind: Kind, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.position(offset);
        Diagnostic {
            severity: kind.severity(),
            kind,
            line,
            column,
            message: message.into(),
        }
    }
}

/// The closest of `candidates` to `word` (ignoring case), if it is close
/// enough to be a likely typo: used for "did you mean …?".
pub fn suggest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (edit_distance(&word, &c.to_lowercase()), *c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let index = LineIndex::new("ab\nçd\n\nx");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(2), (1, 3));
        assert_eq!(index.position(3), (2, 1));
        // `ç` is two bytes but one column.
        assert_eq!(index.position(5), (2, 2));
        assert_eq!(index.position(7), (3, 1));
        assert_eq!(index.position(8), (4, 1));
        assert_eq!(index.position(100), (4, 2));
        // Inside a character: its start.
        assert_eq!(index.position(4), (2, 1));
    }

    #[test]
    fn suggestions_catch_typos_only() {
        let keys = ["title", "language", "brand_names"];
        assert_eq!(suggest("titel", &keys), Some("title"));
        assert_eq!(suggest("Langauge", &keys), Some("language"));
        assert_eq!(suggest("brand-names", &keys), Some("brand_names"));
        assert_eq!(suggest("colour", &keys), None);
    }
}
