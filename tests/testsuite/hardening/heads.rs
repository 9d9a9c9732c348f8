//! Request heads: too long, too many headers, bytes that are not HTTP, the
//! Host header, bodies; every answer with the site's page and headers.

use super::*;

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

/// The site's own answer to a request refused before any handler: its
/// status, the error page in `lang`, every security header, and the
/// connection closed after it.
fn assert_refused(reply: &RawReply, status: u16, lang: &str, what: &str) {
    assert_eq!(reply.status, status, "{what}");
    assert!(
        reply.text().contains(&format!("<html lang=\"{lang}\"")),
        "{what}: {}",
        reply.text()
    );
    for name in [
        "content-security-policy",
        "x-content-type-options",
        "referrer-policy",
        "permissions-policy",
        "cross-origin-embedder-policy",
        "cross-origin-opener-policy",
    ] {
        assert!(reply.header(name).is_some(), "{what}: no {name}");
    }
    assert_eq!(reply.header("connection"), Some("close"), "{what}");
}

#[tokio::test]
async fn a_request_head_too_large_to_read_is_414_or_431_the_site_s_way() {
    let server = site(ServeOptions::default()).await;
    // Beyond what is read at all (64 KiB), a request line is 414 and
    // headers are 431, answered as any other refusal.
    let target = format!("/en/search?q={}", "a".repeat(100 * 1024));
    let reply = raw(server.addr, &get_request(target.as_bytes())).await;
    assert_refused(&reply, 414, "en", "a 100 KB request line");
    let target = format!("/bn/services/{}", "a".repeat(70 * 1024));
    let reply = raw(server.addr, &get_request(target.as_bytes())).await;
    assert_refused(&reply, 414, "bn", "a 70 KB path");
    let mut big = b"GET /en/contact HTTP/1.1\r\nHost: localhost\r\n".to_vec();
    for i in 0..20 {
        big.extend_from_slice(format!("x-h{i}: {}\r\n", "v".repeat(4000)).as_bytes());
    }
    big.extend_from_slice(b"\r\n");
    let reply = raw(server.addr, &big).await;
    assert_refused(&reply, 431, "en", "80 KB of headers");
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
    assert_refused(&raw(server.addr, &req).await, 431, "bn", "120 header lines");
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
        assert!(
            reply.header("content-security-policy").is_some(),
            "{what:?}: no security headers"
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
        if expected == 400 {
            assert_refused(&reply, 400, "bn", &head(request));
        } else {
            assert!(reply.header("content-security-policy").is_some());
        }
    }
}

#[tokio::test]
async fn a_request_body_is_never_read_as_a_request() {
    let server = site(ServeOptions::default()).await;
    // A body that is itself a request (smuggling): one answer, to the
    // POST, and the connection closes; the GET inside is never answered.
    let inner = b"GET /en/contact HTTP/1.1\r\nHost: localhost\r\n\r\n";
    let mut post = format!(
        "POST /en/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\n\r\n",
        inner.len()
    )
    .into_bytes();
    post.extend_from_slice(inner);
    let reply = raw(server.addr, &post).await;
    assert_eq!(reply.status, 405);
    assert_eq!(reply.header("connection"), Some("close"));
    assert!(!reply.text().contains("HTTP/1.1"), "{}", reply.text());
    // Chunked, with the request in a chunk.
    let mut chunked =
        b"POST /bn/ HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    chunked.extend_from_slice(format!("{:x}\r\n", inner.len()).as_bytes());
    chunked.extend_from_slice(inner);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let reply = raw(server.addr, &chunked).await;
    assert_eq!(reply.status, 405);
    assert!(!reply.text().contains("HTTP/1.1"));
    // Two lengths that disagree: 400, the site's way.
    let reply = raw(
        server.addr,
        b"POST /en/ HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
    )
    .await;
    assert_refused(&reply, 400, "en", "two lengths");
}

/// Sends `bytes`, closes the sending side, and reads the answer.
async fn then_stop_sending(addr: SocketAddr, bytes: &[u8]) -> RawReply {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(bytes).await.unwrap();
    stream.shutdown().await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("an answer within 5 s")
        .unwrap();
    parse_reply(&answer).expect("an HTTP answer")
}

#[tokio::test]
async fn a_client_that_stops_sending_still_gets_its_answer() {
    let server = site(ServeOptions::default()).await;
    // A whole request, then the client closes its side: the page comes.
    let request = b"GET /en/ HTTP/1.1\r\nHost: localhost\r\n\r\n";
    assert_eq!(then_stop_sending(server.addr, request).await.status, 200);
    // Half a request, then the end: 400, the site's way.
    let half = b"GET /en/ HTTP/1.1\r\nHost: loc";
    let reply = then_stop_sending(server.addr, half).await;
    assert_refused(&reply, 400, "en", "half a request");
}
