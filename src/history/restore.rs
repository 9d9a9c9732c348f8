//! `charter restore N`: version N back into the charter file.
//!
//! The version is checked with the loader the server uses, then written
//! next to the charter file and renamed over it, so a running server's
//! watcher sees one complete new file and reloads it, never half of one.
//!
//! A renamed file is a new file: it belongs to whoever ran `restore` and
//! gets the folder's group (the setgid editors' folder) and the folder's
//! default ACL, if it has one. The old file's mode, group and ACL entries
//! (such as the one that lets the service's user read it) are then copied
//! onto it, so the server can read the restored file exactly as it could
//! read the old one. When that cannot be done (the folder is not writable
//! for the user, or the group cannot be set), the bytes are written into
//! the old file instead, which keeps its owner and permissions as they
//! are; the watcher then sees the file change in place.
//!
//! Content the history does not hold (a save that was refused as invalid,
//! or one made while no server was running) is copied aside first, to
//! `<file>.before-restore-<time>` (Bangladesh time, with `-2`, `-3`, …
//! when restores come within one second), so restoring loses nothing
//! either. The newest [`BACKUPS_KEPT`] such copies are kept.
//!
//! A charter path that is a symbolic link (to a checkout, say) stays one:
//! the version is written into the file the link points at.
//!
//! Only the file the site shows is written. A clerk who runs `restore`
//! from another folder without `CHARTER_FILE` would otherwise put the
//! version into a new `charter.toml` there and be told the site shows it.
//! So a path that is not the file the server noted in the history
//! ([`History::served_path`]) is refused, and so is a file that does not
//! exist, unless it is the one the server serves (deleted by mistake).

use std::fmt;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::{Action, Entry, History, HistoryError};
use crate::calendar::bangladesh_time;
use crate::charter::{self, LoadError};
use crate::i18n::{Lang, Words};

/// How many `<file>.before-restore-*` copies are kept beside the file;
/// older ones are deleted when a new one is made.
pub const BACKUPS_KEPT: usize = 10;

/// Why a version was not restored. `Display` says it in English;
/// [`RestoreError::in_lang`] in either language.
#[derive(Debug)]
pub enum RestoreError {
    /// The history could not be read, or has no such version.
    History(HistoryError),
    /// The version does not pass this program's checks.
    Invalid {
        /// The version asked for.
        number: u64,
        /// The loader's report.
        source: LoadError,
    },
    /// The charter path is not the file the server serves.
    NotServed {
        /// The path given.
        path: PathBuf,
        /// The file the server noted in the history.
        served: PathBuf,
    },
    /// There is no file at the charter path, and no server has said that
    /// it serves one there.
    NoFile {
        /// The path given.
        path: PathBuf,
    },
    /// The charter file could not be read, copied aside or written.
    File {
        /// The file.
        path: PathBuf,
        /// What was being done.
        action: Action,
        /// What the system said.
        source: io::Error,
    },
}

impl RestoreError {
    /// Why the version was not restored, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            RestoreError::History(e) => e.in_lang(lang),
            RestoreError::Invalid { number, source } => {
                let said = Words::new("restore-invalid").arg("number", *number);
                format!("{}\n{}", source.in_lang(lang), said.in_lang(lang))
            }
            RestoreError::NotServed { path, served } => Words::new("restore-not-served")
                .arg("path", path.display().to_string())
                .arg("served", served.display().to_string())
                .in_lang(lang),
            RestoreError::NoFile { path } => Words::new("restore-no-file")
                .arg("path", path.display().to_string())
                .in_lang(lang),
            RestoreError::File {
                path,
                action,
                source,
            } => super::error::cannot(path, *action, source, lang),
        }
    }
}

