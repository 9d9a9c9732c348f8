//! What one server serves: the office of one charter file, or every office
//! of a folder of charter files and the directory of them all.
//!
//! A folder's offices are each an [`AppState`] of their own, reloaded on
//! their own: a bad save keeps that office's last good version and touches
//! no other. Which office a request is for is its `Host`: an address the
//! registry of addresses gives the office (or, previewing,
//! `<id>.localhost`; previewing without a registry, an address one file
//! alone names); any other host gets the directory. The table of hosts is
//! swapped whole when an office is added, removed or changes its
//! addresses, so a request never sees half of a change.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Instant, SystemTime};

use arc_swap::ArcSwap;
use rayon::prelude::*;

use super::AppState;
use crate::i18n::{Words, log_lang};
use crate::offices::{self, Refused, Registry, Skipped, registry::ReadError};
use crate::site::{Copies, Directory, Listed, SiteOptions};
use crate::urls::BaseUrl;

/// What the server serves.
#[derive(Debug)]
pub struct Deployment {
    table: ArcSwap<Table>,
    /// `None` for a single charter file.
    folder: Option<Folder>,
}

/// How a folder's offices are loaded, and what changes them.
#[derive(Debug)]
pub struct FolderOptions {
    /// The folder of charter files.
    pub dir: PathBuf,
    /// The registry of their addresses.
    pub registry: PathBuf,
    /// How each office's site is made.
    pub site: SiteOptions,
    /// The directory's own public address.
    pub directory_base: BaseUrl,
    /// Previewing on this port: `<id>.localhost` reaches each office and
    /// the directory links there; without a registry, the files' own
    /// addresses are routed.
    pub preview_port: Option<u16>,
    /// Where each office's versions are kept (`<state>/offices/<id>`),
    /// and how many.
    pub state_dir: Option<PathBuf>,
    /// Versions each office's history keeps.
    pub history_limit: usize,
}

mod changes;
mod open;
mod table;

pub use changes::{Look, Seen};
pub use open::{OpenError, Options};
use table::{NotServed, Parts};

#[derive(Debug)]
struct Folder {
    options: FolderOptions,
    /// The folder, every office's file read only from inside it.
    files: offices::Folder,
    /// The directory's own host, keyed: no office's.
    directory_host: Option<String>,
    /// One change to the table at a time, so that the last file change
    /// seen is the last applied.
    changing: tokio::sync::Mutex<()>,
    /// The directory lags behind the offices: it is made again in the
    /// background after a change ([`Deployment::refresh_directory`]).
    directory_behind: AtomicBool,
    /// Wakes the task that makes the directory again.
    directory_wanted: tokio::sync::Notify,
    /// Starts that task once, on the first change.
    directory_task: std::sync::Once,
}

/// One office served from a folder.
#[derive(Debug, Clone)]
pub struct Office {
    /// The file's name without `.toml`.
    pub id: String,
    /// Its site and reload.
    pub state: Arc<AppState>,
}

/// An office of the folder that is not served: its file never loaded.
#[derive(Debug, Clone)]
pub struct Invalid {
    /// The office.
    pub id: String,
    /// What is wrong, briefly, without the folder's path.
    pub summary: String,
    /// When it was found.
    pub at: SystemTime,
}

/// What is wrong in a folder's deployment, for its `/healthz`.
#[derive(Debug, Clone, Default)]
pub struct Problems {
    /// Offices whose file never loaded.
    pub invalid: Vec<Invalid>,
    /// Addresses the files name that do not reach their office.
    pub refused: Vec<Refused>,
    /// Entries of the folder skipped.
    pub skipped: Vec<Skipped>,
    /// Entries of the registry left out.
    pub registry: Vec<offices::registry::Problem>,
    /// The last change of the registry that could not be read, and when:
    /// the registry read before it is served.
    pub registry_error: Option<(String, SystemTime)>,
}

