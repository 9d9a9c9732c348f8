//! A failed sign-in takes the same time whatever failed: no account by
//! that name, a disabled account, a wrong password. Each verifies one
//! argon2id hash (a dummy one when there is no account's), so the time
//! tells nothing about which names exist.
//!
//! The medians of many samples are compared, within a factor the shared,
//! busy machines tests run on cannot reach by chance: with the dummy hash
//! left out, an unknown name would answer in well under a tenth of a
//! wrong password's time.

use std::time::{Duration, Instant};

use citizen_charter::staff::StaffOptions;
use citizen_charter::staff::throttle::{Limit, Rules};

use super::{Setup, StaffServer, field};

const SAMPLES: usize = 45;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[tokio::test]
async fn unknown_names_disabled_accounts_and_wrong_passwords_take_the_same_time() {
    let never = Limit {
        free: i64::MAX,
        first: 0,
        cap: 0,
    };
    let server = StaffServer::start(Setup {
        // No throttle: every attempt is a whole sign-in.
        staff: StaffOptions {
            throttle: Rules {
                pair: never,
                client: never,
                account: never,
            },
            ..StaffOptions::default()
        },
        ..Setup::default()
    })
    .await;
    server.account("rahima", Some("charter")).await;
    let off = server.account("karim", Some("charter")).await;
    server.store.set_disabled(off, true).await.unwrap();
    let mut browser = server.browser("charter.localhost");
    let page = browser.get("/en/staff/").await;
    let mut csrf = field(&page, "csrf");
    let mut times: [Vec<Duration>; 3] = Default::default();
    // Interleaved, so that a slow moment of the machine falls on all.
    for i in 0..SAMPLES {
        for (kind, (name, password)) in [
            (format!("nobody-{i}"), "a password of some length"),
            ("karim".to_string(), "a password of some length"),
            ("rahima".to_string(), "a password of some length"),
        ]
        .into_iter()
        .enumerate()
        {
            let started = Instant::now();
            let reply = browser
                .post(
                    "/en/staff/sign-in",
                    &[("csrf", &csrf), ("name", &name), ("password", password)],
                )
                .await;
            times[kind].push(started.elapsed());
            assert_eq!(reply.status, 200, "{name}");
            // Each page gives its form a new token.
            csrf = field(&reply, "csrf");
        }
    }
    let [unknown, disabled, wrong] = times.map(median);
    let (fastest, slowest) = (
        unknown.min(disabled).min(wrong),
        unknown.max(disabled).max(wrong),
    );
    assert!(
        slowest < fastest * 2,
        "medians: unknown {unknown:?}, disabled {disabled:?}, wrong password {wrong:?}"
    );
    // And the work is real: a hash takes milliseconds.
    assert!(fastest > Duration::from_millis(2), "{fastest:?}");
}
