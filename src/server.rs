//! HTTP: routes, content negotiation, caching headers, reload.
//!
//! Pages come pre-rendered and pre-compressed from [`Site`]; a request picks
//! the encoding the client accepts, answers `304` when its copy is current,
//! and otherwise sends the stored bytes. Only search renders per request.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, UNIX_EPOCH};

use arc_swap::ArcSwap;
use axum::Router;
use axum::body::Body;
use axum::extract::{RawQuery, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Method, StatusCode};

use crate::charter::{self, LoadError};
use crate::i18n::Lang;
use crate::render::ErrorKind;
use crate::site::{self, Page, Site};
use crate::urls;

/// What the server shares between requests.
#[derive(Debug)]
pub struct AppState {
    site: ArcSwap<Site>,
    charter_path: PathBuf,
    last_reload_error: Mutex<Option<String>>,
}

impl AppState {
    /// State serving `site`, loaded from `charter_path` (reloads read it
    /// again).
    pub fn new(site: Site, charter_path: PathBuf) -> Arc<AppState> {
        Arc::new(AppState {
            site: ArcSwap::from_pointee(site),
            charter_path,
            last_reload_error: Mutex::new(None),
        })
    }

    /// The site being served now.
    pub fn site(&self) -> Arc<Site> {
        self.site.load_full()
    }

    /// Reads the charter file again. A valid charter replaces the site in
    /// one atomic swap; an invalid one is logged and the last good site
    /// keeps being served.
    pub async fn reload(self: &Arc<Self>) -> Result<(), String> {
        let path = self.charter_path.clone();
        // Rendering and brotli are CPU work: keep them off the async workers.
        let built = tokio::task::spawn_blocking(move || load_site(&path))
            .await
            .map_err(|e| format!("reload task failed: {e}"))?;
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
                self.site.store(Arc::new(site));
                *last = None;
                Ok(())
            }
            Err(message) => {
                tracing::error!(
                    "charter not reloaded; still serving the last good version:\n{message}"
                );
                *last = Some(message.clone());
                Err(message)
            }
        }
    }
}

/// Loads, validates and renders the charter at `path`; the error is the
/// text `charter check` would print.
pub fn load_site(path: &std::path::Path) -> Result<Site, String> {
    let loaded = charter::load_file(path).map_err(|e| match e {
        LoadError::Invalid { .. } | LoadError::Read { .. } => e.to_string(),
    })?;
    Site::build(loaded).map_err(|e| e.to_string())
}

/// The application: every route, and the layers that apply to all of them.
pub fn app(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(root))
        .route("/healthz", get(healthz))
        .route("/static/{name}", get(static_file))
        .route("/{lang}/search", get(search))
        .fallback(page)
        .with_state(state.clone())
        .layer(middleware::from_fn_with_state(state, guard))
        .layer(middleware::map_response(with_security_headers))
        .layer(middleware::from_fn(log_request))
}

/// Only GET and HEAD exist here; anything else is 405 with `Allow`.
async fn guard(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let lang = urls::lang_of(req.uri().path()).unwrap_or_default();
        let site = state.site();
        let mut res = send(
            req.headers(),
            site.error_page(lang, ErrorKind::BadRequest),
            StatusCode::METHOD_NOT_ALLOWED,
            Caching::None,
        );
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return res;
    }
    next.run(req).await
}

/// Headers every response carries, set in this one place.
async fn with_security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
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
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
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
    res
}

