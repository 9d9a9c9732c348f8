//! Times loading a charter in-process, without the server around it:
//!
//! ```sh
//! cargo run --release --example load_time -- /tmp/charter-1000.toml 5
//! ```
//!
//! For each of the runs (3 by default) it reads and validates the file,
//! renders the whole site with its quick gzip copies (`Site::from_loaded`, which
//! is what a server start or reload waits for), then makes the smallest
//! copies, brotli 11 and gzip 9, on every core (`Site::finish_all`, which
//! a server does in the background; timed on the first run only). It
//! prints the median of each step,
//! the site's size and the process's peak resident memory.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use citizen_charter::charter;
use citizen_charter::site::{Site, SiteOptions};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

#[path = "support/memory.rs"]
mod memory;
use memory::status_kib;

fn main() {
    // As the `charter` command does.
    citizen_charter::cli::tune_allocator();
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: load_time CHARTER.toml [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3).max(1);
    let mut load_times = Vec::new();
    let mut build_times = Vec::new();
    let mut finish_times = Vec::new();
    let mut built_rss = 0;
    let mut pages = 0;
    let mut bytes = [0usize; 3];
    let options = SiteOptions::default();
    for _ in 0..runs {
        let start = Instant::now();
        let loaded = match charter::load_file(&path) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        load_times.push(start.elapsed());
        let start = Instant::now();
        let site = match Site::from_loaded(loaded, &options) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        build_times.push(start.elapsed());
        if built_rss == 0 {
            built_rss = status_kib("VmRSS:");
        }
        if !finish_times.is_empty() {
            continue;
        }
        // A minute of CPU for a large charter: timed once.
        let start = Instant::now();
        site.finish_all();
        finish_times.push(start.elapsed());
        let paths = site.paths();
        pages = paths.len();
        for p in paths {
            let page = site.page(p).expect("listed path has a page");
            let best = page.finish();
            bytes[0] += page.identity_len();
            bytes[1] += best.gzip.len();
            bytes[2] += best.brotli.len();
        }
    }
    let load = median(load_times);
    let build = median(build_times);
    let finish = median(finish_times);
    println!(
        "load_ms={:.1} build_ms={:.1} total_ms={:.1} finish_ms={:.0} pages={pages} identity_kib={} gzip_kib={} brotli_kib={} rss_after_build_kib={built_rss} rss_kib={} peak_rss_kib={} runs={runs} threads={}",
        load.as_secs_f64() * 1e3,
        build.as_secs_f64() * 1e3,
        (load + build).as_secs_f64() * 1e3,
        finish.as_secs_f64() * 1e3,
        bytes[0] / 1024,
        bytes[1] / 1024,
        bytes[2] / 1024,
        status_kib("VmRSS:"),
        status_kib("VmHWM:"),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
    );
}
