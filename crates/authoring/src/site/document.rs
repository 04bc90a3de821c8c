//! Whole HTML documents from the page template (`index.html` at the
//! repository's root): the standalone page, the catalog and the kiosk are
//! one template, so their heads cannot drift apart.
//!
//! The template's placeholders:
//!
//! | placeholder | what it becomes |
//! | --- | --- |
//! | `@ROOT@` | the way from the page to the site's root (`../../` for `medicines/x/`) |
//! | `@VERSION@` | the release, which names the embed's folder |
//! | `@LANG@` | the interface language of the pre-rendered text |
//! | `@HEAD@` | title, description, canonical address, previews, structured data |
//! | `@BODY@` | attributes of `<body>` |
//! | `@APP@` | attributes of the app's element (what it shows, and from which file) |
//! | `@CONTENT@` | the pre-rendered app |

use super::html::{escape, script_json};

/// What one page says about itself in its `<head>`.
pub struct Head<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// Absolute address of the page, for search engines and previews.
    pub canonical: Option<&'a str>,
    /// schema.org JSON-LD.
    pub structured_data: Option<&'a str>,
    /// Keep the page out of search results (the kiosk).
    pub noindex: bool,
}

impl Head<'_> {
    fn to_html(&self) -> String {
        let title = escape(self.title);
        let description = escape(self.description);
        let mut lines = vec![
            format!("<title>{title}</title>"),
            format!(r#"<meta name="description" content="{description}" />"#),
            format!(r#"<meta property="og:title" content="{title}" />"#),
            format!(r#"<meta property="og:description" content="{description}" />"#),
        ];
        if let Some(url) = self.canonical {
            let url = escape(url);
            lines.push(format!(r#"<link rel="canonical" href="{url}" />"#));
            lines.push(format!(r#"<meta property="og:url" content="{url}" />"#));
            lines.push(r#"<meta property="og:type" content="article" />"#.to_owned());
        }
        if self.noindex {
            lines.push(r#"<meta name="robots" content="noindex" />"#.to_owned());
        }
        if let Some(json) = self.structured_data {
            lines.push(format!(
                r#"<script type="application/ld+json">{}</script>"#,
                script_json(json)
            ));
        }
        lines.join("\n    ")
    }
}

/// One page to write from the template.
pub struct Page<'a> {
    /// `""` at the site's root, `"../../"` two folders down.
    pub root: &'a str,
    pub version: &'a str,
    pub lang: &'a str,
    pub head: Head<'a>,
    /// Attributes for `<body>` and the app's element, each already escaped
    /// and starting with a space, or empty.
    pub body_attributes: String,
    pub app_attributes: String,
    /// The app's pre-rendered HTML (escaped by Yew), or a fallback.
    pub content: &'a str,
}

/// An attribute for [`Page::body_attributes`] or [`Page::app_attributes`].
pub fn attribute(name: &str, value: &str) -> String {
    format!(r#" {name}="{}""#, escape(value))
}

/// The placeholders every page template must hold.
pub const PLACEHOLDERS: [&str; 7] = ["ROOT", "VERSION", "LANG", "HEAD", "BODY", "APP", "CONTENT"];

/// Checks that `template` has every placeholder, so a template edit that
/// drops one fails the build instead of publishing a page without it.
pub fn check_template(template: &str) -> Result<(), String> {
    let missing: Vec<String> = PLACEHOLDERS
        .iter()
        .map(|name| format!("@{name}@"))
        .filter(|placeholder| !template.contains(placeholder.as_str()))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("the page template lacks {}", missing.join(", ")))
    }
}

/// The page as a document. The template is read once, left to right, so
/// text from a monograph is never read again as a placeholder.
pub fn render(template: &str, page: &Page) -> String {
    let head = page.head.to_html();
    let lang = escape(page.lang);
    let value = |name: &str| -> Option<&str> {
        Some(match name {
            "ROOT" => page.root,
            "VERSION" => page.version,
            "LANG" => &lang,
            "HEAD" => &head,
            "BODY" => &page.body_attributes,
            "APP" => &page.app_attributes,
            "CONTENT" => page.content,
            _ => return None,
        })
    };
    let mut out = String::with_capacity(template.len() + page.content.len() + head.len());
    let mut rest = template;
    while let Some(start) = rest.find('@') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after
            .find('@')
            .and_then(|end| Some((end, value(&after[..end])?)))
        {
            Some((end, replacement)) => {
                out.push_str(replacement);
                rest = &after[end + 1..];
            }
            None => {
                out.push('@');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page<'a>(content: &'a str, title: &'a str) -> Page<'a> {
        Page {
            root: "../../",
            version: "1.2.3",
            lang: "en",
            head: Head {
                title,
                description: "About @CONTENT@ & more",
                canonical: Some("https://a.example/medicines/x/"),
                structured_data: Some(r#"{"name":"</script>"}"#),
                noindex: false,
            },
            body_attributes: String::new(),
            app_attributes: attribute("data-src", "a\"b"),
            content,
        }
    }

    #[test]
    fn fills_every_placeholder_once_and_never_reads_content_as_one() {
        let template =
            "<html lang=\"@LANG@\"><head>@HEAD@<link href=\"@ROOT@x/@VERSION@/w.css\"></head>\
                        <body@BODY@><div@APP@>@CONTENT@</div> me@example.org</body></html>";
        check_template(template).unwrap();
        let html = render(template, &page("<p>@ROOT@ stays</p>", "T @HEAD@"));
        assert!(
            html.contains(r#"<link href="../../x/1.2.3/w.css">"#),
            "{html}"
        );
        assert!(html.contains("<p>@ROOT@ stays</p>"), "{html}");
        assert!(html.contains("<title>T @HEAD@</title>"), "{html}");
        assert!(html.contains("About @CONTENT@ &amp; more"), "{html}");
        assert!(html.contains(r#"<div data-src="a&quot;b">"#), "{html}");
        assert!(html.contains(" me@example.org"), "{html}");
        assert!(
            !html.contains("</script>\"}"),
            "structured data closes no element: {html}"
        );
    }

    #[test]
    fn a_template_without_a_placeholder_is_refused() {
        let error = check_template("<html>@HEAD@</html>").unwrap_err();
        assert!(error.contains("@CONTENT@"), "{error}");
    }
}
