//! The form and its link, in both languages: what a report keeps, the
//! page after it, the caps, the field bots fill, the Origin check.

use scraper::{Html, Selector};

use super::report;
use crate::staff::{Setup, StaffServer, field, form_fields, texts};

#[tokio::test]
async fn every_office_page_links_the_form_and_the_directory_s_do_not() {
    let server = StaffServer::folder().await;
    let mut office = server.browser("haluaghat.localhost");
    for (path, label) in [
        ("/bn/", "এই পাতায় কিছু ভুল আছে কি?"),
        ("/en/services/ict-advice", "Is anything wrong on this page?"),
        ("/en/search?q=training", "Is anything wrong on this page?"),
    ] {
        let page = office.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        let bare = path.split('?').next().unwrap();
        let encoded: String = form_urlencoded::byte_serialize(bare.as_bytes()).collect();
        let footer = &page.body[page.body.find("<footer class=\"site-footer\">").unwrap()..];
        // In the footer (hidden on paper), the page's path without what
        // was searched.
        assert!(
            footer.contains(&format!(
                "href=\"/{}/feedback?page={encoded}\">{label}</a>",
                &bare[1..3]
            )),
            "{path}: {footer}"
        );
        assert!(!footer.contains("training"), "{path}: no query in the link");
    }
    // The form's own pages and the error pages link no form.
    let missing = office.get("/bn/no-such-page").await;
    assert_eq!(missing.status, 404);
    assert!(!missing.body.contains("/feedback"));
    // The directory's pages have no link, and its host no form.
    let mut directory = server.browser("127.0.0.1");
    let home = directory.get("/bn/").await;
    assert_eq!(home.status, 200);
    assert!(!home.body.contains("feedback"), "the directory has no form");
    assert_eq!(directory.get("/bn/feedback").await.status, 404);
    let sent = super::report(&mut directory, "bn", "/bn/", "wrong", "x", "").await;
    assert_eq!(sent.status, 404);
    assert!(
        server
            .store
            .reports(None, None, 10)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_form_speaks_the_page_s_language_and_is_never_stored_by_caches() {
    let server = StaffServer::single().await;
    let mut b = server.browser("charter.localhost");
    for (lang, words) in [
        (
            "bn",
            [
                "কী ভুল, অফিসকে জানান",
                "তথ্যটি ভুল",
                "তথ্যটি পুরোনো",
                "বুঝতে কষ্ট হয়",
                "চার্টারে যা লেখা আছে, আমার কাছে তার চেয়ে বেশি চাওয়া হয়েছে",
                "অন্য কিছু",
                "বড়জোর ১০০০ অক্ষর",
                "বড়জোর ৯০ দিন পরে",
            ],
        ),
        (
            "en",
            [
                "Tell the office what is wrong",
                "The information is wrong",
                "It is out of date",
                "It is hard to understand",
                "I was asked for more than the charter says",
                "Something else",
                "at most 1000 characters",
                "after 90 days at the latest",
            ],
        ),
    ] {
        let path = format!("/{lang}/feedback?page=/{lang}/services/ict-advice");
        let form = b.get(&path).await;
        assert_eq!(form.status, 200, "{path}");
        assert!(form.body.contains(&format!("<html lang=\"{lang}\">")));
        for w in words {
            assert!(form.body.contains(w), "{lang}: {w}");
        }
        assert_eq!(form.header("cache-control"), Some("no-store"), "{lang}");
        assert_eq!(form.header("x-robots-tag"), Some("noindex, nofollow"));
        assert!(
            form.header("set-cookie").is_none(),
            "no cookie for citizens"
        );
        assert_eq!(field(&form, "page"), format!("/{lang}/services/ict-advice"));
        // The page is named, the service's name in the form's language.
        let about = texts(&form, "form p a");
        let name = if lang == "bn" {
            "আইসিটি"
        } else {
            "ICT"
        };
        assert!(about.contains(name), "{lang}: {about}");
        // Its own footer has no link to itself.
        assert!(!texts(&form, "footer").contains("?"), "{lang}");
    }
    // A page that is not the office's: the form is about the office.
    for asked in [
        "/bn/nowhere",
        "https://evil.example/bn/",
        "/api/v1/charter.json",
    ] {
        let form = b.get(&format!("/bn/feedback?page={asked}")).await;
        assert_eq!(form.status, 200);
        assert_eq!(field(&form, "page"), "", "{asked}");
        assert!(form.body.contains("পুরো অফিসের বিষয়ে"), "{asked}");
    }
}

#[tokio::test]
async fn each_category_is_kept_with_the_office_the_host_names_and_the_page_s_path_only() {
    let server = StaffServer::folder().await;
    let mut b = server.browser("haluaghat.localhost");
    let categories = ["wrong", "outdated", "unclear", "overcharged", "other"];
    for (i, category) in categories.iter().enumerate() {
        let lang = if i % 2 == 0 { "bn" } else { "en" };
        let page = format!("/{lang}/services/ict-advice?q=secret#top");
        let fields = [
            ("page", page.as_str()),
            ("category", category),
            ("text", "ফি ৫০ টাকা লেখা, চাওয়া হলো ১০০"),
            ("contact", ""),
            ("fb_site", ""),
            // A field naming another office changes nothing.
            ("office", "savar"),
        ];
        let sent = b.post(&format!("/{lang}/feedback"), &fields).await;
        assert_eq!(sent.status, 303, "{category}: {}", sent.body);
        let location = sent.header("location").unwrap().to_string();
        assert!(
            location.starts_with(&format!("/{lang}/feedback/sent?")),
            "{location}"
        );
    }
    let mut savar = server.browser("savar.localhost");
    let sent = report(&mut savar, "en", "/en/contact", "unclear", "", "").await;
    assert_eq!(sent.status, 303);
    let kept = server
        .store
        .reports(Some("haluaghat"), None, 10)
        .await
        .unwrap();
    assert_eq!(kept.len(), 5);
    let now = citizen_charter::store::now();
    for (r, category) in kept.iter().rev().zip(categories) {
        assert_eq!(r.sent.office, "haluaghat");
        assert_eq!(r.sent.category, category);
        assert_eq!(r.sent.service, "ict-advice");
        assert_eq!(r.sent.page, format!("/{}/services/ict-advice", r.sent.lang));
        assert_eq!(r.sent.contact, "");
        assert!((now - r.sent.at).abs() < 60);
    }
    let langs: Vec<&str> = kept.iter().rev().map(|r| r.sent.lang.as_str()).collect();
    assert_eq!(langs, ["bn", "en", "bn", "en", "bn"]);
    let other = server.store.reports(Some("savar"), None, 10).await.unwrap();
    assert_eq!(other.len(), 1);
    assert_eq!(
        (other[0].sent.page.as_str(), other[0].sent.service.as_str()),
        ("/en/contact", "")
    );
    // Another office's page, sent to this office's host, is not this
    // office's: the form comes back about the office as a whole.
    let sent = report(
        &mut b,
        "en",
        "/en/services/e-nothi-training",
        "wrong",
        "kept",
        "",
    )
    .await;
    assert_eq!(sent.status, 422);
    assert!(sent.body.contains("no longer there"));
    assert!(sent.body.contains(">kept</textarea>"));
}

#[tokio::test]
async fn the_page_after_says_what_happens_next_and_where_to_complain() {
    // The bundled charter has no GRS section: the national GRS.
    let server = StaffServer::single().await;
    let mut b = server.browser("charter.localhost");
    let sent = report(
        &mut b,
        "bn",
        "/bn/services/ict-advice",
        "overcharged",
        "",
        "০১৭১১২২৩৩৪৪",
    )
    .await;
    assert_eq!(sent.status, 303);
    let after = b.get(sent.header("location").unwrap()).await;
    assert_eq!(after.status, 200);
    assert_eq!(after.header("cache-control"), Some("no-store"));
    assert!(after.body.contains("<html lang=\"bn\">"));
    for words in [
        "ধন্যবাদ",
        "প্রতিটি মতামত পড়েন",
        "যোগাযোগ করতে পারে",
        "https://www.grs.gov.bd/",
    ] {
        assert!(after.body.contains(words), "{words}");
    }
    assert!(
        after.body.contains("href=\"/bn/services/ict-advice\""),
        "back to the page"
    );
    // Another category: no GRS; no contact given: no word of an answer.
    let sent = report(&mut b, "en", "/en/", "unclear", "", "").await;
    let after = b.get(sent.header("location").unwrap()).await;
    assert!(after.body.contains("Thank you") && after.body.contains("read every report"));
    assert!(!after.body.contains("grs.gov.bd") && !after.body.contains("may contact you"));
    let kept = server.store.reports(None, None, 10).await.unwrap();
    assert_eq!(
        kept[1].sent.contact, "01711223344",
        "Bangla digits kept as ASCII"
    );

    // A charter with its own GRS section: that section.
    let grievance =
        std::fs::read_to_string(crate::support::repo("tests/fixtures/offices/testpur.toml"))
            .unwrap();
    let from = grievance.find("[[grievance]]").unwrap();
    let to = from
        + grievance[from..]
            .find("resolution_time = { bn = \"৩০")
            .unwrap();
    let to = to + grievance[to..].find('\n').unwrap() + 1;
    let server = StaffServer::start(Setup {
        charter_extra: format!("\n{}", &grievance[from..to]),
        ..Setup::default()
    })
    .await;
    let mut b = server.browser("charter.localhost");
    let sent = report(&mut b, "en", "/en/contact", "overcharged", "", "").await;
    let after = b.get(sent.header("location").unwrap()).await;
    assert!(
        after.body.contains("href=\"/en/contact#grs\""),
        "{}",
        after.body
    );
    assert!(!after.body.contains("grs.gov.bd"));
}

#[tokio::test]
async fn text_and_contact_are_checked_and_nothing_typed_is_lost() {
    let server = StaffServer::single().await;
    let mut b = server.browser("charter.localhost");
    // 1,000 letters are taken; 1,001 come back with the text.
    let most = "ক".repeat(1000);
    assert_eq!(
        report(&mut b, "bn", "/bn/", "wrong", &most, "")
            .await
            .status,
        303
    );
    let long = "ক".repeat(1001);
    let refused = report(&mut b, "bn", "/bn/", "wrong", &long, "").await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("লেখাটি ১০০১ অক্ষরের"),
        "{}",
        refused.body
    );
    assert_eq!(field(&refused, "text"), long);
    // No category, a contact that is neither: both said, all kept.
    let refused = report(&mut b, "en", "/en/contact", "", "the fee", "call me").await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Choose what is wrong."));
    assert!(refused.body.contains("neither") || refused.body.contains("does not look like"));
    assert_eq!(field(&refused, "contact"), "call me");
    assert_eq!(field(&refused, "text"), "the fee");
    assert_eq!(field(&refused, "page"), "/en/contact");
    // A body larger than any form: 413, before it is read whole.
    let body = format!("text={}", "a".repeat(20 * 1024));
    let huge = b
        .post_body("/bn/feedback", Some(&format!("http://{}", b.host)), body)
        .await;
    assert_eq!(huge.status, 413);
    // Direction overrides and control characters are not kept; the line
    // break is.
    let typed = "ফি\u{202E}৫০\u{2066} টাকা\r\nলাইন\u{0007}";
    assert_eq!(
        report(&mut b, "bn", "/bn/", "wrong", typed, "rahima@example.com")
            .await
            .status,
        303
    );
    let kept = &server.store.reports(None, None, 1).await.unwrap()[0];
    assert_eq!(kept.sent.body, "ফি৫০ টাকা\nলাইন");
    assert_eq!(kept.sent.contact, "rahima@example.com");
    assert_eq!(server.store.reports(None, None, 10).await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_form_from_another_site_is_refused_and_given_back() {
    let server = StaffServer::single().await;
    let mut b = server.browser("charter.localhost");
    let body = "page=%2Fbn%2F&category=wrong&text=forged&contact=&fb_site=".to_string();
    for origin in ["https://evil.example", "null"] {
        let refused = b
            .post_body("/bn/feedback", Some(origin), body.clone())
            .await;
        assert_eq!(refused.status, 403, "{origin}");
        assert!(refused.body.contains("এই সাইটের কোনো পাতা থেকে পাঠানো হয়নি"));
        assert_eq!(field(&refused, "text"), "forged");
    }
    // No Origin, but the browser says it came from elsewhere.
    b.headers
        .push(("sec-fetch-site".into(), "cross-site".into()));
    assert_eq!(
        b.post_body("/bn/feedback", None, body.clone()).await.status,
        403
    );
    b.headers.clear();
    assert!(
        server
            .store
            .reports(None, None, 10)
            .await
            .unwrap()
            .is_empty()
    );
    // No Origin at all (an old browser): taken, within the limits.
    assert_eq!(b.post_body("/bn/feedback", None, body).await.status, 303);
    assert_eq!(server.store.reports(None, None, 10).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_field_bots_fill_drops_their_report_and_no_person_meets_it() {
    let server = StaffServer::single().await;
    let mut b = server.browser("charter.localhost");
    let form = b.get("/en/feedback?page=/en/").await;
    // A bot fills every field it finds: answered as anyone, kept nowhere.
    let mut fields = form_fields(&form, Some("/en/feedback"));
    for (name, value) in &mut fields {
        match name.as_str() {
            "category" => *value = "wrong".into(),
            "page" => {}
            _ => *value = "http://spam.example".into(),
        }
    }
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let bot = b.post("/en/feedback", &pairs).await;
    assert_eq!(bot.status, 303, "{}", bot.body);
    assert!(
        bot.header("location")
            .unwrap()
            .starts_with("/en/feedback/sent?")
    );
    assert!(
        server
            .store
            .reports(None, None, 10)
            .await
            .unwrap()
            .is_empty()
    );

    // What a screen reader or autofill meets: every field a person can
    // reach has its label; the trap is out of the accessibility tree, the
    // tab order and autofill, and the stylesheet hides it.
    let html = Html::parse_document(&form.body);
    let controls = Selector::parse(
        "form[action=\"/en/feedback\"] input, form[action=\"/en/feedback\"] textarea",
    )
    .unwrap();
    let mut reachable = Vec::new();
    for el in html.select(&controls) {
        let hidden_input = el.value().attr("type") == Some("hidden");
        let in_hidden_tree = el
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .any(|a| a.value().attr("aria-hidden") == Some("true"));
        let name = el.value().attr("name").unwrap();
        if name == "fb_site" {
            assert!(in_hidden_tree, "the trap is hidden from screen readers");
            assert_eq!(el.value().attr("tabindex"), Some("-1"));
            assert_eq!(el.value().attr("autocomplete"), Some("off"));
            let wrapper = el.parent().and_then(scraper::ElementRef::wrap).unwrap();
            assert_eq!(wrapper.value().attr("class"), Some("fb-trap"));
            continue;
        }
        assert!(!in_hidden_tree, "{name} is reachable");
        if hidden_input {
            continue;
        }
        let id = el.value().attr("id").unwrap();
        let label = Selector::parse(&format!("label[for=\"{id}\"]")).unwrap();
        let said: String = html.select(&label).next().unwrap().text().collect();
        assert!(!said.trim().is_empty(), "{name} has a label");
        reachable.push(name.to_string());
    }
    assert_eq!(
        reachable,
        [
            "category", "category", "category", "category", "category", "text", "contact"
        ]
    );
    let css = std::fs::read_to_string(crate::support::repo("static/style.css")).unwrap();
    assert!(css.contains(".fb-trap { display: none; }"));
    // A person who fills what they can reach is heard.
    let person = report(&mut b, "en", "/en/", "unclear", "Which office?", "").await;
    assert_eq!(person.status, 303);
    assert_eq!(server.store.reports(None, None, 10).await.unwrap().len(), 1);
}
