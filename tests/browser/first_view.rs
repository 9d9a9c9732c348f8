//! The first view of a page: what a phone downloads to show it, with Noto
//! Sans Bengali installed (most of the citizens' Android phones) and
//! without it. Each page is opened in a browser of its own, so that nothing
//! comes from its cache.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::Value;

use crate::support::{Browser, Fonts, Languages, MOBILE, run, run_with_fonts, server, skip};

/// The Bangla pages most visitors open first.
const PAGES: [&str; 3] = ["/bn/", "/bn/services", "/bn/services/ict-training"];

/// Most bytes a first view may transfer: what a server sends in the first
/// round trip of a new connection (TCP's initial window of ten segments).
const MAX_BYTES: u64 = 14 * 1024;

/// Most requests: the page, its stylesheet and its icon.
const MAX_REQUESTS: usize = 3;

/// What this server's response headers take, rounded up (about 700
/// bytes, most of them security headers). Resource Timing counts 300 for
/// any response's, so its `transferSize` is the body plus 300.
const HEADERS: u64 = 1024;

/// One response the page needed: path, bytes transferred (headers
/// included), body bytes as sent.
#[derive(Debug)]
struct Fetched {
    path: String,
    transfer: u64,
    body: u64,
}

/// The page and every file it fetched (its icon too, in Chromium), from
/// Resource Timing, once its fonts are in (or failed): a font is fetched
/// only when text needs it.
async fn fetched(b: &Browser) -> Vec<Fetched> {
    b.fonts_ready().await;
    let entries = b
        .eval(
            "return [...performance.getEntriesByType('navigation'),\n\
                     ...performance.getEntriesByType('resource')]\n\
               .map(e => [new URL(e.name).pathname, e.transferSize, e.encodedBodySize])",
        )
        .await;
    entries
        .as_array()
        .expect("a list of entries")
        .iter()
        .map(|e| Fetched {
            path: e[0].as_str().unwrap_or_default().to_string(),
            transfer: e[1].as_u64().unwrap_or(0),
            body: e[2].as_u64().unwrap_or(0),
        })
        .collect()
}

/// Waits until the server has every page's smallest copy (brotli 11), which
/// it makes in the first second or so after a load and sends from then on.
async fn smallest_copies(b: &Browser) {
    for _ in 0..600 {
        let health = reqwest::get(b.url("/healthz"))
            .await
            .expect("/healthz answers")
            .text()
            .await
            .unwrap_or_default();
        if health.contains("\"complete\":true") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the pages' smallest copies were not made within a minute");
}

/// Whether the system has Noto Sans Bengali's regular and bold faces, asked
/// by their names, which no stylesheet can shadow.
async fn installed(b: &Browser) -> bool {
    let found = b
        .eval_async(
            "Promise.all(['NotoSansBengali-Regular', 'NotoSansBengali-Bold'].map(name =>\n\
               new FontFace('probe ' + name, `local(\"${name}\")`).load().then(() => true, () => false)))\n\
             .then(found => done(found.every(Boolean)))",
        )
        .await;
    found == Value::Bool(true)
}

/// The font files among `fetched`.
fn fonts(fetched: &[Fetched]) -> Vec<&str> {
    fetched
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| p.ends_with(".woff2"))
        .collect()
}

const NO_FONT: &str = "Noto Sans Bengali is not installed, and the first view is measured \
                       with it. Install it with: apt-get install fonts-noto-core";

#[test]
fn a_bangla_first_view_is_at_most_14_kb_in_3_requests_where_the_font_is_installed() {
    let missing = Arc::new(AtomicBool::new(false));
    for page in PAGES {
        let flag = Arc::clone(&missing);
        run(Languages::Bangla, move |b| async move {
            smallest_copies(&b).await;
            b.open(page).await;
            if !installed(&b).await {
                flag.store(true, Ordering::Relaxed);
                return;
            }
            let view = fetched(&b).await;
            for f in &view {
                // Headers and body when fetched; zero from a cache.
                assert!(f.transfer > f.body, "{page}: {f:?} was not fetched");
            }
            let timed: u64 = view.iter().map(|f| f.transfer).sum();
            let bytes: u64 = view.iter().map(|f| f.body + HEADERS).sum();
            let summary = format!(
                "{page}: {bytes} bytes ({timed} by Resource Timing) in {} requests: {view:?}",
                view.len()
            );
            println!("{summary}");
            assert!(bytes <= MAX_BYTES, "over {MAX_BYTES} bytes: {summary}");
            assert!(
                view.len() <= MAX_REQUESTS,
                "over {MAX_REQUESTS} requests: {summary}"
            );
            assert_eq!(fonts(&view), Vec::<&str>::new(), "{summary}");
        });
        if missing.load(Ordering::Relaxed) {
            skip(NO_FONT);
            return;
        }
    }
}

#[test]
fn the_screen_faces_find_the_installed_font_by_its_face_names() {
    // Where a browser cannot match the system font by its family name
    // (Chromium on Android), the bundled family's local() sources must.
    let missing = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&missing);
    run(Languages::Bangla, move |b| async move {
        b.open("/bn/").await;
        if !installed(&b).await {
            flag.store(true, Ordering::Relaxed);
            return;
        }
        let faces = b
            .eval_async(
                "const faces = [...document.fonts].filter(f =>\n\
                   f.family.replace(/\"/g, '') === 'Installed or bundled Noto Sans Bengali');\n\
                 Promise.all(faces.map(f => f.load())).then(\n\
                   () => done(faces.map(f => f.weight + ' ' + f.status)),\n\
                   e => done(['failed: ' + e]))",
            )
            .await;
        assert_eq!(faces, serde_json::json!(["400 loaded", "700 loaded"]));
        let view = fetched(&b).await;
        assert_eq!(
            fonts(&view),
            Vec::<&str>::new(),
            "both faces are the installed ones: {view:?}"
        );
    });
    if missing.load(Ordering::Relaxed) {
        skip(NO_FONT);
    }
}

