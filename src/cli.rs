//! The `charter` command: `serve` (the default), `check`, `build`, `import`,
//! `history`, `restore`.
//! Each subcommand is one small function; the library does the work.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::builder::{BoolishValueParser, TypedValueParser as _};
use clap::{Args, Parser, Subcommand};

use crate::charter::{self, LoadError};
use crate::history::{self, History};
use crate::i18n::{self, Lang};
use crate::render::Target;
use crate::server::{self, AppState, ServeOptions};
use crate::site::Site;
use crate::urls::BaseUrl;
use crate::{errln, errp, outln, outp};
use crate::{output, static_site, watch};

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
    serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the site (the default when no subcommand is given).
    Serve(ServeArgs),
    /// Check a charter file and report every problem with its line and column.
    Check(CheckArgs),
    /// Write the whole site as static files.
    Build(BuildArgs),
    /// Turn a charter copied from the national portal (tab-separated text)
    /// into a charter.toml, printed on standard output.
    Import(ImportArgs),
    /// List the versions of the charter the server has kept, newest first.
    History(HistoryArgs),
    /// Put version N from the history back into the charter file; a
    /// running server shows it a moment later.
    Restore(RestoreArgs),
}

/// The on/off settings take `1`, `true`, `yes` or `on` (and their
/// opposites) from the environment, as systemd units usually write them.
#[derive(Debug, Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "CHARTER_ADDR", default_value = "127.0.0.1:3000")]
    addr: SocketAddr,
    /// The charter file.
    #[arg(long, env = "CHARTER_FILE", default_value = "charter.toml")]
    charter: PathBuf,
    /// Do not watch the charter file for changes (SIGHUP still reloads).
    #[arg(long, env = "CHARTER_NO_WATCH", value_parser = BoolishValueParser::new())]
    no_watch: bool,
    /// Log in JSON, one object per line, instead of plain text.
    #[arg(long, env = "CHARTER_LOG_JSON", value_parser = BoolishValueParser::new())]
    log_json: bool,
    /// Public address of the site (e.g. https://charter.example.gov.bd), used
    /// for canonical links, the sitemap, JSON-LD and QR codes. Default:
    /// https:// + the charter's website.
    #[arg(long, env = "CHARTER_BASE_URL")]
    base_url: Option<String>,
    /// The site is reached over HTTPS (a TLS proxy in front): send
    /// Strict-Transport-Security. Never set it for a plain-HTTP site.
    #[arg(long, env = "CHARTER_HTTPS", value_parser = BoolishValueParser::new())]
    https: bool,
    /// Most connections open at once; more wait until one closes.
    #[arg(long, env = "CHARTER_MAX_CONNECTIONS",
          default_value_t = ServeOptions::default().max_connections,
          value_parser = clap::value_parser!(u32).range(1..).try_map(usize::try_from))]
    max_connections: usize,
    /// Seconds a client has to send its request headers.
    #[arg(long, env = "CHARTER_HEADER_TIMEOUT", value_name = "SECONDS",
          default_value_t = ServeOptions::default().header_read_timeout.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..))]
    header_timeout: u64,
    /// Seconds the server has to answer one request before it gives up
    /// with 503.
    #[arg(long, env = "CHARTER_REQUEST_TIMEOUT", value_name = "SECONDS",
          default_value_t = ServeOptions::default().request_timeout.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..))]
    request_timeout: u64,
    /// Folder to keep every version of the charter in (its `history`
    /// folder). Default: systemd's STATE_DIRECTORY; with neither, no
    /// history is kept.
    #[arg(long, env = "CHARTER_STATE_DIR", value_name = "DIR")]
    state_dir: Option<PathBuf>,
    /// How many versions the history keeps; the oldest go first.
    #[arg(long, env = "CHARTER_HISTORY_LIMIT", value_name = "N",
          default_value_t = history::DEFAULT_LIMIT,
          value_parser = clap::value_parser!(u32).range(1..).try_map(usize::try_from))]
    history_limit: usize,
}

