//! The site's routes, one set for an office and for the directory of a
//! folder's offices: the root redirect, `/healthz`, static files and the
//! icon, search (the one page rendered per request, on the CPU pool), and
//! every stored page (the fallback), with a missing slash and 404. Each
//! handler answers for whoever the request is for ([`Answerer`], which
//! [`super::answer`] sets).

use std::sync::Arc;

use axum::Extension;
use axum::Router;
use axum::extract::{Path, RawQuery, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::header::{self, HeaderMap, HeaderValue};
use http::{Method, StatusCode};

use super::Deployment;
use super::answer::{Addressed, Answerer};
use super::cpu::CpuPool;
use super::health;
use super::respond::{self, AppError, Caching};
use crate::i18n::Lang;
use crate::render::RenderError;
use crate::site::{HTML, Page, search};
use crate::{assets, urls};

type Answer = Result<Response, AppError>;

/// What the routes share: the deployment, and the pool searches run on.
#[derive(Clone)]
pub(super) struct Served {
    pub deployment: Arc<Deployment>,
    pub cpu: CpuPool,
}

/// Every route of the site, for an office and for the directory.
pub(super) fn routes(served: Served) -> Router {
    Router::new()
        .route("/", get(root))
        .route("/healthz", get(healthz))
        .route("/static/{name}", get(static_file))
        .route(urls::FAVICON, get(favicon))
        .route("/{lang}/search", get(search))
        .fallback(page)
        .with_state(served)
}

/// `/healthz` of whoever the request is for ([`health`]).
async fn healthz(
    State(Served { deployment, .. }): State<Served>,
    Extension(Addressed { to, .. }): Extension<Addressed>,
) -> Response {
    health::healthz(&to, &deployment)
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

/// `/static/<fingerprinted name>`: cached for a year, immutable.
async fn static_file(
    Extension(Addressed { to: answerer, .. }): Extension<Addressed>,
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

/// `/favicon.ico`: the icon, for clients that ask for it without reading
/// a page, under a name that does not change with its content.
async fn favicon(
    Extension(Addressed { to: answerer, .. }): Extension<Addressed>,
    headers: HeaderMap,
) -> Answer {
    answerer.with_pages(|pages| {
        let icon = pages
            .asset(&assets::fingerprinted(assets::ICON))
            .ok_or(AppError::new(StatusCode::NOT_FOUND, Lang::Bn))?;
        Ok(respond::send(
            &headers,
            icon,
            StatusCode::OK,
            Caching::Revalidate,
        ))
    })
}

/// `/{lang}/search?q=…`: an office's services, or every office's for the
/// directory; rendered on the CPU pool, and 503 with `Retry-After` when
/// it is full.
async fn search(
    State(Served { deployment, cpu }): State<Served>,
    Extension(Addressed {
        to: answerer,
        from: client,
    }): Extension<Addressed>,
    Path(lang): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Answer {
    let lang: Lang = lang
        .parse()
        .map_err(|_| AppError::new(StatusCode::NOT_FOUND, Lang::Bn))?;
    let query = search::query_of(raw.as_deref());
    // Rendered and compressed (a quick gzip copy: a long query makes a
    // page of tens of KB, most of it the query) on the pool, off the
    // workers that answer the stored pages.
    let rendered = match answerer {
        Answerer::Office(state) => {
            cpu.run_for(client.ip, move || {
                let html = state.site().search_page(lang, &query)?;
                Ok(Page::rendered_now(HTML, html))
            })
            .await
        }
        Answerer::Directory(directory) => {
            let listed = deployment.listed();
            cpu.run_for(client.ip, move || {
                let html = directory.search_page(&listed, lang, &query)?;
                Ok(Page::rendered_now(HTML, html))
            })
            .await
        }
    };
    let page = match rendered {
        Ok(Ok(page)) => page,
        Ok(Err(e)) => {
            let e: RenderError = e;
            tracing::error!("search page failed: {e}");
            return Err(AppError::new(StatusCode::INTERNAL_SERVER_ERROR, lang));
        }
        Err(_busy) => return Ok(busy(lang)),
    };
    Ok(respond::send(
        &headers,
        &page,
        StatusCode::OK,
        Caching::Revalidate,
    ))
}

/// 503 for work the CPU pool has no room for: try again in a second.
fn busy(lang: Lang) -> Response {
    let mut res = AppError::new(StatusCode::SERVICE_UNAVAILABLE, lang).into_response();
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    res
}

/// Every other path: a pre-rendered page, a redirect to add a missing
/// slash, or a 404 in the path's language; a method other than GET or
/// HEAD is 405.
async fn page(
    Extension(Addressed { to: answerer, .. }): Extension<Addressed>,
    req: Request,
) -> Answer {
    let path = req.uri().path();
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let lang = respond::request_lang(path, req.headers());
        let mut res = AppError::new(StatusCode::METHOD_NOT_ALLOWED, lang).into_response();
        res.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return Ok(res);
    }
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
