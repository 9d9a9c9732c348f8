//! The index: what it finds, in which order, and what it marks.

use super::*;

/// An entry with a Bangla name and other Bangla texts.
fn entry<'a>(name_text: &'a str, others: &[&'a str]) -> Vec<Source<'a>> {
    let mut texts = vec![name(name_text)];
    texts.extend(others.iter().map(|t| other(t)));
    texts
}

/// What `query` marks in the texts of the first hit: (text, marked words).
fn marked<'a>(index: &SearchIndex, texts: &[&'a str], query: &str) -> Vec<(&'a str, Vec<&'a str>)> {
    let found = index.search(query, Lang::Bn);
    found.hits[0]
        .marked
        .iter()
        .map(|(i, marks)| {
            (
                texts[*i],
                marks.iter().map(|r| &texts[*i][r.clone()]).collect(),
            )
        })
        .collect()
}

#[test]
fn every_term_is_needed_each_in_any_text() {
    let idx = SearchIndex::new(vec![
        entry("জন্ম নিবন্ধন সনদ", &["ইউনিয়ন পরিষদ"]),
        entry("মৃত্যু নিবন্ধন", &[]),
        entry("Trade license নবায়ন", &[]),
    ]);
    assert_eq!(found(&idx, "নিবন্ধন"), [0, 1]);
    assert_eq!(found(&idx, "নিবন্ধন পরিষদ"), [0]);
    assert!(found(&idx, "জন্ম মৃত্যু").is_empty());
    assert_eq!(found(&idx, "license নবায়ন"), [2]);
}

#[test]
fn a_term_runs_across_the_words_of_a_text_but_not_across_texts() {
    let idx = SearchIndex::new(vec![
        entry("ই-নথি বাস্তবায়ন", &[]),
        entry("abc", &["def"]),
        entry("web portal", &[]),
    ]);
    assert_eq!(found(&idx, "ইনথি"), [0]);
    assert_eq!(found(&idx, "ই নথি"), [0]);
    assert_eq!(found(&idx, "webportal"), [2]);
    assert!(found(&idx, "cdef").is_empty());
    assert!(found(&idx, "cd").is_empty());
    assert_eq!(found(&idx, "def abc"), [1]);
}

#[test]
fn stems_find_inflected_forms() {
    let idx = index(&["নিবন্ধনের জন্য আবেদন", "আবেদনপত্র জমা"]);
    assert_eq!(found(&idx, "নিবন্ধন"), [0]);
    assert_eq!(found(&idx, "আবেদন"), [0, 1]);
}

#[test]
fn the_name_ranks_before_other_fields() {
    let idx = SearchIndex::new(vec![
        entry("জন্ম সনদ", &["প্রশিক্ষণ কেন্দ্র"]),
        entry("প্রশিক্ষণ প্রদান", &[]),
    ]);
    assert_eq!(found(&idx, "প্রশিক্ষণ"), [1, 0]);
}

#[test]
fn whole_words_rank_before_starts_and_starts_before_parts() {
    let idx = index(&["সেবাসমূহ", "নাগরিকসেবার", "সেবার মান", "নাগরিক সেবা"]);
    assert_eq!(found(&idx, "সেবা"), [3, 0, 2, 1]);
    // A name's part still ranks before another field's whole word.
    let idx = SearchIndex::new(vec![entry("ক", &["সেবা"]), entry("নাগরিকসেবা", &[])]);
    assert_eq!(found(&idx, "সেবা"), [1, 0]);
}

#[test]
fn equal_places_keep_the_charter_order() {
    let idx = index(&["গ সেবা", "খ সেবা", "ক সেবা"]);
    assert_eq!(found(&idx, "সেবা"), [0, 1, 2]);
}

