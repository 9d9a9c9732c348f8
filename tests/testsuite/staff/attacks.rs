//! What an attacker of the staff area tries: attempts sent at once,
//! keeping a clerk out, a name typed for a password, forms too large,
//! forged log lines, look-alike names, an account on a host not its own,
//! a password changed while a sign-in is checked.

use std::ffi::OsStr;

use citizen_charter::server::ServeOptions;
use citizen_charter::staff::StaffOptions;
use citizen_charter::staff::throttle::{Limit, Rules};
use futures_util::future::join_all;
use sha2::{Digest as _, Sha256};

use super::{Browser, PASSWORD, Setup, StaffServer, bundled_text, field, form_fields, texts};
use crate::support::{Reply, charter, repo};

const WRONG: &str = "not the password at all";

/// A single charter behind a trusted proxy on this computer: a browser
/// comes from the address its proxy names ([`from`]).
async fn proxied() -> StaffServer {
    StaffServer::start(Setup {
        serve: ServeOptions {
            trusted_proxies: "127.0.0.1".parse().unwrap(),
            ..ServeOptions::default()
        },
        ..Setup::default()
    })
    .await
}

/// A browser on `host` whose requests the proxy says came from `ip`
/// over HTTPS.
fn from(server: &StaffServer, host: &str, ip: &str) -> Browser {
    let mut browser = server.browser(host);
    browser
        .headers
        .push(("x-forwarded-for".into(), ip.to_string()));
    browser
        .headers
        .push(("x-forwarded-proto".into(), "https".into()));
    browser.origin = Some(format!("https://{}", browser.host));
    browser
}

/// Signs in as `name` with `password` from every browser of `browsers`
/// at once (each has its form first): the replies.
async fn at_once(browsers: Vec<Browser>, name: &str, password: &str) -> Vec<Reply> {
    let mut ready = Vec::new();
    for mut browser in browsers {
        let csrf = field(&browser.get("/en/staff/").await, "csrf");
        ready.push((browser, csrf));
    }
    join_all(ready.into_iter().map(|(mut browser, csrf)| async move {
        browser
            .post(
                "/en/staff/sign-in",
                &[("csrf", &csrf), ("name", name), ("password", password)],
            )
            .await
    }))
    .await
}

/// How many of `replies` were answered after their password was checked
/// (200); the others were refused at once, 429 (a count refused them) or
/// 503 (the client had its share of the CPU pool), with `Retry-After`.
fn checked(replies: &[Reply]) -> usize {
    for reply in replies {
        assert!(
            [200, 429, 503].contains(&reply.status),
            "{}: {}",
            reply.status,
            reply.body
        );
        if reply.status != 200 {
            let wait: i64 = reply.header("retry-after").unwrap().parse().unwrap();
            assert!(wait >= 1, "{wait}");
        }
    }
    replies.iter().filter(|r| r.status == 200).count()
}

#[tokio::test]
async fn attempts_sent_at_once_are_counted_before_their_passwords_are_checked() {
    // The account's count, made as low as the name-and-address one.
    let rules = Rules::default();
    let server = StaffServer::start(Setup {
        serve: ServeOptions {
            trusted_proxies: "127.0.0.1".parse().unwrap(),
            ..ServeOptions::default()
        },
        staff: StaffOptions {
            throttle: Rules {
                account: Limit {
                    free: 5,
                    ..rules.account
                },
                ..rules
            },
            ..StaffOptions::default()
        },
        ..Setup::default()
    })
    .await;
    server.account("rahima", Some("charter")).await;
    // 16 at once, from 16 addresses.
    let browsers = (0..16)
        .map(|i| from(&server, "charter.localhost", &format!("198.18.0.{i}")))
        .collect();
    let replies = at_once(browsers, "rahima", WRONG).await;
    let checked = checked(&replies);
    assert!(
        (1..=5).contains(&checked),
        "{checked} of 16 checked, 5 allowed"
    );
    let log = server.store.audit_entries(None, 100).await.unwrap();
    let failed = log.iter().filter(|e| e.action == "sign-in-failed").count();
    assert_eq!(failed, checked, "{log:?}");
}

#[tokio::test]
async fn one_attacker_typing_a_clerk_s_name_does_not_keep_the_clerk_out() {
    let server = proxied().await;
    server.account("rahima", Some("charter")).await;
    let mut attacker = from(&server, "charter.localhost", "203.0.113.66");
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(attacker.sign_in_with("en", "rahima", WRONG).await.status);
    }
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
    // The attacker is slowed; the clerk, from the office, is not.
    let mut clerk = from(&server, "charter.localhost", "198.51.100.7");
    let reply = clerk.sign_in_with("en", "rahima", PASSWORD).await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    // And the attacker is still refused, the right password or not.
    let reply = attacker.sign_in_with("en", "rahima", PASSWORD).await;
    assert_eq!(reply.status, 429);
}

