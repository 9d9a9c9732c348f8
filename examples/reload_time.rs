//! Times the reload of one office of a folder, in-process, without HTTP:
//!
//! ```sh
//! cargo run --release --example gen_charter -- --offices 600 /tmp/offices
//! cargo run --release --example reload_time -- /tmp/offices 10
//! ```
//!
//! It loads every office of the folder as `charter serve` does, then, for
//! each run, saves an edit to the first office's file and times
//! `Deployment::file_changed` for it until the new pages are served: an
//! edit to a service (the office alone is rendered again), and an edit to
//! the office's name (the directory is made again too). Then the same
//! with a folder holding that one office only. It prints the median and
//! the slowest of each. Saves come a second apart, so that the directory,
//! made again in the background after each, is not part of the time.

use std::path::Path;
use std::time::{Duration, Instant};

use citizen_charter::offices::{Folder, Registry};
use citizen_charter::server::{Deployment, FolderOptions};
use citizen_charter::site::SiteOptions;
use citizen_charter::urls::BaseUrl;

fn median(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort_unstable();
    (times[times.len() / 2], times[times.len() - 1])
}

/// Times `runs` saves of `file` made by `edit(text, run)`.
async fn time_edits(
    deployment: &std::sync::Arc<Deployment>,
    id: &str,
    file: &Path,
    runs: usize,
    edit: impl Fn(&str, usize) -> String,
) -> (Duration, Duration) {
    let original = std::fs::read_to_string(file).expect("the file is read");
    let mut times = Vec::new();
    for run in 0..runs {
        // Saves a second apart, as a clerk's come: the directory made
        // again after the last one (in the background) is not timed.
        tokio::time::sleep(Duration::from_secs(1)).await;
        std::fs::write(file, edit(&original, run)).expect("the file is written");
        let start = Instant::now();
        deployment.file_changed(id).await;
        times.push(start.elapsed());
        let served = deployment
            .offices()
            .into_iter()
            .find(|o| o.id == id)
            .expect("the office is served");
        assert!(!served.state.is_stale(), "the edit is valid");
    }
    std::fs::write(file, original).expect("the file is written back");
    median(times)
}

async fn measure(dir: &Path, runs: usize) {
    let start = Instant::now();
    // Previewing: the offices' files give their addresses, without a
    // registry to write first; a reload does the same work either way.
    let deployment = Deployment::folder(FolderOptions {
        dir: dir.to_path_buf(),
        registry: Registry::default_path(dir),
        site: SiteOptions::default(),
        directory_base: BaseUrl::new("https://offices.example.gov.bd"),
        preview_port: Some(3000),
        state_dir: None,
        history_limit: 10,
    })
    .expect("the folder is read");
    let offices = deployment.offices();
    let loaded = start.elapsed();
    let first = offices.first().expect("the folder has an office");
    let file = dir.join(format!("{}.toml", first.id));
    let service = time_edits(&deployment, &first.id, &file, runs, |text, run| {
        text.replacen("fee = { bn = \"", &format!("fee = {{ bn = \"{run} "), 1)
    })
    .await;
    let name = time_edits(&deployment, &first.id, &file, runs, |text, run| {
        text.replacen(
            "upazila = { bn = \"",
            &format!("upazila = {{ bn = \"{run} "),
            1,
        )
    })
    .await;
    println!(
        "offices={} load_s={:.1} service_edit_ms median={:.1} max={:.1} name_edit_ms median={:.1} max={:.1}",
        offices.len(),
        loaded.as_secs_f64(),
        service.0.as_secs_f64() * 1e3,
        service.1.as_secs_f64() * 1e3,
        name.0.as_secs_f64() * 1e3,
        name.1.as_secs_f64() * 1e3,
    );
}

fn main() {
    citizen_charter::cli::tune_allocator();
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: reload_time FOLDER [RUNS]");
        std::process::exit(2);
    };
    let runs = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let dir = Path::new(&dir);
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        measure(dir, runs).await;
        // The same office alone in a folder.
        let files = Folder::open(dir)
            .and_then(|f| f.scan(None))
            .map(|s| s.files)
            .expect("the folder is read");
        let one = tempfile::tempdir().expect("a temporary folder");
        let first = files.first().expect("the folder has an office");
        std::fs::copy(
            first.file.path(),
            one.path().join(format!("{}.toml", first.id)),
        )
        .expect("the file is copied");
        measure(one.path(), runs).await;
    });
}
