//! Checks of meaning that serde cannot make. Each finds every problem, not
//! only the first, so staff can fix a file in one pass.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::contacts;
use super::diagnostic::{Diagnostic, InFile, closest};
use super::model::{Charter, Text};
use super::serials;
use super::words::Words;

/// Every error and warning about `charter`.
pub fn validate(charter: &Charter, at: InFile<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_texts(charter, &mut out);
    check_officers(charter, at, &mut out);
    check_services(charter, at, &mut out);
    serials::check(charter, at, &mut out);
    contacts::check_office(charter, at, &mut out);
    check_date(charter, &mut out);
    out
}

fn span<T>(s: &Spanned<T>) -> Option<Range<usize>> {
    Some(s.span())
}

fn check_texts(charter: &Charter, out: &mut Vec<Diagnostic>) {
    for (text, name) in charter.texts() {
        check_text(text, &name, out);
    }
}

fn check_text(text: &Text, name: &Words, out: &mut Vec<Diagnostic>) {
    let named = |id| Words::new(id).arg("name", name.clone());
    for part in std::iter::once(&text.bn).chain(&text.en) {
        if matches!(part.get_ref().trim(), "…" | "...") {
            out.push(
                Diagnostic::error(
                    span(part),
                    named("check-stand-in-text").arg("stand-in", part.get_ref().trim()),
                )
                .with_hint(Words::new("check-stand-in-text-hint")),
            );
        }
    }
    if lost_letters(text.bn.get_ref()) {
        out.push(
            Diagnostic::error(span(&text.bn), named("check-question-marks"))
                .with_hint(Words::new("check-question-marks-hint")),
        );
    }
    if text.bn.get_ref().trim().is_empty() {
        out.push(
            Diagnostic::error(span(&text.bn), named("check-empty-bangla"))
                .with_hint(Words::new("check-empty-bangla-hint")),
        );
    }
    for part in std::iter::once(&text.bn).chain(&text.en) {
        if part.get_ref().contains('\t') {
            out.push(
                Diagnostic::warning(span(part), named("check-tab"))
                    .with_hint(Words::new("check-tab-hint")),
            );
        }
    }
    match &text.en {
        Some(en) if en.get_ref().trim().is_empty() => out.push(
            Diagnostic::error(span(en), named("check-empty-english"))
                .with_hint(Words::new("check-empty-english-hint")),
        ),
        Some(_) => {}
        None => out.push(
            Diagnostic::warning(span(&text.bn), named("check-no-english"))
                .with_hint(Words::new("check-no-english-hint")),
        ),
    }
}

/// Whether a text's letters were replaced by `?` on a save in an encoding
/// without Bangla.
fn lost_letters(text: &str) -> bool {
    let visible: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let marks = visible.iter().filter(|&&c| c == '?').count();
    marks >= 2
        && marks * 2 >= visible.len()
        && !visible
            .iter()
            .any(|c| ('\u{0980}'..='\u{09FF}').contains(c))
}

/// Ids and slugs go into URLs and references: keep them plain ASCII.
fn is_simple_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn check_officers(charter: &Charter, at: InFile<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &Spanned<String>> = HashMap::new();
    for officer in &charter.officers {
        let id = officer.id.get_ref().as_str();
        if !is_simple_id(id) {
            out.push(
                Diagnostic::error(
                    span(&officer.id),
                    Words::new("check-officer-id-not-simple").arg("id", id),
                )
                .with_hint(Words::new("check-officer-id-not-simple-hint"))
                .with_example_if(simple_id(id).map(|s| format!("id = \"{s}\""))),
            );
        }
        if let Some(first) = seen.insert(id, &officer.id) {
            let line = at(first.span().start).line;
            out.push(
                Diagnostic::error(
                    span(&officer.id),
                    Words::new("check-officer-id-twice").arg("id", id),
                )
                .with_hint(
                    Words::new("check-officer-id-twice-hint")
                        .arg("id", id)
                        .arg("line", line),
                ),
            );
        }
        if let Some(phone) = &officer.phone {
            contacts::check_phone(phone, out);
        }
        if let Some(email) = &officer.email {
            contacts::check_email(email, out);
        }
    }
}

