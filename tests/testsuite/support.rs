//! Starting the app on a loopback port and talking to it over HTTP.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use citizen_charter::server::{self, AppState, Deployment, ServeOptions};
use citizen_charter::site::{Site, SiteOptions};
use reqwest::header::HeaderMap;
use scraper::{Html, Selector};

#[path = "../common/static_files.rs"]
mod static_files;
use static_files::static_file;

/// A path inside the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The bundled charter.
pub fn bundled() -> PathBuf {
    repo("charter.toml")
}

/// The fixture that uses every optional section.
pub fn full_fixture() -> PathBuf {
    repo("tests/fixtures/full.toml")
}

/// The app, served on 127.0.0.1 on a free port for the life of the value.
pub struct TestServer {
    pub base: String,
    pub state: Arc<AppState>,
    pub deployment: Arc<Deployment>,
    client: reqwest::Client,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A response, body read as text.
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }
}

impl TestServer {
    pub async fn start(charter: &Path) -> TestServer {
        TestServer::serve(site_for(charter), charter).await
    }

    /// Serves `site`, loaded from `charter`, as it is (a site fresh from
    /// `Site::load` gets its smallest copies in the background), on the
    /// listener the `charter` binary uses.
    pub async fn serve(site: Site, charter: &Path) -> TestServer {
        let state = AppState::new(site, charter.to_path_buf(), SiteOptions::default(), None);
        TestServer::serve_state(state).await
    }

    /// Serves `state` on the listener the `charter` binary uses.
    pub async fn serve_state(state: Arc<AppState>) -> TestServer {
        let listener = server::bind(([127, 0, 0, 1], 0).into()).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let options = ServeOptions::default();
        let deployment = Deployment::single(Arc::clone(&state));
        let app = server::app_for(Arc::clone(&deployment), &options);
        let task = tokio::spawn(async move {
            server::serve_with(listener, app, &options, std::future::pending())
                .await
                .unwrap();
        });
        TestServer {
            base,
            state,
            deployment,
            client: client(),
            task,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        self.request(reqwest::Method::GET, path, headers).await
    }

    pub async fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        headers: &[(&str, &str)],
    ) -> Reply {
        fetch_with(&self.client, &self.base, method, path, headers).await
    }
}

/// The site for a checked-in charter, built once per test run: rendering
/// and compression are the slow part, and the fixtures never change while the
/// tests run. Charters in temporary folders (reload tests) are always built
/// afresh.
pub fn site_for(charter: &Path) -> Site {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Site>>> = OnceLock::new();
    // With every page's brotli and gzip 9 copies made, so that what a test
    // gets does not depend on how far the background compression has come
    // (tests/testsuite/compression.rs covers the way there).
    let load = |charter: &Path| {
        let site = Site::load(charter, &SiteOptions::default()).expect("charter loads");
        site.finish_all();
        site
    };
    if !charter.starts_with(env!("CARGO_MANIFEST_DIR")) {
        return load(charter);
    }
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(charter.to_path_buf())
        .or_insert_with(|| load(charter))
        .clone()
}

/// One request to `base` + `path` with a new client, the whole body read.
pub async fn fetch(
    base: &str,
    method: reqwest::Method,
    path: &str,
    headers: &[(&str, &str)],
) -> Reply {
    fetch_with(&client(), base, method, path, headers).await
}

