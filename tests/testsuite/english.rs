//! The English of the site, through HTTP: Bangla only where it is marked
//! as Bangla, one rendering per Bangla text, service names without a full
//! stop, section numbers in English style. The terms themselves are in
//! docs/glossary.md.

use std::collections::BTreeMap;

use scraper::ElementRef;

use crate::support::*;

/// The language `el` is in: its own `lang`, or its nearest ancestor's.
fn lang_of<'a>(el: &ElementRef<'a>) -> Option<&'a str> {
    el.value().attr("lang").or_else(|| {
        el.ancestors()
            .filter_map(ElementRef::wrap)
            .find_map(|a| a.value().attr("lang"))
    })
}

/// Every English page of the bundled charter, with a search and an error
/// page.
fn english_paths() -> Vec<String> {
    let mut paths = bundled_paths("en");
    paths.push("/en/search?q=training".to_string());
    paths.push("/en/no-such-page".to_string());
    paths
}

#[tokio::test]
async fn english_pages_have_bangla_only_where_it_is_marked_as_bangla() {
    let server = TestServer::start(&bundled()).await;
    for path in english_paths() {
        let html = server.get(&path).await.html();
        for el in select(&html, "*") {
            if lang_of(&el) != Some("en") {
                continue;
            }
            // An element's attributes (title, alt, content) are in its
            // language, as its text is; so is JSON-LD.
            for (name, value) in el.value().attrs() {
                assert!(
                    !value.chars().any(is_bangla),
                    "{path}: <{} {name}={value:?}> is Bangla in English",
                    el.value().name()
                );
            }
            for text in el.children().filter_map(|c| c.value().as_text()) {
                assert!(
                    !text.chars().any(is_bangla),
                    "{path}: Bangla text {:?} in <{}> without lang=\"bn\"",
                    text.trim(),
                    el.value().name()
                );
            }
        }
    }
}

#[tokio::test]
async fn english_service_names_have_no_full_stop() {
    let server = TestServer::start(&bundled()).await;
    for path in bundled_paths("en")
        .into_iter()
        .filter(|p| p.starts_with("/en/services/"))
    {
        let html = server.get(&path).await.html();
        let name = text_of(&select(&html, "h1")[0]);
        assert!(
            !name.trim_end().ends_with('.'),
            "{path}: service name ends with a full stop: {name}"
        );
        let title = text_of(&select(&html, "title")[0]);
        assert!(!title.contains(". |"), "{path}: <title> {title}");
    }
}

