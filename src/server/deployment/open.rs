//! The one way to start serving: a charter file is a folder of one office,
//! which answers any host, keeps its gzip copies and needs no registry of
//! addresses nor a directory's address; a folder is every office of it.

use std::path::PathBuf;
use std::sync::Arc;

use super::{Deployment, FolderOptions};
use crate::charter::CharterFile;
use crate::history::History;
use crate::i18n::{Words, log_lang};
use crate::site::SiteOptions;
use crate::urls::BaseUrl;

/// What to serve, and how: what `charter serve` was given.
#[derive(Debug, Clone)]
pub struct Options {
    /// The charter file, or a folder of offices' charter files.
    pub charter: PathBuf,
    /// A folder's registry of addresses.
    pub registry: PathBuf,
    /// How each office's site is made; a single charter's public address
    /// is `site.base_url`.
    pub site: SiteOptions,
    /// A folder's directory's own public address (needed but previewing).
    pub directory_base: Option<BaseUrl>,
    /// Previewing on this port (a folder: `<id>.localhost` reaches each
    /// office, no registry or `--base-url` needed).
    pub preview_port: Option<u16>,
    /// Where versions are kept: a single charter's in `<state>/history`,
    /// each office of a folder's in `<state>/offices/<id>/history`.
    pub state_dir: Option<PathBuf>,
    /// Versions each history keeps.
    pub history_limit: usize,
}

/// Why serving cannot start.
#[derive(Debug)]
pub struct OpenError {
    /// What is wrong, in full, in the log's language.
    pub message: String,
    /// A charter that is not valid (exit status 1), as opposed to a file
    /// or folder that cannot be read or a setting missing (2).
    pub invalid: bool,
}

impl Deployment {
    /// Starts serving `options.charter`: a folder's every office, or one
    /// charter file's office at every host.
    pub fn open(options: Options) -> Result<Arc<Deployment>, OpenError> {
        let unusable = |message: String| OpenError {
            message,
            invalid: false,
        };
        if options.charter.is_dir() {
            let directory_base = match (options.directory_base, options.preview_port) {
                (Some(base), _) => base,
                (None, Some(port)) => BaseUrl::new(&format!("http://127.0.0.1:{port}")),
                (None, None) => {
                    let said = Words::new("serve-folder-needs-base-url")
                        .arg("folder", options.charter.display().to_string());
                    return Err(unusable(said.logged()));
                }
            };
            let folder = FolderOptions {
                dir: options.charter,
                registry: options.registry,
                // Each office's links point to its own address.
                site: SiteOptions {
                    base_url: None,
                    ..options.site
                },
                directory_base,
                preview_port: options.preview_port,
                state_dir: options.state_dir,
                history_limit: options.history_limit,
            };
            return Deployment::folder(folder).map_err(unusable);
        }
        let history = options.state_dir.as_ref().map(|dir| {
            History::new(dir, options.history_limit).with_max_bytes(options.site.max_charter_bytes)
        });
        let file = CharterFile::at(&options.charter);
        match super::super::start(&file, options.site, history) {
            Ok(state) => Ok(Deployment::single(state)),
            Err(problem) => Err(OpenError {
                invalid: !problem.is_unreadable(),
                message: format!(
                    "{}\n{}",
                    problem.in_lang(log_lang()),
                    Words::new("serve-not-started").logged()
                ),
            }),
        }
    }
}
