//! `charter check`: every problem of a charter file, with its line and
//! column, and whether the site can be made from it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Exit;
use crate::charter::{self, LoadError};
use crate::i18n::{self, Lang};
use crate::site::{Site, SiteOptions};
use crate::{errln, errp, outln};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The charter file.
    #[arg(env = "CHARTER_FILE", default_value = "charter.toml")]
    pub file: PathBuf,
    #[command(flatten)]
    pub limits: super::LimitArgs,
}

/// Reads and checks the charter and renders every page of its site, as
/// the server would; checks that every interface text exists in both
/// languages.
pub fn run(args: &CheckArgs) -> ExitCode {
    // Warnings only (a page left without its QR code, say).
    super::init_logging("warn", false);
    let file = &args.file;
    let mut invalid = false;
    match charter::load_file_within(file, args.limits.bytes()) {
        Ok(loaded) => {
            errp!("{}", loaded.warnings);
            let (services, officers) =
                (loaded.charter.services.len(), loaded.charter.officers.len());
            let warnings = loaded.warnings.warning_count();
            // A charter the checks accept but whose pages cannot be made
            // would take the site down at the next start.
            match Site::from_loaded(loaded, &SiteOptions::default()) {
                Ok(_) => outln!(
                    "{}: OK: {services} services, {officers} officers, {warnings} warning(s)",
                    file.display(),
                ),
                Err(e) => {
                    errln!("{}: error: the pages cannot be made: {e}", file.display());
                    invalid = true;
                }
            }
        }
        Err(e @ LoadError::Read { .. }) => {
            errln!("{e}");
            return Exit::Unusable.into();
        }
        Err(e @ LoadError::Invalid { .. }) => {
            errln!("{e}");
            invalid = true;
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