#[tokio::test]
async fn many_addresses_guessing_one_account_still_meet_its_ceiling() {
    let server = proxied().await;
    server.account("rahima", Some("charter")).await;
    // 50 failures, five from each of ten addresses: each address's own
    // count lets five through.
    for i in 0..10 {
        let mut browser = from(&server, "charter.localhost", &format!("198.18.1.{i}"));
        for _ in 0..5 {
            let reply = browser.sign_in_with("en", "rahima", WRONG).await;
            assert_eq!(reply.status, 200, "address {i}");
        }
    }
    // The account's ceiling: refused from anywhere for a while, even the
    // right password, and answered at once.
    let mut clerk = from(&server, "charter.localhost", "198.51.100.7");
    let reply = clerk.sign_in_with("en", "rahima", PASSWORD).await;
    assert_eq!(reply.status, 429, "{}", reply.body);
    let wait: u64 = reply.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    // Another name from the same addresses is not refused.
    let mut other = from(&server, "charter.localhost", "198.18.1.0");
    other.sign_in_with("en", "karim", WRONG).await;
    let reply = other.sign_in_with("en", "karim", WRONG).await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn a_name_that_is_no_account_s_is_kept_by_a_keyed_hash_of_the_state_folder() {
    let typed = "correct-horse-battery-staple";
    let sha = hex(&Sha256::digest(typed.as_bytes()));
    let mut kept = Vec::new();
    for _ in 0..2 {
        let server = StaffServer::single().await;
        let mut browser = server.browser("charter.localhost");
        let reply = browser.sign_in_with("en", typed, WRONG).await;
        assert_eq!(reply.status, 200);
        let log = server.store.audit_entries(None, 10).await.unwrap();
        let entry = log.iter().find(|e| e.action == "sign-in-failed").unwrap();
        let account = entry.account.clone().unwrap();
        let hash = account.strip_prefix("unknown:").unwrap().to_string();
        assert_eq!(hash.len(), 12);
        assert_ne!(hash, sha[..12], "not the plain SHA-256");
        let plain = server.store.throttle(&format!("name:{}", &sha[..32])).await;
        assert_eq!(
            plain.unwrap().failures,
            0,
            "no throttle key of the plain hash"
        );
        let key = server.state.join("staff.key");
        assert_eq!(std::fs::read(&key).map(|k| k.len()).ok(), Some(32));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&key).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        kept.push(hash);
    }
    assert_ne!(kept[0], kept[1], "each state folder its own key");
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test]
async fn an_administrator_signs_in_on_the_directory_s_host_only() {
    let server = StaffServer::folder().await;
    server.account("admin", None).await;
    let mut office = server.browser("haluaghat.localhost");
    let reply = office.sign_in_with("en", "admin", PASSWORD).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(!office.cookies.contains_key("__Host-charter-session"));
    assert!(texts(&reply, ".staff-error").contains("cannot sign in here"));
    let mut directory = server.browser("127.0.0.1");
    directory.sign_in("admin").await;
    // A single charter has no directory: its administrator signs in on
    // the office's host.
    let single = StaffServer::single().await;
    single.account("admin", None).await;
    single.browser("charter.localhost").sign_in("admin").await;
}

#[tokio::test]
async fn a_set_password_link_works_on_its_account_s_host_only() {
    let server = StaffServer::folder().await;
    let editor = server
        .store
        .add_account(&new("editor-a", Some("haluaghat")))
        .await;
    let admin = server.store.add_account(&new("boss", None)).await;
    let valid = std::time::Duration::from_secs(60);
    for (account, right, wrong) in [
        (
            editor,
            "haluaghat.localhost",
            ["savar.localhost", "127.0.0.1"],
        ),
        (
            admin,
            "127.0.0.1",
            ["haluaghat.localhost", "savar.localhost"],
        ),
    ] {
        let account = account.unwrap().unwrap();
        let token = citizen_charter::staff::issue_link(&server.store, account.id, valid)
            .await
            .unwrap();
        let path = format!("/en/staff/password/{token}");
        let mut good = server.browser(right);
        let page = good.get(&path).await;
        assert_eq!(page.status, 200, "{} on {right}", account.name);
        let csrf = field(&page, "csrf");
        for host in wrong {
            let mut elsewhere = server.browser(host);
            assert_eq!(elsewhere.get(&path).await.status, 404, "{host}");
            let page = elsewhere.get("/en/staff/").await;
            let csrf = field(&page, "csrf");
            let sent = "a passphrase set elsewhere";
            let reply = elsewhere
                .post(
                    &path,
                    &[("csrf", &csrf), ("password", sent), ("again", sent)],
                )
                .await;
            assert_eq!(reply.status, 404, "{host}");
        }
        let unset = server.store.account(account.id).await.unwrap().unwrap();
        assert!(unset.password_hash.is_none(), "{}", account.name);
        let set = "a passphrase set at home";
        let reply = good
            .post(&path, &[("csrf", &csrf), ("password", set), ("again", set)])
            .await;
        assert_eq!(reply.status, 303, "{}", reply.body);
    }
}

