//! The Bangla calendar, and the NFC form of every calendar text.

use super::*;

// ---- Bangla calendar -------------------------------------------------

#[test]
fn pinned_bangla_dates() {
    assert_eq!(bangla(2026, 4, 14), "১ বৈশাখ ১৪৩৩ বঙ্গাব্দ");
    assert_eq!(bangla(2026, 4, 13), "৩০ চৈত্র ১৪৩২ বঙ্গাব্দ");
    assert_eq!(bangla(2026, 2, 21), "৮ ফাল্গুন ১৪৩২ বঙ্গাব্দ");
    // 16 December: Poush begins after Boishakh–Ashwin (6 × 31 = 186
    // days) and Kartik–Ogrohayon (2 × 30 = 60), i.e. 246 days after
    // 14 April. From 14 April it is 17 days to 1 May, May–November add
    // 214 (1 December = +231), and 15 more reach 16 December (+246).
    assert_eq!(bangla(2026, 12, 16), "১ পৌষ ১৪৩৩ বঙ্গাব্দ");
    // 26 March: everything before Chaitra is 186 + 4 × 30 (Kartik–Magh)
    // + 29 (Falgun, February 2026 being common) = 335 days, so Chaitra
    // is the last 30 days of a 365-day year: 15 March – 13 April
    // (17 days of March + 13 of April). 26 March is its 12th day.
    assert_eq!(bangla(2026, 3, 26), "১২ চৈত্র ১৪৩২ বঙ্গাব্দ");
    assert_eq!(bangla(2027, 3, 15), "১ চৈত্র ১৪৩৩ বঙ্গাব্দ");
    assert_eq!(bangla(2027, 3, 14), "২৯ ফাল্গুন ১৪৩৩ বঙ্গাব্দ");
    assert_eq!(bangla(2026, 11, 27), "১২ অগ্রহায়ণ ১৪৩৩ বঙ্গাব্দ");
    assert_eq!(bangla(2026, 11, 28), "১৩ অগ্রহায়ণ ১৪৩৩ বঙ্গাব্দ");
    assert_eq!(
        BanglaDate::from(d(2026, 11, 27)),
        BanglaDate {
            year: 1433,
            month: BanglaMonth::Ogrohayon,
            day: 12
        }
    );
}

#[test]
fn leap_year_falgun_has_thirty_days() {
    // In a leap year February itself has the extra day, so Falgun
    // (from 14 February) grows to 30 days yet still ends on 14 March:
    // 29 February is ১৬ ফাল্গুন, 1 March ১৭ ফাল্গুন, and Chaitra still
    // starts on 15 March, exactly as in common years.
    let leap_day = BanglaDate::from(d(2028, 2, 29));
    assert_eq!(leap_day.month, BanglaMonth::Falgun);
    assert_eq!(leap_day.format_bn(), "১৬ ফাল্গুন ১৪৩৪ বঙ্গাব্দ");
    assert_eq!(bangla(2028, 3, 1), "১৭ ফাল্গুন ১৪৩৪ বঙ্গাব্দ");
    assert_eq!(bangla(2028, 3, 14), "৩০ ফাল্গুন ১৪৩৪ বঙ্গাব্দ");
    assert_eq!(bangla(2028, 3, 15), "১ চৈত্র ১৪৩৪ বঙ্গাব্দ");
    assert_eq!(bangla(2028, 2, 21), "৮ ফাল্গুন ১৪৩৪ বঙ্গাব্দ");
    assert_eq!(bangla(2028, 3, 26), "১২ চৈত্র ১৪৩৪ বঙ্গাব্দ");
    assert_eq!(bangla(2024, 2, 29), "১৬ ফাল্গুন ১৪৩০ বঙ্গাব্দ");
    assert_eq!(bangla(2024, 3, 14), "৩০ ফাল্গুন ১৪৩০ বঙ্গাব্দ");
}

