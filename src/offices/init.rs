//! `charter offices init`: the registry of addresses written from the
//! offices' files as they are. Each office of the folder that the
//! registry does not list gets the website and aliases its file names,
//! but an address another office has, that two new offices' files name,
//! or the directory's own; the offices listed already keep theirs.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::MAX_OFFICES;
use super::folder::Skipped;
use super::read::Read;
use super::registry::{ReadError, Registry};
use crate::charter::{ClaimKind, LoadError, Position, io_reason};
use crate::i18n::{Lang, Words};

/// What `init` did, and what it could not.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The offices added, with their addresses, by id.
    pub added: Vec<(String, Vec<String>)>,
    /// How many offices the registry listed already.
    pub kept: usize,
    /// What was not added, and why, in the folder's order.
    pub refused: Vec<NotAdded>,
    /// Whether the registry's file was written.
    pub written: bool,
}

/// An office, or an address of one, that `init` did not add.
#[derive(Debug)]
pub enum NotAdded {
    /// An entry of the folder skipped.
    Skipped(Skipped),
    /// The office's file is not a valid charter: the report, then why.
    Invalid {
        /// The file.
        file: PathBuf,
        /// What is wrong with it.
        error: LoadError,
    },
    /// Beyond the most offices a folder serves.
    BeyondLimit {
        /// The file.
        file: PathBuf,
    },
    /// An address the file names that is given to no office.
    Address {
        /// The file.
        file: PathBuf,
        /// Where it names the address.
        at: Position,
        /// Website or alias.
        kind: ClaimKind,
        /// The address, keyed.
        host: String,
        /// The office.
        id: String,
        /// Why not.
        why: Words,
    },
    /// None of the addresses the file names can be given.
    NoAddress {
        /// The file.
        file: PathBuf,
        /// The office.
        id: String,
    },
}

impl NotAdded {
    /// What was not added and why, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            NotAdded::Skipped(skipped) => skipped.in_lang(lang),
            NotAdded::Invalid { file, error } => {
                let why =
                    Words::new("offices-init-invalid").arg("file", file.display().to_string());
                format!("{}\n{}", error.in_lang(lang), why.in_lang(lang))
            }
            NotAdded::BeyondLimit { file } => Words::new("offices-init-beyond-limit")
                .arg("file", file.display().to_string())
                .arg("max", MAX_OFFICES)
                .in_lang(lang),
            NotAdded::Address {
                file,
                at,
                kind,
                host,
                id,
                why,
            } => {
                let said = Words::new("offices-init-address")
                    .arg("kind", kind.name())
                    .arg("host", host.as_str())
                    .arg("id", id.as_str())
                    .arg("why", why.clone());
                format!(
                    "{}:{}:{}: {}",
                    file.display(),
                    at.line,
                    at.column,
                    said.in_lang(lang)
                )
            }
            NotAdded::NoAddress { file, id } => Words::new("offices-init-no-address")
                .arg("file", file.display().to_string())
                .arg("id", id.as_str())
                .in_lang(lang),
        }
    }
}

impl fmt::Display for NotAdded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// Why `init` could not run.
#[derive(Debug)]
pub enum InitError {
    /// The registry there is cannot be read: it is not changed.
    Registry(ReadError),
    /// The folder cannot be read.
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// The registry cannot be written.
    Write {
        /// The registry.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
}

impl InitError {
    /// Why `init` could not run, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            InitError::Registry(e) => format!(
                "{}\n{}",
                e.in_lang(lang),
                Words::new("offices-init-registry-unchanged").in_lang(lang)
            ),
            InitError::Folder { path, error } => Words::new("offices-folder-unreadable")
                .arg("folder", path.display().to_string())
                .arg("error", io_reason(error, lang))
                .in_lang(lang),
            InitError::Write { path, error } => Words::new("offices-registry-unwritable")
                .arg("path", path.display().to_string())
                .arg("error", io_reason(error, lang))
                .in_lang(lang),
        }
    }
}

impl fmt::Display for InitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for InitError {}

/// Adds every office of the folder `dir` that the registry at `path` does
/// not list (writing the registry when there is none), with the addresses
/// its file names that no other office has or names and that are not
/// `directory`'s; charters of at most `max` bytes.
pub fn init(
    dir: &Path,
    path: &Path,
    directory: Option<&str>,
    max: u64,
) -> Result<Outcome, InitError> {
    let mut registry = match Registry::read(path, directory) {
        Ok(registry) => registry,
        Err(ReadError::Missing(_)) => Registry::empty(path),
        Err(e) => return Err(InitError::Registry(e)),
    };
    let read = Read::every_file(dir, max).map_err(|error| InitError::Folder {
        path: dir.to_path_buf(),
        error,
    })?;
    let mut outcome = Outcome {
        kept: registry.ids().len(),
        ..Outcome::default()
    };
    outcome
        .refused
        .extend(read.skipped.iter().cloned().map(NotAdded::Skipped));
    // The new offices whose file is a valid charter.
    let mut new = Vec::new();
    for office in read.offices {
        if registry.has(&office.id) {
            continue;
        }
        let file = office.file.path().to_path_buf();
        match office.loaded {
            Ok(loaded) => new.push((office.id, file, loaded)),
            Err(error) => outcome.refused.push(NotAdded::Invalid { file, error }),
        }
    }
    // Who names each address among them.
    let mut named: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, _, loaded) in &new {
        for claim in &loaded.claims {
            named.entry(&claim.host).or_default().push(id);
        }
    }
    for (id, file, loaded) in &new {
        if outcome.kept + outcome.added.len() == MAX_OFFICES {
            let file = file.clone();
            outcome.refused.push(NotAdded::BeyondLimit { file });
            continue;
        }
        let mut hosts = Vec::new();
        for claim in &loaded.claims {
            let host = claim.host.as_str();
            let why = if Some(host) == directory {
                Words::new("offices-init-directory")
            } else if let Some(holder) = registry.holder(host) {
                Words::new("offices-init-held").arg("holder", holder)
            } else if named[host].len() > 1 {
                let others: Vec<&str> = (named[host].iter())
                    .copied()
                    .filter(|other| *other != id)
                    .collect();
                Words::new("offices-init-named-too").arg("others", others.join(", "))
            } else {
                hosts.push(host.to_string());
                continue;
            };
            outcome.refused.push(NotAdded::Address {
                file: file.clone(),
                at: claim.at,
                kind: claim.kind,
                host: host.to_string(),
                id: id.clone(),
                why,
            });
        }
        if hosts.is_empty() {
            let (file, id) = (file.clone(), id.clone());
            outcome.refused.push(NotAdded::NoAddress { file, id });
            continue;
        }
        registry.add(id, hosts.clone());
        outcome.added.push((id.clone(), hosts));
    }
    if !outcome.added.is_empty() {
        let ids: Vec<String> = outcome.added.iter().map(|(id, _)| id.clone()).collect();
        registry.write(&ids).map_err(|error| InitError::Write {
            path: path.to_path_buf(),
            error,
        })?;
        outcome.written = true;
    }
    Ok(outcome)
}
