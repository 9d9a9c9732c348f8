//! The machinery of the browser tests: the site served in-process, a
//! chromedriver of our own on a free port, and a headless Chromium session
//! per test.
//!
//! Sessions run one at a time: the machines that run these tests have two
//! cores, and two Chromiums side by side make timing flaky.

use std::future::Future;
use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, Once, OnceLock};
use std::time::{Duration, Instant};

use citizen_charter::server::{self, AppState, ServeOptions};
use citizen_charter::site::{Site, SiteOptions};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

#[path = "../common/static_files.rs"]
mod static_files;
use static_files::static_file;

/// Debian's chromedriver, or `CHARTER_CHROMEDRIVER`.
fn chromedriver() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::var("CHARTER_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
    })
}

/// Debian's Chromium, or `CHARTER_CHROMIUM`.
fn chromium() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::var("CHARTER_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
    })
}

/// axe-core's browser build from `npm ci`, or `CHARTER_AXE_CORE`.
fn axe_core() -> PathBuf {
    std::env::var_os("CHARTER_AXE_CORE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("node_modules/axe-core/axe.min.js"))
}

/// Widths the tests use, in CSS pixels.
pub const DESKTOP: u32 = 1280;
/// The narrowest phone we support.
pub const MOBILE: u32 = 320;

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// True when running under CI, where a missing tool is a failure.
pub fn ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// Writes straight to the terminal: the test harness captures `eprintln!`
/// of passing tests, and a skip must not go unnoticed.
pub fn shout(message: &str) {
    let line = "!".repeat(72);
    let _ = writeln!(std::io::stderr(), "\n{line}\n{message}\n{line}\n");
}

/// The tests that did not run, each with why, for the summary printed
/// when the test binary exits.
static SKIPPED: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());

/// Records that the calling test did not run because of `reason` (the
/// same words for every test skipped for that reason). Under CI, fails
/// the test instead.
pub fn skip(reason: &str) {
    assert!(
        !ci(),
        "CI is set, so the browser tests must run, and they cannot: {reason}"
    );
    // libtest runs each test on a thread named after it (unless it runs
    // them one at a time on the main thread).
    let test = std::thread::current()
        .name()
        .filter(|name| *name != "main")
        .unwrap_or("a test")
        .to_string();
    let mut skipped = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
    if !skipped.iter().any(|(_, r)| r == reason) {
        shout(&format!("SKIPPED: {reason}"));
    }
    skipped.push((test, reason.to_string()));
    static AT_EXIT: Once = Once::new();
    AT_EXIT.call_once(|| {
        unsafe extern "C" {
            fn atexit(callback: extern "C" fn()) -> std::ffi::c_int;
        }
        // SAFETY: `atexit` only stores the pointer to a function that
        // lives as long as the program.
        unsafe {
            atexit(print_skip_summary);
        }
    });
}

/// Prints how many tests were skipped and why. It runs at exit, after
/// libtest's own "test result" line, so it is the last thing the run of
/// this target shows, where it cannot be missed.
extern "C" fn print_skip_summary() {
    let skipped = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
    let mut reasons: Vec<&str> = Vec::new();
    for (_, reason) in skipped.iter() {
        if !reasons.contains(&reason.as_str()) {
            reasons.push(reason);
        }
    }
    let mut message = format!(
        "SKIPPED: {} browser test(s) did not run, and count as passed (with CI set they fail):",
        skipped.len()
    );
    for reason in reasons {
        let tests: Vec<&str> = skipped
            .iter()
            .filter(|(_, r)| r == reason)
            .map(|(test, _)| test.as_str())
            .collect();
        message.push_str(&format!(
            "\n\n{} skipped: {reason}\n  {}",
            tests.len(),
            tests.join("\n  ")
        ));
    }
    shout(&message);
}

/// The site under test, served from this process.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Every pre-rendered HTML page's path, e.g. `/bn/services`.
    pub paths: Vec<String>,
}

/// The site of the bundled `charter.toml`, which the tests browse. Started
/// once for the whole test binary.
pub fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| start_server(&root().join("charter.toml")))
}

