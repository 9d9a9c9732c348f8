//! How every answer is made: a stored page in the encoding the client
//! accepts (or 304), the error page for an [`AppError`], the headers every
//! response carries, and the whole answer to a request head refused as it
//! was read, written by the connection itself.

use axum::body::{Body, HttpBody as _};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use http::header::{self, HeaderMap, HeaderValue};

use crate::encoding::Accepted;
use crate::i18n::Lang;
use crate::render::ErrorKind;
use crate::site::{Directory, Page, Site};
use crate::urls;

/// What an answer is made from: an office's site, or the directory.
pub trait Pages {
    /// The stored page at `path`.
    fn page(&self, path: &str) -> Option<&Page>;
    /// A static file by its fingerprinted name.
    fn asset(&self, name: &str) -> Option<&Page>;
    /// The error page of `kind` in `lang`.
    fn error_page(&self, lang: Lang, kind: ErrorKind) -> &Page;
}

impl Pages for Site {
    fn page(&self, path: &str) -> Option<&Page> {
        Site::page(self, path)
    }
    fn asset(&self, name: &str) -> Option<&Page> {
        Site::asset(self, name)
    }
    fn error_page(&self, lang: Lang, kind: ErrorKind) -> &Page {
        Site::error_page(self, lang, kind)
    }
}

impl Pages for Directory {
    fn page(&self, path: &str) -> Option<&Page> {
        Directory::page(self, path)
    }
    fn asset(&self, name: &str) -> Option<&Page> {
        Directory::asset(self, name)
    }
    fn error_page(&self, lang: Lang, kind: ErrorKind) -> &Page {
        Directory::error_page(self, lang, kind)
    }
}

/// An answer that is an error: its status and the language of the page
/// that explains it, which the site's answer to errors
/// ([`super::answer`]) makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The language of the error page.
    pub lang: Lang,
}

impl AppError {
    /// An error answered with `status`, its page in `lang`.
    pub fn new(status: StatusCode, lang: Lang) -> AppError {
        AppError { status, lang }
    }
}

impl IntoResponse for AppError {
    /// The bare status, carrying the error: [`super::answer`] adds the
    /// page.
    fn into_response(self) -> Response {
        let mut res = self.status.into_response();
        res.extensions_mut().insert(self);
        res
    }
}

/// Marks a response that already has the body it should have, so the
/// site's answer to errors leaves it alone even if its status is an error.
#[derive(Debug, Clone, Copy)]
pub struct HasPage;

/// How long a client may keep a response.
#[derive(Debug, Clone, Copy)]
pub enum Caching {
    /// HTML: keep, but ask every time (an edit shows at once).
    Revalidate,
    /// Fingerprinted assets: a year, never ask.
    Immutable,
    /// Errors: do not store.
    None,
}

/// The language of the page a request is for: the path's, or for paths
/// without one (`/static/…`) the browser's preference.
pub fn request_lang(path: &str, headers: &HeaderMap) -> Lang {
    urls::lang_of(path).unwrap_or_else(|| preferred_lang(headers))
}

/// The language the `Accept-Language` header prefers, Bangla by default.
pub fn preferred_lang(headers: &HeaderMap) -> Lang {
    let Some(value) = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Lang::Bn;
    };
    let ordered = accept_language::intersection_ordered(value, &["bn", "en"]);
    match ordered.first().map(String::as_str) {
        Some("en") => Lang::En,
        _ => Lang::Bn,
    }
}

/// Whether `status` is an error (4xx or 5xx).
pub fn is_error(status: StatusCode) -> bool {
    status.is_client_error() || status.is_server_error()
}

