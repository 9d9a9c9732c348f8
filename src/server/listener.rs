//! The listener: HTTP/1 connections run by hyper directly, for the header
//! read timeout it enforces, behind a guard that reads each request head
//! first (`guard/`); a cap on open connections, per client (but the
//! trusted proxies) and in all, with idle connections closed first near
//! the cap (`connection.rs`); and a graceful shutdown.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::clients::Clients;
use super::connection::Connections;
use super::guard::Guarded;
use super::{App, Deployment, MAX_REQUEST_HEAD, ServeOptions, app_for};

/// Connections the kernel holds for the listener before it accepts them
/// (Linux caps it at `net.core.somaxconn`, 4096 by default). tokio's 1,024
/// is too few when hostile clients keep reconnecting: once the queue is
/// full, a visitor's connection is dropped and retried a second later.
const BACKLOG: u32 = 4096;

/// A listener on `addr`, with room in its queue for [`BACKLOG`]
/// connections.
pub fn bind(addr: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    // As tokio's own bind: a restarted server gets its port back at once.
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// Serves `deployment` on `listener` until Ctrl-C or SIGTERM, letting
/// requests in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    deployment: Arc<Deployment>,
    options: &ServeOptions,
) -> std::io::Result<()> {
    serve_with(
        listener,
        app_for(deployment, options),
        options,
        shutdown_signal(),
    )
    .await
}

/// Serves `app` on `listener` until Ctrl-C or SIGTERM, letting requests
/// in flight finish.
pub async fn serve_app(
    listener: tokio::net::TcpListener,
    app: App,
    options: &ServeOptions,
) -> std::io::Result<()> {
    serve_with(listener, app, options, shutdown_signal()).await
}

/// Serves `app` on `listener` over HTTP/1.1 until `shutdown` completes.
///
/// Each connection gets the limits on request heads and hyper's header
/// read timeout. At most `options.max_connections` are open at once: at
/// the cap, a new connection takes the place of the one idle longest, or
/// waits (in the listen queue behind it) while all are busy. On shutdown the listener is closed at once,
/// idle connections are closed, and requests in flight may finish within
/// `options.shutdown_grace`.
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    app: App,
    options: &ServeOptions,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let mut http = hyper::server::conn::http1::Builder::new();
    // hyper's own limits sit above the guard's, which answers first and
    // the site's way (guard/head.rs).
    http.timer(TokioTimer::new())
        .header_read_timeout(options.header_read_timeout)
        .max_header_size(2 * MAX_REQUEST_HEAD)
        .max_buf_size(2 * MAX_REQUEST_HEAD);
    let cap = options.max_connections.max(1);
    let open = Arc::new(Semaphore::new(cap));
    let connections = Connections::new(cap);
    let clients = Clients::new(
        "connections",
        options.max_connections_per_client,
        options.limit_loopback,
    );
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer, admitted) = tokio::select! {
            accepted = listener.accept() => match accepted {
                // A trusted proxy carries every visitor's connections:
                // its clients are counted request by request (answer.rs).
                Ok((stream, peer)) if options.trusted_proxies.trusts(peer.ip()) => {
                    (stream, peer, None)
                }
                Ok((stream, peer)) => match clients.admit(peer.ip()) {
                    Some(admitted) => (stream, peer, Some(admitted)),
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
        connections.arriving(cap - open.available_permits());
        let Some(permit) = room(&open, &connections, &mut shutdown).await else {
            break;
        };
        let _ = stream.set_nodelay(true);
        let registered = connections.register();
        let conn = Arc::clone(&registered.conn);
        let io = Guarded::new(
            stream,
            conn,
            Arc::clone(&app.refusals),
            MAX_REQUEST_HEAD,
            options.max_uri_bytes + 64,
        );
        let service = tower::ServiceExt::map_request(
            app.service(Some(peer.ip())),
            |req: http::Request<hyper::body::Incoming>| req.map(axum::body::Body::new),
        );
        let conn = http.serve_connection(TokioIo::new(io), TowerToHyperService::new(service));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // Clients that go away, send garbage or time out end here;
            // whatever could be answered has been.
            if let Err(e) = conn.await {
                tracing::debug!("connection ended: {e}");
            }
            drop((permit, admitted, registered));
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

/// A place for one more connection; at the cap, waits for one to close
/// (one idle made room, or will when it is idle). `None` on shutdown.
async fn room(
    open: &Arc<Semaphore>,
    connections: &Connections,
    shutdown: &mut Pin<&mut impl Future<Output = ()>>,
) -> Option<OwnedSemaphorePermit> {
    loop {
        tokio::select! {
            permit = Arc::clone(open).acquire_owned() => return permit.ok(),
            // No connection closed yet: those busy then may be idle now.
            () = tokio::time::sleep(Duration::from_millis(50)) => {
                connections.make_room();
            }
            () = shutdown.as_mut() => return None,
        }
    }
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
    tracing::info!(
        "{}",
        crate::i18n::Words::new("serve-shutting-down").logged()
    );
}
