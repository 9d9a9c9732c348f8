//! HTTP: routes, content negotiation, caching headers, reload.
//!
//! Pages come pre-rendered and pre-compressed from [`Site`]; a request picks
//! the encoding the client accepts, answers `304` when its copy is current,
//! and otherwise sends the stored bytes. Only search renders per request.
//!
//! Every route sits behind the same hardening layers ([`harden`]): security
//! headers, GET/HEAD only, limits on the request head, a per-request
//! timeout, panics turned into a 500 page, and one log line per request.
//! [`serve_with`] runs the HTTP/1 connections itself, for the limits hyper
//! enforces before a request reaches the router.

use std::any::Any;
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use arc_swap::ArcSwap;
use axum::Router;
use axum::body::{Body, HttpBody as _};
use axum::extract::{RawQuery, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Method, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;

use crate::charter::{self, LoadError};
use crate::encoding::Accepted;
use crate::history::History;
use crate::i18n::Lang;
use crate::render::ErrorKind;
use crate::site::{self, Page, Site};
use crate::urls::{self, BaseUrl};

/// What the server shares between requests.
#[derive(Debug)]
pub struct AppState {
    site: ArcSwap<Site>,
    charter_path: PathBuf,
    base_url: Option<BaseUrl>,
    last_reload_error: Mutex<Option<ReloadFailure>>,
    /// Where every version loaded is kept, when a state folder is set.
    history: Option<History>,
    /// One reload at a time (the watcher and SIGHUP may ask together), so
    /// the last one asked for is the one served and kept last.
    reloading: tokio::sync::Mutex<()>,
}

/// The last reload that failed, while the site serves an older version.
#[derive(Debug, Clone)]
struct ReloadFailure {
    /// What `charter check` would print.
    message: String,
    /// When the reload was tried.
    at: SystemTime,
}

impl AppState {
    /// State serving `site`, loaded from `charter_path` (reloads read it
    /// again).
    pub fn new(site: Site, charter_path: PathBuf) -> Arc<AppState> {
        AppState::with_base_url(site, charter_path, None)
    }

    /// Like [`AppState::new`], with absolute links on `base_url` (given
    /// by `--base-url`) for this site and every reload.
    ///
    /// The site is served at once; its smallest compressed copies and its
    /// search index are made in the background (see [`prepare`]).
    pub fn with_base_url(
        site: Site,
        charter_path: PathBuf,
        base_url: Option<BaseUrl>,
    ) -> Arc<AppState> {
        AppState::with_history(site, charter_path, base_url, None)
    }

    /// Like [`AppState::with_base_url`], keeping `site` and every version
    /// a reload loads in `history`.
    pub fn with_history(
        site: Site,
        charter_path: PathBuf,
        base_url: Option<BaseUrl>,
        history: Option<History>,
    ) -> Arc<AppState> {
        if let Some(history) = &history {
            history.keep(&charter_path, &site.charter, &site.content_hash);
        }
        AppState::assemble(site, charter_path, base_url, history, None)
    }

    /// State for a server started while the charter file at
    /// `charter_path` cannot be loaded (`problem` says why): it serves
    /// `site`, an older version from the history, and `/healthz` says
    /// `stale` with the problem until a reload loads the file.
    pub fn stale(
        site: Site,
        charter_path: PathBuf,
        base_url: Option<BaseUrl>,
        history: Option<History>,
        problem: String,
    ) -> Arc<AppState> {
        let failure = ReloadFailure {
            message: problem,
            at: SystemTime::now(),
        };
        AppState::assemble(site, charter_path, base_url, history, Some(failure))
    }

    fn assemble(
        site: Site,
        charter_path: PathBuf,
        base_url: Option<BaseUrl>,
        history: Option<History>,
        failure: Option<ReloadFailure>,
    ) -> Arc<AppState> {
        let site = Arc::new(site);
        prepare(&site);
        Arc::new(AppState {
            site: ArcSwap::new(site),
            charter_path,
            base_url,
            last_reload_error: Mutex::new(failure),
            history,
            reloading: tokio::sync::Mutex::new(()),
        })
    }

    /// The site being served now.
    pub fn site(&self) -> Arc<Site> {
        self.site.load_full()
    }

    /// Reads the charter file again. A valid charter replaces the site in
    /// one atomic swap; an invalid one is logged and the last good site
    /// keeps being served.
    ///
    /// A valid charter is kept in the history (when there is one) before
    /// it is served, so `/healthz` never shows a version the history lacks.
    pub async fn reload(self: &Arc<Self>) -> Result<(), String> {
        let _one_at_a_time = self.reloading.lock().await;
        let path = self.charter_path.clone();
        let base = self.base_url.clone();
        let history = self.history.clone();
        // Rendering and brotli are CPU work: keep them off the async workers.
        let built = tokio::task::spawn_blocking(move || {
            let site = load_site_with_base(&path, base)?;
            if let Some(history) = history {
                history.keep(&path, &site.charter, &site.content_hash);
            }
            Ok::<Site, String>(site)
        })
        .await
        // A panic while loading is a failed reload like any other: the
        // site goes on serving the last good version, and says so.
        .unwrap_or_else(|e| Err(format!("reload task failed: {e}")));
        let mut last = self
            .last_reload_error
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        match built {
            Ok(site) => {
                tracing::info!(
                    hash = %site.content_hash,
                    pages = site.paths().len(),
                    "charter reloaded"
                );
                let site = Arc::new(site);
                prepare(&site);
                self.site.store(site);
                *last = None;
                Ok(())
            }
            Err(message) => {
                tracing::error!(
                    "charter not reloaded; still serving the last good version:\n{message}"
                );
                *last = Some(ReloadFailure {
                    message: message.clone(),
                    at: SystemTime::now(),
                });
                Err(message)
            }
        }
    }
}

/// Starts the work a freshly loaded site leaves for later, so that it is
/// served sooner: the smallest compressed copies of its pages (threads at
/// low priority) and its search index (one thread; a search that comes
/// first waits for it).
fn prepare(site: &Arc<Site>) {
    site.finish_in_background();
    let site = Arc::downgrade(site);
    let spawned = std::thread::Builder::new()
        .name("search-index".into())
        .spawn(move || {
            if let Some(site) = site.upgrade() {
                site.search_index();
            }
        });
    if let Err(e) = spawned {
        // The first search builds it instead.
        tracing::warn!("cannot start the search index thread: {e}");
    }
}

/// Loads, validates and renders the charter at `path`; the error is the
/// text `charter check` would print.
pub fn load_site(path: &std::path::Path) -> Result<Site, String> {
    load_site_with_base(path, None)
}

/// Like [`load_site`], with absolute links on `base` when given.
pub fn load_site_with_base(path: &std::path::Path, base: Option<BaseUrl>) -> Result<Site, String> {
    let start = Instant::now();
    let loaded = charter::load_file(path).map_err(|e| match e {
        LoadError::Invalid { .. } | LoadError::Read { .. } => e.to_string(),
    })?;
    let mut site = Site::build_with_base(loaded, base).map_err(|e| e.to_string())?;
    site.load_time = start.elapsed();
    Ok(site)
}

/// The version the site showed last, or else the newest that loads,
/// from `history`, for a start while the charter file cannot be loaded:
/// its number and its site. `None` when the history holds no version this
/// program can load.
pub fn load_from_history(history: &History, base: Option<BaseUrl>) -> Option<(u64, Site)> {
    let (entries, _) = history.list().ok()?;
    let current = history.current();
    let order = current.into_iter().chain(
        entries
            .iter()
            .map(|e| e.number)
            .filter(|n| Some(*n) != current),
    );
    for number in order {
        let stored = match history.version(number) {
            Ok((_, _, stored)) => stored,
            Err(e) => {
                tracing::warn!("version {number} of the history cannot be served: {e}");
                continue;
            }
        };
        match load_site_with_base(&stored, base.clone()) {
            Ok(site) => return Some((number, site)),
            Err(e) => tracing::warn!("version {number} of the history cannot be served:\n{e}"),
        }
    }
    None
}

/// How the server protects itself, with defaults for a small office site
/// behind a reverse proxy.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site is reached over HTTPS (a TLS proxy in front): responses
    /// carry `Strict-Transport-Security`. Never set it for plain HTTP: a
    /// browser that saw HSTS refuses the plain site for a year.
    pub https: bool,
    /// Longest request target (path and query), in bytes; longer is 414.
    pub max_uri_bytes: usize,
    /// Most bytes of header names and values in one request; more is 431.
    pub max_header_bytes: usize,
    /// Time a client has to send a request head (also how long an idle
    /// keep-alive connection stays open); then the connection is closed.
    pub header_read_timeout: Duration,
    /// Time the server has to answer one request; then 503.
    pub request_timeout: Duration,
    /// Most connections open at once; further ones wait in the listen
    /// queue until one closes.
    pub max_connections: usize,
    /// How long shutdown waits for requests in flight before closing their
    /// connections anyway.
    pub shutdown_grace: Duration,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            https: false,
            // A 2,000-character Bangla search query is 18 KB percent-encoded
            // and must still get a normal page (behind nginx, raise
            // large_client_header_buffers to match).
            max_uri_bytes: 24 * 1024,
            max_header_bytes: 16 * 1024,
            header_read_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(10),
            max_connections: 512,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// The largest request head hyper reads at all (request line and
/// headers); beyond it hyper answers 431 itself. It sits well above
/// [`ServeOptions`]'s limits so that those, which answer with a page in
/// the visitor's language, are the ones normally met.
const MAX_REQUEST_HEAD: usize = 64 * 1024;

/// The application with the default [`ServeOptions`].
pub fn app(state: Arc<AppState>) -> Router {
    app_with(state, &ServeOptions::default())
}

/// The application: every route, behind the hardening layers, with
/// pre-rendered pages and static files answered first, on a shorter way
/// ([`PreRendered`]).
pub fn app_with(state: Arc<AppState>, options: &ServeOptions) -> Router {
    let hardened = harden(routes(state.clone()), state.clone(), options);
    Router::new().fallback_service(PreRendered {
        hardening: Arc::new(Hardening {
            state,
            options: options.clone(),
        }),
        hardened,
    })
}

/// Answers a request for a pre-rendered page or a static file itself,
/// and passes every other request (search, redirects, errors, anything
/// the checks refuse) to the hardened router.
///
/// Such a request is a lookup and a copy of stored bytes: it cannot time
/// out, and the router's layers (request checks, security headers, access
/// log) are applied here by the same functions, so its answer is the one
/// the router would give. Skipping the layers' boxed futures and the
/// timeout's timer about halves the server's CPU per request (35 µs to
/// 17-22 µs on the bundled charter's pages, `scripts/bench.sh`).
#[derive(Clone)]
struct PreRendered {
    hardening: Arc<Hardening>,
    hardened: Router,
}

impl tower::Service<Request> for PreRendered {
    type Response = Response;
    type Error = std::convert::Infallible;
    type Future = futures_util::future::Either<
        std::future::Ready<Result<Response, std::convert::Infallible>>,
        <Router as tower::Service<Request>>::Future,
    >;

    fn poll_ready(
        &mut self,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        // A Router is always ready.
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request) -> Self::Future {
        use futures_util::future::Either;
        let start = Instant::now();
        // A panic here (there is no known way to cause one) leaves the
        // request to the router, whose layers answer it with a 500 page.
        let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pre_rendered(&self.hardening, &req)
        }))
        .ok()
        .flatten();
        match answered {
            Some(res) => {
                log_line(req.method(), req.uri().path(), &res, start);
                Either::Left(std::future::ready(Ok(res)))
            }
            None => Either::Right(self.hardened.call(req)),
        }
    }
}

