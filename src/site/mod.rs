//! The whole site, rendered once per charter load: every page in both
//! languages, each with its ETag and compressed copies. Serving a page is
//! then a lookup; `charter build` writes the same bytes to disk.
//!
//! [`Site::load`] is the one way to get a site from a charter file (serve,
//! reload, build and check all use it). A load renders every page on every
//! core and gives each a quick gzip copy, so that even a large charter is
//! served soon after it is saved; the smallest copies are made after the
//! load, at low priority ([`Site::prepare_in_background`]), or at once
//! for `charter build` ([`Site::finish_all`]). The threads, and the pages
//! shared between loads, belong to the [`Compressor`] in [`SiteOptions`].

mod compressor;
pub mod directory;
mod page;
mod pages;
pub mod search;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;

use crate::charter::{self, Charter, CharterFile, Claim, LoadError, Loaded};
use crate::i18n::Lang;
use crate::render::{self, ErrorKind, RenderError, Target};
use crate::urls::{self, BaseUrl};

pub use compressor::Compressor;
pub use directory::{Directory, Listed};
pub use page::{Chosen, Compressed, Copies, Encoded, HTML, Page};
use pages::{Key, render_job};
use search::SearchIndex;

/// How a site is made.
#[derive(Debug, Clone)]
pub struct SiteOptions {
    /// Where absolute links point (`--base-url`); `None`: `https://` and
    /// the charter's own website, or the first of [`SiteOptions::addresses`].
    pub base_url: Option<BaseUrl>,
    /// The addresses the registry of addresses gives the office, keyed
    /// ([`crate::hosts::normalize`]): its pages link to its website only
    /// when that is one of them, else to the first (a file cannot make an
    /// office's pages point at another's address). `None`: a charter of
    /// its own, whose website is its address.
    pub addresses: Option<Arc<[String]>>,
    /// The server's pages or the static copy's.
    pub target: Target,
    /// The threads, and the pages shared with earlier loads.
    pub compressor: Compressor,
    /// The largest charter file read (`--max-charter-mb`).
    pub max_charter_bytes: u64,
    /// Which copies of its pages the site keeps: every one for a single
    /// office; the brotli copy only for a server of many offices, whose
    /// memory the others would mostly take ([`Copies`]).
    pub copies: Copies,
}

impl Default for SiteOptions {
    fn default() -> Self {
        SiteOptions {
            base_url: None,
            addresses: None,
            target: Target::Server,
            compressor: Compressor::new(),
            max_charter_bytes: charter::MAX_FILE_BYTES,
            copies: Copies::All,
        }
    }
}

/// Why a site could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// The charter file cannot be read, or is not a valid charter.
    #[error(transparent)]
    Charter(#[from] LoadError),
    /// A page could not be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
}

impl SiteError {
    /// What is wrong, in `lang`: a charter's report as `charter check`
    /// says it; a page that cannot be rendered, a programming error, in
    /// English.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            SiteError::Charter(e) => e.in_lang(lang).to_string(),
            SiteError::Render(e) => e.to_string(),
        }
    }

    /// True when the file could not be read at all (as opposed to read and
    /// found invalid, or not rendered).
    pub fn is_unreadable(&self) -> bool {
        matches!(self, SiteError::Charter(LoadError::Read { .. }))
    }
}

/// A rendered charter: what the server serves and `build` writes.
#[derive(Debug, Clone)]
pub struct Site {
    /// The charter the pages were made from.
    pub charter: Charter,
    /// The addresses the charter names as its own, and where in its file.
    pub claims: Vec<Claim>,
    /// Hex SHA-256 of the charter file.
    pub content_hash: String,
    /// When this charter was loaded.
    pub loaded_at: SystemTime,
    /// How long the load took: reading, checking and rendering.
    pub load_time: Duration,
    /// The public base URL absolute links start with.
    pub base_url: BaseUrl,
    /// Whether the pages are the server's or the static copy's.
    pub target: Target,
    /// Which copies of its pages the site keeps ([`SiteOptions::copies`]).
    pub copies: Copies,
    pages: HashMap<String, Arc<Page>>,
    errors: HashMap<(Lang, ErrorKind), Arc<Page>>,
    compressor: Compressor,
    /// Built on first use ([`Site::search_index`]), which
    /// [`Site::prepare_in_background`] asks for right after a load.
    search: OnceLock<SearchIndex>,
}

