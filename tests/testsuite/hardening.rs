//! Hardening: security headers on every kind of response, limits on the
//! request head, timeouts, panics, path tricks, the connection cap and
//! graceful shutdown, over real TCP. Where reqwest cannot send the request
//! (it normalises paths and refuses bad bytes), raw bytes go down a
//! `TcpStream`.

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Path;
use axum::routing::get;
use citizen_charter::server::{self, AppState, ServeOptions};
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
    async fn start(app: Router, options: ServeOptions) -> Running {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
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
    let app = server::harden(routes, state(), &options);
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
    ] {
        assert!(csp.contains(directive), "{what}: CSP lacks {directive}");
    }
    assert!(!csp.contains("unsafe"), "{what}: {csp}");
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
async fn long_request_targets_are_414_with_a_page_in_the_path_language() {
    let server = site(ServeOptions::default()).await;
    let limit = ServeOptions::default().max_uri_bytes;
    let at_limit = format!("/en/search?q={}", "a".repeat(limit - "/en/search?q=".len()));
    assert_eq!(
        fetch(&server.base, Method::GET, &at_limit, &[])
            .await
            .status,
        200
    );
    let over = format!("{at_limit}a");
    let reply = fetch(&server.base, Method::GET, &over, &[]).await;
    assert_eq!(reply.status, 414);
    assert!(reply.body.contains("<html lang=\"en\""), "{}", reply.body);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let reply = fetch(
        &server.base,
        Method::GET,
        &over.replacen("/en/", "/bn/", 1),
        &[],
    )
    .await;
    assert_eq!(reply.status, 414);
    assert!(reply.body.contains("<html lang=\"bn\""));
    // A long path is as long as a long query.
    let path = format!("/bn/services/{}", "x".repeat(limit));
    assert_eq!(
        fetch(&server.base, Method::GET, &path, &[]).await.status,
        414
    );
}

#[tokio::test]
async fn a_request_head_too_large_to_read_is_refused_by_the_parser() {
    let server = site(ServeOptions::default()).await;
    // Beyond what hyper reads at all (64 KiB): it answers 431 itself and
    // closes the connection, before the router sees anything.
    let target = format!("/bn/search?q={}", "a".repeat(70 * 1024));
    let reply = raw(server.addr, &get_request(target.as_bytes())).await;
    assert_eq!(reply.status, 431);
    // The server is still there.
    assert_eq!(raw(server.addr, &get_request(b"/bn/")).await.status, 200);
}

#[tokio::test]
async fn oversized_or_too_many_headers_are_431() {
    let server = site(ServeOptions::default()).await;
    let value = "v".repeat(4 * 1024);
    let headers: Vec<(String, &str)> = (0..5)
        .map(|i| (format!("x-h{i}"), value.as_str()))
        .collect();
    let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let reply = fetch(&server.base, Method::GET, "/en/contact", &headers).await;
    assert_eq!(reply.status, 431);
    assert!(reply.body.contains("<html lang=\"en\""));
    // Within the limit: a normal page.
    let reply = fetch(&server.base, Method::GET, "/en/contact", &headers[..3]).await;
    assert_eq!(reply.status, 200);
    // More header lines than hyper keeps (100): refused by the parser.
    let mut req = b"GET /bn/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".to_vec();
    for i in 0..120 {
        req.extend_from_slice(format!("x-n{i}: 1\r\n").as_bytes());
    }
    req.extend_from_slice(b"\r\n");
    assert_eq!(raw(server.addr, &req).await.status, 431);
}

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

#[tokio::test]
async fn raw_bytes_that_are_not_a_uri_are_400_and_never_reach_a_file() {
    let server = site(ServeOptions::default()).await;
    // Invalid UTF-8, overlong UTF-8, NUL, backslashes, spaces and control
    // bytes written as they are: hyper refuses the request line (400)
    // before the router sees it, or the router finds no such page (404).
    let targets: &[&[u8]] = &[
        b"/static/\xff\xfe",
        b"/static/\xc0\xae\xc0\xae/Cargo.toml",
        b"/bn/search?q=\xff",
        b"/bn/search?q=\xc0\xaf",
        b"/static/\x00",
        b"/static/..\\..\\Cargo.toml",
        b"/static/..\\Cargo.toml",
        b"/bn/\x7f",
        b"/bn/\x1b[31m",
        b"../Cargo.toml",
        b"Cargo.toml",
        b"*",
        b"http://evil.example/../Cargo.toml",
    ];
    for target in targets {
        let what = String::from_utf8_lossy(target).into_owned();
        let reply = raw(server.addr, &get_request(target)).await;
        assert!(
            matches!(reply.status, 400 | 404),
            "{what:?}: {}",
            reply.status
        );
        for secret in ["[package]", "[office]"] {
            assert!(!reply.text().contains(secret), "{what:?}: leaked");
        }
    }
    // The server goes on.
    assert_eq!(raw(server.addr, &get_request(b"/bn/")).await.status, 200);
}

