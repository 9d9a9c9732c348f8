//! What a visitor does: arrive, switch language, open a service, search.

use crate::support::{Browser, Languages, run};

/// A page's `<html lang>`.
async fn page_lang(b: &Browser) -> String {
    b.eval("return document.documentElement.lang")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_bangla_browser_lands_on_the_bangla_home_page() {
    run(Languages::Bangla, |b| async move {
        b.open("/").await;
        assert_eq!(b.location().await, "/bn/");
        assert_eq!(page_lang(&b).await, "bn");
    });
}

#[test]
fn an_english_browser_lands_on_the_english_home_page() {
    run(Languages::Default, |b| async move {
        b.open("/").await;
        assert_eq!(b.location().await, "/en/");
        assert_eq!(page_lang(&b).await, "en");
    });
}

#[test]
fn the_language_switch_opens_the_same_page_in_the_other_language() {
    run(Languages::Bangla, |b| async move {
        for (from, to) in [
            ("/bn/services", "/en/services"),
            ("/bn/services/ict-training", "/en/services/ict-training"),
            ("/bn/contact", "/en/contact"),
            ("/bn/", "/en/"),
        ] {
            b.open(from).await;
            b.find(".lang-switch a")
                .await
                .click()
                .await
                .expect("click the switch");
            assert_eq!(b.location().await, to, "switching from {from}");
            assert_eq!(page_lang(&b).await, "en");
        }
        b.find(".lang-switch a")
            .await
            .click()
            .await
            .expect("click the switch");
        assert_eq!(b.location().await, "/bn/", "and back");
    });
}

#[test]
fn a_service_opens_from_the_list() {
    run(Languages::Bangla, |b| async move {
        b.open("/bn/services").await;
        let link = b.find(".charter-table tbody th a").await;
        let name = link.text().await.expect("link text");
        let href = link.attr("href").await.expect("href").expect("a link");
        link.click().await.expect("click the service");
        assert_eq!(b.location().await, href);
        let heading = b.find("h1").await.text().await.expect("heading");
        assert_eq!(heading, name);
    });
}

#[test]
fn searching_from_the_box_shows_the_matching_services() {
    run(Languages::Bangla, |b| async move {
        for (home, query, expected) in [
            ("/bn/", "প্রশিক্ষণ", "/bn/services/ict-training"),
            ("/en/", "training", "/en/services/ict-training"),
        ] {
            b.open(home).await;
            b.find("#q")
                .await
                .send_keys(query)
                .await
                .expect("type the query");
            b.find("form.search button[type=submit]")
                .await
                .click()
                .await
                .expect("submit");
            let location = b.location_after_leaving(home).await;
            assert!(
                location.starts_with(&format!("{home}search?q=")),
                "landed on {location}"
            );
            let box_value = b.find("#q").await.prop("value").await.expect("value");
            assert_eq!(box_value.as_deref(), Some(query), "the box keeps the query");
            let results = b
                .eval("return [...document.querySelectorAll('.search-results a')].map(a => a.pathname)")
                .await;
            let results: Vec<&str> = results
                .as_array()
                .expect("a list")
                .iter()
                .filter_map(|v| v.as_str())
                .collect();
            assert!(
                results.contains(&expected),
                "searching {query:?} should find {expected}, found {results:?}"
            );
            let summary = b
                .find(".search-summary")
                .await
                .text()
                .await
                .expect("summary");
            assert!(
                summary.contains(query),
                "summary {summary:?} names the query"
            );
        }
    });
}

#[test]
fn the_skip_link_comes_first_is_visible_when_focused_and_moves_focus() {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    run(Languages::Bangla, |b| async move {
        b.open("/bn/services").await;
        let tab = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: '\u{e004}' })
            .then(KeyAction::Up { value: '\u{e004}' });
        b.client.perform_actions(tab).await.expect("press Tab");
        let focused = b
            .eval(
                "const a = document.activeElement, r = a.getBoundingClientRect(), s = getComputedStyle(a);\n\
                 return {cls: a.className, top: r.top, bottom: r.bottom, outline: s.outlineStyle, \
                 width: parseFloat(s.outlineWidth)}",
            )
            .await;
        assert_eq!(
            focused["cls"], "skip",
            "Tab first reaches the skip link: {focused}"
        );
        assert!(
            focused["top"].as_f64().unwrap_or(-1.0) >= 0.0,
            "focused skip link is on screen: {focused}"
        );
        assert_ne!(focused["outline"], "none", "focus is visible: {focused}");
        assert!(focused["width"].as_f64().unwrap_or(0.0) >= 2.0, "{focused}");
        let enter = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: '\u{e007}' })
            .then(KeyAction::Up { value: '\u{e007}' });
        b.client.perform_actions(enter).await.expect("press Enter");
        let active = b.eval("return document.activeElement.id").await;
        assert_eq!(active, "main", "the skip link moves focus to the content");
    });
}
