//! Version history: every charter the server loads successfully is kept
//! in the state folder, so that no save, however wrong, loses what was
//! there before. `charter history` lists the versions and `charter restore`
//! puts one back ([`restore`]).
//!
//! Each version is two files in `<state>/history/`, named by its number
//! and the start of its hash: `000007-0123456789abcdef.toml` holds the
//! exact bytes of the charter file, `000007-0123456789abcdef.json` when it
//! was loaded, how many services it had and what changed from the version
//! loaded before it. The `.json` is written last, so a version exists once
//! it is complete. Numbers only grow: the number a clerk reads in
//! `charter history` names the same version until it is dropped as the
//! oldest.
//!
//! `<state>/history/current` names the version loaded last (the one the
//! site shows), so that the next version's changes are counted from it
//! and not from the newest one kept: after `charter restore 1`, a fee
//! changed in version 1 reads "changed <slug>", not everything that
//! version 2 had done too. A load that brings back a version kept already
//! is not a new version; it is noted in `<state>/history/events.json`
//! ("back to version 1"), which `charter history` shows between the
//! versions; it holds no more events than versions are kept. A server
//! started while the charter file cannot be loaded serves the version
//! `current` names ([`History::current`]).
//!
//! `<state>/history/charter-path` names the charter file the server
//! serves (the path it was started with, every symbolic link resolved),
//! written when it keeps a version. `charter history` and `charter
//! restore` run by a clerk find the charter through `--charter` or
//! `CHARTER_FILE`, or else `charter.toml` in the current folder; this
//! file lets them tell when that is not the file the site shows, rather
//! than list it as never loaded or restore into it.

mod changes;
pub mod commands;
mod files;
pub mod restore;
mod served;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

pub use changes::{Changes, Fingerprint};
pub use served::canonical;

use files::{io_error, read_plain, set_mode, write_atomic};

use crate::charter::{self, Charter, CharterFile};

/// Versions kept unless `--history-limit` says otherwise.
pub const DEFAULT_LIMIT: usize = 100;
/// Largest `.json` read back: a charter of 1,000 services needs about
/// 60 KiB.
const MAX_ENTRY_BYTES: u64 = 4 << 20;
/// Largest `events.json`: each event is about 80 bytes, and there are at
/// most as many as versions kept.
const MAX_EVENTS_BYTES: u64 = 4 << 20;
/// The file naming the version loaded last.
const CURRENT: &str = "current";
/// The file of loads that brought back a version kept already.
const EVENTS: &str = "events.json";

/// The state folder given by `--state-dir` / `CHARTER_STATE_DIR`, or else
/// the first folder systemd names in `STATE_DIRECTORY`
/// (`StateDirectory=charter` gives `/var/lib/charter`).
pub fn state_dir(given: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = given.filter(|d| !d.as_os_str().is_empty()) {
        return Some(dir.to_path_buf());
    }
    let systemd = std::env::var_os("STATE_DIRECTORY")?;
    // systemd joins several folders with ':'; ours is the first.
    let first = std::env::split_paths(&systemd).next()?;
    (!first.as_os_str().is_empty()).then_some(first)
}

/// Why the history could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// A file or folder of the history could not be read or written.
    #[error("{}: cannot {action}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What was being done, e.g. "read the version".
        action: &'static str,
        /// What the system said.
        source: io::Error,
    },
    /// A file of the history is not what it should be.
    #[error("{}: {message}", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// No version has this number (any more).
    #[error("version {0} is not in the history; `charter history` lists the versions kept")]
    NotFound(u64),
}

impl HistoryError {
    /// What went wrong without the file's path, for those who may not
    /// know the server's folders (`/healthz`).
    pub fn without_path(&self) -> String {
        match self {
            HistoryError::Io { action, source, .. } => format!("cannot {action}: {source}"),
            HistoryError::Damaged { message, .. } => message.clone(),
            HistoryError::NotFound(_) => self.to_string(),
        }
    }
}

/// One version kept: the `.json` beside its bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The version's number, as `charter history` shows it.
    pub number: u64,
    /// Hex SHA-256 of the charter file's bytes, as `/healthz` shows it.
    pub content_hash: String,
    /// When the server loaded it, in seconds since 1970 (UTC).
    pub loaded_at_unix: u64,
    /// How many services it has.
    pub services: usize,
    /// What changed from the version loaded before it.
    pub changes: Changes,
    /// Its parts' hashes, for the next version's [`Changes`].
    pub fingerprint: Fingerprint,
}

/// A load that brought back a version kept already (after `charter
/// restore`, or a file saved back as it was).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The version brought back.
    pub back_to: u64,
    /// The newest version kept at the time, to place the event among the
    /// versions.
    pub after: u64,
    /// When it was loaded, in seconds since 1970 (UTC).
    pub at_unix: u64,
}

