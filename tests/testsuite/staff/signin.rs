//! Signing in: the cookie, one message for every failure, throttling,
//! HTTPS only but from this computer, set-password links, the audit log.

use citizen_charter::server::ServeOptions;
use citizen_charter::staff::StaffOptions;
use citizen_charter::staff::throttle::{Limit, Rules};

use super::{PASSWORD, Setup, StaffServer, field, texts};

/// The page's text without its tokens and the name typed back.
fn message_of(body: &str) -> String {
    let reply = crate::support::Reply {
        status: 200,
        headers: Default::default(),
        body: body.to_string(),
        bytes: Vec::new(),
    };
    texts(&reply, "main p")
}

#[tokio::test]
async fn a_sign_in_sets_a_new_host_only_session_cookie_and_the_form_cookie_never_becomes_one() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let mut browser = server.browser("charter.localhost");
    let page = browser.get("/bn/staff/").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert_eq!(page.header("x-robots-tag"), Some("noindex, nofollow"));
    assert!(
        page.header("content-security-policy")
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    let form_cookie = browser.cookies["__Host-charter-form"].clone();
    // The form cookie, sent as a session's, opens nothing.
    let mut forger = server.browser("charter.localhost");
    forger
        .cookies
        .insert("__Host-charter-session".into(), form_cookie.clone());
    let home = forger.get("/bn/staff/").await;
    assert!(home.body.contains("name=\"password\""), "a sign-in page");
    let csrf = field(&page, "csrf");
    let reply = browser
        .post(
            "/bn/staff/sign-in",
            &[("csrf", &csrf), ("name", "Rahima"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.header("location"), Some("/bn/staff/"));
    let cookies: Vec<&str> = reply
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("__Host-charter-session="))
        .unwrap();
    assert!(
        session.ends_with("; Path=/; Secure; HttpOnly; SameSite=Strict"),
        "{session}"
    );
    assert!(!session.contains("Domain"), "{session}");
    let token = browser.cookies["__Host-charter-session"].clone();
    assert_eq!(token.len(), 64);
    assert_ne!(token, form_cookie);
    assert!(
        !browser.cookies.contains_key("__Host-charter-form"),
        "cleared"
    );
    let home = browser.get("/bn/staff/").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("rahima"), "{}", home.body);
    assert!(home.body.contains("/bn/staff/services/ict-advice"));
    // The database holds the token's hash only.
    let db = std::fs::read(server.state.join("staff.sqlite")).unwrap_or_default();
    let wal = std::fs::read(server.state.join("staff.sqlite-wal")).unwrap_or_default();
    for bytes in [db, wal] {
        assert!(!bytes.windows(64).any(|w| w == token.as_bytes()));
    }
}

#[tokio::test]
async fn unknown_disabled_and_wrong_get_the_same_answer_and_every_attempt_is_audited() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let off = server.account("karim", Some("charter")).await;
    server.store.set_disabled(off, true).await.unwrap();
    let mut answers = Vec::new();
    for (name, password) in [
        ("nobody-at-all", PASSWORD),
        ("karim", PASSWORD),
        ("rahima", "not the password at all"),
    ] {
        let mut browser = server.browser("charter.localhost");
        let reply = browser.sign_in_with("en", name, password).await;
        assert_eq!(reply.status, 200, "{name}");
        assert!(!browser.cookies.contains_key("__Host-charter-session"));
        answers.push((message_of(&reply.body), texts(&reply, ".staff-error")));
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[1], answers[2]);
    assert!(
        answers[0]
            .1
            .contains("The name or the password is not right"),
        "{answers:?}"
    );
    let log = server.store.audit_entries(None, 10).await.unwrap();
    let failed: Vec<(String, String)> = log
        .iter()
        .filter(|e| e.action == "sign-in-failed")
        .map(|e| (e.account.clone().unwrap(), e.detail.clone()))
        .collect();
    assert_eq!(failed.len(), 3, "{log:?}");
    assert!(
        failed
            .iter()
            .any(|(a, d)| a == "rahima" && d == "wrong password")
    );
    assert!(
        failed
            .iter()
            .any(|(a, d)| a == "karim" && d == "account disabled")
    );
    // A name that is no account's is not kept as typed.
    let unknown = failed.iter().find(|(_, d)| d == "no such account").unwrap();
    assert!(unknown.0.starts_with("unknown:"), "{unknown:?}");
    assert!(
        log.iter()
            .all(|e| !e.account.clone().unwrap_or_default().contains("nobody"))
    );
}