impl ServeArgs {
    fn options(&self) -> ServeOptions {
        ServeOptions {
            https: self.https,
            max_connections: self.max_connections,
            header_read_timeout: Duration::from_secs(self.header_timeout),
            request_timeout: Duration::from_secs(self.request_timeout),
            ..ServeOptions::default()
        }
    }
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// The charter file.
    #[arg(env = "CHARTER_FILE", default_value = "charter.toml")]
    file: PathBuf,
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// Folder to write the site into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// The charter file.
    #[arg(long, env = "CHARTER_FILE", default_value = "charter.toml")]
    charter: PathBuf,
    /// Public address of the site, as for `serve`.
    #[arg(long, env = "CHARTER_BASE_URL")]
    base_url: Option<String>,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// The portal text file.
    file: PathBuf,
}

/// Where `history` and `restore` find the history and the charter, as
/// `serve` does.
#[derive(Debug, Args)]
struct HistoryArgs {
    /// The charter file.
    #[arg(long, env = "CHARTER_FILE", default_value = "charter.toml")]
    charter: PathBuf,
    /// The folder the server keeps the history in. Default: systemd's
    /// STATE_DIRECTORY.
    #[arg(long, env = "CHARTER_STATE_DIR", value_name = "DIR")]
    state_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct RestoreArgs {
    /// The version's number, as `charter history` shows it.
    number: String,
    #[command(flatten)]
    place: HistoryArgs,
}

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    let code = match cli.command {
        None => serve(cli.serve),
        Some(Command::Serve(args)) => serve(args),
        Some(Command::Check(args)) => check(&args.file),
        Some(Command::Build(args)) => build(&args),
        Some(Command::Import(args)) => import(&args.file),
        Some(Command::History(args)) => list_history(&args),
        Some(Command::Restore(args)) => restore(&args),
    };
    output::finish(code)
}

/// Keeps the process's memory close to what the site holds. glibc's
/// allocator gives each thread that allocates its own arena and keeps
/// large freed blocks for reuse; a load renders on every core and the
/// background compression frees large buffers, so with the defaults a
/// 1,000-service charter peaks at about 145 MB. Two arenas and returning
/// blocks over 1 MiB to the system bring that to about 110 MiB. (A lower
/// threshold, 128 KiB, saves 2 MB more but maps and zeroes a gzip
/// compressor's state afresh for every page: 15% slower loads.)
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

fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
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

fn serve(args: ServeArgs) -> ExitCode {
    init_logging(args.log_json);
    let base_url = args.base_url.as_deref().map(BaseUrl::new);
    let history = history::state_dir(args.state_dir.as_deref())
        .map(|dir| History::new(&dir, args.history_limit));
    match &history {
        Some(h) => tracing::info!("keeping every version loaded in {}", h.dir().display()),
        None => tracing::warn!(
            "no state folder (--state-dir, CHARTER_STATE_DIR or STATE_DIRECTORY): \
             no history of versions is kept"
        ),
    }
    let state = match server::load_site_with_base(&args.charter, base_url.clone()) {
        Ok(site) => AppState::with_history(site, args.charter.clone(), base_url, history),
        Err(problem) => {
            // A save refused while the server ran must not take the site
            // down at the next restart (a reboot, an upgrade): the version
            // it showed is still in the history.
            let kept = history
                .as_ref()
                .and_then(|h| Some((h, server::load_from_history(h, base_url.clone())?)));
            let Some((kept, (number, site))) = kept else {
                errln!("{problem}");
                errln!(
                    "The site was not started. Fix the charter and run `charter check` to confirm."
                );
                return ExitCode::FAILURE;
            };
            tracing::error!(
                version = number,
                "{} cannot be loaded; serving version {number} from the history ({}) \
                 until it is fixed (`charter check` says what to fix; `charter history` \
                 lists the versions):\n{problem}",
                args.charter.display(),
                kept.dir().display()
            );
            if let Err(e) = kept.served(number, std::time::SystemTime::now()) {
                tracing::warn!("the history does not say which version is served: {e}");
            }
            // This is the file a clerk fixes and `restore` writes; it must
            // be noted even while none of its versions is kept.
            if let Err(e) = kept.note_served_path(&args.charter) {
                tracing::warn!("the history does not say which charter file is served: {e}");
            }
            AppState::stale(site, args.charter.clone(), base_url, history, problem)
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            errln!("cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let status = runtime.block_on(async move {
        let _watcher = if args.no_watch {
            None
        } else {
            match watch::watch_file(state.clone(), &args.charter) {
                Ok(w) => Some(w),
                Err(e) => {
                    tracing::warn!(
                        "not watching {}: {e}; SIGHUP still reloads",
                        args.charter.display()
                    );
                    None
                }
            }
        };
        watch::reload_on_sighup(state.clone());
        let listener = match tokio::net::TcpListener::bind(args.addr).await {
            Ok(l) => l,
            Err(e) => {
                errln!("cannot listen on {}: {e}", args.addr);
                return ExitCode::FAILURE;
            }
        };
        tracing::info!(
            "serving {} on http://{}/",
            args.charter.display(),
            args.addr
        );
        match server::serve(listener, state, &args.options()).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                errln!("server error: {e}");
                ExitCode::FAILURE
            }
        }
    });
    // A reload still rendering must not hold the exit up.
    runtime.shutdown_timeout(Duration::from_secs(1));
    status
}

