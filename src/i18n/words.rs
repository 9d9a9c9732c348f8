//! The words of a message to a person, in either language: the id of a
//! message of the commands' Fluent files (`locales/{bn,en}/check.ftl`
//! for what `charter check` says of a charter, `cli.ftl` for the rest)
//! and its arguments, put into words only when the message is shown, in
//! the language its reader chose. The code decides what to say; the
//! Fluent files say it, as they do for the pages.

use std::fmt;

use crate::i18n::{self, Arg, Lang};

/// A sentence: a message id and its arguments. `Display` says it in
/// English, as operators read logs and `/healthz`; [`Words::in_lang`] in
/// either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    id: &'static str,
    args: Vec<(&'static str, Value)>,
}

/// An argument of [`Words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text as written (a key, a value from the file, a heading): the same
    /// in both languages.
    Text(String),
    /// A number said in a sentence: in Bangla digits in Bangla, and
    /// choosing English plurals ("1 error", "2 errors").
    Number(u64),
    /// Words of their own (the name of a text, a month), said in the same
    /// language.
    Words(Words),
    /// Text whose digits are written in the language's (a time, runs of
    /// version numbers): `2026-11-29 23:05` is `২০২৬-১১-২৯ ২৩:০৫` in
    /// Bangla.
    Digits(String),
    /// Names joined by the language's "and" (`alpha and zulu`).
    And(Vec<String>),
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_string())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl From<&String> for Value {
    fn from(text: &String) -> Value {
        Value::Text(text.clone())
    }
}

impl From<char> for Value {
    fn from(c: char) -> Value {
        Value::Text(c.to_string())
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::Number(n as u64)
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value::Number(u64::from(n))
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(n)
    }
}

impl From<Words> for Value {
    fn from(words: Words) -> Value {
        Value::Words(words)
    }
}

impl Words {
    /// The message `id`, without arguments yet.
    pub fn new(id: &'static str) -> Words {
        Words {
            id,
            args: Vec::new(),
        }
    }

