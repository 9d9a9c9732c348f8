//! The whole site, rendered once per charter load: every page in both
//! languages, each with its gzip and brotli copies and its ETag. Serving a
//! page is then a lookup; `charter build` writes the same bytes to disk.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::SystemTime;

use bytes::Bytes;

use crate::charter::{Charter, Loaded};
use crate::i18n::Lang;
use crate::open_data::{self, BaseUrl};
use crate::render::{self, ErrorKind, RenderError};
use crate::search::SearchIndex;
use crate::{assets, urls};

/// One response body in its three encodings.
#[derive(Debug, Clone)]
pub struct Page {
    /// MIME type.
    pub content_type: &'static str,
    /// The bytes as rendered.
    pub identity: Bytes,
    /// gzip, level [`GZIP_LEVEL`].
    pub gzip: Bytes,
    /// brotli, quality [`BROTLI_QUALITY`].
    pub brotli: Bytes,
    /// Strong validator of the content (shared by the encodings, each of
    /// which adds its own suffix when sent).
    pub etag: String,
}

impl Page {
    /// Compresses `body` once, for every request to come.
    pub fn new(content_type: &'static str, body: impl Into<Bytes>) -> Page {
        if !compressible(content_type) {
            return Page::identity_only(content_type, body);
        }
        let identity: Bytes = body.into();
        let hash = crate::charter::hex_sha256(&identity);
        Page {
            content_type,
            gzip: fitted(gzip(&identity)),
            brotli: fitted(brotli(&identity)),
            etag: hash[..20].to_string(),
            identity,
        }
    }
}

impl Page {
    /// A body sent uncompressed (per-request pages such as search results,
    /// where compressing would cost more than it saves).
    pub fn identity_only(content_type: &'static str, body: impl Into<Bytes>) -> Page {
        let identity: Bytes = body.into();
        Page {
            content_type,
            etag: crate::charter::hex_sha256(&identity)[..20].to_string(),
            identity,
            gzip: Bytes::new(),
            brotli: Bytes::new(),
        }
    }
}

/// Text compresses; fonts (WOFF2 is brotli inside) and images do not, and
/// compressing them again only costs load time.
fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/xml")
        || content_type.starts_with("image/svg+xml")
}

/// brotli quality for every page. A site is compressed whole at each load,
/// so this is paid on every start and reload: with 1,000 services (2,000
/// pages, 14 MB of HTML) quality 11 takes about 30 s of CPU, quality 5 about
/// 0.7 s, for a body 10-15% larger on small pages (and smaller than quality
/// 11 on the largest, very repetitive ones, where quality 11 is slowest).
/// Quality 6 costs 25% more time than 5 for 0.4% less; 7 and up cost
/// several times more for 1%.
pub const BROTLI_QUALITY: i32 = 5;

/// gzip level: 9 costs 40% more time than 6 for 0.2% smaller pages.
pub const GZIP_LEVEL: u32 = 6;

fn gzip(data: &[u8]) -> Vec<u8> {
    let out = Vec::with_capacity(data.len() / 3);
    let mut enc = flate2::write::GzEncoder::new(out, flate2::Compression::new(GZIP_LEVEL));
    // Writing to a Vec cannot fail.
    enc.write_all(data).expect("gzip into memory");
    enc.finish().expect("gzip into memory")
}

fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 4);
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        // A window just large enough for the page; not below 2^17, where
        // this encoder switches to a hasher that is many times slower on
        // small pages.
        lgwin: (data.len().max(1 << 16).ilog2() as i32 + 1).clamp(16, 24),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).expect("brotli into memory");
    out
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
    /// The public base URL absolute links start with.
    pub base_url: BaseUrl,
    pages: HashMap<String, Page>,
    errors: HashMap<(Lang, ErrorKind), Page>,
    search: SearchIndex<usize>,
}

impl Site {
    /// Renders and compresses every page of `loaded`, with absolute links
    /// on the charter's own website.
    pub fn build(loaded: Loaded) -> Result<Site, RenderError> {
        Site::build_with_base(loaded, None)
    }

