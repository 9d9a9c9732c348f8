//! `charter offices`: the offices of a folder and their addresses, as its
//! registry of addresses gives them; `charter offices init`: the registry
//! written from the offices' files as they are.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{Exit, LangArgs, LimitArgs, RegistryArgs, base_url, directory_host};
use crate::charter::io_reason;
use crate::i18n::{Lang, Words};
use crate::offices::folder::Why;
use crate::offices::{self, Registry};
use crate::urls::BaseUrl;
use crate::{errln, outln};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct OfficesArgs {
    #[command(subcommand)]
    action: Option<Action>,
    #[command(flatten)]
    place: Place,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// List the offices of the folder and their addresses (the default).
    List(Place),
    /// Write the registry of addresses from the offices' files as they
    /// are: each office not in it yet gets the website and aliases its
    /// file names, but an address another office has, or that two new
    /// offices' files name, or the directory's own; the offices in it
    /// already are kept as they are.
    Init(Place),
}

/// The folder, its registry, and the directory's address.
#[derive(Debug, Clone, Args)]
struct Place {
    /// The folder of offices' charter files.
    #[arg(env = "CHARTER_FILE", default_value = "charter.toml")]
    folder: PathBuf,
    /// The directory's public address, as `serve` has it: no office's.
    #[arg(long, env = "CHARTER_BASE_URL", value_parser = base_url)]
    base_url: Option<BaseUrl>,
    #[command(flatten)]
    registry: RegistryArgs,
    #[command(flatten)]
    limits: LimitArgs,
    #[command(flatten)]
    lang: LangArgs,
}

/// Runs `charter offices` or one of its subcommands.
pub fn run(args: OfficesArgs) -> ExitCode {
    super::init_logging("warn", false);
    match args.action {
        None => list(&args.place),
        Some(Action::List(place)) => list(&place),
        Some(Action::Init(place)) => init(&place),
    }
}

/// Exit status 2 unless `folder` is a folder.
fn a_folder(folder: &Path, lang: Lang) -> Result<(), ExitCode> {
    if folder.is_dir() {
        return Ok(());
    }
    let said = Words::new("offices-not-a-folder").arg("folder", folder.display().to_string());
    errln!("{}", said.in_lang(lang));
    Err(Exit::Unusable.into())
}

/// The folder `folder` cannot be read (`error`), in `lang`.
fn unreadable(folder: &Path, error: &std::io::Error, lang: Lang) -> String {
    Words::new("offices-folder-unreadable")
        .arg("folder", folder.display().to_string())
        .arg("error", io_reason(error, lang))
        .in_lang(lang)
}

/// `charter offices`: every office of the registry with its addresses,
/// and the files the registry does not list. Exit status 0, 1 when the
/// registry has entries left out or files are not in it, 2 when there is
/// no registry or it cannot be read.
fn list(place: &Place) -> ExitCode {
    let lang = place.lang.lang();
    if let Err(code) = a_folder(&place.folder, lang) {
        return code;
    }
    let directory = directory_host(place.base_url.as_ref());
    let path = place.registry.path(&place.folder);
    let registry = match Registry::read(&path, directory.as_deref()) {
        Ok(registry) => registry,
        Err(e) => {
            errln!("{}", e.in_lang(lang));
            return Exit::Unusable.into();
        }
    };
    let scanned = crate::offices::Folder::open(&place.folder)
        .and_then(|folder| folder.scan(Some(&registry.ids())));
    let scan = match scanned {
        Ok(scan) => scan,
        Err(e) => {
            errln!("{}", unreadable(&place.folder, &e, lang));
            return Exit::Unusable.into();
        }
    };
    let with_file: BTreeSet<&str> = scan.files.iter().map(|f| f.id.as_str()).collect();
    let heading = Words::new("offices-list-heading")
        .arg("folder", place.folder.display().to_string())
        .arg("registry", path.display().to_string());
    outln!("{}", heading.in_lang(lang));
    let width = registry
        .offices()
        .map(|(id, _)| id.len())
        .max()
        .unwrap_or(0);
    for (id, hosts) in registry.offices() {
        let shown = if hosts.is_empty() {
            Words::new("offices-list-no-address").in_lang(lang)
        } else {
            hosts.join(", ")
        };
        let file = if with_file.contains(id) {
            String::new()
        } else {
            format!("  {}", Words::new("offices-list-no-file").in_lang(lang))
        };
        outln!("  {id:width$}  {shown}{file}");
    }
    for problem in registry.problems() {
        errln!("{}", problem.in_lang(lang));
    }
    let unregistered: Vec<&str> = (scan.skipped.iter())
        .filter(|s| s.why == Why::NotRegistered)
        .map(|s| s.name.as_str())
        .collect();
    if !unregistered.is_empty() {
        let said = Words::new("offices-list-not-registered").arg("files", unregistered.join(", "));
        outln!("{}", said.in_lang(lang));
    }
    let said = Words::new("offices-list-summary")
        .arg("offices", registry.ids().len())
        .arg("unregistered", unregistered.len());
    outln!("{}", said.in_lang(lang));
    if registry.problems().is_empty() && unregistered.is_empty() {
        Exit::Ok.into()
    } else {
        Exit::Invalid.into()
    }
}

/// `charter offices init`: adds to the registry (or writes it) every
/// office of the folder it does not list ([`offices::init`]). Exit status
/// 0 done, 1 some office or address was not added (said which and why),
/// 2 the folder or the registry cannot be read or written.
fn init(place: &Place) -> ExitCode {
    let lang = place.lang.lang();
    if let Err(code) = a_folder(&place.folder, lang) {
        return code;
    }
    let directory = directory_host(place.base_url.as_ref());
    let path = place.registry.path(&place.folder);
    let outcome = match offices::init::init(
        &place.folder,
        &path,
        directory.as_deref(),
        place.limits.bytes(),
    ) {
        Ok(outcome) => outcome,
        Err(e) => {
            errln!("{}", e.in_lang(lang));
            return Exit::Unusable.into();
        }
    };
    for refused in &outcome.refused {
        errln!("{}", refused.in_lang(lang));
    }
    for (id, hosts) in &outcome.added {
        let said = Words::new("offices-init-added")
            .arg("id", id.as_str())
            .arg("hosts", hosts.join(", "));
        outln!("{}", said.in_lang(lang));
    }
    let said = Words::new("offices-init-summary")
        .arg("registry", path.display().to_string())
        .arg("written", if outcome.written { "yes" } else { "no" })
        .arg("offices", outcome.kept + outcome.added.len())
        .arg("added", outcome.added.len())
        .arg("kept", outcome.kept);
    outln!("{}", said.in_lang(lang));
    if outcome.refused.is_empty() {
        Exit::Ok.into()
    } else {
        Exit::Invalid.into()
    }
}
