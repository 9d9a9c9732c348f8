//! HTTP: the site's pages, content negotiation, caching headers, reload.
//!
//! Pages come pre-rendered and pre-compressed from [`Site`](crate::site::Site);
//! a request picks the encoding the client accepts, gets `304` when its
//! copy is current, and otherwise the stored bytes. Only search renders
//! per request.
//!
//! - [`state`]: the site served and its reload;
//! - [`app`]: the one way a request is answered, and [`respond`], the
//!   functions every answer is made with (one error type, [`AppError`]);
//! - [`routes`]: what is not a stored page (root, health, search, 404);
//! - [`listener`]: the connections, with their limits;
//! - [`watch`]: live reload when the charter file changes, and on SIGHUP.

mod app;
mod clients;
mod connection;
mod deployment;
mod guarded;
pub mod head;
mod listener;
mod respond;
mod routes;
mod state;
pub mod watch;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;

pub use app::App;
pub use deployment::{Answering, Deployment, FolderOptions, Invalid, Office, Problems, View};
pub use listener::{bind, serve, serve_with};
pub use respond::{AppError, preferred_lang};
pub use state::{AppState, ReloadError, load_from_history, start};

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
    /// Most connections open at once. Near it, idle connections are
    /// closed first (`connection.rs`); at it, further ones wait in the
    /// listen queue until one closes.
    pub max_connections: usize,
    /// Most connections one client address may have open; more are closed
    /// at once (and counted in the log).
    pub max_connections_per_client: usize,
    /// Whether loopback addresses have that limit too. Off: behind a
    /// reverse proxy on the same machine, every visitor comes from there.
    pub limit_loopback: bool,
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
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// The largest request head read at all (request line and headers);
/// beyond it the request is refused as it is read, 414 or 431 (`head.rs`).
/// It sits well above [`ServeOptions`]'s limits, met first for any
/// request that fits.
const MAX_REQUEST_HEAD: usize = 64 * 1024;

/// The application: every route of the site, answered the site's way
/// ([`App`]).
pub fn app(state: Arc<AppState>, options: &ServeOptions) -> Router {
    app_for(Deployment::single(state), options)
}

/// The application for every office of `deployment` (and its directory).
pub fn app_for(deployment: Arc<Deployment>, options: &ServeOptions) -> Router {
    Router::new().fallback_service(App::new(routes::routes(), deployment, options))
}

/// `routes` answered the site's way: request checks, stored pages first,
/// the request timeout, panics as 500 pages, error pages in the request's
/// language, security headers and the access log.
pub fn harden(routes: Router, state: Arc<AppState>, options: &ServeOptions) -> Router {
    Router::new().fallback_service(App::new(routes, Deployment::single(state), options))
}