/// The answer for a request of a pre-rendered page or a static file that
/// passes the request checks; `None` for any other request.
fn pre_rendered(h: &Hardening, req: &Request) -> Option<Response> {
    if refusal(req, &h.options).is_some() {
        return None;
    }
    let path = req.uri().path();
    let mut res = if let Some(name) = path.strip_prefix("/static/") {
        send(
            req.headers(),
            site::asset(name)?,
            StatusCode::OK,
            Caching::Immutable,
        )
    } else {
        let site = h.state.site.load();
        page_response(req.headers(), path, site.page(path)?)
    };
    if req.method() == Method::HEAD {
        // The headers of a GET (Content-Length included), no body.
        *res.body_mut() = Body::empty();
    }
    add_security_headers(res.headers_mut(), h.options.https);
    Some(res)
}

/// Every route of the site, without the layers.
fn routes(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(root))
        .route("/healthz", get(healthz))
        .route("/static/{name}", get(static_file))
        .route("/{lang}/search", get(search))
        .fallback(page)
        .with_state(state)
}

/// What the hardening layers need to answer on their own.
#[derive(Debug, Clone)]
struct Hardening {
    state: Arc<AppState>,
    options: ServeOptions,
}

/// Wraps `routes` in the layers every response of the site goes through,
/// outermost first: the access log, the security headers, error pages in
/// the request's language for errors that have no page of their own,
/// panics turned into 500, the per-request timeout, and the request
/// checks (method, URI length, header size).
pub fn harden(routes: Router, state: Arc<AppState>, options: &ServeOptions) -> Router {
    let hardening = Arc::new(Hardening {
        state,
        options: options.clone(),
    });
    routes
        .layer(middleware::from_fn_with_state(hardening.clone(), guard))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            options.request_timeout,
        ))
        .layer(CatchPanicLayer::custom(answer_panic))
        .layer(middleware::from_fn_with_state(
            hardening.clone(),
            error_pages,
        ))
        .layer(middleware::map_response_with_state(
            options.https,
            with_security_headers,
        ))
        .layer(middleware::from_fn(log_request))
}

