//! Sessions: idle and absolute expiry, one host, signing out (here and
//! everywhere), ended by a disable; a form sent after the session ended
//! is kept and offered back.

use std::time::Duration;

use citizen_charter::staff::StaffOptions;

use super::{Setup, StaffServer, field, form_fields};

fn signed_in(reply: &crate::support::Reply) -> bool {
    reply.status == 200 && reply.body.contains("/staff/sign-out")
}

#[tokio::test]
async fn a_session_ends_when_idle_and_when_too_old() {
    let idle = StaffServer::start(Setup {
        staff: StaffOptions {
            idle: Duration::from_secs(1),
            ..StaffOptions::default()
        },
        ..Setup::default()
    })
    .await;
    idle.account("rahima", Some("charter")).await;
    let mut browser = idle.browser("charter.localhost");
    browser.sign_in("rahima").await;
    assert!(signed_in(&browser.get("/en/staff/").await));
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let page = browser.get("/en/staff/").await;
    assert!(!signed_in(&page));
    assert!(
        page.body.contains("Your session has ended"),
        "{}",
        page.body
    );
    let old = StaffServer::start(Setup {
        staff: StaffOptions {
            absolute: Duration::from_secs(1),
            ..StaffOptions::default()
        },
        ..Setup::default()
    })
    .await;
    old.account("rahima", Some("charter")).await;
    let mut browser = old.browser("charter.localhost");
    browser.sign_in("rahima").await;
    for _ in 0..3 {
        tokio::time::sleep(Duration::from_millis(800)).await;
        browser.get("/en/staff/history").await;
    }
    assert!(!signed_in(&browser.get("/en/staff/").await));
}

#[tokio::test]
async fn a_session_is_good_on_its_own_host_only() {
    let server = StaffServer::folder().await;
    server.account("rahima", Some("haluaghat")).await;
    let mut browser = server.browser("haluaghat.localhost");
    browser.sign_in("rahima").await;
    let mut elsewhere = server.browser("savar.localhost");
    elsewhere.cookies = browser.cookies.clone();
    let page = elsewhere.get("/en/staff/").await;
    assert!(!signed_in(&page));
    assert_eq!(elsewhere.get("/en/staff/history").await.status, 303);
    // And an editor of haluaghat cannot sign in on savar's host at all.
    let mut other = server.browser("savar.localhost");
    let reply = other.sign_in_with("en", "rahima", super::PASSWORD).await;
    assert_eq!(reply.status, 200);
    assert!(!other.cookies.contains_key("__Host-charter-session"));
}

#[tokio::test]
async fn signing_out_everywhere_and_disabling_end_every_session() {
    let server = StaffServer::single().await;
    let id = server.account("rahima", Some("charter")).await;
    let mut a = server.browser("charter.localhost");
    let mut b = server.browser("charter.localhost");
    a.sign_in("rahima").await;
    b.sign_in("rahima").await;
    let csrf = field(&a.get("/en/staff/").await, "csrf");
    assert_eq!(
        a.post("/en/staff/sign-out-everywhere", &[("csrf", &csrf)])
            .await
            .status,
        303
    );
    assert!(!signed_in(&a.get("/en/staff/").await));
    assert!(!signed_in(&b.get("/en/staff/").await));
    b.sign_in("rahima").await;
    server.store.set_disabled(id, true).await.unwrap();
    assert!(!signed_in(&b.get("/en/staff/").await));
}

#[tokio::test]
async fn a_form_sent_after_the_session_ended_is_kept_and_offered_back() {
    let server = StaffServer::start(Setup {
        staff: StaffOptions {
            idle: Duration::from_secs(1),
            ..StaffOptions::default()
        },
        ..Setup::default()
    })
    .await;
    server.account("rahima", Some("charter")).await;
    let mut browser = server.browser("charter.localhost");
    browser.sign_in("rahima").await;
    let path = "/en/staff/services/ict-advice";
    let page = browser.get(path).await;
    let mut fields = form_fields(&page, None);
    for (k, v) in &mut fields {
        if k == "fee_en" {
            *v = "Tk 250, paid at the counter".into();
        }
    }
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = browser.post(path, &pairs).await;
    assert_eq!(reply.status, 403);
    assert!(
        reply.body.contains("What you sent is kept"),
        "{}",
        reply.body
    );
    browser.sign_in("rahima").await;
    let home = browser.get("/en/staff/").await;
    assert!(
        home.body.contains("after your session ended, is kept"),
        "{}",
        home.body
    );
    let again = browser.get(&format!("{path}?draft=1")).await;
    assert_eq!(field(&again, "fee_en"), "Tk 250, paid at the counter");
    // A session unknown to the server (say, its database was replaced):
    // the sign-in page carries the text through.
    let mut stranger = server.browser("charter.localhost");
    stranger
        .cookies
        .insert("__Host-charter-session".into(), "ab".repeat(32));
    let reply = stranger.post(path, &pairs).await;
    assert_eq!(reply.status, 403);
    assert!(
        field(&reply, "carry_body").contains("Tk+250"),
        "{}",
        reply.body
    );
    assert_eq!(field(&reply, "carry_path"), path);
}
