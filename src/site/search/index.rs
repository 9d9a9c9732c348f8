//! The index of every service's texts, folded once when it is built, and
//! where a term is in them.
//!
//! A text that several services share (the same fee, the same office) is
//! folded and indexed once. A term is found two ways, each costing about
//! what it finds rather than the size of the charter, so that a query of
//! common letters is as quick as one of rare words:
//!
//! - at the start of a word, where it may run on across the next words
//!   ("ইনথি" in "ই-নথি"): every word start, sorted by the folded text from
//!   there to the end of its text, puts those finds in one range, found by
//!   binary search;
//! - inside a word, after its start (the "সেবা" of "নাগরিকসেবা"): a pass
//!   over the distinct words, each of which lists the texts that have it.

use std::collections::HashMap;
use std::ops::Range;

use memchr::memmem;

use super::Folder;
use super::closest::Names;
use crate::i18n::Lang;

/// One text of an entry, as the index is given it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The text as the charter has it.
    pub text: &'a str,
    /// The language it is in.
    pub lang: Lang,
    /// Whether it is the entry's name, where a match ranks first.
    pub is_name: bool,
}

/// A position in an index (of a byte in its texts, or of an item in its
/// lists): a server of many offices keeps an index for each, with one or
/// two ranges of these for every word, and half the bytes of a `usize`
/// hold any charter's (its file is read whole, and is far smaller).
type At = u32;

fn at(i: usize) -> At {
    At::try_from(i).expect("a charter's texts are far smaller than 4 GiB")
}

/// A range of positions.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    start: At,
    end: At,
}

impl Span {
    fn new(range: Range<usize>) -> Span {
        Span {
            start: at(range.start),
            end: at(range.end),
        }
    }

    pub(super) fn start(self) -> usize {
        self.start as usize
    }

    pub(super) fn end(self) -> usize {
        self.end as usize
    }

    pub(super) fn range(self) -> Range<usize> {
        self.start()..self.end()
    }
}

/// A word of an indexed text.
#[derive(Debug, Clone)]
pub(super) struct Word {
    /// The text it is in.
    text: At,
    /// Where its folded form is in the haystack.
    pub(super) folded: Span,
    /// Where it is in the original text.
    pub(super) original: Span,
}

/// A distinct text, folded.
#[derive(Debug, Clone)]
pub(super) struct Text {
    /// Its folded words, run together, in the haystack.
    pub(super) folded: Span,
    /// Its words, in [`SearchIndex::words`].
    pub(super) words: Span,
}

/// A distinct folded word, and the texts that have it.
#[derive(Debug, Clone)]
struct Spelling {
    /// Where it starts in [`SearchIndex::spellings`].
    at: At,
    /// The texts that have it, in [`SearchIndex::postings`].
    texts: Span,
}

/// An entry's text: which distinct text, and what it is to the entry.
#[derive(Debug, Clone, Copy)]
pub(super) struct Slot {
    text: At,
    pub(super) lang: Lang,
    pub(super) is_name: bool,
}

impl Slot {
    /// The text, in [`SearchIndex::texts`].
    pub(super) fn text(self) -> usize {
        self.text as usize
    }
}

/// The terms found in one text, a bit per term.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Matched {
    /// As whole words (or runs of whole words).
    pub(super) whole: u32,
    /// At the start of a word (whole ones included).
    pub(super) prefix: u32,
    /// Anywhere.
    pub(super) any: u32,
}

/// An index over entries (services), each a list of texts.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Every distinct text's folded words run together, each text followed
    /// by a newline, which no folded word holds.
    pub(super) haystack: String,
    /// A bit for every byte of the haystack where a word starts or a text
    /// ends (its newline).
    edges: Vec<u64>,
    pub(super) texts: Vec<Text>,
    pub(super) words: Vec<Word>,
    /// Every word, by position in `words`, sorted by the folded text from
    /// its start to the end of its text.
    starts: Vec<At>,
    /// Every distinct folded word, each followed by a newline.
    spellings: String,
    spelling_list: Vec<Spelling>,
    postings: Vec<At>,
    pub(super) entries: Vec<Vec<Slot>>,
    pub(super) names: Names,
}

impl SearchIndex {
    /// Builds an index of `entries`, each given as its texts in the order
    /// a [`super::Hit`] names them by.
    pub fn new<'a, I>(entries: I) -> Self
    where
        I: IntoIterator<Item = Vec<Source<'a>>>,
    {
        let folder = Folder::default();
        let mut index = SearchIndex {
            haystack: String::new(),
            edges: Vec::new(),
            texts: Vec::new(),
            words: Vec::new(),
            starts: Vec::new(),
            spellings: String::new(),
            spelling_list: Vec::new(),
            postings: Vec::new(),
            entries: Vec::new(),
            names: Names::default(),
        };
        let mut seen: HashMap<&'a str, usize> = HashMap::new();
        let mut names = Vec::new();
        for sources in entries {
            let slots = (sources.iter())
                .map(|source| Slot {
                    text: at(*(seen.entry(source.text))
                        .or_insert_with(|| index.add_text(&folder, source.text))),
                    lang: source.lang,
                    is_name: source.is_name,
                })
                .collect();
            index.entries.push(slots);
            names.push(
                sources
                    .iter()
                    .filter(|s| s.is_name)
                    .map(|s| s.text)
                    .collect(),
            );
        }
        index.names = Names::new(&folder, names);
        index.edges = vec![0; index.haystack.len().div_ceil(64)];
        let word_starts = index.words.iter().map(|w| w.folded.start());
        for at in word_starts.chain(index.texts.iter().map(|t| t.folded.end())) {
            index.edges[at / 64] |= 1 << (at % 64);
        }
        let mut starts: Vec<At> = (0..at(index.words.len())).collect();
        starts.sort_unstable_by(|&a, &b| index.rest_of_text(a).cmp(index.rest_of_text(b)));
        index.starts = starts;
        index.list_spellings();
        index.fit();
        index
    }