/// The site's page for `error`, with `Allow` on a 405.
pub fn error_page(pages: &dyn Pages, headers: &HeaderMap, error: AppError) -> Response {
    let kind = match error.status {
        StatusCode::NOT_FOUND => ErrorKind::NotFound,
        s if s.is_server_error() => ErrorKind::ServerError,
        _ => ErrorKind::BadRequest,
    };
    let page = pages.error_page(error.lang, kind);
    let mut res = send(headers, page, error.status, Caching::None);
    if error.status == StatusCode::METHOD_NOT_ALLOWED {
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
    res
}

/// A pre-rendered page at `path`: revalidated each time, and readable from
/// any site when it is open data.
pub fn page_response(headers: &HeaderMap, path: &str, page: &Page) -> Response {
    let mut res = send(headers, page, StatusCode::OK, Caching::Revalidate);
    if urls::is_open_data(path) {
        res.headers_mut().insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
    }
    res
}

/// The response for `page`: the best encoding the client accepts, 304 when
/// its copy is current, 406 when it accepts nothing we have.
pub fn send(req: &HeaderMap, page: &Page, status: StatusCode, caching: Caching) -> Response {
    let accepted = Accepted::parse(
        req.get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok()),
    );
    let Some(chosen) = page.choose(&accepted) else {
        let mut res = (
            StatusCode::NOT_ACCEPTABLE,
            "406 Not Acceptable: this server sends br, gzip or identity\n",
        )
            .into_response();
        res.headers_mut()
            .insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        res.extensions_mut().insert(HasPage);
        return res;
    };
    let not_modified =
        status == StatusCode::OK && !matches!(caching, Caching::None) && if_none_match(req, page);
    // A client whose copy is current gets its tag only: the copy is not
    // taken, nor decoded or made for it.
    let (etag, sent) = if not_modified {
        (chosen.etag(), None)
    } else {
        let sent = chosen.encoded();
        (sent.etag.clone(), Some(sent))
    };
    // Headers go straight into the response's map, with room for the ones
    // added later, so it is allocated once per request.
    let mut res = match &sent {
        None => StatusCode::NOT_MODIFIED.into_response(),
        Some(sent) => {
            let mut res = Response::new(Body::from(sent.body.clone()));
            *res.status_mut() = status;
            res
        }
    };
    let h = res.headers_mut();
    h.reserve(16);
    if sent.is_some() {
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(page.content_type),
        );
    }
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(match caching {
            Caching::Revalidate => "no-cache",
            Caching::Immutable => "public, max-age=31536000, immutable",
            Caching::None => "no-store",
        }),
    );
    if !matches!(caching, Caching::None) {
        h.insert(header::ETAG, etag);
    }
    if let Some(sent) = sent {
        if let Some(coding) = sent.coding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        h.insert(header::CONTENT_LENGTH, sent.length);
    }
    if is_error(status) {
        res.extensions_mut().insert(HasPage);
    }
    res
}

/// True when `If-None-Match` names any encoding of the page (or `*`).
fn if_none_match(req: &HeaderMap, page: &Page) -> bool {
    let Some(value) = req.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    value.split(',').any(|tag| {
        let tag = tag.trim();
        let tag = tag.strip_prefix("W/").unwrap_or(tag).trim_matches('"');
        tag == "*" || page.matches_etag(tag)
    })
}

/// Headers every response carries, listed in this one place (the layers
/// of [`super::app`] set them, and the answer to a refused head). They
/// follow the MDN HTTP Observatory's tests: a CSP that allows nothing but
/// this site's own styles, fonts and images (no scripts at all), no
/// framing, no MIME sniffing, no full referrer to other sites, no
/// cross-origin reads or embedding; no cookies and no CORS headers are
/// ever sent. HSTS only over HTTPS ([`HSTS`]).
///
/// `connect-src 'self'` lets tools that fetch from within a page read the
/// site's own files (Lighthouse reads `/robots.txt` that way); with no
/// script allowed, a page itself fetches nothing.
pub const SECURITY_HEADERS: [(&str, &str); 8] = [
    (
        "content-security-policy",
        "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; \
         connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    ("x-frame-options", "DENY"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    // Free here: every page loads its own files only.
    ("cross-origin-embedder-policy", "require-corp"),
];

/// `res` with every one of the [`SECURITY_HEADERS`]: the layer every
/// answer goes through sets them with it.
pub fn with_security_headers<B>(mut res: http::Response<B>) -> http::Response<B> {
    let headers = res.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(
            header::HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    res
}

/// `Strict-Transport-Security` for a site reached over HTTPS: a year, the
/// Observatory's bar is six months. No includeSubDomains: other hosts
/// under the office's domain are not this site's to promise for.
pub const HSTS: &str = "max-age=31536000";

/// The whole answer to a request head refused as it was read (`status`,
/// the page in `lang`, or Bangla when the path had none), from `pages`:
/// the site's error page, as any other error gets it, with every header
/// the layers add and `Connection: close`, as bytes to write to the
/// connection.
pub fn refused_answer(pages: &dyn Pages, error: AppError, https: bool) -> Vec<u8> {
    let res = error_page(pages, &HeaderMap::new(), error);
    let (parts, body) = res.into_parts();
    let body = match body.size_hint().exact() {
        // The error pages are whole bytes already.
        Some(_) => futures_util::FutureExt::now_or_never(axum::body::to_bytes(body, usize::MAX))
            .and_then(Result::ok)
            .unwrap_or_default(),
        None => axum::body::Bytes::new(),
    };
    let mut out = format!(
        "HTTP/1.1 {} {}\r\n",
        parts.status.as_u16(),
        parts.status.canonical_reason().unwrap_or("")
    )
    .into_bytes();
    let mut line = |name: &str, value: &[u8]| {
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    };
    for (name, value) in &parts.headers {
        if name != header::CONTENT_LENGTH {
            line(name.as_str(), value.as_bytes());
        }
    }
    for (name, value) in SECURITY_HEADERS {
        line(name, value.as_bytes());
    }
    if https {
        line(header::STRICT_TRANSPORT_SECURITY.as_str(), HSTS.as_bytes());
    }
    line("content-length", body.len().to_string().as_bytes());
    line(
        "date",
        httpdate::fmt_http_date(std::time::SystemTime::now()).as_bytes(),
    );
    line("connection", b"close");
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&body);
    out
}