#[tokio::test]
async fn repeated_failures_are_answered_at_once_with_429_per_name_and_per_client() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let mut browser = server.browser("charter.localhost");
    for _ in 0..Rules::default().pair.free {
        let reply = browser
            .sign_in_with("bn", "rahima", "wrong password here")
            .await;
        assert_eq!(reply.status, 200);
    }
    let started = std::time::Instant::now();
    // Even the right password waits now, and is answered at once.
    let reply = browser.sign_in_with("bn", "rahima", PASSWORD).await;
    assert_eq!(reply.status, 429, "{}", reply.body);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    let wait: u64 = reply.header("retry-after").unwrap().parse().unwrap();
    assert!(
        (1..=Rules::default().pair.first as u64).contains(&wait),
        "{wait}"
    );
    assert!(
        reply.body.contains("সেকেন্ড পরে আবার চেষ্টা করুন"),
        "{}",
        reply.body
    );
    assert!(!browser.cookies.contains_key("__Host-charter-session"));
    let log = server.store.audit_entries(None, 1).await.unwrap();
    assert_eq!(log[0].action, "sign-in-throttled");
    // Per client: many names from one address.
    let server = StaffServer::start(Setup {
        staff: StaffOptions {
            throttle: Rules {
                client: Limit {
                    free: 3,
                    ..Rules::default().client
                },
                ..Rules::default()
            },
            ..StaffOptions::default()
        },
        ..Setup::default()
    })
    .await;
    let mut browser = server.browser("charter.localhost");
    for i in 0..3 {
        let reply = browser
            .sign_in_with("en", &format!("someone-{i}"), "wrong password here")
            .await;
        assert_eq!(reply.status, 200);
    }
    let reply = browser
        .sign_in_with("en", "someone-else", "wrong password here")
        .await;
    assert_eq!(reply.status, 429);
    assert!(reply.body.contains("Try again in"), "{}", reply.body);
}

#[tokio::test]
async fn a_password_is_sent_over_https_only_unless_the_client_is_this_computer() {
    let server = StaffServer::start(Setup {
        serve: ServeOptions {
            trusted_proxies: "127.0.0.1".parse().unwrap(),
            ..ServeOptions::default()
        },
        ..Setup::default()
    })
    .await;
    server.account("rahima", Some("charter")).await;
    // Through the proxy, over plain HTTP: no password form, no sign-in.
    let mut plain = server.browser("charter.localhost");
    plain
        .headers
        .push(("x-forwarded-for".into(), "203.0.113.9".into()));
    let page = plain.get("/en/staff/").await;
    assert!(!page.body.contains("name=\"password\""));
    assert!(page.body.contains("HTTPS only"), "{}", page.body);
    let reply = plain.sign_in_with_form("en", "rahima").await;
    assert_eq!(reply.status, 403);
    // The proxy says HTTPS: the origin is https://, and it works.
    let mut https = server.browser("charter.localhost");
    https
        .headers
        .push(("x-forwarded-for".into(), "203.0.113.9".into()));
    https
        .headers
        .push(("x-forwarded-proto".into(), "https".into()));
    https.origin = Some(format!("https://{}", https.host));
    let reply = https.sign_in_with("en", "rahima", PASSWORD).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
}

