//! The whole site, rendered once per charter load: every page in both
//! languages, each with its ETag and compressed copies. Serving a page is
//! then a lookup; `charter build` writes the same bytes to disk.
//!
//! A load renders every page on every core and gives each a quick gzip
//! copy ([`QUICK_GZIP_LEVEL`]), so that even a 1,000-service charter is
//! served within a second. The smallest copies, brotli 11 and gzip 9, take
//! a minute of CPU for such a charter; threads at low priority make them
//! after the load and each page switches to them as soon as they are ready
//! ([`Site::finish_in_background`]). `charter build` waits for all of them
//! ([`Site::finish_all`]).
//!
//! A page whose bytes equal those of a page already loaded is that same
//! page, compressed copies and all: a reload after an edit to one service
//! renders everything again but compresses only the pages whose bytes
//! changed.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Condvar, LazyLock, Mutex, OnceLock, PoisonError, Weak};
use std::time::{Duration, Instant, SystemTime};

use arc_swap::ArcSwapOption;
use bytes::Bytes;
use http::HeaderValue;
use sha2::{Digest, Sha256};

use crate::assets;
use crate::charter::{Charter, Loaded, Service};
use crate::encoding::{self, Accepted, Encoding, GZIP_LEVEL, QUICK_GZIP_LEVEL};
use crate::i18n::Lang;
use crate::render::open_data;
use crate::render::{self, ErrorKind, RenderError, Target};
use crate::search::SearchIndex;
use crate::urls::{self, BaseUrl};

/// One response body and its compressed copies.
#[derive(Debug)]
pub struct Page {
    /// MIME type.
    pub content_type: &'static str,
    /// The bytes as rendered.
    pub identity: Bytes,
    /// Strong validator of the content (shared by the encodings, each of
    /// which adds its own suffix when sent).
    pub etag: String,
    compressible: bool,
    identity_headers: Headers,
    /// brotli 11 and gzip 9, made once ([`Page::finish`]).
    best: OnceLock<Compressed>,
    /// gzip 1, sent until `best` is ready, then dropped.
    quick: ArcSwapOption<(Bytes, Headers)>,
}

/// A copy's ETag and Content-Length, made once with the copy: a request
/// only clones them.
#[derive(Debug, Clone)]
struct Headers {
    etag: HeaderValue,
    length: HeaderValue,
}

impl Headers {
    fn new(etag: &str, suffix: &str, body: &[u8]) -> Headers {
        Headers {
            etag: HeaderValue::try_from(format!("\"{etag}{suffix}\""))
                .expect("a hex ETag is a valid header value"),
            length: HeaderValue::from(body.len()),
        }
    }
}

/// A page's smallest copies.
#[derive(Debug)]
pub struct Compressed {
    /// brotli, quality [`encoding::BROTLI_QUALITY`].
    pub brotli: Bytes,
    /// gzip, level [`GZIP_LEVEL`].
    pub gzip: Bytes,
    brotli_headers: Headers,
    gzip_headers: Headers,
}

/// A page as sent in one content coding.
#[derive(Debug)]
pub struct Encoded {
    /// The bytes to send.
    pub body: Bytes,
    /// The `Content-Encoding`, if any.
    pub coding: Option<&'static str>,
    /// The `ETag` value, quoted: the page's tag with a suffix for the
    /// copy (each copy's bytes differ, so each has its own tag).
    pub etag: HeaderValue,
    /// The `Content-Length` value.
    pub length: HeaderValue,
}

/// ETag suffixes of the copies, for [`Page::matches_etag`].
const ETAG_SUFFIXES: [&str; 4] = ["", "-br", "-gz", "-gz1"];

impl Page {
    /// A page compressed at the best levels right away (static files, the
    /// static copy's own files).
    pub fn new(content_type: &'static str, body: impl Into<Bytes>) -> Page {
        let page = Page::unfinished(content_type, body.into(), None, false);
        page.finish();
        page
    }

    /// A body sent uncompressed (per-request pages such as search results,
    /// where compressing would cost more than it saves).
    pub fn identity_only(content_type: &'static str, body: impl Into<Bytes>) -> Page {
        let identity: Bytes = body.into();
        let etag = crate::charter::hex_sha256(&identity)[..20].to_string();
        Page {
            content_type,
            identity_headers: Headers::new(&etag, "", &identity),
            etag,
            identity,
            compressible: false,
            best: OnceLock::new(),
            quick: ArcSwapOption::empty(),
        }
    }

