//! An office's address belongs to the administrator: the registry of
//! addresses decides which office an address reaches, the same way in
//! `serve`, `check` and `build`, whatever an office's file names; the
//! folder's entries are read only as plain files inside it; and what the
//! folder holds beyond its limit takes nothing down. Through the real
//! binary and real sockets.

use std::ffi::OsStr;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::build::build_folder;
use crate::support::*;

const ALPHA: &str = "alpha.example.gov.bd";
const ZULU: &str = "zulu.example.gov.bd";

/// Alpha and Zulu, registered as `charter offices init` registers them.
fn alpha_and_zulu() -> OfficeFolder {
    let folder = OfficeFolder::new();
    write_office(folder.path(), "alpha", ALPHA, &[]);
    write_office(folder.path(), "zulu", ZULU, &[]);
    let added = folder.register();
    assert_eq!(added.len(), 2, "{added:?}");
    folder
}

/// A GET of `path` as a browser that asked for `host`.
async fn get(base: &str, host: &str, path: &str) -> Reply {
    fetch_with(
        &client(),
        base,
        reqwest::Method::GET,
        path,
        &[("host", host)],
    )
    .await
}

/// The `website` of the office that answers `host`, `None` for the
/// directory.
async fn office_at(base: &str, host: &str) -> Option<String> {
    let reply = get(base, host, "/api/v1/charter.json").await;
    let json: Value = serde_json::from_str(&reply.body).ok()?;
    json.pointer("/office/website")?
        .as_str()
        .map(str::to_string)
}

/// The directory's `/healthz`.
async fn directory_health(base: &str) -> Value {
    serde_json::from_str(&get(base, "unknown.example", "/healthz").await.body).unwrap()
}

/// Waits until `ready` holds of the directory's `/healthz`.
async fn wait_directory(base: &str, what: &str, ready: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let health = directory_health(base).await;
        if ready(&health) {
            return health;
        }
        assert!(Instant::now() < deadline, "{what}: {health}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `charter ARGS…` on `folder`, with the directory's address: status,
/// stdout, stderr.
fn on_folder(args: &[&str], folder: &OfficeFolder) -> (i32, String, String) {
    let mut all: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    all.push(folder.path().as_os_str());
    all.extend([OsStr::new("--base-url"), OsStr::new(DIRECTORY)]);
    charter(&all)
}

/// The serving arguments for a folder, with the directory's address.
const SERVE: [&str; 2] = ["--base-url", DIRECTORY];

/// The lines of `text` that report an address refused.
fn refused_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.contains("in the registry of addresses, not of this office"))
        .map(|l| l[l.find(": error: ").map_or(0, |i| i)..].to_string())
        .collect()
}

