//! The way a freshly loaded site gets its smallest copies: served at once
//! with a quick gzip copy, switched to brotli 11 and gzip 9 as the
//! background makes them, and pages whose bytes a reload left unchanged
//! kept with the copies they had.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use citizen_charter::site::{Copies, Site, SiteOptions};

use crate::support::*;

/// The bundled charter with one English text of the office-information
/// service given a note in brackets, in a file of its own.
fn charter_with_note(dir: &Path, note: &str) -> PathBuf {
    let text = std::fs::read_to_string(bundled()).unwrap();
    let old = "en = \"Immediately / 3 working days\" }";
    assert_eq!(text.matches(old).count(), 1);
    let changed = text.replacen(
        old,
        &format!("en = \"Immediately / 3 working days ({note})\" }}"),
        1,
    );
    let file = dir.join("charter.toml");
    std::fs::write(&file, changed).unwrap();
    file
}

fn decoded(reply: &Reply) -> Vec<u8> {
    let mut out = Vec::new();
    match reply.header("content-encoding") {
        Some("br") => {
            brotli::Decompressor::new(&reply.bytes[..], 4096)
                .read_to_end(&mut out)
                .unwrap();
        }
        Some("gzip") => {
            flate2::read::GzDecoder::new(&reply.bytes[..])
                .read_to_end(&mut out)
                .unwrap();
        }
        None => out.clone_from(&reply.bytes),
        Some(other) => panic!("unexpected coding {other}"),
    }
    out
}