#[tokio::test]
async fn an_http_1_1_request_names_exactly_one_valid_host() {
    let server = site(ServeOptions::default()).await;
    for (request, expected) in [
        (&b"GET /bn/ HTTP/1.1\r\nConnection: close\r\n\r\n"[..], 400),
        (
            b"GET /bn/ HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\nConnection: close\r\n\r\n",
            400,
        ),
        (b"GET /bn/ HTTP/1.1\r\nHost: a.example/x\r\nConnection: close\r\n\r\n", 400),
        (b"GET /bn/ HTTP/1.1\r\nHost: user@a.example\r\nConnection: close\r\n\r\n", 400),
        (b"GET /bn/ HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n", 400),
        (b"GET /en/ HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
        (
            b"GET /bn/ HTTP/1.1\r\nHost: doict.haluaghat.mymensingh.gov.bd:8080\r\nConnection: close\r\n\r\n",
            200,
        ),
        (b"GET /bn/ HTTP/1.1\r\nHost: [::1]:3000\r\nConnection: close\r\n\r\n", 200),
        // HTTP/1.0 has no Host header to require.
        (b"GET /bn/ HTTP/1.0\r\n\r\n", 200),
    ] {
        let reply = raw(server.addr, request).await;
        assert_eq!(reply.status, expected, "{:?}", head(request));
        assert!(reply.header("content-security-policy").is_some(), "{:?}", head(request));
        if expected == 400 {
            let lang = if head(request).starts_with("GET /en/") { "en" } else { "bn" };
            assert!(
                reply.text().contains(&format!("<html lang=\"{lang}\"")),
                "{:?}: {}",
                head(request),
                reply.text()
            );
        }
    }
}

#[tokio::test]
async fn odd_methods_and_request_lines_get_a_status_not_a_crash() {
    let server = site(ServeOptions::default()).await;
    for (request, expected) in [
        (
            &b"TRACE /bn/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"[..],
            405,
        ),
        (
            b"CONNECT localhost:443 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            405,
        ),
        (
            b"BREW /bn/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            405,
        ),
        (b"GET /bn/ HTTP/1.0\r\n\r\n", 200),
        (b"GET /bn/ HTTP/9.9\r\n\r\n", 400),
        (b"GET /bn/\r\n\r\n", 400),
        (b"GET  /bn/ HTTP/1.1\r\n\r\n", 400),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 400),
        (b"GET /bn/ HTTP/1.1\r\nHost: x\r\nbad header\r\n\r\n", 400),
        (
            b"GET /bn/ HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
            400,
        ),
    ] {
        let reply = raw(server.addr, request).await;
        assert_eq!(reply.status, expected, "{:?}", head(request));
    }
}

#[tokio::test]
async fn connections_over_the_cap_wait_for_a_free_one() {
    let server = site(ServeOptions {
        max_connections: 2,
        header_read_timeout: Duration::from_secs(30),
        ..ServeOptions::default()
    })
    .await;
    let keep_alive = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
    let mut open = Vec::new();
    for _ in 0..2 {
        let mut stream = TcpStream::connect(server.addr).await.unwrap();
        stream.write_all(keep_alive).await.unwrap();
        let mut buf = [0u8; 4096];
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf))
            .await
            .unwrap()
            .unwrap();
        assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
        open.push(stream);
    }
    // The third connection is queued by the kernel but not served.
    let mut third = TcpStream::connect(server.addr).await.unwrap();
    third.write_all(keep_alive).await.unwrap();
    let mut buf = [0u8; 4096];
    assert!(
        tokio::time::timeout(Duration::from_millis(700), third.read(&mut buf))
            .await
            .is_err(),
        "a third connection was served while two were open"
    );
    // One closes: the third is served.
    drop(open.pop());
    let n = tokio::time::timeout(Duration::from_secs(5), third.read(&mut buf))
        .await
        .expect("served once a connection closed")
        .unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
}

#[tokio::test]
async fn shutdown_lets_requests_in_flight_finish_and_refuses_new_ones() {
    let mut server = test_routes(ServeOptions::default()).await;
    let base = server.base.clone();
    let in_flight =
        tokio::spawn(async move { fetch(&base, Method::GET, "/en/slow/1500", &[]).await });
    // An idle keep-alive connection must not hold shutdown up.
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    idle.write_all(b"GET /bn/slow/1 HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut buf = [0u8; 4096];
    let n = idle.read(&mut buf).await.unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let start = Instant::now();
    server.shutdown();
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        TcpStream::connect(server.addr).await.is_err(),
        "no new connections after shutdown"
    );
    let reply = in_flight.await.unwrap();
    assert_eq!((reply.status, reply.body.as_str()), (200, "done"));
    tokio::time::timeout(Duration::from_secs(5), &mut server.task)
        .await
        .expect("serve_with returns once the request is done")
        .unwrap()
        .unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "{:?}",
        start.elapsed()
    );
    assert!(
        closed_within(&mut idle, Duration::from_secs(1))
            .await
            .is_some()
    );
}

