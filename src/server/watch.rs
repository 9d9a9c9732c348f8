//! Live reload, for a single charter and a folder of offices alike. What
//! is watched:
//!
//! - the folder of each charter file, for events on the file's name
//!   (editors save by writing a new file and renaming it over the old
//!   one, which a watch on the file itself would lose); for a single file
//!   that is a symbolic link, the folder of the file it points to as well;
//!   a folder's registry of addresses, in its own folder;
//! - every [`CHECK_EVERY`], a look at each file ([`Deployment::look`]),
//!   so that no change is missed for longer than that, whatever the
//!   layout: a Kubernetes ConfigMap (its `..data` link swapped), a
//!   deployment's `current` link swapped, a file system that sends no
//!   events, a copy that keeps the file's size and time;
//! - SIGHUP, for a reload by hand.
//!
//! A change goes to [`Deployment::file_changed`] for its office alone (or
//! [`Deployment::registry_changed`]); reloading itself is
//! [`AppState::reload`](super::AppState::reload): a bad file never
//! replaces a good site.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use super::Deployment;
use crate::i18n::Words;
use crate::offices::{MAX_OFFICES, folder};

/// How often each charter file is looked at to see whether it changed.
pub const CHECK_EVERY: Duration = Duration::from_secs(2);

/// Keeps the file watcher alive; dropping it stops watching.
pub struct Watcher {
    _debouncer: Box<dyn Send>,
}

/// Which names of a watched folder matter, and whose they are.
#[derive(Clone)]
enum Names {
    /// Any office's charter file (`<id>.toml`).
    Offices,
    /// These names are the single charter's.
    Single(Vec<OsString>),
    /// This name is the registry of addresses.
    Registry(OsString),
}

/// Watches what `deployment` serves, as the module says. The periodic
/// look runs even when the events cannot be watched (the error says why).
pub fn watch(deployment: Arc<Deployment>) -> notify_debouncer_full::notify::Result<Watcher> {
    let changed = Arc::new(Changed::default());
    look_periodically(Arc::clone(&deployment), &changed);
    apply(Arc::clone(&deployment), &changed);
    let names = watched(&deployment);
    let events = Arc::clone(&changed);
    let filters: Vec<Names> = names.iter().map(|(_, n)| n.clone()).collect();
    let mut debouncer = new_debouncer(
        Duration::from_millis(300),
        None,
        move |result: DebounceEventResult| {
            let Ok(happened) = result else { return };
            let mut ids = Vec::new();
            let names = happened
                .iter()
                .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                .flat_map(|e| e.paths.iter())
                .filter_map(|p| p.file_name());
            for name in names {
                for filter in &filters {
                    match filter {
                        Names::Registry(registry) if registry == name => {
                            events.registry.store(true, Ordering::Release);
                        }
                        Names::Single(own) if own.iter().any(|n| n == name) => {
                            ids.push(String::new());
                        }
                        Names::Offices => {
                            if let Some(id) = name.to_str().and_then(|n| folder::office_id(n).ok())
                            {
                                ids.push(id.to_string());
                            }
                        }
                        _ => {}
                    }
                }
            }
            // Only the charter files count: not swap files, backups, or a
            // log file that happens to live in the same folder.
            events.add(ids);
        },
    )?;
    let mut first_error = None;
    for (dir, _) in &names {
        if let Err(e) = debouncer.watch(dir, RecursiveMode::NonRecursive) {
            let said = Words::new("serve-not-watching-folder")
                .arg("folder", dir.display().to_string())
                .arg("error", e.to_string())
                .arg("seconds", CHECK_EVERY.as_secs());
            tracing::warn!("{}", said.logged());
            first_error.get_or_insert(e);
        }
    }
    if let Some(e) = first_error
        && names.len() == 1
    {
        return Err(e);
    }
    Ok(Watcher {
        _debouncer: Box::new(debouncer),
    })
}

/// Looks at what `deployment` serves every [`CHECK_EVERY`] and applies
/// what changed, without watching for events: what [`watch`] does when
/// no event comes.
pub fn check_periodically(deployment: Arc<Deployment>) {
    let changed = Arc::new(Changed::default());
    look_periodically(Arc::clone(&deployment), &changed);
    apply(deployment, &changed);
}

/// Applies each change `changed` is told of, one at a time.
fn apply(deployment: Arc<Deployment>, changed: &Arc<Changed>) {
    let changed = Arc::clone(changed);
    tokio::spawn(async move {
        loop {
            changed.wake.notified().await;
            if changed.registry.swap(false, Ordering::AcqRel) {
                tracing::info!("{}", Words::new("serve-registry-changed").logged());
                deployment.registry_changed().await;
            }
            for id in changed.take() {
                let said = match id.as_str() {
                    "" => Words::new("serve-file-changed"),
                    id => Words::new("serve-office-file-changed").arg("file", format!("{id}.toml")),
                };
                tracing::info!("{}", said.logged());
                deployment.file_changed(&id).await;
            }
        }
    });
}

