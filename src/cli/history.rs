//! `charter history` and `charter restore`: the versions the server
//! kept, and putting one back.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::history;
use crate::i18n::Words;

/// Where `history` and `restore` find the history and the charter, as
/// `serve` does.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The charter file; for a server of a folder of offices, the office's
    /// file in it (its versions are kept apart, under `offices/<name>`).
    #[arg(long, env = "CHARTER_FILE", default_value = "charter.toml")]
    pub charter: PathBuf,
    /// The folder the server keeps the history in. Default: systemd's
    /// STATE_DIRECTORY.
    #[arg(long, env = "CHARTER_STATE_DIR", value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
    #[command(flatten)]
    pub limits: super::LimitArgs,
    #[command(flatten)]
    pub lang: super::LangArgs,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The version's number, as `charter history` shows it.
    pub number: String,
    #[command(flatten)]
    pub place: HistoryArgs,
}

impl HistoryArgs {
    /// The state folder of the charter's history: for the file of an
    /// office a folder server keeps, `<state>/offices/<name>`, where that
    /// server keeps its versions; else the state folder itself.
    fn state_dir(&self) -> Option<PathBuf> {
        let dir = history::state_dir(self.state_dir.as_deref())?;
        Some(history::charter_state_dir(&dir, &self.charter))
    }
}

/// Exit status 0 listed, 2 the history cannot be read.
pub fn list(args: &HistoryArgs) -> ExitCode {
    let lang = args.lang.lang();
    if args.charter.is_dir() {
        return history::commands::list_offices(
            history::state_dir(args.state_dir.as_deref()).as_deref(),
            &args.charter,
            lang,
        );
    }
    history::commands::list(
        args.state_dir().as_deref(),
        &args.charter,
        args.limits.bytes(),
        lang,
    )
}

/// Exit status 0 restored, 1 the version is not a valid charter, 2 no
/// such version, the charter path is not the file the server serves or
/// names no file, or a file cannot be read or written.
pub fn restore(args: &RestoreArgs) -> ExitCode {
    let lang = args.place.lang.lang();
    if args.place.charter.is_dir() {
        let said = Words::new("restore-folder")
            .arg("folder", args.place.charter.display().to_string())
            .arg("number", args.number.as_str());
        crate::errln!("{}", said.in_lang(lang));
        return ExitCode::from(2);
    }
    history::commands::restore(
        args.place.state_dir().as_deref(),
        &args.place.charter,
        &args.number,
        args.place.limits.bytes(),
        lang,
    )
}
