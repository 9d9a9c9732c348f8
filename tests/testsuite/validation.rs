//! One test per kind of invalid charter: the message, its line and column.

use citizen_charter::charter::{LoadError, load_str};

pub(crate) const BASE: &str = r#"[office]
government = { bn = "সরকার", en = "Government" }
office = { bn = "কার্যালয়", en = "Office" }
department = { bn = "অধিদপ্তর", en = "Department" }
upazila = { bn = "উপজেলা", en = "Upazila" }
district = { bn = "জেলা", en = "District" }
website = "example.gov.bd"

[charter]
vision = { bn = "ভিশন", en = "Vision" }
mission = { bn = "মিশন", en = "Mission" }

[[officers]]
id = "assistant-programmer"
name = { bn = "নাম", en = "Name" }
designation = { bn = "পদবি", en = "Designation" }
phone = "02996673752"
email = "a@example.gov.bd"

[[services]]
group = "citizen"
serial = 1
slug = "first"
officer = "assistant-programmer"
name = { bn = "প্রথম", en = "First" }
delivery = { bn = "সরাসরি", en = "In person" }
documents = { bn = "নেই", en = "None" }
fee = { bn = "বিনামূল্যে", en = "Free" }
time_limit = { bn = "১ দিন", en = "1 day" }
"#;

pub(crate) const SECOND_SERVICE: &str = r#"
[[services]]
group = "citizen"
serial = 2
slug = "second"
officer = "assistant-programmer"
name = { bn = "দ্বিতীয়", en = "Second" }
delivery = { bn = "সরাসরি", en = "In person" }
documents = { bn = "নেই", en = "None" }
fee = { bn = "বিনামূল্যে", en = "Free" }
time_limit = { bn = "১ দিন", en = "1 day" }
"#;

pub(crate) fn with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

/// The whole report for an invalid charter.
pub(crate) fn report(source: &str) -> String {
    match load_str("test.toml", source) {
        Ok(_) => panic!("expected an invalid charter"),
        Err(e @ LoadError::Invalid { .. }) => e.to_string(),
        Err(e) => panic!("unexpected error {e}"),
    }
}

fn first_line(source: &str) -> String {
    report(source).lines().next().unwrap().to_string()
}

#[test]
fn the_base_charter_is_valid_and_warning_free() {
    let loaded = load_str("test.toml", BASE).expect("valid");
    assert_eq!(loaded.warnings.diagnostics, vec![]);
    assert_eq!(loaded.charter.services.len(), 1);
}

#[test]
fn unknown_key() {
    let src = with("slug = \"first\"\n", "slug = \"first\"\nslgu = \"x\"\n");
    let out = report(&src);
    assert!(
        out.starts_with("test.toml:24:1: error: \"slgu\" is not something this service can have: did you mean \"slug\"?\n"),
        "{out}"
    );
    assert!(out.contains(" 24 | slgu = \"x\"\n    | ^^^^\n"), "{out}");
    assert!(
        out.contains(
            "= hint: the lines this service can have start with: group, serial, slug, name,"
        ),
        "{out}"
    );
}

#[test]
fn missing_required_key() {
    let src = with("fee = { bn = \"বিনামূল্যে\", en = \"Free\" }\n", "");
    let out = report(&src);
    assert!(
        out.starts_with("test.toml:20:1: error: this service has no \"fee\"\n 20 | [[services]]\n"),
        "{out}"
    );
    assert!(
        out.contains("= example: fee = { bn = \"বিনামূল্যে\", en = \"Free of charge\" }\n"),
        "{out}"
    );
}

#[test]
fn toml_syntax_error() {
    let src = with("vision = { bn = \"ভিশন\", en", "vision = { bn = \"ভিশন, en");
    let line = first_line(&src);
    assert!(line.starts_with("test.toml:10:"), "{line}");
    assert!(line.contains(": error: "), "{line}");
}

#[test]
fn unknown_officer_reference() {
    let src = with(
        "officer = \"assistant-programmer\"",
        "officer = \"asst-prog\"",
    );
    let out = report(&src);
    assert_eq!(
        out,
        "test.toml:24:11: error: unknown officer \"asst-prog\"\n \
         24 | officer = \"asst-prog\"\n    \
         |           ^^^^^^^^^^^\n    \
         = hint: known officers: assistant-programmer\n1 error in test.toml"
    );
}