#[test]
fn month_starts_match_the_official_table() {
    // First day of each month, from the government calendar; the same
    // Gregorian dates every year since the 2019 revision.
    let starts = [
        (BanglaMonth::Boishakh, 4, 14),
        (BanglaMonth::Joishtho, 5, 15),
        (BanglaMonth::Asharh, 6, 15),
        (BanglaMonth::Shrabon, 7, 16),
        (BanglaMonth::Bhadro, 8, 16),
        (BanglaMonth::Ashwin, 9, 16),
        (BanglaMonth::Kartik, 10, 17),
        (BanglaMonth::Ogrohayon, 11, 16),
        (BanglaMonth::Poush, 12, 16),
        (BanglaMonth::Magh, 1, 15),
        (BanglaMonth::Falgun, 2, 14),
        (BanglaMonth::Chaitra, 3, 15),
    ];
    for first_year in [2019, 2023, 2026, 2027, 2099, 2100] {
        for (month, m, day) in starts {
            let gregorian_year = if m >= 4 { first_year } else { first_year + 1 };
            let date = d(gregorian_year, m, day);
            assert_eq!(
                BanglaDate::from(date),
                BanglaDate {
                    year: first_year - 593,
                    month,
                    day: 1
                },
                "{date}"
            );
        }
    }
}

#[test]
fn every_day_2024_to_2030_advances_by_one() {
    // Month lengths written out independently of the implementation.
    let month_len = |month: BanglaMonth, bangla_year: i32| -> u8 {
        use BanglaMonth::*;
        match month {
            Boishakh | Joishtho | Asharh | Shrabon | Bhadro | Ashwin => 31,
            Kartik | Ogrohayon | Poush | Magh | Chaitra => 30,
            Falgun => {
                // Bangla year Y's Falgun lies in Gregorian year Y + 594.
                let g = bangla_year + 594;
                if g % 4 == 0 && (g % 100 != 0 || g % 400 == 0) {
                    30
                } else {
                    29
                }
            }
        }
    };
    let mut date = d(2023, 12, 31);
    let mut prev = BanglaDate::from(date);
    let mut days = 0;
    let mut falgun_lengths = Vec::new();
    loop {
        date = next_day(date);
        if date.year() > 2030 {
            break;
        }
        days += 1;
        let cur = BanglaDate::from(date);
        assert!(
            (1..=month_len(cur.month, cur.year)).contains(&cur.day),
            "{date} gave {cur:?}"
        );
        let expected = if prev.day < month_len(prev.month, prev.year) {
            BanglaDate {
                day: prev.day + 1,
                ..prev
            }
        } else if prev.month == BanglaMonth::Chaitra {
            BanglaDate {
                year: prev.year + 1,
                month: BanglaMonth::Boishakh,
                day: 1,
            }
        } else {
            let i = BanglaMonth::ALL
                .iter()
                .position(|&m| m == prev.month)
                .unwrap();
            BanglaDate {
                month: BanglaMonth::ALL[i + 1],
                day: 1,
                ..prev
            }
        };
        assert_eq!(cur, expected, "{date} after {prev:?}");
        if prev.month == BanglaMonth::Falgun && cur.month == BanglaMonth::Chaitra {
            falgun_lengths.push((date.year(), prev.day));
        }
        // The year number changes exactly on 14 April.
        let expected_year = if (date.month(), date.day()) >= (4, 14) {
            date.year() - 593
        } else {
            date.year() - 594
        };
        assert_eq!(cur.year, expected_year, "{date}");
        prev = cur;
    }
    assert_eq!(days, 7 * 365 + 2, "2024 and 2028 are leap years");
    assert_eq!(
        falgun_lengths,
        [
            (2024, 30),
            (2025, 29),
            (2026, 29),
            (2027, 29),
            (2028, 30),
            (2029, 29),
            (2030, 29)
        ]
    );
}

