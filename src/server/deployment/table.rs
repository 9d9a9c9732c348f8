//! A folder's offices: loading one, and the table of their addresses and
//! the directory made from them.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::SystemTime;

use super::{Folder, Invalid, Office, Table};
use crate::history::History;
use crate::i18n::{Lang, Words, log_lang};
use crate::offices::{self, Claims, Registry, Skipped};
use crate::server::AppState;
use crate::server::state::ReloadFailure;
use crate::site::{Directory, Listed, SiteError, SiteOptions};
use crate::urls::BaseUrl;

impl Folder {
    /// Loads the office `id`, with the addresses `registry` gives it, or
    /// says why it cannot be served.
    pub(super) fn start_office(
        &self,
        id: &str,
        registry: Option<&Registry>,
    ) -> Result<Arc<AppState>, NotServed> {
        let file = self.files.file(id);
        let history = self.options.state_dir.as_ref().map(|dir| {
            History::new(&dir.join("offices").join(id), self.options.history_limit)
                .with_max_bytes(self.options.site.max_charter_bytes)
        });
        let site = SiteOptions {
            addresses: registry.map(|r| r.hosts(id).into()),
            ..self.options.site.clone()
        };
        crate::server::state::start(&file, site, history).map_err(NotServed::Site)
    }

    /// The office `id`, not served for `why`, as `/healthz` lists it.
    pub(super) fn invalid(&self, id: &str, why: &NotServed) -> Invalid {
        let failure = ReloadFailure::new(self.files.file(id).path(), &why.in_lang(Lang::En));
        Invalid {
            id: id.to_string(),
            summary: failure.summary,
            at: failure.at,
        }
    }

    /// Where the office `id` whose site is at `base` is linked from the
    /// directory: its own address, or previewing, `<id>.localhost`.
    fn url_of(&self, id: &str, base: &BaseUrl) -> String {
        match self.options.preview_port {
            Some(port) => format!("http://{id}.localhost:{port}/"),
            None => base.join("/"),
        }
    }

    pub(super) fn listed(&self, offices: &BTreeMap<String, Office>) -> Vec<Listed> {
        offices
            .values()
            .map(|o| {
                let site = o.state.site();
                Listed {
                    url: self.url_of(&o.id, &site.base_url),
                    id: o.id.clone(),
                    site,
                }
            })
            .collect()
    }

    /// The table for `offices`, routed by `registry` (previewing without
    /// one, by the files), with `directory`; what it refuses that
    /// `before` did not is logged.
    pub(super) fn table(&self, parts: Parts, before: Option<&Table>) -> Table {
        let Parts {
            offices,
            invalid,
            directory,
            registry,
            registry_error,
            skipped,
        } = parts;
        let sites: Vec<_> = offices.values().map(|o| (o, o.state.site())).collect();
        let files: Vec<String> = sites
            .iter()
            .map(|(o, _)| self.files.file(&o.id).path().display().to_string())
            .collect();
        let claims: Vec<Claims<'_>> = sites
            .iter()
            .zip(&files)
            .map(|((o, site), file)| Claims {
                id: &o.id,
                file,
                claims: &site.claims,
            })
            .collect();
        let routing = offices::route(registry.as_deref(), &claims, self.directory_host.as_deref());
        let mut hosts: HashMap<String, Arc<AppState>> = HashMap::new();
        for (host, id) in routing.hosts {
            if let Some(office) = offices.get(&id) {
                hosts.insert(host, Arc::clone(&office.state));
            }
        }
        if self.options.preview_port.is_some() {
            for office in offices.values() {
                hosts.insert(
                    format!("{}.localhost", office.id),
                    Arc::clone(&office.state),
                );
            }
        }
        let known = before.map_or(&[][..], |t| t.refused.as_slice());
        for refused in routing.refused.iter().filter(|r| !known.contains(r)) {
            tracing::error!("{}", refused.in_lang(log_lang()));
        }
        let known = before.map_or(&[][..], |t| t.skipped.as_slice());
        for skipped in skipped.iter().filter(|s| !known.contains(s)) {
            tracing::warn!("{}", skipped.in_lang(log_lang()));
        }
        Table {
            single: None,
            listed: self.listed(&offices).into(),
            offices,
            hosts,
            directory: Some(directory),
            invalid,
            refused: routing.refused,
            skipped,
            registry,
            registry_error,
        }
    }

    /// The directory of `offices` as they are served now, its smallest
    /// copies and its index of every office's services made in the
    /// background.
    pub(super) fn directory(&self, offices: &BTreeMap<String, Office>) -> Arc<Directory> {
        let listed = self.listed(offices);
        let site = &self.options.site;
        let directory = match Directory::new(
            &listed,
            &self.options.directory_base,
            site.target,
            &site.compressor,
        ) {
            Ok(directory) => directory,
            // A template that cannot render is a programming error, which
            // the tests render every template to find; still, serve.
            Err(e) => {
                let said = Words::new("serve-directory-failed").arg("error", e.to_string());
                tracing::error!("{}", said.logged());
                Directory::new(
                    &[],
                    &self.options.directory_base,
                    site.target,
                    &site.compressor,
                )
                .expect("the empty directory renders")
            }
        };
        let directory = Arc::new(directory);
        directory.prepare_in_background();
        directory
    }
}

/// Why an office of the folder is not served.
#[derive(Debug)]
pub(super) enum NotServed {
    /// Its file cannot be loaded, nor a version from its history.
    Site(SiteError),
    /// The load stopped without a result (a panic).
    Stopped(String),
}

impl NotServed {
    /// Why, in `lang`: what `charter check` would print.
    pub(super) fn in_lang(&self, lang: Lang) -> String {
        match self {
            NotServed::Site(e) => e.in_lang(lang),
            NotServed::Stopped(e) => Words::new("serve-load-stopped")
                .arg("error", e.as_str())
                .in_lang(lang),
        }
    }

    /// "`file` is not served:", then why, in the log's language.
    pub(super) fn logged(&self, file: &std::path::Path) -> String {
        let said = Words::new("serve-office-not-served").arg("file", file.display().to_string());
        format!("{}\n{}", said.logged(), self.in_lang(log_lang()))
    }
}

/// What a table is made of.
pub(super) struct Parts {
    pub offices: BTreeMap<String, Office>,
    pub invalid: BTreeMap<String, Invalid>,
    pub directory: Arc<Directory>,
    pub registry: Option<Arc<Registry>>,
    pub registry_error: Option<(String, SystemTime)>,
    pub skipped: Vec<Skipped>,
}

impl Parts {
    /// The parts of `table`, to change some of them.
    pub(super) fn of(table: &Table) -> Parts {
        Parts {
            offices: table.offices.clone(),
            invalid: table.invalid.clone(),
            directory: Arc::clone(
                table
                    .directory
                    .as_ref()
                    .expect("a folder's table has its directory"),
            ),
            registry: table.registry.clone(),
            registry_error: table.registry_error.clone(),
            skipped: table.skipped.clone(),
        }
    }
}

/// What of an office the table and the directory show: a reload that
/// changes none of it leaves them as they are.
#[derive(Debug, PartialEq)]
pub(super) struct Listing {
    office: crate::charter::Office,
    services: usize,
}

impl Listing {
    pub(super) fn of(state: &AppState) -> Listing {
        let site = state.site();
        Listing {
            office: site.charter.office.clone(),
            services: site.charter.services.len(),
        }
    }
}
