//! The site's own layer around its routes: who the request comes from
//! ([`Client`], through a trusted proxy), which office or directory its
//! host names ([`Answerer`]), the checks every request passes, and the
//! site's answer to every error.
//!
//! The checks: an HTTP/1.1 request names one valid host, whose port (if
//! any) is a number (else 400); its target and headers stay within their
//! limits (414, 431); a GET or HEAD sends no body (413: no page takes
//! one); a client behind the trusted proxy keeps no more requests waiting
//! at once than one client may keep connections open (429).
//!
//! The answer: an error status without a page of its own (an
//! [`AppError`], a timeout, a panic, a method the route does not take)
//! gets the site's error page in the request's language, keeping its
//! status and its `Allow` or `Retry-After`; a HEAD loses its body (not
//! its headers); HSTS when the client came over HTTPS.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::extract::Request;
use axum::response::Response;
use futures_util::future::{BoxFuture, Either};
use http::header::{self, HeaderMap, HeaderValue};
use http::{Method, StatusCode};
use std::future::{Ready, ready};

use super::client::{Client, TrustedProxies};
use super::clients::Clients;
use super::respond::{self, AppError, HasPage, Pages};
use super::{AppState, Deployment, ServeOptions};
use crate::i18n::Lang;
use crate::site::Directory;

/// Who answers a request: given to the routes as a request extension
/// ([`axum::Extension`]).
#[derive(Clone)]
pub enum Answerer {
    /// An office's site.
    Office(Arc<AppState>),
    /// The directory of a folder's offices.
    Directory(Arc<Directory>),
}

impl Answerer {
    /// Calls `f` with the pages this answers from now.
    pub fn with_pages<R>(&self, f: impl FnOnce(&dyn Pages) -> R) -> R {
        match self {
            Answerer::Office(state) => f(&**state.site.load()),
            Answerer::Directory(directory) => f(&**directory),
        }
    }
}

/// Whom a request is for and whom from: the one extension the layer
/// gives the routes ([`axum::Extension`]).
#[derive(Clone)]
pub struct Addressed {
    /// The office or the directory the host names.
    pub to: Answerer,
    /// The client, behind the trusted proxy if any.
    pub from: Client,
}

/// The method and path a response answered, for the access log.
#[derive(Debug, Clone)]
pub struct Logged {
    pub method: Method,
    pub path: String,
}

/// What the layer shares between requests.
pub(super) struct Shared {
    pub deployment: Arc<Deployment>,
    pub options: ServeOptions,
    pub proxies: TrustedProxies,
    /// Requests waiting per client behind the trusted proxy.
    pub waiting: Arc<Clients>,
}

/// The layer (see the module), for the connection from `peer` (`None`
/// for a request made without one, by a test).
#[derive(Clone)]
pub(super) struct AnswerLayer {
    pub shared: Arc<Shared>,
    pub peer: Option<IpAddr>,
}

impl<S> tower::Layer<S> for AnswerLayer {
    type Service = Answer<S>;

    fn layer(&self, inner: S) -> Answer<S> {
        Answer {
            inner,
            shared: Arc::clone(&self.shared),
            peer: self.peer,
        }
    }
}

/// The service of [`AnswerLayer`].
#[derive(Clone)]
pub(super) struct Answer<S> {
    inner: S,
    shared: Arc<Shared>,
    peer: Option<IpAddr>,
}