#[test]
fn new_year_is_always_14_april() {
    for year in 1600..=2400 {
        let new_year = BanglaDate::from(d(year, 4, 14));
        assert_eq!(
            (new_year.year, new_year.month, new_year.day),
            (year - 593, BanglaMonth::Boishakh, 1)
        );
        let eve = BanglaDate::from(d(year, 4, 13));
        assert_eq!(
            (eve.year, eve.month, eve.day),
            (year - 594, BanglaMonth::Chaitra, 30)
        );
    }
}

#[test]
fn bangla_dates_of_the_first_and_last_days() {
    let early = BanglaDate::from(d(-9999, 1, 1));
    assert_eq!(early.year, -9999 - 594);
    assert_eq!((early.month, early.day), (BanglaMonth::Poush, 17));
    let late = BanglaDate::from(d(9999, 12, 31));
    assert_eq!(late.year, 9999 - 593);
    assert_eq!((late.month, late.day), (BanglaMonth::Poush, 16));
}

// ---- Unicode normalisation -------------------------------------------

/// Code points of each name in NFC, written out by hand. The nukta
/// letters appear as base + U+09BC; ো and ৌ stay precomposed.
const BANGLA_MONTH_NFC: [&[u32]; 12] = [
    &[0x09AC, 0x09C8, 0x09B6, 0x09BE, 0x0996],
    &[0x099C, 0x09CD, 0x09AF, 0x09C8, 0x09B7, 0x09CD, 0x09A0],
    &[0x0986, 0x09B7, 0x09BE, 0x09A2, 0x09BC],
    &[0x09B6, 0x09CD, 0x09B0, 0x09BE, 0x09AC, 0x09A3],
    &[0x09AD, 0x09BE, 0x09A6, 0x09CD, 0x09B0],
    &[0x0986, 0x09B6, 0x09CD, 0x09AC, 0x09BF, 0x09A8],
    &[0x0995, 0x09BE, 0x09B0, 0x09CD, 0x09A4, 0x09BF, 0x0995],
    &[
        0x0985, 0x0997, 0x09CD, 0x09B0, 0x09B9, 0x09BE, 0x09AF, 0x09BC, 0x09A3,
    ],
    &[0x09AA, 0x09CC, 0x09B7],
    &[0x09AE, 0x09BE, 0x0998],
    &[0x09AB, 0x09BE, 0x09B2, 0x09CD, 0x0997, 0x09C1, 0x09A8],
    &[0x099A, 0x09C8, 0x09A4, 0x09CD, 0x09B0],
];

const GREGORIAN_MONTH_BN_NFC: [&[u32]; 12] = [
    &[
        0x099C, 0x09BE, 0x09A8, 0x09C1, 0x09AF, 0x09BC, 0x09BE, 0x09B0, 0x09BF,
    ],
    &[
        0x09AB, 0x09C7, 0x09AC, 0x09CD, 0x09B0, 0x09C1, 0x09AF, 0x09BC, 0x09BE, 0x09B0, 0x09BF,
    ],
    &[0x09AE, 0x09BE, 0x09B0, 0x09CD, 0x099A],
    &[0x098F, 0x09AA, 0x09CD, 0x09B0, 0x09BF, 0x09B2],
    &[0x09AE, 0x09C7],
    &[0x099C, 0x09C1, 0x09A8],
    &[0x099C, 0x09C1, 0x09B2, 0x09BE, 0x0987],
    &[0x0986, 0x0997, 0x09B8, 0x09CD, 0x099F],
    &[
        0x09B8, 0x09C7, 0x09AA, 0x09CD, 0x099F, 0x09C7, 0x09AE, 0x09CD, 0x09AC, 0x09B0,
    ],
    &[0x0985, 0x0995, 0x09CD, 0x099F, 0x09CB, 0x09AC, 0x09B0],
    &[0x09A8, 0x09AD, 0x09C7, 0x09AE, 0x09CD, 0x09AC, 0x09B0],
    &[
        0x09A1, 0x09BF, 0x09B8, 0x09C7, 0x09AE, 0x09CD, 0x09AC, 0x09B0,
    ],
];

