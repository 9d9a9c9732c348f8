//! The mistakes of quoting and punctuation that stop the file from being
//! read, found in the text itself: curly quotes, a missing quote, a quote
//! inside a text, words after a text's closing quote, a Bangla `।` or `،`
//! where a comma belongs, an invisible space.

use super::tokens::{self, QuoteProblem};
use crate::charter::diagnostic::{Diagnostic, line_at, position};
use crate::charter::words::Words;

/// The first curly quote outside any text, up to byte `limit`.
pub fn curly_quotes(source: &str, limit: usize) -> Option<Diagnostic> {
    let at = tokens::first_curly_quote(source).filter(|&i| i <= limit)?;
    Some(curly_quote_at(source, at))
}

fn curly_quote_at(source: &str, at: usize) -> Diagnostic {
    let line = line_at(source, at);
    let fixed: String = source[line]
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            c if tokens::is_curly_quote(c) => '"',
            c => c,
        })
        .collect();
    let quote = source[at..].chars().next().unwrap_or('"');
    Diagnostic::error(
        Some(at..at + quote.len_utf8()),
        Words::new("check-curly-quote").arg("quote", quote),
    )
    .with_hint(Words::new("check-curly-quote-hint"))
    .with_example(fixed.trim())
}

/// Characters typed where a comma belongs: the Bangla full stop (দাঁড়ি),
/// the Arabic comma some Bangla keyboards give, a semicolon, a full-width
/// comma.
const NOT_COMMAS: [char; 5] = ['।', '،', ';', '؛', '，'];

/// Characters a person cannot see: they make a line look right and read
/// wrong. Their kind, as the Fluent files name it.
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00A0}' => "no-break-space",
        '\u{200B}' => "zero-width-space",
        '\u{200C}' => "zero-width-non-joiner",
        '\u{200D}' => "zero-width-joiner",
        '\u{2060}' => "word-joiner",
        '\u{FEFF}' => "byte-order-mark",
        '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{3000}' => "special-space",
        _ => return None,
    })
}

/// The first `।`, `،`, `;` or invisible character outside any text, up to
/// byte `limit`.
pub fn stray_character(source: &str, limit: usize) -> Option<Diagnostic> {
    let found = tokens::outside(source)
        .take_while(|&(i, _)| i <= limit)
        .find(|&(_, c)| NOT_COMMAS.contains(&c) || invisible_name(c).is_some());
    let (at, c) = found?;
    let line = line_at(source, at);
    let after = source[at + c.len_utf8()..line.end].trim();
    if NOT_COMMAS.contains(&c)
        && (after.is_empty() || after.starts_with('#'))
        && !source[line.clone()].trim_start().starts_with('{')
    {
        // At the end of a `name = value` line: a sign after the value,
        // which the line's own check names.
        return None;
    }
    let here = at..at + c.len_utf8();
    Some(match invisible_name(c) {
        Some(name) => {
            let fixed = format!(
                "{} {}",
                &source[line.start..at],
                &source[here.end..line.end]
            );
            Diagnostic::error(
                Some(here),
                Words::new("check-invisible")
                    .arg("kind", name)
                    .arg("code", format!("U+{:04X}", c as u32)),
            )
            .with_hint(Words::new("check-invisible-hint"))
            .with_example(fixed.trim().replace("  ", " "))
        }
        None => {
            let fixed = format!(
                "{},{}",
                &source[line.start..at],
                &source[here.end..line.end]
            );
            Diagnostic::error(Some(here), Words::new("check-not-a-comma").arg("sign", c))
                .with_hint(Words::new("check-not-a-comma-hint"))
                .with_example(fixed.trim())
        }
    })
}

/// The first badly quoted text, up to byte `limit`.
pub fn quote_problem(source: &str, limit: usize) -> Option<Diagnostic> {
    match tokens::first_quote_problem(source)? {
        QuoteProblem::Unclosed(u) if u.open <= limit => Some(unclosed(source, u)),
        QuoteProblem::TextAfter { text } if text.start <= limit => Some(text_after(source, text)),
        _ => None,
    }
}

