//! HTTP: the site's pages, content negotiation, caching headers, reload.
//!
//! Pages come pre-rendered and pre-compressed from [`Site`](crate::site::Site);
//! a request picks the encoding the client accepts, gets `304` when its
//! copy is current, and otherwise the stored bytes. Only search renders
//! per request.
//!
//! A request's path, from the socket to the bytes:
//!
//! 1. [`listener`] accepts the connection (a cap in all and per client,
//!    idle connections closed first near the cap) and runs hyper's HTTP/1
//!    on it, with its header read timeout, through [`guard`], which reads
//!    each request head first and answers one hyper would refuse itself,
//!    the site's way;
//! 2. behind tower and tower-http layers: the access log (`TraceLayer`),
//!    the security headers (`MapResponseLayer` with
//!    [`respond::with_security_headers`]), then [`answer`]: the client
//!    behind a trusted proxy, the office or directory the host names, the
//!    checks, the site's error pages; a stored page or static file is
//!    answered there at once, a lookup and a copy of stored bytes;
//! 3. else the [`axum::Router`] made by [`app`], behind panics as 500
//!    (`CatchPanic`) and the request timeout (`Timeout`): a handler of
//!    [`routes`], a search on the [`cpu`] pool, `/healthz`, a redirect,
//!    a 404.
//!
//! What is served is a [`Deployment`]: the offices of a folder and their
//! directory, or a single charter as a folder of one; [`state`] is one
//! office's site and its reload, [`watch`] what reloads it.

mod answer;
mod bodies;
mod client;
mod clients;
mod connection;
pub mod cpu;
mod deployment;
pub mod guard;
mod health;
mod listener;
mod respond;
mod routes;
mod state;
pub mod watch;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::response::Response;
use http::{Request, StatusCode};

pub use answer::{Addressed, Answerer, Logged};
pub use bodies::takes_body;
pub use client::{Client, TrustedProxies};
pub use cpu::CpuPool;
pub use deployment::{
    Answering, Deployment, FolderOptions, Invalid, Look, Office, OpenError, Options, Problems,
    Seen, View,
};
pub use listener::{bind, serve, serve_app, serve_with};
pub use respond::{AppError, HasPage, preferred_lang};
pub use state::{AppState, ReloadError, load_from_history, start};

/// How the server protects itself, with defaults for a small office site
/// behind a reverse proxy.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site is reached over HTTPS (a TLS proxy in front): responses
    /// carry `Strict-Transport-Security`. Never set it for plain HTTP: a
    /// browser that saw HSTS refuses the plain site for a year. Behind a
    /// trusted proxy, its `X-Forwarded-Proto: https` says so too.
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
    /// Most connections open at once. Near it, idle connections are
    /// closed first (`connection.rs`); at it, further ones wait in the
    /// listen queue until one closes.
    pub max_connections: usize,
    /// Most connections one client address may have open (more are
    /// closed at once, and counted in the log); behind a trusted proxy,
    /// most requests one client may have waiting at once (more are 429).
    pub max_connections_per_client: usize,
    /// Whether loopback addresses have the per-client limits too. Off:
    /// behind a reverse proxy on the same machine that is not a trusted
    /// proxy, every visitor comes from there.
    pub limit_loopback: bool,
    /// The proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` name
    /// the client ([`client`]).
    pub trusted_proxies: TrustedProxies,
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
            max_connections_per_client: 32,
            limit_loopback: false,
            trusted_proxies: TrustedProxies::default(),
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// The largest request head read at all (request line and headers);
/// beyond it the request is refused as it is read, 414 or 431
/// (`guard/head.rs`). It sits well above [`ServeOptions`]'s limits, met
/// first for any request that fits.
const MAX_REQUEST_HEAD: usize = 64 * 1024;

/// The application: its routes, what its layers share, and how a
/// connection answers a request head refused as it was read.
#[derive(Clone)]
pub struct App {
    /// The routes, behind the layers that need nothing of the connection.
    routes: Router,
    shared: Arc<answer::Shared>,
    refusals: guard::Refusals,
}

