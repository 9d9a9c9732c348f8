//! `charter serve`: the site over HTTP, reloaded when the file changes.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use clap::builder::{BoolishValueParser, TypedValueParser as _};

use super::Exit;
use crate::errln;
use crate::history;
use crate::i18n::{self, Words};
use crate::server::{self, Deployment, Options, ServeOptions, TrustedProxies, watch};
use crate::site::SiteOptions;
use crate::urls::BaseUrl;

/// The on/off settings take `1`, `true`, `yes` or `on` (and their
/// opposites) from the environment, as systemd units usually write them.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "CHARTER_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// The charter file, or a folder of charter files: every `<id>.toml`
    /// directly in it is one office, reached by the addresses its
    /// registry of addresses gives it (--registry); any other host gets
    /// the directory of every office.
    #[arg(long, env = "CHARTER_FILE", default_value = "charter.toml")]
    pub charter: PathBuf,
    /// With a folder: reach each office at http://<file name>.localhost:PORT/
    /// as well, and link the directory there, to browse every office from
    /// this computer (browsers take any name ending in .localhost to be
    /// this computer, no DNS or hosts file needed). Previewing needs no
    /// --base-url, nor a registry of addresses: without one, an address
    /// reaches the office whose file alone names it.
    #[arg(long, env = "CHARTER_PREVIEW", value_parser = BoolishValueParser::new())]
    pub preview: bool,
    /// Do not watch the charter file for changes (SIGHUP still reloads).
    #[arg(long, env = "CHARTER_NO_WATCH", value_parser = BoolishValueParser::new())]
    pub no_watch: bool,
    /// Log in JSON, one object per line, instead of plain text.
    #[arg(long, env = "CHARTER_LOG_JSON", value_parser = BoolishValueParser::new())]
    pub log_json: bool,
    /// Public address of the site (e.g. https://charter.example.gov.bd), used
    /// for canonical links, the sitemap, JSON-LD and QR codes: http:// or
    /// https://, at most 200 characters. Default: https:// + the charter's
    /// website. With a folder, the directory's address (each office's is
    /// its own), which a folder needs but previewing.
    #[arg(long, env = "CHARTER_BASE_URL", value_parser = super::base_url)]
    pub base_url: Option<BaseUrl>,
    #[command(flatten)]
    pub registry: super::RegistryArgs,
    /// The site is reached over HTTPS (a TLS proxy in front): send
    /// Strict-Transport-Security. Never set it for a plain-HTTP site.
    #[arg(long, env = "CHARTER_HTTPS", value_parser = BoolishValueParser::new())]
    pub https: bool,
    /// Most connections open at once; more wait until one closes.
    #[arg(long, env = "CHARTER_MAX_CONNECTIONS",
          default_value_t = ServeOptions::default().max_connections,
          value_parser = clap::value_parser!(u32).range(1..).try_map(usize::try_from))]
    pub max_connections: usize,
    /// Most connections one client address may have open; more are closed
    /// at once. Loopback (a reverse proxy on this machine) is not limited
    /// unless --limit-loopback is given.
    #[arg(long, env = "CHARTER_MAX_CONNECTIONS_PER_CLIENT",
          default_value_t = ServeOptions::default().max_connections_per_client,
          value_parser = clap::value_parser!(u32).range(1..).try_map(usize::try_from))]
    pub max_connections_per_client: usize,
    /// Limit loopback clients as well (when nothing is in front).
    #[arg(long, env = "CHARTER_LIMIT_LOOPBACK", value_parser = BoolishValueParser::new())]
    pub limit_loopback: bool,
    /// The reverse proxies in front (addresses or networks, separated by
    /// commas: 127.0.0.1, ::1, 10.0.0.0/8), whose X-Forwarded-For names
    /// the client and X-Forwarded-Proto the scheme; from anyone else both
    /// are ignored. Every per-client limit then counts the real client.
    #[arg(long, env = "CHARTER_TRUSTED_PROXY", value_name = "ADDRESSES",
          default_value = "", value_parser = |s: &str| s.parse::<TrustedProxies>())]
    pub trusted_proxy: TrustedProxies,
    /// Seconds a client has to send its request headers.
    #[arg(long, env = "CHARTER_HEADER_TIMEOUT", value_name = "SECONDS",
          default_value_t = ServeOptions::default().header_read_timeout.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout: u64,
    /// Seconds the server has to answer one request before it gives up
    /// with 503.
    #[arg(long, env = "CHARTER_REQUEST_TIMEOUT", value_name = "SECONDS",
          default_value_t = ServeOptions::default().request_timeout.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..))]
    pub request_timeout: u64,
    /// Folder to keep every version of the charter in (its `history`
    /// folder). Default: systemd's STATE_DIRECTORY; with neither, no
    /// history is kept.
    #[arg(long, env = "CHARTER_STATE_DIR", value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
    /// How many versions the history keeps; the oldest go first.
    #[arg(long, env = "CHARTER_HISTORY_LIMIT", value_name = "N",
          default_value_t = history::DEFAULT_LIMIT,
          value_parser = clap::value_parser!(u32).range(1..).try_map(usize::try_from))]
    pub history_limit: usize,
    /// Days the staff area's audit log keeps an entry.
    #[arg(long, env = "CHARTER_AUDIT_DAYS", value_name = "DAYS", default_value_t = 730,
          value_parser = clap::value_parser!(u64).range(1..=36500))]
    pub audit_days: u64,
    /// Days a citizen's report is kept, handled or not (its contact
    /// details go when it is marked handled, or after 90 days).
    #[arg(long, env = "CHARTER_FEEDBACK_DAYS", value_name = "DAYS", default_value_t = 365,
          value_parser = clap::value_parser!(u64).range(1..=36500))]
    pub feedback_days: u64,
    #[command(flatten)]
    pub limits: super::LimitArgs,
    // The language of the log's lines for people; its JSON keys and
    // fields stay as they are.
    #[command(flatten)]
    pub lang: super::LangArgs,
}

