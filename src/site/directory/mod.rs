//! The directory of every office of a folder of charters: what any host
//! name that is not an office's is answered with. Its pages (the list of
//! offices in both languages, its error pages, `offices.json`, sitemap and
//! robots) are rendered once, like a site's, and kept with their
//! compressed copies; its search runs over the offices as they are served
//! at the time of each request ([`search`]).

mod search;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, Weak};

use rayon::prelude::*;

use crate::charter::Charter;
use crate::i18n::Lang;
use crate::render::directory::{self as view, Office};
use crate::render::{ErrorKind, RenderError, Target};
use crate::urls::{self, BaseUrl};

use super::page::{Copies, HTML, JSON, Page, TEXT, XML};
use super::{Compressor, Site};
use search::Combined;

/// The most services the directory's search page lists: more than one
/// office's page (which lists 30), since a query may find the same
/// service in many offices, and still a page a citizen reads through.
pub const MAX_RESULTS: usize = 50;

/// One office as the directory lists it.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The office's id (its file's name without .toml).
    pub id: String,
    /// Its site as served now.
    pub site: Arc<Site>,
    /// Where its site's home is, absolute, ending in '/':
    /// "https://doict.haluaghat.mymensingh.gov.bd/" or, when previewing
    /// on a laptop, "http://haluaghat.localhost:3000/". Links to the
    /// office's pages are this + "bn/services/x" etc.
    pub url: String,
}

impl Listed {
    fn office(&self) -> Office<'_> {
        Office {
            id: &self.id,
            charter: &self.site.charter,
            url: &self.url,
        }
    }
}

/// The directory's pages, each with its compressed copies, and its error
/// pages. It keeps no office's site: its search is given the offices as
/// served at each request.
#[derive(Debug)]
pub struct Directory {
    /// The directory's own public address.
    pub base_url: BaseUrl,
    /// Whether the pages are the server's or the static copy's.
    pub target: Target,
    pages: HashMap<String, Arc<Page>>,
    errors: HashMap<(Lang, ErrorKind), Arc<Page>>,
    compressor: Compressor,
    /// The offices listed, for the index of their services; weak, so that
    /// an office reloaded since is not kept alive.
    sites: Vec<(String, Weak<Site>)>,
    /// Made on first use.
    combined: OnceLock<Option<Combined>>,
}

/// Where a rendered body of the directory goes.
enum Key {
    Path(String),
    Error(Lang, ErrorKind),
}

/// One piece of the directory's rendering, done on whichever core is free.
#[derive(Debug, Clone, Copy)]
enum Job {
    Home(Lang),
    Error(Lang, ErrorKind),
    Offices,
    Sitemap,
    Robots,
}

impl Job {
    /// The body this job renders, where it goes and its type.
    fn render(
        self,
        offices: &[Office<'_>],
        base: &BaseUrl,
        target: Target,
    ) -> Result<(Key, &'static str, String), RenderError> {
        let cx = |page| view::Context::new(offices, base, page, target);
        Ok(match self {
            Job::Home(page) => (
                Key::Path(urls::home(page)),
                HTML,
                view::home(offices, cx(page))?,
            ),
            Job::Error(page, kind) => (Key::Error(page, kind), HTML, view::error(cx(page), kind)?),
            Job::Offices => (
                Key::Path(urls::api_offices()),
                JSON,
                view::data::offices_json(offices, base),
            ),
            Job::Sitemap => (
                Key::Path(urls::SITEMAP.to_string()),
                XML,
                view::data::sitemap(base),
            ),
            Job::Robots => (
                Key::Path(urls::ROBOTS.to_string()),
                TEXT,
                view::data::robots(base, target),
            ),
        })
    }
}

impl Directory {
    /// Renders the directory of `offices`. `base`: the directory's own
    /// public address (canonical links, the sitemap, JSON-LD). `target`:
    /// the server's pages, or the static copy's (no search form). The
    /// pages are made on `compressor`'s threads, shared with every other
    /// page alive, as a site's are.
    pub fn new(
        offices: &[Listed],
        base: &BaseUrl,
        target: Target,
        compressor: &Compressor,
    ) -> Result<Directory, RenderError> {
        let views: Vec<Office> = offices.iter().map(Listed::office).collect();
        let mut directory = Directory::of_offices(&views, base, target, compressor)?;
        directory.sites = (offices.iter())
            .map(|o| (o.id.clone(), Arc::downgrade(&o.site)))
            .collect();
        Ok(directory)
    }

    /// Renders the directory of offices given by their charters (for
    /// `charter build`, which keeps no office's pages once written).
    pub fn of_charters(
        offices: &[(String, Charter, String)],
        base: &BaseUrl,
        target: Target,
        compressor: &Compressor,
    ) -> Result<Directory, RenderError> {
        let offices: Vec<Office> = (offices.iter())
            .map(|(id, charter, url)| Office { id, charter, url })
            .collect();
        Directory::of_offices(&offices, base, target, compressor)
    }

