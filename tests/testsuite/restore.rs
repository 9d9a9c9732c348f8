//! `charter restore N` end to end: the real binary puts a version back,
//! keeping the file's permissions, while the server runs and reloads it;
//! content the history lacks is copied aside first; and what cannot be
//! restored is refused with the exit status a script relies on, and so is
//! a charter path that is not the file the server serves.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use citizen_charter::history::History;

use crate::history::*;
use crate::support::*;

#[tokio::test]
async fn restore_puts_a_version_back_and_the_server_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let original = bundled_text();
    std::fs::write(&file, &original).unwrap();
    let (_server, base) = start_binary(&file, state.path()).await;
    let first_hash = health(&base).await["content_hash"].clone();

    save(&file, &without_service(&original, "project-information"));
    wait_health(&base, |h| h["content_hash"] != first_hash).await;
    let gone = fetch(
        &base,
        reqwest::Method::GET,
        "/bn/services/project-information",
        &[],
    )
    .await;
    assert_eq!(gone.status, 404);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::Permissions::from_mode(0o640);
        std::fs::set_permissions(&file, mode).unwrap();
    }

    let (code, stdout, stderr) = restore("1", state.path(), &file);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Restored version 1"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "the file keeps its permissions");
    }
    wait_health(&base, |h| h["content_hash"] == first_hash).await;
    let back = fetch(
        &base,
        reqwest::Method::GET,
        "/bn/services/project-information",
        &[],
    )
    .await;
    assert_eq!(back.status, 200);
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != &file)
        .collect();
    assert!(
        leftovers.is_empty(),
        "nothing left beside it: {leftovers:?}"
    );
    assert_eq!(list(&History::new(state.path(), 100)).len(), 2);
}

#[tokio::test]
async fn a_save_that_undoes_a_restore_is_told_in_both_languages_and_in_health() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let original = bundled_text();
    std::fs::write(&file, &original).unwrap();
    let (_server, base) = start_binary(&file, state.path()).await;
    let first_hash = health(&base).await["content_hash"].clone();
    let cut = without_service(&original, "project-information");
    save(&file, &cut);
    let cut_hash =
        wait_health(&base, |h| h["content_hash"] != first_hash).await["content_hash"].clone();

    // The restore says, in both languages, what would undo it.
    let (code, stdout, stderr) = restore("1", state.path(), &file);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("close it and open it again before you edit it"),
        "{stdout}"
    );
    assert!(stdout.contains("বন্ধ করে আবার খুলুন"), "{stdout}");
    let h = wait_health(&base, |h| h["content_hash"] == first_hash).await;
    assert!(h["restore_undone"].is_null(), "{h}");

    // The editor, still holding the cut text, saves it again.
    save(&file, &cut);
    let h = wait_health(&base, |h| h["content_hash"] == cut_hash).await;
    assert_eq!(h["restore_undone"]["restored_version"], 1, "{h}");
    assert!(h["restore_undone"]["at"].is_string(), "{h}");
    // Any other save clears it.
    save(&file, &original.replacen(OLD_VISION, "আরেকটি ভিশন।", 1));
    let h = wait_health(&base, |h| h["content_hash"] != cut_hash).await;
    assert!(h["restore_undone"].is_null(), "{h}");
}

