//! What the server shares between requests: the site being served, and
//! how to load it again. A reload either swaps in a whole new site or
//! changes nothing: a bad file never replaces a good site.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use arc_swap::ArcSwap;

use crate::history::History;
use crate::site::{Site, SiteError, SiteOptions};

/// What the server shares between requests.
#[derive(Debug)]
pub struct AppState {
    pub(super) site: ArcSwap<Site>,
    charter_path: PathBuf,
    /// How every reload makes its site (the same base URL and threads).
    options: SiteOptions,
    last_reload_error: Mutex<Option<ReloadFailure>>,
    /// Where every version loaded is kept, when a state folder is set.
    history: Option<History>,
    /// One reload at a time (the watcher and SIGHUP may ask together), so
    /// the last one asked for is the one served and kept last.
    reloading: tokio::sync::Mutex<()>,
}

/// Why a reload left the site as it was.
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    /// The file cannot be read, is not a valid charter, or its pages
    /// cannot be made: what `charter check` would print.
    #[error(transparent)]
    Site(#[from] SiteError),
    /// The reload's thread ended without a result (a panic).
    #[error("the reload stopped unexpectedly: {0}")]
    Stopped(String),
}

/// The last reload that failed, while the site serves an older version.
#[derive(Debug, Clone)]
pub(super) struct ReloadFailure {
    /// What `charter check` would print.
    pub message: String,
    /// When the reload was tried.
    pub at: SystemTime,
}

impl AppState {
    /// State serving `site`, loaded from `charter_path` with `options`,
    /// which every reload uses too. With a `history`, `site` and every
    /// version a reload loads are kept in it.
    ///
    /// The site is served at once; its smallest compressed copies and its
    /// search index are made in the background.
    pub fn new(
        site: Site,
        charter_path: PathBuf,
        options: SiteOptions,
        history: Option<History>,
    ) -> Arc<AppState> {
        if let Some(history) = &history {
            history.keep(&charter_path, &site.charter, &site.content_hash);
        }
        AppState::assemble(site, charter_path, options, history, None)
    }

    /// State for a server started while the charter file at
    /// `charter_path` cannot be loaded (`problem` says why): it serves
    /// `site`, an older version from the history, and `/healthz` says
    /// `stale` with the problem until a reload loads the file.
    pub fn stale(
        site: Site,
        charter_path: PathBuf,
        options: SiteOptions,
        history: Option<History>,
        problem: String,
    ) -> Arc<AppState> {
        let failure = ReloadFailure {
            message: problem,
            at: SystemTime::now(),
        };
        AppState::assemble(site, charter_path, options, history, Some(failure))
    }

    fn assemble(
        site: Site,
        charter_path: PathBuf,
        options: SiteOptions,
        history: Option<History>,
        failure: Option<ReloadFailure>,
    ) -> Arc<AppState> {
        let site = Arc::new(site);
        site.prepare_in_background();
        Arc::new(AppState {
            site: ArcSwap::new(site),
            charter_path,
            options,
            last_reload_error: Mutex::new(failure),
            history,
            reloading: tokio::sync::Mutex::new(()),
        })
    }

    /// The site being served now.
    pub fn site(&self) -> Arc<Site> {
        self.site.load_full()
    }

    /// The site being served and, while it is an older version, the
    /// last reload that failed: read together, as a reload changes them
    /// together.
    pub(super) fn status(&self) -> (Arc<Site>, Option<ReloadFailure>) {
        let failure = self
            .last_reload_error
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        (self.site(), failure.clone())
    }

    /// Reads the charter file again. A valid charter replaces the site in
    /// one atomic swap; an invalid one is logged and the last good site
    /// keeps being served.
    ///
    /// A valid charter is kept in the history (when there is one) before
    /// it is served, so `/healthz` never shows a version the history lacks.
    pub async fn reload(self: &Arc<Self>) -> Result<(), ReloadError> {
        let _one_at_a_time = self.reloading.lock().await;
        let state = Arc::clone(self);
        // Rendering and brotli are CPU work: keep them off the async workers.
        let built = tokio::task::spawn_blocking(move || {
            let site = Site::load(&state.charter_path, &state.options)?;
            if let Some(history) = &state.history {
                history.keep(&state.charter_path, &site.charter, &site.content_hash);
            }
            Ok::<Site, ReloadError>(site)
        })
        .await
        // A panic while loading is a failed reload like any other: the
        // site goes on serving the last good version, and says so.
        .unwrap_or_else(|e| Err(ReloadError::Stopped(e.to_string())));
        let mut last = self
            .last_reload_error
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        match built {
            Ok(site) => {
                tracing::info!(
                    hash = %site.content_hash,
                    pages = site.paths().len(),
                    "charter reloaded"
                );
                let site = Arc::new(site);
                site.prepare_in_background();
                self.site.store(site);
                *last = None;
                Ok(())
            }
            Err(error) => {
                tracing::error!(
                    "charter not reloaded; still serving the last good version:\n{error}"
                );
                *last = Some(ReloadFailure {
                    message: error.to_string(),
                    at: SystemTime::now(),
                });
                Err(error)
            }
        }
    }
}

/// The version the site showed last, or else the newest that loads,
/// from `history`, for a start while the charter file cannot be loaded:
/// its number and its site. `None` when the history holds no version this
/// program can load.
pub fn load_from_history(history: &History, options: &SiteOptions) -> Option<(u64, Site)> {
    let (entries, _) = history.list().ok()?;
    let current = history.current();
    let order = current.into_iter().chain(
        entries
            .iter()
            .map(|e| e.number)
            .filter(|n| Some(*n) != current),
    );
    for number in order {
        let stored = match history.version(number) {
            Ok((_, _, stored)) => stored,
            Err(e) => {
                tracing::warn!("version {number} of the history cannot be served: {e}");
                continue;
            }
        };
        match Site::load(&stored, options) {
            Ok(site) => return Some((number, site)),
            Err(e) => tracing::warn!("version {number} of the history cannot be served:\n{e}"),
        }
    }
    None
}
