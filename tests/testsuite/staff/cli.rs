//! `charter staff`: accounts and the audit log from the terminal; and
//! what the public site and the static copy say of the staff area.

use std::ffi::OsStr;

use crate::support::{charter, repo};

fn run(
    state: &std::path::Path,
    charter_file: &std::path::Path,
    args: &[&str],
) -> (i32, String, String) {
    let mut all: Vec<&OsStr> = vec![
        OsStr::new("staff"),
        OsStr::new("--state-dir"),
        state.as_os_str(),
    ];
    all.push(OsStr::new("--charter"));
    all.push(charter_file.as_os_str());
    all.extend(args.iter().map(OsStr::new));
    charter(&all)
}

#[test]
fn accounts_are_added_listed_disabled_enabled_and_reset_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let file = repo("charter.toml");
    let (code, out, err) = run(&state, &file, &["add", "Rahima"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("added rahima (charter)\n"), "{out}");
    let link = out.lines().last().unwrap();
    assert!(
        link.starts_with("https://doict.haluaghat.mymensingh.gov.bd/bn/staff/password/"),
        "{out}"
    );
    assert_eq!(link.rsplit('/').next().unwrap().len(), 64);
    let (code, _, err) = run(&state, &file, &["add", "rahima"]);
    assert_eq!(code, 1);
    assert!(err.contains("exists already"), "{err}");
    let (code, _, err) = run(&state, &file, &["add", "karim", "--office", "savar"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("this server serves one office, charter"),
        "{err}"
    );
    assert_eq!(run(&state, &file, &["add", "boss", "--admin"]).0, 0);
    let (_, list, _) = run(&state, &file, &["list"]);
    assert!(
        list.contains("boss") && list.contains("(administrator)"),
        "{list}"
    );
    assert!(
        list.contains("rahima") && list.contains("waiting for a password"),
        "{list}"
    );
    assert_eq!(run(&state, &file, &["disable", "rahima"]).0, 0);
    assert!(run(&state, &file, &["list"]).1.contains("disabled"));
    assert_eq!(run(&state, &file, &["enable", "RAHIMA"]).0, 0);
    let (code, out, _) = run(&state, &file, &["reset", "rahima", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(out.contains("/en/staff/password/"), "{out}");
    assert_ne!(out.lines().last().unwrap(), link, "a new link");
    assert_eq!(run(&state, &file, &["disable", "nobody"]).0, 1);
    let (code, audit, _) = run(&state, &file, &["audit"]);
    assert_eq!(code, 0);
    let actions: Vec<&str> = audit
        .lines()
        .map(|l| l.split("  ").nth(3).unwrap_or(""))
        .collect();
    assert_eq!(
        actions,
        [
            "account-reset: rahima",
            "account-enabled: rahima",
            "account-disabled: rahima",
            "account-added: boss",
            "account-added: rahima"
        ],
        "{audit}"
    );
}

#[test]
fn a_folder_s_accounts_name_an_office_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let folder = repo("tests/fixtures/offices");
    let (code, _, err) = run(&state, &folder, &["add", "rahima"]);
    assert_eq!(code, 1);
    assert!(err.contains("--office"), "{err}");
    let (code, out, err) = run(&state, &folder, &["add", "rahima", "--office", "savar"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("https://doict.savar.dhaka.gov.bd/bn/staff/password/"),
        "{out}"
    );
    assert_eq!(
        run(&state, &folder, &["add", "x1", "--office", "nowhere"]).0,
        1
    );
}

#[tokio::test]
async fn robots_keep_out_of_the_staff_area_and_the_static_copy_has_none_of_it() {
    let server = super::StaffServer::single().await;
    let mut browser = server.browser("charter.localhost");
    let robots = browser.get("/robots.txt").await;
    assert!(
        robots
            .body
            .contains("Disallow: /bn/staff/\nDisallow: /en/staff/\n"),
        "{}",
        robots.body
    );
    let home = browser.get("/bn/").await;
    assert!(
        !home.body.contains("/staff"),
        "no public page links the staff area"
    );
    let out = tempfile::tempdir().unwrap();
    let built = out.path().join("site");
    let (code, _, err) = charter(&[
        OsStr::new("build"),
        OsStr::new("--charter"),
        repo("charter.toml").as_os_str(),
        OsStr::new("--out"),
        built.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut stack = vec![built.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            assert!(
                !path.to_string_lossy().contains("staff"),
                "{}",
                path.display()
            );
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html" || e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(!text.contains("/staff"), "{}", path.display());
            }
        }
    }
}