#[tokio::test]
async fn a_file_that_names_another_office_s_address_takes_nothing_live_after_a_restart_or_built() {
    let folder = alpha_and_zulu();
    let alpha = folder.path().join("alpha.toml");
    let log = folder.root().join("serve.log");
    let (server, base) = serve_binary_logging(folder.path(), &SERVE, &log).await;
    assert_eq!(office_at(&base, ZULU).await.as_deref(), Some(ZULU));

    // Live: Alpha's clerk names Zulu's address as an alias, then as the
    // website.
    save(&alpha, &office_text(ALPHA, &[ZULU]));
    let health = wait_directory(&base, "the alias is refused", |h| {
        h["refused_addresses"]["count"] == 1
    })
    .await;
    let refused = &health["refused_addresses"]["addresses"][0];
    assert_eq!(refused["office"], "alpha");
    assert_eq!(refused["host"], ZULU);
    assert_eq!(refused["claimed_as"], "alias");
    assert_eq!(refused["held_by"], "zulu");
    assert_eq!(health["status"], "degraded");
    assert_eq!(office_at(&base, ZULU).await.as_deref(), Some(ZULU));
    assert_eq!(directory_health(&base).await["offices"], 2);

    save(&alpha, &office_text(ZULU, &[]));
    wait_directory(&base, "the website is refused", |h| {
        h["refused_addresses"]["addresses"][0]["claimed_as"] == "website"
    })
    .await;
    assert_eq!(office_at(&base, ZULU).await.as_deref(), Some(ZULU));
    // The rest of Alpha is served at its own address, and its pages link
    // there, not to the address its file names.
    let home = get(&base, ALPHA, "/bn/").await;
    assert_eq!(home.status, 200);
    assert!(
        home.body.contains(&format!(
            "<link rel=\"canonical\" href=\"https://{ALPHA}/bn/\">"
        )),
        "{}",
        home.body
    );
    assert!(!home.body.contains(&format!("https://{ZULU}/bn/")));

    // After a restart, the same.
    drop(server);
    let (server, base) = serve_binary_logging(folder.path(), &SERVE, &log).await;
    assert_eq!(office_at(&base, ZULU).await.as_deref(), Some(ZULU));
    assert_eq!(office_at(&base, ALPHA).await.as_deref(), Some(ZULU));
    let health = directory_health(&base).await;
    assert_eq!(health["refused_addresses"]["count"], 1, "{health}");
    drop(server);

    // `check` and `build` route and report the same, word for word.
    let served = refused_lines(&std::fs::read_to_string(&log).unwrap());
    assert_eq!(served.len(), 1, "{served:?}");
    let (code, _, stderr) = on_folder(&["check"], &folder);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(refused_lines(&stderr), served);
    let (out, code, _, stderr) = build_folder(folder.path());
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(refused_lines(&stderr), served);
    let out = out.path();
    let built = |host: &str| {
        let json = std::fs::read_to_string(out.join(host).join("api/v1/charter.json")).unwrap();
        let json: Value = serde_json::from_str(&json).unwrap();
        json["office"]["website"].as_str().unwrap().to_string()
    };
    // Zulu's folder holds Zulu; Alpha is written under its own address.
    assert_eq!(built(ZULU), ZULU);
    assert_eq!(built(ALPHA), ZULU);
    let canonical = std::fs::read_to_string(out.join(ALPHA).join("bn/index.html")).unwrap();
    assert!(canonical.contains(&format!("href=\"https://{ALPHA}/bn/\"")));
}

#[tokio::test]
async fn the_directory_s_address_and_ip_addresses_are_no_office_s() {
    let folder = alpha_and_zulu();
    let alpha = folder.path().join("alpha.toml");
    // An IP address is not an office's name: the charter is refused.
    save(&alpha, &office_text(ALPHA, &["127.0.0.1"]));
    let (code, _, stderr) = on_folder(&["check"], &folder);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error: alias \"127.0.0.1\" is an IP address, not a name"),
        "{stderr}"
    );
    // The directory's own address named by a file reaches the directory.
    save(&alpha, &office_text(ALPHA, &["Charters.Example.gov.bd."]));
    let (code, _, stderr) = on_folder(&["check"], &folder);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "error: alias charters.example.gov.bd is the directory's own address (--base-url), \
             which reaches no office"
        ),
        "{stderr}"
    );
    // Given in the registry, neither is taken either.
    let registry = std::fs::read_to_string(folder.registry()).unwrap();
    save(
        &folder.registry(),
        &registry.replacen(
            &format!("[\"{ALPHA}\"]"),
            &format!("[\"{ALPHA}\", \"charters.example.gov.bd\", \"10.0.0.7\"]"),
            1,
        ),
    );
    let (server, base) = serve_binary(folder.path(), &SERVE, &[]).await;
    for host in [
        "charters.example.gov.bd",
        "CHARTERS.example.gov.bd:443",
        "10.0.0.7",
    ] {
        assert_eq!(office_at(&base, host).await, None, "{host}");
        let home = get(&base, host, "/bn/").await;
        assert!(home.body.contains("সকল কার্যালয়ের সিটিজেন চার্টার"), "{host}");
    }
    assert_eq!(office_at(&base, ALPHA).await.as_deref(), Some(ALPHA));
    let health = directory_health(&base).await;
    let left_out = health["registry"]["left_out"]["entries"].to_string();
    assert_eq!(health["registry"]["left_out"]["count"], 2, "{health}");
    assert!(
        left_out.contains("the directory's own address"),
        "{left_out}"
    );
    assert!(left_out.contains("it is an IP address"), "{left_out}");
    drop(server);
}