impl<S> tower::Service<Request> for Answer<S>
where
    S: tower::Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Either<
        Ready<Result<Response, Infallible>>,
        BoxFuture<'static, Result<Response, Infallible>>,
    >;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request) -> Self::Future {
        let shared = &self.shared;
        let peer = self.peer.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
        let client = shared.proxies.client(peer, req.headers());
        let answerer = {
            let view = shared.deployment.view();
            match view.resolve(request_host(&req)) {
                super::Answering::Office(state) => Answerer::Office(Arc::clone(state)),
                super::Answering::Directory(d) => Answerer::Directory(Arc::clone(d)),
            }
        };
        let path = req.uri().path();
        let asked = Asked {
            head: req.method() == Method::HEAD,
            lang: respond::request_lang(path, req.headers()),
            accept_encoding: req.headers().get(header::ACCEPT_ENCODING).cloned(),
            https: shared.options.https || client.https,
            logged: tracing::enabled!(target: "access", tracing::Level::INFO).then(|| Logged {
                method: req.method().clone(),
                path: path.to_string(),
            }),
        };
        let refusal = refusal(&req, &shared.options);
        // Behind the trusted proxy, a client's requests waiting at once
        // are counted as its connections would be.
        let waiting = match (refusal, client.proxied) {
            (None, true) => match shared.waiting.admit(client.ip) {
                Some(admitted) => Some(admitted),
                None => {
                    let res = too_many(asked.lang);
                    return Either::Left(ready(Ok(asked.finish(&answerer, res))));
                }
            },
            _ => None,
        };
        if let Some(status) = refusal {
            let res = AppError::new(status, asked.lang).into_response();
            return Either::Left(ready(Ok(asked.finish(&answerer, res))));
        }
        // A stored page or static file is a lookup and a copy of stored
        // bytes, which cannot time out: answered here, before the router
        // (the router's path cost a stored page a sixth of its throughput,
        // docs/performance.md), its panics caught as the router's are.
        if req.method() == Method::GET || req.method() == Method::HEAD {
            let stored = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                answerer.with_pages(|pages| stored(&req, pages))
            }))
            .unwrap_or_else(|_| Some(StatusCode::INTERNAL_SERVER_ERROR.into_response()));
            if let Some(res) = stored {
                drop(waiting);
                return Either::Left(ready(Ok(asked.finish(&answerer, res))));
            }
        }
        req.extensions_mut().insert(Addressed {
            to: answerer.clone(),
            from: client,
        });
        // The clone that was ready answers this request.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        Either::Right(Box::pin(async move {
            let res = match inner.call(req).await {
                Ok(res) => res,
                Err(never) => match never {},
            };
            drop(waiting);
            Ok(asked.finish(&answerer, res))
        }))
    }
}

/// The answer for a stored page or static file at the request's path,
/// if `pages` has one: what most requests ask for.
fn stored(req: &Request, pages: &dyn Pages) -> Option<Response> {
    let path = req.uri().path();
    let res = match path.strip_prefix("/static/") {
        Some(name) => respond::send(
            req.headers(),
            pages.asset(name)?,
            StatusCode::OK,
            respond::Caching::Immutable,
        ),
        None => respond::page_response(req.headers(), path, pages.page(path)?),
    };
    Some(res)
}

use axum::response::IntoResponse as _;

/// What the answer needs of the request it answers.
struct Asked {
    head: bool,
    lang: Lang,
    accept_encoding: Option<HeaderValue>,
    https: bool,
    logged: Option<Logged>,
}

impl Asked {
    /// The answer as sent: the site's error page for an error without
    /// one, no body for a HEAD, HSTS over HTTPS, what the access log
    /// needs.
    fn finish(self, answerer: &Answerer, res: Response) -> Response {
        let mut res = if respond::is_error(res.status())
            && res.extensions().get::<HasPage>().is_none()
        {
            let lang = res
                .extensions()
                .get::<AppError>()
                .map_or(self.lang, |e| e.lang);
            let mut headers = HeaderMap::new();
            if let Some(accepted) = self.accept_encoding {
                headers.insert(header::ACCEPT_ENCODING, accepted);
            }
            let error = AppError::new(res.status(), lang);
            let mut page = answerer.with_pages(|pages| respond::error_page(pages, &headers, error));
            // What the route said of the answer holds for the page too: a
            // page of the staff area is never stored nor indexed.
            for name in [
                header::ALLOW,
                header::RETRY_AFTER,
                header::CONNECTION,
                header::CACHE_CONTROL,
                http::HeaderName::from_static("x-robots-tag"),
            ] {
                if let Some(value) = res.headers().get(&name) {
                    page.headers_mut().insert(name, value.clone());
                }
            }
            page
        } else {
            res
        };
        if self.head {
            // The headers of a GET (Content-Length included), no body.
            *res.body_mut() = Body::empty();
        }
        if self.https {
            res.headers_mut().insert(
                header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static(respond::HSTS),
            );
        }
        if let Some(logged) = self.logged {
            res.extensions_mut().insert(logged);
        }
        res
    }
}

