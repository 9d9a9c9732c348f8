//! The registry of addresses: which host names reach each office of a
//! folder. It is the administrator's file: an office's charter may name
//! its website and aliases, but only the registry gives an address to an
//! office, so that no file, copied or hostile, can take another office's
//! address, nor the directory's.
//!
//! ```toml
//! [offices]
//! haluaghat = ["doict.haluaghat.mymensingh.gov.bd", "haluaghat.gov.bd"]
//! savar = ["doict.savar.dhaka.gov.bd"]
//! ```
//!
//! It lives beside the folder, not in it (`/srv/charter/offices` has
//! `/srv/charter/offices.addresses.toml`; `--registry` names another), so
//! that whoever may write offices' files cannot replace it. An entry that
//! cannot be taken (a name that is not one, an IP address, the
//! directory's address, an address two offices are given) is reported and
//! left out; the rest of the registry is served.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::folder::{MAX_OFFICES, id_problem};
use crate::charter::{CharterFile, Position, position};
use crate::hosts;

/// Largest registry read: 51,000 offices with two addresses each are
/// about 5 MB.
const MAX_REGISTRY_BYTES: u64 = 64 * 1024 * 1024;

/// Most addresses one office is given: its website and twenty aliases,
/// as many as a charter may name.
const MAX_HOSTS: usize = 21;

/// The registry of a folder of offices, as read.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    path: PathBuf,
    /// Each office's addresses, in the registry's order, keyed as
    /// [`hosts::normalize`] keys them.
    offices: BTreeMap<String, Vec<String>>,
    /// Who each address belongs to.
    holders: HashMap<String, String>,
    /// Entries left out, in the file's order.
    problems: Vec<Problem>,
}

/// An entry of the registry that is left out, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The registry's path.
    pub file: PathBuf,
    /// Where in it.
    pub at: Position,
    /// What is wrong.
    pub text: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error: {}",
            self.file.display(),
            self.at.line,
            self.at.column,
            self.text
        )
    }
}

/// Why the registry cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file is not there.
    #[error(
        "{}: there is no registry of addresses, which says which addresses reach each office: \
         `charter offices init` writes it from the offices' files as they are",
        .0.display()
    )]
    Missing(PathBuf),
    /// The file cannot be read.
    #[error("{}: cannot read the registry of addresses: {error}", path.display())]
    Unreadable {
        /// The registry.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// It is not a registry: TOML that does not parse, or not the shape
    /// of one. Nothing of it is taken.
    #[error("{0}")]
    Invalid(Problem),
}

impl Registry {
    /// Where the registry of the folder `folder` is unless `--registry`
    /// says otherwise: beside it, named after it
    /// (`/srv/charter/offices.addresses.toml`).
    pub fn default_path(folder: &Path) -> PathBuf {
        let folder = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
        let folder = folder.components().collect::<PathBuf>();
        let name = folder
            .file_name()
            .map_or_else(|| "offices".into(), |n| n.to_string_lossy().into_owned());
        let parent = folder.parent().unwrap_or(Path::new("/"));
        parent.join(format!("{name}.addresses.toml"))
    }

    /// An empty registry that would be written at `path`.
    pub fn empty(path: &Path) -> Registry {
        Registry {
            path: path.to_path_buf(),
            ..Registry::default()
        }
    }

