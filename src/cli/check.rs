//! `charter check`: every problem of a charter file (or of every file of a
//! folder of offices), with its line and column, and whether the site can
//! be made from it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::Exit;
use crate::charter::{self, LoadError, Loaded, Words};
use crate::i18n::{self, Lang};
use crate::offices::read::Read;
use crate::site::{Site, SiteOptions};
use crate::urls::BaseUrl;
use crate::{errln, errp, outln};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The charter file, or a folder of charter files (one office each).
    #[arg(env = "CHARTER_FILE", default_value = "charter.toml")]
    pub file: PathBuf,
    /// With a folder: the directory's public address, as `serve` has it,
    /// which no office may take.
    #[arg(long, env = "CHARTER_BASE_URL", value_parser = super::base_url)]
    pub base_url: Option<BaseUrl>,
    #[command(flatten)]
    pub registry: super::RegistryArgs,
    #[command(flatten)]
    pub limits: super::LimitArgs,
    #[command(flatten)]
    pub lang: super::LangArgs,
}

/// Reads and checks the charter (or every charter of a folder) and renders
/// every page of its site, as the server would; checks that every
/// interface text exists in both languages.
pub fn run(args: &CheckArgs) -> ExitCode {
    // Warnings only (a page left without its QR code, say).
    super::init_logging("warn", false);
    let file = &args.file;
    let max = args.limits.bytes();
    let lang = args.lang.lang();
    let mut invalid = false;
    if file.is_dir() {
        match check_folder(args, file, max, lang) {
            Ok(all_good) => invalid = !all_good,
            Err(e) => {
                let said = Words::new("check-folder-unreadable")
                    .arg("folder", file.display().to_string())
                    .arg("error", e.to_string());
                errln!("{}", said.in_lang(lang));
                return Exit::Unusable.into();
            }
        }
    } else {
        match check_file(file, max, lang) {
            Checked::Good => {}
            Checked::Invalid => invalid = true,
            Checked::Unreadable => return Exit::Unusable.into(),
        }
    }
    for ids in [i18n::message_ids, i18n::check_message_ids] {
        let (bn, en) = (ids(Lang::Bn), ids(Lang::En));
        for (missing_in, missing) in [
            (Lang::En, bn.difference(&en)),
            (Lang::Bn, en.difference(&bn)),
        ] {
            for id in missing {
                let said = Words::new("check-message-missing")
                    .arg("lang", missing_in.code())
                    .arg("id", id.as_str());
                errln!("{}", said.in_lang(lang));
                invalid = true;
            }
        }
    }
    if invalid { Exit::Invalid } else { Exit::Ok }.into()
}

/// What checking one charter file found.
enum Checked {
    Good,
    Invalid,
    Unreadable,
}

/// Checks one charter file and makes its pages; prints what it found, in
/// `lang`.
fn check_file(file: &Path, max: u64, lang: Lang) -> Checked {
    check_loaded(file, charter::load_file_within(file, max), lang)
}

/// Prints what reading the charter `file` found (`loaded`), and whether
/// its pages can be made, in `lang`.
fn check_loaded(file: &Path, loaded: Result<Loaded, LoadError>, lang: Lang) -> Checked {
    let path = file.display().to_string();
    match loaded {
        Ok(loaded) => {
            errp!("{}", loaded.warnings.in_lang(lang));
            let (services, officers) =
                (loaded.charter.services.len(), loaded.charter.officers.len());
            let warnings = loaded.warnings.warning_count();
            // A charter the checks accept but whose pages cannot be made
            // would take the site down at the next start.
            match Site::from_loaded(loaded, &SiteOptions::default()) {
                Ok(_) => {
                    let said = Words::new("check-ok")
                        .arg("file", path)
                        .arg("services", services)
                        .arg("officers", officers)
                        .arg("warnings", warnings);
                    outln!("{}", said.in_lang(lang));
                    Checked::Good
                }
                Err(e) => {
                    let said = Words::new("check-pages-fail")
                        .arg("file", path)
                        .arg("error", e.to_string());
                    errln!("{}", said.in_lang(lang));
                    Checked::Invalid
                }
            }
        }
        Err(e @ LoadError::Read { .. }) => {
            errln!("{}", e.in_lang(lang));
            Checked::Unreadable
        }
        Err(e @ LoadError::Invalid { .. }) => {
            errln!("{}", e.in_lang(lang));
            Checked::Invalid
        }
    }
}

/// Checks every charter of a folder (one office each), read as the server
/// reads it: by its registry of addresses, every entry skipped and every
/// address a file names that does not reach its office reported in the
/// server's words; whether all of it is good.
fn check_folder(args: &CheckArgs, dir: &Path, max: u64, lang: Lang) -> std::io::Result<bool> {
    let directory = super::directory_host(args.base_url.as_ref());
    let read = Read::folder(dir, &args.registry.path(dir), directory.as_deref(), max)?;
    if read.offices.is_empty() && read.skipped.is_empty() {
        let said = Words::new("check-folder-empty").arg("folder", dir.display().to_string());
        errln!("{}", said.in_lang(lang));
        return Ok(false);
    }
    let routing = read.routing(directory.as_deref());
    let mut bad: BTreeSet<String> = (routing.refused.iter()).map(|r| r.office.clone()).collect();
    let offices = read.offices.len();
    for office in read.offices {
        if !matches!(
            check_loaded(office.file.path(), office.loaded, lang),
            Checked::Good
        ) {
            bad.insert(office.id);
        }
    }
    let mut good_folder = true;
    match &read.registry {
        Ok(registry) => {
            for problem in registry.problems() {
                errln!("{problem}");
                good_folder = false;
            }
        }
        Err(e) => {
            errln!("{e}");
            good_folder = false;
        }
    }
    for skipped in &read.skipped {
        errln!("{skipped}");
        good_folder = false;
    }
    for refused in &routing.refused {
        errln!("{refused}");
    }
    let said = Words::new("check-folder-summary")
        .arg("folder", dir.display().to_string())
        .arg("offices", offices)
        .arg("ok", offices - bad.len())
        .arg("bad", bad.len())
        .arg("skipped", read.skipped.len());
    outln!("{}", said.in_lang(lang));
    Ok(bad.is_empty() && good_folder)
}
