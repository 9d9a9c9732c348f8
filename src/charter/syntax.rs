//! When the file cannot be read as TOML at all: find the real mistake and
//! say it in the clerk's words, not the parser's.
//!
//! The parser stops at the first place it cannot go on, which is often
//! after the mistake (a missing quote is noticed at the next line). So the
//! mistakes staff make most (curly quotes, a forgotten closing quote, a
//! heading without its `]`, a service pasted without its heading) are
//! looked for in the text itself first; the parser's own complaint is only
//! translated when none of them is found.

use std::ops::Range;

use super::diagnostic::{Diagnostic, position};
use super::lex::{self, line_at};

/// A clerk's explanation of a TOML syntax error at `span` with the
/// parser's `message`.
pub fn explain(source: &str, message: &str, span: Option<Range<usize>>) -> Diagnostic {
    let at = span.clone().map_or(source.len(), |s| s.start);
    let error_line_end = line_at(source, at).end;
    if let Some(d) = curly_quotes(source, error_line_end) {
        return d;
    }
    if let Some(d) = unclosed_quote(source, error_line_end) {
        return d;
    }
    if let Some(d) = unclosed_heading(source, error_line_end) {
        return d;
    }
    if let Some(span) = span.as_ref().filter(|_| message.contains("duplicate key")) {
        return duplicate_key(source, span.clone());
    }
    if (message.contains("in array") || message.contains("array element"))
        && let Some(d) = unclosed_list(source, at)
    {
        return d;
    }
    if let Some(span) = span
        .as_ref()
        .filter(|_| message.contains("missing comma between key-value"))
    {
        return missing_comma(source, span.start);
    }
    translate(message, span)
}

/// A list `[` whose `]` was deleted: the parser notices only at the next
/// key, so point at the list's opening bracket.
fn unclosed_list(source: &str, at: usize) -> Option<Diagnostic> {
    let before = &source[..line_at(source, at).start];
    let mut offset = before.len();
    for line in before.lines().rev() {
        offset -= line.len() + 1;
        let text = line.trim_end();
        if text.ends_with('[') && text.contains('=') {
            let open = offset + text.len() - 1;
            let start = position(source, open);
            return Some(
                Diagnostic::error(
                    Some(open..open + 1),
                    format!(
                        "the list that starts on line {} has no closing ]",
                        start.line
                    ),
                )
                .with_hint("end the list with ] on a line of its own after its last item")
                .with_example("]"),
            );
        }
    }
    None
}

/// Two parts of `{ … }` with no comma between them.
fn missing_comma(source: &str, at: usize) -> Diagnostic {
    let line = line_at(source, at);
    let head = source[line.start..at].trim_end();
    let fixed = format!("{head}, {}", source[at..line.end].trim_start());
    Diagnostic::error(Some(at..at), "a comma is missing here")
        .with_hint(
            "put a comma between the Bangla and the English text: { bn = \"…\", en = \"…\" }",
        )
        .with_example(fixed.trim())
}

fn curly_quotes(source: &str, limit: usize) -> Option<Diagnostic> {
    let at = lex::first_curly_quote(source).filter(|&i| i <= limit)?;
    Some(curly_quote_at(source, at))
}

fn curly_quote_at(source: &str, at: usize) -> Diagnostic {
    let line = line_at(source, at);
    let fixed: String = source[line]
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            c if lex::is_curly_quote(c) => '"',
            c => c,
        })
        .collect();
    let quote = source[at..].chars().next().unwrap_or('"');
    Diagnostic::error(
            Some(at..at + quote.len_utf8()),
            format!("this line has a curly quote {quote} where a straight quote \" belongs"),
        )
        .with_hint(
            "word processors and phone keyboards change \" into “ ”; type the straight quote \" instead, or edit the file in Notepad",
        )
        .with_example(fixed.trim())
}