/// Why a request is refused, if it is: only GET and HEAD exist here
/// (anything else is 405), an HTTP/1.1 request names exactly one valid
/// host (RFC 9112, section 3.2: else 400), and a request's target and
/// headers must stay within the limits (414, 431).
fn refusal(req: &Request, options: &ServeOptions) -> Option<StatusCode> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
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

/// Answers a request [`refusal`] refuses with the error page (405 with
/// `Allow`), and passes the others on.
async fn guard(State(h): State<Arc<Hardening>>, req: Request, next: Next) -> Response {
    let refused = refusal(&req, &h.options);
    let Some(status) = refused else {
        return next.run(req).await;
    };
    let site = h.state.site();
    let mut res = send(
        req.headers(),
        site.error_page(request_lang(&req), ErrorKind::BadRequest),
        status,
        Caching::None,
    );
    if status == StatusCode::METHOD_NOT_ALLOWED {
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
    res
}

/// The language of the page a request is for: the path's, or for paths
/// without one (`/static/…`) the browser's preference.
fn request_lang(req: &Request) -> Lang {
    urls::lang_of(req.uri().path()).unwrap_or_else(|| preferred_lang(req.headers()))
}

/// Marks a response that already has the body it should have, so
/// [`error_pages`] leaves it alone.
#[derive(Debug, Clone, Copy)]
struct HasPage;

/// Gives an error response that has no page of its own (a timeout, a
/// panic, an extractor's rejection of a malformed path) the site's error
/// page in the request's language, keeping its status.
async fn error_pages(State(h): State<Arc<Hardening>>, req: Request, next: Next) -> Response {
    let lang = request_lang(&req);
    let accept_encoding = req.headers().get(header::ACCEPT_ENCODING).cloned();
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error())
        || res.extensions().get::<HasPage>().is_some()
    {
        return res;
    }
    let kind = match status {
        StatusCode::NOT_FOUND => ErrorKind::NotFound,
        s if s.is_server_error() => ErrorKind::ServerError,
        _ => ErrorKind::BadRequest,
    };
    let mut headers = HeaderMap::new();
    if let Some(v) = accept_encoding {
        headers.insert(header::ACCEPT_ENCODING, v);
    }
    let site = h.state.site();
    send(&headers, site.error_page(lang, kind), status, Caching::None)
}

