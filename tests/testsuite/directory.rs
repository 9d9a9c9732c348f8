//! The directory of every office of a folder (`tests/fixtures/offices`):
//! its pages in both languages, its open data, and its search across every
//! office's services, over HTTP from the test's own server, which answers
//! as the server answers any host that is not an office's.

use std::sync::Arc;

use citizen_charter::i18n::Lang;
use citizen_charter::render::{ErrorKind, Target};
use citizen_charter::site::search::query_of;
use citizen_charter::site::{Compressor, Directory, Listed, Site, SiteOptions};
use citizen_charter::urls::BaseUrl;

use crate::support::*;

/// The directory's public address in these tests.
const BASE: &str = "https://charter.example.gov.bd";

/// The valid offices of the fixture folder, as served.
fn listed() -> Vec<Listed> {
    valid_offices()
        .into_iter()
        .map(|(id, path)| {
            let site = Site::load(&path, &SiteOptions::default()).expect("the fixture loads");
            let url = format!("https://{}/", site.charter.office.website.get_ref());
            Listed {
                id: id.to_string(),
                site: Arc::new(site),
                url,
            }
        })
        .collect()
}

/// The directory of `offices`, served: its pages, its search at
/// `/{lang}/search?q=…`, and its 404 page in the path's language.
struct DirectoryServer {
    base: String,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for DirectoryServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl DirectoryServer {
    fn start(offices: Vec<Listed>) -> DirectoryServer {
        let base = BaseUrl::new(BASE);
        let directory = Arc::new(
            Directory::new(&offices, &base, Target::Server, &Compressor::new())
                .expect("the directory renders"),
        );
        directory.prepare_in_background();
        let offices = Arc::new(offices);
        let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
            let (directory, offices) = (directory.clone(), offices.clone());
            async move { answer(&directory, &offices, &uri) }
        });
        let (base, task) = serve_router(app);
        DirectoryServer { base, task }
    }

    async fn get(&self, path: &str) -> Reply {
        fetch(&self.base, reqwest::Method::GET, path, &[]).await
    }
}

fn answer(
    directory: &Directory,
    offices: &[Listed],
    uri: &axum::http::Uri,
) -> axum::response::Response {
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;
    let path = uri.path();
    let lang = if path.starts_with("/en/") {
        Lang::En
    } else {
        Lang::Bn
    };
    if path == format!("/{lang}/search") {
        let html = directory
            .search_page(offices, lang, &query_of(uri.query()))
            .unwrap();
        return ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    }
    let (status, page) = match directory.page(path) {
        Some(page) => (StatusCode::OK, page),
        None => (
            StatusCode::NOT_FOUND,
            directory.error_page(lang, ErrorKind::NotFound),
        ),
    };
    let body = page.identity();
    (status, [(header::CONTENT_TYPE, page.content_type)], body).into_response()
}

/// `q` percent-encoded, as a browser sends it.
fn search_path(lang: &str, q: &str) -> String {
    let encoded: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    format!("/{lang}/search?q={encoded}")
}

fn texts(html: &scraper::Html, css: &str) -> Vec<String> {
    select(html, css).iter().map(text_of).collect()
}

