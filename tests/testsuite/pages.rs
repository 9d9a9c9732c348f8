//! Every page in both languages, through HTTP: content, language marks,
//! digits, links between the languages, error pages, the `/` redirect.

use std::collections::HashSet;

use citizen_charter::i18n::MISSING_MESSAGE;

use crate::support::*;

#[tokio::test]
async fn every_page_answers_in_its_language() {
    let server = TestServer::start(&bundled()).await;
    for lang in ["bn", "en"] {
        for path in bundled_paths(lang) {
            let reply = server.get(&path).await;
            assert_eq!(reply.status, 200, "{path}");
            assert_eq!(
                reply.header("content-type"),
                Some("text/html; charset=utf-8"),
                "{path}"
            );
            let html = reply.html();
            let root = select(&html, "html");
            assert_eq!(
                root[0].value().attr("lang"),
                Some(lang),
                "{path}: <html lang>"
            );
            for landmark in ["header", "nav", "main", "footer"] {
                assert_eq!(select(&html, landmark).len(), 1, "{path}: one <{landmark}>");
            }
            assert_eq!(select(&html, "h1").len(), 1, "{path}: one <h1>");
            // JSON-LD data blocks are the only scripts, and they never run.
            let scripts = select(&html, "script");
            assert!(
                scripts
                    .iter()
                    .all(|s| s.value().attr("type") == Some("application/ld+json")),
                "{path}: no JavaScript"
            );
            assert!(
                !reply.body.contains(MISSING_MESSAGE),
                "{path}: unresolved message id"
            );
            assert!(!reply.body.contains("Unknown localization key"), "{path}");
        }
    }
}

#[tokio::test]
async fn titles_and_descriptions_are_distinct() {
    let server = TestServer::start(&bundled()).await;
    let mut titles = HashSet::new();
    let mut descriptions = HashSet::new();
    for lang in ["bn", "en"] {
        for path in bundled_paths(lang) {
            let html = server.get(&path).await.html();
            let title = text_of(&select(&html, "title")[0]);
            let desc = select(&html, "meta[name=description]")[0]
                .value()
                .attr("content")
                .unwrap()
                .to_string();
            assert!(
                !title.trim().is_empty() && !desc.trim().is_empty(),
                "{path}"
            );
            assert!(
                titles.insert(title.clone()),
                "{path}: title {title:?} used twice"
            );
            assert!(
                descriptions.insert(desc.clone()),
                "{path}: description used twice"
            );
        }
    }
}

#[tokio::test]
async fn seed_service_names_appear_verbatim() {
    let server = TestServer::start(&bundled()).await;
    let bn = server.get("/bn/services").await.body;
    for name in SEED_NAMES_BN {
        assert!(bn.contains(name), "missing on /bn/services: {name}");
    }
    let en = server.get("/en/services").await.body;
    let loaded = citizen_charter::charter::load_file(&bundled()).unwrap();
    assert_eq!(loaded.charter.services.len(), 13);
    for s in &loaded.charter.services {
        let english = s
            .name
            .en
            .as_ref()
            .expect("bundled charter is fully translated");
        assert!(
            en.contains(english.get_ref()),
            "missing on /en/services: {}",
            english.get_ref()
        );
        assert!(
            !en.contains(s.name.bn()),
            "Bangla name on /en/services: {}",
            s.name.bn()
        );
    }
    for expected in [
        "Information about projects",
        "Training on implementing e-Nothi (e-filing) to ensure good governance, transparency and accountability",
    ] {
        assert!(en.contains(expected), "{expected}");
    }
}

