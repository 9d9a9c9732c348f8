//! `charter build` of a folder of offices: each office's static copy in a
//! folder named by its host, a link for each of its other host names, and
//! the directory of them all in `_directory`.
//!
//! The charters are read first, all of them, so that which office keeps a
//! host name claimed twice does not depend on which is read first: the
//! first by file name, as `charter check` and the server decide. Offices
//! whose file has errors are reported as `check` reports them and left
//! out; the others are written, and the command then ends with the status
//! of an invalid charter.
//!
//! The offices are made on the compressor's threads, several at once:
//! reading, checking and writing an office use one core, and making its
//! pages and their copies uses every core.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::BuildArgs;
use crate::charter::{self, Charter, LoadError, Loaded, folder};
use crate::cli::Exit;
use crate::render::Target;
use crate::site::{Compressor, Directory, Site, SiteOptions};
use crate::static_site::{self, DIRECTORY_FOLDER};
use crate::urls::BaseUrl;
use crate::{errln, outln};

/// An office whose charter is valid, to be written.
struct Office {
    id: String,
    host: String,
    loaded: Loaded,
}

/// What the build wrote, counted as offices finish.
struct Progress {
    bar: ProgressBar,
    files: AtomicUsize,
    bytes: AtomicU64,
}

impl Progress {
    /// A bar of `offices` on a terminal; nothing anywhere else (a pipe,
    /// CI), where only the summary line is printed.
    fn new(offices: usize) -> Progress {
        let bar = if std::io::stderr().is_terminal() && std::io::stdout().is_terminal() {
            ProgressBar::new(offices as u64)
        } else {
            ProgressBar::with_draw_target(Some(offices as u64), ProgressDrawTarget::hidden())
        };
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} offices, {msg} ({elapsed})")
                .expect("the template is valid"),
        );
        bar.set_message("reading the charters");
        Progress {
            bar,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
        }
    }

    /// Counts what an office's (or the directory's) copy wrote.
    fn wrote(&self, written: &static_site::Written) {
        let files = self.files.fetch_add(written.files, Ordering::Relaxed) + written.files;
        let bytes = self.bytes.fetch_add(written.bytes, Ordering::Relaxed) + written.bytes;
        self.bar.set_message(format!(
            "{files} files written with their .gz and .br copies, {} MiB",
            bytes / (1024 * 1024)
        ));
    }

    /// Prints `message` on standard error without breaking the bar.
    fn report(&self, message: impl std::fmt::Display) {
        self.bar.suspend(|| errln!("{message}"));
    }
}

/// Builds every office of the folder `--charter` and the directory.
pub(super) fn run(args: &BuildArgs) -> ExitCode {
    let dir = &args.charter;
    let Some(base) = args.base_url.clone() else {
        errln!(
            "{}: a folder of offices is built with the directory of them all, whose public \
             address --base-url gives (for example --base-url https://charter.example.gov.bd); \
             each office's pages use its own website",
            dir.display()
        );
        return Exit::Unusable.into();
    };
    let files = match folder::office_files(dir) {
        Ok(files) => files,
        Err(e) => {
            errln!("{}: cannot read the folder: {e}", dir.display());
            return Exit::Unusable.into();
        }
    };
    if files.is_empty() {
        errln!(
            "{}: error: no charter in this folder: each office's charter is a file ending in \
             .toml directly in it, for example haluaghat.toml",
            dir.display()
        );
        return Exit::Invalid.into();
    }
    let compressor = Compressor::new();
    let progress = Progress::new(files.len());
    let max = args.limits.bytes();
    let read: Vec<(usize, Result<Loaded, LoadError>)> = compressor.run(|| {
        (files.par_iter().enumerate())
            .filter(|(_, file)| folder::id_problem(&file.id).is_none())
            .map(|(i, file)| (i, charter::load_file_within(&file.path, max)))
            .collect()
    });
    let mut read: HashMap<usize, Result<Loaded, LoadError>> = read.into_iter().collect();
    // In the order of the files, as `check` reports them.
    let mut offices = Vec::new();
    let mut owners: HashMap<String, String> = HashMap::new();
    for (i, file) in files.iter().enumerate() {
        let loaded = match read.remove(&i) {
            None => {
                let problem = folder::id_problem(&file.id).unwrap_or_default();
                progress.report(format_args!("{}: error: {problem}", file.path.display()));
                continue;
            }
            Some(Err(e)) => {
                progress.report(e);
                continue;
            }
            Some(Ok(loaded)) => loaded,
        };
        let host = static_site::host_folder(loaded.charter.office.website.get_ref());
        if let Some(first) = owners.get(&host) {
            progress.report(format_args!(
                "{}: error: website {host} is already the website of {first}, which keeps it \
                 (the files are read in alphabetical order); two offices cannot share one \
                 address: correct one of the two files",
                file.path.display()
            ));
            continue;
        }
        owners.insert(host.clone(), file.path.display().to_string());
        offices.push(Office {
            id: file.id.clone(),
            host,
            loaded,
        });
    }
    let aliases = aliases(&offices, &owners, &progress);
    let skipped = files.len() - offices.len();
    progress.bar.set_length(offices.len() as u64);
    let written = compressor.run(|| {
        (offices.into_par_iter().with_max_len(1))
            .map(|office| write_office(office, &args.out, &compressor, &progress))
            .collect::<Result<Vec<_>, String>>()
    });
    let listed = match written {
        Ok(listed) => listed,
        Err(e) => {
            progress.bar.abandon();
            errln!("cannot write the site: {e}");
            return Exit::Unusable.into();
        }
    };
    if let Err(e) = write_directory(&listed, &base, &args.out, &compressor, &progress) {
        progress.bar.abandon();
        errln!("cannot write the site: {e}");
        return Exit::Unusable.into();
    }
    link_aliases(&aliases, &args.out, &progress);
    progress.bar.finish_and_clear();
    outln!(
        "wrote {} offices and the directory: {} files ({} KiB) to {}",
        listed.len(),
        progress.files.load(Ordering::Relaxed),
        progress.bytes.load(Ordering::Relaxed) / 1024,
        args.out.display()
    );
    if skipped > 0 {
        errln!(
            "{skipped} of {} offices were not built: their files have the errors above; \
             correct them and build again",
            files.len()
        );
        return Exit::Invalid.into();
    }
    Exit::Ok.into()
}

