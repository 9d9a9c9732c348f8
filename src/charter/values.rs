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
use super::words::Words;
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
                        Words::new("check-items-not-texts").arg("key", key.name),
                    )
                    .with_hint(Words::new("check-items-not-texts-hint"))
                    .with_example(format!(
                        "{} = [ {} ]",
                        key.name,
                        texts.join(", ")
                    )),
                );
                false
            }
            (Block, DeValue::Array(items)) if items.is_empty() && key.required => {
                self.out.push(
                    Diagnostic::error(
                        Some(span.clone()),
                        Words::new("check-empty-list").arg("key", key.name),
                    )
                    .with_hint(Words::new("check-empty-list-hint")),
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
                            Words::new("check-item-not-quoted").arg("key", key.name),
                        )
                        .with_hint(Words::new("check-item-not-quoted-hint"))
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
                        Words::new("check-not-a-list").arg("key", key.name),
                    )
                    .with_hint(Words::new("check-not-a-list-hint"))
                    .with_example(format!("{} = [{}]", key.name, items(s))),
                );
                false
            }
            (Number, DeValue::Integer(i)) => {
                if i.radix() == 10 && i.as_str().parse::<u32>().is_ok() {
                    true
                } else {
                    self.out.push(self.wrong(key, span.clone(), "number"));
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
                    self.out.push(self.wrong(key, span.clone(), "number"));
                    false
                }
            }
            (Date, DeValue::Datetime(_)) => true,
            (Date, DeValue::String(s)) if impossible(s).is_some() => {
                let mut d = Diagnostic::error(
                    Some(span.clone()),
                    Words::new("check-not-a-date").arg("date", s.trim()),
                );
                d.hint = impossible(s);
                self.out.push(d);
                false
            }
            (Date, DeValue::String(s)) => match as_date(s) {
                Some(date) => {
                    self.fixes.replace(span.clone(), date);
                    true
                }
                None => {
                    let d = self.wrong(key, span.clone(), "date").with_example_if(
                        super::shape::date_from_any_order(s)
                            .map(|date| format!("{} = {date}", key.name)),
                    );
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
                        Words::new("check-not-a-group").arg("group", s.as_ref()),
                    )
                    .with_hint(Words::new("check-not-a-group-hint"));
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
                        Words::new("check-not-a-list").arg("key", key.name),
                    )
                    .with_hint(Words::new("check-not-a-list-hint"))
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
                self.out.push(self.wrong(key, span.clone(), "plains"));
                false
            }
            (Plain, _) => {
                self.out.push(self.wrong(key, span.clone(), "plain"));
                false
            }
            (Number | Date | Group, _) => {
                let what = match key.shape {
                    Number => "number",
                    Date => "date",
                    _ => "group",
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
                            Words::new("check-part-not-quoted")
                                .arg("part", name.as_str())
                                .arg("key", key.name),
                        )
                        .with_hint(Words::new("check-part-not-quoted-hint"))
                        .with_example(format!("{name} = \"…\"")),
                    );
                    table.remove(name.as_str());
                    ok &= name == "en";
                }
                _ => {
                    let near = closest(&name, &["bn", "en"]);
                    let message = Words::new(if near.is_some() {
                        "check-not-a-part-near"
                    } else {
                        "check-not-a-part"
                    })
                    .arg("part", name.as_str())
                    .arg("near", near.unwrap_or(""));
                    let mut d = Diagnostic::error(Some(key_span.clone()), message)
                        .with_hint(Words::new("check-not-a-part-hint"));
                    if let Some(near) = near {
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
                    Words::new("check-no-bangla").arg("key", key.name),
                )
                .with_hint(Words::new("check-no-bangla-hint"))
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
            Words::new("check-not-a-text").arg("key", key.name),
        )
        .with_hint(Words::new("check-not-a-text-hint"))
        .with_example(example)
    }

    /// `key` has a value of another kind than `kind` (number, date,
    /// group, plain, plains): the kinds the Fluent files select on.
    fn wrong(&self, key: &Key, span: Range<usize>, kind: &'static str) -> Diagnostic {
        Diagnostic::error(
            Some(span),
            Words::new("check-wrong-kind")
                .arg("key", key.name)
                .arg("kind", kind),
        )
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
fn impossible(text: &str) -> Option<Words> {
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
