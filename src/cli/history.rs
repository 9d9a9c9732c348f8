//! `charter history` and `charter restore`: the versions the server
//! kept, and putting one back.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::history;

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
        let office = self
            .charter
            .file_stem()
            .map(|name| dir.join("offices").join(name));
        match office {
            Some(office) if office.join("history").is_dir() => Some(office),
            _ => Some(dir),
        }
    }
}

/// Exit status 0 listed, 2 the history cannot be read.
pub fn list(args: &HistoryArgs) -> ExitCode {
    if args.charter.is_dir() {
        return history::commands::list_offices(
            history::state_dir(args.state_dir.as_deref()).as_deref(),
            &args.charter,
        );
    }
    history::commands::list(
        args.state_dir().as_deref(),
        &args.charter,
        args.limits.bytes(),
    )
}

/// Exit status 0 restored, 1 the version is not a valid charter, 2 no
/// such version, the charter path is not the file the server serves or
/// names no file, or a file cannot be read or written.
pub fn restore(args: &RestoreArgs) -> ExitCode {
    if args.place.charter.is_dir() {
        crate::errln!(
            "{0} is a folder of offices: name the office whose version to put back, by its file: \
             charter restore {1} --charter {0}/haluaghat.toml (`charter history --charter {0}` \
             lists the offices); nothing was changed",
            args.place.charter.display(),
            args.number
        );
        return ExitCode::from(2);
    }
    history::commands::restore(
        args.place.state_dir().as_deref(),
        &args.place.charter,
        &args.number,
        args.place.limits.bytes(),
    )
}
