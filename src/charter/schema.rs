//! The shape of a charter file, checked on the parsed file before serde
//! sees it, so that every unknown key, wrong kind of value and missing key
//! is reported at once, in words an office clerk can act on, each with an
//! example line to copy.
//!
//! What cannot be used is taken out of the tree (an unknown key, a value of
//! the wrong kind), and a missing text is filled with a stand-in, so that
//! the checks of meaning (references, serials) can still run on the rest.
//! A file with any error is never published, so stand-ins never show.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::{Diagnostic, closest};
use super::lex::Edits;
use super::shape::{GROUPS, Key, SECTIONS, Section, Shape::*};
use crate::i18n::ascii_digits;

/// What checking the shape found.
pub struct Checked {
    /// Every problem, in the coordinates of the text that was parsed.
    pub diagnostics: Vec<Diagnostic>,
    /// Values written in a forgivable way (`serial = "১"`), with the
    /// spelling the file format reads; the caller parses again with them.
    pub fixes: Edits,
    /// Places given to stand-in values: findings there are about the
    /// stand-in, not the file.
    pub stand_ins: Vec<Range<usize>>,
    /// Whether the tree can now be read into the model and its meaning
    /// checked (no section missing or misnamed).
    pub complete: bool,
}

/// Checks `root` against the charter's shape, reporting every problem and
/// taking out or standing in for what cannot be used.
pub fn check(root: &mut Spanned<DeTable<'_>>, source: &str) -> Checked {
    let mut c = Checker {
        source,
        out: Vec::new(),
        fixes: Edits::default(),
        stand_ins: Vec::new(),
    };
    let mut complete = true;
    let root_span = root.span();
    let table = root.get_mut();
    let names: Vec<(String, Range<usize>)> = table
        .keys()
        .map(|k| (k.get_ref().to_string(), k.span()))
        .collect();
    if let Some(d) = headless_lines(table, &names, source) {
        // Everything from the file's top belongs to a section whose heading
        // was deleted: one message says so, instead of one per line.
        c.out.push(d);
        return Checked {
            diagnostics: c.out,
            fixes: c.fixes,
            stand_ins: c.stand_ins,
            complete: false,
        };
    }
    for (name, span) in names {
        let Some(section) = SECTIONS.iter().find(|s| s.name == name) else {
            // `[[officer]]` is nearer to `[[officers]]` than to `[office]`:
            // sections written the same way are suggested first.
            let many = table
                .get(name.as_str())
                .is_some_and(|v| v.get_ref().is_array());
            let mut known: Vec<&str> = SECTIONS
                .iter()
                .filter(|s| s.many == many)
                .map(|s| s.name)
                .collect();
            known.extend(SECTIONS.iter().filter(|s| s.many != many).map(|s| s.name));
            let mut d = Diagnostic::error(
                Some(span),
                format!("\"{name}\" is not a part of a charter"),
            )
            .with_hint(
                "the parts are [office], [charter], [[officers]], [[services]] and [[grievance]]",
            );
            if let Some(near) = closest(&name, &known) {
                let s = SECTIONS
                    .iter()
                    .find(|s| s.name == near)
                    .map_or("", |s| s.heading);
                d = d.with_example(s);
            }
            c.out.push(d);
            table.remove(name.as_str());
            // A misnamed section (`[[officer]]`) would make every reference
            // to its entries look wrong: its name is to be fixed first.
            complete = false;
            continue;
        };
        let Some(value) = table.get_mut(name.as_str()) else {
            continue;
        };
        if !c.section(section, value) {
            table.remove(name.as_str());
            complete &= !section.required;
        }
    }
    for section in SECTIONS.iter().filter(|s| s.required) {
        if !table.contains_key(section.name)
            && !c.out.iter().any(|d| d.message.contains(section.heading))
        {
            c.out.push(
                Diagnostic::error(
                    Some(root_span.start..root_span.start),
                    format!("the file has no {} section", section.heading),
                )
                .with_hint("every charter has [office] and [charter]; see charter.toml for a complete file")
                .with_example(section.heading),
            );
            complete = false;
        }
    }
    Checked {
        diagnostics: c.out,
        fixes: c.fixes,
        stand_ins: c.stand_ins,
        complete,
    }
}