/// What [`History::record`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Recorded {
    /// The version is new and was kept under this entry.
    New(Entry),
    /// The same bytes are kept already, under this number, and were the
    /// version loaded last.
    Known(u64),
    /// The same bytes are kept already, under this number, and another
    /// version was loaded since: the site goes back to it.
    BackTo(u64),
}

/// The history folder of one state folder.
#[derive(Debug, Clone)]
pub struct History {
    dir: PathBuf,
    limit: usize,
    /// Largest charter file kept or read back: the largest the loader
    /// reads.
    max_bytes: u64,
    /// Why the last version loaded was not kept, shared by the clones of
    /// this history (the server's `/healthz` reads it).
    failing: Arc<Mutex<Option<Failing>>>,
}

/// A version's file name without its extension.
fn stem(number: u64, hash: &str) -> String {
    format!("{number:06}-{}", &hash[..hash.len().min(16)])
}

impl History {
    /// The history kept in `state_dir`, holding at most `limit` versions
    /// (at least one).
    pub fn new(state_dir: &Path, limit: usize) -> History {
        History {
            dir: state_dir.join("history"),
            limit: limit.max(1),
            max_bytes: charter::MAX_FILE_BYTES,
            failing: Arc::default(),
        }
    }

    /// This history for charter files of at most `max_bytes` (the
    /// loader's limit, `--max-charter-mb`).
    pub fn with_max_bytes(mut self, max_bytes: u64) -> History {
        self.max_bytes = max_bytes;
        self
    }

