//! A page: one response body with its ETag and its compressed copies.
//!
//! A page is made with a quick gzip copy ([`QUICK_GZIP_LEVEL`]) so that it
//! can be served at once; its smallest copies (brotli 11, gzip 9) are made
//! later by [`Page::finish`], which the [`Compressor`](super::Compressor)
//! calls in the background, and replace the quick one.
//!
//! A page may also keep only its brotli copy ([`Copies::Brotli`], a
//! server of many offices, where the others would be most of its memory):
//! a client that takes gzip but not br then gets a gzip copy made for it
//! from the brotli one, and a client that takes neither the brotli copy
//! decoded.

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use arc_swap::ArcSwapOption;
use bytes::Bytes;
use sha2::{Digest, Sha256};

use crate::encoding::{self, Accepted, Encoding, GZIP_LEVEL, MADE_GZIP_LEVEL, QUICK_GZIP_LEVEL};

mod sent;

use sent::{Choice, Headers, MADE_GZIP_SUFFIX};
pub use sent::{Chosen, Encoded};

/// MIME types of the pages a site holds.
pub const HTML: &str = "text/html; charset=utf-8";
pub(crate) const JSON: &str = "application/json";
pub(crate) const XML: &str = "application/xml; charset=utf-8";
pub(crate) const SVG: &str = "image/svg+xml";
pub(crate) const TEXT: &str = "text/plain; charset=utf-8";

/// Which copies of its pages a site keeps once their smallest copies are
/// made (until then each has its quick gzip copy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Copies {
    /// The bytes as rendered, brotli and gzip: every client gets a copy
    /// kept, as nginx would send a static file. A single office keeps them.
    #[default]
    All,
    /// The brotli copy only, the smallest: for a server of many offices,
    /// whose memory the other copies would mostly take. Nearly every
    /// browser takes br; a client that takes gzip and not br (some
    /// crawlers, scripts, a plain-HTTP link) gets gzip made for its
    /// request from the brotli copy (about a tenth to a fifth of a
    /// millisecond for a page of ours), and a client that takes neither,
    /// the brotli copy decoded. A page over [`MADE_GZIP_MAX`] keeps its
    /// gzip copy too.
    Brotli,
}

/// One response body and its compressed copies.
#[derive(Debug)]
pub struct Page {
    /// MIME type.
    pub content_type: &'static str,
    /// The bytes as rendered; `None` when the page keeps only its
    /// compressed copies ([`Copies::Brotli`]: [`Page::identity`] then
    /// decodes one).
    identity: Option<Bytes>,
    /// The length of the bytes as rendered, kept or not.
    identity_len: usize,
    compressible: bool,
    /// Kept with a site (not made for one request): worth making its
    /// smallest copies for a client that accepts nothing else.
    lasting: bool,
    /// Whether its smallest copies include gzip 9 (see [`Copies`]).
    keeps_gzip: bool,
    /// ETag and Content-Length of the uncompressed bytes, then of the quick
    /// copy when there is one.
    headers: Headers,
    /// brotli 11 and gzip 9 (brotli only with [`Copies::Brotli`]), made
    /// once ([`Page::finish`]).
    best: OnceLock<Compressed>,
    /// gzip 1, sent until `best` is ready, then dropped.
    quick: ArcSwapOption<Bytes>,
}

/// A page's smallest copies, with their header values: all in one block,
/// as a site keeps one for each of its pages for as long as it is served.
#[derive(Debug)]
pub struct Compressed {
    /// brotli, quality [`encoding::BROTLI_QUALITY`].
    pub brotli: Bytes,
    /// gzip, level [`GZIP_LEVEL`]; empty with [`Copies::Brotli`].
    pub gzip: Bytes,
    /// brotli's ETag and length, then gzip's (if kept).
    headers: Headers,
}

/// ETag suffixes of the copies, for [`Page::matches_etag`].
const ETAG_SUFFIXES: [&str; 5] = ["", "-br", "-gz", "-gz1", MADE_GZIP_SUFFIX];

/// With [`Copies::Brotli`], a page larger than this keeps its gzip copy
/// all the same: made for each request, it would take a millisecond or
/// more of CPU (about 0.4 ms per 100 KB at level 6), and pages this large
/// are few (the list of services of an office of hundreds).
const MADE_GZIP_MAX: usize = 256 * 1024;

/// Hex digits of a page's ETag (of its SHA-256): enough that two versions
/// of a page never share one.
const ETAG_LEN: usize = 20;

impl Page {
    /// A page compressed at the best levels right away (static files, the
    /// static copy's own files).
    pub fn new(content_type: &'static str, body: impl Into<Bytes>) -> Page {
        let page = Page::unfinished(content_type, body.into(), None, false, Copies::All);
        page.finish();
        page
    }