/// The folders to watch, and the names that matter in each.
fn watched(deployment: &Deployment) -> Vec<(PathBuf, Names)> {
    let mut watched = Vec::new();
    if let Some(state) = deployment.single_office() {
        let path = state.charter_file().path();
        // (folder, file name) pairs: the path's own, and its target's.
        let own = folder_and_name(path);
        let target = std::fs::canonicalize(path)
            .ok()
            .map(|t| folder_and_name(&t));
        let mut names = vec![own.1.clone()];
        match target {
            Some((dir, name)) if dir != own.0 => {
                names.push(name.clone());
                watched.push((dir, Names::Single(vec![name])));
            }
            Some((_, name)) if name != own.1 => names.push(name),
            _ => {}
        }
        watched.insert(0, (own.0, Names::Single(names)));
    }
    if let Some(dir) = deployment.folder_path() {
        watched.push((dir.to_path_buf(), Names::Offices));
    }
    if let Some(registry) = deployment.registry_path() {
        let (dir, name) = folder_and_name(registry);
        watched.push((dir, Names::Registry(name)));
    }
    watched
}

/// The folder `path` is in (`.` for a bare name) and its file name.
fn folder_and_name(path: &Path) -> (PathBuf, OsString) {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().unwrap_or_default().to_os_string();
    (folder, name)
}

/// The offices whose files changed, waiting to be applied: a set, so a
/// burst of events on one file is one reload; and whether the registry
/// changed.
#[derive(Default)]
struct Changed {
    ids: std::sync::Mutex<BTreeSet<String>>,
    registry: AtomicBool,
    wake: tokio::sync::Notify,
}

impl Changed {
    fn add(&self, ids: impl IntoIterator<Item = String>) {
        let mut set = self.ids.lock().unwrap_or_else(|e| e.into_inner());
        // Bounded: no folder is served with more files than this.
        for id in ids {
            if set.len() == MAX_OFFICES {
                break;
            }
            set.insert(id);
        }
        if !set.is_empty() || self.registry.load(Ordering::Acquire) {
            self.wake.notify_one();
        }
    }

    fn take(&self) -> Vec<String> {
        let mut set = self.ids.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut *set).into_iter().collect()
    }
}

/// Looks at every charter file (and the registry) every [`CHECK_EVERY`]
/// and hands every one that appeared, went or changed to `changed`, and
/// the entries skipped to the deployment. The first look is taken now,
/// before the offices loaded can be changed again unseen.
fn look_periodically(deployment: Arc<Deployment>, changed: &Arc<Changed>) {
    let look = {
        let deployment = Arc::clone(&deployment);
        move || deployment.look()
    };
    let mut last = look();
    let changed = Arc::clone(changed);
    tokio::spawn(async move {
        let mut every = tokio::time::interval(CHECK_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        every.tick().await;
        loop {
            every.tick().await;
            let look = look.clone();
            let Ok(Some(now)) = tokio::task::spawn_blocking(look).await else {
                continue;
            };
            if let Some(skipped) = now.skipped.clone() {
                deployment.note_skipped(skipped).await;
            }
            if let Some(last) = &last {
                if last.registry != now.registry {
                    let said = Words::new("serve-registry-changed-periodic");
                    tracing::info!("{}", said.logged());
                    changed.registry.store(true, Ordering::Release);
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
                    let said = Words::new("serve-files-changed-periodic");
                    tracing::info!(files = ids.len(), "{}", said.logged());
                }
                changed.add(ids);
            }
            // An office the table has that the folder lost since it was
            // loaded (removed between the load and the first look).
            let extra: Vec<String> = (deployment.offices().into_iter())
                .map(|o| o.id)
                .filter(|id| !now.files.contains_key(id))
                .collect();
            changed.add(extra);
            last = Some(now);
        }
    });
}

/// Reloads on every SIGHUP (`systemctl reload`): the registry and every
/// office whose file changed.
pub fn reload_on_sighup(deployment: Arc<Deployment>) {
    #[cfg(unix)]
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut hup) = signal(SignalKind::hangup()) else {
            tracing::warn!("{}", Words::new("serve-no-sighup").logged());
            return;
        };
        while hup.recv().await.is_some() {
            tracing::info!("{}", Words::new("serve-sighup").logged());
            deployment.reload_all().await;
        }
    });
    #[cfg(not(unix))]
    let _ = deployment;
}
