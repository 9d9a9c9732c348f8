//! Text side of the `/{lang}/search?q=…` page: folding of Bangla and English
//! text, query splitting and a small substring index over services.
//!
//! Both the query and the searchable text go through the same [`normalize`]
//! function, so any two spellings that it folds together match each other in
//! both directions. Matching is by substring rather than by whole word,
//! because Bangla inflects by suffix (`নিবন্ধন`, `নিবন্ধনের`, `নিবন্ধনে`) and
//! a stem typed by the user should find every inflected form without a
//! stemmer.
//!
//! The module has no knowledge of HTTP or HTML; Bangla digits are read
//! through [`crate::i18n`], the one place that converts them.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{is_combining_mark, is_public_assigned};

use crate::i18n::{ascii_digit, is_bangla_digit};

pub use crate::urls::MAX_QUERY_CHARS;

/// The query of a search request (`q` in the raw query string) as the
/// page shows it and the index reads it: at most [`MAX_QUERY_CHARS`]
/// characters, without control characters or the invisible marks that
/// reorder text (bidirectional embeddings, overrides and isolates), which
/// could make the page show the query other than as typed.
///
/// `form_urlencoded` decodes leniently (bad escapes stay literal, bad
/// UTF-8 becomes U+FFFD), so no query string is an error.
pub fn query_of(raw: Option<&str>) -> String {
    let Some(raw) = raw else {
        return String::new();
    };
    form_urlencoded::parse(raw.as_bytes())
        .find(|(k, _)| k == "q")
        .map(|(_, v)| {
            v.chars()
                .filter(|&c| !c.is_control() && !is_bidi_control(c))
                .take(MAX_QUERY_CHARS)
                .collect()
        })
        .unwrap_or_default()
}

/// The characters that change the direction text is shown in: LRE, RLE,
/// PDF, LRO, RLO (U+202A-U+202E), LRI, RLI, FSI, PDI (U+2066-U+2069), and
/// the marks LRM, RLM (U+200E, U+200F) and ALM (U+061C).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// How many distinct terms of a query are kept. Later terms are ignored.
pub const MAX_TERMS: usize = 32;

/// ZERO WIDTH JOINER.
const ZWJ: char = '\u{200D}';
/// ZERO WIDTH NON-JOINER.
const ZWNJ: char = '\u{200C}';
/// BENGALI LETTER TA (ত).
const TA: char = '\u{09A4}';
/// BENGALI SIGN VIRAMA (্), the hasanta.
const VIRAMA: char = '\u{09CD}';
/// BENGALI LETTER KHANDA TA (ৎ).
const KHANDA_TA: char = '\u{09CE}';

