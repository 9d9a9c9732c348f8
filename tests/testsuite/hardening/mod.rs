//! Hardening: security headers on every kind of response, limits on the
//! request head, timeouts, panics, path tricks, the connection cap and
//! graceful shutdown, over real TCP. Where reqwest cannot send the request
//! (it normalises paths and refuses bad bytes), raw bytes go down a
//! `TcpStream`.
//!
//! - [`heads`]: what a request head may be, and the answer when it is not;
//! - [`connections`]: the caps on open connections, idle connections
//!   closed first, and shutdown.

mod bodies;
mod connections;
mod heads;
mod proxy;

use connections::{start_binary, stop};

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use citizen_charter::server::{self, AppState, Deployment, ServeOptions};
use citizen_charter::site::SiteOptions;
use reqwest::Method;
use reqwest::header::HeaderMap;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;

use crate::support::*;

/// A server run by [`server::serve_with`], the way the binary runs it,
/// stopped by [`Running::shutdown`] or when dropped.
struct Running {
    addr: SocketAddr,
    base: String,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Running {
    async fn start(app: server::App, options: ServeOptions) -> Running {
        let listener = server::bind(([127, 0, 0, 1], 0).into()).unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            server::serve_with(listener, app, &options, async {
                let _ = stopped.await;
            })
            .await
        });
        Running {
            addr,
            base: format!("http://{addr}"),
            stop: Some(stop),
            task,
        }
    }

    /// Asks for a graceful shutdown; `task` ends when `serve_with` returns.
    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn state() -> Arc<AppState> {
    AppState::new(
        site_for(&bundled()),
        bundled(),
        SiteOptions::default(),
        None,
    )
}

/// The site itself, hardened with `options`.
async fn site(options: ServeOptions) -> Running {
    Running::start(server::app(state(), &options), options).await
}

/// Routes that only tests have, behind the same hardening layers as the
/// site: `/{lang}/boom` panics, `/{lang}/slow/{ms}` answers after `ms`.
async fn test_routes(options: ServeOptions) -> Running {
    let routes = Router::new()
        .route(
            "/{lang}/boom",
            get(|| async {
                if true {
                    panic!("boom");
                }
                "unreachable"
            }),
        )
        .route(
            "/{lang}/slow/{ms}",
            get(|Path((_, ms)): Path<(String, u64)>| async move {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                "done"
            }),
        );
    let app = server::app_with_routes(Deployment::single(state()), &options, routes);
    Running::start(app, options).await
}

/// The headers the MDN HTTP Observatory looks for, as this site sets them.
fn assert_security_headers(headers: &HeaderMap, https: bool, what: &str) {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let csp = get("content-security-policy").unwrap_or_else(|| panic!("{what}: no CSP"));
    for directive in [
        "default-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        // Tools read /robots.txt from within the page (Lighthouse).
        "connect-src 'self'",
    ] {
        assert!(csp.contains(directive), "{what}: CSP lacks {directive}");
    }
    assert!(!csp.contains("unsafe"), "{what}: {csp}");
    // default-src 'none' is the script policy: no script, from anywhere.
    assert!(!csp.contains("script-src"), "{what}: {csp}");
    assert_eq!(get("x-content-type-options"), Some("nosniff"), "{what}");
    assert_eq!(get("x-frame-options"), Some("DENY"), "{what}");
    assert_eq!(
        get("referrer-policy"),
        Some("strict-origin-when-cross-origin"),
        "{what}"
    );
    assert_eq!(
        get("cross-origin-resource-policy"),
        Some("same-origin"),
        "{what}"
    );
    assert_eq!(
        get("cross-origin-embedder-policy"),
        Some("require-corp"),
        "{what}"
    );
    assert_eq!(
        get("cross-origin-opener-policy"),
        Some("same-origin"),
        "{what}"
    );
    let permissions = get("permissions-policy").unwrap_or_default();
    assert!(permissions.contains("camera=()"), "{what}: {permissions}");
    // A proposal browsers dropped: naming it only draws console warnings.
    assert!(
        !permissions.contains("interest-cohort"),
        "{what}: {permissions}"
    );
    assert_eq!(
        get("strict-transport-security"),
        https.then_some("max-age=31536000"),
        "{what}"
    );
    for absent in [
        "server",
        "x-powered-by",
        "set-cookie",
        "access-control-allow-origin",
    ] {
        assert!(get(absent).is_none(), "{what}: {absent}");
    }
}

