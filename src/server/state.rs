//! What the server shares between requests: the site being served, and
//! how to load it again. A reload either swaps in a whole new site or
//! changes nothing: a bad file never replaces a good site.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use arc_swap::ArcSwap;

use crate::charter::CharterFile;
use crate::history::{Failing, History, Recorded};
use crate::i18n::{Lang, Words, log_lang};
use crate::site::{Site, SiteError, SiteOptions};

/// What the server shares between requests.
#[derive(Debug)]
pub struct AppState {
    pub(super) site: ArcSwap<Site>,
    charter: CharterFile,
    /// How every reload makes its site (the same base URL and threads).
    options: SiteOptions,
    /// What `/healthz` reports beyond the site itself.
    health: Mutex<Health>,
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

impl ReloadError {
    /// Why the reload left the site as it was, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            ReloadError::Site(e) => e.in_lang(lang),
            ReloadError::Stopped(_) => self.to_string(),
        }
    }
}

/// What went wrong, or looks wrong, in the last reloads.
#[derive(Debug, Clone, Default)]
pub(super) struct Health {
    /// The last reload that failed, while the site serves an older
    /// version.
    pub failure: Option<ReloadFailure>,
    /// The services the last successful reload removed, if it removed
    /// any: a file cut short between two services is a valid charter.
    pub removed: Option<Removed>,
    /// The last load brought back a version kept before (`charter
    /// restore`, or a file saved back as it was): what it replaced.
    pub back: Option<Back>,
    /// A save brought back the version a restore had just replaced: most
    /// often an editor that still held the old text, saved again.
    pub undone: Option<Undone>,
}

/// A load that brought back version `to`, replacing what was served.
#[derive(Debug, Clone)]
pub(super) struct Back {
    pub to: u64,
    /// The content hash of the version it replaced.
    pub replaced: String,
}

/// A restore undone by the save after it.
#[derive(Debug, Clone)]
pub struct Undone {
    /// The version the restore had brought back.
    pub restored: u64,
    /// When the save undid it.
    pub at: SystemTime,
}

/// Services a reload removed.
#[derive(Debug, Clone)]
pub(super) struct Removed {
    /// Their slugs, in the order the earlier version had them.
    pub slugs: Vec<String>,
    /// When.
    pub at: SystemTime,
}

/// The last reload that failed, while the site serves an older version.
#[derive(Debug, Clone)]
pub(super) struct ReloadFailure {
    /// Where the first problem is and what it is, in one line of bounded
    /// length, with the file's name (not its path): what `/healthz`, which
    /// anyone may read, shows. The whole report goes to the log.
    pub summary: String,
    /// When the reload was tried.
    pub at: SystemTime,
}

/// Longest [`ReloadFailure::summary`], in characters.
const MAX_SUMMARY_CHARS: usize = 200;

impl ReloadFailure {
    /// The failure described by `report` (what `charter check` prints)
    /// for the charter at `path`, now.
    pub(super) fn new(path: &Path, report: &str) -> ReloadFailure {
        let first = report.lines().next().unwrap_or_default();
        let shown = path.display().to_string();
        let name = path
            .file_name()
            .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        let line = first
            .strip_prefix(&shown)
            .map_or_else(|| first.to_string(), |rest| format!("{name}{rest}"));
        let mut summary: String = line.chars().take(MAX_SUMMARY_CHARS).collect();
        if summary.len() < line.len() {
            summary.push('…');
        }
        let more = report.matches(": error: ").count().saturating_sub(1);
        if more > 0 {
            summary.push_str(&format!(" (and {more} more; the log has them all)"));
        }
        ReloadFailure {
            summary,
            at: SystemTime::now(),
        }
    }
}

impl AppState {
    /// State serving `site`, loaded from `charter` with `options`,
    /// which every reload uses too. With a `history`, `site` and every
    /// version a reload loads are kept in it.
    ///
    /// The site is served at once; its smallest compressed copies and its
    /// search index are made in the background.
    pub fn new(
        site: Site,
        charter: impl Into<CharterFile>,
        options: SiteOptions,
        history: Option<History>,
    ) -> Arc<AppState> {
        let charter = charter.into();
        if let Some(history) = &history {
            history.keep(&charter, &site.charter, &site.content_hash);
        }
        AppState::assemble(site, charter, options, history, None)
    }

    /// State for a server started while the charter file at
    /// `charter` cannot be loaded (`problem` says why): it serves
    /// `site`, an older version from the history, and `/healthz` says
    /// `stale` with the problem until a reload loads the file.
    pub fn stale(
        site: Site,
        charter: CharterFile,
        options: SiteOptions,
        history: Option<History>,
        problem: String,
    ) -> Arc<AppState> {
        let failure = ReloadFailure::new(charter.path(), &problem);
        AppState::assemble(site, charter, options, history, Some(failure))
    }

