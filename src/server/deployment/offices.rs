//! A folder's offices: loading one, and the table of their hosts and
//! the directory made from them.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::{Conflict, Folder, Invalid, Office, Table};
use crate::charter::folder::{self, OfficeFile};
use crate::history::History;
use crate::server::AppState;
use crate::server::state::ReloadFailure;
use crate::site::{Directory, Listed, SiteError};
use crate::urls::{self, BaseUrl};

impl Folder {
    /// Loads the office of `file`, or says why it cannot be served.
    pub(super) fn start_office(&self, file: &OfficeFile) -> Result<Arc<AppState>, String> {
        if let Some(problem) = folder::id_problem(&file.id) {
            return Err(format!("{}: {problem}", file.path.display()));
        }
        let history = self.options.state_dir.as_ref().map(|dir| {
            History::new(
                &dir.join("offices").join(&file.id),
                self.options.history_limit,
            )
            .with_max_bytes(self.options.site.max_charter_bytes)
        });
        crate::server::state::start(&file.path, self.options.site.clone(), history)
            .map_err(|e: SiteError| e.to_string())
    }

    pub(super) fn invalid(&self, file: &OfficeFile, report: &str) -> Invalid {
        let failure = ReloadFailure::new(&file.path, report);
        Invalid {
            id: file.id.clone(),
            summary: failure.summary,
            at: failure.at,
        }
    }

    /// Where the office `id` whose site is at `base` is linked from the
    /// directory: its website, or previewing, `<id>.localhost`.
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

    /// The table for `offices`, with `directory`: their hosts, the offices
    /// loaded first keeping a host two claim.
    pub(super) fn table(
        &self,
        offices: BTreeMap<String, Office>,
        invalid: BTreeMap<String, Invalid>,
        directory: Arc<Directory>,
    ) -> Table {
        let mut by_order: Vec<&Office> = offices.values().collect();
        by_order.sort_by_key(|o| o.order);
        let mut hosts: HashMap<String, Arc<AppState>> = HashMap::new();
        let mut holder: HashMap<String, &str> = HashMap::new();
        let mut conflicts = Vec::new();
        for office in by_order {
            let mut names = office_hosts(&office.state);
            if self.options.preview_port.is_some() {
                names.push(format!("{}.localhost", office.id));
            }
            for host in names {
                match holder.get(host.as_str()) {
                    Some(&kept_by) if kept_by != office.id => {
                        tracing::error!(
                            "{host} is claimed by both {kept_by}.toml and {}.toml; \
                             {kept_by}.toml, loaded first, keeps it",
                            office.id
                        );
                        conflicts.push(Conflict {
                            host,
                            kept_by: kept_by.to_string(),
                            refused: office.id.clone(),
                        });
                    }
                    Some(_) => {}
                    None => {
                        holder.insert(host.clone(), &office.id);
                        hosts.insert(host, Arc::clone(&office.state));
                    }
                }
            }
        }
        Table {
            single: None,
            offices,
            hosts,
            directory: Some(directory),
            invalid,
            conflicts,
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
                tracing::error!("the directory could not be made: {e}");
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

/// The host names an office's site answers to: its website and aliases,
/// lower-case.
fn office_hosts(state: &AppState) -> Vec<String> {
    let site = state.site();
    let office = &site.charter.office;
    std::iter::once(office.website.get_ref())
        .chain(office.aliases.iter().map(|a| a.get_ref()))
        .map(|h| urls::website_host(h).to_ascii_lowercase())
        .collect()
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
