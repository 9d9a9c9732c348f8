//! Messages about a charter file that point at the exact spot: file, line,
//! column, the offending line with a caret under it, and a hint; said in
//! Bangla or English ([`Report::in_lang`]), the place in the form editors
//! read (`charter.toml:23:8:`) in both.

use std::fmt;
use std::ops::Range;

use super::words::Words;
use crate::i18n::Lang;

/// How serious a finding is: errors stop a charter from being published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The charter cannot be used until this is fixed.
    Error,
    /// The charter works, but something is probably not as intended.
    Warning,
}

/// One finding in a charter file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Byte range in the file the finding is about, if it has a place.
    pub span: Option<Range<usize>>,
    /// What is wrong, in words a staff member can act on.
    pub message: Words,
    /// What to do about it.
    pub hint: Option<Words>,
    /// A correct line to copy, when one can be given.
    pub example: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Option<Range<usize>>, message: Words) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span,
            message,
            hint: None,
            example: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(span: Option<Range<usize>>, message: Words) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            span,
            message,
            hint: None,
            example: None,
        }
    }

    /// Adds a hint saying what to do.
    pub fn with_hint(mut self, hint: Words) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Adds a correct line to copy, when there is one.
    pub fn with_example_if(mut self, example: Option<String>) -> Self {
        self.example = example.map(|e| without_stray_commas(&e));
        self
    }

    /// Adds a correct line to copy.
    pub fn with_example(self, example: impl Into<String>) -> Self {
        self.with_example_if(Some(example.into()))
    }
}

/// `line` with every text that ends in a comma inside its quotes
/// (`"৫০০ টাকা,"`) ended without it. An example is built from the line
/// as typed, and a comma typed inside the closing quote instead of after
/// it is a slip it must not copy: the clerk would paste it, and the
/// comma would show on the page.
fn without_stray_commas(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for token in toml_parser::Source::new(line).lex() {
        let span = token.span().start()..token.span().end();
        let text = &line[span.clone()];
        if token.kind() != toml_parser::lexer::TokenKind::BasicString
            || text.len() < 2
            || !text.ends_with('"')
        {
            continue;
        }
        let inner = &text[1..text.len() - 1];
        let kept = inner.trim_end_matches([',', ' ']);
        if inner.trim_end().ends_with(',') && !kept.is_empty() && !kept.ends_with('\\') {
            out.push_str(&line[at..span.start]);
            out.push('"');
            out.push_str(kept);
            out.push('"');
            at = span.end;
        }
    }
    out.push_str(&line[at..]);
    out
}

/// `text` between double quotes, as the file writes a text: a quote or a
/// backslash in it escaped.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The known name nearest to `name`, if it is near enough to be a slip of
/// the keyboard.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let name = name.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3) && *d < k.len())
        // The first of equally near names wins: callers list the likelier
        // ones first.
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// A 1-based line and column (in characters, as editors count them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// Where byte `offset` of the text the parser read is in the file as
/// saved: the checks of meaning run on the text read, and the lines and
/// columns they name are the file's.
pub type InFile<'a> = &'a dyn Fn(usize) -> Position;

/// The line and column of byte `offset` in `source`.
pub fn position(source: &str, offset: usize) -> Position {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    Position { line, column }
}

/// Byte range of the line holding `offset`, without its line break.
pub fn line_at(source: &str, offset: usize) -> Range<usize> {
    let offset = floor_char_boundary(source, offset.min(source.len()));
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

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Findings about one file, with the text needed to show where they are.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file name as the user gave it.
    pub file: String,
    /// The file's text.
    pub source: String,
    /// The findings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Number of errors in the report.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings in the report.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The findings in `lang`, each as [`Report::write_one`] writes it.
    pub fn in_lang(&self, lang: Lang) -> InLang<'_> {
        InLang { report: self, lang }
    }

    /// Writes one finding in `lang`: `FILE:LINE:COLUMN: error: message`,
    /// the line, a caret under the spot, and the hint. Long lines are
    /// shown around the spot only: a report stays readable, and small,
    /// whatever the file.
    fn write_one(&self, f: &mut fmt::Formatter<'_>, d: &Diagnostic, lang: Lang) -> fmt::Result {
        let label = Words::new(match d.severity {
            Severity::Error => "check-error",
            Severity::Warning => "check-warning",
        })
        .in_lang(lang);
        let message = d.message.in_lang(lang);
        let message = clip(&message, MAX_MESSAGE);
        let Some(span) = &d.span else {
            writeln!(f, "{}: {label}: {message}", self.file)?;
            return write_advice(f, "   ", d, lang);
        };
        let start = position(&self.source, span.start);
        writeln!(
            f,
            "{}:{}:{}: {label}: {message}",
            self.file, start.line, start.column
        )?;
        let line_text = self.source.lines().nth(start.line - 1).unwrap_or("");
        // A tab would move the caret off its character in a terminal.
        let chars: Vec<char> = line_text
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        let width = {
            let end = position(&self.source, span.end.max(span.start));
            if end.line == start.line {
                end.column.saturating_sub(start.column).max(1)
            } else {
                (chars.len() + 1).saturating_sub(start.column).max(1)
            }
        };
        let at = start.column - 1;
        let from = if chars.len() > MAX_LINE {
            at.saturating_sub(MAX_LINE / 3)
        } else {
            0
        };
        let to = chars.len().min(from + MAX_LINE);
        let mut shown: String = chars[from.min(to)..to].iter().collect();
        let mut caret_at = at - from;
        if from > 0 {
            shown.insert(0, '…');
            caret_at += 1;
        }
        if to < chars.len() {
            shown.push('…');
        }
        let width = width.min((to + 1).saturating_sub(at)).max(1);
        let gutter = start.line.to_string();
        let pad = " ".repeat(gutter.len());
        writeln!(f, " {gutter} | {shown}")?;
        writeln!(f, " {pad} | {}{}", " ".repeat(caret_at), "^".repeat(width))?;
        write_advice(f, &pad, d, lang)
    }
}

