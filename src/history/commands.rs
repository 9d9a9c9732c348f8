//! `charter history` and `charter restore`: what a clerk reads, in
//! Bangla or English, and the exit status a script relies on.

use std::path::Path;
use std::process::ExitCode;

use super::restore::RestoreError;
use super::{Entry, Event, History, HistoryError};
use crate::calendar::bangladesh_time;
use crate::charter::io_reason;
use crate::i18n::{Lang, Value, Words, digit_value, parse_number};
use crate::{errln, outln, outp};

/// A path, as messages name it.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The history `history` and `restore` read; exit status 2 when no state
/// folder is set.
fn open(state_dir: Option<&Path>, max_bytes: u64, lang: Lang) -> Result<History, ExitCode> {
    match super::state_dir(state_dir) {
        Some(dir) if dir.is_dir() => {
            Ok(History::new(&dir, super::DEFAULT_LIMIT).with_max_bytes(max_bytes))
        }
        Some(dir) => {
            let said = Words::new("history-no-such-folder").arg("folder", shown(&dir));
            errln!("{}", said.in_lang(lang));
            Err(ExitCode::from(2))
        }
        None => {
            errln!("{}", Words::new("history-no-state-folder").in_lang(lang));
            Err(ExitCode::from(2))
        }
    }
}

/// `charter history`: every version kept, newest first, the one the
/// charter file holds now marked, in `lang`. Exit status 0 listed, 2 the
/// history cannot be read.
pub fn list(state_dir: Option<&Path>, charter: &Path, max_bytes: u64, lang: Lang) -> ExitCode {
    let history = match open(state_dir, max_bytes, lang) {
        Ok(h) => h,
        Err(code) => return code,
    };
    let (entries, damaged) = match history.list() {
        Ok(listed) => listed,
        Err(e) => {
            errln!("{}", e.in_lang(lang));
            return ExitCode::from(2);
        }
    };
    for e in &damaged {
        errln!("{}", e.in_lang(lang));
    }
    if entries.is_empty() {
        let said = Words::new("history-empty").arg("folder", shown(history.dir()));
        outln!("{}", said.in_lang(lang));
        return ExitCode::SUCCESS;
    }
    let served = other_served_file(&history, charter);
    if let Some(served) = &served {
        let said = Words::new("history-other-file")
            .arg("file", shown(charter))
            .arg("served", shown(served));
        errln!("{}", said.in_lang(lang));
    }
    // Only the list of changes is lost without them.
    let events = history.events().unwrap_or_else(|e| {
        errln!("{}", e.in_lang(lang));
        Vec::new()
    });
    let current = match crate::charter::read_limited(charter, history.max_bytes()) {
        Ok(bytes) => Some(crate::charter::hex_sha256(&bytes)),
        Err(e) => {
            let said = Words::new("history-charter-unreadable")
                .arg("file", shown(charter))
                .arg("error", io_reason(&e, lang));
            errln!("{}", said.in_lang(lang));
            None
        }
    };
    let heading = Words::new("history-heading").arg("folder", shown(history.dir()));
    outln!("{}\n", heading.in_lang(lang));
    outp!("{}", listing(&entries, &events, current.as_deref(), lang));
    if current.is_some_and(|h| !entries.iter().any(|e| e.content_hash == h)) {
        let said = match &served {
            Some(served) => Words::new("history-not-listed-other")
                .arg("file", shown(charter))
                .arg("served", shown(served)),
            None => Words::new("history-not-listed").arg("file", shown(charter)),
        };
        outln!("\n{}", said.in_lang(lang));
    }
    outln!("\n{}", Words::new("history-how-to-restore").in_lang(lang));
    ExitCode::SUCCESS
}

