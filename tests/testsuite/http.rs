//! HTTP behaviour: content negotiation, validators, caching, methods,
//! headers, search.

use std::io::Read;

use reqwest::Method;

use crate::support::*;

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn ungzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

#[tokio::test]
async fn encodings_are_negotiated_with_q_values() {
    let server = TestServer::start(&bundled()).await;
    let plain = server.get("/bn/services").await;
    assert_eq!(plain.header("content-encoding"), None);
    for (accept, expected) in [
        ("br, gzip", Some("br")),
        ("gzip, deflate, br", Some("br")),
        ("gzip", Some("gzip")),
        ("x-gzip", Some("gzip")),
        ("br;q=0.5, gzip;q=0.8", Some("gzip")),
        ("br;q=0, gzip", Some("gzip")),
        ("*", Some("br")),
        ("*;q=0.5, br;q=0", Some("gzip")),
        ("deflate", None),
        ("identity", None),
        ("gzip;q=0, br;q=0", None),
    ] {
        let reply = server
            .get_with("/bn/services", &[("accept-encoding", accept)])
            .await;
        assert_eq!(reply.status, 200, "{accept}");
        assert_eq!(reply.header("content-encoding"), expected, "{accept}");
        assert!(
            reply.header("vary").unwrap().contains("Accept-Encoding"),
            "{accept}"
        );
        assert_eq!(
            reply.header("content-length").unwrap(),
            reply.bytes.len().to_string(),
            "{accept}"
        );
        let decoded = match expected {
            Some("br") => unbrotli(&reply.bytes),
            Some("gzip") => ungzip(&reply.bytes),
            _ => reply.bytes.clone(),
        };
        assert_eq!(
            decoded, plain.bytes,
            "{accept}: same page whatever the encoding"
        );
    }
}

#[tokio::test]
async fn nothing_acceptable_is_406() {
    let server = TestServer::start(&bundled()).await;
    for accept in ["identity;q=0", "*;q=0", "deflate, identity;q=0"] {
        let reply = server
            .get_with("/bn/", &[("accept-encoding", accept)])
            .await;
        assert_eq!(reply.status, 406, "{accept}");
    }
}

#[tokio::test]
async fn etags_give_304_when_current_and_200_when_stale() {
    let server = TestServer::start(&bundled()).await;
    for accept in ["br", "gzip", "identity"] {
        let first = server
            .get_with("/en/contact", &[("accept-encoding", accept)])
            .await;
        let etag = first.header("etag").unwrap().to_string();
        assert!(
            etag.starts_with('"') && etag.ends_with('"'),
            "strong ETag: {etag}"
        );
        let again = server
            .get_with(
                "/en/contact",
                &[("accept-encoding", accept), ("if-none-match", &etag)],
            )
            .await;
        assert_eq!(again.status, 304, "{accept}");
        assert!(again.bytes.is_empty());
        assert_eq!(again.header("etag"), Some(etag.as_str()));
        assert_eq!(again.header("cache-control"), Some("no-cache"));
        let stale = server
            .get_with(
                "/en/contact",
                &[
                    ("accept-encoding", accept),
                    ("if-none-match", "\"0123456789abcdef0123\""),
                ],
            )
            .await;
        assert_eq!(stale.status, 200, "{accept}");
        assert_eq!(stale.bytes, first.bytes);
    }
    let br = server.get_with("/en/", &[("accept-encoding", "br")]).await;
    let gz = server
        .get_with("/en/", &[("accept-encoding", "gzip")])
        .await;
    assert_ne!(
        br.header("etag"),
        gz.header("etag"),
        "each encoding has its own tag"
    );
}

#[tokio::test]
async fn head_answers_like_get_without_a_body() {
    let server = TestServer::start(&bundled()).await;
    for path in ["/bn/", "/en/services", "/bn/no-such-page"] {
        let get = server.get_with(path, &[("accept-encoding", "br")]).await;
        let head = server
            .request(Method::HEAD, path, &[("accept-encoding", "br")])
            .await;
        assert_eq!(head.status, get.status, "{path}");
        assert!(head.bytes.is_empty(), "{path}");
        for h in [
            "content-type",
            "content-length",
            "content-encoding",
            "etag",
            "cache-control",
            "vary",
        ] {
            assert_eq!(head.header(h), get.header(h), "{path}: {h}");
        }
    }
}