#[tokio::test]
async fn seed_facts_reach_the_pages() {
    let server = TestServer::start(&bundled()).await;
    let home = server.get("/bn/").await.body;
    for fact in [
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "উপজেলা কার্যালয়",
        "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর",
        "হালুয়াঘাট, ময়মনসিংহ",
        "doict.haluaghat.mymensingh.gov.bd",
        "জ্ঞানভিত্তিক অর্থনীতি, সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার।",
        "ই-সার্ভিস প্রতিষ্ঠার মাধ্যমে সুশাসন প্রতিষ্ঠা।",
        "২.১) নাগরিক সেবা",
        "২.২) প্রাতিষ্ঠানিক সেবা",
    ] {
        assert!(home.contains(fact), "/bn/ lacks {fact}");
    }
    let services = server.get("/bn/services").await;
    let html = services.html();
    // Numbered lists in cells become <ol> items, the "১।" markers gone.
    let items: Vec<String> = select(&html, "td ol li").iter().map(text_of).collect();
    assert!(items.contains(&"দাপ্তরিক ওয়েব সাইটের মাধ্যমে".to_string()));
    assert!(items.contains(&"সরাসরি যোগাযোগের মাধ্যমে".to_string()));
    assert!(
        !services.body.contains("১।"),
        "list markers stay out of the text"
    );
    assert!(!services.body.contains("<p>জনাব"), "seed markup is stripped");
    for cell in [
        "বিনামূল্যে / বিদ্যমান সরকারী নীতিমালা অনুযায়ী",
        "১৫ কার্যদিবস/ অটোমেশনের চাহিদা অনুযায়ী",
        "তাৎক্ষণিক/ ৩ কার্যদিবস (প্রয়োজ্য ক্ষেত্রে)",
    ] {
        assert!(services.body.contains(cell), "{cell}");
    }
    // Every row names the responsible officer, merged cells included.
    let rows = select(&html, "tbody tr");
    assert_eq!(rows.len(), 13);
    for row in &rows {
        let text = text_of(row);
        assert!(
            text.contains("জনাব মোঃ আশিকুল ইসলাম"),
            "row without officer: {text}"
        );
    }
}

#[tokio::test]
async fn officer_phone_and_email_are_links_in_ascii() {
    let server = TestServer::start(&bundled()).await;
    for (path, shown) in [
        ("/bn/services/office-information", "০২৯৯৬৬৭৩৭৫২"),
        ("/en/services/office-information", "02996673752"),
        ("/bn/contact", "০২৯৯৬৬৭৩৭৫২"),
        ("/en/contact", "02996673752"),
    ] {
        let reply = server.get(path).await;
        let html = reply.html();
        let tel = select(&html, "a[href^='tel:']");
        assert_eq!(
            tel[0].value().attr("href"),
            Some("tel:02996673752"),
            "{path}"
        );
        assert_eq!(text_of(&tel[0]), shown, "{path}");
        let mail = select(&html, "a[href^='mailto:']");
        assert_eq!(
            mail[0].value().attr("href"),
            Some("mailto:shakilcse96@gmail.com"),
            "{path}"
        );
        assert_eq!(text_of(&mail[0]), "shakilcse96@gmail.com");
    }
}

