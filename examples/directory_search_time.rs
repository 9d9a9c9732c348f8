//! Times the directory's search across every office of a folder, in
//! process, as the server answers a request: the search of every office's
//! index, the merge, the rendering of the page (what
//! `Directory::search_page` does), then the page's quick gzip copy and
//! ETag (`Page::rendered_now`, which the server sends it with):
//!
//! ```sh
//! cargo run --release --example gen_charter -- --offices 600 /tmp/offices-600
//! cargo run --release --example directory_search_time -- /tmp/offices-600 100
//! ```
//!
//! The queries are of every kind the page meets: words found in many
//! offices, misspelt ones, words found nowhere (so that the closest names
//! of every office are looked for), and queries of the most characters the
//! server reads (`MAX_QUERY_CHARS`): one long term found nowhere, the words
//! of one service's names, single letters found in nearly every text of
//! every office (`MAX_TERMS` of them), and sixteen long terms found
//! nowhere. For each, on the Bangla and the English page, it prints the
//! median, the 99th percentile and the slowest of the runs (100 by
//! default), after a first run that is not counted, in CPU time of the
//! thread (on Linux; wall time elsewhere), then the median and the slowest
//! of all queries. A third argument runs only the queries whose
//! description has it ("letters", "nothing").

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use citizen_charter::i18n::Lang;
use citizen_charter::offices::Folder;
use citizen_charter::render::Target;
use citizen_charter::site::search::MAX_QUERY_CHARS;
use citizen_charter::site::{Compressor, Directory, HTML, Listed, Page, Site, SiteOptions};
use citizen_charter::urls::{self, BaseUrl};
use rayon::prelude::*;

#[path = "support/timing.rs"]
mod timing;
use timing::{now, query_of_length};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: directory_search_time FOLDER [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = (args.next().and_then(|r| r.parse().ok()))
        .unwrap_or(100)
        .max(1);
    // Only the queries whose description has this word, when given.
    let only = args.next().unwrap_or_default();
    let files = Folder::open(&dir)
        .and_then(|f| f.scan(None))
        .map(|s| s.files)
        .unwrap_or_else(|e| {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(2);
        });
    let options = SiteOptions {
        compressor: Compressor::new(),
        ..SiteOptions::default()
    };
    let start = Instant::now();
    // One office after another, each rendered on every core.
    let offices: Vec<Listed> = files
        .iter()
        .map(|file| {
            let site = Site::load_file(&file.file, &options).unwrap_or_else(|e| {
                eprintln!("{e}");
                std::process::exit(1);
            });
            let website = site.charter.office.website.get_ref().clone();
            Listed {
                id: file.id.clone(),
                url: format!("{}/", urls::website_url(&website)),
                site: Arc::new(site),
            }
        })
        .collect();
    let loaded = start.elapsed();
    let start = Instant::now();
    offices.par_iter().for_each(|o| {
        o.site.search_index();
    });
    let services: usize = offices.iter().map(|o| o.site.charter.services.len()).sum();
    println!(
        "{} offices, {services} services: loaded in {:.1} s, indexes built in {:.0} ms",
        offices.len(),
        loaded.as_secs_f64(),
        start.elapsed().as_secs_f64() * 1e3
    );
    let base = BaseUrl::new("https://charter.example.gov.bd");
    let start = Instant::now();
    let directory = Directory::new(&offices, &base, Target::Server, &options.compressor)
        .expect("the directory renders");
    println!(
        "directory rendered in {:.0} ms, home page {} KiB",
        start.elapsed().as_secs_f64() * 1e3,
        directory.page("/bn/").map_or(0, |p| p.identity_len()) / 1024
    );

    let start = Instant::now();
    directory
        .search_page(&offices, Lang::Bn, "")
        .expect("the page renders");
    directory
        .search_page(&offices, Lang::Bn, "x")
        .expect("the page renders");
    println!(
        "first search, with the index of every office's services: {:.0} ms",
        start.elapsed().as_secs_f64() * 1e3
    );

    let first = &offices[0].site.charter.services[0];
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
    let nonsense: Vec<String> = (0..16).map(|i| format!("{}{i}", "ঝঞ".repeat(60))).collect();
    let queries = [
        ("a common word", "প্রশিক্ষণ".to_string()),
        ("two words", "birth registration".to_string()),
        ("misspelt", "জন্ম নিবন্দন সনদ".to_string()),
        ("misspelt, nothing found", "licnece".to_string()),
        ("misspelt Bangla, nothing found", "নিবন্দন".to_string()),
        ("nothing found", "zzzz".to_string()),
        ("one long term, nothing found", "ক".repeat(MAX_QUERY_CHARS)),
        ("16 long terms, nothing found", query_of_length(&nonsense)),
        ("the words of one service's names", query_of_length(&words)),
        ("single letters", query_of_length(&letters)),
    ];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let mut medians = Vec::new();
    let mut slowest = Duration::ZERO;
    for (what, query) in queries.iter().filter(|(what, _)| what.contains(&only)) {
        for lang in Lang::ALL {
            let epoch = Instant::now();
            let time = || {
                let cpu = now(epoch);
                let html = directory
                    .search_page(&offices, lang, query)
                    .expect("the page renders");
                let page = Page::rendered_now(HTML, html);
                (now(epoch) - cpu, page.identity_len())
            };
            let bytes = time().1;
            let mut times: Vec<Duration> = (0..runs).map(|_| time().0).collect();
            times.sort_unstable();
            let at = |part: f64| times[((runs - 1) as f64 * part) as usize];
            println!(
                "{what} ({lang}, {} chars, page {} KiB): p50 {:.2} ms, p99 {:.2}, max {:.2}",
                query.chars().count(),
                bytes / 1024,
                ms(at(0.5)),
                ms(at(0.99)),
                ms(at(1.0)),
            );
            medians.push(at(0.5));
            slowest = slowest.max(at(1.0));
        }
    }
    medians.sort_unstable();
    println!(
        "all {} queries: median of the medians {:.2} ms, slowest median {:.2} ms, slowest run {:.2} ms",
        medians.len(),
        ms(medians[medians.len() / 2]),
        ms(*medians.last().expect("queries")),
        ms(slowest)
    );
}
