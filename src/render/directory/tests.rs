//! The directory's list: grouping, order, anchors and headings.

use super::*;

/// A charter of the bundled kind placed in `upazila`, `district` and
/// `division` (`bn|en`, or `bn` alone; no division when empty).
fn charter(upazila: &str, district: &str, division: &str) -> Charter {
    let text = |t: &str| match t.split_once('|') {
        Some((bn, en)) => format!("{{ bn = \"{bn}\", en = \"{en}\" }}"),
        None => format!("{{ bn = \"{t}\" }}"),
    };
    // The bundled charter names its division: the test places it anew.
    let source = include_str!("../../../charter.toml")
        .replacen(
            "division = { bn = \"ময়মনসিংহ\", en = \"Mymensingh\" }\n",
            "",
            1,
        )
        .replacen(
            "upazila = { bn = \"হালুয়াঘাট\", en = \"Haluaghat\" }",
            &format!("upazila = {}", text(upazila)),
            1,
        )
        .replacen(
            "district = { bn = \"ময়মনসিংহ\", en = \"Mymensingh\" }",
            &if division.is_empty() {
                format!("district = {}", text(district))
            } else {
                format!(
                    "district = {}\ndivision = {}",
                    text(district),
                    text(division)
                )
            },
            1,
        );
    crate::charter::load_str("charter.toml", &source)
        .unwrap()
        .charter
}

#[test]
fn offices_are_grouped_by_division_district_and_upazila_in_english_order() {
    let charters = [
        charter(
            "হালুয়াঘাট|Haluaghat",
            "ময়মনসিংহ|Mymensingh",
            "ময়মনসিংহ|Mymensingh",
        ),
        charter("সাভার|Savar", "ঢাকা|Dhaka", "ঢাকা|Dhaka"),
        charter("ফুলপুর|Phulpur", "ময়মনসিংহ|Mymensingh", "ময়মনসিংহ বিভাগ"),
        charter("গৌরীপুর|Gouripur", "ময়মনসিংহ|Mymensingh", ""),
        charter("ধামরাই|Dhamrai", "ঢাকা|Dhaka", "ঢাকা"),
    ];
    let ids = ["a", "b", "c", "d", "e"];
    let offices: Vec<Office> = (charters.iter().zip(ids))
        .map(|(charter, id)| Office {
            id,
            charter,
            url: "https://example.gov.bd/",
        })
        .collect();
    let divisions = divisions(&offices, Lang::En);
    let names: Vec<Option<(&str, Option<&str>)>> = (divisions.iter())
        .map(|d| d.name.as_ref().map(|n| (n.text.as_str(), n.lang)))
        .collect();
    // "ময়মনসিংহ বিভাগ" is Mymensingh's Bangla with the word the heading
    // adds, and a division without English is one with the same Bangla
    // and English: each is named in English.
    assert_eq!(
        names,
        [Some(("Dhaka", None)), Some(("Mymensingh", None)), None]
    );
    let ids: Vec<&str> = divisions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["dhaka", "mymensingh", "no-division"]);
    let dhaka: Vec<&str> = (divisions[0].districts[0].upazilas.iter())
        .map(|u| u.name.text.as_str())
        .collect();
    assert_eq!(dhaka, ["Dhamrai", "Savar"]);
    assert_eq!(divisions[0].count, "2 offices");
    assert_eq!(divisions[1].count, "2 offices");
    assert_eq!(divisions[2].count, "1 office");
    // Anchors are unique whatever the names.
    let taken = vec!["dhaka".to_string()];
    let dhaka: Text = toml::from_str("bn = \"ঢাকা\"\nen = \"Dhaka\"").unwrap();
    assert_eq!(anchor(Some(&dhaka), &taken), "division-2");
    let bangla: Text = toml::from_str("bn = \"ঢাকা\"").unwrap();
    assert_eq!(anchor(Some(&bangla), &[]), "division-1");
}

#[test]
fn the_word_a_heading_adds_is_not_written_twice() {
    let t = |text: &str| Txt {
        text: text.to_string(),
        lang: None,
    };
    assert_eq!(
        without_word(t("ঢাকা বিভাগ"), "division-word", Lang::Bn).text,
        "ঢাকা"
    );
    assert_eq!(
        without_word(t("Dhaka division"), "division-word", Lang::En).text,
        "Dhaka"
    );
    assert_eq!(
        without_word(t("বিভাগ"), "division-word", Lang::Bn).text,
        "বিভাগ"
    );
    assert_eq!(
        without_word(t("Sylhet"), "district-word", Lang::En).text,
        "Sylhet"
    );
}