#[test]
fn without_the_installed_font_a_page_downloads_only_the_bundled_faces_of_its_script() {
    run_with_fonts(
        Languages::Bangla,
        Fonts::WithoutNotoSansBengali,
        |b| async move {
            b.open("/bn/").await;
            assert!(!installed(&b).await, "the browser still finds the font");
            let view = fetched(&b).await;
            println!("/bn/ without the font: {view:?}");
            let files = fonts(&view);
            assert_eq!(files.len(), 2, "{view:?}");
            for face in ["bengali-400", "bengali-700"] {
                assert!(
                    files.iter().any(|f| f.contains(face)),
                    "{face} is fetched: {view:?}"
                );
            }
            let bundled = b
                .eval(
                    "return document.fonts.check('16px \"Installed or bundled Noto Sans Bengali\"', 'সেবা')",
                )
                .await;
            assert_eq!(bundled, true, "Bangla text has the bundled font");
        },
    );
    // Latin text takes the system's fonts on screen, and the one Bangla
    // word, the link to the Bangla page, the system's Bangla font.
    run_with_fonts(
        Languages::Bangla,
        Fonts::WithoutNotoSansBengali,
        |b| async move {
            b.open("/en/").await;
            let view = fetched(&b).await;
            println!("/en/ without the font: {view:?}");
            assert_eq!(fonts(&view), Vec::<&str>::new(), "{view:?}");
        },
    );
}

/// Most layout shift (CLS) the bundled faces' arrival may cause on a
/// phone without the font. One line wrapped differently near the top of
/// the screen costs about 0.015 (what the swap cost before the stand-in);
/// the worst measured with it, a line rewrapped near the bottom of a
/// 360 px screen, about 0.005.
const MAX_SWAP_SHIFT: f64 = 0.01;

/// Widths of the phones measured, in CSS pixels.
const PHONES: [u32; 3] = [MOBILE, 360, 412];

#[test]
fn without_the_installed_font_the_bundled_faces_arrival_barely_moves_a_page() {
    // When the faces arrive depends on the network; so the swap is made
    // here, the same at every run: the page with its fonts in, drawn with
    // its stack less the bundled family (as before they arrive), then
    // with it again. The browser's own layout-shift entries measure that
    // last step.
    let mut pages: Vec<String> = (server().paths.iter())
        .filter(|p| p.starts_with("/bn/"))
        .cloned()
        .collect();
    pages.extend(
        [
            "/bn/search",
            "/bn/search?q=%E0%A6%AA%E0%A7%8D%E0%A6%B0%E0%A6%B6%E0%A6%BF%E0%A6%95%E0%A7%8D%E0%A6%B7%E0%A6%A3",
            "/bn/no-such-page",
        ]
        .map(String::from),
    );
    run_with_fonts(
        Languages::Bangla,
        Fonts::WithoutNotoSansBengali,
        |b| async move {
            let mut worst = (0.0, String::new());
            for width in PHONES {
                b.viewport(width, 800).await;
                for page in &pages {
                    b.open(page).await;
                    let measured = b
                        .eval_async(
                            "const frames = () => new Promise(r =>\n\
                               requestAnimationFrame(() => requestAnimationFrame(r)));\n\
                             const body = document.body.style;\n\
                             body.fontFamily = getComputedStyle(document.body).fontFamily\n\
                               .split(',').filter(f => !/Installed or bundled/.test(f)).join(',');\n\
                             frames().then(async () => {\n\
                               const shifts = [];\n\
                               new PerformanceObserver(l => shifts.push(...l.getEntries()))\n\
                                 .observe({type: 'layout-shift'});\n\
                               body.fontFamily = '';\n\
                               await frames();\n\
                               await new Promise(r => setTimeout(r, 100));\n\
                               done([shifts.reduce((sum, e) => sum + e.value, 0),\n\
                                 [...document.fonts].filter(f => f.status === 'loaded')\n\
                                   .map(f => f.family.replace(/\"/g, '') + ' ' + f.weight)]);\n\
                             })",
                        )
                        .await;
                    // Both the bundled faces and their stand-ins drew text.
                    for face in ["Installed or bundled", "Stand-in for"] {
                        for weight in [400, 700] {
                            let name = format!("{face} Noto Sans Bengali {weight}");
                            assert!(
                                measured[1]
                                    .as_array()
                                    .is_some_and(|l| l.contains(&name.into())),
                                "{page}: {face} {weight} is not loaded: {measured}"
                            );
                        }
                    }
                    let shift = measured[0].as_f64().expect("a number");
                    println!("{page} at {width} px: layout shift {shift:.4}");
                    if shift > worst.0 {
                        worst = (shift, format!("{page} at {width} px"));
                    }
                }
            }
            assert!(
                worst.0 <= MAX_SWAP_SHIFT,
                "the swap shifts {} by {:.4}, over {MAX_SWAP_SHIFT}",
                worst.1,
                worst.0
            );
        },
    );
}
