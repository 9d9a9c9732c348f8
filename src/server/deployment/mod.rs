//! What one server serves: the office of one charter file, or every office
//! of a folder of charter files and the directory of them all.
//!
//! A folder's offices are each an [`AppState`] of their own, reloaded on
//! their own: a bad save keeps that office's last good version and touches
//! no other. Which office a request is for is its `Host`: an office's
//! website or one of its aliases (or, previewing, `<id>.localhost`); any
//! other host gets the directory. The table of hosts is swapped whole
//! when an office is added, removed or changes its hosts, so a request
//! never sees half of a change.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Instant, SystemTime};

use arc_swap::ArcSwap;
use rayon::prelude::*;

use super::AppState;
use crate::charter::folder::{self, OfficeFile};
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
    /// How each office's site is made.
    pub site: SiteOptions,
    /// The directory's own public address.
    pub directory_base: BaseUrl,
    /// Previewing on this port: `<id>.localhost` reaches each office and
    /// the directory links there.
    pub preview_port: Option<u16>,
    /// Where each office's versions are kept (`<state>/offices/<id>`),
    /// and how many.
    pub state_dir: Option<PathBuf>,
    /// Versions each office's history keeps.
    pub history_limit: usize,
}

mod offices;

use offices::Listing;

#[derive(Debug)]
struct Folder {
    options: FolderOptions,
    /// One change to the table at a time, so that the last file change
    /// seen is the last applied.
    changing: tokio::sync::Mutex<()>,
    /// Load order of the next office added: the office loaded first keeps
    /// a host two files claim.
    next_order: AtomicU64,
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
    order: u64,
}

/// A file of the folder that is not served: it never loaded, or its name
/// cannot be an office's.
#[derive(Debug, Clone)]
pub struct Invalid {
    /// The file's name without `.toml`.
    pub id: String,
    /// What is wrong, briefly, without the folder's path.
    pub summary: String,
    /// When it was found.
    pub at: SystemTime,
}

/// A host name two offices' files claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The host, lower-case.
    pub host: String,
    /// The office that has it (loaded first).
    pub kept_by: String,
    /// The office that claims it too and is not reached by it.
    pub refused: String,
}