#[tokio::test]
async fn names_that_differ_only_by_capital_letters_are_one_office_in_every_command() {
    let folder = alpha_and_zulu();
    std::fs::write(
        folder.path().join("zulu.TOML"),
        office_text("other.example.gov.bd", &[]),
    )
    .unwrap();
    let expected = format!(
        "{}: skipped: its name differs from zulu.toml only by capital letters",
        folder.path().join("zulu.TOML").display()
    );
    let (code, stdout, stderr) = on_folder(&["check"], &folder);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(stdout.contains("2 offices: 2 OK"), "{stdout}");
    let (code, _, stderr) = on_folder(&["offices", "init"], &folder);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&expected), "{stderr}");
    let (out, code, _, stderr) = build_folder(folder.path());
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(!out.path().join("other.example.gov.bd").exists());
    let (_server, base) = serve_binary(folder.path(), &SERVE, &[]).await;
    assert_eq!(office_at(&base, ZULU).await.as_deref(), Some(ZULU));
    assert_eq!(office_at(&base, "other.example.gov.bd").await, None);
    let health = directory_health(&base).await;
    assert_eq!(
        health["skipped"]["entries"][0]["name"], "zulu.TOML",
        "{health}"
    );
}

#[tokio::test]
async fn what_is_beyond_the_limit_is_reported_and_takes_nothing_down() {
    let limit = citizen_charter::offices::MAX_OFFICES;
    // A registry of one more office than a folder serves: the last by
    // name is left out, the rest served.
    let folder = alpha_and_zulu();
    let mut registry = std::fs::read_to_string(folder.registry()).unwrap();
    for i in 0..limit - 1 {
        registry.push_str(&format!("x{i:05} = [\"x{i:05}.example.gov.bd\"]\n"));
    }
    save(&folder.registry(), &registry);
    let (server, base) = serve_binary(folder.path(), &SERVE, &[]).await;
    assert_eq!(office_at(&base, ALPHA).await.as_deref(), Some(ALPHA));
    assert_eq!(office_at(&base, ZULU).await, None);
    let health = directory_health(&base).await;
    let left_out = &health["registry"]["left_out"];
    assert_eq!(left_out["count"], 1, "{left_out}");
    let error = left_out["entries"][0]["error"].as_str().unwrap();
    assert!(
        error.contains(&format!(
            "office zulu is left out: a folder serves at most {limit}"
        )),
        "{error}"
    );
    drop(server);

    // Previewing without a registry, a folder of more files than the
    // limit: the last by name is skipped, at the start and when one more
    // comes while serving.
    let folder = OfficeFolder::new();
    write_office(folder.path(), "alpha", ALPHA, &[]);
    for i in 0..limit - 1 {
        std::fs::write(folder.path().join(format!("x{i:05}.toml")), "x = 1\n").unwrap();
    }
    write_office(folder.path(), "zulu", ZULU, &[]);
    let (server, base) = serve_binary(folder.path(), &["--preview"], &[]).await;
    assert_eq!(office_at(&base, ALPHA).await.as_deref(), Some(ALPHA));
    let health = directory_health(&base).await;
    assert_eq!(health["skipped"]["count"], 1, "{}", health["skipped"]);
    assert_eq!(health["skipped"]["entries"][0]["name"], "zulu.toml");
    write_office(folder.path(), "zz", "zz.example.gov.bd", &[]);
    wait_directory(&base, "the new file beyond the limit is listed", |h| {
        h["skipped"]["count"] == 2
    })
    .await;
    assert_eq!(office_at(&base, ALPHA).await.as_deref(), Some(ALPHA));
    drop(server);
    // And it starts again as it served.
    let (_server, base) = serve_binary(folder.path(), &["--preview"], &[]).await;
    assert_eq!(directory_health(&base).await["skipped"]["count"], 2);
}