    /// Reads the registry at `path`; an address equal to `directory` (the
    /// directory's own host) is given to no office.
    pub fn read(path: &Path, directory: Option<&str>) -> Result<Registry, ReadError> {
        let bytes = match CharterFile::at(path).read(MAX_REGISTRY_BYTES) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(ReadError::Missing(path.to_path_buf()));
            }
            Err(error) => {
                return Err(ReadError::Unreadable {
                    path: path.to_path_buf(),
                    error,
                });
            }
        };
        let text = String::from_utf8(bytes).map_err(|_| ReadError::Unreadable {
            path: path.to_path_buf(),
            error: io::Error::new(io::ErrorKind::InvalidData, "it is not UTF-8 text"),
        })?;
        Registry::parse(path, text.trim_start_matches('\u{feff}'), directory)
    }

    /// The registry written in `text`, read as the file at `path`.
    pub fn parse(path: &Path, text: &str, directory: Option<&str>) -> Result<Registry, ReadError> {
        let problem = |offset: usize, message: String| Problem {
            file: path.to_path_buf(),
            at: position(text, offset),
            text: message,
        };
        let root = DeTable::parse(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            ReadError::Invalid(problem(offset, format!("{} (TOML)", e.message().trim())))
        })?;
        let mut entries: Vec<(Spanned<String>, Vec<Spanned<String>>)> = Vec::new();
        for (key, value) in root.get_ref() {
            if key.get_ref() != "offices" {
                return Err(ReadError::Invalid(problem(
                    key.span().start,
                    format!(
                        "\"{}\" is not part of a registry of addresses, which has one table, \
                         [offices]",
                        key.get_ref()
                    ),
                )));
            }
            let DeValue::Table(offices) = value.get_ref() else {
                return Err(ReadError::Invalid(problem(
                    value.span().start,
                    "offices is a table: [offices], then a line per office".into(),
                )));
            };
            for (id, hosts) in offices {
                let DeValue::Array(list) = hosts.get_ref() else {
                    return Err(ReadError::Invalid(problem(
                        hosts.span().start,
                        format!(
                            "the addresses of {} are a list: {} = [\"its.address.gov.bd\"]",
                            id.get_ref(),
                            id.get_ref()
                        ),
                    )));
                };
                let mut names = Vec::new();
                for host in list {
                    let DeValue::String(name) = host.get_ref() else {
                        return Err(ReadError::Invalid(problem(
                            host.span().start,
                            format!(
                                "each address of {} is a text in quotes: \"its.address.gov.bd\"",
                                id.get_ref()
                            ),
                        )));
                    };
                    names.push(Spanned::new(host.span(), Cow::to_string(name)));
                }
                entries.push((Spanned::new(id.span(), id.get_ref().to_string()), names));
            }
        }
        Ok(Registry::take(path, text, entries, directory))
    }

    /// The registry of `entries` (ids and addresses as written, with
    /// their places in `text`): what can be taken of them.
    fn take(
        path: &Path,
        text: &str,
        mut entries: Vec<(Spanned<String>, Vec<Spanned<String>>)>,
        directory: Option<&str>,
    ) -> Registry {
        let mut registry = Registry::empty(path);
        let mut report = |offset: usize, message: String| {
            registry.problems.push(Problem {
                file: path.to_path_buf(),
                at: position(text, offset),
                text: message,
            });
        };
        entries.sort_by(|a, b| a.0.get_ref().cmp(b.0.get_ref()));
        // Who each address is given to, to leave out one given twice.
        let mut given: HashMap<String, Vec<&str>> = HashMap::new();
        // Each office taken, with its addresses as written and keyed.
        type Taken<'e> = (&'e Spanned<String>, Vec<(&'e Spanned<String>, String)>);
        let mut kept: Vec<Taken<'_>> = Vec::new();
        for (n, (id, hosts)) in entries.iter().enumerate() {
            if let Some(problem) = id_problem(id.get_ref()) {
                report(
                    id.span().start,
                    format!("office \"{}\" is left out: {problem}", id.get_ref()),
                );
                continue;
            }
            if n >= MAX_OFFICES {
                report(
                    id.span().start,
                    format!(
                        "office {} is left out: a folder serves at most {MAX_OFFICES} offices",
                        id.get_ref()
                    ),
                );
                continue;
            }
            let mut names = Vec::new();
            for host in hosts {
                let key = match hosts::normalize(host.get_ref()) {
                    Ok(key) => key,
                    Err(problem) => {
                        report(
                            host.span().start,
                            format!(
                                "address \"{}\" of {} is left out: {}",
                                host.get_ref(),
                                id.get_ref(),
                                problem_words(problem)
                            ),
                        );
                        continue;
                    }
                };
                if Some(key.as_str()) == directory {
                    report(
                        host.span().start,
                        format!(
                            "address {key} of {} is left out: it is the directory's own address \
                             (--base-url), which reaches no office",
                            id.get_ref()
                        ),
                    );
                } else if names.iter().any(|(_, k)| *k == key) {
                    report(
                        host.span().start,
                        format!("address {key} is written twice for {}", id.get_ref()),
                    );
                } else if names.len() == MAX_HOSTS {
                    report(
                        host.span().start,
                        format!(
                            "address {key} of {} is left out: an office has at most {MAX_HOSTS} \
                             addresses",
                            id.get_ref()
                        ),
                    );
                } else {
                    given.entry(key.clone()).or_default().push(id.get_ref());
                    names.push((host, key));
                }
            }
            kept.push((id, names));
        }
        for (id, names) in kept {
            let mut hosts = Vec::new();
            for (host, key) in names {
                let holders = &given[&key];
                if holders.len() > 1 {
                    let others: Vec<&str> = holders
                        .iter()
                        .copied()
                        .filter(|h| *h != id.get_ref())
                        .collect();
                    report(
                        host.span().start,
                        format!(
                            "address {key} is given to {} and to {}: it reaches neither until \
                             one of the two lines is corrected",
                            id.get_ref(),
                            others.join(" and ")
                        ),
                    );
                } else {
                    registry.holders.insert(key.clone(), id.get_ref().clone());
                    hosts.push(key);
                }
            }
            registry.offices.insert(id.get_ref().clone(), hosts);
        }
        registry.problems.sort_by_key(|p| (p.at.line, p.at.column));
        registry
    }

    /// The registry's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The offices of the registry.
    pub fn ids(&self) -> BTreeSet<String> {
        self.offices.keys().cloned().collect()
    }

    /// Whether `id` is an office of the registry.
    pub fn has(&self, id: &str) -> bool {
        self.offices.contains_key(id)
    }

    /// The addresses of the office `id`, in the registry's order.
    pub fn hosts(&self, id: &str) -> &[String] {
        self.offices.get(id).map_or(&[], Vec::as_slice)
    }

    /// Every office and its addresses, by id.
    pub fn offices(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.offices
            .iter()
            .map(|(id, h)| (id.as_str(), h.as_slice()))
    }

    /// The office the address `host` (keyed) belongs to.
    pub fn holder(&self, host: &str) -> Option<&str> {
        self.holders.get(host).map(String::as_str)
    }

    /// The entries left out, in the file's order.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Gives the office `id`, not in the registry yet, the addresses
    /// `hosts` (keyed, and no other office's).
    pub fn add(&mut self, id: &str, hosts: Vec<String>) {
        for host in &hosts {
            self.holders.insert(host.clone(), id.to_string());
        }
        self.offices.insert(id.to_string(), hosts);
    }

    /// Writes the offices `added` into the registry's file, the rest of
    /// it kept as it is (its comments and order), or a new file when
    /// there is none: whole or not at all, with the mode the file had
    /// (0644 for a new one: the server reads it, only its owner writes).
    pub fn write(&self, added: &[String]) -> io::Result<()> {
        let existing = match std::fs::read_to_string(&self.path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let mut doc: toml_edit::DocumentMut = match &existing {
            Some(text) => text
                .parse()
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{e}")))?,
            None => NEW_REGISTRY
                .parse()
                .expect("the new registry's text parses"),
        };
        let offices = doc
            .entry("offices")
            .or_insert_with(toml_edit::table)
            .as_table_mut()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "offices is not a table"))?;
        for id in added {
            let list: toml_edit::Array = self.hosts(id).iter().map(String::as_str).collect();
            offices.insert(id, toml_edit::value(list));
        }
        write_atomic(&self.path, doc.to_string().as_bytes())
    }
}

/// A new registry's text, before its offices.
const NEW_REGISTRY: &str = "\
# The registry of addresses: which host names reach each office of the
# folder beside it. Only addresses given here reach an office, whatever
# its charter's website and aliases say. The administrator's file: keep it
# writable by administrators only (`charter offices init` adds the offices
# of new files; `charter offices` lists them).

[offices]
";

/// `problem` in the registry's words.
fn problem_words(problem: hosts::Problem) -> &'static str {
    match problem {
        hosts::Problem::NotAName => {
            "it is not a host name (write the name only, without https:// or a path)"
        }
        hosts::Problem::IpAddress => {
            "it is an IP address, which reaches whatever server answers on it"
        }
        hosts::Problem::Localhost => "it is this computer's own name",
    }
}

/// Writes `bytes` to `path` whole or not at all, keeping the mode the
/// file had.
fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{name}.tmp"));
    let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
    let written = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(mode))?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests;