/// Everything a request is routed by, swapped whole.
#[derive(Debug, Default, Clone)]
struct Table {
    /// A single charter file's office: every host reaches it.
    single: Option<Arc<AppState>>,
    /// A folder's offices, by id.
    offices: BTreeMap<String, Office>,
    /// Lower-case host names to offices.
    hosts: HashMap<String, Arc<AppState>>,
    directory: Option<Arc<Directory>>,
    invalid: BTreeMap<String, Invalid>,
    conflicts: Vec<Conflict>,
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
        if let Some(office) = host
            .and_then(|h| host_key(h, &mut buffer))
            .and_then(|h| table.hosts.get(h))
        {
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

    /// Every office of the folder `options.dir`: each valid file is served
    /// (an invalid one from its history, when it has one), each invalid
    /// one is logged with its report and listed by the directory's
    /// `/healthz`. Loads every file on every core. `Err` when the folder
    /// cannot be read.
    pub fn folder(mut options: FolderOptions) -> std::io::Result<Arc<Deployment>> {
        let start = Instant::now();
        // Copies besides brotli would be most of the memory of hundreds of
        // offices; the rare client that takes no br gets one made from it.
        options.site.copies = Copies::Brotli;
        let files = folder::office_files(&options.dir)?;
        let folder = Folder {
            options,
            changing: tokio::sync::Mutex::new(()),
            next_order: AtomicU64::new(0),
            directory_behind: AtomicBool::new(false),
            directory_wanted: tokio::sync::Notify::new(),
            directory_task: std::sync::Once::new(),
        };
        let loaded: Vec<(OfficeFile, Result<Arc<AppState>, String>)> =
            folder.options.site.compressor.run(|| {
                files
                    .into_par_iter()
                    .map(|file| {
                        let result = folder.start_office(&file);
                        (file, result)
                    })
                    .collect()
            });
        let mut offices = BTreeMap::new();
        let mut invalid = BTreeMap::new();
        for (file, result) in loaded {
            match result {
                Ok(state) => {
                    let order = folder.next_order.fetch_add(1, Ordering::Relaxed);
                    let id = file.id.clone();
                    offices.insert(id.clone(), Office { id, state, order });
                }
                Err(report) => {
                    tracing::error!("{} is not served:\n{report}", file.path.display());
                    invalid.insert(file.id.clone(), folder.invalid(&file, &report));
                }
            }
        }
        let directory = folder.directory(&offices);
        let table = folder.table(offices, invalid, directory);
        tracing::info!(
            offices = table.offices.len(),
            invalid = table.invalid.len(),
            ms = start.elapsed().as_millis() as u64,
            "folder loaded"
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

    /// Every office served now, by id (none for a single file).
    pub fn offices(&self) -> Vec<Office> {
        self.table.load().offices.values().cloned().collect()
    }

    /// The offices as the directory lists them, as served now.
    pub fn listed(&self) -> Vec<Listed> {
        match &self.folder {
            Some(folder) => folder.listed(&self.table.load().offices),
            None => Vec::new(),
        }
    }

    /// The files not served, and the hosts two files claim.
    pub fn problems(&self) -> (Vec<Invalid>, Vec<Conflict>) {
        let table = self.table.load();
        (
            table.invalid.values().cloned().collect(),
            table.conflicts.clone(),
        )
    }

    /// Reloads every office: each file is read again and each office whose
    /// file changed is loaded again (`SIGHUP`; for one file, its reload).
    pub async fn reload_all(self: &Arc<Self>) {
        if let Some(single) = self.single_office() {
            let _ = single.reload().await;
            return;
        }
        let Some(folder) = &self.folder else { return };
        let dir = folder.options.dir.clone();
        let listed = tokio::task::spawn_blocking(move || folder::office_files(&dir)).await;
        let Ok(Ok(files)) = listed else {
            tracing::error!(
                "cannot read {}; every office keeps being served",
                folder.options.dir.display()
            );
            return;
        };
        let table = self.table.load_full();
        let mut ids: Vec<String> = files.into_iter().map(|f| f.id).collect();
        ids.extend(table.offices.keys().cloned());
        ids.extend(table.invalid.keys().cloned());
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            let unchanged = match table.offices.get(&id) {
                Some(office) => office.state.file_unchanged().await,
                None => false,
            };
            if !unchanged {
                self.file_changed(&id).await;
            }
        }
    }

    /// Applies a change to the file of the office `id` (a folder only): a
    /// changed file reloads its office alone (a bad save keeps its last
    /// good version), a new valid file adds an office, a removed file
    /// removes its office. The table, and the directory, are made again
    /// only when the offices or their hosts or names changed.
    pub async fn file_changed(self: &Arc<Self>, id: &str) {
        let Some(folder) = &self.folder else { return };
        let _one_at_a_time = folder.changing.lock().await;
        let path = folder.options.dir.join(format!("{id}.toml"));
        let exists = std::fs::metadata(&path).is_ok_and(|m| m.is_file());
        let table = self.table.load_full();
        let mut offices = table.offices.clone();
        let mut invalid = table.invalid.clone();
        match (offices.get(id).cloned(), exists) {
            (Some(office), true) => {
                let before = Listing::of(&office.state);
                if office.state.reload().await.is_err() {
                    // Served as before.
                    return;
                }
                // Its new pages are served; the directory's index of
                // every service follows, in the background.
                self.refresh_directory();
                if Listing::of(&office.state) == before {
                    return;
                }
            }
            (Some(_), false) => {
                tracing::info!(
                    "{} was removed; its office is no longer served",
                    path.display()
                );
                offices.remove(id);
            }
            (None, true) => {
                let file = OfficeFile {
                    id: id.to_string(),
                    path: path.clone(),
                };
                let started = {
                    let folder_file = file.clone();
                    let this = Arc::clone(self);
                    tokio::task::spawn_blocking(move || {
                        let folder = this.folder.as_ref().expect("a folder's deployment");
                        folder.start_office(&folder_file)
                    })
                    .await
                    .unwrap_or_else(|e| Err(format!("the load stopped unexpectedly: {e}")))
                };
                match started {
                    Ok(state) => {
                        tracing::info!("{} added: its office is served", path.display());
                        invalid.remove(id);
                        let order = folder.next_order.fetch_add(1, Ordering::Relaxed);
                        let id = id.to_string();
                        offices.insert(id.clone(), Office { id, state, order });
                    }
                    Err(report) => {
                        tracing::error!("{} is not served:\n{report}", path.display());
                        // Listed in the directory's /healthz: a new
                        // table, with the same offices.
                        invalid.insert(id.to_string(), folder.invalid(&file, &report));
                    }
                }
            }
            (None, false) => {
                if invalid.remove(id).is_none() {
                    return;
                }
            }
        }
        // The hosts change at once (a few hundred names, no rendering);
        // the directory follows in the background.
        let table = folder.table(offices, invalid, directory_of(&table));
        self.table.store(Arc::new(table));
        self.refresh_directory();
    }

    /// Makes the directory again, in the background, from the offices as
    /// they are then: after any change, so that its pages and its index
    /// of every office's services stay current without an office's reload
    /// waiting for them. Changes that come while it is made are taken in
    /// by one more round.
    fn refresh_directory(self: &Arc<Self>) {
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
                            tracing::error!("the directory could not be made again");
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

/// The directory `table` has (a folder's always has one).
fn directory_of(table: &Table) -> Arc<Directory> {
    Arc::clone(
        table
            .directory
            .as_ref()
            .expect("a folder's table has its directory"),
    )
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