fn unclosed(source: &str, u: tokens::Unclosed) -> Diagnostic {
    let line = line_at(source, u.open);
    let last = source[..u.insert_at].chars().next_back();
    if let Some(curly) = last.filter(|&c| tokens::is_curly_quote(c)) {
        // The text was closed, with a curly quote.
        return curly_quote_at(source, u.insert_at - curly.len_utf8());
    }
    let start = position(source, u.open);
    let after_quote = source[u.open + 1..line.end].trim_end();
    // A quote at the end of a value, or one that "closes" nothing: the
    // opening quote was left out.
    if u.insert_at == u.open + 1
        || after_quote
            .trim_end_matches([',', '}', ']', ' '])
            .is_empty()
    {
        // A quote at the end of a value: the opening one was left out.
        if let Some(d) = opening_missing(source, u.open) {
            return d;
        }
    }
    let mut fixed = format!(
        "{}\"{}",
        &source[line.start..u.insert_at],
        &source[u.insert_at..line.end]
    );
    if last == Some('\'') {
        // Closed with ' instead of ".
        fixed = format!(
            "{}\"{}",
            &source[line.start..u.insert_at - 1],
            &source[u.insert_at..line.end]
        );
    }
    let next = source[line.end..].trim_start_matches(['\r', '\n']);
    let next_line = &next[..next.find('\n').unwrap_or(next.len())];
    let continued = !next_line.trim().is_empty()
        && !next_line.trim_start().starts_with(['[', '#', '{'])
        && next_line.contains('"')
        && !next_line.split('"').next().unwrap_or("").contains('=');
    let d = Diagnostic::error(
        Some(u.open..u.insert_at),
        Words::new("check-no-closing-quote")
            .arg("line", start.line)
            .arg("column", start.column),
    );
    if continued {
        // Enter was pressed inside the text.
        let joined = format!("{} {}", source[line].trim_end(), next_line.trim());
        return d
            .with_hint(Words::new("check-text-on-one-line").arg("line", start.line + 1))
            .with_example(joined.trim());
    }
    d.with_hint(Words::new("check-no-closing-quote-hint"))
        .with_example(fixed.trim())
}

/// `key = value"`: the value's opening quote is missing.
fn opening_missing(source: &str, close: usize) -> Option<Diagnostic> {
    let line = line_at(source, close);
    let head = &source[line.start..close];
    let eq = head.rfind('=')?;
    let value = head[eq + 1..].trim();
    if value.is_empty() || value.contains('"') {
        return None;
    }
    let value_at = line.start + eq + 1 + (head[eq + 1..].len() - head[eq + 1..].trim_start().len());
    let fixed = format!(
        "{}= \"{value}\"{}",
        head[..eq].trim_end().to_string() + " ",
        &source[close + 1..line.end]
    );
    Some(
        Diagnostic::error(
            Some(value_at..close + 1),
            Words::new("check-no-opening-quote"),
        )
        .with_hint(Words::new("check-no-opening-quote-hint"))
        .with_example(fixed.trim()),
    )
}

/// A text followed on its line by more words: a quote inside the text, or
/// words typed after its closing quote.
fn text_after(source: &str, text: std::ops::Range<usize>) -> Diagnostic {
    let line = line_at(source, text.start);
    let start = position(source, text.start);
    let tail = &source[text.end..line.end];
    let head = source[line.start..text.start].trim_end();
    if head.ends_with(['[', ',']) && tail.trim_start().starts_with('"') {
        // `["a.gov.bd" "b.gov.bd"]`: an item of a list followed by the
        // next, the comma between them forgotten.
        let next = text.end + (tail.len() - tail.trim_start().len());
        return Diagnostic::error(Some(next..next), Words::new("check-comma-between-items"))
            .with_hint(Words::new("check-comma-after-each-item"))
            .with_example(
                format!("{}, {}", &source[line.start..text.end], tail.trim_start())
                    .trim()
                    .to_string(),
            );
    }
    // The text's real closing quote is the first later one followed by
    // what may follow a value.
    let closing = tail.match_indices('"').map(|(i, _)| i).find(|&i| {
        let after = tail[i + 1..].trim_start();
        after.is_empty() || after.starts_with([',', '}', ']', '#'])
    });
    match closing {
        Some(close) => {
            // A quote inside the text: escape every inner quote.
            let inner = format!(
                "{}\"{}",
                &source[text.start + 1..text.end - 1],
                &tail[..close]
            );
            let fixed = format!(
                "{}\"{}{}",
                &source[line.start..text.start],
                inner.replace('"', "\\\""),
                &tail[close..]
            );
            Diagnostic::error(
                Some(text.end - 1..text.end),
                Words::new("check-quote-inside")
                    .arg("line", start.line)
                    .arg("column", start.column),
            )
            .with_hint(Words::new("check-quote-inside-hint"))
            .with_example(fixed.trim())
        }
        None => {
            let words_end = tail.find([',', '}', ']', '#']).unwrap_or(tail.len());
            let words = tail[..words_end].trim_end();
            let name = source[line.start..text.start]
                .trim()
                .trim_end_matches('=')
                .trim();
            // Names and addresses take no extra words: those are deleted.
            let fixed = if [
                "slug",
                "id",
                "officer",
                "senior_officer",
                "website",
                "email",
                "phone",
            ]
            .contains(&name)
            {
                format!("{}{}", &source[line.start..text.end], &tail[words.len()..])
            } else {
                format!(
                    "{} {}\"{}",
                    &source[line.start..text.end - 1],
                    words.trim(),
                    &tail[words.len()..]
                )
            };
            Diagnostic::error(
                Some(text.end..text.end + words.len()),
                Words::new("check-words-after-quote"),
            )
            .with_hint(Words::new("check-words-after-quote-hint"))
            .with_example(fixed.trim())
        }
    }
}
