//! The search page: a table of queries citizens type, each with the service
//! it must find first; what a result shows (the words found marked, the
//! field they are in); what a search that finds nothing offers; and the
//! page as a hostile client meets it (a long query is shown twice and
//! carried once, the page is compressed, the marks that reorder text never
//! reach it).

use citizen_charter::i18n::Lang;

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
    // No canonical or alternate link repeats it: a results page is kept
    // out of indexes and names no page for them.
    let html = reply.html();
    assert!(select(&html, "link[rel=canonical], link[rel=alternate]").is_empty());
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

/// What the table expects of a query without a word: the page of the
/// empty query.
const EMPTY_QUERY: &str = "(empty query)";

/// The queries of `tests/fixtures/search-queries.tsv`: page language,
/// query, the slug expected first, what the line tries.
fn query_table() -> Vec<(String, String, String, String)> {
    let table = std::fs::read_to_string(repo("tests/fixtures/search-queries.tsv")).unwrap();
    table
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 4, "four cells separated by tabs: {line:?}");
            (
                cells[0].to_string(),
                cells[1].to_string(),
                cells[2].to_string(),
                cells[3].to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn every_query_of_the_table_finds_its_service_first() {
    let server = TestServer::start(&bundled()).await;
    let table = query_table();
    assert!(table.len() >= 40, "{} queries", table.len());
    for lang in ["bn", "en"] {
        assert!(
            table.iter().filter(|(l, ..)| l == lang).count() >= 20,
            "at least 20 queries on the {lang} pages"
        );
    }
    let mut wrong = Vec::new();
    for (lang, query, slug, what) in &table {
        let html = server.get(&search_path(lang, query)).await.html();
        if slug == EMPTY_QUERY {
            // The page of the empty query: its summary, and nothing in the
            // search box.
            let empty = server.get(&search_path(lang, "")).await.html();
            let summary = |html: &scraper::Html| text_of(&select(html, ".search-summary")[0]);
            let value = |html: &scraper::Html| {
                select(html, "input#q")[0]
                    .value()
                    .attr("value")
                    .map(str::to_string)
            };
            if (summary(&html), value(&html)) != (summary(&empty), value(&empty)) {
                wrong.push(format!(
                    "{lang} {query:?} ({what}): {:?}, not the empty query's {:?}",
                    summary(&html),
                    summary(&empty)
                ));
            }
            continue;
        }
        let first = select(&html, "ol.search-results a")
            .first()
            .and_then(|a| a.value().attr("href"))
            .map(str::to_string);
        let expected = format!("/{lang}/services/{slug}");
        if first.as_deref() != Some(expected.as_str()) {
            wrong.push(format!("{lang} {query:?} ({what}): first {first:?}"));
        }
    }
    println!(
        "search table: {} of {} queries return the expected service first",
        table.len() - wrong.len(),
        table.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The elements under `el` that `css` selects.
fn select_in<'a>(el: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    el.select(&scraper::Selector::parse(css).unwrap()).collect()
}

/// The `(href, text)` of every service link in the results, in order.
fn results(html: &scraper::Html) -> Vec<(String, String)> {
    select(html, "ol.search-results > li > a")
        .iter()
        .map(|a| (a.value().attr("href").unwrap().to_string(), text_of(a)))
        .collect()
}

#[tokio::test]
async fn the_words_found_are_marked_in_the_offices_text_with_the_fields_label() {
    let server = TestServer::start(&bundled()).await;
    // Found in the name, misspelt (ন for ণ, ী for ি): the name is the
    // charter's, its words marked, and no other field is shown.
    let html = server.get(&search_path("bn", "সরকারি প্রশিক্ষন")).await.html();
    let found = results(&html);
    assert_eq!(found[0].0, "/bn/services/ict-training");
    assert_eq!(found[0].1, SEED_NAMES_BN[3]);
    let marks: Vec<String> = select(&html, "ol.search-results > li:first-child > a mark")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(marks, ["সরকারী", "প্রশিক্ষণ"]);
    assert!(select(&html, "ol.search-results > li:first-child .search-field").is_empty());

    // Found in another field: its label, in the page's language, and its
    // text with the word marked.
    let html = server.get(&search_path("bn", "ইমেইল")).await.html();
    let field = &select(&html, "ol.search-results > li .search-field")[0];
    let label = |lang, id| format!("{}:", citizen_charter::i18n::tr(lang, id));
    assert_eq!(
        text_of(&select_in(field, ".search-label")[0]),
        label(Lang::Bn, "col-delivery")
    );
    assert_eq!(text_of(&select_in(field, "mark")[0]), "ই-মেইল");

    // Found in the Bangla text on the English page: marked, and in Bangla.
    let html = server.get(&search_path("en", "প্রশিক্ষন ই-নথি")).await.html();
    assert_eq!(results(&html)[0].0, "/en/services/e-nothi-training");
    let field = &select(&html, "ol.search-results > li .search-field")[0];
    assert_eq!(
        text_of(&select_in(field, ".search-label")[0]),
        label(Lang::En, "col-name")
    );
    let text = &select_in(field, "span[lang=bn]")[0];
    assert_eq!(text_of(text), SEED_NAMES_BN[5]);
    let marks: Vec<String> = select_in(text, "mark").iter().map(text_of).collect();
    assert_eq!(marks, ["ই-নথি", "প্রশিক্ষণ"]);
}

#[tokio::test]
async fn digits_are_shown_in_the_script_of_their_text() {
    let server = TestServer::start(&bundled()).await;
    for (lang, query, mark) in [("bn", "15 কার্যদিবস", "১৫"), ("en", "১৫ working days", "15")]
    {
        let html = server.get(&search_path(lang, query)).await.html();
        let marks: Vec<String> = select(&html, ".search-field mark")
            .iter()
            .map(text_of)
            .collect();
        assert_eq!(marks[0], mark, "{lang} {query}");
    }
}

#[tokio::test]
async fn nothing_found_says_so_and_offers_the_closest_names_and_the_full_list() {
    let server = TestServer::start(&bundled()).await;
    let reply = server.get(&search_path("en", "trainng")).await;
    assert!(reply.body.contains("No services found for “trainng”"));
    let html = reply.html();
    assert!(select(&html, "ol.search-results").is_empty());
    let closest: Vec<&str> = select(&html, ".search-closest a")
        .iter()
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(
        closest,
        [
            "/en/services/ict-training",
            "/en/services/web-portal-training",
            "/en/services/e-nothi-training",
        ]
    );
    assert_eq!(select(&html, "main a[href='/en/services']").len(), 1);
    // Nothing close: the full list only.
    let html = server.get(&search_path("bn", "zzzz")).await.html();
    assert!(select(&html, ".search-closest").is_empty());
    assert_eq!(select(&html, "main a[href='/bn/services']").len(), 1);
}

#[tokio::test]
async fn many_found_are_listed_best_first_up_to_the_limit() {
    use citizen_charter::site::search::MAX_RESULTS;
    // The bundled charter and 50 more services named as its last one.
    let dir = tempfile::tempdir().unwrap();
    let mut charter = std::fs::read_to_string(bundled()).unwrap();
    let last = charter[charter.rfind("[[services]]").unwrap()..].to_string();
    for n in 0..50 {
        charter.push('\n');
        charter.push_str(
            &last
                .replace("serial = 10", &format!("serial = {}", 11 + n))
                .replace("info-sarkar-internet-support", &format!("extra-{n}")),
        );
    }
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, charter).unwrap();
    let server = TestServer::start(&file).await;
    let reply = server.get(&search_path("bn", "ইনফো সরকার")).await;
    let html = reply.html();
    let found = results(&html);
    assert_eq!(found.len(), MAX_RESULTS);
    assert_eq!(found[0].0, "/bn/services/info-sarkar-internet-support");
    assert!(
        reply
            .body
            .contains("“ইনফো সরকার” অনুসন্ধানে ৫১টি সেবা পাওয়া গেছে।")
    );
    let listed = citizen_charter::i18n::bn_digits(&MAX_RESULTS.to_string());
    assert!(
        reply
            .body
            .contains(&format!("শুধু প্রথম {listed}টি দেখানো হলো। "))
    );
    let en = server.get(&search_path("en", "Info Sarker")).await;
    assert!(en.body.contains(&format!(
        "Only the first {MAX_RESULTS} are shown. Add a word to narrow the search"
    )));
    assert_eq!(select(&html, "main a[href='/bn/services']").len(), 1);
}
