//! `charter import`: a charter copied from the National Portal, as a
//! charter.toml on standard output.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::Exit;
use crate::charter;
use crate::i18n::Words;
use crate::import::ImportError;
use crate::{errln, outp};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The portal text file.
    pub file: PathBuf,
    #[command(flatten)]
    pub limits: super::LimitArgs,
    #[command(flatten)]
    pub lang: super::LangArgs,
}

/// Prints the charter.toml made from the portal text in the file; what
/// is wrong with the text goes to standard error, in the language asked
/// for.
pub fn run(args: &ImportArgs) -> ExitCode {
    let file = &args.file;
    let lang = args.lang.lang();
    let path = file.display().to_string();
    // Read as the charter is: a plain file within the same limit (a portal
    // page is a few hundred KB), never a pipe to wait on.
    let text = match charter::read_limited(file, args.limits.bytes()).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(_)) => {
            let said = Words::new("import-not-utf8").arg("file", path);
            errln!("{}", said.in_lang(lang));
            return Exit::Unusable.into();
        }
        Err(e) => {
            let said = Words::new("import-unreadable")
                .arg("file", path)
                .arg("error", charter::io_reason(&e, lang));
            errln!("{}", said.in_lang(lang));
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
            errln!("{path}: {}", e.in_lang(lang));
            Exit::Invalid.into()
        }
        Err(e) => {
            errln!("{path}: {}", e.in_lang(lang));
            Exit::Invalid.into()
        }
    }
}
