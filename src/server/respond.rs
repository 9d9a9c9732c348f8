//! How every answer is made: a stored page in the encoding the client
//! accepts (or 304), the error page for an [`AppError`], and the headers
//! every response carries. [`super::app`] calls these for every request,
//! whether the page was pre-rendered or made by a handler.

use std::time::Instant;

use axum::body::{Body, HttpBody as _};
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Method, StatusCode};

use super::ServeOptions;
use super::head::Refused;
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
/// that explains it. [`finish`] turns it into the site's error page.
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
    /// The bare status, carrying the error: [`finish`] adds the page.
    fn into_response(self) -> Response {
        let mut res = self.status.into_response();
        res.extensions_mut().insert(self);
        res
    }
}

/// Marks a response that already has the body it should have, so
/// [`finish`] leaves it alone even if its status is an error.
#[derive(Debug, Clone, Copy)]
struct HasPage;

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

/// What [`finish`] needs to know of the request it answers.
pub struct Asked<'a> {
    /// GET or HEAD (or whatever was refused).
    pub method: &'a Method,
    /// The request's path, for the log and the error page's language.
    pub path: &'a str,
    /// The request's headers (only content negotiation is read).
    pub headers: &'a HeaderMap,
}

/// Why a request is refused, if it is: only GET and HEAD exist here
/// (anything else is 405), an HTTP/1.1 request names exactly one valid
/// host (RFC 9112, section 3.2: else 400), and a request's target and
/// headers must stay within the limits (414, 431). A head refused as it
/// was read ([`Refused`]) gets its status here.
pub fn refusal(req: &Request, options: &ServeOptions) -> Option<StatusCode> {
    if let Some(refused) = req.extensions().get::<Refused>() {
        // Refused before hyper read it; this request stands in for it.
        Some(refused.status)
    } else if req.method() != Method::GET && req.method() != Method::HEAD {
        Some(StatusCode::METHOD_NOT_ALLOWED)
    } else if req.version() == http::Version::HTTP_11 && !one_valid_host(req.headers()) {
        Some(StatusCode::BAD_REQUEST)
    } else if req.uri().path_and_query().map_or(0, |p| p.as_str().len()) > options.max_uri_bytes {
        Some(StatusCode::URI_TOO_LONG)
    } else if req
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum::<usize>()
        > options.max_header_bytes
    {
        Some(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE)
    } else {
        None
    }
}

/// Whether `headers` hold one `Host`, a host name or address with an
/// optional port: no path, no user, no spaces.
fn one_valid_host(headers: &HeaderMap) -> bool {
    let mut hosts = headers.get_all(header::HOST).iter();
    let (Some(host), None) = (hosts.next(), hosts.next()) else {
        return false;
    };
    let host = host.as_bytes();
    !host.is_empty()
        && host.len() <= 255
        && host.iter().all(|&b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b':' | b'[' | b']')
        })
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

/// The last step of every answer: an error without a page of its own (an
/// [`AppError`], a timeout, a panic, an extractor's rejection) gets the
/// site's error page in the request's language, keeping its status; a
/// HEAD loses its body (not its headers); the security headers are set;
/// the request is logged.
pub fn finish(
    pages: &dyn Pages,
    options: &ServeOptions,
    asked: &Asked<'_>,
    answer: Result<Response, AppError>,
    start: Instant,
) -> Response {
    let mut res = match answer {
        Ok(res) if !is_error(res.status()) || res.extensions().get::<HasPage>().is_some() => res,
        Ok(res) => {
            let error = res.extensions().get::<AppError>().copied();
            let lang = error.map_or_else(|| request_lang(asked.path, asked.headers), |e| e.lang);
            error_page(pages, asked.headers, AppError::new(res.status(), lang))
        }
        Err(error) => error_page(pages, asked.headers, error),
    };
    if asked.method == Method::HEAD {
        // The headers of a GET (Content-Length included), no body.
        *res.body_mut() = Body::empty();
    }
    add_security_headers(res.headers_mut(), options.https);
    log_line(asked.method, asked.path, &res, start);
    res
}

fn is_error(status: StatusCode) -> bool {
    status.is_client_error() || status.is_server_error()
}

/// The site's page for `error`, with `Allow` on a 405.
fn error_page(pages: &dyn Pages, headers: &HeaderMap, error: AppError) -> Response {
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

/// Headers every response carries, set in this one place. They follow the
/// MDN HTTP Observatory's tests: a CSP that allows nothing but this site's
/// own styles, fonts and images (no scripts at all), no framing, no MIME
/// sniffing, no full referrer to other sites, no cross-origin reads or
/// embedding; no
/// cookies and no CORS headers are ever sent. HSTS only over HTTPS.
///
/// `connect-src 'self'` lets tools that fetch from within a page read the
/// site's own files (Lighthouse reads `/robots.txt` that way); with no
/// script allowed, a page itself fetches nothing.
fn add_security_headers(h: &mut HeaderMap, https: bool) {
    const HEADERS: [(&str, &str); 8] = [
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
    for (name, value) in HEADERS {
        h.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    if https {
        // A year, the Observatory's bar is six months. No
        // includeSubDomains: other hosts under the office's domain are not
        // this site's to promise for.
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
}

/// Logs one request (method, path, status, bytes, duration) when the
/// access log is on (`RUST_LOG` at info).
fn log_line(method: &Method, path: &str, res: &Response, start: Instant) {
    if !tracing::enabled!(target: "access", tracing::Level::INFO) {
        return;
    }
    // Every body here is whole (pre-rendered or empty), so its size is
    // known even where hyper, not the handler, sets Content-Length.
    let bytes = res
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
        .or_else(|| res.body().size_hint().exact());
    tracing::info!(
        target: "access",
        %method,
        path,
        status = res.status().as_u16(),
        bytes,
        micros = start.elapsed().as_micros() as u64,
    );
}