/// Lines at the top of the file, before any heading, that are keys of a
/// one-table section (`government = …` with no `[office]` above it).
fn headless_lines(
    table: &DeTable<'_>,
    names: &[(String, Range<usize>)],
    source: &str,
) -> Option<Diagnostic> {
    let (first, span) = names
        .iter()
        .filter(|(n, _)| match SECTIONS.iter().find(|s| s.name == n) {
            None => true,
            Some(s) => {
                !s.many
                    && table
                        .get(n.as_str())
                        .is_some_and(|v| !is_heading(source, v.span()))
            }
        })
        .min_by_key(|(_, span)| span.start)?;
    let section = SECTIONS
        .iter()
        .find(|s| !s.many && s.keys.iter().any(|k| k.name == first))?;
    Some(
        Diagnostic::error(
            Some(span.clone()),
            format!(
                "the line \"{first}\" and those after it belong under the heading {}, which is missing",
                section.heading
            ),
        )
        .with_hint(format!("put {} on a line of its own above this line", section.heading))
        .with_example(section.heading),
    )
}

/// Whether the table at `span` was opened by a `[heading]` line rather
/// than written as a value.
fn is_heading(source: &str, span: Range<usize>) -> bool {
    source
        .get(span.start..)
        .is_some_and(|rest| rest.trim_start().starts_with('['))
}

struct Checker<'s> {
    source: &'s str,
    out: Vec<Diagnostic>,
    fixes: Edits,
    stand_ins: Vec<Range<usize>>,
}

