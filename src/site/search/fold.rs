//! Folding: one spelling for the many a citizen may type. The index and
//! the query go through the same [`Folder`], so any two spellings it folds
//! together find each other in both directions.
//!
//! Bangla is written many ways: the letters people mix up (ণ/ন, শ/ষ/স,
//! জ/য/য়, ড়/র, ী/ি, ...) fold to one of them, the joiners that only choose
//! a rendering are dropped, and both scripts' digits become ASCII. English
//! words are lowercased and cut to their stem (Snowball's English
//! stemmer), so that "training", "trainings" and "train" are one word.
//! English words charters write in Bangla letters fold to the English word
//! ([`LOANWORDS`]), and the acronyms citizens type to the words they stand
//! for ([`ACRONYMS`]).
//! What folding does not do, because it would make different words equal:
//! drop vowel signs, the hasanta or the nukta of other letters.

use std::collections::HashMap;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{is_combining_mark, is_public_assigned};

use crate::i18n::{ascii_digit, is_bangla_digit};

/// ZERO WIDTH JOINER.
pub(super) const ZWJ: char = '\u{200D}';
/// ZERO WIDTH NON-JOINER.
pub(super) const ZWNJ: char = '\u{200C}';
/// ত.
pub(super) const TA: char = '\u{09A4}';
/// ্, the hasanta.
pub(super) const VIRAMA: char = '\u{09CD}';
/// ়, the dot that makes য় of য, ড় of ড and ঢ় of ঢ.
pub(super) const NUKTA: char = '\u{09BC}';
/// য, which জ and য় fold to.
const YA: char = '\u{09AF}';
/// ড, whose ড় folds to র.
const DDA: char = '\u{09A1}';
/// ঢ, whose ঢ় folds to ঢ.
const DDHA: char = '\u{09A2}';
/// র.
const RA: char = '\u{09B0}';
/// ং, which ঙ folds to.
const ANUSVARA: char = '\u{0982}';

/// The letter or sign `c` folds to, for those folded one for one.
fn fold_char(c: char) -> char {
    match c {
        'ণ' => 'ন',
        'শ' | 'ষ' => 'স',
        'জ' => YA,
        'ী' => 'ি',
        'ূ' => 'ু',
        'ঈ' => 'ই',
        'ঊ' => 'উ',
        'ৎ' => TA,
        'ঙ' => ANUSVARA,
        c if is_bangla_digit(c) => ascii_digit(c),
        c => c,
    }
}

