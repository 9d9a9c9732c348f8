//! What the importer refuses, and how it says so.

use super::*;

fn failure(text: &str) -> (ImportError, String) {
    let error = import(text).expect_err("the import fails");
    let message = error.to_string();
    (error, message)
}

#[test]
fn error_no_service_table() {
    for text in ["", "\n\n", HEAD, &HEAD.replace("২.১) নাগরিক সেবা\n", "")]
    {
        let (error, message) = failure(text);
        assert!(matches!(error, ImportError::NoServiceTable), "{error:?}");
        assert!(message.contains("২.১) নাগরিক সেবা"), "{message}");
    }
    // Rows of a table that is not a service table do not count.
    let text = HEAD.replace("২.১) নাগরিক সেবা", "৩) অভিযোগ প্রতিকার ব্যবস্থাপনা")
        + &service_row("১", "ক", OFFICER);
    assert!(matches!(failure(&text).0, ImportError::NoServiceTable));
}

#[test]
fn error_header_lines() {
    let text = portal(&[service_row("১", "ক", OFFICER)]).replace("উপজেলা কার্যালয়\n", "");
    let (error, message) = failure(&text);
    assert!(
        matches!(error, ImportError::HeaderLines { line: 6, found: 4 }),
        "{error:?}"
    );
    assert!(message.starts_with("line 6: "), "{message}");
}

#[test]
fn error_upazila_district() {
    let text =
        portal(&[service_row("১", "ক", OFFICER)]).replace("হালুয়াঘাট, ময়মনসিংহ", "হালুয়াঘাট ময়মনসিংহ");
    let (error, message) = failure(&text);
    assert!(
        matches!(error, ImportError::UpazilaDistrict { line: 4, .. }),
        "{error:?}"
    );
    assert!(message.starts_with("line 4: "), "{message}");
    assert!(message.contains("\"হালুয়াঘাট ময়মনসিংহ\""), "{message}");
}

#[test]
fn error_website() {
    let text = portal(&[service_row("১", "ক", OFFICER)])
        .replace("doict.haluaghat.mymensingh.gov.bd", "ওয়েবসাইট");
    let (error, message) = failure(&text);
    assert!(
        matches!(error, ImportError::Website { line: 5, .. }),
        "{error:?}"
    );
    assert!(message.starts_with("line 5: "), "{message}");
}

#[test]
fn error_missing_vision_or_mission() {
    let rows = [service_row("১", "ক", OFFICER)];
    let text = portal(&rows).replace("ভিশন: জ্ঞানভিত্তিক অর্থনীতি।\n", "");
    let (error, message) = failure(&text);
    assert!(
        matches!(error, ImportError::MissingStatement { what: "vision", .. }),
        "{error:?}"
    );
    assert!(message.contains("\"ভিশন:\""), "{message}");
    let text = portal(&rows).replace("মিশন: সুশাসন প্রতিষ্ঠা।\n", "");
    assert!(matches!(
        failure(&text).0,
        ImportError::MissingStatement {
            what: "mission",
            ..
        }
    ));
}

#[test]
fn error_cell_count() {
    let text = portal(&[
        service_row("১", "ক", OFFICER),
        row(&["২", "খ", "পদ্ধতি", "কাগজ", "ফি", "সময়"]),
    ]);
    let (error, message) = failure(&text);
    assert!(
        matches!(error, ImportError::CellCount { line: 12, found: 6 }),
        "{error:?}"
    );
    assert!(
        message.starts_with("line 12: this table row has 6 cells"),
        "{message}"
    );

    let too_many = service_row("১", "ক", OFFICER).replace('\n', "\textra\n");
    assert!(matches!(
        failure(&portal(&[too_many])).0,
        ImportError::CellCount { line: 11, found: 8 }
    ));
}

#[test]
fn error_orphan_continuation() {
    let text = portal(&[row(&["", "সহায়তা প্রদান", "", "", "", "", ""])]);
    let (error, message) = failure(&text);
    assert!(
        matches!(error, ImportError::OrphanContinuation { line: 11 }),
        "{error:?}"
    );
    assert!(message.starts_with("line 11: "), "{message}");
}

