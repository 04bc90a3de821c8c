//! The YAML front matter: metadata the body of a monograph does not hold.
//!
//! yaml-rust2 parses the YAML; its events carry the position of every key
//! and value, so each problem is reported where it is, and all of them at
//! once. Values are read from their source text, never typed by YAML's
//! guesses: `language: no` is the tag "no", not false, and
//! `ndc: [0591223410]` keeps its leading zero.

use super::diagnostic::{suggest, Diagnostic, Kind, LineIndex};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Every key the front matter may have, in the order the guide lists them.
pub const KEYS: &[&str] = &[
    "layout",
    "title",
    "id",
    "language",
    "brand_names",
    "rxcui",
    "ndc",
    "source",
    "last_reviewed",
    "next_review",
    "alerts",
];

/// A value with the byte offset (in the whole file) where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub offset: usize,
}

/// The front matter's values; an absent (or `null`) key is `None` or empty.
#[derive(Debug, Default)]
pub struct FrontMatter {
    pub title: Option<Located<String>>,
    pub id: Option<Located<String>>,
    pub language: Option<Located<String>>,
    pub brand_names: Vec<Located<String>>,
    pub rxcui: Option<Located<String>>,
    pub ndc: Vec<Located<String>>,
    pub source: Option<Located<String>>,
    pub last_reviewed: Option<Located<String>>,
    pub next_review: Option<Located<String>>,
    pub alerts: Vec<Located<String>>,
    /// Where each key that is present starts, for messages about it.
    pub keys: Vec<Located<&'static str>>,
}

impl FrontMatter {
    /// Where `key` is written, if it is.
    pub fn key_offset(&self, key: &str) -> Option<usize> {
        self.keys.iter().find(|k| k.value == key).map(|k| k.offset)
    }
}

/// A node and where it starts.
type At = (Node, usize);

/// A YAML node as the front matter needs it.
#[derive(Debug)]
enum Node {
    /// Text as written; `null` for a plain `~`, `null` or nothing.
    Scalar(Option<String>),
    List(Vec<At>),
    /// Keys with their values; a key's value is `None` until it is read.
    Map(Vec<(At, Option<At>)>),
    /// `*name`: a reference to another node.
    Alias,
}

impl Node {
    fn describe(&self) -> &'static str {
        match self {
            Node::Scalar(Some(_)) => "text",
            Node::Scalar(None) => "empty",
            Node::List(_) => "a list",
            Node::Map(_) => "a set of `key: value` lines",
            Node::Alias => "a YAML alias (*name)",
        }
    }
}

/// Builds [`Node`]s from the parser's events. Offsets are in characters
/// within the YAML text at first (that is what yaml-rust2 counts).
#[derive(Default)]
struct Builder {
    stack: Vec<(Node, usize)>,
    documents: Vec<(Node, usize)>,
}

impl Builder {
    fn push(&mut self, node: Node, at: usize) {
        match self.stack.last_mut() {
            Some((Node::List(items), _)) => items.push((node, at)),
            Some((Node::Map(entries), _)) => {
                // A map receives key, value, key, value…
                match entries.last_mut() {
                    Some((_, value @ None)) => *value = Some((node, at)),
                    _ => entries.push(((node, at), None)),
                }
            }
            _ => self.documents.push((node, at)),
        }
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let at = mark.index();
        match event {
            Event::Scalar(text, style, _, _) => {
                let null = style == TScalarStyle::Plain
                    && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL");
                self.push(Node::Scalar((!null).then_some(text)), at);
            }
            Event::Alias(_) => self.push(Node::Alias, at),
            Event::SequenceStart(..) => self.stack.push((Node::List(Vec::new()), at)),
            Event::MappingStart(..) => self.stack.push((Node::Map(Vec::new()), at)),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((node, at)) = self.stack.pop() {
                    self.push(node, at);
                }
            }
            _ => {}
        }
    }
}