/// Folds words and cuts text into them. Cheap to make: it holds the
/// stemmer, which is a function pointer, and two small tables.
pub struct Folder {
    stemmer: Stemmer,
    /// Folded Bangla spellings of English words, and the English word,
    /// longest first (a run of them is cut at the longest that fits).
    loanwords: Vec<(String, &'static str)>,
    /// Folded words that stand for others ([`ACRONYMS`],
    /// [`OTHER_SPELLINGS`]), and those words folded and run together.
    stands_for: HashMap<String, String>,
}

/// English words that charters write in either script ("ICT" in one
/// service's Bangla name, আইসিটি in a citizen's query): the Bangla spelling
/// folds to the English word, so that each finds the other. A Bangla word
/// made of these run together (ওয়েবপোর্টাল) folds to their English words
/// run together.
const LOANWORDS: &[(&str, &str)] = &[
    ("আইসিটি", "ict"),
    ("ইন্টারনেট", "internet"),
    ("কম্পিউটার", "computer"),
    ("সফটওয়্যার", "software"),
    ("ওয়েবসাইট", "website"),
    ("অনলাইন", "online"),
    ("ওয়েব", "web"),
    ("পোর্টাল", "portal"),
];

/// Acronyms citizens type for what charters write out, and the words they
/// stand for: an acronym folds to those words folded and run together, as
/// a query's term runs its words together, so that it finds them written
/// out (and a charter's acronym is found by the words).
const ACRONYMS: &[(&str, &str)] = &[
    ("UDC", "Union Digital Centre"),
    ("ইউডিসি", "ইউনিয়ন ডিজিটাল সেন্টার"),
];

/// Other spellings citizens type of a word of a name, and the one the
/// charters write (Info-Sarker, the Bangladesh Computer Council's
/// programme, long spelt Info-Sarkar), folded as [`ACRONYMS`] are.
const OTHER_SPELLINGS: &[(&str, &str)] = &[("Sarkar", "Sarker")];

impl Default for Folder {
    fn default() -> Self {
        let mut folder = Folder {
            stemmer: Stemmer::create(Algorithm::English),
            loanwords: Vec::new(),
            stands_for: HashMap::new(),
        };
        // Keyed by their folded form, made with the rules below, so that
        // every spelling that folds alike is caught.
        let mut loanwords: Vec<_> = LOANWORDS
            .iter()
            .map(|&(bangla, english)| (folder.fold(bangla), english))
            .collect();
        loanwords.sort_by_key(|(bangla, _)| std::cmp::Reverse(bangla.len()));
        folder.loanwords = loanwords;
        // Both sides folded like any text, loanwords included.
        let stands_for = (ACRONYMS.iter().chain(OTHER_SPELLINGS))
            .map(|&(word, words)| (folder.fold(word), folder.compact(words)))
            .collect();
        folder.stands_for = stands_for;
        folder
    }
}

impl Folder {
    /// Calls `each` with the byte range and folded form of every word of
    /// `text`, in order. Words are separated by what is neither a letter,
    /// a digit nor a mark (spaces, punctuation with the danda and the
    /// hyphen, symbols); a word that folds to nothing (only joiners) is
    /// skipped.
    pub fn words(&self, text: &str, mut each: impl FnMut(Range<usize>, &str)) {
        let mut folded = String::new();
        let mut start = None;
        for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (start, is_separator(c)) {
                (None, false) => start = Some(at),
                (Some(from), true) => {
                    start = None;
                    folded.clear();
                    self.fold_word(&text[from..at], &mut folded);
                    if !folded.is_empty() {
                        each(from..at, &folded);
                    }
                }
                _ => {}
            }
        }
    }

    /// The folded words of `text` run together, as a query's term is
    /// matched: "ই-নথি", "ই নথি" and "ইনথি" all give "ইনথি".
    pub fn compact(&self, text: &str) -> String {
        let mut out = String::new();
        self.words(text, |_, word| out.push_str(word));
        out
    }

    /// The words of `text`, folded, one space between them (for tests and
    /// for reading what the index holds).
    pub fn fold(&self, text: &str) -> String {
        let mut out = String::new();
        self.words(text, |_, word| {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        });
        out
    }

