//! A small scanner that knows where TOML strings and comments are, so that
//! the reader can change what lies outside them (Bangla digits in numbers
//! and dates) and can find the quote a clerk forgot or typed curly.
//!
//! It is not a TOML parser: it only follows quotes, escapes and comments,
//! which is all these jobs need, and it keeps going on broken input.

use std::ops::Range;

use crate::i18n::{ascii_digit, is_bangla_digit};

/// Where a character stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Between values: keys, `=`, numbers, dates, brackets.
    Outside,
    /// Inside a quoted text (the quotes themselves included).
    Text,
    /// In a `#` comment.
    Comment,
}

/// One quoted text on a single line: the byte range from its opening quote
/// to just past its closing quote (or to the end of the line when it has
/// none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// Opening quote to closing quote, inclusive.
    pub range: Range<usize>,
    /// Whether the line ended before a closing quote.
    pub closed: bool,
}

/// Calls `visit` with every character, its byte offset and its place, and
/// returns the single-line quoted texts in file order.
pub fn scan(source: &str, mut visit: impl FnMut(usize, char, Place)) -> Vec<Quoted> {
    #[derive(Clone, Copy)]
    enum State {
        Outside,
        Comment,
        Basic(usize),
        Literal(usize),
        MultiBasic,
        MultiLiteral,
    }
    let bytes = source.as_bytes();
    let starts = |i: usize, s: &str| bytes[i..].starts_with(s.as_bytes());
    let mut quoted = Vec::new();
    let mut state = State::Outside;
    let mut chars = source.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let place = match state {
            State::Outside => Place::Outside,
            State::Comment => Place::Comment,
            _ => Place::Text,
        };
        match (state, c) {
            (State::Outside, '#') => state = State::Comment,
            (State::Outside, '"') if starts(i, "\"\"\"") => {
                state = State::MultiBasic;
                chars.nth(1);
            }
            (State::Outside, '\'') if starts(i, "'''") => {
                state = State::MultiLiteral;
                chars.nth(1);
            }
            (State::Outside, '"') => state = State::Basic(i),
            (State::Outside, '\'') => state = State::Literal(i),
            (State::Comment, '\n') => state = State::Outside,
            // An escape: the next character cannot close the text. A
            // backslash at the end of a line is left for the newline rule
            // below to see.
            (State::Basic(_) | State::MultiBasic, '\\')
                if chars.peek().is_some_and(|&(_, next)| next != '\n') =>
            {
                let (j, next) = chars.next().unwrap_or((i, c));
                visit(i, c, place);
                visit(j, next, place);
                continue;
            }
            (State::Basic(open), '"') | (State::Literal(open), '\'') => {
                quoted.push(Quoted {
                    range: open..i + 1,
                    closed: true,
                });
                state = State::Outside;
            }
            (State::Basic(open) | State::Literal(open), '\n') => {
                let end = if i > 0 && bytes[i - 1] == b'\r' {
                    i - 1
                } else {
                    i
                };
                quoted.push(Quoted {
                    range: open..end,
                    closed: false,
                });
                state = State::Outside;
            }
            (State::MultiBasic, '"') if starts(i, "\"\"\"") => {
                state = State::Outside;
                chars.nth(1);
            }
            (State::MultiLiteral, '\'') if starts(i, "'''") => {
                state = State::Outside;
                chars.nth(1);
            }
            _ => {}
        }
        visit(i, c, place);
    }
    if let State::Basic(open) | State::Literal(open) = state {
        quoted.push(Quoted {
            range: open..source.len(),
            closed: false,
        });
    }
    quoted
}

/// Replacements of byte ranges of a text, and the way back from a place in
/// the changed text to the same place in the original.
#[derive(Debug, Clone, Default)]
pub struct Edits {
    /// Original range and its replacement, sorted, not overlapping.
    list: Vec<(Range<usize>, String)>,
}

