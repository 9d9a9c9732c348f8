//! `charter build`: the static copy holds the same bytes the server sends,
//! but for the search form, and every link in it leads somewhere.

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;

use scraper::{Html, Selector};

use crate::support::*;

/// Runs `charter build` on `charter` into a new temporary folder.
fn build(charter: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_charter"))
        .args(["build", "--out"])
        .arg(out.path())
        .arg("--charter")
        .arg(charter)
        .status()
        .unwrap();
    assert!(status.success());
    out
}

/// The places a static page differs from the served one: the server's
/// search form, and the link to the list of every service the static copy
/// has in its place; the served page's link to the form that reports
/// what is wrong on it, which the static copy has nothing in place of.
/// Returns each page without those parts, after checking each is exactly
/// what it should be.
fn without_search_point(path: &str, lang: &str, served: &str, built: &str) -> (String, String) {
    let cut = |html: &str, start: &str, end: &str| -> (String, String) {
        assert_eq!(html.matches(start).count(), 1, "{path}: one {start}");
        let from = html.find(start).unwrap();
        let to = from + html[from..].find(end).unwrap() + end.len();
        (
            format!("{}{}", &html[..from], &html[to..]),
            html[from..to].to_string(),
        )
    };
    let (served_rest, form) = cut(served, "<form class=\"search\"", "</form>\n");
    assert!(
        form.starts_with(&format!(
            "<form class=\"search\" role=\"search\" action=\"/{lang}/search\" method=\"get\">"
        )),
        "{path}: {form}"
    );
    // An error page is no page of its own to report on.
    if path.ends_with("/404") {
        assert!(!served_rest.contains("feedback"), "{path}");
        assert!(!built.contains("feedback"), "{path}");
        return without_find_service(path, lang, served_rest, built);
    }
    let (served_rest, feedback) = cut(&served_rest, "<p class=\"feedback-link\">", "</p>\n");
    let label = match lang {
        "bn" => "এই পাতায় কিছু ভুল আছে কি?",
        _ => "Is anything wrong on this page?",
    };
    let page: String = form_urlencoded::byte_serialize(path.as_bytes()).collect();
    assert_eq!(
        feedback,
        format!(
            "<p class=\"feedback-link\"><a href=\"/{lang}/feedback?page={page}\">{label}</a></p>\n"
        ),
        "{path}"
    );
    assert!(
        !built.contains("feedback"),
        "{path}: the static copy has no link to the report form"
    );
    without_find_service(path, lang, served_rest, built)
}

/// The static page `built` without its link to the list of every
/// service, checked, beside `served_rest`.
fn without_find_service(
    path: &str,
    lang: &str,
    served_rest: String,
    built: &str,
) -> (String, String) {
    let cut = |html: &str, start: &str, end: &str| -> (String, String) {
        assert_eq!(html.matches(start).count(), 1, "{path}: one {start}");
        let from = html.find(start).unwrap();
        let to = from + html[from..].find(end).unwrap() + end.len();
        (
            format!("{}{}", &html[..from], &html[to..]),
            html[from..to].to_string(),
        )
    };
    let (built_rest, link) = cut(built, "<p class=\"find-service\">", "</p>\n");
    let label = match lang {
        "bn" => "সকল সেবার তালিকা (১৩টি)",
        _ => "List of all services (13)",
    };
    let current =
        if path == format!("/{lang}/services") || path.starts_with(&format!("/{lang}/services/")) {
            " aria-current=\"page\""
        } else {
            ""
        };
    assert_eq!(
        link,
        format!(
            "<p class=\"find-service\"><a href=\"/{lang}/services\"{current}>{label}</a></p>\n"
        ),
        "{path}"
    );
    assert!(
        !built.contains("<form"),
        "{path}: the static copy has no forms"
    );
    (served_rest, built_rest)
}

