//! A query's terms: what is typed between spaces, folded, each once, and
//! no more of them than the limits allow.

use super::*;

#[test]
fn terms_are_split_at_spaces_distinct_and_in_order() {
    assert_eq!(terms("b a B  a c"), ["b", "a", "c"]);
    assert_eq!(terms("ই-নথি প্রশিক্ষণ"), ["ইনথি", "প্রসিক্সন"]);
    assert_eq!(terms("ICT, training।"), ["ict", "train"]);
    assert!(terms("").is_empty());
    assert!(terms(" ।॥ - ").is_empty());
}

#[test]
fn terms_are_capped() {
    let query = (0..40)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let terms = terms(&query);
    assert_eq!(terms.len(), MAX_TERMS);
    assert_eq!(terms.first().map(String::as_str), Some("w0"));
    let last = format!("w{}", MAX_TERMS - 1);
    assert_eq!(terms.last(), Some(&last));
}

#[test]
fn the_query_is_cut_to_its_longest_on_a_char_boundary() {
    assert_eq!(terms(&"x".repeat(2_500)), ["x".repeat(MAX_QUERY_CHARS)]);
    let long = terms(&"অ".repeat(2_500));
    assert_eq!(long.len(), 1);
    assert_eq!(long[0].chars().count(), MAX_QUERY_CHARS);
    // A term starting after the limit is not read.
    let query = format!("{} tail", "x".repeat(MAX_QUERY_CHARS));
    assert_eq!(terms(&query), ["x".repeat(MAX_QUERY_CHARS)]);
}

#[test]
fn query_of_keeps_the_query_without_controls_or_reordering_marks() {
    assert_eq!(query_of(None), "");
    assert_eq!(query_of(Some("x=1")), "");
    assert_eq!(
        query_of(Some("q=%E0%A6%87-%E0%A6%A8%E0%A6%A5%E0%A6%BF")),
        "ই-নথি"
    );
    assert_eq!(query_of(Some("q=a%00b%E2%80%AEc%E2%81%A6d+e")), "abcd e");
    let long = format!("q={}", "a".repeat(3_000));
    assert_eq!(query_of(Some(&long)).len(), MAX_QUERY_CHARS);
}

#[test]
fn a_query_without_a_word_is_the_empty_query() {
    for query in ["", "   ", "?", "-", "।", " ? - । ", "…", "৳", "!!!"] {
        assert_eq!(asked(query), "", "{query:?}");
    }
    assert_eq!(asked("  ই-নথি? "), "ই-নথি?");
    assert_eq!(asked("UDC"), "UDC");
}
