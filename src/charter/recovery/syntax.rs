//! The parser's own complaints, when no mistake was found in the text
//! itself: a list left open, a comma missing, a heading's brackets, a
//! backslash; and, for anything else, the complaint in plain words.

use std::ops::Range;

use crate::charter::diagnostic::{Diagnostic, line_at, position};
use crate::charter::shape::SECTIONS;

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
            format!(
                "the list that starts on line {} has no closing ]",
                start.line
            ),
        )
        .with_hint("end the list with ] on a line of its own after its last item")
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
        return Diagnostic::error(Some(at..at), "a comma is missing between these two items")
            .with_hint("put a comma after each item of a list")
            .with_example(fixed.trim());
    }
    let previous = lines_before(source, at).find(|(_, l)| !l.trim().is_empty());
    let Some((offset, text)) = previous else {
        return Diagnostic::error(Some(at..at), "a comma is missing before this item")
            .with_hint("put a comma after each item of a list");
    };
    let end = offset + text.trim_end().len();
    Diagnostic::error(
        Some(end..end),
        format!(
            "a comma is missing after the item on line {}",
            position(source, offset).line
        ),
    )
    .with_hint("put a comma after each item of a list")
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
            format!(
                "the text on line {} has no closing }}",
                position(source, offset).line
            ),
        )
        .with_hint("a text { bn = \"…\", en = \"…\" } ends with } on the same line")
        .with_example(format!("{} }}", text.trim()));
    }
    let fixed = format!("{head}, {}", source[at..line.end].trim_start());
    Diagnostic::error(Some(at..at), "a comma is missing here")
        .with_hint(
            "put a comma between the Bangla and the English text: { bn = \"…\", en = \"…\" }",
        )
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
                        format!("the heading {text} has {opens} [ but {closes} ]"),
                        "a heading has as many ] after its name as [ before it",
                    )
                } else {
                    (
                        format!("the heading {text} needs {want} brackets on each side"),
                        "[office] and [charter] have one bracket on each side; [[officers]], [[services]] and [[grievance]], of which there are many, have two",
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
    Diagnostic::error(
        Some(at..at + 1),
        "a backslash \\ cannot stand alone in a text",
    )
    .with_hint("write / instead, or \\\\ for a backslash; \\\" is a quote inside a text")
    .with_example(fixed.trim())
}

/// The parser's complaint in plain words, for the mistakes not recognised
/// above.
pub(super) fn translate(message: &str, span: Option<Range<usize>>) -> Diagnostic {
    let m = message.to_lowercase();
    let (what, hint, example): (&str, &str, &str) = if m.contains("date") {
        (
            "this date cannot be read",
            "write dates as year-month-day",
            "last_updated = 2026-11-27",
        )
    } else if m.contains("leading zero") {
        (
            "a number cannot start with 0",
            "leave out the leading 0",
            "serial = 1",
        )
    } else if m.contains("unquoted key") || m.contains("invalid key") {
        (
            "the name before = can only have English letters, digits, - and _",
            "write the name as docs/charter.md does; texts go after = between quotes",
            "name = { bn = \"…\", en = \"…\" }",
        )
    } else if m.contains("assignment") || m.contains("no value") || m.contains("missing value") {
        (
            "a line must have a name, an = sign and a value",
            "write the name, then =, then the value",
            "serial = 1",
        )
    } else if m.contains("comma between array") || m.contains("array") {
        (
            "this list is not written correctly",
            "a list is [ item, item ] with a comma between items and ] at its end",
            "documents = [ { bn = \"…\", en = \"…\" }, { bn = \"…\", en = \"…\" } ]",
        )
    } else if m.contains("comma between key") || m.contains("inline table") {
        (
            "this text is not written correctly",
            "a text is { bn = \"…\", en = \"…\" }: a comma between the two parts and } at its end, all on one line",
            "name = { bn = \"…\", en = \"…\" }",
        )
    } else if m.contains("must be quoted") || m.contains("string") {
        (
            "a text must be between straight double quotes",
            "put \" before and after the text",
            "slug = \"ict-training\"",
        )
    } else {
        (
            "the file cannot be read from this point",
            "each line is one name = value; compare this line with the same kind of line elsewhere in the file",
            "",
        )
    };
    let d = Diagnostic::error(span, what).with_hint(hint);
    if example.is_empty() {
        d
    } else {
        d.with_example(example)
    }
}