#[tokio::test]
async fn other_methods_are_405_with_allow() {
    let server = TestServer::start(&bundled()).await;
    for method in [
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::PATCH,
        Method::OPTIONS,
    ] {
        let reply = server.request(method.clone(), "/en/services", &[]).await;
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("allow"), Some("GET, HEAD"), "{method}");
        assert!(
            reply.body.contains("lang=\"en\""),
            "{method}: an English error page"
        );
    }
}

#[tokio::test]
async fn assets_are_fingerprinted_and_immutable() {
    let server = TestServer::start(&bundled()).await;
    let home = server.get("/bn/").await.html();
    let css = select(&home, "link[rel=stylesheet]")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    let served = server.get(&css).await.bytes;
    let expected = citizen_charter::assets::fingerprint("style.css", &served);
    assert_eq!(
        css,
        format!("/static/{expected}"),
        "the stylesheet's name carries its hash"
    );
    let reply = server.get_with(&css, &[("accept-encoding", "br")]).await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(
        reply.header("content-type"),
        Some("text/css; charset=utf-8")
    );
    assert_eq!(reply.header("content-encoding"), Some("br"));
    assert!(reply.header("etag").is_some());
    let etag = reply.header("etag").unwrap().to_string();
    let again = server
        .get_with(&css, &[("accept-encoding", "br"), ("if-none-match", &etag)])
        .await;
    assert_eq!(again.status, 304);
    // A changed file gets a changed name.
    let changed = citizen_charter::assets::fingerprint("style.css", b"body{}");
    assert_ne!(changed, expected);
    assert_eq!(server.get(&format!("/static/{changed}")).await.status, 404);
}

#[tokio::test]
async fn every_page_links_the_icon_which_is_also_at_the_root() {
    let server = TestServer::start(&bundled()).await;
    let mut linked = Vec::new();
    for path in ["/bn/", "/en/services", "/bn/search?q=x", "/en/no-such-page"] {
        let page = server.get(path).await.html();
        let icons = select(&page, "link[rel=icon]");
        assert_eq!(icons.len(), 1, "{path}");
        linked.push(icons[0].value().attr("href").unwrap().to_string());
    }
    linked.dedup();
    assert_eq!(linked.len(), 1, "{linked:?}");
    let icon = &linked[0];
    let reply = server.get(icon).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), Some("image/x-icon"));
    assert_eq!(
        reply.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    // An ICO of one image, small enough for every first view.
    assert_eq!(&reply.bytes[..6], b"\0\0\x01\0\x01\0");
    assert!(reply.bytes.len() < 512, "{} bytes", reply.bytes.len());
    assert_eq!(
        *icon,
        format!(
            "/static/{}",
            citizen_charter::assets::fingerprint("favicon.ico", &reply.bytes)
        )
    );

    // Where browsers and crawlers look without reading a page.
    let root = server
        .get_with("/favicon.ico", &[("accept-encoding", "br, gzip")])
        .await;
    assert_eq!(root.status, 200);
    assert_eq!(root.bytes, reply.bytes);
    assert_eq!(root.header("content-type"), Some("image/x-icon"));
    assert_eq!(root.header("content-encoding"), None, "a PNG inside");
    assert_eq!(root.header("cache-control"), Some("no-cache"));
    let etag = root.header("etag").unwrap().to_string();
    let again = server
        .get_with("/favicon.ico", &[("if-none-match", &etag)])
        .await;
    assert_eq!(again.status, 304);
}

#[tokio::test]
async fn html_revalidates_and_errors_are_not_stored() {
    let server = TestServer::start(&bundled()).await;
    assert_eq!(
        server.get("/bn/").await.header("cache-control"),
        Some("no-cache")
    );
    assert_eq!(
        server.get("/bn/nope").await.header("cache-control"),
        Some("no-store")
    );
}

#[tokio::test]
async fn security_headers_on_every_kind_of_response() {
    let server = TestServer::start(&bundled()).await;
    for (method, path) in [
        (Method::GET, "/bn/"),
        (Method::GET, "/"),
        (Method::GET, "/bn/nope"),
        (Method::GET, "/healthz"),
        (Method::GET, "/en/search?q=ict"),
        (Method::POST, "/bn/"),
    ] {
        let reply = server.request(method.clone(), path, &[]).await;
        let csp = reply.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("default-src 'none'"), "{method} {path}");
        assert!(!csp.contains("unsafe-inline"), "{method} {path}");
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{method} {path}"
        );
        assert_eq!(
            reply.header("x-frame-options"),
            Some("DENY"),
            "{method} {path}"
        );
        assert!(reply.header("referrer-policy").is_some(), "{method} {path}");
        assert!(reply.header("server").is_none(), "{method} {path}");
    }
}