impl ServeArgs {
    /// How the server protects itself, as the command line says.
    fn options(&self) -> ServeOptions {
        ServeOptions {
            https: self.https,
            max_connections: self.max_connections,
            max_connections_per_client: self.max_connections_per_client,
            limit_loopback: self.limit_loopback,
            header_read_timeout: Duration::from_secs(self.header_timeout),
            request_timeout: Duration::from_secs(self.request_timeout),
            trusted_proxies: self.trusted_proxy.clone(),
            ..ServeOptions::default()
        }
    }
}

/// Serves until Ctrl-C or SIGTERM.
pub fn run(args: ServeArgs) -> ExitCode {
    i18n::set_log_lang(args.lang.lang());
    super::init_logging("info", args.log_json);
    let state_dir = history::state_dir(args.state_dir.as_deref());
    match &state_dir {
        Some(dir) if args.charter.is_dir() => {
            let folder = dir.join("offices/<office>/history");
            let said = Words::new("serve-keeping-offices").arg("folder", shown(&folder));
            tracing::info!("{}", said.logged());
        }
        Some(dir) => {
            let said = Words::new("serve-keeping").arg("folder", shown(&dir.join("history")));
            tracing::info!("{}", said.logged());
        }
        None => tracing::warn!("{}", Words::new("serve-no-state-folder").logged()),
    }
    let opening = Options {
        charter: args.charter.clone(),
        registry: args.registry.path(&args.charter),
        site: SiteOptions {
            base_url: args.base_url.clone(),
            max_charter_bytes: args.limits.bytes(),
            ..SiteOptions::default()
        },
        directory_base: args.base_url.clone(),
        preview_port: args.preview.then_some(args.addr.port()),
        state_dir: state_dir.clone(),
        history_limit: args.history_limit,
    };
    let deployment = match Deployment::open(opening) {
        Ok(deployment) => deployment,
        Err(e) => {
            errln!("{}", e.message);
            return if e.invalid {
                Exit::Invalid
            } else {
                Exit::Unusable
            }
            .into();
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            let said = Words::new("serve-no-runtime").arg("error", e.to_string());
            errln!("{}", said.logged());
            return Exit::Unusable.into();
        }
    };
    let status = runtime.block_on(async move {
        let _watcher = if args.no_watch {
            None
        } else {
            match watch::watch(Arc::clone(&deployment)) {
                Ok(w) => Some(w),
                Err(e) => {
                    let said = Words::new("serve-not-watching")
                        .arg("file", shown(&args.charter))
                        .arg("error", e.to_string());
                    tracing::warn!("{}", said.logged());
                    None
                }
            }
        };
        watch::reload_on_sighup(Arc::clone(&deployment));
        let listener = match server::bind(args.addr) {
            Ok(l) => l,
            Err(e) => {
                let said = Words::new("serve-cannot-listen")
                    .arg("address", args.addr.to_string())
                    .arg("error", e.to_string());
                errln!("{}", said.logged());
                return Exit::Unusable.into();
            }
        };
        let said = Words::new("serve-serving")
            .arg("file", shown(&args.charter))
            .arg("address", args.addr.to_string());
        tracing::info!("{}", said.logged());
        if args.preview && deployment.single_office().is_none() {
            // A port is part of an address: written as it is typed.
            let port = args.addr.port().to_string();
            let said = Words::new("serve-previewing").arg("port", port);
            tracing::info!("{}", said.logged());
        }
        let options = args.options();
        let cpu = server::CpuPool::for_this_machine(options.limit_loopback);
        let staff_routes = staff_area(&args, state_dir.as_deref(), &deployment, &cpu).await;
        let app = server::app_with(deployment, &options, cpu, staff_routes);
        match server::serve_app(listener, app, &options).await {
            Ok(()) => Exit::Ok.into(),
            Err(e) => {
                let said = Words::new("serve-failed").arg("error", e.to_string());
                errln!("{}", said.logged());
                Exit::Unusable.into()
            }
        }
    });
    // A reload still rendering must not hold the exit up.
    runtime.shutdown_timeout(Duration::from_secs(1));
    status
}