/// Visible text of `<body>`, without e-mail addresses, web addresses and
/// the paper size A4, which are written in ASCII in every language.
fn body_text(html: &scraper::Html) -> String {
    let body = text_of(&select(html, "body")[0]);
    body.split_whitespace()
        .filter(|w| !w.contains('@') && !w.contains(".gov.bd") && *w != "A4")
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn digits_follow_the_page_language() {
    for charter in [bundled(), full_fixture()] {
        let server = TestServer::start(&charter).await;
        let site = server.state.site();
        for path in site.html_paths() {
            let html = server.get(path).await.html();
            let text = body_text(&html);
            if path.starts_with("/bn/") {
                let ascii: Vec<char> = text.chars().filter(char::is_ascii_digit).collect();
                assert!(ascii.is_empty(), "{path}: ASCII digits {ascii:?} in {text}");
            } else {
                // Bangla text standing in for a missing English one keeps
                // its digits, inside an element marked lang="bn".
                let mut english = text.clone();
                for el in select(&html, "body [lang=bn]") {
                    english = english.replace(text_of(&el).trim(), "");
                }
                let bangla: Vec<char> = english
                    .chars()
                    .filter(|c| ('০'..='৯').contains(c))
                    .collect();
                assert!(bangla.is_empty(), "{path}: Bangla digits {bangla:?}");
            }
        }
        let bn = server.get("/bn/").await.body;
        assert!(
            bn.contains("(৩টি সেবা)") || bn.contains("(১টি সেবা)"),
            "counts in Bangla digits"
        );
    }
}

#[tokio::test]
async fn bangla_pages_write_as_the_charter_does() {
    for charter in [bundled(), full_fixture()] {
        let server = TestServer::start(&charter).await;
        let site = server.state.site();
        for path in (site.html_paths().into_iter()).filter(|p| p.starts_with("/bn/")) {
            let reply = server.get(path).await;
            // ই-মেইল, as the charter writes it, on every page.
            assert!(!reply.body.contains("ইমেইল"), "{path}: ইমেইল");
            // An office's name is a list of names: no -এর after it.
            let html = reply.html();
            let description = select(&html, "meta[name=description]")[0]
                .value()
                .attr("content")
                .unwrap()
                .to_string();
            assert!(!description.contains("-এর"), "{path}: {description}");
        }
    }
    let server = TestServer::start(&bundled()).await;
    let html = server.get("/bn/services").await.html();
    assert_eq!(
        text_of(&select(&html, ".print-note")[0]),
        "এই তালিকা A4 মাপের কাগজে আড়াআড়িভাবে ছাপার উপযোগী।"
    );
    let html = server.get("/bn/").await.html();
    let description = select(&html, "meta[name=description]")[0]
        .value()
        .attr("content")
        .unwrap()
        .to_string();
    assert!(
        description.starts_with("সিটিজেন চার্টার — তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, উপজেলা কার্যালয়, হালুয়াঘাট। "),
        "{description}"
    );
}

#[tokio::test]
async fn each_page_links_to_itself_in_the_other_language() {
    let server = TestServer::start(&bundled()).await;
    for (lang, other) in [("bn", "en"), ("en", "bn")] {
        for path in bundled_paths(lang) {
            let html = server.get(&path).await.html();
            let twin = path.replacen(&format!("/{lang}/"), &format!("/{other}/"), 1);
            let switch = select(&html, &format!("a[hreflang={other}][lang={other}]"));
            assert_eq!(switch.len(), 1, "{path}: one visible switch");
            assert_eq!(
                switch[0].value().attr("href"),
                Some(twin.as_str()),
                "{path}"
            );
            // Its words and title are in the language of its `lang`, so a
            // screen reader speaks them in one voice; no digits in either.
            let title = switch[0].value().attr("title").unwrap_or_default();
            for words in [text_of(&switch[0]), title.to_string()] {
                let bangla = words.chars().any(is_bangla);
                let latin = words.chars().any(|c| c.is_ascii_alphabetic());
                let in_other = if other == "bn" {
                    bangla && !latin
                } else {
                    latin && !bangla
                };
                assert!(in_other, "{path}: {words:?} is not in {other}");
                assert!(!words.chars().any(char::is_numeric), "{path}: {words:?}");
            }
            let alt = |hreflang: &str| {
                select(
                    &html,
                    &format!("link[rel=alternate][hreflang='{hreflang}']"),
                )
                .first()
                .and_then(|l| l.value().attr("href"))
                .map(str::to_string)
            };
            let base = "https://doict.haluaghat.mymensingh.gov.bd";
            let bn_path = format!("{base}{}", path.replacen(&format!("/{lang}/"), "/bn/", 1));
            let en_path = format!("{base}{}", path.replacen(&format!("/{lang}/"), "/en/", 1));
            assert_eq!(alt("bn").as_deref(), Some(bn_path.as_str()), "{path}");
            assert_eq!(alt("en").as_deref(), Some(en_path.as_str()), "{path}");
            assert_eq!(
                alt("x-default").as_deref(),
                Some(bn_path.as_str()),
                "{path}"
            );
            assert_eq!(server.get(&twin).await.status, 200, "{twin}");
        }
    }
}

#[tokio::test]
async fn unknown_pages_get_a_404_in_the_right_language() {
    let server = TestServer::start(&bundled()).await;
    for (path, lang, title) in [
        ("/bn/no-such-page", "bn", "পাতাটি পাওয়া যায়নি"),
        ("/bn/services/no-such-service", "bn", "পাতাটি পাওয়া যায়নি"),
        ("/en/no-such-page", "en", "Page not found"),
        ("/en/services/no-such-service", "en", "Page not found"),
        ("/fr/services", "bn", "পাতাটি পাওয়া যায়নি"),
        ("/no-such-page", "bn", "পাতাটি পাওয়া যায়নি"),
        ("/static/style.css", "bn", "পাতাটি পাওয়া যায়নি"),
    ] {
        let reply = server.get(path).await;
        assert_eq!(reply.status, 404, "{path}");
        let html = reply.html();
        assert_eq!(
            select(&html, "html")[0].value().attr("lang"),
            Some(lang),
            "{path}"
        );
        assert_eq!(text_of(&select(&html, "h1")[0]), title, "{path}");
        assert_eq!(
            reply.header("content-type"),
            Some("text/html; charset=utf-8")
        );
    }
}

#[tokio::test]
async fn root_redirects_by_accept_language() {
    let server = TestServer::start(&bundled()).await;
    for (accept, target) in [
        (None, "/bn/"),
        (Some("en-US,en;q=0.9"), "/en/"),
        (Some("bn-BD,bn;q=0.9,en;q=0.8"), "/bn/"),
        (Some("en;q=0.5, bn"), "/bn/"),
        (Some("fr-FR"), "/bn/"),
        (Some("fr, en;q=0.7"), "/en/"),
    ] {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("accept-language", a)).into_iter().collect();
        let reply = server.get_with("/", &headers).await;
        assert_eq!(reply.status, 303, "{accept:?}");
        assert_eq!(reply.header("location"), Some(target), "{accept:?}");
        assert!(
            reply
                .header("vary")
                .unwrap_or("")
                .contains("Accept-Language")
        );
    }
    let bare = server.get("/en").await;
    assert_eq!((bare.status, bare.header("location")), (301, Some("/en/")));
}