impl App {
    /// Every layer around the routes, for a connection from `peer`
    /// (`None` for requests made without one): the access log, the
    /// security headers, the site's own layer.
    fn service(
        &self,
        peer: Option<std::net::IpAddr>,
    ) -> impl tower::Service<
        http::Request<axum::body::Body>,
        Response = http::Response<
            impl axum::body::HttpBody<Data = bytes::Bytes, Error = axum::Error> + use<>,
        >,
        Error = std::convert::Infallible,
        Future = impl Send + use<>,
    > + Clone
    + Send
    + use<> {
        tower::ServiceBuilder::new()
            .layer(
                tower_http::trace::TraceLayer::new_for_http()
                    .make_span_with(|_: &Request<_>| tracing::Span::none())
                    .on_request(())
                    .on_response(AccessLog)
                    .on_body_chunk(())
                    .on_eos(())
                    .on_failure(()),
            )
            .layer(tower::util::MapResponseLayer::new(
                respond::with_security_headers,
            ))
            .layer(answer::AnswerLayer {
                shared: Arc::clone(&self.shared),
                peer,
            })
            .service(self.routes.clone())
    }

    /// The application as one router, for tests that call it without a
    /// connection.
    pub fn router(&self) -> Router {
        Router::new().fallback_service(self.service(None))
    }
}

/// The application for one charter's office at every host.
pub fn app(state: Arc<AppState>, options: &ServeOptions) -> App {
    app_for(Deployment::single(state), options)
}

/// The application for `deployment`.
pub fn app_for(deployment: Arc<Deployment>, options: &ServeOptions) -> App {
    app_with_routes(deployment, options, Router::new())
}

/// The application for `deployment`, with `extra` routes answered the
/// site's way (behind the same layers): the forms to come, and the
/// tests' own routes.
pub fn app_with_routes(deployment: Arc<Deployment>, options: &ServeOptions, extra: Router) -> App {
    let cpu = CpuPool::for_this_machine(options.limit_loopback);
    app_with(deployment, options, cpu, extra)
}

/// [`app_with_routes`], its searches (and the `extra` routes' work, such
/// as the staff area's password hashing) on `cpu`.
pub fn app_with(
    deployment: Arc<Deployment>,
    options: &ServeOptions,
    cpu: CpuPool,
    extra: Router,
) -> App {
    let served = routes::Served {
        deployment: Arc::clone(&deployment),
        cpu,
    };
    let routes = routes::routes(served)
        .merge(extra)
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            options.request_timeout,
        ))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panicked));
    let shared = Arc::new(answer::Shared {
        deployment: Arc::clone(&deployment),
        options: options.clone(),
        proxies: options.trusted_proxies.clone(),
        waiting: clients::Clients::new(
            "requests waiting",
            options.max_connections_per_client,
            options.limit_loopback,
        ),
    });
    let https = options.https;
    let refusals: guard::Refusals = Arc::new(move |refused: &guard::head::Refused| {
        let view = deployment.view();
        let error = AppError::new(refused.status, refused.lang.unwrap_or_default());
        match view.resolve(None) {
            Answering::Office(state) => respond::refused_answer(&**state.site.load(), error, https),
            Answering::Directory(d) => respond::refused_answer(&**d, error, https),
        }
    });
    App {
        routes,
        shared,
        refusals,
    }
}

/// The answer to a handler that panicked: a bare 500, to which
/// [`answer`] adds the page in the request's language.
fn panicked(payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "request handler panicked; answered 500");
    axum::response::IntoResponse::into_response(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The access log: a line per request (method, path without its query,
/// which holds what people typed into search, status, bytes, duration),
/// at info on the target `access`.
#[derive(Debug, Clone, Copy)]
struct AccessLog;

impl<B: axum::body::HttpBody> tower_http::trace::OnResponse<B> for AccessLog {
    fn on_response(self, res: &http::Response<B>, latency: Duration, _: &tracing::Span) {
        let Some(logged) = res.extensions().get::<Logged>() else {
            return;
        };
        // Every body here is whole (pre-rendered or empty), so its size is
        // known even where hyper, not the handler, sets Content-Length.
        let bytes = res
            .headers()
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
            .or_else(|| res.body().size_hint().exact());
        tracing::info!(
            target: "access",
            method = %logged.method,
            path = logged.path,
            status = res.status().as_u16(),
            bytes,
            micros = latency.as_micros() as u64,
        );
    }
}
