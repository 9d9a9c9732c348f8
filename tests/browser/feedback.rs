//! A citizen's report in a real browser, no script of the site's: from
//! a service page's foot to the form, sent as a screen-reader user would
//! send it (the field bots fill is out of their reach), the page after
//! it, and the office's clerk reading and handling it in the inbox. Every
//! page on the way passes axe and fits a 320 px phone.

use crate::staff::{check_page, fill, press, staff_site};
use crate::support::{Languages, axe_source, run};

const PASSWORD: &str = "ঘাসফুল নদীর পাড়ে বসে";

#[test]
fn a_citizen_reports_an_overcharge_and_the_clerk_reads_it() {
    let axe = axe_source();
    run(Languages::Bangla, move |b| async move {
        let (base, _dir) = staff_site().await;
        let mut failures = Vec::new();
        b.open(&format!("{base}/bn/services/ict-advice")).await;
        b.find("footer a[href^='/bn/feedback']")
            .await
            .click()
            .await
            .unwrap();
        b.location_after_leaving("/bn/services/ict-advice").await;
        assert_eq!(
            b.location().await,
            "/bn/feedback?page=%2Fbn%2Fservices%2Fict-advice"
        );
        b.fonts_ready().await;
        check_page(&b, &axe, "report form", &mut failures).await;

        // What assistive technology and the keyboard reach: every field
        // with its label, never the trap.
        let reached = b
            .eval(
                "const form = document.querySelector('form[action=\"/bn/feedback\"]');
                 return [...form.querySelectorAll('input, textarea, button')].map(el => ({
                   name: el.name || el.type,
                   hidden: !!el.closest('[aria-hidden=\"true\"]') || el.offsetParent === null,
                   tabbable: el.tabIndex >= 0,
                   label: el.labels && el.labels.length ? el.labels[0].innerText.trim() : el.innerText.trim(),
                 }));",
            )
            .await;
        let reached = reached.as_array().unwrap();
        for field in reached {
            let name = field["name"].as_str().unwrap();
            let hidden = field["hidden"].as_bool().unwrap();
            match name {
                "fb_site" => {
                    assert!(hidden, "the trap is out of sight and of the tree");
                    assert!(
                        !field["tabbable"].as_bool().unwrap(),
                        "and of the tab order"
                    );
                }
                "page" => assert!(hidden),
                _ => {
                    assert!(!hidden, "{name} is reachable");
                    assert!(!field["label"].as_str().unwrap().is_empty(), "{name}");
                }
            }
        }
        // Tab from the last field goes to the button, past the trap.
        b.find("#fb-contact")
            .await
            .send_keys("\u{E004}")
            .await
            .unwrap();
        let focused = b.eval("return document.activeElement.outerHTML").await;
        assert!(
            focused.as_str().unwrap().starts_with("<button"),
            "{focused}"
        );

        b.find("label[for='fb-overcharged']")
            .await
            .click()
            .await
            .unwrap();
        fill(&b, "fb-text", "ফি ৫০ টাকা লেখা, আমার কাছে ২০০ টাকা চাওয়া হলো").await;
        fill(&b, "fb-contact", "০১৭১১-২২৩৩৪৪").await;
        press(&b, "পাঠান").await;
        assert!(b.location().await.starts_with("/bn/feedback/sent?"));
        check_page(&b, &axe, "after the report", &mut failures).await;
        let said = b.find("main").await.text().await.unwrap();
        assert!(
            said.contains("ধন্যবাদ") && said.contains("জাতীয় অভিযোগ প্রতিকার ব্যবস্থা"),
            "{said}"
        );

        // The clerk reads it.
        b.open(&format!("{base}/bn/staff/")).await;
        fill(&b, "name", "rahima").await;
        fill(&b, "password", PASSWORD).await;
        press(&b, "সাইন ইন করুন").await;
        check_page(&b, &axe, "staff home with counts", &mut failures).await;
        let counts = b.find(".feedback-counts").await.text().await.unwrap();
        assert!(counts.contains(": ১"), "{counts}");
        b.open(&format!("{base}/bn/staff/feedback")).await;
        check_page(&b, &axe, "inbox", &mut failures).await;
        let inbox = b.find("main").await.text().await.unwrap();
        assert!(inbox.contains("আমার কাছে ২০০ টাকা চাওয়া হলো"), "{inbox}");
        assert!(inbox.contains("01711223344"), "{inbox}");
        fill(&b, "note-1", "ফোন করে জানানো হয়েছে").await;
        press(&b, "নিষ্পন্ন হিসেবে চিহ্নিত করুন").await;
        check_page(&b, &axe, "inbox after handling", &mut failures).await;
        let inbox = b.find("main").await.text().await.unwrap();
        assert!(inbox.contains("rahima নিষ্পন্ন করেছেন"), "{inbox}");
        assert!(!inbox.contains("01711223344"), "the contact is gone");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    });
}
