//! The service names closest to a query that found nothing: each term of
//! the query is compared with every word of the names, folded, by edit
//! distance (a swap of two letters is one edit), and the names with the
//! most terms close, then the fewest edits, come first.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::Folder;

/// How many names are offered.
const MAX_CLOSEST: usize = 3;

/// How many of the query's terms are compared, and how many characters of
/// each: a query that finds nothing may be 2,000 characters long, and
/// each character compared costs a row of the edit-distance table for
/// every word of the names.
const TERMS_COMPARED: usize = 4;
const CHARS_COMPARED: usize = 24;

/// The distinct words of every entry's names, folded.
#[derive(Debug, Clone, Default)]
pub(super) struct Names {
    words: Vec<Word>,
    /// Each entry's words, by position in `words`.
    entries: Vec<Vec<usize>>,
}

/// A word of a name, or a term of the query, cut to [`CHARS_COMPARED`].
#[derive(Debug, Clone)]
struct Word {
    text: String,
    /// Its length in characters, which edits are counted in.
    chars: usize,
}

impl Word {
    fn new(text: &str) -> Word {
        let text: String = text.chars().take(CHARS_COMPARED).collect();
        Word {
            chars: text.chars().count(),
            text,
        }
    }

    /// The first `n` characters.
    fn cut(&self, n: usize) -> &str {
        self.text
            .char_indices()
            .nth(n)
            .map_or(&self.text[..], |(at, _)| &self.text[..at])
    }

    /// The edits between `self` (a term) and `word`, when they are few
    /// enough for the term's length to count as close. The longer of the
    /// two is also compared cut to the length of the shorter, so that a
    /// term finds the word it starts ("trainng" for "train", the stem of
    /// "training") and a word finds a term with an ending (প্রশিক্ষনের for
    /// প্রশিক্ষণ).
    fn edits_to(&self, word: &Word) -> Option<usize> {
        let whole = (word.chars.abs_diff(self.chars) <= allowance(self.chars))
            .then(|| strsim::osa_distance(&self.text, &word.text))
            .filter(|&edits| edits <= allowance(self.chars));
        let n = self.chars.min(word.chars);
        let cut = (n >= SHORTEST_CUT && n < self.chars.max(word.chars))
            .then(|| strsim::osa_distance(self.cut(n), word.cut(n)))
            .filter(|&edits| edits <= allowance(n));
        whole.into_iter().chain(cut).min()
    }
}

/// The fewest characters compared when one of the two is cut: fewer would
/// make a term close to every word that starts like it.
const SHORTEST_CUT: usize = 4;

/// The edits a term of `len` characters may be away from a word and still
/// count as close: none below four characters (one letter makes another
/// short word), then one for every four.
fn allowance(len: usize) -> usize {
    len / 4
}

impl Names {
    /// The names of each entry (Bangla and English), in the index's order.
    pub fn new(folder: &Folder, entries: Vec<Vec<&str>>) -> Names {
        let mut names = Names::default();
        let mut seen = std::collections::HashMap::new();
        for texts in entries {
            let mut ids = Vec::new();
            for text in texts {
                folder.words(text, |_, word| {
                    let id = *seen.entry(word.to_string()).or_insert_with(|| {
                        names.words.push(Word::new(word));
                        names.words.len() - 1
                    });
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                });
            }
            names.entries.push(ids);
        }
        names
    }

    /// The entries whose names come closest to `terms`, closest first, at
    /// most [`MAX_CLOSEST`]; none when no term is close to any word.
    pub fn closest(&self, terms: &[String]) -> Vec<usize> {
        closest_in(&[self], terms, |_, _| true)
            .into_iter()
            .map(|(_, entry)| entry)
            .collect()
    }
}

/// The entries whose names come closest to `terms` in any of `names`, as
/// (which names, entry), closest first, at most [`MAX_CLOSEST`] of those
/// `keep` keeps; among equals, in the order of `names`, then of the
/// entries.
///
/// Each distinct word is compared once, however many of `names` have it:
/// the offices of one folder name their services with much the same
/// words, and comparing is the cost.
pub(super) fn closest_in(
    names: &[&Names],
    terms: &[String],
    keep: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let terms: Vec<Word> = (terms.iter().take(TERMS_COMPARED))
        .map(|t| Word::new(t))
        .collect();
    let compare = |word: &Word| -> Vec<Option<usize>> {
        terms.iter().map(|term| term.edits_to(word)).collect()
    };
    // For each distinct word (by its text), the edits from each term.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut edits: Vec<Vec<Option<usize>>> = Vec::new();
    // (terms close, total edits, which names, entry): most terms, fewest
    // edits.
    let mut scored: Vec<(Reverse<usize>, usize, usize, usize)> = Vec::new();
    for (n, names) in names.iter().enumerate() {
        let near: Vec<usize> = (names.words.iter())
            .map(|word| {
                *seen.entry(&word.text).or_insert_with(|| {
                    edits.push(compare(word));
                    edits.len() - 1
                })
            })
            .collect();
        for (entry, ids) in names.entries.iter().enumerate() {
            if !keep(n, entry) {
                continue;
            }
            let (mut close, mut total) = (0, 0);
            for (t, _) in terms.iter().enumerate() {
                if let Some(e) = ids.iter().filter_map(|&id| edits[near[id]][t]).min() {
                    close += 1;
                    total += e;
                }
            }
            if close > 0 {
                scored.push((Reverse(close), total, n, entry));
            }
        }
    }
    scored.sort_unstable();
    scored
        .into_iter()
        .take(MAX_CLOSEST)
        .map(|(.., n, entry)| (n, entry))
        .collect()
}
