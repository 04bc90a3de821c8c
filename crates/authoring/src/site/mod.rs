//! The pre-rendered site (`monograph site`): every page that can be
//! rendered ahead of time is, natively, by the widget's own Yew components
//! (one source of markup), so a page reads without scripts and the wasm
//! only hydrates it.
//!
//! | file | what it is |
//! | --- | --- |
//! | `index.html` | the catalog, every monograph a link |
//! | `medicines/<id>/index.html` | one monograph, every section, tabs as `#fragments` |
//! | `snippets/<id>.html` | the embed snippet for web teams |
//! | `kiosk.html` | the kiosk (rendered in the browser: nobody crawls or bookmarks it) |
//! | `sitemap.xml`, `robots.txt` | for search engines; the kiosk is left out |

mod document;
mod html;
mod metadata;
mod sitemap;
mod snippet;

use document::{attribute, Head, Page};
use drug_monograph::components::HeadingLevel;
use drug_monograph::page::{monograph_path, root_of};
use drug_monograph::prerender;
use drug_monograph::strings::ENGLISH;
use monograph_model::{
    content_hash, validate, validate_catalog, Catalog, CatalogEntry, Monograph, Value,
};
use sitemap::SitemapEntry;
use snippet::Snippet;
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The kiosk's page, from the site's root.
pub const KIOSK_PAGE: &str = "kiosk.html";

/// What `monograph site` needs to know.
pub struct Options {
    /// The page template (`index.html` at the repository's root).
    pub template: PathBuf,
    /// The folder with the catalog (`index.json`) and the monographs.
    pub content: PathBuf,
    /// Where to write the pages.
    pub out: PathBuf,
    /// The site's public address, ending in `/`: canonical links and the
    /// sitemap are absolute.
    pub site_url: String,
    /// The release, which names the embed's folder.
    pub version: String,
}

/// A monograph file as published: its catalog entry, its model, where it
/// is from the site's root, and the fingerprint of its text.
struct Published {
    entry: CatalogEntry,
    monograph: Rc<Monograph>,
    file: String,
    hash: String,
}

/// The catalog, and the fingerprint of its text.
struct PublishedCatalog {
    catalog: Rc<Catalog>,
    hash: String,
}

/// Writes the site; returns the files written, or what went wrong.
pub fn build(options: &Options) -> Result<Vec<PathBuf>, String> {
    let template = read(&options.template)?;
    document::check_template(&template)
        .map_err(|e| format!("{}: {e}", options.template.display()))?;
    let catalog = read_catalog(&options.content)?;
    let published = catalog
        .catalog
        .entries
        .iter()
        .map(|entry| read_monograph(&options.content, entry))
        .collect::<Result<Vec<_>, _>>()?;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start the renderer: {e}"))?;
    let mut site = Site {
        template: &template,
        options,
        written: Vec::new(),
    };
    let catalog_html = runtime.block_on(prerender::catalog_page(
        catalog.catalog.clone(),
        &format!("{CONTENT_FOLDER}{}", crate::cmd::INDEX),
    ));
    site.catalog_page(&catalog, &catalog_html)?;
    site.kiosk_page()?;
    for item in &published {
        let root = root_of(&monograph_path(&item.entry.id));
        let page = runtime.block_on(prerender::monograph_page(
            item.entry.clone(),
            item.monograph.clone(),
            &format!("{root}{CONTENT_FOLDER}{}", crate::cmd::INDEX),
        ));
        site.monograph_page(item, &root, &page)?;
        let widget = runtime.block_on(prerender::widget(
            item.monograph.clone(),
            HeadingLevel::default(),
        ));
        site.snippet(item, &widget)?;
    }
    site.search_engines(&published)?;
    Ok(site.written)
}

struct Site<'a> {
    template: &'a str,
    options: &'a Options,
    written: Vec<PathBuf>,
}

