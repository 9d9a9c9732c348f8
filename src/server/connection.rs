//! The open connections: what each is doing, and room made when there
//! are too many.
//!
//! A connection's bytes pass through [`Guarded`], which reads each request
//! head before hyper does ([`head`](super::head)) and notes when the
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
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use futures_util::task::AtomicWaker;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::clients::Tally;
use super::head::{Next, Refused, Scan};

/// How long an idle connection keeps its place when over three quarters
/// of the cap are open.
pub(super) const IDLE_UNDER_PRESSURE: Duration = Duration::from_secs(1);
/// At the cap, a connection idle for less than this is not closed to make
/// room: it is about to send its request, or just had its answer.
const IDLE_AT_CAP: Duration = Duration::from_millis(200);
/// How often, at most, the idle connections are looked for under pressure.
const SWEEP_EVERY: Duration = Duration::from_millis(250);

/// One connection, as the listener and its bytes see it.
#[derive(Debug)]
pub(super) struct Conn {
    epoch: Instant,
    /// When it last did something useful, in milliseconds since `epoch`.
    active: AtomicU64,
    /// A request head was passed on and no answer has been written since.
    busy: AtomicBool,
    /// Asked to close when next idle.
    closing: AtomicBool,
    waker: AtomicWaker,
    /// The request refused by [`Guarded`], for the application to answer
    /// ([`Refused::to_bits`]; 0 for none).
    refused: AtomicU32,
}

impl Conn {
    fn now(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn touch(&self) {
        self.active.store(self.now(), Ordering::Relaxed);
    }

    /// The refusal to answer, taken once.
    pub(super) fn take_refused(&self) -> Option<Refused> {
        // Checked for every request: a load, and a swap only when set.
        if self.refused.load(Ordering::Relaxed) == 0 {
            return None;
        }
        Refused::from_bits(self.refused.swap(0, Ordering::Relaxed))
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
            refused: AtomicU32::new(0),
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

    /// Closes the connection idle longest (at least [`IDLE_AT_CAP`]).
    /// Whether there was one.
    pub(super) fn make_room(&self) -> bool {
        let now = u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX);
        let min = u64::try_from(IDLE_AT_CAP.as_millis()).unwrap_or(0);
        let open = self.lock();
        let quietest = open
            .1
            .values()
            .filter_map(|c| Some((c.idle(now)?, c)))
            .filter(|(idle, _)| *idle >= min)
            .max_by_key(|(idle, _)| *idle);
        let Some((_, conn)) = quietest else {
            return false;
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
        true
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
        let now = u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX);
        let min = u64::try_from(IDLE_UNDER_PRESSURE.as_millis()).unwrap_or(0);
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

/// A connection's bytes on their way to hyper: request heads read and
/// judged first ([`Scan`]), the activity noted, and the connection ended
/// when asked to while idle.
#[derive(Debug)]
pub(super) struct Guarded<S> {
    inner: S,
    conn: Arc<Conn>,
    /// Most bytes a request head may take.
    limit: usize,
    /// Longest request line, beyond which a head too large is 414.
    max_line: usize,
    scan: Scan,
    /// Where bytes are read to, made once (not zeroed for every read).
    chunk: Option<Box<[u8]>>,
    /// Bytes read and not yet judged: the start of the next head.
    unread: Vec<u8>,
    /// Bytes judged and not yet taken by hyper.
    ready: Vec<u8>,
    taken: usize,
    state: State,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Reading request heads.
    Heads,
    /// The last request was passed on: what follows is dropped.
    Drop,
    /// Ended: hyper reads the end of the stream.
    Ended,
}

/// How much is read from the socket at a time.
const CHUNK: usize = 4096;

impl<S> Guarded<S> {
    pub(super) fn new(inner: S, conn: Arc<Conn>, limit: usize, max_line: usize) -> Guarded<S> {
        Guarded {
            inner,
            conn,
            limit,
            max_line,
            scan: Scan::default(),
            chunk: None,
            unread: Vec::new(),
            ready: Vec::new(),
            taken: 0,
            state: State::Heads,
        }
    }

    /// Judges the bytes read so far; true when something is ready for
    /// hyper.
    fn judge(&mut self) -> bool {
        match self.scan.next(&self.unread, self.limit, self.max_line) {
            Next::More => false,
            next => {
                self.pass_on(next);
                true
            }
        }
    }

    /// Makes what was judged ready for hyper.
    fn pass_on(&mut self, next: Next) {
        let (head, rest): (&[u8], usize) = match &next {
            Next::More => return,
            Next::Pass(n) => (&self.unread[..*n], *n),
            Next::PassLast { n, head } => (head, *n),
            Next::Refuse(refused) => (refused.stand_in(), self.unread.len()),
        };
        self.taken = 0;
        if matches!(next, Next::Pass(n) if n == self.unread.len()) {
            // The usual case, one whole head: no copy.
            std::mem::swap(&mut self.ready, &mut self.unread);
            self.unread.clear();
        } else {
            self.ready.clear();
            self.ready.extend_from_slice(head);
            self.unread.drain(..rest);
        }
        match next {
            Next::Pass(_) | Next::More => {}
            Next::PassLast { .. } => self.state = State::Drop,
            Next::Refuse(refused) => {
                self.conn
                    .refused
                    .store(refused.to_bits(), Ordering::Relaxed);
                self.state = State::Drop;
            }
        }
        self.conn.busy.store(true, Ordering::Relaxed);
        // A request came: it is not idle after all.
        self.conn.closing.store(false, Ordering::Relaxed);
        self.conn.touch();
    }

    /// An answer is on its way: the connection is no longer waiting, and
    /// a read held back until then may end.
    fn wrote(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        if self.conn.busy.swap(false, Ordering::Relaxed) && self.state == State::Ended {
            self.conn.waker.wake();
        }
        self.conn.touch();
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Guarded<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        loop {
            if this.taken < this.ready.len() {
                let n = buf.remaining().min(this.ready.len() - this.taken);
                buf.put_slice(&this.ready[this.taken..this.taken + n]);
                this.taken += n;
                return Poll::Ready(Ok(()));
            }
            if this.state == State::Heads && this.judge() {
                continue;
            }
            if this.state == State::Heads && this.conn.closing.load(Ordering::Relaxed) {
                this.state = State::Ended;
            }
            this.conn.waker.register(cx.waker());
            if this.state == State::Ended {
                // hyper drops the answer to a request whose client has
                // left: the end is read only once the answer is written.
                // Between requests, hyper sees the client leave and closes
                // the connection without a word.
                if this.conn.busy.load(Ordering::Relaxed) {
                    return Poll::Pending;
                }
                return Poll::Ready(Ok(()));
            }
            let chunk = this
                .chunk
                .get_or_insert_with(|| vec![0; CHUNK].into_boxed_slice());
            let mut read = ReadBuf::new(chunk);
            match Pin::new(&mut this.inner).poll_read(cx, &mut read) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Ready(Ok(())) if read.filled().is_empty() => {
                    if this.state == State::Heads && this.scan.started() {
                        // Part of a head, then the end: hyper would answer
                        // 400 itself.
                        this.scan = Scan::default();
                        this.pass_on(Next::Refuse(Refused::cut_off(&this.unread)));
                    }
                    this.state = State::Ended;
                }
                Poll::Ready(Ok(())) => {
                    if this.state == State::Heads {
                        this.unread.extend_from_slice(read.filled());
                    }
                }
            }
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Guarded<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let written = Pin::new(&mut this.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = written {
            this.wrote(n);
        }
        written
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let written = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        if let Poll::Ready(Ok(n)) = written {
            this.wrote(n);
        }
        written
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}
