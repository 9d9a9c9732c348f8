//! Changing the charter in the browser: a form's change keeps the rest of
//! the file byte for byte, is shown, published and kept in the history
//! with who and why; a refused save keeps the text; a change based on an
//! older version is refused with what changed since; a version comes back
//! through the same check and publish; the audit log has it all.

use super::{StaffServer, bundled_text, field, texts};

/// Publishes the change kept, with `note`, from its preview.
async fn publish(browser: &mut super::Browser, base: &str, note: &str) -> crate::support::Reply {
    let preview = browser.get(&format!("{base}/preview")).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    let csrf = field(&preview, "csrf");
    let proposal = field(&preview, "proposal");
    browser
        .post(
            &format!("{base}/publish"),
            &[("csrf", &csrf), ("proposal", &proposal), ("note", note)],
        )
        .await
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[tokio::test]
async fn a_fee_changed_in_the_form_is_published_with_the_rest_of_the_file_as_it_was() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let file = server.file("charter");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let before = std::fs::read_to_string(&file).unwrap();
    let mut browser = server.browser("charter.localhost");
    browser.sign_in("rahima").await;
    let path = "/en/staff/services/ict-advice";
    let form = browser.get(path).await;
    assert_eq!(
        texts(&form, "h1"),
        "Service: Advice on ICT products and services",
        "an English page names the service in English"
    );
    let reply = browser
        .submit(path, None, &[("fee_bn", "১০০ টাকা"), ("fee_en", "Tk 100")])
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(reply.header("location"), Some("/en/staff/preview"));
    let preview = browser.get("/en/staff/preview").await;
    assert!(
        texts(&preview, "main")
            .contains("Change of the service Advice on ICT products and services"),
        "the change is named by the service's name: {}",
        texts(&preview, "main")
    );
    let shown = texts(&preview, ".staff-diff");
    assert!(shown.contains("Fee and payment method (বাংলা)"), "{shown}");
    assert!(shown.contains("Fee and payment method (English)"));
    assert!(shown.contains("Free of charge") && shown.contains("Tk 100"));
    assert!(texts(&preview, "h3").contains("Advice on ICT products and services"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        before,
        "nothing written yet"
    );
    let reply = publish(&mut browser, "/en/staff", "new fee from January").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    // The page answering the form leads to a page in Bangla that can be
    // asked for, not to the form's address (POST only).
    let html = scraper::Html::parse_document(&reply.body);
    let switch = scraper::Selector::parse(".lang-switch a").unwrap();
    let switch = html.select(&switch).next().unwrap().value().attr("href");
    assert_eq!(switch, Some("/bn/staff/"));
    assert_eq!(browser.get("/bn/staff/").await.status, 200);
    assert!(
        texts(&reply, "main").contains("published as version 2"),
        "{}",
        reply.body
    );
    let after = std::fs::read_to_string(&file).unwrap();
    let old = "fee = { bn = \"বিনামূল্যে\", en = \"Free of charge\" }";
    let at = before.match_indices(old).nth(1).unwrap().0;
    let expected = format!(
        "{}fee = {{ bn = \"১০০ টাকা\", en = \"Tk 100\" }}{}",
        &before[..at],
        &before[at + old.len()..]
    );
    assert_eq!(after, expected, "only the fee changed, byte for byte");
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o640, "the file keeps its mode");
    // The public page shows it at once (the reload was waited for).
    let public = browser.get("/en/services/ict-advice").await;
    assert!(public.body.contains("Tk 100"));
    // The history names who and why; the first version was a file.
    let history = browser.get("/en/staff/history").await;
    let text = texts(&history, ".staff-history");
    assert!(text.contains("rahima: “new fee from January”"), "{text}");
    assert!(text.contains("edited as a file"), "{text}");
    assert!(text.contains("Service changed: ict-advice"), "{text}");
    let log = server.store.audit_entries(None, 10).await.unwrap();
    let publish = log.iter().find(|e| e.action == "publish").unwrap();
    assert_eq!(publish.account.as_deref(), Some("rahima"));
    assert_eq!(publish.office.as_deref(), Some("charter"));
    assert!(
        publish
            .detail
            .contains("service:ict-advice: version 2; note: new fee from January")
    );
}

#[tokio::test]
async fn a_refused_save_keeps_the_clerk_s_text_and_shows_the_problem_beside_its_field() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let before = std::fs::read_to_string(server.file("charter")).unwrap();
    let mut browser = server.browser("charter.localhost");
    browser.sign_in("rahima").await;
    let path = "/bn/staff/services/ict-advice";
    let written = "নতুন নিয়মে ফি জমা দিতে হবে";
    let reply = browser
        .submit(
            path,
            None,
            &[("fee_bn", written), ("officer", "nobody-here")],
        )
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(field(&reply, "fee_bn"), written, "the text is kept");
    let errors = texts(&reply, ".staff-error");
    assert!(
        errors.contains("nobody-here"),
        "beside the officer: {errors}"
    );
    // Said in the page's language, as `charter check --lang bn` says it.
    let words = errors.replace("nobody-here", "");
    assert!(
        words
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(crate::support::is_bangla),
        "{errors}"
    );
    assert_eq!(
        std::fs::read_to_string(server.file("charter")).unwrap(),
        before
    );
    // The whole file: the problem with its line, the text kept.
    let broken = before.replacen("[charter]", "[charter\n", 1);
    let reply = browser
        .submit("/bn/staff/file", None, &[("text", &broken)])
        .await;
    assert_eq!(reply.status, 200);
    assert!(
        texts(&reply, ".staff-problems").contains("লাইন ১৭"),
        "{}",
        texts(&reply, ".staff-problems")
    );
    assert_eq!(field(&reply, "text"), broken);
}

