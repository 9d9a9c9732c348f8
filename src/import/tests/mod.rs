//! Unit tests of the importer: portal texts in, charter files out.

use unicode_normalization::UnicodeNormalization;

use super::lists::numbered_list;
use super::officers::{CONTACT_LABELS, DESIGNATION_ENDINGS, DESIGNATIONS, parse_officer};
use super::text::{MISSION_LABELS, VISION_LABELS, clean};
use super::*;
use crate::charter::load_file;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/portal.txt");
const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/charter.toml");
/// A charter that uses every optional part of the format.
const FULL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/full.toml");

const OFFICER: &str = "জনাব মোঃ আশিকুল ইসলাম, সহকারী প্রোগ্রামার তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর \
                       হালুয়াঘাট, ময়মনসিংহ ফোনঃ 02996673752 ইমেইলঃ shakilcse96@gmail.com";

/// Lines 1–10 of a small portal text; table rows start on line 11.
const HEAD: &str = "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার
উপজেলা কার্যালয়
তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর
হালুয়াঘাট, ময়মনসিংহ
doict.haluaghat.mymensingh.gov.bd
সিটিজেন চার্টার
১. ভিশন ও মিশন
ভিশন: জ্ঞানভিত্তিক অর্থনীতি।
মিশন: সুশাসন প্রতিষ্ঠা।
২.১) নাগরিক সেবা
";

fn row(cells: &[&str]) -> String {
    cells.join("\t") + "\n"
}

fn service_row(serial: &str, name: &str, officer: &str) -> String {
    row(&[serial, name, "পদ্ধতি", "কাগজ", "বিনামূল্যে", "৩ দিন", officer])
}

fn portal(rows: &[String]) -> String {
    format!("{HEAD}{}", rows.concat())
}

fn parsed(output: &str) -> toml::Table {
    output.parse().expect("the output is valid TOML")
}

fn services(output: &str) -> Vec<toml::Table> {
    parsed(output)["services"]
        .as_array()
        .expect("services is an array")
        .iter()
        .map(|s| s.as_table().expect("a service is a table").clone())
        .collect()
}

/// The Bangla side of a text or list of texts; panics on an `en`.
fn bn_only(value: &toml::Value) -> toml::Value {
    match value {
        toml::Value::Array(items) => toml::Value::Array(items.iter().map(bn_only).collect()),
        toml::Value::Table(text) => {
            assert_eq!(text.keys().collect::<Vec<_>>(), ["bn"], "{value}");
            text["bn"].clone()
        }
        other => panic!("not a text: {other}"),
    }
}

/// The Bangla side of a reference text (which also has `en`).
fn reference_bn(value: &toml::Value) -> toml::Value {
    match value {
        toml::Value::Array(items) => toml::Value::Array(items.iter().map(reference_bn).collect()),
        toml::Value::Table(text) => text["bn"].clone(),
        other => panic!("not a text: {other}"),
    }
}

fn officer_by_id<'a>(charter: &'a toml::Table, id: &toml::Value) -> &'a toml::Table {
    charter["officers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_table().unwrap())
        .find(|o| &o["id"] == id)
        .unwrap_or_else(|| panic!("no officer {id}"))
}

#[test]
fn seed_matches_the_hand_made_charter() {
    let seed = std::fs::read_to_string(SEED).expect("seed readable");
    let reference: toml::Table = std::fs::read_to_string(REFERENCE)
        .expect("reference readable")
        .parse()
        .expect("reference is valid TOML");
    let output = import(&seed).expect("the seed imports");
    let charter = parsed(&output);

    for key in ["government", "office", "department", "upazila", "district"] {
        assert_eq!(
            bn_only(&charter["office"][key]),
            reference_bn(&reference["office"][key]),
            "office.{key}"
        );
    }
    assert_eq!(charter["office"]["website"], reference["office"]["website"]);
    for key in ["vision", "mission"] {
        assert_eq!(
            bn_only(&charter["charter"][key]),
            reference_bn(&reference["charter"][key]),
            "charter.{key}"
        );
    }

    // The same person is in many officer cells, with and without a comma
    // after the name and inside <p>: one officer.
    assert_eq!(charter["officers"].as_array().unwrap().len(), 1);

    let ours = services(&output);
    let theirs = reference["services"].as_array().unwrap();
    assert_eq!(ours.len(), 13);
    let count = |group: &str| {
        ours.iter()
            .filter(|s| s["group"].as_str() == Some(group))
            .count()
    };
    assert_eq!((count("citizen"), count("institutional")), (3, 10));
    assert_eq!(ours.len(), theirs.len());

    for (ours, theirs) in ours.iter().zip(theirs) {
        let at = format!("{} {}", theirs["group"], theirs["serial"]);
        assert_eq!(ours["group"], theirs["group"], "{at}");
        assert_eq!(ours["serial"], theirs["serial"], "{at}");
        assert_eq!(
            ours["slug"].as_str().unwrap(),
            format!("{}-{}", ours["group"].as_str().unwrap(), ours["serial"]),
            "{at}"
        );
        for key in ["name", "delivery", "documents", "fee", "time_limit"] {
            assert_eq!(
                bn_only(&ours[key]),
                reference_bn(&theirs[key]),
                "{at}: {key}"
            );
        }
        assert_eq!(ours["officer"], theirs["officer"], "{at}");
        let our_officer = officer_by_id(&charter, &ours["officer"]);
        let their_officer = officer_by_id(&reference, &theirs["officer"]);
        for key in ["name", "designation", "office"] {
            assert_eq!(
                bn_only(&our_officer[key]),
                reference_bn(&their_officer[key]),
                "{at}: officer {key}"
            );
        }
        for key in ["phone", "email"] {
            assert_eq!(our_officer[key], their_officer[key], "{at}: officer {key}");
        }
    }
}