impl super::Browser {
    /// Sends the sign-in form with the form cookie's token, whatever the
    /// page showed.
    async fn sign_in_with_form(&mut self, lang: &str, name: &str) -> crate::support::Reply {
        self.get(&format!("/{lang}/staff/")).await;
        let csrf = citizen_charter::staff::tokens::csrf_of(&self.cookies["__Host-charter-form"]);
        self.post(
            &format!("/{lang}/staff/sign-in"),
            &[("csrf", &csrf), ("name", name), ("password", PASSWORD)],
        )
        .await
    }
}

#[tokio::test]
async fn a_set_password_link_works_once_a_newer_one_voids_it_and_weak_passwords_are_refused() {
    let server = StaffServer::single().await;
    let id = server.account("rahima", Some("charter")).await;
    let mut browser = server.browser("charter.localhost");
    browser.sign_in("rahima").await;
    let first =
        citizen_charter::staff::issue_link(&server.store, id, std::time::Duration::from_secs(60))
            .await
            .unwrap();
    // A new link ends every session.
    assert!(
        browser
            .get("/en/staff/")
            .await
            .body
            .contains("name=\"password\"")
    );
    let second =
        citizen_charter::staff::issue_link(&server.store, id, std::time::Duration::from_secs(60))
            .await
            .unwrap();
    let mut setter = server.browser("charter.localhost");
    assert_eq!(
        setter
            .get(&format!("/en/staff/password/{first}"))
            .await
            .status,
        404
    );
    let path = format!("/en/staff/password/{second}");
    let page = setter.get(&path).await;
    assert_eq!(page.status, 200);
    let mut csrf = field(&page, "csrf");
    for (weak, says) in [
        ("short one", "too short"),
        ("password1234", "too common"),
        ("Password1234", "too common"),
    ] {
        let reply = setter
            .post(
                &path,
                &[("csrf", &csrf), ("password", weak), ("again", weak)],
            )
            .await;
        assert!(
            texts(&reply, ".staff-error").contains(says),
            "{weak}: {}",
            reply.body
        );
        // Each page gives its form a new token.
        csrf = field(&reply, "csrf");
    }
    // Twelve Bangla letters, decomposed as some keyboards type them: NFC
    // counts 12, and signing in with the composed form works.
    let decomposed = "ক\u{09C7}\u{09BE}".repeat(6);
    let reply = setter
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("password", &decomposed),
                ("again", &decomposed),
            ],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.header("location"), Some("/en/staff/?password=set"));
    assert_eq!(setter.get(&path).await.status, 404, "used up");
    let mut browser = server.browser("charter.localhost");
    let reply = browser.sign_in_with("en", "rahima", &"কো".repeat(6)).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
}

#[tokio::test]
async fn forms_from_elsewhere_or_without_their_token_are_refused_in_the_page_s_language() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let mut browser = server.browser("charter.localhost");
    browser.sign_in("rahima").await;
    let page = browser.get("/bn/staff/").await;
    let csrf = field(&page, "csrf");
    for lang in ["bn", "en"] {
        let path = format!("/{lang}/staff/sign-out");
        let reply = browser
            .post(&path, &[("csrf", "0".repeat(64).as_str())])
            .await;
        assert_eq!(reply.status, 403);
        assert!(reply.body.contains(&format!("<html lang=\"{lang}\"")));
        let text = texts(&reply, "main");
        let expected = if lang == "bn" {
            "মেয়াদ শেষ"
        } else {
            "expired"
        };
        assert!(text.contains(expected), "{text}");
        browser.origin = Some("https://evil.example".into());
        let reply = browser.post(&path, &[("csrf", &csrf)]).await;
        assert_eq!(reply.status, 403);
        assert!(texts(&reply, "main").contains(if lang == "bn" {
            "এই সাইটের"
        } else {
            "not sent from a page of this site"
        }));
        browser.origin = None;
    }
    // Still signed in; with both, the sign-out works.
    let reply = browser.post("/en/staff/sign-out", &[("csrf", &csrf)]).await;
    assert_eq!(reply.status, 303);
    assert!(
        browser
            .get("/en/staff/")
            .await
            .body
            .contains("name=\"password\"")
    );
}