#[tokio::test]
async fn a_change_based_on_an_older_version_is_refused_with_what_changed_since() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let file = server.file("charter");
    let mut browser = server.browser("charter.localhost");
    browser.sign_in("rahima").await;
    let path = "/en/staff/services/ict-advice";
    let page = browser.get(path).await;
    // Meanwhile, a save by SFTP changes another service's fee.
    let text = std::fs::read_to_string(&file).unwrap();
    let sftp = text.replacen("Immediately / 3 working days\"", "Within a day\"", 1);
    crate::support::save(&file, &sftp);
    server.deployment.file_changed("charter").await;
    let mut fields = super::form_fields(&page, None);
    fields.retain(|(k, _)| k != "fee_en");
    fields.push(("fee_en".into(), "Tk 50".into()));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = browser.post(path, &pairs).await;
    assert_eq!(reply.status, 409, "{}", reply.body);
    let said = texts(&reply, ".staff-problems");
    assert!(said.contains("edited as a file"), "{said}");
    assert!(said.contains("Information about the Department"), "{said}");
    assert!(said.contains("Within a day"), "{said}");
    assert_eq!(field(&reply, "fee_en"), "Tk 50", "the clerk's text is kept");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        sftp,
        "nothing overwritten"
    );
    // Sent again (now based on the file as it is), it goes through, and
    // keeps the other change.
    let fields = super::form_fields(&reply, None);
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(browser.post(path, &pairs).await.status, 303);
    assert_eq!(publish(&mut browser, "/en/staff", "").await.status, 200);
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(now.contains("Within a day") && now.contains("Tk 50"));
}

#[tokio::test]
async fn after_a_conflict_the_form_keeps_the_clerk_s_change_and_takes_the_others_own() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let file = server.file("charter");
    let mut browser = server.browser("charter.localhost");
    browser.sign_in("rahima").await;
    let path = "/en/staff/services/ict-advice";
    let page = browser.get(path).await;
    // Meanwhile, a save by SFTP changes the same service's time limit.
    let text = std::fs::read_to_string(&file).unwrap();
    let was = "en = \"Immediately / 3 working days (where applicable)\" }";
    assert!(text.contains(was));
    let sftp = text.replacen(was, "en = \"Within 2 working days\" }", 1);
    crate::support::save(&file, &sftp);
    server.deployment.file_changed("charter").await;
    // The clerk changes the fee, on the form as it was.
    let mut fields = super::form_fields(&page, None);
    fields.retain(|(k, _)| k != "fee_en");
    fields.push(("fee_en".into(), "Tk 50".into()));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = browser.post(path, &pairs).await;
    assert_eq!(reply.status, 409, "{}", reply.body);
    assert_eq!(
        field(&reply, "fee_en"),
        "Tk 50",
        "the clerk's change is kept"
    );
    assert_eq!(
        field(&reply, "time_limit_en"),
        "Within 2 working days",
        "the other change is in the form, not the clerk's old text"
    );
    // Sent again as it is, both changes are published.
    let fields = super::form_fields(&reply, None);
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(browser.post(path, &pairs).await.status, 303);
    assert_eq!(publish(&mut browser, "/en/staff", "").await.status, 200);
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(now.contains("Within 2 working days"), "{now}");
    assert!(now.contains("Tk 50"), "{now}");
}

#[tokio::test]
async fn after_a_conflict_an_officer_s_form_keeps_the_clerk_s_change_only() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let file = server.file("charter");
    let mut browser = server.browser("charter.localhost");
    browser.sign_in("rahima").await;
    let path = "/en/staff/officers/assistant-programmer";
    let page = browser.get(path).await;
    // Meanwhile, a save by SFTP changes the officer's phone.
    let text = std::fs::read_to_string(&file).unwrap();
    let sftp = text.replacen("phone = \"02996673752\"", "phone = \"01711000000\"", 1);
    assert_ne!(sftp, text);
    crate::support::save(&file, &sftp);
    server.deployment.file_changed("charter").await;
    // The clerk changes the e-mail, on the form as it was.
    let mut fields = super::form_fields(&page, None);
    fields.retain(|(k, _)| k != "email");
    fields.push(("email".into(), "ict.haluaghat@example.gov.bd".into()));
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = browser.post(path, &pairs).await;
    assert_eq!(reply.status, 409, "{}", reply.body);
    assert_eq!(field(&reply, "email"), "ict.haluaghat@example.gov.bd");
    assert_eq!(
        field(&reply, "phone"),
        "01711000000",
        "the other change is in the form"
    );
    let fields = super::form_fields(&reply, None);
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(browser.post(path, &pairs).await.status, 303);
    assert_eq!(publish(&mut browser, "/en/staff", "").await.status, 200);
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(now.contains("phone = \"01711000000\""), "{now}");
    assert!(now.contains("ict.haluaghat@example.gov.bd"), "{now}");
}