impl Site<'_> {
    fn page(&self, root: &str, head: Head, app: String, body: String, content: &str) -> String {
        document::render(
            self.template,
            &Page {
                root,
                version: &self.options.version,
                lang: ENGLISH.language,
                head,
                body_attributes: body,
                app_attributes: app,
                content,
            },
        )
    }

    fn catalog_page(&mut self, catalog: &PublishedCatalog, content: &str) -> Result<(), String> {
        let canonical = self.options.site_url.clone();
        let html = self.page(
            "",
            Head {
                title: ENGLISH.site_title,
                description: ENGLISH.site_description,
                canonical: Some(&canonical),
                structured_data: None,
                noindex: false,
            },
            [
                attribute("data-view", "catalog"),
                attribute("data-content-hash", &catalog.hash),
            ]
            .concat(),
            String::new(),
            content,
        );
        self.write("index.html", &html)
    }

    /// The kiosk renders in the browser: it starts on the catalog, and the
    /// only visitor is the screen it runs on.
    fn kiosk_page(&mut self) -> Result<(), String> {
        let html = self.page(
            "",
            Head {
                title: ENGLISH.site_title,
                description: ENGLISH.site_description,
                canonical: None,
                structured_data: None,
                noindex: true,
            },
            String::new(),
            attribute("data-kiosk", ""),
            &format!(
                "<noscript>{}</noscript>",
                html::escape(ENGLISH.needs_javascript)
            ),
        );
        self.write(KIOSK_PAGE, &html)
    }

    fn monograph_page(
        &mut self,
        item: &Published,
        root: &str,
        content: &str,
    ) -> Result<(), String> {
        let monograph = &item.monograph;
        let path = monograph_path(&item.entry.id);
        let url = format!("{}{path}", self.options.site_url);
        let description = metadata::description(monograph);
        let structured = metadata::structured_data(monograph, &url, &description);
        let title = format!("{} – {}", monograph.title, ENGLISH.site_title);
        let app = [
            attribute("data-view", "monograph"),
            attribute("data-src", &format!("{root}{}", item.file)),
            attribute("data-content-hash", &item.hash),
        ]
        .concat();
        let html = self.page(
            root,
            Head {
                title: &title,
                description: &description,
                canonical: Some(&url),
                structured_data: Some(&structured),
                noindex: false,
            },
            app,
            String::new(),
            content,
        );
        self.write(&format!("{path}index.html"), &html)
    }

    fn snippet(&mut self, item: &Published, content: &str) -> Result<(), String> {
        let site_path = sitemap::site_path(&self.options.site_url);
        let embed_url = format!("{site_path}drug-monograph/{}/", self.options.version);
        let src = format!("{site_path}{}", item.file);
        let html = Snippet {
            src: &src,
            embed_url: &embed_url,
            content_hash: &item.hash,
            lang: ENGLISH.language,
            heading_level: 1,
            content,
        }
        .to_html();
        self.write(&format!("snippets/{}.html", item.monograph.id), &html)
    }

    fn search_engines(&mut self, published: &[Published]) -> Result<(), String> {
        let site_url = &self.options.site_url;
        let mut entries = vec![SitemapEntry {
            url: site_url.clone(),
            last_reviewed: None,
        }];
        entries.extend(published.iter().map(|item| SitemapEntry {
            url: format!("{site_url}{}", monograph_path(&item.entry.id)),
            last_reviewed: item.monograph.last_reviewed.clone(),
        }));
        self.write("sitemap.xml", &sitemap::sitemap(&entries))?;
        self.write("robots.txt", &sitemap::robots(site_url, KIOSK_PAGE))
    }

    fn write(&mut self, relative: &str, text: &str) -> Result<(), String> {
        let path = self.options.out.join(relative);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        self.written.push(path);
        Ok(())
    }
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn parse(path: &Path, text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| format!("{}: not valid JSON: {e}", path.display()))
}

/// The site publishes the content folder as `content/`.
const CONTENT_FOLDER: &str = "content/";

fn read_catalog(content: &Path) -> Result<PublishedCatalog, String> {
    let path = content.join(crate::cmd::INDEX);
    let text = read(&path)?;
    let catalog = validate_catalog(&parse(&path, &text)?).map_err(|p| invalid(&path, &p))?;
    Ok(PublishedCatalog {
        catalog: Rc::new(catalog),
        hash: content_hash(&text),
    })
}

fn read_monograph(content: &Path, entry: &CatalogEntry) -> Result<Published, String> {
    let path = content.join(&entry.file);
    let text = read(&path)?;
    let monograph =
        validate(&parse(&path, &text)?).map_err(|problems| invalid(&path, &problems))?;
    Ok(Published {
        entry: entry.clone(),
        monograph: Rc::new(monograph),
        file: format!("{CONTENT_FOLDER}{}", entry.file),
        hash: content_hash(&text),
    })
}

fn invalid(path: &Path, problems: &[monograph_model::Problem]) -> String {
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    format!("{}: not valid:\n{}", path.display(), list.join("\n"))
}
