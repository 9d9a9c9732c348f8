//! The mistakes office staff really make when editing `charter.toml` in
//! Notepad or on a phone, each with the message `charter check` gives,
//! pinned: the place, the words, and the corrected line to copy. Forgiven
//! spellings (Bangla digits in numbers and dates) are read as meant.

use citizen_charter::charter::{LoadError, load_file, load_str};

use super::validation::{BASE, SECOND_SERVICE, with};

/// What a clerk's edit must lead to.
enum Outcome {
    /// Refused: the report's first line, then lines that must follow in
    /// it (hint, example).
    Refused(&'static str, &'static [&'static str]),
    /// Accepted, with warnings holding these lines (none when empty), and
    /// read as the same charter as the edit written correctly.
    Accepted(&'static [&'static str], &'static str),
}
use Outcome::*;

struct Mistake {
    what: &'static str,
    /// Entries written after `BASE` before the edit: the mistake is made
    /// in `BASE` and these.
    more: &'static str,
    from: &'static str,
    to: &'static str,
    outcome: Outcome,
}

const fn m(what: &'static str, from: &'static str, to: &'static str, outcome: Outcome) -> Mistake {
    on("", what, from, to, outcome)
}

/// A mistake made in `BASE` followed by `more`.
const fn on(
    more: &'static str,
    what: &'static str,
    from: &'static str,
    to: &'static str,
    outcome: Outcome,
) -> Mistake {
    Mistake {
        what,
        more,
        from,
        to,
        outcome,
    }
}

impl Mistake {
    /// The charter with `from` written as `with`.
    fn edited(&self, with: &str) -> String {
        let base = format!("{BASE}{}", self.more);
        assert!(base.contains(self.from), "{}", self.from);
        base.replacen(self.from, with, 1)
    }
}

/// A citizen service numbered 2, to follow `BASE`'s.
macro_rules! second_service {
    () => {
        r#"
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
"#
    };
}

/// Two more citizen services after `BASE`'s, numbered 2 and 3.
const TWO_MORE: &str = concat!(
    second_service!(),
    r#"
[[services]]
group = "citizen"
serial = 3
slug = "third"
officer = "assistant-programmer"
name = { bn = "তৃতীয়", en = "Third" }
delivery = { bn = "সরাসরি", en = "In person" }
documents = { bn = "নেই", en = "None" }
fee = { bn = "বিনামূল্যে", en = "Free" }
time_limit = { bn = "১ দিন", en = "1 day" }
"#
);

const MISTAKES: &[Mistake] = &[
    m(
        "closing quote left out at the end of a line",
        "slug = \"first\"",
        "slug = \"first",
        Refused(
            "charter.toml:23:8: error: the text starting at line 23 column 8 has no closing quote",
            &[
                "= hint: end every text with a straight double quote \"",
                "= example: slug = \"first\"",
            ],
        ),
    ),
    m(
        "closing quote left out in the middle of a line",
        "name = { bn = \"প্রথম\", en",
        "name = { bn = \"প্রথম, en",
        Refused(
            "charter.toml:25:15: error: the text starting at line 25 column 15 has no closing quote",
            &[
                "= hint: end every text with a straight double quote \"",
                "= example: name = { bn = \"প্রথম\", en = \"First\" }",
            ],
        ),
    ),
    m(
        "closing quote left out before the closing brace",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free }",
        Refused(
            "charter.toml:28:33: error: the text starting at line 28 column 33 has no closing quote",
            &[
                "= hint: end every text with a straight double quote \"",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "curly quotes typed by a phone keyboard",
        "slug = \"first\"",
        "slug = “first”",
        Refused(
            "charter.toml:23:8: error: this line has a curly quote “ where a straight quote \" belongs",
            &[
                "= hint: word processors and phone keyboards change \" into “ ”; type the straight quote \" instead, or edit the file in Notepad",
                "= example: slug = \"first\"",
            ],
        ),
    ),
    m(
        "curly quotes around the texts of a text",
        "name = { bn = \"প্রথম\", en = \"First\" }",
        "name = { bn = “প্রথম”, en = “First” }",
        Refused(
            "charter.toml:25:15: error: this line has a curly quote “ where a straight quote \" belongs",
            &[
                "= hint: word processors and phone keyboards change \" into “ ”; type the straight quote \" instead, or edit the file in Notepad",
                "= example: name = { bn = \"প্রথম\", en = \"First\" }",
            ],
        ),
    ),
    m(
        "a closing quote typed curly",
        "slug = \"first\"",
        "slug = \"first”",
        Refused(
            "charter.toml:23:14: error: this line has a curly quote ” where a straight quote \" belongs",
            &[
                "= hint: word processors and phone keyboards change \" into “ ”; type the straight quote \" instead, or edit the file in Notepad",
                "= example: slug = \"first\"",
            ],
        ),
    ),
    m(
        "Bangla digits in a serial number",
        "serial = 1",
        "serial = ১",
        Accepted(&[], "serial = 1"),
    ),
    m(
        "a serial number in quotes, in Bangla digits",
        "serial = 1",
        "serial = \"১\"",
        Accepted(&[], "serial = 1"),
    ),
    m(
        "a date in Bangla digits",
        "mission = { bn = \"মিশন\", en = \"Mission\" }\n",
        "mission = { bn = \"মিশন\", en = \"Mission\" }\nlast_updated = ২০২৬-১১-২৭\n",
        Accepted(
            &[],
            "mission = { bn = \"মিশন\", en = \"Mission\" }\nlast_updated = 2026-11-27\n",
        ),
    ),
    m(
        "a date in quotes, in Bangla digits",
        "mission = { bn = \"মিশন\", en = \"Mission\" }\n",
        "mission = { bn = \"মিশন\", en = \"Mission\" }\nlast_updated = \"২০২৬-১১-২৭\"\n",
        Accepted(
            &[],
            "mission = { bn = \"মিশন\", en = \"Mission\" }\nlast_updated = 2026-11-27\n",
        ),
    ),
    m(
        "a date written day-month-year",
        "mission = { bn = \"মিশন\", en = \"Mission\" }\n",
        "mission = { bn = \"মিশন\", en = \"Mission\" }\nlast_updated = 27-11-2026\n",
        Refused(
            "charter.toml:12:16: error: this date cannot be read",
            &[
                "= hint: write dates as year-month-day, with hyphens",
                "= example: last_updated = 2026-11-27",
            ],
        ),
    ),
    m(
        "a misspelled group",
        "group = \"citizen\"",
        "group = \"citizens\"",
        Refused(
            "charter.toml:21:9: error: \"citizens\" is not one of the service groups",
            &[
                "= hint: write citizen (নাগরিক সেবা), institutional (প্রাতিষ্ঠানিক সেবা) or internal (অভ্যন্তরীণ সেবা)",
                "= example: group = \"citizen\"",
            ],
        ),
    ),
    m(
        "a group written in Bangla",
        "group = \"citizen\"",
        "group = \"নাগরিক সেবা\"",
        Refused(
            "charter.toml:21:9: error: \"নাগরিক সেবা\" is not one of the service groups",
            &[
                "= hint: write citizen (নাগরিক সেবা), institutional (প্রাতিষ্ঠানিক সেবা) or internal (অভ্যন্তরীণ সেবা)",
                "= example: group = \"citizen\"",
            ],
        ),
    ),
    m(
        "a phone number in Bangla digits",
        "phone = \"02996673752\"",
        "phone = \"০২৯৯৬৬৭৩৭৫২\"",
        Accepted(&[], "phone = \"০২৯৯৬৬৭৩৭৫২\""),
    ),
    m(
        "a tab inside a quoted text",
        "en = \"Free\"",
        "en = \"Free\tof charge\"",
        Accepted(
            &[
                "a text of service first: fee has a tab in it",
                "= hint: a tab shows as a space on the page; type a space instead",
            ],
            "en = \"Free\tof charge\"",
        ),
    ),
    m(
        "a deleted ] in a heading",
        "[[services]]",
        "[[services]",
        Refused(
            "charter.toml:20:1: error: the heading [[services] has 2 [ but 1 ]",
            &[
                "= hint: a heading has as many ] after its name as [ before it",
                "= example: [[services]]",
            ],
        ),
    ),
    m(
        "a deleted ] at the end of a list",
        "delivery = { bn = \"সরাসরি\", en = \"In person\" }",
        "delivery = [\n  { bn = \"সরাসরি\", en = \"In person\" },\n  { bn = \"ডাকযোগে\", en = \"By post\" },",
        Refused(
            "charter.toml:26:12: error: the list that starts on line 26 has no closing ]",
            &[
                "= hint: end the list with ] on a line of its own after its last item",
                "= example: ]",
            ],
        ),
    ),
    m(
        "a text left empty",
        "fee = { bn = \"বিনামূল্যে\"",
        "fee = { bn = \"\"",
        Refused(
            "charter.toml:28:14: error: the Bangla text of service first: fee is empty",
            &["= hint: write the text between the quotes: bn = \"…\""],
        ),
    ),
    m(
        "a wrong officer id",
        "officer = \"assistant-programmer\"",
        "officer = \"assistant-programer\"",
        Refused(
            "charter.toml:24:11: error: unknown officer \"assistant-programer\"",
            &[
                "= hint: known officers: assistant-programmer",
                "= example: officer = \"assistant-programmer\"",
            ],
        ),
    ),
    m(
        "a misspelled key",
        "slug = \"first\"",
        "slgu = \"first\"",
        Refused(
            "charter.toml:23:1: error: \"slgu\" is not something this service can have: did you mean \"slug\"?",
            &[
                "= hint: the lines this service can have start with: group, serial, slug, name, delivery, documents, fee, time_limit, officer, senior_officer",
                "= example: slug = \"first\"",
            ],
        ),
    ),
    m(
        "a required line deleted",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }\n",
        "",
        Refused(
            "charter.toml:20:1: error: this service has no \"fee\"",
            &[
                "= hint: add a line like the example below [[services]]",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free of charge\" }",
            ],
        ),
    ),
    m(
        "a text without its bn and en",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
        "fee = \"বিনামূল্যে\"",
        Refused(
            "charter.toml:28:7: error: \"fee\" must be written with its Bangla and English texts",
            &[
                "= hint: write the Bangla after bn = and the English after en =, each between double quotes",
                "= example: fee = { bn = \"বিনামূল্যে\" }",
            ],
        ),
    ),
    m(
        "a comma left out between Bangla and English",
        "fee = { bn = \"বিনামূল্যে\", en",
        "fee = { bn = \"বিনামূল্যে\" en",
        Refused(
            "charter.toml:28:27: error: a comma is missing here",
            &[
                "= hint: put a comma between the Bangla and the English text: { bn = \"…\", en = \"…\" }",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "a serial number written as a word",
        "serial = 1",
        "serial = \"one\"",
        Refused(
            "charter.toml:22:10: error: \"serial\" must be a whole number like 1, 2 or 3",
            &["= example: serial = 1"],
        ),
    ),
    m(
        "the English key misspelled",
        "en = \"First\"",
        "eng = \"First\"",
        Refused(
            "charter.toml:25:15: warning: service first: name has no English text",
            &[
                "= hint: add en = \"…\" after the Bangla text; until then English pages show it in Bangla",
            ],
        ),
    ),
    m(
        "a key typed in Bangla",
        "slug = \"first\"",
        "স্লাগ = \"first\"",
        Refused(
            "charter.toml:23:1: error: the name before = can only have English letters, digits, - and _",
            &[
                "= hint: write the name as docs/charter.md does; texts go after = between quotes",
                "= example: name = { bn = \"…\", en = \"…\" }",
            ],
        ),
    ),
    m(
        "an e-mail address without @",
        "email = \"a@example.gov.bd\"",
        "email = \"a.example.gov.bd\"",
        Refused(
            "charter.toml:18:9: error: e-mail address \"a.example.gov.bd\" is not valid",
            &["= hint: write it like name@example.gov.bd: one @, no spaces"],
        ),
    ),
    m(
        "the [office] heading deleted",
        "[office]\n",
        "",
        Refused(
            "charter.toml:1:1: error: the line \"government\" and those after it belong under the heading [office], which is missing",
            &[
                "= hint: put [office] on a line of its own above this line",
                "= example: [office]",
            ],
        ),
    ),
    m(
        "an officer id with a space",
        "id = \"assistant-programmer\"",
        "id = \"assistant programmer\"",
        Refused(
            "charter.toml:14:6: error: officer id \"assistant programmer\" is not a simple name",
            &[
                "= hint: use lower-case English letters, digits and hyphens, e.g. assistant-programmer",
            ],
        ),
    ),
    m(
        "a comma left out between the items of a list",
        "delivery = { bn = \"সরাসরি\", en = \"In person\" }",
        "delivery = [\n  { bn = \"সরাসরি\", en = \"In person\" }\n  { bn = \"ডাকযোগে\", en = \"By post\" },\n]",
        Refused(
            "charter.toml:27:38: error: a comma is missing after the item on line 27",
            &[
                "= hint: put a comma after each item of a list",
                "= example: { bn = \"সরাসরি\", en = \"In person\" },",
            ],
        ),
    ),
    m(
        "a দাঁড়ি typed where a comma belongs",
        "fee = { bn = \"বিনামূল্যে\", en",
        "fee = { bn = \"বিনামূল্যে\"। en",
        Refused(
            "charter.toml:28:26: error: this । is not a comma",
            &[
                "= hint: between two parts of a line, and between the items of a list, type a comma ,",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "a phone number without quotes",
        "phone = \"02996673752\"",
        "phone = 02996673752",
        Refused(
            "charter.toml:17:9: error: the value of phone must be between double quotes",
            &[
                "= hint: put a straight double quote \" before and after it",
                "= example: phone = \"02996673752\"",
            ],
        ),
    ),
    m(
        "a closing brace deleted",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\"",
        Refused(
            "charter.toml:28:39: error: the text on line 28 has no closing }",
            &[
                "= hint: a text { bn = \"…\", en = \"…\" } ends with } on the same line",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "the opening quote left out",
        "slug = \"first\"",
        "slug = first\"",
        Refused(
            "charter.toml:23:8: error: this text has a closing quote but no opening quote",
            &[
                "= hint: a text begins and ends with a straight double quote \"",
                "= example: slug = \"first\"",
            ],
        ),
    ),
    m(
        "a quote inside a text",
        "en = \"Free\" }",
        "en = \"Free \"of\" charge\" }",
        Refused(
            "charter.toml:28:39: error: the text starting at line 28 column 33 has a \" inside it",
            &[
                "= hint: a quote inside a text is written \\\" (or use ‘ ’ there)",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free \\\"of\\\" charge\" }",
            ],
        ),
    ),
    m(
        "Enter pressed inside a text",
        "en = \"Free\" }",
        "en = \"Free of\ncharge\" }",
        Refused(
            "charter.toml:28:33: error: the text starting at line 28 column 33 has no closing quote",
            &[
                "= hint: a text stays on one line: join line 29 to this one",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free of charge\" }",
            ],
        ),
    ),
    m(
        "a date written with slashes",
        "mission = { bn = \"মিশন\", en = \"Mission\" }\n",
        "mission = { bn = \"মিশন\", en = \"Mission\" }\nlast_updated = ২৭/১১/২০২৬\n",
        Refused(
            "charter.toml:12:16: error: this date cannot be read",
            &[
                "= hint: write dates as year-month-day, with hyphens",
                "= example: last_updated = 2026-11-27",
            ],
        ),
    ),
    m(
        "a Windows folder typed in a text",
        "en = \"Free\" }",
        "en = \"C:\\Users\\office\" }",
        Refused(
            "charter.toml:28:38: error: a backslash \\ cannot stand alone in a text",
            &[
                "= hint: write / instead, or \\\\ for a backslash; \\\" is a quote inside a text",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"C:/Users/office\" }",
            ],
        ),
    ),
    m(
        "words typed after the closing quote",
        "slug = \"first\"",
        "slug = \"first\" service",
        Refused(
            "charter.toml:23:15: error: these words come after the text's closing quote",
            &[
                "= hint: put them inside the quotes, or delete them",
                "= example: slug = \"first\"",
            ],
        ),
    ),
    m(
        "a section heading misspelt",
        "[[officers]]",
        "[[officer]]",
        Refused(
            "charter.toml:13:3: error: \"officer\" is not a part of a charter",
            &[
                "= hint: the parts are [office], [charter], [[officers]], [[services]] and [[grievance]]",
                "= example: [[officers]]",
            ],
        ),
    ),
    m(
        "one bracket where a service heading has two",
        "[[services]]",
        "[services]",
        Refused(
            "charter.toml:20:1: error: \"services\" must be a section headed [[services]] with its lines below it",
            &[
                "= hint: a part of which there are many has two brackets on each side of its heading",
                "= example: [[services]]",
            ],
        ),
    ),
    m(
        "an invisible no-break space pasted from a web page",
        "slug = \"first\"",
        "slug\u{a0}= \"first\"",
        Refused(
            "charter.toml:23:5: error: there is an invisible character here (a no-break space, U+00A0)",
            &[
                "= hint: delete the spaces around this spot and type them again with the space bar",
                "= example: slug = \"first\"",
            ],
        ),
    ),
    m(
        "a colon instead of =",
        "slug = \"first\"",
        "slug: \"first\"",
        Refused(
            "charter.toml:23:1: error: a name and its value are joined by =, not by :",
            &[
                "= hint: write = between a name and its value",
                "= example: slug = \"first\"",
            ],
        ),
    ),
    m(
        "= left out",
        "slug = \"first\"",
        "slug \"first\"",
        Refused(
            "charter.toml:23:1: error: = is missing after slug",
            &[
                "= hint: write the name, then =, then the value",
                "= example: slug = \"first\"",
            ],
        ),
    ),
    m(
        "a space in a name",
        "time_limit = ",
        "time limit = ",
        Refused(
            "charter.toml:29:1: error: a name has no spaces in it",
            &[
                "= hint: write time_limit, with _ between the words",
                "= example: time_limit = { bn = \"১ দিন\", en = \"1 day\" }",
            ],
        ),
    ),
    m(
        "a note written without #",
        "slug = \"first\"",
        "রহিমা বদলেছেন\nslug = \"first\"",
        Refused(
            "charter.toml:23:1: error: this line is neither name = value nor a heading",
            &[
                "= hint: if it is a note for the staff, start it with #: the site ignores such lines",
                "= example: # রহিমা বদলেছেন",
            ],
        ),
    ),
    m(
        "colons inside a text, as in other formats",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
        "fee = { bn: \"বিনামূল্যে\", en: \"Free\" }",
        Refused(
            "charter.toml:28:1: error: a name and its value are joined by =, not by :",
            &[
                "= hint: write = between a name and its value",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "a text inside braces without its quotes",
        "fee = { bn = \"বিনামূল্যে\", en",
        "fee = { bn = বিনামূল্যে, en",
        Refused(
            "charter.toml:28:1: error: the text after bn = has no quotes",
            &[
                "= hint: put a straight double quote \" before and after the text",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "two commas together",
        "fee = { bn = \"বিনামূল্যে\", en",
        "fee = { bn = \"বিনামূল্যে\",, en",
        Refused(
            "charter.toml:28:1: error: two commas stand together",
            &[
                "= hint: one comma separates two parts",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "square brackets around a text",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
        "fee = [ bn = \"বিনামূল্যে\", en = \"Free\" ]",
        Refused(
            "charter.toml:28:1: error: fee is written with { }, not [ ]",
            &[
                "= hint: a text is { bn = \"…\", en = \"…\" }; [ ] holds a list of such texts",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "a value moved to the next line",
        "fee = { bn",
        "fee =\n{ bn",
        Refused(
            "charter.toml:28:1: error: the value of fee is not on its line",
            &[
                "= hint: a value goes on the same line as its name, after =: join line 29 to this one",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "the [ of a list deleted",
        "delivery = { bn = \"সরাসরি\", en = \"In person\" }",
        "delivery =\n  { bn = \"সরাসরি\", en = \"In person\" },\n]",
        Refused(
            "charter.toml:26:1: error: the list of delivery has no opening [",
            &[
                "= hint: a list starts with [ after =, and ends with ] on a line of its own",
                "= example: delivery = [",
            ],
        ),
    ),
    m(
        "an opening quote left out inside braces",
        "fee = { bn = \"বিনামূল্যে\", en",
        "fee = { bn = বিনামূল্যে\", en",
        Refused(
            "charter.toml:28:14: error: this text has a closing quote but no opening quote",
            &[
                "= hint: a text begins and ends with a straight double quote \"",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "the { of a text deleted",
        "fee = { bn",
        "fee = bn",
        Refused(
            "charter.toml:28:7: error: fee is written { bn = \"…\", en = \"…\" }",
            &[
                "= hint: write the Bangla after bn = and the English after en =, each between double quotes, all between { and }",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "a দাঁড়ি after a serial number",
        "serial = 1",
        "serial = ১।",
        Refused(
            "charter.toml:22:1: error: the । after the value of serial is not needed",
            &[
                "= hint: delete the । at the end of the line",
                "= example: serial = ১",
            ],
        ),
    ),
    m(
        "a semicolon at the end of a line",
        "slug = \"first\"",
        "slug = \"first\";",
        Refused(
            "charter.toml:23:1: error: the ; after the value of slug is not needed",
            &[
                "= hint: delete the ; at the end of the line",
                "= example: slug = \"first\"",
            ],
        ),
    ),
    m(
        "a stray closing brace on a line of its own",
        "slug = \"first\"\n",
        "slug = \"first\"\n}\n",
        Refused(
            "charter.toml:24:1: error: this line has only a bracket, which closes nothing",
            &["= hint: delete this line"],
        ),
    ),
    m(
        "bn written twice in a text",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
        "fee = { bn = \"বিনামূল্যে\", bn = \"Free\" }",
        Refused(
            "charter.toml:28:28: error: bn is written twice in this text",
            &[
                "= hint: a text has one bn (Bangla) and one en (English); the second bn should be en",
                "= example: fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
            ],
        ),
    ),
    m(
        "a line written twice",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }\n",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }\nfee = { bn = \"বিনামূল্যে\", en = \"Free\" }\n",
        Refused(
            "charter.toml:29:1: error: \"fee\" is written twice in the same part of the file (first on line 28)",
            &["= hint: write each line once: delete one of the two"],
        ),
    ),
    m(
        "a date that does not exist",
        "mission = { bn = \"মিশন\", en = \"Mission\" }\n",
        "mission = { bn = \"মিশন\", en = \"Mission\" }\nlast_updated = 2026-11-31\n",
        Refused(
            "charter.toml:12:16: error: 2026-11-31 is not a date",
            &["= hint: November 2026 has 30 days"],
        ),
    ),
    m(
        "a line added under the wrong heading",
        "time_limit = { bn = \"১ দিন\", en = \"1 day\" }\n",
        "time_limit = { bn = \"১ দিন\", en = \"1 day\" }\nlast_updated = 2026-11-27\n",
        Refused(
            "charter.toml:30:1: error: \"last_updated\" is not something this service can have",
            &["= hint: \"last_updated\" belongs under [charter]: move this line there"],
        ),
    ),
    m(
        "a list left empty",
        "delivery = { bn = \"সরাসরি\", en = \"In person\" }",
        "delivery = []",
        Refused(
            "charter.toml:26:12: error: the list of \"delivery\" is empty",
            &[
                "= hint: write at least one text between [ and ], each as { bn = \"…\", en = \"…\" }",
            ],
        ),
    ),
    m(
        "a stand-in … left as a text",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
        "fee = { bn = \"…\", en = \"Free\" }",
        Refused(
            "charter.toml:28:14: error: a text of service first: fee is still the stand-in …",
            &["= hint: write the real text between the quotes"],
        ),
    ),
    m(
        "aliases written without the brackets of a list",
        "website = \"example.gov.bd\"\n",
        "website = \"example.gov.bd\"\naliases = \"www.example.gov.bd\"\n",
        Refused(
            "charter.toml:8:11: error: \"aliases\" is a list: its texts go between [ and ]",
            &[
                "= hint: put [ before the first text and ] after the last, with a comma between texts",
                "= example: aliases = [\"www.example.gov.bd\"]",
            ],
        ),
    ),
    m(
        "aliases typed without quotes",
        "website = \"example.gov.bd\"\n",
        "website = \"example.gov.bd\"\naliases = [www.example.gov.bd, old.example.gov.bd]\n",
        Refused(
            "charter.toml:8:11: error: the texts in the list of aliases have no quotes",
            &[
                "= hint: put a straight double quote \" before and after each text",
                "= example: aliases = [\"www.example.gov.bd\", \"old.example.gov.bd\"]",
            ],
        ),
    ),
    m(
        "an alias typed without quotes on a line of its own",
        "website = \"example.gov.bd\"\n",
        "website = \"example.gov.bd\"\naliases = [\n  \"www.example.gov.bd\",\n  old.example.gov.bd,\n]\n",
        Refused(
            "charter.toml:10:3: error: the texts in the list of aliases have no quotes",
            &[
                "= hint: put a straight double quote \" before and after each text",
                "= example: \"old.example.gov.bd\",",
            ],
        ),
    ),
    m(
        "the comma between two aliases left out",
        "website = \"example.gov.bd\"\n",
        "website = \"example.gov.bd\"\naliases = [\"www.example.gov.bd\" \"old.example.gov.bd\"]\n",
        Refused(
            "charter.toml:8:33: error: a comma is missing between these two items",
            &[
                "= hint: put a comma after each item of a list",
                "= example: aliases = [\"www.example.gov.bd\", \"old.example.gov.bd\"]",
            ],
        ),
    ),
    m(
        "aliases typed with neither quotes nor brackets",
        "website = \"example.gov.bd\"\n",
        "website = \"example.gov.bd\"\naliases = www.example.gov.bd, old.example.gov.bd\n",
        Refused(
            "charter.toml:8:11: error: aliases is a list of texts, each between double quotes",
            &["= example: aliases = [\"www.example.gov.bd\", \"old.example.gov.bd\"]"],
        ),
    ),
    m(
        "an alias copied from the browser's address bar",
        "website = \"example.gov.bd\"\n",
        "website = \"example.gov.bd\"\naliases = [\"https://old.example.gov.bd/bn/\"]\n",
        Refused(
            "charter.toml:8:12: error: alias \"https://old.example.gov.bd/bn/\" is not a web address",
            &[
                "= hint: write each address only, without https:// or a path",
                "= example: aliases = [\"old.example.gov.bd\"]",
            ],
        ),
    ),
    m(
        "the website written again among the aliases",
        "website = \"example.gov.bd\"\n",
        "website = \"example.gov.bd\"\naliases = [\"www.example.gov.bd\", \"Example.gov.bd\"]\n",
        Refused(
            "charter.toml:8:34: error: alias \"Example.gov.bd\" is the website itself",
            &["= example: aliases = [\"www.example.gov.bd\"]"],
        ),
    ),
    m(
        "an alias written twice",
        "website = \"example.gov.bd\"\n",
        "website = \"example.gov.bd\"\naliases = [\"www.example.gov.bd\", \"www.example.gov.bd/\"]\n",
        Refused(
            "charter.toml:8:34: error: alias \"www.example.gov.bd/\" is written twice",
            &[
                "= hint: write each name once; the first is on line 8, column 12: delete this one",
                "= example: aliases = [\"www.example.gov.bd\"]",
            ],
        ),
    ),
    m(
        "a division written as a plain text",
        "district = { bn = \"জেলা\", en = \"District\" }\n",
        "district = { bn = \"জেলা\", en = \"District\" }\ndivision = \"ঢাকা\"\n",
        Refused(
            "charter.toml:7:12: error: \"division\" must be written with its Bangla and English texts",
            &["= example: division = { bn = \"ঢাকা\" }"],
        ),
    ),
    m(
        "a comma typed inside the quote, none after it",
        "fee = { bn = \"বিনামূল্যে\", en",
        "fee = { bn = \"৫০০ টাকা,\" en",
        Refused(
            "charter.toml:28:26: error: a comma is missing here",
            &["= example: fee = { bn = \"৫০০ টাকা\", en = \"Free\" }"],
        ),
    ),
    m(
        "a comma typed inside the quote, a দাঁড়ি after it",
        "fee = { bn = \"বিনামূল্যে\", en",
        "fee = { bn = \"৫০০ টাকা,\"। en",
        Refused(
            "charter.toml:28:25: error: this । is not a comma",
            &["= example: fee = { bn = \"৫০০ টাকা\", en = \"Free\" }"],
        ),
    ),
    m(
        "a comma typed before a closing quote, no opening quote",
        "fee = { bn = \"বিনামূল্যে\", en",
        "fee = { bn = ৫০০ টাকা,\", en",
        Refused(
            "charter.toml:28:14: error: this text has a closing quote but no opening quote",
            &["= example: fee = { bn = \"৫০০ টাকা\", en = \"Free\" }"],
        ),
    ),
    m(
        "a fee without its bn and en, with a comma inside its quote",
        "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }",
        "fee = \"৫০০ টাকা,\"",
        Refused(
            "charter.toml:28:7: error: \"fee\" must be written with its Bangla and English texts",
            &["= example: fee = { bn = \"৫০০ টাকা\" }"],
        ),
    ),
    m(
        "aliases written as one text",
        "website = \"example.gov.bd\"\n",
        "website = \"example.gov.bd\"\naliases = \"www.example.gov.bd, old.example.gov.bd\"\n",
        Refused(
            "charter.toml:8:11: error: \"aliases\" is a list: its texts go between [ and ]",
            &["= example: aliases = [\"www.example.gov.bd\", \"old.example.gov.bd\"]"],
        ),
    ),
    m(
        "a line changed by typing a new one below it",
        "officer = \"assistant-programmer\"\n",
        "officer = \"assistant-programmer\"\nofficer = \"ict-officer\"\n",
        Refused(
            "charter.toml:25:1: error: \"officer\" is written twice in the same part of the file (first on line 24)",
            &[
                "= hint: line 24 has officer = \"assistant-programmer\" and line 25 has officer = \"ict-officer\": the later one is most likely the one meant, so delete line 24",
            ],
        ),
    ),
    m(
        "a heading written again further down",
        "[[officers]]",
        "[office]\nphone = \"02996673752\"\n\n[[officers]]",
        Refused(
            "charter.toml:13:2: error: the heading [office] is written twice (first on line 1)",
            &[
                "= hint: there is one [office] section: move the lines under this heading up under the first [office], and delete this heading",
            ],
        ),
    ),
    on(
        TWO_MORE,
        "a whole service deleted",
        second_service!(),
        "",
        Accepted(
            &[
                "charter.toml:33:10: warning: serial 3 comes after 1 among the citizen services: 2 is missing",
                "= hint: if a service was removed on purpose, number the ones after it again so that no number is skipped; if it was deleted by mistake, put it back",
                "= example: serial = 2",
            ],
            "",
        ),
    ),
];

/// Words of the file format's own vocabulary, which mean nothing to a
/// clerk.
const PARSER_WORDS: &[&str] = &[
    "variant",
    "literal",
    "key-value",
    "toml",
    "datetime",
    "invalid type",
    "expected",
    "table",
    "string",
    "integer",
    "array",
];

#[test]
fn every_mistake_a_clerk_makes_gets_a_message_they_can_act_on() {
    assert!(MISTAKES.len() >= 20);
    let mut wrong = Vec::new();
    for mistake in MISTAKES {
        let source = mistake.edited(mistake.to);
        match (&mistake.outcome, outcome(&source)) {
            (Refused(first, advice), Err(report)) => {
                let lines: Vec<&str> = report.lines().map(str::trim).collect();
                let words = report.replace("charter.toml", "").to_lowercase();
                let fine = lines[0] == *first
                    && advice.iter().all(|a| lines.contains(a))
                    && !PARSER_WORDS.iter().any(|w| words.contains(w));
                if !fine {
                    wrong.push(format!("{}:\n{report}", mistake.what));
                } else if example_is_the_line_in_error(&source, &report) {
                    wrong.push(format!(
                        "{}: the example is the line in error:\n{report}",
                        mistake.what
                    ));
                } else if let Some(fixed) = with_example_applied(&source, &report)
                    && let Err(again) = outcome(&fixed)
                {
                    wrong.push(format!(
                        "{}: the example, put in place of the line, does not fix it:\n{again}",
                        mistake.what
                    ));
                }
            }
            (Accepted(warnings, correct), Ok(found)) => {
                let meant = load_str("charter.toml", &mistake.edited(correct))
                    .expect("the correct spelling loads")
                    .charter;
                let read = load_str("charter.toml", &source).unwrap().charter;
                let same_warnings = warnings.iter().all(|w| found.contains(w))
                    && found.matches(": warning: ").count() == warnings.len().min(1);
                if read != meant || !same_warnings {
                    wrong.push(format!(
                        "{}: read differently or warned otherwise:\n{found}",
                        mistake.what
                    ));
                }
            }
            (Refused(..), Ok(_)) => wrong.push(format!("{}: accepted", mistake.what)),
            (Accepted(..), Err(report)) => {
                wrong.push(format!("{}: refused:\n{report}", mistake.what))
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// `BASE` with its service pasted again below it, changed as a clerk
/// would forget to: same serial, same slug; with or without its heading.
fn pasted(heading: bool) -> String {
    let again = SECOND_SERVICE
        .replace("serial = 2", "serial = 1")
        .replace("\"second\"", "\"first\"");
    let again = if heading {
        again
    } else {
        again.replacen("[[services]]\n", "", 1)
    };
    format!("{BASE}{again}")
}

/// `source` with the line a report's first finding points at replaced by
/// that finding's example, when the example is a corrected form of that
/// line (it begins with the same name, or is a list item or heading too);
/// when the hint asks to join the next line to it, that line goes.
fn with_example_applied(source: &str, report: &str) -> Option<String> {
    let first = report.lines().next()?;
    let line: usize = first.split(':').nth(1)?.parse().ok()?;
    let example = report
        .lines()
        .take_while(|l| *l == first || !l.starts_with("charter.toml:"))
        .find_map(|l| l.trim().strip_prefix("= example: "))?;
    let lines: Vec<&str> = source.lines().collect();
    let old = lines.get(line - 1)?;
    let name = |l: &str| l.split('=').next().unwrap_or("").trim().to_string();
    let same_kind = (old.contains('=') && example.contains('=') && name(old) == name(example))
        || (old.trim_start().starts_with('{') && example.starts_with('{'))
        || (old.trim_start().starts_with('[') && example.starts_with('['));
    if !same_kind {
        return None;
    }
    let indent = &old[..old.len() - old.trim_start().len()];
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out[line - 1] = format!("{indent}{example}");
    if report.contains(&format!("join line {} to this one", line + 1)) {
        out.remove(line);
    }
    Some(out.join("\n") + "\n")
}

/// Whether the example of a report's first finding is the line it
/// points at, as typed: an example is a corrected line.
fn example_is_the_line_in_error(source: &str, report: &str) -> bool {
    let Some(first) = report.lines().next() else {
        return false;
    };
    let line: Option<usize> = first.split(':').nth(1).and_then(|l| l.parse().ok());
    let example = report
        .lines()
        .take_while(|l| *l == first || !l.starts_with("charter.toml:"))
        .find_map(|l| l.trim().strip_prefix("= example: "));
    match (line, example) {
        (Some(line), Some(example)) => {
            source.lines().nth(line - 1).map(str::trim) == Some(example.trim())
        }
        _ => false,
    }
}

fn outcome(source: &str) -> Result<String, String> {
    match load_str("charter.toml", source) {
        Ok(loaded) => Ok(loaded.warnings.to_string()),
        Err(e @ LoadError::Invalid { .. }) => Err(e.to_string()),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_service_pasted_twice_names_both_clashes() {
    let report = outcome(&pasted(true)).unwrap_err();
    assert!(
        report.starts_with(
            "charter.toml:33:10: error: serial 1 is used twice among the citizen services\n"
        ),
        "{report}"
    );
    assert!(
        report.contains("charter.toml:34:8: error: service slug \"first\" is used twice\n"),
        "{report}"
    );
    assert!(report.ends_with("2 errors in charter.toml"), "{report}");
}

#[test]
fn a_service_pasted_without_its_heading_asks_for_the_heading() {
    let report = outcome(&pasted(false)).unwrap_err();
    assert!(
        report.starts_with(
            "charter.toml:31:1: error: \"group\" is written twice in the same part of the file (first on line 21)\n"
        ),
        "{report}"
    );
    assert!(report.contains("= example: [[services]]\n"), "{report}");
}

#[test]
fn a_key_written_twice_does_not_hide_the_other_problems() {
    let fee = "fee = { bn = \"বিনামূল্যে\", en = \"Free\" }\n";
    let mission = "mission = { bn = \"মিশন\", en = \"Mission\" }\n";
    let source = with(
        fee,
        &format!("{fee}fee = {{ bn = \"৫০০ টাকা\", en = \"Tk 500\" }}\nlast_updated = 2026-11-27\n"),
    )
    .replacen(mission, &format!("{mission}last_updated = 2026-11-31\n"), 1)
    .replacen(
        "name = { bn = \"নাম\", en = \"Name\" }",
        "name = { bn = \"নাম\", bn = \"Name\" }",
        1,
    );
    let report = outcome(&source).unwrap_err();
    let firsts: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("charter.toml:"))
        .collect();
    let expected = [
        "charter.toml:12:16: error: 2026-11-31 is not a date",
        "charter.toml:16:22: error: bn is written twice in this text",
        "charter.toml:30:1: error: \"fee\" is written twice in the same part of the file (first on line 29)",
        "charter.toml:31:1: error: \"last_updated\" is not something this service can have",
    ];
    assert_eq!(firsts, expected, "{report}");
    assert!(
        report.contains(
            "= hint: line 29 has fee = { bn = \"বিনামূল্যে\", en = \"Free\" } and line 30 has \
             fee = { bn = \"৫০০ টাকা\", en = \"Tk 500\" }: the later one is most likely the one \
             meant, so delete line 29\n"
        ),
        "{report}"
    );
    assert!(report.ends_with("4 errors in charter.toml"), "{report}");
}

#[test]
fn a_list_written_twice_is_set_aside_whole() {
    // The earlier `delivery` runs over three lines: the later one is
    // read, and the lines of the earlier are not mistaken for others.
    let source = with(
        "officer = \"assistant-programmer\"\n",
        "officer = \"assistant-programmer\"\ndelivery = [\n  { bn = \"ক\", en = \"A\" },\n]\n",
    );
    let report = outcome(&source).unwrap_err();
    assert!(
        report.starts_with(
            "charter.toml:29:1: error: \"delivery\" is written twice in the same part of the \
             file (first on line 25)\n"
        ),
        "{report}"
    );
    assert!(
        report.contains(
            "= hint: line 25 has delivery = [ … and line 29 has delivery = { bn = \"সরাসরি\", \
             en = \"In person\" }: the later one is most likely the one meant, so delete lines \
             25 to 27\n"
        ),
        "{report}"
    );
    assert!(report.ends_with("1 error in charter.toml"), "{report}");
}

#[test]
fn every_kind_of_problem_is_listed_at_once() {
    let source = with("slug = \"first\"", "slgu = \"first\"")
        .replacen("serial = 1", "serial = \"one\"", 1)
        .replacen(
            "officer = \"assistant-programmer\"",
            "officer = \"nobody\"",
            1,
        )
        .replacen(
            "designation = { bn = \"পদবি\", en = \"Designation\" }\n",
            "",
            1,
        )
        .replacen(
            "group = \"citizen\"",
            "group = \"citizen\"\ncolour = \"red\"",
            1,
        );
    // The first service's reference is checked although its serial and
    // slug cannot be read; the second, whole, service is checked too.
    let source = format!(
        "{source}{}",
        SECOND_SERVICE.replace("assistant-programmer", "nobody")
    );
    let report = outcome(&source).unwrap_err();
    let firsts: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("charter.toml:"))
        .collect();
    let expected = [
        "charter.toml:13:1: error: this officer has no \"designation\"",
        "charter.toml:21:1: error: \"colour\" is not something this service can have",
        "charter.toml:22:10: error: \"serial\" must be a whole number like 1, 2 or 3",
        "charter.toml:23:1: error: \"slgu\" is not something this service can have: did you mean \"slug\"?",
        "charter.toml:24:11: error: unknown officer \"nobody\"",
        "charter.toml:35:11: error: unknown officer \"nobody\"",
    ];
    assert_eq!(firsts, expected, "{report}");
}

#[test]
fn a_file_saved_as_utf16_is_refused_with_how_to_save_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("charter.toml");
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(BASE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&path, bytes).unwrap();
    let report = match load_file(&path) {
        Err(e @ LoadError::Invalid { .. }) => e.to_string(),
        other => panic!("{other:?}"),
    };
    assert!(
        report.contains(
            ": error: the file is saved as UTF-16 (\"Unicode\"), which the site cannot read\n"
        ),
        "{report}"
    );
    assert!(report.contains("= hint: open the file in Notepad, choose File > Save As, set Encoding to UTF-8, and save"), "{report}");
}

#[test]
fn a_misspelt_officer_id_is_pointed_at_once_not_at_every_service() {
    let source = format!("{BASE}{SECOND_SERVICE}").replacen(
        "id = \"assistant-programmer\"",
        "id = \"assistant-programer\"",
        1,
    );
    let report = outcome(&source).unwrap_err();
    assert!(
        report.starts_with(
            "charter.toml:14:6: error: no service refers to officer id \"assistant-programer\", \
             and 2 refer to \"assistant-programmer\"\n"
        ),
        "{report}"
    );
    assert!(
        report.contains("= example: id = \"assistant-programmer\"\n"),
        "{report}"
    );
    assert!(report.ends_with("1 error in charter.toml"), "{report}");
}

#[test]
fn a_misspelt_group_does_not_also_make_its_serial_clash() {
    let source = format!("{BASE}{SECOND_SERVICE}").replacen(
        "group = \"citizen\"\nserial = 2",
        "group = \"citizens\"\nserial = 1",
        1,
    );
    let report = outcome(&source).unwrap_err();
    let errors: Vec<&str> = report.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(
        errors,
        ["charter.toml:32:9: error: \"citizens\" is not one of the service groups"],
        "{report}"
    );
}