    /// A page rendered for one request (search results): with its quick
    /// gzip copy only, as the smallest copies would take longer to make
    /// than to send.
    pub fn rendered_now(content_type: &'static str, body: String) -> Page {
        Page {
            lasting: false,
            ..Page::unfinished(content_type, body.into(), None, true, Copies::All)
        }
    }

    /// A body sent as it is (fonts, compressed already).
    pub fn identity_only(content_type: &'static str, body: impl Into<Bytes>) -> Page {
        let identity: Bytes = body.into();
        let etag = &crate::charter::hex(&hash(&identity))[..ETAG_LEN];
        Page {
            content_type,
            headers: Headers::new(etag, &[("", identity.len())]),
            identity_len: identity.len(),
            identity: Some(identity),
            compressible: false,
            lasting: true,
            keeps_gzip: false,
            best: OnceLock::new(),
            quick: ArcSwapOption::empty(),
        }
    }

    /// A page with no copies yet but, when `quick` is set, the quick gzip.
    /// `digest` is the SHA-256 of `identity` when the caller has it already.
    /// With [`Copies::Brotli`], a page with a quick copy keeps that copy
    /// instead of `identity`: from the start, so that a server loading many
    /// offices at once never holds all their pages uncompressed.
    pub(crate) fn unfinished(
        content_type: &'static str,
        identity: Bytes,
        digest: Option<[u8; 32]>,
        quick: bool,
        copies: Copies,
    ) -> Page {
        let digest = digest.unwrap_or_else(|| hash(&identity));
        let compressible = encoding::compressible(content_type);
        let etag = &crate::charter::hex(&digest)[..ETAG_LEN];
        let quick = (compressible && quick).then(|| {
            with_scratch(|gzip, _| {
                encoding::gzip_into(&identity, QUICK_GZIP_LEVEL, gzip);
                Bytes::copy_from_slice(gzip)
            })
        });
        let mut tags = vec![("", identity.len())];
        tags.extend(quick.as_ref().map(|q| ("-gz1", q.len())));
        Page {
            content_type,
            headers: Headers::new(etag, &tags),
            identity_len: identity.len(),
            keeps_gzip: copies == Copies::All || identity.len() > MADE_GZIP_MAX,
            identity: (copies == Copies::All || quick.is_none()).then_some(identity),
            compressible,
            lasting: true,
            best: OnceLock::new(),
            quick: ArcSwapOption::new(quick.map(Arc::new)),
        }
    }

    /// Strong validator of the content (shared by the copies, each of
    /// which adds its own suffix when sent): hex digits, without quotes.
    pub fn etag(&self) -> &str {
        let quoted = &self.headers.values[..usize::from(self.headers.ends[0])];
        std::str::from_utf8(&quoted[1..1 + ETAG_LEN]).expect("hex digits")
    }

    /// The bytes as rendered: kept, or decoded from the page's brotli
    /// copy, or from its quick copy until that is made.
    pub fn identity(&self) -> Bytes {
        if let Some(identity) = &self.identity {
            return identity.clone();
        }
        // Not cached: a client that takes neither br nor gzip is rare (a
        // script, a health check), a page decodes faster than a network
        // carries the result, and any copy kept would be memory held for
        // it by every page of every office. `finish` sets `best` before it
        // drops the quick copy: a page without one has the other.
        let identity = match self.quick.load_full() {
            Some(quick) if self.best.get().is_none() => encoding::gunzip(&quick, self.identity_len),
            _ => {
                let best = self.best.get().expect("set before quick is dropped");
                encoding::unbrotli(&best.brotli, self.identity_len)
            }
        };
        let identity = identity.expect("a page's own copy decodes");
        debug_assert_eq!(identity.len(), self.identity_len);
        identity.into()
    }

    /// The length of the bytes as rendered.
    pub fn identity_len(&self) -> usize {
        self.identity_len
    }

    /// Whether the page holds its bytes as rendered (rather than decoding
    /// them from a compressed copy when asked).
    pub fn keeps_identity(&self) -> bool {
        self.identity.is_some()
    }

