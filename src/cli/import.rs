//! `charter import`: a charter copied from the National Portal, as a
//! charter.toml on standard output.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Exit;
use crate::charter;
use crate::import::ImportError;
use crate::{errln, outp};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The portal text file.
    pub file: PathBuf,
    #[command(flatten)]
    pub limits: super::LimitArgs,
}

/// Prints the charter.toml made from the portal text in the file.
pub fn run(args: &ImportArgs) -> ExitCode {
    let file = &args.file;
    // Read as the charter is: a plain file within the same limit (a portal
    // page is a few hundred KB), never a pipe to wait on.
    let text = match charter::read_limited(file, args.limits.bytes()).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(_)) => {
            errln!(
                "{}: cannot read the file: it is not UTF-8 text; save it as UTF-8 \
                 (Notepad: File > Save As, Encoding UTF-8)",
                file.display()
            );
            return Exit::Unusable.into();
        }
        Err(e) => {
            errln!("{}: cannot read the file: {e}", file.display());
            return Exit::Unusable.into();
        }
    };
    match crate::import::import(&text) {
        Ok(toml) => {
            outp!("{toml}");
            Exit::Ok.into()
        }
        Err(e @ ImportError::FailsCheck { .. }) => {
            // The staff complete it: the lines check names are its lines.
            if let ImportError::FailsCheck { toml, .. } = &e {
                outp!("{toml}");
            }
            errln!("{}: {e}", file.display());
            Exit::Invalid.into()
        }
        Err(e) => {
            errln!("{}: {e}", file.display());
            Exit::Invalid.into()
        }
    }
}
