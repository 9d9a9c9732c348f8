//! The listener: HTTP/1 connections run by hyper directly, for the limits
//! it enforces before a request reaches the application (request head
//! size, header read timeout), a cap on open connections, and a graceful
//! shutdown.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::sync::Semaphore;

use super::clients::Clients;
use super::{AppState, MAX_REQUEST_HEAD, ServeOptions, app};

/// Serves `state` on `listener` until Ctrl-C or SIGTERM, letting requests
/// in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    options: &ServeOptions,
) -> std::io::Result<()> {
    serve_with(listener, app(state, options), options, shutdown_signal()).await
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
    let clients = Clients::new(options.max_connections_per_client, options.limit_loopback);
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
        let (stream, admitted) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => match clients.admit(peer.ip()) {
                    Some(admitted) => (stream, admitted),
                    // Closed now: its address has its share open.
                    None => continue,
                },
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
            drop((permit, admitted));
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