    /// A page with no copies yet but, when `quick` is set, the quick gzip.
    /// `digest` is the SHA-256 of `identity` when the caller has it already.
    fn unfinished(
        content_type: &'static str,
        identity: Bytes,
        digest: Option<[u8; 32]>,
        quick: bool,
    ) -> Page {
        let digest = digest.unwrap_or_else(|| hash(&identity));
        let compressible = encoding::compressible(content_type);
        let etag = crate::charter::hex(&digest)[..20].to_string();
        let quick = (compressible && quick).then(|| {
            let gzip = fitted(encoding::gzip(&identity, QUICK_GZIP_LEVEL));
            let headers = Headers::new(&etag, "-gz1", &gzip);
            Arc::new((gzip, headers))
        });
        Page {
            content_type,
            identity_headers: Headers::new(&etag, "", &identity),
            etag,
            identity,
            compressible,
            best: OnceLock::new(),
            quick: ArcSwapOption::new(quick),
        }
    }

    /// The smallest copies, made now unless they were made already (a
    /// caller that comes while another thread makes them waits for those).
    /// Empty for a page that is not compressed.
    pub fn finish(&self) -> &Compressed {
        let best = self.best.get_or_init(|| {
            let (brotli, gzip) = if self.compressible {
                (
                    fitted(encoding::brotli(&self.identity)),
                    fitted(encoding::gzip(&self.identity, GZIP_LEVEL)),
                )
            } else {
                (Bytes::new(), Bytes::new())
            };
            Compressed {
                brotli_headers: Headers::new(&self.etag, "-br", &brotli),
                gzip_headers: Headers::new(&self.etag, "-gz", &gzip),
                brotli,
                gzip,
            }
        });
        // The quick copy is not sent any more.
        self.quick.store(None);
        best
    }

    /// True when the page has its smallest copies (or needs none).
    pub fn is_finished(&self) -> bool {
        !self.compressible || self.best.get().is_some()
    }

    /// The page in the coding `accepted` prefers among those it has now;
    /// `None` when it has none the client accepts. A page still waiting
    /// for its brotli copy makes it now for a client that accepts nothing
    /// else (a rare client, in the seconds after a load).
    pub fn encoded(&self, accepted: &Accepted) -> Option<Encoded> {
        let identity = || Encoded {
            body: self.identity.clone(),
            coding: None,
            etag: self.identity_headers.etag.clone(),
            length: self.identity_headers.length.clone(),
        };
        if !self.compressible {
            // Fonts and search pages: as they are, whatever was asked.
            return Some(identity());
        }
        if let Some(best) = self.best.get() {
            return Some(match accepted.best(&Encoding::ALL)? {
                Encoding::Brotli => Encoded {
                    body: best.brotli.clone(),
                    coding: Some("br"),
                    etag: best.brotli_headers.etag.clone(),
                    length: best.brotli_headers.length.clone(),
                },
                Encoding::Gzip => Encoded {
                    body: best.gzip.clone(),
                    coding: Some("gzip"),
                    etag: best.gzip_headers.etag.clone(),
                    length: best.gzip_headers.length.clone(),
                },
                Encoding::Identity => identity(),
            });
        }
        let quick = self.quick.load_full();
        let available: &[Encoding] = if quick.is_some() {
            &[Encoding::Gzip, Encoding::Identity]
        } else {
            &[Encoding::Identity]
        };
        match (accepted.best(available), quick) {
            (Some(Encoding::Gzip), Some(quick)) => Some(Encoded {
                body: quick.0.clone(),
                coding: Some("gzip"),
                etag: quick.1.etag.clone(),
                length: quick.1.length.clone(),
            }),
            (Some(_), _) => Some(identity()),
            (None, _) if accepted.best(&Encoding::ALL).is_some() => {
                self.finish();
                self.encoded(accepted)
            }
            (None, _) => None,
        }
    }

    /// True when `tag` (without quotes or `W/`) names any copy of this
    /// page: they all decode to the same bytes, so a client holding any of
    /// them has the current page.
    pub fn matches_etag(&self, tag: &str) -> bool {
        tag.strip_prefix(self.etag.as_str())
            .is_some_and(|suffix| ETAG_SUFFIXES.contains(&suffix))
    }