#[test]
fn restore_copies_content_the_history_lacks_aside() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let original = bundled_text();
    let loaded = citizen_charter::charter::load_file(&bundled()).unwrap();
    History::new(state.path(), 100)
        .record(original.as_bytes(), &loaded.charter, SystemTime::now())
        .unwrap();
    // An hour of edits with one mistake: refused by the server, so not kept.
    let unsaved = original.replacen("[charter]", "[charter\n", 1);
    std::fs::write(&file, &unsaved).unwrap();

    let (code, stdout, stderr) = restore("1", state.path(), &file);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
    let backups: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != &file)
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let name = backups[0].file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("charter.toml.before-restore-"), "{name}");
    assert!(stdout.contains(name), "{stdout}");
    assert_eq!(std::fs::read_to_string(&backups[0]).unwrap(), unsaved);

    // Restoring what the file holds already writes nothing.
    let (code, stdout, _) = restore("1", state.path(), &file);
    assert_eq!(code, 0);
    assert!(stdout.contains("already holds version 1"), "{stdout}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn restore_refuses_what_it_cannot_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, bundled_text()).unwrap();
    let history = History::new(state.path(), 100);
    let loaded = citizen_charter::charter::load_file(&bundled()).unwrap();
    // A version this program's checks refuse (as a stricter release might).
    history
        .record(b"[charter\n", &loaded.charter, SystemTime::now())
        .unwrap();
    let (code, _, stderr) = restore("1", state.path(), &file);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("version 1 is not a valid charter"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), bundled_text());

    // A stored copy changed by hand is not trusted.
    history
        .record(
            bundled_text().as_bytes(),
            &loaded.charter,
            SystemTime::now(),
        )
        .unwrap();
    let (_, _, stored) = history.version(2).unwrap();
    std::fs::write(&stored, "[office]\n").unwrap();
    let (code, _, stderr) = restore("2", state.path(), &file);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("does not match its hash"), "{stderr}");

    let (code, _, stderr) = restore("9", state.path(), &file);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("version 9 is not in the history"),
        "{stderr}"
    );
    let (code, _, stderr) = charter(&["restore".as_ref(), "1".as_ref()]);
    assert_eq!(code, 2, "no state folder: {stderr}");
    assert!(stderr.contains("--state-dir"), "{stderr}");
    let (code, _, _) = charter(&["restore".as_ref(), "first".as_ref()]);
    assert_eq!(code, 2, "not a number");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), bundled_text());
}

#[cfg(unix)]
#[test]
fn restore_writes_through_a_symbolic_link() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let original = bundled_text();
    let loaded = citizen_charter::charter::load_file(&bundled()).unwrap();
    History::new(state.path(), 100)
        .record(original.as_bytes(), &loaded.charter, SystemTime::now())
        .unwrap();
    std::fs::create_dir(dir.path().join("checkout")).unwrap();
    let real = dir.path().join("checkout/charter.toml");
    std::fs::write(&real, without_service(&original, "project-information")).unwrap();
    let link = dir.path().join("charter.toml");
    std::os::unix::fs::symlink("checkout/charter.toml", &link).unwrap();

    let (code, _, stderr) = restore("1", state.path(), &link);
    assert_eq!(code, 0, "{stderr}");
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_symlink(), "the link stays a link");
    assert_eq!(std::fs::read_to_string(&real).unwrap(), original);
}

#[test]
fn restores_in_one_second_each_keep_a_copy_and_only_the_newest_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let original = bundled_text();
    let loaded = citizen_charter::charter::load_file(&bundled()).unwrap();
    History::new(state.path(), 100)
        .record(original.as_bytes(), &loaded.charter, SystemTime::now())
        .unwrap();
    for i in 1..=12 {
        std::fs::write(&file, format!("{original}# edit {i}\n")).unwrap();
        let (code, stdout, stderr) = restore("1", state.path(), &file);
        assert_eq!(code, 0, "restore {i}: {stderr}");
        assert!(stdout.contains("copied to"), "{stdout}");
    }
    let mut copies: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != &file)
        .map(|p| {
            let copy = std::fs::read_to_string(p).unwrap();
            copy.strip_prefix(&original).unwrap().to_string()
        })
        .collect();
    copies.sort();
    let mut newest: Vec<String> = (3..=12).map(|i| format!("# edit {i}\n")).collect();
    newest.sort();
    assert_eq!(
        copies.len(),
        citizen_charter::history::restore::BACKUPS_KEPT
    );
    assert!(
        copies == newest,
        "the newest ten edits are kept: {copies:?}"
    );
}

