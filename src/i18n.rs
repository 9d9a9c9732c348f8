//! Languages, interface strings (Fluent files under `locales/`) and digits.
//!
//! Every interface string comes from `locales/{bn,en}/*.ftl`: the pages'
//! from `main.ftl` (the staff area's from `staff.ftl`, citizens' reports'
//! from `feedback.ftl`), what the commands say to a person from `check.ftl` and
//! `cli.ftl` ([`Words`]). Fluent itself prints Latin digits, so numbers are
//! turned into Bangla digits here, in one place, before they reach a page
//! or a terminal.

mod words;

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};

use fluent_syntax::ast::Entry;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

pub use words::{Value, Words};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "bn",
        // Without this, Fluent wraps every argument in U+2068/U+2069 marks,
        // which then leak into titles and attribute values.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static BN: LanguageIdentifier = langid!("bn");
static EN: LanguageIdentifier = langid!("en");

/// A language the site is published in. Bangla is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// Bangla (বাংলা), the default.
    #[default]
    Bn,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Bangla first.
    pub const ALL: [Lang; 2] = [Lang::Bn, Lang::En];

    /// The BCP 47 code, used in URLs and `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Bn => "bn",
            Lang::En => "en",
        }
    }

    /// The other language: the target of the language switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Bn => Lang::En,
            Lang::En => Lang::Bn,
        }
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Bn => &BN,
            Lang::En => &EN,
        }
    }

    /// Writes the digits of `text` in this language's script: Bangla digits
    /// on Bangla pages, ASCII digits on English pages.
    pub fn digits(self, text: &str) -> Cow<'_, str> {
        match self {
            Lang::Bn => bn_digits_cow(text),
            Lang::En => ascii_digits(text),
        }
    }

    /// A whole number written in this language's digits.
    pub fn number(self, n: impl fmt::Display) -> String {
        self.digits(&n.to_string()).into_owned()
    }

    /// The mark that ends a sentence: the dari (।) in Bangla, a full stop
    /// in English.
    pub fn full_stop(self) -> char {
        match self {
            Lang::Bn => '।',
            Lang::En => '.',
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code the site is not published in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a language of the site: bn or en")]
pub struct UnknownLang(pub String);

/// Reads the BCP 47 code of [`Lang::code`], exactly.
impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "bn" => Ok(Lang::Bn),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

/// Replaces ASCII digits with Bangla digits (০-৯); everything else is kept.
pub fn bn_digits(text: &str) -> String {
    bn_digits_cow(text).into_owned()
}

/// BENGALI DIGIT ZERO; the ten Bangla digits follow it in order, as the
/// ASCII ones follow `0`.
const BANGLA_ZERO: u32 = 0x09E6;

fn bn_digits_cow(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(BANGLA_ZERO + d).unwrap_or(c),
                _ => c,
            })
            .collect(),
    )
}

/// Replaces Bangla digits with ASCII digits; everything else is kept.
pub fn ascii_digits(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_bangla_digit) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(ascii_digit).collect())
}

/// `c` as an ASCII digit when it is a Bangla digit; any other character
/// as it is.
pub fn ascii_digit(c: char) -> char {
    if is_bangla_digit(c) {
        char::from_u32(u32::from('0') + (u32::from(c) - BANGLA_ZERO)).unwrap_or(c)
    } else {
        c
    }
}

/// True for the Bangla digits ০-৯.
pub fn is_bangla_digit(c: char) -> bool {
    ('\u{09E6}'..='\u{09EF}').contains(&c)
}

/// The value of an ASCII (0-9) or Bangla (০-৯) digit.
pub fn digit_value(c: char) -> Option<u32> {
    ascii_digit(c).to_digit(10)
}

/// A whole number written in ASCII or Bangla digits and nothing else (no
/// sign, no space); `None` when `text` is empty or the number does not
/// fit a `u64`.
pub fn parse_number(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    text.chars().try_fold(0u64, |n, c| {
        n.checked_mul(10)?.checked_add(u64::from(digit_value(c)?))
    })
}

/// Marker put in place of a message id that has no translation, so that a
/// test scanning the pages finds it instead of a silently wrong text.
pub const MISSING_MESSAGE: &str = "\u{27E6}missing message:";

/// The interface string `id` in `lang`.
pub fn tr(lang: Lang, id: &str) -> String {
    LOCALES
        .try_lookup(lang.langid(), id)
        .unwrap_or_else(|| missing(lang, id))
}

/// An argument of an interface string.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A text, inserted as is.
    Text(String),
    /// A count: written in the page's digits, and used by English plurals.
    Count(u64),
}

/// The interface string `id` in `lang`, with named arguments.
pub fn tr_args(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(k, v)| {
            let value = match (v, lang) {
                (Arg::Text(t), _) => FluentValue::from(t.clone()),
                // Fluent would print Latin digits; Bangla has no plural
                // forms to select, so the count goes in as text.
                (Arg::Count(n), Lang::Bn) => FluentValue::from(lang.number(n)),
                (Arg::Count(n), Lang::En) => FluentValue::from(*n),
            };
            (Cow::Borrowed(*k), value)
        })
        .collect();
    LOCALES
        .try_lookup_with_args(lang.langid(), id, &args)
        .unwrap_or_else(|| missing(lang, id))
}

fn missing(lang: Lang, id: &str) -> String {
    tracing::error!(%lang, id, "interface string has no translation");
    format!("{MISSING_MESSAGE}{lang}:{id}\u{27E7}")
}

