//! What a search found: the entries that hold every term, best first, and
//! for each the texts that show why, with the words to mark.

use std::cmp::Reverse;
use std::ops::Range;

use memchr::memmem::Finder;

use super::index::Matched;
use super::{MAX_RESULTS, SearchIndex, terms};
use crate::i18n::Lang;

/// An entry found, and what to show of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The entry, by its position in the index.
    pub entry: usize,
    /// The texts that show why it was found, by their position among the
    /// entry's sources, each with the byte ranges of its matched words:
    /// the name as the page shows it when it holds a term, and the fewest
    /// other texts that hold the rest, in the sources' order.
    pub marked: Vec<(usize, Vec<Range<usize>>)>,
}

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The entries with every term, best first, at most [`MAX_RESULTS`].
    pub hits: Vec<Hit>,
    /// How many entries hold every term (every entry for an empty query).
    pub total: usize,
    /// When none does: the entries whose names come closest, closest first.
    pub closest: Vec<usize>,
}

/// The most texts shown for one hit besides its name.
const MAX_SHOWN: usize = 3;

/// A bit for each of `count` terms.
fn all_of(count: usize) -> u32 {
    u32::MAX >> (32 - count)
}

impl SearchIndex {
    /// The entries that hold every term of `query` (see [`terms`]), best
    /// first, for a page in `page`'s language.
    ///
    /// Each term counts by where it is found at best: a whole word of the
    /// name, the start of a word of the name, inside a word of the name,
    /// then the same three in the entry's other texts. Entries rank by the
    /// sum of those places over the terms, then in the index's order. A
    /// query with no terms (empty, or only separators) finds every entry,
    /// so the search page can list all services.
    pub fn search(&self, query: &str, page: Lang) -> Found {
        let terms = terms(query);
        if terms.is_empty() {
            return Found {
                hits: (0..self.len().min(MAX_RESULTS))
                    .map(|entry| Hit {
                        entry,
                        marked: Vec::new(),
                    })
                    .collect(),
                total: self.len(),
                closest: Vec::new(),
            };
        }
        let matched = self.scan(&terms);
        let ranked = (matched.as_ref()).map_or_else(Vec::new, |m| self.rank(m, terms.len()));
        let Some(matched) = matched.filter(|_| !ranked.is_empty()) else {
            return Found {
                closest: self.names.closest(&terms),
                ..Found::default()
            };
        };
        let finders: Vec<Finder> = terms.iter().map(Finder::new).collect();
        Found {
            total: ranked.len(),
            hits: (ranked.into_iter().take(MAX_RESULTS))
                .map(|entry| self.hit(entry, &finders, &matched, page))
                .collect(),
            closest: Vec::new(),
        }
    }

    /// The entries that hold all `count` terms, best first.
    fn rank(&self, matched: &[Matched], count: usize) -> Vec<usize> {
        let all = all_of(count);
        let mut ranked: Vec<(u32, usize)> = Vec::new();
        for (entry, slots) in self.entries.iter().enumerate() {
            // The terms found at each place, best place first.
            let mut places = [0u32; 6];
            for slot in slots {
                let m = matched[slot.text()];
                let base = if slot.is_name { 0 } else { 3 };
                places[base] |= m.whole;
                places[base + 1] |= m.prefix;
                places[base + 2] |= m.any;
            }
            if places[2] | places[5] != all {
                continue;
            }
            // Each term adds one for every place above the best it is at.
            let (mut reached, mut score) = (0, 0);
            for place in places {
                reached |= place;
                score += (all & !reached).count_ones();
            }
            ranked.push((score, entry));
        }
        ranked.sort_unstable();
        ranked.into_iter().map(|(_, entry)| entry).collect()
    }

    /// The texts of `entry` that show why it was found, marked.
    fn hit(&self, entry: usize, terms: &[Finder], matched: &[Matched], page: Lang) -> Hit {
        let slots = &self.entries[entry];
        let all = all_of(terms.len());
        let mut marked = Vec::new();
        let mut covered = 0;
        // The name as the page shows it: in the page's language, or the
        // Bangla one standing in for a missing English name.
        let name = (slots.iter().position(|s| s.is_name && s.lang == page))
            .or_else(|| slots.iter().position(|s| s.is_name));
        if let Some(name) = name {
            covered = matched[slots[name].text()].any;
            if covered != 0 {
                marked.push((name, self.marks(slots[name].text(), terms, covered)));
            }
        }
        while covered != all && marked.len() < MAX_SHOWN + 1 {
            // The text that adds the most terms, then the most whole
            // words; then one in the page's language; then the first.
            let best = (slots.iter().enumerate())
                .filter(|&(i, _)| Some(i) != name)
                .map(|(i, slot)| {
                    let m = matched[slot.text()];
                    let new = m.any & !covered;
                    let key = (
                        new.count_ones(),
                        (m.whole & new).count_ones(),
                        slot.lang == page,
                        Reverse(i),
                    );
                    (key, i, m.any)
                })
                .max_by_key(|&(key, ..)| key);
            let Some((_, i, any)) = best.filter(|&(key, ..)| key.0 > 0) else {
                break;
            };
            covered |= any;
            marked.push((i, self.marks(slots[i].text(), terms, any)));
        }
        // In the order of the service's page.
        marked.sort_unstable_by_key(|&(i, _)| i);
        Hit { entry, marked }
    }

    /// The byte ranges, in the original text, of the words of `text` that
    /// the terms of `mask` are found in, in order, overlapping ones joined.
    /// A term found across words marks them all, and what is between them
    /// ("ই-নথি" for "ইনথি").
    fn marks(&self, text: usize, terms: &[Finder], mask: u32) -> Vec<Range<usize>> {
        let t = &self.texts[text];
        let words = &self.words[t.words.range()];
        let folded = &self.haystack.as_bytes()[t.folded.range()];
        // The word a byte of the haystack belongs to.
        let word_at = |at: usize| words.partition_point(|w| w.folded.start() <= at) - 1;
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            if mask & (1 << i) == 0 {
                continue;
            }
            for at in term.find_iter(folded) {
                let at = t.folded.start() + at;
                let (first, last) = (word_at(at), word_at(at + term.needle().len() - 1));
                // As the index finds terms: across words only from the
                // start of one.
                if first == last || self.is_edge(at) {
                    ranges.push(words[first].original.start()..words[last].original.end());
                }
            }
        }
        ranges.sort_unstable_by_key(|r| (r.start, r.end));
        let mut joined: Vec<Range<usize>> = Vec::new();
        for range in ranges {
            match joined.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => joined.push(range),
            }
        }
        joined
    }
}