    /// Bytes kept in memory for this page, all copies.
    fn stored_bytes(&self) -> usize {
        let best = self.best.get().map_or(0, |b| b.brotli.len() + b.gzip.len());
        let quick = self.quick.load().as_ref().map_or(0, |q| q.0.len());
        self.identity.len() + best + quick
    }
}

fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Compressed output without the spare capacity of a growing buffer: the
/// site keeps thousands of these for as long as it is served.
fn fitted(mut bytes: Vec<u8>) -> Bytes {
    bytes.shrink_to_fit();
    bytes.into()
}

const HTML: &str = "text/html; charset=utf-8";
const JSON: &str = "application/json";
const XML: &str = "application/xml; charset=utf-8";
const SVG: &str = "image/svg+xml";
const TEXT: &str = "text/plain; charset=utf-8";

/// The static files, compressed once for the life of the process.
static ASSET_PAGES: LazyLock<HashMap<String, Page>> = LazyLock::new(|| {
    assets::all()
        .iter()
        .map(|a| {
            let page = if a.compressible() {
                Page::new(a.content_type, a.bytes)
            } else {
                Page::identity_only(a.content_type, a.bytes)
            };
            (a.fingerprinted.clone(), page)
        })
        .collect()
});

/// A static file by its fingerprinted name.
pub fn asset(name: &str) -> Option<&'static Page> {
    ASSET_PAGES.get(name)
}

/// A rendered charter: what the server serves and `build` writes.
#[derive(Debug, Clone)]
pub struct Site {
    /// The charter the pages were made from.
    pub charter: Charter,
    /// Hex SHA-256 of the charter file.
    pub content_hash: String,
    /// When this charter was loaded.
    pub loaded_at: SystemTime,
    /// How long the load took: rendering, and reading and checking the
    /// file when the caller timed those too.
    pub load_time: Duration,
    /// The public base URL absolute links start with.
    pub base_url: BaseUrl,
    /// Whether the pages are the server's or the static copy's.
    pub target: Target,
    pages: HashMap<String, Arc<Page>>,
    errors: HashMap<(Lang, ErrorKind), Arc<Page>>,
    /// Built on first use ([`Site::search_index`]), which the server makes
    /// right after a load, off the path of serving pages.
    search: OnceLock<SearchIndex<usize>>,
}

/// Where a rendered body goes: a path of the site, or an error page.
#[derive(Debug)]
enum Key {
    Path(String),
    Error(Lang, ErrorKind),
}