#[tokio::test]
async fn optional_sections_render_when_present() {
    let server = TestServer::start(&full_fixture()).await;
    let bn_services = server.get("/bn/services").await.body;
    assert!(
        bn_services.contains("২.৩) অভ্যন্তরীণ সেবা"),
        "internal services table"
    );
    assert!(bn_services.contains("অভ্যন্তরীণ ছুটি মঞ্জুরি সেবা"));
    let en_services = server.get("/en/services").await;
    assert!(en_services.body.contains("2.3 Internal services"));
    // The missing English name falls back to Bangla, marked as Bangla.
    let html = en_services.html();
    let fallback = select(&html, "a[lang=bn]");
    assert!(
        fallback
            .iter()
            .any(|a| text_of(a) == "অভ্যন্তরীণ ছুটি মঞ্জুরি সেবা")
    );

    let contact = server.get("/bn/contact").await;
    let html = contact.html();
    let headings: Vec<String> = select(&html, "h2").iter().map(text_of).collect();
    assert!(
        headings.contains(&"৩. আপনার কাছে আমাদের প্রত্যাশা".to_string()),
        "{headings:?}"
    );
    assert!(
        headings.contains(&"৪. অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)".to_string()),
        "{headings:?}"
    );
    let expectations: Vec<String> = select(&html, "ol.expectations li")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(expectations.len(), 2);
    let grs_head: Vec<String> = select(&html, "table.grs thead th")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(
        grs_head,
        [
            "ক্রমিক নং",
            "কখন যোগাযোগ করবেন",
            "কার সঙ্গে যোগাযোগ করবেন",
            "যোগাযোগের ঠিকানা",
            "নিষ্পত্তির সময়সীমা"
        ]
    );
    assert_eq!(select(&html, "table.grs tbody tr").len(), 2);
    assert!(contact.body.contains("অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)"));
    assert!(
        contact.body.contains("উপজেলা পরিষদ ভবন, পরীক্ষাপুর"),
        "office address"
    );
    assert!(
        contact.body.contains("href=\"tel:+88021234567\""),
        "office phone"
    );

    let en_contact = server.get("/en/contact").await;
    let html = en_contact.html();
    let fallback: Vec<String> = select(&html, "ol.expectations li[lang=bn]")
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(fallback, ["সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা"]);

    let service = server.get("/bn/services/citizen-test").await.body;
    assert!(service.contains("ঊর্ধ্বতন কর্মকর্তা"), "senior officer label");
    assert!(service.contains("জনাবা যাচাইকারী"), "senior officer name");
    assert!(
        service.contains("href=\"tel:01700000002\""),
        "Bangla-digit phone dialled in ASCII"
    );

    // Last updated, in both calendars on Bangla pages.
    let home = server.get("/bn/").await.body;
    assert!(
        home.contains("<time datetime=\"2026-04-14\">১৪ এপ্রিল ২০২৬</time>"),
        "{home}"
    );
    assert!(home.contains("১ বৈশাখ ১৪৩৩ বঙ্গাব্দ"));
    let en_home = server.get("/en/").await.body;
    assert!(en_home.contains("<time datetime=\"2026-04-14\">14 April 2026</time>"));
}

