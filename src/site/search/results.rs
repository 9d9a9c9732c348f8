//! What a search found: the entries that hold every term, best first, and
//! for each the texts that show why, with the words to mark.
//!
//! A search of one index is [`SearchIndex::search`]. A search of many (the
//! directory of every office's services) folds the query once
//! ([`Query`]), ranks each index's finds ([`SearchIndex::find`]), merges
//! them by their [`Rank`], which means the same in every index, and marks
//! only the hits it shows ([`SearchIndex::hit`]).

use std::cmp::Reverse;
use std::ops::Range;

use memchr::memmem::Finder;

use super::closest::closest_in;
use super::index::Matched;
use super::{MAX_RESULTS, SearchIndex, terms};
use crate::i18n::Lang;

/// A query's terms, folded once, for searching one index or many.
#[derive(Debug, Clone)]
pub struct Query {
    terms: Vec<String>,
    finders: Vec<Finder<'static>>,
}

impl Query {
    /// The terms of `query` ([`terms`]).
    pub fn new(query: &str) -> Query {
        let terms = terms(query);
        let finders = terms.iter().map(|t| Finder::new(t).into_owned()).collect();
        Query { terms, finders }
    }

    /// Whether the query has no terms (empty, or only separators).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded terms, in the order they were typed.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }
}

/// Where an entry stands among those found: lower is better. The score
/// counts, for each term, the places above the best one it is found at
/// (a whole word of the name, the start of a word of the name, inside a
/// word of the name, then the same in the other texts), so it means the
/// same in every index searched with one [`Query`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rank {
    /// The sum over the terms; 0 when every term is a whole word of the
    /// name.
    pub score: u32,
    /// The entry, by its position in the index (earlier first among
    /// equals).
    pub entry: usize,
}

/// The entries of one index that hold every term of a query, ranked, and
/// where each term is (for [`SearchIndex::hit`]).
#[derive(Debug, Clone)]
pub struct Finds {
    matched: Vec<Matched>,
    /// Best first.
    pub ranked: Vec<Rank>,
}

/// An entry found, and what to show of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The entry, by its position in the index.
    pub entry: usize,
    /// Its score ([`Rank::score`]): lower is better, comparable across
    /// indexes searched with the same query.
    pub score: u32,
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
        let query = Query::new(query);
        if query.is_empty() {
            return Found {
                hits: (0..self.len().min(MAX_RESULTS))
                    .map(|entry| Hit {
                        entry,
                        score: 0,
                        marked: Vec::new(),
                    })
                    .collect(),
                total: self.len(),
                closest: Vec::new(),
            };
        }
        let Some(finds) = self.find(&query) else {
            return Found {
                closest: self.names.closest(&query.terms),
                ..Found::default()
            };
        };
        Found {
            total: finds.ranked.len(),
            hits: (finds.ranked.iter().take(MAX_RESULTS))
                .map(|&rank| self.hit(&finds, rank, &query, page))
                .collect(),
            closest: Vec::new(),
        }
    }

    /// The entries that hold every term of `query`, ranked as
    /// [`SearchIndex::search`] ranks them; `None` when there are none (or
    /// the query has no terms).
    pub fn find(&self, query: &Query) -> Option<Finds> {
        if query.is_empty() {
            return None;
        }
        let matched = self.scan(&query.terms)?;
        let ranked = self.rank(&matched, query.terms.len());
        (!ranked.is_empty()).then_some(Finds { matched, ranked })
    }

    /// The entries that hold all `count` terms, best first.
    fn rank(&self, matched: &[Matched], count: usize) -> Vec<Rank> {
        let all = all_of(count);
        let mut ranked: Vec<Rank> = Vec::new();
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
            ranked.push(Rank { score, entry });
        }
        ranked.sort_unstable();
        ranked
    }

    /// The texts of the entry at `rank` that show why it was found,
    /// marked, for a page in `page`'s language.
    pub fn hit(&self, finds: &Finds, rank: Rank, query: &Query, page: Lang) -> Hit {
        let mut hit = self.shown(rank.entry, &query.finders, &finds.matched, page);
        hit.score = rank.score;
        hit
    }

    /// The texts of `entry` that show why it was found, marked.
    fn shown(&self, entry: usize, terms: &[Finder], matched: &[Matched], page: Lang) -> Hit {
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
        Hit {
            entry,
            score: 0,
            marked,
        }
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

/// The entries whose names come closest to `query` in any of `indexes`,
/// for a search of them all that found nothing: (which index, entry),
/// closest first, at most three, of those `keep` keeps.
pub fn closest_across(
    indexes: &[&SearchIndex],
    query: &Query,
    keep: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let names: Vec<_> = indexes.iter().map(|index| &index.names).collect();
    closest_in(&names, &query.terms, keep)
}