#[tokio::test]
async fn built_files_match_served_pages_byte_for_byte() {
    let out = build(&bundled());

    let server = TestServer::start(&bundled()).await;
    let site = server.state.site();
    assert_eq!(site.html_paths().len(), 2 * (3 + 13));
    let html_paths = site.html_paths();
    let paths = site.paths();
    assert!(paths.contains(&"/sitemap.xml") && paths.contains(&"/api/v1/charter.json"));
    for path in paths {
        let file = out.path().join(citizen_charter::urls::file_for(path));
        let on_disk = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let served = server.get(path).await;
        assert_eq!(served.status, 200);
        if html_paths.contains(&path) {
            let lang = &path[1..3];
            let built = String::from_utf8(on_disk.clone()).unwrap();
            let (served_rest, built_rest) = without_search_point(path, lang, &served.body, &built);
            assert!(
                built_rest == served_rest,
                "{path}: built page differs from the served one beyond the search form"
            );
        } else if path == "/robots.txt" {
            // The server's also keeps crawlers out of its staff area and
            // report form, which the static copy does not have.
            let staff = "Disallow: /bn/staff/\nDisallow: /en/staff/\n\
                         Disallow: /bn/feedback\nDisallow: /en/feedback\n";
            assert_eq!(
                served.body.replacen(staff, "", 1).as_bytes(),
                on_disk,
                "{path}"
            );
            assert!(served.body.contains(staff));
        } else {
            assert!(
                on_disk == served.bytes,
                "{path}: built file differs from served page"
            );
        }

        let gz = std::fs::read(format!("{}.gz", file.display())).unwrap();
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, on_disk, "{path}.gz");

        let br = std::fs::read(format!("{}.br", file.display())).unwrap();
        let mut unbrotli = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut unbrotli)
            .unwrap();
        assert_eq!(unbrotli, on_disk, "{path}.br");
    }

    // Assets under their fingerprinted names, and the error pages.
    for asset in citizen_charter::assets::all() {
        let file = out.path().join("static").join(&asset.fingerprinted);
        assert_eq!(
            std::fs::read(&file).unwrap(),
            asset_bytes(&server, &asset.fingerprinted).await
        );
    }
    // The icon, also where clients look for it unasked.
    let icon = server.get("/favicon.ico").await;
    assert_eq!(icon.status, 200);
    assert_eq!(
        std::fs::read(out.path().join("favicon.ico")).unwrap(),
        icon.bytes
    );
    for lang in ["bn", "en"] {
        let not_found =
            std::fs::read_to_string(out.path().join(format!("{lang}/404.html"))).unwrap();
        let served = server.get(&format!("/{lang}/no-such-page")).await;
        assert_eq!(served.status, 404);
        let (served_rest, built_rest) =
            without_search_point(&format!("/{lang}/404"), lang, &served.body, &not_found);
        assert!(
            built_rest == served_rest,
            "{lang}/404.html differs from the served 404 page"
        );
    }
    let not_found = std::fs::read_to_string(out.path().join("en/404.html")).unwrap();
    assert!(not_found.contains("Page not found"));

    // The root sends visitors to the Bangla home page without JavaScript.
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(
        index.contains("<meta http-equiv=\"refresh\" content=\"0; url=/bn/\">"),
        "{index}"
    );
    assert!(index.contains("href=\"/en/\""));
    assert!(!index.contains("<script"));
}

async fn asset_bytes(server: &TestServer, name: &str) -> Vec<u8> {
    let reply = server.get(&format!("/static/{name}")).await;
    assert_eq!(reply.status, 200, "{name}");
    reply.bytes
}

#[test]
fn build_refuses_an_invalid_charter() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, "[office]\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_charter"))
        .args(["build", "--out"])
        .arg(dir.path().join("site"))
        .arg("--charter")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("site").exists(), "nothing is written");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: the [office] section has no \"government\""),
        "{stderr}"
    );
}

/// Every link, image, form and stylesheet in the static copy (and every
/// `url()` in its stylesheets) leads to a file of the copy, as nginx maps
/// paths to files (`try_files $uri $uri.html $uri/index.html`), and every
/// `#fragment` to an element of that page. Addresses on other sites, and
/// `tel:` and `mailto:` links, are not followed.
#[test]
fn the_static_copy_has_no_dead_ends() {
    for charter in [bundled(), full_fixture()] {
        let out = build(&charter);
        let dead = dead_ends(out.path(), 100);
        assert!(
            dead.is_empty(),
            "{}: {} links in the static copy lead nowhere:\n{}",
            charter.display(),
            dead.len(),
            dead.join("\n")
        );
    }
}

/// The files of the copy under `out`, by their path from `out`.
fn files_under(out: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut dirs = vec![out.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let relative = path.strip_prefix(out).unwrap().to_string_lossy();
                files.push(relative.replace(std::path::MAIN_SEPARATOR, "/"));
            }
        }
    }
    files.sort();
    files
}

