//! axe-core on every page, in both languages, on a desktop and a phone.

use crate::support::{Browser, DESKTOP, Languages, MOBILE, all_pages, axe_source, run};

/// The rule sets the site promises to meet.
const TAGS: &str = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']";

/// axe's violations on the open page, one line per failing element.
pub async fn violations(b: &Browser, axe: &str) -> Vec<String> {
    b.eval(&format!("{axe}\nreturn typeof axe;")).await;
    let found = b
        .eval_async(&format!(
            "axe.run(document, {{ runOnly: {{ type: 'tag', values: {TAGS} }}, resultTypes: ['violations'] }})\n\
               .then(r => done(r.violations.flatMap(v => v.nodes.map(n =>\n\
                 `${{v.id}} (${{v.impact}}): ${{v.help}} at ${{n.target.join(' ')}}: ${{n.failureSummary.replace(/\\s+/g, ' ')}}`))))\n\
               .catch(e => done(['axe failed: ' + e]))"
        ))
        .await;
    found
        .as_array()
        .expect("a list of violations")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

fn check_every_page(width: u32) {
    let Some(axe) = axe_source() else { return };
    run(Languages::Bangla, move |b| async move {
        b.viewport(width, 900).await;
        let mut failures = Vec::new();
        let pages = all_pages();
        for page in &pages {
            b.open(page).await;
            let found = violations(&b, &axe).await;
            println!("axe at {width} px: {page}: {} violations", found.len());
            failures.extend(found.into_iter().map(|v| format!("{page}: {v}")));
        }
        assert!(
            failures.is_empty(),
            "axe-core found {} violations at {width} px:\n{}",
            failures.len(),
            failures.join("\n")
        );
        println!("axe at {width} px: {} pages, no violations", pages.len());
    });
}

#[test]
fn every_page_passes_axe_on_a_desktop() {
    check_every_page(DESKTOP);
}

#[test]
fn every_page_passes_axe_on_a_phone() {
    check_every_page(MOBILE);
}
