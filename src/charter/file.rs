//! Where a charter is read from: a file named by its path, or an office's
//! file in a folder of offices, opened from the folder without ever
//! leaving it.
//!
//! A folder's files are opened through the folder itself
//! ([`cap_std::fs::Dir`]): a link is followed only to a place inside the
//! folder (a Kubernetes ConfigMap's `haluaghat.toml -> ..data/haluaghat.toml`
//! is; `x.toml -> /proc/self/environ` is not), and the check is made by
//! the same system call that opens the file, so nothing can swap a link
//! between a check and the open.

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use cap_fs_ext::OpenOptionsSyncExt as _;

use super::words::Words;
use crate::i18n::Lang;

/// A charter file, as everything that reads one reads it.
#[derive(Debug, Clone)]
pub struct CharterFile {
    /// The path shown in messages (and, for a file of its own, opened).
    path: PathBuf,
    /// For a folder's file: the folder, and the file's name in it.
    within: Option<(Arc<cap_std::fs::Dir>, String)>,
}

/// What a periodic check compares a file by: its size, time and
/// identity, through links (a ConfigMap's swapped `..data` link changes
/// the identity).
pub type Identity = (u64, Option<std::time::SystemTime>, u64);

impl From<PathBuf> for CharterFile {
    fn from(path: PathBuf) -> CharterFile {
        CharterFile::at(&path)
    }
}

impl From<&Path> for CharterFile {
    fn from(path: &Path) -> CharterFile {
        CharterFile::at(path)
    }
}

impl CharterFile {
    /// The file at `path`, wherever its links lead.
    pub fn at(path: &Path) -> CharterFile {
        CharterFile {
            path: path.to_path_buf(),
            within: None,
        }
    }

    /// The file `name` of the folder `dir` (whose path is `folder`),
    /// opened only inside it.
    pub fn in_folder(dir: Arc<cap_std::fs::Dir>, folder: &Path, name: &str) -> CharterFile {
        CharterFile {
            path: folder.join(name),
            within: Some((dir, name.to_string())),
        }
    }

    /// The path, for messages and for the history's note of the file
    /// served.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's bytes: a plain file of at most `max` bytes (a longer
    /// file is an error). A pipe, device or folder is refused without
    /// waiting on it: a FIFO renamed over the charter must not wedge a
    /// reload, nor `/dev/zero` fill the memory.
    pub fn read(&self, max: u64) -> io::Result<Vec<u8>> {
        let file = self.open()?;
        read_open(file, max)
    }

    /// What the periodic check compares, `None` when the file cannot be
    /// opened (gone, or a link leading out of its folder) or is not a
    /// plain file.
    pub fn identity(&self) -> Option<Identity> {
        let meta = self.open().ok()?.metadata().ok().filter(|m| m.is_file())?;
        #[cfg(unix)]
        let identity = {
            use std::os::unix::fs::MetadataExt as _;
            meta.ino() ^ meta.dev().rotate_left(32)
        };
        #[cfg(not(unix))]
        let identity = 0;
        Some((meta.len(), meta.modified().ok(), identity))
    }

    /// Opens the file for reading, never blocking: opening a FIFO for
    /// reading would wait until a writer comes.
    fn open(&self) -> io::Result<std::fs::File> {
        match &self.within {
            Some((dir, name)) => {
                let mut options = cap_std::fs::OpenOptions::new();
                options.read(true).nonblock(true);
                dir.open_with(name, &options)
                    .map(cap_std::fs::File::into_std)
                    .map_err(|e| explain(e, &self.path))
            }
            None => {
                let mut options = std::fs::OpenOptions::new();
                options.read(true);
                #[cfg(target_os = "linux")]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    options.custom_flags(libc::O_NONBLOCK);
                }
                options.open(&self.path)
            }
        }
    }
}

/// Why a file is not read as a charter, whatever the system would allow:
/// the reason inside the [`io::Error`] of [`CharterFile::read`], said in
/// English by `Display` and in either language by [`Refusal::words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A folder, a device or a pipe.
    NotAPlainFile,
    /// Larger than the limit, in MB.
    TooLarge {
        /// The limit, in MB.
        mb: u64,
    },
    /// In a folder of offices, a link leading out of the folder.
    LinkOutside,
}

impl Refusal {
    /// The reason, in words of `check.ftl`.
    pub fn words(self) -> Words {
        match self {
            Refusal::NotAPlainFile => Words::new("check-not-a-plain-file"),
            Refusal::TooLarge { mb } => Words::new("check-file-too-large").arg("mb", mb),
            Refusal::LinkOutside => Words::new("check-link-outside"),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words().in_lang(Lang::En))
    }
}

impl std::error::Error for Refusal {}

/// An error of opening inside a folder in a reader's words: the folder's
/// guard says "a path led outside of the filesystem".
fn explain(error: io::Error, path: &Path) -> io::Error {
    if error.kind() == io::ErrorKind::PermissionDenied
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        && error.to_string().contains("outside")
    {
        io::Error::new(io::ErrorKind::PermissionDenied, Refusal::LinkOutside)
    } else {
        error
    }
}

/// Reads the open `file`: a plain file of at most `max` bytes.
fn read_open(file: std::fs::File, max: u64) -> io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind};
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::InvalidInput, Refusal::NotAPlainFile));
    }
    let too_large = || {
        Error::new(
            ErrorKind::FileTooLarge,
            Refusal::TooLarge {
                mb: max.div_ceil(1024 * 1024),
            },
        )
    };
    if meta.len() > max {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_large());
    }
    Ok(bytes)
}
