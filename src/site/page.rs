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
use http::HeaderValue;
use sha2::{Digest, Sha256};

use crate::encoding::{self, Accepted, Encoding, GZIP_LEVEL, MADE_GZIP_LEVEL, QUICK_GZIP_LEVEL};

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
    /// the brotli copy decoded.
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
    /// ETag and Content-Length of the uncompressed bytes, then of the quick
    /// copy when there is one.
    headers: Headers,
    /// brotli 11 and gzip 9 (brotli only with [`Copies::Brotli`]), made
    /// once ([`Page::finish`]).
    best: OnceLock<Compressed>,
    /// gzip 1, sent until `best` is ready, then dropped.
    quick: ArcSwapOption<Bytes>,
}

/// The ETag and Content-Length values of up to two copies of a page, in
/// one buffer made with the copies: a request takes a slice of it, which
/// costs no more than cloning a value of its own would, and a site of
/// many pages keeps one small block per page instead of one per value.
#[derive(Debug)]
struct Headers {
    values: Bytes,
    /// Where each value ends in `values`: a copy's ETag, then its length,
    /// then the next copy's.
    ends: [u8; 4],
}

impl Headers {
    /// The values for `copies`, each its ETag suffix and its length, of
    /// the page whose ETag is `etag`, in a block of their own.
    fn new(etag: &str, copies: &[(&str, usize)]) -> Headers {
        let (values, ends) = Headers::values(etag, copies);
        Headers {
            values: Bytes::copy_from_slice(&values),
            ends,
        }
    }

    /// The values for `copies`, and where each ends.
    fn values(etag: &str, copies: &[(&str, usize)]) -> (Vec<u8>, [u8; 4]) {
        let mut values = Vec::with_capacity(copies.len() * 48);
        let mut ends = [0; 4];
        for (i, (suffix, length)) in copies.iter().enumerate() {
            use std::io::Write;
            write!(values, "\"{etag}{suffix}\"").expect("writing to memory");
            ends[2 * i] = end(&values);
            write!(values, "{length}").expect("writing to memory");
            ends[2 * i + 1] = end(&values);
        }
        (values, ends)
    }

    fn value(&self, i: usize) -> HeaderValue {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        let value = self
            .values
            .slice(usize::from(start)..usize::from(self.ends[i]));
        HeaderValue::from_maybe_shared(value).expect("a quoted hex ETag or a number")
    }

    /// The ETag and Content-Length of copy `copy` (0 or 1).
    fn copy(&self, copy: usize) -> (HeaderValue, HeaderValue) {
        (self.etag(copy), self.value(2 * copy + 1))
    }

    /// The ETag of copy `copy` (0 or 1).
    fn etag(&self, copy: usize) -> HeaderValue {
        self.value(2 * copy)
    }
}

/// Where the values written so far end: a quoted ETag and a length are a
/// few dozen bytes, two copies' worth less than 255.
fn end(values: &[u8]) -> u8 {
    u8::try_from(values.len()).expect("two copies' header values fit in 255 bytes")
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

impl Encoded {
    fn new(body: Bytes, coding: Option<&'static str>, headers: &Headers, copy: usize) -> Encoded {
        let (etag, length) = headers.copy(copy);
        Encoded {
            body,
            coding,
            etag,
            length,
        }
    }
}

/// The copy of a page a client gets ([`Page::choose`]), before its bytes
/// are taken, or made: a client whose copy is current gets only its ETag.
#[derive(Debug)]
pub struct Chosen<'a> {
    page: &'a Page,
    copy: Copy<'a>,
}

