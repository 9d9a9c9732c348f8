//! The recovery of a clerk's typing mistakes: what the file format cannot
//! read, found in the text itself and said in the clerk's words, with the
//! line as it should be; and the spellings it forgives.
//!
//! The parser stops at the first place it cannot go on, which is often
//! after the mistake (a missing quote is noticed at the next line). So the
//! mistakes staff make most (curly quotes, a forgotten closing quote, a
//! heading without its `]`, a service pasted without its heading) are
//! looked for in the text first, with the lexer the parser itself reads
//! with ([`tokens`]); the parser's own complaint is only translated when
//! none of them is found.
//!
//! The rest of `charter` reaches this folder through this file only.

mod duplicates;
mod lines;
mod quotes;
mod syntax;
mod tokens;

use std::ops::Range;

use super::diagnostic::{Diagnostic, line_at};
use super::edits::Edits;
use crate::i18n::{ascii_digit, is_bangla_digit};

/// Bangla digits written outside quotes (`serial = ১`,
/// `last_updated = ২০২৬-১১-২৭`), as the ASCII digits the file format
/// reads.
pub fn readable(source: &str) -> Edits {
    let mut edits = Edits::default();
    for (i, c) in tokens::outside(source).filter(|&(_, c)| is_bangla_digit(c)) {
        edits.replace(i..i + c.len_utf8(), ascii_digit(c).to_string());
    }
    edits
}

/// A change that reads on past a mistake the file format stops at: a
/// range of the file as saved, and the text the parser reads in its place.
pub type ReadOn = (Range<usize>, String);

/// A mistake that stops the file format, in a clerk's words.
#[derive(Debug)]
pub struct Explained {
    /// What is wrong, where, and the line as it should be.
    pub diagnostic: Diagnostic,
    /// How to read on past it, so that the rest of the file is checked in
    /// the same run: only for a mistake whose meaning is plain (a key or
    /// a heading written twice, a date that is not one).
    pub read_on: Option<ReadOn>,
}

/// A clerk's explanation of a TOML syntax error at `span` with the
/// parser's `message`; `aside` are the parts of the file set aside
/// already to read on past earlier mistakes.
pub fn explain(
    source: &str,
    message: &str,
    span: Option<Range<usize>>,
    aside: &[Range<usize>],
) -> Explained {
    let stop = |diagnostic| Explained {
        diagnostic,
        read_on: None,
    };
    let at = span.clone().map_or(source.len(), |s| s.start);
    let limit = line_at(source, at).end;
    let found = quotes::curly_quotes(source, limit)
        .or_else(|| quotes::stray_character(source, limit))
        .or_else(|| quotes::quote_problem(source, limit))
        .or_else(|| syntax::headings(source, limit));
    if let Some(d) = found {
        return stop(d);
    }
    if let Some(span) = span.as_ref().filter(|_| message.contains("duplicate key")) {
        let (diagnostic, read_on) = duplicates::explain(source, span.clone(), aside);
        return Explained {
            diagnostic,
            read_on,
        };
    }
    let diagnostic = cannot_read(source, message, span, at);
    // A date that is not one is read as a stand-in: its line is whole,
    // and no finding is about the stand-in's value.
    let read_on = (diagnostic.span.as_ref())
        .and_then(|span| lines::date_value(source, span))
        .map(|range| (range, STAND_IN_DATE.to_string()));
    Explained {
        diagnostic,
        read_on,
    }
}

/// A date the file format reads, in place of one it cannot.
const STAND_IN_DATE: &str = "2000-01-01";

/// What the parser's `message` at `at` means, when the text itself
/// showed no mistake before it.
fn cannot_read(source: &str, message: &str, span: Option<Range<usize>>, at: usize) -> Diagnostic {
    if message.contains("missing comma between array") {
        return syntax::missing_list_comma(source, at);
    }
    if (message.contains("in array") || message.contains("array element"))
        && let Some(d) = syntax::unclosed_list(source, at)
    {
        return d;
    }
    if message.contains("missing comma between key-value") {
        return syntax::missing_comma(source, at);
    }
    if let Some(d) = lines::explain(source, at) {
        return d;
    }
    if message.contains("escape") || message.contains("unicode") {
        return syntax::backslash(source, at);
    }
    syntax::translate(message, span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_outside_texts_only() {
        let src = "serial = ১২\nname = \"১২\" # ১\nlast_updated = ২০২৬-১১-২৭\n";
        let edits = readable(src);
        assert_eq!(
            edits.apply(src),
            "serial = 12\nname = \"১২\" # ১\nlast_updated = 2026-11-27\n"
        );
        let out = edits.apply(src);
        let date_new = out.find("2026").unwrap();
        assert_eq!(edits.original_offset(date_new), src.find("২০২৬").unwrap());
    }
}
