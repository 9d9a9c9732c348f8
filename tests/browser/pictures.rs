//! Pictures for people to look at: every kind of page on a desktop and a
//! phone, and the service tables printed to PDF as the office would.

use fantoccini::wd::{PrintConfiguration, PrintMargins, PrintOrientation, PrintSize};

use crate::pdf::{pdf_names, pdf_page_texts};
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

#[test]
fn the_printed_services_table_carries_the_date() {
    run(Languages::Bangla, |b| async move {
        // The fixture has `last_updated`; the bundled charter has none.
        let fixture = &fixture_server().base;
        let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
        for (lang, heading, date) in [
            (
                "bn",
                "প্রতিশ্রুত সেবাসমূহ",
                "সর্বশেষ হালনাগাদ: ১৪ এপ্রিল ২০২৬ (১ বৈশাখ ১৪৩৩ বঙ্গাব্দ)",
            ),
            ("en", "Promised services", "Last updated: 14 April 2026"),
        ] {
            b.open(&format!("{fixture}/{lang}/services")).await;
            let pdf = print(&b).await;
            let file = save(&format!("{lang}-services-dated-print.pdf"), &pdf);
            let pages: Vec<String> = pdf_page_texts(&pdf).iter().map(|p| squeeze(p)).collect();
            assert!(
                pages.first().is_some_and(|p| p.contains(&squeeze(heading))),
                "{}: the first page's text is read: {pages:?}",
                file.display()
            );
            // Under the office's header on the first page, and only there:
            // the footer, which has it on screen, is not printed.
            assert!(
                pages[0].contains(&squeeze(date)),
                "{}: {date} on the first page: {}",
                file.display(),
                pages[0]
            );
            let label = squeeze(date.split(':').next().unwrap());
            assert_eq!(
                pages.concat().matches(&label).count(),
                1,
                "{}",
                file.display()
            );
        }
    });
}