fn hrefs(html: &scraper::Html, css: &str) -> Vec<String> {
    (select(html, css).iter())
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn offices_are_listed_by_division_district_and_upazila() {
    let server = DirectoryServer::start(listed());
    let bn = server.get("/bn/").await;
    assert_eq!(bn.status, 200);
    let html = bn.html();
    assert_eq!(select(&html, "html")[0].value().attr("lang"), Some("bn"));
    // By the English names on both pages; the office without a division
    // last.
    assert_eq!(
        texts(&html, "section.division > h2"),
        [
            "ঢাকা বিভাগ (১টি কার্যালয়)",
            "ময়মনসিংহ বিভাগ (১টি কার্যালয়)",
            "বিভাগ উল্লেখ নেই (১টি কার্যালয়)",
        ]
    );
    assert_eq!(
        texts(&html, "section.division h3"),
        ["ঢাকা জেলা", "ময়মনসিংহ জেলা", "নমুনাগঞ্জ জেলা"]
    );
    assert_eq!(texts(&html, "dl.offices dt"), ["সাভার", "হালুয়াঘাট", "পরীক্ষাপুর"]);
    // Each office links to its own site, in the page's language.
    assert_eq!(
        hrefs(&html, "dl.offices dd a"),
        [
            "https://doict.savar.dhaka.gov.bd/bn/",
            "https://doict.haluaghat.mymensingh.gov.bd/bn/",
            "https://ict.testpur.sampleganj.gov.bd/bn/",
        ]
    );
    // Counts in Bangla digits: no ASCII digit in the Bangla page's text.
    let main = text_of(&select(&html, "main")[0]);
    assert!(main.contains("(২টি সেবা)"), "{main}");
    assert!(!main.chars().any(|c| c.is_ascii_digit()), "{main}");
    // The links to each division.
    assert_eq!(
        hrefs(&html, "main nav a"),
        ["#dhaka", "#mymensingh", "#no-division"]
    );

    let en = server.get("/en/").await;
    let html = en.html();
    assert_eq!(select(&html, "html")[0].value().attr("lang"), Some("en"));
    assert_eq!(
        texts(&html, "section.division > h2"),
        [
            "Dhaka Division (1 office)",
            "Mymensingh Division (1 office)",
            "Division not given (1 office)",
        ]
    );
    assert_eq!(
        texts(&html, "dl.offices dt"),
        ["Savar", "Haluaghat", "Testpur"]
    );
    assert_eq!(
        hrefs(&html, "dl.offices dd a"),
        [
            "https://doict.savar.dhaka.gov.bd/en/",
            "https://doict.haluaghat.mymensingh.gov.bd/en/",
            "https://ict.testpur.sampleganj.gov.bd/en/",
        ]
    );
    let main = text_of(&select(&html, "main")[0]);
    assert!(main.contains("(2 services)"), "{main}");
    assert!(!main.chars().any(|c| ('০'..='৯').contains(&c)), "{main}");
    // Savar's office has no English name: shown in Bangla, marked so.
    let savar = select(&html, "dl.offices dd a")[0];
    let marked: Vec<_> = savar
        .select(&scraper::Selector::parse("span[lang=bn]").unwrap())
        .map(|s| text_of(&s))
        .collect();
    assert_eq!(marked, ["উপজেলা কার্যালয়"]);
    assert!(text_of(&savar).ends_with("Department of Information and Communication Technology"));

    // The header: the directory's own, and the language switch as on
    // every page.
    for (reply, name, other) in [
        (&bn, "সকল কার্যালয়ের সিটিজেন চার্টার", "en"),
        (&en, "Citizen charters of every office", "bn"),
    ] {
        let html = reply.html();
        assert_eq!(texts(&html, ".charter-name"), [name]);
        assert_eq!(texts(&html, "h1"), [name]);
        let switch = select(&html, ".lang-switch a")[0].value();
        assert_eq!(switch.attr("lang"), Some(other));
        assert_eq!(switch.attr("hreflang"), Some(other));
        assert_eq!(switch.attr("href"), Some(format!("/{other}/").as_str()));
        assert!(switch.attr("title").is_some());
        assert_eq!(select(&html, "form.search").len(), 1);
        assert_eq!(select(&html, "a.skip[href='#main']").len(), 1);
        let canonical = select(&html, "link[rel=canonical]")[0]
            .value()
            .attr("href")
            .unwrap();
        assert!(canonical.starts_with(BASE), "{canonical}");
    }
}

#[tokio::test]
async fn the_open_data_lists_every_office() {
    let server = DirectoryServer::start(listed());
    let reply = server.get("/api/v1/offices.json").await;
    assert_eq!(reply.status, 200);
    let doc: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(doc["api_version"], 1);
    let offices = doc["offices"].as_array().unwrap();
    let ids: Vec<&str> = offices.iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["haluaghat", "savar", "testpur"]);
    let haluaghat = &offices[0];
    assert_eq!(haluaghat["website"], "doict.haluaghat.mymensingh.gov.bd");
    assert_eq!(haluaghat["division"]["en"], "Mymensingh");
    assert_eq!(haluaghat["district"]["bn"], "ময়মনসিংহ");
    assert_eq!(haluaghat["upazila"]["en"], "Haluaghat");
    assert_eq!(
        haluaghat["name"]["en"],
        "Department of Information and Communication Technology, Upazila Office, Haluaghat"
    );
    assert_eq!(haluaghat["aliases"], serde_json::json!([]));
    assert_eq!(
        haluaghat["home"]["en"],
        "https://doict.haluaghat.mymensingh.gov.bd/en/"
    );
    assert_eq!(
        haluaghat["api_url"],
        "https://doict.haluaghat.mymensingh.gov.bd/api/v1/charter.json"
    );
    assert_eq!(haluaghat["services"], 2);
    // No English name when a part of it has none; no division when the
    // charter names none.
    assert!(offices[1]["name"]["en"].is_null());
    assert!(offices[2]["division"].is_null());
    assert_eq!(offices[2]["services"], 3);

    let sitemap = server.get("/sitemap.xml").await;
    assert_eq!(sitemap.status, 200);
    let locs: Vec<&str> = (sitemap.body.split("<loc>").skip(1))
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .collect();
    assert_eq!(locs, [format!("{BASE}/bn/"), format!("{BASE}/en/")]);
    let robots = server.get("/robots.txt").await;
    assert!(
        robots
            .body
            .ends_with(&format!("Sitemap: {BASE}/sitemap.xml\n"))
    );
    assert!(
        robots
            .body
            .contains("\nDisallow: /bn/search?\nDisallow: /en/search?\n")
    );
}