/// Each reference that leads nowhere, as `file: attribute="value": why`;
/// the copy must have at least `expected` references.
fn dead_ends(out: &Path, expected: usize) -> Vec<String> {
    let files: BTreeSet<String> = files_under(out).into_iter().collect();
    // The ids of each HTML file, for fragments.
    let mut ids: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut references = Vec::new();
    let any = Selector::parse("[href], [src], [action], meta[http-equiv=refresh]").unwrap();
    let with_id = Selector::parse("[id]").unwrap();
    for file in files.iter().filter(|f| f.ends_with(".html")) {
        let html = Html::parse_document(&std::fs::read_to_string(out.join(file)).unwrap());
        ids.insert(
            file.clone(),
            html.select(&with_id)
                .filter_map(|e| e.value().attr("id"))
                .map(String::from)
                .collect(),
        );
        for element in html.select(&any) {
            for attribute in ["href", "src", "action"] {
                if let Some(value) = element.value().attr(attribute) {
                    references.push((file.clone(), attribute, value.to_string()));
                }
            }
            if let Some(content) = element.value().attr("content")
                && let Some((_, url)) = content.split_once("url=")
            {
                references.push((file.clone(), "content", url.trim().to_string()));
            }
        }
    }
    for file in files.iter().filter(|f| f.ends_with(".css")) {
        let css = std::fs::read_to_string(out.join(file)).unwrap();
        for piece in css.split("url(").skip(1) {
            let url = piece[..piece.find(')').unwrap()].trim_matches(['"', '\'', ' ']);
            references.push((file.clone(), "url()", url.to_string()));
        }
    }
    assert!(
        references.len() > expected,
        "only {} references found: is the copy empty?",
        references.len()
    );

    let mut dead = Vec::new();
    for (file, attribute, value) in &references {
        let why = |why: &str| format!("{file}: {attribute}=\"{value}\": {why}");
        if value.is_empty() {
            dead.push(why("empty"));
            continue;
        }
        if value.starts_with("//")
            || value
                .split_once(':')
                .is_some_and(|(scheme, _)| !scheme.contains('/'))
        {
            // Another site, the site's own public address, or a phone or
            // e-mail link: nothing in the copy to check.
            continue;
        }
        let (rest, fragment) = match value.split_once('#') {
            Some((rest, fragment)) => (rest, Some(fragment)),
            None => (value.as_str(), None),
        };
        if rest.contains('?') {
            dead.push(why("a query needs a server"));
            continue;
        }
        let target = if rest.is_empty() {
            Some(file.clone())
        } else {
            let url = resolve(&url_of(file), rest);
            let path = url.trim_start_matches('/');
            [
                path.to_string(),
                format!("{path}.html"),
                format!(
                    "{}index.html",
                    if path.is_empty() || path.ends_with('/') {
                        path.to_string()
                    } else {
                        format!("{path}/")
                    }
                ),
            ]
            .into_iter()
            .find(|candidate| files.contains(candidate))
        };
        let Some(target) = target else {
            dead.push(why("no such file in the copy"));
            continue;
        };
        if let Some(fragment) = fragment
            && !ids.get(&target).is_some_and(|ids| ids.contains(fragment))
        {
            dead.push(why(&format!("{target} has no element with this id")));
        }
    }
    dead
}

/// The address a file of the copy is reached at: `bn/index.html` is
/// `/bn/`, `bn/services.html` is `/bn/services`.
fn url_of(file: &str) -> String {
    if let Some(dir) = file.strip_suffix("index.html") {
        format!("/{dir}")
    } else if let Some(page) = file.strip_suffix(".html") {
        format!("/{page}")
    } else {
        format!("/{file}")
    }
}

/// `reference` resolved against the page at `base`, both paths.
fn resolve(base: &str, reference: &str) -> String {
    let joined = if reference.starts_with('/') {
        reference.to_string()
    } else {
        format!("{}{reference}", &base[..=base.rfind('/').unwrap()])
    };
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = joined.split('/').collect();
    for (i, segment) in parts.iter().enumerate() {
        match *segment {
            "." => {}
            ".." => {
                segments.pop();
            }
            "" if i != 0 && i != parts.len() - 1 => {}
            s => segments.push(s),
        }
    }
    segments.join("/")
}

#[test]
fn references_resolve_like_a_browser() {
    assert_eq!(resolve("/bn/services", "/static/x.css"), "/static/x.css");
    assert_eq!(resolve("/bn/services/a", "b"), "/bn/services/b");
    assert_eq!(
        resolve("/static/style.css", "fonts/a.woff2"),
        "/static/fonts/a.woff2"
    );
    assert_eq!(resolve("/static/style.css", "../bn/"), "/bn/");
    assert_eq!(url_of("bn/index.html"), "/bn/");
    assert_eq!(url_of("index.html"), "/");
    assert_eq!(url_of("bn/services/x.html"), "/bn/services/x");
}