    fn assemble(
        site: Site,
        charter: CharterFile,
        options: SiteOptions,
        history: Option<History>,
        failure: Option<ReloadFailure>,
    ) -> Arc<AppState> {
        let site = Arc::new(site);
        site.prepare_in_background();
        Arc::new(AppState {
            site: ArcSwap::new(site),
            charter,
            options,
            health: Mutex::new(Health {
                failure,
                ..Health::default()
            }),
            history,
            reloading: tokio::sync::Mutex::new(()),
        })
    }

    /// The site being served now.
    pub fn site(&self) -> Arc<Site> {
        self.site.load_full()
    }

    /// The largest charter file a reload reads.
    pub fn max_charter_bytes(&self) -> u64 {
        self.options.max_charter_bytes
    }

    /// Why versions can no longer be kept in the history, when they
    /// cannot (a state folder full or read-only).
    pub fn history_failing(&self) -> Option<Failing> {
        self.history.as_ref().and_then(History::failing)
    }

    /// Where the versions of this office are kept, when they are.
    pub fn history(&self) -> Option<&History> {
        self.history.as_ref()
    }

    /// The charter file served.
    pub fn charter_file(&self) -> &CharterFile {
        &self.charter
    }

    /// True while the site serves an older version than the file's,
    /// because the file could not be loaded.
    pub fn is_stale(&self) -> bool {
        self.health
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .failure
            .is_some()
    }

    /// True when the charter file holds what the site serves: the same
    /// bytes, loaded without a problem since.
    pub async fn file_unchanged(&self) -> bool {
        let (file, max) = (self.charter.clone(), self.max_charter_bytes());
        // Bounded and never blocking: a plain file of at most the
        // charter's size limit, or an error.
        let now = tokio::task::spawn_blocking(move || {
            file.read(max)
                .ok()
                .map(|bytes| crate::charter::content_hash(&bytes))
        })
        .await
        .unwrap_or(None);
        now.as_deref() == Some(self.site().content_hash.as_str()) && !self.is_stale()
    }

    /// The site being served and what the last reloads found: read
    /// together, as a reload changes them together.
    pub(super) fn status(&self) -> (Arc<Site>, Health) {
        let health = self.health.lock().unwrap_or_else(|e| e.into_inner());
        (self.site(), health.clone())
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
            let site = Site::load_file(&state.charter, &state.options)?;
            let recorded = (state.history.as_ref()).and_then(|history| {
                history.keep(&state.charter, &site.charter, &site.content_hash)
            });
            Ok::<(Site, Option<Recorded>), ReloadError>((site, recorded))
        })
        .await
        // A panic while loading is a failed reload like any other: the
        // site goes on serving the last good version, and says so.
        .unwrap_or_else(|e| Err(ReloadError::Stopped(e.to_string())));
        let mut health = self.health.lock().unwrap_or_else(|e| e.into_inner());
        match built {
            Ok((site, recorded)) => {
                let served = self.site.load().content_hash.clone();
                note_restores(&mut health, recorded.as_ref(), &served, &site.content_hash);
                tracing::info!(
                    hash = %site.content_hash,
                    pages = site.paths().len(),
                    "{}",
                    Words::new("serve-reloaded").logged()
                );
                let removed = removed_services(&self.site.load(), &site);
                if !removed.is_empty() {
                    let said = Words::new("serve-services-removed")
                        .arg("count", removed.len())
                        .arg("slugs", removed.join(", "));
                    tracing::warn!(count = removed.len(), "{}", said.logged());
                }
                let site = Arc::new(site);
                site.prepare_in_background();
                self.site.store(site);
                health.failure = None;
                health.removed = (!removed.is_empty()).then(|| Removed {
                    slugs: removed,
                    at: SystemTime::now(),
                });
                Ok(())
            }
            Err(error) => {
                tracing::error!(
                    "{}\n{}",
                    Words::new("serve-not-reloaded").logged(),
                    error.in_lang(log_lang())
                );
                health.failure = Some(ReloadFailure::new(self.charter.path(), &error.to_string()));
                Err(error)
            }
        }
    }
}