#[tokio::test]
async fn shutdown_waits_no_longer_than_the_grace_period() {
    let mut server = test_routes(ServeOptions {
        shutdown_grace: Duration::from_millis(500),
        request_timeout: Duration::from_secs(60),
        ..ServeOptions::default()
    })
    .await;
    let base = server.base.clone();
    let stuck = tokio::spawn(async move {
        client()
            .get(format!("{base}/en/slow/30000"))
            .send()
            .await
            .map(|r| r.status())
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let start = Instant::now();
    server.shutdown();
    tokio::time::timeout(Duration::from_secs(3), &mut server.task)
        .await
        .expect("serve_with returns after the grace period")
        .unwrap()
        .unwrap();
    assert!(start.elapsed() >= Duration::from_millis(450));
    stuck.abort();
}

/// The `charter` binary, killed if a test fails before it exits.
struct Binary(Option<Child>);

impl Drop for Binary {
    fn drop(&mut self) {
        if let Some(child) = &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

async fn start_binary(extra: &[&str], env: &[(&str, &str)]) -> (Binary, String) {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_charter"))
        .args([
            "serve",
            "--no-watch",
            "--addr",
            &format!("127.0.0.1:{port}"),
        ])
        .arg("--charter")
        .arg(bundled())
        .args(extra)
        .envs(env.iter().copied())
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let binary = Binary(Some(child));
    let base = format!("http://127.0.0.1:{port}");
    wait_until_serving(&base, Duration::from_secs(30)).await;
    (binary, base)
}

/// Sends `signal` and waits for the exit: its status, how long it took, and
/// what the binary wrote to stderr.
fn stop(binary: &mut Binary, signal: &str) -> (std::process::ExitStatus, Duration, String) {
    let child = binary.0.take().unwrap();
    let start = Instant::now();
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let output = rx
        .recv_timeout(Duration::from_secs(15))
        .unwrap_or_else(|_| panic!("still running 15 s after SIG{signal}"))
        .unwrap();
    (
        output.status,
        start.elapsed(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[tokio::test]
async fn sigterm_and_sigint_stop_the_binary_with_status_0() {
    for signal in ["TERM", "INT"] {
        let (mut binary, base) = start_binary(&[], &[]).await;
        // A keep-alive connection stays open in the client's pool.
        let client = client();
        let reply = client.get(format!("{base}/bn/")).send().await.unwrap();
        assert_eq!(reply.status(), 200);
        let (status, took, stderr) = stop(&mut binary, signal);
        assert!(status.success(), "SIG{signal}: {status}\n{stderr}");
        assert!(took < Duration::from_secs(10), "SIG{signal}: {took:?}");
        assert!(stderr.contains("shutting down"), "{stderr}");
    }
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

#[tokio::test]
async fn one_client_cannot_take_every_connection() {
    // Loopback limited too, as when nothing is in front of the server.
    let server = site(ServeOptions {
        max_connections_per_client: 3,
        limit_loopback: true,
        ..ServeOptions::default()
    })
    .await;
    // Three idle connections: the client's share.
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(TcpStream::connect(server.addr).await.unwrap());
    }
    // Give the server time to accept them (no request is sent).
    tokio::time::sleep(Duration::from_millis(200)).await;
    // A fourth is closed at once, with no answer.
    let mut fourth = TcpStream::connect(server.addr).await.unwrap();
    assert!(
        closed_within(&mut fourth, Duration::from_secs(2))
            .await
            .is_some(),
        "the fourth connection stayed open"
    );
    // One closed frees its place.
    drop(held.pop());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(raw(server.addr, &get_request(b"/en/")).await.status, 200);
    // Without --limit-loopback, a proxy on this machine is never cut.
    let proxied = site(ServeOptions {
        max_connections_per_client: 1,
        ..ServeOptions::default()
    })
    .await;
    let _open: Vec<_> = connections(proxied.addr, 4).await;
    assert_eq!(raw(proxied.addr, &get_request(b"/bn/")).await.status, 200);
}

/// `n` connections to `addr`, held open.
async fn connections(addr: SocketAddr, n: usize) -> Vec<TcpStream> {
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(TcpStream::connect(addr).await.unwrap());
    }
    out
}
