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

use super::respond::{self, AppError, Asked, Caching};
use super::{AppState, ServeOptions};
use crate::{assets, urls};

type Boxed = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

/// The application as a service: `routes` behind the request checks, the
/// short way for stored pages, the timeout and the panic guard.
#[derive(Clone)]
pub struct App {
    shared: Arc<Shared>,
    routes: Router,
}

struct Shared {
    state: Arc<AppState>,
    options: ServeOptions,
}

impl App {
    /// `routes` (any router: the site's, or a test's) answered the site's
    /// way, with `state`'s error pages.
    pub fn new(routes: Router, state: Arc<AppState>, options: &ServeOptions) -> App {
        App {
            shared: Arc::new(Shared {
                state,
                options: options.clone(),
            }),
            routes,
        }
    }
}

impl Shared {
    /// The answer made without the router, if there is one: a refusal,
    /// a pre-rendered page or a static file.
    fn without_router(&self, req: &Request) -> Option<Result<Response, AppError>> {
        let path = req.uri().path();
        if let Some(status) = respond::refusal(req, &self.options) {
            let lang = respond::request_lang(path, req.headers());
            return Some(Err(AppError::new(status, lang)));
        }
        // A guard, not a clone of the Arc: no shared counter for every
        // request on every core to bump.
        let site = self.state.site.load();
        let res = match path.strip_prefix("/static/") {
            Some(name) => respond::send(
                req.headers(),
                site.asset(name)?,
                StatusCode::OK,
                Caching::Immutable,
            ),
            // Under a name that does not change with its content.
            None if path == urls::FAVICON => respond::send(
                req.headers(),
                site.asset(&assets::fingerprinted(assets::ICON))?,
                StatusCode::OK,
                Caching::Revalidate,
            ),
            None => respond::page_response(req.headers(), path, site.page(path)?),
        };
        Some(Ok(res))
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

    fn call(&mut self, req: Request) -> Self::Future {
        let start = Instant::now();
        let shared = &self.shared;
        let early = std::panic::catch_unwind(AssertUnwindSafe(|| shared.without_router(&req)))
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
            let site = shared.state.site.load();
            let res = respond::finish(&site, &shared.options, &asked, answer, start);
            return Either::Left(ready(Ok(res)));
        }
        let shared = Arc::clone(shared);
        let routes = self.routes.clone();
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
            let site = shared.state.site();
            Ok(respond::finish(
                &site,
                &shared.options,
                &asked,
                answer,
                start,
            ))
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
