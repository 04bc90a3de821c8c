//! `sitemap.xml` and `robots.txt`: every monograph page is listed for
//! search engines; the kiosk, a screen in a waiting room, is not crawled.

use super::html::escape;

/// One page of the site: its absolute address and when it was last reviewed.
pub struct SitemapEntry {
    pub url: String,
    pub last_reviewed: Option<String>,
}

pub fn sitemap(entries: &[SitemapEntry]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for entry in entries {
        xml.push_str("  <url>\n");
        xml.push_str(&format!("    <loc>{}</loc>\n", escape(&entry.url)));
        if let Some(date) = &entry.last_reviewed {
            xml.push_str(&format!("    <lastmod>{}</lastmod>\n", escape(date)));
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `site_url` ends with `/`; robots.txt rules are paths from the host's root.
pub fn robots(site_url: &str, kiosk_page: &str) -> String {
    let path = site_path(site_url);
    format!("User-agent: *\nDisallow: {path}{kiosk_page}\n\nSitemap: {site_url}sitemap.xml\n")
}

/// The path part of an absolute address: `https://a.example/meds/` → `/meds/`.
pub fn site_path(site_url: &str) -> &str {
    let after_scheme = site_url
        .split_once("://")
        .map_or(site_url, |(_, rest)| rest);
    after_scheme
        .find('/')
        .map_or("/", |start| &after_scheme[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robots_keeps_crawlers_off_the_kiosk_under_the_site_path() {
        let text = robots("https://pharmacy.example/medicines/", "kiosk.html");
        assert!(text.contains("Disallow: /medicines/kiosk.html\n"), "{text}");
        assert!(text.contains("Sitemap: https://pharmacy.example/medicines/sitemap.xml"));
        assert!(robots("http://127.0.0.1:8080/", "kiosk.html").contains("Disallow: /kiosk.html"));
    }

    #[test]
    fn sitemap_lists_each_page_escaped() {
        let xml = sitemap(&[SitemapEntry {
            url: "https://a.example/medicines/x/?a=1&b=2".into(),
            last_reviewed: Some("2026-01-02".into()),
        }]);
        assert!(xml.contains("<loc>https://a.example/medicines/x/?a=1&amp;b=2</loc>"));
        assert!(xml.contains("<lastmod>2026-01-02</lastmod>"));
    }
}