#[test]
fn an_empty_query_finds_every_entry_in_order() {
    let idx = index(&["গ", "খ", "ক"]);
    for query in ["", "   ", " ।॥ ,.!?- \u{200D}\u{200C}\0\t"] {
        let found = idx.search(query, Lang::Bn);
        assert_eq!(found.total, 3);
        assert_eq!(
            found.hits.iter().map(|h| h.entry).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert!(found.hits.iter().all(|h| h.marked.is_empty()));
    }
    let empty = SearchIndex::new(Vec::<Vec<Source>>::new());
    assert!(empty.is_empty());
    assert_eq!(empty.search("", Lang::Bn).total, 0);
}

#[test]
fn many_found_are_listed_best_first_up_to_the_limit() {
    // The best is the last, past the limit.
    let best = MAX_RESULTS + 9;
    let names: Vec<String> = (0..MAX_RESULTS + 10)
        .map(|i| {
            if i == best {
                "সেবা".to_string()
            } else {
                format!("সেবার {i}")
            }
        })
        .collect();
    let idx = SearchIndex::new(names.iter().map(|n| vec![name(n)]));
    let found = idx.search("সেবা", Lang::Bn);
    assert_eq!(found.total, MAX_RESULTS + 10);
    assert_eq!(found.hits.len(), MAX_RESULTS);
    assert_eq!(found.hits[0].entry, best);
}

#[test]
fn whole_words_are_marked_in_the_original_text() {
    let texts = ["প্রশিক্ষণের জন্য ই-নথি, প্রশিক্ষণ"];
    let idx = index(&texts);
    assert_eq!(
        marked(&idx, &texts, "প্রশিক্ষন ইনথি"),
        [(texts[0], vec!["প্রশিক্ষণের", "ই-নথি", "প্রশিক্ষণ"])]
    );
    // Overlapping finds are one mark.
    assert_eq!(
        marked(&idx, &texts, "প্রশিক্ষণ প্রশিক্ষণের"),
        [(texts[0], vec!["প্রশিক্ষণের", "প্রশিক্ষণ"])]
    );
}

#[test]
fn the_name_is_shown_first_then_the_fewest_fields_with_the_rest() {
    let texts = ["জন্ম সনদ", "ফি ৫০ টাকা", "৩ কার্যদিবস", "সনদ ৩ কার্যদিবস"];
    let idx = SearchIndex::new(vec![entry(texts[0], &texts[1..])]);
    // All in the name: nothing else.
    assert_eq!(marked(&idx, &texts, "সনদ"), [(texts[0], vec!["সনদ"])]);
    // Not in the name: the fewest fields that hold the rest, in the order
    // of the page.
    assert_eq!(
        marked(&idx, &texts, "কার্যদিবস 3 টাকা"),
        [(texts[1], vec!["টাকা"]), (texts[2], vec!["৩", "কার্যদিবস"]),]
    );
    assert_eq!(
        marked(&idx, &texts, "জন্ম 3"),
        [(texts[0], vec!["জন্ম"]), (texts[2], vec!["৩"])]
    );
}

#[test]
fn the_page_shows_its_own_languages_name_and_fields_first() {
    let texts = ["প্রশিক্ষণ", "ICT training", "অফিস", "office"];
    let lang = |i: usize| {
        if i.is_multiple_of(2) {
            Lang::Bn
        } else {
            Lang::En
        }
    };
    let idx = SearchIndex::new(vec![
        (texts.iter().enumerate())
            .map(|(i, text)| Source {
                text,
                lang: lang(i),
                is_name: i < 2,
            })
            .collect(),
    ]);
    let shown = |query, page| -> Vec<(&str, Vec<&str>)> {
        let found = idx.search(query, page);
        (found.hits[0].marked.iter())
            .map(|(i, marks)| {
                (
                    texts[*i],
                    marks.iter().map(|r| &texts[*i][r.clone()]).collect(),
                )
            })
            .collect()
    };
    // The English name holds "training": on the English page it is the
    // name as shown, on the Bangla page the one other text shown.
    assert_eq!(
        shown("trainings", Lang::En),
        [("ICT training", vec!["training"])]
    );
    assert_eq!(
        shown("trainings", Lang::Bn),
        [("ICT training", vec!["training"])]
    );
    assert_eq!(shown("offices", Lang::En), [("office", vec!["office"])]);
    assert_eq!(shown("অফিস", Lang::En), [("অফিস", vec!["অফিস"])]);
    // Found in both languages' texts: the page's language's.
    let both = SearchIndex::new(vec![vec![
        name("জন্ম"),
        other("ICT"),
        Source {
            text: "ICT",
            lang: Lang::En,
            is_name: false,
        },
    ]]);
    let first = |page| both.search("ict", page).hits[0].marked[0].0;
    assert_eq!(first(Lang::Bn), 1);
    assert_eq!(first(Lang::En), 2);
}

#[test]
fn nothing_found_gives_the_closest_names() {
    let idx = index(&["জন্ম নিবন্ধন", "ICT training", "ট্রেড লাইসেন্স"]);
    let found = idx.search("trainng", Lang::Bn);
    assert!(found.hits.is_empty());
    assert_eq!(found.total, 0);
    assert_eq!(found.closest, [1]);
    // A term found with one that is not: the names with the one found.
    assert_eq!(idx.search("নিবন্ধন zzzz", Lang::Bn).closest, [0]);
    assert!(idx.search("zzzz", Lang::Bn).closest.is_empty());
}

#[test]
fn long_and_hostile_queries_find_nothing_and_do_not_panic() {
    let idx = index(&["জন্ম নিবন্ধন সনদ ৩ কার্যদিবস", "ICT Division উৎপাদন"]);
    let words = ["নিবন্ধন ", "ict ", "বিদ্যুত্ ", "a", "।", "\u{200D}", "৩"];
    let query: String = words.iter().cycle().take(3_000).copied().collect();
    assert!(found(&idx, &query).is_empty());
    assert!(found(&idx, &"ক".repeat(10_000)).is_empty());
    let nasty = [
        "\0\u{1}\u{7}\u{1B}[31m\u{7F}\u{85}\u{9F}",
        "\u{FEFF}\u{202E}\u{2066}\u{200B}\u{2060}\u{00AD}",
        "\u{FFFD}\u{FFFE}\u{FFFF}\u{E000}\u{F8FF}\u{10FFFF}\u{E0001}",
        "\u{0301}\u{0301}\u{09CD}\u{09BC}\u{09BC}",
        "İΣ\u{1E9E}ǅ\u{212A}\u{2126}\u{0344}\u{0F73}\u{FB01}",
        "𝕬𝖇𝖈 😀👨\u{200D}👩\u{200D}👧 🇧🇩",
        "ত\u{200D}্\u{200C}ত্\u{200D}\u{200D}ত্",
    ]
    .concat();
    let _ = idx.search(&nasty, Lang::Bn);
    // The hostile text is also safe as indexed content.
    let idx = index(&[nasty.as_str()]);
    assert_eq!(found(&idx, "İ"), [0]);
    let found = idx.search("𝕬𝖇𝖈", Lang::Bn);
    let (text, marks) = &found.hits[0].marked[0];
    assert_eq!(*text, 0);
    // No separator between the marks and letters before it: one word.
    assert!(
        nasty[marks[0].clone()].ends_with("İΣ\u{1E9E}ǅ\u{212A}\u{2126}\u{0344}\u{0F73}\u{FB01}𝕬𝖇𝖈")
    );
}
