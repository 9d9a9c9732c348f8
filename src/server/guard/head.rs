//! Request heads read before hyper sees them, so that every answer is the
//! site's own.
//!
//! hyper answers a request head it cannot parse, or one larger than its
//! buffer, itself: a bare 400 or 431 with none of the security headers, and
//! 431 even when it is the request line that is too long. [`Scan`] finds
//! where each head ends and judges it first, with the same parser hyper
//! uses (httparse) and hyper's rules for the body's length. A head hyper
//! would refuse is never passed on: the connection answers it itself
//! ([`Refused`], written by [`super::Guarded`]), with the right status, in
//! the language of the path when it can be read, with every header.
//!
//! Public for the fuzz target (`fuzz/fuzz_targets/head.rs`); the server
//! uses it through its connections only.
//!
//! A head that announces a body is passed on with its body and
//! `Connection: close` in place of its own: hyper reads the body for a
//! route that takes one, and after the answer the connection ends, so that
//! nothing after it is ever read as a request.

use std::mem::MaybeUninit;

use http::StatusCode;

use crate::i18n::Lang;
use crate::urls;

/// hyper's own limit on header lines, which this check must not exceed.
const MAX_HEADER_LINES: usize = 100;

/// What to do with the bytes of a connection read so far.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    /// The head is not complete yet: read more.
    More,
    /// The first `n` bytes are a head hyper accepts: pass them on as they
    /// are.
    Pass(usize),
    /// The first `n` bytes are a head announcing a body: pass on `head`
    /// instead (`Connection: close` in place of the head's own), then the
    /// rest of the connection's bytes as they come.
    PassLast { n: usize, head: Vec<u8> },
    /// The request is refused: answer it, and pass nothing more on.
    Refuse(Refused),
}

/// A request refused before hyper read it: the status to answer and the
/// language of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    pub status: StatusCode,
    pub lang: Option<Lang>,
}

impl Refused {
    fn new(status: StatusCode, request_line: &[u8]) -> Refused {
        Refused {
            status,
            lang: path_lang(request_line),
        }
    }

    /// A head the client stopped sending before its end.
    pub(super) fn cut_off(buf: &[u8]) -> Refused {
        Refused::new(StatusCode::BAD_REQUEST, first_line(buf))
    }
}

/// Where a connection's next request head ends, found a few bytes at a
/// time without reading any byte twice (a client sending one byte at a
/// time must not make the server rescan what it has).
#[derive(Debug, Default)]
pub struct Scan {
    /// Bytes of the buffer looked at already.
    scanned: usize,
    /// Length of the line being read, carriage returns not counted.
    line: usize,
    /// Whether a line with text was seen (empty lines before the request
    /// line are skipped, as hyper does).
    started: bool,
}

impl Scan {
    /// What to do with `buf`, the connection's bytes not yet passed on, of
    /// which a head may take at most `limit`; a request line longer than
    /// `max_line` in a head over the limit is the reason for refusing it
    /// (414, not 431).
    pub fn next(&mut self, buf: &[u8], limit: usize, max_line: usize) -> Next {
        match self.find_end(buf) {
            Some(end) if end <= limit => {
                *self = Scan::default();
                judge(&buf[..end])
            }
            None if buf.len() <= limit => Next::More,
            _ => {
                *self = Scan::default();
                // Judged on the bytes up to the limit, however many more
                // came with the last read.
                let buf = &buf[..buf.len().min(limit + 1)];
                let line = first_line(buf);
                let status = if line.len() >= max_line.min(buf.len()) {
                    StatusCode::URI_TOO_LONG
                } else {
                    StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE
                };
                Next::Refuse(Refused::new(status, line))
            }
        }
    }

    /// Whether part of a head has arrived (more than empty lines).
    pub(super) fn started(&self) -> bool {
        self.started || self.line > 0
    }

    /// The end of the head in `buf` (just past its empty line), if it has
    /// arrived; scans only the bytes not seen before.
    fn find_end(&mut self, buf: &[u8]) -> Option<usize> {
        for (i, &b) in buf.iter().enumerate().skip(self.scanned) {
            match b {
                b'\n' if self.line == 0 && self.started => {
                    self.scanned = i + 1;
                    return Some(i + 1);
                }
                b'\n' => {
                    self.started |= self.line > 0;
                    self.line = 0;
                }
                b'\r' => {}
                _ => self.line += 1,
            }
        }
        self.scanned = buf.len();
        None
    }
}