#[tokio::test]
async fn a_version_is_restored_in_the_browser_through_the_same_check_and_publish() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let file = server.file("charter");
    let original = std::fs::read_to_string(&file).unwrap();
    let mut browser = server.browser("charter.localhost");
    browser.sign_in("rahima").await;
    let reply = browser
        .submit(
            "/en/staff/services/ict-advice",
            None,
            &[("fee_en", "Tk 100")],
        )
        .await;
    assert_eq!(reply.status, 303);
    assert_eq!(publish(&mut browser, "/en/staff", "fee").await.status, 200);
    assert_ne!(std::fs::read_to_string(&file).unwrap(), original);
    let reply = browser
        .submit(
            "/en/staff/history",
            Some("/en/staff/history/1/restore"),
            &[],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    let preview = browser.get("/en/staff/preview").await;
    assert!(
        texts(&preview, "main").contains("Restore of version 1"),
        "{}",
        preview.body
    );
    assert!(texts(&preview, ".staff-diff").contains("Tk 100"));
    assert_eq!(publish(&mut browser, "/en/staff", "undo").await.status, 200);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
    // Version 1 is still the file's, and the history tells of the way back.
    let history = texts(&browser.get("/en/staff/history").await, ".staff-history");
    assert!(history.contains("edited as a file"), "{history}");
    assert!(!history.contains("“undo”"), "{history}");
    assert!(history.contains("Back to version 1"), "{history}");
    assert!(
        browser
            .get("/en/services/ict-advice")
            .await
            .body
            .contains("Free of charge")
    );
    let log = server.store.audit_entries(None, 20).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "restore" && e.detail.contains("restore:1"))
    );
    // A version that is not there is not found.
    let csrf = field(&browser.get("/en/staff/history").await, "csrf");
    let reply = browser
        .post("/en/staff/history/99/restore", &[("csrf", &csrf)])
        .await;
    assert_eq!(reply.status, 404);
}

#[tokio::test]
async fn an_editor_cannot_change_the_office_s_addresses_and_the_other_forms_work() {
    let server = StaffServer::single().await;
    server.account("rahima", Some("charter")).await;
    let mut browser = server.browser("charter.localhost");
    browser.sign_in("rahima").await;
    let text = bundled_text().replace("doict.haluaghat.mymensingh.gov.bd", "elsewhere.gov.bd");
    let reply = browser
        .submit("/en/staff/file", None, &[("text", &text)])
        .await;
    assert_eq!(reply.status, 200);
    assert!(texts(&reply, ".staff-problems").contains("only be changed by the administrator"));
    // A new service, after the citizen services.
    let reply = browser
        .submit(
            "/en/staff/new-service",
            None,
            &[
                ("slug", "trade-licence"),
                ("name_bn", "ট্রেড লাইসেন্স"),
                ("name_en", "Trade licence"),
                ("delivery_bn", "আবেদন"),
                ("documents_bn", "জাতীয় পরিচয়পত্র"),
                ("fee_bn", "বিনামূল্যে"),
                ("time_limit_bn", "৩ দিন"),
            ],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    let preview = browser.get("/en/staff/preview").await;
    assert!(texts(&preview, "main").contains("Service added: ট্রেড লাইসেন্স / Trade licence"));
    assert_eq!(publish(&mut browser, "/en/staff", "").await.status, 200);
    assert_eq!(browser.get("/bn/services/trade-licence").await.status, 200);
    // The officer and the date.
    let reply = browser
        .submit(
            "/en/staff/officers/assistant-programmer",
            None,
            &[("phone", "01700000000")],
        )
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(publish(&mut browser, "/en/staff", "").await.status, 200);
    let reply = browser
        .submit("/en/staff/updated", None, &[("date", "2026-12-01")])
        .await;
    assert_eq!(reply.status, 303, "{}", reply.body);
    assert_eq!(publish(&mut browser, "/en/staff", "").await.status, 200);
    let file = std::fs::read_to_string(server.file("charter")).unwrap();
    assert!(file.contains("phone = \"01700000000\"") && file.contains("last_updated = 2026-12-01"));
    // And a service removed.
    let reply = browser
        .submit(
            "/en/staff/services/trade-licence",
            Some("/en/staff/services/trade-licence/remove"),
            &[],
        )
        .await;
    assert_eq!(reply.status, 303);
    assert!(texts(&browser.get("/en/staff/preview").await, "main").contains("Service removed"));
    assert_eq!(publish(&mut browser, "/en/staff", "").await.status, 200);
    assert_eq!(browser.get("/bn/services/trade-licence").await.status, 404);
}