impl From<HistoryError> for RestoreError {
    fn from(e: HistoryError) -> RestoreError {
        RestoreError::History(e)
    }
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for RestoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RestoreError::History(e) => Some(e),
            RestoreError::Invalid { source, .. } => Some(source),
            RestoreError::File { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// What [`restore`] did.
#[derive(Debug)]
pub struct Restored {
    /// The version put back.
    pub entry: Entry,
    /// False when the charter file held these bytes already.
    pub written: bool,
    /// Written into the old file rather than renamed over it.
    pub in_place: bool,
    /// Where the content the history did not hold was copied.
    pub backup: Option<PathBuf>,
}

/// Puts version `number` of `history` into the charter file at `charter`
/// (into the file it points at, if it is a symbolic link). Refused when
/// `charter` is not the file the server serves, or does not exist.
pub fn restore(history: &History, number: u64, charter: &Path) -> Result<Restored, RestoreError> {
    let (entry, bytes, stored) = history.version(number)?;
    let given = charter;
    let target = link_target(charter).map_err(|source| RestoreError::File {
        path: charter.to_path_buf(),
        action: Action::FollowLink,
        source,
    })?;
    let charter = target.as_path();
    let served = history.served_path();
    if let Some(served) = &served {
        // A path that cannot be resolved is not the file the server
        // resolved.
        if super::canonical(given).ok().as_ref() != Some(served) {
            return Err(RestoreError::NotServed {
                path: given.to_path_buf(),
                served: served.clone(),
            });
        }
    }
    match fs::metadata(charter) {
        Err(e) if e.kind() == io::ErrorKind::NotFound && served.is_none() => {
            return Err(RestoreError::NoFile {
                path: given.to_path_buf(),
            });
        }
        _ => {}
    }
    match charter::load_file_within(&stored, history.max_bytes()) {
        Ok(loaded) if super::same_version(&bytes, &loaded.content_hash) => {}
        Ok(_) => {
            return Err(HistoryError::Damaged {
                path: stored,
                message: Words::new("history-damaged-changed"),
            }
            .into());
        }
        Err(e @ LoadError::Invalid { .. }) => {
            return Err(RestoreError::Invalid { number, source: e });
        }
        Err(LoadError::Read { source, .. }) => {
            return Err(HistoryError::Io {
                path: stored,
                action: Action::ReadVersion,
                source,
            }
            .into());
        }
    }
    let file_error = |action: Action| {
        let path = charter.to_path_buf();
        move |source| RestoreError::File {
            path,
            action,
            source,
        }
    };
    let current = match charter::read_limited(charter, history.max_bytes()) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(file_error(Action::ReadCharter)(e)),
    };
    let mut restored = Restored {
        entry,
        written: false,
        in_place: false,
        backup: None,
    };
    let Some(current) = current else {
        // The file the server serves, deleted: it is written afresh.
        restored.written = true;
        replace(charter, &bytes, None).map_err(file_error(Action::WriteCharter))?;
        return Ok(restored);
    };
    if current == bytes {
        return Ok(restored);
    }
    let hash = charter::hex_sha256(&current);
    let (kept, _) = history.list()?;
    if !kept.iter().any(|e| e.content_hash == hash) {
        restored.backup = Some(back_up(charter, &current)?);
    }
    let old = fs::metadata(charter).map_err(file_error(Action::ReadCharter))?;
    restored.in_place =
        replace(charter, &bytes, Some(&old)).map_err(file_error(Action::WriteCharter))?;
    restored.written = true;
    Ok(restored)
}

/// Replaces the charter file at `charter` (the file it points at, if it
/// is a symbolic link) with `bytes`, as `restore` does: a new file renamed
/// over it with the old one's mode, group and ACL, or the old file
/// rewritten when that cannot be done. What the staff area publishes goes
/// this way.
pub fn write_charter(charter: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = link_target(charter)?;
    let old = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    replace(&target, bytes, old.as_ref()).map(|_| ())
}

/// The file `path` names: `path` itself, or the end of the chain of
/// symbolic links it starts, even when that file does not exist (yet).
pub(super) fn link_target(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    // As many links as the kernel follows (ELOOP).
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(folder) if to.is_relative() => folder.join(to),
                    _ => to,
                };
            }
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

/// Copies `current` to `<file>.before-restore-<time>` beside `charter`,
/// or in the current folder when the charter's folder is not writable for
/// the user, then deletes all but the newest [`BACKUPS_KEPT`] there.
fn back_up(charter: &Path, current: &[u8]) -> Result<PathBuf, RestoreError> {
    let error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| RestoreError::File {
            path,
            action: Action::CopyAside,
            source,
        }
    };
    // An empty folder is the current one, and names the copy as the
    // charter is named, without `./`.
    let beside = charter.parent().unwrap_or(Path::new("")).to_path_buf();
    let name = charter.file_name().unwrap_or_default().to_os_string();
    let written = match write_backup(&beside, &name, current) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            write_backup(Path::new("."), &name, current).map_err(|e| error(Path::new("."))(e))?
        }
        Err(e) => return Err(error(&beside)(e)),
        Ok(path) => path,
    };
    if let Some(folder) = written.parent() {
        prune_backups(folder, &name);
    }
    Ok(written)
}

/// `<name>.before-restore-`, the start of every copy's name.
fn backup_prefix(name: &std::ffi::OsStr) -> String {
    format!("{}.before-restore-", name.to_string_lossy())
}

/// Writes `bytes` to a new `<name>.before-restore-<time>[-N]` in `folder`.
fn write_backup(folder: &Path, name: &std::ffi::OsStr, bytes: &[u8]) -> io::Result<PathBuf> {
    let unix = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let stamp = match i64::try_from(unix).ok().and_then(bangladesh_time) {
        Some(t) => t.strftime("%Y%m%d-%H%M%S").to_string(),
        None => unix.to_string(),
    };
    let base = format!("{}{stamp}", backup_prefix(name));
    // After the newest copy of this second: a name freed by pruning would
    // otherwise make the newest copy sort as the oldest.
    let first = copies(folder, name)
        .iter()
        .filter(|((s, _), _)| *s == stamp.replace('-', ""))
        .map(|((_, n), _)| n + 1)
        .max()
        .unwrap_or(1);
    for n in first..first + 1000 {
        let path = folder.join(if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        });
        match write_new(&path, bytes) {
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{base}: a thousand copies were made this second"),
    ))
}