#[test]
fn unknown_senior_officer_reference() {
    let src = with(
        "officer = \"assistant-programmer\"\n",
        "officer = \"assistant-programmer\"\nsenior_officer = \"boss\"\n",
    );
    assert_eq!(
        first_line(&src),
        "test.toml:25:18: error: unknown senior officer \"boss\""
    );
}

#[test]
fn duplicate_officer_id() {
    let src = format!(
        "{BASE}\n[[officers]]\nid = \"assistant-programmer\"\nname = {{ bn = \"আরেকজন\", en = \"Another\" }}\ndesignation = {{ bn = \"পদবি\", en = \"Designation\" }}\n"
    );
    let out = report(&src);
    assert!(
        out.starts_with("test.toml:32:6: error: officer id \"assistant-programmer\" is used twice"),
        "{out}"
    );
    assert!(
        out.contains("the first \"assistant-programmer\" is on line 14"),
        "{out}"
    );
}

#[test]
fn duplicate_serial_in_a_group() {
    let src = format!(
        "{BASE}{}",
        SECOND_SERVICE.replace("serial = 2", "serial = 1")
    );
    assert_eq!(
        first_line(&src),
        "test.toml:33:10: error: serial 1 is used twice among the citizen services"
    );
    // The same serial in another group is fine.
    let other = format!(
        "{BASE}{}",
        SECOND_SERVICE
            .replace("serial = 2", "serial = 1")
            .replace("\"citizen\"", "\"institutional\"")
    );
    assert!(load_str("test.toml", &other).is_ok());
}

#[test]
fn duplicate_slug() {
    let src = format!(
        "{BASE}{}",
        SECOND_SERVICE.replace("\"second\"", "\"first\"")
    );
    assert_eq!(
        first_line(&src),
        "test.toml:34:8: error: service slug \"first\" is used twice"
    );
}

#[test]
fn slug_must_be_simple() {
    let src = with("slug = \"first\"", "slug = \"First Service\"");
    let out = report(&src);
    assert!(
        out.starts_with(
            "test.toml:23:8: error: service slug \"First Service\" is not a simple name"
        ),
        "{out}"
    );
}

#[test]
fn empty_required_text() {
    let src = with("name = { bn = \"প্রথম\"", "name = { bn = \"  \"");
    assert_eq!(
        first_line(&src),
        "test.toml:25:15: error: the Bangla text of service first: name is empty"
    );
    let src = with("en = \"Vision\"", "en = \"\"");
    assert_eq!(
        first_line(&src),
        "test.toml:10:30: error: the English text of charter.vision is empty"
    );
}

#[test]
fn malformed_phone() {
    let src = with("phone = \"02996673752\"", "phone = \"02-99x\"");
    let out = report(&src);
    assert!(
        out.starts_with("test.toml:17:9: error: phone number \"02-99x\" is not valid\n"),
        "{out}"
    );
    assert!(out.contains("hint: write 6 to 15 digits"), "{out}");
    // Bangla digits are a valid way to write a number.
    assert!(
        load_str(
            "t",
            &with("phone = \"02996673752\"", "phone = \"০২৯৯৬৬৭৩৭৫২\"")
        )
        .is_ok()
    );
}

#[test]
fn malformed_email() {
    for bad in [
        "a@b",
        "name at example.gov.bd",
        "a@@example.gov.bd",
        "a b@example.gov.bd",
        // Would become a mailto: link that adds a recipient and a subject.
        "a@b.c?cc=attacker%40evil.example&subject=x",
        "javascript:alert(1)@x.com",
        "a@example.gov.bd/x",
        ".a@example.gov.bd",
        "a@-example.gov.bd",
    ] {
        let src = with(
            "email = \"a@example.gov.bd\"",
            &format!("email = \"{bad}\""),
        );
        assert_eq!(
            first_line(&src),
            format!("test.toml:18:9: error: e-mail address \"{bad}\" is not valid")
        );
    }
}

#[test]
fn malformed_website() {
    let long_label = format!("{}.gov.bd", "a".repeat(64));
    let too_long = format!("{}gov.bd", "abcdefghi.".repeat(25));
    for bad in [
        "not a website",
        "localhost",
        "-example.gov.bd",
        "example-.gov.bd",
        "example..gov.bd",
        ".example.gov.bd",
        "example.gov.bd?x=1",
        "user@example.gov.bd",
        long_label.as_str(),
        too_long.as_str(),
    ] {
        let src = with(
            "website = \"example.gov.bd\"",
            &format!("website = \"{bad}\""),
        );
        assert_eq!(
            first_line(&src),
            format!("test.toml:7:11: error: website \"{bad}\" is not a web address")
        );
    }
    // The longest names DNS allows are accepted.
    let longest = format!("{}.gov.bd", "a".repeat(63));
    let src = with(
        "website = \"example.gov.bd\"",
        &format!("website = \"{longest}\""),
    );
    assert!(load_str("test.toml", &src).is_ok(), "{longest}");
}

