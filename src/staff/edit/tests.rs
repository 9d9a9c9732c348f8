use super::*;

fn bundled() -> String {
    include_str!("../../../charter.toml").to_string()
}

fn service(slug: &str) -> crate::charter::Service {
    let loaded = crate::charter::load_str("charter.toml", &bundled()).unwrap();
    loaded
        .charter
        .services
        .into_iter()
        .find(|s| s.slug.get_ref() == slug)
        .unwrap()
}

/// `after` is `before` with `from` replaced by `to` once, and nothing else.
fn only_changed(before: &str, after: &str, from: &str, to: &str) {
    assert_eq!(after, before.replacen(from, to, 1));
}

#[test]
fn a_fee_changed_in_the_form_changes_that_value_alone() {
    let source = bundled();
    let mut form = ServiceForm::of(&service("ict-advice"));
    assert_eq!(set_service(&source, "ict-advice", &form).unwrap(), source);
    form.cells[2] = Pair::new("১০০ টাকা", "Tk 100");
    let after = set_service(&source, "ict-advice", &form).unwrap();
    // The second service's fee is the file's second `fee = …` line.
    let at = source.match_indices("fee = ").nth(1).unwrap().0;
    let line_end = at + source[at..].find('\n').unwrap();
    let line = &source[at..line_end];
    assert_eq!(
        after,
        format!(
            "{}fee = {{ bn = \"১০০ টাকা\", en = \"Tk 100\" }}{}",
            &source[..at],
            &source[line_end..]
        ),
        "{line}"
    );
}

#[test]
fn a_list_item_changed_keeps_the_list_s_layout() {
    let source = bundled();
    let mut form = ServiceForm::of(&service("office-information"));
    form.cells[0].en = form.cells[0].en.replace("By e-mail", "By email");
    let after = set_service(&source, "office-information", &form).unwrap();
    only_changed(
        &source,
        &after,
        "en = \"By e-mail\" }",
        "en = \"By email\" }",
    );
}

#[test]
fn a_text_becomes_a_list_written_one_item_a_line() {
    let source = bundled();
    let mut form = ServiceForm::of(&service("ict-advice"));
    form.cells[2] = Pair::new("বিনামূল্যে\nঅনলাইনে", "Free\nOnline");
    let after = set_service(&source, "ict-advice", &form).unwrap();
    let fee = "fee = [\n  { bn = \"বিনামূল্যে\", en = \"Free\" },\n  { bn = \"অনলাইনে\", en = \"Online\" },\n]";
    assert!(after.contains(fee), "{after}");
    crate::charter::load_str("c", &after).unwrap();
    form.cells[2].en = "Free".into();
    assert_eq!(
        set_service(&source, "ict-advice", &form),
        Err(EditError::Fields(vec![FieldError {
            field: "fee_en".into(),
            message: "staff-error-lines"
        }]))
    );
}

#[test]
fn a_service_is_added_after_its_table_and_removed_whole() {
    let source = bundled();
    let mut form = ServiceForm::of(&service("ict-advice"));
    form.slug = "new-service".into();
    form.serial = "৪".into();
    form.name = Pair::new("নতুন সেবা", "New service");
    let after = add_service(&source, &form).unwrap();
    let loaded = crate::charter::load_str("c", &after).unwrap();
    let slugs: Vec<&str> = loaded
        .charter
        .services
        .iter()
        .map(|s| s.slug.get_ref().as_str())
        .collect();
    assert_eq!(slugs[3], "new-service", "{slugs:?}");
    assert_eq!(*loaded.charter.services[3].serial.get_ref(), 4);
    // Everything before and after the new table is as it was.
    let start = after
        .find("\n[[services]]\ngroup = \"citizen\"\nserial = 4")
        .unwrap();
    let end = start + after[start + 1..].find("\n[[services]]").unwrap() + 1;
    assert_eq!(format!("{}{}", &after[..start], &after[end..]), source);
    assert_eq!(remove_service(&after, "new-service").unwrap(), source);
    assert!(add_service(&source, &form.clone()).is_ok());
    form.slug = "ict-advice".into();
    assert!(matches!(
        add_service(&source, &form),
        Err(EditError::Fields(_))
    ));
    assert_eq!(remove_service(&source, "nowhere"), Err(EditError::NotFound));
}

#[test]
fn an_officer_and_the_date_change_alone() {
    let source = bundled();
    let loaded = crate::charter::load_str("c", &source).unwrap();
    let mut form = OfficerForm::of(&loaded.charter.officers[0]);
    form.phone = "01700000000".into();
    let after = set_officer(&source, "assistant-programmer", &form).unwrap();
    only_changed(
        &source,
        &after,
        "phone = \"02996673752\"",
        "phone = \"01700000000\"",
    );
    form.email = String::new();
    let after = set_officer(&source, "assistant-programmer", &form).unwrap();
    assert!(!after.contains("shakilcse96"));
    let dated = set_updated(&source, "2026-12-01").unwrap();
    assert!(dated.contains("last_updated = 2026-12-01\n"), "{dated}");
    let again = set_updated(&dated, "2026-12-02").unwrap();
    only_changed(&dated, &again, "2026-12-01", "2026-12-02");
    assert!(matches!(
        set_updated(&source, "1 Dec"),
        Err(EditError::Fields(_))
    ));
}

#[test]
fn a_file_the_editor_cannot_read_is_said_so() {
    let source = bundled().replacen("serial = 1", "serial = ১", 1);
    let form = ServiceForm::of(&service("ict-advice"));
    assert_eq!(
        set_service(&source, "ict-advice", &form),
        Err(EditError::Unreadable)
    );
}

#[test]
fn a_form_moved_onto_a_newer_version_keeps_only_what_the_clerk_changed() {
    let pair = |bn: &str, en: &str| Pair::new(bn, en);
    let base = OfficerForm {
        name: pair("ক", "A"),
        designation: pair("খ", "B"),
        phone: "01700000000".into(),
        email: "a@example.gov.bd".into(),
    };
    // Someone else changed the phone and the English designation.
    let now = OfficerForm {
        designation: pair("খ", "Officer"),
        phone: "01800000000".into(),
        ..base.clone()
    };
    // The clerk, on the form as it was, changed the e-mail only.
    let mine = OfficerForm {
        email: "b@example.gov.bd".into(),
        ..base.clone()
    };
    let moved = mine.rebased(&base, &now);
    assert_eq!(moved.email, "b@example.gov.bd", "the clerk's change kept");
    assert_eq!(moved.phone, "01800000000", "the other change not undone");
    assert_eq!(moved.designation, pair("খ", "Officer"));
    assert_eq!(moved.name, base.name);
    // Both changed one field: the clerk's text stays, to be looked at.
    let both = OfficerForm {
        phone: "01900000000".into(),
        ..base.clone()
    };
    assert_eq!(both.rebased(&base, &now).phone, "01900000000");
}
