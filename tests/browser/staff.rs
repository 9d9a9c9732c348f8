//! A clerk's whole task in a real browser, no script of the site's: sign
//! in, change a fee, see it on the public page, undo it from the history.
//! Every staff page on the way passes axe and fits a 320 px phone.

use std::sync::Arc;

use citizen_charter::feedback::{Feedback, FeedbackOptions};
use citizen_charter::server::{self, CpuPool, Deployment, Options, ServeOptions};
use citizen_charter::site::SiteOptions;
use citizen_charter::staff::{self, Staff, StaffOptions};
use citizen_charter::store::{NewAccount, Store};

use crate::accessibility::violations;
use crate::support::{Browser, DESKTOP, Languages, MOBILE, axe_source, root, run};

const PASSWORD: &str = "ঘাসফুল নদীর পাড়ে বসে";

/// The bundled charter with its staff area and citizens' reports, served on a free port until
/// the test ends: its address, and the folder that holds it.
pub async fn staff_site() -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let charter = dir.path().join("charter.toml");
    std::fs::copy(root().join("charter.toml"), &charter).unwrap();
    let state = dir.path().join("state");
    let deployment = Deployment::open(Options {
        registry: charter.with_extension("addresses.toml"),
        charter,
        site: SiteOptions::default(),
        directory_base: None,
        preview_port: None,
        state_dir: Some(state.clone()),
        history_limit: 100,
    })
    .unwrap();
    let store = Store::open_in(&state).await.unwrap();
    let account = NewAccount {
        name: "rahima".into(),
        office: Some("charter".into()),
        admin: false,
    };
    let account = store.add_account(&account).await.unwrap().unwrap();
    let token = staff::issue_link(&store, account.id, std::time::Duration::from_secs(60))
        .await
        .unwrap();
    let hash = staff::password::hash(&staff::password::normalized(PASSWORD));
    store
        .use_link(&staff::tokens::stored(&token), &hash)
        .await
        .unwrap();
    let cpu = CpuPool::new(2, false);
    let options = ServeOptions::default();
    let staff = Staff::new(
        store,
        Arc::clone(&deployment),
        cpu.clone(),
        StaffOptions::default(),
    )
    .await;
    let feedback = Feedback::new(staff.clone(), FeedbackOptions::default());
    let routes = staff::routes(staff).merge(citizen_charter::feedback::routes(feedback));
    let app = server::app_with(deployment, &options, cpu, routes);
    let listener = server::bind(([127, 0, 0, 1], 0).into()).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = server::serve_with(listener, app, &options, std::future::pending()).await;
    });
    (base, dir)
}

/// Sets the field `id` of the page to `value`, as typing would.
pub async fn fill(b: &Browser, id: &str, value: &str) {
    let script = format!(
        "const f = document.getElementById({}); f.value = {}; return f.value;",
        serde_json::to_string(id).unwrap(),
        serde_json::to_string(value).unwrap()
    );
    b.eval(&script).await;
}

/// Clicks the button that says `label`, and waits for the next page.
pub async fn press(b: &Browser, label: &str) {
    let from = b.location().await;
    let buttons = b
        .client
        .find_all(fantoccini::Locator::Css("button"))
        .await
        .unwrap();
    for button in buttons {
        if button.text().await.unwrap_or_default().trim() == label {
            button.click().await.unwrap();
            b.location_after_leaving(&from).await;
            b.fonts_ready().await;
            return;
        }
    }
    panic!("no button says {label} on {from}");
}

/// axe's findings on the page, on a desktop and on a phone, and whether
/// the page fits 320 px without scrolling sideways.
pub async fn check_page(b: &Browser, axe: &Option<String>, name: &str, failures: &mut Vec<String>) {
    for width in [DESKTOP, MOBILE] {
        b.viewport(width, 900).await;
        if let Some(axe) = axe {
            for v in violations(b, axe).await {
                failures.push(format!("{name} at {width} px: {v}"));
            }
        }
        let wide = b
            .eval("return document.documentElement.scrollWidth")
            .await
            .as_u64()
            .unwrap_or(0);
        if wide > u64::from(width) {
            failures.push(format!("{name}: {wide} px wide at {width} px"));
        }
    }
    b.viewport(DESKTOP, 900).await;
}

#[test]
fn a_clerk_changes_a_fee_sees_it_on_the_public_page_and_undoes_it() {
    let axe = axe_source();
    run(Languages::Bangla, move |b| async move {
        let (base, _dir) = staff_site().await;
        let mut failures = Vec::new();
        b.open(&format!("{base}/bn/staff/")).await;
        check_page(&b, &axe, "sign-in", &mut failures).await;
        fill(&b, "name", "rahima").await;
        fill(&b, "password", PASSWORD).await;
        press(&b, "সাইন ইন করুন").await;
        assert_eq!(b.location().await, "/bn/staff/");
        check_page(&b, &axe, "home", &mut failures).await;
        b.find("a[href='/bn/staff/services/ict-advice']")
            .await
            .click()
            .await
            .unwrap();
        b.location_after_leaving("/bn/staff/").await;
        check_page(&b, &axe, "service form", &mut failures).await;
        fill(&b, "fee_bn", "১০০ টাকা").await;
        fill(&b, "fee_en", "Tk 100").await;
        press(&b, "পরিবর্তন যাচাই করুন").await;
        assert_eq!(b.location().await, "/bn/staff/preview");
        check_page(&b, &axe, "preview", &mut failures).await;
        let diff = b.find(".staff-diff").await.text().await.unwrap();
        assert!(
            diff.contains("Tk 100") && diff.contains("বিনামূল্যে"),
            "{diff}"
        );
        fill(&b, "note", "নতুন ফি").await;
        press(&b, "প্রকাশ করুন").await;
        let said = b.find("main").await.text().await.unwrap();
        assert!(said.contains("সংস্করণ ২"), "{said}");
        b.open(&format!("{base}/bn/services/ict-advice")).await;
        let public = b.find("main").await.text().await.unwrap();
        assert!(
            public.contains("১০০ টাকা"),
            "the public page shows the new fee"
        );
        // Undo: version 1 from the history, checked, shown, published.
        b.open(&format!("{base}/bn/staff/history")).await;
        check_page(&b, &axe, "history", &mut failures).await;
        press(&b, "সংস্করণ ১ ফিরিয়ে আনুন").await;
        assert_eq!(b.location().await, "/bn/staff/preview");
        press(&b, "প্রকাশ করুন").await;
        b.open(&format!("{base}/bn/services/ict-advice")).await;
        let public = b.find("main").await.text().await.unwrap();
        assert!(!public.contains("১০০ টাকা"), "the fee is back");
        b.open(&format!("{base}/en/staff/file")).await;
        check_page(&b, &axe, "whole file", &mut failures).await;
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    });
}
