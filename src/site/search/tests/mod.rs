//! Unit tests of search: folding, the query, the index and its ranking,
//! and the closest names.

use super::*;
use crate::i18n::Lang;

mod closest;
mod fold;
mod index;
mod query;

/// `text` folded, words one space apart.
fn fold(text: &str) -> String {
    Folder::default().fold(text)
}

/// A Bangla name.
fn name(text: &str) -> Source<'_> {
    Source {
        text,
        lang: Lang::Bn,
        is_name: true,
    }
}

/// A Bangla text that is not a name.
fn other(text: &str) -> Source<'_> {
    Source {
        text,
        lang: Lang::Bn,
        is_name: false,
    }
}

/// An index whose entries are one name each.
fn index(names: &[&str]) -> SearchIndex {
    SearchIndex::new(names.iter().map(|n| vec![name(n)]))
}

/// The entries `query` finds on a Bangla page, best first.
fn found(index: &SearchIndex, query: &str) -> Vec<usize> {
    index
        .search(query, Lang::Bn)
        .hits
        .iter()
        .map(|hit| hit.entry)
        .collect()
}

/// Asserts that `a` and `b` fold alike and find each other.
fn assert_equivalent(a: &str, b: &str) {
    assert_eq!(fold(a), fold(b), "{a:?} vs {b:?}");
    assert_eq!(found(&index(&[a]), b), [0], "{b:?} should find {a:?}");
    assert_eq!(found(&index(&[b]), a), [0], "{a:?} should find {b:?}");
}