#[tokio::test]
async fn a_fresh_site_is_served_at_once_then_switches_to_brotli_11() {
    let dir = tempfile::tempdir().unwrap();
    let file = charter_with_note(dir.path(), "first");
    let site = Site::load(&file, &SiteOptions::default()).unwrap();
    let path = "/en/services/office-information";
    let identity = site.page(path).unwrap().identity().to_vec();
    assert!(!site.page(path).unwrap().is_finished(), "no brotli yet");
    let server = TestServer::serve(site, &file).await;

    // At once: gzip 1, or already brotli if the background was quick.
    let first = server
        .get_with(path, &[("accept-encoding", "br, gzip")])
        .await;
    assert_eq!(first.status, 200);
    let etag = first.header("etag").unwrap().to_string();
    match first.header("content-encoding") {
        Some("gzip") => assert!(etag.ends_with("-gz1\""), "{etag}"),
        Some("br") => assert!(etag.ends_with("-br\""), "{etag}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(decoded(&first), identity);

    // /healthz counts the pages done until all are.
    let deadline = Instant::now() + Duration::from_secs(120);
    let health = loop {
        let health: serde_json::Value =
            serde_json::from_str(&server.get("/healthz").await.body).unwrap();
        if health["compression"]["complete"] == true {
            break health;
        }
        assert!(Instant::now() < deadline, "compression never finished");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(health["load_ms"].is_u64(), "{health}");
    let pages = server.state.site().paths().len() as u64;
    // Every path, and an error page of each kind in each language.
    assert!(health["compression"]["pages"].as_u64().unwrap() > pages);
    assert_eq!(
        health["compression"]["finished"],
        health["compression"]["pages"]
    );

    // Then brotli 11, and gzip 9 for gzip-only clients.
    let br = server
        .get_with(path, &[("accept-encoding", "br, gzip")])
        .await;
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert!(br.header("etag").unwrap().ends_with("-br\""));
    assert_eq!(decoded(&br), identity);
    let gz = server.get_with(path, &[("accept-encoding", "gzip")]).await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert!(gz.header("etag").unwrap().ends_with("-gz\""));
    assert_eq!(decoded(&gz), identity);
    assert!(gz.bytes.len() <= first.bytes.len() || first.header("content-encoding") == Some("br"));

    // A client holding the quick copy has the current page.
    let revalidated = server
        .get_with(
            path,
            &[("accept-encoding", "br, gzip"), ("if-none-match", &etag)],
        )
        .await;
    assert_eq!(revalidated.status, 304);
}

#[tokio::test]
async fn a_reload_compresses_only_the_pages_that_changed() {
    let dir = tempfile::tempdir().unwrap();
    let file = charter_with_note(dir.path(), "first");
    // Both loads on the same threads, as a server's reloads are.
    let options = SiteOptions::default();
    let before = Site::load(&file, &options).unwrap();
    before.finish_all();

    // The same office-information text changed again.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace(" working days (", " working days (edited "),
    )
    .unwrap();
    let after = Site::load(&file, &options).unwrap();

    let changed = "/en/services/office-information";
    assert_ne!(
        before.page(changed).unwrap().etag(),
        after.page(changed).unwrap().etag()
    );
    assert!(!after.page(changed).unwrap().is_finished());
    for unchanged in [
        "/bn/services/office-information",
        "/en/services/ict-training",
        "/bn/",
        "/en/contact",
        "/en/services/ict-training/qr.svg",
    ] {
        let (old, new) = (
            before.page(unchanged).unwrap(),
            after.page(unchanged).unwrap(),
        );
        assert_eq!(old.etag(), new.etag(), "{unchanged}");
        assert!(new.is_finished(), "{unchanged} kept its copies");
    }
    let state = after.compression();
    assert!(
        state.finished > 0 && state.finished < state.pages,
        "{state:?}"
    );
}

#[tokio::test]
async fn a_site_keeping_brotli_only_sends_every_coding_all_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let file = charter_with_note(dir.path(), "first");
    let kept = Site::load(&file, &SiteOptions::default()).unwrap();
    let options = SiteOptions {
        copies: Copies::Brotli,
        ..SiteOptions::default()
    };
    let site = Site::load(&file, &options).unwrap();
    assert_eq!(site.copies, Copies::Brotli);
    // What the site holds: the compressed copies, a fraction of the pages.
    let (with, without) = (kept.compression().bytes, site.compression().bytes);
    assert!(without * 2 < with, "{without} of {with}");
    for path in site.paths() {
        let (a, b) = (kept.page(path).unwrap(), site.page(path).unwrap());
        assert_eq!(a.identity(), b.identity(), "{path}");
        assert_eq!(a.etag(), b.etag(), "{path}");
    }
    let server = TestServer::serve(site, &file).await;
    let path = "/en/services/office-information";
    let expected = kept.page(path).unwrap().identity();
    // Before its smallest copies and after.
    for finished in [false, true] {
        if finished {
            server.state.site().finish_all();
        }
        let plain = server
            .get_with(path, &[("accept-encoding", "identity")])
            .await;
        assert_eq!(plain.status, 200);
        assert_eq!(plain.header("content-encoding"), None);
        assert_eq!(plain.bytes, expected);
        let etag = plain.header("etag").unwrap();
        assert_eq!(etag, format!("\"{}\"", kept.page(path).unwrap().etag()));
        let length = plain.header("content-length").unwrap();
        assert_eq!(length, expected.len().to_string());
        let revalidated = server
            .get_with(
                path,
                &[("accept-encoding", "identity"), ("if-none-match", etag)],
            )
            .await;
        assert_eq!(revalidated.status, 304, "finished: {finished}");
        let gz = server.get_with(path, &[("accept-encoding", "gzip")]).await;
        assert_eq!(decoded(&gz), expected);
        let br = server.get_with(path, &[("accept-encoding", "br")]).await;
        assert_eq!(decoded(&br), expected);
    }
    // Once finished: the page holds brotli only, sent as kept; a gzip-only
    // client gets gzip made for it, under a tag of its own that
    // revalidates.
    let kept_gzip = server.state.site().page(path).unwrap().finish().gzip.len();
    assert_eq!(kept_gzip, 0, "no gzip copy kept");
    let br = server
        .get_with(path, &[("accept-encoding", "br, gzip")])
        .await;
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.bytes, kept.page(path).unwrap().finish().brotli);
    let gz = server.get_with(path, &[("accept-encoding", "gzip")]).await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    let etag = gz.header("etag").unwrap();
    assert_eq!(etag, format!("\"{}-gz6\"", kept.page(path).unwrap().etag()));
    assert_eq!(
        gz.header("content-length"),
        Some(&*gz.bytes.len().to_string())
    );
    let revalidated = server
        .get_with(
            path,
            &[("accept-encoding", "gzip"), ("if-none-match", etag)],
        )
        .await;
    assert_eq!(revalidated.status, 304);
    assert_eq!(revalidated.header("etag"), Some(etag));
}
