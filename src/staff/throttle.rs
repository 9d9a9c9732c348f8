//! Throttling of failed sign-ins, as OWASP advises: per name and client
//! together, per client address, and per account from every address.
//!
//! Three counts, each with free failures and then a wait that doubles with
//! each further failure up to a cap (a sign-in tried while a count refuses
//! is answered at once, 429 with `Retry-After`, without looking at the
//! password):
//!
//! - a name typed from one client address (whether or not the name is an
//!   account's, so that the throttle tells nothing about which names
//!   exist): 5 free, then 5 s, 10 s, … up to a minute. It slows one
//!   guesser of one account, and keeps no one else out: a clerk signing
//!   in from another address is not counted with them;
//! - a client address, whatever the names: 20 free, then 10 s, … up to
//!   15 minutes: one guesser trying many names;
//! - an account's name from every address: 50 free, then 5 s, … up to a
//!   minute: a guesser spread over many addresses. The ceiling is high so
//!   that one attacker cannot reach it alone (its own address is slowed
//!   long before: to keep a clerk out for good it needs a failure a minute
//!   after 50, which the per-address waits allow only from 15 addresses
//!   or so), and short, so that the clerk waits a minute at most.
//!
//! Behind the trusted proxy, a client address is the client it names; an
//! IPv6 client is its /64. Every attempt is counted before its password is
//! checked, in one statement per count ([`crate::store::Store::count_attempt`]),
//! so that attempts sent at once cannot all be checked; a sign-in that
//! works takes its attempt back from the address's and the account's
//! counts and forgets its name-and-address count. A failure-free hour
//! forgets a count.
//!
//! Names are kept as their keyed hash ([`crate::store::Store::keyed`]),
//! never as typed.

use std::net::IpAddr;

use crate::store::{Counting, Store, StoreError};

/// When failures of one count start to cost time, and how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Failures before the first wait.
    pub free: i64,
    /// The first wait, in seconds (then doubled each failure).
    pub first: i64,
    /// The longest wait.
    pub cap: i64,
}

impl Limit {
    /// The wait after `failures`.
    fn wait(&self, failures: i64) -> i64 {
        if failures < self.free {
            return 0;
        }
        let doublings = u32::try_from(failures - self.free)
            .unwrap_or(u32::MAX)
            .min(30);
        self.first.saturating_mul(1 << doublings).min(self.cap)
    }
}

/// The three counts (see the module).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// A name typed from one client address.
    pub pair: Limit,
    /// A client address, whatever the names.
    pub client: Limit,
    /// An account's name, from every address.
    pub account: Limit,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            pair: Limit {
                free: 5,
                first: 5,
                cap: 60,
            },
            client: Limit {
                free: 20,
                first: 10,
                cap: 15 * 60,
            },
            account: Limit {
                free: 50,
                first: 5,
                cap: 60,
            },
        }
    }
}

/// A count without a failure for this long starts again.
const FORGET_AFTER: i64 = 60 * 60;

/// The throttle key of a client address: an IPv6 address by its /64,
/// which one subscriber usually holds whole.
pub fn client_key(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => format!("client:{v4}"),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("client:{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// The counts of one sign-in attempt.
#[derive(Debug, Clone)]
pub struct Attempt {
    /// The keys, with their limits, in [`Rules`]'s order.
    keys: [(String, Limit); 3],
    /// Each key's count with this attempt.
    counts: [i64; 3],
}

impl Rules {
    /// Counts an attempt of the name `name` (normalised) from the client
    /// `ip`: the attempt, or the seconds to wait when a count refuses it
    /// (the attempt is then not counted).
    pub async fn attempt(
        &self,
        store: &Store,
        name: &str,
        ip: IpAddr,
    ) -> Result<Result<Attempt, i64>, StoreError> {
        let client = client_key(ip);
        let keys = [
            (
                format!("pair:{}", &store.keyed(&format!("{name}\0{client}"))[..32]),
                self.pair,
            ),
            (client, self.client),
            (format!("name:{}", &store.keyed(name)[..32]), self.account),
        ];
        let now = crate::store::now();
        let mut counts = [0; 3];
        let mut refused = false;
        for (i, (key, limit)) in keys.iter().enumerate() {
            let counting = Counting {
                forget_before: now - FORGET_AFTER,
                free: limit.free,
                first: limit.first,
            };
            match store.count_attempt(key, now, counting).await? {
                Some(n) => counts[i] = n,
                None => refused = true,
            }
        }
        let attempt = Attempt { keys, counts };
        if !refused {
            return Ok(Ok(attempt));
        }
        attempt.taken_back(store).await?;
        let mut longest = 1;
        for (key, _) in &attempt.keys {
            let until = store.throttle(key).await?.until_at;
            longest = longest.max(until - now);
        }
        Ok(Err(longest))
    }
}

impl Attempt {
    /// The attempt failed: each count refuses as long as its failures say.
    pub async fn failed(&self, store: &Store) -> Result<(), StoreError> {
        let now = crate::store::now();
        for ((key, limit), count) in self.keys.iter().zip(self.counts) {
            let wait = limit.wait(count);
            if wait > 0 {
                store.refuse_until(key, now.saturating_add(wait)).await?;
            }
        }
        Ok(())
    }

    /// The attempt signed in: the name-and-address count is forgotten, the
    /// other two take it back.
    pub async fn succeeded(&self, store: &Store) -> Result<(), StoreError> {
        store.clear_throttle(&self.keys[0].0).await?;
        for (key, limit) in &self.keys[1..] {
            store.uncount(key, limit.free).await?;
        }
        Ok(())
    }

    /// The attempt's password was not checked (the CPU pool was full, or
    /// a count refused it): its counts are taken back.
    pub async fn not_checked(&self, store: &Store) -> Result<(), StoreError> {
        self.taken_back(store).await
    }

    /// Takes back the counts this attempt made.
    async fn taken_back(&self, store: &Store) -> Result<(), StoreError> {
        for ((key, limit), count) in self.keys.iter().zip(self.counts) {
            if count > 0 {
                store.uncount(key, limit.free).await?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_from_the_first_and_stop_at_the_cap() {
        let r = Rules::default();
        let pair = |f| r.pair.wait(f);
        assert_eq!((1..=4).map(pair).collect::<Vec<_>>(), [0, 0, 0, 0]);
        assert_eq!(
            (5..=10).map(pair).collect::<Vec<_>>(),
            [5, 10, 20, 40, 60, 60]
        );
        assert_eq!(pair(1_000_000), 60);
        assert_eq!(r.client.wait(19), 0);
        assert_eq!(r.client.wait(20), 10);
        assert_eq!(r.client.wait(1000), 900);
        assert_eq!(r.account.wait(49), 0);
        assert_eq!(r.account.wait(50), 5);
        assert_eq!(r.account.wait(1000), 60);
    }

    #[test]
    fn an_ipv6_client_is_its_64() {
        let a = client_key("2001:db8:1:2:3:4:5:6".parse().unwrap());
        let b = client_key("2001:db8:1:2:ffff::1".parse().unwrap());
        assert_eq!(a, b);
        assert_eq!(a, "client:2001:db8:1:2::/64");
        assert_eq!(
            client_key("::ffff:192.0.2.1".parse().unwrap()),
            "client:192.0.2.1"
        );
    }
}
