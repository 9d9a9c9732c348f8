//! Request bodies: read only by the routes that declare them (the forms),
//! each within a size cap and a read timeout ([`takes_body`]). Every
//! other route refuses one: a GET or HEAD that sends a body is 413, any
//! other method on a page 405 ([`super::answer`], [`super::routes`]), and
//! the connection ends after the answer ([`super::guard`]), so that a
//! body is never read as a request.

use std::time::Duration;

use std::convert::Infallible;

use axum::extract::DefaultBodyLimit;
use axum::routing::MethodRouter;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;

/// `route`, reading request bodies of at most `cap` bytes (a longer one
/// is 413, refused as soon as its length says so) that arrive within
/// `read_timeout` (a body that stalls is refused then).
pub fn takes_body<S: Clone + Send + Sync + 'static>(
    route: MethodRouter<S>,
    cap: usize,
    read_timeout: Duration,
) -> MethodRouter<S> {
    // The limit reads the body the timeout guards, so that going over it
    // is told as such (413), not as a body that failed (400). axum's own
    // limit of its body extractors (2 MiB) is this route's cap too, or it
    // would refuse smaller bodies than the route takes.
    route
        .layer::<_, Infallible>(DefaultBodyLimit::max(cap))
        .layer::<_, Infallible>(RequestBodyLimitLayer::new(cap))
        .layer::<_, Infallible>(RequestBodyTimeoutLayer::new(read_timeout))
}
