//! `charter offices init`: the registry of addresses written from the
//! offices' files as they are. Each office of the folder that the
//! registry does not list gets the website and aliases its file names,
//! but an address another office has, that two new offices' files name,
//! or the directory's own; the offices listed already keep theirs.

use std::collections::BTreeMap;
use std::path::Path;

use super::MAX_OFFICES;
use super::read::Read;
use super::registry::{ReadError, Registry};

/// What `init` did, and what it could not.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The offices added, with their addresses, by id.
    pub added: Vec<(String, Vec<String>)>,
    /// How many offices the registry listed already.
    pub kept: usize,
    /// What was not added, and why, one line each, in the folder's order.
    pub refused: Vec<String>,
    /// Whether the registry's file was written.
    pub written: bool,
}

/// Why `init` could not run.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The registry there is cannot be read: it is not changed.
    #[error("{0}\nThe registry was not changed.")]
    Registry(ReadError),
    /// The folder cannot be read.
    #[error("{}: cannot read the folder: {error}", path.display())]
    Folder {
        /// The folder.
        path: std::path::PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// The registry cannot be written.
    #[error("{}: cannot write the registry of addresses: {error}", path.display())]
    Write {
        /// The registry.
        path: std::path::PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
}

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
        .extend(read.skipped.iter().map(ToString::to_string));
    // The new offices, and who names each address among them.
    let mut new = Vec::new();
    let mut named: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for office in &read.offices {
        if registry.has(&office.id) {
            continue;
        }
        match &office.loaded {
            Ok(loaded) => {
                for claim in &loaded.claims {
                    named.entry(&claim.host).or_default().push(&office.id);
                }
                new.push((office, loaded));
            }
            Err(e) => outcome.refused.push(format!(
                "{e}\n{}: not added: the file has the errors above; `charter offices init` adds \
                 it once `charter check` finds none",
                office.file.path().display()
            )),
        }
    }
    for (office, loaded) in new {
        let file = office.file.path().display();
        if outcome.kept + outcome.added.len() == MAX_OFFICES {
            outcome.refused.push(format!(
                "{file}: not added: a folder serves at most {MAX_OFFICES} offices"
            ));
            continue;
        }
        let mut hosts = Vec::new();
        for claim in &loaded.claims {
            let host = claim.host.as_str();
            let why = if Some(host) == directory {
                "it is the directory's own address (--base-url)".to_string()
            } else if let Some(holder) = registry.holder(host) {
                format!("it is already the address of {holder}")
            } else if named[host].len() > 1 {
                let others: Vec<&str> = (named[host].iter())
                    .copied()
                    .filter(|id| *id != office.id)
                    .collect();
                format!(
                    "the file of {} names it too; give it to one of them in the registry by hand",
                    others.join(", ")
                )
            } else {
                hosts.push(host.to_string());
                continue;
            };
            outcome.refused.push(format!(
                "{file}:{}:{}: {} {host} not given to {}: {why}",
                claim.at.line,
                claim.at.column,
                claim.kind.name(),
                office.id
            ));
        }
        if hosts.is_empty() {
            outcome.refused.push(format!(
                "{file}: not added: none of the addresses its file names can be given to {}",
                office.id
            ));
            continue;
        }
        registry.add(&office.id, hosts.clone());
        outcome.added.push((office.id.clone(), hosts));
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
