//! CPU-heavy work off the async workers: searches (and, to come, the
//! hashing of passwords) run on one bounded pool of threads of their own,
//! at a lower priority than answering requests, so that a burst of them
//! cannot hold up the stored pages every visitor asks for.
//!
//! At most as many run at once as the pool has threads, and a short queue
//! waits behind them; beyond that the work is refused at once ([`Busy`]),
//! and the request answered 503 with `Retry-After`, rather than queued for
//! longer than anyone would wait.

use std::net::IpAddr;
use std::sync::Arc;

use tokio::sync::Semaphore;

use super::clients::Clients;

/// The pool, shared by every request.
#[derive(Debug, Clone)]
pub struct CpuPool {
    pool: Arc<rayon::ThreadPool>,
    /// Places in the pool and its queue.
    places: Arc<Semaphore>,
    /// What each client has running or waiting: at most a thread's worth
    /// of the pool each.
    clients: Arc<Clients>,
}

/// The pool and its queue are full: try again shortly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// How many may wait behind each thread: enough for a burst of searches
/// to wait their turn (on 2 cores, 64 at a time, a few tens of
/// milliseconds each behind the others), not so many that one waits for
/// longer than a visitor would.
const QUEUED_PER_THREAD: usize = 32;

impl CpuPool {
    /// A pool of `threads` threads (at least one), with a queue of
    /// [`QUEUED_PER_THREAD`] per thread, of which one client may take as
    /// many places as there are threads (loopback too with
    /// `limit_loopback`: without a trusted proxy, a reverse proxy on this
    /// machine is every visitor).
    pub fn new(threads: usize, limit_loopback: bool) -> CpuPool {
        let threads = threads.max(1);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("cpu-{i}"))
            .start_handler(|_| crate::priority::lower())
            .build()
            .expect("the CPU pool's threads start");
        CpuPool {
            pool: Arc::new(pool),
            places: Arc::new(Semaphore::new(threads * (1 + QUEUED_PER_THREAD))),
            clients: Clients::new("searches", threads, limit_loopback),
        }
    }

    /// A pool with a thread per core.
    pub fn for_this_machine(limit_loopback: bool) -> CpuPool {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        CpuPool::new(cores, limit_loopback)
    }

    /// [`CpuPool::run`] for the client at `client`, which has at most its
    /// share of the pool at once.
    pub async fn run_for<T: Send + 'static>(
        &self,
        client: IpAddr,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Busy> {
        let _counted = self.clients.admit(client).ok_or(Busy)?;
        self.run(work).await
    }

    /// Runs `work` on the pool and waits for it; [`Busy`] at once when
    /// the pool and its queue are full. A panic in `work` is the caller's,
    /// as if it had run there.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Busy> {
        let place = Arc::clone(&self.places)
            .try_acquire_owned()
            .map_err(|_| Busy)?;
        let (done, result) = tokio::sync::oneshot::channel();
        self.pool.spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            drop(place);
            let _ = done.send(outcome);
        });
        match result.await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            // The pool dropped the work: only when it is shutting down.
            Err(_) => Err(Busy),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn work_beyond_the_pool_and_its_queue_is_refused_at_once() {
        let pool = CpuPool::new(1, true);
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let wait = Arc::new(std::sync::Mutex::new(wait));
        let mut running = Vec::new();
        for _ in 0..1 + QUEUED_PER_THREAD {
            let (pool, wait) = (pool.clone(), Arc::clone(&wait));
            running.push(tokio::spawn(async move {
                pool.run(move || {
                    let _ = wait.lock().unwrap().recv();
                    7
                })
                .await
            }));
        }
        // Every place taken (the spawned tasks run on this thread's turns).
        while pool.places.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        assert_eq!(pool.run(|| 1).await, Err(Busy));
        for _ in 0..running.len() {
            release.send(()).unwrap();
        }
        for task in running {
            assert_eq!(task.await.unwrap(), Ok(7));
        }
        assert_eq!(pool.run(|| 2).await, Ok(2));
    }

    #[tokio::test]
    async fn one_client_has_a_thread_s_worth_and_others_still_get_in() {
        let pool = CpuPool::new(1, true);
        let (a, b): (IpAddr, IpAddr) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        let (release, wait) = tokio::sync::oneshot::channel::<()>();
        let first = {
            let pool = pool.clone();
            tokio::spawn(async move {
                pool.run_for(a, move || {
                    let _ = wait.blocking_recv();
                })
                .await
            })
        };
        while pool.clients.admit(a).is_some() {
            tokio::task::yield_now().await;
        }
        assert_eq!(pool.run_for(a, || ()).await, Err(Busy));
        release.send(()).unwrap();
        assert_eq!(pool.run_for(b, || 3).await, Ok(3));
        assert_eq!(first.await.unwrap(), Ok(()));
    }

    #[tokio::test]
    async fn a_panic_is_the_caller_s() {
        let pool = CpuPool::new(1, true);
        let caught = tokio::spawn(async move { pool.run(|| panic!("boom")).await }).await;
        assert!(caught.is_err_and(|e| e.is_panic()));
    }
}