/// Exit status of `check`: 0 valid, 1 invalid, 2 unreadable.
fn check(file: &Path) -> ExitCode {
    let mut invalid = false;
    match charter::load_file(file) {
        Ok(loaded) => {
            errp!("{}", loaded.warnings);
            let c = &loaded.charter;
            outln!(
                "{}: OK: {} services, {} officers, {} warning(s)",
                file.display(),
                c.services.len(),
                c.officers.len(),
                loaded.warnings.warning_count()
            );
        }
        Err(e @ LoadError::Read { .. }) => {
            errln!("{e}");
            return ExitCode::from(2);
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
    if invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn build(args: &BuildArgs) -> ExitCode {
    let loaded = match charter::load_file(&args.charter) {
        Ok(l) => l,
        Err(e) => {
            errln!("{e}");
            return ExitCode::from(1);
        }
    };
    let base_url = args.base_url.as_deref().map(BaseUrl::new);
    // Rendered for the static copy at once, not for the server and again.
    let site = match Site::build_for(loaded, base_url, Target::StaticCopy) {
        Ok(s) => s,
        Err(e) => {
            errln!("{e}");
            return ExitCode::FAILURE;
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
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("cannot write the site: {e}");
            ExitCode::FAILURE
        }
    }
}

fn import(file: &Path) -> ExitCode {
    // Read as the charter is: a plain file of at most 16 MB (a portal page
    // is a few hundred KB), never a pipe to wait on.
    let text = match charter::read_file(file).map(String::from_utf8) {
        Ok(Ok(t)) => t,
        Ok(Err(_)) => {
            errln!(
                "{}: cannot read the file: it is not UTF-8 text; save it as UTF-8 \
                 (Notepad: File > Save As, Encoding UTF-8)",
                file.display()
            );
            return ExitCode::from(2);
        }
        Err(e) => {
            errln!("{}: cannot read the file: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    match crate::import::import(&text) {
        Ok(toml) => {
            outp!("{toml}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("{}: {e}", file.display());
            ExitCode::from(1)
        }
    }
}

/// Exit status 0 listed, 2 the history cannot be read.
fn list_history(args: &HistoryArgs) -> ExitCode {
    history::commands::list(args.state_dir.as_deref(), &args.charter)
}

/// Exit status 0 restored, 1 the version is not a valid charter, 2 no
/// such version, the charter path is not the file the server serves or
/// names no file, or a file cannot be read or written.
fn restore(args: &RestoreArgs) -> ExitCode {
    history::commands::restore(
        args.place.state_dir.as_deref(),
        &args.place.charter,
        &args.number,
    )
}
