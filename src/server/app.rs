//! The one way a request is answered.
//!
//! [`App`] refuses what the checks refuse, answers a pre-rendered page or
//! static file itself (a lookup and a copy of stored bytes, which cannot
//! time out), and hands anything else to the router, within the request
//! timeout and with panics caught. Whichever answered, the answer goes
//! through [`respond::finish`]: error page, HEAD, security headers, log.

use std::convert::Infallible;
use std::future::{Ready, ready};
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use axum::Router;
use axum::extract::Request;
use axum::response::Response;
use futures_util::FutureExt as _;
use futures_util::future::Either;
use http::StatusCode;
use http::header::{self, HeaderMap};
use tower::ServiceExt as _;

use super::respond::{self, AppError, Asked, Caching, Pages};
use super::routes;
use super::{Answering, AppState, Deployment, ServeOptions};
use crate::site::Directory;
use crate::{assets, urls};

type Boxed = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

/// The application as a service: the routes behind the request checks,
/// the short way for stored pages, the timeout and the panic guard, for
/// the office or the directory the request's host names.
#[derive(Clone)]
pub struct App {
    shared: Arc<Shared>,
    office_routes: Router,
    directory_routes: Router,
}

struct Shared {
    deployment: Arc<Deployment>,
    options: ServeOptions,
}

/// Who answers a request the router takes: given to the routes as a
/// request extension ([`axum::Extension`]).
#[derive(Clone)]
pub(super) enum Answerer {
    Office(Arc<AppState>),
    Directory(Arc<Directory>),
}

impl Answerer {
    /// Calls `f` with the pages this answers from now.
    pub(super) fn with_pages<R>(&self, f: impl FnOnce(&dyn Pages) -> R) -> R {
        match self {
            Answerer::Office(state) => f(&*state.site()),
            Answerer::Directory(directory) => f(&**directory),
        }
    }

    fn of(answering: &Answering<'_>) -> Answerer {
        match answering {
            Answering::Office(state) => Answerer::Office(Arc::clone(state)),
            Answering::Directory(directory) => Answerer::Directory(Arc::clone(directory)),
        }
    }
}

impl App {
    /// `office_routes` (any router: an office's, or a test's) answered the
    /// site's way for the offices of `deployment`, with their error pages,
    /// and the directory's routes for any other host.
    pub fn new(office_routes: Router, deployment: Arc<Deployment>, options: &ServeOptions) -> App {
        App {
            directory_routes: routes::directory_routes(Arc::clone(&deployment)),
            shared: Arc::new(Shared {
                deployment,
                options: options.clone(),
            }),
            office_routes,
        }
    }
}

/// The answer made without the router, if there is one: a refusal, a
/// pre-rendered page or a static file of `pages`.
fn without_router(
    req: &Request,
    pages: &dyn Pages,
    options: &ServeOptions,
) -> Option<Result<Response, AppError>> {
    let path = req.uri().path();
    if let Some(status) = respond::refusal(req, options) {
        let lang = respond::request_lang(path, req.headers());
        return Some(Err(AppError::new(status, lang)));
    }
    let res = match path.strip_prefix("/static/") {
        Some(name) => respond::send(
            req.headers(),
            pages.asset(name)?,
            StatusCode::OK,
            Caching::Immutable,
        ),
        // Under a name that does not change with its content.
        None if path == urls::FAVICON => respond::send(
            req.headers(),
            pages.asset(&assets::fingerprinted(assets::ICON))?,
            StatusCode::OK,
            Caching::Revalidate,
        ),
        None => respond::page_response(req.headers(), path, pages.page(path)?),
    };
    Some(Ok(res))
}

/// Calls `f` with the pages `answering` serves now.
fn with_pages<R>(answering: &Answering<'_>, f: impl FnOnce(&dyn Pages) -> R) -> R {
    match answering {
        // A guard, not a clone of the Arc: no shared counter for every
        // request on every core to bump.
        Answering::Office(state) => f(&**state.site.load()),
        Answering::Directory(directory) => f(&***directory),
    }
}

impl tower::Service<Request> for App {
    type Response = Response;
    type Error = Infallible;
    type Future = Either<Ready<Result<Response, Infallible>>, Boxed>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        // A Router is always ready.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, mut req: Request) -> Self::Future {
        let start = Instant::now();
        let shared = &self.shared;
        let view = shared.deployment.view();
        let answering = view.resolve(req.headers().get(header::HOST).map(|h| h.as_bytes()));
        let early = std::panic::catch_unwind(AssertUnwindSafe(|| {
            with_pages(&answering, |pages| {
                without_router(&req, pages, &shared.options)
            })
        }))
        .unwrap_or_else(|_| {
            let lang = respond::request_lang(req.uri().path(), req.headers());
            Some(Err(AppError::new(StatusCode::INTERNAL_SERVER_ERROR, lang)))
        });
        if let Some(answer) = early {
            let asked = Asked {
                method: req.method(),
                path: req.uri().path(),
                headers: req.headers(),
            };
            let res = with_pages(&answering, |pages| {
                respond::finish(pages, &shared.options, &asked, answer, start)
            });
            return Either::Left(ready(Ok(res)));
        }
        let answerer = Answerer::of(&answering);
        drop(view);
        let shared = Arc::clone(shared);
        let routes = match answerer {
            Answerer::Office(_) => self.office_routes.clone(),
            Answerer::Directory(_) => self.directory_routes.clone(),
        };
        req.extensions_mut().insert(answerer.clone());
        Either::Right(Box::pin(async move {
            // The router takes the request: keep what the answer needs.
            let method = req.method().clone();
            let path = req.uri().path().to_string();
            let mut headers = HeaderMap::new();
            for name in [header::ACCEPT_ENCODING, header::ACCEPT_LANGUAGE] {
                if let Some(value) = req.headers().get(&name) {
                    headers.insert(name, value.clone());
                }
            }
            let lang = respond::request_lang(&path, &headers);
            let routed = AssertUnwindSafe(routes.oneshot(req)).catch_unwind();
            let answer = match tokio::time::timeout(shared.options.request_timeout, routed).await {
                Ok(Ok(Ok(res))) => Ok(res),
                Ok(Ok(Err(never))) => match never {},
                Ok(Err(panic)) => {
                    log_panic(&*panic);
                    Err(AppError::new(StatusCode::INTERNAL_SERVER_ERROR, lang))
                }
                Err(_) => Err(AppError::new(StatusCode::SERVICE_UNAVAILABLE, lang)),
            };
            let asked = Asked {
                method: &method,
                path: &path,
                headers: &headers,
            };
            Ok(answerer
                .with_pages(|pages| respond::finish(pages, &shared.options, &asked, answer, start)))
        }))
    }
}

/// A panic in a handler, answered with a 500 page instead of a dropped
/// connection.
fn log_panic(payload: &(dyn std::any::Any + Send)) {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "request handler panicked; answered 500");
}