    /// Drops the spare room of every list, left by their growing: an
    /// index is kept for as long as its site is served.
    fn fit(&mut self) {
        self.haystack.shrink_to_fit();
        self.texts.shrink_to_fit();
        self.words.shrink_to_fit();
        self.spellings.shrink_to_fit();
        self.spelling_list.shrink_to_fit();
        self.postings.shrink_to_fit();
        self.entries.shrink_to_fit();
    }

    fn add_text(&mut self, folder: &Folder, text: &str) -> usize {
        let id = self.texts.len();
        let (haystack, words) = (&mut self.haystack, &mut self.words);
        let (start, first_word) = (haystack.len(), words.len());
        folder.words(text, |original, folded| {
            let from = haystack.len();
            haystack.push_str(folded);
            words.push(Word {
                text: at(id),
                folded: Span::new(from..haystack.len()),
                original: Span::new(original),
            });
        });
        self.texts.push(Text {
            folded: Span::new(start..haystack.len()),
            words: Span::new(first_word..words.len()),
        });
        haystack.push('\n');
        id
    }

    /// The distinct folded words and the texts that have each.
    fn list_spellings(&mut self) {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut texts: Vec<Vec<At>> = Vec::new();
        for word in &self.words {
            let spelling = &self.haystack[word.folded.range()];
            let id = *ids.entry(spelling).or_insert_with(|| {
                self.spelling_list.push(Spelling {
                    at: at(self.spellings.len()),
                    texts: Span::new(0..0),
                });
                self.spellings.push_str(spelling);
                self.spellings.push('\n');
                texts.push(Vec::new());
                texts.len() - 1
            });
            // Words come text by text: a text is listed once.
            if texts[id].last() != Some(&word.text) {
                texts[id].push(word.text);
            }
        }
        for (spelling, list) in self.spelling_list.iter_mut().zip(texts) {
            spelling.texts = Span::new(self.postings.len()..self.postings.len() + list.len());
            self.postings.extend(list);
        }
    }

    /// The folded text from the start of `word` to the end of its text.
    fn rest_of_text(&self, word: At) -> &[u8] {
        let word = &self.words[word as usize];
        let end = self.texts[word.text as usize].folded.end();
        &self.haystack.as_bytes()[word.folded.start()..end]
    }

    /// Whether a word starts, or a text ends, at byte `at` of the haystack.
    pub(super) fn is_edge(&self, at: usize) -> bool {
        self.edges[at / 64] & (1 << (at % 64)) != 0
    }

    /// The number of entries in the index.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where each term is in every text; `None` as soon as a term is in
    /// none, since no entry can then hold them all.
    pub(super) fn scan(&self, terms: &[String]) -> Option<Vec<Matched>> {
        let mut matched = vec![Matched::default(); self.texts.len()];
        for (i, term) in terms.iter().enumerate() {
            let bit = 1 << i;
            let term = term.as_bytes();
            // At the start of a word: the words whose rest of text starts
            // with the term, one range of the sorted starts.
            let from = self
                .starts
                .partition_point(|&w| self.rest_of_text(w) < term);
            let count =
                self.starts[from..].partition_point(|&w| self.rest_of_text(w).starts_with(term));
            for &w in &self.starts[from..from + count] {
                let word = &self.words[w as usize];
                let m = &mut matched[word.text as usize];
                m.any |= bit;
                m.prefix |= bit;
                if self.is_edge(word.folded.start() + term.len()) {
                    m.whole |= bit;
                }
            }
            let mut found = count > 0;
            // Inside a word: each distinct word that has the term after its
            // start gives it to all its texts.
            let (mut spelling, mut done) = (0, None);
            for at in memmem::find_iter(self.spellings.as_bytes(), term) {
                while (self.spelling_list.get(spelling + 1))
                    .is_some_and(|next| next.at as usize <= at)
                {
                    spelling += 1;
                }
                let s = &self.spelling_list[spelling];
                if at == s.at as usize || done == Some(spelling) {
                    continue;
                }
                done = Some(spelling);
                found = true;
                for &text in &self.postings[s.texts.range()] {
                    matched[text as usize].any |= bit;
                }
            }
            if !found {
                return None;
            }
        }
        Some(matched)
    }
}
