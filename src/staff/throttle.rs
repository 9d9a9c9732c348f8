//! Throttling of failed sign-ins, per account and per client address.
//!
//! Failures are counted per name typed (whether or not it is an account's,
//! so that the throttle tells nothing about which names exist) and per
//! client address (behind the trusted proxy, the client it names; an
//! IPv6 client by its /64). Past a few free failures, each further one
//! refuses the key for a while, doubling up to a cap; a sign-in tried
//! while a key is refused is answered at once, 429 with `Retry-After`,
//! without looking at the password. The cap per name is short (a minute):
//! anyone can type a clerk's name, and must not keep the clerk out for
//! long. A failure-free hour forgets a key's count; a sign-in that works
//! forgets its name's.

use std::net::IpAddr;

use crate::store::{Store, StoreError, Throttle};

use super::tokens;

/// When failures start to cost time, and how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Failures per name before the first wait.
    pub name_free: i64,
    /// The first wait per name, in seconds (then doubled each failure).
    pub name_first: i64,
    /// The longest wait per name.
    pub name_cap: i64,
    /// Failures per client address before the first wait.
    pub client_free: i64,
    /// The first wait per client address.
    pub client_first: i64,
    /// The longest wait per client address.
    pub client_cap: i64,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            name_free: 5,
            name_first: 5,
            name_cap: 60,
            client_free: 20,
            client_first: 10,
            client_cap: 15 * 60,
        }
    }
}

/// A count without a failure for this long starts again.
const FORGET_AFTER: i64 = 60 * 60;

/// The throttle key of the name typed, `name` (normalised).
pub fn name_key(name: &str) -> String {
    format!("name:{}", &tokens::stored(name)[..32])
}

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

/// The wait after `failures`, past `free` of them.
fn wait(failures: i64, free: i64, first: i64, cap: i64) -> i64 {
    if failures < free {
        return 0;
    }
    let doublings = u32::try_from(failures - free).unwrap_or(u32::MAX).min(30);
    first.saturating_mul(1 << doublings).min(cap)
}

impl Rules {
    /// Seconds until `keys` may be tried again, if any is refused now.
    pub async fn refused(&self, store: &Store, keys: &[&str]) -> Result<Option<i64>, StoreError> {
        let now = crate::store::now();
        let mut longest = None;
        for key in keys {
            let t = store.throttle(key).await?;
            if t.until_at > now {
                longest = Some(longest.unwrap_or(0).max(t.until_at - now));
            }
        }
        Ok(longest)
    }

    /// Counts a failed sign-in against the name `name_key` and the client
    /// `client_key`.
    pub async fn failed(
        &self,
        store: &Store,
        name_key: &str,
        client_key: &str,
    ) -> Result<(), StoreError> {
        let now = crate::store::now();
        for (key, free, first, cap) in [
            (name_key, self.name_free, self.name_first, self.name_cap),
            (
                client_key,
                self.client_free,
                self.client_first,
                self.client_cap,
            ),
        ] {
            let mut t = store.throttle(key).await?;
            if now - t.last_at > FORGET_AFTER {
                t = Throttle::default();
            }
            t.failures += 1;
            t.last_at = now;
            t.until_at = now + wait(t.failures, free, first, cap);
            store.set_throttle(key, t).await?;
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
        let name = |f| wait(f, r.name_free, r.name_first, r.name_cap);
        assert_eq!((1..=4).map(name).collect::<Vec<_>>(), [0, 0, 0, 0]);
        assert_eq!(
            (5..=10).map(name).collect::<Vec<_>>(),
            [5, 10, 20, 40, 60, 60]
        );
        assert_eq!(name(1_000_000), 60);
        let client = |f| wait(f, r.client_free, r.client_first, r.client_cap);
        assert_eq!(client(19), 0);
        assert_eq!(client(20), 10);
        assert_eq!(client(1000), 900);
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
