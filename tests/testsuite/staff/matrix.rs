//! Who may do what: every staff route × anonymous, an editor of office A,
//! an editor of office B, a disabled account and an administrator; then
//! object by object (a service, an officer, a version, an account of
//! another office given to a route of one's own). The office's inbox of
//! citizens' reports is an office route like the others.

use super::{Browser, StaffServer, field};

/// The office routes, under `/{lang}/staff` on the office's host or
/// `/{lang}/staff/offices/{office}` on the directory's.
const OFFICE_PAGES: [&str; 8] = [
    "/services/ict-advice",
    "/new-service",
    "/officers/assistant-programmer",
    "/updated",
    "/file",
    "/history",
    "/feedback",
    "/feedback.csv",
];

/// The office forms (POST), each sent with nothing to change.
const OFFICE_FORMS: [&str; 10] = [
    "/feedback/1/handled",
    "/services/ict-advice",
    "/services/ict-advice/remove",
    "/new-service",
    "/officers/assistant-programmer",
    "/updated",
    "/file",
    "/publish",
    "/discard",
    "/history/1/restore",
];

/// The administrators' pages and forms.
const ADMIN_PAGES: [&str; 2] = ["/en/staff/accounts", "/en/staff/audit"];

/// The CSRF token of `browser`'s session (any token when it has none).
async fn csrf(browser: &mut Browser) -> String {
    let page = browser.get("/en/staff/").await;
    match page.body.contains("name=\"csrf\"") {
        true => field(&page, "csrf"),
        false => "0".repeat(64),
    }
}

struct Role {
    name: &'static str,
    browser: Browser,
    csrf: String,
}

