//! The threads a site is made on, and what loads share.
//!
//! A [`Compressor`] is made by `serve` or `build` (tests make their own)
//! and passed to every load through [`SiteOptions`](super::SiteOptions).
//! It owns two pools of threads: one per core for rendering a load and
//! making its quick copies, and one per core at low CPU priority that
//! makes pages' smallest copies after a load, while the site is served.
//! It also remembers every page alive, by type and content, so that a
//! reload reuses a page whose bytes did not change, compressed copies and
//! all: an edit to one service recompresses only the pages it changed.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};

use rayon::{ThreadPool, ThreadPoolBuilder};

use super::page::{Page, hash};
use crate::assets;

/// Worker pools and the pages loads share (cheap to clone: clones share
/// everything).
#[derive(Clone, Default)]
pub struct Compressor(Arc<Shared>);

/// A page's content type, whether it keeps its uncompressed bytes, and
/// the SHA-256 of its bytes.
type PageKey = (&'static str, bool, [u8; 32]);

#[derive(Default)]
struct Shared {
    /// Rendering and [`Compressor::finish_now`]: every core.
    workers: OnceLock<Option<ThreadPool>>,
    /// Smallest copies after a load: every core, at low priority.
    background: OnceLock<Option<ThreadPool>>,
    /// Pages waiting for their smallest copies, the latest load's first.
    queue: Arc<Mutex<VecDeque<Weak<Page>>>>,
    /// Every page alive, by its [`PageKey`].
    live: Mutex<HashMap<PageKey, Weak<Page>>>,
    /// The static files, compressed once.
    assets: OnceLock<HashMap<String, Page>>,
}

impl std::fmt::Debug for Compressor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compressor")
            .field("waiting", &lock(&self.0.queue).len())
            .finish_non_exhaustive()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // Every critical section here leaves its data whole, so a lock
    // poisoned by a panic elsewhere is still safe to use.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn pool(name: &'static str, low_priority: bool) -> Option<ThreadPool> {
    let mut builder = ThreadPoolBuilder::new()
        .thread_name(move |i| format!("{name}-{i}"))
        // A task that panics is logged; without a handler rayon would
        // abort the process, site and all.
        .panic_handler(move |_| tracing::error!("a task on the {name} threads failed"));
    if low_priority {
        builder = builder.start_handler(|_| lower_priority());
    }
    builder
        .build()
        .inspect_err(|e| tracing::warn!("cannot start the {name} threads: {e}"))
        .ok()
}

impl Compressor {
    /// A compressor whose threads start when first needed.
    pub fn new() -> Compressor {
        Compressor::default()
    }

    fn workers(&self) -> Option<&ThreadPool> {
        self.0
            .workers
            .get_or_init(|| pool("render", false))
            .as_ref()
    }