impl Edits {
    /// Replaces `range` of the original by `with`. Ranges must not overlap.
    pub fn replace(&mut self, range: Range<usize>, with: impl Into<String>) {
        let at = self.list.partition_point(|(r, _)| r.start < range.start);
        self.list.insert(at, (range, with.into()));
    }

    /// The replacements, in order of their place in the original.
    pub fn list(&self) -> &[(Range<usize>, String)] {
        &self.list
    }

    /// Whether nothing is changed.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The original with every replacement made.
    pub fn apply(&self, original: &str) -> String {
        let mut out = String::with_capacity(original.len());
        let mut at = 0;
        for (range, with) in &self.list {
            out.push_str(&original[at..range.start]);
            out.push_str(with);
            at = range.end;
        }
        out.push_str(&original[at..]);
        out
    }

    /// The offset in the original of byte `offset` of the changed text. A
    /// place inside a replacement maps to the start of what it replaced.
    pub fn original_offset(&self, offset: usize) -> usize {
        let mut shift: isize = 0;
        for (range, with) in &self.list {
            let start_new = (range.start as isize + shift) as usize;
            if offset < start_new {
                break;
            }
            if offset < start_new + with.len() {
                return range.start;
            }
            shift += with.len() as isize - range.len() as isize;
        }
        (offset as isize - shift).max(0) as usize
    }

    /// [`Edits::original_offset`] of both ends of a range.
    pub fn original_range(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.original_offset(range.start);
        start..self.original_offset(range.end).max(start)
    }
}

/// Bangla digits written outside quotes (`serial = ১`,
/// `last_updated = ২০২৬-১১-২৭`), as the ASCII digits TOML reads.
pub fn bare_bangla_digits(source: &str) -> Edits {
    let mut edits = Edits::default();
    scan(source, |i, c, place| {
        if place == Place::Outside && is_bangla_digit(c) {
            edits.replace(i..i + c.len_utf8(), ascii_digit(c).to_string());
        }
    });
    edits
}

/// The first quote typed curly (“ ” ‘ ’) outside any straight-quoted text:
/// word processors and phone keyboards put them where `"` belongs.
pub fn first_curly_quote(source: &str) -> Option<usize> {
    let mut found = None;
    scan(source, |i, c, place| {
        if found.is_none() && place == Place::Outside && is_curly_quote(c) {
            found = Some(i);
        }
    });
    found
}

/// Quotes that look like `"` or `'` to a person but not to the file format.
pub fn is_curly_quote(c: char) -> bool {
    matches!(
        c,
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2018}' | '\u{2019}' | '\u{2033}'
    )
}

/// A text whose closing quote is missing: the range of its opening quote
/// to where it should have ended, and where the quote belongs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclosed {
    /// Offset of the opening quote.
    pub open: usize,
    /// Offset at which to insert the missing quote.
    pub insert_at: usize,
}

/// What is wrong with the first badly quoted text of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteProblem {
    /// A text with no closing quote.
    Unclosed(Unclosed),
    /// A text closed, then more text on its line that is neither a
    /// separator nor the next `key =` (a quote inside the text, or words
    /// after its closing quote): the range of the text, quotes included.
    TextAfter {
        /// From the opening quote to just past the closing one.
        text: Range<usize>,
    },
}

