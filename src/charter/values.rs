//! Checking one value against the kind its key takes: texts, lists of
//! texts, plain texts and lists of them, numbers, dates and groups;
//! forgiven spellings (Bangla digits, quoted numbers and dates) are noted
//! as fixes.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostic, closest, quoted};
use super::schema::Checker;
use super::shape::{GROUPS, Key, Shape::*};
use crate::i18n::ascii_digits;

impl Checker<'_> {
    /// Checks one value; false when it cannot be used.
    pub(super) fn value(&mut self, key: &Key, value: &mut Spanned<DeValue<'_>>) -> bool {
        let span = value.span();
        match (key.shape, value.get_mut()) {
            (Plain, DeValue::String(_)) => true,
            (Text, DeValue::Table(t)) => self.text(key, t, span.clone()),
            (Block, DeValue::Table(t)) => self.text(key, t, span.clone()),
            (Block | Texts, DeValue::Array(items))
                if !items.is_empty() && items.iter().all(|i| i.get_ref().is_str()) =>
            {
                let texts: Vec<String> = items
                    .iter()
                    .filter_map(|i| i.get_ref().as_str())
                    .map(|t| format!("{{ bn = {} }}", quoted(t)))
                    .collect();
                self.out.push(
                    Diagnostic::error(
                        Some(span.clone()),
                        format!("each item of \"{}\" is written {{ bn = \"…\", en = \"…\" }}", key.name),
                    )
                    .with_hint("put { bn = before each Bangla text and } after it; add en = \"…\" with the English")
                    .with_example(format!("{} = [ {} ]", key.name, texts.join(", "))),
                );
                false
            }
            (Block, DeValue::Array(items)) if items.is_empty() && key.required => {
                self.out.push(
                    Diagnostic::error(
                        Some(span.clone()),
                        format!("the list of \"{}\" is empty", key.name),
                    )
                    .with_hint(
                        "write at least one text between [ and ], each as { bn = \"…\", en = \"…\" }",
                    ),
                );
                false
            }
            (Block | Texts, DeValue::Array(items)) => {
                let mut all = true;
                for item in items.iter_mut() {
                    let item_span = item.span();
                    all &= match item.get_mut() {
                        DeValue::Table(t) => self.text(key, t, item_span),
                        _ => {
                            self.out
                                .push(self.not_a_text(key, item_span, item.get_ref()));
                            false
                        }
                    };
                }
                all
            }
            (Plains, DeValue::Array(items)) => {
                let mut all = true;
                for item in items.iter().filter(|i| !i.get_ref().is_str()) {
                    self.out.push(
                        Diagnostic::error(
                            Some(item.span()),
                            format!(
                                "each item of \"{}\" is a text between double quotes",
                                key.name
                            ),
                        )
                        .with_hint("put a straight double quote \" before and after each item, with a comma between items")
                        .with_example(key.example),
                    );
                    all = false;
                }
                all
            }
            (Plains, DeValue::String(s)) => {
                self.out.push(
                    Diagnostic::error(
                        Some(span.clone()),
                        format!("\"{}\" is a list: its texts go between [ and ]", key.name),
                    )
                    .with_hint("put [ before the first text and ] after the last, with a comma between texts")
                    .with_example(format!("{} = [{}]", key.name, items(s))),
                );
                false
            }
            (Number, DeValue::Integer(i)) => {
                if i.radix() == 10 && i.as_str().parse::<u32>().is_ok() {
                    true
                } else {
                    self.out
                        .push(self.wrong(key, span.clone(), "a whole number like 1, 2 or 3"));
                    false
                }
            }
            (Number, DeValue::String(s)) => {
                let digits = ascii_digits(s.trim()).into_owned();
                if !digits.is_empty()
                    && digits.len() <= 9
                    && digits.bytes().all(|b| b.is_ascii_digit())
                {
                    let number = digits.trim_start_matches('0');
                    self.fixes
                        .replace(span.clone(), if number.is_empty() { "0" } else { number });
                    true
                } else {
                    self.out
                        .push(self.wrong(key, span.clone(), "a whole number like 1, 2 or 3"));
                    false
                }
            }
            (Date, DeValue::Datetime(_)) => true,
            (Date, DeValue::String(s)) if impossible(s).is_some() => {
                let why = impossible(s).unwrap_or_default();
                self.out.push(
                    Diagnostic::error(Some(span.clone()), format!("{} is not a date", s.trim()))
                        .with_hint(why),
                );
                false
            }
            (Date, DeValue::String(s)) => match as_date(s) {
                Some(date) => {
                    self.fixes.replace(span.clone(), date);
                    true
                }
                None => {
                    let mut d = self.wrong(key, span.clone(), "a date written year-month-day");
                    d.example = super::shape::date_from_any_order(s)
                        .map(|date| format!("{} = {date}", key.name));
                    self.out.push(d);
                    false
                }
            },
            (Group, DeValue::String(s)) => {
                if GROUPS.iter().any(|(g, _)| *g == s.as_ref()) {
                    true
                } else {
                    let groups: Vec<&str> = GROUPS.iter().map(|(g, _)| *g).collect();
                    let mut d = Diagnostic::error(
                        Some(span.clone()),
                        format!("\"{s}\" is not one of the service groups"),
                    )
                    .with_hint(
                        "write citizen (নাগরিক সেবা), institutional (প্রাতিষ্ঠানিক সেবা) or internal (অভ্যন্তরীণ সেবা)",
                    );
                    let near = closest(&s.to_lowercase(), &groups).unwrap_or("citizen");
                    d = d.with_example(format!("group = \"{near}\""));
                    self.out.push(d);
                    false
                }
            }
            (Text | Block, other) => {
                let d = self.not_a_text(key, span.clone(), other);
                self.out.push(d);
                false
            }
            (Texts, DeValue::Table(_)) => {
                self.out.push(
                    Diagnostic::error(
                        Some(span.clone()),
                        format!("\"{}\" is a list: its texts go between [ and ]", key.name),
                    )
                    .with_hint("put [ before the first text and ] after the last, with a comma between texts")
                    .with_example(key.example),
                );
                false
            }
            (Texts, other) => {
                let d = self.not_a_text(key, span.clone(), other);
                self.out.push(d);
                false
            }
            (Plains, _) => {
                self.out.push(self.wrong(
                    key,
                    span.clone(),
                    "a list of texts between double quotes",
                ));
                false
            }
            (Plain, _) => {
                self.out
                    .push(self.wrong(key, span.clone(), "a text between double quotes"));
                false
            }
            (Number | Date | Group, _) => {
                let what = match key.shape {
                    Number => "a whole number like 1, 2 or 3",
                    Date => "a date written year-month-day",
                    _ => "one of the words citizen, institutional or internal, in quotes",
                };
                self.out.push(self.wrong(key, span.clone(), what));
                false
            }
        }
    }

    /// Checks `{ bn = "…", en = "…" }`.
    fn text(&mut self, key: &Key, table: &mut DeTable<'_>, span: Range<usize>) -> bool {
        let names: Vec<(String, Range<usize>)> = table
            .keys()
            .map(|k| (k.get_ref().to_string(), k.span()))
            .collect();
        let mut ok = true;
        for (name, key_span) in names {
            let value = table
                .get(name.as_str())
                .map(|v| (v.span(), v.get_ref().is_str()));
            match (name.as_str(), value) {
                ("bn" | "en", Some((_, true))) => {}
                ("bn" | "en", Some((value_span, false))) => {
                    self.out.push(
                        Diagnostic::error(
                            Some(value_span),
                            format!(
                                "the {name} part of \"{}\" must be a text between double quotes",
                                key.name
                            ),
                        )
                        .with_hint("put the text between straight double quotes \"…\"")
                        .with_example(format!("{name} = \"…\"")),
                    );
                    table.remove(name.as_str());
                    ok &= name == "en";
                }
                _ => {
                    let mut d = Diagnostic::error(
                        Some(key_span.clone()),
                        format!("\"{name}\" is not part of a text: a text has bn (Bangla) and en (English)"),
                    )
                    .with_hint("write bn = before the Bangla and en = before the English");
                    if let Some(near) = closest(&name, &["bn", "en"]) {
                        d.message.push_str(&format!("; did you mean \"{near}\"?"));
                        d = d.with_example(self.line_with(key_span, near));
                    }
                    self.out.push(d);
                    table.remove(name.as_str());
                }
            }
        }
        if ok && !table.contains_key("bn") {
            self.out.push(
                Diagnostic::error(
                    Some(span),
                    format!("the text of \"{}\" has no Bangla (bn = \"…\")", key.name),
                )
                .with_hint(
                    "every text is written in Bangla, and in English when there is a translation",
                )
                .with_example(format!("{} = {{ bn = \"…\", en = \"…\" }}", key.name)),
            );
            ok = false;
        }
        ok
    }

    fn not_a_text(&self, key: &Key, span: Range<usize>, value: &DeValue<'_>) -> Diagnostic {
        let example = match value.as_str() {
            Some(s) => format!("{} = {{ bn = {} }}", key.name, quoted(s)),
            None => key.example.to_string(),
        };
        Diagnostic::error(
            Some(span),
            format!(
                "\"{}\" must be written with its Bangla and English texts",
                key.name
            ),
        )
        .with_hint(
            "write the Bangla after bn = and the English after en =, each between double quotes",
        )
        .with_example(example)
    }

    fn wrong(&self, key: &Key, span: Range<usize>, what: &str) -> Diagnostic {
        Diagnostic::error(Some(span), format!("\"{}\" must be {what}", key.name))
            .with_example(key.example)
    }
}