#[tokio::test]
async fn bundled_charter_has_no_invented_sections() {
    let server = TestServer::start(&bundled()).await;
    let contact = server.get("/bn/contact").await;
    assert!(
        !contact.body.contains("অভিযোগ প্রতিকার ব্যবস্থাপনা"),
        "the seed has no GRS section"
    );
    assert!(
        !contact.body.contains("প্রত্যাশা"),
        "the seed has no expectations"
    );
    assert!(
        !server.get("/bn/").await.body.contains("<time"),
        "the seed gives no date"
    );
    // Nor an address: the office's section is not headed as one.
    for (path, address) in [("/bn/contact", "ঠিকানা"), ("/en/contact", "ddress")] {
        let html = server.get(path).await.html();
        let heading = text_of(&select(&html, "h2#office-contact")[0]);
        assert!(!heading.contains(address), "{path}: {heading}");
    }
}

#[test]
fn fluent_files_define_the_same_messages() {
    use citizen_charter::i18n::{Arg, Lang, message_ids, tr_args};
    let bn = message_ids(Lang::Bn);
    let en = message_ids(Lang::En);
    assert!(bn.len() > 50, "ids were read: {}", bn.len());
    assert_eq!(bn, en);
    for id in &bn {
        for lang in [Lang::Bn, Lang::En] {
            let text = tr_args(
                lang,
                id,
                &[
                    ("office", Arg::Text("O".into())),
                    ("service", Arg::Text("S".into())),
                    ("query", Arg::Text("Q".into())),
                    ("group", Arg::Text("G".into())),
                    ("number", Arg::Text("N".into())),
                    ("section", Arg::Text("2.1".into())),
                    ("count", Arg::Count(2)),
                    ("offices", Arg::Count(3)),
                    // The staff area's.
                    ("name", Arg::Text("rahima".into())),
                    ("what", Arg::Text("W".into())),
                    ("when", Arg::Text("T".into())),
                    ("who", Arg::Text("K".into())),
                    ("error", Arg::Text("E".into())),
                    ("seconds", Arg::Count(5)),
                    ("min", Arg::Count(12)),
                    ("max", Arg::Count(256)),
                    // Citizens' reports'.
                    ("days", Arg::Count(90)),
                    ("minutes", Arg::Count(3)),
                    ("mb", Arg::Count(8)),
                ],
            );
            assert!(!text.starts_with(MISSING_MESSAGE), "{lang}: {id}");
            assert!(!text.contains('\u{2068}'), "isolation marks leak: {id}");
        }
    }
}