#[test]
fn output_keeps_the_reference_layout() {
    let seed = std::fs::read_to_string(SEED).unwrap();
    let output = import(&seed).unwrap();
    let comment: String = output.lines().take_while(|l| l.starts_with('#')).collect();
    assert!(comment.contains("imported"), "{comment}");
    assert!(comment.contains("en = "), "{comment}");
    assert!(comment.contains("`charter check`"), "{comment}");
    assert!(comment.contains("slug"), "{comment}");
    // Bangla only: no `en` outside the comments.
    assert!(
        output
            .lines()
            .filter(|l| !l.starts_with('#'))
            .all(|l| !l.contains("en ="))
    );

    let keys: Vec<&str> = output
        .split("[[services]]\n")
        .nth(1)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with(' ') && l.contains(" = "))
        .map(|l| l.split(" = ").next().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "group",
            "serial",
            "slug",
            "officer",
            "name",
            "delivery",
            "documents",
            "fee",
            "time_limit"
        ]
    );
    let sections: Vec<&str> = output.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(&sections[..3], ["[office]", "[charter]", "[[officers]]"]);
    assert!(output.contains("delivery = [\n  { bn = \"দাপ্তরিক ওয়েব সাইটের মাধ্যমে\" },\n"));
}

#[test]
fn split_row_is_joined_to_the_row_above() {
    let text = portal(&[
        row(&[
            "১",
            "স্পেসিফিকেশন প্রণয়নে",
            "১। ব্যক্তিগত উপস্থিতি ২। টেলিফোনে",
            "কাগজ",
            "বিনামূল্যে",
            "৩ দিন",
            OFFICER,
        ]),
        "\n".to_string(),
        row(&["", "সহায়তা প্রদান", "৩। ই-মেইল", "", "", "", ""]),
        // A continuation line may stop after its last non-empty cell.
        row(&["", "", "", "", "(প্রযোজ্য ক্ষেত্রে)"]),
    ]);
    let output = import(&text).unwrap();
    let services = services(&output);
    assert_eq!(services.len(), 1);
    let service = &services[0];
    assert_eq!(
        bn_only(&service["name"]).as_str(),
        Some("স্পেসিফিকেশন প্রণয়নে সহায়তা প্রদান")
    );
    assert_eq!(
        bn_only(&service["delivery"]),
        toml::Value::Array(
            ["ব্যক্তিগত উপস্থিতি", "টেলিফোনে", "ই-মেইল"]
                .map(toml::Value::from)
                .to_vec()
        )
    );
    assert_eq!(
        bn_only(&service["fee"]).as_str(),
        Some("বিনামূল্যে (প্রযোজ্য ক্ষেত্রে)")
    );
}

#[test]
fn markup_and_entities_are_removed() {
    assert_eq!(clean("<p>তথ্য &amp; যোগাযোগ</p>"), "তথ্য & যোগাযোগ");
    assert_eq!(clean("ক<br/>খ<BR>গ&nbsp;&nbsp; ঘ\u{a0}"), "ক খ গ ঘ");
    assert_eq!(
        clean("<p class=\"x\">\n  <span>ফি</span>  <!-- note --></p>"),
        "ফি"
    );
    assert_eq!(clean("&#2453;&#x996; &quot;ক&quot;"), "কখ \"ক\"");
    // Not tags, not entities: kept.
    assert_eq!(
        clean("< ৫ দিন & ফি &unknown; &amp"),
        "< ৫ দিন & ফি &unknown; &amp"
    );
    // An escaped tag is text, not markup.
    assert_eq!(clean("&lt;p&gt;"), "<p>");
    // NFC: the precomposed য় (U+09DF) becomes য + nukta.
    assert_eq!(clean("\u{9df}"), "\u{9af}\u{9bc}");
}

