//! The parser's own complaints, when no mistake was found in the text
//! itself: a list left open, a comma missing, a heading's brackets, a
//! backslash; and, for anything else, the complaint in plain words.

use std::ops::Range;

use crate::charter::diagnostic::{Diagnostic, line_at, position};
use crate::charter::shape::SECTIONS;
use crate::charter::words::Words;

/// The lines before the line of `at`, last first, each with its byte
/// offset (line breaks of either kind left out).
fn lines_before(source: &str, at: usize) -> impl Iterator<Item = (usize, &str)> {
    let before = &source[..line_at(source, at).start];
    let mut end = before.len();
    std::iter::from_fn(move || {
        if end == 0 {
            return None;
        }
        let body_end = end - 1;
        let start = before[..body_end].rfind('\n').map_or(0, |i| i + 1);
        let line = before[start..body_end].trim_end_matches('\r');
        end = start;
        Some((start, line))
    })
}

/// A list `[` whose `]` was deleted: the parser notices only at the next
/// key, so point at the list's opening bracket.
pub(super) fn unclosed_list(source: &str, at: usize) -> Option<Diagnostic> {
    let stopped_at = source[line_at(source, at)].trim_start();
    if !stopped_at.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // The opener is the nearest line before that is not a list item;
    // anything else between them means the list was closed.
    let (offset, line) = lines_before(source, at).find(|(_, l)| {
        let t = l.trim();
        !(t.is_empty() || t.starts_with(['{', '"', '#']))
    })?;
    let t = line.trim_end();
    if !(t.ends_with('[') && t.contains('=')) {
        return None;
    }
    let open = offset + line.trim_end().len() - 1;
    let start = position(source, open);
    Some(
        Diagnostic::error(
            Some(open..open + 1),
            Words::new("check-list-not-closed").arg("line", start.line),
        )
        .with_hint(Words::new("check-list-not-closed-hint"))
        .with_example("]"),
    )
}

/// Two items of a list with no comma between them: the parser stops at
/// the second, the comma belongs after the first.
pub(super) fn missing_list_comma(source: &str, at: usize) -> Diagnostic {
    let line = line_at(source, at);
    let head = source[line.start..at].trim_end();
    if !head.is_empty() && !head.ends_with('[') {
        // Both items on one line.
        let fixed = format!("{head}, {}", source[at..line.end].trim_start());
        return Diagnostic::error(Some(at..at), Words::new("check-comma-between-items"))
            .with_hint(Words::new("check-comma-after-each-item"))
            .with_example(fixed.trim());
    }
    let previous = lines_before(source, at).find(|(_, l)| !l.trim().is_empty());
    let Some((offset, text)) = previous else {
        return Diagnostic::error(Some(at..at), Words::new("check-comma-before-item"))
            .with_hint(Words::new("check-comma-after-each-item"));
    };
    let end = offset + text.trim_end().len();
    Diagnostic::error(
        Some(end..end),
        Words::new("check-comma-after-item").arg("line", position(source, offset).line),
    )
    .with_hint(Words::new("check-comma-after-each-item"))
    .with_example(format!("{},", text.trim()))
}

/// Two parts of `{ … }` with no comma between them; or, when the parser
/// stops at the start of a line, a `{ … }` on the line above left without
/// its closing brace.
pub(super) fn missing_comma(source: &str, at: usize) -> Diagnostic {
    let line = line_at(source, at);
    let head = source[line.start..at].trim_end();
    if head.is_empty()
        && let Some((offset, text)) = lines_before(source, at).find(|(_, l)| !l.trim().is_empty())
        && text.contains('{')
        && !text.trim_end().ends_with('}')
    {
        let end = offset + text.trim_end().len();
        return Diagnostic::error(
            Some(end..end),
            Words::new("check-brace-not-closed").arg("line", position(source, offset).line),
        )
        .with_hint(Words::new("check-brace-not-closed-hint"))
        .with_example(format!("{} }}", text.trim()));
    }
    let fixed = format!("{head}, {}", source[at..line.end].trim_start());
    Diagnostic::error(Some(at..at), Words::new("check-comma-missing"))
        .with_hint(Words::new("check-comma-missing-hint"))
        .with_example(fixed.trim())
}

/// Headings written wrongly: a bracket missing, or one bracket where a
/// section of many entries has two (`[services]`), or the reverse.
pub(super) fn headings(source: &str, limit: usize) -> Option<Diagnostic> {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if offset > limit {
            break;
        }
        let text = line.split('#').next().unwrap_or("").trim();
        if text.starts_with('[') && !text.contains('=') {
            let opens = text.chars().take_while(|&c| c == '[').count();
            let closes = text.chars().rev().take_while(|&c| c == ']').count();
            let name = text.trim_matches(|c| c == '[' || c == ']').trim();
            let want = SECTIONS
                .iter()
                .find(|s| s.name == name)
                .map_or(opens, |s| if s.many { 2 } else { 1 });
            if opens != closes || opens != want {
                let fixed = format!("{0}{name}{1}", "[".repeat(want), "]".repeat(want));
                let start = offset + (line.len() - line.trim_start().len());
                let (message, hint) = if opens != closes {
                    (
                        Words::new("check-heading-brackets")
                            .arg("heading", text)
                            .arg("opens", opens)
                            .arg("closes", closes),
                        Words::new("check-heading-brackets-hint"),
                    )
                } else {
                    (
                        Words::new("check-heading-bracket-count")
                            .arg("heading", text)
                            .arg("count", want),
                        Words::new("check-heading-bracket-count-hint"),
                    )
                };
                return Some(
                    Diagnostic::error(Some(start..start + text.len()), message)
                        .with_hint(hint)
                        .with_example(fixed),
                );
            }
        }
        offset += line.len();
    }
    None
}

/// A backslash in a text starts an escape such as `\"`; a Windows path or a
/// stray `\` is refused by the file format.
pub(super) fn backslash(source: &str, at: usize) -> Diagnostic {
    let line = line_at(source, at);
    let fixed = source[line].replace('\\', "/");
    Diagnostic::error(Some(at..at + 1), Words::new("check-backslash"))
        .with_hint(Words::new("check-backslash-hint"))
        .with_example(fixed.trim())
}

/// The parser's complaint in plain words, for the mistakes not recognised
/// above.
pub(super) fn translate(message: &str, span: Option<Range<usize>>) -> Diagnostic {
    let m = message.to_lowercase();
    let (kind, example): (&str, &str) = if m.contains("date") {
        ("date", "last_updated = 2026-11-27")
    } else if m.contains("leading zero") {
        ("leading-zero", "serial = 1")
    } else if m.contains("unquoted key") || m.contains("invalid key") {
        ("key", "name = { bn = \"…\", en = \"…\" }")
    } else if m.contains("assignment") || m.contains("no value") || m.contains("missing value") {
        ("no-value", "serial = 1")
    } else if m.contains("comma between array") || m.contains("array") {
        (
            "list",
            "documents = [ { bn = \"…\", en = \"…\" }, { bn = \"…\", en = \"…\" } ]",
        )
    } else if m.contains("comma between key") || m.contains("inline table") {
        ("text", "name = { bn = \"…\", en = \"…\" }")
    } else if m.contains("must be quoted") || m.contains("string") {
        ("quotes", "slug = \"ict-training\"")
    } else {
        ("other", "")
    };
    let d = Diagnostic::error(span, Words::new("check-cannot-read").arg("kind", kind))
        .with_hint(Words::new("check-cannot-read-hint").arg("kind", kind));
    if example.is_empty() {
        d
    } else {
        d.with_example(example)
    }
}
