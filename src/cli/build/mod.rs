//! `charter build`: the whole site as plain files; given a folder of
//! offices, every office's site and the directory ([`folder`]).

mod folder;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::cli::{Exit, LimitArgs, base_url, init_logging};
use crate::render::Target;
use crate::site::{Site, SiteOptions};
use crate::static_site;
use crate::urls::BaseUrl;
use crate::{errln, outln};

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Folder to write the site into (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    /// The charter file, or a folder of charter files (one office each).
    #[arg(long, env = "CHARTER_FILE", default_value = "charter.toml")]
    pub charter: PathBuf,
    /// Public address of the site, as for `serve`; for a folder, of the
    /// directory of every office (each office's site has its website's).
    #[arg(long, env = "CHARTER_BASE_URL", value_parser = base_url)]
    pub base_url: Option<BaseUrl>,
    #[command(flatten)]
    pub registry: crate::cli::RegistryArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Writes the static copy of the site (or of every office of a folder,
/// and the directory) under `--out`.
pub fn run(args: &BuildArgs) -> ExitCode {
    // Warnings only (a page left without its QR code, say).
    init_logging("warn", false);
    if args.charter.is_dir() {
        return folder::run(args);
    }
    let options = SiteOptions {
        base_url: args.base_url.clone(),
        // Rendered for the static copy at once, not for the server and again.
        target: Target::StaticCopy,
        max_charter_bytes: args.limits.bytes(),
        ..SiteOptions::default()
    };
    let site = match Site::load(&args.charter, &options) {
        Ok(site) => site,
        Err(e) => {
            errln!("{e}");
            return if e.is_unreadable() {
                Exit::Unusable
            } else {
                Exit::Invalid
            }
            .into();
        }
    };
    match static_site::write_site(&site, &args.out) {
        Ok(w) => {
            outln!(
                "wrote {} files ({} KiB) to {}",
                w.files,
                w.bytes / 1024,
                args.out.display()
            );
            Exit::Ok.into()
        }
        Err(e) => {
            errln!("cannot write the site: {e}");
            Exit::Unusable.into()
        }
    }
}