/// The site of `tests/fixtures/full.toml`, which has what the bundled
/// charter lacks (grievance table, expectations, internal services, Bangla
/// standing in for missing English).
pub fn fixture_server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| start_server(&root().join("tests/fixtures/full.toml")))
}

/// Serves `charter` on a free port, on a thread of its own that lives as
/// long as the process.
fn start_server(charter: &Path) -> Server {
    let site = Site::load(charter, &SiteOptions::default())
        .unwrap_or_else(|e| panic!("{} does not load:\n{e}", charter.display()));
    let paths = site
        .paths()
        .into_iter()
        .filter(|p| {
            site.page(p)
                .is_some_and(|page| page.content_type.starts_with("text/html"))
        })
        .map(String::from)
        .collect();
    let state = AppState::new(site, charter.to_path_buf(), SiteOptions::default(), None);
    Server {
        base: serve_app(server::app(state, &ServeOptions::default())),
        paths,
    }
}

/// The static copy of the bundled charter (`charter build`), written to
/// `target/browser-static-copy/` and served from there as the nginx site
/// of docs/administrator.md serves it: `try_files $uri $uri.html
/// $uri/index.html`, else the 404 page of the path's language.
pub fn static_copy_server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let charter = root().join("charter.toml");
        let site = Site::load(&charter, &SiteOptions::default())
            .unwrap_or_else(|e| panic!("{} does not load:\n{e}", charter.display()));
        let dir = root().join("target").join("browser-static-copy");
        let _ = std::fs::remove_dir_all(&dir);
        citizen_charter::static_site::write_site(&site, &dir)
            .unwrap_or_else(|e| panic!("cannot write the static copy: {e}"));
        let files = dir.clone();
        let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
            let files = files.clone();
            async move { static_file(&files, uri.path()) }
        });
        Server {
            base: serve(app),
            paths: Vec::new(),
        }
    })
}

/// The directory of the valid offices of `tests/fixtures/offices`, served
/// as the server answers a host that is no office's: its pages, its
/// search, its 404 page in the path's language.
pub fn directory_server() -> &'static Server {
    use citizen_charter::i18n::Lang;
    use citizen_charter::render::{ErrorKind, Target};
    use citizen_charter::site::{Compressor, Directory, Listed};
    use std::sync::Arc;
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let offices: Vec<Listed> = ["haluaghat", "savar", "testpur"]
            .into_iter()
            .map(|id| {
                let path = root().join(format!("tests/fixtures/offices/{id}.toml"));
                let site = Site::load(&path, &SiteOptions::default())
                    .unwrap_or_else(|e| panic!("{} does not load:\n{e}", path.display()));
                let url = format!("https://{}/", site.charter.office.website.get_ref());
                Listed {
                    id: id.to_string(),
                    site: Arc::new(site),
                    url,
                }
            })
            .collect();
        let base = citizen_charter::urls::BaseUrl::new("https://charter.example.gov.bd");
        let directory = Arc::new(
            Directory::new(&offices, &base, Target::Server, &Compressor::new())
                .expect("the directory renders"),
        );
        let offices = Arc::new(offices);
        let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
            let (directory, offices) = (directory.clone(), offices.clone());
            async move {
                use axum::http::{StatusCode, header};
                use axum::response::IntoResponse;
                let path = uri.path();
                let lang = if path.starts_with("/en/") {
                    Lang::En
                } else {
                    Lang::Bn
                };
                if path == format!("/{lang}/search") {
                    let query = citizen_charter::site::search::query_of(uri.query());
                    let html = directory
                        .search_page(&offices, lang, &query)
                        .expect("renders");
                    return ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html)
                        .into_response();
                }
                if let Some(name) = path.strip_prefix("/static/")
                    && let Some(page) = directory.asset(name)
                {
                    let body = page.identity();
                    return ([(header::CONTENT_TYPE, page.content_type)], body).into_response();
                }
                let (status, page) = match directory.page(path) {
                    Some(page) => (StatusCode::OK, page),
                    None => (
                        StatusCode::NOT_FOUND,
                        directory.error_page(lang, ErrorKind::NotFound),
                    ),
                };
                let body = page.identity();
                (status, [(header::CONTENT_TYPE, page.content_type)], body).into_response()
            }
        });
        Server {
            base: serve(app),
            paths: Vec::new(),
        }
    })
}