/// 429 for a client with as many requests waiting as one may have.
fn too_many(lang: Lang) -> Response {
    let mut res = AppError::new(StatusCode::TOO_MANY_REQUESTS, lang).into_response();
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    res
}

/// The host a request names: the request line's in absolute form
/// (`GET http://zulu.gov.bd/en/`, RFC 9112 §3.2.2), else its `Host`.
fn request_host(req: &Request) -> Option<&[u8]> {
    match req.uri().authority() {
        Some(authority) => Some(authority.as_str().as_bytes()),
        None => req.headers().get(header::HOST).map(|h| h.as_bytes()),
    }
}

/// Why a request is refused before its route, if it is (see the module).
fn refusal(req: &Request, options: &ServeOptions) -> Option<StatusCode> {
    let bad_host = (req.version() == http::Version::HTTP_11 && !one_valid_host(req.headers()))
        || (req.uri().authority()).is_some_and(|a| !valid_host(a.as_str().as_bytes()));
    if bad_host {
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
    } else if (req.method() == Method::GET || req.method() == Method::HEAD) && has_body(req) {
        Some(StatusCode::PAYLOAD_TOO_LARGE)
    } else {
        None
    }
}

/// Whether the request announces a body (hyper has read its length).
fn has_body(req: &Request) -> bool {
    let headers = req.headers();
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
            .is_some_and(|n| n > 0)
}

/// Whether `headers` hold one `Host`, valid.
fn one_valid_host(headers: &HeaderMap) -> bool {
    let mut hosts = headers.get_all(header::HOST).iter();
    let (Some(host), None) = (hosts.next(), hosts.next()) else {
        return false;
    };
    valid_host(host.as_bytes())
}

/// Whether `host` is a host name or address with an optional port that is
/// a number: no path, no user, no spaces.
fn valid_host(host: &[u8]) -> bool {
    let chars_ok = !host.is_empty()
        && host.len() <= 255
        && host.iter().all(|&b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b':' | b'[' | b']')
        });
    // After an IPv6 address's closing bracket, or else after the one
    // colon, only digits.
    let port = match host.iter().rposition(|&b| b == b']') {
        Some(end) => match &host[end + 1..] {
            [] => None,
            [b':', port @ ..] => Some(port),
            _ => return false,
        },
        None => match host.iter().filter(|&&b| b == b':').count() {
            0 => None,
            1 => host.split(|&b| b == b':').nth(1),
            _ => return false,
        },
    };
    chars_ok
        && port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.iter().all(u8::is_ascii_digit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_s_port_is_a_number() {
        for good in [
            &b"zulu.gov.bd"[..],
            b"zulu.gov.bd:8080",
            b"127.0.0.1:3000",
            b"[::1]",
            b"[::1]:3000",
        ] {
            assert!(valid_host(good), "{}", String::from_utf8_lossy(good));
        }
        for bad in [
            &b"zulu.gov.bd:abc"[..],
            b"zulu.gov.bd:",
            b"zulu.gov.bd:1:2",
            b"[::1]x",
            b"a b",
            b"user@zulu.gov.bd",
            b"",
        ] {
            assert!(!valid_host(bad), "{}", String::from_utf8_lossy(bad));
        }
    }
}
