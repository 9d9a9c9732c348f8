//! A folder of charters served by one server: each office at its own host
//! name, any other host the directory, and nothing one office's file does
//! reaching another.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use citizen_charter::server::{self, Deployment, FolderOptions, ServeOptions, watch};
use citizen_charter::site::SiteOptions;
use citizen_charter::urls::BaseUrl;
use serde_json::Value;

use crate::support::*;

/// A folder's offices on the production listener, watched as `serve`
/// watches them.
struct Offices {
    base: String,
    port: u16,
    deployment: Arc<Deployment>,
    client: reqwest::Client,
    _watcher: Option<watch::Watcher>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Offices {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Offices {
    /// The offices of `folder`; but previewing, registered first as
    /// `charter offices init` registers them, when no registry is there.
    async fn start(folder: &OfficeFolder, preview: bool) -> Offices {
        Offices::start_with(folder, preview, None).await
    }

    async fn start_with(folder: &OfficeFolder, preview: bool, state_dir: Option<&Path>) -> Offices {
        if !preview && !folder.registry().exists() {
            folder.register();
        }
        let dir = folder.path();
        let listener = server::bind(([127, 0, 0, 1], 0).into()).unwrap();
        let port = listener.local_addr().unwrap().port();
        let base = format!("http://127.0.0.1:{port}");
        let deployment = Deployment::folder(FolderOptions {
            dir: dir.to_path_buf(),
            registry: folder.registry(),
            site: SiteOptions::default(),
            directory_base: BaseUrl::new(DIRECTORY),
            preview_port: preview.then_some(port),
            state_dir: state_dir.map(Path::to_path_buf),
            history_limit: 10,
        })
        .expect("the folder is read");
        let watcher = watch::watch(Arc::clone(&deployment)).ok();
        let options = ServeOptions::default();
        let app = server::app_for(Arc::clone(&deployment), &options);
        let task = tokio::spawn(async move {
            server::serve_with(listener, app, &options, std::future::pending())
                .await
                .unwrap();
        });
        Offices {
            base,
            port,
            deployment,
            client: client(),
            _watcher: watcher,
            task,
        }
    }

    /// GET `path` as a browser that asked for `host`.
    async fn get(&self, host: &str, path: &str) -> Reply {
        fetch_with(
            &self.client,
            &self.base,
            reqwest::Method::GET,
            path,
            &[("host", host)],
        )
        .await
    }

    /// The `website` the office answering `host` has in its charter's JSON.
    async fn office_at(&self, host: &str) -> Option<String> {
        let reply = self.get(host, "/api/v1/charter.json").await;
        if reply.status != 200 {
            return None;
        }
        let json: Value = serde_json::from_str(&reply.body).ok()?;
        json.pointer("/office/website")
            .and_then(Value::as_str)
            .map(str::to_string)
    }

    /// Waits until the directory's Bangla home page does (or, with
    /// `listed` false, does not) link `url`: it is made again in the
    /// background after a change.
    async fn wait_for_directory(&self, url: &str, listed: bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.get("127.0.0.1", "/bn/").await.body.contains(url) != listed {
            assert!(
                Instant::now() < deadline,
                "the directory lists {url}: {}",
                !listed
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn health(&self, host: &str) -> Value {
        serde_json::from_str(&self.get(host, "/healthz").await.body).unwrap()
    }

    /// Waits until `check` holds of the directory's `/healthz`.
    async fn wait_for(&self, what: &str, check: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let health = self.health("unknown.example").await;
            if check(&health) {
                return health;
            }
            assert!(Instant::now() < deadline, "{what}: {health}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

#[tokio::test]
async fn each_host_reaches_its_office_in_any_case_with_or_without_a_port() {
    let dir = OfficeFolder::new();
    write_office(
        dir.path(),
        "haluaghat",
        "doict.haluaghat.mymensingh.gov.bd",
        &[],
    );
    write_office(
        dir.path(),
        "phulpur",
        "doict.phulpur.mymensingh.gov.bd",
        &[],
    );
    let offices = Offices::start(&dir, false).await;
    for (host, website) in [
        (
            "doict.haluaghat.mymensingh.gov.bd",
            "doict.haluaghat.mymensingh.gov.bd",
        ),
        (
            "DOICT.Haluaghat.Mymensingh.GOV.BD",
            "doict.haluaghat.mymensingh.gov.bd",
        ),
        (
            "doict.haluaghat.mymensingh.gov.bd:8080",
            "doict.haluaghat.mymensingh.gov.bd",
        ),
        (
            "doict.haluaghat.mymensingh.gov.bd.",
            "doict.haluaghat.mymensingh.gov.bd",
        ),
        (
            "doict.phulpur.mymensingh.gov.bd",
            "doict.phulpur.mymensingh.gov.bd",
        ),
        (
            "Doict.Phulpur.Mymensingh.Gov.Bd:443",
            "doict.phulpur.mymensingh.gov.bd",
        ),
    ] {
        assert_eq!(
            offices.office_at(host).await.as_deref(),
            Some(website),
            "{host}"
        );
    }
    // Every page of the office at its host: a service page, its QR code,
    // the sitemap, a 404 that is the office's own.
    let home = offices.get("doict.phulpur.mymensingh.gov.bd", "/bn/").await;
    assert_eq!(home.status, 200);
    assert!(
        home.body.contains(
            "<link rel=\"canonical\" href=\"https://doict.phulpur.mymensingh.gov.bd/bn/\">"
        ),
        "the office's pages link to its own website"
    );
    let sitemap = offices
        .get("doict.phulpur.mymensingh.gov.bd", "/sitemap.xml")
        .await;
    assert!(
        sitemap
            .body
            .contains("https://doict.phulpur.mymensingh.gov.bd/en/services")
    );
    assert!(!sitemap.body.contains("haluaghat.mymensingh.gov.bd/"));
    let missing = offices
        .get("doict.phulpur.mymensingh.gov.bd", "/en/nothing")
        .await;
    assert_eq!(missing.status, 404);
    assert!(missing.header("content-security-policy").is_some());
    assert!(
        missing
            .body
            .contains("https://doict.phulpur.mymensingh.gov.bd"),
        "the office's own 404 page"
    );
    // Each office's own /healthz.
    let health = offices.health("doict.haluaghat.mymensingh.gov.bd").await;
    assert_eq!(health["status"], "ok");
    assert!(health["content_hash"].is_string());
}

#[tokio::test]
async fn an_alias_reaches_its_office_and_an_unknown_host_the_directory() {
    let dir = OfficeFolder::new();
    write_office(
        dir.path(),
        "haluaghat",
        "doict.haluaghat.mymensingh.gov.bd",
        &["haluaghat.example.org", "old.haluaghat.example.org"],
    );
    write_office(
        dir.path(),
        "phulpur",
        "doict.phulpur.mymensingh.gov.bd",
        &[],
    );
    let offices = Offices::start(&dir, false).await;
    for host in ["haluaghat.example.org", "OLD.haluaghat.example.org:80"] {
        assert_eq!(
            offices.office_at(host).await.as_deref(),
            Some("doict.haluaghat.mymensingh.gov.bd"),
            "{host}"
        );
    }
    for host in [
        "127.0.0.1",
        "localhost:3000",
        "example.org",
        "haluaghat.localhost",
    ] {
        assert_eq!(offices.office_at(host).await, None, "{host} is no office");
        let home = offices.get(host, "/bn/").await;
        assert_eq!(home.status, 200, "{host}");
        for website in [
            "https://doict.haluaghat.mymensingh.gov.bd/bn/",
            "https://doict.phulpur.mymensingh.gov.bd/bn/",
        ] {
            assert!(
                home.body.contains(website),
                "{host}: the directory links {website}"
            );
        }
        assert!(home.body.contains("<html lang=\"bn\""), "{host}");
        let english = offices.get(host, "/en/").await;
        assert!(english.body.contains("<html lang=\"en\""), "{host}");
        assert!(
            english
                .body
                .contains("https://doict.phulpur.mymensingh.gov.bd/en/")
        );
        let health = offices.health(host).await;
        assert_eq!(health["offices"], 2, "{host}: {health}");
    }
    // A request without a Host (HTTP/1.0) gets the directory too.
    let raw = raw_request(&offices.base, "GET /bn/ HTTP/1.0\r\n\r\n").await;
    assert!(
        raw.starts_with("HTTP/1.0 200") || raw.starts_with("HTTP/1.1 200"),
        "{raw}"
    );
}

/// The whole answer to `request`, sent as it is.
async fn raw_request(base: &str, request: &str) -> String {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn a_bad_save_keeps_that_office_as_it_was_and_touches_no_other() {
    let dir = OfficeFolder::new();
    let haluaghat = write_office(
        dir.path(),
        "haluaghat",
        "doict.haluaghat.mymensingh.gov.bd",
        &[],
    );
    write_office(
        dir.path(),
        "phulpur",
        "doict.phulpur.mymensingh.gov.bd",
        &[],
    );
    let offices = Offices::start(&dir, false).await;
    let host = "doict.haluaghat.mymensingh.gov.bd";
    let other = "doict.phulpur.mymensingh.gov.bd";
    let before = offices.get(host, "/bn/").await.body;
    let other_etag = offices
        .get(other, "/bn/")
        .await
        .header("etag")
        .unwrap()
        .to_string();

    let good = office_text(host, &[]);
    save(&haluaghat, &good.replacen("[charter]", "[charter\n", 1));
    let health = offices
        .wait_for("the bad save is seen", |h| h["stale"]["count"] == 1)
        .await;
    assert_eq!(health["stale"]["offices"][0]["office"], "haluaghat");
    let error = health["stale"]["offices"][0]["error"].as_str().unwrap();
    assert!(error.starts_with("haluaghat.toml:"), "{error}");
    assert!(
        !error.contains(dir.path().to_str().unwrap()),
        "no folder path: {error}"
    );
    assert_eq!(health["status"], "degraded");
    assert_eq!(
        offices.get(host, "/bn/").await.body,
        before,
        "last good version served"
    );
    assert_eq!(offices.health(host).await["status"], "stale");
    assert_eq!(offices.health(other).await["status"], "ok");
    assert_eq!(
        offices.get(other, "/bn/").await.header("etag").unwrap(),
        other_etag,
        "the other office is untouched"
    );

    // A good save is served at once, by that office alone.
    save(
        &haluaghat,
        &good.replacen("জ্ঞানভিত্তিক অর্থনীতি", "নতুন ভিশন", 1),
    );
    offices
        .wait_for("the fixed file is served", |h| h["status"] == "ok")
        .await;
    assert!(offices.get(host, "/bn/").await.body.contains("নতুন ভিশন"));
    assert!(!offices.get(other, "/bn/").await.body.contains("নতুন ভিশন"));
}

#[tokio::test]
async fn a_file_added_while_serving_is_served_once_valid_and_a_removed_one_goes() {
    let dir = OfficeFolder::new();
    write_office(
        dir.path(),
        "haluaghat",
        "doict.haluaghat.mymensingh.gov.bd",
        &[],
    );
    let phulpur = write_office(
        dir.path(),
        "phulpur",
        "doict.phulpur.mymensingh.gov.bd",
        &[],
    );
    let offices = Offices::start(&dir, false).await;
    let new_host = "doict.nandail.mymensingh.gov.bd";
    assert_eq!(offices.office_at(new_host).await, None);

    // Added, but not in the registry: skipped, and said why.
    let nandail = dir.path().join("nandail.toml");
    save(&nandail, &office_text(new_host, &[]));
    let health = offices
        .wait_for("the new file is listed as skipped", |h| {
            h["skipped"]["count"] == 1
        })
        .await;
    assert_eq!(health["skipped"]["entries"][0]["name"], "nandail.toml");
    let why = health["skipped"]["entries"][0]["why"].as_str().unwrap();
    assert!(why.contains("not in the registry of addresses"), "{why}");
    assert!(!why.contains(dir.root().to_str().unwrap()), "{why}");
    assert_eq!(offices.office_at(new_host).await, None);

    // In the registry while invalid: listed as not served, nothing else
    // changes.
    save(
        &nandail,
        &office_text(new_host, &[]).replacen("[office]", "[ofice]", 1),
    );
    let registry = std::fs::read_to_string(dir.registry()).unwrap();
    save(
        &dir.registry(),
        &format!("{registry}nandail = [\"{new_host}\"]\n"),
    );
    let health = offices
        .wait_for("the invalid new file is listed", |h| {
            h["invalid"]["count"] == 1 && h["skipped"]["count"] == 0
        })
        .await;
    let error = health["invalid"]["files"][0]["error"].as_str().unwrap();
    assert!(error.starts_with("nandail.toml:"), "{error}");
    assert_eq!(health["offices"], 2);
    assert_eq!(offices.office_at(new_host).await, None);

    // Fixed: served at its host, listed by the directory.
    save(&nandail, &office_text(new_host, &[]));
    offices
        .wait_for("the fixed new file is served", |h| {
            h["offices"] == 3 && h["invalid"]["count"] == 0
        })
        .await;
    assert_eq!(offices.office_at(new_host).await.as_deref(), Some(new_host));
    offices
        .wait_for_directory("https://doict.nandail.mymensingh.gov.bd/bn/", true)
        .await;

    // Removed: its host gets the directory, the directory no longer lists it.
    std::fs::remove_file(&phulpur).unwrap();
    offices
        .wait_for("the removed file's office goes", |h| h["offices"] == 2)
        .await;
    assert_eq!(
        offices.office_at("doict.phulpur.mymensingh.gov.bd").await,
        None
    );
    offices
        .wait_for_directory("https://doict.phulpur.mymensingh.gov.bd/", false)
        .await;
    assert_eq!(offices.deployment.offices().len(), 2);
}

#[tokio::test]
async fn previewing_reaches_every_office_from_this_computer() {
    let dir = OfficeFolder::new();
    write_office(
        dir.path(),
        "haluaghat",
        "doict.haluaghat.mymensingh.gov.bd",
        &[],
    );
    write_office(
        dir.path(),
        "phulpur",
        "doict.phulpur.mymensingh.gov.bd",
        &[],
    );
    let offices = Offices::start(&dir, true).await;
    let port = offices.port;
    let directory = offices.get(&format!("127.0.0.1:{port}"), "/bn/").await.body;
    assert!(
        directory.contains(&format!("http://phulpur.localhost:{port}/bn/")),
        "the directory links the preview addresses"
    );
    assert_eq!(
        offices
            .office_at(&format!("phulpur.localhost:{port}"))
            .await
            .as_deref(),
        Some("doict.phulpur.mymensingh.gov.bd")
    );
    // The real host names still work.
    assert_eq!(
        offices
            .office_at("doict.haluaghat.mymensingh.gov.bd")
            .await
            .as_deref(),
        Some("doict.haluaghat.mymensingh.gov.bd")
    );
}

#[tokio::test]
async fn one_file_serves_its_office_at_every_host_as_before() {
    let server = TestServer::start(&bundled()).await;
    for host in [
        "127.0.0.1",
        "unknown.example",
        "doict.haluaghat.mymensingh.gov.bd",
    ] {
        let home = server.get_with("/bn/", &[("host", host)]).await;
        assert_eq!(home.status, 200, "{host}");
        assert!(home.body.contains("হালুয়াঘাট"), "{host}");
        let health: Value =
            serde_json::from_str(&server.get_with("/healthz", &[("host", host)]).await.body)
                .unwrap();
        assert_eq!(
            health["status"], "ok",
            "{host}: one office's health, no directory"
        );
        assert!(health.get("offices").is_none());
    }
}

/// `charter history` (or `restore`) for `file`, with the state folder
/// `state`: exit code and standard output.
fn history_command(args: &[&str], file: &Path, state: &Path) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_charter"))
        .args(args)
        .arg("--charter")
        .arg(file)
        .arg("--state-dir")
        .arg(state)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[tokio::test]
async fn each_office_keeps_its_own_history_and_starts_from_it_when_its_file_is_bad() {
    let dir = OfficeFolder::new();
    let state = tempfile::tempdir().unwrap();
    let host = "doict.haluaghat.mymensingh.gov.bd";
    let haluaghat = write_office(dir.path(), "haluaghat", host, &[]);
    write_office(
        dir.path(),
        "phulpur",
        "doict.phulpur.mymensingh.gov.bd",
        &[],
    );
    let first = std::fs::read_to_string(&haluaghat).unwrap();
    {
        let offices = Offices::start_with(&dir, false, Some(state.path())).await;
        save(
            &haluaghat,
            &first.replacen("জ্ঞানভিত্তিক অর্থনীতি", "নতুন ভিশন", 1),
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        while !offices.get(host, "/bn/").await.body.contains("নতুন ভিশন") {
            assert!(Instant::now() < deadline, "the edit is served");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    // Two versions of one office, one of the other, each in its own folder.
    let (code, listed) = history_command(&["history"], &haluaghat, state.path());
    assert_eq!(code, 0, "{listed}");
    let numbers: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.strip_prefix("   ")?.split_whitespace().next())
        .collect();
    assert_eq!(numbers, ["2", "1"], "{listed}");
    let (code, listed) =
        history_command(&["history"], &dir.path().join("phulpur.toml"), state.path());
    assert_eq!(code, 0, "{listed}");
    assert!(state.path().join("offices/phulpur/history").is_dir());
    // Given the folder (CHARTER_FILE as the server has it): each office,
    // and how to name one.
    let (code, listed) = history_command(&["history"], dir.path(), state.path());
    assert_eq!(code, 0, "{listed}");
    assert!(
        listed.contains("  haluaghat  2 versions, the newest 2 ("),
        "{listed}"
    );
    assert!(
        listed.contains("  phulpur    1 version, the newest 1 ("),
        "{listed}"
    );
    let named = format!("charter history --charter {}", haluaghat.display());
    assert!(listed.contains(&named), "{listed}");
    let (code, said) = history_command(&["restore", "1"], dir.path(), state.path());
    assert_eq!(code, 2, "{said}");
    assert!(
        said.contains("is a folder of offices: name the office"),
        "{said}"
    );

    // A bad file at the next start: the office is served from its history.
    save(&haluaghat, &first.replacen("[charter]", "[charter\n", 1));
    let offices = Offices::start_with(&dir, false, Some(state.path())).await;
    let home = offices.get(host, "/bn/").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("নতুন ভিশন"), "the version served last");
    assert_eq!(offices.health(host).await["status"], "stale");
    let health = offices.health("127.0.0.1").await;
    assert_eq!(health["stale"]["count"], 1, "{health}");
    assert_eq!(health["offices"], 2);

    // `charter restore` puts the office's first version back in its file.
    let (code, said) = history_command(&["restore", "1"], &haluaghat, state.path());
    assert_eq!(code, 0, "{said}");
    assert_eq!(std::fs::read_to_string(&haluaghat).unwrap(), first);
}

#[cfg(unix)]
#[tokio::test]
async fn sighup_applies_every_change_to_the_folder_at_once_without_a_watcher() {
    let dir = OfficeFolder::new();
    let haluaghat = write_office(
        dir.path(),
        "haluaghat",
        "doict.haluaghat.mymensingh.gov.bd",
        &[],
    );
    let phulpur = write_office(
        dir.path(),
        "phulpur",
        "doict.phulpur.mymensingh.gov.bd",
        &[],
    );
    dir.register();
    let (server, base) =
        serve_binary(dir.path(), &["--no-watch", "--base-url", DIRECTORY], &[]).await;
    let client = client();
    let get = |host: &'static str, path: &'static str| {
        let (client, base) = (client.clone(), base.clone());
        async move {
            fetch_with(
                &client,
                &base,
                reqwest::Method::GET,
                path,
                &[("host", host)],
            )
            .await
        }
    };
    let vision = "সংকেতে নতুন ভিশন।";
    let edited = office_text("doict.haluaghat.mymensingh.gov.bd", &[]).replacen(
        "জ্ঞানভিত্তিক অর্থনীতি, সুশাসন প্রতিষ্ঠায় তথ্য প্রযুক্তির ব্যবহার।",
        vision,
        1,
    );
    assert!(edited.contains(vision));
    save(&haluaghat, &edited);
    std::fs::remove_file(&phulpur).unwrap();
    let nandail = "doict.nandail.mymensingh.gov.bd";
    write_office(dir.path(), "nandail", nandail, &[]);
    // The administrator registers the new office.
    assert_eq!(
        dir.register(),
        [("nandail".to_string(), vec![nandail.to_string()])]
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let home = get("doict.haluaghat.mymensingh.gov.bd", "/bn/").await;
    assert!(
        !home.body.contains(vision),
        "no watcher: nothing changes on its own"
    );
    // The removed office still served, the added one not yet (its host
    // gets the directory, which has no charter.json).
    let charter_json = "/api/v1/charter.json";
    assert_eq!(
        get("doict.phulpur.mymensingh.gov.bd", charter_json)
            .await
            .status,
        200
    );
    assert_eq!(get(nandail, charter_json).await.status, 404);

    server.hangup();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let health: Value =
            serde_json::from_str(&get("unknown.example", "/healthz").await.body).unwrap();
        let home = get("doict.haluaghat.mymensingh.gov.bd", "/bn/").await;
        let nandail_json = get(nandail, charter_json).await;
        if home.body.contains(vision) && nandail_json.status == 200 && health["offices"] == 2 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "SIGHUP applied every change: {health}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The removed office's host gets the directory.
    let phulpur = get("doict.phulpur.mymensingh.gov.bd", charter_json).await;
    assert_eq!(phulpur.status, 404);
}

#[cfg(unix)]
#[tokio::test]
async fn staff_can_read_each_office_s_history_made_under_the_unit_s_umask() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = OfficeFolder::new();
    write_office(
        dir.path(),
        "haluaghat",
        "doict.haluaghat.mymensingh.gov.bd",
        &[],
    );
    dir.register();
    let state = tempfile::tempdir().unwrap();
    let port = free_port();
    // As the service's unit runs it: UMask=0077.
    let child = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 077 && exec {} serve --no-watch --addr 127.0.0.1:{port} --charter {} \
             --base-url {DIRECTORY} --state-dir {}",
            env!("CARGO_BIN_EXE_charter"),
            dir.path().display(),
            state.path().display()
        ))
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let _running = Running(child);
    wait_until_serving(&format!("http://127.0.0.1:{port}"), Duration::from_secs(60)).await;
    for folder in ["offices", "offices/haluaghat", "offices/haluaghat/history"] {
        let mode = std::fs::metadata(state.path().join(folder))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o755, "{folder}");
    }
}