/// Serves `app`, a router of the tests' own, on a free port, on a thread
/// of its own that lives as long as the process; returns
/// `http://127.0.0.1:PORT`.
fn serve(app: axum::Router) -> String {
    serve_on_a_thread(|listener| async move {
        axum::serve(listener, app).await.expect("serve");
    })
}

/// Serves the site's `app` on the listener the `charter` binary uses, as
/// [`serve`] does.
fn serve_app(app: server::App) -> String {
    serve_on_a_thread(|listener| async move {
        let options = ServeOptions::default();
        server::serve_with(listener, app, &options, std::future::pending())
            .await
            .expect("serve");
    })
}

/// Runs `serve` on a free port, on a thread of its own that lives as long
/// as the process; returns `http://127.0.0.1:PORT`.
fn serve_on_a_thread<F: Future<Output = ()> + 'static>(
    serve: impl FnOnce(tokio::net::TcpListener) -> F + Send + 'static,
) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("server runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind 127.0.0.1:0");
            tx.send(listener.local_addr().expect("local address"))
                .expect("report address");
            serve(listener).await;
        });
    });
    let addr: SocketAddr = rx.recv().expect("server thread started");
    format!("http://{addr}")
}

/// Every page a visitor can reach, in both languages: the pre-rendered
/// pages, search results (some, none, everything) and the 404 page; then
/// every page of the fixture charter, and one page of each kind of the
/// static copy (its pages differ from the served ones only in the
/// header), then the directory of a folder of offices (its lists, search
/// results of each kind, 404 pages), as absolute URLs.
pub fn all_pages() -> Vec<String> {
    let mut pages = server().paths.clone();
    pages.extend(
        [
            "/bn/search?q=%E0%A6%AA%E0%A7%8D%E0%A6%B0%E0%A6%B6%E0%A6%BF%E0%A6%95%E0%A7%8D%E0%A6%B7%E0%A6%A3",
            "/en/search?q=training",
            // Found in another field (ই-মেইল), in the other language's
            // text (প্রশিক্ষন), and nothing found but close names.
            "/bn/search?q=%E0%A6%87-%E0%A6%AE%E0%A7%87%E0%A6%87%E0%A6%B2",
            "/en/search?q=%E0%A6%AA%E0%A7%8D%E0%A6%B0%E0%A6%B6%E0%A6%BF%E0%A6%95%E0%A7%8D%E0%A6%B7%E0%A6%A8",
            "/en/search?q=trainng",
            "/bn/search?q=zzzz",
            "/en/search?q=zzzz",
            "/bn/search",
            "/en/search",
            "/bn/no-such-page",
            "/en/no-such-page",
        ]
        .map(String::from),
    );
    let fixture = fixture_server();
    pages.extend(fixture.paths.iter().map(|p| format!("{}{p}", fixture.base)));
    let copy = &static_copy_server().base;
    for lang in ["bn", "en"] {
        pages.extend(
            [
                "/",
                "/services",
                "/services/ict-training",
                "/contact",
                "/no-such-page",
            ]
            .map(|p| format!("{copy}/{lang}{p}")),
        );
    }
    let directory = &directory_server().base;
    pages.extend(
        [
            "/bn/",
            "/en/",
            // প্রশিক্ষণ: found in two offices; trainng: nothing found,
            // close names; zzzz: nothing close either.
            "/bn/search?q=%E0%A6%AA%E0%A7%8D%E0%A6%B0%E0%A6%B6%E0%A6%BF%E0%A6%95%E0%A7%8D%E0%A6%B7%E0%A6%A3",
            "/en/search?q=training",
            "/en/search?q=trainng",
            "/bn/search?q=zzzz",
            "/en/search",
            "/bn/no-such-page",
            "/en/no-such-page",
        ]
        .map(|p| format!("{directory}{p}")),
    );
    pages
}

/// What the browser is told about its user.
#[derive(Debug, Clone, Copy)]
pub enum Languages {
    /// Chromium's own default (`en-US`).
    Default,
    /// A Bangla-speaking user's browser.
    Bangla,
}