const BONGABDO_NFC: &[u32] = &[
    0x09AC, 0x0999, 0x09CD, 0x0997, 0x09BE, 0x09AC, 0x09CD, 0x09A6,
];

fn from_code_points(cps: &[u32]) -> String {
    cps.iter().map(|&c| char::from_u32(c).unwrap()).collect()
}

/// The NFC rules that can bite Bangla text, checked without a
/// normalisation library: no composition-excluded nukta letters, no
/// split vowel signs that NFC would recombine, and nukta (combining
/// class 7) never after virama (class 9).
fn assert_bangla_nfc(s: &str) {
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        assert!(
            !matches!(c, '\u{09DC}' | '\u{09DD}' | '\u{09DF}'),
            "{s:?} uses precomposed {c:?}, which NFC decomposes"
        );
        if let Some(&next) = chars.get(i + 1) {
            assert!(
                !(c == '\u{09C7}' && matches!(next, '\u{09BE}' | '\u{09D7}')),
                "{s:?} spells ো/ৌ in two parts, which NFC composes"
            );
            assert!(
                !(c == '\u{09CD}' && next == '\u{09BC}'),
                "{s:?} has nukta after virama, which NFC reorders"
            );
        }
    }
}

#[test]
fn bangla_month_names_are_nfc() {
    for (month, cps) in BanglaMonth::ALL.iter().zip(BANGLA_MONTH_NFC) {
        assert_eq!(month.name_bn(), from_code_points(cps), "{month:?}");
        assert_bangla_nfc(month.name_bn());
    }
}

#[test]
fn gregorian_month_names_are_nfc() {
    for (name, cps) in GREGORIAN_MONTHS_BN.iter().zip(GREGORIAN_MONTH_BN_NFC) {
        assert_eq!(*name, from_code_points(cps));
        assert_bangla_nfc(name);
    }
}

#[test]
fn formatted_output_is_nfc() {
    let digits =
        |s: &str| -> Vec<u32> { s.bytes().map(|b| 0x09E6 + u32::from(b - b'0')).collect() };
    let space = [0x20_u32];

    // Every Gregorian month in Bangla.
    for (i, cps) in GREGORIAN_MONTH_BN_NFC.iter().enumerate() {
        let month = u8::try_from(i + 1).unwrap();
        let out = d(2026, month, 9).format_bn();
        let expected: Vec<u32> = [&digits("9")[..], &space, cps, &space, &digits("2026")].concat();
        assert_eq!(out, from_code_points(&expected));
        assert_bangla_nfc(&out);
    }

    // Every Bangla month, day 1 of 1433.
    let mut date = d(2026, 4, 14);
    for (month, cps) in BanglaMonth::ALL.iter().zip(BANGLA_MONTH_NFC) {
        while BanglaDate::from(date).month != *month {
            date = next_day(date);
        }
        let out = BanglaDate::from(date).format_bn();
        let expected: Vec<u32> = [
            &digits("1")[..],
            &space,
            cps,
            &space,
            &digits("1433"),
            &space,
            BONGABDO_NFC,
        ]
        .concat();
        assert_eq!(out, from_code_points(&expected), "{month:?}");
        assert_bangla_nfc(&out);
    }
}

#[test]
fn nfc_checker_catches_the_usual_mistakes() {
    let caught = |s: &'static str| std::panic::catch_unwind(|| assert_bangla_nfc(s)).is_err();
    assert!(caught("অগ্রহা\u{09DF}ণ"), "precomposed য়");
    assert!(caught("আষা\u{09DD}"), "precomposed ঢ়");
    assert!(caught("অক্ট\u{09C7}\u{09BE}বর"), "split ো");
    assert!(caught("প\u{09C7}\u{09D7}ষ"), "split ৌ");
    assert!(!caught("অগ্রহা\u{09AF}\u{09BC}ণ"));
}