/// Folds `text` into the canonical form used for searching.
///
/// Applied identically to queries and to the searchable text, so two inputs
/// that fold to the same string match each other. In order:
///
/// 1. Unicode NFC.
/// 2. `ত` + `্` + ZWJ becomes `ৎ`.
/// 3. ZWJ and ZWNJ are removed; Bangla digits `০`–`৯` become ASCII `0`–`9`;
///    letters are lowercased; whitespace, control characters (Cc), other
///    format characters (Cf), punctuation (P\*, including the danda `।` and
///    double danda `॥`) and symbols (S\*) become spaces.
/// 4. Unicode NFC again.
/// 5. `ত` + `্` at the end of a word becomes `ৎ`.
/// 6. Runs of spaces are collapsed into one ASCII space and the result is
///    trimmed.
///
/// Bangla vowel signs, the virama and the nukta are kept: they change the
/// word, so dropping them would produce false matches.
///
/// The result is a fixed point: `normalize(&normalize(x)) == normalize(x)`.
pub fn normalize(text: &str) -> String {
    // Step 1. NFC makes canonically equivalent spellings identical. For
    // য় (U+09DF), ড় (U+09DC) and ঢ় (U+09DD) it does this by *decomposing*:
    // they are composition exclusions (the decomposed sequences য/ড/ঢ + ়
    // U+09BC were the canonical spelling before the precomposed letters were
    // encoded, so Unicode keeps the pair as the normal form). Either way both
    // spellings end up as the same base letter + nukta.
    let nfc: Vec<char> = text.nfc().collect();

    // Steps 2 and 3, one character at a time.
    let mut folded = String::with_capacity(text.len());
    let mut i = 0;
    while i < nfc.len() {
        let c = nfc[i];
        // Before Unicode 4.1 there was no ৎ (U+09CE); khanda ta was written
        // ত + ্ + ZWJ, and old keyboards and documents still produce that.
        // The two are not canonically equivalent, so NFC does not help and
        // the sequence has to be folded by hand, before ZWJ is dropped.
        if c == TA && nfc.get(i + 1) == Some(&VIRAMA) && nfc.get(i + 2) == Some(&ZWJ) {
            folded.push(KHANDA_TA);
            i += 3;
            continue;
        }
        match c {
            // The joiners only choose between renderings (conjunct, visible
            // hasanta, reph/ya-phala forms such as র‌্যা) and are typed
            // inconsistently, so they must not affect matching.
            ZWJ | ZWNJ => {}
            c if is_bangla_digit(c) => folded.push(ascii_digit(c)),
            c if is_separator(c) => folded.push(' '),
            // Per-character lowercasing on purpose: `str::to_lowercase`
            // picks σ or ς for Σ depending on the neighbours, and the
            // neighbours change as separators are collapsed, which would
            // break idempotence.
            c => folded.extend(c.to_lowercase()),
        }
        i += 1;
    }

    // Step 4. Removing a joiner can bring together a base and a mark that
    // compose, or two marks that are out of canonical order, and
    // lowercasing can emit decomposed sequences (İ → i + U+0307). Without a
    // second NFC the output would not be a fixed point of this function.
    let recomposed: Vec<char> = folded.nfc().collect();

    // Steps 5 and 6. Every separator is a plain space by now, so "end of
    // word" is simply "followed by a space or by the end of the text".
    let mut out = String::with_capacity(folded.len());
    let mut pending_space = false;
    let mut i = 0;
    while i < recomposed.len() {
        let c = recomposed[i];
        if c == ' ' {
            // A space is only written once a word follows it, which both
            // collapses runs and trims both ends.
            pending_space = !out.is_empty();
            i += 1;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        // Many users type ত্ (with a visible hasanta) at the end of a word
        // where the spelling is ৎ (বিদ্যুৎ, হঠাৎ). In modern orthography a
        // word-final ত্ is always khanda ta. It is not folded inside a word,
        // where ত্ starts a real conjunct (ত্ত, ত্র, ত্ম, …).
        if c == TA
            && recomposed.get(i + 1) == Some(&VIRAMA)
            && matches!(recomposed.get(i + 2), None | Some(' '))
        {
            // ৎ neither composes nor reorders with anything, so the text
            // stays in NFC after this replacement.
            out.push(KHANDA_TA);
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Whether `c` separates words: whitespace, or general category Cc, Cf, P\*
/// or S\*.
///
/// `std` does not expose general categories, so this uses the complement:
/// among assigned, non-private-use characters, everything that is not a
/// letter or number (`is_alphanumeric`), a mark (`is_combining_mark`) or
/// whitespace is in Cf, P\* or S\*. Unassigned and private-use characters are
/// left as word characters, as are ZWJ and ZWNJ (they are removed before
/// this is consulted).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || (is_public_assigned(c) && !c.is_alphanumeric() && !is_combining_mark(c))
}

/// Splits a query into its distinct, non-empty, normalised terms, in order
/// of first appearance.
///
/// Only the first [`MAX_QUERY_CHARS`] characters of `query` are read (cut on
/// a character boundary) and at most [`MAX_TERMS`] terms are returned, so a
/// hostile query costs no more than a long legitimate one. A query made only
/// of separators yields no terms.
pub fn terms(query: &str) -> Vec<String> {
    // Truncate before normalising so the work done is bounded by the limit,
    // not by the input length.
    let query = match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((byte_index, _)) => &query[..byte_index],
        None => query,
    };
    let normalized = normalize(query);
    let mut out: Vec<String> = Vec::new();
    for term in normalized.split(' ') {
        if out.len() == MAX_TERMS {
            break;
        }
        if !term.is_empty() && !out.iter().any(|seen| seen == term) {
            out.push(term.to_owned());
        }
    }
    out
}

/// A substring index over entries identified by keys of type `K`.
///
/// Each entry's fields are normalised once, when the index is built, and
/// kept as a single string; a search then only normalises the query.
#[derive(Debug, Clone)]
pub struct SearchIndex<K> {
    /// Keys with their normalised text, in insertion order.
    entries: Vec<(K, String)>,
}

impl<K> SearchIndex<K> {
    /// Builds an index from `(key, fields)` pairs, keeping their order.
    ///
    /// The normalised fields are joined with a space, so a term can never
    /// match across the boundary between two fields.
    pub fn new<I>(entries: I) -> Self
    where
        I: IntoIterator<Item = (K, Vec<String>)>,
    {
        let entries = entries
            .into_iter()
            .map(|(key, fields)| {
                let text = fields
                    .iter()
                    .map(|field| normalize(field))
                    .filter(|field| !field.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                (key, text)
            })
            .collect();
        Self { entries }
    }

    /// Returns the keys of the entries whose text contains every term of
    /// `query` (see [`terms`]) as a substring, in insertion order.
    ///
    /// A query with no terms (empty, or only separators) matches every
    /// entry, so the search page can list all services.
    pub fn search(&self, query: &str) -> Vec<&K> {
        let terms = terms(query);
        self.entries
            .iter()
            .filter(|(_, text)| terms.iter().all(|term| text.contains(term.as_str())))
            .map(|(key, _)| key)
            .collect()
    }

    /// The number of entries in the index.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::time::{Duration, Instant};

    const NUKTA: char = '\u{09BC}';

    /// An index whose keys are the entry positions, one field per entry.
    fn index(texts: &[&str]) -> SearchIndex<usize> {
        SearchIndex::new(
            texts
                .iter()
                .enumerate()
                .map(|(i, text)| (i, vec![(*text).to_owned()])),
        )
    }

    /// Asserts that `a` and `b` fold identically and find each other.
    fn assert_equivalent(a: &str, b: &str) {
        assert_eq!(normalize(a), normalize(b), "{a:?} vs {b:?}");
        assert_eq!(index(&[a]).search(b), vec![&0], "{b:?} should find {a:?}");
        assert_eq!(index(&[b]).search(a), vec![&0], "{a:?} should find {b:?}");
    }

    #[test]
    fn ya_precomposed_and_decomposed_match_both_ways() {
        let precomposed = "সম\u{09DF}";
        let decomposed = "সম\u{09AF}\u{09BC}";
        assert_equivalent(precomposed, decomposed);
        // NFC keeps the decomposed pair (composition exclusion).
        assert_eq!(normalize(precomposed), decomposed);
        // A stem search works with either spelling inside a longer text.
        let idx = index(&["সময়সীমা ৭ দিন"
            .replace('\u{09DF}', "\u{09AF}\u{09BC}")
            .as_str()]);
        assert_eq!(idx.search("সম\u{09DF}"), vec![&0]);
    }

    #[test]
    fn rra_and_rha_precomposed_and_decomposed_match_both_ways() {
        assert_equivalent("ব\u{09DC}", "ব\u{09A1}\u{09BC}");
        assert_equivalent("প\u{09DC}া", "প\u{09A1}\u{09BC}া");
        assert_equivalent("আষা\u{09DD}", "আষা\u{09A2}\u{09BC}");
        assert_equivalent("দৃ\u{09DD}", "দৃ\u{09A2}\u{09BC}");
        assert_eq!(normalize("\u{09DC}"), "\u{09A1}\u{09BC}");
        assert_eq!(normalize("\u{09DD}"), "\u{09A2}\u{09BC}");
    }

    #[test]
    fn nukta_is_not_stripped() {
        // ড় and ড are different letters: no false match.
        assert_ne!(normalize("বড়"), normalize("বড"));
        assert!(index(&["বড"]).search("বড়").is_empty());
        assert!(normalize("বড়").contains(NUKTA));
    }

    #[test]
    fn khanda_ta_spellings_match() {
        let khanda = "উৎপাদন";
        let zwj = "উত\u{09CD}\u{200D}পাদন";
        assert_equivalent(khanda, zwj);
        assert_eq!(normalize(zwj), khanda);

        // Word-final ত্ is folded, in the text and in the query.
        assert_eq!(normalize("উত্"), "উৎ");
        assert_eq!(index(&[khanda]).search("উত্"), vec![&0]);
        assert_eq!(index(&[zwj]).search("উত্"), vec![&0]);
        assert_equivalent("বিদ্যুত্ সংযোগ", "বিদ্যুৎ সংযোগ");
        // Before punctuation and at the very end.
        assert_eq!(normalize("বিদ্যুত্।"), "বিদ্যুৎ");
        assert_eq!(normalize("হঠাত্, তারপর"), "হঠাৎ তারপর");
        // Word-final ত্ followed by a ZWNJ (visible hasanta) is still final.
        assert_eq!(normalize("বিদ্যুত্\u{200C}"), "বিদ্যুৎ");
        assert_eq!(index(&["উৎপাদন সনদ"]).search("উত্ সনদ"), vec![&0]);
    }

    #[test]
    fn ta_virama_inside_a_word_is_a_conjunct_and_kept() {
        // ত্ত, ত্র: real conjuncts, not khanda ta.
        assert_eq!(normalize("উত্তর"), "উত্তর");
        assert_eq!(normalize("পত্র"), "পত্র");
        assert!(index(&["উৎতর"]).search("উত্তর").is_empty());
    }

    #[test]
    fn zwnj_and_zwj_inside_a_word_are_ignored() {
        assert_equivalent("সে\u{200C}বা", "সেবা");
        assert_equivalent("র\u{200C}্যাব", "র্যাব");
        assert_equivalent("ক্\u{200D}ষ", "ক্ষ");
        assert_eq!(index(&["জন্ম নিব\u{200C}ন্ধন"]).search("নিবন্ধন"), vec![&0]);
    }

    #[test]
    fn bangla_and_ascii_digits_match() {
        assert_equivalent("৩ কার্যদিবস", "3 কার্যদিবস");
        assert_eq!(normalize("০১২৩৪৫৬৭৮৯"), "0123456789");
        let idx = index(&["৩ কার্যদিবস", "7 কার্যদিবস"]);
        assert_eq!(idx.search("3 কার্যদিবস"), vec![&0]);
        assert_eq!(idx.search("৭"), vec![&1]);
    }

    #[test]
    fn english_is_case_insensitive() {
        assert_equivalent("ICT", "ict");
        let idx = index(&["ICT Division", "Trade License"]);
        assert_eq!(idx.search("ict"), vec![&0]);
        assert_eq!(idx.search("iCt DIVISION"), vec![&0]);
        assert_eq!(idx.search("LICENSE"), vec![&1]);
    }

    #[test]
    fn punctuation_symbols_and_dandas_separate_words() {
        assert_eq!(normalize("ICT-Division, (ঢাকা)।"), "ict division ঢাকা");
        assert_eq!(normalize("ফি: ৳৫০০॥ মোট"), "ফি 500 মোট");
        assert_eq!(normalize("a\u{200B}b\u{FEFF}c\u{202E}d"), "a b c d");
        assert_eq!(normalize("  \t\n a \u{00A0}\u{3000} b \r\n"), "a b");
    }

    #[test]
    fn vowel_signs_and_virama_are_kept() {
        assert_eq!(normalize("কি"), "কি");
        assert_eq!(normalize("ক্ষমা"), "ক্ষমা");
        assert!(index(&["কর"]).search("কি").is_empty());
        assert!(index(&["কমা"]).search("ক্ষমা").is_empty());
    }

    #[test]
    fn terms_are_all_required() {
        let idx = index(&["জন্ম নিবন্ধন সনদ", "মৃত্যু নিবন্ধন", "Trade license নবায়ন"]);
        assert_eq!(idx.search("নিবন্ধন"), vec![&0, &1]);
        assert_eq!(idx.search("নিবন্ধন জন্ম"), vec![&0]);
        assert_eq!(idx.search("জন্ম   মৃত্যু"), Vec::<&usize>::new());
        assert_eq!(idx.search("license নবায়ন"), vec![&2]);
        assert!(idx.search("নিবন্ধন license").is_empty());
    }

    #[test]
    fn stems_match_inflected_forms() {
        let idx = index(&["নিবন্ধনের জন্য আবেদন", "আবেদনপত্র জমা"]);
        assert_eq!(idx.search("নিবন্ধন"), vec![&0]);
        assert_eq!(idx.search("আবেদন"), vec![&0, &1]);
    }

    #[test]
    fn all_fields_are_searched_but_not_across_boundaries() {
        let idx = SearchIndex::new(vec![
            ("a", vec!["Passport".to_owned(), "পাসপোর্ট অফিস".to_owned()]),
            ("b", vec!["abc".to_owned(), "def".to_owned()]),
        ]);
        assert_eq!(idx.search("অফিস passport"), vec![&"a"]);
        assert_eq!(idx.search("def abc"), vec![&"b"]);
        assert!(idx.search("cd").is_empty());
        assert!(idx.search("cdef").is_empty());
    }

    #[test]
    fn empty_or_separator_only_query_returns_all_in_order() {
        let idx = index(&["গ", "খ", "ক"]);
        assert_eq!(idx.search(""), vec![&0, &1, &2]);
        assert_eq!(idx.search("   "), vec![&0, &1, &2]);
        assert_eq!(
            idx.search(" ।॥ ,.!?- \u{200D}\u{200C}\0\t"),
            vec![&0, &1, &2]
        );
        assert_eq!(idx.len(), 3);
        assert!(!idx.is_empty());
        let empty: SearchIndex<usize> = SearchIndex::new(Vec::new());
        assert!(empty.search("").is_empty());
        assert!(empty.is_empty());
    }

    #[test]
    fn terms_are_distinct_and_ordered() {
        assert_eq!(terms("b a B, a। c"), vec!["b", "a", "c"]);
        assert!(terms("").is_empty());
        assert!(terms(" ।॥ ").is_empty());
    }

    #[test]
    fn terms_are_capped_at_32() {
        let query = (0..40)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let terms = terms(&query);
        assert_eq!(terms.len(), MAX_TERMS);
        assert_eq!(terms.first().map(String::as_str), Some("w0"));
        assert_eq!(terms.last().map(String::as_str), Some("w31"));
    }

    #[test]
    fn query_is_truncated_to_2000_chars_on_a_char_boundary() {
        assert_eq!(terms(&"a".repeat(2_500)), vec!["a".repeat(2_000)]);
        // Multi-byte characters: cut by character, not by byte.
        let long = terms(&"অ".repeat(2_500));
        assert_eq!(long.len(), 1);
        assert_eq!(long[0].chars().count(), 2_000);
        // A term starting after the limit is ignored.
        let query = format!("{} tail", "x".repeat(2_000));
        assert_eq!(terms(&query), vec!["x".repeat(2_000)]);
    }

    fn sample_index() -> SearchIndex<usize> {
        index(&[
            "জন্ম নিবন্ধন সনদ ৩ কার্যদিবস",
            "ICT Division উৎপাদন",
            "বিদ্যুৎ সংযোগ, বড় ঢাকা",
            "Trade license নবায়ন",
        ])
    }

    #[test]
    fn very_long_query_is_cheap() {
        let idx = sample_index();
        let words = ["নিবন্ধন ", "ict ", "বিদ্যুত্ ", "a", "।", "\u{200D}", "৩"];
        let mut query = String::new();
        let mut i = 0;
        while query.chars().count() < 10_000 {
            query.push_str(words[i % words.len()]);
            i += 1;
        }
        let start = Instant::now();
        for _ in 0..10 {
            let _ = idx.search(&query);
        }
        // Generous bound: this is a debug build on a shared machine.
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
        assert!(idx.search(&query).is_empty());
        let one_term = "ক".repeat(10_000);
        let start = Instant::now();
        assert!(idx.search(&one_term).is_empty());
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn hostile_characters_do_not_panic() {
        let idx = sample_index();
        let nasty: String = [
            "\0\0\0",
            "\u{1}\u{7}\u{1B}[31m\u{7F}\u{85}\u{9F}",
            "\u{FEFF}\u{202E}\u{2066}\u{200B}\u{2060}\u{00AD}",
            "\u{FFFD}\u{FFFE}\u{FFFF}\u{E000}\u{F8FF}\u{10FFFF}\u{E0001}",
            "\u{0301}\u{0301}\u{0301}\u{09CD}\u{09BC}\u{09BC}",
            "İΣ\u{1E9E}ǅ\u{212A}\u{2126}\u{0344}\u{0F73}\u{FB01}",
            "𝕬𝖇𝖈 😀👨\u{200D}👩\u{200D}👧 🇧🇩",
            "ত\u{200D}্\u{200C}ত্\u{200D}\u{200D}ত্",
        ]
        .concat();
        let start = Instant::now();
        for _ in 0..100 {
            let _ = idx.search(&nasty);
            let _ = normalize(&nasty);
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
        let out = normalize(&nasty);
        assert!(!out.chars().any(|c| c.is_control() || c == ZWJ || c == ZWNJ));
        assert_eq!(normalize(&out), out);
        // The hostile text is also safe as indexed content.
        let idx = index(&[nasty.as_str()]);
        assert_eq!(idx.search("\0"), vec![&0]);
        assert_eq!(idx.search("İ"), vec![&0]);
    }

    /// Characters biased towards the parts of the input that the folding
    /// treats specially, mixed with arbitrary Unicode.
    fn interesting_char() -> impl Strategy<Value = char> {
        prop_oneof![
            3 => any::<char>(),
            3 => proptest::char::range('\u{0980}', '\u{09FF}'),
            1 => proptest::char::range('\u{0300}', '\u{036F}'),
            3 => proptest::sample::select(vec![
                ZWJ, ZWNJ, TA, VIRAMA, NUKTA, KHANDA_TA, ' ', '\t', '\n', '\0', '\u{7F}',
                '\u{85}', '\u{A0}', '।', '॥', '.', '-', '৳', 'A', 'z', 'İ', 'Σ', 'ς',
                '\u{1E9E}', 'ǅ', '\u{212A}', '\u{2126}', '\u{0344}', '\u{0F73}', '\u{FB01}',
                '\u{0301}', '\u{0327}', '\u{0345}', '\u{00AD}', '\u{200B}', '\u{FEFF}',
                '\u{09DC}', '\u{09DD}', '\u{09DF}', '\u{09A1}', '\u{09A2}', '\u{09AF}',
                '০', '৯', '\u{E000}', '\u{FFFF}',
            ]),
        ]
    }

    fn interesting_string() -> impl Strategy<Value = String> {
        proptest::collection::vec(interesting_char(), 0..48).prop_map(String::from_iter)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn normalize_is_idempotent_and_clean(text in interesting_string()) {
            let once = normalize(&text);
            prop_assert_eq!(&normalize(&once), &once);
            prop_assert!(!once.starts_with(' ') && !once.ends_with(' '));
            prop_assert!(!once.contains("  "));
            for c in once.chars() {
                prop_assert!(c != ZWJ && c != ZWNJ, "joiner in {:?}", once);
                prop_assert!(!is_bangla_digit(c), "digit in {:?}", once);
                prop_assert!(!c.is_control(), "control char in {:?}", once);
                prop_assert!(c == ' ' || !c.is_whitespace(), "whitespace in {:?}", once);
            }
        }

        #[test]
        fn normalize_never_panics_on_any_string(text in any::<String>()) {
            let once = normalize(&text);
            prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn terms_are_normalized_distinct_and_bounded(text in interesting_string()) {
            let terms = terms(&text);
            prop_assert!(terms.len() <= MAX_TERMS);
            for (i, term) in terms.iter().enumerate() {
                prop_assert!(!term.is_empty() && !term.contains(' '));
                prop_assert_eq!(&normalize(term), term);
                prop_assert!(!terms[..i].contains(term));
            }
        }
    }
}
