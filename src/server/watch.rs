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

use super::AppState;
use crate::charter;

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