/// The fonts the browser finds installed.
#[derive(Debug, Clone, Copy)]
pub enum Fonts {
    /// This machine's, with `fonts-noto-core`'s Noto Sans Bengali.
    Installed,
    /// This machine's but Noto Sans Bengali: a phone without it.
    WithoutNotoSansBengali,
}

/// A fontconfig file that takes this machine's fonts but hides every face
/// of Noto Sans Bengali from the programs that read it.
fn without_noto_sans_bengali() -> PathBuf {
    let file = root()
        .join("target")
        .join("fontconfig-without-noto-sans-bengali.conf");
    let config = r#"<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern>
    <patelt name="family"><string>Noto Sans Bengali</string></patelt>
  </pattern></rejectfont></selectfont>
</fontconfig>
"#;
    std::fs::create_dir_all(file.parent().expect("a folder"))
        .and_then(|()| std::fs::write(&file, config))
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    file
}

/// A headless Chromium session on the test server.
#[derive(Clone)]
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    base: String,
}

/// Runs `test` in a fresh browser, or skips loudly when this machine has no
/// chromedriver (and fails under CI, where it must have one).
///
/// The session and its chromedriver are ended whether `test` passes or
/// panics; the panic is then passed on.
pub fn run<F, Fut>(languages: Languages, test: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    run_with_fonts(languages, Fonts::Installed, test);
}

/// [`run`], in a browser that finds `fonts` installed.
pub fn run_with_fonts<F, Fut>(languages: Languages, fonts: Fonts, test: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    if let Some(missing) = [chromedriver(), chromium()]
        .into_iter()
        .find(|tool| !Path::new(tool).exists())
    {
        skip(&format!(
            "{missing} is not installed. Install it with: \
             apt-get install chromium chromium-driver fonts-noto-core"
        ));
        return;
    }
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let base = server().base.clone();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("test runtime");
    // Chromium inherits chromedriver's environment.
    let fontconfig = match fonts {
        Fonts::Installed => None,
        Fonts::WithoutNotoSansBengali => Some(without_noto_sans_bengali()),
    };
    let mut driver = Chromedriver::start(fontconfig.as_deref());
    let outcome = runtime.block_on(async {
        let client = connect(driver.port, languages).await;
        let browser = Browser {
            client: client.clone(),
            base,
        };
        // A spawned task's panic comes back as an error, so the browser
        // is closed before the test fails.
        let outcome = tokio::spawn(test(browser)).await;
        let _ = client.close().await;
        outcome
    });
    driver.stop();
    if let Err(e) = outcome {
        match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(e) => panic!("browser test did not finish: {e}"),
        }
    }
}

struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    /// Starts chromedriver, with `fontconfig` as the fonts' configuration
    /// file when given.
    fn start(fontconfig: Option<&Path>) -> Chromedriver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut command = Command::new(chromedriver());
        if let Some(file) = fontconfig {
            command.env("FONTCONFIG_FILE", file);
        }
        let child = command
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", chromedriver()));
        let mut driver = Chromedriver { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!("{} exited at start: {status}", chromedriver());
            }
            if Instant::now() > deadline {
                driver.stop();
                panic!(
                    "{} did not listen on port {port} within 20 s",
                    chromedriver()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn connect(port: u16, languages: Languages) -> Client {
    let mut options = json!({
        "binary": chromium(),
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            format!("--window-size={DESKTOP},900"),
        ],
    });
    if let Languages::Bangla = languages {
        // What a Bangla user's Chromium sends as Accept-Language.
        options["prefs"] = json!({ "intl.accept_languages": "bn" });
    }
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": options,
    });
    let Value::Object(capabilities) = capabilities else {
        unreachable!("an object literal")
    };
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .unwrap_or_else(|e| panic!("cannot open a Chromium session: {e}"));
    let mut timeouts = client.get_timeouts().await.expect("timeouts");
    timeouts.set_script(Some(Duration::from_secs(120)));
    timeouts.set_page_load(Some(Duration::from_secs(60)));
    client
        .update_timeouts(timeouts)
        .await
        .expect("set timeouts");
    client
}

