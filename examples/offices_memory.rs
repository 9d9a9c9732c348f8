//! Measures what a folder of offices costs one server: the time from start
//! to every office loaded, and the memory they hold once their pages are
//! compressed.
//!
//! ```sh
//! cargo run --release --example gen_charter -- --offices 600 /tmp/offices
//! cargo run --release --example offices_memory -- /tmp/offices
//! ```
//!
//! Every office's charter in the folder (each `*.toml` directly in it) is
//! loaded as a site, with one shared `Compressor` and the options of a
//! folder deployment (`Copies::Brotli`: brotli copies only), on as many threads
//! as there are cores, as a server start would: the time until all are
//! loaded is the start. Then every site's search index is built (on every
//! core, to measure what the indexes take), each site is prepared as a
//! server prepares it (`Site::prepare_in_background`: its pages' smallest
//! copies at low priority; its index is built already), and the example
//! waits until every page has them. It prints the number of offices and pages, the start
//! and compression times, the resident memory (VmRSS) after the start and
//! after compression, in total and per office, the peak (VmHWM), and, per
//! office, the bytes the pages hold (`Site::compression`), the heap in use
//! (the bytes asked for), what the allocator handed out for it (with its
//! own bookkeeping, glibc only; the free memory it holds is printed too),
//! and the heap its search index and its parsed charter take.
//!
//! Options, after the folder: `--offices N` loads the first N offices
//! only; `--keep-all` keeps every copy (`Copies::All`), as a single
//! office's server does; `--now` makes the smallest copies at once on every
//! core (`Site::finish_all`, as `charter build` does: the memory freed on
//! the way is then not given back, as it is once the background is done)
//! instead of in the background; `--start-only` stops after the start.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use citizen_charter::charter;
use citizen_charter::offices::Folder;
use citizen_charter::site::{Compressor, Copies, Site, SiteOptions};

/// The system allocator (glibc's malloc on Linux, tuned as the `charter`
/// command tunes it), counting the bytes in use: what the process holds
/// beyond them is the allocator's own (freed blocks it keeps).
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes to `System` unchanged; only a counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
            IN_USE.fetch_add(new_size, Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[path = "support/memory.rs"]
mod memory;
use memory::status_kib;

/// The CPU time the process has used, user and system (Linux; zero
/// elsewhere): on a shared machine, the wall time of the start depends on
/// what else runs, this much less.
fn cpu_seconds() -> f64 {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: an all-zero rusage is valid, and getrusage only fills it.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `usage` is a valid rusage for the call to fill.
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } == 0 {
            let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
            return secs(usage.ru_utime) + secs(usage.ru_stime);
        }
    }
    0.0
}

/// What glibc's allocator has handed out, with its own bookkeeping, and
/// what it holds free, in KiB (zero with another allocator).
fn allocator_kib() -> (usize, usize) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallinfo2 only reads the allocator's counters.
        let info = unsafe { libc::mallinfo2() };
        (kib(info.uordblks + info.hblkhd), kib(info.fordblks))
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    (0, 0)
}

fn kib(bytes: usize) -> usize {
    bytes / 1024
}

/// Runs `f` on every item of `items` on one thread per core, each thread
/// taking the next item as it is free; the results in the items' order.
fn on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::with_capacity(items.len()));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = f(item);
                    done.lock().unwrap().push((i, result));
                }
            });
        }
    });
    let mut done = done.into_inner().unwrap();
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

fn main() {
    // As the `charter` command does.
    citizen_charter::cli::tune_allocator();
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: offices_memory FOLDER [--offices N] [--keep-all] [--now] [--start-only]");
        std::process::exit(2);
    };
    let (mut limit, mut keep_all, mut now, mut start_only) = (usize::MAX, false, false, false);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--offices" => limit = args.next().and_then(|n| n.parse().ok()).unwrap_or(limit),
            "--keep-all" => keep_all = true,
            "--now" => now = true,
            "--start-only" => start_only = true,
            other => {
                eprintln!("unknown option {other}");
                std::process::exit(2);
            }
        }
    }
    let mut files = match Folder::open(&dir)
        .and_then(|f| f.scan(None))
        .map(|s| s.files)
    {
        Ok(files) => files,
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    files.truncate(limit);
    let options = SiteOptions {
        compressor: Compressor::new(),
        copies: if keep_all {
            Copies::All
        } else {
            Copies::Brotli
        },
        ..SiteOptions::default()
    };
    let (rss_before, heap_before) = (status_kib("VmRSS:"), IN_USE.load(Ordering::Relaxed));

    let (start, cpu) = (Instant::now(), cpu_seconds());
    let sites: Vec<Arc<Site>> =
        on_every_core(&files, |file| match Site::load_file(&file.file, &options) {
            Ok(site) => Arc::new(site),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        });
    let start_time = start.elapsed();
    let start_cpu = cpu_seconds() - cpu;
    let offices = sites.len();
    let rss_started = status_kib("VmRSS:");
    let peak_started = status_kib("VmHWM:");
    if start_only {
        println!(
            "offices={offices} copies={:?} start_s={:.2} start_cpu_s={start_cpu:.1} \
             rss_started_kib={rss_started} peak_started_kib={peak_started} heap_started_kib={}",
            options.copies,
            start_time.as_secs_f64(),
            kib(IN_USE.load(Ordering::Relaxed) - heap_before),
        );
        return;
    }

    let heap = IN_USE.load(Ordering::Relaxed);
    on_every_core(&sites, |site| {
        site.search_index();
    });
    let search_heap = IN_USE.load(Ordering::Relaxed) - heap;

    let start = Instant::now();
    if now {
        for site in &sites {
            site.finish_all();
        }
    } else {
        for site in &sites {
            site.prepare_in_background();
        }
        while sites.iter().any(|s| {
            let state = s.compression();
            state.finished < state.pages
        }) {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    let compression_time = start.elapsed();
    // The last pages' threads may still be freeing their buffers.
    std::thread::sleep(Duration::from_millis(500));
    let (mut pages, mut stored) = (0, 0);
    for site in &sites {
        let state = site.compression();
        pages += state.pages;
        stored += state.bytes;
    }
    let rss = status_kib("VmRSS:");
    let peak = status_kib("VmHWM:");
    let (allocated, allocator_free) = allocator_kib();
    let heap = IN_USE.load(Ordering::Relaxed) - heap_before;

    // The parsed charters alone, loaded again.
    let before = IN_USE.load(Ordering::Relaxed);
    let charters = on_every_core(&files, |file| {
        charter::load(&file.file, charter::MAX_FILE_BYTES)
            .ok()
            .map(|l| l.charter)
    });
    let charter_heap = IN_USE.load(Ordering::Relaxed) - before;
    drop(charters);

    let per = |total: usize| total / offices.max(1);
    println!(
        "offices={offices} pages={pages} copies={:?} \
         start_s={:.2} start_cpu_s={start_cpu:.1} compression_s={:.1} \
         rss_before_kib={rss_before} rss_started_kib={rss_started} peak_started_kib={peak_started} \
         rss_kib={rss} peak_rss_kib={peak} rss_per_office_kib={} \
         stored_per_office_kib={} heap_per_office_kib={} allocated_per_office_kib={} \
         allocator_free_kib={allocator_free} search_per_office_kib={} \
         charter_per_office_kib={} threads={}",
        options.copies,
        start_time.as_secs_f64(),
        compression_time.as_secs_f64(),
        per(rss as usize),
        kib(per(stored)),
        kib(per(heap)),
        per(allocated),
        kib(per(search_heap)),
        kib(per(charter_heap)),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
    );
}
