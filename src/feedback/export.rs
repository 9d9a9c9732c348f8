//! Reports as CSV that opens right in a spreadsheet: UTF-8 with a
//! byte-order mark (without it Excel reads Bangla as Windows-1252), CRLF
//! line ends, every field quoted, and a cell that starts with `=`, `+`,
//! `-`, `@` (or a tab or carriage return) neutralised with a `'` before
//! it, so that no report becomes a formula in the clerk's spreadsheet.

/// The byte-order mark that tells a spreadsheet the file is UTF-8.
pub const BOM: &str = "\u{FEFF}";

/// `text` as one quoted CSV field, neutralised (see the module).
pub fn field(text: &str) -> String {
    let risky = text
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// `rows` (the first one the headings) as a CSV file.
pub fn csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from(BOM);
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for risky in ["+1", "-1", "@SUM(A1)", "\tx"] {
            assert!(field(risky).starts_with("\"'"), "{risky}");
        }
        assert_eq!(field("ফি ৫০ টাকা"), "\"ফি ৫০ টাকা\"");
        let file = csv(&[
            vec!["a".into(), "b".into()],
            vec!["line\nbreak".into(), String::new()],
        ]);
        assert_eq!(file, "\u{FEFF}\"a\",\"b\"\r\n\"line\nbreak\",\"\"\r\n");
    }
}