/// A path, as the log names it.
fn shown(path: &std::path::Path) -> String {
    path.display().to_string()
}

/// The staff area's routes and citizens' reports', in
/// `<state>/staff.sqlite`: none without a state folder, or when the
/// database cannot be opened (the public site is served all the same,
/// the form's address says no report can be taken, and the log says
/// why).
async fn staff_area(
    args: &ServeArgs,
    state_dir: Option<&std::path::Path>,
    deployment: &Arc<Deployment>,
    cpu: &server::CpuPool,
) -> axum::Router {
    let Some(dir) = state_dir else {
        tracing::warn!("{}", Words::new("serve-no-staff-area").logged());
        return crate::feedback::unavailable_routes();
    };
    let store = match crate::store::Store::open_in(dir).await {
        Ok(store) => store,
        Err(e) => {
            let said = Words::new("serve-staff-store-failed")
                .arg("file", shown(dir))
                .arg("error", e.to_string());
            tracing::error!("{}", said.logged());
            return crate::feedback::unavailable_routes();
        }
    };
    let options = crate::staff::StaffOptions {
        https: args.https,
        keep_audit: Duration::from_secs(args.audit_days * 24 * 60 * 60),
        ..crate::staff::StaffOptions::default()
    };
    let staff = crate::staff::Staff::new(store, Arc::clone(deployment), cpu.clone(), options).await;
    staff.prune_daily();
    let feedback = crate::feedback::Feedback::new(
        staff.clone(),
        crate::feedback::FeedbackOptions {
            https: args.https,
            keep: Duration::from_secs(args.feedback_days * 24 * 60 * 60),
            ..crate::feedback::FeedbackOptions::default()
        },
    );
    feedback.prune_daily();
    let said =
        Words::new("serve-staff-area").arg("file", shown(&dir.join(crate::store::SQLITE_FILE)));
    tracing::info!("{}", said.logged());
    crate::staff::routes(staff).merge(crate::feedback::routes(feedback))
}