/// One piece of rendering, done on whichever core is free.
#[derive(Debug, Clone, Copy)]
enum Job<'a> {
    /// Home, services and contact pages.
    LangPages(Lang),
    Service(Lang, &'a Service),
    Error(Lang, ErrorKind),
    CharterJson,
    ServiceJson(&'a Service),
    Sitemap,
    Robots,
}

impl Site {
    /// Renders every page of `loaded`, with absolute links on the
    /// charter's own website.
    pub fn build(loaded: Loaded) -> Result<Site, RenderError> {
        Site::build_with_base(loaded, None)
    }

    /// Like [`Site::build`], with absolute links on `base` when given
    /// (`--base-url`).
    pub fn build_with_base(loaded: Loaded, base: Option<BaseUrl>) -> Result<Site, RenderError> {
        Site::build_for(loaded, base, Target::Server)
    }

    /// Like [`Site::build_with_base`], with the pages made for `target`.
    pub fn build_for(
        loaded: Loaded,
        base: Option<BaseUrl>,
        target: Target,
    ) -> Result<Site, RenderError> {
        let base = base.unwrap_or_else(|| BaseUrl::from_charter(&loaded.charter));
        Site::render(loaded.charter, loaded.content_hash, base, target)
    }

    /// This site as the static copy shows it: the same pages, each with a
    /// link to the list of services where the server's pages have the
    /// search form. Pages whose bytes do not change are shared.
    pub fn static_copy(&self) -> Result<Site, RenderError> {
        Site::render(
            self.charter.clone(),
            self.content_hash.clone(),
            self.base_url.clone(),
            Target::StaticCopy,
        )
    }

    fn render(
        charter: Charter,
        content_hash: String,
        base: BaseUrl,
        target: Target,
    ) -> Result<Site, RenderError> {
        let start = Instant::now();
        // Largest first, so that no core is left alone with a large page
        // at the end.
        let mut jobs = vec![Job::CharterJson, Job::Sitemap];
        jobs.extend(Lang::ALL.map(Job::LangPages));
        for lang in Lang::ALL {
            jobs.extend(charter.services.iter().map(|s| Job::Service(lang, s)));
        }
        jobs.extend(charter.services.iter().map(Job::ServiceJson));
        for lang in Lang::ALL {
            jobs.extend(ErrorKind::ALL.map(|kind| Job::Error(lang, kind)));
        }
        jobs.push(Job::Robots);

        let done = on_every_core(jobs, |job| {
            let bodies = render_job(&charter, &base, target, job)?;
            Ok(bodies
                .into_iter()
                .map(|(key, content_type, body)| (key, shared_page(content_type, body)))
                .collect::<Vec<_>>())
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
        forget_dropped_pages();
        Ok(Site {
            charter,
            content_hash,
            loaded_at: SystemTime::now(),
            load_time: start.elapsed(),
            base_url: base,
            target,
            pages,
            errors,
            search: OnceLock::new(),
        })
    }

    /// The page at `path`, if the site has one.
    pub fn page(&self, path: &str) -> Option<&Page> {
        self.pages.get(path).map(|p| &**p)
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
        // Site::build renders every (lang, kind) pair.
        &self.errors[&(lang, kind)]
    }

    /// The search page for `query` (rendered per request: it depends on
    /// the query).
    pub fn search_page(&self, lang: Lang, query: &str) -> Result<String, RenderError> {
        let found: Vec<_> = self
            .search_index()
            .search(query)
            .into_iter()
            .map(|&i| &self.charter.services[i])
            .collect();
        render::render_search(&self.charter, &self.base_url, lang, query, &found)
    }

    /// The search index over every service's texts in both languages,
    /// built now unless it was built already.
    pub fn search_index(&self) -> &SearchIndex<usize> {
        self.search.get_or_init(|| {
            SearchIndex::new(
                self.charter
                    .services
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (i, search_fields(&self.charter, s)))
                    .collect::<Vec<_>>(),
            )
        })
    }

    fn all_pages(&self) -> impl Iterator<Item = &Arc<Page>> {
        self.pages.values().chain(self.errors.values())
    }

    /// Makes every page's smallest copies now, on every core (for `build`,
    /// which writes them, and for measuring).
    pub fn finish_all(&self) {
        let mut pending: Vec<&Page> = self
            .all_pages()
            .filter(|p| !p.is_finished())
            .map(|p| &**p)
            .collect();
        pending.sort_unstable_by_key(|p| std::cmp::Reverse(p.identity.len()));
        on_every_core(pending, |page| {
            page.finish();
        });
    }

    /// Has threads at low priority make every page's smallest copies, the
    /// pages people open first (home, services, contact) first, then the
    /// rest smallest first. The site is served meanwhile; each page
    /// switches when its copies are ready.
    pub fn finish_in_background(&self) {
        let first: Vec<String> = Lang::ALL
            .into_iter()
            .flat_map(|l| [urls::home(l), urls::services(l), urls::contact(l)])
            .collect();
        // (later, size, page): the first pages, then by size.
        let mut pending: Vec<(bool, usize, &Arc<Page>)> = self
            .pages
            .iter()
            .map(|(path, page)| (!first.contains(path), page))
            .chain(self.errors.values().map(|page| (true, page)))
            .filter(|(_, page)| !page.is_finished())
            .map(|(later, page)| (later, page.identity.len(), page))
            .collect();
        pending.sort_by_key(|&(later, size, _)| (later, size));
        finisher().add(
            pending
                .into_iter()
                .map(|(_, _, page)| Arc::downgrade(page))
                .collect(),
        );
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

/// The bodies one job renders, each with where it goes and its type.
fn render_job(
    charter: &Charter,
    base: &BaseUrl,
    target: Target,
    job: Job<'_>,
) -> Result<Vec<(Key, &'static str, String)>, RenderError> {
    Ok(match job {
        Job::LangPages(lang) => render::render_lang_pages(charter, base, lang, target)?
            .into_iter()
            .map(|p| (Key::Path(p.path), HTML, p.html))
            .collect(),
        Job::Service(lang, s) => {
            let p = render::render_service_page(charter, base, lang, target, s)?;
            let mut bodies = vec![(Key::Path(p.path), HTML, p.html)];
            // A service page's QR code is drawn once, for the page and
            // for its own address.
            if let Some((path, svg)) = p.qr {
                bodies.push((Key::Path(path), SVG, svg));
            }
            bodies
        }
        Job::Error(lang, kind) => vec![(
            Key::Error(lang, kind),
            HTML,
            render::render_error(charter, base, lang, target, kind)?,
        )],
        Job::CharterJson => vec![(
            Key::Path(urls::api_charter()),
            JSON,
            open_data::charter_json(charter, base),
        )],
        Job::ServiceJson(s) => vec![(
            Key::Path(urls::api_service(s.slug.get_ref())),
            JSON,
            open_data::service_json(charter, s, base),
        )],
        Job::Sitemap => vec![(
            Key::Path(urls::SITEMAP.to_string()),
            XML,
            open_data::sitemap(charter, base),
        )],
        Job::Robots => vec![(
            Key::Path(urls::ROBOTS.to_string()),
            TEXT,
            open_data::robots(base),
        )],
    })
}

/// Every text of a service in both languages, plus its officer, for search.
fn search_fields(charter: &Charter, s: &Service) -> Vec<String> {
    let mut fields = Vec::new();
    let mut push = |t: &crate::charter::Text| {
        fields.push(t.bn().to_string());
        if let Some(en) = &t.en {
            fields.push(en.get_ref().clone());
        }
    };
    push(&s.name);
    for block in [&s.delivery, &s.documents, &s.fee, &s.time_limit] {
        block.texts().iter().for_each(&mut push);
    }
    for id in [&s.officer, &s.senior_officer].into_iter().flatten() {
        if let Some(o) = charter.officer(id.get_ref()) {
            push(&o.name);
            push(&o.designation);
        }
    }
    fields.push(s.serial.get_ref().to_string());
    fields
}

/// Every page alive in the process, by type and content hash, so that a
/// load reuses a page (and the compression done for it) whose bytes have
/// not changed. Entries of pages no site holds any more are dropped after
/// each load.
static LIVE_PAGES: LazyLock<Mutex<HashMap<PageKey, Weak<Page>>>> = LazyLock::new(Mutex::default);

/// A page's content type and the SHA-256 of its bytes.
type PageKey = (&'static str, [u8; 32]);

/// The page for `body`: one alive with the same bytes, or a new one with
/// its quick copy.
fn shared_page(content_type: &'static str, mut body: String) -> Arc<Page> {
    let digest = hash(body.as_bytes());
    let key = (content_type, digest);
    let live = |key| {
        LIVE_PAGES
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .and_then(Weak::upgrade)
    };
    if let Some(page) = live(&key) {
        return page;
    }
    // Rendering leaves spare capacity; the site keeps the text.
    body.shrink_to_fit();
    let page = Arc::new(Page::unfinished(
        content_type,
        body.into(),
        Some(digest),
        true,
    ));
    LIVE_PAGES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key, Arc::downgrade(&page));
    page
}

fn forget_dropped_pages() {
    LIVE_PAGES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .retain(|_, page| page.strong_count() > 0);
}

/// Runs `f` on every item, on as many threads as there are cores; each
/// thread takes the next item from one queue, in order. The results come
/// back in no particular order.
fn on_every_core<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    let queue = Mutex::new(items.into_iter());
    let work = || {
        let mut done = Vec::new();
        loop {
            // Taking an item cannot panic halfway, so a queue poisoned by a
            // panic elsewhere is still whole.
            let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some(item) = next else {
                return done;
            };
            done.push(f(item));
        }
    };
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            all.extend(helper.join().expect("worker thread panicked"));
        }
        all
    })
}