impl Site {
    /// Reads, checks and renders the charter file at `path`.
    pub fn load(path: &Path, options: &SiteOptions) -> Result<Site, SiteError> {
        Site::load_file(&CharterFile::at(path), options)
    }

    /// Reads, checks and renders the charter `file`.
    pub fn load_file(file: &CharterFile, options: &SiteOptions) -> Result<Site, SiteError> {
        let start = Instant::now();
        let loaded = charter::load(file, options.max_charter_bytes)?;
        let mut site = Site::from_loaded(loaded, options)?;
        site.load_time = start.elapsed();
        Ok(site)
    }

    /// Renders every page of a charter already read and checked.
    pub fn from_loaded(loaded: Loaded, options: &SiteOptions) -> Result<Site, RenderError> {
        let website = charter::host_name(loaded.charter.office.website.get_ref());
        let base = match (&options.base_url, &options.addresses) {
            (Some(base), _) => base.clone(),
            (None, Some(given)) if !given.contains(&website) && !given.is_empty() => {
                BaseUrl::new(&format!("https://{}", given[0]))
            }
            (None, _) => BaseUrl::from_charter(&loaded.charter),
        };
        Site::render(
            loaded.charter,
            loaded.claims,
            loaded.content_hash,
            base,
            options.target,
            options.copies,
            &options.compressor,
        )
    }

    /// This site as the static copy shows it (the same pages, each with a
    /// link to the list of services where the server's pages have the
    /// search form). Pages whose bytes do not change are shared.
    pub fn static_copy(&self) -> Result<Site, RenderError> {
        Site::render(
            self.charter.clone(),
            self.claims.clone(),
            self.content_hash.clone(),
            self.base_url.clone(),
            Target::StaticCopy,
            self.copies,
            &self.compressor,
        )
    }

    fn render(
        charter: Charter,
        claims: Vec<Claim>,
        content_hash: String,
        base: BaseUrl,
        target: Target,
        copies: Copies,
        compressor: &Compressor,
    ) -> Result<Site, RenderError> {
        let start = Instant::now();
        let jobs = pages::jobs(&charter);
        let done: Vec<_> = compressor.run(|| {
            jobs.into_par_iter()
                .with_max_len(1)
                .map(|job| {
                    let bodies = render_job(&charter, &base, target, job)?;
                    Ok(bodies
                        .into_iter()
                        .map(|(key, content_type, body)| {
                            (key, compressor.page(content_type, body, copies))
                        })
                        .collect::<Vec<_>>())
                })
                .collect::<Vec<Result<_, RenderError>>>()
        });
        let mut pages = HashMap::new();
        let mut errors = HashMap::new();
        for bodies in done {
            for (key, page) in bodies? {
                match key {
                    Key::Path(path) => {
                        pages.insert(path, page);
                    }
                    Key::Error(lang, kind) => {
                        errors.insert((lang, kind), page);
                    }
                }
            }
        }
        compressor.forget_dropped_pages();
        warn_of_pages_without_qr(&charter, &base, &pages);
        Ok(Site {
            charter,
            claims,
            content_hash,
            loaded_at: SystemTime::now(),
            load_time: start.elapsed(),
            base_url: base,
            target,
            copies,
            pages,
            errors,
            compressor: compressor.clone(),
            search: OnceLock::new(),
        })
    }

    /// Renders every page of `charter` as the server would, keeping none
    /// and compressing none, on the calling thread: whether the site can
    /// be made from it (what `charter check` makes sure of besides the
    /// charter's own checks).
    pub fn check_pages(charter: &Charter) -> Result<(), RenderError> {
        let base = BaseUrl::from_charter(charter);
        for job in pages::jobs(charter) {
            render_job(charter, &base, Target::Server, job)?;
        }
        Ok(())
    }

    /// The page at `path`, if the site has one.
    pub fn page(&self, path: &str) -> Option<&Page> {
        self.pages.get(path).map(|p| &**p)
    }

    /// A static file by its fingerprinted name (the static files are
    /// compressed when one is first asked for, once per [`Compressor`]).
    pub fn asset(&self, name: &str) -> Option<&Page> {
        self.compressor.assets().get(name)
    }

