//! Request bodies: a route that declares one reads it within its cap and
//! its read timeout; a page refuses one; a body is never read as a
//! request.

use super::*;
use axum::routing::post;

/// A test's form: `POST /{lang}/echo` answers how many bytes it read, of
/// at most 1,024, arriving within 300 ms.
async fn form() -> Running {
    let routes = Router::new().route(
        "/{lang}/echo",
        server::takes_body(
            post(|body: axum::body::Bytes| async move { format!("read {}", body.len()) }),
            1024,
            Duration::from_millis(300),
        ),
    );
    let options = ServeOptions::default();
    let app = server::app_with_routes(Deployment::single(state()), &options, routes);
    Running::start(app, options).await
}

fn post_request(path: &str, body: &[u8]) -> Vec<u8> {
    let mut req = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    req.extend_from_slice(body);
    req
}

#[tokio::test]
async fn a_route_that_takes_a_body_reads_it_within_its_cap() {
    let server = form().await;
    let reply = raw(server.addr, &post_request("/en/echo", &[b'x'; 1000])).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.text(), "read 1000");
    assert_security_headers(
        &reply
            .headers
            .iter()
            .map(|(k, v)| (k.parse().unwrap(), v.parse().unwrap()))
            .collect(),
        false,
        "a form's answer",
    );
    // Over the cap, by its length: refused before it is read, the site's
    // way, in the path's language.
    let reply = raw(server.addr, &post_request("/bn/echo", &[b'x'; 2000])).await;
    assert_eq!(reply.status, 413);
    assert!(
        reply.text().contains("<html lang=\"bn\""),
        "{}",
        reply.text()
    );
    // Over the cap in chunks, which give no length: refused as it is read.
    let mut chunked =
        b"POST /en/echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for _ in 0..3 {
        chunked.extend_from_slice(b"320\r\n");
        chunked.extend_from_slice(&[b'y'; 0x320]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let reply = raw(server.addr, &chunked).await;
    assert_eq!(reply.status, 413, "{}", reply.text());
    assert!(reply.text().contains("<html lang=\"en\""));
}

#[tokio::test]
async fn a_body_that_stalls_is_refused_at_its_read_timeout() {
    let server = form().await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"POST /en/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nhalf")
        .await
        .unwrap();
    let start = Instant::now();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("an answer, not a connection held open")
        .unwrap();
    let reply = parse_reply(&answer).expect("an HTTP answer");
    assert!(
        start.elapsed() >= Duration::from_millis(250),
        "{:?}",
        start.elapsed()
    );
    assert!(
        reply.status == 400 || reply.status == 408,
        "{} {}",
        reply.status,
        reply.text()
    );
    assert!(reply.header("content-security-policy").is_some());
}

#[tokio::test]
async fn a_page_takes_no_body() {
    let server = form().await;
    // A GET with a body: 413, and the connection ends after the answer.
    let reply = raw(
        server.addr,
        b"GET /en/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello",
    )
    .await;
    assert_eq!(reply.status, 413);
    assert_eq!(reply.header("connection"), Some("close"));
    assert!(reply.text().contains("<html lang=\"en\""));
    // Another method on a page: 405, whatever it sends.
    let reply = raw(server.addr, &post_request("/bn/services", b"a=b")).await;
    assert_eq!(reply.status, 405);
    assert_eq!(reply.header("allow"), Some("GET, HEAD"));
    // The form itself takes POST only.
    let reply = raw(server.addr, &get_request(b"/en/echo")).await;
    assert_eq!(reply.status, 405);
}
