//! A page's copies as they are sent: their header values, kept in one
//! block with the copies, and the copy a client gets.

use std::sync::Arc;

use bytes::Bytes;
use http::HeaderValue;

use super::{Compressed, Page};

/// The ETag and Content-Length values of up to two copies of a page, in
/// one buffer made with the copies: a request takes a slice of it, which
/// costs no more than cloning a value of its own would, and a site of
/// many pages keeps one small block per page instead of one per value.
#[derive(Debug)]
pub(super) struct Headers {
    pub(super) values: Bytes,
    /// Where each value ends in `values`: a copy's ETag, then its length,
    /// then the next copy's.
    pub(super) ends: [u8; 4],
}

impl Headers {
    /// The values for `copies`, each its ETag suffix and its length, of
    /// the page whose ETag is `etag`, in a block of their own.
    pub(super) fn new(etag: &str, copies: &[(&str, usize)]) -> Headers {
        let (values, ends) = Headers::values(etag, copies);
        Headers {
            values: Bytes::copy_from_slice(&values),
            ends,
        }
    }

    /// The values for `copies`, and where each ends.
    pub(super) fn values(etag: &str, copies: &[(&str, usize)]) -> (Vec<u8>, [u8; 4]) {
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

/// The copy of a page a client gets ([`Page::choose`]), before its bytes
/// are taken, or made: a client whose copy is current gets only its ETag.
#[derive(Debug)]
pub struct Chosen<'a> {
    pub(super) page: &'a Page,
    pub(super) choice: Choice<'a>,
}

#[derive(Debug)]
pub(super) enum Choice<'a> {
    /// The bytes as rendered, kept or decoded.
    Identity,
    Brotli(&'a Compressed),
    Gzip(&'a Compressed),
    Quick(Arc<Bytes>),
    /// gzip made for the request from the brotli copy.
    GzipMade,
}

impl Chosen<'_> {
    /// The ETag of the copy, quoted.
    pub fn etag(&self) -> HeaderValue {
        match self.kept_headers() {
            Some((headers, copy)) => headers.etag(copy),
            None => made_gzip_etag(self.page.etag()),
        }
    }

    /// The copy, its bytes and header values.
    pub fn encoded(self) -> Encoded {
        let page = self.page;
        let (body, coding) = match &self.choice {
            Choice::Identity => (page.identity(), None),
            Choice::Brotli(best) => (best.brotli.clone(), Some("br")),
            Choice::Gzip(best) => (best.gzip.clone(), Some("gzip")),
            Choice::Quick(quick) => (Bytes::clone(quick), Some("gzip")),
            Choice::GzipMade => (page.made_gzip(), Some("gzip")),
        };
        let (etag, length) = match self.kept_headers() {
            Some((headers, copy)) => headers.copy(copy),
            None => (made_gzip_etag(page.etag()), HeaderValue::from(body.len())),
        };
        Encoded {
            body,
            coding,
            etag,
            length,
        }
    }

    /// The block that holds the copy's header values, and the copy's
    /// place in it; `None` for a copy made for the request.
    fn kept_headers(&self) -> Option<(&Headers, usize)> {
        match &self.choice {
            Choice::Identity => Some((&self.page.headers, 0)),
            Choice::Quick(_) => Some((&self.page.headers, 1)),
            Choice::Brotli(best) => Some((&best.headers, 0)),
            Choice::Gzip(best) => Some((&best.headers, 1)),
            Choice::GzipMade => None,
        }
    }
}

/// The ETag suffix of a gzip copy made for one request: its bytes are not
/// those of a kept gzip copy (another level), so neither is its tag.
pub(super) const MADE_GZIP_SUFFIX: &str = "-gz6";

/// The ETag of a gzip copy made for one request.
fn made_gzip_etag(etag: &str) -> HeaderValue {
    HeaderValue::try_from(format!("\"{etag}{MADE_GZIP_SUFFIX}\"")).expect("a quoted hex ETag")
}
