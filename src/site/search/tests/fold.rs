//! Folding: the spellings it makes one, those it keeps apart, the words it
//! cuts text into.

use super::*;
use crate::site::search::fold::{NUKTA, TA, VIRAMA, ZWJ, ZWNJ};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

#[test]
fn na_and_nna_are_one() {
    assert_equivalent("প্রশিক্ষণ", "প্রশিক্ষন");
    assert_equivalent("পণ্য", "পন্য");
}

#[test]
fn ya_with_and_without_its_dot_are_one_however_encoded() {
    let precomposed = "ওয়েব"; // U+09DF
    let decomposed = "ও\u{09AF}\u{09BC}েব";
    assert_equivalent("ও\u{09DF}েব", decomposed);
    assert_equivalent(precomposed, "ওযেব");
    assert_equivalent(decomposed, "ওযেব");
    assert!(!fold(precomposed).contains(NUKTA));
}

#[test]
fn rra_is_ra_and_rha_is_dha_however_encoded() {
    assert_equivalent("ব\u{09DC}", "ব\u{09A1}\u{09BC}");
    assert_equivalent("ব\u{09DC}", "বর");
    assert_equivalent("আষা\u{09DD}", "আষা\u{09A2}\u{09BC}");
    assert_equivalent("আষা\u{09DD}", "আষাঢ");
}

#[test]
fn long_and_short_vowels_are_one() {
    assert_equivalent("জাতীয়", "জাতিয়");
    assert_equivalent("মূল্য", "মুল্য");
    assert_equivalent("ঈদ", "ইদ");
    assert_equivalent("ঊর্ধ্বতন", "উর্ধ্বতন");
}

#[test]
fn the_three_sibilants_are_one() {
    assert_equivalent("শেখ", "সেখ");
    assert_equivalent("ষেখ", "সেখ");
    assert_equivalent("স্পেসিফিকেশন", "স্পেসিফিকেসন");
}

#[test]
fn ja_and_ya_are_one() {
    assert_equivalent("যন্ত্রপাতি", "জন্ত্রপাতি");
}

#[test]
fn khanda_ta_is_ta_in_every_spelling() {
    let khanda = "উৎপাদন";
    assert_equivalent(khanda, "উতপাদন");
    // ত + ্ + ZWJ, khanda ta before Unicode 4.1.
    assert_equivalent(khanda, "উত\u{09CD}\u{200D}পাদন");
    // A word-final ত্ is khanda ta typed with a visible hasanta, before a
    // space, punctuation, a joiner or the end.
    assert_equivalent("বিদ্যুৎ সংযোগ", "বিদ্যুত্ সংযোগ");
    assert_eq!(fold("বিদ্যুত্।"), fold("বিদ্যুৎ"));
    assert_eq!(fold("বিদ্যুত্\u{200C}"), fold("বিদ্যুৎ"));
    assert_eq!(fold("হঠাত্, তারপর"), "হঠাত তারপর");
}

#[test]
fn ta_and_hasanta_inside_a_word_is_a_conjunct_and_kept() {
    assert_eq!(fold("উত্তর"), "উত্তর");
    assert_eq!(fold("পত্র"), "পত্র");
    assert_ne!(fold("উত্তর"), fold("উততর"));
}

#[test]
fn nga_and_anusvara_are_one() {
    assert_equivalent("বাঙলা", "বাংলা");
    // ঙ্গ and ংগ.
    assert_equivalent("সঙ্গে", "সংগে");
}

#[test]
fn joiners_are_ignored() {
    assert_equivalent("সে\u{200C}বা", "সেবা");
    assert_equivalent("র\u{200C}্যাব", "র্যাব");
    assert_equivalent("ক্\u{200D}ষ", "ক্ষ");
    assert_equivalent("সফটওয়\u{200C}্যার", "সফটওয়্যার");
}

#[test]
fn digits_of_either_script_are_one() {
    assert_equivalent("১৫ কার্যদিবস", "15 কার্যদিবস");
    assert_eq!(fold("০১২৩৪৫৬৭৮৯"), "0123456789");
}

