//! The files of a folder of offices: every `<id>.toml` directly in the
//! folder is the charter of the office `id` (`haluaghat.toml` is the
//! office `haluaghat`), read only from inside the folder.
//!
//! Looking at the folder says, for every entry that looks like a charter
//! file (a name ending in `.toml`, in any case, that is not hidden or an
//! editor's backup), whether it is an office's file or why it is skipped:
//! a link leading out of the folder or to nothing, a folder, device, pipe
//! or socket, a name that cannot be an office's or that differs from
//! another file's only by capital letters (one office to the registry, and
//! one file to a file system that ignores case).

use std::collections::BTreeSet;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use cap_std::fs::FileTypeExt as _;

use crate::charter::CharterFile;
use crate::i18n::{Lang, Words};

/// Most offices one folder serves (and its registry lists): every
/// upazila, district and division office of the Department several times
/// over, and still a bound on what is read. The one limit on offices.
pub const MAX_OFFICES: usize = 5_000;

/// Most entries of the folder looked at in one listing: enough for every
/// office's file and as many others beside them.
const MAX_ENTRIES: usize = 4 * MAX_OFFICES;

/// A folder of offices, opened once: every file of it is opened through
/// it, never by a path that could lead elsewhere.
#[derive(Debug, Clone)]
pub struct Folder {
    path: PathBuf,
    dir: Arc<cap_std::fs::Dir>,
}

/// One office's charter file in a folder.
#[derive(Debug, Clone)]
pub struct OfficeFile {
    /// The file's name without `.toml`.
    pub id: String,
    /// The file, read only from inside the folder.
    pub file: CharterFile,
}

/// An entry of the folder that looks like a charter file and is not read
/// as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The entry's name.
    pub name: String,
    /// Its path, as messages name it (the folder's, for
    /// [`Why::TooManyEntries`]).
    pub path: PathBuf,
    /// Why it is skipped.
    pub why: Why,
}

/// Why an entry of the folder is skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// A link to a place outside the folder.
    LinkOutside,
    /// A link to nothing.
    DanglingLink,
    /// A folder, not a file.
    Folder,
    /// A device, pipe or socket (`device`, `pipe`, `socket`), not a
    /// plain file.
    Special(&'static str),
    /// Cannot be looked at (what the system said).
    Unreadable(String),
    /// Its name cannot be an office's (what to rename it to).
    Name(Words),
    /// Its name differs from another file's only by capital letters.
    SameName(String),
    /// Not an office of the registry of addresses.
    NotRegistered,
    /// Beyond [`MAX_OFFICES`] offices.
    BeyondLimit,
    /// Beyond the most entries looked at; the rest of the folder was not.
    TooManyEntries,
}

impl Skipped {
    /// Why the entry is skipped, with its path, in words.
    pub fn words(&self) -> Words {
        let path = self.path.display().to_string();
        let why = match &self.why {
            Why::TooManyEntries => {
                return Words::new("offices-skipped-too-many")
                    .arg("path", path)
                    .arg("max", MAX_ENTRIES);
            }
            Why::LinkOutside => Words::new("offices-skipped-link-outside"),
            Why::DanglingLink => Words::new("offices-skipped-dangling"),
            Why::Folder => Words::new("offices-skipped-folder"),
            Why::Special(kind) => Words::new("offices-skipped-special").arg("kind", *kind),
            Why::Unreadable(e) => Words::new("offices-skipped-unreadable").arg("error", e),
            Why::Name(problem) => problem.clone(),
            Why::SameName(other) => Words::new("offices-skipped-same-name").arg("other", other),
            Why::NotRegistered => Words::new("offices-skipped-not-registered"),
            Why::BeyondLimit => Words::new("offices-skipped-beyond-limit").arg("max", MAX_OFFICES),
        };
        Words::new("offices-skipped")
            .arg("path", path)
            .arg("why", why)
    }

    /// Why the entry is skipped, with its path, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.words().in_lang(lang)
    }
}

/// In English, for the server's `/healthz`.
impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// What a look at the folder found.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// The offices' files, sorted by id.
    pub files: Vec<OfficeFile>,
    /// Entries that look like charter files and are skipped, by name.
    pub skipped: Vec<Skipped>,
}

impl Folder {
    /// Opens the folder at `path`.
    pub fn open(path: &Path) -> io::Result<Folder> {
        let dir = cap_std::fs::Dir::open_ambient_dir(path, cap_std::ambient_authority())?;
        Ok(Folder {
            path: path.to_path_buf(),
            dir: Arc::new(dir),
        })
    }

    /// The folder's path, as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The charter file of the office `id`, `<id>.toml`, read only from
    /// inside the folder.
    pub fn file(&self, id: &str) -> CharterFile {
        CharterFile::in_folder(Arc::clone(&self.dir), &self.path, &format!("{id}.toml"))
    }

