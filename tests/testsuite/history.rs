//! Version history end to end: every distinct charter the server loads is
//! kept once, with what changed, up to the limit; `charter history` lists
//! them; a history that cannot be written never stops the site; and
//! `/healthz` says when an invalid save leaves an older version online.
//! The helpers here serve `restore.rs` too.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use citizen_charter::history::{Entry, History};
use citizen_charter::server::AppState;
use citizen_charter::site::{Site, SiteOptions};

use crate::support::*;

pub(crate) const OLD_VISION: &str = "জ্ঞানভিত্তিক অর্থনীতি, সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার।";

pub(crate) fn bundled_text() -> String {
    std::fs::read_to_string(bundled()).unwrap()
}

/// `text` without the `[[services]]` table whose slug is `slug`.
pub(crate) fn without_service(text: &str, slug: &str) -> String {
    let at = text.find(&format!("slug = \"{slug}\"")).unwrap();
    let start = text[..at].rfind("[[services]]").unwrap();
    let end = at + text[at..].find("\n[[").unwrap() + 1;
    format!("{}{}", &text[..start], &text[end..])
}

pub(crate) fn list(history: &History) -> Vec<Entry> {
    let (entries, damaged) = history.list().unwrap();
    assert!(damaged.is_empty(), "{damaged:?}");
    entries
}

/// The app with a history, on the production listener.
struct Served {
    base: String,
    state: Arc<AppState>,
    history: History,
    _server: TestServer,
}

async fn serve(file: &Path, state_dir: &Path, limit: usize) -> Served {
    let history = History::new(state_dir, limit);
    let options = SiteOptions::default();
    let site = Site::load(file, &options).unwrap();
    let state = AppState::new(site, file.to_path_buf(), options, Some(history.clone()));
    let server = TestServer::serve_state(state.clone()).await;
    Served {
        base: server.base.clone(),
        state,
        history,
        _server: server,
    }
}

pub(crate) async fn health(base: &str) -> serde_json::Value {
    let reply = fetch(base, reqwest::Method::GET, "/healthz", &[]).await;
    assert_eq!(reply.status, 200);
    serde_json::from_str(&reply.body).unwrap()
}

pub(crate) fn restore(number: &str, state: &Path, file: &Path) -> (i32, String, String) {
    charter(&[
        "restore".as_ref(),
        number.as_ref(),
        "--state-dir".as_ref(),
        state.as_os_str(),
        "--charter".as_ref(),
        file.as_os_str(),
    ])
}

#[tokio::test]
async fn each_distinct_load_is_kept_once_with_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let original = bundled_text();
    std::fs::write(&file, &original).unwrap();
    let served = serve(&file, state.path(), 100).await;

    let first = list(&served.history);
    assert_eq!(first.len(), 1);
    assert_eq!((first[0].number, first[0].services), (1, 13));
    assert!(first[0].changes.first);
    assert_eq!(
        health(&served.base).await["content_hash"],
        first[0].content_hash.as_str()
    );

    // A service deleted by mistake while another one's fee changes.
    let second = without_service(&original, "project-information").replacen(
        "fee = { bn = \"বিনামূল্যে\", en = \"Free of charge\" }",
        "fee = { bn = \"১০ টাকা\", en = \"Tk 10\" }",
        1,
    );
    save(&file, &second);
    served.state.reload().await.unwrap();
    let entries = list(&served.history);
    assert_eq!(entries.len(), 2);
    let newest = &entries[0];
    assert_eq!((newest.number, newest.services), (2, 12));
    assert_eq!(newest.changes.removed, ["project-information"]);
    assert_eq!(newest.changes.changed, ["office-information"]);
    assert!(newest.changes.added.is_empty() && newest.changes.sections.is_empty());
    let (_, bytes, _) = served.history.version(2).unwrap();
    assert_eq!(bytes, second.as_bytes(), "the exact bytes are kept");

    // Saved again unchanged, and a comment only: the same bytes add nothing,
    // new bytes with the same content are a version that says so.
    save(&file, &second);
    served.state.reload().await.unwrap();
    assert_eq!(list(&served.history).len(), 2);
    save(&file, &format!("# checked by the UNO\n{second}"));
    served.state.reload().await.unwrap();
    let entries = list(&served.history);
    assert_eq!(entries.len(), 3);
    assert!(entries[0].changes.is_empty(), "{:?}", entries[0].changes);

    save(&file, &second.replacen(OLD_VISION, "নতুন ভিশন।", 1));
    served.state.reload().await.unwrap();
    let entries = list(&served.history);
    assert_eq!(entries[0].number, 4);
    assert_eq!(entries[0].changes.sections, ["charter"]);
    assert!(entries[0].changes.changed.is_empty());

    // The first version, saved again: kept already, so no new entry, but
    // an event that the site went back to it.
    save(&file, &original);
    served.state.reload().await.unwrap();
    assert_eq!(list(&served.history).len(), 4);
    assert_eq!(served.history.current(), Some(1));

    let (code, stdout, stderr) = charter(&[
        "history".as_ref(),
        "--state-dir".as_ref(),
        state.path().as_os_str(),
        "--charter".as_ref(),
        file.as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.lines().nth(2).is_some_and(
            |l| l.starts_with("      ") && l.ends_with(" BST                back to version 1")
        ),
        "{stdout}"
    );
    let lines: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("   ") && !l.starts_with("      "))
        .collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    for (line, number) in lines.iter().zip(["4", "3", "2", "1"]) {
        assert!(
            line.trim_start().starts_with(&format!("{number}  ")),
            "{stdout}"
        );
    }
    assert!(
        lines[0].contains("12 services  also changed [charter]"),
        "{stdout}"
    );
    assert!(
        lines[2].contains("removed project-information; changed office-information"),
        "{stdout}"
    );
    assert!(
        lines[3].contains("13 services  first version kept  <- the charter file now"),
        "{stdout}"
    );
    assert!(stdout.contains("charter restore NUMBER"), "{stdout}");
}

