//! `charter check`: every problem of a charter file (or of every file of a
//! folder of offices), with its line and column, and whether the site can
//! be made from it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::Exit;
use crate::charter::{self, LoadError, folder};
use crate::i18n::{self, Lang};
use crate::site::{Site, SiteOptions};
use crate::{errln, errp, outln};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The charter file, or a folder of charter files (one office each).
    #[arg(env = "CHARTER_FILE", default_value = "charter.toml")]
    pub file: PathBuf,
    #[command(flatten)]
    pub limits: super::LimitArgs,
}

/// Reads and checks the charter (or every charter of a folder) and renders
/// every page of its site, as the server would; checks that every
/// interface text exists in both languages.
pub fn run(args: &CheckArgs) -> ExitCode {
    // Warnings only (a page left without its QR code, say).
    super::init_logging("warn", false);
    let file = &args.file;
    let max = args.limits.bytes();
    let mut invalid = false;
    if file.is_dir() {
        match check_folder(file, max) {
            Ok(all_good) => invalid = !all_good,
            Err(e) => {
                errln!("{}: cannot read the folder: {e}", file.display());
                return Exit::Unusable.into();
            }
        }
    } else {
        match check_file(file, max) {
            Checked::Good { .. } => {}
            Checked::Invalid => invalid = true,
            Checked::Unreadable => return Exit::Unusable.into(),
        }
    }
    let (bn, en) = (i18n::message_ids(Lang::Bn), i18n::message_ids(Lang::En));
    for (lang, missing) in [
        (Lang::En, bn.difference(&en)),
        (Lang::Bn, en.difference(&bn)),
    ] {
        for id in missing {
            errln!("locales/{lang}/main.ftl: error: message \"{id}\" is missing");
            invalid = true;
        }
    }
    if invalid { Exit::Invalid } else { Exit::Ok }.into()
}

/// What checking one charter file found.
enum Checked {
    /// Valid, with the host names its site answers to: each as DNS
    /// compares it, and whether it is the website or an alias.
    Good {
        hosts: Vec<(String, Claim)>,
    },
    Invalid,
    Unreadable,
}

/// How an office claims a host name.
#[derive(Debug, Clone, Copy)]
enum Claim {
    Website,
    Alias,
}

impl Claim {
    fn name(self) -> &'static str {
        match self {
            Claim::Website => "website",
            Claim::Alias => "alias",
        }
    }

    /// With its article: "the website", "an alias".
    fn with_article(self) -> &'static str {
        match self {
            Claim::Website => "the website",
            Claim::Alias => "an alias",
        }
    }
}

/// Checks one charter file and makes its pages; prints what it found.
fn check_file(file: &Path, max: u64) -> Checked {
    match charter::load_file_within(file, max) {
        Ok(loaded) => {
            errp!("{}", loaded.warnings);
            let (services, officers) =
                (loaded.charter.services.len(), loaded.charter.officers.len());
            let warnings = loaded.warnings.warning_count();
            let office = &loaded.charter.office;
            let hosts = std::iter::once((&office.website, Claim::Website))
                .chain(office.aliases.iter().map(|a| (a, Claim::Alias)))
                .map(|(host, claim)| (charter::host_name(host.get_ref()), claim))
                .collect();
            // A charter the checks accept but whose pages cannot be made
            // would take the site down at the next start.
            match Site::from_loaded(loaded, &SiteOptions::default()) {
                Ok(_) => {
                    outln!(
                        "{}: OK: {services} services, {officers} officers, {warnings} warning(s)",
                        file.display(),
                    );
                    Checked::Good { hosts }
                }
                Err(e) => {
                    errln!("{}: error: the pages cannot be made: {e}", file.display());
                    Checked::Invalid
                }
            }
        }
        Err(e @ LoadError::Read { .. }) => {
            errln!("{e}");
            Checked::Unreadable
        }
        Err(e @ LoadError::Invalid { .. }) => {
            errln!("{e}");
            Checked::Invalid
        }
    }
}

/// Checks every charter of a folder (one office each) and that no two
/// offices claim the same address, as website or alias; whether all of
/// them are good.
fn check_folder(dir: &Path, max: u64) -> std::io::Result<bool> {
    let files = folder::office_files(dir)?;
    if files.is_empty() {
        errln!(
            "{}: error: no charter in this folder: each office's charter is a file ending in \
             .toml directly in it, for example haluaghat.toml",
            dir.display()
        );
        return Ok(false);
    }
    let mut owners: HashMap<String, (&Path, Claim)> = HashMap::new();
    let mut good = 0;
    for file in &files {
        if let Some(problem) = folder::id_problem(&file.id) {
            errln!("{}: error: {problem}", file.path.display());
            continue;
        }
        let Checked::Good { hosts } = check_file(&file.path, max) else {
            continue;
        };
        let mut shares = false;
        for (host, claim) in hosts {
            if let Some((first, first_claim)) = owners.get(&host) {
                // Both named: the server keeps the address for the first.
                errln!(
                    "{}: error: {} {host} is already {} of {}, which keeps it (the files are \
                     read in alphabetical order); two offices cannot share one address: correct \
                     one of the two files",
                    file.path.display(),
                    claim.name(),
                    first_claim.with_article(),
                    first.display(),
                );
                shares = true;
            } else {
                owners.insert(host, (&file.path, claim));
            }
        }
        good += usize::from(!shares);
    }
    let bad = files.len() - good;
    outln!(
        "{}: {} offices: {good} OK, {bad} with errors",
        dir.display(),
        files.len(),
    );
    Ok(bad == 0)
}
