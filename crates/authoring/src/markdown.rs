//! The editors' Markdown as a small tree of blocks and inline pieces, each
//! with the byte offset it starts at. pulldown-cmark does all the parsing
//! (its offset iterator gives the positions); this module only keeps what
//! the monograph format can use and marks everything else as unsupported,
//! so that nothing is dropped without a word.

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use std::iter::Peekable;
use std::ops::Range;

/// A parsed file: its front matter (if any) and its top-level blocks.
#[derive(Debug)]
pub struct Document {
    pub front_matter: Option<FrontMatterBlock>,
    pub blocks: Vec<Block>,
}

/// A block between `---` lines at the very top of the file.
#[derive(Debug)]
pub struct FrontMatterBlock {
    /// The byte range of the YAML between the two `---` lines.
    pub yaml: Range<usize>,
}

#[derive(Debug)]
pub enum Block {
    Heading {
        level: u8,
        inlines: Vec<Inline>,
        start: usize,
    },
    Paragraph {
        inlines: Vec<Inline>,
        start: usize,
    },
    List {
        items: Vec<ListItem>,
        start: usize,
    },
    /// A `---` line in the body.
    Rule {
        start: usize,
    },
    /// Something the format cannot hold (a code block, a quote, HTML, …),
    /// described for the editor, e.g. "a code block".
    Unsupported {
        what: &'static str,
        start: usize,
    },
}

impl Block {
    pub fn start(&self) -> usize {
        match self {
            Block::Heading { start, .. }
            | Block::Paragraph { start, .. }
            | Block::List { start, .. }
            | Block::Rule { start }
            | Block::Unsupported { start, .. } => *start,
        }
    }
}

/// One bullet (or numbered) item. The text of a tight item, which Markdown
/// does not wrap in a paragraph, is given as a paragraph all the same.
#[derive(Debug)]
pub struct ListItem {
    pub blocks: Vec<Block>,
    pub start: usize,
}

#[derive(Debug, Clone)]
pub enum Inline {
    Text {
        text: String,
        start: usize,
        /// Inside `**bold**`.
        strong: bool,
        /// Inside `*italic*`.
        italic: bool,
    },
    /// A line break inside a paragraph: whitespace in the output.
    Break { start: usize },
    /// `code`: kept as plain text.
    Code { text: String, start: usize },
    /// A link, an image or inline HTML, described for the editor.
    Unsupported { what: &'static str, start: usize },
}

impl Inline {
    pub fn start(&self) -> usize {
        match self {
            Inline::Text { start, .. }
            | Inline::Break { start }
            | Inline::Code { start, .. }
            | Inline::Unsupported { start, .. } => *start,
        }
    }
}

type Events<'a> =
    Peekable<pulldown_cmark::OffsetIter<'a, pulldown_cmark::DefaultBrokenLinkCallback>>;

/// Parses `source` (CommonMark, plus YAML front matter).
pub fn parse(source: &str) -> Document {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut events = Parser::new_ext(source, options)
        .into_offset_iter()
        .peekable();
    let mut front_matter = None;
    if let Some((Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)), range)) =
        events.peek()
    {
        if range.start == 0 {
            events.next();
            let mut yaml: Option<Range<usize>> = None;
            for (event, range) in events.by_ref() {
                match event {
                    Event::End(TagEnd::MetadataBlock(_)) => break,
                    _ => {
                        yaml = Some(match yaml {
                            Some(y) => y.start..range.end,
                            None => range,
                        })
                    }
                }
            }
            front_matter = Some(FrontMatterBlock {
                yaml: yaml.unwrap_or(0..0),
            });
        }
    }
    let blocks = blocks(&mut events, |_| false);
    Document {
        front_matter,
        blocks,
    }
}