fn new(name: &str, office: Option<&str>) -> citizen_charter::store::NewAccount {
    citizen_charter::store::NewAccount {
        name: name.into(),
        office: office.map(String::from),
        admin: office.is_none(),
    }
}

#[tokio::test]
async fn a_password_changed_while_a_sign_in_is_checked_opens_no_session() {
    use citizen_charter::staff::{issue_link, password, tokens};
    let server = proxied().await;
    let id = server.account("rahima", Some("charter")).await;
    let valid = std::time::Duration::from_secs(60);
    let old = server.store.account(id).await.unwrap().unwrap();
    let old = old.password_hash.unwrap();
    let new = password::hash(&password::normalized("another long passphrase"));
    // The change lands at several moments of the sign-in's check, each
    // from an address of its own (failures are not the question here).
    for (i, delay) in [0, 5, 10, 20, 30, 45, 60, 80, 100].into_iter().enumerate() {
        let back = issue_link(&server.store, id, valid).await.unwrap();
        (server.store)
            .use_link(&tokens::stored(&back), &old)
            .await
            .unwrap()
            .unwrap();
        let token = issue_link(&server.store, id, valid).await.unwrap();
        let mut browser = from(&server, "charter.localhost", &format!("198.18.2.{i}"));
        let csrf = field(&browser.get("/en/staff/").await, "csrf");
        let fields = [
            ("csrf", csrf.as_str()),
            ("name", "rahima"),
            ("password", PASSWORD),
        ];
        let signing_in = browser.post("/en/staff/sign-in", &fields);
        let changing = async {
            tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
            let stored = tokens::stored(&token);
            server.store.use_link(&stored, &new).await.unwrap().unwrap();
        };
        let (reply, ()) = tokio::join!(signing_in, changing);
        assert!([200, 303].contains(&reply.status), "{}", reply.body);
        if reply.status == 303 {
            let home = browser.get("/en/staff/").await;
            assert!(
                home.body.contains("name=\"password\""),
                "a session opened across a password change ({delay} ms)"
            );
        }
    }
}

#[tokio::test]
async fn a_whole_file_of_3_mb_is_read_and_one_over_the_cap_is_told_too_large() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let mut browser = server.browser("charter.localhost");
    browser.sign_in("rahima").await;
    let page = browser.get("/en/staff/file").await;
    let mut fields = form_fields(&page, None);
    let big = format!("{}\n# {}\n", bundled_text(), "x".repeat(3 * 1024 * 1024));
    fields.retain(|(k, _)| k != "text");
    fields.push(("text".into(), big));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = browser.post("/en/staff/file", &pairs).await;
    assert_ne!(reply.status, 413, "{}", reply.body);
    assert!([200, 303, 422].contains(&reply.status), "{}", reply.status);
    for lang in ["bn", "en"] {
        let huge = "x".repeat(9 * 1024 * 1024);
        let reply = browser
            .post(&format!("/{lang}/staff/file"), &[("text", &huge)])
            .await;
        assert_eq!(reply.status, 413);
        assert!(reply.body.contains(&format!("<html lang=\"{lang}\"")));
        let said = texts(&reply, "main");
        let expected = if lang == "bn" {
            "৮ মেগাবাইট"
        } else {
            "8 MB"
        };
        assert!(said.contains(expected), "{said}");
        assert_eq!(reply.header("x-robots-tag"), Some("noindex, nofollow"));
        assert_eq!(reply.header("cache-control"), Some("no-store"));
    }
}

