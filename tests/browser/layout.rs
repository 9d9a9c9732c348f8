//! Layout: narrow phones, zoom, the service tables.

use crate::support::{Browser, DESKTOP, Languages, MOBILE, all_pages, run};

/// Pages (with their width in CSS pixels) that scroll sideways.
async fn too_wide(b: &Browser, width: u32) -> Vec<String> {
    b.viewport(width, 800).await;
    let mut wide = Vec::new();
    for page in all_pages() {
        b.open(&page).await;
        let scroll = b
            .eval("return document.documentElement.scrollWidth")
            .await
            .as_u64()
            .unwrap_or(u64::MAX);
        if scroll > u64::from(width) {
            // Name the culprits, so the failure says what to fix.
            let culprits = b
                .eval(&format!(
                    "return [...document.querySelectorAll('body *')]\
                     .filter(e => e.getBoundingClientRect().right > {width} + 0.5)\
                     .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))"
                ))
                .await;
            wide.push(format!("{page}: {scroll} px ({culprits})"));
        }
    }
    wide
}

#[test]
fn no_page_scrolls_sideways_at_320_px() {
    run(Languages::Bangla, |b| async move {
        let wide = too_wide(&b, MOBILE).await;
        assert!(
            wide.is_empty(),
            "pages wider than {MOBILE} px:\n{}",
            wide.join("\n")
        );
    });
}

#[test]
fn no_page_scrolls_sideways_at_200_percent_zoom() {
    // A 1280 px window zoomed to 200 % lays pages out 640 CSS px wide.
    run(Languages::Bangla, |b| async move {
        let wide = too_wide(&b, DESKTOP / 2).await;
        assert!(
            wide.is_empty(),
            "pages wider than {} px:\n{}",
            DESKTOP / 2,
            wide.join("\n")
        );
    });
}

/// The service table's display, and the label shown before the fee cell.
async fn table_shape(b: &Browser) -> (String, String) {
    let shape = b
        .eval(
            "const t = document.querySelector('.charter-table');\n\
             const fee = t.querySelector('tbody td:nth-of-type(4)');\n\
             return [getComputedStyle(t).display, getComputedStyle(fee, '::before').content]",
        )
        .await;
    (
        shape[0].as_str().unwrap_or_default().to_string(),
        shape[1].as_str().unwrap_or_default().to_string(),
    )
}

#[test]
fn service_tables_are_tables_on_wide_screens_and_labelled_blocks_on_phones() {
    run(Languages::Bangla, |b| async move {
        for (page, fee) in [("/bn/services", "সেবার মূল্য"), ("/en/services", "Fee")]
        {
            b.viewport(DESKTOP, 900).await;
            b.open(page).await;
            let (display, label) = table_shape(&b).await;
            assert_eq!(display, "table", "{page} at {DESKTOP} px");
            assert!(
                label == "none" || label == "normal",
                "{page}: no cell labels on wide screens: {label}"
            );
            b.viewport(MOBILE, 800).await;
            let (display, label) = table_shape(&b).await;
            assert_eq!(display, "block", "{page} at {MOBILE} px");
            assert!(
                label.contains(fee),
                "{page}: the fee cell is labelled on phones: {label}"
            );
        }
    });
}