#[tokio::test]
async fn the_limit_drops_the_oldest_versions() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, bundled_text()).unwrap();
    let served = serve(&file, state.path(), 2).await;
    for n in 2..=4 {
        save(
            &file,
            &bundled_text().replacen(OLD_VISION, &format!("ভিশন {n}"), 1),
        );
        served.state.reload().await.unwrap();
    }
    let numbers: Vec<u64> = list(&served.history).iter().map(|e| e.number).collect();
    assert_eq!(numbers, [4, 3]);
    let files = std::fs::read_dir(served.history.dir()).unwrap().count();
    assert_eq!(
        files, 6,
        "a .toml and a .json for each version kept, `current` and `charter-path`"
    );

    let (code, _, stderr) = restore("1", state.path(), &file);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("version 1 is not in the history"),
        "{stderr}"
    );

    // The folder systemd names (the first of several) when nothing else does.
    let out = without_language(&mut Command::new(env!("CARGO_BIN_EXE_charter")))
        .args(["history", "--charter"])
        .arg(&file)
        .env_remove("CHARTER_STATE_DIR")
        .env(
            "STATE_DIRECTORY",
            format!("{}:/nonexistent", state.path().display()),
        )
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    let numbers: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("   ")?.split_whitespace().next())
        .collect();
    assert_eq!(numbers, ["4", "3"], "{stdout}");
}

#[tokio::test]
async fn a_history_that_cannot_be_written_never_stops_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, bundled_text()).unwrap();
    // A file where the state folder should be.
    let state = dir.path().join("state");
    std::fs::write(&state, "").unwrap();
    let served = serve(&file, &state, 100).await;
    save(
        &file,
        &bundled_text().replacen(OLD_VISION, "তবুও নতুন ভিশন।", 1),
    );
    served
        .state
        .reload()
        .await
        .expect("the reload does not fail");
    let home = fetch(&served.base, reqwest::Method::GET, "/bn/", &[]).await;
    assert!(home.body.contains("তবুও নতুন ভিশন।"));
    // The site serves, and says that versions can no longer be kept.
    let h = health(&served.base).await;
    assert_eq!(h["status"], "degraded", "{h}");
    let reason = h["history_error"]["reason"].as_str().unwrap();
    assert!(reason.starts_with("cannot "), "{reason}");
    assert!(
        !reason.contains(dir.path().to_str().unwrap()),
        "no path: {reason}"
    );
}

