//! Replacements of byte ranges of a charter's text, and the way back from
//! a place in the changed text to the same place in the file as saved:
//! the text the parser reads is the file with forgiven spellings written
//! as the format spells them, and every finding is shown where the clerk
//! typed it.

use std::ops::Range;

/// Replacements of byte ranges of a text, and the way back from a place in
/// the changed text to the same place in the original.
#[derive(Debug, Clone, Default)]
pub struct Edits {
    /// Original range and its replacement, sorted, not overlapping.
    list: Vec<(Range<usize>, String)>,
}

impl Edits {
    /// Replaces `range` of the original by `with`; a replacement made
    /// before inside `range` goes with it. Ranges must not overlap
    /// otherwise.
    pub fn replace(&mut self, range: Range<usize>, with: impl Into<String>) {
        if !range.is_empty() {
            self.list
                .retain(|(r, _)| !(range.start <= r.start && r.end <= range.end));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_map_back_across_replacements() {
        let src = "serial = ১২\nname = \"x\"\n";
        let mut edits = Edits::default();
        let digits = src.find('১').unwrap();
        edits.replace(digits..digits + 6, "12");
        let out = edits.apply(src);
        assert_eq!(out, "serial = 12\nname = \"x\"\n");
        // `name` moved 4 bytes left (two 3-byte digits became 1 byte each).
        let name_new = out.find("name").unwrap();
        assert_eq!(edits.original_offset(name_new), src.find("name").unwrap());
        // Inside a replacement: the start of what it replaced.
        assert_eq!(edits.original_offset(digits + 1), digits);
    }
}
