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
use crate::charter::{CharterFile, Position, io_reason, position};
use crate::hosts;
use crate::i18n::{Lang, Words};

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
    pub what: Words,
}

impl Problem {
    /// `FILE:LINE:COLUMN: error: what is wrong`, in `lang`: the place as
    /// editors read it in both.
    pub fn in_lang(&self, lang: Lang) -> String {
        format!(
            "{}:{}:{}: {}: {}",
            self.file.display(),
            self.at.line,
            self.at.column,
            Words::new("check-error").in_lang(lang),
            self.what.in_lang(lang)
        )
    }
}

/// In English, for the server's `/healthz`.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// Why the registry cannot be read at all.
#[derive(Debug)]
pub enum ReadError {
    /// The file is not there.
    Missing(PathBuf),
    /// The file cannot be read.
    Unreadable {
        /// The registry.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// The file is not UTF-8 text.
    NotText(PathBuf),
    /// It is not a registry: TOML that does not parse, or not the shape
    /// of one. Nothing of it is taken.
    Invalid(Problem),
}

impl ReadError {
    /// Why the registry cannot be read, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let words = match self {
            ReadError::Missing(path) => {
                Words::new("offices-registry-missing").arg("path", path.display().to_string())
            }
            ReadError::Unreadable { path, error } => Words::new("offices-registry-unreadable")
                .arg("path", path.display().to_string())
                .arg("error", io_reason(error, lang)),
            ReadError::NotText(path) => {
                Words::new("offices-registry-not-text").arg("path", path.display().to_string())
            }
            ReadError::Invalid(problem) => return problem.in_lang(lang),
        };
        words.in_lang(lang)
    }
}

/// In English, for the server's `/healthz`.
impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for ReadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadError::Unreadable { error, .. } => Some(error),
            _ => None,
        }
    }
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
        let text = String::from_utf8(bytes).map_err(|_| ReadError::NotText(path.to_path_buf()))?;
        Registry::parse(path, text.trim_start_matches('\u{feff}'), directory)
    }

    /// The registry written in `text`, read as the file at `path`.
    pub fn parse(path: &Path, text: &str, directory: Option<&str>) -> Result<Registry, ReadError> {
        let problem = |offset: usize, what: Words| Problem {
            file: path.to_path_buf(),
            at: position(text, offset),
            what,
        };
        let root = DeTable::parse(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let what = Words::new("offices-registry-toml").arg("message", e.message().trim());
            ReadError::Invalid(problem(offset, what))
        })?;
        let mut entries: Vec<(Spanned<String>, Vec<Spanned<String>>)> = Vec::new();
        for (key, value) in root.get_ref() {
            if key.get_ref() != "offices" {
                return Err(ReadError::Invalid(problem(
                    key.span().start,
                    Words::new("offices-registry-not-part").arg("key", key.get_ref().as_ref()),
                )));
            }
            let DeValue::Table(offices) = value.get_ref() else {
                return Err(ReadError::Invalid(problem(
                    value.span().start,
                    Words::new("offices-registry-not-table"),
                )));
            };
            for (id, hosts) in offices {
                let DeValue::Array(list) = hosts.get_ref() else {
                    return Err(ReadError::Invalid(problem(
                        hosts.span().start,
                        Words::new("offices-registry-not-list").arg("id", id.get_ref().as_ref()),
                    )));
                };
                let mut names = Vec::new();
                for host in list {
                    let DeValue::String(name) = host.get_ref() else {
                        return Err(ReadError::Invalid(problem(
                            host.span().start,
                            Words::new("offices-registry-not-quoted")
                                .arg("id", id.get_ref().as_ref()),
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
        let mut report = |offset: usize, what: Words| {
            registry.problems.push(Problem {
                file: path.to_path_buf(),
                at: position(text, offset),
                what,
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
                let what = Words::new("offices-registry-bad-id")
                    .arg("id", id.get_ref())
                    .arg("problem", problem);
                report(id.span().start, what);
                continue;
            }
            if n >= MAX_OFFICES {
                let what = Words::new("offices-registry-too-many")
                    .arg("id", id.get_ref())
                    .arg("max", MAX_OFFICES);
                report(id.span().start, what);
                continue;
            }
            let mut names = Vec::new();
            for host in hosts {
                let key = match hosts::normalize(host.get_ref()) {
                    Ok(key) => key,
                    Err(problem) => {
                        let what = Words::new("offices-registry-bad-address")
                            .arg("host", host.get_ref())
                            .arg("id", id.get_ref())
                            .arg("problem", problem_key(problem));
                        report(host.span().start, what);
                        continue;
                    }
                };
                let said = |message| {
                    Words::new(message)
                        .arg("host", key.as_str())
                        .arg("id", id.get_ref())
                };
                if Some(key.as_str()) == directory {
                    report(host.span().start, said("offices-registry-directory"));
                } else if names.iter().any(|(_, k)| *k == key) {
                    report(host.span().start, said("offices-registry-twice"));
                } else if names.len() == MAX_HOSTS {
                    let what = said("offices-registry-max-hosts").arg("max", MAX_HOSTS);
                    report(host.span().start, what);
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
                    let others: Vec<String> = holders
                        .iter()
                        .copied()
                        .filter(|h| *h != id.get_ref())
                        .map(String::from)
                        .collect();
                    let what = Words::new("offices-registry-shared")
                        .arg("host", key.as_str())
                        .arg("id", id.get_ref())
                        .arg("others", crate::i18n::Value::And(others));
                    report(host.span().start, what);
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

/// `problem` as the registry's message selects it.
fn problem_key(problem: hosts::Problem) -> &'static str {
    match problem {
        hosts::Problem::NotAName => "name",
        hosts::Problem::IpAddress => "ip",
        hosts::Problem::Localhost => "localhost",
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