/// Everything a request is routed by, swapped whole.
#[derive(Debug, Default, Clone)]
struct Table {
    /// A single charter file's office: every host reaches it.
    single: Option<Arc<AppState>>,
    /// A folder's offices, by id.
    offices: BTreeMap<String, Office>,
    /// Keyed host names to offices.
    hosts: HashMap<String, Arc<AppState>>,
    directory: Option<Arc<Directory>>,
    invalid: BTreeMap<String, Invalid>,
    /// What the files name that does not reach their office.
    refused: Vec<Refused>,
    /// Entries of the folder skipped, and why.
    skipped: Vec<Skipped>,
    /// The registry of addresses (`None` previewing without one).
    registry: Option<Arc<Registry>>,
    /// The last change of the registry that could not be read.
    registry_error: Option<(String, SystemTime)>,
    /// The offices as the directory lists them and searches them, made
    /// once for each change (not for each search).
    listed: Arc<[Listed]>,
}

/// Who answers a request.
pub enum Answering<'a> {
    /// An office's site.
    Office(&'a Arc<AppState>),
    /// The directory of every office.
    Directory(&'a Arc<Directory>),
}

/// A moment's view of the deployment, for routing one request.
pub struct View(arc_swap::Guard<Arc<Table>>);

impl View {
    /// Who answers a request for `host` (the `Host` header, any case, with
    /// or without a port).
    pub fn resolve(&self, host: Option<&[u8]>) -> Answering<'_> {
        let table = &self.0;
        if let Some(single) = &table.single {
            return Answering::Office(single);
        }
        let mut buffer = [0u8; 256];
        let office = match host {
            // An internationalised name sent as written, not in punycode
            // as browsers send it.
            Some(h) if !h.is_ascii() => {
                crate::hosts::from_header(h).and_then(|h| table.hosts.get(&h))
            }
            Some(h) => host_key(h, &mut buffer).and_then(|h| table.hosts.get(h)),
            None => None,
        };
        if let Some(office) = office {
            return Answering::Office(office);
        }
        match &table.directory {
            Some(directory) => Answering::Directory(directory),
            // The directory is made with the table; a table without one
            // has no offices either.
            None => unreachable!("a folder's table always has its directory"),
        }
    }
}