/// The message ids defined in `locales/<lang>/`, read from the files
/// compiled into the program (a term keeps its leading `-`). Used by
/// `charter check` and the tests to prove both languages define the same
/// ids. An entry Fluent cannot parse defines no id.
pub fn message_ids(lang: Lang) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (_, source) in FTL_SOURCES.iter().filter(|(l, _)| *l == lang) {
        let resource = fluent_syntax::parser::parse(*source).unwrap_or_else(|(partial, _)| partial);
        for entry in resource.body {
            match entry {
                Entry::Message(message) => ids.insert(message.id.name.to_string()),
                Entry::Term(term) => ids.insert(format!("-{}", term.id.name)),
                _ => continue,
            };
        }
    }
    ids
}

/// The Fluent sources, compiled in so that `check` can compare them.
const FTL_SOURCES: &[(Lang, &str)] = &[
    (Lang::Bn, include_str!("../locales/bn/main.ftl")),
    (Lang::En, include_str!("../locales/en/main.ftl")),
    (Lang::Bn, include_str!("../locales/bn/staff.ftl")),
    (Lang::En, include_str!("../locales/en/staff.ftl")),
    (Lang::Bn, include_str!("../locales/bn/feedback.ftl")),
    (Lang::En, include_str!("../locales/en/feedback.ftl")),
];

/// The message ids (and terms, with their `-`) of what `charter check`
/// says about a charter file, `locales/<lang>/check.ftl`, read as
/// [`message_ids`] reads the pages': `check` and the tests compare the
/// two languages. Apart from the pages' because its messages take
/// arguments of their own.
pub fn check_message_ids(lang: Lang) -> BTreeSet<String> {
    ids_of(match lang {
        Lang::Bn => include_str!("../locales/bn/check.ftl"),
        Lang::En => include_str!("../locales/en/check.ftl"),
    })
}

/// The message ids (and terms) of what the other commands say to a
/// person, `locales/<lang>/cli.ftl`: `history`, `restore`, `import`,
/// `offices`, the folder findings of `check` and the log of `serve`.
pub fn cli_message_ids(lang: Lang) -> BTreeSet<String> {
    ids_of(match lang {
        Lang::Bn => include_str!("../locales/bn/cli.ftl"),
        Lang::En => include_str!("../locales/en/cli.ftl"),
    })
}

/// The ids of the messages and terms of the Fluent `source`.
fn ids_of(source: &str) -> BTreeSet<String> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(partial, _)| partial);
    resource
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_string()),
            Entry::Term(term) => Some(format!("-{}", term.id.name)),
            _ => None,
        })
        .collect()
}

/// Whether the log's lines for people are in Bangla ([`log_lang`]).
static LOG_IN_BANGLA: AtomicBool = AtomicBool::new(false);

/// Sets the language of the log's lines for people: `charter serve
/// --lang`, chosen once with the log itself, as its format is (the log is
/// the process's, as `tracing`'s subscriber is). What machines read of
/// the log stays as it is: its JSON keys and fields.
pub fn set_log_lang(lang: Lang) {
    LOG_IN_BANGLA.store(lang == Lang::Bn, Ordering::Relaxed);
}

/// The language of the log's lines for people: English unless
/// [`set_log_lang`] chose Bangla.
pub fn log_lang() -> Lang {
    if LOG_IN_BANGLA.load(Ordering::Relaxed) {
        Lang::Bn
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_both_ways() {
        assert_eq!(bn_digits("Phone 02996673752"), "Phone ০২৯৯৬৬৭৩৭৫২");
        assert_eq!(ascii_digits("৭ কার্যদিবস"), "7 কার্যদিবস");
        assert_eq!(Lang::Bn.number(2026), "২০২৬");
        assert_eq!(Lang::En.number(13), "13");
    }

    #[test]
    fn digit_values_in_both_scripts() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('৭'), Some(7));
        assert_eq!(digit_value('০'), Some(0));
        assert_eq!(digit_value('৯'), Some(9));
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('৺'), None);
        assert_eq!(digit_value('٣'), None, "Arabic-Indic digits are not read");
        assert_eq!(ascii_digit('৩'), '3');
        assert_eq!(ascii_digit('ক'), 'ক');
        assert_eq!(parse_number("১২"), Some(12));
        assert_eq!(parse_number("1২"), Some(12));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number(" 1"), None);
        assert_eq!(parse_number("-1"), None);
        assert_eq!(parse_number("18446744073709551616"), None);
    }

    #[test]
    fn unknown_language_codes_are_named() {
        assert_eq!("bn".parse(), Ok(Lang::Bn));
        assert_eq!("en".parse(), Ok(Lang::En));
        let e = "EN".parse::<Lang>().unwrap_err();
        assert_eq!(e, UnknownLang("EN".into()));
        assert_eq!(
            e.to_string(),
            "\"EN\" is not a language of the site: bn or en"
        );
    }

    #[test]
    fn message_ids_come_from_the_parsed_files() {
        let ids = message_ids(Lang::En);
        assert!(
            ids.iter().all(|id| !id.is_empty() && !id.contains(' ')),
            "{ids:?}"
        );
        assert_eq!(ids, message_ids(Lang::Bn));
    }

    #[test]
    fn missing_message_is_marked() {
        assert!(tr(Lang::En, "no-such-message-id").starts_with(MISSING_MESSAGE));
    }
}
