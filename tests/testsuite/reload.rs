//! Live reload, end to end: a valid edit shows on the next request, an
//! invalid edit is refused while the last good site keeps being served, and
//! `/healthz` says which is which.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::*;

const OLD_VISION: &str = "জ্ঞানভিত্তিক অর্থনীতি, সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার।";

fn copy_bundled(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("charter.toml");
    std::fs::copy(bundled(), &file).unwrap();
    file
}

fn edited_vision(file: &Path, vision: &str) -> String {
    std::fs::read_to_string(file)
        .unwrap()
        .replacen(OLD_VISION, vision, 1)
}

#[tokio::test]
async fn reload_swaps_good_charters_and_keeps_the_last_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_bundled(dir.path());
    let server = TestServer::start(&file).await;
    let first_hash = server.state.site().content_hash.clone();
    let first_etag = server.get("/bn/").await.header("etag").unwrap().to_string();

    save(&file, &edited_vision(&file, "নতুন ভিশন।"));
    server.state.reload().await.expect("valid edit reloads");
    let home = server.get("/bn/").await;
    assert!(home.body.contains("নতুন ভিশন।"));
    assert!(!home.body.contains(OLD_VISION));
    assert_ne!(
        home.header("etag").unwrap(),
        first_etag,
        "a new page gets a new ETag"
    );
    let health: serde_json::Value =
        serde_json::from_str(&server.get("/healthz").await.body).unwrap();
    assert_ne!(health["content_hash"], first_hash.as_str());
    assert!(health["last_reload_error"].is_null());

    save(
        &file,
        &std::fs::read_to_string(&file)
            .unwrap()
            .replacen("[charter]", "[charter\n", 1),
    );
    let error = server
        .state
        .reload()
        .await
        .expect_err("invalid edit is refused")
        .to_string();
    assert!(error.contains("charter.toml:"), "{error}");
    let home = server.get("/bn/").await;
    assert_eq!(home.status, 200);
    assert!(
        home.body.contains("নতুন ভিশন।"),
        "last good version still served"
    );
    let health = server.get("/healthz").await;
    assert_eq!(health.status, 200);
    let health: serde_json::Value = serde_json::from_str(&health.body).unwrap();
    // One line, where and what; the file's name, not where it lives on
    // the server (anyone may read /healthz).
    let shown = health["last_reload_error"].as_str().unwrap();
    assert!(shown.starts_with("charter.toml:"), "{health}");
    assert!(shown.contains("error"), "{health}");
    assert!(!shown.contains('\n'), "{health}");
    let folder = file.parent().unwrap().display().to_string();
    assert!(!health.to_string().contains(&folder), "{health}");
}