/// What came back on a raw connection: status, headers (lower-case names),
/// body, and whether the server then closed the connection.
#[derive(Debug)]
struct RawReply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl RawReply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `request` as it is and reads until the server closes the
/// connection (the requests here say `Connection: close`, and the server
/// closes after an error it answers itself).
async fn raw(addr: SocketAddr, request: &[u8]) -> RawReply {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    // The server may refuse before reading everything: that is not an
    // error here, the answer is what counts.
    let _ = stream.write_all(request).await;
    let mut bytes = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), async {
        let mut buf = [0u8; 16 * 1024];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => bytes.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    assert!(read.is_ok(), "no answer within 10 s to {:?}", head(request));
    parse_reply(&bytes).unwrap_or_else(|| {
        panic!(
            "not an HTTP reply to {:?}: {:?}",
            head(request),
            String::from_utf8_lossy(&bytes)
        )
    })
}

fn head(request: &[u8]) -> String {
    String::from_utf8_lossy(&request[..request.len().min(120)]).into_owned()
}

fn parse_reply(bytes: &[u8]) -> Option<RawReply> {
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&bytes[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Some(RawReply {
        status,
        headers,
        body: bytes[end + 4..].to_vec(),
    })
}

fn get_request(target: &[u8]) -> Vec<u8> {
    let mut req = b"GET ".to_vec();
    req.extend_from_slice(target);
    req.extend_from_slice(b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    req
}

/// What is asked for, how, with which headers, and the status expected.
type Case<'a> = (&'a str, Method, &'a str, Vec<(&'a str, &'a str)>, u16);

/// Reads until the server closes the connection; returns how long that
/// took, or `None` if it was still open after `within`.
async fn closed_within(stream: &mut TcpStream, within: Duration) -> Option<Duration> {
    let start = Instant::now();
    let mut buf = [0u8; 1024];
    tokio::time::timeout(within, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return start.elapsed(),
                Ok(_) => {}
            }
        }
    })
    .await
    .ok()
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let server = site(ServeOptions::default()).await;
    let base = server.base.as_str();
    let page = fetch(base, Method::GET, "/bn/services", &[]).await;
    let etag = page.header("etag").unwrap().to_string();
    let css = select(&page.html(), "link[rel=stylesheet]")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    let long = format!(
        "/en/services?q={}",
        "a".repeat(ServeOptions::default().max_uri_bytes)
    );
    let big = "x".repeat(1024);
    let many: Vec<(String, &str)> = (0..20)
        .map(|i| (format!("x-big-{i}"), big.as_str()))
        .collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let cases: Vec<Case> = vec![
        ("page", Method::GET, "/bn/services", vec![], 200),
        ("page, HEAD", Method::HEAD, "/bn/services", vec![], 200),
        ("asset", Method::GET, &css, vec![], 200),
        (
            "304",
            Method::GET,
            "/bn/services",
            vec![("if-none-match", etag.as_str())],
            304,
        ),
        ("search", Method::GET, "/en/search?q=ict", vec![], 200),
        ("healthz", Method::GET, "/healthz", vec![], 200),
        ("redirect /", Method::GET, "/", vec![], 303),
        ("redirect /bn", Method::GET, "/bn", vec![], 301),
        ("404", Method::GET, "/bn/nope", vec![], 404),
        ("400", Method::GET, "/static/%FF", vec![], 400),
        ("405", Method::POST, "/bn/", vec![], 405),
        (
            "406",
            Method::GET,
            "/bn/",
            vec![("accept-encoding", "identity;q=0")],
            406,
        ),
        ("414", Method::GET, &long, vec![], 414),
        ("431", Method::GET, "/bn/", many, 431),
    ];
    for (what, method, path, headers, status) in cases {
        let reply = fetch(base, method, path, &headers).await;
        assert_eq!(reply.status, status, "{what}");
        assert_security_headers(&reply.headers, false, what);
    }
    let test = test_routes(ServeOptions {
        request_timeout: Duration::from_millis(200),
        ..ServeOptions::default()
    })
    .await;
    for (what, path, status) in [
        ("panic", "/en/boom", 500),
        ("timeout", "/en/slow/5000", 503),
    ] {
        let reply = fetch(&test.base, Method::GET, path, &[]).await;
        assert_eq!(reply.status, status, "{what}");
        assert_security_headers(&reply.headers, false, what);
    }
}