/// Every copy of `name` in `folder` with its time and number, oldest
/// first.
fn copies(folder: &Path, name: &std::ffi::OsStr) -> Vec<((String, u32), PathBuf)> {
    let prefix = backup_prefix(name);
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let Ok(read) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut copies: Vec<((String, u32), PathBuf)> = read
        .flatten()
        .filter_map(|item| {
            let file = item.file_name();
            let rest = file.to_str()?.strip_prefix(&prefix)?;
            // `<date>-<time>` or `<date>-<time>-<N>`.
            let mut parts = rest.splitn(3, '-');
            let (date, time) = (parts.next()?, parts.next()?);
            let n = match parts.next() {
                Some(n) => n.parse().ok()?,
                None => 1,
            };
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            (digits(date) && digits(time)).then(|| ((format!("{date}{time}"), n), item.path()))
        })
        .collect();
    copies.sort();
    copies
}

/// Deletes all but the newest [`BACKUPS_KEPT`] copies of `name` in
/// `folder`. A copy that cannot be deleted stays; it is only a copy.
fn prune_backups(folder: &Path, name: &std::ffi::OsStr) {
    let copies = copies(folder, name);
    let excess = copies.len().saturating_sub(BACKUPS_KEPT);
    for (_, path) in &copies[..excess] {
        let _ = fs::remove_file(path);
    }
}

/// Writes a file that must not exist yet, flushed to disk.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<fs::File> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(file)
}

/// Replaces the charter file with `bytes`: a new file renamed over it
/// with the old one's permissions (`old`), or, when that cannot be done,
/// the old file rewritten. True when it was rewritten in place.
fn replace(charter: &Path, bytes: &[u8], old: Option<&fs::Metadata>) -> io::Result<bool> {
    let folder = match charter.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut name = std::ffi::OsString::from(".");
    name.push(charter.file_name().unwrap_or_default());
    name.push(format!(".restore-{}.tmp", std::process::id()));
    let tmp = folder.join(name);
    let prepared = write_new(&tmp, bytes).and_then(|file| match old {
        Some(old) => same_access(&file, charter, old),
        None => Ok(()),
    });
    match prepared {
        Ok(()) => {}
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            if old.is_some() {
                tracing::debug!("cannot replace the file ({e}); writing into it");
                write_in_place(charter, bytes)?;
                return Ok(true);
            }
            return Err(e);
        }
    }
    if let Err(e) = fs::rename(&tmp, charter) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if let Ok(f) = fs::File::open(folder) {
        let _ = f.sync_all();
    }
    Ok(false)
}

fn write_in_place(charter: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(charter)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Gives `file`, the new charter file, the mode, group and access ACL of
/// the old one at `old_path`.
#[cfg(unix)]
fn same_access(file: &fs::File, old_path: &Path, old: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    if file.metadata()?.gid() != old.gid() {
        std::os::unix::fs::fchown(file, None, Some(old.gid()))?;
    }
    file.set_permissions(old.permissions())?;
    copy_acl(file, old_path)
}

#[cfg(not(unix))]
fn same_access(file: &fs::File, _: &Path, old: &fs::Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

/// Copies the POSIX access ACL of `from` onto `to`; nothing to copy when
/// `from` has none or the file system has no ACLs.
#[cfg(target_os = "linux")]
fn copy_acl(to: &fs::File, from: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd as _;
    use std::os::unix::ffi::OsStrExt as _;
    const NAME: &std::ffi::CStr = c"system.posix_acl_access";
    let from = std::ffi::CString::new(from.as_os_str().as_bytes())?;
    // Far more than an ACL of a few dozen entries needs (8 bytes each).
    let mut buf = vec![0u8; 64 * 1024];
    // SAFETY: both strings are NUL-terminated and `buf` is writable for
    // its whole length.
    let n = unsafe {
        libc::getxattr(
            from.as_ptr(),
            NAME.as_ptr(),
            buf.as_mut_ptr().cast(),
            buf.len(),
        )
    };
    if n < 0 {
        let e = io::Error::last_os_error();
        return match e.raw_os_error() {
            Some(libc::ENODATA | libc::EOPNOTSUPP) => Ok(()),
            _ => Err(e),
        };
    }
    // SAFETY: the descriptor is open for the call; `buf` holds `n` bytes.
    let set = unsafe {
        libc::fsetxattr(
            to.as_raw_fd(),
            NAME.as_ptr(),
            buf.as_ptr().cast(),
            n as usize,
            0,
        )
    };
    if set < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(all(unix, not(target_os = "linux")))]
fn copy_acl(_: &fs::File, _: &Path) -> io::Result<()> {
    Ok(())
}
