//! The client behind the trusted proxy, and the host a request names.

use super::*;

/// The site behind a trusted proxy on loopback, with at most `per_client`
/// requests waiting for each client.
async fn behind_the_proxy(per_client: usize) -> Running {
    let routes = Router::new().route(
        "/{lang}/slow/{ms}",
        get(|Path((_, ms)): Path<(String, u64)>| async move {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            "done"
        }),
    );
    let options = ServeOptions {
        trusted_proxies: "127.0.0.1".parse().unwrap(),
        max_connections_per_client: per_client,
        ..ServeOptions::default()
    };
    let app = server::app_with_routes(Deployment::single(state()), &options, routes);
    Running::start(app, options).await
}

/// A request through the proxy for `client`.
fn through(client: &str, path: &str) -> Vec<u8> {
    format!(
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 1.1.1.1, {client}\r\n\
         X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n"
    )
    .into_bytes()
}

#[tokio::test]
async fn a_limit_applies_to_each_client_the_proxy_names() {
    let server = behind_the_proxy(2).await;
    // Client A keeps two slow requests waiting; its third is refused at
    // once, while client B is answered.
    let a = "203.0.113.1";
    let slow: Vec<_> = (0..2)
        .map(|_| {
            let (addr, request) = (server.addr, through(a, "/en/slow/1500"));
            tokio::spawn(async move { raw(addr, &request).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let refused = raw(server.addr, &through(a, "/en/")).await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.header("retry-after"), Some("1"));
    assert!(refused.text().contains("<html lang=\"en\""));
    let other = raw(server.addr, &through("203.0.113.2", "/en/")).await;
    assert_eq!(other.status, 200);
    // Over HTTPS as the proxy says: HSTS.
    assert_eq!(
        other.header("strict-transport-security"),
        Some("max-age=31536000")
    );
    for request in slow {
        assert_eq!(request.await.unwrap().status, 200);
    }
    // Its requests answered, A is let in again.
    assert_eq!(raw(server.addr, &through(a, "/en/")).await.status, 200);
}

#[tokio::test]
async fn without_a_trusted_proxy_its_headers_are_ignored() {
    let server = site(ServeOptions::default()).await;
    let reply = raw(server.addr, &through("203.0.113.1", "/en/")).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("strict-transport-security"), None);
}

#[tokio::test]
async fn the_host_a_request_names_is_a_name_and_a_port_that_is_a_number() {
    let server = site(ServeOptions::default()).await;
    for (request, status) in [
        (&b"GET /en/ HTTP/1.1\r\nHost: zulu.gov.bd:abc\r\nConnection: close\r\n\r\n"[..], 400),
        (b"GET /en/ HTTP/1.1\r\nHost: zulu.gov.bd:\r\nConnection: close\r\n\r\n", 400),
        (b"GET /en/ HTTP/1.1\r\nHost: zulu.gov.bd:8080\r\nConnection: close\r\n\r\n", 200),
        (b"GET http://zulu.gov.bd:x/en/ HTTP/1.1\r\nHost: zulu.gov.bd\r\nConnection: close\r\n\r\n", 400),
    ] {
        let reply = raw(server.addr, request).await;
        assert_eq!(reply.status, status, "{}", head(request));
        assert!(reply.header("content-security-policy").is_some());
    }
}