#[derive(Debug)]
enum Copy<'a> {
    /// The bytes as rendered, kept or decoded.
    Identity,
    Brotli(&'a Compressed),
    Gzip(&'a Compressed),
    /// gzip made for the request from the brotli copy.
    GzipMade,
    Quick(Arc<Bytes>),
}

impl Chosen<'_> {
    /// The ETag of the copy, quoted.
    pub fn etag(&self) -> HeaderValue {
        match &self.copy {
            Copy::Identity => self.page.headers.etag(0),
            Copy::Brotli(best) => best.headers.etag(0),
            Copy::Gzip(best) => best.headers.etag(1),
            Copy::Quick(_) => self.page.headers.etag(1),
            Copy::GzipMade => made_gzip_etag(self.page.etag()),
        }
    }

    /// The copy, its bytes and header values.
    pub fn encoded(self) -> Encoded {
        let page = self.page;
        match self.copy {
            Copy::Identity => Encoded::new(page.identity(), None, &page.headers, 0),
            Copy::Brotli(best) => Encoded::new(best.brotli.clone(), Some("br"), &best.headers, 0),
            Copy::Gzip(best) => Encoded::new(best.gzip.clone(), Some("gzip"), &best.headers, 1),
            Copy::Quick(quick) => {
                Encoded::new(Bytes::clone(&quick), Some("gzip"), &page.headers, 1)
            }
            Copy::GzipMade => {
                let body = Bytes::from(encoding::gzip(&page.identity(), MADE_GZIP_LEVEL));
                Encoded {
                    length: HeaderValue::from(body.len()),
                    body,
                    coding: Some("gzip"),
                    etag: made_gzip_etag(page.etag()),
                }
            }
        }
    }
}

/// The ETag of a gzip copy made for one request: its bytes are not those
/// of the kept gzip copy (another level), so neither is its tag.
fn made_gzip_etag(etag: &str) -> HeaderValue {
    HeaderValue::try_from(format!("\"{etag}-gz{MADE_GZIP_LEVEL}\"")).expect("a quoted hex ETag")
}