#[test]
fn last_updated_must_be_a_date() {
    let src = with(
        "mission = { bn = \"মিশন\", en = \"Mission\" }\n",
        "mission = { bn = \"মিশন\", en = \"Mission\" }\nlast_updated = 2026-01-02T10:00:00\n",
    );
    assert_eq!(
        first_line(&src),
        "test.toml:12:16: error: last_updated must be a date without a time"
    );
}

#[test]
fn every_error_is_reported_not_only_the_first() {
    let src = with("phone = \"02996673752\"", "phone = \"x\"")
        .replacen("email = \"a@example.gov.bd\"", "email = \"nope\"", 1)
        .replacen(
            "officer = \"assistant-programmer\"",
            "officer = \"ghost\"",
            1,
        );
    let out = report(&src);
    let firsts: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("test.toml:"))
        .collect();
    assert_eq!(firsts.len(), 3, "{out}");
    assert!(firsts[0].starts_with("test.toml:17:"), "file order: {out}");
    assert!(firsts[1].starts_with("test.toml:18:"));
    assert!(firsts[2].starts_with("test.toml:24:"));
    assert!(out.ends_with("3 errors in test.toml"), "{out}");
}

#[test]
fn warnings_do_not_stop_a_charter() {
    let src = with(", en = \"First\"", "")
        .replacen("officer = \"assistant-programmer\"\n", "", 1)
        .replacen(
            "mission = { bn = \"মিশন\", en = \"Mission\" }\n",
            "mission = { bn = \"মিশন\", en = \"Mission\" }\nlast_updated = 2999-01-01\n",
            1,
        );
    let loaded = load_str("test.toml", &src).expect("warnings only");
    let text = loaded.warnings.to_string();
    assert_eq!(loaded.warnings.warning_count(), 3, "{text}");
    assert!(
        text.contains("test.toml:12:16: warning: last_updated 2999-01-01 is in the future"),
        "{text}"
    );
    assert!(
        text.contains("warning: service first has no responsible officer"),
        "{text}"
    );
    assert!(
        text.contains("test.toml:25:15: warning: service first: name has no English text"),
        "{text}"
    );
}

#[test]
fn text_is_normalised_to_nfc() {
    // য় typed as the single code point U+09DF is stored in NFC (য + ়).
    let src = with("name = { bn = \"প্রথম\"", "name = { bn = \"\u{09DF}\"");
    let loaded = load_str("test.toml", &src).unwrap();
    assert_eq!(loaded.charter.services[0].name.bn(), "\u{09AF}\u{09BC}");
}

/// `BASE` with an `aliases` line under the website.
fn with_aliases(line: &str) -> String {
    with(
        "website = \"example.gov.bd\"\n",
        &format!("website = \"example.gov.bd\"\n{line}\n"),
    )
}