/// Each office's other host names that become links to its folder, as
/// (alias, host): a name that is another office's website, or that an
/// office before it claimed, is left out with a warning.
fn aliases(
    offices: &[Office],
    owners: &HashMap<String, String>,
    progress: &Progress,
) -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> = Vec::new();
    for office in offices {
        for alias in &office.loaded.charter.office.aliases {
            let name = static_site::host_folder(alias.get_ref());
            let warn = |why: String| {
                progress.report(format_args!(
                    "{}: warning: alias {name} is left out: {why}",
                    office.id
                ));
            };
            if name == office.host {
                continue;
            } else if !static_site::is_host_folder(&name) {
                warn("it is not a host name".to_string());
            } else if let Some(owner) = owners.get(&name) {
                warn(format!("it is the website of {owner}"));
            } else if let Some((_, first)) = links.iter().find(|(a, _)| *a == name) {
                warn(format!("it is already an alias of {first}"));
            } else {
                links.push((name, office.host.clone()));
            }
        }
    }
    links
}

/// Makes and writes one office's static copy in its host's folder; the
/// office as the directory lists it: id, charter and home.
fn write_office(
    office: Office,
    out: &Path,
    compressor: &Compressor,
    progress: &Progress,
) -> Result<(String, Charter, String), String> {
    let options = SiteOptions {
        target: Target::StaticCopy,
        compressor: compressor.clone(),
        ..SiteOptions::default()
    };
    let site = Site::from_loaded(office.loaded, &options).map_err(|e| e.to_string())?;
    let written =
        static_site::write_site(&site, &out.join(&office.host)).map_err(|e| e.to_string())?;
    progress.wrote(&written);
    progress.bar.inc(1);
    let home = format!("{}/", site.base_url.as_str());
    Ok((office.id, site.charter, home))
}

/// Makes and writes the directory of `listed` in its folder.
fn write_directory(
    listed: &[(String, Charter, String)],
    base: &BaseUrl,
    out: &Path,
    compressor: &Compressor,
    progress: &Progress,
) -> Result<(), String> {
    progress.bar.set_message("writing the directory");
    let directory = Directory::of_charters(listed, base, Target::StaticCopy, compressor)
        .map_err(|e| e.to_string())?;
    let written = static_site::write_directory(&directory, &out.join(DIRECTORY_FOLDER))
        .map_err(|e| e.to_string())?;
    progress.wrote(&written);
    Ok(())
}

/// Links each alias to its office's folder; one that cannot be made (a
/// folder of that name is there, never removed) is reported.
fn link_aliases(links: &[(String, String)], out: &Path, progress: &Progress) {
    for (alias, host) in links {
        if let Err(e) = static_site::link_alias(out, alias, host) {
            progress.report(format_args!("warning: alias {alias} is left out: {e}"));
        }
    }
}