    /// Every path the site answers, sorted (for `build` and the tests).
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.pages.keys().map(String::as_str).collect();
        paths.sort_unstable();
        paths
    }

    /// The paths of the HTML pages only.
    pub fn html_paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self
            .pages
            .iter()
            .filter(|(_, p)| p.content_type == HTML)
            .map(|(k, _)| k.as_str())
            .collect();
        paths.sort_unstable();
        paths
    }

    /// The pre-rendered error page of `kind` in `lang`.
    pub fn error_page(&self, lang: Lang, kind: ErrorKind) -> &Page {
        // Site::render renders every (lang, kind) pair.
        &self.errors[&(lang, kind)]
    }

    /// The search page for `query` (rendered per request: it depends on
    /// the query).
    pub fn search_page(&self, lang: Lang, query: &str) -> Result<String, RenderError> {
        let query = search::asked(query);
        let found = self.search_index().search(query, lang);
        let service = |i: usize| &self.charter.services[i];
        let outcome = render::search::Outcome {
            hits: (found.hits.into_iter())
                .map(|hit| render::search::Hit {
                    service: service(hit.entry),
                    marked: hit.marked,
                })
                .collect(),
            total: found.total,
            closest: found.closest.into_iter().map(service).collect(),
        };
        render::render_search(&self.charter, &self.base_url, lang, query, &outcome)
    }

    /// The search index over every service's texts in both languages,
    /// built now unless it was built already.
    pub fn search_index(&self) -> &SearchIndex {
        self.search.get_or_init(|| {
            SearchIndex::new(
                (self.charter.services.iter()).map(|s| pages::search_sources(&self.charter, s)),
            )
        })
    }

    fn all_pages(&self) -> impl Iterator<Item = &Arc<Page>> {
        self.pages.values().chain(self.errors.values())
    }

    /// Makes every page's smallest copies now, on every core (for `build`,
    /// which writes them, and for measuring).
    pub fn finish_all(&self) {
        let pending = self
            .all_pages()
            .map(|p| &**p)
            .filter(|p| !p.is_finished())
            .collect();
        self.compressor.finish_now(pending);
    }

    /// Starts the work a freshly loaded site leaves for later, so that it
    /// is served sooner: its search index (a search that comes first waits
    /// for it), and the smallest copies of its pages, at low priority, the
    /// pages people open first (home, services, contact) first, then the
    /// rest smallest first. Each page switches when its copies are ready.
    pub fn prepare_in_background(self: &Arc<Self>) {
        let site = Arc::downgrade(self);
        self.compressor.spawn(move || {
            if let Some(site) = site.upgrade() {
                site.search_index();
                site.compressor.assets();
            }
        });
        let first: Vec<String> = Lang::ALL
            .into_iter()
            .flat_map(|l| [urls::home(l), urls::services(l), urls::contact(l)])
            .collect();
        self.compressor
            .finish_pages_later(self.pages.iter(), self.errors.values(), &first);
    }

    /// How many pages have their smallest copies, of how many, and the
    /// bytes the site keeps for all its pages.
    pub fn compression(&self) -> CompressionState {
        let mut state = CompressionState::default();
        for page in self.all_pages() {
            state.pages += 1;
            state.finished += usize::from(page.is_finished());
            state.bytes += page.stored_bytes();
        }
        state
    }
}

/// Logs, once per load, how many service pages have no QR code because
/// their address is longer than a QR code holds.
fn warn_of_pages_without_qr(charter: &Charter, base: &BaseUrl, pages: &HashMap<String, Arc<Page>>) {
    let too_long: Vec<usize> = Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            charter
                .services
                .iter()
                .map(move |s| (lang, s.slug.get_ref()))
        })
        .filter(|(lang, slug)| !pages.contains_key(&urls::service_qr(*lang, slug)))
        .map(|(lang, slug)| base.join(&urls::service(lang, slug)).len())
        .collect();
    if let Some(longest) = too_long.iter().max() {
        tracing::warn!(
            pages = too_long.len(),
            longest,
            limit = render::qr::MAX_BYTES,
            "service pages without a QR code: their addresses are longer than a QR code holds; \
             a shorter base URL (--base-url, or the charter's website) gives them one"
        );
    }
}

/// How far a site's compression has gone ([`Site::compression`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CompressionState {
    /// Pages (and error pages).
    pub pages: usize,
    /// Of those, the ones with their smallest copies.
    pub finished: usize,
    /// Bytes held for all of them, every copy.
    pub bytes: usize,
}