    /// Looks at the folder: its offices' files and what is skipped. With
    /// `registered`, the offices of the registry of addresses, a file of
    /// another office is skipped; without, the first [`MAX_OFFICES`] by
    /// name are the offices.
    pub fn scan(&self, registered: Option<&BTreeSet<String>>) -> io::Result<Scan> {
        let mut names = Vec::new();
        let mut skipped = Vec::new();
        for (n, entry) in self.dir.entries()?.enumerate() {
            if n == MAX_ENTRIES {
                skipped.push(Skipped {
                    name: String::new(),
                    path: self.path.clone(),
                    why: Why::TooManyEntries,
                });
                break;
            }
            let name = entry?.file_name();
            match name.to_str() {
                Some(name) if is_charter_file(name) => names.push(name.to_string()),
                Some(_) => {}
                None => {
                    let shown = name.to_string_lossy().into_owned();
                    if is_charter_file(&shown) {
                        skipped.push(Skipped {
                            path: self.path.join(&name),
                            name: shown,
                            why: Why::Name(rename_problem("")),
                        });
                    }
                }
            }
        }
        names.sort();
        let mut files = Vec::new();
        for name in &names {
            let why = match self.kind(name) {
                Err(why) => why,
                Ok(()) => match office_id(name) {
                    Ok(id) => match registered {
                        Some(ids) if !ids.contains(id) => Why::NotRegistered,
                        None if files.len() == MAX_OFFICES => Why::BeyondLimit,
                        _ => {
                            files.push(OfficeFile {
                                id: id.to_string(),
                                file: self.file(id),
                            });
                            continue;
                        }
                    },
                    Err(problem) => {
                        let lower = name.to_ascii_lowercase();
                        match names.iter().find(|n| **n == lower) {
                            Some(other) if *other != *name => Why::SameName(other.clone()),
                            _ => Why::Name(problem),
                        }
                    }
                },
            };
            skipped.push(Skipped {
                name: name.clone(),
                path: self.path.join(name),
                why,
            });
        }
        Ok(Scan { files, skipped })
    }

    /// Whether the entry `name` is a plain file, through links that stay
    /// inside the folder; why it is skipped if not.
    fn kind(&self, name: &str) -> Result<(), Why> {
        let link = self
            .dir
            .symlink_metadata(name)
            .is_ok_and(|m| m.file_type().is_symlink());
        let meta = match self.dir.metadata(name) {
            Ok(meta) => meta,
            Err(e) if link && e.kind() == io::ErrorKind::NotFound => return Err(Why::DanglingLink),
            Err(e) if link && e.kind() == io::ErrorKind::PermissionDenied => {
                return Err(Why::LinkOutside);
            }
            Err(e) => return Err(Why::Unreadable(e.to_string())),
        };
        let kind = meta.file_type();
        if kind.is_file() {
            Ok(())
        } else if kind.is_dir() {
            Err(Why::Folder)
        } else if kind.is_fifo() {
            Err(Why::Special("pipe"))
        } else if kind.is_socket() {
            Err(Why::Special("socket"))
        } else {
            Err(Why::Special("device"))
        }
    }
}

/// Whether `name` looks like a charter file of a folder: ends with
/// `.toml` (in any case) and is not hidden, an editor's lock or backup
/// file.
pub fn is_charter_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".toml")
        && lower.len() > ".toml".len()
        && !name.starts_with('.')
        && !name.starts_with('#')
        && !name.starts_with('~')
}

/// The office a charter file's name is the file of, or what is wrong
/// with the name: `<id>.toml`, the id in small letters.
pub fn office_id(name: &str) -> Result<&str, Words> {
    let Some(id) = name.strip_suffix(".toml") else {
        return Err(rename_problem(name));
    };
    match id_problem(id) {
        None => Ok(id),
        Some(problem) => Err(problem),
    }
}

/// What is wrong with the name `name`, with the name to give it.
fn rename_problem(name: &str) -> Words {
    let stem = name
        .get(..name.len().saturating_sub(".toml".len()))
        .unwrap_or("");
    id_problem(stem).unwrap_or_else(|| {
        Words::new("offices-id-small-letters").arg("name", stem.to_ascii_lowercase())
    })
}

/// What is wrong with `id` as an office's id, if anything: ids go into
/// addresses and folder names, so they are lower-case ASCII letters,
/// digits and hyphens.
pub fn id_problem(id: &str) -> Option<Words> {
    let good = !id.is_empty()
        && id.len() <= 63
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    (!good).then(|| {
        let suggestion: String = id
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let suggestion = suggestion.trim_matches('-');
        let example = if suggestion.is_empty() {
            "haluaghat"
        } else {
            suggestion
        };
        Words::new("offices-id-rules").arg("example", example)
    })
}

#[cfg(test)]
mod tests;