impl Checker<'_> {
    /// Checks one section; false when it cannot be used at all.
    fn section(&mut self, section: &Section, value: &mut Spanned<DeValue<'_>>) -> bool {
        let span = value.span();
        match (section.many, value.get_mut()) {
            (false, DeValue::Table(table)) => self.table(section, table, span),
            (true, DeValue::Array(items)) => {
                let mut keep = Vec::new();
                for item in items.iter_mut() {
                    let span = item.span();
                    let usable = match item.get_mut() {
                        DeValue::Table(table) => self.table(section, table, span),
                        _ => {
                            self.out.push(self.wrong_section(section, span));
                            false
                        }
                    };
                    keep.push(usable);
                }
                let all = std::mem::replace(items, std::iter::empty().collect());
                *items = all
                    .into_iter()
                    .zip(keep)
                    .filter_map(|(item, usable)| usable.then_some(item))
                    .collect();
                true
            }
            _ => {
                self.out.push(self.wrong_section(section, span));
                false
            }
        }
    }

    fn wrong_section(&self, section: &Section, span: Range<usize>) -> Diagnostic {
        Diagnostic::error(
            Some(span),
            format!(
                "\"{}\" must be a section headed {} with its lines below it",
                section.name, section.heading
            ),
        )
        .with_hint(if section.many {
            "a part of which there are many has two brackets on each side of its heading"
        } else {
            "start the section with its heading on a line of its own, one bracket on each side"
        })
        .with_example(section.heading)
    }

    /// Checks the keys of one table; false when it lacks something that
    /// cannot be stood in for (an id, a number), so it must be left out.
    fn table(&mut self, section: &Section, table: &mut DeTable<'_>, span: Range<usize>) -> bool {
        let names: Vec<(String, Range<usize>)> = table
            .keys()
            .map(|k| (k.get_ref().to_string(), k.span()))
            .collect();
        let known: Vec<&str> = section.keys.iter().map(|k| k.name).collect();
        let mut reported = Vec::new();
        let mut suggested = Vec::new();
        for (name, key_span) in names {
            let Some(key) = section.keys.iter().find(|k| k.name == name) else {
                let mut d = Diagnostic::error(
                    Some(key_span.clone()),
                    format!("\"{name}\" is not something {} can have", section.this),
                )
                .with_hint(format!(
                    "the lines {} can have start with: {}",
                    section.this,
                    known.join(", ")
                ));
                if let Some(near) = closest(&name, &known) {
                    suggested.push(near);
                    d.message.push_str(&format!(": did you mean \"{near}\"?"));
                    d = d.with_example(self.line_with(key_span.clone(), near));
                } else if let Some(home) = SECTIONS
                    .iter()
                    .find(|s| s.name != section.name && s.keys.iter().any(|k| k.name == name))
                {
                    d.hint = Some(format!(
                        "\"{name}\" belongs under {}: move this line there",
                        home.heading
                    ));
                }
                self.out.push(d);
                table.remove(name.as_str());
                continue;
            };
            let Some(value) = table.get_mut(name.as_str()) else {
                continue;
            };
            if !self.value(key, value) {
                table.remove(name.as_str());
                reported.push(key.name);
            }
        }
        let mut usable = true;
        for key in section.keys.iter().filter(|k| k.required) {
            if table.contains_key(key.name) {
                continue;
            }
            if !reported.contains(&key.name) && !suggested.contains(&key.name) {
                let heading = self.line(span.start);
                self.out.push(
                    Diagnostic::error(
                        Some(heading),
                        format!("{} has no \"{}\"", section.this, key.name),
                    )
                    .with_hint(format!(
                        "add a line like the example below {}",
                        section.heading
                    ))
                    .with_example(key.example),
                );
            }
            // A stand-in keeps the entry for the checks of meaning
            // (references, other entries' duplicates); what is said about
            // the stand-in itself is dropped by its place.
            let stand_in = match key.shape {
                Text | Block => stand_in_text(span.clone()),
                Texts => continue,
                Plain | Date => Spanned::new(span.clone(), DeValue::String(Cow::Borrowed(""))),
                Group => Spanned::new(span.clone(), DeValue::String(Cow::Borrowed("citizen"))),
                Number => match DeValue::parse("0") {
                    Ok(zero) => Spanned::new(span.clone(), zero.into_inner()),
                    Err(_) => {
                        usable = false;
                        continue;
                    }
                },
            };
            table.insert(stand_in_key(key.name), stand_in);
            self.stand_ins.push(span.clone());
        }
        if reported.contains(&"group")
            && let Ok(zero) = DeValue::parse("0")
        {
            // A serial counts within its group: with the group unknown, a
            // clash of serials would be a guess.
            table.insert(
                stand_in_key("serial"),
                Spanned::new(span.clone(), zero.into_inner()),
            );
        }
        usable
    }

    /// Checks one value; false when it cannot be used.
    fn value(&mut self, key: &Key, value: &mut Spanned<DeValue<'_>>) -> bool {
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
                    .map(|t| format!("{{ bn = \"{t}\" }}"))
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
            Some(s) => format!("{} = {{ bn = \"{s}\" }}", key.name),
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

    /// The line of `span` with `span` replaced by `with`.
    fn line_with(&self, span: Range<usize>, with: &str) -> String {
        let line = self.line(span.start);
        let end = span.end.min(line.end);
        format!(
            "{}{with}{}",
            &self.source[line.start..span.start],
            &self.source[end..line.end]
        )
        .trim()
        .to_string()
    }

    fn line(&self, offset: usize) -> Range<usize> {
        super::lex::line_at(self.source, offset)
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

fn stand_in_key(name: &str) -> Spanned<Cow<'static, str>> {
    Spanned::new(0..0, Cow::Owned(name.to_string()))
}

fn stand_in_text<'i>(span: Range<usize>) -> Spanned<DeValue<'i>> {
    let mut text = DeTable::new();
    for lang in ["bn", "en"] {
        text.insert(
            Spanned::new(span.clone(), Cow::Borrowed(lang)),
            Spanned::new(span.clone(), DeValue::String(Cow::Borrowed("-"))),
        );
    }
    Spanned::new(span, DeValue::Table(text))
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

    #[test]
    fn near_names_only() {
        assert_eq!(closest("slgu", &["slug", "serial"]), Some("slug"));
        assert_eq!(
            closest("citizens", &["citizen", "internal"]),
            Some("citizen")
        );
        assert_eq!(closest("xyz", &["slug", "fee"]), None);
    }
}