#[tokio::test]
async fn page_weight_stays_within_budget() {
    let server = TestServer::start(&bundled()).await;
    for path in ["/bn/", "/en/", "/bn/services", "/en/services"] {
        let page = server.get_with(path, &[("accept-encoding", "br")]).await;
        let html = page.html();
        let mut total = page.bytes.len();
        let mut requests = 1;
        for link in select(&html, "link[rel=stylesheet]") {
            let css = server
                .get_with(
                    link.value().attr("href").unwrap(),
                    &[("accept-encoding", "br")],
                )
                .await;
            total += css.bytes.len();
            requests += 1;
        }
        assert!(
            select(&html, "script").is_empty() && select(&html, "img").is_empty(),
            "{path}"
        );
        assert!(total <= 14 * 1024, "{path}: {total} bytes with brotli");
        assert!(requests <= 3, "{path}: {requests} requests");
    }
}

#[tokio::test]
async fn healthz_reports_the_loaded_charter() {
    let server = TestServer::start(&bundled()).await;
    let reply = server.get("/healthz").await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let json: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let expected = citizen_charter::charter::hex_sha256(&std::fs::read(bundled()).unwrap());
    assert_eq!(json["content_hash"], expected.as_str());
    assert_eq!(json["pages"], server.state.site().paths().len());
    assert!(json["last_reload_error"].is_null());
    assert!(json["loaded_at"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn search_finds_services_in_either_script() {
    let server = TestServer::start(&bundled()).await;
    let results = |html: &scraper::Html| -> Vec<String> {
        select(html, "ol.search-results a")
            .iter()
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect()
    };
    // Bangla query, Bangla page.
    let reply = server
        .get("/bn/search?q=%E0%A6%87-%E0%A6%A8%E0%A6%A5%E0%A6%BF")
        .await; // ই-নথি
    assert_eq!(reply.status, 200);
    assert_eq!(results(&reply.html()), ["/bn/services/e-nothi-training"]);
    // English, any case.
    let reply = server.get("/en/search?q=SHEIKH+russel").await;
    assert_eq!(
        results(&reply.html()),
        ["/en/services/sheikh-russel-digital-lab-support"]
    );
    // ASCII digits find Bangla digits: "১৫ কার্যদিবস".
    let reply = server.get("/bn/search?q=15+%E0%A6%95%E0%A6%BE%E0%A6%B0%E0%A7%8D%E0%A6%AF%E0%A6%A6%E0%A6%BF%E0%A6%AC%E0%A6%B8").await;
    assert_eq!(
        results(&reply.html()),
        ["/bn/services/service-automation-support"]
    );
    // Empty query: every service.
    assert_eq!(results(&server.get("/en/search?q=").await.html()).len(), 13);
    assert_eq!(results(&server.get("/en/search").await.html()).len(), 13);
    // No match: a helpful message in the page's language.
    let none = server.get("/en/search?q=zzzz").await;
    assert_eq!(none.status, 200);
    assert!(
        none.body.contains("No services found for “zzzz”"),
        "{}",
        none.body
    );
    let none = server.get("/bn/search?q=zzzz").await;
    assert!(none.body.contains("কোনো সেবা পাওয়া যায়নি"));
}

#[tokio::test]
async fn odd_search_queries_get_a_normal_page() {
    let server = TestServer::start(&bundled()).await;
    let long = "ক".repeat(2000);
    for query in [
        long.as_str(),
        "%00%01%1F",
        "%E0%A6",
        "%ZZ%",
        "%C0%AF..%2F..%2Fetc%2Fpasswd",
        "<script>alert(1)</script>",
        "q&q=2",
    ] {
        let reply = server.get(&format!("/bn/search?q={query}")).await;
        assert_eq!(reply.status, 200, "{query}");
        assert!(!reply.body.contains("<script>"), "{query}: escaped");
        assert!(reply.body.contains("lang=\"bn\""));
    }
}
