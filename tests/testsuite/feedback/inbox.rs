//! The office's inbox: newest first by page and service, escaped, its
//! tenancy, marking handled, the counts on the staff home, the CSV, the
//! audit log, and retention.

use citizen_charter::store::NewReport;

use super::report;
use crate::staff::{StaffServer, field, texts};

/// A report of `office` kept `days_ago`, about `page`.
fn old(office: &str, page: &str, service: &str, days_ago: i64, contact: &str) -> NewReport {
    NewReport {
        office: office.into(),
        page: page.into(),
        service: service.into(),
        lang: "bn".into(),
        category: "wrong".into(),
        body: format!("{days_ago} days ago"),
        contact: contact.into(),
        at: citizen_charter::store::now() - days_ago * 24 * 60 * 60,
    }
}

#[tokio::test]
async fn staff_read_their_office_s_reports_escaped_newest_first() {
    let server = StaffServer::folder().await;
    server.account("editor-a", Some("haluaghat")).await;
    let mut citizen = server.browser("haluaghat.localhost");
    let hostile = "<script>alert(1)</script> <a href=\"http://evil.example\">click</a> https://evil.example/x";
    for (page, text) in [
        ("/bn/services/ict-advice", "প্রথম"),
        ("/en/contact", hostile),
        ("/bn/services/ict-training", "তৃতীয়"),
    ] {
        assert_eq!(
            report(&mut citizen, &page[1..3], page, "wrong", text, "")
                .await
                .status,
            303
        );
    }
    let mut at_b = server.browser("savar.localhost");
    report(&mut at_b, "en", "/en/", "wrong", "savar's own", "").await;

    let mut clerk = server.browser("haluaghat.localhost");
    clerk.sign_in("editor-a").await;
    let inbox = clerk.get("/en/staff/feedback").await;
    assert_eq!(inbox.status, 200);
    assert_eq!(inbox.header("cache-control"), Some("no-store"));
    let cells = texts(&inbox, "td.feedback-text");
    let order: Vec<&str> = cells.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(order[0], "তৃতীয়", "newest first: {order:?}");
    assert_eq!(*order.last().unwrap(), "প্রথম");
    assert!(
        !inbox.body.contains("savar's own"),
        "no other office's report"
    );
    // Escaped, and no link made of the text.
    assert!(!inbox.body.contains("<script>alert(1)"));
    assert!(
        inbox
            .body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62;")
    );
    assert!(!inbox.body.contains("href=\"http://evil.example\""));
    assert!(!inbox.body.contains("href=\"https://evil.example/x\""));
    assert!(cells.contains(hostile), "shown as it was sent");
    // By service.
    let one = clerk.get("/en/staff/feedback?service=ict-training").await;
    let cells = texts(&one, "td.feedback-text");
    assert_eq!(cells.trim(), "তৃতীয়");
    assert!(texts(&one, "td").contains("(/bn/services/ict-training)"));

    // The staff home counts the last 30 days per service.
    server
        .store
        .add_report(&old(
            "haluaghat",
            "/bn/services/ict-advice",
            "ict-advice",
            40,
            "",
        ))
        .await
        .unwrap();
    let home = clerk.get("/bn/staff/").await;
    let counts = texts(&home, ".feedback-counts li");
    assert!(counts.contains(": ১"), "{counts}");
    assert!(counts.contains("অন্য পাতা: ১"), "{counts}");
    assert!(
        !counts.contains("২"),
        "a 40-day-old report is not counted: {counts}"
    );
}