/// `charter history` given a folder of offices: each office whose
/// versions are kept, with how many and the newest, and how to see one
/// office's, in `lang`. Exit status 0 listed, 2 the state folder cannot
/// be read.
pub fn list_offices(state_dir: Option<&Path>, folder: &Path, lang: Lang) -> ExitCode {
    let Some(state) = state_dir else {
        return match open(None, super::DEFAULT_LIMIT as u64, lang) {
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
            let said = Words::new("offices-folder-unreadable")
                .arg("folder", shown(&offices))
                .arg("error", io_reason(&e, lang));
            errln!("{}", said.in_lang(lang));
            return ExitCode::from(2);
        }
    };
    ids.sort();
    if ids.is_empty() {
        let said = Words::new("history-offices-empty")
            .arg("folder", shown(&offices))
            .arg("offices", shown(folder));
        outln!("{}", said.in_lang(lang));
        return ExitCode::SUCCESS;
    }
    let heading = Words::new("history-offices-heading")
        .arg("offices", shown(folder))
        .arg("folder", shown(&offices));
    outln!("{}\n", heading.in_lang(lang));
    let width = ids.iter().map(String::len).max().unwrap_or(0);
    for id in &ids {
        let history = History::new(&offices.join(id), super::DEFAULT_LIMIT);
        match history.list() {
            Ok((entries, _)) => {
                let said = match entries.first() {
                    Some(newest) => Words::new("history-office-versions")
                        .arg("count", entries.len())
                        .arg("number", newest.number)
                        .arg("when", time_of(newest.loaded_at_unix)),
                    None => Words::new("history-office-none"),
                };
                outln!("  {id:width$}  {}", said.in_lang(lang));
            }
            Err(e) => errln!("{}", e.in_lang(lang)),
        }
    }
    let example = shown(&folder.join(format!("{}.toml", ids[0])));
    let see = Words::new("history-offices-how-to-see").arg("file", example.as_str());
    outln!("\n{}", see.in_lang(lang));
    let restore = Words::new("history-offices-how-to-restore").arg("file", example);
    outln!("{}", restore.in_lang(lang));
    ExitCode::SUCCESS
}

/// The charter file the server serves, as noted in `history`, when
/// `charter` is not that file; `None` when it is, or no server has noted
/// one.
fn other_served_file(history: &History, charter: &Path) -> Option<std::path::PathBuf> {
    let served = history.served_path()?;
    (super::canonical(charter).ok().as_ref() != Some(&served)).then_some(served)
}

/// `charter restore N`, said in `lang`. Exit status 0 restored, 1 the
/// version is not a valid charter, 2 no such version, the charter path is
/// not the file the server serves or names no file, or a file cannot be
/// read or written.
pub fn restore(
    state_dir: Option<&Path>,
    charter: &Path,
    number: &str,
    max_bytes: u64,
    lang: Lang,
) -> ExitCode {
    let history = match open(state_dir, max_bytes, lang) {
        Ok(h) => h,
        Err(code) => return code,
    };
    let Some(number) = version_number(number) else {
        let what = if number.chars().all(|c| digit_value(c).is_some()) {
            "restore-not-in-history"
        } else {
            "restore-not-a-number"
        };
        let said = Words::new(what)
            .arg("number", number)
            .arg("kept", kept_versions(&history));
        errln!("{}", said.in_lang(lang));
        return ExitCode::from(2);
    };
    match super::restore::restore(&history, number, charter) {
        Ok(r) => {
            if let Some(backup) = &r.backup {
                let said = Words::new("restore-backup").arg("backup", shown(backup));
                outln!("{}", said.in_lang(lang));
            }
            let when = time_of(r.entry.loaded_at_unix);
            if r.written {
                let said = Words::new("restore-done")
                    .arg("number", r.entry.number)
                    .arg("when", when)
                    .arg("services", r.entry.services)
                    .arg("file", shown(charter))
                    .arg("in-place", if r.in_place { "yes" } else { "no" });
                outln!("{}", said.in_lang(lang));
                // An editor that still holds the text the restore replaced
                // puts it back at its next save: said in both languages,
                // the one asked for first, whatever the clerk reads.
                let advice = Words::new("restore-after-editor");
                outln!("{}", advice.in_lang(lang));
                outln!("{}", advice.in_lang(lang.other()));
            } else {
                let said = Words::new("restore-already")
                    .arg("file", shown(charter))
                    .arg("number", r.entry.number)
                    .arg("when", when);
                outln!("{}", said.in_lang(lang));
            }
            ExitCode::SUCCESS
        }
        Err(e @ RestoreError::Invalid { .. }) => {
            errln!("{}", e.in_lang(lang));
            ExitCode::from(1)
        }
        Err(RestoreError::History(HistoryError::NotFound(n))) => {
            let said = Words::new("restore-not-in-history")
                .arg("number", n)
                .arg("kept", kept_versions(&history));
            errln!("{}", said.in_lang(lang));
            ExitCode::from(2)
        }
        Err(e) => {
            errln!("{}", e.in_lang(lang));
            ExitCode::from(2)
        }
    }
}

