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
            .all(|d| d.message.ends_with("has no English text")),
        "{}",
        imported.warnings
    );
    let texts = imported.charter.texts().len();
    assert_eq!(warnings.len(), texts);
}
