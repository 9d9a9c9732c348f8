//! The closest names to a query that found nothing.

use super::*;

fn closest(names: &[&str], query: &str) -> Vec<usize> {
    index(names).search(query, Lang::Bn).closest
}

#[test]
fn a_misspelt_word_finds_the_names_that_have_it() {
    let names = ["ICT training", "Trade licence", "Birth registration"];
    assert_eq!(closest(&names, "trainng"), [0]);
    assert_eq!(closest(&names, "licnece"), [1]);
    assert_eq!(closest(&names, "regsitration certifcate"), [2]);
}

#[test]
fn bangla_words_with_an_ending_or_a_letter_wrong_are_close() {
    let names = ["ই-নথি প্রশিক্ষণ প্রদান", "জন্ম নিবন্ধন সনদ"];
    assert_eq!(closest(&names, "প্রশিক্ষনের"), [0]);
    assert_eq!(closest(&names, "নিবন্দন"), [1]);
}

#[test]
fn more_terms_close_come_first_then_fewer_edits() {
    let names = ["জন্ম সনদ", "জন্ম নিবন্ধন সনদ", "মৃত্যু নিবন্ধন"];
    assert_eq!(closest(&names, "জন্ম নিবন্দন zzzz"), [1, 0, 2]);
}

#[test]
fn at_most_three_names_and_none_when_nothing_is_close() {
    let names = ["সেবা ১", "সেবা ২", "সেবা ৩", "সেবা ৪"];
    assert_eq!(closest(&names, "সেবাা"), [0, 1, 2]);
    assert!(closest(&names, "zzzz").is_empty());
    assert!(closest(&names, "ab").is_empty());
    assert!(closest(&names, &"ক".repeat(2_000)).is_empty());
}
