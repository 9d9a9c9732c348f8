//! `charter import`: the seed, imported, is the bundled charter's Bangla side.

use citizen_charter::charter::{Block, Charter, load_file, load_str};

use crate::support::*;

fn bangla(block: &Block) -> (bool, Vec<String>) {
    (
        matches!(block, Block::List(_)),
        block.texts().iter().map(|t| t.bn().to_string()).collect(),
    )
}

/// The Bangla side of a charter, slugs aside (the importer cannot guess the
/// hand-picked English slugs).
fn bangla_side(c: &Charter) -> Vec<String> {
    let mut out = vec![
        c.office.government.bn().to_string(),
        c.office.office.bn().to_string(),
        c.office.department.bn().to_string(),
        c.office.upazila.bn().to_string(),
        c.office.district.bn().to_string(),
        c.office.website.get_ref().clone(),
        c.statement.vision.bn().to_string(),
        c.statement.mission.bn().to_string(),
    ];
    for o in &c.officers {
        out.push(format!(
            "officer {} | {} | {} | {:?} | {:?} | {:?}",
            o.id.get_ref(),
            o.name.bn(),
            o.designation.bn(),
            o.office.as_ref().map(|t| t.bn()),
            o.phone.as_ref().map(|p| p.get_ref()),
            o.email.as_ref().map(|e| e.get_ref()),
        ));
    }
    for s in &c.services {
        out.push(format!(
            "{:?} {} | {} | {:?} | {:?} | {:?} | {:?} | officer {:?}",
            s.group,
            s.serial.get_ref(),
            s.name.bn(),
            bangla(&s.delivery),
            bangla(&s.documents),
            bangla(&s.fee),
            bangla(&s.time_limit),
            s.officer.as_ref().map(|o| o.get_ref()),
        ));
    }
    out
}

#[test]
fn importing_the_seed_gives_the_bundled_charter() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_charter"))
        .arg("import")
        .arg(repo("tests/fixtures/portal.txt"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let imported_toml = String::from_utf8(out.stdout).unwrap();
    let imported = load_str("imported.toml", &imported_toml).expect("the import passes check");
    let bundled = load_file(&bundled()).unwrap();
    assert_eq!(
        bangla_side(&imported.charter),
        bangla_side(&bundled.charter)
    );

    // Only missing-English warnings: one per text.
    let warnings = &imported.warnings.diagnostics;
    assert!(!warnings.is_empty());
    assert!(
        warnings
            .iter()
            .all(|d| d.message.id() == "check-no-english"),
        "{}",
        imported.warnings
    );
    let texts = imported.charter.texts().len();
    assert_eq!(warnings.len(), texts);
}

#[test]
fn a_portal_text_with_a_gap_is_printed_with_what_to_fix() {
    // The fee of the first service left empty on the portal.
    let text = std::fs::read_to_string(repo("tests/fixtures/portal.txt")).unwrap();
    let row = text
        .lines()
        .find(|l| l.starts_with("১\t") && l.contains("বিনামূল্যে"))
        .expect("the first service's row");
    let cells: Vec<&str> = row.split('\t').collect();
    let mut emptied = cells.clone();
    emptied[4] = "";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("portal.txt");
    std::fs::write(&file, text.replacen(row, &emptied.join("\t"), 1)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_charter"))
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    // The charter is printed, and check's finding names its line.
    let printed = String::from_utf8(out.stdout).unwrap();
    let line = printed
        .lines()
        .position(|l| l.starts_with("fee = ") && l.contains("\"\""))
        .expect("the empty fee is printed")
        + 1;
    assert!(
        stderr.contains("does not pass `charter check` yet"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("imported charter:{line}:")),
        "line {line}: {stderr}"
    );
}
