//! The routes that are not a stored page: the root redirect, `/healthz`,
//! search (the one page rendered per request), a missing slash, and 404.
//! Stored pages and static files are answered before the router
//! ([`super::app`]); they are looked up here too, for a request that
//! arrives while a reload swaps the site.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::extract::{Path, RawQuery, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::StatusCode;
use http::header::{self, HeaderMap, HeaderValue};

use super::AppState;
use super::respond::{self, AppError, Caching};
use crate::calendar::rfc3339;
use crate::i18n::Lang;
use crate::site::{HTML, Page, search};
use crate::urls;

type Answer = Result<Response, AppError>;

/// Every route of the site.
pub fn routes(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(root))
        .route("/healthz", get(healthz))
        .route("/static/{name}", get(static_file))
        .route("/{lang}/search", get(search))
        .fallback(page)
        .with_state(state)
}

/// `/`: send the visitor to their language, Bangla unless the browser
/// prefers English.
async fn root(headers: HeaderMap) -> Response {
    let lang = respond::preferred_lang(&headers);
    let mut res = redirect(StatusCode::SEE_OTHER, &urls::home(lang));
    res.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    res
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
/// rendering it took, where the last reload's first error is and when it
/// happened (the whole report is in the log: anyone may read this), the
/// services the last reload removed, and how many pages have their
/// smallest compressed copies yet. Always 200: a stale site still serves.
async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    let (site, health) = state.status();
    let failure = health.failure;
    let unix = |t: SystemTime| {
        t.duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_secs()
    };
    let compression = site.compression();
    let body = serde_json::json!({
        "status": if failure.is_some() { "stale" } else { "ok" },
        "content_hash": site.content_hash,
        "loaded_at": rfc3339(site.loaded_at),
        "loaded_at_unix": unix(site.loaded_at),
        "load_ms": site.load_time.as_millis() as u64,
        "pages": site.paths().len(),
        "last_reload_error": failure.as_ref().map(|f| &f.summary),
        "last_reload_error_at": failure.as_ref().map(|f| rfc3339(f.at)),
        "last_reload_error_at_unix": failure.as_ref().map(|f| unix(f.at)),
        // Shown until the next reload: a cut or an overwrite is seen at once.
        "removed_services": health.removed.as_ref().map(|r| serde_json::json!({
            "count": r.slugs.len(),
            "slugs": r.slugs,
            "at": rfc3339(r.at),
        })),
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

/// `/static/<fingerprinted name>`: cached for a year, immutable.
async fn static_file(
    State(state): State<Arc<AppState>>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Answer {
    let site = state.site();
    let asset = site
        .asset(&name)
        .ok_or(AppError::new(StatusCode::NOT_FOUND, Lang::Bn))?;
    Ok(respond::send(
        &headers,
        asset,
        StatusCode::OK,
        Caching::Immutable,
    ))
}

/// `/{lang}/search?q=…`: the one page rendered per request.
async fn search(
    State(state): State<Arc<AppState>>,
    Path(lang): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Answer {
    let lang: Lang = lang
        .parse()
        .map_err(|_| AppError::new(StatusCode::NOT_FOUND, Lang::Bn))?;
    let query = search::query_of(raw.as_deref());
    let html = state.site().search_page(lang, &query).map_err(|e| {
        tracing::error!("search page failed: {e}");
        AppError::new(StatusCode::INTERNAL_SERVER_ERROR, lang)
    })?;
    // Compressed like every page (a quick gzip copy: a long query makes a
    // page of tens of KB, most of it the query).
    Ok(respond::send(
        &headers,
        &Page::rendered_now(HTML, html),
        StatusCode::OK,
        Caching::Revalidate,
    ))
}

/// Every other path: a pre-rendered page, a redirect to add a missing
/// slash, or a 404 in the path's language.
async fn page(State(state): State<Arc<AppState>>, req: Request) -> Answer {
    let path = req.uri().path();
    let site = state.site();
    if let Some(page) = site.page(path) {
        return Ok(respond::page_response(req.headers(), path, page));
    }
    let lang = urls::lang_of(path);
    if let Some(lang) = lang {
        let bare = path.trim_end_matches('/');
        if bare == format!("/{lang}") {
            return Ok(redirect(StatusCode::MOVED_PERMANENTLY, &urls::home(lang)));
        }
        if path.ends_with('/') && site.page(bare).is_some() {
            return Ok(redirect(StatusCode::MOVED_PERMANENTLY, bare));
        }
    }
    Err(AppError::new(
        StatusCode::NOT_FOUND,
        lang.unwrap_or_default(),
    ))
}