#[test]
fn numbered_lists_with_ascii_or_bangla_digits() {
    let list = |items: &[&str]| Some(items.iter().map(|s| s.to_string()).collect());
    assert_eq!(
        numbered_list("1. অনলাইনে 2. ডাকযোগে, 3. সরাসরি"),
        list(&["অনলাইনে", "ডাকযোগে", "সরাসরি"])
    );
    assert_eq!(numbered_list("1। ক 2। খ"), list(&["ক", "খ"]));
    assert_eq!(numbered_list("১. ক ২. খ"), list(&["ক", "খ"]));
    assert_eq!(numbered_list("১।ক ২।খ"), list(&["ক", "খ"]));
    assert_eq!(
        numbered_list("১। ধারা ৩ অনুযায়ী ২। ১০ দিন"),
        list(&["ধারা ৩ অনুযায়ী", "১০ দিন"])
    );
    // Numbers in ordinary text are not lists.
    assert_eq!(numbered_list("৭ কার্যদিবস/ চাহিদা অনুযায়ী"), None);
    assert_eq!(numbered_list("১.৫ লক্ষ টাকা"), None);
    assert_eq!(numbered_list("কাগজ: ১। ক ২। খ"), None);
    assert_eq!(numbered_list("২। ক ৩। খ"), None);
    assert_eq!(numbered_list(""), None);
}

#[test]
fn officer_cell_without_comma_after_the_name() {
    let officer = parse_officer(
        "জনাব মোঃ আশিকুল ইসলাম সহকারী প্রোগ্রামার তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর হালুয়াঘাট, \
         ময়মনসিংহ ফোনঃ 02996673752 ইমেইলঃ shakilcse96@gmail.com",
    )
    .unwrap();
    assert_eq!(officer.name, "জনাব মোঃ আশিকুল ইসলাম");
    assert_eq!(officer.designation, "সহকারী প্রোগ্রামার");
    assert_eq!(
        officer.office,
        "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর হালুয়াঘাট, ময়মনসিংহ"
    );
    assert_eq!(officer.phone, "02996673752");
    assert_eq!(officer.email, "shakilcse96@gmail.com");
    assert_eq!(officer.known_id, Some("assistant-programmer"));
    assert_eq!(officer, parse_officer(OFFICER).unwrap());
}

#[test]
fn officer_cell_variants() {
    let officer = parse_officer(
        "বেগম রহিমা খাতুন, সহকারী কমিশনার (ভূমি), উপজেলা ভূমি অফিস, হালুয়াঘাট \
         মোবাইলঃ ০১৭১১-০০০০০০, ই-মেইল: acland@example.gov.bd",
    )
    .unwrap();
    assert_eq!(officer.name, "বেগম রহিমা খাতুন");
    assert_eq!(officer.designation, "সহকারী কমিশনার (ভূমি)");
    assert_eq!(officer.office, "উপজেলা ভূমি অফিস, হালুয়াঘাট");
    assert_eq!(officer.phone, "০১৭১১-০০০০০০");
    assert_eq!(officer.email, "acland@example.gov.bd");
    assert_eq!(officer.known_id, Some("assistant-commissioner-land"));

    // No honorific, "সহকারি" spelling, "ফোন:" with a colon, no email.
    let officer = parse_officer("মোঃ করিম সহকারি প্রোগ্রামার ফোন: 0123").unwrap();
    assert_eq!(
        (
            officer.name.as_str(),
            officer.designation.as_str(),
            officer.office.as_str()
        ),
        ("মোঃ করিম", "সহকারি প্রোগ্রামার", "")
    );
    assert_eq!(
        (officer.phone.as_str(), officer.email.as_str()),
        ("0123", "")
    );

    // A designation missing from the list, after "name,".
    let officer = parse_officer("জনাব করিম, উপজেলা রেশম উন্নয়ন কর্মকর্তা রেশম অফিস ফোনঃ 0123").unwrap();
    assert_eq!(officer.designation, "উপজেলা রেশম উন্নয়ন কর্মকর্তা");
    assert_eq!(officer.office, "রেশম অফিস");
    assert_eq!(officer.known_id, None);

    // "অফিসারের কার্যালয়" is an office, not the designation অফিসার.
    let officer = parse_officer("জনাব করিম, অফিস সহায়ক উপজেলা নির্বাহী অফিসারের কার্যালয়").unwrap();
    assert_eq!(officer.designation, "অফিস সহায়ক");
    assert_eq!(officer.office, "উপজেলা নির্বাহী অফিসারের কার্যালয়");
}