/// Notes a load that brings a kept version back, and warns when the load
/// after it brings back what it replaced: after `charter restore`, the
/// clerk's editor still holds the text the restore replaced, and the next
/// save would undo the restore without a word.
fn note_restores(health: &mut Health, recorded: Option<&Recorded>, served: &str, loaded: &str) {
    if served == loaded {
        return;
    }
    if let Some(back) = health.back.take()
        && back.replaced == loaded
    {
        let said = Words::new("serve-restore-undone")
            .arg("number", back.to)
            .arg("restore", format!("charter restore {}", back.to));
        tracing::warn!(restored = back.to, "{}", said.logged());
        health.undone = Some(Undone {
            restored: back.to,
            at: SystemTime::now(),
        });
        return;
    }
    health.undone = None;
    if let Some(Recorded::BackTo(to)) = recorded {
        health.back = Some(Back {
            to: *to,
            replaced: served.to_string(),
        });
    }
}

/// The slugs of the services of `old` that `new` lacks, in `old`'s order.
fn removed_services(old: &Site, new: &Site) -> Vec<String> {
    let kept: std::collections::HashSet<&str> = new
        .charter
        .services
        .iter()
        .map(|s| s.slug.get_ref().as_str())
        .collect();
    old.charter
        .services
        .iter()
        .map(|s| s.slug.get_ref())
        .filter(|slug| !kept.contains(slug.as_str()))
        .cloned()
        .collect()
}

/// The state serving the charter at `path`, with `history` if any: the
/// file as it is, or, when it cannot be loaded, the version the history
/// showed last, served as `stale` until the file is fixed (a save refused
/// while the server ran must not take the site down at the next restart).
/// `Err` when neither can be served: what is wrong with the file.
pub fn start(
    file: &CharterFile,
    options: SiteOptions,
    history: Option<History>,
) -> Result<Arc<AppState>, SiteError> {
    let path = file.path();
    let problem = match Site::load_file(file, &options) {
        Ok(site) => return Ok(AppState::new(site, file.clone(), options, history)),
        Err(problem) => problem,
    };
    let kept = history
        .as_ref()
        .and_then(|h| Some((h, load_from_history(h, &options)?)));
    let Some((kept, (number, site))) = kept else {
        return Err(problem);
    };
    let said = Words::new("serve-from-history")
        .arg("file", path.display().to_string())
        .arg("number", number)
        .arg("folder", kept.dir().display().to_string());
    tracing::error!(
        version = number,
        "{}\n{}",
        said.logged(),
        problem.in_lang(log_lang())
    );
    if let Err(e) = kept.served(number, SystemTime::now()) {
        let said = Words::new("serve-version-unnoted").arg("error", e.in_lang(log_lang()));
        tracing::warn!("{}", said.logged());
    }
    // This is the file a clerk fixes and `restore` writes; it must be
    // noted even while none of its versions is kept.
    if let Err(e) = kept.note_served_path(path) {
        let said = Words::new("serve-file-unnoted").arg("error", e.in_lang(log_lang()));
        tracing::warn!("{}", said.logged());
    }
    Ok(AppState::stale(
        site,
        file.clone(),
        options,
        history,
        problem.to_string(),
    ))
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
                let said = Words::new("serve-version-unservable").arg("number", number);
                tracing::warn!("{}: {}", said.logged(), e.in_lang(log_lang()));
                continue;
            }
        };
        match Site::load(&stored, options) {
            Ok(site) => return Some((number, site)),
            Err(e) => {
                let said = Words::new("serve-version-unservable").arg("number", number);
                tracing::warn!("{}:\n{}", said.logged(), e.in_lang(log_lang()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_shows_the_first_problem_briefly_without_the_path() {
        let path = Path::new("/srv/charter/charter.toml");
        let report = "/srv/charter/charter.toml:7:11: error: unknown officer \"x\"\n  |\n7 | officer = \"x\"\n\n\
                      /srv/charter/charter.toml:9:1: error: another\n2 errors in /srv/charter/charter.toml\n";
        assert_eq!(
            ReloadFailure::new(path, report).summary,
            "charter.toml:7:11: error: unknown officer \"x\" (and 1 more; the log has them all)"
        );
        // A 5 MB line (the value an error quotes) is cut.
        let huge = format!(
            "/srv/charter/charter.toml:1:1: error: {}\n",
            "ক".repeat(5_000_000)
        );
        let summary = ReloadFailure::new(path, &huge).summary;
        assert!(
            summary.chars().count() <= MAX_SUMMARY_CHARS + 1,
            "{}",
            summary.len()
        );
        assert!(summary.starts_with("charter.toml:1:1: error: ক"));
        assert!(summary.ends_with('…'));
        // A file that cannot be read names itself the same way.
        let unreadable = "/srv/charter/charter.toml: cannot read the charter file: No such file";
        assert_eq!(
            ReloadFailure::new(path, unreadable).summary,
            "charter.toml: cannot read the charter file: No such file"
        );
    }
}
