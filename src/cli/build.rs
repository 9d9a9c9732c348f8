//! `charter build`: the whole site as plain files.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Exit;
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
    /// The charter file.
    #[arg(long, env = "CHARTER_FILE", default_value = "charter.toml")]
    pub charter: PathBuf,
    /// Public address of the site, as for `serve`.
    #[arg(long, env = "CHARTER_BASE_URL", value_parser = super::base_url)]
    pub base_url: Option<BaseUrl>,
    #[command(flatten)]
    pub limits: super::LimitArgs,
}

/// Writes the static copy of the site under `--out`.
pub fn run(args: &BuildArgs) -> ExitCode {
    // Warnings only (a page left without its QR code, say).
    super::init_logging("warn", false);
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