#[tokio::test]
async fn hsts_only_when_the_site_is_served_over_https() {
    let plain = site(ServeOptions::default()).await;
    let https = site(ServeOptions {
        https: true,
        ..ServeOptions::default()
    })
    .await;
    for (method, path) in [
        (Method::GET, "/bn/"),
        (Method::GET, "/"),
        (Method::GET, "/bn/nope"),
        (Method::GET, "/healthz"),
        (Method::DELETE, "/bn/"),
    ] {
        let reply = fetch(&https.base, method.clone(), path, &[]).await;
        assert_security_headers(&reply.headers, true, &format!("https {method} {path}"));
        let reply = fetch(&plain.base, method.clone(), path, &[]).await;
        assert_security_headers(&reply.headers, false, &format!("http {method} {path}"));
    }
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let server = site(ServeOptions {
        header_read_timeout: Duration::from_secs(1),
        ..ServeOptions::default()
    })
    .await;
    // Slowloris: a header line every 200 ms, never the blank line.
    let mut slow = TcpStream::connect(server.addr).await.unwrap();
    slow.write_all(b"GET /bn/ HTTP/1.1\r\nHost: localhost\r\n")
        .await
        .unwrap();
    let start = Instant::now();
    let mut cut = false;
    for i in 0..25 {
        tokio::time::sleep(Duration::from_millis(200)).await;
        if slow
            .write_all(format!("x-slow-{i}: 1\r\n").as_bytes())
            .await
            .is_err()
        {
            cut = true;
            break;
        }
    }
    let elapsed = match cut {
        true => start.elapsed(),
        false => closed_within(&mut slow, Duration::from_secs(3))
            .await
            .map(|_| start.elapsed())
            .expect("the slow client was never cut off"),
    };
    assert!(
        elapsed < Duration::from_secs(4),
        "cut off after {elapsed:?}"
    );
    // A client that connects and sends nothing at all.
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    let took = closed_within(&mut idle, Duration::from_secs(4))
        .await
        .expect("the idle connection was never closed");
    assert!(took >= Duration::from_millis(800), "{took:?}");
    // Others are served meanwhile and after.
    assert_eq!(raw(server.addr, &get_request(b"/en/")).await.status, 200);
}

#[tokio::test]
async fn a_request_that_takes_too_long_is_503_in_its_language() {
    let server = test_routes(ServeOptions {
        request_timeout: Duration::from_millis(300),
        ..ServeOptions::default()
    })
    .await;
    let start = Instant::now();
    let reply = fetch(&server.base, Method::GET, "/en/slow/10000", &[]).await;
    assert!(start.elapsed() < Duration::from_secs(3));
    assert_eq!(reply.status, 503);
    assert!(reply.body.contains("<html lang=\"en\""), "{}", reply.body);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let reply = fetch(&server.base, Method::GET, "/bn/slow/10", &[]).await;
    assert_eq!((reply.status, reply.body.as_str()), (200, "done"));
}

