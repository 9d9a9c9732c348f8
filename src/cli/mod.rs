//! The `charter` command: `serve` (the default), `check`, `build`,
//! `import`, `history`, `restore`, `offices`, `staff`. Each subcommand is one file with the
//! same shape (its arguments, and a `run` that returns the exit status);
//! the library does the work.
//!
//! Exit status, the same for every subcommand: 0 done, 1 the charter is
//! not valid, 2 a file cannot be read or written, or the command line is
//! wrong.

mod build;
mod check;
mod history;
mod import;
mod offices;
mod serve;
mod staff;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::offices::Registry;
use crate::output;
use crate::urls::BaseUrl;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done.
    Ok,
    /// The charter (or a version of it) is not valid.
    Invalid,
    /// A file cannot be read or written, the address cannot be listened
    /// on, or the command line is wrong.
    Unusable,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

/// The citizen charter website: serve it, check it, build it, import it.
#[derive(Debug, Parser)]
#[command(
    name = "charter",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: serve::ServeArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the site (the default when no subcommand is given).
    Serve(serve::ServeArgs),
    /// Check a charter file and report every problem with its line and column.
    Check(check::CheckArgs),
    /// Write the whole site as static files.
    Build(build::BuildArgs),
    /// Turn a charter copied from the National Portal (tab-separated text)
    /// into a charter.toml, printed on standard output.
    Import(import::ImportArgs),
    /// List the versions of the charter the server has kept, newest first.
    History(history::HistoryArgs),
    /// Put version N from the history back into the charter file; a
    /// running server shows it a moment later.
    Restore(history::RestoreArgs),
    /// The offices of a folder and their addresses (`charter offices init`
    /// writes the registry of addresses).
    Offices(offices::OfficesArgs),
    /// The staff area's accounts (add, list, disable, enable, reset) and
    /// its audit log.
    Staff(staff::StaffArgs),
}

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    let code = match cli.command {
        None => serve::run(cli.serve),
        Some(Command::Serve(args)) => serve::run(args),
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Build(args)) => build::run(&args),
        Some(Command::Import(args)) => import::run(&args),
        Some(Command::History(args)) => history::list(&args),
        Some(Command::Restore(args)) => history::restore(&args),
        Some(Command::Offices(args)) => offices::run(args),
        Some(Command::Staff(args)) => staff::run(&args),
    };
    output::finish(code)
}

/// The size limit every subcommand that reads a charter shares.
#[derive(Debug, Clone, Copy, Args)]
pub struct LimitArgs {
    /// The largest charter file read, in MB (1 to 1024): anything larger
    /// is refused as not a charter (a wrong file, a device).
    #[arg(long, env = "CHARTER_MAX_MB", value_name = "MB", default_value_t = DEFAULT_MAX_MB,
          value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub max_charter_mb: u64,
}

const DEFAULT_MAX_MB: u64 = crate::charter::MAX_FILE_BYTES / (1024 * 1024);

impl LimitArgs {
    /// The limit in bytes.
    pub fn bytes(self) -> u64 {
        self.max_charter_mb * 1024 * 1024
    }
}

/// The language a command speaks to a person in, for every subcommand
/// that does. What machines read (`--log-json`, `/healthz`) stays as it is.
#[derive(Debug, Clone, Copy, Args)]
pub struct LangArgs {
    /// The language of the messages: bn (Bangla) or en (English). Default:
    /// Bangla when the system's language (LC_ALL, LC_MESSAGES or LANG) is
    /// Bangla, English otherwise.
    #[arg(long = "lang", env = "CHARTER_LANG", value_name = "LANG", value_parser = chosen_lang)]
    lang: Option<ChosenLang>,
}

impl LangArgs {
    /// The language chosen, or the system's.
    pub fn lang(self) -> Lang {
        self.lang
            .and_then(|chosen| chosen.0)
            .unwrap_or_else(|| locale_lang(|name| std::env::var(name).ok()))
    }
}

/// `--lang` as given: none when empty (`CHARTER_LANG=` is no choice).
#[derive(Debug, Clone, Copy)]
struct ChosenLang(Option<Lang>);