/// One request through `client`, the whole body read.
pub async fn fetch_with(
    client: &reqwest::Client,
    base: &str,
    method: reqwest::Method,
    path: &str,
    headers: &[(&str, &str)],
) -> Reply {
    let mut req = client.request(method, format!("{base}{path}"));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.expect("request goes through");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = res.bytes().await.unwrap().to_vec();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes,
    }
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until the `charter serve` at `base` answers `/healthz` with 200,
/// failing the test after `within`.
pub async fn wait_until_serving(base: &str, within: std::time::Duration) {
    let deadline = std::time::Instant::now() + within;
    loop {
        if let Ok(r) = client().get(format!("{base}/healthz")).send().await
            && r.status().is_success()
        {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "server did not start");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// A `charter serve` process, killed when dropped.
pub struct Running(pub std::process::Child);

impl Running {
    /// Sends it SIGHUP, as `systemctl reload` does.
    #[cfg(unix)]
    pub fn hangup(&self) {
        let status = Command::new("kill")
            .args(["-HUP", &self.0.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The real server on a free loopback port, serving `charter` (a file or
/// a folder) with `extra` arguments and `env` set (and no systemd state
/// folder from the environment), once it answers `/healthz`.
pub async fn serve_binary(
    charter: &Path,
    extra: &[&str],
    env: &[(&str, &OsStr)],
) -> (Running, String) {
    serve_binary_to(charter, extra, env, std::process::Stdio::null()).await
}

/// [`serve_binary`], its log (standard error) written to the file `log`.
pub async fn serve_binary_logging(charter: &Path, extra: &[&str], log: &Path) -> (Running, String) {
    let log = std::fs::File::create(log).unwrap();
    serve_binary_to(charter, extra, &[], log.into()).await
}

async fn serve_binary_to(
    charter: &Path,
    extra: &[&str],
    env: &[(&str, &OsStr)],
    log: std::process::Stdio,
) -> (Running, String) {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_charter"))
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--charter"])
        .arg(charter)
        .args(extra)
        .env_remove("STATE_DIRECTORY")
        .env_remove("CHARTER_STATE_DIR")
        .env_remove("CHARTER_BASE_URL")
        .env_remove("CHARTER_REGISTRY")
        .env_remove("CHARTER_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    let running = Running(child);
    let base = format!("http://127.0.0.1:{port}");
    wait_until_serving(&base, std::time::Duration::from_secs(120)).await;
    (running, base)
}

/// A client that neither follows redirects nor decompresses, so tests see
/// exactly what the server sent.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

pub fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector).collect()
}

pub fn text_of(el: &scraper::ElementRef) -> String {
    el.text().collect::<String>()
}

/// Whether `c` is of the Bengali block: a letter, sign or digit.
pub fn is_bangla(c: char) -> bool {
    ('\u{0980}'..='\u{09FF}').contains(&c)
}

/// The 13 service names of the seed, verbatim (institutional ৬ joined from
/// its two lines).
pub const SEED_NAMES_BN: [&str; 13] = [
    "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, উপজেলা কার্যালয়, হালুয়াঘাট, ময়মনসিংহ সংক্রান্ত তথ্য প্রদান",
    "আইসিটি সংশ্লিষ্ট পন্য ও সেবার বিষয়ে পরামর্শ প্রদান",
    "প্রকল্পের তথ্য প্রদান",
    "সরকারী বিভিন্ন দপ্তরের কর্মকর্তা ও কর্মচারীদের ICT বিষয়ে প্রশিক্ষণ প্রদান",
    "সকল নাগরিকের নিকট তথ্য সরবরাহের নিমিত্ত জাতীয় তথ্য বাতায়ন বা ওয়েব পোর্টাল বাস্তবায়ন ও হালনাগাদকরণ বিষয়ক প্রশিক্ষণ প্রদান",
    "সুশাসন, সচ্ছতা ও জবাবদিহিতা নিশ্চিতকরণে ই-নথি বাস্তবায়ন বিষয়ক প্রশিক্ষণ প্রদান",
    "সরকারি অফিসসমূহের নাগরিক সেবা অটোমেশনে সহায়তা প্রদান।",
    "সরকারি অফিসসমূহের সকল ধরনের আইসিটি সমস্যার সমাধানে সহায়তা প্রদান",
    "আইসিটি সম্পর্কিত যন্ত্রপাতিসহ সফটওয়্যারের চাহিদা, মান ও ইন্টারঅপারেটিবিলিটি নিশ্চিতকরণ, প্রতিনিধিত্বকরণ এবং স্পেসিফিকেশন প্রণয়নে সহায়তা প্রদান",
    "স্থাপিত শেখ রাসেল ডিজিটাল ল্যাবসমূহ পরিদর্শন, পরামর্শ ও সহায়তা প্রদান",
    "কম্পিউটার সিকিউরিটি ও ভাইরাস সচেতনতা সৃষ্টি এবং ডিজিটাল স্বাক্ষর চালুকরণে সহায়তা প্রদান",
    "ইউনিয়ন পর্যায়ে ডিজিটাল কার্যক্রম বাস্তবায়নের জন্য ইউনিয়ন ডিজিটাল সেন্টারগুলো পরিদর্শন, পরামর্শ ও সহায়তা প্রদান",
    "সরকারি অফিসসমূহের ইনফো-সরকার পেজ ২ এর ইন্টারনেট জনিত সমস্যার সমাধানে পরামর্শ ও সহায়তা প্রদান",
];

/// Every fixed page path of the bundled charter in one language.
pub fn bundled_paths(lang: &str) -> Vec<String> {
    let loaded = citizen_charter::charter::load_file(&bundled()).unwrap();
    let mut paths = vec![
        format!("/{lang}/"),
        format!("/{lang}/services"),
        format!("/{lang}/contact"),
    ];
    for s in &loaded.charter.services {
        paths.push(format!("/{lang}/services/{}", s.slug.get_ref()));
    }
    paths
}

/// Runs the real `charter` with `args`, none of the settings inherited.
pub fn charter(args: &[&OsStr]) -> (i32, String, String) {
    charter_in(Path::new("."), args)
}

/// [`charter`], run in the folder `cwd`.
pub fn charter_in(cwd: &Path, args: &[&OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_charter"))
        .args(args)
        .current_dir(cwd)
        .env_remove("CHARTER_STATE_DIR")
        .env_remove("STATE_DIRECTORY")
        .env_remove("CHARTER_FILE")
        .env_remove("CHARTER_BASE_URL")
        .env_remove("CHARTER_MAX_MB")
        .env_remove("CHARTER_REGISTRY")
        // English, whatever the machine's language, unless a test asks.
        .env_remove("CHARTER_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The folder of office charters the directory tests use.
pub fn offices_fixture() -> PathBuf {
    repo("tests/fixtures/offices")
}

/// The valid charters of `tests/fixtures/offices`, by id.
pub fn valid_offices() -> Vec<(&'static str, PathBuf)> {
    ["haluaghat", "savar", "testpur"]
        .map(|id| (id, offices_fixture().join(format!("{id}.toml"))))
        .to_vec()
}

/// Serves `app`, a router of the tests' own (a folder of files, say), on
/// a free loopback port until the returned task is aborted; returns
/// `http://127.0.0.1:PORT` and the task.
pub fn serve_router(app: axum::Router) -> (String, tokio::task::JoinHandle<()>) {
    let listener = server::bind(([127, 0, 0, 1], 0).into()).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    (base, task)
}

/// A folder of static files served as the nginx site of
/// docs/administrator.md serves a static copy: `try_files $uri $uri.html
/// $uri/index.html`, else the 404 page of the path's language, with the
/// status 404.
pub struct FileServer {
    pub base: String,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FileServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FileServer {
    pub fn start(dir: &Path) -> FileServer {
        let dir = dir.to_path_buf();
        let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
            let dir = dir.clone();
            async move { static_file(&dir, uri.path()) }
        });
        let (base, task) = serve_router(app);
        FileServer { base, task }
    }

    pub async fn get(&self, path: &str) -> Reply {
        fetch(&self.base, reqwest::Method::GET, path, &[]).await
    }
}

/// The directory's public address in the tests of a folder of offices.
pub const DIRECTORY: &str = "https://charters.example.gov.bd";

/// A folder of offices laid out as the administrator's guide lays it
/// out: `offices/` in a temporary folder of its own, and its registry of
/// addresses beside it, where `charter` looks for it by default
/// (`offices.addresses.toml`).
pub struct OfficeFolder {
    root: tempfile::TempDir,
    dir: PathBuf,
}

impl OfficeFolder {
    pub fn new() -> OfficeFolder {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("offices");
        std::fs::create_dir(&dir).unwrap();
        OfficeFolder { root, dir }
    }

    /// The folder of offices.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The folder the folder of offices and its registry are in.
    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// The registry of addresses, where `charter` looks for it.
    pub fn registry(&self) -> PathBuf {
        self.root.path().join("offices.addresses.toml")
    }

    /// Adds every office of the folder the registry does not list yet, as
    /// `charter offices init` does; what it added.
    pub fn register(&self) -> Vec<(String, Vec<String>)> {
        let outcome = citizen_charter::offices::init::init(
            &self.dir,
            &self.registry(),
            Some("charters.example.gov.bd"),
            citizen_charter::charter::MAX_FILE_BYTES,
        )
        .unwrap();
        outcome.added
    }
}

/// The bundled charter with another website (and aliases): the same
/// office's pages under another address.
pub fn office_text(website: &str, aliases: &[&str]) -> String {
    let text = std::fs::read_to_string(bundled()).unwrap();
    let mut line = format!("website = \"{website}\"");
    if !aliases.is_empty() {
        let list: Vec<String> = aliases.iter().map(|a| format!("\"{a}\"")).collect();
        line.push_str(&format!("\naliases = [{}]", list.join(", ")));
    }
    text.replacen("website = \"doict.haluaghat.mymensingh.gov.bd\"", &line, 1)
}

/// Writes the office `id`'s charter file into `dir` (as an editor
/// saves: a new file renamed over the old), with `website` and `aliases`.
pub fn write_office(dir: &Path, id: &str, website: &str, aliases: &[&str]) -> PathBuf {
    let file = dir.join(format!("{id}.toml"));
    save(&file, &office_text(website, aliases));
    file
}

/// Saves the way editors do: write a new file, rename it over the old one.
pub fn save(file: &Path, text: &str) {
    let tmp = file.with_extension("toml.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, file).unwrap();
}