/// The real server's log of a publish whose note tries to forge lines.
#[cfg(unix)]
#[tokio::test]
async fn a_note_cannot_forge_a_line_of_the_server_s_log() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::copy(repo("charter.toml"), &file).unwrap();
    let state = dir.path().join("state");
    let (code, out, err) = charter(&[
        OsStr::new("staff"),
        OsStr::new("--state-dir"),
        state.as_os_str(),
        OsStr::new("--charter"),
        file.as_os_str(),
        OsStr::new("add"),
        OsStr::new("rahima"),
        OsStr::new("--lang"),
        OsStr::new("en"),
    ]);
    assert_eq!(code, 0, "{err}");
    let link = out.lines().last().unwrap();
    let path = &link[link.find("/en/staff/").unwrap()..];
    let log = dir.path().join("server.log");
    let state_arg = state.to_str().unwrap();
    let (running, base) =
        crate::support::serve_binary_logging(&file, &["--state-dir", state_arg], &log).await;
    let addr: std::net::SocketAddr = base.trim_start_matches("http://").parse().unwrap();
    let mut browser = Browser::to("charter.localhost", addr);
    let page = browser.get(path).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf = field(&page, "csrf");
    let reply = browser
        .post(
            path,
            &[("csrf", &csrf), ("password", PASSWORD), ("again", PASSWORD)],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    browser.sign_in("rahima").await;
    let reply = browser
        .submit("/en/staff/updated", None, &[("date", "2026-12-01")])
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    let preview = browser.get("/en/staff/preview").await;
    let (csrf, proposal) = (field(&preview, "csrf"), field(&preview, "proposal"));
    let note = "new date\nFORGED-LINE audit: sign-in admin\r\u{202e}evil\u{1b}[31mred";
    let reply = browser
        .post(
            "/en/staff/publish",
            &[("csrf", &csrf), ("proposal", &proposal), ("note", note)],
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    drop(running);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("new date FORGED-LINE"), "{text}");
    for line in text.lines() {
        assert!(!line.starts_with("FORGED-LINE"), "a forged line: {line:?}");
    }
    assert!(!text.contains('\r') && !text.contains('\u{202e}') && !text.contains('\u{1b}'));
}

impl Browser {
    /// A browser on `host` of the server at `addr`.
    fn to(host: &str, addr: std::net::SocketAddr) -> Browser {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .resolve(host, addr)
            .build()
            .unwrap();
        Browser {
            client,
            host: format!("{host}:{}", addr.port()),
            cookies: Default::default(),
            origin: None,
            headers: Vec::new(),
        }
    }
}

#[tokio::test]
async fn the_add_an_account_form_makes_no_administrator_unless_asked() {
    let server = StaffServer::single().await;
    server.account("boss", None).await;
    let mut admin = server.browser("charter.localhost");
    admin.sign_in("boss").await;
    let page = admin.get("/en/staff/accounts").await;
    let html = page.html();
    let selected = scraper::Selector::parse("#new-office option[selected]").unwrap();
    for option in html.select(&selected) {
        assert_eq!(option.value().attr("value"), Some(""), "no office chosen");
    }
    let csrf = field(&page, "csrf");
    for lang in ["en", "bn"] {
        let reply = admin
            .post(
                &format!("/{lang}/staff/accounts"),
                &[("csrf", &csrf), ("name", "newclerk"), ("office", "")],
            )
            .await;
        assert_eq!(reply.status, 422, "{}", reply.body);
        let said = texts(&reply, ".staff-error");
        let expected = if lang == "bn" {
            "অফিস"
        } else {
            "office"
        };
        assert!(said.contains(expected), "{said}");
    }
    assert!(
        server
            .store
            .account_named("newclerk")
            .await
            .unwrap()
            .is_none()
    );
    // Chosen, it is made.
    let reply = admin
        .post(
            "/en/staff/accounts",
            &[("csrf", &csrf), ("name", "newclerk"), ("office", "charter")],
        )
        .await;
    assert_eq!(reply.status, 200);
    let made = server
        .store
        .account_named("newclerk")
        .await
        .unwrap()
        .unwrap();
    assert!(!made.admin && made.office.as_deref() == Some("charter"));
    let reply = admin
        .post(
            "/en/staff/accounts",
            &[("csrf", &csrf), ("name", "boss2"), ("admin", "yes")],
        )
        .await;
    assert_eq!(reply.status, 200);
    assert!(
        server
            .store
            .account_named("boss2")
            .await
            .unwrap()
            .unwrap()
            .admin
    );
}

/// Names that look like another or hide what they are.
const LOOK_ALIKES: [&str; 6] = [
    "hclerk\u{200b}",
    "rlo\u{202e}evil",
    "unknown:0123456789ab",
    "terminal:rahima",
    "soft\u{00ad}hyphen",
    "hangul\u{3164}filler",
];

