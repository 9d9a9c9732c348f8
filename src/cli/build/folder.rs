//! `charter build` of a folder of offices: each office's static copy in a
//! folder named by its address, a link for each of its other addresses,
//! and the directory of them all in `_directory`.
//!
//! The offices and their addresses are read as the server reads them: by
//! the folder's registry of addresses, which a build needs; an address a
//! file names that the registry does not give its office is reported in
//! the server's words and not built. Offices whose file has errors are
//! reported as `check` reports them and left out; the others are written,
//! and the command then ends with the status of an invalid charter.
//!
//! The offices are made on the compressor's threads, several at once:
//! reading, checking and writing an office use one core, and making its
//! pages and their copies uses every core.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::BuildArgs;
use crate::charter::{self, Charter, Loaded};
use crate::cli::Exit;
use crate::offices::Registry;
use crate::offices::read::Read;
use crate::render::Target;
use crate::site::{Compressor, Directory, Site, SiteOptions};
use crate::static_site::{self, DIRECTORY_FOLDER};
use crate::urls::BaseUrl;
use crate::{errln, outln};

/// An office whose charter is valid, to be written.
struct Office {
    id: String,
    /// Its addresses, the one its folder is named by first.
    hosts: Vec<String>,
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
             each office's pages use its own address",
            dir.display()
        );
        return Exit::Unusable.into();
    };
    let directory = base.host();
    let compressor = Compressor::new();
    let max = args.limits.bytes();
    let registry = args.registry.path(dir);
    let read = compressor.run(|| Read::folder(dir, &registry, directory.as_deref(), max));
    let read = match read {
        Ok(read) => read,
        Err(e) => {
            errln!("{}: cannot read the folder: {e}", dir.display());
            return Exit::Unusable.into();
        }
    };
    let registry = match &read.registry {
        Ok(registry) => registry,
        Err(e) => {
            errln!("{e}");
            return Exit::Unusable.into();
        }
    };
    if read.offices.is_empty() {
        errln!(
            "{}: error: no office in the registry of addresses {}: `charter offices init` adds \
             the offices of the folder's files",
            dir.display(),
            registry.path().display()
        );
        return Exit::Invalid.into();
    }
    let progress = Progress::new(read.offices.len());
    let mut problems = 0;
    for problem in registry.problems() {
        progress.report(problem);
        problems += 1;
    }
    for skipped in &read.skipped {
        progress.report(skipped);
        problems += 1;
    }
    for refused in &read.routing(directory.as_deref()).refused {
        progress.report(refused);
        problems += 1;
    }
    let total = read.offices.len();
    let mut offices = Vec::new();
    for office in read.offices {
        let loaded = match office.loaded {
            Ok(loaded) => loaded,
            Err(e) => {
                progress.report(e);
                continue;
            }
        };
        let given = registry.hosts(&office.id);
        let website = charter::host_name(loaded.charter.office.website.get_ref());
        // The folder is named by the address its pages link to as their
        // own: the website when it is the office's, else its first.
        let mut hosts: Vec<String> = given.to_vec();
        if let Some(i) = hosts.iter().position(|h| *h == website) {
            let own = hosts.remove(i);
            hosts.insert(0, own);
        }
        if hosts.is_empty() {
            progress.report(format_args!(
                "{}: error: the registry of addresses gives {} no address, so it has no folder \
                 to be written in",
                office.file.path().display(),
                office.id
            ));
            continue;
        }
        offices.push(Office {
            id: office.id,
            hosts,
            loaded,
        });
    }
    let skipped = total - offices.len();
    progress.bar.set_length(offices.len() as u64);
    let aliases: Vec<(String, String)> = (offices.iter())
        .flat_map(|o| {
            o.hosts[1..]
                .iter()
                .map(|alias| (alias.clone(), o.hosts[0].clone()))
        })
        .collect();
    let written = compressor.run(|| {
        (offices.into_par_iter().with_max_len(1))
            .map(|office| write_office(office, registry, &args.out, &compressor, &progress))
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
            "{skipped} of {total} offices were not built: their files have the errors above; \
             correct them and build again"
        );
        return Exit::Invalid.into();
    }
    if problems > 0 {
        errln!(
            "the folder has {problems} problem(s), above: what they name was not built; correct \
             them and build again"
        );
        return Exit::Invalid.into();
    }
    Exit::Ok.into()
}

/// Makes and writes one office's static copy in its host's folder; the
/// office as the directory lists it: id, charter and home.
fn write_office(
    office: Office,
    registry: &Registry,
    out: &Path,
    compressor: &Compressor,
    progress: &Progress,
) -> Result<(String, Charter, String), String> {
    let options = SiteOptions {
        target: Target::StaticCopy,
        compressor: compressor.clone(),
        addresses: Some(registry.hosts(&office.id).into()),
        ..SiteOptions::default()
    };
    let site = Site::from_loaded(office.loaded, &options).map_err(|e| e.to_string())?;
    let written =
        static_site::write_site(&site, &out.join(&office.hosts[0])).map_err(|e| e.to_string())?;
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
