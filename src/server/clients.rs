//! What each client address has at once: connections, or requests waiting
//! for an answer behind the trusted proxy, or searches running. One client
//! must not take every one the server keeps, locking every other visitor
//! out: what is over a client's share is refused at once, and counted in
//! the log ([`Tally`]).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// What each client address has at once.
#[derive(Debug)]
pub(super) struct Clients {
    /// What is counted, for the log: "connections", "searches".
    what: &'static str,
    /// Most one address may have at once.
    cap: usize,
    /// Whether loopback addresses count too (normally the reverse proxy
    /// in front, through which every visitor comes).
    limit_loopback: bool,
    open: Mutex<HashMap<IpAddr, usize>>,
    refused: Tally,
}

/// One counted against its address until dropped.
#[derive(Debug)]
pub(super) struct Admitted {
    counted: Option<(Arc<Clients>, IpAddr)>,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        if let Some((clients, ip)) = self.counted.take() {
            let mut open = clients.open.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(n) = open.get_mut(&ip) {
                *n -= 1;
                if *n == 0 {
                    open.remove(&ip);
                }
            }
        }
    }
}

/// How often the count of refused connections is logged, at most.
const LOG_EVERY: Duration = Duration::from_secs(10);

impl Clients {
    pub(super) fn new(what: &'static str, cap: usize, limit_loopback: bool) -> Arc<Clients> {
        Arc::new(Clients {
            what,
            cap: cap.max(1),
            limit_loopback,
            open: Mutex::default(),
            refused: Tally::default(),
        })
    }

    /// One more from `ip`, if the address is within its share.
    pub(super) fn admit(self: &Arc<Self>, ip: IpAddr) -> Option<Admitted> {
        let ip = ip.to_canonical();
        if ip.is_loopback() && !self.limit_loopback {
            return Some(Admitted { counted: None });
        }
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let n = open.entry(ip).or_insert(0);
        if *n >= self.cap {
            drop(open);
            self.note_refused(ip);
            return None;
        }
        *n += 1;
        Some(Admitted {
            counted: Some((Arc::clone(self), ip)),
        })
    }

    /// Counts one refused, so that an attack shows in the log without
    /// flooding it.
    fn note_refused(&self, ip: IpAddr) {
        self.refused.add(1, |n| {
            tracing::info!(
                refused = n,
                last = %ip,
                cap = self.cap,
                "{} refused at once: their address had as many as one client may",
                self.what
            );
        });
    }
}

/// A count of connections closed, logged at most every [`LOG_EVERY`].
#[derive(Debug, Default)]
pub(super) struct Tally(Mutex<(u64, Option<Instant>)>);

impl Tally {
    /// Adds `n`; calls `log` with the count since the last call when one
    /// is due.
    pub(super) fn add(&self, n: u64, log: impl FnOnce(u64)) {
        if n == 0 {
            return;
        }
        let mut tally = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        tally.0 += n;
        if tally.1.is_none_or(|at| at.elapsed() >= LOG_EVERY) {
            log(tally.0);
            *tally = (0, Some(Instant::now()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_address_gets_its_share_and_loopback_is_free_unless_asked() {
        let clients = Clients::new("connections", 2, false);
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        let first = clients.admit(a).unwrap();
        let _second = clients.admit(a).unwrap();
        assert!(clients.admit(a).is_none(), "a third from the same address");
        // The same address written as IPv4-mapped IPv6 is the same client.
        assert!(clients.admit("::ffff:192.0.2.1".parse().unwrap()).is_none());
        assert!(clients.admit(b).is_some(), "another address");
        drop(first);
        assert!(
            clients.admit(a).is_some(),
            "a closed connection frees its place"
        );
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        let proxy: Vec<_> = (0..10).map(|_| clients.admit(loopback)).collect();
        assert!(proxy.iter().all(Option::is_some), "the reverse proxy");
        let strict = Clients::new("connections", 1, true);
        let _one = strict.admit(loopback).unwrap();
        assert!(strict.admit(loopback).is_none());
    }
}
