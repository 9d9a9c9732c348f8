//! Writes the directory's pages as the server sends them, for checkers
//! (`scripts/nu-check.sh`): its home pages with the search form, search
//! results of every kind (found, found in another field and in the other
//! language's text, nothing found with and without close names, no
//! query) and its error pages, each in both languages:
//!
//! ```sh
//! cargo run --release --example directory_pages -- tests/fixtures/offices target/directory-pages
//! ```
//!
//! Files whose charter has errors are left out, as `charter build` leaves
//! them out.

use std::path::PathBuf;
use std::sync::Arc;

use citizen_charter::i18n::Lang;
use citizen_charter::offices::Folder;
use citizen_charter::render::{ErrorKind, Target};
use citizen_charter::site::{Compressor, Directory, Listed, Site, SiteOptions};
use citizen_charter::urls::{self, BaseUrl};

fn main() {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let [dir, out] = args.as_slice() else {
        eprintln!("usage: directory_pages FOLDER OUT");
        std::process::exit(2);
    };
    let options = SiteOptions {
        compressor: Compressor::new(),
        ..SiteOptions::default()
    };
    let offices: Vec<Listed> = (Folder::open(dir)
        .and_then(|f| f.scan(None))
        .map(|s| s.files)
        .expect("the folder is readable"))
    .into_iter()
    .filter_map(|file| {
        let site = Site::load_file(&file.file, &options).ok()?;
        let url = format!(
            "{}/",
            urls::website_url(site.charter.office.website.get_ref())
        );
        Some(Listed {
            id: file.id,
            site: Arc::new(site),
            url,
        })
    })
    .collect();
    let base = BaseUrl::new("https://charter.example.gov.bd");
    let directory = Directory::new(&offices, &base, Target::Server, &options.compressor)
        .expect("the directory renders");
    std::fs::create_dir_all(out).expect("the output folder can be made");
    let write = |name: String, body: &[u8]| {
        std::fs::write(out.join(&name), body).unwrap_or_else(|e| panic!("{name}: {e}"));
    };
    let queries = [
        ("found", "প্রশিক্ষণ", "training"),
        ("field", "অধিযাচনপত্র", "requisition"),
        ("other-language", "training", "প্রশিক্ষন"),
        ("closest", "প্রশিক্ষনের", "trainng"),
        ("none", "zzzz", "zzzz"),
        ("empty", "", ""),
    ];
    for lang in Lang::ALL {
        let home = directory.page(&urls::home(lang)).expect("a home page");
        write(format!("{lang}-home.html"), &home.identity());
        for (name, bn, en) in queries {
            let query = if lang == Lang::Bn { bn } else { en };
            let html = (directory.search_page(&offices, lang, query)).expect("the page renders");
            write(format!("{lang}-search-{name}.html"), html.as_bytes());
        }
        for (kind, name) in [
            (ErrorKind::BadRequest, "400"),
            (ErrorKind::NotFound, "404"),
            (ErrorKind::ServerError, "500"),
        ] {
            let page = directory.error_page(lang, kind);
            write(format!("{lang}-{name}.html"), &page.identity());
        }
    }
    println!(
        "{} pages of the directory of {} offices written to {}",
        2 * (1 + queries.len() + 3),
        offices.len(),
        out.display()
    );
}