#[tokio::test]
async fn a_panic_becomes_a_500_page_in_the_request_language() {
    let server = test_routes(ServeOptions::default()).await;
    for lang in ["bn", "en"] {
        let reply = fetch(&server.base, Method::GET, &format!("/{lang}/boom"), &[]).await;
        assert_eq!(reply.status, 500);
        assert!(
            reply.body.contains(&format!("<html lang=\"{lang}\"")),
            "{}",
            reply.body
        );
        assert_eq!(
            reply.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(reply.header("cache-control"), Some("no-store"));
    }
    // Compressed like any page, and the same page as the site's own 500.
    let br = fetch(
        &server.base,
        Method::GET,
        "/en/boom",
        &[("accept-encoding", "br")],
    )
    .await;
    assert_eq!(br.header("content-encoding"), Some("br"));
    // The connection was answered, not dropped, and the server goes on.
    let reply = raw(server.addr, &get_request(b"/bn/boom")).await;
    assert_eq!(reply.status, 500);
    assert!(reply.text().contains("<html lang=\"bn\""));
    let reply = fetch(&server.base, Method::GET, "/bn/slow/1", &[]).await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn path_tricks_never_leave_static_and_get_a_page() {
    let server = site(ServeOptions::default()).await;
    let targets: &[&[u8]] = &[
        b"/static/../Cargo.toml",
        b"/static/../../../../etc/passwd",
        b"/static/..%2fCargo.toml",
        b"/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        b"/static/%2e%2e/Cargo.toml",
        b"/static/%2e%2e%2fCargo.toml",
        b"/static/%252e%252e%252fCargo.toml",
        b"/static/%252e%252e/%252e%252e/etc/passwd",
        b"/static/..%5cCargo.toml",
        b"/static/..%5c..%5c..%5cetc%5cpasswd",
        b"/static/%2Fetc%2Fpasswd",
        b"/static//etc/passwd",
        b"/static/style.css",
        b"/static/fonts/noto-sans-bengali-bengali-400-normal.woff2",
        b"/static/style.css%00.css",
        b"/static/%00",
        b"/static/%00../Cargo.toml",
        b"/static/%c0%ae%c0%ae%c0%afCargo.toml",
        b"/static/%c0%af",
        b"/static/%e0%80%ae%e0%80%ae/Cargo.toml",
        b"/static/%ff%fe",
        b"/static/%",
        b"/static/%zz",
        b"/%ff/search?q=x",
        b"/%c0%ae%c0%ae/search",
        b"/bn/../../Cargo.toml",
        b"/bn/services/..%2f..%2fCargo.toml",
        b"/bn/services/%00",
        b"/bn/services/%c0%af",
        b"//etc/passwd",
        b"/.git/config",
        b"/Cargo.toml",
        b"/src/server.rs",
        b"/charter.toml",
    ];
    for target in targets {
        let what = String::from_utf8_lossy(target).into_owned();
        let reply = raw(server.addr, &get_request(target)).await;
        assert!(
            matches!(reply.status, 400 | 404),
            "{what}: {}",
            reply.status
        );
        let body = reply.text();
        assert!(body.contains("<html lang=\""), "{what}: not a page: {body}");
        assert_eq!(
            reply.header("content-type"),
            Some("text/html; charset=utf-8"),
            "{what}"
        );
        for secret in ["[package]", "root:", "[core]", "use ", "[office]"] {
            assert!(!body.contains(secret), "{what}: leaked {secret}");
        }
    }
    // The page's language follows the path where it has one.
    let reply = raw(server.addr, &get_request(b"/en/services/%c0%af")).await;
    assert!(reply.text().contains("<html lang=\"en\""));
}

#[cfg(unix)]
#[tokio::test]
async fn access_log_lines_in_plain_text_and_json() {
    let (mut binary, base) = start_binary(&["--https"], &[]).await;
    let reply = client()
        .get(format!("{base}/bn/services"))
        .send()
        .await
        .unwrap();
    assert_security_headers(reply.headers(), true, "--https");
    client()
        .get(format!("{base}/bn/services"))
        .send()
        .await
        .unwrap();
    let (_, _, stderr) = stop(&mut binary, "TERM");
    let line = stderr
        .lines()
        .find(|l| l.contains("access") && l.contains("/bn/services"))
        .unwrap_or_else(|| panic!("no access line:\n{stderr}"));
    assert!(!line.contains('\x1b'), "no colours in a log: {line:?}");
    for part in [
        "method=GET",
        "path=\"/bn/services\"",
        "status=200",
        "bytes=",
        "micros=",
    ] {
        assert!(line.contains(part), "{part}: {line}");
    }

    // The settings as a systemd unit gives them.
    let (mut binary, base) =
        start_binary(&[], &[("CHARTER_LOG_JSON", "1"), ("CHARTER_HTTPS", "1")]).await;
    let reply = client()
        .get(format!("{base}/en/nope"))
        .send()
        .await
        .unwrap();
    assert_security_headers(reply.headers(), true, "CHARTER_HTTPS=1");
    let length: u64 = reply.headers()["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let (_, _, stderr) = stop(&mut binary, "TERM");
    let lines: Vec<serde_json::Value> = stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let access: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["target"] == "access" && l["fields"]["path"] == "/en/nope")
        .collect();
    assert_eq!(access.len(), 1, "{stderr}");
    let fields = &access[0]["fields"];
    assert_eq!(fields["method"], "GET");
    assert_eq!(fields["status"], 404);
    assert_eq!(fields["bytes"], length);
    assert!(fields["micros"].as_u64().is_some(), "{fields}");
}