    fn of_offices(
        offices: &[Office<'_>],
        base: &BaseUrl,
        target: Target,
        compressor: &Compressor,
    ) -> Result<Directory, RenderError> {
        let mut jobs: Vec<Job> = Vec::new();
        for page in Lang::ALL {
            jobs.push(Job::Home(page));
            jobs.extend(ErrorKind::ALL.map(|kind| Job::Error(page, kind)));
        }
        jobs.extend([Job::Offices, Job::Sitemap, Job::Robots]);
        let done: Vec<Result<_, RenderError>> = compressor.run(|| {
            (jobs.into_par_iter().with_max_len(1))
                .map(|job| {
                    let (key, content_type, body) = job.render(offices, base, target)?;
                    // A few pages: kept whole, like a single office's.
                    Ok((key, compressor.page(content_type, body, Copies::All)))
                })
                .collect()
        });
        let mut directory = Directory {
            base_url: base.clone(),
            target,
            pages: HashMap::new(),
            errors: HashMap::new(),
            compressor: compressor.clone(),
            sites: Vec::new(),
            combined: OnceLock::new(),
        };
        for result in done {
            match result? {
                (Key::Path(path), page) => {
                    directory.pages.insert(path, page);
                }
                (Key::Error(lang, kind), page) => {
                    directory.errors.insert((lang, kind), page);
                }
            }
        }
        compressor.forget_dropped_pages();
        Ok(directory)
    }

    /// The page at `path`, if the directory has one.
    pub fn page(&self, path: &str) -> Option<&Page> {
        self.pages.get(path).map(|p| &**p)
    }

    /// Every path the directory answers, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.pages.keys().map(String::as_str).collect();
        paths.sort_unstable();
        paths
    }

    /// The pre-rendered error page of `kind` in `lang`.
    pub fn error_page(&self, lang: Lang, kind: ErrorKind) -> &Page {
        // of_offices renders every (lang, kind) pair.
        &self.errors[&(lang, kind)]
    }

    /// A static file by its fingerprinted name, as [`Site::asset`].
    pub fn asset(&self, name: &str) -> Option<&Page> {
        self.compressor.assets().get(name)
    }

    fn all_pages(&self) -> impl Iterator<Item = &Arc<Page>> {
        self.pages.values().chain(self.errors.values())
    }

    /// Makes every page's smallest copies now, on every core.
    pub fn finish_all(&self) {
        let pending = (self.all_pages().map(|p| &**p))
            .filter(|p| !p.is_finished())
            .collect();
        self.compressor.finish_now(pending);
    }

    /// Starts the work a new directory leaves for later: the index of
    /// every office's services (a search that comes first waits for it),
    /// and the smallest copies of its pages at low priority, the home
    /// pages first, as [`Site::prepare_in_background`] does.
    pub fn prepare_in_background(self: &Arc<Self>) {
        let directory = Arc::downgrade(self);
        self.compressor.spawn(move || {
            if let Some(directory) = directory.upgrade() {
                directory.combined();
            }
        });
        let first: Vec<String> = Lang::ALL.into_iter().map(urls::home).collect();
        self.compressor
            .finish_pages_later(self.pages.iter(), self.errors.values(), &first);
    }

    /// The search page for `query` over the services of `offices`, the
    /// offices as served now (rendered per request: it depends on the
    /// query, and on each office's charter of the moment).
    ///
    /// The best of all offices come first, then (among equals) in the
    /// order of `offices` and of each charter; only the services listed
    /// are marked. When none is found, the closest names of all offices
    /// are offered. The first search (or [`Directory::prepare_in_background`])
    /// makes the index of every office's services the directory keeps
    /// ([`search`]).
    pub fn search_page(
        &self,
        offices: &[Listed],
        lang: Lang,
        query: &str,
    ) -> Result<String, RenderError> {
        let query = super::search::asked(query);
        let views: Vec<Office> = offices.iter().map(Listed::office).collect();
        let outcome = search::search(self.combined(), offices, &views, lang, query);
        let cx = view::Context::new(&views, &self.base_url, lang, Target::Server);
        view::search::page(cx, query, &outcome)
    }

    /// The index of every office's services, made now unless it was made
    /// already; `None` for a directory made from charters alone.
    fn combined(&self) -> Option<&Combined> {
        self.combined
            .get_or_init(|| {
                // An office reloaded since is searched with its own index.
                let sites: Vec<(String, Arc<Site>)> = (self.sites.iter())
                    .filter_map(|(id, site)| Some((id.clone(), site.upgrade()?)))
                    .collect();
                (!sites.is_empty()).then(|| Combined::new(&sites))
            })
            .as_ref()
    }
}
