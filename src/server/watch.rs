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
use crate::charter::{self, folder};

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

/// Watches the folder of a deployment's offices: an event on a charter
/// file of the folder, or a change the periodic check sees (a file's
/// size, time or identity, through links), is given to
/// [`Deployment::file_changed`] for that file's office alone.
pub fn watch_folder(
    deployment: Arc<Deployment>,
    dir: &Path,
) -> notify_debouncer_full::notify::Result<Watcher> {
    let changed = Arc::new(Changed::default());
    check_folder_periodically(Arc::clone(&deployment), dir.to_path_buf(), &changed);
    let events = Arc::clone(&changed);
    let mut debouncer = new_debouncer(
        Duration::from_millis(300),
        None,
        move |result: DebounceEventResult| {
            let Ok(happened) = result else { return };
            let ids = happened
                .iter()
                .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                .flat_map(|e| e.paths.iter())
                .filter_map(|p| p.file_name()?.to_str())
                .filter(|name| folder::is_charter_file(name))
                .map(|name| name[..name.len() - ".toml".len()].to_string());
            events.add(ids);
        },
    )?;
    debouncer.watch(dir, RecursiveMode::NonRecursive)?;
    tokio::spawn(async move {
        loop {
            changed.wake.notified().await;
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
/// burst of events on one file is one reload.
#[derive(Default)]
struct Changed {
    ids: std::sync::Mutex<std::collections::BTreeSet<String>>,
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
        if !set.is_empty() {
            self.wake.notify_one();
        }
    }

    fn take(&self) -> Vec<String> {
        let mut set = self.ids.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut *set).into_iter().collect()
    }
}

/// What the periodic check compares a file by: its size, time and
/// identity, read through links (a ConfigMap's swapped `..data` link
/// changes the identity).
type Seen = (u64, Option<std::time::SystemTime>, u64);

fn seen(path: &Path) -> Option<Seen> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let identity = {
        use std::os::unix::fs::MetadataExt as _;
        meta.ino() ^ meta.dev().rotate_left(32)
    };
    #[cfg(not(unix))]
    let identity = 0;
    Some((meta.len(), meta.modified().ok(), identity))
}

/// Lists the folder every [`CHECK_EVERY`] and hands every file that
/// appeared, went or changed to `changed`: no change is missed for longer
/// than that, events or none. The first look is taken now, before the
/// offices loaded with the folder can be changed again unseen.
fn check_folder_periodically(deployment: Arc<Deployment>, dir: PathBuf, changed: &Arc<Changed>) {
    let look = move |dir: &Path| -> Option<std::collections::BTreeMap<String, Option<Seen>>> {
        let files = folder::office_files(dir).ok()?;
        Some(files.into_iter().map(|f| (f.id, seen(&f.path))).collect())
    };
    let mut last = look(&dir).unwrap_or_default();
    let changed = Arc::clone(changed);
    tokio::spawn(async move {
        let mut every = tokio::time::interval(CHECK_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        every.tick().await;
        loop {
            every.tick().await;
            let folder = dir.clone();
            let Ok(Some(now)) = tokio::task::spawn_blocking(move || look(&folder)).await else {
                continue;
            };
            let mut ids: Vec<String> = (now.iter())
                .filter(|(id, s)| last.get(*id) != Some(*s))
                .map(|(id, _)| id.clone())
                .collect();
            ids.extend(last.keys().filter(|id| !now.contains_key(*id)).cloned());
            if !ids.is_empty() {
                tracing::info!(files = ids.len(), "charter files changed (periodic check)");
                changed.add(ids.into_iter());
            }
            last = now;
            // An office the table has that the folder lost since it was
            // loaded (removed between the load and the first look).
            let extra: Vec<String> = (deployment.offices().into_iter())
                .map(|o| o.id)
                .filter(|id| !last.contains_key(id))
                .collect();
            if !extra.is_empty() {
                changed.add(extra.into_iter());
            }
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
