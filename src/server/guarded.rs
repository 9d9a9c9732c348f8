//! A connection's bytes on their way to hyper: each request head read
//! and judged first ([`Scan`]), what the connection does noted in its
//! [`Conn`], and the connection ended when asked to while idle.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::connection::Conn;
use super::head::{Next, Refused, Scan};

/// The wrapper around one connection's stream (see the module).
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
