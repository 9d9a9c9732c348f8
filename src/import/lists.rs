//! Numbers and numbered lists in the portal's cells, written with Bangla
//! or ASCII digits (the portal mixes both).

use crate::charter::Block;
use crate::i18n::{ascii_digits, is_bangla_digit};

use super::bangla;

/// A cell as a list when it is a numbered list, else as one text.
pub(super) fn list_or_text(cell: String) -> Block {
    match numbered_list(&cell) {
        Some(items) => Block::List(items.into_iter().map(bangla).collect()),
        None => Block::Text(bangla(cell)),
    }
}

/// A numbered list "১। … ২। … ৩। …" (Bangla or ASCII digits, "।" or "."
/// after the number) as its items; `None` when the cell is not one.
pub(super) fn numbered_list(cell: &str) -> Option<Vec<String>> {
    // (mark start, text start) of each item.
    let mut marks = vec![(0, list_mark(cell, 0, 1)?)];
    let mut previous: Option<char> = None;
    for (start, c) in cell.char_indices() {
        let at_word_start = previous.is_none_or(char::is_whitespace);
        previous = Some(c);
        let after_last_mark = marks.last().is_some_and(|&(_, end)| start >= end);
        if at_word_start
            && after_last_mark
            && is_digit(c)
            && let Some(end) = list_mark(cell, start, marks.len() as u64 + 1)
        {
            marks.push((start, end));
        }
    }
    let items: Vec<String> = marks
        .iter()
        .enumerate()
        .map(|(i, &(_, text_start))| {
            let text_end = marks.get(i + 1).map_or(cell.len(), |m| m.0);
            cell[text_start..text_end]
                .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .to_string()
        })
        .filter(|item| !item.is_empty())
        .collect();
    (!items.is_empty()).then_some(items)
}

/// If the number `expected` followed by "।" or "." starts at `start`, the
/// byte index after the mark.
fn list_mark(cell: &str, start: usize, expected: u64) -> Option<usize> {
    let rest = &cell[start..];
    let end = digits_end(rest);
    if number(&rest[..end]) != Some(expected) {
        return None;
    }
    let after = &rest[end..];
    let mark_len = if after.starts_with('।') {
        '।'.len_utf8()
    } else if after.starts_with('.') && after[1..].chars().next().is_none_or(char::is_whitespace) {
        // "১.৫ লক্ষ" is a decimal number, "১. …" a list item.
        1
    } else {
        return None;
    };
    Some(start + end + mark_len)
}

/// True for an ASCII or a Bangla digit.
pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || is_bangla_digit(c)
}

/// The length in bytes of the digits `text` starts with.
pub(super) fn digits_end(text: &str) -> usize {
    text.find(|c: char| !is_digit(c)).unwrap_or(text.len())
}

/// A whole number written with Bangla or ASCII digits.
pub(super) fn number(text: &str) -> Option<u64> {
    if text.is_empty() || !text.chars().all(is_digit) {
        return None;
    }
    ascii_digits(text).parse().ok()
}