/// The first text that is badly quoted. A missing closing quote is found
/// in two shapes: a text running to the end of its line, and a text
/// "closed" by the opening quote of the next value on the line
/// (`bn = "নাম, en = "Name"`), recognised by what follows that quote.
pub fn first_quote_problem(source: &str) -> Option<QuoteProblem> {
    let quoted = scan(source, |_, _, _| {});
    for q in quoted {
        let text = &source[q.range.clone()];
        if !q.closed {
            // Up to the end of the line, less the closing brackets, braces
            // and commas that belong to the line's structure.
            let body = text.trim_end();
            let structure = body.trim_end_matches([',', ' ']);
            let trimmed = body.trim_end_matches(['}', ']', ',', ' ']);
            let insert_at = if trimmed.len() > 1 && structure.ends_with(['}', ']']) {
                q.range.start + trimmed.len()
            } else {
                q.range.start + body.len()
            };
            return Some(QuoteProblem::Unclosed(Unclosed {
                open: q.range.start,
                insert_at,
            }));
        }
        let rest = &source[q.range.end..line_at(source, q.range.end).end];
        let after = rest.trim_start_matches([' ', '\t']);
        let fine = after.is_empty()
            || after.starts_with([',', '}', ']', ')', '#', '=', '.', ';', '।'])
            || starts_with_key(after);
        if !fine {
            // The real text ended before the last `, key =` inside it.
            let inner = &text[1..text.len() - 1];
            return Some(match last_key_start(inner) {
                Some(k) => QuoteProblem::Unclosed(Unclosed {
                    open: q.range.start,
                    insert_at: q.range.start + 1 + k,
                }),
                None => QuoteProblem::TextAfter {
                    text: q.range.clone(),
                },
            });
        }
    }
    None
}

/// Whether `text` begins with `key =` (a comma was left out before it).
fn starts_with_key(text: &str) -> bool {
    let key_end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len());
    key_end > 0 && text[key_end..].trim_start().starts_with('=')
}

/// Where `, key = ` begins at the end of `text`, if it ends so.
fn last_key_start(text: &str) -> Option<usize> {
    let before_eq = text.trim_end().strip_suffix('=')?.trim_end();
    let key_start = before_eq
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    if key_start == before_eq.len() {
        return None;
    }
    let comma = before_eq[..key_start].trim_end();
    comma.strip_suffix(',').map(|s| s.len())
}

/// Byte range of the line holding `offset`, without its line break.
pub fn line_at(source: &str, offset: usize) -> Range<usize> {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let end = if end > start && source.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_outside_texts_only() {
        let src = "serial = ১২\nname = \"১২\" # ১\nlast_updated = ২০২৬-১১-২৭\n";
        let edits = bare_bangla_digits(src);
        let out = edits.apply(src);
        assert_eq!(
            out,
            "serial = 12\nname = \"১২\" # ১\nlast_updated = 2026-11-27\n"
        );
        // `name` moved 4 bytes left (two 3-byte digits became 1 byte each).
        let name_new = out.find("name").unwrap();
        assert_eq!(edits.original_offset(name_new), src.find("name").unwrap());
        let date_new = out.find("2026").unwrap();
        assert_eq!(edits.original_offset(date_new), src.find("২০২৬").unwrap());
    }

    #[test]
    fn curly_quotes_inside_straight_quotes_are_text() {
        assert_eq!(first_curly_quote("a = \"“x”\"\n"), None);
        assert_eq!(first_curly_quote("a = “x”\n"), Some(4));
    }

    fn first_unclosed_quote(source: &str) -> Option<Unclosed> {
        match first_quote_problem(source)? {
            QuoteProblem::Unclosed(u) => Some(u),
            QuoteProblem::TextAfter { .. } => None,
        }
    }

    #[test]
    fn unclosed_at_end_of_line_and_in_the_middle() {
        let end = "name = { bn = \"নাম }\nx = 1\n";
        let u = first_unclosed_quote(end).unwrap();
        assert_eq!(u.open, end.find('"').unwrap());
        assert_eq!(&end[..u.insert_at], "name = { bn = \"নাম");

        let middle = "name = { bn = \"নাম, en = \"Name\" }\n";
        let u = first_unclosed_quote(middle).unwrap();
        assert_eq!(u.open, middle.find('"').unwrap());
        assert_eq!(&middle[..u.insert_at], "name = { bn = \"নাম");

        assert_eq!(first_unclosed_quote("a = \"x\\\"y\" # \"\n"), None);
        assert_eq!(
            first_unclosed_quote("a = { bn = \"x\" en = \"y\" }\n"),
            None
        );
        assert_eq!(first_unclosed_quote("a = \"\"\"\nx \" y\n\"\"\"\n"), None);
    }
}
