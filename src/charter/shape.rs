//! The keys a charter file may have, section by section: what kind of
//! value each takes, whether it is required, and a correct line to show a
//! clerk who left it out or wrote it wrongly.

use super::words::Words;

/// What kind of value a key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// `{ bn = "…", en = "…" }`.
    Text,
    /// A text, or a numbered list of texts `[ { bn = "…" }, … ]`.
    Block,
    /// A list of texts.
    Texts,
    /// A plain text in quotes.
    Plain,
    /// A list of plain texts in quotes: `[ "…", "…" ]`.
    Plains,
    /// A whole number; Bangla digits and quotes are forgiven.
    Number,
    /// A date, year-month-day; Bangla digits and quotes are forgiven.
    Date,
    /// One of the three service groups.
    Group,
}

pub(super) struct Key {
    pub(super) name: &'static str,
    pub(super) shape: Shape,
    pub(super) required: bool,
    /// A correct line, shown when the key is missing or wrongly written.
    pub(super) example: &'static str,
}

const fn key(name: &'static str, shape: Shape, required: bool, example: &'static str) -> Key {
    Key {
        name,
        shape,
        required,
        example,
    }
}

pub(super) struct Section {
    pub(super) name: &'static str,
    /// How the section's heading is written.
    pub(super) heading: &'static str,
    /// Whether the file has several (`[[services]]`) or one (`[office]`).
    pub(super) many: bool,
    pub(super) required: bool,
    pub(super) keys: &'static [Key],
}

use Shape::*;

pub(super) const SECTIONS: &[Section] = &[
    Section {
        name: "office",
        heading: "[office]",
        many: false,
        required: true,
        keys: &[
            key(
                "government",
                Text,
                true,
                "government = { bn = \"গণপ্রজাতন্ত্রী বাংলাদেশ সরকার\", en = \"Government of the People's Republic of Bangladesh\" }",
            ),
            key(
                "office",
                Text,
                true,
                "office = { bn = \"উপজেলা কার্যালয়\", en = \"Upazila Office\" }",
            ),
            key(
                "department",
                Text,
                true,
                "department = { bn = \"তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর\", en = \"Department of ICT\" }",
            ),
            key(
                "upazila",
                Text,
                true,
                "upazila = { bn = \"হালুয়াঘাট\", en = \"Haluaghat\" }",
            ),
            key(
                "district",
                Text,
                true,
                "district = { bn = \"ময়মনসিংহ\", en = \"Mymensingh\" }",
            ),
            key(
                "division",
                Text,
                false,
                "division = { bn = \"ময়মনসিংহ\", en = \"Mymensingh\" }",
            ),
            key(
                "website",
                Plain,
                true,
                "website = \"doict.haluaghat.mymensingh.gov.bd\"",
            ),
            key(
                "aliases",
                Plains,
                false,
                "aliases = [\"haluaghat.mymensingh.gov.bd\", \"www.doict.haluaghat.mymensingh.gov.bd\"]",
            ),
            key(
                "address",
                Text,
                false,
                "address = { bn = \"…\", en = \"…\" }",
            ),
            key("phone", Plain, false, "phone = \"02996673752\""),
            key("email", Plain, false, "email = \"name@example.gov.bd\""),
        ],
    },
    Section {
        name: "charter",
        heading: "[charter]",
        many: false,
        required: true,
        keys: &[
            key("vision", Text, true, "vision = { bn = \"…\", en = \"…\" }"),
            key(
                "mission",
                Text,
                true,
                "mission = { bn = \"…\", en = \"…\" }",
            ),
            key(
                "expectations",
                Texts,
                false,
                "expectations = [ { bn = \"…\", en = \"…\" } ]",
            ),
            key("last_updated", Date, false, "last_updated = 2026-11-27"),
        ],
    },
    Section {
        name: "officers",
        heading: "[[officers]]",
        many: true,
        required: false,
        keys: &[
            key("id", Plain, true, "id = \"assistant-programmer\""),
            key("name", Text, true, "name = { bn = \"…\", en = \"…\" }"),
            key(
                "designation",
                Text,
                true,
                "designation = { bn = \"সহকারী প্রোগ্রামার\", en = \"Assistant Programmer\" }",
            ),
            key("office", Text, false, "office = { bn = \"…\", en = \"…\" }"),
            key("phone", Plain, false, "phone = \"02996673752\""),
            key("email", Plain, false, "email = \"name@example.gov.bd\""),
        ],
    },
    Section {
        name: "services",
        heading: "[[services]]",
        many: true,
        required: false,
        keys: &[
            key("group", Group, true, "group = \"citizen\""),
            key("serial", Number, true, "serial = 1"),
            key("slug", Plain, true, "slug = \"ict-training\""),
            key("name", Text, true, "name = { bn = \"…\", en = \"…\" }"),
            key(
                "delivery",
                Block,
                true,
                "delivery = { bn = \"…\", en = \"…\" }",
            ),
            key(
                "documents",
                Block,
                true,
                "documents = { bn = \"প্রযোজ্য নয়\", en = \"Not applicable\" }",
            ),
            key(
                "fee",
                Block,
                true,
                "fee = { bn = \"বিনামূল্যে\", en = \"Free of charge\" }",
            ),
            key(
                "time_limit",
                Block,
                true,
                "time_limit = { bn = \"৭ কার্যদিবস\", en = \"7 working days\" }",
            ),
            key(
                "officer",
                Plain,
                false,
                "officer = \"assistant-programmer\"",
            ),
            key(
                "senior_officer",
                Plain,
                false,
                "senior_officer = \"assistant-programmer\"",
            ),
        ],
    },
    Section {
        name: "grievance",
        heading: "[[grievance]]",
        many: true,
        required: false,
        keys: &[
            key("serial", Number, true, "serial = 1"),
            key("when", Text, true, "when = { bn = \"…\", en = \"…\" }"),
            key(
                "contact",
                Text,
                true,
                "contact = { bn = \"…\", en = \"…\" }",
            ),
            key(
                "address",
                Text,
                true,
                "address = { bn = \"…\", en = \"…\" }",
            ),
            key(
                "resolution_time",
                Text,
                true,
                "resolution_time = { bn = \"…\", en = \"…\" }",
            ),
        ],
    },
];