#[test]
fn english_is_folded_to_lowercase_stems() {
    assert_equivalent("ICT", "ict");
    for form in ["training", "trainings", "Trained", "TRAIN"] {
        assert_eq!(fold(form), "train", "{form}");
    }
    assert_eq!(fold("viruses"), fold("virus"));
    assert_eq!(fold("Labs"), fold("lab"));
    assert_eq!(fold("automating"), fold("automation"));
    // Words with a digit, or in another script, are not English words.
    assert_eq!(fold("2nd"), "2nd");
    assert_eq!(fold("Straße"), "straße");
}

#[test]
fn different_letters_stay_different() {
    // ড and ড়, a vowel sign and another, a conjunct and two letters.
    assert_ne!(fold("বড"), fold("বড়"));
    assert_ne!(fold("কি"), fold("কা"));
    assert_ne!(fold("ক্ষমা"), fold("কমা"));
    assert!(found(&index(&["কর"]), "কি").is_empty());
    assert!(found(&index(&["কমা"]), "ক্ষমা").is_empty());
}

#[test]
fn punctuation_symbols_and_dandas_separate_words() {
    assert_eq!(fold("e-Nothi, (ঢাকা)।"), "e nothi ঢাকা");
    assert_eq!(fold("ফি: ৳৫০০॥ মোট"), "ফি 500 মোট");
    assert_eq!(fold("a\u{200B}b\u{FEFF}c\u{202E}d"), "a b c d");
    assert_eq!(fold("  \t\n a \u{00A0}\u{3000} b \r\n"), "a b");
}

#[test]
fn hyphens_and_spaces_inside_words_do_not_count_in_a_term() {
    let folder = Folder::default();
    assert_eq!(folder.compact("ই-নথি"), "ইনথি");
    assert_eq!(folder.compact("ই নথি"), folder.compact("ইনথি"));
    assert_eq!(folder.compact("Info-Sarker"), "infosarker");
}

#[test]
fn words_know_where_they_are_in_the_text() {
    let text = "ই-নথি, বাতায়ন  portal।";
    let mut words = Vec::new();
    Folder::default().words(text, |range, folded| {
        words.push((&text[range], folded.to_string()));
    });
    assert_eq!(
        words,
        [
            ("ই", "ই".to_string()),
            ("নথি", "নথি".to_string()),
            ("বাতায়ন", "বাতাযন".to_string()),
            ("portal", "portal".to_string()),
        ]
    );
}

#[test]
fn a_word_of_joiners_only_is_no_word() {
    assert_eq!(fold("a \u{200D}\u{200C} b"), "a b");
    assert_eq!(fold("\u{200D}"), "");
}

/// Characters biased towards the parts of the input that folding treats
/// specially, mixed with arbitrary Unicode.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        3 => proptest::char::range('\u{0980}', '\u{09FF}'),
        1 => proptest::char::range('\u{0300}', '\u{036F}'),
        3 => proptest::sample::select(vec![
            ZWJ, ZWNJ, TA, VIRAMA, NUKTA, 'ৎ', 'ঙ', 'ং', ' ', '\t', '\n', '\0', '\u{7F}',
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

/// Bangla, ASCII letters, spaces, hyphens and joiners: text whose
/// canonical decomposition holds no separator.
fn bangla_string() -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        4 => proptest::char::range('\u{0980}', '\u{09FF}'),
        1 => proptest::char::range('a', 'z'),
        1 => proptest::sample::select(vec![' ', '-', ZWJ, ZWNJ, 'A', 'Z']),
    ];
    proptest::collection::vec(chars, 0..32).prop_map(String::from_iter)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn folded_words_are_clean(text in interesting_string()) {
        let folded = fold(&text);
        prop_assert!(!folded.starts_with(' ') && !folded.ends_with(' '));
        prop_assert!(!folded.contains("  "));
        for c in folded.chars() {
            prop_assert!(c != ZWJ && c != ZWNJ, "joiner in {:?}", folded);
            prop_assert!(!crate::i18n::is_bangla_digit(c), "digit in {:?}", folded);
            prop_assert!(!c.is_control() && c != '\n', "control char in {:?}", folded);
            prop_assert!(c == ' ' || !c.is_whitespace(), "whitespace in {:?}", folded);
            prop_assert!(!c.is_ascii_uppercase(), "capital in {:?}", folded);
        }
    }

    #[test]
    fn words_are_in_order_and_hold_no_separator(text in interesting_string()) {
        let folder = Folder::default();
        let mut last_end = 0;
        let mut compact = String::new();
        folder.words(&text, |range, folded| {
            assert!(range.start >= last_end && range.start < range.end);
            assert!(!text[range.clone()].contains(char::is_whitespace));
            assert!(!folded.is_empty() && !folded.contains(' '));
            last_end = range.end;
            compact.push_str(folded);
        });
        prop_assert_eq!(folder.compact(&text), compact);
    }

    #[test]
    fn canonically_equal_spellings_fold_alike(text in bangla_string()) {
        let nfc: String = text.nfc().collect();
        let nfd: String = text.nfd().collect();
        prop_assert_eq!(fold(&nfc), fold(&nfd));
    }

    #[test]
    fn folding_never_panics_on_any_string(text in any::<String>()) {
        let _ = fold(&text);
    }
}