#[tokio::test]
async fn marking_handled_keeps_a_note_deletes_the_contact_and_is_audited() {
    let server = StaffServer::folder().await;
    server.account("editor-a", Some("haluaghat")).await;
    let mut citizen = server.browser("haluaghat.localhost");
    report(
        &mut citizen,
        "bn",
        "/bn/",
        "outdated",
        "ফোন নম্বর পুরোনো",
        "01711223344",
    )
    .await;
    let mut at_b = server.browser("savar.localhost");
    report(&mut at_b, "bn", "/bn/", "outdated", "B", "b@example.com").await;
    let a_id = server
        .store
        .reports(Some("haluaghat"), None, 1)
        .await
        .unwrap()[0]
        .id;
    let b_id = server.store.reports(Some("savar"), None, 1).await.unwrap()[0].id;

    let mut clerk = server.browser("haluaghat.localhost");
    clerk.sign_in("editor-a").await;
    let inbox = clerk.get("/bn/staff/feedback").await;
    assert!(inbox.body.contains("01711223344"));
    let csrf = field(&inbox, "csrf");
    // Another office's report, from one's own inbox: not found, untouched.
    let reply = clerk
        .post(
            &format!("/bn/staff/feedback/{b_id}/handled"),
            &[("csrf", &csrf), ("note", "x")],
        )
        .await;
    assert_eq!(reply.status, 404);
    assert_eq!(
        server.store.report(b_id).await.unwrap().unwrap().handled_at,
        0
    );
    // Without the session's token: refused.
    let reply = clerk
        .post(
            &format!("/bn/staff/feedback/{a_id}/handled"),
            &[("csrf", "0"), ("note", "x")],
        )
        .await;
    assert_eq!(reply.status, 403);
    let reply = clerk
        .post(
            &format!("/bn/staff/feedback/{a_id}/handled"),
            &[("csrf", &csrf), ("note", "নম্বর ঠিক করা হয়েছে\u{202E}")],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    let handled = server.store.report(a_id).await.unwrap().unwrap();
    assert!(handled.handled_at > 0);
    assert_eq!(handled.handled_by, "editor-a");
    assert_eq!(handled.note, "নম্বর ঠিক করা হয়েছে");
    assert_eq!(handled.sent.contact, "", "the contact goes once handled");
    let inbox = clerk.get("/bn/staff/feedback").await;
    assert!(!inbox.body.contains("01711223344"));
    assert!(inbox.body.contains("editor-a নিষ্পন্ন করেছেন"));
    // Viewing, marking and exporting are in the audit log.
    let csv = clerk.get("/bn/staff/feedback.csv").await;
    assert_eq!(csv.status, 200);
    let log = server
        .store
        .audit_entries(Some("haluaghat"), 50)
        .await
        .unwrap();
    for action in ["feedback-view", "feedback-handled", "feedback-export"] {
        assert!(
            log.iter()
                .any(|e| e.action == action && e.account.as_deref() == Some("editor-a")),
            "{action} is audited"
        );
    }
}

#[tokio::test]
async fn the_csv_opens_right_in_a_spreadsheet() {
    let server = StaffServer::single().await;
    server.account("clerk", Some("charter")).await;
    let mut citizen = server.browser("charter.localhost");
    for text in [
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "+1 ভুল",
        "-2",
        "@SUM(A1)",
        "ফি \"৫০\" টাকা",
    ] {
        assert_eq!(
            report(&mut citizen, "bn", "/bn/", "wrong", text, "")
                .await
                .status,
            303
        );
    }
    let mut clerk = server.browser("charter.localhost");
    clerk.sign_in("clerk").await;
    let csv = clerk.get("/en/staff/feedback.csv").await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        csv.header("content-disposition"),
        Some("attachment; filename=\"reports-charter.csv\"")
    );
    assert_eq!(csv.header("cache-control"), Some("no-store"));
    assert!(
        csv.bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "a byte-order mark"
    );
    let text = csv.body.trim_start_matches('\u{FEFF}');
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 6);
    assert!(lines[0].starts_with("\"When\",\"Office\",\"Page\""));
    for neutral in [
        "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"",
        "\"'+1 ভুল\"",
        "\"'-2\"",
        "\"'@SUM(A1)\"",
        "\"ফি \"\"৫০\"\" টাকা\"",
    ] {
        assert!(text.contains(neutral), "{neutral} in {text}");
    }
    // No cell of the file starts a formula.
    for line in &lines {
        for cell in line.split("\",\"") {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
}

#[tokio::test]
async fn old_reports_go_and_contacts_go_sooner() {
    let server = StaffServer::single().await;
    server.account("clerk", Some("charter")).await;
    let store = &server.store;
    for (days, contact) in [
        (400, "01711000001"),
        (366, ""),
        (100, "01711000002"),
        (10, "01711000003"),
    ] {
        store
            .add_report(&old("charter", "/bn/", "", days, contact))
            .await
            .unwrap();
    }
    // Handled or not: an old handled report goes too.
    let handled = store.reports(None, None, 10).await.unwrap();
    let oldest = handled
        .iter()
        .find(|r| r.sent.body == "400 days ago")
        .unwrap();
    assert!(
        store
            .mark_handled(oldest.id, "charter", "clerk", "")
            .await
            .unwrap()
    );
    assert_eq!(server.feedback.prune().await.unwrap(), 2);
    let mut clerk = server.browser("charter.localhost");
    clerk.sign_in("clerk").await;
    let inbox = clerk.get("/en/staff/feedback").await;
    let cells = texts(&inbox, "td.feedback-text");
    assert!(
        !cells.contains("400 days ago") && !cells.contains("366 days ago"),
        "{cells}"
    );
    assert!(cells.contains("100 days ago") && cells.contains("10 days ago"));
    assert!(
        !inbox.body.contains("01711000002"),
        "past 90 days, no contact"
    );
    assert!(
        inbox.body.contains("01711000003"),
        "a recent contact is kept"
    );
}
