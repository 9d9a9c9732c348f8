//! Text side of the `/{lang}/search?q=…` page: the query, folding of
//! Bangla and English spellings ([`fold`]), the index of every service's
//! texts ([`index`]), the ranking of what it finds and the words to mark
//! ([`results`]), and the closest service names when nothing is found
//! ([`closest`]).
//!
//! A query is cut into terms at spaces; every term must be found in some
//! text of a service. Matching is by substring of the folded text, because
//! Bangla inflects by suffix (`নিবন্ধন`, `নিবন্ধনের`, `নিবন্ধনে`) and a stem
//! typed by the user should find every inflected form; and a term found at
//! the start of a word may run on across the next ones, so "ইনথি" finds
//! "ই-নথি".
//!
//! The module has no knowledge of HTTP or HTML; Bangla digits are read
//! through [`crate::i18n`], the one place that converts them.

mod closest;
pub mod fold;
mod index;
mod results;

pub use fold::Folder;
pub use index::{SearchIndex, Source};
pub use results::{Finds, Found, Hit, Query, Rank, closest_across};

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

/// `query` as a search page answers it and shows it: trimmed, or nothing
/// at all when it has no terms ([`terms`]). A query of separators only
/// ("?", "-", "।") is the empty query, which lists every service (or, in
/// the directory, asks for a word), not a search that found them all.
pub fn asked(query: &str) -> &str {
    if terms(query).is_empty() {
        ""
    } else {
        query.trim()
    }
}

/// The characters that change the direction text is shown in: LRE, RLE,
/// PDF, LRO, RLO (U+202A-U+202E), LRI, RLI, FSI, PDI (U+2066-U+2069), and
/// the marks LRM, RLM (U+200E, U+200F) and ALM (U+061C).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// How many distinct terms of a query are kept; later ones are ignored. A
/// citizen types a few words, and a term can cost a look at every text of
/// the charter (one found in every word, as a single letter is): sixteen
/// such terms keep a search of the 1,000-service charter under a
/// millisecond.
pub const MAX_TERMS: usize = 16;

/// The most services a results page lists, best first: a query that
/// matches a thousand services makes a page no one reads through, and each
/// service listed costs its marked texts to find and show.
pub const MAX_RESULTS: usize = 30;

/// Splits a query into its distinct, non-empty, folded terms, in order of
/// first appearance. A term is what the citizen typed between two spaces,
/// its words run together ([`Folder::compact`]): "ই-নথি" is one term,
/// "ইনথি".
///
/// Only the first [`MAX_QUERY_CHARS`] characters of `query` are read (cut on
/// a character boundary) and at most [`MAX_TERMS`] terms are returned, so a
/// hostile query costs no more than a long legitimate one. A query made only
/// of separators yields no terms.
pub fn terms(query: &str) -> Vec<String> {
    // Truncate before folding so the work done is bounded by the limit,
    // not by the input length.
    let query = match query.char_indices().nth(MAX_QUERY_CHARS) {
        Some((byte_index, _)) => &query[..byte_index],
        None => query,
    };
    let folder = Folder::default();
    let mut out: Vec<String> = Vec::new();
    for chunk in query.split(char::is_whitespace) {
        if out.len() == MAX_TERMS {
            break;
        }
        let term = folder.compact(chunk);
        if !term.is_empty() && !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

#[cfg(test)]
mod tests;