    /// Like [`Site::build`], with absolute links on `base` when given
    /// (`--base-url`).
    pub fn build_with_base(loaded: Loaded, base: Option<BaseUrl>) -> Result<Site, RenderError> {
        let charter = loaded.charter;
        let base = base.unwrap_or_else(|| BaseUrl::from_charter(&charter));
        let mut bodies: Vec<Body> = Vec::new();
        for p in render::render_pages(&charter, &base)? {
            // A service page's QR code is drawn once, for the page and for
            // its own address.
            if let Some((path, svg)) = p.qr {
                bodies.push((Some(path), None, SVG, svg));
            }
            bodies.push((Some(p.path), None, HTML, p.html));
        }
        for lang in Lang::ALL {
            for kind in ErrorKind::ALL {
                let html = render::render_error(&charter, &base, lang, kind)?;
                bodies.push((None, Some((lang, kind)), HTML, html));
            }
        }
        bodies.push((
            Some(urls::api_charter()),
            None,
            JSON,
            open_data::charter_json(&charter, &base),
        ));
        for s in &charter.services {
            let slug = s.slug.get_ref();
            bodies.push((
                Some(urls::api_service(slug)),
                None,
                JSON,
                open_data::service_json(&charter, s, &base),
            ));
        }
        bodies.push((
            Some(urls::SITEMAP.to_string()),
            None,
            XML,
            open_data::sitemap(&charter, &base),
        ));
        bodies.push((
            Some(urls::ROBOTS.to_string()),
            None,
            TEXT,
            open_data::robots(&base),
        ));
        // The search index needs no page: build it while the pages compress.
        let (compressed, search) = std::thread::scope(|scope| {
            let search = scope.spawn(|| {
                SearchIndex::new(
                    charter
                        .services
                        .iter()
                        .enumerate()
                        .map(|(i, s)| (i, search_fields(&charter, s)))
                        .collect::<Vec<_>>(),
                )
            });
            let compressed = compress_all(bodies);
            let search = search.join().expect("search index thread panicked");
            (compressed, search)
        });
        let mut pages = HashMap::with_capacity(compressed.len());
        let mut errors = HashMap::new();
        for (path, error, page) in compressed {
            match (path, error) {
                (Some(path), _) => {
                    pages.insert(path, page);
                }
                (None, Some(key)) => {
                    errors.insert(key, page);
                }
                (None, None) => {}
            }
        }
        Ok(Site {
            charter,
            content_hash: loaded.content_hash,
            loaded_at: SystemTime::now(),
            base_url: base,
            pages,
            errors,
            search,
        })
    }

    /// The page at `path`, if the site has one.
    pub fn page(&self, path: &str) -> Option<&Page> {
        self.pages.get(path)
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
            .search
            .search(query)
            .into_iter()
            .map(|&i| &self.charter.services[i])
            .collect();
        render::render_search(&self.charter, &self.base_url, lang, query, &found)
    }
}

/// Every text of a service in both languages, plus its officer, for search.
fn search_fields(charter: &Charter, s: &crate::charter::Service) -> Vec<String> {
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

/// A body to compress: its path (or error-page key), content type and text.
type Body = (
    Option<String>,
    Option<(Lang, ErrorKind)>,
    &'static str,
    String,
);

/// A compressed body with its path (or error-page key).
type Compressed = (Option<String>, Option<(Lang, ErrorKind)>, Page);

/// Compresses pages on every core. Each thread takes the next page from one
/// queue, largest first, so that no core is left alone with a large page at
/// the end.
fn compress_all(mut bodies: Vec<Body>) -> Vec<Compressed> {
    bodies.sort_unstable_by_key(|(_, _, _, body)| std::cmp::Reverse(body.len()));
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(bodies.len());
    let queue = Mutex::new(bodies.into_iter());
    let work = || {
        let mut done = Vec::new();
        loop {
            // Taking an item cannot panic halfway, so a queue poisoned by a
            // panic elsewhere is still whole.
            let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((path, key, content_type, text)) = next else {
                return done;
            };
            let mut body = text;
            // Rendering leaves spare capacity; the site keeps the text.
            body.shrink_to_fit();
            done.push((path, key, Page::new(content_type, body)));
        }
    };
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            all.extend(helper.join().expect("compression thread panicked"));
        }
        all
    })
}
