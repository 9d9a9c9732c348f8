//! What changes a folder's table once it is served: a file of the
//! folder, the registry of addresses, a look at the folder, SIGHUP. Each
//! change is applied alone ([`Folder::changing`]), and swaps the table
//! whole.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::SystemTime;

use super::table::{Listing, NotServed, Parts};
use super::{Deployment, Office};
use crate::charter::{CharterFile, Identity};
use crate::i18n::{Words, log_lang};
use crate::offices::{self, MAX_OFFICES, Registry, Skipped, registry::ReadError};
use crate::server::AppState;

impl Deployment {
    /// Reloads every office: the registry is read again, and each file,
    /// and each office whose file changed is loaded again (`SIGHUP`; for
    /// one file, its reload).
    pub async fn reload_all(self: &Arc<Self>) {
        if let Some(single) = self.single_office() {
            let _ = single.reload().await;
            return;
        }
        let Some(folder) = &self.folder else { return };
        self.registry_changed().await;
        let files = folder.files.clone();
        let registered = self.registered();
        let scanned = tokio::task::spawn_blocking(move || files.scan(registered.as_ref())).await;
        let Ok(Ok(scan)) = scanned else {
            let said = Words::new("serve-folder-unread")
                .arg("folder", folder.options.dir.display().to_string());
            tracing::error!("{}", said.logged());
            return;
        };
        let table = self.table.load_full();
        let mut ids: Vec<String> = scan.files.iter().map(|f| f.id.clone()).collect();
        ids.extend(table.offices.keys().cloned());
        ids.extend(table.invalid.keys().cloned());
        ids.sort_unstable();
        ids.dedup();
        self.note_skipped(scan.skipped).await;
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
    /// good version), a new valid file adds an office (one of the
    /// registry's, or previewing without one, any), a removed file
    /// removes its office. The table, and the directory, are made again
    /// only when the offices or their addresses or names changed.
    pub async fn file_changed(self: &Arc<Self>, id: &str) {
        let Some(folder) = &self.folder else {
            // A single charter: its one office, whatever the name.
            if let Some(single) = self.single_office()
                && !single.file_unchanged().await
            {
                let _ = single.reload().await;
            }
            return;
        };
        let _one_at_a_time = folder.changing.lock().await;
        let table = self.table.load_full();
        let registry = table.registry.clone();
        let may_serve = match &registry {
            Some(registry) => registry.has(id),
            None => offices::folder::id_problem(id).is_none(),
        };
        if !may_serve {
            return;
        }
        let file = folder.files.file(id);
        let path = file.path().to_path_buf();
        let exists = tokio::task::spawn_blocking(move || file.identity().is_some())
            .await
            .unwrap_or(false);
        let mut parts = Parts::of(&table);
        match (parts.offices.get(id).cloned(), exists) {
            (Some(office), true) => {
                if office.state.file_unchanged().await {
                    // Seen already (an event and the periodic look both
                    // tell of one save).
                    return;
                }
                let before = Listing::of(&office.state);
                if office.state.reload().await.is_err() {
                    // Served as before.
                    return;
                }
                // Its new pages are served; the directory's index of
                // every service follows, in the background.
                self.refresh_directory();
                if Listing::of(&office.state) == before {
                    // The same table, but the office's new site listed
                    // for the directory's search.
                    let listed = folder.listed(&table.offices).into();
                    self.table.store(Arc::new(super::Table {
                        listed,
                        ..super::Table::clone(&table)
                    }));
                    return;
                }
            }
            (Some(_), false) => {
                let said =
                    Words::new("serve-office-removed").arg("file", path.display().to_string());
                tracing::info!("{}", said.logged());
                parts.offices.remove(id);
            }
            (None, true) => {
                if registry.is_none() && parts.offices.len() >= MAX_OFFICES {
                    let said = Words::new("serve-office-beyond-limit")
                        .arg("file", path.display().to_string())
                        .arg("max", MAX_OFFICES);
                    tracing::error!("{}", said.logged());
                    return;
                }
                match self.start_office(id, registry.clone()).await {
                    Ok(state) => {
                        let said = Words::new("serve-office-added")
                            .arg("file", path.display().to_string());
                        tracing::info!("{}", said.logged());
                        parts.invalid.remove(id);
                        let id = id.to_string();
                        parts.offices.insert(id.clone(), Office { id, state });
                    }
                    Err(why) => {
                        tracing::error!("{}", why.logged(&path));
                        // Listed in the directory's /healthz: a new
                        // table, with the same offices.
                        parts
                            .invalid
                            .insert(id.to_string(), folder.invalid(id, &why));
                    }
                }
            }
            (None, false) => {
                if parts.invalid.remove(id).is_none() {
                    return;
                }
            }
        }
        // The hosts change at once (a few hundred names, no rendering);
        // the directory follows in the background.
        self.table
            .store(Arc::new(folder.table(parts, Some(&table))));
        self.refresh_directory();
    }

    /// Loads the office `id` off the async workers.
    async fn start_office(
        self: &Arc<Self>,
        id: &str,
        registry: Option<Arc<Registry>>,
    ) -> Result<Arc<AppState>, NotServed> {
        let (this, id) = (Arc::clone(self), id.to_string());
        tokio::task::spawn_blocking(move || {
            let folder = this.folder.as_ref().expect("a folder's deployment");
            folder.start_office(&id, registry.as_deref())
        })
        .await
        .unwrap_or_else(|e| Err(NotServed::Stopped(e.to_string())))
    }

    /// Reads the registry of addresses again: an office it adds is
    /// loaded, one it removes is no longer served, one whose addresses
    /// change is loaded again (its pages link to its own address). A
    /// registry that cannot be read changes nothing: it is logged and
    /// `/healthz` says so until it can be.
    pub async fn registry_changed(self: &Arc<Self>) {
        let Some(folder) = &self.folder else { return };
        let _one_at_a_time = folder.changing.lock().await;
        let table = self.table.load_full();
        let (path, directory) = (
            folder.options.registry.clone(),
            folder.directory_host.clone(),
        );
        let read = tokio::task::spawn_blocking(move || Registry::read(&path, directory.as_deref()))
            .await
            .unwrap_or_else(|e| {
                Err(ReadError::Unreadable {
                    path: folder.options.registry.clone(),
                    error: std::io::Error::other(e.to_string()),
                })
            });
        let mut parts = Parts::of(&table);
        let registry = match read {
            Ok(registry) => registry,
            Err(ReadError::Missing(_)) if table.registry.is_none() => return,
            Err(e) => {
                let shown = e.to_string();
                if table.registry_error.as_ref().map(|(s, _)| s) != Some(&shown) {
                    tracing::error!(
                        "{}\n{}",
                        Words::new("serve-registry-not-reread").logged(),
                        e.in_lang(log_lang())
                    );
                }
                parts.registry_error = Some((shown, SystemTime::now()));
                self.table
                    .store(Arc::new(folder.table(parts, Some(&table))));
                return;
            }
        };
        let unchanged = table.registry.as_deref().is_some_and(|old| {
            old.ids() == registry.ids() && registry.offices().all(|(id, h)| old.hosts(id) == h)
        });
        if unchanged && table.registry_error.is_none() {
            return;
        }
        let known = table.registry.as_ref().map_or(&[][..], |r| r.problems());
        for problem in registry.problems().iter().filter(|p| !known.contains(p)) {
            tracing::error!("{}", problem.in_lang(log_lang()));
        }
        let registry = Arc::new(registry);
        let old = table.registry.clone();
        let changed: Vec<String> = registry
            .offices()
            .filter(|(id, hosts)| {
                old.as_ref()
                    .is_none_or(|o| !o.has(id) || o.hosts(id) != *hosts)
            })
            .map(|(id, _)| id.to_string())
            .collect();
        parts.offices.retain(|id, _| registry.has(id));
        parts.invalid.retain(|id, _| registry.has(id));
        for id in changed {
            match self.start_office(&id, Some(Arc::clone(&registry))).await {
                Ok(state) => {
                    parts.invalid.remove(&id);
                    parts.offices.insert(id.clone(), Office { id, state });
                }
                Err(why) => {
                    tracing::error!("{}", why.logged(folder.files.file(&id).path()));
                    parts.offices.remove(&id);
                    parts.invalid.insert(id.clone(), folder.invalid(&id, &why));
                }
            }
        }
        tracing::info!(
            offices = registry.ids().len(),
            "{}",
            Words::new("serve-registry-followed").logged()
        );
        parts.registry = Some(registry);
        parts.registry_error = None;
        self.table
            .store(Arc::new(folder.table(parts, Some(&table))));
        self.refresh_directory();
    }

    /// Notes the entries of the folder a look found skipped: a new one is
    /// logged, and every one is listed in the directory's `/healthz`.
    pub async fn note_skipped(self: &Arc<Self>, skipped: Vec<Skipped>) {
        let Some(folder) = &self.folder else { return };
        let _one_at_a_time = folder.changing.lock().await;
        let table = self.table.load_full();
        if table.skipped == skipped {
            return;
        }
        let mut parts = Parts::of(&table);
        parts.skipped = skipped;
        self.table
            .store(Arc::new(folder.table(parts, Some(&table))));
    }

    /// What a look at the charter files sees now, to tell what changed
    /// since the last look: a single charter by its content (a copy that
    /// keeps the file's size and time is seen too), a folder's files by
    /// their size, time and identity (reading thousands of files every
    /// few seconds would cost more than it finds), the registry too, and
    /// the folder's entries skipped. `None` when it cannot be looked at.
    pub fn look(&self) -> Option<Look> {
        let Some(folder) = &self.folder else {
            let state = self.single_office()?;
            let content = (state.charter_file().read(state.max_charter_bytes()))
                .ok()
                .map(|bytes| Seen::Content(crate::charter::content_hash(&bytes)));
            return Some(Look {
                files: BTreeMap::from([(String::new(), content)]),
                registry: None,
                skipped: None,
            });
        };
        let table = self.table.load_full();
        let scan = folder.scan(table.registry.as_deref()).ok()?;
        let files = (scan.files.into_iter())
            .map(|f| (f.id, f.file.identity().map(Seen::Identity)))
            .collect();
        let registry = CharterFile::at(&folder.options.registry).identity();
        Some(Look {
            files,
            registry,
            skipped: Some(scan.skipped),
        })
    }
}

/// What one look at the charter files sees ([`Deployment::look`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    /// Each office's file, by id ("" for a single charter's).
    pub files: BTreeMap<String, Option<Seen>>,
    /// The registry of addresses.
    pub registry: Option<Identity>,
    /// The folder's entries skipped.
    pub skipped: Option<Vec<Skipped>>,
}

/// What a look compares a file by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// Its size, time and identity.
    Identity(Identity),
    /// Its content's hash.
    Content(String),
}
