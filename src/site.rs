//! The whole site, rendered once per charter load: every page in both
//! languages, each with its gzip and brotli copies and its ETag. Serving a
//! page is then a lookup; `charter build` writes the same bytes to disk.

use std::collections::HashMap;
use std::io::Write;
use std::sync::LazyLock;
use std::time::SystemTime;

use bytes::Bytes;

use crate::assets;
use crate::charter::{Charter, Loaded};
use crate::i18n::Lang;
use crate::render::{self, ErrorKind, RenderError};
use crate::search::SearchIndex;

/// One response body in its three encodings.
#[derive(Debug, Clone)]
pub struct Page {
    /// MIME type.
    pub content_type: &'static str,
    /// The bytes as rendered.
    pub identity: Bytes,
    /// gzip, level 9.
    pub gzip: Bytes,
    /// brotli, quality 11.
    pub brotli: Bytes,
    /// Strong validator of the content (shared by the encodings, each of
    /// which adds its own suffix when sent).
    pub etag: String,
}

impl Page {
    /// Compresses `body` once, for every request to come.
    pub fn new(content_type: &'static str, body: impl Into<Bytes>) -> Page {
        let identity: Bytes = body.into();
        let hash = crate::charter::hex_sha256(&identity);
        Page {
            content_type,
            gzip: gzip(&identity).into(),
            brotli: brotli(&identity).into(),
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

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    enc.write_all(data).expect("gzip into memory");
    enc.finish().expect("gzip into memory")
}

fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        // A window just large enough for the page keeps quality 11 fast on
        // small pages without costing any ratio.
        lgwin: (data.len().max(1 << 16).ilog2() as i32 + 1).clamp(16, 24),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).expect("brotli into memory");
    out
}

const HTML: &str = "text/html; charset=utf-8";

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
#[derive(Debug)]
pub struct Site {
    /// The charter the pages were made from.
    pub charter: Charter,
    /// Hex SHA-256 of the charter file.
    pub content_hash: String,
    /// When this charter was loaded.
    pub loaded_at: SystemTime,
    pages: HashMap<String, Page>,
    errors: HashMap<(Lang, ErrorKind), Page>,
    search: SearchIndex<usize>,
}

impl Site {
    /// Renders and compresses every page of `loaded`.
    pub fn build(loaded: Loaded) -> Result<Site, RenderError> {
        let charter = loaded.charter;
        let mut bodies: Vec<(Option<String>, Option<(Lang, ErrorKind)>, String)> = Vec::new();
        for p in render::render_pages(&charter)? {
            bodies.push((Some(p.path), None, p.html));
        }
        for lang in Lang::ALL {
            for kind in ErrorKind::ALL {
                bodies.push((
                    None,
                    Some((lang, kind)),
                    render::render_error(&charter, lang, kind)?,
                ));
            }
        }
        let compressed = compress_all(bodies);
        let mut pages = HashMap::new();
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
        let search = SearchIndex::new(
            charter
                .services
                .iter()
                .enumerate()
                .map(|(i, s)| (i, search_fields(&charter, s)))
                .collect::<Vec<_>>(),
        );
        Ok(Site {
            charter,
            content_hash: loaded.content_hash,
            loaded_at: SystemTime::now(),
            pages,
            errors,
            search,
        })
    }

    /// The page at `path`, if the site has one.
    pub fn page(&self, path: &str) -> Option<&Page> {
        self.pages.get(path)
    }

    /// Every page path, sorted (for `build` and the tests).
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.pages.keys().map(String::as_str).collect();
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
        render::render_search(&self.charter, lang, query, &found)
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

type Body<K> = (Option<String>, K, String);

/// Compresses pages on every core: brotli 11 is the slow part of a load.
fn compress_all<K: Send>(bodies: Vec<Body<K>>) -> Vec<(Option<String>, K, Page)> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = bodies.len().div_ceil(threads).max(1);
    let mut bodies = bodies;
    let mut chunks = Vec::new();
    while !bodies.is_empty() {
        let rest = bodies.split_off(chunk.min(bodies.len()));
        chunks.push(std::mem::replace(&mut bodies, rest));
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|(path, key, html)| (path, key, Page::new(HTML, html)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("compression thread panicked"))
            .collect()
    })
}
