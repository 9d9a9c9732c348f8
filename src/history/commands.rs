//! `charter history` and `charter restore`: what a clerk reads and the
//! exit status a script relies on.

use std::path::Path;
use std::process::ExitCode;

use super::restore::RestoreError;
use super::{Entry, Event, History, HistoryError};
use crate::calendar::bangladesh_time;
use crate::i18n::{digit_value, parse_number};
use crate::{errln, outln, outp};

/// The history `history` and `restore` read; exit status 2 when no state
/// folder is set.
fn open(state_dir: Option<&Path>, max_bytes: u64) -> Result<History, ExitCode> {
    match super::state_dir(state_dir) {
        Some(dir) if dir.is_dir() => {
            Ok(History::new(&dir, super::DEFAULT_LIMIT).with_max_bytes(max_bytes))
        }
        Some(dir) => {
            errln!("{}: no such folder", dir.display());
            Err(ExitCode::from(2))
        }
        None => {
            errln!(
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
pub fn list(state_dir: Option<&Path>, charter: &Path, max_bytes: u64) -> ExitCode {
    let history = match open(state_dir, max_bytes) {
        Ok(h) => h,
        Err(code) => return code,
    };
    let (entries, damaged) = match history.list() {
        Ok(listed) => listed,
        Err(e) => {
            errln!("{e}");
            return ExitCode::from(2);
        }
    };
    for e in &damaged {
        errln!("{e}");
    }
    if entries.is_empty() {
        outln!(
            "No versions kept yet in {}: the server keeps each version it loads.",
            history.dir().display()
        );
        return ExitCode::SUCCESS;
    }
    let served = other_served_file(&history, charter);
    if let Some(served) = &served {
        errln!(
            "warning: {} is not the charter file the server serves, which is {}: \
             give --charter {} or set CHARTER_FILE={} to see which version it holds",
            charter.display(),
            served.display(),
            served.display(),
            served.display()
        );
    }
    // Only the list of changes is lost without them.
    let events = history.events().unwrap_or_else(|e| {
        errln!("{e}");
        Vec::new()
    });
    let current = match crate::charter::read_limited(charter, history.max_bytes()) {
        Ok(bytes) => Some(crate::charter::hex_sha256(&bytes)),
        Err(e) => {
            errln!("{}: cannot read the charter file: {e}", charter.display());
            None
        }
    };
    outln!(
        "Versions of the charter kept in {}, newest first (times in Bangladesh, BST):\n",
        history.dir().display()
    );
    outp!("{}", listing(&entries, &events, current.as_deref()));
    if current.is_some_and(|h| !entries.iter().any(|e| e.content_hash == h)) {
        match &served {
            Some(served) => outln!(
                "\n{} is not in the list: it is not the file the server serves, which is {}.",
                charter.display(),
                served.display()
            ),
            None => outln!(
                "\n{} is not in the list: the server has not loaded it (`charter check` says why).",
                charter.display()
            ),
        }
    }
    outln!("\nTo put a version back: charter restore NUMBER");
    ExitCode::SUCCESS
}

/// `charter history` given a folder of offices: each office whose
/// versions are kept, with how many and the newest, and how to see one
/// office's. Exit status 0 listed, 2 the state folder cannot be read.
pub fn list_offices(state_dir: Option<&Path>, folder: &Path) -> ExitCode {
    let Some(state) = state_dir else {
        return match open(None, super::DEFAULT_LIMIT as u64) {
            Err(code) => code,
            Ok(_) => ExitCode::from(2),
        };
    };
    let offices = state.join("offices");
    let mut ids: Vec<String> = match std::fs::read_dir(&offices) {
        Ok(entries) => entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|id| crate::offices::folder::id_problem(id).is_none())
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            errln!("{}: cannot read the folder: {e}", offices.display());
            return ExitCode::from(2);
        }
    };
    ids.sort();
    if ids.is_empty() {
        outln!(
            "No versions kept yet in {}: the server keeps each version it loads of each office \
             of {}.",
            offices.display(),
            folder.display()
        );
        return ExitCode::SUCCESS;
    }
    outln!(
        "{} is a folder of offices; the versions kept of each, in {} (times in Bangladesh, BST):\n",
        folder.display(),
        offices.display()
    );
    let width = ids.iter().map(String::len).max().unwrap_or(0);
    for id in &ids {
        let history = History::new(&offices.join(id), super::DEFAULT_LIMIT);
        match history.list() {
            Ok((entries, _)) => match entries.first() {
                Some(newest) => outln!(
                    "  {id:width$}  {} version{}, the newest {} ({})",
                    entries.len(),
                    if entries.len() == 1 { "" } else { "s" },
                    newest.number,
                    format_time(newest.loaded_at_unix)
                ),
                None => outln!("  {id:width$}  none yet"),
            },
            Err(e) => errln!("{e}"),
        }
    }
    let example = folder.join(format!("{}.toml", ids[0]));
    outln!(
        "\nTo see one office's versions, name its file: charter history --charter {}",
        example.display()
    );
    outln!(
        "To put one back: charter restore NUMBER --charter {}",
        example.display()
    );
    ExitCode::SUCCESS
}

/// The charter file the server serves, as noted in `history`, when
/// `charter` is not that file; `None` when it is, or no server has noted
/// one.
fn other_served_file(history: &History, charter: &Path) -> Option<std::path::PathBuf> {
    let served = history.served_path()?;
    (super::canonical(charter).ok().as_ref() != Some(&served)).then_some(served)
}

/// `charter restore N`. Exit status 0 restored, 1 the version is not a
/// valid charter, 2 no such version, the charter path is not the file the
/// server serves or names no file, or a file cannot be read or written.
pub fn restore(state_dir: Option<&Path>, charter: &Path, number: &str, max_bytes: u64) -> ExitCode {
    let history = match open(state_dir, max_bytes) {
        Ok(h) => h,
        Err(code) => return code,
    };
    let Some(number) = version_number(number) else {
        let what = if number.chars().all(|c| digit_value(c).is_some()) {
            format!("version {number} is not in the history")
        } else {
            format!("\"{number}\" is not a version number")
        };
        errln!("{what}; {}", kept_versions(&history));
        return ExitCode::from(2);
    };
    let file = charter.display();
    match super::restore::restore(&history, number, charter) {
        Ok(r) => {
            if let Some(backup) = &r.backup {
                outln!(
                    "The charter file held a version the history does not have; it is copied to {}",
                    backup.display()
                );
            }
            let when = format_time(r.entry.loaded_at_unix);
            if r.written {
                outln!(
                    "Restored version {} ({when}, {} services) into {file}{}; \
                     a running server shows it in a moment.",
                    r.entry.number,
                    r.entry.services,
                    if r.in_place { ", written in place" } else { "" }
                );
                // An editor that still holds the text the restore replaced
                // puts it back at its next save.
                outln!("{}", AFTER_RESTORE);
            } else {
                outln!("{file} already holds version {} ({when}).", r.entry.number);
            }
            ExitCode::SUCCESS
        }
        Err(e @ RestoreError::Invalid { .. }) => {
            errln!("{e}");
            ExitCode::from(1)
        }
        Err(RestoreError::History(HistoryError::NotFound(n))) => {
            errln!(
                "version {n} is not in the history; {}",
                kept_versions(&history)
            );
            ExitCode::from(2)
        }
        Err(e) => {
            errln!("{e}");
            ExitCode::from(2)
        }
    }
}

/// What to do after a restore, in both languages whatever the command's:
/// the one mistake that undoes it without a word.
const AFTER_RESTORE: &str = "\
If the charter file is open in an editor (Notepad, WinSCP's editor), close it and open it \
again before you edit it: saving the text it still holds would undo this restore.
চার্টার ফাইলটি কোনো এডিটরে (Notepad, WinSCP-এর এডিটর) খোলা থাকলে, আবার সম্পাদনার আগে \
সেটি বন্ধ করে আবার খুলুন: এডিটরে থাকা পুরোনো লেখা সেভ করলে এই পুনরুদ্ধার মুছে যাবে।";

/// A version number typed in English or Bangla digits, with spaces
/// around it or not.
fn version_number(text: &str) -> Option<u64> {
    parse_number(text.trim())
}

/// Which versions `history` holds, as runs: "it holds versions 3-7, 9
/// (`charter history` lists them)".
fn kept_versions(history: &History) -> String {
    let mut numbers: Vec<u64> = match history.list() {
        Ok((entries, _)) => entries.iter().map(|e| e.number).collect(),
        Err(_) => Vec::new(),
    };
    if numbers.is_empty() {
        return "the history holds no versions yet".into();
    }
    numbers.sort_unstable();
    let mut runs: Vec<(u64, u64)> = Vec::new();
    for n in numbers {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == n => *end = n,
            _ => runs.push((n, n)),
        }
    }
    let runs: Vec<String> = runs
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect();
    format!(
        "it holds version{} {} (`charter history` lists them)",
        if runs.len() == 1 && !runs[0].contains('-') {
            ""
        } else {
            "s"
        },
        runs.join(", ")
    )
}

/// `unix` seconds as `2026-11-29 23:05 BST`: Bangladesh time, which the
/// staff who read it live by.
pub fn format_time(unix: u64) -> String {
    match i64::try_from(unix).ok().and_then(bangladesh_time) {
        Some(t) => t.strftime("%Y-%m-%d %H:%M BST").to_string(),
        None => "an unknown time".into(),
    }
}

/// The list `charter history` prints, newest first, with each load that
/// went back to an older version between the versions it came between;
/// `current` is the hash of the charter file as it is now, to mark that
/// version.
pub fn listing(entries: &[Entry], events: &[Event], current: Option<&str>) -> String {
    let mut events: Vec<&Event> = events.iter().collect();
    events.sort_by_key(|e| std::cmp::Reverse((e.after, e.at_unix)));
    let mut events = events.into_iter().peekable();
    let mut out = String::new();
    for e in entries {
        while let Some(event) = events.next_if(|ev| ev.after >= e.number) {
            out.push_str(&format!(
                "      {}                back to version {}\n",
                format_time(event.at_unix),
                event.back_to
            ));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_bangladesh_time() {
        // 2026-11-29 17:05 UTC is 23:05 in Dhaka; 20:00 UTC is the next day.
        assert_eq!(format_time(1_795_971_900), "2026-11-29 23:05 BST");
        assert_eq!(format_time(1_795_982_400), "2026-11-30 02:00 BST");
        assert_eq!(format_time(u64::MAX), "an unknown time");
    }

    #[test]
    fn version_numbers_in_either_script() {
        assert_eq!(version_number("12"), Some(12));
        assert_eq!(version_number("১২"), Some(12));
        assert_eq!(version_number(" 3 "), Some(3));
        assert_eq!(version_number("99999999999999999999"), None);
        assert_eq!(version_number("first"), None);
        assert_eq!(version_number("-1"), None);
        assert_eq!(version_number(""), None);
    }
}
