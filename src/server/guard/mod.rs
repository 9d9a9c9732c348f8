//! A connection's bytes on their way to hyper: each request head read and
//! judged first ([`head::Scan`]), a head hyper would refuse answered here
//! the site's way, what the connection does noted in its [`Conn`], and the
//! connection ended when asked to while idle.
//!
//! hyper writes a bare 400 or 431 for a head it cannot read, without the
//! site's page or any of its headers. Such a head is never passed on:
//! once hyper has written the answers to the requests before it, the
//! connection writes the site's own answer ([`Refusals`]), then ends.

pub mod head;

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::connection::Conn;
use head::{Next, Refused, Scan};

/// The whole HTTP answer (status line, headers, page) to a refused
/// request head, as the site makes it.
pub type Refusals = Arc<dyn Fn(&Refused) -> Vec<u8> + Send + Sync>;

/// The wrapper around one connection's stream (see the module).
pub(super) struct Guarded<S> {
    inner: S,
    conn: Arc<Conn>,
    refusals: Refusals,
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
    /// hyper has written since it last flushed: an answer is on its way.
    unflushed: bool,
    state: State,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    /// Reading request heads.
    Heads,
    /// A head with a body was passed on: the rest of the bytes go to
    /// hyper as they come (it reads the body, then ends the connection).
    Raw,
    /// A head was refused: its answer, and how much of it is written.
    Refusing(Vec<u8>, usize),
    /// Ended: hyper reads the end of the stream.
    Ended,
}

/// How much is read from the socket at a time.
const CHUNK: usize = 4096;

impl<S> Guarded<S> {
    pub(super) fn new(
        inner: S,
        conn: Arc<Conn>,
        refusals: Refusals,
        limit: usize,
        max_line: usize,
    ) -> Guarded<S> {
        Guarded {
            inner,
            conn,
            refusals,
            limit,
            max_line,
            scan: Scan::default(),
            chunk: None,
            unread: Vec::new(),
            ready: Vec::new(),
            taken: 0,
            unflushed: false,
            state: State::Heads,
        }
    }

    /// Judges the bytes read so far; true when something is ready for
    /// hyper or to be answered.
    fn judge(&mut self) -> bool {
        match self.scan.next(&self.unread, self.limit, self.max_line) {
            Next::More => false,
            next => {
                self.pass_on(next);
                true
            }
        }
    }

    /// Makes what was judged ready for hyper, or the answer to write.
    fn pass_on(&mut self, next: Next) {
        self.taken = 0;
        match next {
            Next::More => return,
            Next::Pass(n) if n == self.unread.len() => {
                // The usual case, one whole head: no copy.
                std::mem::swap(&mut self.ready, &mut self.unread);
                self.unread.clear();
            }
            Next::Pass(n) => {
                self.ready.clear();
                self.ready.extend_from_slice(&self.unread[..n]);
                self.unread.drain(..n);
            }
            Next::PassLast { n, head } => {
                // The head, then whatever of the body came with it.
                self.ready = head;
                self.ready.extend_from_slice(&self.unread[n..]);
                self.unread = Vec::new();
                self.state = State::Raw;
            }
            Next::Refuse(refused) => {
                self.unread = Vec::new();
                self.ready.clear();
                self.state = State::Refusing((self.refusals)(&refused), 0);
                return;
            }
        }
        self.conn.busy.store(true, Ordering::Relaxed);
        // A request came: it is not idle after all.
        self.conn.closing.store(false, Ordering::Relaxed);
        self.conn.touch();
    }

    /// An answer is on its way: the connection is no longer waiting, and
    /// a read held back until then may go on.
    fn wrote(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        self.unflushed = true;
        if self.conn.busy.swap(false, Ordering::Relaxed) && self.state != State::Heads {
            self.conn.waker.wake();
        }
        self.conn.touch();
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> Guarded<S> {
    /// Writes the answer to a refused head once hyper has written the
    /// answers before it; `Ready` once it is written and flushed.
    fn poll_refuse(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.conn.busy.load(Ordering::Relaxed) || self.unflushed {
            // Woken when hyper writes or flushes.
            self.conn.waker.register(cx.waker());
            return Poll::Pending;
        }
        let State::Refusing(answer, written) = &mut self.state else {
            return Poll::Ready(Ok(()));
        };
        while *written < answer.len() {
            match Pin::new(&mut self.inner).poll_write(cx, &answer[*written..]) {
                Poll::Ready(Ok(0)) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Poll::Ready(Ok(n)) => *written += n,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
        Pin::new(&mut self.inner).poll_flush(cx)
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncRead for Guarded<S> {
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
            let heads = this.state == State::Heads;
            if heads && this.judge() {
                continue;
            }
            if heads && this.conn.closing.load(Ordering::Relaxed) {
                this.state = State::Ended;
                continue;
            }
            match &this.state {
                State::Heads => {}
                // The body, and whatever follows, straight from the socket.
                State::Raw => return Pin::new(&mut this.inner).poll_read(cx, buf),
                State::Refusing(..) => {
                    let written = std::task::ready!(this.poll_refuse(cx));
                    this.state = State::Ended;
                    if let Err(e) = written {
                        return Poll::Ready(Err(e));
                    }
                    // The end, for hyper: the connection closes.
                    return Poll::Ready(Ok(()));
                }
                State::Ended => {
                    this.conn.waker.register(cx.waker());
                    // hyper drops the answer to a request whose client has
                    // left: the end is read only once the answer is written.
                    // Between requests, hyper sees the client leave and
                    // closes the connection without a word.
                    if this.conn.busy.load(Ordering::Relaxed) {
                        return Poll::Pending;
                    }
                    return Poll::Ready(Ok(()));
                }
            }
            this.conn.waker.register(cx.waker());
            let chunk = this
                .chunk
                .get_or_insert_with(|| vec![0; CHUNK].into_boxed_slice());
            let mut read = ReadBuf::new(chunk);
            match Pin::new(&mut this.inner).poll_read(cx, &mut read) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Ready(Ok(())) if read.filled().is_empty() => {
                    if this.scan.started() {
                        // Part of a head, then the end: hyper would answer
                        // 400 itself.
                        this.scan = Scan::default();
                        let refused = Refused::cut_off(&this.unread);
                        this.pass_on(Next::Refuse(refused));
                    } else {
                        this.state = State::Ended;
                    }
                }
                Poll::Ready(Ok(())) => this.unread.extend_from_slice(read.filled()),
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
        let this = self.get_mut();
        let flushed = Pin::new(&mut this.inner).poll_flush(cx);
        if let Poll::Ready(Ok(())) = flushed
            && std::mem::take(&mut this.unflushed)
            && matches!(this.state, State::Refusing(..))
        {
            // The answers before a refused head are out: it may be answered.
            this.conn.waker.wake();
        }
        flushed
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}