/// The threads that make pages' smallest copies after a load: one per
/// core, at low CPU priority so that requests come first. Pages of the
/// latest load go to the front of the queue; pages no site holds any more
/// are skipped.
struct Finisher {
    queue: Mutex<VecDeque<Weak<Page>>>,
    more: Condvar,
}

fn finisher() -> &'static Finisher {
    static FINISHER: OnceLock<&'static Finisher> = OnceLock::new();
    FINISHER.get_or_init(|| {
        let finisher: &'static Finisher = Box::leak(Box::new(Finisher {
            queue: Mutex::default(),
            more: Condvar::new(),
        }));
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        for i in 0..threads {
            let spawned = std::thread::Builder::new()
                .name(format!("compress-{i}"))
                .spawn(move || finisher.run());
            if let Err(e) = spawned {
                // Pages keep their quick copies; nothing else is lost.
                tracing::warn!("cannot start a compression thread: {e}");
            }
        }
        finisher
    })
}

impl Finisher {
    fn add(&self, pages: Vec<Weak<Page>>) {
        if pages.is_empty() {
            return;
        }
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        for page in pages.into_iter().rev() {
            queue.push_front(page);
        }
        self.more.notify_all();
    }

    fn run(&self) {
        lower_priority();
        loop {
            let next = {
                let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
                loop {
                    if let Some(page) = queue.pop_front() {
                        break page;
                    }
                    queue = self
                        .more
                        .wait(queue)
                        .unwrap_or_else(PoisonError::into_inner);
                }
            };
            if let Some(page) = next.upgrade() {
                // A panic in a compressor (none is known) costs that page
                // its smallest copies, not the process this thread.
                let finished = std::panic::catch_unwind(|| {
                    page.finish();
                });
                if finished.is_err() {
                    tracing::error!("compressing a page failed; it keeps its quick copy");
                }
            }
        }
    }
}