/// ETag suffixes of the copies, for [`Page::matches_etag`].
const ETAG_SUFFIXES: [&str; 5] = ["", "-br", "-gz", "-gz1", "-gz6"];

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
            // A page that keeps only its compressed copies keeps brotli
            // only ([`Copies::Brotli`]).
            let with_gzip = self.identity.is_some();
            with_scratch(|brotli, gzip| {
                if self.compressible {
                    encoding::brotli_into(&identity, brotli);
                    if with_gzip {
                        encoding::gzip_into(&identity, GZIP_LEVEL, gzip);
                    }
                }
                let copies = [("-br", brotli.len()), ("-gz", gzip.len())];
                let copies = if with_gzip { &copies[..] } else { &copies[..1] };
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
        let chosen = |copy| Some(Chosen { page: self, copy });
        if !self.compressible {
            // Fonts: as they are, whatever was asked.
            return chosen(Copy::Identity);
        }
        if let Some(best) = self.best.get() {
            return chosen(match accepted.best(&Encoding::ALL)? {
                Encoding::Brotli => Copy::Brotli(best),
                Encoding::Gzip if best.gzip.is_empty() => Copy::GzipMade,
                Encoding::Gzip => Copy::Gzip(best),
                Encoding::Identity => Copy::Identity,
            });
        }
        let quick = self.quick.load_full();
        let available: &[Encoding] = if quick.is_some() {
            &[Encoding::Gzip, Encoding::Identity]
        } else {
            &[Encoding::Identity]
        };
        match (accepted.best(available), quick) {
            (Some(Encoding::Gzip), Some(quick)) => chosen(Copy::Quick(quick)),
            (Some(_), _) => chosen(Copy::Identity),
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
            encoding::gzip(&self.identity(), MADE_GZIP_LEVEL).into()
        } else {
            best.gzip.clone()
        }
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
mod tests {
    use super::*;

    fn accepted(value: &str) -> Accepted {
        Accepted::parse(Some(value))
    }

    #[test]
    fn quick_gzip_until_finished_then_brotli() {
        let text = format!("<p>{}</p>", "সেবা ".repeat(500));
        let page = Page::unfinished(HTML, text.clone().into(), None, true, Copies::All);
        assert!(!page.is_finished());
        let sent = page.encoded(&accepted("br, gzip")).unwrap();
        assert_eq!(sent.coding, Some("gzip"));
        assert_eq!(sent.etag, format!("\"{}-gz1\"", page.etag()));
        let quick_len = sent.body.len();

        page.finish();
        assert!(page.is_finished());
        let br = page.encoded(&accepted("br, gzip")).unwrap();
        assert_eq!(br.coding, Some("br"));
        assert_eq!(br.etag, format!("\"{}-br\"", page.etag()));
        let gz = page.encoded(&accepted("gzip")).unwrap();
        assert_eq!(gz.coding, Some("gzip"));
        assert_eq!(gz.etag, format!("\"{}-gz\"", page.etag()));
        assert!(
            gz.body.len() <= quick_len,
            "{} > {quick_len}",
            gz.body.len()
        );
        assert!(page.quick.load().is_none(), "the quick copy is dropped");
        for suffix in ETAG_SUFFIXES {
            assert!(page.matches_etag(&format!("{}{suffix}", page.etag())));
        }
        assert!(!page.matches_etag(&format!("{}-xx", page.etag())));
        assert!(!page.matches_etag("0123456789"));
    }

    #[test]
    fn a_client_taking_only_brotli_gets_it_before_the_background_does() {
        let page = Page::unfinished(HTML, "<p>x</p>".repeat(50).into(), None, true, Copies::All);
        let sent = page.encoded(&accepted("br, identity;q=0")).unwrap();
        assert_eq!(sent.coding, Some("br"));
        assert!(page.is_finished());
        assert!(page.encoded(&accepted("identity;q=0")).is_none());
    }

    #[test]
    fn fonts_go_as_they_are() {
        let font = Page::identity_only("font/woff2", &b"wOF2"[..]);
        for accept in ["br", "gzip", "br, identity;q=0"] {
            let sent = font.encoded(&accepted(accept)).unwrap();
            assert_eq!(sent.coding, None, "{accept}");
            assert_eq!(&sent.body[..], b"wOF2");
        }
    }

    /// A page of `text` that keeps every copy, and one that keeps brotli
    /// only.
    fn kept_and_dropped(text: &str) -> (Page, Page) {
        let make =
            |copies| Page::unfinished(HTML, Bytes::from(text.to_owned()), None, true, copies);
        (make(Copies::All), make(Copies::Brotli))
    }

    #[test]
    fn a_page_told_so_keeps_its_quick_copy_then_brotli_only() {
        let text = format!("<p>{}</p>", "সেবা ".repeat(500));
        let (kept, dropped) = kept_and_dropped(&text);
        assert!(kept.keeps_identity());
        assert!(!dropped.keeps_identity());
        let quick = dropped.quick.load().as_ref().map_or(0, |q| q.len());
        assert_eq!(dropped.stored_bytes(), quick);
        assert_eq!(kept.stored_bytes(), text.len() + quick);

        dropped.finish();
        kept.finish();
        assert!(!dropped.keeps_identity(), "nor after its smallest copies");
        let (best, all) = (dropped.finish(), kept.finish());
        assert!(best.gzip.is_empty());
        assert_eq!(dropped.stored_bytes(), best.brotli.len());
        assert_eq!(
            kept.stored_bytes(),
            text.len() + all.brotli.len() + all.gzip.len()
        );
        // The same brotli copy either way.
        assert_eq!(all.brotli, best.brotli);
    }

    #[test]
    fn copies_not_kept_are_made_for_the_request_from_those_kept() {
        let text = format!("<p>{}</p>", "সেবা ".repeat(500));
        let (kept, dropped) = kept_and_dropped(&text);
        let identity = accepted("identity");
        // From the quick copy, then from brotli 11.
        for finished in [false, true] {
            if finished {
                kept.finish();
                dropped.finish();
            }
            let (a, b) = (
                kept.encoded(&identity).unwrap(),
                dropped.encoded(&identity).unwrap(),
            );
            assert_eq!(b.body, text.as_bytes(), "finished: {finished}");
            assert_eq!(b.coding, None);
            assert_eq!(b.etag, a.etag);
            assert_eq!(b.etag, format!("\"{}\"", dropped.etag()));
            assert_eq!(b.length, a.length);
            assert_eq!(b.length, text.len().to_string());
            assert_eq!(dropped.identity(), text.as_bytes());
            assert_eq!(dropped.identity_len(), text.len());
            // brotli (and the quick copy before it) as the kept page sends it.
            let br = accepted("br, gzip");
            let (a, b) = (kept.encoded(&br).unwrap(), dropped.encoded(&br).unwrap());
            assert_eq!(
                (a.body, a.coding, a.etag, a.length),
                (b.body, b.coding, b.etag, b.length)
            );
        }
        // A gzip-only client: gzip made from brotli, its own tag, decoding
        // to the page, compressed.
        let made = dropped.encoded(&accepted("gzip")).unwrap();
        assert_eq!(made.coding, Some("gzip"));
        let tag = format!("{}-gz{MADE_GZIP_LEVEL}", dropped.etag());
        assert_eq!(made.etag, format!("\"{tag}\""));
        assert!(dropped.matches_etag(&tag));
        assert_eq!(made.length, made.body.len().to_string());
        assert_eq!(
            encoding::gunzip(&made.body, text.len()).unwrap(),
            text.as_bytes()
        );
        assert_eq!(dropped.gzip(), made.body);
        assert!(made.body.len() < text.len() / 10);
        // Its tag known without making it (a 304 costs nothing).
        let chosen = dropped.choose(&accepted("gzip")).unwrap();
        assert_eq!(chosen.etag(), made.etag);
        assert_eq!(kept.gzip(), kept.finish().gzip);
    }

    #[test]
    fn a_page_that_keeps_its_bytes_sends_them_as_they_are() {
        let body = Bytes::from(format!("<p>{}</p>", "সেবা ".repeat(500)));
        let page = Page::unfinished(HTML, body.clone(), None, true, Copies::All);
        for finished in [false, true] {
            if finished {
                page.finish();
            }
            let sent = page.encoded(&accepted("identity")).unwrap();
            // The very bytes rendered, not a copy decoded.
            assert_eq!(sent.body.as_ptr(), body.as_ptr());
            assert_eq!(sent.etag, format!("\"{}\"", page.etag()));
            assert_eq!(sent.length, body.len().to_string());
            assert_eq!(page.identity().as_ptr(), body.as_ptr());
        }
    }

    #[test]
    fn a_client_holding_the_uncompressed_page_has_it_whatever_is_kept() {
        let text = "<p>x</p>".repeat(300);
        let (kept, dropped) = kept_and_dropped(&text);
        for page in [&kept, &dropped] {
            let sent = page.encoded(&accepted("identity")).unwrap();
            let tag = sent.etag.to_str().unwrap().trim_matches('"').to_string();
            assert!(page.matches_etag(&tag));
            page.finish();
            assert!(page.matches_etag(&tag), "after the smallest copies too");
            assert!(!page.matches_etag(&format!("{tag}-xx")));
        }
        // The same page, the same tags.
        assert_eq!(kept.etag(), dropped.etag());
    }

    #[test]
    fn a_page_made_for_one_request_has_its_quick_copy_only() {
        let page = Page::rendered_now(HTML, "<p>সেবা</p>".repeat(200));
        let gz = page.encoded(&accepted("br, gzip")).unwrap();
        assert_eq!(gz.coding, Some("gzip"));
        assert!(gz.body.len() < page.identity_len() / 10);
        assert_eq!(page.encoded(&accepted("br")).unwrap().coding, None);
        // No brotli 11 on demand: a client that takes only brotli is told so.
        assert!(page.encoded(&accepted("br, identity;q=0")).is_none());
        assert!(!page.is_finished());
    }
}
