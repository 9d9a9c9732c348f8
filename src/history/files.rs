//! The history's files on disk: read only when plain and small enough,
//! written whole or not at all, and readable by the staff who run
//! `charter history`.

use std::fs;
use std::io::{self, Write as _};
use std::path::Path;

use super::HistoryError;
use crate::charter;

/// What was being done with a file when the system refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Reading the history's folder.
    ReadFolder,
    /// Reading a file of the history.
    Read,
    /// Reading a version's bytes.
    ReadVersion,
    /// Writing a file of the history.
    Write,
    /// Creating the history's folder.
    CreateFolder,
    /// Deleting a version beyond the limit.
    DeleteOld,
    /// Resolving the charter file's path.
    ResolvePath,
    /// Following the symbolic link the charter path is.
    FollowLink,
    /// Reading the charter file.
    ReadCharter,
    /// Writing the charter file.
    WriteCharter,
    /// Copying the charter file aside before a restore.
    CopyAside,
}

impl Action {
    /// How `history-action` selects it.
    pub fn key(self) -> &'static str {
        match self {
            Action::ReadFolder => "read-folder",
            Action::Read => "read",
            Action::ReadVersion => "read-version",
            Action::Write => "write",
            Action::CreateFolder => "create-folder",
            Action::DeleteOld => "delete-old",
            Action::ResolvePath => "resolve-path",
            Action::FollowLink => "follow-link",
            Action::ReadCharter => "read-charter",
            Action::WriteCharter => "write-charter",
            Action::CopyAside => "copy-aside",
        }
    }
}

/// What failed on `path` while doing `action`, as a [`HistoryError`].
pub(super) fn io_error(path: &Path, action: Action) -> impl FnOnce(io::Error) -> HistoryError {
    let path = path.to_path_buf();
    move |source| HistoryError::Io {
        path,
        action,
        source,
    }
}

/// Reads the plain file `path`, at most `max` bytes of it, as the charter
/// file is read: a pipe or device put in the history folder is refused
/// without waiting on it.
pub(super) fn read_plain(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    charter::read_limited(path, max)
}

/// Writes `name` in `dir` whole or not at all: a temporary file, flushed
/// to disk, renamed over it.
pub(super) fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), HistoryError> {
    let path = dir.join(name);
    let tmp = dir.join(format!(".{name}.tmp"));
    let written = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        set_mode(&tmp, 0o644)?;
        fs::rename(&tmp, &path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(io_error(&path, Action::Write)(e));
    }
    // The rename is durable once the folder is on disk too.
    if let Ok(folder) = fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

#[cfg(unix)]
pub(super) fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
pub(super) fn set_mode(_: &Path, _: u32) -> io::Result<()> {
    Ok(())
}
