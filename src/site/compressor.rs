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
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};

use rayon::{ThreadPool, ThreadPoolBuilder};

use super::page::{Copies, Page, hash};
use crate::assets;

/// Worker pools and the pages loads share (cheap to clone: clones share
/// everything).
#[derive(Clone, Default)]
pub struct Compressor(Arc<Shared>);

/// A page's content type, the copies it keeps, and the SHA-256 of its
/// bytes.
type PageKey = (&'static str, Copies, [u8; 32]);

#[derive(Default)]
struct Shared {
    /// Rendering and [`Compressor::finish_now`]: every core.
    workers: OnceLock<Option<ThreadPool>>,
    /// Smallest copies after a load: every core, at low priority.
    background: OnceLock<Option<ThreadPool>>,
    /// Pages waiting for their smallest copies, the latest load's first.
    queue: Arc<Mutex<VecDeque<Weak<Page>>>>,
    /// Pages queued or being compressed in the background.
    compressing: Arc<AtomicUsize>,
    /// Every page alive, by its [`PageKey`].
    live: Mutex<Live>,
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

/// The pages alive, and some no site holds any more, until the next sweep.
#[derive(Default)]
struct Live {
    pages: HashMap<PageKey, Weak<Page>>,
    /// How many pages there were after the last sweep.
    swept: usize,
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
        builder = builder.start_handler(|_| crate::priority::lower());
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
    /// new one with its quick copy, to keep `copies` once finished.
    pub(crate) fn page(
        &self,
        content_type: &'static str,
        mut body: String,
        copies: Copies,
    ) -> Arc<Page> {
        let digest = hash(body.as_bytes());
        // A page that keeps every copy is not shared with a site that keeps
        // brotli only, nor the other way round: each gets what it asked for.
        let key = (content_type, copies, digest);
        if let Some(page) = lock(&self.0.live).pages.get(&key).and_then(Weak::upgrade) {
            return page;
        }
        if copies == Copies::All {
            // Rendering leaves spare capacity; the site keeps the text.
            body.shrink_to_fit();
        }
        let page = Arc::new(Page::unfinished(
            content_type,
            body.into(),
            Some(digest),
            true,
            copies,
        ));
        lock(&self.0.live).pages.insert(key, Arc::downgrade(&page));
        page
    }

    /// Forgets the pages no site holds any more (after each load), once
    /// there are as many pages listed again as after the last sweep: a
    /// sweep looks at every page of every site, so a server loading many
    /// offices does it a few times in all rather than once per office,
    /// and those forgotten later are at most as many as those alive.
    pub(crate) fn forget_dropped_pages(&self) {
        let mut live = lock(&self.0.live);
        if live.pages.len() >= 2 * live.swept.max(SWEPT_AT_LEAST) {
            live.pages.retain(|_, page| page.strong_count() > 0);
            live.swept = live.pages.len();
        }
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

    /// Has the low-priority threads make the smallest copies of a site's
    /// (or the directory's) pages not finished yet: those at the paths
    /// `first` (the pages people open first) first, then the others and
    /// the `errors` pages, smallest first. Each page switches to its
    /// smallest copies as soon as they are made.
    pub(crate) fn finish_pages_later<'a>(
        &self,
        pages: impl Iterator<Item = (&'a String, &'a Arc<Page>)>,
        errors: impl Iterator<Item = &'a Arc<Page>>,
        first: &[String],
    ) {
        // (later, size, page)
        let mut pending: Vec<(bool, usize, &Arc<Page>)> = pages
            .map(|(path, page)| (!first.contains(path), page))
            .chain(errors.map(|page| (true, page)))
            .filter(|(_, page)| !page.is_finished())
            .map(|(later, page)| (later, page.identity_len(), page))
            .collect();
        pending.sort_by_key(|&(later, size, _)| (later, size));
        self.finish_later(
            (pending.into_iter())
                .map(|(_, _, page)| Arc::downgrade(page))
                .collect(),
        );
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
        self.0.compressing.fetch_add(count, Ordering::AcqRel);
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
            let compressing = Arc::clone(&self.0.compressing);
            pool.spawn(move || {
                let next = lock(&queue).pop_front();
                if let Some(page) = next.and_then(|p| p.upgrade()) {
                    // A panic in a compressor (none is known) costs that
                    // page its smallest copies, not the thread.
                    if std::panic::catch_unwind(|| page.finish()).is_err() {
                        tracing::error!("compressing a page failed; it keeps its quick copy");
                    }
                }
                if compressing.fetch_sub(1, Ordering::AcqRel) == 1 {
                    release_freed_memory();
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

/// The fewest pages counted as swept: below twice as many, no sweep is
/// worth its while (a page no site holds keeps a few hundred bytes until
/// it is forgotten; its copies go as soon as the last site drops it).
const SWEPT_AT_LEAST: usize = 64;

/// Gives the system back the memory the allocator holds free, once the
/// background has no page left to compress. Compressing frees a large
/// buffer or two per page, and a load frees the text of every page it
/// rendered, between blocks kept for as long as the site is served: glibc
/// returns the free memory at the top of its heaps by itself, but not the
/// free pages between blocks in use, which after the start of a server of
/// many offices are a good part of what it holds. Other allocators need
/// no such call.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only works on the allocator's own free memory;
    // it is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
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
        let a = compressor.page(HTML, body.clone(), Copies::All);
        let b = compressor.page(HTML, body.clone(), Copies::All);
        assert!(Arc::ptr_eq(&a, &b));
        // Another type is another page.
        let c = compressor.page(TEXT, body.clone(), Copies::All);
        assert!(!Arc::ptr_eq(&a, &c));
        // So is a page that keeps other copies.
        let lean = compressor.page(HTML, body.clone(), Copies::Brotli);
        assert!(!Arc::ptr_eq(&a, &lean));
        // Another compressor shares nothing with this one.
        assert!(!Arc::ptr_eq(
            &a,
            &Compressor::new().page(HTML, body.clone(), Copies::All)
        ));
        // Once no one holds it, a page is made afresh.
        let etag = a.etag().to_string();
        drop((a, b));
        compressor.forget_dropped_pages();
        let d = compressor.page(HTML, body, Copies::All);
        assert_eq!(d.etag(), etag);
        assert!(!d.is_finished());
    }

    #[test]
    fn pages_no_site_holds_are_forgotten_a_few_times_in_all() {
        let compressor = Compressor::new();
        let listed = || lock(&compressor.0.live).pages.len();
        let pages: Vec<_> = (0..2 * SWEPT_AT_LEAST)
            .map(|i| compressor.page(HTML, format!("<p>{i}</p>"), Copies::All))
            .collect();
        drop(pages);
        compressor.forget_dropped_pages();
        assert_eq!(listed(), 0);
        let kept: Vec<_> = (0..2 * SWEPT_AT_LEAST)
            .map(|i| compressor.page(HTML, format!("<p>kept {i}</p>"), Copies::All))
            .collect();
        // As many as after the last sweep (none, counted as the least):
        // swept, every page still held.
        compressor.forget_dropped_pages();
        assert_eq!(listed(), kept.len());
        // One more page dropped: not swept until there are twice as many.
        drop(compressor.page(HTML, "<p>dropped</p>".to_string(), Copies::All));
        compressor.forget_dropped_pages();
        assert_eq!(listed(), kept.len() + 1);
    }

    #[test]
    fn pages_left_for_later_are_finished_in_the_background() {
        let compressor = Compressor::new();
        let pages: Vec<_> = (0..20)
            .map(|i| compressor.page(HTML, format!("<p>{}</p>", "x".repeat(i * 100)), Copies::All))
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