#[tokio::test]
async fn error_pages_are_in_the_language_of_the_path() {
    let server = DirectoryServer::start(listed());
    for (path, title, lang) in [
        ("/en/no-such-page", "Page not found", "en"),
        ("/bn/no-such-page", "পাতাটি পাওয়া যায়নি", "bn"),
    ] {
        let reply = server.get(path).await;
        assert_eq!(reply.status, 404);
        let html = reply.html();
        assert_eq!(texts(&html, "h1"), [title]);
        assert_eq!(select(&html, "html")[0].value().attr("lang"), Some(lang));
        assert_eq!(hrefs(&html, "main a"), [format!("/{lang}/")]);
    }
}

/// The hosts of the results' links and the offices named under them.
fn results(html: &scraper::Html) -> Vec<(String, String)> {
    (select(html, "ol.search-results > li").iter())
        .map(|li| {
            let a = li
                .select(&scraper::Selector::parse("a").unwrap())
                .next()
                .unwrap();
            let office = li
                .select(&scraper::Selector::parse("small").unwrap())
                .next()
                .unwrap();
            (
                a.value().attr("href").unwrap().to_string(),
                text_of(&office),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_search_finds_the_services_of_every_office() {
    let server = DirectoryServer::start(listed());
    // As typed, and misspelt (ন for ণ): found in two offices.
    for query in ["প্রশিক্ষণ", "প্রশিক্ষন"] {
        let html = server.get(&search_path("bn", query)).await.html();
        let found = results(&html);
        let links: Vec<&str> = found.iter().map(|(href, _)| href.as_str()).collect();
        assert_eq!(
            links,
            [
                "https://doict.haluaghat.mymensingh.gov.bd/bn/services/ict-training",
                "https://doict.savar.dhaka.gov.bd/bn/services/e-nothi-training",
            ],
            "{query}"
        );
        assert!(found[0].1.contains("হালুয়াঘাট, ময়মনসিংহ"), "{found:?}");
        assert!(found[1].1.contains("সাভার, ঢাকা"), "{found:?}");
        assert_eq!(
            texts(&html, ".search-summary"),
            [format!("“{query}” অনুসন্ধানে ২টি কার্যালয়ের ২টি সেবা পাওয়া গেছে।")]
        );
    }
    // On the English page, the office without an English name is named in
    // Bangla, marked so.
    let html = server.get(&search_path("en", "training")).await.html();
    let found = results(&html);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[1]
            .0
            .starts_with("https://doict.savar.dhaka.gov.bd/en/services/")
    );
    assert_eq!(
        texts(&html, "ol.search-results small span[lang=bn]"),
        ["উপজেলা কার্যালয়"]
    );
    assert_eq!(
        texts(&html, ".search-summary"),
        ["2 services found for “training” in 2 offices."]
    );
}

#[tokio::test]
async fn nothing_found_offers_the_closest_names_of_every_office() {
    let server = DirectoryServer::start(listed());
    let html = server.get(&search_path("en", "trainng")).await.html();
    assert!(select(&html, "ol.search-results").is_empty());
    assert_eq!(
        texts(&html, ".search-summary"),
        [
            "No service of any office found for “trainng”. Try other words, or see the list of all offices."
        ]
    );
    let closest = hrefs(&html, "ul.search-closest a");
    assert!(
        closest.contains(
            &"https://doict.haluaghat.mymensingh.gov.bd/en/services/ict-training".to_string()
        ) && closest
            .contains(&"https://doict.savar.dhaka.gov.bd/en/services/e-nothi-training".to_string()),
        "{closest:?}"
    );
    assert_eq!(
        select(&html, "ul.search-closest small").len(),
        closest.len()
    );
    // Nothing close either: no names, and the way back to the list.
    let html = server.get(&search_path("bn", "zzzz")).await.html();
    assert!(select(&html, "ul.search-closest").is_empty());
    assert_eq!(hrefs(&html, "main a"), ["/bn/"]);
    // No query: how to search. A query without a word is none.
    let html = server.get("/en/search").await.html();
    assert!(texts(&html, ".search-summary")[0].starts_with("Type the name of a service"));
    for (lang, query) in [("en", "?"), ("bn", "।"), ("bn", "-")] {
        let asked = server.get(&search_path(lang, query)).await.html();
        let none = server.get(&format!("/{lang}/search")).await.html();
        assert_eq!(
            texts(&asked, ".search-summary"),
            texts(&none, ".search-summary"),
            "{query}"
        );
    }
}

#[test]
fn many_finds_are_cut_to_fifty_the_best_first() {
    // The same office thirty times over: "ict" is in the names of its two
    // services.
    let site = Arc::new(Site::load(&valid_offices()[0].1, &SiteOptions::default()).unwrap());
    let offices: Vec<Listed> = (0..30)
        .map(|i| Listed {
            id: format!("office-{i:02}"),
            site: site.clone(),
            url: format!("https://office-{i:02}.example.gov.bd/"),
        })
        .collect();
    let directory = Directory::new(
        &offices,
        &BaseUrl::new(BASE),
        Target::Server,
        &Compressor::new(),
    )
    .unwrap();
    let html =
        scraper::Html::parse_document(&directory.search_page(&offices, Lang::En, "ict").unwrap());
    let found = results(&html);
    assert_eq!(found.len(), 50);
    assert_eq!(
        texts(&html, ".search-summary"),
        ["60 services found for “ict” in 30 offices."]
    );
    // Equally good (a whole word of the name each), so in the order of
    // the offices, then of each charter's services.
    assert_eq!(
        found[0].0,
        "https://office-00.example.gov.bd/en/services/ict-advice"
    );
    assert_eq!(
        found[1].0,
        "https://office-00.example.gov.bd/en/services/ict-training"
    );
    assert_eq!(
        found[49].0,
        "https://office-24.example.gov.bd/en/services/ict-training"
    );
    assert!(
        select(&html, "main p")
            .iter()
            .any(|p| text_of(p).starts_with("Only the first 50 are shown."))
    );
}

#[test]
fn an_office_changed_since_the_directory_was_made_is_searched_as_it_is_now() {
    let before = listed();
    let directory = Directory::new(
        &before,
        &BaseUrl::new(BASE),
        Target::Server,
        &Compressor::new(),
    )
    .unwrap();
    // The index of every office is made from the offices as they were.
    let _ = directory
        .search_page(&before, Lang::En, "training")
        .unwrap();
    // Savar's charter changes: its training is renamed.
    let dir = tempfile::tempdir().unwrap();
    let changed = dir.path().join("savar.toml");
    let source = std::fs::read_to_string(&valid_offices()[1].1).unwrap();
    std::fs::write(
        &changed,
        source.replace(
            "Training on implementing e-Nothi",
            "Coaching on implementing e-Nothi",
        ),
    )
    .unwrap();
    let mut now = before.clone();
    now[1].site = Arc::new(Site::load(&changed, &SiteOptions::default()).unwrap());
    drop(before);
    let html =
        scraper::Html::parse_document(&directory.search_page(&now, Lang::En, "coaching").unwrap());
    assert_eq!(
        results(&html)
            .into_iter()
            .map(|(href, _)| href)
            .collect::<Vec<_>>(),
        ["https://doict.savar.dhaka.gov.bd/en/services/e-nothi-training"]
    );
    let html =
        scraper::Html::parse_document(&directory.search_page(&now, Lang::En, "training").unwrap());
    assert_eq!(results(&html).len(), 1, "only Haluaghat's training is left");
    // An office no longer listed is not found.
    let html =
        scraper::Html::parse_document(&directory.search_page(&now[1..], Lang::En, "ICT").unwrap());
    assert!(
        results(&html)
            .iter()
            .all(|(href, _)| !href.contains("haluaghat")),
        "{:?}",
        results(&html)
    );
}