/// Reads the YAML at `yaml` (a byte range of `source`), reporting every
/// problem into `diagnostics`.
pub fn read(
    source: &str,
    yaml: std::ops::Range<usize>,
    lines: &LineIndex,
    diagnostics: &mut Vec<Diagnostic>,
) -> FrontMatter {
    let text = &source[yaml.clone()];
    // yaml-rust2 counts characters; the rest of the tools count bytes.
    let offset_of = |chars: usize| {
        yaml.start
            + text
                .char_indices()
                .nth(chars)
                .map_or(text.len(), |(byte, _)| byte)
    };
    let mut builder = Builder::default();
    if let Err(error) = Parser::new_from_str(text).load(&mut builder, true) {
        diagnostics.push(lines.at(
            offset_of(error.marker().index()),
            Kind::FrontMatterNotYaml,
            format!(
                "the front matter is not valid YAML near here (the YAML reader says: {}). \
                 Check this line and the one before: write one `key: value` per line, close \
                 every [ and quote you open, and put quotes around a value that contains `: ` \
                 or starts with a symbol",
                error.info()
            ),
        ));
        return FrontMatter::default();
    }
    let mut documents = builder.documents.into_iter();
    let Some((root, at)) = documents.next() else {
        return FrontMatter::default();
    };
    if let Some((_, at)) = documents.next() {
        diagnostics.push(lines.at(
            offset_of(at),
            Kind::FrontMatterNotYaml,
            "the front matter holds more than one YAML document (a `---` or `...` line \
             inside it): keep one block of `key: value` lines",
        ));
        return FrontMatter::default();
    }
    let Node::Map(entries) = root else {
        diagnostics.push(lines.at(
            offset_of(at),
            Kind::FrontMatterNotKeys,
            format!(
                "the front matter must be `key: value` lines, like `title: Lenalidomide`, \
                 but this is {}",
                root.describe()
            ),
        ));
        return FrontMatter::default();
    };

    let mut front = FrontMatter::default();
    for ((key, key_at), value) in entries {
        // yaml-rust2 always gives a value (an empty one for `key:`).
        let (value, value_at) = value.unwrap_or((Node::Scalar(None), key_at));
        let key_offset = offset_of(key_at);
        let Node::Scalar(Some(name)) = key else {
            diagnostics.push(lines.at(
                key_offset,
                Kind::FrontMatterNotKeys,
                format!(
                    "a front-matter key must be a plain word, like `title`, not {}",
                    key.describe()
                ),
            ));
            continue;
        };
        let Some(&known) = KEYS.iter().find(|k| **k == name) else {
            let hint = suggest(&name, KEYS)
                .map(|k| format!(" (did you mean `{k}`?)"))
                .unwrap_or_default();
            diagnostics.push(lines.at(
                key_offset,
                Kind::UnknownKey,
                format!(
                    "unknown front-matter key `{name}`{hint}: the keys are {}. \
                     Fix the spelling or remove the line",
                    KEYS.join(", ")
                ),
            ));
            continue;
        };
        if let Some(first) = front.key_offset(known) {
            diagnostics.push(lines.at(
                key_offset,
                Kind::DuplicateKey,
                format!(
                    "`{known}` is given twice in the front matter (first on line {}): keep one",
                    lines.line(first)
                ),
            ));
            continue;
        }
        front.keys.push(Located {
            value: known,
            offset: key_offset,
        });
        // An absent value (`key:` or `key: null`) is the same as no key.
        let value_offset = offset_of(value_at);
        let mut wrong = |expected: &str| {
            diagnostics.push(lines.at(
                value_offset,
                Kind::WrongType,
                format!(
                    "`{known}` must be {expected}, but it is {}",
                    value.describe()
                ),
            ));
        };
        match known {
            "brand_names" | "ndc" | "alerts" => {
                let example = match known {
                    "brand_names" => "brand_names: [Revlimid]",
                    "ndc" => "ndc: [\"0591-2234-10\"]",
                    _ => "alerts: [Pregnancy]",
                };
                let items = match value {
                    Node::Scalar(None) => Vec::new(),
                    Node::List(items) => items,
                    _ => {
                        wrong(&format!(
                            "a list, like `{example}` (or one `- ` line per entry)"
                        ));
                        continue;
                    }
                };
                let mut list = Vec::new();
                for (item, item_at) in items {
                    let offset = offset_of(item_at);
                    match item {
                        Node::Scalar(Some(text)) => list.push(Located {
                            value: text,
                            offset,
                        }),
                        other => diagnostics.push(lines.at(
                            offset,
                            Kind::WrongType,
                            format!(
                                "each entry of `{known}` must be text, but this one is {}",
                                other.describe()
                            ),
                        )),
                    }
                }
                match known {
                    "brand_names" => front.brand_names = list,
                    "ndc" => front.ndc = list,
                    _ => front.alerts = list,
                }
            }
            _ => {
                let text = match value {
                    Node::Scalar(None) => continue,
                    Node::Scalar(Some(text)) => text,
                    _ => {
                        wrong("text on the same line, like `title: Lenalidomide`");
                        continue;
                    }
                };
                let located = Some(Located {
                    value: text,
                    offset: value_offset,
                });
                match known {
                    "title" => front.title = located,
                    "id" => front.id = located,
                    "language" => front.language = located,
                    "rxcui" => front.rxcui = located,
                    "source" => front.source = located,
                    "last_reviewed" => front.last_reviewed = located,
                    "next_review" => front.next_review = located,
                    // `layout` belongs to the editors' site; the JSON has no use for it.
                    _ => {}
                }
            }
        }
    }
    front
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(source: &str) -> (FrontMatter, Vec<String>) {
        let lines = LineIndex::new(source);
        let mut diagnostics = Vec::new();
        let front = read(source, 4..source.len() - 4, &lines, &mut diagnostics);
        (front, diagnostics.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn values_are_read_as_written() {
        let (front, problems) = read_all(
            "---\ntitle: Ä 'b'\nlanguage: no\nndc: [0591223410, \"0591-2234-10\"]\nrxcui: 342369\n---\n",
        );
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(front.title.unwrap().value, "Ä 'b'");
        let language = front.language.unwrap();
        assert_eq!(language.value, "no");
        assert_eq!(language.offset, 28);
        let ndc: Vec<_> = front.ndc.iter().map(|n| n.value.as_str()).collect();
        assert_eq!(ndc, ["0591223410", "0591-2234-10"]);
        // Offsets are bytes in the whole file, after the two-byte `Ä`.
        assert_eq!(front.ndc[1].offset, 49);
        assert_eq!(front.rxcui.unwrap().value, "342369");
    }

    #[test]
    fn null_values_are_absent() {
        let (front, problems) = read_all("---\ntitle:\nsource: ~\nbrand_names: null\n---\n");
        assert_eq!(problems, Vec::<String>::new());
        assert!(front.title.is_none() && front.source.is_none());
        assert!(front.brand_names.is_empty());
        assert_eq!(front.key_offset("source"), Some(11));
    }
}