/// A [`Report`] in a language, to print.
#[derive(Debug, Clone, Copy)]
pub struct InLang<'a> {
    report: &'a Report,
    lang: Lang,
}

impl fmt::Display for InLang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.report.diagnostics {
            self.report.write_one(f, d, self.lang)?;
        }
        Ok(())
    }
}

/// Characters of a line shown under a finding.
const MAX_LINE: usize = 120;
/// Characters of a message, hint or example line.
const MAX_MESSAGE: usize = 300;

/// `text`, cut to `max` characters with an ellipsis.
fn clip(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => text.into(),
        Some((cut, _)) => format!("{}…", &text[..cut]).into(),
    }
}

/// The hint and the example line under a finding.
fn write_advice(f: &mut fmt::Formatter<'_>, pad: &str, d: &Diagnostic, lang: Lang) -> fmt::Result {
    if let Some(hint) = &d.hint {
        let label = Words::new("check-hint").in_lang(lang);
        writeln!(
            f,
            " {pad} = {label}: {}",
            clip(&hint.in_lang(lang), MAX_MESSAGE)
        )?;
    }
    if let Some(example) = &d.example {
        let label = Words::new("check-example").in_lang(lang);
        writeln!(f, " {pad} = {label}: {}", clip(example, MAX_MESSAGE))?;
    }
    Ok(())
}

/// In English: what the server logs and `/healthz` show, for operators.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.in_lang(Lang::En).fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_and_values_are_shown_around_the_spot_only() {
        let value = "ক".repeat(400_000);
        let source = format!("a = \"{value}\"\nofficer = \"{value}\"\n");
        let at = source.find("officer").unwrap() + 10;
        let report = Report {
            file: "c.toml".into(),
            source: source.clone(),
            diagnostics: vec![
                Diagnostic::error(
                    Some(at..source.len() - 1),
                    Words::new("check-unknown-officer")
                        .arg("field", "officer")
                        .arg("id", value.as_str()),
                )
                .with_example(format!("officer = \"{value}\"")),
            ],
        };
        let text = report.to_string();
        assert!(text.len() < 4_000, "{} bytes", text.len());
        assert!(
            text.starts_with("c.toml:2:11: error: unknown officer \"কক"),
            "{text}"
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[1],
            format!(" 2 | officer = \"{}…", "ক".repeat(MAX_LINE - 11))
        );
        assert_eq!(
            lines[2],
            format!("   |           {}", "^".repeat(MAX_LINE - 9))
        );
    }

    #[test]
    fn tabs_keep_the_caret_under_its_character() {
        let source = "a =\t\"x\" y\n";
        let at = source.find('y').unwrap();
        let report = Report {
            file: "c.toml".into(),
            source: source.into(),
            diagnostics: vec![Diagnostic::error(
                Some(at..at + 1),
                Words::new("check-comma-missing"),
            )],
        };
        let text = report.to_string();
        assert!(
            text.contains(" 1 | a = \"x\" y\n   |         ^\n"),
            "{text}"
        );
    }

    #[test]
    fn an_example_never_keeps_a_comma_typed_inside_a_quote() {
        let d = Diagnostic::error(None, Words::new("check-comma-missing"))
            .with_example("fee = { bn = \"৫০০ টাকা,\", en = \"Tk 500, \" }");
        assert_eq!(
            d.example.as_deref(),
            Some("fee = { bn = \"৫০০ টাকা\", en = \"Tk 500\" }")
        );
        for kept in [
            "aliases = [\"a.gov.bd\", \"b, c\"]",
            "\"b.gov.bd\",",
            "a = \",\"",
        ] {
            assert_eq!(without_stray_commas(kept), kept);
        }
        assert_eq!(quoted("C:\\x \"y\""), "\"C:\\\\x \\\"y\\\"\"");
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let src = "a = 1\nনাম = \"x\"\n";
        let offset = src.find('"').unwrap();
        assert_eq!(position(src, offset), Position { line: 2, column: 7 });
        assert_eq!(position(src, 0), Position { line: 1, column: 1 });
    }
}