/// One log line per request: method, path, status, bytes, duration.
async fn log_request(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let res = next.run(req).await;
    let bytes = res
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string();
    tracing::info!(
        target: "access",
        %method,
        path,
        status = res.status().as_u16(),
        bytes,
        micros = start.elapsed().as_micros() as u64,
    );
    res
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

/// `/healthz`: which charter is loaded, when, and the last reload error.
async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    let site = state.site();
    let loaded = site
        .loaded_at
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs();
    let error = state
        .last_reload_error
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let body = serde_json::json!({
        "status": "ok",
        "content_hash": site.content_hash,
        "loaded_at": rfc3339(loaded),
        "loaded_at_unix": loaded,
        "pages": site.paths().len(),
        "last_reload_error": error,
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
                .map(|(_, v)| v.chars().filter(|c| !c.is_control()).take(2000).collect())
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
    let site = state.site();
    if let Some(page) = site.page(path) {
        return send(headers, page, StatusCode::OK, Caching::Revalidate);
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
    let Some(encoding) = negotiate(req.get(header::ACCEPT_ENCODING)) else {
        let mut res = (
            StatusCode::NOT_ACCEPTABLE,
            "406 Not Acceptable: this server sends br, gzip or identity\n",
        )
            .into_response();
        res.headers_mut()
            .insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        return res;
    };
    let (body, coding, suffix) = match encoding {
        Encoding::Brotli if !page.brotli.is_empty() => (page.brotli.clone(), Some("br"), "-br"),
        Encoding::Gzip if !page.gzip.is_empty() => (page.gzip.clone(), Some("gzip"), "-gz"),
        _ => (page.identity.clone(), None, ""),
    };
    let etag = format!("\"{}{suffix}\"", page.etag);
    let mut h = HeaderMap::new();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(page.content_type),
    );
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
        if let Ok(v) = HeaderValue::from_str(&etag) {
            h.insert(header::ETAG, v);
        }
    }
    if let Some(coding) = coding {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    }
    if status == StatusCode::OK
        && !matches!(caching, Caching::None)
        && if_none_match(req, &page.etag)
    {
        let mut res = StatusCode::NOT_MODIFIED.into_response();
        h.remove(header::CONTENT_TYPE);
        h.remove(header::CONTENT_ENCODING);
        res.headers_mut().extend(h);
        return res;
    }
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = status;
    res.headers_mut().extend(h);
    res
}

/// Content codings, in our order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// brotli.
    Brotli,
    /// gzip.
    Gzip,
    /// No compression.
    Identity,
}

/// Picks the coding for an `Accept-Encoding` value: highest q-value wins,
/// ties go to br, then gzip, then identity; `None` when nothing we have is
/// acceptable (e.g. `identity;q=0` alone).
pub fn negotiate(header: Option<&HeaderValue>) -> Option<Encoding> {
    let Some(value) = header.and_then(|v| v.to_str().ok()) else {
        return Some(Encoding::Identity);
    };
    let mut listed: Vec<(String, f32)> = Vec::new();
    for item in value.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        if coding.is_empty() {
            continue;
        }
        let mut q = 1.0_f32;
        for param in parts {
            if let Some((k, v)) = param.split_once('=') {
                if k.trim().eq_ignore_ascii_case("q") {
                    q = v.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0);
                }
            }
        }
        listed.push((coding, q));
    }
    let explicit = |name: &str| {
        listed
            .iter()
            .find(|(c, _)| c == name || (name == "gzip" && c == "x-gzip"))
            .map(|(_, q)| *q)
    };
    let star = explicit("*");
    let q = |name: &str| explicit(name).or(star);
    // Identity is acceptable unless excluded by name or by `*;q=0`; when
    // not named it only wins if nothing else is acceptable.
    let identity = match (explicit("identity"), star) {
        (Some(q), _) => q,
        (None, Some(s)) if s == 0.0 => 0.0,
        (None, _) => 0.001,
    };
    let candidates = [
        (Encoding::Brotli, q("br").unwrap_or(0.0)),
        (Encoding::Gzip, q("gzip").unwrap_or(0.0)),
        (Encoding::Identity, identity),
    ];
    candidates
        .iter()
        .filter(|(_, q)| *q > 0.0)
        .fold(None, |best: Option<(Encoding, f32)>, &(e, q)| match best {
            Some((_, bq)) if bq >= q => best,
            _ => Some((e, q)),
        })
        .map(|(e, _)| e)
}

/// True when `If-None-Match` names any encoding of the page (or `*`).
fn if_none_match(req: &HeaderMap, etag: &str) -> bool {
    let Some(value) = req.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    value.split(',').any(|tag| {
        let tag = tag.trim();
        let tag = tag.strip_prefix("W/").unwrap_or(tag).trim_matches('"');
        tag == "*" || tag == etag || tag == format!("{etag}-br") || tag == format!("{etag}-gz")
    })
}

/// Serves `state` on `listener` until Ctrl-C or SIGTERM, letting requests
/// in flight finish.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
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