/// The id of a single charter's office: its file's name without `.toml`.
fn single_id(state: &AppState) -> String {
    let path = state.charter_file().path();
    path.file_stem().map_or_else(
        || "charter".to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// `host` as the table keys it: lower-case, without a port or a final
/// dot, written into `buffer`. `None` for a host too long to be one.
fn host_key<'b>(host: &[u8], buffer: &'b mut [u8; 256]) -> Option<&'b str> {
    let name = match host.first() {
        // [::1]:3000: an address, up to its closing bracket.
        Some(b'[') => &host[..=host.iter().position(|&b| b == b']')?],
        _ => host.split(|&b| b == b':').next()?,
    };
    let name = name.strip_suffix(b".").unwrap_or(name);
    let out = buffer.get_mut(..name.len())?;
    for (o, b) in out.iter_mut().zip(name) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

impl Deployment {
    /// One office, from one charter file: every host reaches it, as a
    /// server of one office always did.
    pub fn single(state: Arc<AppState>) -> Arc<Deployment> {
        Arc::new(Deployment {
            table: ArcSwap::from_pointee(Table {
                single: Some(state),
                ..Table::default()
            }),
            folder: None,
        })
    }

    /// Every office of the folder `options.dir`, reached by the addresses
    /// its registry gives them: each valid file is served (an invalid one
    /// from its history, when it has one), each invalid one is logged with
    /// its report and listed by the directory's `/healthz`, as is every
    /// entry of the folder skipped and every address a file names that
    /// the registry does not give it. Loads every file on every core.
    /// `Err` says what keeps the folder from being served: it cannot be
    /// read, or its registry cannot (or, but previewing, is missing).
    pub fn folder(mut options: FolderOptions) -> Result<Arc<Deployment>, String> {
        let start = Instant::now();
        // Copies besides brotli would be most of the memory of hundreds of
        // offices; the rare client that takes no br gets one made from it.
        options.site.copies = Copies::Brotli;
        let unreadable = |e: std::io::Error, dir: &Path| {
            Words::new("offices-folder-unreadable")
                .arg("folder", dir.display().to_string())
                .arg("error", crate::charter::io_reason(&e, log_lang()))
                .logged()
        };
        let files = offices::Folder::open(&options.dir).map_err(|e| unreadable(e, &options.dir))?;
        let directory_host = options.directory_base.host();
        let registry = match Registry::read(&options.registry, directory_host.as_deref()) {
            Ok(registry) => Some(Arc::new(registry)),
            Err(ReadError::Missing(path)) if options.preview_port.is_some() => {
                let said = Words::new("serve-preview-no-registry")
                    .arg("registry", path.display().to_string());
                tracing::info!("{}", said.logged());
                None
            }
            Err(e) => return Err(e.in_lang(log_lang())),
        };
        if let Some(registry) = &registry {
            for problem in registry.problems() {
                tracing::error!("{}", problem.in_lang(log_lang()));
            }
        }
        let folder = Folder {
            options,
            files,
            directory_host,
            changing: tokio::sync::Mutex::new(()),
            directory_behind: AtomicBool::new(false),
            directory_wanted: tokio::sync::Notify::new(),
            directory_task: std::sync::Once::new(),
        };
        let scan = folder
            .scan(registry.as_deref())
            .map_err(|e| unreadable(e, &folder.options.dir))?;
        // With a registry, its offices whatever else the folder holds.
        let ids: Vec<String> = match &registry {
            Some(registry) => registry.ids().into_iter().collect(),
            None => scan.files.iter().map(|f| f.id.clone()).collect(),
        };
        let loaded: Vec<(String, Result<Arc<AppState>, NotServed>)> =
            folder.options.site.compressor.run(|| {
                ids.into_par_iter()
                    .map(|id| {
                        let result = folder.start_office(&id, registry.as_deref());
                        (id, result)
                    })
                    .collect()
            });
        let mut offices = BTreeMap::new();
        let mut invalid = BTreeMap::new();
        for (id, result) in loaded {
            match result {
                Ok(state) => {
                    offices.insert(id.clone(), Office { id, state });
                }
                Err(why) => {
                    tracing::error!("{}", why.logged(folder.files.file(&id).path()));
                    invalid.insert(id.clone(), folder.invalid(&id, &why));
                }
            }
        }
        let directory = folder.directory(&offices);
        let parts = Parts {
            offices,
            invalid,
            directory,
            registry,
            registry_error: None,
            skipped: scan.skipped,
        };
        let table = folder.table(parts, None);
        tracing::info!(
            offices = table.offices.len(),
            invalid = table.invalid.len(),
            skipped = table.skipped.len(),
            refused_addresses = table.refused.len(),
            ms = start.elapsed().as_millis() as u64,
            "{}",
            Words::new("serve-folder-loaded").logged()
        );
        Ok(Arc::new(Deployment {
            table: ArcSwap::from_pointee(table),
            folder: Some(folder),
        }))
    }

    /// The deployment as it is now, to route a request with.
    pub fn view(&self) -> View {
        View(self.table.load())
    }

    /// The one office of a single charter file, `None` for a folder.
    pub fn single_office(&self) -> Option<Arc<AppState>> {
        self.table.load().single.clone()
    }

    /// The folder served, `None` for a single file.
    pub fn folder_path(&self) -> Option<&Path> {
        self.folder.as_ref().map(|f| f.options.dir.as_path())
    }

    /// The folder of offices, to look at its files (`None` for a single
    /// file).
    pub fn folder_files(&self) -> Option<offices::Folder> {
        self.folder.as_ref().map(|f| f.files.clone())
    }

    /// The registry of addresses' path, `None` for a single file.
    pub fn registry_path(&self) -> Option<&Path> {
        self.folder.as_ref().map(|f| f.options.registry.as_path())
    }

    /// The offices the registry lists now (`None` for a single file, or
    /// previewing without a registry).
    pub fn registered(&self) -> Option<std::collections::BTreeSet<String>> {
        self.table.load().registry.as_ref().map(|r| r.ids())
    }

    /// Every office served now, by id (none for a single file).
    pub fn offices(&self) -> Vec<Office> {
        self.table.load().offices.values().cloned().collect()
    }

    /// The office `id` served now: a folder's office of that id, or a
    /// single charter's office, whose id is its file's name without
    /// `.toml` ([`Deployment::office_id`]).
    pub fn office(&self, id: &str) -> Option<Arc<AppState>> {
        let table = self.table.load();
        match &table.single {
            Some(single) => (single_id(single) == id).then(|| Arc::clone(single)),
            None => table.offices.get(id).map(|o| Arc::clone(&o.state)),
        }
    }

    /// The id of the office `state` serves: its file's name without
    /// `.toml` (`charter` for `charter.toml`).
    pub fn office_id(&self, state: &Arc<AppState>) -> Option<String> {
        let table = self.table.load();
        match &table.single {
            Some(single) => Arc::ptr_eq(single, state).then(|| single_id(single)),
            None => (table.offices.values())
                .find(|o| Arc::ptr_eq(&o.state, state))
                .map(|o| o.id.clone()),
        }
    }

    /// The offices as the directory lists them, as served now.
    pub fn listed(&self) -> Arc<[Listed]> {
        Arc::clone(&self.table.load().listed)
    }

    /// What is wrong: offices not served, addresses refused, entries
    /// skipped, the registry's problems.
    pub fn problems(&self) -> Problems {
        let table = self.table.load();
        Problems {
            invalid: table.invalid.values().cloned().collect(),
            refused: table.refused.clone(),
            skipped: table.skipped.clone(),
            registry: (table.registry.as_ref()).map_or_else(Vec::new, |r| r.problems().to_vec()),
            registry_error: table.registry_error.clone(),
        }
    }

    /// Makes the directory again, in the background, from the offices as
    /// they are then: after any change, so that its pages and its index
    /// of every office's services stay current without an office's reload
    /// waiting for them. Changes that come while it is made are taken in
    /// by one more round.
    pub(super) fn refresh_directory(self: &Arc<Self>) {
        let Some(folder) = &self.folder else { return };
        folder.directory_behind.store(true, Ordering::Release);
        let this = Arc::clone(self);
        folder.directory_task.call_once(move || {
            tokio::spawn(async move {
                let folder = this.folder.as_ref().expect("a folder's deployment");
                loop {
                    folder.directory_wanted.notified().await;
                    while folder.directory_behind.swap(false, Ordering::AcqRel) {
                        let offices = this.table.load().offices.clone();
                        let made = {
                            let this = Arc::clone(&this);
                            tokio::task::spawn_blocking(move || {
                                let folder = this.folder.as_ref().expect("a folder's deployment");
                                folder.directory(&offices)
                            })
                            .await
                        };
                        let Ok(directory) = made else {
                            let said = Words::new("serve-directory-failed-again");
                            tracing::error!("{}", said.logged());
                            continue;
                        };
                        // Swapped in with the table as it is now (an office
                        // added meanwhile has set `directory_behind` again).
                        let _one_at_a_time = folder.changing.lock().await;
                        let now = this.table.load_full();
                        this.table.store(Arc::new(Table {
                            directory: Some(directory),
                            ..Table::clone(&now)
                        }));
                    }
                }
            });
        });
        folder.directory_wanted.notify_one();
    }
}

impl Folder {
    /// Looks at the folder: its offices' files (the registry's, when
    /// there is one) and every entry skipped.
    fn scan(&self, registry: Option<&Registry>) -> std::io::Result<offices::Scan> {
        self.files.scan(registry.map(Registry::ids).as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(host: &str) -> Option<String> {
        let mut buffer = [0u8; 256];
        host_key(host.as_bytes(), &mut buffer).map(str::to_string)
    }

    #[test]
    fn a_host_is_keyed_lower_case_without_its_port_or_final_dot() {
        for (host, expected) in [
            (
                "doict.haluaghat.mymensingh.gov.bd",
                "doict.haluaghat.mymensingh.gov.bd",
            ),
            ("DOICT.Haluaghat.GOV.BD:8080", "doict.haluaghat.gov.bd"),
            ("doict.haluaghat.gov.bd.", "doict.haluaghat.gov.bd"),
            ("doict.haluaghat.gov.bd.:443", "doict.haluaghat.gov.bd"),
            ("haluaghat.localhost:3000", "haluaghat.localhost"),
            ("127.0.0.1:3000", "127.0.0.1"),
            ("[::1]:3000", "[::1]"),
        ] {
            assert_eq!(key(host).as_deref(), Some(expected), "{host}");
        }
        // Longer than any host name: no office, so the directory.
        assert_eq!(key(&"a".repeat(300)), None);
    }
}
