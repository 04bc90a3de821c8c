//! The embed snippet: a `<drug-monograph>` element that already holds its
//! pre-rendered widget in a declarative shadow root, for web teams who
//! paste it into a page or include it server-side. The text is on screen
//! with the page's own HTML; the loader then hydrates it, or renders the
//! widget afresh when the monograph file has changed since (a stale
//! snippet) or when the snippet is missing.

use super::document::attribute;
use super::html::escape;

/// Where the snippet's files are, and what it was rendered from.
pub struct Snippet<'a> {
    /// Address of the monograph JSON, as the element's `src`.
    pub src: &'a str,
    /// Folder of the embed's files (loader, stylesheet), ending in `/`.
    pub embed_url: &'a str,
    /// [`monograph_model::content_hash`] of the file rendered.
    pub content_hash: &'a str,
    /// Interface language and title heading level it was rendered with.
    pub lang: &'a str,
    pub heading_level: u8,
    /// The widget's pre-rendered HTML.
    pub content: &'a str,
}

impl Snippet<'_> {
    /// The snippet. Nothing may stand between the mount point's tags and the
    /// pre-rendered HTML: hydration reads its children exactly. After the
    /// element, once its text is in, the hydrating build's bindings and wasm
    /// are fetched at once rather than one after the other behind the loader.
    pub fn to_html(&self) -> String {
        let mount = [
            attribute("data-content-hash", self.content_hash),
            attribute("data-lang", self.lang),
            attribute("data-heading-level", &self.heading_level.to_string()),
        ]
        .concat();
        format!(
            "<drug-monograph src=\"{src}\">\n  \
             <template shadowrootmode=\"open\">\n    \
             <link rel=\"stylesheet\" href=\"{embed}widget.css\" />\n    \
             <div class=\"dm-root\"{mount}>{content}</div>\n  \
             </template>\n\
             </drug-monograph>\n\
             <link rel=\"modulepreload\" href=\"{embed}drug-monograph-hydrate.js\" />\n\
             <link rel=\"preload\" href=\"{embed}drug-monograph-hydrate_bg.wasm\" \
             as=\"fetch\" type=\"application/wasm\" crossorigin />\n\
             <script src=\"{embed}drug-monograph.js\" defer></script>\n",
            src = escape(self.src),
            embed = escape(self.embed_url),
            content = self.content,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_the_widget_its_fingerprint_and_its_files() {
        let html = Snippet {
            src: "/content/examplomab.json",
            embed_url: "/drug-monograph/1.0.0/",
            content_hash: "0123456789abcdef",
            lang: "en",
            heading_level: 2,
            content: "<article class=\"dm\"></article>",
        }
        .to_html();
        assert!(html.starts_with("<drug-monograph src=\"/content/examplomab.json\">"));
        assert!(html.contains("<template shadowrootmode=\"open\">"));
        assert!(html.contains("href=\"/drug-monograph/1.0.0/widget.css\""));
        assert!(html.contains(
            "<div class=\"dm-root\" data-content-hash=\"0123456789abcdef\" data-lang=\"en\" \
             data-heading-level=\"2\"><article class=\"dm\"></article></div>"
        ));
        assert!(html.contains("<script src=\"/drug-monograph/1.0.0/drug-monograph.js\" defer>"));
        let end = "</drug-monograph>";
        let preloads = html.find(end).unwrap() + end.len()..html.find("<script").unwrap();
        assert_eq!(
            &html[preloads].trim(),
            &"<link rel=\"modulepreload\" href=\"/drug-monograph/1.0.0/drug-monograph-hydrate.js\" />\n\
              <link rel=\"preload\" href=\"/drug-monograph/1.0.0/drug-monograph-hydrate_bg.wasm\" \
              as=\"fetch\" type=\"application/wasm\" crossorigin />"
        );
    }
}