#[test]
fn aliases_are_other_host_names_of_the_site() {
    let src = with_aliases(r#"aliases = ["www.example.gov.bd", "https://Old.Example.gov.bd/"]"#);
    let loaded = load_str("test.toml", &src).expect("valid");
    assert_eq!(loaded.warnings.diagnostics, vec![]);
    let aliases: Vec<&str> = loaded
        .charter
        .office
        .aliases
        .iter()
        .map(|a| a.get_ref().as_str())
        .collect();
    assert_eq!(
        aliases,
        ["www.example.gov.bd", "https://Old.Example.gov.bd/"]
    );
    // An empty list says what no list says.
    assert!(load_str("test.toml", &with_aliases("aliases = []")).is_ok());
}

#[test]
fn aliases_must_be_a_list_of_texts() {
    let out = report(&with_aliases(r#"aliases = "www.example.gov.bd""#));
    assert!(
        out.starts_with(
            "test.toml:8:11: error: \"aliases\" is a list: its texts go between [ and ]\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("= example: aliases = [\"www.example.gov.bd\"]\n"),
        "{out}"
    );

    let out = report(&with_aliases(r#"aliases = ["www.example.gov.bd", 5]"#));
    assert!(
        out.starts_with(
            "test.toml:8:34: error: each item of \"aliases\" is a text between double quotes\n"
        ),
        "{out}"
    );
    assert!(out.contains("= hint: put a straight double quote"), "{out}");
    assert!(out.contains("= example: aliases = [\""), "{out}");
    assert!(out.ends_with("1 error in test.toml"), "{out}");

    let out = report(&with_aliases("aliases = { bn = \"x\" }"));
    assert!(
        out.starts_with(
            "test.toml:8:11: error: \"aliases\" must be a list of texts between double quotes\n"
        ),
        "{out}"
    );
}

#[test]
fn an_alias_is_a_host_name_as_the_website_is() {
    let out = report(&with_aliases(
        r#"aliases = ["www.example.gov.bd", "https://old.example.gov.bd/bn/services"]"#,
    ));
    assert!(
        out.starts_with(
            "test.toml:8:34: error: alias \"https://old.example.gov.bd/bn/services\" is not a web address\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "= hint: write each address only, without https:// or a path\n   \
             = example: aliases = [\"www.example.gov.bd\", \"old.example.gov.bd\"]\n"
        ),
        "{out}"
    );
    for bad in [
        "localhost",
        "-x.gov.bd",
        "x..gov.bd",
        "user@x.gov.bd",
        "x.gov.bd?a=1",
    ] {
        let out = report(&with_aliases(&format!("aliases = [\"{bad}\"]")));
        assert!(
            out.starts_with(&format!(
                "test.toml:8:12: error: alias \"{bad}\" is not a web address\n"
            )),
            "{out}"
        );
    }
}

#[test]
fn an_alias_is_neither_the_website_nor_another_alias_again() {
    let out = report(&with_aliases(
        r#"aliases = ["www.example.gov.bd", "WWW.Example.gov.bd", "https://example.gov.bd/"]"#,
    ));
    let firsts: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("test.toml:"))
        .collect();
    assert_eq!(
        firsts,
        [
            "test.toml:8:34: error: alias \"WWW.Example.gov.bd\" is written twice",
            "test.toml:8:56: error: alias \"https://example.gov.bd/\" is the website itself",
        ],
        "{out}"
    );
    assert!(
        out.contains(
            "= hint: write each name once; the first is on line 8, column 12: delete this one\n   \
             = example: aliases = [\"www.example.gov.bd\", \"https://example.gov.bd/\"]\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("= example: aliases = [\"www.example.gov.bd\", \"WWW.Example.gov.bd\"]\n"),
        "{out}"
    );
}

#[test]
fn aliases_are_at_most_twenty() {
    let names = |n: usize| -> String {
        (1..=n)
            .map(|i| format!("\"a{i}.example.gov.bd\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let twenty = with_aliases(&format!("aliases = [{}]", names(20)));
    assert!(load_str("test.toml", &twenty).is_ok());
    let out = report(&with_aliases(&format!("aliases = [{}]", names(22))));
    let column = "aliases = [".len() + names(20).len() + ", ".len() + 1;
    assert!(
        out.starts_with(&format!(
            "test.toml:8:{column}: error: there are 22 aliases: a site answers to at most 20 other names\n"
        )),
        "{out}"
    );
    assert!(out.ends_with("1 error in test.toml"), "{out}");
}

#[test]
fn division_is_checked_as_every_text_is() {
    let division = |line: &str| {
        with(
            "district = { bn = \"জেলা\", en = \"District\" }\n",
            &format!("district = {{ bn = \"জেলা\", en = \"District\" }}\n{line}\n"),
        )
    };
    let loaded = load_str(
        "test.toml",
        &division("division = { bn = \"\u{09DF}\", en = \"Division\" }"),
    )
    .expect("valid");
    // Normalised to NFC as the district is.
    let text = loaded.charter.office.division.as_ref().unwrap();
    assert_eq!(text.bn(), "\u{09AF}\u{09BC}");

    assert_eq!(
        first_line(&division("division = \"ঢাকা\"")),
        "test.toml:7:12: error: \"division\" must be written with its Bangla and English texts"
    );
    assert_eq!(
        first_line(&division("division = { bn = \"\", en = \"Dhaka\" }")),
        "test.toml:7:19: error: the Bangla text of office.division is empty"
    );
    let loaded = load_str("test.toml", &division("division = { bn = \"ঢাকা\" }")).unwrap();
    assert!(
        loaded
            .warnings
            .to_string()
            .contains("test.toml:7:19: warning: office.division has no English text"),
        "{}",
        loaded.warnings
    );
}