/// The verdict on a complete head: what hyper would refuse is refused
/// here; a body is never read.
fn judge(head: &[u8]) -> Next {
    // Uninitialised, as hyper does: filling 100 empty headers for every
    // request costs more than the parse.
    let mut headers = [const { MaybeUninit::uninit() }; MAX_HEADER_LINES];
    let mut req = httparse::Request::new(&mut []);
    let bad = |status| Next::Refuse(Refused::new(status, first_line(head)));
    match req.parse_with_uninit_headers(head, &mut headers) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => {
            return bad(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
        }
        Ok(httparse::Status::Partial) | Err(_) => return bad(StatusCode::BAD_REQUEST),
    }
    let (Some(method), Some(path)) = (req.method, req.path) else {
        return bad(StatusCode::BAD_REQUEST);
    };
    if http::Method::from_bytes(method.as_bytes()).is_err() || http::Uri::try_from(path).is_err() {
        return bad(StatusCode::BAD_REQUEST);
    }
    match body(req.version == Some(1), req.headers) {
        Err(()) => bad(StatusCode::BAD_REQUEST),
        Ok(false) => Next::Pass(head.len()),
        Ok(true) => Next::PassLast {
            n: head.len(),
            head: closing(head, req.headers),
        },
    }
}

/// Whether the head announces a body, by hyper's rules (RFC 9112, section
/// 6): `Err` where hyper answers 400 (a length that is not a number, two
/// lengths, `Transfer-Encoding` in HTTP/1.0 or not ending in `chunked`).
fn body(http_11: bool, headers: &[httparse::Header<'_>]) -> Result<bool, ()> {
    let mut length = None;
    let mut chunked = None;
    for h in headers {
        if h.name.eq_ignore_ascii_case("transfer-encoding") {
            if !http_11 {
                return Err(());
            }
            let last = h.value.rsplit(|&b| b == b',').next().unwrap_or_default();
            chunked = Some(last.trim_ascii().eq_ignore_ascii_case(b"chunked"));
        } else if h.name.eq_ignore_ascii_case("content-length") {
            let n = digits(h.value).ok_or(())?;
            if length.is_some_and(|l| l != n) {
                return Err(());
            }
            length = Some(n);
        }
    }
    match chunked {
        Some(false) => Err(()),
        Some(true) => Ok(true),
        None => Ok(length.is_some_and(|n| n > 0)),
    }
}

/// A `Content-Length` value: ASCII digits only, no sign, no overflow.
fn digits(value: &[u8]) -> Option<u64> {
    if value.is_empty() {
        return None;
    }
    value.iter().try_fold(0u64, |n, &b| {
        let d = (b as char).to_digit(10)?;
        n.checked_mul(10)?.checked_add(u64::from(d))
    })
}

/// `head` with `Connection: close` in place of its own `Connection`, so
/// that hyper ends the connection after the answer.
fn closing(head: &[u8], headers: &[httparse::Header<'_>]) -> Vec<u8> {
    let mut out = first_line(head).to_vec();
    out.extend_from_slice(b"\r\n");
    for h in headers {
        if h.name.eq_ignore_ascii_case("connection") {
            continue;
        }
        out.extend_from_slice(h.name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(h.value);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"connection: close\r\n\r\n");
    out
}

/// The request line: the first line with text, without its line end.
fn first_line(buf: &[u8]) -> &[u8] {
    let start = buf
        .iter()
        .position(|&b| b != b'\r' && b != b'\n')
        .unwrap_or(buf.len());
    let rest = &buf[start..];
    let end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    rest[..end].strip_suffix(b"\r").unwrap_or(&rest[..end])
}

/// The language of the path in a request line, even a cut-off one.
fn path_lang(line: &[u8]) -> Option<Lang> {
    let target = line.split(|&b| b == b' ').nth(1)?;
    let path = target.split(|&b| b == b'?').next()?;
    let prefix = &path[..path.len().min(8)];
    urls::lang_of(&String::from_utf8_lossy(prefix))
}

#[cfg(test)]
mod tests;
