//! The rate limits: per client behind the trusted proxy, per office and
//! in all; a refusal is 429 with Retry-After and the form as typed; the
//! address is kept only as a keyed hash.

use std::time::Duration;

use citizen_charter::feedback::{Budget, FeedbackOptions, Limits};
use citizen_charter::server::ServeOptions;

use crate::staff::{Browser, Setup, StaffServer, field};

fn budget(reports: i64) -> Budget {
    Budget {
        reports,
        window: Duration::from_secs(3600),
    }
}

/// A visitor of `host` whom the trusted proxy names `ip`.
fn behind_proxy(server: &StaffServer, host: &str, ip: &str) -> Browser {
    let mut b = server.browser(host);
    b.headers.push(("x-forwarded-for".into(), ip.into()));
    b
}

#[tokio::test]
async fn each_client_behind_the_proxy_each_office_and_all_have_a_budget() {
    let server = StaffServer::start(Setup {
        folder: true,
        serve: ServeOptions {
            trusted_proxies: "127.0.0.1".parse().unwrap(),
            ..ServeOptions::default()
        },
        feedback: FeedbackOptions {
            limits: Limits {
                per_client: budget(2),
                per_office: budget(3),
                overall: budget(5),
            },
            ..FeedbackOptions::default()
        },
        ..Setup::default()
    })
    .await;
    let (a, b) = ("haluaghat.localhost", "savar.localhost");
    let mut one = behind_proxy(&server, a, "203.0.113.7");
    for _ in 0..2 {
        assert_eq!(
            super::report(&mut one, "bn", "/bn/", "wrong", "এক", "")
                .await
                .status,
            303
        );
    }
    // The sender's third is refused, what they typed given back.
    let refused = super::report(&mut one, "bn", "/bn/", "wrong", "তৃতীয়টি", "০১৭১১২২৩৩৪৪").await;
    assert_eq!(refused.status, 429);
    let wait: u64 = refused.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=3600).contains(&wait), "{wait}");
    assert!(refused.body.contains("<html lang=\"bn\">"));
    assert!(
        refused.body.contains("মিনিট পরে আবার পাঠান"),
        "{}",
        refused.body
    );
    assert_eq!(field(&refused, "text"), "তৃতীয়টি");
    assert_eq!(field(&refused, "contact"), "০১৭১১২২৩৩৪৪");
    // Behind the same proxy, the next address of the village is heard:
    // the proxy's own address is not the client.
    let mut neighbour = behind_proxy(&server, a, "203.0.113.8");
    assert_eq!(
        super::report(&mut neighbour, "en", "/en/", "wrong", "", "")
            .await
            .status,
        303
    );
    // The office's budget (3) is spent: a new address is refused for
    // this office, in English on an English page, and heard by another.
    let mut third = behind_proxy(&server, a, "198.51.100.1");
    let refused = super::report(&mut third, "en", "/en/", "other", "office full", "").await;
    assert_eq!(refused.status, 429);
    assert!(
        refused.body.contains("send it again in"),
        "{}",
        refused.body
    );
    let mut at_b = behind_proxy(&server, b, "198.51.100.1");
    assert_eq!(
        super::report(&mut at_b, "en", "/en/", "other", "", "")
            .await
            .status,
        303
    );
    let mut other = behind_proxy(&server, b, "198.51.100.2");
    assert_eq!(
        super::report(&mut other, "en", "/en/", "other", "", "")
            .await
            .status,
        303
    );
    // Five in all: the overall budget is spent, for any office.
    let mut late = behind_proxy(&server, b, "192.0.2.50");
    assert_eq!(
        super::report(&mut late, "en", "/en/", "other", "", "")
            .await
            .status,
        429
    );
    assert_eq!(
        server.store.reports(None, None, 100).await.unwrap().len(),
        5
    );
    // No address is kept: not in the reports, not in the database's files.
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&server.state).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().contains("staff.sqlite") {
            files.push(std::fs::read(&path).unwrap());
        }
    }
    assert!(!files.is_empty());
    for bytes in files {
        let text = String::from_utf8_lossy(&bytes);
        for ip in ["203.0.113.7", "203.0.113.8", "198.51.100.1", "192.0.2.50"] {
            assert!(!text.contains(ip), "{ip} is stored");
        }
    }
}