    /// Appends the folded form of `word` (no separator in it) to `out`.
    fn fold_word(&self, word: &str, out: &mut String) {
        // NFC first (ASCII is NFC already), so that canonically equal
        // spellings fold alike. For য় (U+09DF), ড় (U+09DC) and ঢ় (U+09DD)
        // it *decomposes*: they are composition exclusions, so both
        // spellings become the base letter + nukta, which the loop below
        // reads as a pair.
        let chars: Vec<char> = if word.is_ascii() {
            word.chars().collect()
        } else {
            word.nfc().collect()
        };
        let start = out.len();
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            let next = chars.get(i + 1).copied();
            i += 1;
            match (c, next) {
                // Before Unicode 4.1 ৎ was written ত + ্ + ZWJ, and old
                // keyboards still type it so; ৎ folds to ত.
                (TA, Some(VIRAMA)) if chars.get(i + 1) == Some(&ZWJ) => {
                    out.push(TA);
                    i += 2;
                }
                // A word-final ত্ is ৎ typed with a visible hasanta
                // (বিদ্যুত্); inside a word ত্ starts a conjunct (ত্র, ত্ত).
                (TA, Some(VIRAMA)) if chars[i + 1..].iter().all(|&c| c == ZWJ || c == ZWNJ) => {
                    out.push(TA);
                    i = chars.len();
                }
                (YA | DDHA, Some(NUKTA)) => {
                    out.push(fold_char(c));
                    i += 1;
                }
                (DDA, Some(NUKTA)) => {
                    out.push(RA);
                    i += 1;
                }
                // ঙ্গ and ংগ are the same sound, written both ways (সঙ্গে,
                // সংগে): ঙ folds to ং, and the hasanta after it goes.
                ('ঙ' | ANUSVARA, Some(VIRAMA)) => {
                    out.push(ANUSVARA);
                    i += 1;
                }
                // The joiners only choose between renderings (a conjunct
                // or a visible hasanta, র‌্যা or র্যা) and are typed
                // inconsistently.
                (ZWJ | ZWNJ, _) => {}
                (c, _) if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                // Per character: `str::to_lowercase` picks σ or ς for Σ
                // by its neighbours, which folding changes.
                (c, _) => out.extend(fold_char(c).to_lowercase()),
            }
        }
        let folded = &out[start..];
        let english = match self.loanword(folded) {
            Some(english) => Some(self.stemmer.stem(english).into_owned()),
            None if folded.bytes().all(|b| b.is_ascii_lowercase()) => {
                Some(self.stemmer.stem(folded).into_owned())
            }
            None if !folded.is_ascii() => self.loanword_run(folded),
            None => None,
        };
        if let Some(english) = english {
            out.truncate(start);
            out.push_str(&english);
        }
        if let Some(words) = self.stands_for.get(&out[start..]) {
            out.truncate(start);
            out.push_str(words);
        }
    }

    /// The stems of the English words of `folded` run together, when it
    /// is two or more [`LOANWORDS`] run together (ওয়েবপোর্টাল: "webportal",
    /// as "web portal" is matched); `None` otherwise.
    fn loanword_run(&self, folded: &str) -> Option<String> {
        self.loanwords.iter().find_map(|(bangla, english)| {
            let rest = folded.strip_prefix(bangla.as_str())?;
            let rest = match self.loanword(rest) {
                Some(last) => self.stemmer.stem(last).into_owned(),
                None if !rest.is_empty() => self.loanword_run(rest)?,
                None => return None,
            };
            Some(format!("{}{rest}", self.stemmer.stem(english)))
        })
    }

    /// The English word the folded Bangla `word` is a loanword for.
    fn loanword(&self, word: &str) -> Option<&'static str> {
        (self.loanwords.iter())
            .find(|(bangla, _)| bangla == word)
            .map(|&(_, english)| english)
    }
}

/// Whether `c` separates words: whitespace, or general category Cc, Cf, P\*
/// or S\*, but for the joiners, which folding drops inside a word.
///
/// `std` does not expose general categories, so this uses the complement:
/// among assigned, non-private-use characters, everything that is not a
/// letter or number (`is_alphanumeric`), a mark (`is_combining_mark`) or
/// whitespace is in Cf, P\* or S\*. Unassigned and private-use characters are
/// left as word characters. ASCII and the Bengali block, most of any text
/// here, are answered without the tables, which cost tens of nanoseconds
/// a character (`is_public_assigned` walks a list of ranges).
pub(super) fn is_separator(c: char) -> bool {
    match c {
        _ if c.is_ascii() => !c.is_ascii_alphanumeric(),
        // ৲ ৳ ৺ ৻ ৽: the Bengali block's symbols and punctuation; the rest
        // of it is letters, digits, marks and unassigned code points.
        '\u{0980}'..='\u{09FF}' => matches!(c, '৲' | '৳' | '৺' | '৻' | '৽'),
        ZWJ | ZWNJ => false,
        _ => {
            !c.is_alphanumeric()
                && !is_combining_mark(c)
                && (c.is_whitespace() || c.is_control() || is_public_assigned(c))
        }
    }
}
