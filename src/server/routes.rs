//! The routes that are not a stored page: the root redirect, `/healthz`,
//! search (the one page rendered per request), a missing slash, and 404.
//! Stored pages and static files are answered before the router
//! ([`super::app`]); they are looked up here too, for a request that
//! arrives while a reload swaps the site.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Extension;
use axum::Router;
use axum::extract::{FromRequestParts, Path, RawQuery, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::StatusCode;
use http::header::{self, HeaderMap, HeaderValue};
use http::request::Parts;

use super::app::Answerer;
use super::respond::{self, AppError, Caching};
use super::{AppState, Deployment, Problems};
use crate::calendar::rfc3339;
use crate::i18n::Lang;
use crate::render::RenderError;
use crate::site::{Directory, HTML, Page, search};
use crate::urls;

type Answer = Result<Response, AppError>;

/// Every route of an office's site (the office is the request's
/// [`Answerer`], which [`super::App`] sets).
pub fn routes() -> Router {
    Router::new()
        .route("/", get(root))
        .route("/healthz", get(healthz))
        .route("/static/{name}", get(static_file))
        .route("/{lang}/search", get(search))
        .fallback(page)
}

/// Every route of the directory of a folder's offices.
pub fn directory_routes(deployment: Arc<Deployment>) -> Router {
    Router::new()
        .route("/", get(root))
        .route("/healthz", get(directory_healthz))
        .route("/static/{name}", get(static_file))
        .route("/{lang}/search", get(directory_search))
        .fallback(page)
        .with_state(deployment)
}

/// The office a request is for.
struct Office(Arc<AppState>);

impl<S: Send + Sync> FromRequestParts<S> for Office {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        match parts.extensions.get::<Answerer>() {
            Some(Answerer::Office(state)) => Ok(Office(Arc::clone(state))),
            _ => Err(AppError::new(StatusCode::INTERNAL_SERVER_ERROR, Lang::Bn)),
        }
    }
}

/// The directory, when a request is for it.
struct DirectoryOf(Arc<Directory>);

impl<S: Send + Sync> FromRequestParts<S> for DirectoryOf {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        match parts.extensions.get::<Answerer>() {
            Some(Answerer::Directory(directory)) => Ok(DirectoryOf(Arc::clone(directory))),
            _ => Err(AppError::new(StatusCode::INTERNAL_SERVER_ERROR, Lang::Bn)),
        }
    }
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
async fn healthz(Office(state): Office) -> Response {
    let (site, health) = state.status();
    let failure = health.failure;
    let unix = |t: SystemTime| {
        t.duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_secs()
    };
    let compression = site.compression();
    let history = state.history_failing();
    let status = match (&failure, &history) {
        (Some(_), _) => "stale",
        (None, Some(_)) => "degraded",
        (None, None) => "ok",
    };
    let body = serde_json::json!({
        "status": status,
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
        // Versions can no longer be kept (a state folder full or
        // read-only): the site serves, but nothing could be restored.
        "history_error": history.as_ref().map(|f| serde_json::json!({
            "reason": f.reason,
            "at": rfc3339(f.at),
        })),
        "compression": {
            "pages": compression.pages,
            "finished": compression.finished,
            "complete": compression.finished == compression.pages,
            "bytes": compression.bytes,
        },
    });
    json_no_store(&body)
}