/// The service groups with the names staff know them by.
pub(super) const GROUPS: [(&str, &str); 3] = [
    ("citizen", "নাগরিক সেবা"),
    ("institutional", "প্রাতিষ্ঠানিক সেবা"),
    ("internal", "অভ্যন্তরীণ সেবা"),
];

/// A date typed day/month/year, year/month/day or with dots, in either
/// script, written year-month-day as the file reads it.
pub(super) fn date_from_any_order(text: &str) -> Option<String> {
    let ascii = crate::i18n::ascii_digits(text.trim().trim_matches('"')).into_owned();
    let parts: Vec<&str> = ascii.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &&str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if ![a, b, c].iter().all(|p| digits(p)) {
        return None;
    }
    let (y, m, d) = match (a.len(), c.len()) {
        (4, _) => (a, b, c),
        (_, 4) => (c, b, a),
        _ => return None,
    };
    let date = format!("{y}-{m:0>2}-{d:0>2}");
    let real = m.len() <= 2
        && d.len() <= 2
        && crate::calendar::Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).is_some();
    real.then_some(date)
}

/// Why `text`, written as year-month-day, is not a date of the calendar
/// ("November 2026 has 30 days"), if that is what is wrong with it.
pub(super) fn impossible_date(text: &str) -> Option<Words> {
    let ascii = crate::i18n::ascii_digits(text.trim().trim_matches('"')).into_owned();
    let parts: Vec<u32> = ascii
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if ascii.split('-').next().is_none_or(|y| y.len() != 4) {
        return None;
    }
    let year = i32::try_from(*y).ok()?;
    if !(1..=12).contains(m) {
        return Some(Words::new("check-no-month").arg("month", *m));
    }
    let month = u8::try_from(*m).ok()?;
    let days = (28..=31)
        .rev()
        .find(|&n| crate::calendar::Date::new(year, month, n).is_some())?;
    (*d == 0 || *d > u32::from(days)).then(|| {
        // The month goes by its English name, a key of the Fluent files.
        let name = crate::calendar::GREGORIAN_MONTHS_EN[month as usize - 1].to_lowercase();
        Words::new("check-month-days")
            .arg("month", Words::new("check-month").arg("month", name))
            .arg("year", *y)
            .arg("days", u32::from(days))
    })
}