#[cfg(unix)]
#[tokio::test]
async fn links_are_followed_only_to_plain_files_inside_the_folder() {
    use std::os::unix::fs::symlink;
    let folder = OfficeFolder::new();
    let dir = folder.path();
    // A Kubernetes ConfigMap: each file a link into a hidden folder,
    // through the `..data` link swapped at each update.
    let data = dir.join("..2026_12_07_10_00_00.123");
    std::fs::create_dir(&data).unwrap();
    write_office(&data, "alpha", ALPHA, &[]);
    symlink("..2026_12_07_10_00_00.123", dir.join("..data")).unwrap();
    symlink("..data/alpha.toml", dir.join("alpha.toml")).unwrap();
    // Links that lead out of the folder, to nothing, and a pipe.
    let outside = folder.root().join("outside.toml");
    std::fs::write(&outside, office_text(ZULU, &[])).unwrap();
    symlink(&outside, dir.join("zulu.toml")).unwrap();
    symlink("/proc/self/environ", dir.join("environ.toml")).unwrap();
    symlink("gone.toml", dir.join("dangling.toml")).unwrap();
    let fifo =
        std::ffi::CString::new(dir.join("pipe.toml").as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let registry = format!(
        "[offices]\nalpha = [\"{ALPHA}\"]\nzulu = [\"{ZULU}\"]\nenviron = [\"environ.example.gov.bd\"]\n"
    );
    std::fs::write(folder.registry(), registry).unwrap();

    let log = folder.root().join("serve.log");
    let (_server, base) = serve_binary_logging(dir, &SERVE, &log).await;
    assert_eq!(office_at(&base, ALPHA).await.as_deref(), Some(ALPHA));
    assert_eq!(
        office_at(&base, ZULU).await,
        None,
        "a file outside is not read"
    );
    let health = directory_health(&base).await;
    let skipped: Vec<(String, String)> = health["skipped"]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_string(),
                e["why"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let why = |name: &str| {
        skipped
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, w)| w.clone())
            .unwrap_or_else(|| panic!("{name} is not listed: {skipped:?}"))
    };
    assert!(why("zulu.toml").contains("a link to a place outside the folder"));
    assert!(why("environ.toml").contains("a link to a place outside the folder"));
    assert!(why("dangling.toml").contains("a link to a file that is not there"));
    assert!(why("pipe.toml").contains("it is a pipe, not a plain file"));
    // The registry's offices whose file is a link out are not served, and
    // say why; nothing of the server's environment reaches the log.
    let invalid = health["invalid"]["files"].to_string();
    assert!(
        invalid.contains("outside the folder of offices"),
        "{invalid}"
    );
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(!logged.contains("PATH="), "{logged}");
    assert!(logged.contains("dangling.toml: skipped"), "{logged}");

    // A ConfigMap update swaps `..data`: the office follows.
    let update = dir.join("..2026_12_07_11_00_00.456");
    std::fs::create_dir(&update).unwrap();
    save(
        &update.join("alpha.toml"),
        &office_text(ALPHA, &[]).replacen("জ্ঞানভিত্তিক অর্থনীতি", "নতুন ভিশন", 1),
    );
    symlink("..2026_12_07_11_00_00.456", dir.join("..data.tmp")).unwrap();
    std::fs::rename(dir.join("..data.tmp"), dir.join("..data")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !get(&base, ALPHA, "/bn/").await.body.contains("নতুন ভিশন") {
        assert!(
            Instant::now() < deadline,
            "the ConfigMap's update is served"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_folder_is_served_with_its_public_address_and_its_registry() {
    let folder = OfficeFolder::new();
    write_office(folder.path(), "alpha", ALPHA, &[]);
    let serve = |extra: &[&str]| {
        let mut args = vec![
            OsStr::new("serve"),
            OsStr::new("--addr"),
            OsStr::new("127.0.0.1:1"),
            OsStr::new("--charter"),
            folder.path().as_os_str(),
        ];
        args.extend(extra.iter().map(OsStr::new));
        charter(&args)
    };
    // Without --base-url: refused, saying how to give it.
    let (code, _, stderr) = serve(&[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--base-url"), "{stderr}");
    assert!(stderr.contains("CHARTER_BASE_URL"), "{stderr}");
    // Without a registry: refused, naming the command that writes one.
    let (code, _, stderr) = serve(&SERVE);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("there is no registry of addresses"),
        "{stderr}"
    );
    assert!(stderr.contains("`charter offices init`"), "{stderr}");
    // Previewing needs neither.
    let (_server, base) = serve_binary(folder.path(), &["--preview"], &[]).await;
    assert_eq!(office_at(&base, ALPHA).await.as_deref(), Some(ALPHA));
    // With both, the directory's links, sitemap and robots.txt are at its
    // public address, never at the address listened on.
    folder.register();
    let (_server, base) = serve_binary(folder.path(), &SERVE, &[]).await;
    for path in ["/bn/", "/sitemap.xml", "/robots.txt"] {
        let page = get(&base, "127.0.0.1", path).await;
        assert!(page.body.contains(DIRECTORY), "{path}: {}", page.body);
        assert!(!page.body.contains("127.0.0.1"), "{path}: {}", page.body);
    }
}

#[test]
fn offices_init_writes_the_registry_from_the_files_and_keeps_what_is_there() {
    let folder = OfficeFolder::new();
    let dir = folder.path();
    write_office(dir, "alpha", ALPHA, &["alpha.gov.bd"]);
    write_office(dir, "zulu", ZULU, &[]);
    let (code, stdout, stderr) = on_folder(&["offices", "init"], &folder);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("added alpha: alpha.example.gov.bd, alpha.gov.bd"),
        "{stdout}"
    );
    assert!(
        stdout.contains("added zulu: zulu.example.gov.bd"),
        "{stdout}"
    );
    assert!(
        stdout.contains(": written: 2 offices, 2 added, 0 kept as they were"),
        "{stdout}"
    );
    let registry = std::fs::read_to_string(folder.registry()).unwrap();
    assert!(
        registry.starts_with("# The registry of addresses"),
        "{registry}"
    );

    // New files: two name one address, which is given to neither; a copy
    // of Zulu's file names only Zulu's address, and is not added; a file
    // with errors is not added until it has none. What the registry has
    // is kept as it is, its comments too.
    let edited = format!("# Checked by the district ICT officer.\n{registry}");
    std::fs::write(folder.registry(), &edited).unwrap();
    write_office(
        dir,
        "beta",
        "beta.example.gov.bd",
        &["shared.example.gov.bd"],
    );
    write_office(
        dir,
        "gamma",
        "gamma.example.gov.bd",
        &["SHARED.example.gov.bd"],
    );
    write_office(dir, "zulu-copy", ZULU, &[]);
    std::fs::write(dir.join("broken.toml"), "x = 1\n").unwrap();
    let (code, stdout, stderr) = on_folder(&["offices", "init"], &folder);
    assert_eq!(code, 1, "{stdout}{stderr}");
    for line in [
        "added beta: beta.example.gov.bd",
        "added gamma: gamma.example.gov.bd",
        ": written: 4 offices, 2 added, 2 kept as they were",
    ] {
        assert!(stdout.contains(line), "{line}\n{stdout}");
    }
    for line in [
        "beta.toml:16:12: alias shared.example.gov.bd not given to beta: the file of gamma \
         names it too; give it to one of them in the registry by hand",
        &format!(
            "zulu-copy.toml:15:11: website {ZULU} not given to zulu-copy: it is already the address of zulu"
        ),
        "zulu-copy.toml: not added: none of the addresses its file names can be given to zulu-copy",
        "broken.toml: not added: the file has the errors above",
    ] {
        assert!(stderr.contains(line), "{line}\n{stderr}");
    }
    let after = std::fs::read_to_string(folder.registry()).unwrap();
    assert!(after.starts_with(&edited), "{after}");

    // `charter offices` lists them, and the files not in the registry.
    let (code, stdout, stderr) = on_folder(&["offices"], &folder);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains("  alpha  alpha.example.gov.bd, alpha.gov.bd\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  zulu   zulu.example.gov.bd\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "Not in the registry (`charter offices init` adds them): broken.toml, zulu-copy.toml"
        ),
        "{stdout}"
    );

    // Nothing new: nothing written.
    std::fs::remove_file(dir.join("zulu-copy.toml")).unwrap();
    std::fs::remove_file(dir.join("broken.toml")).unwrap();
    let (code, stdout, _) = on_folder(&["offices", "init"], &folder);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains(": unchanged: 4 offices, 0 added, 4 kept as they were"),
        "{stdout}"
    );
}

#[test]
fn offices_and_offices_init_speak_to_the_administrator_in_bangla() {
    let folder = OfficeFolder::new();
    let dir = folder.path();
    write_office(dir, "alpha", ALPHA, &["alpha.gov.bd"]);
    let registry = folder.registry().display().to_string();
    let (code, stdout, stderr) = on_folder(&["offices", "init", "--lang", "bn"], &folder);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(
        stdout,
        format!(
            "যোগ করা হয়েছে alpha: alpha.example.gov.bd, alpha.gov.bd\n\
             {registry}: লেখা হয়েছে: ১টি দপ্তর, ১টি যোগ করা হয়েছে, ০টি আগের মতোই আছে\n"
        )
    );
    write_office(dir, "zulu", ZULU, &[]);
    folder.register();
    // A copy of Zulu's file names only Zulu's address.
    write_office(dir, "zulu-copy", ZULU, &[]);
    let (code, stdout, stderr) = on_folder(&["offices", "init", "--lang", "bn"], &folder);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert_eq!(
        stdout,
        format!("{registry}: বদলানো হয়নি: ২টি দপ্তর, ০টি যোগ করা হয়েছে, ২টি আগের মতোই আছে\n")
    );
    let copy = dir.join("zulu-copy.toml").display().to_string();
    assert_eq!(
        stderr,
        format!(
            "{copy}:15:11: ওয়েবসাইট {ZULU} zulu-copy দপ্তরকে দেওয়া হয়নি: এটি আগে থেকেই zulu \
             দপ্তরের ঠিকানা\n\
             {copy}: যোগ করা হয়নি: ফাইলে লেখা কোনো ঠিকানাই zulu-copy দপ্তরকে দেওয়া যায় না\n"
        )
    );
    let (code, stdout, stderr) = on_folder(&["offices", "--lang", "bn"], &folder);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stdout,
        format!(
            "{} ফোল্ডারের দপ্তর ও তাদের ঠিকানা ({registry}):\n  \
             alpha  alpha.example.gov.bd, alpha.gov.bd\n  \
             zulu   zulu.example.gov.bd\n\
             রেজিস্ট্রিতে নেই (`charter offices init` এগুলো যোগ করে): zulu-copy.toml\n\
             ২টি দপ্তর; রেজিস্ট্রিতে নেই এমন ফাইল ১টি\n",
            dir.display()
        )
    );
    // In English, word for word as before.
    let (_, stdout, _) = on_folder(&["offices"], &folder);
    assert!(
        stdout.ends_with("2 offices; 1 file not in the registry\n"),
        "{stdout}"
    );
    // A single charter file is not a folder: said in Bangla too.
    let file = dir.join("alpha.toml");
    let (code, _, stderr) = charter(&[
        "offices".as_ref(),
        file.as_os_str(),
        "--lang".as_ref(),
        "bn".as_ref(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        format!(
            "{}: এটি ফোল্ডার নয়: `charter offices` দপ্তরগুলোর চার্টার ফাইলের ফোল্ডারের জন্য \
             (একটি চার্টার ফাইলের জন্য ঠিকানার রেজিস্ট্রি লাগে না)\n",
            file.display()
        )
    );
}

#[test]
fn a_single_charter_needs_no_registry() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::copy(bundled(), &file).unwrap();
    let (code, stdout, stderr) = charter(&["check".as_ref(), file.as_os_str()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, _, stderr) = charter(&["offices".as_ref(), file.as_os_str()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("a single charter file needs no registry"),
        "{stderr}"
    );
}

#[tokio::test]
async fn a_request_in_absolute_form_is_routed_by_the_host_it_names() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let folder = alpha_and_zulu();
    let (_server, base) = serve_binary(folder.path(), &SERVE, &[]).await;
    let ask = |request: String| {
        let addr = base.trim_start_matches("http://").to_string();
        async move {
            let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
            stream.write_all(request.as_bytes()).await.unwrap();
            let mut answer = Vec::new();
            stream.read_to_end(&mut answer).await.unwrap();
            String::from_utf8_lossy(&answer).into_owned()
        }
    };
    // RFC 9112 §3.2.2: the request line's host, not Host.
    let answer = ask(format!(
        "GET http://{ZULU}/api/v1/charter.json HTTP/1.1\r\nHost: {ALPHA}\r\nConnection: close\r\n\r\n"
    ))
    .await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        answer.contains(&format!("\"website\": \"{ZULU}\"")),
        "{answer}"
    );
    let answer = ask(format!(
        "GET /api/v1/charter.json HTTP/1.1\r\nHost: {ALPHA}\r\nConnection: close\r\n\r\n"
    ))
    .await;
    assert!(
        answer.contains(&format!("\"website\": \"{ALPHA}\"")),
        "{answer}"
    );
}