/// `charter build` of a folder of offices into a new temporary folder:
/// (output folder, exit status, stdout, stderr).
pub(crate) fn build_folder(charters: &Path) -> (tempfile::TempDir, i32, String, String) {
    let out = tempfile::tempdir().unwrap();
    let (status, stdout, stderr) = charter(&[
        "build".as_ref(),
        "--charter".as_ref(),
        charters.as_os_str(),
        "--out".as_ref(),
        out.path().as_os_str(),
        "--base-url".as_ref(),
        DIRECTORY.as_ref(),
    ]);
    (out, status, stdout, stderr)
}

#[tokio::test]
async fn a_folder_is_built_as_a_site_per_office_and_the_directory() {
    // The fixtures, the invalid one among them, registered: the valid
    // ones as `charter offices init` registers them, the invalid one by
    // hand (its file was broken after).
    let charters = OfficeFolder::new();
    for entry in std::fs::read_dir(offices_fixture()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, charters.path().join(path.file_name().unwrap())).unwrap();
    }
    assert_eq!(charters.register().len(), 3);
    let registry = std::fs::read_to_string(charters.registry()).unwrap();
    std::fs::write(
        charters.registry(),
        format!("{registry}broken = [\"doict.bhaluka.mymensingh.gov.bd\"]\n"),
    )
    .unwrap();
    let (out, status, stdout, stderr) = build_folder(charters.path());
    // The invalid file is reported as `check` reports it, and the others
    // are written all the same.
    assert_eq!(status, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("broken.toml:4:1: error: the [office] section has no \"government\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 of 4 offices were not built: their files have the errors above"),
        "{stderr}"
    );
    assert!(
        stdout.starts_with("wrote 3 offices and the directory: "),
        "{stdout}"
    );
    let mut folders: Vec<String> = (std::fs::read_dir(out.path()).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(
        folders,
        [
            "_directory",
            "doict.haluaghat.mymensingh.gov.bd",
            "doict.savar.dhaka.gov.bd",
            "ict.testpur.sampleganj.gov.bd",
        ]
    );
    for host in &folders {
        for file in [
            "index.html",
            "bn/index.html",
            "en/index.html",
            "en/404.html",
            "favicon.ico",
        ] {
            let path = out.path().join(host).join(file);
            assert!(path.is_file(), "{}", path.display());
        }
        assert!(out.path().join(host).join("bn/index.html.br").is_file());
    }
    let site = out.path().join("doict.savar.dhaka.gov.bd");
    assert!(site.join("bn/services/e-nothi-training.html").is_file());
    assert!(site.join("api/v1/charter.json").is_file());
    let directory = out.path().join("_directory");
    for file in [
        "api/v1/offices.json",
        "sitemap.xml",
        "robots.txt",
        "bn/404.html",
    ] {
        assert!(directory.join(file).is_file(), "{file}");
    }
    assert!(!directory.join("bn/search.html").exists());
    let dead = dead_ends(&directory, 40);
    assert!(dead.is_empty(), "{}", dead.join("\n"));

    // Served as nginx serves the folder to a host that is no office's.
    let server = FileServer::start(&directory);
    let page = server.get("/en/").await;
    assert_eq!(page.status, 200);
    let html = page.html();
    let links: Vec<&str> = (select(&html, "dl.offices dd a").iter())
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(
        links,
        [
            "https://doict.savar.dhaka.gov.bd/en/",
            "https://doict.haluaghat.mymensingh.gov.bd/en/",
            "https://ict.testpur.sampleganj.gov.bd/en/",
        ]
    );
    // No search in the static copy: the list of every office instead.
    assert!(select(&html, "form").is_empty());
    assert_eq!(
        select(&html, ".find-service a")
            .iter()
            .map(text_of)
            .collect::<Vec<_>>(),
        ["List of all offices (3)"]
    );
    let offices: serde_json::Value =
        serde_json::from_str(&server.get("/api/v1/offices.json").await.body).unwrap();
    assert_eq!(offices["offices"].as_array().unwrap().len(), 3);
    let missing = server.get("/bn/no-such-page").await;
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("পাতাটি পাওয়া যায়নি"));
    // Each office's own folder, as its host gets it.
    let office = FileServer::start(&out.path().join("doict.haluaghat.mymensingh.gov.bd"));
    assert_eq!(office.get("/bn/services/ict-training").await.status, 200);
}

#[test]
fn a_folder_build_needs_the_directory_s_address() {
    let out = tempfile::tempdir().unwrap();
    let (status, _, stderr) = charter(&[
        "build".as_ref(),
        "--charter".as_ref(),
        offices_fixture().as_os_str(),
        "--out".as_ref(),
        out.path().as_os_str(),
    ]);
    assert_eq!(status, 2);
    assert!(stderr.contains("--base-url"), "{stderr}");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}