#[test]
fn the_quick_separator_test_agrees_with_the_tables() {
    use unicode_normalization::char::{is_combining_mark, is_public_assigned};
    let tables = |c: char| {
        c != ZWJ
            && c != ZWNJ
            && !c.is_alphanumeric()
            && !is_combining_mark(c)
            && (c.is_whitespace() || c.is_control() || is_public_assigned(c))
    };
    for c in ('\0'..='\u{7F}')
        .chain('\u{0980}'..='\u{09FF}')
        .chain([ZWJ, ZWNJ])
    {
        assert_eq!(
            crate::site::search::fold::is_separator(c),
            tables(c),
            "U+{:04X}",
            c as u32
        );
    }
}

#[test]
fn english_words_written_in_bangla_find_their_english_spelling() {
    let f = Folder::default();
    assert_eq!(f.fold("আইসিটি"), f.fold("ICT"));
    // However the Bangla is spelt: ী for ি, য় with its dot apart.
    assert_eq!(f.fold("আইসীটী"), "ict");
    assert_eq!(f.fold("সফটও\u{09AF}\u{09BC}্যার"), f.fold("software"));
    assert_eq!(
        f.fold("কম্পিউটার প্রশিক্ষণ"),
        format!("comput {}", f.fold("প্রশিক্ষণ"))
    );
    // Only whole words: the start of one stays Bangla.
    assert_eq!(f.fold("আইসি"), "আইসি");
}

#[test]
fn loanwords_run_together_fold_to_their_english_words_run_together() {
    let f = Folder::default();
    assert_eq!(f.fold("ওয়েব পোর্টাল"), "web portal");
    assert_eq!(f.fold("ওয়েবপোর্টাল"), f.compact("web portal"));
    assert_eq!(f.fold("ওযেবপোর্টাল"), "webportal");
    // Cut at the longest loanword that fits: ওয়েবসাইট, not ওয়েব + সাইট.
    assert_eq!(f.fold("ওয়েবসাইটপোর্টাল"), "websitportal");
    // A loanword and a Bangla word run together stay Bangla.
    assert_eq!(f.fold("ওয়েবসেবা"), "ওযেবসেবা");
    assert_eq!(f.fold("পোর্টালটি"), "পোর্টালটি");
}

#[test]
fn acronyms_fold_to_the_words_they_stand_for() {
    let f = Folder::default();
    assert_eq!(f.fold("UDC"), f.compact("Union Digital Centre"));
    // Plural, lower case: the stem is looked up.
    assert_eq!(f.fold("(UDCs)"), f.compact("union digital centres"));
    assert_eq!(f.fold("ইউডিসি"), f.compact("ইউনিয়ন ডিজিটাল সেন্টার"));
    // However the Bangla is spelt.
    assert_eq!(f.fold("ইউডিসী"), f.fold("ইউডিসি"));
    // In a term, with other words.
    assert_eq!(
        f.compact("UDC support"),
        f.compact("union digital centre support")
    );
    // Only whole words.
    assert_eq!(f.fold("UDCX"), "udcx");
}

#[test]
fn other_spellings_of_a_name_fold_to_the_charter_s() {
    let f = Folder::default();
    assert_eq!(f.compact("Info-Sarkar"), f.compact("Info-Sarker"));
    assert_eq!(f.fold("SARKAR"), "sarker");
}
