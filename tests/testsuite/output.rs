//! The `charter` commands' output: a reader that stops early (`| head`)
//! ends it quietly, with the command's own exit status, and what the
//! commands read is bounded.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::*;

/// Runs the real `charter` with `args`, its output's reader gone before
/// it writes, and gives its exit status and what it said on standard
/// error (when only standard output is closed).
fn with_closed_output(args: &[&std::ffi::OsStr], close_stderr: bool) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_charter"))
        .args(args)
        .env_remove("CHARTER_STATE_DIR")
        .env_remove("STATE_DIRECTORY")
        .env_remove("CHARTER_FILE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    if close_stderr {
        drop(child.stderr.take());
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The bundled charter with `n` unknown keys: a report of `n` errors,
/// far more than a pipe holds.
fn many_errors(dir: &Path, n: usize) -> std::path::PathBuf {
    let extra: String = (0..n).map(|i| format!("unknown_key_{i} = 1\n")).collect();
    let text = std::fs::read_to_string(bundled()).unwrap().replacen(
        "[office]\n",
        &format!("[office]\n{extra}"),
        1,
    );
    let file = dir.join("charter.toml");
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn check_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let file = many_errors(dir.path(), 3000);
    let (code, stderr) = with_closed_output(&["check".as_ref(), file.as_os_str()], true);
    assert_eq!(code, 1, "the status of an invalid charter, not a panic");
    assert!(stderr.is_empty());

    let (code, stderr) = with_closed_output(&["check".as_ref(), bundled().as_os_str()], false);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn history_and_import_into_a_closed_pipe_end_quietly() {
    let state = tempfile::tempdir().unwrap();
    let history = citizen_charter::history::History::new(state.path(), 100);
    let loaded = citizen_charter::charter::load_file(&bundled()).unwrap();
    let text = std::fs::read_to_string(bundled()).unwrap();
    for i in 0..40 {
        history
            .record(
                format!("{text}# {i}\n").as_bytes(),
                &loaded.charter,
                std::time::SystemTime::now(),
            )
            .unwrap();
    }
    let (code, stderr) = with_closed_output(
        &[
            "history".as_ref(),
            "--state-dir".as_ref(),
            state.path().as_os_str(),
            "--charter".as_ref(),
            bundled().as_os_str(),
        ],
        false,
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");

    let portal = repo("tests/fixtures/portal.txt");
    let (code, stderr) = with_closed_output(&["import".as_ref(), portal.as_os_str()], false);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn import_reads_only_a_plain_file_of_a_sane_size() {
    let run = |file: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_charter"))
            .arg("import")
            .arg(file)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stderr) = run(Path::new("/dev/zero"));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("not a plain file"), "{stderr}");
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("portal.txt");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(citizen_charter::charter::MAX_FILE_BYTES + 1)
        .unwrap();
    let (code, stderr) = run(&big);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("larger than"), "{stderr}");
}