/// Reads blocks until `end` matches an event (which is consumed) or the
/// events run out.
fn blocks(events: &mut Events, end: impl Fn(&Event) -> bool) -> Vec<Block> {
    let mut blocks = Vec::new();
    // The inline content of a tight list item, gathered as a paragraph.
    let mut loose: Option<(Vec<Inline>, usize)> = None;
    while let Some((event, range)) = events.next() {
        if end(&event) {
            break;
        }
        if is_inline(&event) {
            let (inlines, _) = loose.get_or_insert_with(|| (Vec::new(), range.start));
            inline(events, event, range, Style::default(), inlines);
            continue;
        }
        if let Some((inlines, start)) = loose.take() {
            blocks.push(Block::Paragraph { inlines, start });
        }
        let start = range.start;
        match event {
            Event::Start(Tag::Paragraph) => blocks.push(Block::Paragraph {
                inlines: inlines_until(events, |e| matches!(e, Event::End(TagEnd::Paragraph))),
                start,
            }),
            Event::Start(Tag::Heading { level, .. }) => blocks.push(Block::Heading {
                level: level as u8,
                inlines: inlines_until(events, |e| matches!(e, Event::End(TagEnd::Heading(_)))),
                start,
            }),
            Event::Start(Tag::List(_)) => {
                let mut items = Vec::new();
                while let Some((event, range)) = events.next() {
                    match event {
                        Event::Start(Tag::Item) => items.push(ListItem {
                            blocks: blocks_in_item(events),
                            start: range.start,
                        }),
                        Event::End(TagEnd::List(_)) => break,
                        _ => {}
                    }
                }
                blocks.push(Block::List { items, start });
            }
            Event::Rule => blocks.push(Block::Rule { start }),
            Event::Start(Tag::HtmlBlock) => {
                // An HTML comment is a note for editors: not shown, not lost.
                let mut html = String::new();
                for (event, _) in events.by_ref() {
                    match event {
                        Event::Html(text) | Event::Text(text) => html.push_str(&text),
                        Event::End(TagEnd::HtmlBlock) => break,
                        _ => {}
                    }
                }
                if !is_comment(&html) {
                    blocks.push(Block::Unsupported {
                        what: "HTML",
                        start,
                    });
                }
            }
            Event::Start(tag) => {
                let what = match tag {
                    Tag::BlockQuote(_) => "a block quote (lines starting with >)",
                    Tag::CodeBlock(_) => "a code block",
                    Tag::HtmlBlock => "HTML",
                    Tag::MetadataBlock(_) => {
                        "a block between two --- lines (front matter belongs at the very top)"
                    }
                    _ => "formatting the monograph format has no place for",
                };
                skip_to_end(events);
                blocks.push(Block::Unsupported { what, start });
            }
            Event::Html(_) => blocks.push(Block::Unsupported {
                what: "HTML",
                start,
            }),
            _ => {}
        }
    }
    if let Some((inlines, start)) = loose.take() {
        blocks.push(Block::Paragraph { inlines, start });
    }
    blocks
}

fn blocks_in_item(events: &mut Events) -> Vec<Block> {
    blocks(events, |e| matches!(e, Event::End(TagEnd::Item)))
}

/// Skips the rest of a container whose start was just read.
fn skip_to_end(events: &mut Events) {
    let mut depth = 1;
    for (event, _) in events.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            break;
        }
    }
}

fn is_inline(event: &Event) -> bool {
    matches!(
        event,
        Event::Text(_)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::Start(
                Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Superscript
                    | Tag::Subscript
                    | Tag::Link { .. }
                    | Tag::Image { .. }
            )
    )
}

#[derive(Clone, Copy, Default)]
struct Style {
    strong: bool,
    italic: bool,
}

fn inlines_until(events: &mut Events, end: impl Fn(&Event) -> bool) -> Vec<Inline> {
    let mut inlines = Vec::new();
    while let Some((event, range)) = events.next() {
        if end(&event) {
            break;
        }
        inline(events, event, range, Style::default(), &mut inlines);
    }
    inlines
}

