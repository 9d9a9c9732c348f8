//! Live reload. What is watched:
//!
//! - the folder of the charter file, for events on the file's name
//!   (editors save by writing a new file and renaming it over the old
//!   one, which a watch on the file itself would lose);
//! - when the path is a symbolic link, the folder of the file it points to
//!   as well, for edits made to that file directly;
//! - every [`CHECK_EVERY`], the file itself, read through every link (its
//!   content's hash), so that no change is missed for longer than that,
//!   whatever the layout: a Kubernetes ConfigMap (its `..data` link
//!   swapped), a deployment's `current` link swapped, a file system that
//!   sends no events;
//! - SIGHUP, for a reload by hand.
//!
//! Reloading itself is [`AppState::reload`]: a bad file never replaces a
//! good site.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tokio::sync::mpsc;

use super::{AppState, Deployment};
use crate::charter::{self, CharterFile, Identity};
use crate::offices::folder;

/// How often the charter file is read to see whether it changed.
pub const CHECK_EVERY: Duration = Duration::from_secs(2);

/// Keeps the file watcher alive; dropping it stops watching.
pub struct Watcher {
    _debouncer: Box<dyn Send>,
}

/// Watches the charter file as the module says and reloads when it
/// changes. The periodic check runs even when the events cannot be
/// watched (the error says why).
pub fn watch_file(
    state: Arc<AppState>,
    charter_path: &Path,
) -> notify_debouncer_full::notify::Result<Watcher> {
    check_periodically(Arc::clone(&state), charter_path.to_path_buf());
    // (folder, file name) pairs: the path's own, and its target's.
    let mut watched = vec![folder_and_name(charter_path)];
    if let Ok(target) = std::fs::canonicalize(charter_path) {
        let target = folder_and_name(&target);
        if target != watched[0] {
            watched.push(target);
        }
    }
    let names: Vec<_> = watched.iter().map(|(_, name)| name.clone()).collect();
    let (tx, mut rx) = mpsc::channel::<()>(1);
    let mut debouncer = new_debouncer(
        Duration::from_millis(300),
        None,
        move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            // Only the charter file itself counts: not swap files, backups,
            // or a log file that happens to live in the same folder.
            let relevant = events.iter().any(|e| {
                !matches!(e.kind, EventKind::Access(_))
                    && e.paths.iter().any(|p| {
                        p.file_name()
                            .is_some_and(|n| names.iter().any(|name| name.as_os_str() == n))
                    })
            });
            if relevant {
                // A full channel means a reload is already queued.
                let _ = tx.try_send(());
            }
        },
    )?;
    for (folder, _) in &watched {
        debouncer.watch(folder, RecursiveMode::NonRecursive)?;
    }
    tokio::spawn(async move {
        while rx.recv().await.is_some() {
            tracing::info!("charter file changed; reloading");
            let _ = state.reload().await;
        }
    });
    Ok(Watcher {
        _debouncer: Box::new(debouncer),
    })
}

/// The folder `path` is in (`.` for a bare name) and its file name.
fn folder_and_name(path: &Path) -> (PathBuf, std::ffi::OsString) {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().unwrap_or_default().to_os_string();
    (folder, name)
}

/// Reads the charter at `path` every [`CHECK_EVERY`] and reloads when its
/// content differs from what the check saw last and from the site served
/// (a change the watcher has reloaded already is not loaded twice). A file
/// that cannot be read counts as a change too: the reload reports it.
pub fn check_periodically(state: Arc<AppState>, path: PathBuf) {
    tokio::spawn(async move {
        let mut seen = Some(state.site().content_hash.clone());
        let mut every = tokio::time::interval(CHECK_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        every.tick().await;
        loop {
            every.tick().await;
            let (file, max) = (path.clone(), state.max_charter_bytes());
            // Bounded and never blocking: a plain file of at most the
            // charter's size limit, or an error.
            let now = tokio::task::spawn_blocking(move || {
                charter::read_limited(&file, max)
                    .ok()
                    .map(|bytes| charter::content_hash(&bytes))
            })
            .await
            .unwrap_or(None);
            if now == seen {
                continue;
            }
            seen = now;
            let served = state.site().content_hash.clone();
            if seen.as_deref() == Some(served.as_str()) && !state.is_stale() {
                continue;
            }
            tracing::info!("charter file changed (periodic check); reloading");
            let _ = state.reload().await;
        }
    });
}

/// Reloads on every SIGHUP (`systemctl reload`).
pub fn reload_on_sighup(state: Arc<AppState>) {
    #[cfg(unix)]
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut hup) = signal(SignalKind::hangup()) else {
            tracing::warn!("cannot listen for SIGHUP; reload by editing the file instead");
            return;
        };
        while hup.recv().await.is_some() {
            tracing::info!("SIGHUP received; reloading");
            let _ = state.reload().await;
        }
    });
    #[cfg(not(unix))]
    let _ = state;
}

