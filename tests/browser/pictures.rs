//! Pictures for people to look at: every kind of page on a desktop and a
//! phone, and the service tables printed to PDF as the office would.

use fantoccini::wd::{PrintConfiguration, PrintMargins, PrintOrientation, PrintSize};

use crate::support::{Browser, DESKTOP, Languages, MOBILE, fixture_server, run, save};

/// One page of each kind, by the name its pictures get.
const PAGES: &[(&str, &str)] = &[
    ("home", "/{lang}/"),
    ("services", "/{lang}/services"),
    ("service", "/{lang}/services/ict-training"),
    ("contact", "/{lang}/contact"),
    ("search", "/{lang}/search?q=training"),
    ("404", "/{lang}/no-such-page"),
];

#[test]
fn screenshots_of_every_kind_of_page() {
    run(Languages::Bangla, |b| async move {
        let fixture = &fixture_server().base;
        for lang in ["bn", "en"] {
            // The fixture's contact page has the grievance table.
            let grievance = format!("{fixture}/{lang}/contact");
            let pages = PAGES
                .iter()
                .map(|(name, path)| (*name, path.replace("{lang}", lang)))
                .chain([("grievance", grievance)]);
            for (name, path) in pages {
                b.open(&path).await;
                for (device, width) in [("desktop", DESKTOP), ("mobile", MOBILE)] {
                    let file = b
                        .screenshot(&format!("{lang}-{name}-{device}"), width)
                        .await;
                    assert!(file.metadata().map(|m| m.len() > 1000).unwrap_or(false));
                }
            }
        }
    });
}

/// The open page printed to PDF with what the print dialog sends by
/// default: A4 landscape, no backgrounds.
async fn print(b: &Browser) -> Vec<u8> {
    let config = PrintConfiguration::builder()
        .orientation(PrintOrientation::Landscape)
        .size(PrintSize::A4)
        .margins(PrintMargins {
            top: 0.0,
            bottom: 0.0,
            left: 0.0,
            right: 0.0,
        })
        .background(false)
        .shrink_to_fit(false)
        .build()
        .expect("print settings");
    let pdf = b.client.print(config).await.expect("print to PDF");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    pdf
}

#[test]
fn the_service_tables_print_on_a4_landscape() {
    run(Languages::Bangla, |b| async move {
        for lang in ["bn", "en"] {
            b.open(&format!("/{lang}/services")).await;
            // The screen has the installed font and Latin system fonts;
            // paper the bundled files, which a print starts to fetch but
            // does not wait for: the first print has the installed faces
            // of the same design (Noto) in their place.
            let first = pdf_names(&print(&b).await, "/BaseFont /");
            assert!(
                !first.is_empty() && first.iter().all(|f| f.contains("NotoSans")),
                "{lang}: the first print's fonts are Noto: {first:?}"
            );
            b.eval_async(
                "Promise.all([...document.fonts]\n\
                   .filter(f => f.family.replace(/\"/g, '') === 'Bundled Noto Sans Bengali')\n\
                   .map(f => f.status === 'unloaded' ? null : f.loaded)).then(() => done(true))",
            )
            .await;
            let fetched = b
                .eval(
                    "return performance.getEntriesByType('resource')\n\
                       .map(e => new URL(e.name).pathname).filter(p => p.endsWith('.woff2'))",
                )
                .await
                .to_string();
            let subsets: &[&str] = if lang == "bn" {
                &["bengali-400", "latin-400"]
            } else {
                &["latin-400"]
            };
            for subset in subsets {
                assert!(
                    fetched.contains(&format!("noto-sans-bengali-{subset}-normal.")),
                    "{lang}: printing fetched the bundled {subset}: {fetched}"
                );
            }

            // Every later print, as the notice board has it.
            let pdf = print(&b).await;
            let file = save(&format!("{lang}-services-print.pdf"), &pdf);
            let pages = pdf_names(&pdf, "/MediaBox [");
            assert!(!pages.is_empty(), "{}: no pages", file.display());
            for page in &pages {
                let size: Vec<f64> = page
                    .split_whitespace()
                    .filter_map(|n| n.trim_end_matches(']').parse().ok())
                    .collect();
                // A4 landscape is 842 × 595 points, as the page's @page asks.
                assert!(
                    size.len() == 4
                        && (size[2] - 841.9).abs() < 1.0
                        && (size[3] - 595.0).abs() < 1.0,
                    "{}: a page of {page}, not A4 landscape",
                    file.display()
                );
            }
            let fonts = pdf_names(&pdf, "/BaseFont /");
            assert!(
                !fonts.is_empty() && fonts.iter().all(|f| f.contains("NotoSansBengali")),
                "{}: every glyph comes from the bundled font, not a fallback: {fonts:?}",
                file.display()
            );
        }
    });
}

/// What follows each `key` in a PDF's uncompressed structure, up to the end
/// of the line or dictionary entry: page sizes, font names.
fn pdf_names(pdf: &[u8], key: &str) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices(key)
        .map(|(at, _)| {
            let rest = &text[at + key.len()..];
            let end = rest.find(['/', '\n', '>']).unwrap_or(rest.len());
            rest[..end].trim().to_string()
        })
        .collect()
}