/// A version number typed in English or Bangla digits, with spaces
/// around it or not.
fn version_number(text: &str) -> Option<u64> {
    parse_number(text.trim())
}

/// Which versions `history` holds, as runs: "it holds versions 3-7, 9
/// (`charter history` lists them)".
fn kept_versions(history: &History) -> Words {
    let mut numbers: Vec<u64> = match history.list() {
        Ok((entries, _)) => entries.iter().map(|e| e.number).collect(),
        Err(_) => Vec::new(),
    };
    if numbers.is_empty() {
        return Words::new("restore-kept-none");
    }
    numbers.sort_unstable();
    let count = numbers.len();
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
    Words::new("restore-kept")
        .arg("count", count)
        .arg("runs", Value::Digits(runs.join(", ")))
}

/// `unix` seconds as `2026-11-29 23:05 BST`: Bangladesh time, which the
/// staff who read it live by.
pub fn format_time(unix: u64) -> String {
    time_of(unix).to_string()
}

/// `unix` seconds in Bangladesh time, as a sentence says it: in the
/// language's digits (`২০২৬-১১-২৯ ২৩:০৫ BST`).
fn time_of(unix: u64) -> Words {
    match i64::try_from(unix).ok().and_then(bangladesh_time) {
        Some(t) => Words::new("history-time").arg(
            "time",
            Value::Digits(t.strftime("%Y-%m-%d %H:%M").to_string()),
        ),
        None => Words::new("history-unknown-time"),
    }
}

/// The list `charter history` prints in `lang`, newest first, with each
/// load that went back to an older version between the versions it came
/// between; `current` is the hash of the charter file as it is now, to
/// mark that version.
pub fn listing(entries: &[Entry], events: &[Event], current: Option<&str>, lang: Lang) -> String {
    let mut events: Vec<&Event> = events.iter().collect();
    events.sort_by_key(|e| std::cmp::Reverse((e.after, e.at_unix)));
    let mut events = events.into_iter().peekable();
    // The count of services, as wide as a row's, to align what follows.
    let services = |count: String| {
        Words::new("history-services")
            .arg("count", count)
            .in_lang(lang)
    };
    let blank = " ".repeat(services("   ".into()).chars().count() + 4);
    let now = format!("  {}", Words::new("history-now").in_lang(lang));
    let mut out = String::new();
    for e in entries {
        while let Some(event) = events.next_if(|ev| ev.after >= e.number) {
            let back = Words::new("history-back-to").arg("number", event.back_to);
            out.push_str(&format!(
                "      {}{blank}{}\n",
                time_of(event.at_unix).in_lang(lang),
                back.in_lang(lang)
            ));
        }
        let now = if current == Some(e.content_hash.as_str()) {
            now.as_str()
        } else {
            ""
        };
        out.push_str(&format!(
            "{:>4}  {}  {}  {}{now}\n",
            lang.number(e.number),
            time_of(e.loaded_at_unix).in_lang(lang),
            services(format!("{:>3}", lang.number(e.services))),
            e.changes.in_lang(lang)
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