fn check_services(charter: &Charter, at: InFile<'_>, out: &mut Vec<Diagnostic>) {
    // Only a clash needs a line number: counting lines for every entry
    // would make checking a large charter slow.
    let line_of = |offset: usize| at(offset).line;
    let known: Vec<&str> = charter
        .officers
        .iter()
        .map(|o| o.id.get_ref().as_str())
        .collect();
    let mut unknown: Vec<(&str, Diagnostic)> = Vec::new();
    let mut slugs: HashMap<&str, usize> = HashMap::new();
    for service in &charter.services {
        let slug = service.slug.get_ref().as_str();
        if !is_simple_id(slug) {
            out.push(
                Diagnostic::error(
                    span(&service.slug),
                    Words::new("check-slug-not-simple").arg("slug", slug),
                )
                .with_hint(Words::new("check-slug-not-simple-hint"))
                .with_example_if(simple_id(slug).map(|s| format!("slug = \"{s}\""))),
            );
        }
        if let Some(first) = slugs.insert(slug, service.slug.span().start) {
            let first = line_of(first);
            out.push(
                Diagnostic::error(
                    span(&service.slug),
                    Words::new("check-slug-twice").arg("slug", slug),
                )
                .with_hint(
                    Words::new("check-slug-twice-hint")
                        .arg("slug", slug)
                        .arg("line", first),
                ),
            );
        }
        for (reference, field) in [
            (&service.officer, "officer"),
            (&service.senior_officer, "senior_officer"),
        ] {
            let Some(reference) = reference else { continue };
            let id = reference.get_ref();
            if !known.contains(&id.as_str()) {
                let hint = if known.is_empty() {
                    Words::new("check-no-officers")
                } else {
                    Words::new("check-known-officers").arg("ids", known.join(", "))
                };
                let mut d = Diagnostic::error(
                    span(reference),
                    Words::new("check-unknown-officer")
                        .arg("field", field)
                        .arg("id", id),
                )
                .with_hint(hint);
                if let Some(near) = closest(id, &known) {
                    d = d.with_example(format!("{field} = \"{near}\""));
                }
                unknown.push((id.as_str(), d));
            }
        }
        if service.officer.is_none() {
            out.push(
                Diagnostic::warning(
                    span(&service.slug),
                    Words::new("check-no-officer").arg("slug", slug),
                )
                .with_hint(Words::new("check-no-officer-hint")),
            );
        }
    }
    out.extend(misspelt_officer_id(charter, unknown));
}

/// The unknown references, or, when they all name the same id and one
/// officer's id is near it and used by no service, one finding at that
/// id: a typo there would otherwise send the clerk to change every
/// correct reference to match it.
fn misspelt_officer_id(charter: &Charter, unknown: Vec<(&str, Diagnostic)>) -> Vec<Diagnostic> {
    let Some((named, _)) = unknown.first() else {
        return Vec::new();
    };
    let named = named.to_string();
    let all_same = unknown.iter().all(|(id, _)| *id == named);
    let used = |id: &str| {
        charter.services.iter().any(|s| {
            s.officer.as_ref().is_some_and(|o| o.get_ref() == id)
                || s.senior_officer.as_ref().is_some_and(|o| o.get_ref() == id)
        })
    };
    let unused: Vec<&Spanned<String>> = charter
        .officers
        .iter()
        .map(|o| &o.id)
        .filter(|id| !used(id.get_ref()))
        .collect();
    let near = unused
        .iter()
        .find(|id| closest(&named, &[id.get_ref().as_str()]).is_some());
    match near {
        Some(id) if all_same && unknown.len() > 1 => vec![
            Diagnostic::error(
                span(id),
                Words::new("check-officer-id-misspelt")
                    .arg("id", id.get_ref())
                    .arg("count", unknown.len())
                    .arg("named", &named),
            )
            .with_hint(Words::new("check-officer-id-misspelt-hint"))
            .with_example(format!("id = \"{named}\"")),
        ],
        _ => unknown.into_iter().map(|(_, d)| d).collect(),
    }
}

fn check_date(charter: &Charter, out: &mut Vec<Diagnostic>) {
    let Some(stamp) = &charter.statement.last_updated else {
        return;
    };
    let dt = stamp.get_ref();
    let date = match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => crate::calendar::Date::new(i32::from(d.year), d.month, d.day),
        _ => None,
    };
    if let (Some(d), None, None) = (dt.date, dt.time, dt.offset)
        && let Some(why) = super::shape::impossible_date(&d.to_string())
    {
        out.push(
            Diagnostic::error(
                span(stamp),
                Words::new("check-not-a-date").arg("date", d.to_string()),
            )
            .with_hint(why),
        );
        return;
    }
    match date {
        None => out.push(
            Diagnostic::error(span(stamp), Words::new("check-date-with-time"))
                .with_hint(Words::new("check-date-with-time-hint"))
                .with_example("last_updated = 2026-11-27"),
        ),
        Some(date) if date > crate::calendar::Date::today_in_bangladesh() => out.push(
            Diagnostic::warning(
                span(stamp),
                Words::new("check-date-in-future").arg("date", date.iso()),
            )
            .with_hint(Words::new("check-date-in-future-hint")),
        ),
        Some(_) => {}
    }
}

/// `text` made into a simple name: lower case, hyphens for spaces and
/// other signs, nothing else.
fn simple_id(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}
