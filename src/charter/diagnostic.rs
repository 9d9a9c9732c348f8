//! Messages about a charter file that point at the exact spot: file, line,
//! column, the offending line with a caret under it, and a hint.

use std::fmt;
use std::ops::Range;

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
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// A correct line to copy, when one can be given.
    pub example: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span,
            message: message.into(),
            hint: None,
            example: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            span,
            message: message.into(),
            hint: None,
            example: None,
        }
    }

    /// Adds a hint saying what to do.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a correct line to copy.
    pub fn with_example(mut self, example: impl Into<String>) -> Self {
        self.example = Some(example.into());
        self
    }
}

/// The known name nearest to `name`, if it is near enough to be a slip of
/// the keyboard.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let name = name.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3) && *d < k.len())
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

/// The line and column of byte `offset` in `source`.
pub fn position(source: &str, offset: usize) -> Position {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    Position { line, column }
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

    /// Writes one finding: `FILE:LINE:COLUMN: error: message`, the line,
    /// a caret under the spot, and the hint.
    fn write_one(&self, f: &mut fmt::Formatter<'_>, d: &Diagnostic) -> fmt::Result {
        let label = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let Some(span) = &d.span else {
            writeln!(f, "{}: {label}: {}", self.file, d.message)?;
            return write_advice(f, "   ", d);
        };
        let start = position(&self.source, span.start);
        writeln!(
            f,
            "{}:{}:{}: {label}: {}",
            self.file, start.line, start.column, d.message
        )?;
        let line_text = self.source.lines().nth(start.line - 1).unwrap_or("");
        let gutter = start.line.to_string();
        let pad = " ".repeat(gutter.len());
        writeln!(f, " {gutter} | {line_text}")?;
        let line_chars = line_text.chars().count();
        let width = {
            let end = position(&self.source, span.end.max(span.start));
            if end.line == start.line {
                end.column.saturating_sub(start.column).max(1)
            } else {
                (line_chars + 1).saturating_sub(start.column).max(1)
            }
        };
        writeln!(
            f,
            " {pad} | {}{}",
            " ".repeat(start.column - 1),
            "^".repeat(width)
        )?;
        write_advice(f, &pad, d)
    }
}

/// The hint and the example line under a finding.
fn write_advice(f: &mut fmt::Formatter<'_>, pad: &str, d: &Diagnostic) -> fmt::Result {
    if let Some(hint) = &d.hint {
        writeln!(f, " {pad} = hint: {hint}")?;
    }
    if let Some(example) = &d.example {
        writeln!(f, " {pad} = example: {example}")?;
    }
    Ok(())
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            self.write_one(f, d)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let src = "a = 1\nনাম = \"x\"\n";
        let offset = src.find('"').unwrap();
        assert_eq!(position(src, offset), Position { line: 2, column: 7 });
        assert_eq!(position(src, 0), Position { line: 1, column: 1 });
    }
}
