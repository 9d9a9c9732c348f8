//! How many reports are taken: per sender's address, per office and in
//! all, each in windows of time.
//!
//! A whole village may reach the site from one mobile operator's address
//! (carrier-grade NAT), so the budget per address is generous and its
//! window short: one sender who spends it keeps the others of that
//! address out for minutes, not hours, and what anyone typed is given
//! back to send again. The budgets per office and in all bound what a
//! sender with many addresses can put in an inbox, or in the database.
//!
//! The address itself is never kept: behind the trusted proxy the client
//! it names ([`crate::server::Client`]), an IPv6 one by its /64, is
//! counted under an HMAC-SHA-256 of it with a random key that the store
//! replaces every day, after which no count can be tied to an address.

use std::net::IpAddr;
use std::time::Duration;

use hmac::{Hmac, Mac as _};
use sha2::Sha256;

use crate::staff::throttle;
use crate::store::{Store, StoreError};

/// So many reports in so long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Reports taken in one window.
    pub reports: i64,
    /// The window.
    pub window: Duration,
}

impl Budget {
    fn window_secs(self) -> i64 {
        i64::try_from(self.window.as_secs())
            .unwrap_or(i64::MAX)
            .max(1)
    }

    /// When the window holding `now` started.
    fn start(self, now: i64) -> i64 {
        now - now.rem_euclid(self.window_secs())
    }

    /// Seconds from `now` until the next window.
    fn wait(self, now: i64) -> i64 {
        self.start(now) + self.window_secs() - now
    }
}

/// The three budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Per sender's address.
    pub per_client: Budget,
    /// Per office.
    pub per_office: Budget,
    /// For every office together.
    pub overall: Budget,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            per_client: Budget {
                reports: 10,
                window: Duration::from_secs(10 * 60),
            },
            per_office: Budget {
                reports: 120,
                window: Duration::from_secs(60 * 60),
            },
            overall: Budget {
                reports: 1_000,
                window: Duration::from_secs(60 * 60),
            },
        }
    }
}

/// How long a key that hashes addresses is used.
pub const KEY_SECS: i64 = 24 * 60 * 60;

/// What the limits say of one more report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Taken, and counted.
    Taken,
    /// Refused: try again in so many seconds.
    Refused(i64),
}

impl Limits {
    /// Counts one more report of `office` from `ip`, unless a budget is
    /// spent. Each budget is counted only once the ones before it let the
    /// report through: a sender refused for their address spends nothing
    /// of the office's.
    pub async fn admit(
        &self,
        store: &Store,
        office: &str,
        ip: IpAddr,
    ) -> Result<Verdict, StoreError> {
        let now = crate::store::now();
        let key = store.sender_key(KEY_SECS).await?;
        let client = format!("client:{}", keyed(&key, ip));
        let office_key = format!("office:{office}");
        for (key, budget) in [
            (client.as_str(), self.per_client),
            (office_key.as_str(), self.per_office),
            ("all", self.overall),
        ] {
            let start = budget.start(now);
            if store.limit_count(key, start).await? >= budget.reports
                || store.count_limit(key, start).await? > budget.reports
            {
                return Ok(Verdict::Refused(budget.wait(now)));
            }
        }
        Ok(Verdict::Taken)
    }

    /// The longest window: counts older than it are of no use.
    pub fn longest(&self) -> Duration {
        (self.per_client.window)
            .max(self.per_office.window)
            .max(self.overall.window)
    }
}

/// The address `ip` (an IPv6 one by its /64), hashed with `key`.
fn keyed(key: &str, ip: IpAddr) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(throttle::client_key(ip).as_bytes());
    crate::charter::hex(&mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_kept_only_as_a_keyed_hash_of_its_network() {
        let a: IpAddr = "203.0.113.7".parse().unwrap();
        let hashed = keyed("one key", a);
        assert_eq!(hashed.len(), 64);
        assert!(!hashed.contains("203"));
        assert_ne!(hashed, keyed("the next day's key", a));
        // The same IPv6 subscriber, by its /64.
        assert_eq!(
            keyed("k", "2001:db8:1:2::9".parse().unwrap()),
            keyed("k", "2001:db8:1:2:ffff::1".parse().unwrap())
        );
    }

    #[test]
    fn windows_start_on_their_boundary() {
        let b = Budget {
            reports: 1,
            window: Duration::from_secs(600),
        };
        assert_eq!(b.start(1_000_123), 1_000_200 - 600);
        assert_eq!(b.wait(1_000_123), 77);
    }
}
