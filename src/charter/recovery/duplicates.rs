//! A key or a heading written twice, where the file format stops: which
//! line holds which value, the one the clerk most likely meant (the later,
//! typed last), and how to read on past it, so that the rest of the file
//! is checked in the same run.

use std::ops::Range;

use super::ReadOn;
use super::tokens::value_end;
use crate::charter::diagnostic::{Diagnostic, line_at, position};
use crate::charter::words::Words;

/// Characters of a value shown in a hint.
const MAX_VALUE: usize = 50;

/// A key written a second time at `span`, `aside` being the parts of the
/// file set aside already; with how to read on, when it can be done.
pub(super) fn explain(
    source: &str,
    span: Range<usize>,
    aside: &[Range<usize>],
) -> (Diagnostic, Option<ReadOn>) {
    let key = source
        .get(span.clone())
        .unwrap_or("")
        .trim()
        .trim_matches('"')
        .to_string();
    let line = line_at(source, span.start);
    let head = &source[line.start..span.start];
    if head.contains('{') {
        in_braces(source, span, &key, line)
    } else if head.trim_start().starts_with('[') {
        heading(source, span, line, aside)
    } else {
        in_table(source, span, &key, aside)
    }
}

/// Twice inside one `{ … }`: `{ bn = "…", bn = "…" }`, read on as the
/// example says.
fn in_braces(
    source: &str,
    span: Range<usize>,
    key: &str,
    line: Range<usize>,
) -> (Diagnostic, Option<ReadOn>) {
    let head = &source[line.start..span.start];
    let other = match key {
        "bn" => Some("en"),
        "en" => Some("bn"),
        _ => None,
    };
    let d = Diagnostic::error(
        Some(span.clone()),
        Words::new("check-part-twice").arg("part", key),
    );
    match other {
        Some(other) => (
            d.with_hint(
                Words::new("check-part-twice-hint")
                    .arg("part", key)
                    .arg("other", other),
            )
            .with_example(format!(
                "{}{other}{}",
                head.trim_start(),
                &source[span.end..line.end]
            )),
            Some((span, other.to_string())),
        ),
        None => (d.with_hint(Words::new("check-part-twice-other-hint")), None),
    }
}

/// A heading written twice (`[office]` again further down): the second
/// section is set aside.
fn heading(
    source: &str,
    span: Range<usize>,
    line: Range<usize>,
    aside: &[Range<usize>],
) -> (Diagnostic, Option<ReadOn>) {
    let text = source[line.clone()].split('#').next().unwrap_or("").trim();
    let first = line_starts(source, 0..line.start)
        .filter(|&i| !is_aside(aside, i))
        .find(|&i| {
            source[line_at(source, i)]
                .split('#')
                .next()
                .unwrap_or("")
                .trim()
                == text
        });
    let message = match first {
        Some(first) => Words::new("check-heading-twice-at")
            .arg("heading", text)
            .arg("line", position(source, first).line),
        None => Words::new("check-heading-twice").arg("heading", text),
    };
    let d = Diagnostic::error(Some(span), message)
        .with_hint(Words::new("check-heading-twice-hint").arg("heading", text));
    // The section runs to the next heading.
    let end = line_starts(source, line.end..source.len())
        .find(|&i| source[i..].trim_start_matches([' ', '\t']).starts_with('['))
        .map_or(source.len(), |i| i.saturating_sub(1).max(line.end));
    (d, Some((line.start..end, String::new())))
}

/// A key written twice in one table: most often a service pasted, or
/// begun, without its `[[services]]` heading; otherwise a line changed by
/// adding a new one below it, the old one left.
fn in_table(
    source: &str,
    span: Range<usize>,
    key: &str,
    aside: &[Range<usize>],
) -> (Diagnostic, Option<ReadOn>) {
    let line = line_at(source, span.start);
    let heading_at = line_starts(source, 0..span.start)
        .filter(|&i| source[i..].trim_start_matches([' ', '\t']).starts_with('['))
        .filter(|&i| !is_aside(aside, i))
        .last();
    let heading = heading_at.map(|i| source[line_at(source, i)].trim().to_string());
    let key_lines: Vec<usize> = line_starts(source, heading_at.unwrap_or(0)..line.start)
        .filter(|&i| !is_aside(aside, i))
        .filter(|&i| {
            let rest = source[i..].trim_start();
            !rest.starts_with(['#', '[', '{', '"', ']', '}']) && rest.contains('=')
        })
        .collect();
    let first = key_lines.iter().copied().find(|&i| {
        source[i..]
            .trim_start()
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with('='))
    });
    let message = match first {
        Some(first) => Words::new("check-key-twice-at")
            .arg("key", key)
            .arg("line", position(source, first).line),
        None => Words::new("check-key-twice").arg("key", key),
    };
    let d = Diagnostic::error(Some(span), message);
    // A new entry pasted without its heading repeats the entry's first
    // line; any other repeated line is one too many.
    let starts_entry = first.is_some() && first == key_lines.first().copied();
    match (heading.as_deref(), first) {
        (Some(h @ ("[[services]]" | "[[officers]]" | "[[grievance]]")), Some(_))
            if starts_entry =>
        {
            (
                d.with_hint(Words::new("check-entry-heading-hint").arg("heading", h))
                    .with_example(h.to_string()),
                Some((line.start..line.start, format!("{h}\n"))),
            )
        }
        (_, Some(first)) => {
            let earlier = first..value_end(source, first);
            let later = line.start..value_end(source, line.start);
            (
                d.with_hint(which_to_keep(source, &earlier, &later)),
                Some((earlier, String::new())),
            )
        }
        (_, None) => (d.with_hint(Words::new("check-line-twice-hint")), None),
    }
}

/// The hint for a line written twice: the same line twice is one to
/// delete; two values, the later is most likely the one meant (a clerk
/// changing a line adds the new one and forgets the old).
fn which_to_keep(source: &str, earlier: &Range<usize>, later: &Range<usize>) -> Words {
    let words = |r: &Range<usize>| source[r.clone()].split_whitespace().collect::<Vec<_>>();
    if words(earlier) == words(later) {
        return Words::new("check-line-twice-hint");
    }
    let first = position(source, earlier.start).line;
    let last = position(source, earlier.end).line;
    Words::new("check-keep-the-later-hint")
        .arg("earlier", shown(source, earlier))
        .arg("later", shown(source, later))
        .arg("line", first)
        .arg("later-line", position(source, later.start).line)
        .arg("last", last)
        .arg("lines", if last > first { "more" } else { "one" })
}

/// The `key = value` line at `range`, as typed, cut short when long or
/// when its value goes on over more lines.
fn shown(source: &str, range: &Range<usize>) -> String {
    let text = &source[range.clone()];
    let first = text.lines().next().unwrap_or("").trim();
    let cut = first.char_indices().nth(MAX_VALUE).map(|(i, _)| i);
    match cut {
        Some(i) => format!("{} …", first[..i].trim_end()),
        None if text.trim_end().contains('\n') => format!("{first} …"),
        None => first.to_string(),
    }
}

/// The offsets of the lines that start within `range`.
fn line_starts(source: &str, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
    let start = range.start;
    std::iter::once(start)
        .filter(move |&i| i == 0 || source.as_bytes().get(i - 1) == Some(&b'\n'))
        .chain(
            source[range.clone()]
                .match_indices('\n')
                .map(move |(i, _)| start + i + 1),
        )
        .filter(move |&i| i < range.end)
}

/// Whether the line at `offset` was set aside already.
fn is_aside(aside: &[Range<usize>], offset: usize) -> bool {
    aside.iter().any(|r| r.contains(&offset))
}