/// Polls `url` until its body contains `needle` (or fails after 60 s).
async fn wait_for(url: &str, needle: &str) {
    let client = client();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let body = client.get(url).send().await.unwrap().text().await.unwrap();
        if body.contains(needle) {
            return;
        }
        assert!(Instant::now() < deadline, "{url} never showed {needle}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_running_server_picks_up_saved_edits() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_bundled(dir.path());
    let (_server, base) = serve_binary(&file, &[], &[]).await;

    save(&file, &edited_vision(&file, "সম্পাদিত ভিশন।"));
    wait_for(&format!("{base}/bn/"), "সম্পাদিত ভিশন।").await;

    // An editor's swap file in the same folder is not a charter.
    std::fs::write(dir.path().join(".charter.toml.swp"), "garbage").unwrap();
    // A broken save: refused, reported, and the site stays up.
    let good = std::fs::read_to_string(&file).unwrap();
    save(
        &file,
        &good.replacen(
            "officer = \"assistant-programmer\"",
            "officer = \"nobody\"",
            1,
        ),
    );
    wait_for(&format!("{base}/healthz"), "unknown officer").await;
    let home = client().get(format!("{base}/bn/")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    assert!(home.text().await.unwrap().contains("সম্পাদিত ভিশন।"));

    // Fixing the file clears the error.
    save(&file, &good.replacen("সম্পাদিত ভিশন।", "আবার ভিশন।", 1));
    wait_for(&format!("{base}/bn/"), "আবার ভিশন।").await;
    wait_for(&format!("{base}/healthz"), "\"last_reload_error\":null").await;
}

#[cfg(unix)]
#[tokio::test]
async fn sighup_reloads_without_a_watcher() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_bundled(dir.path());
    let (server, base) = serve_binary(&file, &["--no-watch"], &[]).await;
    std::fs::write(&file, edited_vision(&file, "সংকেতে ভিশন।")).unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let body = client()
        .get(format!("{base}/bn/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        body.contains(OLD_VISION),
        "no watcher: nothing changes on its own"
    );
    server.hangup();
    wait_for(&format!("{base}/bn/"), "সংকেতে ভিশন।").await;
}

#[tokio::test]
async fn a_reload_that_drops_services_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_bundled(dir.path());
    let server = TestServer::start(&file).await;
    let health = |body: String| serde_json::from_str::<serde_json::Value>(&body).unwrap();
    assert!(health(server.get("/healthz").await.body)["removed_services"].is_null());

    // Cut off between two services, as an editor's mishap would: still a
    // valid charter, two services short.
    let text = std::fs::read_to_string(&file).unwrap();
    let cut = text.match_indices("[[services]]").nth(11).unwrap().0;
    save(&file, &text[..cut]);
    server
        .state
        .reload()
        .await
        .expect("a shorter charter is valid");
    let h = health(server.get("/healthz").await.body);
    assert_eq!(h["status"], "ok", "{h}");
    assert_eq!(h["removed_services"]["count"], 2, "{h}");
    assert_eq!(
        h["removed_services"]["slugs"],
        serde_json::json!([
            "union-digital-centre-support",
            "info-sarkar-internet-support"
        ]),
    );
    assert!(h["removed_services"]["at"].as_str().unwrap().ends_with('Z'));

    // Put back, the warning goes.
    save(&file, &text);
    server.state.reload().await.unwrap();
    let h = health(server.get("/healthz").await.body);
    assert!(h["removed_services"].is_null(), "{h}");
}

/// Points the link `link` at `target` in one step, as Kubernetes swaps a
/// ConfigMap's `..data` and a deployment its `current`: a new link, then
/// renamed over the old one.
#[cfg(unix)]
fn swap_link(link: &Path, target: &Path) {
    let mut name = link.file_name().unwrap().to_os_string();
    name.push(".new");
    let tmp = link.with_file_name(name);
    std::os::unix::fs::symlink(target, &tmp).unwrap();
    std::fs::rename(&tmp, link).unwrap();
}

#[cfg(unix)]
#[tokio::test]
async fn layouts_made_of_links_are_followed() {
    // A ConfigMap: charter.toml -> ..data/charter.toml, ..data -> v1.
    let dir = tempfile::tempdir().unwrap();
    let (v1, v2) = (dir.path().join("v1"), dir.path().join("v2"));
    for v in [&v1, &v2] {
        std::fs::create_dir(v).unwrap();
        std::fs::copy(bundled(), v.join("charter.toml")).unwrap();
    }
    std::fs::write(
        v2.join("charter.toml"),
        edited_vision(&v2.join("charter.toml"), "কনফিগম্যাপের ভিশন।"),
    )
    .unwrap();
    let data = dir.path().join("..data");
    std::os::unix::fs::symlink(&v1, &data).unwrap();
    let file = dir.path().join("charter.toml");
    std::os::unix::fs::symlink("..data/charter.toml", &file).unwrap();
    let (_server, base) = serve_binary(&file, &[], &[]).await;
    swap_link(&data, &v2);
    wait_for(&format!("{base}/bn/"), "কনফিগম্যাপের ভিশন।").await;

    // A link to a file in another folder, edited where it lives.
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("shared-charter.toml");
    std::fs::copy(bundled(), &target).unwrap();
    let link_dir = tempfile::tempdir().unwrap();
    let link = link_dir.path().join("charter.toml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (_server, base) = serve_binary(&link, &[], &[]).await;
    std::fs::write(&target, edited_vision(&target, "অন্য ফোল্ডারের ভিশন।")).unwrap();
    wait_for(&format!("{base}/bn/"), "অন্য ফোল্ডারের ভিশন।").await;
}

#[tokio::test]
async fn a_change_no_event_reports_is_seen_by_the_periodic_check() {
    // No watcher here: only the periodic check, and a change that keeps
    // the file's size and time, as a copy that keeps times would make.
    let dir = tempfile::tempdir().unwrap();
    let file = copy_bundled(dir.path());
    let server = TestServer::start(&file).await;
    citizen_charter::server::watch::check_periodically(server.deployment.clone());
    let before = std::fs::metadata(&file).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let same_size = text.replacen("অর্থনীতি", "অর্থনীতী", 1);
    assert_eq!(same_size.len(), text.len());
    std::fs::write(&file, &same_size).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(before)
        .unwrap();
    wait_for(&format!("{}/bn/", server.base), "অর্থনীতী").await;
    // Unchanged since, it is not loaded again.
    let loaded_at = server.state.site().loaded_at;
    tokio::time::sleep(citizen_charter::server::watch::CHECK_EVERY * 2).await;
    assert_eq!(server.state.site().loaded_at, loaded_at);
}

/// Waits until the log file `log` holds `needle`; its text.
async fn wait_for_log(log: &Path, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "{needle:?} never logged:\n{text}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_log_speaks_bangla_to_people_and_keeps_its_fields_for_machines() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let logs = tempfile::tempdir().unwrap();
    let file = copy_bundled(dir.path());
    let log = logs.path().join("serve.log");
    let state_dir = state.path().to_str().unwrap();
    let args = ["--lang", "bn", "--state-dir", state_dir];
    let (server, base) = serve_binary_logging(&file, &args, &log).await;
    let f = file.display();
    let text = wait_for_log(&log, " ঠিকানায়\n").await;
    for line in [
        format!(
            "ওয়েবসাইটে তোলা প্রতিটি সংস্করণ রাখা হচ্ছে {}-এ\n",
            state.path().join("history").display()
        ),
        "ইতিহাসে রাখা হয়েছে: প্রথম রাখা সংস্করণ version=1 services=13\n".to_string(),
        format!("{f} দেখানো হচ্ছে {base}/ ঠিকানায়\n"),
    ] {
        assert!(text.contains(&line), "{line}\n{text}");
    }

    // A save one service short: reloaded, kept, and warned of, the
    // numbers of a sentence in Bangla digits, the fields as they were.
    let full = std::fs::read_to_string(&file).unwrap();
    let cut = full.match_indices("[[services]]").nth(12).unwrap().0;
    save(&file, &full[..cut]);
    let text = wait_for_log(&log, "সেবা কম").await;
    for line in [
        "ইতিহাসে রাখা হয়েছে: বাদ পড়েছে info-sarkar-internet-support version=2 services=12\n",
        "চার্টার নতুন করে পড়া হয়েছে hash=",
        " WARN citizen_charter::server::state: সেভ করা চার্টারে আগেরটির চেয়ে ১টি সেবা কম: \
         info-sarkar-internet-support; ইচ্ছা করে না হয়ে থাকলে `charter history` ও `charter \
         restore` দিয়ে সেগুলো ফিরিয়ে আনুন count=1\n",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }

    // A save with a mistake: not taken, the report in Bangla; `/healthz`,
    // which machines read, stays in English.
    save(&file, &full.replacen("[charter]", "[charter\n", 1));
    let text = wait_for_log(&log, "চার্টার নতুন করে পড়া হয়নি").await;
    assert!(
        text.contains(
            " ERROR citizen_charter::server::state: চার্টার নতুন করে পড়া হয়নি; ওয়েবসাইট এখনো \
             শেষ সঠিক সংস্করণটি দেখাচ্ছে:\n"
        ),
        "{text}"
    );
    assert!(text.contains(&format!("\n{f}:")), "{text}");
    assert!(text.contains(": ত্রুটি: "), "{text}");
    let health = fetch(&base, reqwest::Method::GET, "/healthz", &[]).await;
    let health: serde_json::Value = serde_json::from_str(&health.body).unwrap();
    let shown = health["last_reload_error"].as_str().unwrap();
    assert!(shown.contains(": error: "), "{health}");
    drop(server);

    // Started again on the file with the mistake, in JSON: the version
    // the history kept is served; the message is in Bangla, the keys and
    // fields are those of before.
    let json = logs.path().join("serve.json");
    let mut args = args.to_vec();
    args.push("--log-json");
    let (server, _) = serve_binary_logging(&file, &args, &json).await;
    drop(server);
    let text = std::fs::read_to_string(&json).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let started = lines
        .iter()
        .find(|l| l["fields"]["version"] == 2 && l["level"] == "ERROR")
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(started["target"], "citizen_charter::server::state");
    let message = started["fields"]["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!(
            "{f} পড়া যাচ্ছে না; ঠিক না করা পর্যন্ত ইতিহাস ({}) থেকে ২ নম্বর সংস্করণ দেখানো হচ্ছে",
            state.path().join("history").display()
        )),
        "{message}"
    );
    // Every line for people has its message; the access log has none.
    assert!(
        lines
            .iter()
            .filter(|l| l["target"] != "access")
            .all(|l| l["timestamp"].is_string() && l["fields"]["message"].is_string()),
        "{text}"
    );

    // Without a version kept, the site is not started: said in Bangla.
    let empty = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_charter"))
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--lang",
            "bn",
            "--charter",
        ])
        .arg(&file)
        .arg("--state-dir")
        .arg(empty.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.ends_with(
            "ওয়েবসাইট চালু করা হয়নি। চার্টারটি ঠিক করুন, তারপর `charter check` চালিয়ে নিশ্চিত হোন।\n"
        ),
        "{stderr}"
    );
}
