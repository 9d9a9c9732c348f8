//! The open connections: what each is doing, and room made when there
//! are too many.
//!
//! A connection's bytes pass through [`Guarded`](super::guard::Guarded),
//! which reads each request head before hyper does
//! ([`head`](super::guard::head)) and notes when the
//! connection last did something useful: connected, sent a complete
//! request head, or was sent an answer. Bytes of a head still on its way
//! do not count, so a client that trickles its headers looks as idle as one
//! that sends nothing.
//!
//! Near the cap on open connections, [`Connections`] closes the idle ones
//! first: from three quarters of the cap, a connection idle for
//! [`IDLE_UNDER_PRESSURE`] is closed (instead of after the usual header
//! timeout); from seven eighths, a new connection takes the place of the
//! one idle longest. A connection waiting for its answer is never closed
//! this way.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures_util::task::AtomicWaker;

use super::clients::Tally;

/// How long an idle connection keeps its place when over three quarters
/// of the cap are open.
pub(super) const IDLE_UNDER_PRESSURE: Duration = Duration::from_secs(1);
/// At the cap, a connection idle for less than this is not closed to make
/// room: it is about to send its request, or just had its answer.
const IDLE_AT_CAP: Duration = Duration::from_millis(200);
/// How often, at most, the idle connections are looked for under pressure.
const SWEEP_EVERY: Duration = Duration::from_millis(250);

/// `d` in whole milliseconds, the unit connections' times are kept in.
fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// One connection, as the listener and its bytes see it.
#[derive(Debug)]
pub(super) struct Conn {
    epoch: Instant,
    /// When it last did something useful, in milliseconds since `epoch`.
    active: AtomicU64,
    /// A request head was passed on and no answer has been written since.
    pub(super) busy: AtomicBool,
    /// Asked to close when next idle.
    pub(super) closing: AtomicBool,
    pub(super) waker: AtomicWaker,
}

impl Conn {
    pub(super) fn touch(&self) {
        self.active
            .store(millis(self.epoch.elapsed()), Ordering::Relaxed);
    }

    /// How long it has been idle; `None` while it waits for an answer or
    /// is closing already.
    fn idle(&self, now: u64) -> Option<u64> {
        let busy = self.busy.load(Ordering::Relaxed) || self.closing.load(Ordering::Relaxed);
        (!busy).then(|| now.saturating_sub(self.active.load(Ordering::Relaxed)))
    }

    fn close(&self) {
        self.closing.store(true, Ordering::Relaxed);
        self.waker.wake();
    }
}

/// Every open connection, to find the idle ones.
#[derive(Debug)]
pub(super) struct Connections {
    epoch: Instant,
    cap: usize,
    open: Mutex<(u64, HashMap<u64, Arc<Conn>>)>,
    last_sweep: Mutex<Option<Instant>>,
    closed: Tally,
}

/// A connection's place in [`Connections`], given up when dropped.
#[derive(Debug)]
pub(super) struct Registered {
    connections: Arc<Connections>,
    id: u64,
    pub(super) conn: Arc<Conn>,
}

impl Drop for Registered {
    fn drop(&mut self) {
        self.connections.lock().1.remove(&self.id);
    }
}

impl Connections {
    pub(super) fn new(cap: usize) -> Arc<Connections> {
        Arc::new(Connections {
            epoch: Instant::now(),
            cap,
            open: Mutex::default(),
            last_sweep: Mutex::default(),
            closed: Tally::default(),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (u64, HashMap<u64, Arc<Conn>>)> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A new connection, active now.
    pub(super) fn register(self: &Arc<Self>) -> Registered {
        let conn = Arc::new(Conn {
            epoch: self.epoch,
            active: AtomicU64::new(0),
            busy: AtomicBool::new(false),
            closing: AtomicBool::new(false),
            waker: AtomicWaker::new(),
        });
        conn.touch();
        let mut open = self.lock();
        let id = open.0;
        open.0 += 1;
        open.1.insert(id, Arc::clone(&conn));
        Registered {
            connections: Arc::clone(self),
            id,
            conn,
        }
    }

    /// A new connection comes with `open` connections open: from seven
    /// eighths of the cap, the one idle longest makes room for it (the
    /// eighth left lets the listener go on accepting while it closes);
    /// from three quarters, every connection idle for
    /// [`IDLE_UNDER_PRESSURE`] is closed.
    pub(super) fn arriving(&self, open: usize) {
        if open * 8 >= self.cap * 7 {
            self.make_room();
        }
        if open * 4 >= self.cap * 3 {
            self.sweep();
        }
    }

    /// Closes the connection idle longest (at least [`IDLE_AT_CAP`]), if
    /// there is one.
    pub(super) fn make_room(&self) {
        let (now, min) = (millis(self.epoch.elapsed()), millis(IDLE_AT_CAP));
        let open = self.lock();
        let quietest = open
            .1
            .values()
            .filter_map(|c| Some((c.idle(now)?, c)))
            .filter(|(idle, _)| *idle >= min)
            .max_by_key(|(idle, _)| *idle);
        let Some((_, conn)) = quietest else {
            return;
        };
        conn.close();
        drop(open);
        self.closed.add(1, |n| {
            tracing::info!(
                closed = n,
                cap = self.cap,
                "idle connections closed to make room: the server had as many open as it keeps"
            );
        });
    }

    /// Closes every connection idle for [`IDLE_UNDER_PRESSURE`] (looked
    /// for at most every [`SWEEP_EVERY`]).
    fn sweep(&self) {
        {
            let mut last = self
                .last_sweep
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            if last.is_some_and(|at| at.elapsed() < SWEEP_EVERY) {
                return;
            }
            *last = Some(Instant::now());
        }
        let (now, min) = (millis(self.epoch.elapsed()), millis(IDLE_UNDER_PRESSURE));
        let mut n = 0;
        for conn in self.lock().1.values() {
            if conn.idle(now).is_some_and(|idle| idle >= min) {
                conn.close();
                n += 1;
            }
        }
        self.closed.add(n, |n| {
            tracing::info!(
                closed = n,
                cap = self.cap,
                "idle connections closed early: over three quarters of the connections were open"
            );
        });
    }
}
