//! Where the texts and comments of a charter's text are, as the file
//! format's own lexer (`toml_parser`, the one the parser reads with) sees
//! them, so that the reader can change what lies outside them (Bangla
//! digits in numbers and dates) and can find the quote a clerk forgot or
//! typed curly. The lexer keeps going on broken input, and leaves a quote
//! typed without its opening one inside the word it ends.

use std::ops::Range;

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

use crate::charter::diagnostic::line_at;

/// The lexer's tokens of `source`: kind and byte range.
fn tokens(source: &str) -> impl Iterator<Item = (TokenKind, Range<usize>)> + '_ {
    Source::new(source)
        .lex()
        .map(|t| (t.kind(), t.span().start()..t.span().end()))
}

/// Every character between values (keys, `=`, numbers, dates, brackets,
/// and whatever was typed where none of these belongs) with its offset:
/// not in a quoted text, not in a `#` comment.
pub fn outside(source: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    tokens(source)
        .filter(|(kind, _)| kind.encoding().is_none() && *kind != TokenKind::Comment)
        .flat_map(move |(_, range)| {
            source[range.clone()]
                .char_indices()
                .map(move |(i, c)| (range.start + i, c))
        })
}

/// Where the `key = value` line that starts at `from` ends: the end of
/// its line, or of the last line of a list or `{ }` it opens there and
/// closes on a later line (brackets inside texts and comments do not
/// count).
pub fn value_end(source: &str, from: usize) -> usize {
    let mut depth = 0usize;
    for (kind, range) in tokens(&source[from..]) {
        match kind {
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.saturating_sub(1);
            }
            TokenKind::Newline if depth == 0 => {
                return line_at(source, from + range.start).end;
            }
            TokenKind::Eof => return source.len(),
            _ => {}
        }
    }
    source.len()
}

/// One quoted text on a single line: the byte range from its opening quote
/// to just past its closing quote (or to the end of the line when it has
/// none).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Quoted {
    /// Opening quote to closing quote, inclusive.
    range: Range<usize>,
    /// Whether the line ended before a closing quote.
    closed: bool,
}

impl Quoted {
    /// The text the lexer found at `range`, `quote` being its quote.
    fn token(source: &str, range: Range<usize>, quote: char) -> Quoted {
        let text = &source[range.clone()];
        let closed = text.len() >= 2 && text.ends_with(quote) && {
            // `"…\"` at the end of a line: the last quote is escaped.
            let body = &text[..text.len() - 1];
            quote == '\'' || (body.len() - body.trim_end_matches('\\').len()).is_multiple_of(2)
        };
        let end = if closed {
            range.end
        } else {
            range.start + text.trim_end_matches('\r').len()
        };
        Quoted {
            range: range.start..end,
            closed,
        }
    }

    /// A quote the lexer left inside a word (`first"`): read, as a
    /// person would, as the start of a text running to the next such
    /// quote on the line, or to its end.
    fn stray(source: &str, open: usize) -> Quoted {
        let quote = source[open..].chars().next().unwrap_or('"');
        let line_end = line_at(source, open).end;
        let mut chars = source[open + 1..line_end].char_indices();
        while let Some((i, c)) = chars.next() {
            if c == '\\' && quote == '"' {
                chars.next();
            } else if c == quote {
                return Quoted {
                    range: open..open + 1 + i + 1,
                    closed: true,
                };
            }
        }
        Quoted {
            range: open..line_end,
            closed: false,
        }
    }
}

/// The single-line quoted texts of `source`, in file order, with the
/// quotes left inside words read as opening ones.
fn quoted(source: &str) -> impl Iterator<Item = Quoted> + '_ {
    let mut after = 0;
    tokens(source).filter_map(move |(kind, range)| {
        if range.start < after {
            // Inside a text begun by a stray quote.
            return None;
        }
        let q = match kind {
            TokenKind::BasicString => Quoted::token(source, range, '"'),
            TokenKind::LiteralString => Quoted::token(source, range, '\''),
            TokenKind::Atom => {
                let at = source[range.clone()].find(['"', '\''])?;
                Quoted::stray(source, range.start + at)
            }
            _ => return None,
        };
        after = q.range.end;
        Some(q)
    })
}

/// The first quote typed curly (“ ” ‘ ’) outside any straight-quoted text:
/// word processors and phone keyboards put them where `"` belongs.
pub fn first_curly_quote(source: &str) -> Option<usize> {
    outside(source)
        .find(|&(_, c)| is_curly_quote(c))
        .map(|(i, _)| i)
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
    quoted(source).find_map(|q| problem(source, q))
}

/// What is wrong with the quoted text `q`, if anything.
fn problem(source: &str, q: Quoted) -> Option<QuoteProblem> {
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
    if fine {
        return None;
    }
    // The real text ended before the last `, key =` inside it.
    let inner = &text[1..text.len() - 1];
    Some(match last_key_start(inner) {
        Some(k) => QuoteProblem::Unclosed(Unclosed {
            open: q.range.start,
            insert_at: q.range.start + 1 + k,
        }),
        None => QuoteProblem::TextAfter {
            text: q.range.clone(),
        },
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_texts_and_comments_only() {
        let src = "serial = ১২\nname = \"১২\" # ১\nx = '৩' \"\"\"\n৪\"\"\"\n";
        let digits: String = outside(src)
            .filter(|&(_, c)| crate::i18n::is_bangla_digit(c))
            .map(|(_, c)| c)
            .collect();
        assert_eq!(digits, "১২");
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

        let crlf = "a = \"x\r\nb = 1\r\n";
        let u = first_unclosed_quote(crlf).unwrap();
        assert_eq!(&crlf[u.open..u.insert_at], "\"x");
        assert_eq!(
            first_unclosed_quote("a = \"x\\\"\n"),
            Some(Unclosed {
                open: 4,
                insert_at: 8
            })
        );

        assert_eq!(first_unclosed_quote("a = \"x\\\"y\" # \"\n"), None);
        assert_eq!(
            first_unclosed_quote("a = { bn = \"x\" en = \"y\" }\n"),
            None
        );
        assert_eq!(first_unclosed_quote("a = \"\"\"\nx \" y\n\"\"\"\n"), None);
    }

    #[test]
    fn a_value_ends_where_its_brackets_close() {
        let source = "a = [\n  \"]\", # ]\n  \"x\",\n]\nb = 1\r\nc = 2";
        assert_eq!(
            &source[..value_end(source, 0)],
            "a = [\n  \"]\", # ]\n  \"x\",\n]"
        );
        let b = source.find('b').unwrap();
        assert_eq!(&source[b..value_end(source, b)], "b = 1");
        let c = source.find('c').unwrap();
        assert_eq!(value_end(source, c), source.len());
    }

    #[test]
    fn a_quote_left_inside_a_word_opens_a_text() {
        // `first"`: the lexer keeps the quote in the word; a person reads
        // it as a text begun there and never closed.
        let source = "slug = first\"\n";
        let u = first_unclosed_quote(source).unwrap();
        assert_eq!(u.open, source.find('"').unwrap());
        assert_eq!(u.insert_at, u.open + 1);
    }
}