#[tokio::test]
async fn every_route_answers_each_kind_of_visitor_as_it_may() {
    let server = StaffServer::folder().await;
    server.account("editor-a", Some("haluaghat")).await;
    server.account("editor-b", Some("savar")).await;
    let off = server.account("disabled-a", Some("haluaghat")).await;
    server.account("admin", None).await;
    let a_host = "haluaghat.localhost";
    // A citizen's report to A (number 1) and one to B.
    let mut citizen = server.browser(a_host);
    crate::feedback::report(&mut citizen, "bn", "/bn/", "wrong", "A's report", "").await;
    let mut citizen = server.browser("savar.localhost");
    crate::feedback::report(&mut citizen, "bn", "/bn/", "wrong", "B's report", "").await;
    let mut roles = Vec::new();
    for (name, account, host) in [
        ("anonymous", None, a_host),
        ("editor of A", Some("editor-a"), a_host),
        ("editor of B", Some("editor-b"), "savar.localhost"),
        ("disabled", Some("disabled-a"), a_host),
        ("administrator", Some("admin"), "127.0.0.1"),
    ] {
        let mut browser = server.browser(host);
        if let Some(account) = account {
            browser.sign_in(account).await;
        }
        let csrf = csrf(&mut browser).await;
        // Every role talks to A's host with what it has.
        let mut at_a = server.browser(a_host);
        at_a.cookies = browser.cookies.clone();
        roles.push((
            Role {
                name,
                browser: at_a,
                csrf,
            },
            browser,
        ));
    }
    server.store.set_disabled(off, true).await.unwrap();
    for (role, own) in &mut roles {
        for page in OFFICE_PAGES {
            let reply = role.browser.get(&format!("/en/staff{page}")).await;
            let expected = if role.name == "editor of A" { 200 } else { 303 };
            assert_eq!(reply.status, expected, "{} GET {page}", role.name);
            if role.name == "administrator" {
                let reply = own.get(&format!("/en/staff/offices/haluaghat{page}")).await;
                assert_eq!(
                    reply.status, 200,
                    "administrator GET …/offices/haluaghat{page}"
                );
            }
        }
        for page in ADMIN_PAGES {
            let reply = role.browser.get(page).await;
            let expected = if role.name == "editor of A" { 403 } else { 303 };
            assert_eq!(reply.status, expected, "{} GET {page}", role.name);
            if role.name == "administrator" {
                assert_eq!(own.get(page).await.status, 200, "administrator GET {page}");
            }
        }
        for form in OFFICE_FORMS {
            let path = format!("/en/staff{form}");
            let reply = role.browser.post(&path, &[("csrf", &role.csrf)]).await;
            if role.name == "editor of A" {
                assert!(
                    ![401, 403].contains(&reply.status),
                    "{} POST {form}: {}",
                    role.name,
                    reply.status
                );
            } else {
                assert_eq!(reply.status, 403, "{} POST {form}", role.name);
            }
            if role.name == "administrator" {
                let reply = own
                    .post(
                        &format!("/en/staff/offices/haluaghat{form}"),
                        &[("csrf", &role.csrf)],
                    )
                    .await;
                assert!(
                    ![401, 403, 404].contains(&reply.status),
                    "administrator POST …{form}: {}",
                    reply.status
                );
            }
        }
        for form in ["/en/staff/accounts", "/en/staff/accounts/1"] {
            let reply = role
                .browser
                .post(form, &[("csrf", &role.csrf), ("do", "enable")])
                .await;
            assert_eq!(reply.status, 403, "{} POST {form}", role.name);
        }
    }
    // Editor A's inbox is A's; the administrator's on the directory's
    // host is every office's.
    let (_, editor_a) = &mut roles[1];
    let inbox = editor_a.get("/en/staff/feedback").await;
    assert!(inbox.body.contains("A&#39;s report") || inbox.body.contains("A's report"));
    assert!(!inbox.body.contains("B&#39;s report") && !inbox.body.contains("B's report"));
    let csv = editor_a.get("/en/staff/feedback.csv").await;
    assert!(csv.body.contains("A's report") && !csv.body.contains("B's report"));
    let (_, own) = &mut roles[4];
    let every = own.get("/en/staff/feedback").await;
    assert_eq!(every.status, 200);
    assert!(every.body.contains("report") && every.body.matches("s report").count() == 2);
    // The administrator's own forms work on the directory's host.
    let (admin, own) = &mut roles[4];
    let reply = own
        .post(
            "/en/staff/accounts/1",
            &[("csrf", &admin.csrf), ("do", "enable")],
        )
        .await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn another_office_s_objects_are_not_found_from_one_s_own() {
    let server = StaffServer::folder().await;
    server.account("editor-a", Some("haluaghat")).await;
    let b = server.account("editor-b", Some("savar")).await;
    server.account("admin", None).await;
    // Office B gets a version 2; A has version 1 only.
    let mut admin = server.browser("127.0.0.1");
    admin.sign_in("admin").await;
    let reply = admin
        .submit(
            "/en/staff/offices/savar/updated",
            None,
            &[("date", "2026-12-01")],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    let preview = admin.get("/en/staff/offices/savar/preview").await;
    let (csrf, proposal) = (field(&preview, "csrf"), field(&preview, "proposal"));
    let reply = admin
        .post(
            "/en/staff/offices/savar/publish",
            &[("csrf", &csrf), ("proposal", &proposal)],
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let mut editor = server.browser("haluaghat.localhost");
    editor.sign_in("editor-a").await;
    let csrf = super::field(&editor.get("/en/staff/").await, "csrf");
    for page in [
        "/en/staff/services/e-nothi-training",
        "/en/staff/officers/programmer",
    ] {
        assert_eq!(editor.get(page).await.status, 404, "GET {page}");
        assert_eq!(
            editor.post(page, &[("csrf", &csrf)]).await.status,
            404,
            "POST {page}"
        );
    }
    let reply = editor
        .post("/en/staff/history/2/restore", &[("csrf", &csrf)])
        .await;
    assert_eq!(reply.status, 404, "B's version 2 is not A's");
    // An office named in the path: the directory's host only.
    assert_eq!(
        editor.get("/en/staff/offices/savar/history").await.status,
        404
    );
    // B's account, given to a route of A's host.
    let reply = editor
        .post(
            &format!("/en/staff/accounts/{b}"),
            &[("csrf", &csrf), ("do", "disable")],
        )
        .await;
    assert_eq!(reply.status, 403);
    assert!(!server.store.account(b).await.unwrap().unwrap().disabled);
    // An editor cannot sign in on the directory's host.
    let mut directory = server.browser("127.0.0.1");
    let reply = directory
        .sign_in_with("en", "editor-a", super::PASSWORD)
        .await;
    assert_eq!(reply.status, 200);
    assert!(!directory.cookies.contains_key("__Host-charter-session"));
    // The administrator's history of A is A's.
    let history = admin.get("/en/staff/offices/haluaghat/history").await;
    assert!(!history.body.contains("history/2/restore") && !history.body.contains(">Version 2<"));
}