#[test]
fn restore_names_the_versions_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, bundled_text()).unwrap();
    let loaded = citizen_charter::charter::load_file(&bundled()).unwrap();
    History::new(state.path(), 100)
        .record(
            bundled_text().as_bytes(),
            &loaded.charter,
            SystemTime::now(),
        )
        .unwrap();
    let (code, _, stderr) = restore("99999999999999999999", state.path(), &file);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("version 99999999999999999999 is not in the history; it holds version 1"),
        "{stderr}"
    );
    let (code, _, stderr) = restore("7", state.path(), &file);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("it holds version 1 (`charter history`"));
    let (code, _, stderr) = restore("first", state.path(), &file);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("\"first\" is not a version number"),
        "{stderr}"
    );
    let (code, stdout, stderr) = restore("১", state.path(), &file);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("already holds version 1"), "{stdout}");
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn restore_refuses_a_path_with_no_charter_file() {
    let state = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let original = bundled_text();
    let loaded = citizen_charter::charter::load_file(&bundled()).unwrap();
    let history = History::new(state.path(), 100);
    history
        .record(original.as_bytes(), &loaded.charter, SystemTime::now())
        .unwrap();
    std::fs::create_dir(elsewhere.path().join("some")).unwrap();
    let before = files_in(elsewhere.path());

    // In another folder, with neither --charter nor CHARTER_FILE: the
    // default `charter.toml` is not there.
    let (code, stdout, stderr) = charter_in(
        elsewhere.path(),
        &[
            "restore".as_ref(),
            "1".as_ref(),
            "--state-dir".as_ref(),
            state.path().as_os_str(),
        ],
    );
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains(
            "no charter file at charter.toml; give --charter or set CHARTER_FILE, \
             e.g. CHARTER_FILE=/srv/charter/charter.toml"
        ),
        "{stderr}"
    );
    assert!(!stdout.contains("shows it in a moment"), "{stdout}");
    // A new name is no charter file either.
    let (code, stdout, stderr) = charter_in(
        elsewhere.path(),
        &[
            "restore".as_ref(),
            "1".as_ref(),
            "--state-dir".as_ref(),
            state.path().as_os_str(),
            "--charter".as_ref(),
            "some/new.toml".as_ref(),
        ],
    );
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("no charter file at some/new.toml;"),
        "{stderr}"
    );
    assert_eq!(files_in(elsewhere.path()), before, "nothing was written");
    assert!(files_in(&elsewhere.path().join("some")).is_empty());

    // The file the server serves, deleted by mistake, is written afresh.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, &original).unwrap();
    history.note_served_path(&file).unwrap();
    std::fs::remove_file(&file).unwrap();
    let (code, stdout, stderr) = restore("1", state.path(), &file);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Restored version 1"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
}

