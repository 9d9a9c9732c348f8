//! The search page as a hostile client meets it: a long query is shown
//! twice and carried once, the page is compressed, and the marks that
//! reorder text never reach it.

use crate::support::*;

/// `q` percent-encoded, as a browser sends it.
fn search_path(lang: &str, q: &str) -> String {
    let encoded: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    format!("/{lang}/search?q={encoded}")
}

#[tokio::test]
async fn a_long_query_is_echoed_twice_and_the_page_compressed() {
    let server = TestServer::start(&bundled()).await;
    // 2,000 Bangla letters, the most the server reads: 6 KB of UTF-8,
    // 18 KB in the address.
    let query = "ক".repeat(2_000);
    let path = search_path("bn", &query);
    let reply = server.get(&path).await;
    assert_eq!(reply.status, 200);
    let body = &reply.body;
    assert_eq!(body.matches(&query).count(), 2, "the box and the summary");
    let encoded: String = form_urlencoded::byte_serialize(query.as_bytes()).collect();
    assert_eq!(
        body.matches(&encoded).count(),
        1,
        "only the language switch carries it"
    );
    // Canonical and alternate links name the search page, not the query.
    let html = reply.html();
    let canonical = select(&html, "link[rel=canonical]");
    assert!(
        canonical[0]
            .value()
            .attr("href")
            .unwrap()
            .ends_with("/bn/search")
    );
    assert!(
        body.len() < 3 * query.len() + 16 * 1024,
        "{} bytes",
        body.len()
    );

    // Compressed for a client that takes gzip.
    let gz = server
        .get_with(&path, &[("accept-encoding", "br, gzip")])
        .await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert!(gz.bytes.len() * 5 < body.len(), "{} bytes", gz.bytes.len());
    // Never brotli made on demand for one search: 406 rather than that.
    let br_only = server
        .get_with(&path, &[("accept-encoding", "br, identity;q=0")])
        .await;
    assert_eq!(br_only.status, 406);
}

#[tokio::test]
async fn marks_that_reorder_text_are_dropped_from_the_query() {
    let server = TestServer::start(&bundled()).await;
    let tricky = "\u{202E}gninrael\u{202C} \u{2067}ict\u{2069}\u{200F}";
    let reply = server.get(&search_path("en", tricky)).await;
    assert_eq!(reply.status, 200);
    for mark in ['\u{202E}', '\u{202C}', '\u{2067}', '\u{2069}', '\u{200F}'] {
        assert!(
            !reply.body.contains(mark),
            "U+{:04X} reached the page",
            mark as u32
        );
    }
    let html = reply.html();
    let value = select(&html, "input#q")[0]
        .value()
        .attr("value")
        .unwrap()
        .to_string();
    assert_eq!(value, "gninrael ict");
    // The same query without the marks finds the same services.
    let plain = server.get(&search_path("en", "gninrael ict")).await;
    assert_eq!(
        select(&html, ".search-results li").len(),
        select(&plain.html(), ".search-results li").len()
    );
}