/// Watches the folder of a deployment's offices and its registry of
/// addresses: an event on a charter file of the folder, or a change the
/// periodic check sees (a file's size, time or identity, through links),
/// is given to [`Deployment::file_changed`] for that file's office alone;
/// a change of the registry to [`Deployment::registry_changed`].
pub fn watch_folder(
    deployment: Arc<Deployment>,
    dir: &Path,
) -> notify_debouncer_full::notify::Result<Watcher> {
    let changed = Arc::new(Changed::default());
    check_folder_periodically(Arc::clone(&deployment), &changed);
    let registry = deployment.registry_path().map(folder_and_name);
    let events = Arc::clone(&changed);
    let registry_name = registry.as_ref().map(|(_, name)| name.clone());
    let mut debouncer = new_debouncer(
        Duration::from_millis(300),
        None,
        move |result: DebounceEventResult| {
            let Ok(happened) = result else { return };
            let names = happened
                .iter()
                .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                .flat_map(|e| e.paths.iter())
                .filter_map(|p| p.file_name());
            let mut ids = Vec::new();
            for name in names {
                if registry_name.as_deref() == Some(name) {
                    events
                        .registry
                        .store(true, std::sync::atomic::Ordering::Release);
                } else if let Some(id) = name.to_str().and_then(|n| folder::office_id(n).ok()) {
                    ids.push(id.to_string());
                }
            }
            events.add(ids.into_iter());
        },
    )?;
    debouncer.watch(dir, RecursiveMode::NonRecursive)?;
    if let Some((registry_dir, _)) = &registry
        && let Err(e) = debouncer.watch(registry_dir, RecursiveMode::NonRecursive)
    {
        tracing::warn!(
            "not watching {} for the registry of addresses: {e}; it is read again every {} s \
             and on SIGHUP",
            registry_dir.display(),
            CHECK_EVERY.as_secs()
        );
    }
    tokio::spawn(async move {
        loop {
            changed.wake.notified().await;
            if changed
                .registry
                .swap(false, std::sync::atomic::Ordering::AcqRel)
            {
                tracing::info!("the registry of addresses changed; reading it again");
                deployment.registry_changed().await;
            }
            for id in changed.take() {
                tracing::info!("{id}.toml changed; reloading its office");
                deployment.file_changed(&id).await;
            }
        }
    });
    Ok(Watcher {
        _debouncer: Box::new(debouncer),
    })
}

/// The offices whose files changed, waiting to be applied: a set, so a
/// burst of events on one file is one reload; and whether the registry
/// changed.
#[derive(Default)]
struct Changed {
    ids: std::sync::Mutex<std::collections::BTreeSet<String>>,
    registry: std::sync::atomic::AtomicBool,
    wake: tokio::sync::Notify,
}

impl Changed {
    fn add(&self, ids: impl Iterator<Item = String>) {
        let mut set = self.ids.lock().unwrap_or_else(|e| e.into_inner());
        // Bounded: no folder is served with more files than this.
        for id in ids {
            if set.len() == folder::MAX_OFFICES {
                break;
            }
            set.insert(id);
        }
        if !set.is_empty() || self.registry.load(std::sync::atomic::Ordering::Acquire) {
            self.wake.notify_one();
        }
    }

    fn take(&self) -> Vec<String> {
        let mut set = self.ids.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut *set).into_iter().collect()
    }
}

/// What one look at the folder sees: each office's file, and the
/// registry.
#[derive(PartialEq)]
struct Look {
    files: std::collections::BTreeMap<String, Option<Identity>>,
    registry: Option<Identity>,
}

/// Looks at the folder and the registry every [`CHECK_EVERY`] and hands
/// every file that appeared, went or changed to `changed`, a changed
/// registry too, and the entries skipped to the deployment: no change is
/// missed for longer than that, events or none. The first look is taken
/// now, before the offices loaded with the folder can be changed again
/// unseen.
fn check_folder_periodically(deployment: Arc<Deployment>, changed: &Arc<Changed>) {
    let look = {
        let deployment = Arc::clone(&deployment);
        move || -> Option<(Look, Vec<folder::Skipped>)> {
            let files = deployment.folder_files()?;
            let scan = files.scan(deployment.registered().as_ref()).ok()?;
            let registry = deployment
                .registry_path()
                .and_then(|p| CharterFile::at(p).identity());
            let files = (scan.files.into_iter())
                .map(|f| (f.id, f.file.identity()))
                .collect();
            Some((Look { files, registry }, scan.skipped))
        }
    };
    let mut last = look().map(|(l, _)| l);
    let changed = Arc::clone(changed);
    tokio::spawn(async move {
        let mut every = tokio::time::interval(CHECK_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        every.tick().await;
        loop {
            every.tick().await;
            let look = look.clone();
            let Ok(Some((now, skipped))) = tokio::task::spawn_blocking(look).await else {
                continue;
            };
            deployment.note_skipped(skipped).await;
            if let Some(last) = &last {
                if last.registry != now.registry {
                    tracing::info!("the registry of addresses changed (periodic check)");
                    changed
                        .registry
                        .store(true, std::sync::atomic::Ordering::Release);
                }
                let mut ids: Vec<String> = (now.files.iter())
                    .filter(|(id, s)| last.files.get(*id) != Some(*s))
                    .map(|(id, _)| id.clone())
                    .collect();
                ids.extend(
                    last.files
                        .keys()
                        .filter(|id| !now.files.contains_key(*id))
                        .cloned(),
                );
                if !ids.is_empty() {
                    tracing::info!(files = ids.len(), "charter files changed (periodic check)");
                }
                changed.add(ids.into_iter());
            }
            // An office the table has that the folder lost since it was
            // loaded (removed between the load and the first look).
            let extra: Vec<String> = (deployment.offices().into_iter())
                .map(|o| o.id)
                .filter(|id| !now.files.contains_key(id))
                .collect();
            changed.add(extra.into_iter());
            last = Some(now);
        }
    });
}

/// Reloads on every SIGHUP (`systemctl reload`): every office whose file
/// changed.
pub fn reload_deployment_on_sighup(deployment: Arc<Deployment>) {
    #[cfg(unix)]
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut hup) = signal(SignalKind::hangup()) else {
            tracing::warn!("cannot listen for SIGHUP; reload by editing the files instead");
            return;
        };
        while hup.recv().await.is_some() {
            tracing::info!("SIGHUP received; reloading every changed charter");
            deployment.reload_all().await;
        }
    });
    #[cfg(not(unix))]
    let _ = deployment;
}
