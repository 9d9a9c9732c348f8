//! Times the search page in-process, as the server answers a request:
//! the search over the index and the rendering of the page (what
//! `Site::search_page` does), then the page's quick gzip copy and ETag
//! (`Page::rendered_now`, which the server sends it with):
//!
//! ```sh
//! cargo run --release --example gen_charter -- 1000 > /tmp/charter-1000.toml
//! cargo run --release --example search_time -- /tmp/charter-1000.toml 300
//! ```
//!
//! Every query is `MAX_QUERY_CHARS` characters long, the most the server
//! reads, and each is made to cost the most in its own way: one long term
//! that finds nothing (and so looks for the closest names), the words of
//! one service's names, which all find it, and single letters found in
//! nearly every text of every service (as many terms as a search reads,
//! `MAX_TERMS`, each with thousands of finds, and every service to rank).
//! For each, on the Bangla and the English page, it prints the median, the
//! 99th percentile and the slowest of the runs (300 by default), after a
//! first run that is not counted, in CPU time of the thread (on Linux; wall
//! time elsewhere): on a shared machine the wall time of the slowest runs
//! is mostly the time the process waited for a core. The wall time's
//! median follows.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use citizen_charter::charter;
use citizen_charter::i18n::Lang;
use citizen_charter::site::search::MAX_QUERY_CHARS;
use citizen_charter::site::{HTML, Page, Site, SiteOptions};

#[path = "support/timing.rs"]
mod timing;
use timing::{now, query_of_length};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: search_time CHARTER.toml [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args
        .next()
        .and_then(|r| r.parse().ok())
        .unwrap_or(300)
        .max(1);
    let site = charter::load_file(&path)
        .map_err(|e| e.to_string())
        .and_then(|loaded| {
            Site::from_loaded(loaded, &SiteOptions::default()).map_err(|e| e.to_string())
        })
        .unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1);
        });
    let start = Instant::now();
    site.search_index();
    println!(
        "{} services, index built in {:.1} ms",
        site.charter.services.len(),
        start.elapsed().as_secs_f64() * 1e3
    );

    let first = &site.charter.services[0];
    let mut words: Vec<String> = Vec::new();
    for text in [first.name.bn(), first.name.get(Lang::En).0] {
        for word in text.split_whitespace() {
            if !words.iter().any(|w| w == word) {
                words.push(word.to_string());
            }
        }
    }
    let letters: Vec<String> = "া ি ে ্ র ন ক ত স ব ম প য দ ল ও a e i o n r t s c l d u p m g f"
        .split(' ')
        .map(str::to_string)
        .collect();
    let queries = [
        ("one long term, nothing found", "ক".repeat(MAX_QUERY_CHARS)),
        ("the words of one service's names", query_of_length(&words)),
        ("single letters", query_of_length(&letters)),
    ];
    for (what, query) in &queries {
        assert_eq!(query.chars().count(), MAX_QUERY_CHARS);
        for lang in Lang::ALL {
            let epoch = Instant::now();
            let time = || {
                let (wall, cpu) = (Instant::now(), now(epoch));
                let html = site.search_page(lang, query).expect("the page renders");
                let searched = now(epoch) - cpu;
                let page = Page::rendered_now(HTML, html);
                (
                    searched,
                    now(epoch) - cpu,
                    wall.elapsed(),
                    page.identity_len(),
                )
            };
            let bytes = time().3;
            let mut times: Vec<_> = (0..runs).map(|_| time()).collect();
            let ms = |d: Duration| d.as_secs_f64() * 1e3;
            let mut at = |pick: fn(&(Duration, Duration, Duration, usize)) -> Duration| {
                times.sort_unstable_by_key(pick);
                [0.5, 0.99, 1.0].map(|part| ms(pick(&times[((runs - 1) as f64 * part) as usize])))
            };
            let searched = at(|t| t.0);
            let answered = at(|t| t.1);
            let wall = at(|t| t.2);
            println!(
                "{what} ({lang}, page {} KiB): search and render p50 {:.3} ms, p99 {:.3}, max {:.3}; with the gzip copy p50 {:.3} ms, p99 {:.3}, max {:.3}; wall p50 {:.3} ms",
                bytes / 1024,
                searched[0],
                searched[1],
                searched[2],
                answered[0],
                answered[1],
                answered[2],
                wall[0],
            );
        }
    }
}