fn unclosed_quote(source: &str, limit: usize) -> Option<Diagnostic> {
    let u = lex::first_unclosed_quote(source).filter(|u| u.open <= limit)?;
    if let Some(curly) = source[..u.insert_at]
        .chars()
        .next_back()
        .filter(|&c| lex::is_curly_quote(c))
    {
        // The text was closed, with a curly quote.
        return Some(curly_quote_at(source, u.insert_at - curly.len_utf8()));
    }
    let start = position(source, u.open);
    let line = line_at(source, u.open);
    let fixed = format!(
        "{}\"{}",
        &source[line.start..u.insert_at],
        &source[u.insert_at..line.end]
    );
    Some(
        Diagnostic::error(
            Some(u.open..u.insert_at),
            format!(
                "the text starting at line {} column {} has no closing quote",
                start.line, start.column
            ),
        )
        .with_hint("end every text with a straight double quote \"")
        .with_example(fixed.trim()),
    )
}

fn unclosed_heading(source: &str, limit: usize) -> Option<Diagnostic> {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if offset > limit {
            break;
        }
        let text = line.trim();
        let text = text.split('#').next().unwrap_or("").trim();
        if text.starts_with('[') && !text.contains('=') {
            let opens = text.chars().take_while(|&c| c == '[').count();
            let closes = text.chars().rev().take_while(|&c| c == ']').count();
            if opens != closes {
                let name = text.trim_matches(|c| c == '[' || c == ']').trim();
                let fixed = format!("{0}{name}{1}", "[".repeat(opens), "]".repeat(opens));
                let start = offset + (line.len() - line.trim_start().len());
                return Some(
                    Diagnostic::error(
                        Some(start..start + text.len()),
                        format!("the heading {text} has {opens} [ but {closes} ]"),
                    )
                    .with_hint("a heading has as many ] after its name as [ before it")
                    .with_example(fixed),
                );
            }
        }
        offset += line.len();
    }
    None
}

/// A key written twice in one table: most often a service pasted, or
/// begun, without its `[[services]]` heading.
fn duplicate_key(source: &str, span: Range<usize>) -> Diagnostic {
    let key = source
        .get(span.clone())
        .unwrap_or("")
        .trim()
        .trim_matches('"')
        .to_string();
    let before = &source[..span.start.min(source.len())];
    let heading_at = before
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .chain(std::iter::once(0))
        .filter(|&i| source[i..].trim_start_matches([' ', '\t']).starts_with('['))
        .max();
    let heading = heading_at.map(|i| source[line_at(source, i)].trim().to_string());
    let first = before.match_indices('\n').map(|(i, _)| i + 1).find(|&i| {
        i >= heading_at.unwrap_or(0) && {
            let rest = source[i..].trim_start();
            rest.strip_prefix(key.as_str())
                .is_some_and(|r| r.trim_start().starts_with('='))
        }
    });
    let first_line = first.map(|i| position(source, i).line);
    let mut message = format!("\"{key}\" is written twice in the same part of the file");
    if let Some(line) = first_line {
        message.push_str(&format!(" (first on line {line})"));
    }
    let d = Diagnostic::error(Some(span), message);
    match heading.as_deref() {
        Some(h @ ("[[services]]" | "[[officers]]" | "[[grievance]]")) => d
            .with_hint(format!(
                "each new entry begins with its own heading line; if a new one begins here, put {h} on the line before it"
            ))
            .with_example(h.to_string()),
        _ => d.with_hint("write each key once; delete one of the two lines"),
    }
}

/// The parser's complaint in plain words, for the mistakes not recognised
/// above.
fn translate(message: &str, span: Option<Range<usize>>) -> Diagnostic {
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
            "this list is not written as the file expects",
            "a list is [ item, item ] with a comma between items and ] at its end",
            "documents = [ { bn = \"…\", en = \"…\" }, { bn = \"…\", en = \"…\" } ]",
        )
    } else if m.contains("comma between key") || m.contains("inline table") {
        (
            "this text is not written as the file expects",
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