#[tokio::test]
async fn look_alike_names_are_refused_on_the_web() {
    let server = StaffServer::single().await;
    server.account("boss", None).await;
    let mut admin = server.browser("charter.localhost");
    admin.sign_in("boss").await;
    let csrf = field(&admin.get("/en/staff/accounts").await, "csrf");
    for name in LOOK_ALIKES {
        let reply = admin
            .post(
                "/en/staff/accounts",
                &[("csrf", &csrf), ("name", name), ("office", "charter")],
            )
            .await;
        assert_eq!(reply.status, 422, "{name:?}");
    }
    assert_eq!(server.store.accounts().await.unwrap().len(), 1);
    // A name that differs only in case or composition is the same name.
    server.account("rahima", Some("charter")).await;
    let reply = admin
        .post(
            "/en/staff/accounts",
            &[("csrf", &csrf), ("name", "RAHIMA"), ("office", "charter")],
        )
        .await;
    assert!(
        texts(&reply, ".staff-error").contains("already"),
        "{}",
        reply.body
    );
    server.account("ক\u{09cb}", Some("charter")).await;
    let reply = admin
        .post(
            "/en/staff/accounts",
            &[
                ("csrf", &csrf),
                ("name", "ক\u{09c7}\u{09be}"),
                ("office", "charter"),
            ],
        )
        .await;
    assert!(
        texts(&reply, ".staff-error").contains("already"),
        "{}",
        reply.body
    );
}

#[test]
fn look_alike_names_are_refused_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let file = repo("charter.toml");
    for name in LOOK_ALIKES {
        let (code, _, err) = charter(&[
            OsStr::new("staff"),
            OsStr::new("--state-dir"),
            state.as_os_str(),
            OsStr::new("--charter"),
            file.as_os_str(),
            OsStr::new("add"),
            OsStr::new(name),
        ]);
        assert_eq!(code, 1, "{name:?}");
        assert!(
            err.contains("invisible") || err.contains("reserved"),
            "{err}"
        );
    }
}

#[tokio::test]
async fn refused_passwords_names_and_forms_are_answered_as_such_and_not_echoed() {
    let server = StaffServer::single().await;
    let id = server.account("rahima", Some("charter")).await;
    let valid = std::time::Duration::from_secs(60);
    let token = citizen_charter::staff::issue_link(&server.store, id, valid)
        .await
        .unwrap();
    let path = format!("/en/staff/password/{token}");
    let mut setter = server.browser("charter.localhost");
    let mut csrf = field(&setter.get(&path).await, "csrf");
    for (password, again) in [
        ("short one", "short one"),
        ("password1234", "password1234"),
        ("a good long passphrase", "another long passphrase"),
    ] {
        let reply = setter
            .post(
                &path,
                &[("csrf", &csrf), ("password", password), ("again", again)],
            )
            .await;
        assert_eq!(reply.status, 422, "{password}");
        csrf = field(&reply, "csrf");
    }
    let mut browser = server.browser("charter.localhost");
    let page = browser.get("/en/staff/").await;
    assert!(page.body.contains("maxlength=\"256\""), "{}", page.body);
    // A password longer than any is refused like any wrong one.
    let reply = browser.sign_in_with("en", "rahima", &"p".repeat(257)).await;
    assert_eq!(reply.status, 200);
    assert!(texts(&reply, ".staff-error").contains("not right"));
    // A name longer than any account's is not shown back; nor is a large
    // carried form.
    let long = "n".repeat(101);
    let csrf = field(&browser.get("/en/staff/").await, "csrf");
    let carried = "c".repeat(2 * 1024 * 1024);
    let reply = browser
        .post(
            "/en/staff/sign-in",
            &[
                ("csrf", &csrf),
                ("name", &long),
                ("password", WRONG),
                ("carry_path", "/en/staff/file"),
                ("carry_body", &carried),
            ],
        )
        .await;
    assert_eq!(reply.status, 200);
    assert!(!reply.body.contains(&long));
    assert!(reply.body.len() < 100_000, "{} bytes", reply.body.len());
    let shown = "n".repeat(100);
    let reply = browser.sign_in_with("en", &shown, WRONG).await;
    assert!(reply.body.contains(&shown));
    // The staff area's errors are not indexed either.
    for (method, path, status) in [
        ("GET", "/en/staff/no-such-page", 404),
        ("GET", "/en/staff/sign-in", 405),
        ("GET", "/en/staff/offices/nowhere/file", 404),
    ] {
        let reply = browser.get(path).await;
        assert_eq!(reply.status, status, "{method} {path}");
        assert_eq!(
            reply.header("x-robots-tag"),
            Some("noindex, nofollow"),
            "{method} {path}"
        );
    }
}