/// A panic in a handler: logged, and answered with a 500 (which
/// [`error_pages`] turns into the localized page) instead of a dropped
/// connection.
fn answer_panic(payload: Box<dyn Any + Send + 'static>) -> Response {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "request handler panicked; answered 500");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// Headers every response carries, set in this one place. They follow the
/// MDN HTTP Observatory's tests: a CSP that allows nothing but this site's
/// own styles, fonts and images (no scripts at all), no framing, no MIME
/// sniffing, no full referrer to other sites, no cross-origin reads; no
/// cookies and no CORS headers are ever sent. HSTS only over HTTPS.
async fn with_security_headers(State(https): State<bool>, mut res: Response) -> Response {
    add_security_headers(res.headers_mut(), https);
    res
}

fn add_security_headers(h: &mut HeaderMap, https: bool) {
    const HEADERS: [(&str, &str); 7] = [
        (
            "content-security-policy",
            "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; \
             form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
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

/// One log line per request: method, path, status, bytes, duration.
async fn log_request(req: Request, next: Next) -> Response {
    if !tracing::enabled!(target: "access", tracing::Level::INFO) {
        return next.run(req).await;
    }
    let start = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let res = next.run(req).await;
    log_line(&method, &path, &res, start);
    res
}

/// Logs one request, when the access log is on (`RUST_LOG` at info).
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

/// `/`: send the visitor to their language, Bangla unless the browser
/// prefers English.
async fn root(headers: HeaderMap) -> Response {
    let lang = preferred_lang(&headers);
    let mut res = redirect(StatusCode::SEE_OTHER, &urls::home(lang));
    res.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    res
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

fn redirect(status: StatusCode, location: &str) -> Response {
    let mut res = status.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// `/healthz`: whether the site serves the charter file as saved (`ok`)
/// or an older version because the last save was refused, or because the
/// server started with a file it could not load (`stale`),
/// which charter is loaded, when, how long reading, checking and
/// rendering it took, the last reload error and when it happened, and
/// how many pages have their smallest compressed copies yet. Always 200:
/// a stale site still serves.
async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    let site = state.site();
    let unix = |t: SystemTime| {
        t.duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_secs()
    };
    let loaded = unix(site.loaded_at);
    let failure = state
        .last_reload_error
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let failed_at = failure.as_ref().map(|f| unix(f.at));
    let compression = site.compression();
    let body = serde_json::json!({
        "status": if failure.is_some() { "stale" } else { "ok" },
        "content_hash": site.content_hash,
        "loaded_at": rfc3339(loaded),
        "loaded_at_unix": loaded,
        "load_ms": site.load_time.as_millis() as u64,
        "pages": site.paths().len(),
        "last_reload_error": failure.map(|f| f.message),
        "last_reload_error_at": failed_at.map(rfc3339),
        "last_reload_error_at_unix": failed_at,
        "compression": {
            "pages": compression.pages,
            "finished": compression.finished,
            "complete": compression.finished == compression.pages,
            "bytes": compression.bytes,
        },
    });
    let mut res = (StatusCode::OK, body.to_string()).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

fn rfc3339(unix: u64) -> String {
    let days = (unix / 86_400) as i64;
    let secs = unix % 86_400;
    let d = crate::calendar::Date::from_unix_days(days);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        d.iso(),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// `/static/<fingerprinted name>`: cached for a year, immutable.
async fn static_file(
    State(state): State<Arc<AppState>>,
    axum::extract::Path(name): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Response {
    match site::asset(&name) {
        Some(asset) => send(&headers, asset, StatusCode::OK, Caching::Immutable),
        None => not_found(&state, &headers, Lang::Bn),
    }
}

/// `/{lang}/search?q=…`: the one page rendered per request.
async fn search(
    State(state): State<Arc<AppState>>,
    axum::extract::Path(lang): axum::extract::Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let Ok(lang) = lang.parse::<Lang>() else {
        return not_found(&state, &headers, Lang::Bn);
    };
    // form_urlencoded decodes leniently (bad escapes stay literal, bad
    // UTF-8 becomes U+FFFD), so no query can turn into an error page.
    let query: String = raw
        .as_deref()
        .map(|raw| {
            form_urlencoded::parse(raw.as_bytes())
                .find(|(k, _)| k == "q")
                .map(|(_, v)| {
                    v.chars()
                        .filter(|c| !c.is_control())
                        .take(urls::MAX_QUERY_CHARS)
                        .collect()
                })
                .unwrap_or_default()
        })
        .unwrap_or_default();
    let site = state.site();
    match site.search_page(lang, &query) {
        Ok(html) => send(
            &headers,
            &Page::identity_only("text/html; charset=utf-8", html),
            StatusCode::OK,
            Caching::Revalidate,
        ),
        Err(e) => {
            tracing::error!("search page failed: {e}");
            send(
                &headers,
                site.error_page(lang, ErrorKind::ServerError),
                StatusCode::INTERNAL_SERVER_ERROR,
                Caching::None,
            )
        }
    }
}

/// Every other path: a pre-rendered page, a redirect to add a missing
/// slash, or a 404 in the path's language.
async fn page(State(state): State<Arc<AppState>>, req: Request) -> Response {
    let path = req.uri().path();
    let headers = req.headers();
    // A guard, not a clone of the Arc: no shared counter for every request
    // on every core to bump.
    let site = state.site.load();
    if let Some(page) = site.page(path) {
        return page_response(headers, path, page);
    }
    let lang = urls::lang_of(path);
    if let Some(lang) = lang {
        let bare = path.trim_end_matches('/');
        if bare == format!("/{lang}") {
            return redirect(StatusCode::MOVED_PERMANENTLY, &urls::home(lang));
        }
        if path.ends_with('/') && site.page(bare).is_some() {
            return redirect(StatusCode::MOVED_PERMANENTLY, bare);
        }
    }
    not_found(&state, headers, lang.unwrap_or_default())
}

/// A pre-rendered page at `path`, as [`send`] answers it.
fn page_response(headers: &HeaderMap, path: &str, page: &Page) -> Response {
    let mut res = send(headers, page, StatusCode::OK, Caching::Revalidate);
    if urls::is_open_data(path) {
        // Public data: any site may read it from a browser.
        res.headers_mut().insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
    }
    res
}

fn not_found(state: &AppState, headers: &HeaderMap, lang: Lang) -> Response {
    let site = state.site();
    send(
        headers,
        site.error_page(lang, ErrorKind::NotFound),
        StatusCode::NOT_FOUND,
        Caching::None,
    )
}

/// How long a client may keep a response.
#[derive(Debug, Clone, Copy)]
enum Caching {
    /// HTML: keep, but ask every time (an edit shows at once).
    Revalidate,
    /// Fingerprinted assets: a year, never ask.
    Immutable,
    /// Errors: do not store.
    None,
}

/// The response for `page`: the best encoding the client accepts, 304 when
/// its copy is current, 406 when it accepts nothing we have.
fn send(req: &HeaderMap, page: &Page, status: StatusCode, caching: Caching) -> Response {
    let accepted = Accepted::parse(
        req.get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok()),
    );
    let Some(sent) = page.encoded(&accepted) else {
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
    // Headers go straight into the response's map, with room for the ones
    // the layers add, so it is allocated once per request.
    let mut res = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut res = Response::new(Body::from(sent.body.clone()));
        *res.status_mut() = status;
        res
    };
    let h = res.headers_mut();
    h.reserve(16);
    if !not_modified {
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
        h.insert(header::ETAG, sent.etag.clone());
    }
    if !not_modified {
        if let Some(coding) = sent.coding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        h.insert(header::CONTENT_LENGTH, sent.length.clone());
    }
    if status.is_client_error() || status.is_server_error() {
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

/// Serves `state` on `listener` until Ctrl-C or SIGTERM, letting requests
/// in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    options: &ServeOptions,
) -> std::io::Result<()> {
    serve_with(
        listener,
        app_with(state, options),
        options,
        shutdown_signal(),
    )
    .await
}

/// Serves `app` on `listener` over HTTP/1.1 until `shutdown` completes.
///
/// Each connection gets hyper's limits (request head size, header read
/// timeout); at most `options.max_connections` are open at once, the rest
/// wait in the listen queue. On shutdown the listener is closed at once,
/// idle connections are closed, and requests in flight may finish within
/// `options.shutdown_grace`.
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    app: Router,
    options: &ServeOptions,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(options.header_read_timeout)
        .max_header_size(MAX_REQUEST_HEAD)
        .max_buf_size(MAX_REQUEST_HEAD);
    let open = Arc::new(Semaphore::new(options.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = open.clone().acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little
                    // rather than spin; the connections open go on.
                    tracing::warn!("cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let conn =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // Clients that go away, send garbage or time out end here;
            // hyper has already answered whatever could be answered.
            if let Err(e) = conn.await {
                tracing::debug!("connection ended: {e}");
            }
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(options.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            "requests still running after {:?}; closing their connections",
            options.shutdown_grace
        );
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
