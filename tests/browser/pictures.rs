//! Pictures for people to look at: every kind of page on a desktop and a
//! phone, and the service tables printed to PDF as the office would.

use fantoccini::wd::{PrintConfiguration, PrintMargins, PrintOrientation, PrintSize};

use crate::support::{DESKTOP, Languages, MOBILE, run, save};

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
        for lang in ["bn", "en"] {
            for (name, path) in PAGES {
                b.open(&path.replace("{lang}", lang)).await;
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

#[test]
fn the_service_tables_print_on_a4_landscape() {
    run(Languages::Bangla, |b| async move {
        for lang in ["bn", "en"] {
            b.open(&format!("/{lang}/services")).await;
            // What the print dialog sends by default: A4, no backgrounds.
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
            save(&format!("{lang}-services-print.pdf"), &pdf);
        }
    });
}