/// `body` as a JSON answer that is never stored.
fn json_no_store(body: &serde_json::Value) -> Response {
    let mut res = (StatusCode::OK, body.to_string()).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Most offices the directory's `/healthz` names in each of its lists
/// (their counts are always whole): anyone may read it.
const MAX_LISTED_PROBLEMS: usize = 100;

/// The directory's `/healthz`: how many offices are served, which serve
/// an older version than their file's (`stale`), which offices are not
/// served at all (`invalid`), which addresses the offices' files name
/// that do not reach them (`refused_addresses`), which entries of the
/// folder are skipped and why (`skipped`), what of the registry of
/// addresses is left out or could not be read again (`registry`), and
/// which offices' versions can no longer be kept (`history_errors`), each
/// in one bounded line (the log has the whole report); and how far the
/// compression of every office has gone. `ok` when nothing is wrong, else
/// `degraded`; always 200: every valid office is served.
async fn directory_healthz(State(deployment): State<Arc<Deployment>>) -> Response {
    let offices = deployment.offices();
    let problems = deployment.problems();
    let mut stale = Vec::new();
    let mut history = Vec::new();
    let mut compression = crate::site::CompressionState::default();
    for office in &offices {
        let (site, health) = office.state.status();
        if let Some(failure) = health.failure {
            stale.push(serde_json::json!({
                "office": office.id,
                "error": failure.summary,
                "at": rfc3339(failure.at),
            }));
        }
        if let Some(failing) = office.state.history_failing() {
            history.push(serde_json::json!({
                "office": office.id,
                "reason": failing.reason,
                "at": rfc3339(failing.at),
            }));
        }
        let c = site.compression();
        compression.pages += c.pages;
        compression.finished += c.finished;
        compression.bytes += c.bytes;
    }
    let (stale_count, history_count) = (stale.len(), history.len());
    stale.truncate(MAX_LISTED_PROBLEMS);
    history.truncate(MAX_LISTED_PROBLEMS);
    let Problems {
        invalid,
        refused,
        skipped,
        registry,
        registry_error,
    } = problems;
    let degraded = stale_count > 0
        || history_count > 0
        || !invalid.is_empty()
        || !refused.is_empty()
        || !skipped.is_empty()
        || !registry.is_empty()
        || registry_error.is_some();
    let listed = |count: usize, key: &str, items: Vec<serde_json::Value>| serde_json::json!({ "count": count, key: items });
    let body = serde_json::json!({
        "status": if degraded { "degraded" } else { "ok" },
        "offices": offices.len(),
        "stale": listed(stale_count, "offices", stale),
        "invalid": listed(invalid.len(), "files", invalid.iter().take(MAX_LISTED_PROBLEMS).map(|i| serde_json::json!({
            "office": i.id,
            "error": i.summary,
            "at": rfc3339(i.at),
        })).collect()),
        "refused_addresses": listed(refused.len(), "addresses", refused.iter().take(MAX_LISTED_PROBLEMS).map(|r| serde_json::json!({
            "office": r.office,
            "host": r.host,
            "claimed_as": r.kind.name(),
            "line": r.at.line,
            "held_by": match &r.why {
                crate::offices::addresses::Why::HeldBy(other) => Some(other.as_str()),
                _ => None,
            },
            "error": brief(&r.to_string()),
        })).collect()),
        "skipped": listed(skipped.len(), "entries", skipped.iter().take(MAX_LISTED_PROBLEMS).map(|s| serde_json::json!({
            "name": s.name,
            "why": brief(&s.to_string()),
        })).collect()),
        "registry": {
            "left_out": listed(registry.len(), "entries", registry.iter().take(MAX_LISTED_PROBLEMS).map(|p| serde_json::json!({
                "line": p.at.line,
                "error": brief(&p.text),
            })).collect()),
            "error": registry_error.as_ref().map(|(e, _)| brief(e)),
            "error_at": registry_error.as_ref().map(|(_, at)| rfc3339(*at)),
        },
        "history_errors": listed(history_count, "offices", history),
        "compression": {
            "pages": compression.pages,
            "finished": compression.finished,
            "complete": compression.finished == compression.pages,
            "bytes": compression.bytes,
        },
    });
    json_no_store(&body)
}

/// `text` in at most 300 characters, without the folder's path (anyone
/// may read `/healthz`).
fn brief(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default();
    let line = match first.find(": ") {
        // A path before the first ": " is cut to its file's name.
        Some(i) if first[..i].contains('/') => {
            let (path, rest) = first.split_at(i);
            format!("{}{rest}", path.rsplit('/').next().unwrap_or(path))
        }
        _ => first.to_string(),
    };
    let mut brief: String = line.chars().take(300).collect();
    if brief.len() < line.len() {
        brief.push('…');
    }
    brief
}

/// `/static/<fingerprinted name>`: cached for a year, immutable.
async fn static_file(
    Extension(answerer): Extension<Answerer>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Answer {
    answerer.with_pages(|pages| {
        let asset = pages
            .asset(&name)
            .ok_or(AppError::new(StatusCode::NOT_FOUND, Lang::Bn))?;
        Ok(respond::send(
            &headers,
            asset,
            StatusCode::OK,
            Caching::Immutable,
        ))
    })
}

/// `/{lang}/search?q=…`: the one page rendered per request.
async fn search(
    Office(state): Office,
    Path(lang): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Answer {
    search_answer(&headers, &lang, raw.as_deref(), "search", |lang, query| {
        state.site().search_page(lang, query)
    })
}

/// The directory's `/{lang}/search?q=…`: every office's services.
async fn directory_search(
    State(deployment): State<Arc<Deployment>>,
    DirectoryOf(directory): DirectoryOf,
    Path(lang): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Answer {
    search_answer(
        &headers,
        &lang,
        raw.as_deref(),
        "directory search",
        |lang, query| directory.search_page(&deployment.listed(), lang, query),
    )
}

/// A search's answer: its page in the path's language, made by `render`
/// for the query; `what` names the page in the log if it fails.
fn search_answer(
    headers: &HeaderMap,
    lang: &str,
    raw_query: Option<&str>,
    what: &str,
    render: impl FnOnce(Lang, &str) -> Result<String, RenderError>,
) -> Answer {
    let lang: Lang = lang
        .parse()
        .map_err(|_| AppError::new(StatusCode::NOT_FOUND, Lang::Bn))?;
    let query = search::query_of(raw_query);
    let html = render(lang, &query).map_err(|e| {
        tracing::error!("{what} page failed: {e}");
        AppError::new(StatusCode::INTERNAL_SERVER_ERROR, lang)
    })?;
    // Compressed like every page (a quick gzip copy: a long query makes a
    // page of tens of KB, most of it the query).
    Ok(respond::send(
        headers,
        &Page::rendered_now(HTML, html),
        StatusCode::OK,
        Caching::Revalidate,
    ))
}

/// Every other path: a pre-rendered page, a redirect to add a missing
/// slash, or a 404 in the path's language.
async fn page(Extension(answerer): Extension<Answerer>, req: Request) -> Answer {
    let path = req.uri().path();
    answerer.with_pages(|pages| {
        if let Some(page) = pages.page(path) {
            return Ok(respond::page_response(req.headers(), path, page));
        }
        let lang = urls::lang_of(path);
        if let Some(lang) = lang {
            let bare = path.trim_end_matches('/');
            if bare == format!("/{lang}") {
                return Ok(redirect(StatusCode::MOVED_PERMANENTLY, &urls::home(lang)));
            }
            if path.ends_with('/') && pages.page(bare).is_some() {
                return Ok(redirect(StatusCode::MOVED_PERMANENTLY, bare));
            }
        }
        Err(AppError::new(
            StatusCode::NOT_FOUND,
            lang.unwrap_or_default(),
        ))
    })
}
