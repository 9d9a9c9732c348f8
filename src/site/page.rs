//! A page: one response body with its ETag and its compressed copies.
//!
//! A page is made with a quick gzip copy ([`QUICK_GZIP_LEVEL`]) so that it
//! can be served at once; its smallest copies (brotli 11, gzip 9) are made
//! later by [`Page::finish`], which the [`Compressor`](super::Compressor)
//! calls in the background, and replace the quick one.

use std::sync::{Arc, OnceLock};

use arc_swap::ArcSwapOption;
use bytes::Bytes;
use http::HeaderValue;
use sha2::{Digest, Sha256};

use crate::encoding::{self, Accepted, Encoding, GZIP_LEVEL, QUICK_GZIP_LEVEL};

/// MIME types of the pages a site holds.
pub const HTML: &str = "text/html; charset=utf-8";
pub(crate) const JSON: &str = "application/json";
pub(crate) const XML: &str = "application/xml; charset=utf-8";
pub(crate) const SVG: &str = "image/svg+xml";
pub(crate) const TEXT: &str = "text/plain; charset=utf-8";

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
    /// Kept with a site (not made for one request): worth making its
    /// smallest copies for a client that accepts nothing else.
    lasting: bool,
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

    /// A page rendered for one request (search results): with its quick
    /// gzip copy only, as the smallest copies would take longer to make
    /// than to send.
    pub fn rendered_now(content_type: &'static str, body: String) -> Page {
        Page {
            lasting: false,
            ..Page::unfinished(content_type, body.into(), None, true)
        }
    }

    /// A body sent as it is (fonts, compressed already).
    pub fn identity_only(content_type: &'static str, body: impl Into<Bytes>) -> Page {
        let identity: Bytes = body.into();
        let etag = crate::charter::hex(&hash(&identity))[..20].to_string();
        Page {
            content_type,
            identity_headers: Headers::new(&etag, "", &identity),
            etag,
            identity,
            compressible: false,
            lasting: true,
            best: OnceLock::new(),
            quick: ArcSwapOption::empty(),
        }
    }

    /// A page with no copies yet but, when `quick` is set, the quick gzip.
    /// `digest` is the SHA-256 of `identity` when the caller has it already.
    pub(crate) fn unfinished(
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
            lasting: true,
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
    /// `None` when it has none the client accepts. A site's page still
    /// waiting for its brotli copy makes it now for a client that accepts
    /// nothing else (a rare client, in the seconds after a load); a page
    /// made for one request never does (that would be a slow brotli for
    /// any client that asks).
    pub fn encoded(&self, accepted: &Accepted) -> Option<Encoded> {
        let identity = || Encoded {
            body: self.identity.clone(),
            coding: None,
            etag: self.identity_headers.etag.clone(),
            length: self.identity_headers.length.clone(),
        };
        if !self.compressible {
            // Fonts: as they are, whatever was asked.
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
            (None, _) if self.lasting && accepted.best(&Encoding::ALL).is_some() => {
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
    pub(crate) fn stored_bytes(&self) -> usize {
        let best = self.best.get().map_or(0, |b| b.brotli.len() + b.gzip.len());
        let quick = self.quick.load().as_ref().map_or(0, |q| q.0.len());
        self.identity.len() + best + quick
    }
}

/// SHA-256 of `bytes`.
pub(crate) fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Compressed output without the spare capacity of a growing buffer: the
/// site keeps thousands of these for as long as it is served.
fn fitted(mut bytes: Vec<u8>) -> Bytes {
    bytes.shrink_to_fit();
    bytes.into()
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
    fn fonts_go_as_they_are() {
        let font = Page::identity_only("font/woff2", &b"wOF2"[..]);
        for accept in ["br", "gzip", "br, identity;q=0"] {
            let sent = font.encoded(&accepted(accept)).unwrap();
            assert_eq!(sent.coding, None, "{accept}");
            assert_eq!(&sent.body[..], b"wOF2");
        }
    }

    #[test]
    fn a_page_made_for_one_request_has_its_quick_copy_only() {
        let page = Page::rendered_now(HTML, "<p>সেবা</p>".repeat(200));
        let gz = page.encoded(&accepted("br, gzip")).unwrap();
        assert_eq!(gz.coding, Some("gzip"));
        assert!(gz.body.len() < page.identity.len() / 10);
        assert_eq!(page.encoded(&accepted("br")).unwrap().coding, None);
        // No brotli 11 on demand: a client that takes only brotli is told so.
        assert!(page.encoded(&accepted("br, identity;q=0")).is_none());
        assert!(!page.is_finished());
    }
}
