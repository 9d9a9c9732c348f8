//! `charter check`: what a staff member sees, and the exit status a
//! deploy script relies on (0 valid, 1 invalid, 2 unreadable).

use std::process::Command;

use crate::support::*;

fn check(file: &std::path::Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_charter"))
        .arg("check")
        .arg(file)
        .output()
        .expect("charter runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn bundled_charter_is_valid_without_warnings() {
    let (code, stdout, stderr) = check(&bundled());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.ends_with("charter.toml: OK: 13 services, 1 officers, 0 warning(s)\n"),
        "{stdout}"
    );
    assert_eq!(stderr, "");
}

#[test]
fn invalid_charter_lists_every_error_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let source = std::fs::read_to_string(bundled())
        .unwrap()
        .replacen(
            "officer = \"assistant-programmer\"",
            "officer = \"asst-prog\"",
            1,
        )
        .replacen(
            "email = \"shakilcse96@gmail.com\"",
            "email = \"shakilcse96 gmail.com\"",
            1,
        );
    std::fs::write(&file, source).unwrap();
    let (code, stdout, stderr) = check(&file);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    let f = file.display();
    let expected = format!(
        "{f}:27:9: error: e-mail address \"shakilcse96 gmail.com\" is not valid\n \
         27 | email = \"shakilcse96 gmail.com\"\n    \
         |         ^^^^^^^^^^^^^^^^^^^^^^^\n    \
         = hint: write it like name@example.gov.bd: one @, no spaces\n    \
         = example: email = \"shakilcse96@gmail.com\"\n\
         {f}:37:11: error: unknown officer \"asst-prog\"\n \
         37 | officer = \"asst-prog\"\n    \
         |           ^^^^^^^^^^^\n    \
         = hint: known officers: assistant-programmer\n\
         2 errors in {f}\n"
    );
    assert_eq!(stderr, expected);
}

#[test]
fn syntax_error_points_at_the_spot() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    let source = std::fs::read_to_string(bundled()).unwrap().replacen(
        "slug = \"ict-advice\"",
        "slug = \"ict-advice",
        1,
    );
    std::fs::write(&file, &source).unwrap();
    let (code, _, stderr) = check(&file);
    assert_eq!(code, 1, "{stderr}");
    let line = source
        .lines()
        .position(|l| l == "slug = \"ict-advice")
        .unwrap()
        + 1;
    let first = stderr.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("{}:{line}:", file.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(" {line} | slug = \"ict-advice\n")),
        "{stderr}"
    );
    assert!(stderr.contains('^'), "{stderr}");
    assert!(
        stderr.ends_with(&format!("1 error in {}\n", file.display())),
        "{stderr}"
    );
}

#[test]
fn missing_english_is_a_warning_with_exit_0() {
    let (code, stdout, stderr) = check(&full_fixture());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("OK: 3 services, 2 officers, 2 warning(s)"),
        "{stdout}"
    );
    assert!(
        stderr
            .contains("full.toml:69:15: warning: service internal-leave: name has no English text"),
        "{stderr}"
    );
}

#[test]
fn unreadable_file_exits_2() {
    let (code, stdout, stderr) = check(std::path::Path::new("/no/such/charter.toml"));
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("/no/such/charter.toml: cannot read the charter file:"),
        "{stderr}"
    );
}
