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
use super::edits::Edits;
use super::shape::{SECTIONS, Section, Shape::*};
use super::words::Words;

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
    // Sections written otherwise than as sections, reported as such.
    let mut misplaced = Vec::new();
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
                Words::new("check-unknown-section").arg("name", &name),
            )
            .with_hint(Words::new("check-unknown-section-hint"));
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
            misplaced.push(section.name);
        }
    }
    for section in SECTIONS.iter().filter(|s| s.required) {
        if !table.contains_key(section.name) && !misplaced.contains(&section.name) {
            c.out.push(
                Diagnostic::error(
                    Some(root_span.start..root_span.start),
                    Words::new("check-no-section").arg("heading", section.heading),
                )
                .with_hint(Words::new("check-no-section-hint"))
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
            Words::new("check-heading-missing")
                .arg("key", first.as_str())
                .arg("heading", section.heading),
        )
        .with_hint(Words::new("check-heading-missing-hint").arg("heading", section.heading))
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

pub(super) struct Checker<'s> {
    pub(super) source: &'s str,
    pub(super) out: Vec<Diagnostic>,
    pub(super) fixes: Edits,
    pub(super) stand_ins: Vec<Range<usize>>,
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
            Words::new("check-not-a-section")
                .arg("name", section.name)
                .arg("heading", section.heading),
        )
        .with_hint(Words::new(if section.many {
            "check-not-a-section-many-hint"
        } else {
            "check-not-a-section-one-hint"
        }))
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
                let near = closest(&name, &known);
                let message = Words::new(if near.is_some() {
                    "check-unknown-key-near"
                } else {
                    "check-unknown-key"
                })
                .arg("key", &name)
                .arg("section", section.name)
                .arg("near", near.unwrap_or(""));
                let mut d = Diagnostic::error(Some(key_span.clone()), message).with_hint(
                    Words::new("check-unknown-key-hint")
                        .arg("section", section.name)
                        .arg("keys", known.join(", ")),
                );
                if let Some(near) = near {
                    suggested.push(near);
                    d = d.with_example(self.line_with(key_span.clone(), near));
                } else if let Some(home) = SECTIONS
                    .iter()
                    .find(|s| s.name != section.name && s.keys.iter().any(|k| k.name == name))
                {
                    d = d.with_hint(
                        Words::new("check-key-elsewhere")
                            .arg("key", &name)
                            .arg("heading", home.heading),
                    );
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
                        Words::new("check-missing-key")
                            .arg("section", section.name)
                            .arg("key", key.name),
                    )
                    .with_hint(Words::new("check-missing-key-hint").arg("heading", section.heading))
                    .with_example(key.example),
                );
            }
            // A stand-in keeps the entry for the checks of meaning
            // (references, other entries' duplicates); what is said about
            // the stand-in itself is dropped by its place.
            let stand_in = match key.shape {
                Text | Block => stand_in_text(span.clone()),
                Texts | Plains => continue,
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

    /// The line of `span` with `span` replaced by `with`.
    pub(super) fn line_with(&self, span: Range<usize>, with: &str) -> String {
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

    pub(super) fn line(&self, offset: usize) -> Range<usize> {
        super::diagnostic::line_at(self.source, offset)
    }
}

fn stand_in_key(name: &str) -> Spanned<Cow<'static, str>> {
    Spanned::new(0..0, Cow::Owned(name.to_string()))
}

pub(super) fn stand_in_text<'i>(span: Range<usize>) -> Spanned<DeValue<'i>> {
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
    fn near_names_only() {
        assert_eq!(closest("slgu", &["slug", "serial"]), Some("slug"));
        assert_eq!(
            closest("citizens", &["citizen", "internal"]),
            Some("citizen")
        );
        assert_eq!(closest("xyz", &["slug", "fee"]), None);
    }
}
