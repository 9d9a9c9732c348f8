//! The words of a finding, in either language: the id of a message of
//! `locales/{bn,en}/check.ftl` and its arguments, put into words only when
//! the report is shown, in the language its reader chose. The checks
//! decide what to say; the Fluent files say it, as they do for the pages.

use crate::i18n::{self, Arg, Lang};

/// A sentence of a finding: a message id and its arguments.
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
    /// The message `id` of `check.ftl`, without arguments yet.
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
                };
                (*name, arg)
            })
            .collect();
        i18n::tr_args(lang, self.id, &args)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// Every `"check-…"` id written in the Rust files under `dir`.
    fn ids_in(dir: &Path, found: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                ids_in(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                for (at, _) in source.match_indices("\"check-") {
                    let id: String = source[at + 1..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                        .collect();
                    if !id.ends_with('-') {
                        found.insert(id);
                    }
                }
            }
        }
    }

    #[test]
    fn every_message_the_checks_say_is_in_both_languages() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut used = BTreeSet::new();
        ids_in(&src.join("charter"), &mut used);
        ids_in(&src.join("cli"), &mut used);
        assert!(used.len() > 100, "{used:?}");
        assert_eq!(
            i18n::check_message_ids(Lang::Bn),
            i18n::check_message_ids(Lang::En)
        );
        for lang in Lang::ALL {
            let defined = i18n::check_message_ids(lang);
            let missing: Vec<&String> = used.iter().filter(|id| !defined.contains(*id)).collect();
            assert!(missing.is_empty(), "{lang}: {missing:?}");
        }
    }

    #[test]
    fn every_message_of_check_says_something_in_both_languages() {
        for lang in Lang::ALL {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("locales/{}/check.ftl", lang.code()));
            let source = std::fs::read_to_string(path).unwrap();
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
            assert!(messages.len() > 100, "{lang}");
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
    }

    #[test]
    fn numbers_are_said_in_the_digits_of_the_language() {
        let words = Words::new("check-summary")
            .arg("count", 12usize)
            .arg("file", "charter.toml");
        assert_eq!(words.in_lang(Lang::En), "12 errors in charter.toml");
        assert_eq!(words.in_lang(Lang::Bn), "charter.toml ফাইলে ১২টি ত্রুটি");
        let one = Words::new("check-summary")
            .arg("count", 1usize)
            .arg("file", "charter.toml");
        assert_eq!(one.in_lang(Lang::En), "1 error in charter.toml");
    }
}