    /// The smallest copies, made now unless they were made already (a
    /// caller that comes while another thread makes them waits for those).
    /// Empty for a page that is not compressed.
    pub fn finish(&self) -> &Compressed {
        let best = self.best.get_or_init(|| {
            let identity = if self.compressible {
                self.identity()
            } else {
                Bytes::new()
            };
            with_scratch(|brotli, gzip| {
                if self.compressible {
                    encoding::brotli_into(&identity, brotli);
                    if self.keeps_gzip {
                        encoding::gzip_into(&identity, GZIP_LEVEL, gzip);
                    }
                }
                let copies = [("-br", brotli.len()), ("-gz", gzip.len())];
                let copies = if self.keeps_gzip {
                    &copies[..]
                } else {
                    &copies[..1]
                };
                let (values, ends) = Headers::values(self.etag(), copies);
                let mut block = Vec::with_capacity(brotli.len() + gzip.len() + values.len());
                for part in [&brotli[..], &gzip[..], &values] {
                    block.extend_from_slice(part);
                }
                let block = Bytes::from(block);
                let gzip_at = brotli.len();
                let values_at = gzip_at + gzip.len();
                Compressed {
                    brotli: block.slice(..gzip_at),
                    gzip: block.slice(gzip_at..values_at),
                    headers: Headers {
                        values: block.slice(values_at..),
                        ends,
                    },
                }
            })
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
    /// `None` when it has none the client accepts. A site's page still
    /// waiting for its brotli copy makes it now for a client that accepts
    /// nothing else (a rare client, in the seconds after a load); a page
    /// made for one request never does (that would be a slow brotli for
    /// any client that asks).
    pub fn encoded(&self, accepted: &Accepted) -> Option<Encoded> {
        self.choose(accepted).map(Chosen::encoded)
    }

    /// The copy [`Page::encoded`] sends, not taken yet: for a client whose
    /// copy is current, its ETag is all that is needed.
    pub fn choose(&self, accepted: &Accepted) -> Option<Chosen<'_>> {
        let chosen = |choice| Some(Chosen { page: self, choice });
        if !self.compressible {
            // Fonts: as they are, whatever was asked.
            return chosen(Choice::Identity);
        }
        if let Some(best) = self.best.get() {
            return chosen(match accepted.best(&Encoding::ALL)? {
                Encoding::Brotli => Choice::Brotli(best),
                // A client that prefers gzip but takes br too gets the
                // copy kept rather than one made for it.
                Encoding::Gzip if best.gzip.is_empty() => {
                    match accepted.best(&[Encoding::Brotli]) {
                        Some(_) => Choice::Brotli(best),
                        None => Choice::GzipMade,
                    }
                }
                Encoding::Gzip => Choice::Gzip(best),
                Encoding::Identity => Choice::Identity,
            });
        }
        let quick = self.quick.load_full();
        let available: &[Encoding] = if quick.is_some() {
            &[Encoding::Gzip, Encoding::Identity]
        } else {
            &[Encoding::Identity]
        };
        match (accepted.best(available), quick) {
            (Some(Encoding::Gzip), Some(quick)) => chosen(Choice::Quick(quick)),
            (Some(_), _) => chosen(Choice::Identity),
            (None, _) if self.lasting && accepted.best(&Encoding::ALL).is_some() => {
                self.finish();
                self.choose(accepted)
            }
            (None, _) => None,
        }
    }

    /// True when `tag` (without quotes or `W/`) names any copy of this
    /// page: they all decode to the same bytes, so a client holding any of
    /// them has the current page.
    pub fn matches_etag(&self, tag: &str) -> bool {
        tag.strip_prefix(self.etag())
            .is_some_and(|suffix| ETAG_SUFFIXES.contains(&suffix))
    }

    /// The page's gzip copy, once its smallest copies are made: the one
    /// kept, or one made now from the brotli copy; empty for a page that
    /// is not compressed.
    pub fn gzip(&self) -> Bytes {
        let best = self.finish();
        if best.gzip.is_empty() && self.compressible {
            self.made_gzip()
        } else {
            best.gzip.clone()
        }
    }

    /// A gzip copy made now from the page's bytes, for a page that keeps
    /// none ([`MADE_GZIP_SUFFIX`] its tag).
    fn made_gzip(&self) -> Bytes {
        encoding::gzip(&self.identity(), MADE_GZIP_LEVEL).into()
    }

    /// Bytes kept in memory for this page, all copies.
    pub(crate) fn stored_bytes(&self) -> usize {
        let best = self.best.get().map_or(0, |b| b.brotli.len() + b.gzip.len());
        let quick = self.quick.load().as_ref().map_or(0, |q| q.len());
        self.identity.as_ref().map_or(0, Bytes::len) + best + quick
    }
}

/// SHA-256 of `bytes`.
pub(crate) fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

thread_local! {
    /// This thread's buffers to compress into, kept from page to page. A
    /// copy is then copied into a block of its own size, rather than kept
    /// in the buffer it grew in, shrunk: that leaves a small free block
    /// after each of the thousands a server of many offices keeps, which
    /// its allocator can seldom use again nor give back.
    static SCRATCH: RefCell<[Vec<u8>; 2]> = const { RefCell::new([Vec::new(), Vec::new()]) };
}

/// The most a scratch buffer keeps between pages: the compressed copies
/// of nearly every page fit, and a very large one's buffer is not kept.
const SCRATCH_KEPT: usize = 256 * 1024;

/// Runs `f` with this thread's two scratch buffers, empty.
fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>, &mut Vec<u8>) -> R) -> R {
    SCRATCH.with_borrow_mut(|[a, b]| {
        a.clear();
        b.clear();
        let result = f(a, b);
        for buffer in [a, b] {
            if buffer.capacity() > SCRATCH_KEPT {
                *buffer = Vec::new();
            }
        }
        result
    })
}

#[cfg(test)]
mod tests;