    /// Runs `f` on the worker threads: rayon's parallel iterators inside
    /// it use every core. Without threads (the system refused them), `f`
    /// runs on the calling thread.
    pub(crate) fn run<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        match self.workers() {
            Some(pool) => pool.install(f),
            None => f(),
        }
    }

    /// Runs `f` on a worker thread, without waiting for it.
    pub(crate) fn spawn(&self, f: impl FnOnce() + Send + 'static) {
        match self.workers() {
            Some(pool) => pool.spawn(f),
            None => f(),
        }
    }

    /// The page for `body`: one alive with the same type and bytes, or a
    /// new one with its quick copy. Unless `keep_uncompressed` is set, the
    /// page keeps only its compressed copies (see [`Page::identity`]).
    pub(crate) fn page(
        &self,
        content_type: &'static str,
        mut body: String,
        keep_uncompressed: bool,
    ) -> Arc<Page> {
        let digest = hash(body.as_bytes());
        // A page that keeps its bytes is not shared with a site that drops
        // them, nor the other way round: each site gets what it asked for.
        let key = (content_type, keep_uncompressed, digest);
        if let Some(page) = lock(&self.0.live).get(&key).and_then(Weak::upgrade) {
            return page;
        }
        if keep_uncompressed {
            // Rendering leaves spare capacity; the site keeps the text.
            body.shrink_to_fit();
        }
        let page = Arc::new(Page::unfinished(
            content_type,
            body.into(),
            Some(digest),
            true,
            keep_uncompressed,
        ));
        lock(&self.0.live).insert(key, Arc::downgrade(&page));
        page
    }

    /// Forgets the pages no site holds any more (after each load).
    pub(crate) fn forget_dropped_pages(&self) {
        lock(&self.0.live).retain(|_, page| page.strong_count() > 0);
    }

    /// Makes the smallest copies of `pages` now, on every core.
    pub(crate) fn finish_now(&self, pages: Vec<&Page>) {
        use rayon::prelude::*;
        self.run(|| {
            pages.into_par_iter().with_max_len(1).for_each(|page| {
                page.finish();
            });
        });
    }

    /// Has the low-priority threads make the smallest copies of `pages`,
    /// in this order, before those of any earlier call. Pages no site
    /// holds by the time their turn comes are skipped.
    pub(crate) fn finish_later(&self, pages: Vec<Weak<Page>>) {
        if pages.is_empty() {
            return;
        }
        let Some(pool) = self.0.background.get_or_init(|| pool("compress", true)) else {
            // Pages keep their quick copies; nothing else is lost.
            return;
        };
        let count = pages.len();
        {
            let mut queue = lock(&self.0.queue);
            for page in pages.into_iter().rev() {
                queue.push_front(page);
            }
        }
        // One task per page, each taking the front of the queue: the
        // order is the queue's, whatever order the pool runs tasks in.
        for _ in 0..count {
            let queue = Arc::clone(&self.0.queue);
            pool.spawn(move || {
                let next = lock(&queue).pop_front();
                let Some(page) = next.and_then(|p| p.upgrade()) else {
                    return;
                };
                // A panic in a compressor (none is known) costs that page
                // its smallest copies, not the thread.
                if std::panic::catch_unwind(|| page.finish()).is_err() {
                    tracing::error!("compressing a page failed; it keeps its quick copy");
                }
            });
        }
    }

    /// The static files as pages, by fingerprinted name, compressed at the
    /// best levels the first time they are asked for.
    pub(crate) fn assets(&self) -> &HashMap<String, Page> {
        self.0.assets.get_or_init(|| {
            assets::all()
                .iter()
                .map(|a| {
                    let page = if a.compressible() {
                        Page::new(a.content_type, a.bytes)
                    } else {
                        Page::identity_only(a.content_type, a.bytes)
                    };
                    (a.fingerprinted.clone(), page)
                })
                .collect()
        })
    }
}

/// Lets the calling thread run only when request handling leaves a core
/// free (Linux: nice 10 for this thread alone).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its arguments; on Linux, `who` 0 with
    // PRIO_PROCESS is the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

#[cfg(test)]
mod tests {
    use super::super::page::{HTML, TEXT};
    use super::*;

    #[test]
    fn pages_with_the_same_bytes_are_one_page() {
        let compressor = Compressor::new();
        let body = "<p>shared</p>".to_string();
        let a = compressor.page(HTML, body.clone(), true);
        let b = compressor.page(HTML, body.clone(), true);
        assert!(Arc::ptr_eq(&a, &b));
        // Another type is another page.
        let c = compressor.page(TEXT, body.clone(), true);
        assert!(!Arc::ptr_eq(&a, &c));
        // Another compressor shares nothing with this one.
        assert!(!Arc::ptr_eq(
            &a,
            &Compressor::new().page(HTML, body.clone(), true)
        ));
        // Once no one holds it, a page is made afresh.
        let etag = a.etag().to_string();
        drop((a, b));
        compressor.forget_dropped_pages();
        assert!(lock(&compressor.0.live).len() == 1, "only the text page");
        let d = compressor.page(HTML, body, true);
        assert_eq!(d.etag(), etag);
        assert!(!d.is_finished());
    }

    #[test]
    fn pages_left_for_later_are_finished_in_the_background() {
        let compressor = Compressor::new();
        let pages: Vec<_> = (0..20)
            .map(|i| compressor.page(HTML, format!("<p>{}</p>", "x".repeat(i * 100)), true))
            .collect();
        compressor.finish_later(pages.iter().map(Arc::downgrade).collect());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while !pages.iter().all(|p| p.is_finished()) {
            assert!(std::time::Instant::now() < deadline, "not finished");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    #[test]
    fn every_static_file_is_a_page_fonts_as_they_are() {
        let compressor = Compressor::new();
        let pages = compressor.assets();
        for a in assets::all() {
            let page = pages.get(&a.fingerprinted).expect(a.name).finish();
            let compressed = !page.brotli.is_empty() && !page.gzip.is_empty();
            assert_eq!(compressed, a.name.ends_with(".css"), "{}", a.name);
        }
    }
}