impl Browser {
    /// The absolute URL of `path` on the test server (`path` may be an
    /// absolute URL already).
    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http://") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        }
    }

    /// Opens `path` and waits for its fonts, so that measurements and
    /// pictures show the page as a visitor sees it.
    pub async fn open(&self, path: &str) {
        self.client
            .goto(&self.url(path))
            .await
            .unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
        self.fonts_ready().await;
    }

    /// Waits until every font the page uses has loaded (or failed).
    pub async fn fonts_ready(&self) {
        self.eval_async("document.fonts.ready.then(() => done(true))")
            .await;
    }

    /// The current URL's path and query, e.g. `/bn/search?q=x`.
    pub async fn location(&self) -> String {
        let url = self.client.current_url().await.expect("current URL");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    /// The location once the browser has left `from`: a form's
    /// submission may return before the next page has started to load.
    pub async fn location_after_leaving(&self, from: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let location = self.location().await;
            if location != from || std::time::Instant::now() > deadline {
                return location;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// Runs `script` (a function body: `return …`) in the page.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs `script`, which calls `done(value)` when it has its answer.
    pub async fn eval_async(&self, script: &str) -> Value {
        let script = format!("const done = arguments[arguments.length - 1];\n{script}");
        self.client
            .execute_async(&script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Resizes the window so that the page's viewport is `width` CSS
    /// pixels wide and, as near as the browser allows, `height` high (the
    /// window's own frame differs between versions, so the first try is
    /// measured and corrected).
    pub async fn viewport(&self, width: u32, height: u32) {
        let (mut window_w, mut window_h) = (i64::from(width), i64::from(height));
        let mut inner = (0, 0);
        for _ in 0..5 {
            self.client
                .set_window_size(window_w.max(100) as u32, window_h.max(100) as u32)
                .await
                .expect("resize window");
            inner = self.settled_viewport().await;
            if inner.0 == i64::from(width) && inner.1 == i64::from(height) {
                return;
            }
            window_w += i64::from(width) - inner.0;
            window_h += i64::from(height) - inner.1;
        }
        assert_eq!(
            inner.0,
            i64::from(width),
            "the viewport did not become {width} px wide"
        );
    }

    /// The viewport's size once a resize has reached the page: the same
    /// over two rounds of two animation frames.
    async fn settled_viewport(&self) -> (i64, i64) {
        let mut last = (-1, -1);
        for _ in 0..50 {
            let size = self
                .eval_async(
                    "requestAnimationFrame(() => requestAnimationFrame(() =>\n\
                       done([window.innerWidth, window.innerHeight])))",
                )
                .await;
            let size = (size[0].as_i64().unwrap_or(0), size[1].as_i64().unwrap_or(0));
            if size == last && size.0 > 1 {
                return size;
            }
            last = size;
        }
        last
    }

    /// The element matching `css`; fails the test when there is none.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element matches {css}: {e}"))
    }

    /// Saves a picture of the whole page, `width` CSS pixels wide, as
    /// `target/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str, width: u32) -> PathBuf {
        self.viewport(width, 900).await;
        let height = self
            .eval("return document.documentElement.scrollHeight")
            .await
            .as_u64()
            .unwrap_or(900) as u32;
        // Tall enough for the whole page in one picture, within reason.
        self.viewport(width, height.clamp(400, 16_000)).await;
        let png = self.client.screenshot().await.expect("screenshot");
        self.viewport(width, 900).await;
        save(&format!("{name}.png"), &png)
    }
}

/// `target/screenshots/`, created on first use.
pub fn screenshot_dir() -> PathBuf {
    let dir = root().join("target").join("screenshots");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

/// Writes `bytes` to `target/screenshots/<file>`.
pub fn save(file: &str, bytes: &[u8]) -> PathBuf {
    let path = screenshot_dir().join(file);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

/// axe-core's browser build, from `npm ci`; `None` (the test recorded as
/// skipped) when it is missing outside CI.
pub fn axe_source() -> Option<String> {
    let path = axe_core();
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(e) => {
            skip(&format!(
                "axe-core is missing ({}: {e}). Install it with: npm ci --ignore-scripts (in {})",
                path.display(),
                root().display()
            ));
            None
        }
    }
}
