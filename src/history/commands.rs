//! `charter history` and `charter restore`: what a clerk reads and the
//! exit status a script relies on.

use std::path::Path;
use std::process::ExitCode;

use super::restore::RestoreError;
use super::{Entry, History, MAX_VERSION_BYTES, read_bounded};

/// The history `history` and `restore` read; exit status 2 when no state
/// folder is set.
fn open(state_dir: Option<&Path>) -> Result<History, ExitCode> {
    match super::state_dir(state_dir) {
        Some(dir) if dir.is_dir() => Ok(History::new(&dir, super::DEFAULT_LIMIT)),
        Some(dir) => {
            eprintln!("{}: no such folder", dir.display());
            Err(ExitCode::from(2))
        }
        None => {
            eprintln!(
                "no state folder: give the one `charter serve` uses with --state-dir \
                 or CHARTER_STATE_DIR (with the systemd unit: /var/lib/charter)"
            );
            Err(ExitCode::from(2))
        }
    }
}

/// `charter history`: every version kept, newest first, the one the
/// charter file holds now marked. Exit status 0 listed, 2 the history
/// cannot be read.
pub fn list(state_dir: Option<&Path>, charter: &Path) -> ExitCode {
    let history = match open(state_dir) {
        Ok(h) => h,
        Err(code) => return code,
    };
    let (entries, damaged) = match history.list() {
        Ok(listed) => listed,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    for e in &damaged {
        eprintln!("{e}");
    }
    if entries.is_empty() {
        println!(
            "No versions kept yet in {}: the server keeps each version it loads.",
            history.dir().display()
        );
        return ExitCode::SUCCESS;
    }
    let current = read_bounded(charter, MAX_VERSION_BYTES)
        .ok()
        .map(|bytes| crate::charter::hex_sha256(&bytes));
    println!(
        "Versions of the charter kept in {}, newest first:\n",
        history.dir().display()
    );
    print!("{}", listing(&entries, current.as_deref()));
    if current.is_some_and(|h| !entries.iter().any(|e| e.content_hash == h)) {
        println!(
            "\n{} is not in the list: the server has not loaded it (`charter check` says why).",
            charter.display()
        );
    }
    println!("\nTo put a version back: charter restore NUMBER");
    ExitCode::SUCCESS
}

/// `charter restore N`. Exit status 0 restored, 1 the version is not a
/// valid charter, 2 no such version, or a file cannot be read or written.
pub fn restore(state_dir: Option<&Path>, charter: &Path, number: u64) -> ExitCode {
    let history = match open(state_dir) {
        Ok(h) => h,
        Err(code) => return code,
    };
    let file = charter.display();
    match super::restore::restore(&history, number, charter) {
        Ok(r) => {
            if let Some(backup) = &r.backup {
                println!(
                    "The charter file held a version the history does not have; it is copied to {}",
                    backup.display()
                );
            }
            let when = format_time(r.entry.loaded_at_unix);
            if r.written {
                println!(
                    "Restored version {} ({when}, {} services) into {file}{}; \
                     a running server shows it in a moment.",
                    r.entry.number,
                    r.entry.services,
                    if r.in_place { ", written in place" } else { "" }
                );
            } else {
                println!("{file} already holds version {} ({when}).", r.entry.number);
            }
            ExitCode::SUCCESS
        }
        Err(e @ RestoreError::Invalid { .. }) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

/// `unix` seconds as `2026-11-29 17:05 UTC`.
pub fn format_time(unix: u64) -> String {
    let days = unix / 86_400;
    // Year 9999 ends on day 2,932,896; a damaged entry may say anything.
    if days > 2_932_896 {
        return "an unknown time".into();
    }
    let date = crate::calendar::Date::from_unix_days(days as i64);
    let secs = unix % 86_400;
    format!(
        "{} {:02}:{:02} UTC",
        date.iso(),
        secs / 3600,
        secs / 60 % 60
    )
}

/// The list `charter history` prints, newest first; `current` is the hash
/// of the charter file as it is now, to mark that version.
pub fn listing(entries: &[Entry], current: Option<&str>) -> String {
    let mut out = String::new();
    for e in entries {
        let now = if current == Some(e.content_hash.as_str()) {
            "  <- the charter file now"
        } else {
            ""
        };
        out.push_str(&format!(
            "{:>4}  {}  {:>3} services  {}{now}\n",
            e.number,
            format_time(e.loaded_at_unix),
            e.services,
            e.changes
        ));
    }
    out
}