/// Adds the inline `event` (and, for a container, what it contains).
fn inline(
    events: &mut Events,
    event: Event,
    range: Range<usize>,
    style: Style,
    out: &mut Vec<Inline>,
) {
    let start = range.start;
    match event {
        Event::Text(text) => out.push(Inline::Text {
            text: text.into_string(),
            start,
            strong: style.strong,
            italic: style.italic,
        }),
        Event::SoftBreak | Event::HardBreak => out.push(Inline::Break { start }),
        Event::Code(text) => out.push(Inline::Code {
            text: text.into_string(),
            start,
        }),
        Event::Start(Tag::Strong) => {
            let inner = Style {
                strong: true,
                ..style
            };
            nested(events, inner, out);
        }
        Event::Start(Tag::Emphasis) => {
            let inner = Style {
                italic: true,
                ..style
            };
            nested(events, inner, out);
        }
        Event::Start(Tag::Link { .. }) => {
            skip_to_end(events);
            out.push(Inline::Unsupported {
                what: "a link",
                start,
            });
        }
        Event::Start(Tag::Image { .. }) => {
            skip_to_end(events);
            out.push(Inline::Unsupported {
                what: "an image",
                start,
            });
        }
        Event::Start(_) => {
            skip_to_end(events);
            out.push(Inline::Unsupported {
                what: "formatting the monograph format has no place for",
                start,
            });
        }
        Event::InlineHtml(html) | Event::Html(html) if is_comment(&html) => {}
        Event::InlineHtml(_) | Event::Html(_) => out.push(Inline::Unsupported {
            what: "HTML",
            start,
        }),
        Event::End(_) => {}
        _ => out.push(Inline::Unsupported {
            what: "formatting the monograph format has no place for",
            start,
        }),
    }
}

/// Whether `html` is nothing but `<!-- … -->` comments.
fn is_comment(html: &str) -> bool {
    let mut rest = html.trim();
    while let Some(after) = rest.strip_prefix("<!--") {
        match after.find("-->") {
            Some(end) => rest = after[end + 3..].trim_start(),
            None => return false,
        }
    }
    rest.is_empty() && !html.trim().is_empty()
}

/// Reads the inside of `**…**` or `*…*` up to its end.
fn nested(events: &mut Events, style: Style, out: &mut Vec<Inline>) {
    while let Some((event, range)) = events.next() {
        if let Event::End(TagEnd::Strong | TagEnd::Emphasis) = event {
            break;
        }
        inline(events, event, range, style, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_blocks_keep_their_offsets() {
        let source =
            "---\ntitle: X\n---\n\n# X\n### Usage\n\nSome **bold** text.\n\n* **A:** b\n* c\n";
        let document = parse(source);
        let yaml = document.front_matter.expect("front matter").yaml;
        assert_eq!(&source[yaml], "title: X\n");
        let starts: Vec<usize> = document.blocks.iter().map(Block::start).collect();
        assert_eq!(starts, [18, 22, 33, 54]);
        let Block::List { items, .. } = &document.blocks[3] else {
            panic!("a list")
        };
        assert_eq!(items.len(), 2);
        let Block::Paragraph { inlines, .. } = &items[0].blocks[0] else {
            panic!("tight item text is a paragraph")
        };
        assert!(matches!(&inlines[0], Inline::Text { text, strong: true, .. } if text == "A:"));
    }

    #[test]
    fn html_comments_are_notes_for_editors() {
        let document = parse("<!-- a note -->\n\nText <!-- aside --> here.\n\n<div>x</div>\n");
        assert_eq!(document.blocks.len(), 2);
        let Block::Paragraph { inlines, .. } = &document.blocks[0] else {
            panic!("a paragraph")
        };
        assert!(inlines.iter().all(|i| matches!(i, Inline::Text { .. })));
        assert!(matches!(
            document.blocks[1],
            Block::Unsupported { what: "HTML", .. }
        ));
        assert!(!is_comment("<!-- a --> b"));
        assert!(!is_comment("<!-- open"));
    }

    #[test]
    fn unsupported_markdown_is_kept_as_a_marker() {
        let document = parse("> quote\n\n    code\n\nA [link](x) here.\n");
        assert!(matches!(
            document.blocks[0],
            Block::Unsupported { start: 0, .. }
        ));
        assert!(matches!(
            document.blocks[1],
            // An indented code block starts after its indentation.
            Block::Unsupported { start: 13, .. }
        ));
        let Block::Paragraph { inlines, .. } = &document.blocks[2] else {
            panic!("a paragraph")
        };
        assert!(matches!(
            inlines[1],
            Inline::Unsupported {
                what: "a link",
                start: 21
            }
        ));
    }
}
