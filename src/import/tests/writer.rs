//! The writer: every text and every layout survives a round trip.

use super::*;

#[test]
fn every_string_survives_the_writer() {
    let mut charter = load_file(FULL.as_ref()).unwrap().charter;
    let tricky = "\"\\\"\\\\ \u{0}\u{1f}\u{7f} '''\"\"\" \\u0041 ক";
    for text in [
        r#"ক "খ" গ\ঘ"#,
        "a\tb\nc\r\u{8}\u{c}",
        "\u{1}\u{7f}",
        "\u{200c}ক\u{a0}",
        tricky,
    ] {
        charter.statement.vision = bangla(text.to_string());
        let written = to_toml(&charter);
        let parsed: toml::Table = written.parse().expect("the writer writes TOML");
        assert_eq!(
            parsed["charter"]["vision"]["bn"].as_str(),
            Some(text),
            "{written}"
        );
    }
}

#[test]
fn written_charters_read_back_the_same() {
    for path in [REFERENCE, FULL] {
        let charter = load_file(path.as_ref()).unwrap().charter;
        let written = to_toml(&charter);
        let again = load_str("written", &written).expect("the written charter passes check");
        assert_eq!(again.charter, charter, "{written}");
    }
}

#[test]
fn division_and_aliases_survive_the_writer() {
    let bundled = load_file(REFERENCE.as_ref()).unwrap().charter;
    let division = bundled
        .office
        .division
        .as_ref()
        .expect("the bundled charter names it");
    assert_eq!(division.get(crate::i18n::Lang::En).0, "Mymensingh");
    let written = to_toml(&bundled);
    assert!(
        written.contains("district = { bn = \"ময়মনসিংহ\", en = \"Mymensingh\" }\ndivision = { bn = \"ময়মনসিংহ\", en = \"Mymensingh\" }\nwebsite = "),
        "{written}"
    );
    assert!(!written.contains("aliases"), "{written}");
    assert_eq!(load_str("written", &written).unwrap().charter, bundled);

    let full = load_file(FULL.as_ref()).unwrap().charter;
    assert_eq!(full.office.aliases.len(), 2);
    let again = load_str("written", &to_toml(&full)).unwrap().charter;
    assert_eq!(again.office.division, full.office.division);
    assert_eq!(again.office.aliases, full.office.aliases);
}

/// Keys, sections and lists as people write them: the writer's lines are
/// those of the fixture written by hand, comments and blank lines aside.
#[test]
fn the_writer_keeps_the_layout_of_a_hand_made_file() {
    let content = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect()
    };
    let source = std::fs::read_to_string(FULL).unwrap();
    let charter = load_str("full.toml", &source).unwrap().charter;
    assert_eq!(content(&to_toml(&charter)), content(&source));
}