#[test]
fn empty_officer_cell_repeats_the_officer_above() {
    let other = "জনাব করিম, সহকারী প্রোগ্রামার অন্য অফিস ফোনঃ 01711000123 ইমেইলঃ k@example.com";
    let unknown = "জনাব রহিম, উপজেলা রেশম উন্নয়ন কর্মকর্তা রেশম অফিস ফোনঃ 01711000456";
    let text = portal(&[
        service_row("১", "ক", OFFICER),
        service_row("২", "খ", ""),
        service_row("৩", "গ", &format!("<p>{other}</p>")),
        service_row("৪", "ঘ", ""),
        service_row("৫", "ঙ", unknown),
        service_row("৬", "চ", OFFICER),
        "২.৩) অভ্যন্তরীণ সেবা\n".to_string(),
        service_row("২", "ছ", OFFICER),
        service_row("৩", "জ", ""),
    ]);
    let output = import(&text).unwrap();
    let officers: Vec<(String, String)> = services(&output)
        .iter()
        .map(|s| {
            (
                s["slug"].as_str().unwrap().into(),
                s["officer"].as_str().unwrap().into(),
            )
        })
        .collect();
    let expected = [
        ("citizen-1", "assistant-programmer"),
        ("citizen-2", "assistant-programmer"),
        ("citizen-3", "assistant-programmer-2"),
        ("citizen-4", "assistant-programmer-2"),
        ("citizen-5", "officer-1"),
        ("citizen-6", "assistant-programmer"),
        ("internal-2", "assistant-programmer"),
        ("internal-3", "assistant-programmer"),
    ]
    .map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(officers, expected);
    let charter = parsed(&output);
    assert_eq!(charter["officers"].as_array().unwrap().len(), 3);
    let unknown = officer_by_id(&charter, &"officer-1".into());
    assert_eq!(bn_only(&unknown["name"]).as_str(), Some("জনাব রহিম"));
    assert!(
        unknown.get("email").is_none(),
        "an unknown e-mail is left out"
    );
    assert_eq!(services(&output)[6]["group"].as_str(), Some("internal"));
}

#[test]
fn quotes_and_backslashes_survive_an_import() {
    let text = portal(&[service_row("১", r#"ফরম "ক" \ খ"#, OFFICER)]);
    let output = import(&text).unwrap();
    assert_eq!(
        bn_only(&services(&output)[0]["name"]).as_str(),
        Some(r#"ফরম "ক" \ খ"#)
    );
}

#[test]
fn other_sections_and_line_endings() {
    let text = format!(
        "\u{feff}{}",
        portal(&[
            service_row("১", "ক", OFFICER),
            "---\t---\t--\t--\t--\t--\t--\n".to_string(),
            "৩) অভিযোগ প্রতিকার ব্যবস্থাপনা (GRS)\n".to_string(),
            row(&[
                "ক্রমিক নং",
                "কখন যোগাযোগ করবেন",
                "যোগাযোগের ঠিকানা",
                "নিষ্পত্তির সময়",
                "x"
            ]),
            row(&[
                "১",
                "দায়িত্বপ্রাপ্ত কর্মকর্তা সমাধান দিতে না পারলে",
                "ঠিকানা",
                "৩০ দিন",
                "x"
            ]),
            "যে কোনো লেখা\n".to_string(),
        ])
    )
    .replace('\n', "\r\n");
    let output = import(&text).unwrap();
    assert_eq!(services(&output).len(), 1);
    assert_eq!(
        bn_only(&parsed(&output)["office"]["government"]).as_str(),
        Some("গণপ্রজাতন্ত্রী বাংলাদেশ সরকার")
    );

    // The vision's text on the line after its label.
    let text = HEAD.replace("ভিশন: ", "ভিশনঃ\n\n") + &service_row("১", "ক", OFFICER);
    let output = import(&text).unwrap();
    assert_eq!(
        bn_only(&parsed(&output)["charter"]["vision"]).as_str(),
        Some("জ্ঞানভিত্তিক অর্থনীতি।")
    );
}

#[test]
fn designations_are_nfc() {
    let all = DESIGNATIONS
        .iter()
        .map(|d| d.0)
        .chain(DESIGNATION_ENDINGS.iter().copied())
        .chain(CONTACT_LABELS.iter().map(|c| c.0))
        .chain(VISION_LABELS.iter().chain(MISSION_LABELS).copied());
    for text in all {
        assert_eq!(text.nfc().collect::<String>(), text);
    }
}

mod errors;
mod writer;