fn chosen_lang(value: &str) -> Result<ChosenLang, crate::i18n::UnknownLang> {
    if value.is_empty() {
        Ok(ChosenLang(None))
    } else {
        value.parse().map(|lang| ChosenLang(Some(lang)))
    }
}

/// The language of the system's locale, as POSIX reads it (the first of
/// LC_ALL, LC_MESSAGES and LANG that is set): Bangla when it names Bangla
/// (`bn_BD.UTF-8`), English otherwise.
fn locale_lang(var: impl Fn(&str) -> Option<String>) -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty());
    match locale {
        Some(value) if value.starts_with("bn") => Lang::Bn,
        _ => Lang::En,
    }
}

/// Where a folder of offices' registry of addresses is, for every
/// subcommand that reads a folder.
#[derive(Debug, Clone, Args)]
pub struct RegistryArgs {
    /// With a folder of offices: the registry of their addresses, which
    /// says which addresses reach each office. Default: beside the
    /// folder, named after it (/srv/charter/offices has
    /// /srv/charter/offices.addresses.toml).
    #[arg(long, env = "CHARTER_REGISTRY", value_name = "FILE")]
    pub registry: Option<PathBuf>,
}

impl RegistryArgs {
    /// The registry of the folder `folder`.
    pub fn path(&self, folder: &Path) -> PathBuf {
        match &self.registry {
            Some(path) if !path.as_os_str().is_empty() => path.clone(),
            _ => Registry::default_path(folder),
        }
    }
}

/// The directory's own host, keyed, from its public address: no office's.
fn directory_host(base: Option<&BaseUrl>) -> Option<String> {
    base?.host()
}

/// Logs to standard error at `level` unless `RUST_LOG` says otherwise,
/// in JSON lines when `json` is set.
fn init_logging(level: &str, json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    // Colours only on a terminal: journald and log files get plain text.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
    // A panic is logged like everything else (one JSON object with
    // --log-json), with the place it happened; the server answers 500.
    std::panic::set_hook(Box::new(|info| {
        tracing::error!(target: "panic", "{info}");
    }));
}

/// `--base-url`: an absolute http(s) address short enough to be a link
/// and a QR code on every page.
fn base_url(value: &str) -> Result<BaseUrl, String> {
    let value = value.trim();
    let scheme_end = value.find("://").map_or(0, |i| i + 3);
    let rest = match value[..scheme_end].to_ascii_lowercase().as_str() {
        "https://" | "http://" => &value[scheme_end..],
        _ => return Err("it must start with https:// (or http://)".into()),
    };
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || host.contains(|c: char| c.is_whitespace() || c == '@') {
        return Err("it must name a host, e.g. https://charter.example.gov.bd".into());
    }
    if value.chars().count() > MAX_BASE_URL {
        return Err(format!("it must be at most {MAX_BASE_URL} characters long"));
    }
    Ok(BaseUrl::new(value))
}

/// Longest `--base-url`: with the longest service address after it, a
/// link still fits a QR code a phone reads from a printed page.
const MAX_BASE_URL: usize = 200;

/// Keeps the process's memory close to what the site holds. glibc's
/// allocator gives each thread that allocates its own arena and keeps
/// large freed blocks for reuse; a load renders on every core and the
/// background compression frees large buffers, so with the defaults the
/// process holds far more than its pages. Two arenas, and large blocks
/// returned to the system, keep it close. The threshold stays at 1 MiB:
/// below it, every page's gzip state would be mapped and zeroed afresh.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; it is called before
    // any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1024 * 1024);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 1024 * 1024);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_language_is_read_as_posix_does() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(locale_lang(env(&[("LANG", "bn_BD.UTF-8")])), Lang::Bn);
        assert_eq!(locale_lang(env(&[("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(locale_lang(env(&[])), Lang::En);
        // LC_ALL wins over LANG, LC_MESSAGES over LANG; empty is unset.
        let all = env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "bn_BD.UTF-8")]);
        assert_eq!(locale_lang(all), Lang::En);
        let messages = env(&[("LC_ALL", ""), ("LC_MESSAGES", "bn_IN"), ("LANG", "en_GB")]);
        assert_eq!(locale_lang(messages), Lang::Bn);
    }
}