/// Every `{ "bn": …, "en": … }` text in `v`, as (Bangla, English).
fn texts(v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(map) => {
            if let (Some(bn), Some(en), 2) = (map.get("bn"), map.get("en"), map.len())
                && let (Some(bn), Some(en)) = (bn.as_str(), en.as_str())
            {
                out.push((bn.to_string(), en.to_string()));
                return;
            }
            map.values().for_each(|v| texts(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| texts(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn each_bangla_text_has_one_english_rendering() {
    let server = TestServer::start(&bundled()).await;
    let reply = server.get("/api/v1/charter.json").await;
    let doc: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let mut all = Vec::new();
    texts(&doc, &mut all);
    assert!(all.len() > 100, "texts were read: {}", all.len());
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (bn, en) in all {
        let first = seen.entry(bn.clone()).or_insert_with(|| en.clone());
        assert_eq!(*first, en, "two English renderings of {bn}");
    }
}

#[tokio::test]
async fn service_tables_are_numbered_in_each_language_s_style() {
    let server = TestServer::start(&full_fixture()).await;
    for (path, expected) in [
        (
            "/en/services",
            [
                "2.1 Citizen services",
                "2.2 Institutional services",
                "2.3 Internal services",
            ],
        ),
        (
            "/bn/services",
            ["২.১) নাগরিক সেবা", "২.২) প্রাতিষ্ঠানিক সেবা", "২.৩) অভ্যন্তরীণ সেবা"],
        ),
    ] {
        let html = server.get(path).await.html();
        let headings: Vec<String> = select(&html, "section.group h2")
            .iter()
            .map(|h| text_of(h).split(" (").next().unwrap().to_string())
            .collect();
        assert_eq!(headings, expected, "{path}");
    }
}

/// Every `(Bangla, English)` text of the bundled charter, as its open data
/// gives them.
async fn bundled_texts(server: &TestServer) -> Vec<(String, String)> {
    let reply = server.get("/api/v1/charter.json").await;
    let doc: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let mut all = Vec::new();
    texts(&doc, &mut all);
    all
}

#[tokio::test]
async fn each_method_of_delivery_has_one_english_form() {
    let server = TestServer::start(&bundled()).await;
    // The charter's spellings of each method, and its one English form:
    // the items of a list are parallel.
    let methods = [
        ("ব্যক্তিগত উপস্থিতির মাধ্যমে যোগাযোগ", "Contact in person"),
        ("টেলিফোনে যোগাযোগ", "Contact by telephone"),
        ("টেলিফোন যোগাযোগ", "Contact by telephone"),
        ("ই-মেইল", "By e-mail"),
        ("ই-মেইলের মাধ্যমে", "By e-mail"),
        ("দাপ্তরিক ওয়েব সাইটের মাধ্যমে", "Through the official website"),
    ];
    let all = bundled_texts(&server).await;
    for (bn, expected) in methods {
        let found: Vec<&String> = (all.iter())
            .filter(|(b, _)| b == bn)
            .map(|(_, en)| en)
            .collect();
        assert!(!found.is_empty(), "the charter has {bn}");
        assert!(found.iter().all(|en| *en == expected), "{bn}: {found:?}");
    }
}

#[tokio::test]
async fn as_required_renders_chahida_onujayi_wherever_it_is() {
    let server = TestServer::start(&bundled()).await;
    let mut seen = 0;
    for (bn, en) in bundled_texts(&server).await {
        if ["চাহিদা অনুযায়ী", "চাহিদা মোতাবেক", "চাহিদ মোতাবেক"]
            .iter()
            .any(|phrase| bn.contains(phrase))
        {
            seen += 1;
            assert!(en.to_lowercase().contains("as required"), "{bn}: {en}");
        }
    }
    assert!(seen >= 3, "{seen} texts");
}

#[tokio::test]
async fn an_acronym_follows_its_name_at_the_name_s_first_use() {
    let server = TestServer::start(&bundled()).await;
    for path in [
        "/en/",
        "/en/services",
        "/en/services/union-digital-centre-support",
    ] {
        let html = server.get(path).await.html();
        let main = text_of(&select(&html, "main")[0]);
        let at = main.find("Union Digital Centre").expect(path);
        let rest = main[at..].trim_start_matches("Union Digital Centres");
        let rest = rest.trim_start_matches("Union Digital Centre");
        let shown: String = main[at..].chars().take(40).collect();
        assert!(rest.starts_with(" (UDC"), "{path}: {shown}");
    }
}

/// The texts a translator's review put right, as the glossary gives them.
#[tokio::test]
async fn the_reviewed_english_is_as_the_glossary_gives_it() {
    let server = TestServer::start(&bundled()).await;
    let home = server.get("/en/").await.html();
    assert_eq!(
        text_of(&select(&home, "dl.vm dd")[1]),
        "Establishing good governance through infrastructure development, the development of \
         skilled human resources, the creation of decent work and the introduction of \
         e-services, by ensuring the optimal use of the information technology sector."
    );
    for (slug, name) in [
        (
            "web-portal-training",
            "Training on implementing and updating the National Portal to provide information \
             to all citizens",
        ),
        (
            "ict-procurement-specification",
            "Support in ensuring the requirements, quality and interoperability of ICT \
             equipment and software, in serving as a representative, and in drafting \
             specifications",
        ),
        (
            "union-digital-centre-support",
            "Inspection of, advice to and support for the Union Digital Centres (UDCs) in \
             implementing digital activities at union level",
        ),
        (
            "info-sarkar-internet-support",
            "Advice and support in solving Internet-related problems of government offices \
             connected under Info-Sarker Phase 2",
        ),
    ] {
        let html = server.get(&format!("/en/services/{slug}")).await.html();
        assert_eq!(text_of(&select(&html, "h1")[0]), name, "{slug}");
    }
    let html = server
        .get("/en/services/service-automation-support")
        .await
        .html();
    let fields: Vec<String> = select(&html, "dl.service-fields dd")
        .iter()
        .map(text_of)
        .collect();
    assert!(
        fields.contains(&"15 working days / as required for the automation".to_string()),
        "{fields:?}"
    );
}

#[tokio::test]
async fn english_pages_write_names_as_their_owners_do() {
    let server = TestServer::start(&bundled()).await;
    for path in english_paths() {
        let reply = server.get(&path).await;
        // Info-Sarker is the Bangladesh Computer Council's spelling; the
        // site's name is Citizen Charter, capitals and all.
        for wrong in ["Sarkar", "Citizen charter", "(web portal)"] {
            assert!(!reply.body.contains(wrong), "{path}: {wrong}");
        }
    }
}

/// The list item of the glossary that starts with `opening`, whitespace
/// made single spaces (the glossary wraps its lines).
fn glossary_item(glossary: &str, opening: &str) -> String {
    let text = glossary.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = text.find(&format!("- {opening}")).expect(opening);
    let item = &text[at + 2..];
    let end = [" - ", " ## "]
        .iter()
        .filter_map(|next| item.find(next))
        .min()
        .unwrap_or(item.len());
    item[..end].to_string()
}

#[test]
fn the_glossary_quotes_the_charter_as_it_is() {
    let glossary = std::fs::read_to_string(repo("docs/glossary.md")).unwrap();
    // The Department's vision and mission: the glossary's English is the
    // bundled charter's.
    let charter: toml::Table = std::fs::read_to_string(bundled()).unwrap().parse().unwrap();
    for key in ["vision", "mission"] {
        let text = &charter["charter"][key];
        let (bn, en) = (text["bn"].as_str().unwrap(), text["en"].as_str().unwrap());
        let item = glossary_item(&glossary, bn);
        assert!(item.contains(&format!("— *{en}*")), "{key}: {item}");
    }
    // The column headings as the published charter prints them.
    let portal = std::fs::read_to_string(repo("tests/fixtures/portal.txt")).unwrap();
    let headings = portal
        .lines()
        .find(|l| l.starts_with("ক্রমিক নং\t"))
        .unwrap();
    for heading in headings.split('\t') {
        assert!(
            glossary.contains(&format!("| {heading} |")),
            "the glossary quotes {heading}"
        );
    }
}