#[tokio::test]
async fn health_says_why_versions_can_no_longer_be_kept_and_when_they_can_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, bundled_text()).unwrap();
    let state = dir.path().join("state");
    std::fs::create_dir(&state).unwrap();
    let (_server, base) = start_binary(&file, &state).await;
    assert_eq!(health(&base).await["status"], "ok");
    // The state folder's history can no longer be written: a file where
    // its folder of versions is (as a full or read-only disk refuses,
    // but also for root, whom permissions do not stop).
    std::fs::remove_dir_all(state.join("history")).unwrap();
    std::fs::write(state.join("history"), "").unwrap();
    save(
        &file,
        &bundled_text().replacen(OLD_VISION, "তবুও নতুন ভিশন।", 1),
    );
    let h = wait_health(&base, |h| h["status"] == "degraded").await;
    let reason = h["history_error"]["reason"].as_str().unwrap();
    assert!(reason.starts_with("cannot "), "{reason}");
    assert!(h["history_error"]["at"].is_string(), "{h}");
    let home = fetch(&base, reqwest::Method::GET, "/bn/", &[]).await;
    assert!(
        home.body.contains("তবুও নতুন ভিশন।"),
        "the site still follows the file"
    );
    // Once a version can be kept again, health says ok.
    std::fs::remove_file(state.join("history")).unwrap();
    save(&file, &bundled_text());
    let h = wait_health(&base, |h| h["status"] == "ok").await;
    assert!(h["history_error"].is_null(), "{h}");
}

/// The real server, its history in `state` given by `CHARTER_STATE_DIR`.
pub(crate) async fn start_binary(file: &Path, state: &Path) -> (Running, String) {
    serve_binary(file, &[], &[("CHARTER_STATE_DIR", state.as_os_str())]).await
}

/// Polls `/healthz` until `ready` holds for it (or fails after 60 s).
pub(crate) async fn wait_health(
    base: &str,
    ready: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let h = health(base).await;
        if ready(&h) {
            return h;
        }
        assert!(Instant::now() < deadline, "/healthz never got there: {h}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn an_invalid_save_is_stale_until_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, bundled_text()).unwrap();
    let (_server, base) = start_binary(&file, state.path()).await;
    let h = health(&base).await;
    assert_eq!(h["status"], "ok");
    assert!(h["last_reload_error_at"].is_null());

    let before = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let broken = bundled_text().replacen(
        "officer = \"assistant-programmer\"",
        "officer = \"nobody\"",
        1,
    );
    save(&file, &broken);
    let h = wait_health(&base, |h| h["status"] == "stale").await;
    assert!(
        h["last_reload_error"]
            .as_str()
            .unwrap()
            .contains("unknown officer")
    );
    let at = h["last_reload_error_at_unix"].as_u64().unwrap();
    assert!(at >= before, "{h}");
    assert!(h["last_reload_error_at"].as_str().unwrap().ends_with('Z'));
    let home = fetch(&base, reqwest::Method::GET, "/bn/", &[]).await;
    assert_eq!(home.status, 200, "a stale site still serves");
    assert_eq!(list(&History::new(state.path(), 100)).len(), 1);

    save(
        &file,
        &bundled_text().replacen(OLD_VISION, "ঠিক করা ভিশন।", 1),
    );
    let h = wait_health(&base, |h| h["status"] == "ok").await;
    assert!(h["last_reload_error"].is_null() && h["last_reload_error_at"].is_null());
    let entries = list(&History::new(state.path(), 100));
    assert_eq!(entries.len(), 2);
    assert_eq!(h["content_hash"], entries[0].content_hash.as_str());
}

/// `charter serve` with the settings of `start_binary`, run to its end.
fn serve_once(file: &Path, state: Option<&Path>, port: u16) -> (i32, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_charter"));
    without_language(&mut command)
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--charter"])
        .arg(file)
        .env_remove("CHARTER_STATE_DIR")
        .env_remove("STATE_DIRECTORY")
        .env_remove("RUST_LOG")
        .env_remove("CHARTER_LOG_JSON");
    if let Some(state) = state {
        command.env("CHARTER_STATE_DIR", state);
    }
    let out = command.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn a_restart_after_a_refused_save_serves_the_version_kept() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, bundled_text()).unwrap();
    let (server, base) = start_binary(&file, state.path()).await;
    assert_eq!(health(&base).await["status"], "ok");
    drop(server);
    let kept = list(&History::new(state.path(), 100));
    assert_eq!(kept.len(), 1);
    // As in a history from before the served file was noted: a restart
    // that serves a kept version notes it.
    std::fs::remove_file(state.path().join("history/charter-path")).unwrap();

    // Saved wrong while the server was down (or refused while it ran),
    // and then the machine restarts.
    let broken = bundled_text().replacen(
        "officer = \"assistant-programmer\"",
        "officer = \"nobody\"",
        1,
    );
    save(&file, &broken);
    let before = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let (_server, base) = start_binary(&file, state.path()).await;
    let h = health(&base).await;
    assert_eq!(h["status"], "stale", "{h}");
    assert_eq!(h["content_hash"], kept[0].content_hash.as_str());
    assert!(
        h["last_reload_error"]
            .as_str()
            .unwrap()
            .contains("unknown officer"),
        "{h}"
    );
    assert!(h["last_reload_error_at_unix"].as_u64().unwrap() >= before);
    assert_eq!(
        History::new(state.path(), 100).served_path(),
        Some(std::fs::canonicalize(&file).unwrap())
    );
    for path in ["/bn/", "/en/services/project-information"] {
        let page = fetch(&base, reqwest::Method::GET, path, &[]).await;
        assert_eq!(page.status, 200, "{path}");
    }

    // The file is still watched: a corrected save goes online.
    save(
        &file,
        &bundled_text().replacen(OLD_VISION, "ঠিক করা ভিশন।", 1),
    );
    let h = wait_health(&base, |h| h["status"] == "ok").await;
    assert!(h["last_reload_error"].is_null());
    let entries = list(&History::new(state.path(), 100));
    assert_eq!(entries.len(), 2);
    assert_eq!(h["content_hash"], entries[0].content_hash.as_str());
    assert_eq!(entries[0].changes.to_string(), "also changed [charter]");
}