#[tokio::test]
async fn history_and_restore_name_the_file_the_server_serves() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let original = bundled_text();
    std::fs::write(&file, &original).unwrap();
    let (_server, base) = start_binary(&file, state.path()).await;
    assert_eq!(health(&base).await["status"], "ok");
    let served = std::fs::canonicalize(&file).unwrap();
    assert_eq!(
        History::new(state.path(), 100).served_path(),
        Some(served.clone()),
        "the server notes the file it serves"
    );
    let served = served.display().to_string();

    // A valid charter, but not the one the site shows: a clerk's copy.
    let copy = elsewhere.path().join("charter.toml");
    let other = without_service(&original, "project-information");
    std::fs::write(&copy, &other).unwrap();
    let (code, stdout, stderr) = restore("1", state.path(), &copy);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains(&format!(
            "{} is not the charter file the server serves, which is {served}: \
             give --charter {served} or set CHARTER_FILE={served}; nothing was changed",
            copy.display()
        )),
        "{stderr}"
    );
    assert!(!stdout.contains("shows it in a moment"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), other);

    // The default `charter.toml` of another folder is refused the same way.
    let (code, _, stderr) = charter_in(
        elsewhere.path(),
        &[
            "restore".as_ref(),
            "1".as_ref(),
            "--state-dir".as_ref(),
            state.path().as_os_str(),
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "charter.toml is not the charter file the server serves, which is {served}"
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), other);
    // And a folder without one gets no new file.
    let empty = tempfile::tempdir().unwrap();
    let (code, _, stderr) = charter_in(
        empty.path(),
        &[
            "restore".as_ref(),
            "1".as_ref(),
            "--state-dir".as_ref(),
            state.path().as_os_str(),
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(&format!("which is {served}")), "{stderr}");
    assert!(files_in(empty.path()).is_empty());

    // `history` given the copy warns, and says why it is not listed.
    let (code, stdout, stderr) = charter(&[
        "history".as_ref(),
        "--state-dir".as_ref(),
        state.path().as_os_str(),
        "--charter".as_ref(),
        copy.as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "warning: {} is not the charter file the server serves, which is {served}",
            copy.display()
        )),
        "{stderr}"
    );
    assert!(
        stdout.contains(&format!(
            "{} is not in the list: it is not the file the server serves, which is {served}.",
            copy.display()
        )),
        "{stdout}"
    );
    assert!(!stdout.contains("has not loaded it"), "{stdout}");
    assert!(!stdout.contains("<- the charter file now"), "{stdout}");

    // The served file by another name (a link, `..`) is the same file.
    #[cfg(unix)]
    {
        let link = elsewhere.path().join("link.toml");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        let (code, stdout, stderr) = restore("1", state.path(), &link);
        assert_eq!(code, 0, "{stderr}");
        assert!(stdout.contains("already holds version 1"), "{stdout}");
    }
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let roundabout = dir.path().join("sub/../charter.toml");
    let (code, stdout, stderr) = charter(&[
        "history".as_ref(),
        "--state-dir".as_ref(),
        state.path().as_os_str(),
        "--charter".as_ref(),
        roundabout.as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(stdout.contains("<- the charter file now"), "{stdout}");
}

#[test]
fn a_clerk_restores_in_bangla_and_reads_the_advice_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let second = without_service(&bundled_text(), "project-information");
    let history = kept(state.path(), &[&bundled_text(), &second]);
    std::fs::write(&file, &second).unwrap();
    let restore_bn = |number: &str| {
        charter(&[
            "restore".as_ref(),
            number.as_ref(),
            "--state-dir".as_ref(),
            state.path().as_os_str(),
            "--charter".as_ref(),
            file.as_os_str(),
            "--lang".as_ref(),
            "bn".as_ref(),
        ])
    };
    // A number the history does not hold: which it holds, in Bangla
    // digits.
    let (code, stdout, stderr) = restore_bn("9");
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert_eq!(
        stderr,
        "৯ নম্বর সংস্করণ ইতিহাসে নেই; ইতিহাসে আছে ১-২ নম্বর সংস্করণ (তালিকা দেখায় `charter \
         history`)\n"
    );
    let (code, _, stderr) = restore_bn("প্রথম");
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.starts_with("\"প্রথম\" কোনো সংস্করণের নম্বর নয়; ইতিহাসে আছে ১-২ নম্বর সংস্করণ"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), second);

    // Version ১, typed in Bangla digits.
    let (code, stdout, stderr) = restore_bn("১");
    assert_eq!(code, 0, "{stderr}");
    let at = list(&history).last().unwrap().loaded_at_unix;
    let when =
        citizen_charter::i18n::bn_digits(&citizen_charter::history::commands::format_time(at));
    assert_eq!(
        stdout,
        format!(
            "১ নম্বর সংস্করণ ({when}, ১৩টি সেবা) {} ফাইলে ফিরিয়ে আনা হয়েছে; সার্ভার চালু থাকলে \
             কয়েক মুহূর্তের মধ্যে ওয়েবসাইট এটি দেখাবে।\n\
             চার্টার ফাইলটি কোনো এডিটরে (Notepad, WinSCP-এর এডিটর) খোলা থাকলে, আবার সম্পাদনার \
             আগে সেটি বন্ধ করে আবার খুলুন: এডিটরে থাকা পুরোনো লেখা সেভ করলে এই পুনরুদ্ধার মুছে \
             যাবে।\n\
             If the charter file is open in an editor (Notepad, WinSCP's editor), close it and \
             open it again before you edit it: saving the text it still holds would undo this \
             restore.\n",
            file.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), bundled_text());
    let (code, stdout, _) = restore_bn("1");
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        format!(
            "{} ফাইলে আগে থেকেই ১ নম্বর সংস্করণ আছে ({when})।\n",
            file.display()
        )
    );
    // In English, the advice comes in both languages too, English first.
    let (code, stdout, stderr) = restore("2", state.path(), &file);
    assert_eq!(code, 0, "{stderr}");
    let english = stdout.find("If the charter file is open").unwrap();
    let bangla = stdout.find("চার্টার ফাইলটি কোনো এডিটরে").unwrap();
    assert!(
        stdout.starts_with("Restored version 2 (") && english < bangla,
        "{stdout}"
    );
}
