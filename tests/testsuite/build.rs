//! `charter build`: the static copy holds the same bytes the server sends.

use std::io::Read;

use crate::support::*;

#[tokio::test]
async fn built_files_match_served_pages_byte_for_byte() {
    let out = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_charter"))
        .args(["build", "--out"])
        .arg(out.path())
        .arg("--charter")
        .arg(bundled())
        .status()
        .unwrap();
    assert!(status.success());

    let server = TestServer::start(&bundled()).await;
    let site = server.state.site();
    assert_eq!(site.html_paths().len(), 2 * (3 + 13));
    let paths = site.paths();
    assert!(paths.contains(&"/sitemap.xml") && paths.contains(&"/api/v1/charter.json"));
    for path in paths {
        let file = out.path().join(citizen_charter::urls::file_for(path));
        let on_disk = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let served = server.get(path).await;
        assert_eq!(served.status, 200);
        assert!(
            on_disk == served.bytes,
            "{path}: built file differs from served page"
        );

        let gz = std::fs::read(format!("{}.gz", file.display())).unwrap();
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, on_disk, "{path}.gz");

        let br = std::fs::read(format!("{}.br", file.display())).unwrap();
        let mut unbrotli = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut unbrotli)
            .unwrap();
        assert_eq!(unbrotli, on_disk, "{path}.br");
    }

    // Assets under their fingerprinted names, and the error pages.
    for asset in citizen_charter::assets::all() {
        let file = out.path().join("static").join(&asset.fingerprinted);
        assert_eq!(
            std::fs::read(&file).unwrap(),
            asset_bytes(&server, &asset.fingerprinted).await
        );
    }
    let not_found = std::fs::read_to_string(out.path().join("en/404.html")).unwrap();
    assert!(not_found.contains("Page not found"));

    // The root sends visitors to the Bangla home page without JavaScript.
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(
        index.contains("<meta http-equiv=\"refresh\" content=\"0; url=/bn/\">"),
        "{index}"
    );
    assert!(index.contains("href=\"/en/\""));
    assert!(!index.contains("<script"));
}

async fn asset_bytes(server: &TestServer, name: &str) -> Vec<u8> {
    let reply = server.get(&format!("/static/{name}")).await;
    assert_eq!(reply.status, 200, "{name}");
    reply.bytes
}

#[test]
fn build_refuses_an_invalid_charter() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("charter.toml");
    std::fs::write(&file, "[office]\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_charter"))
        .args(["build", "--out"])
        .arg(dir.path().join("site"))
        .arg("--charter")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("site").exists(), "nothing is written");
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing field"));
}