#[test]
fn error_text_in_table() {
    // "১." after "২.১)" is out of order: a list item cut off its row, not a heading.
    for stray in ["সহায়তা প্রদান\n", "১. সহায়তা প্রদান\n"]
    {
        let text = portal(&[service_row("১", "ক", OFFICER), stray.to_string()]);
        let (error, message) = failure(&text);
        assert!(
            matches!(
                error,
                ImportError::TextInTable {
                    line: 12,
                    table: "২.১ নাগরিক সেবা"
                }
            ),
            "{error:?}"
        );
        assert!(message.starts_with("line 12: "), "{message}");
    }
}

#[test]
fn error_serial_not_a_number() {
    let text = portal(&[service_row("১", "ক", OFFICER), service_row("খ", "খ", "")]);
    let (error, message) = failure(&text);
    assert!(matches!(&error, ImportError::SerialNotNumber { line: 12, found } if found == "খ"));
    assert!(
        message.starts_with("line 12: the service number"),
        "{message}"
    );
    // "১০." and "১০)" are numbers.
    let text = portal(&[
        service_row("১০.", "ক", OFFICER),
        service_row("১১)", "খ", ""),
    ]);
    let serials: Vec<_> = services(&import(&text).unwrap())
        .iter()
        .map(|s| s["serial"].clone())
        .collect();
    assert_eq!(serials, [toml::Value::from(10), toml::Value::from(11)]);
}

#[test]
fn error_duplicate_serial() {
    let text = portal(&[service_row("১", "ক", OFFICER), service_row("1", "খ", "")]);
    let (error, message) = failure(&text);
    assert!(
        matches!(
            error,
            ImportError::DuplicateSerial {
                line: 12,
                serial: 1,
                first_line: 11,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(message.starts_with("line 12: "), "{message}");
}

#[test]
fn error_no_officer_to_inherit() {
    let text = portal(&[service_row("১", "ক", "")]);
    let (error, message) = failure(&text);
    assert!(
        matches!(error, ImportError::NoOfficerToInherit { line: 11 }),
        "{error:?}"
    );
    assert!(message.starts_with("line 11: "), "{message}");

    // A merged cell never reaches into the next table.
    let text = portal(&[
        service_row("১", "ক", OFFICER),
        "২.২) প্রাতিষ্ঠানিক সেবা\n".to_string(),
        row(&[
            "ক্রমিক নং",
            "সেবার নাম",
            "পদ্ধতি",
            "কাগজ",
            "মূল্য",
            "সময়",
            "কর্মকর্তা",
        ]),
        row(&["১", "২", "৩", "৪", "৫", "৬", "৭"]),
        service_row("১", "খ", ""),
    ]);
    assert!(matches!(
        failure(&text).0,
        ImportError::NoOfficerToInherit { line: 15 }
    ));
}

#[test]
fn error_officer_cell() {
    let text = portal(&[service_row("১", "ক", "জনাব করিম ফোনঃ 0123")]);
    let (error, message) = failure(&text);
    assert!(
        matches!(&error, ImportError::OfficerCell { line: 11, cell, .. } if cell == "জনাব করিম ফোনঃ 0123"),
        "{error:?}"
    );
    assert!(message.starts_with("line 11: "), "{message}");
    assert!(message.contains("designation"), "{message}");
}

#[test]
fn error_fails_check() {
    // Read without fault, but not a valid charter yet: given out with
    // what check found, at the lines of the charter given out.
    let officer = OFFICER.replace("02996673752", "0123");
    let (error, message) = failure(&portal(&[service_row("১", "ক", &officer)]));
    let ImportError::FailsCheck { toml, .. } = &error else {
        panic!("{error:?}");
    };
    assert!(toml.contains("phone = \"0123\""), "{toml}");
    let line = toml.lines().position(|l| l.contains("\"0123\"")).unwrap() + 1;
    assert!(
        message.contains(&format!("imported charter:{line}:")),
        "{message}"
    );
    assert!(
        message.contains("does not pass `charter check`"),
        "{message}"
    );
    assert!(
        message.contains("phone number \"0123\" is not valid"),
        "{message}"
    );

    let empty_fee = row(&["১", "ক", "পদ্ধতি", "কাগজ", "", "৩ দিন", OFFICER]);
    let (error, message) = failure(&portal(&[empty_fee]));
    assert!(matches!(error, ImportError::FailsCheck { .. }), "{error:?}");
    assert!(message.contains("citizen-1: fee is empty"), "{message}");
    assert!(!message.contains("has no English text"), "{message}");
}
