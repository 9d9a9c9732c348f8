//! Live reload: the charter file's folder is watched, and SIGHUP asks for a
//! reload too. Reloading itself is [`AppState::reload`]: a bad file never
//! replaces a good site.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tokio::sync::mpsc;

use super::AppState;

/// Keeps the file watcher alive; dropping it stops watching.
pub struct Watcher {
    _debouncer: Box<dyn Send>,
}

/// Watches the folder of `charter_path` (editors save by writing a new file
/// and renaming it over the old one, which a watch on the file itself would
/// lose) and reloads when the charter file changes.
pub fn watch_file(
    state: Arc<AppState>,
    charter_path: &Path,
) -> notify_debouncer_full::notify::Result<Watcher> {
    let file_name = charter_path.file_name().map(|n| n.to_os_string());
    let folder = match charter_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
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
                    && e.paths
                        .iter()
                        .any(|p| p.file_name().map(|n| n.to_os_string()) == file_name)
            });
            if relevant {
                // A full channel means a reload is already queued.
                let _ = tx.try_send(());
            }
        },
    )?;
    debouncer.watch(&folder, RecursiveMode::NonRecursive)?;
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