/// Lets the calling thread run only when request handling leaves a core
/// free (Linux: nice 10 for this thread alone).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its arguments; on Linux, `who` 0 with
    // PRIO_PROCESS is the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted(value: &str) -> Accepted {
        Accepted::parse(Some(value))
    }

    #[test]
    fn quick_gzip_until_finished_then_brotli() {
        let text = format!("<p>{}</p>", "সেবা ".repeat(500));
        let page = Page::unfinished(HTML, text.clone().into(), None, true);
        assert!(!page.is_finished());
        let sent = page.encoded(&accepted("br, gzip")).unwrap();
        assert_eq!(sent.coding, Some("gzip"));
        assert_eq!(sent.etag, format!("\"{}-gz1\"", page.etag));
        let quick_len = sent.body.len();

        page.finish();
        assert!(page.is_finished());
        let br = page.encoded(&accepted("br, gzip")).unwrap();
        assert_eq!(br.coding, Some("br"));
        assert_eq!(br.etag, format!("\"{}-br\"", page.etag));
        let gz = page.encoded(&accepted("gzip")).unwrap();
        assert_eq!(gz.coding, Some("gzip"));
        assert_eq!(gz.etag, format!("\"{}-gz\"", page.etag));
        assert!(
            gz.body.len() <= quick_len,
            "{} > {quick_len}",
            gz.body.len()
        );
        assert!(page.quick.load().is_none(), "the quick copy is dropped");
        for suffix in ETAG_SUFFIXES {
            assert!(page.matches_etag(&format!("{}{suffix}", page.etag)));
        }
        assert!(!page.matches_etag(&format!("{}-xx", page.etag)));
        assert!(!page.matches_etag("0123456789"));
    }

    #[test]
    fn a_client_taking_only_brotli_gets_it_before_the_background_does() {
        let page = Page::unfinished(HTML, "<p>x</p>".repeat(50).into(), None, true);
        let sent = page.encoded(&accepted("br, identity;q=0")).unwrap();
        assert_eq!(sent.coding, Some("br"));
        assert!(page.is_finished());
        assert!(page.encoded(&accepted("identity;q=0")).is_none());
    }

    #[test]
    fn pages_with_the_same_bytes_are_one_page() {
        let body = format!("<p>shared {:?}</p>", std::time::Instant::now());
        let a = shared_page(HTML, body.clone());
        let b = shared_page(HTML, body.clone());
        assert!(Arc::ptr_eq(&a, &b));
        // Another type is another page.
        let c = shared_page(TEXT, body.clone());
        assert!(!Arc::ptr_eq(&a, &c));
        // Once no one holds it, a page is made afresh.
        let etag = a.etag.clone();
        drop((a, b));
        forget_dropped_pages();
        let d = shared_page(HTML, body);
        assert_eq!(d.etag, etag);
        assert!(!d.is_finished());
    }

    #[test]
    fn fonts_and_search_pages_go_as_they_are() {
        let font = Page::identity_only("font/woff2", &b"wOF2"[..]);
        for accept in ["br", "gzip", "br, identity;q=0"] {
            let sent = font.encoded(&accepted(accept)).unwrap();
            assert_eq!(sent.coding, None, "{accept}");
            assert_eq!(&sent.body[..], b"wOF2");
        }
    }
}