/// The names of a list typed as one text (`"a.gov.bd, b.gov.bd"`),
/// each between quotes, commas between them.
fn items(text: &str) -> String {
    let names: Vec<String> = text
        .split([',', ' '])
        .filter(|i| !i.is_empty())
        .map(quoted)
        .collect();
    if names.is_empty() {
        quoted(text)
    } else {
        names.join(", ")
    }
}

/// Why the quoted date `text` is not a date of the calendar, if it is
/// written year-month-day but does not exist.
fn impossible(text: &str) -> Option<String> {
    as_date(text).and_then(|d| super::shape::impossible_date(&d))
}

/// `"২০২৬-১১-২৭"` or `"2026-11-27"` as the date the file format reads.
fn as_date(text: &str) -> Option<String> {
    let ascii = ascii_digits(text.trim()).into_owned();
    let parts: Vec<&str> = ascii.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let valid = y.len() == 4
        && (1..=2).contains(&m.len())
        && (1..=2).contains(&d.len())
        && [y, m, d]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    valid.then(|| format!("{y}-{m:0>2}-{d:0>2}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_either_script() {
        assert_eq!(as_date("২০২৬-১১-২৭").as_deref(), Some("2026-11-27"));
        assert_eq!(as_date(" 2026-1-7 ").as_deref(), Some("2026-01-07"));
        assert_eq!(as_date("27-11-2026"), None);
        assert_eq!(as_date("2026/11/27"), None);
    }
}