    /// Adds the argument `$name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Value>) -> Words {
        self.args.push((name, value.into()));
        self
    }

    /// The message id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The sentence in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<(&'static str, Arg)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let arg = match value {
                    Value::Text(text) => Arg::Text(text.clone()),
                    Value::Number(n) => Arg::Count(*n),
                    Value::Words(words) => Arg::Text(words.in_lang(lang)),
                    Value::Digits(text) => Arg::Text(lang.digits(text).into_owned()),
                    Value::And(names) => {
                        Arg::Text(names.join(&format!(" {} ", i18n::tr(lang, "cli-and"))))
                    }
                };
                (*name, arg)
            })
            .collect();
        i18n::tr_args(lang, self.id, &args)
    }

    /// The sentence in the language of the log's lines for people
    /// ([`i18n::log_lang`]).
    pub fn logged(&self) -> String {
        self.in_lang(i18n::log_lang())
    }
}

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// The first word of every message id of the commands' files: a
    /// string in the code that starts with one of them and a hyphen is a
    /// message id.
    const PREFIXES: [&str; 7] = [
        "check", "cli", "offices", "history", "restore", "import", "serve",
    ];

    /// Every message id of the commands' files written in the Rust files
    /// under `dir`.
    fn ids_in(dir: &Path, found: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                ids_in(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                for prefix in PREFIXES {
                    for (at, _) in source.match_indices(&format!("\"{prefix}-")) {
                        let id: String = source[at + 1..]
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                            .collect();
                        let closed = source[at + 1 + id.len()..].starts_with('"');
                        if closed && !id.ends_with('-') {
                            found.insert(id);
                        }
                    }
                }
            }
        }
    }

    /// The ids of `check.ftl` and `cli.ftl` in `lang`.
    fn defined(lang: Lang) -> BTreeSet<String> {
        let mut ids = i18n::check_message_ids(lang);
        ids.extend(i18n::cli_message_ids(lang));
        ids
    }

    #[test]
    fn every_message_the_commands_say_is_in_both_languages() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut used = BTreeSet::new();
        ids_in(&src, &mut used);
        assert!(used.len() > 100, "{used:?}");
        assert_eq!(
            i18n::check_message_ids(Lang::Bn),
            i18n::check_message_ids(Lang::En)
        );
        assert_eq!(
            i18n::cli_message_ids(Lang::Bn),
            i18n::cli_message_ids(Lang::En)
        );
        for lang in Lang::ALL {
            let defined = defined(lang);
            let missing: Vec<&String> = used.iter().filter(|id| !defined.contains(*id)).collect();
            assert!(missing.is_empty(), "{lang}: {missing:?}");
            for id in &defined {
                let prefix = id.trim_start_matches('-').split('-').next().unwrap_or("");
                assert!(
                    id.starts_with('-') || PREFIXES.contains(&prefix),
                    "{lang}: {id} starts with none of {PREFIXES:?}"
                );
            }
        }
    }

    #[test]
    fn no_message_id_is_defined_in_two_files() {
        // Fluent reads every file of a language into one bundle, where an
        // id defined twice would say one of the two texts.
        for lang in Lang::ALL {
            let files = [
                i18n::message_ids(lang),
                i18n::check_message_ids(lang),
                i18n::cli_message_ids(lang),
            ];
            for (n, a) in files.iter().enumerate() {
                for b in &files[n + 1..] {
                    let both: Vec<&String> = a.intersection(b).collect();
                    assert!(both.is_empty(), "{lang}: {both:?}");
                }
            }
        }
    }

    #[test]
    fn every_message_of_the_commands_says_something_in_both_languages() {
        for lang in Lang::ALL {
            for file in ["check", "cli"] {
                let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(format!("locales/{}/{file}.ftl", lang.code()));
                let source = std::fs::read_to_string(path).unwrap();
                says_something(lang, file, &source);
            }
        }
    }

    /// Renders each message of `source`, a file of `lang`, with every
    /// variable it names given as text.
    fn says_something(lang: Lang, file: &str, source: &str) {
        // Each message with every variable it names, as text.
        let mut messages: Vec<(String, String)> = Vec::new();
        for line in source.lines() {
            let starts = line.starts_with(|c: char| c.is_ascii_lowercase());
            match line.split_once(" = ") {
                Some((id, rest)) if starts => messages.push((id.to_string(), rest.into())),
                _ => {
                    if let Some((_, text)) = messages.last_mut() {
                        text.push_str(line);
                    }
                }
            }
        }
        assert!(!messages.is_empty(), "{lang} {file}");
        for (id, text) in messages {
            let names: BTreeSet<&str> = text
                .match_indices('$')
                .map(|(at, _)| {
                    let rest = &text[at + 1..];
                    let end = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                        .unwrap_or(rest.len());
                    &rest[..end]
                })
                .collect();
            let args: Vec<(&'static str, Arg)> = names
                .into_iter()
                .map(|n| (&*String::leak(n.to_string()), Arg::Text("x".into())))
                .collect();
            let said = i18n::tr_args(lang, String::leak(id.clone()), &args);
            assert!(
                !said.starts_with(i18n::MISSING_MESSAGE) && !said.contains("{$"),
                "{lang} {id}: {said}"
            );
            // An English message that fails falls back to the Bangla.
            let bangla = |t: &str| t.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c));
            assert!(
                lang == Lang::Bn || bangla(&text) || !bangla(&said),
                "{id} said in Bangla: {said}"
            );
        }
    }

    #[test]
    fn numbers_are_said_in_the_digits_of_the_language() {
        let words = Words::new("check-summary")
            .arg("count", 12usize)
            .arg("file", "charter.toml");
        assert_eq!(words.in_lang(Lang::En), "12 errors in charter.toml");
        assert_eq!(words.in_lang(Lang::Bn), "charter.toml ফাইলে ১২টি ত্রুটি");
        assert_eq!(words.to_string(), "12 errors in charter.toml");
        let one = Words::new("check-summary")
            .arg("count", 1usize)
            .arg("file", "charter.toml");
        assert_eq!(one.in_lang(Lang::En), "1 error in charter.toml");
    }
}
