//! Reading the portal's text: a line or table cell without its markup, and
//! the lines that mark its parts (numbered headings, the vision and mission,
//! the title, a table's header row).

use unicode_normalization::UnicodeNormalization;

use super::lists::{digits_end, is_digit, number};

/// Labels of the vision and mission lines.
pub(super) const VISION_LABELS: &[&str] = &["ভিশন", "রূপকল্প"];
pub(super) const MISSION_LABELS: &[&str] = &["মিশন", "অভিলক্ষ্য", "অভিলক্ষ"];

/// Which of section ১'s two statements a line gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StatementKind {
    Vision,
    Mission,
}

/// A vision or mission line: "ভিশন: …" gives the text after the label.
pub(super) fn statement(line: &str) -> Option<(StatementKind, &str)> {
    let labels = VISION_LABELS
        .iter()
        .map(|l| (StatementKind::Vision, l))
        .chain(MISSION_LABELS.iter().map(|l| (StatementKind::Mission, l)));
    for (which, label) in labels {
        if let Some(rest) = line.strip_prefix(label) {
            let rest = rest.trim_start();
            if let Some(text) = rest.strip_prefix([':', 'ঃ']) {
                return Some((which, text.trim()));
            }
        }
    }
    None
}

/// A numbered heading such as "১. ভিশন ও মিশন" or "২.১) নাগরিক সেবা": its
/// number ([2, 1]) and title.
pub(super) fn heading(line: &str) -> Option<(Vec<u32>, &str)> {
    let mut parts = Vec::new();
    let mut rest = line;
    loop {
        let end = digits_end(rest);
        let part = u32::try_from(number(&rest[..end])?).ok()?;
        parts.push(part);
        rest = &rest[end..];
        match rest.strip_prefix('.') {
            Some(after) if after.starts_with(is_digit) => rest = after,
            _ => break,
        }
    }
    let title = match rest.strip_prefix(['.', ')']) {
        Some(title) => title,
        // "২.১ নাগরিক সেবা": a dotted number needs no mark after it.
        None if parts.len() > 1 => rest,
        None => return None,
    };
    if !title.starts_with(char::is_whitespace) && !title.is_empty() {
        return None;
    }
    let title = title.trim();
    (!title.is_empty()).then_some((parts, title))
}

/// The charter's title line ("সিটিজেন চার্টার"), among the office details.
pub(super) fn is_title(line: &str) -> bool {
    line.contains("চার্টার")
        || line.contains("সেবা প্রদান প্রতিশ্রুতি")
        || line.to_lowercase().contains("citizen")
}

/// Whether a row's first cell is the header "ক্রমিক নং" (or "SL", "Serial"):
/// a new table starts.
pub(super) fn is_table_header(first_cell: &str) -> bool {
    let lower = first_cell.to_lowercase();
    first_cell.starts_with("ক্র") || lower.starts_with("sl") || lower.starts_with("serial")
}

/// The text of a cell or line: markup removed, entities decoded, whitespace
/// collapsed and trimmed, Unicode NFC.
pub(super) fn clean(raw: &str) -> String {
    let text = decode_entities(&strip_tags(raw));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    text.nfc().collect()
}

/// Replaces every tag (`<p>`, `</p>`, `<br/>`, `<!-- … -->`) with a space. A
/// `<` that does not open a tag ("< ৫ দিন") is kept.
fn strip_tags(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag = &rest[open..];
        let opens_tag = tag[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        match tag.find('>').filter(|_| opens_tag) {
            Some(close) => {
                out.push(' ');
                rest = &tag[close + 1..];
            }
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes HTML entities (`&amp;`, `&nbsp;`, `&#2453;`, `&#x995;`). Unknown
/// ones are kept as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let candidate = &rest[amp + 1..];
        let decoded = candidate
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| Some((entity(&candidate[..semi])?, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &candidate[semi + 1..];
            }
            None => {
                out.push('&');
                rest = candidate;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(code) = name.strip_prefix('#') {
        let value = match code.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => code.parse().ok()?,
        };
        return char::from_u32(value);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "bull" => '•',
        _ => return None,
    })
}