    /// The largest charter file this history keeps or reads back.
    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    /// The folder the versions are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Number and file stem of every version, oldest first; none when the
    /// folder does not exist yet.
    fn stems(&self) -> Result<Vec<(u64, String)>, HistoryError> {
        let read = match fs::read_dir(&self.dir) {
            Ok(r) => r,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_error(&self.dir, "read the history folder")(e)),
        };
        let mut stems = Vec::new();
        for item in read {
            let item = item.map_err(io_error(&self.dir, "read the history folder"))?;
            let name = item.file_name();
            let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".json")) else {
                continue;
            };
            let number = stem
                .split_once('-')
                .and_then(|(n, _)| n.parse::<u64>().ok());
            if let Some(number) = number {
                stems.push((number, stem.to_string()));
            }
        }
        stems.sort();
        Ok(stems)
    }

    fn read_entry(&self, stem: &str) -> Result<Entry, HistoryError> {
        let path = self.dir.join(format!("{stem}.json"));
        let bytes = read_plain(&path, MAX_ENTRY_BYTES).map_err(io_error(&path, "read"))?;
        serde_json::from_slice(&bytes).map_err(|e| HistoryError::Damaged {
            path,
            message: format!("not a history entry: {e}"),
        })
    }

    /// Every version kept, newest first, and the problem with each file
    /// that could not be read.
    pub fn list(&self) -> Result<(Vec<Entry>, Vec<HistoryError>), HistoryError> {
        let mut entries = Vec::new();
        let mut damaged = Vec::new();
        for (_, stem) in self.stems()?.iter().rev() {
            match self.read_entry(stem) {
                Ok(e) => entries.push(e),
                Err(e) => damaged.push(e),
            }
        }
        Ok((entries, damaged))
    }

    /// Version `number`: its entry, its bytes (checked against its hash)
    /// and the file they are in.
    pub fn version(&self, number: u64) -> Result<(Entry, Vec<u8>, PathBuf), HistoryError> {
        let stems = self.stems()?;
        let (_, stem) = stems
            .iter()
            .find(|(n, _)| *n == number)
            .ok_or(HistoryError::NotFound(number))?;
        let entry = self.read_entry(stem)?;
        let path = self.dir.join(format!("{stem}.toml"));
        let bytes =
            read_plain(&path, self.max_bytes).map_err(io_error(&path, "read the version"))?;
        if charter::hex_sha256(&bytes) != entry.content_hash {
            return Err(HistoryError::Damaged {
                path,
                message: "the stored copy does not match its hash; it was changed or damaged"
                    .into(),
            });
        }
        Ok((entry, bytes, path))
    }

    /// Keeps `source`, the bytes of a charter that loaded as `charter`,
    /// unless the same bytes are kept already; then drops the oldest
    /// versions beyond the limit. Either way the version becomes the one
    /// loaded last, which the next version's changes are counted from.
    pub fn record(
        &self,
        source: &[u8],
        charter: &Charter,
        loaded_at: SystemTime,
    ) -> Result<Recorded, HistoryError> {
        let hash = charter::hex_sha256(source);
        let stems = self.stems()?;
        for (number, stem) in &stems {
            if *stem == self::stem(*number, &hash)
                && self.read_entry(stem).is_ok_and(|e| e.content_hash == hash)
            {
                return self.served(*number, loaded_at);
            }
        }
        // The version loaded last, or (in a history from before `current`
        // was kept) the newest; one that cannot be read only costs this
        // version its list of changes.
        let previous = self
            .current_stem(&stems)
            .or_else(|| stems.last().map(|(_, s)| s.clone()))
            .and_then(|s| self.read_entry(&s).ok());
        let fingerprint = Fingerprint::of(charter);
        let entry = Entry {
            number: stems.last().map_or(1, |(n, _)| n + 1),
            content_hash: hash,
            loaded_at_unix: unix_secs(loaded_at),
            services: charter.services.len(),
            changes: Changes::between(previous.as_ref().map(|p| &p.fingerprint), &fingerprint),
            fingerprint,
        };
        self.create_dir()?;
        let stem = stem(entry.number, &entry.content_hash);
        let json = serde_json::to_vec_pretty(&entry).map_err(|e| HistoryError::Damaged {
            path: self.dir.join(format!("{stem}.json")),
            message: e.to_string(),
        })?;
        write_atomic(&self.dir, &format!("{stem}.toml"), source)?;
        write_atomic(&self.dir, &format!("{stem}.json"), &json)?;
        write_atomic(&self.dir, CURRENT, format!("{stem}\n").as_bytes())?;
        self.prune()?;
        Ok(Recorded::New(entry))
    }

    /// Notes that version `number`, kept already, is the one the site
    /// shows from `at` on: an event when another version was shown before.
    pub fn served(&self, number: u64, at: SystemTime) -> Result<Recorded, HistoryError> {
        let stems = self.stems()?;
        let Some((_, stem)) = stems.iter().find(|(n, _)| *n == number) else {
            return Err(HistoryError::NotFound(number));
        };
        let live = self
            .current_stem(&stems)
            .or_else(|| stems.last().map(|(_, s)| s.clone()));
        if live.as_deref() == Some(stem.as_str()) {
            if self.current_stem(&stems).is_none() {
                self.create_dir()?;
                write_atomic(&self.dir, CURRENT, format!("{stem}\n").as_bytes())?;
            }
            return Ok(Recorded::Known(number));
        }
        self.create_dir()?;
        let mut events = self.events().unwrap_or_default();
        events.push(Event {
            back_to: number,
            after: stems.last().map_or(number, |(n, _)| *n),
            at_unix: unix_secs(at),
        });
        self.write_events(&mut events, &stems)?;
        write_atomic(&self.dir, CURRENT, format!("{stem}\n").as_bytes())?;
        Ok(Recorded::BackTo(number))
    }

    /// The number of the version loaded last, if the history knows it.
    pub fn current(&self) -> Option<u64> {
        let stems = self.stems().ok()?;
        let stem = self.current_stem(&stems)?;
        stems.iter().find(|(_, s)| *s == stem).map(|(n, _)| *n)
    }

    /// The stem `current` names, when it is one of `stems`.
    fn current_stem(&self, stems: &[(u64, String)]) -> Option<String> {
        let bytes = read_plain(&self.dir.join(CURRENT), 1024).ok()?;
        let named = String::from_utf8(bytes).ok()?;
        let named = named.trim();
        stems
            .iter()
            .any(|(_, s)| s == named)
            .then(|| named.to_string())
    }

    /// Every load that went back to a version kept already, oldest first.
    pub fn events(&self) -> Result<Vec<Event>, HistoryError> {
        let path = self.dir.join(EVENTS);
        let bytes = match read_plain(&path, MAX_EVENTS_BYTES) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_error(&path, "read")(e)),
        };
        serde_json::from_slice(&bytes).map_err(|e| HistoryError::Damaged {
            path,
            message: format!("not a list of events: {e}"),
        })
    }

    /// Writes `events`, without those from before the oldest version kept
    /// and no more of them than versions kept.
    fn write_events(
        &self,
        events: &mut Vec<Event>,
        stems: &[(u64, String)],
    ) -> Result<(), HistoryError> {
        let oldest = stems.first().map_or(0, |(n, _)| *n);
        events.retain(|e| e.after >= oldest);
        let excess = events.len().saturating_sub(self.limit);
        events.drain(..excess);
        let json = serde_json::to_vec_pretty(&events).map_err(|e| HistoryError::Damaged {
            path: self.dir.join(EVENTS),
            message: e.to_string(),
        })?;
        write_atomic(&self.dir, EVENTS, &json)
    }

    fn create_dir(&self) -> Result<(), HistoryError> {
        // The folders made here, from the first that exists down (an
        // office's history is `<state>/offices/<id>/history`: three).
        let mut missing: Vec<&Path> = self
            .dir
            .ancestors()
            .take_while(|dir| !dir.as_os_str().is_empty() && !dir.exists())
            .collect();
        missing.reverse();
        fs::create_dir_all(&self.dir).map_err(io_error(&self.dir, "create the history folder"))?;
        // The charter is public, and staff read the history as themselves
        // (`charter history`), not as the service's user, whose umask
        // (the unit's UMask=0077) would hide it from them: every folder
        // made on the way to it too.
        for dir in missing.into_iter().chain([self.dir.as_path()]) {
            let _ = set_mode(dir, 0o755);
        }
        Ok(())
    }

    /// Deletes the oldest versions beyond the limit, and what an
    /// interrupted write left behind.
    fn prune(&self) -> Result<(), HistoryError> {
        let stems = self.stems()?;
        let excess = stems.len().saturating_sub(self.limit);
        for (_, stem) in &stems[..excess] {
            for ext in ["json", "toml"] {
                let path = self.dir.join(format!("{stem}.{ext}"));
                match fs::remove_file(&path) {
                    Err(e) if e.kind() != io::ErrorKind::NotFound => {
                        return Err(io_error(&path, "delete an old version")(e));
                    }
                    _ => {}
                }
            }
        }
        if excess > 0 {
            let mut events = self.events().unwrap_or_default();
            if !events.is_empty() {
                self.write_events(&mut events, &stems[excess..])?;
            }
        }
        let kept: Vec<&str> = stems[excess..].iter().map(|(_, s)| s.as_str()).collect();
        let read =
            fs::read_dir(&self.dir).map_err(io_error(&self.dir, "read the history folder"))?;
        for item in read.flatten() {
            let name = item.file_name();
            let Some(name) = name.to_str() else { continue };
            let orphan = name
                .strip_suffix(".toml")
                .is_some_and(|stem| !kept.contains(&stem));
            if orphan || (name.starts_with('.') && name.ends_with(".tmp")) {
                let _ = fs::remove_file(item.path());
            }
        }
        Ok(())
    }

    /// Keeps the charter `file` that the server has just loaded as
    /// `charter` with `content_hash`, logging what happened; what was
    /// recorded, if anything. A failure
    /// never keeps the site from loading: it is logged, and
    /// [`History::failing`] says it until a version is kept again.
    pub fn keep(
        &self,
        file: &CharterFile,
        charter: &Charter,
        content_hash: &str,
    ) -> Option<Recorded> {
        let charter_path = file.path();
        let source = match file.read(self.max_bytes) {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!(
                    "version {content_hash} not kept in the history: cannot read {} again: {e}",
                    charter_path.display()
                );
                return None;
            }
        };
        if !same_version(&source, content_hash) {
            // Saved again since it was loaded: the next reload keeps that.
            tracing::warn!(
                "version {content_hash} not kept in the history: the file changed while it loaded"
            );
            return None;
        }
        let recorded = self.record(&source, charter, SystemTime::now());
        if recorded.is_ok()
            && let Err(e) = self.note_served_path(charter_path)
        {
            tracing::warn!(
                "the history does not say which charter file is served \
                 (`charter history` and `restore` cannot check the path they are given): {e}"
            );
        }
        *self.failing.lock().unwrap_or_else(|e| e.into_inner()) =
            recorded.as_ref().err().map(|e| Failing {
                reason: e.without_path(),
                at: SystemTime::now(),
            });
        match &recorded {
            Ok(Recorded::New(e)) => tracing::info!(
                version = e.number,
                services = e.services,
                "kept in the history: {}",
                e.changes
            ),
            Ok(Recorded::Known(n)) => {
                tracing::info!(version = n, "the history already holds this version")
            }
            Ok(Recorded::BackTo(n)) => tracing::info!(
                version = n,
                "the history already holds this version: back to version {n}"
            ),
            Err(e) => tracing::error!("this version was not kept in the history: {e}"),
        }
        recorded.ok()
    }

    /// Why the last version loaded could not be kept, when it could not
    /// (a state folder full or read-only): `None` once one is kept again.
    pub fn failing(&self) -> Option<Failing> {
        self.failing
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// Versions can no longer be kept: why, and since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failing {
    /// What the system said, with the file.
    pub reason: String,
    /// When the last version was refused.
    pub at: SystemTime,
}

/// True when `bytes` are the file the loader hashed as `content_hash`. The
/// loader hashes the text it read, which leaves out a UTF-8 byte-order
/// mark (Notepad writes one); the history keeps the bytes as saved.
pub fn same_version(bytes: &[u8], content_hash: &str) -> bool {
    charter::hex_sha256(bytes) == content_hash
        || bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .is_some_and(|text| charter::hex_sha256(text) == content_hash)
}

fn unix_secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests;