#[test]
fn without_a_version_kept_an_invalid_charter_is_not_served() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, bundled_text().replacen("[charter]", "[charter\n", 1)).unwrap();
    let (code, stderr) = serve_once(&file, Some(state.path()), free_port());
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("The site was not started"), "{stderr}");
}

#[test]
fn serving_without_a_history_is_a_warning() {
    // The port is taken, so the server stops once it has said what it
    // does at the start.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let (code, stderr) = serve_once(&bundled(), None, port);
    // 2: the address cannot be used, as for every command that cannot
    // use what it was given.
    assert_eq!(code, 2, "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.contains("no history of versions is kept"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(line.contains("WARN"), "{line}");
}

#[tokio::test]
async fn changes_are_counted_from_the_version_shown_before() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let original = bundled_text();
    std::fs::write(&file, &original).unwrap();
    let served = serve(&file, state.path(), 100).await;
    save(&file, &without_service(&original, "project-information"));
    served.state.reload().await.unwrap();
    assert_eq!(served.history.current(), Some(2));

    let (code, _, stderr) = restore("1", state.path(), &file);
    assert_eq!(code, 0, "{stderr}");
    served.state.reload().await.unwrap();
    assert_eq!(list(&served.history).len(), 2, "no version is kept twice");
    assert_eq!(served.history.current(), Some(1));
    let events = served.history.events().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].back_to, events[0].after), (1, 2));

    // One fee changed in the version put back: that, and nothing of what
    // version 2 had done, is what version 3 changed.
    save(
        &file,
        &original.replacen(
            "fee = { bn = \"বিনামূল্যে\", en = \"Free of charge\" }",
            "fee = { bn = \"১০ টাকা\", en = \"Tk 10\" }",
            1,
        ),
    );
    served.state.reload().await.unwrap();
    let entries = list(&served.history);
    assert_eq!(entries[0].number, 3);
    assert_eq!(entries[0].changes.to_string(), "changed office-information");
    assert_eq!(served.history.current(), Some(3));

    let (code, stdout, stderr) = charter(&[
        "history".as_ref(),
        "--state-dir".as_ref(),
        state.path().as_os_str(),
        "--charter".as_ref(),
        file.as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().filter(|l| l.starts_with("   ")).collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert!(lines[0].starts_with("   3  "), "{stdout}");
    assert!(lines[0].ends_with("changed office-information  <- the charter file now"));
    assert!(
        lines[1]
            .trim_start()
            .ends_with(" BST                back to version 1"),
        "{stdout}"
    );
    assert!(lines[2].starts_with("   2  ") && lines[3].starts_with("   1  "));
    assert!(stdout.contains("Bangladesh"), "{stdout}");
    // Bangladesh time, UTC+06:00, in every line.
    let now = citizen_charter::history::commands::format_time(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    );
    let today = &now[..10];
    assert!(lines.iter().all(|l| l.contains(" BST ")), "{stdout}");
    assert!(lines[0].contains(today), "{stdout} {now}");

    // Restarting the server on the same file adds nothing.
    drop(served);
    let served = serve(&file, state.path(), 100).await;
    assert_eq!(served.history.events().unwrap().len(), 1);
    assert_eq!(list(&served.history).len(), 3);
}

#[cfg(target_os = "linux")]
#[test]
fn history_and_restore_do_not_wait_on_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let loaded = citizen_charter::charter::load_file(&bundled()).unwrap();
    History::new(state.path(), 100)
        .record(
            bundled_text().as_bytes(),
            &loaded.charter,
            SystemTime::now(),
        )
        .unwrap();
    let fifo = dir.path().join("charter.toml");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let run = |args: &[&OsStr]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_charter"))
            .args(args)
            .arg("--state-dir")
            .arg(state.path())
            .arg("--charter")
            .arg(&fifo)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("`charter {args:?}` waits on the pipe");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let out = child.wait_with_output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stdout, stderr) = run(&["history".as_ref()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("first version kept"), "{stdout}");
    assert!(stderr.contains("not a plain file"), "{stderr}");
    let (code, _, stderr) = run(&["restore".as_ref(), "1".as_ref()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("not a plain file"), "{stderr}");
}

/// A history in `state` whose versions are `texts`, oldest first, each
/// loaded now.
pub(crate) fn kept(state: &Path, texts: &[&str]) -> History {
    let history = History::new(state, 100);
    let dir = tempfile::tempdir().unwrap();
    for text in texts {
        let file = dir.path().join("charter.toml");
        std::fs::write(&file, text).unwrap();
        let loaded = citizen_charter::charter::load_file(&file).unwrap();
        history
            .record(text.as_bytes(), &loaded.charter, SystemTime::now())
            .unwrap();
    }
    history
}

#[test]
fn a_clerk_reads_the_history_in_bangla() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let second = without_service(&bundled_text(), "project-information");
    let history = kept(state.path(), &[&bundled_text(), &second]);
    std::fs::write(&file, &second).unwrap();
    let entries = list(&history);
    let when = |n: usize| {
        let at = entries[entries.len() - n].loaded_at_unix;
        citizen_charter::i18n::bn_digits(&citizen_charter::history::commands::format_time(at))
    };
    let args = |lang: &'static str| -> Vec<&OsStr> {
        vec![
            "history".as_ref(),
            "--state-dir".as_ref(),
            state.path().as_os_str(),
            "--charter".as_ref(),
            file.as_os_str(),
            "--lang".as_ref(),
            lang.as_ref(),
        ]
    };
    let (code, stdout, stderr) = charter(&args("bn"));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        format!(
            "{}-এ রাখা চার্টারের সংস্করণগুলো, সবচেয়ে নতুনটি সবার ওপরে (সময় বাংলাদেশের, BST):\n\n   \
             ২  {}   ১২টি সেবা  বাদ পড়েছে project-information  <- ফাইলে এখন এটি আছে\n   \
             ১  {}   ১৩টি সেবা  প্রথম রাখা সংস্করণ\n\nকোনো সংস্করণ ফিরিয়ে আনতে লিখুন charter \
             restore, তারপর বাঁ দিকের নম্বরটি (যেমন charter restore ২)\n",
            history.dir().display(),
            when(2),
            when(1),
        )
    );
    // The same list in English, as before.
    let (code, stdout, _) = charter(&args("en"));
    assert_eq!(code, 0);
    assert!(
        stdout.contains("   2  ") && stdout.contains("12 services  removed project-information"),
        "{stdout}"
    );
    // Without the state folder: what to give, in the clerk's language.
    let (code, stdout, stderr) = charter(&[
        "history".as_ref(),
        "--charter".as_ref(),
        file.as_os_str(),
        "--lang".as_ref(),
        "bn".as_ref(),
    ]);
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert_eq!(
        stderr,
        "state ফোল্ডার দেওয়া হয়নি: `charter serve` যে ফোল্ডার ব্যবহার করে, সেটি --state-dir বা \
         CHARTER_STATE_DIR দিয়ে দিন (systemd ইউনিট দিয়ে চালানো সার্ভারে: /var/lib/charter)\n"
    );
}
