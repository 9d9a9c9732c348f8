//! What the server serves: the charter file, noted in
//! `<state>/history/charter-path`, so that `charter history` and `charter
//! restore`, run by a clerk from anywhere, can tell when the file they
//! were given is not the one the site shows; and the services of the
//! version the site shows that a file no longer has, which `charter
//! check` names.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::files::{Action, io_error, read_plain, write_atomic};
use super::{Changes, Fingerprint, History, HistoryError};
use crate::charter::{self, Charter, Text};

/// Services of the version the site shows that a charter lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    /// The version the site shows.
    pub version: u64,
    /// Each service's slug, and its name when that version can still be
    /// read, in that version's order.
    pub services: Vec<(String, Option<Text>)>,
}

/// The file naming the charter file the server serves.
pub(super) const CHARTER_PATH: &str = "charter-path";

impl History {
    /// The charter file the server serves, as it last noted it (an
    /// absolute path without symbolic links); `None` when no server has
    /// noted one in this history, or the note cannot be read.
    pub fn served_path(&self) -> Option<PathBuf> {
        let bytes = read_plain(&self.dir.join(CHARTER_PATH), 64 * 1024).ok()?;
        let bytes = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
        let path = path_from_bytes(bytes)?;
        path.is_absolute().then_some(path)
    }

    /// Notes `charter_path`, with its symbolic links resolved, as the
    /// file the server serves (see [`History::served_path`]); written only
    /// when it is not noted already, so a reload writes nothing.
    pub fn note_served_path(&self, charter_path: &Path) -> Result<(), HistoryError> {
        let path =
            fs::canonicalize(charter_path).map_err(io_error(charter_path, Action::ResolvePath))?;
        if self.served_path().as_ref() == Some(&path) {
            return Ok(());
        }
        self.create_dir()?;
        let mut bytes = path_bytes(&path);
        bytes.push(b'\n');
        write_atomic(&self.dir, CHARTER_PATH, &bytes)
    }
}

impl History {
    /// The services of the version the site shows (the one loaded last,
    /// or else the newest kept) that `charter` no longer has; `None` when
    /// it has them all, or the history holds no version.
    pub fn removed_since_served(&self, charter: &Charter) -> Option<Removed> {
        let (entries, _) = self.list().ok()?;
        let number = self
            .current()
            .or_else(|| entries.first().map(|e| e.number))?;
        let entry = entries.iter().find(|e| e.number == number)?;
        let changes = Changes::between(Some(&entry.fingerprint), &Fingerprint::of(charter));
        if changes.removed.is_empty() {
            return None;
        }
        // The names, from the version itself: one this program can no
        // longer read still has its slugs.
        let served = self
            .version(number)
            .ok()
            .and_then(|(_, _, stored)| charter::load_file_within(&stored, self.max_bytes).ok());
        let name = |slug: &str| {
            let services = &served.as_ref()?.charter.services;
            let service = services.iter().find(|s| s.slug.get_ref() == slug)?;
            Some(service.name.clone())
        };
        let services = (changes.removed.into_iter())
            .map(|slug| {
                let name = name(&slug);
                (slug, name)
            })
            .collect();
        Some(Removed {
            version: number,
            services,
        })
    }
}

/// `path` as [`History::note_served_path`] notes a charter file: absolute,
/// every symbolic link resolved. A file that does not exist (yet) is named
/// in its folder's resolved path, after the links that lead to it.
pub fn canonical(path: &Path) -> io::Result<PathBuf> {
    match fs::canonicalize(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let target = super::restore::link_target(path)?;
            let Some(name) = target.file_name() else {
                return Err(e);
            };
            let folder = match target.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            Ok(fs::canonicalize(folder)?.join(name))
        }
        resolved => resolved,
    }
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt as _;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt as _;
    (!bytes.is_empty()).then(|| PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    let text = std::str::from_utf8(bytes).ok()?;
    (!text.is_empty()).then(|| PathBuf::from(text))
}
