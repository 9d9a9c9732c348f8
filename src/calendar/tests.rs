use super::*;
use std::time::{Duration, UNIX_EPOCH};

const SECS_PER_DAY: i64 = 86_400;

/// The day Unix time counts from.
const UNIX_EPOCH_DATE: civil::Date = civil::Date::constant(1970, 1, 1);

impl Date {
    /// The date `days` days after 1970-01-01 (negative counts go back).
    fn from_unix_days(days: i64) -> Date {
        jiff::Span::new()
            .try_days(days)
            .and_then(|span| UNIX_EPOCH_DATE.checked_add(span))
            .map(Date)
            .unwrap_or_else(|_| {
                panic!("{days} days from 1970-01-01 is outside the years -9999 to 9999")
            })
    }

    /// Days since 1970-01-01 (negative before it).
    fn to_unix_days(self) -> i64 {
        // Civil days are exactly 24 hours long.
        self.0.duration_since(UNIX_EPOCH_DATE).as_hours() / 24
    }
}

fn d(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).unwrap_or_else(|| panic!("{year}-{month}-{day} should exist"))
}

fn bangla(year: i32, month: u8, day: u8) -> String {
    BanglaDate::from(d(year, month, day)).format_bn()
}

fn next_day(date: Date) -> Date {
    Date::from_unix_days(date.to_unix_days() + 1)
}

fn ymd(date: Date) -> (i32, u8, u8) {
    (date.year(), date.month(), date.day())
}

/// The date in Dhaka `secs` seconds after the Unix epoch.
fn dhaka_date(secs: i64) -> Date {
    Date(bangladesh_time(secs).unwrap().date())
}

// ---- Date::new -------------------------------------------------------

#[test]
fn new_accepts_real_days() {
    let date = Date::new(2026, 11, 27).unwrap();
    assert_eq!((date.year(), date.month(), date.day()), (2026, 11, 27));
    assert!(Date::new(2026, 1, 31).is_some());
    assert!(Date::new(2026, 4, 30).is_some());
    assert!(Date::new(2026, 12, 31).is_some());
    assert!(
        Date::new(0, 2, 29).is_some(),
        "year 0 (1 BC) is a leap year"
    );
    assert!(Date::new(-4, 2, 29).is_some());
}

#[test]
fn new_rejects_impossible_days() {
    assert_eq!(Date::new(2026, 0, 1), None);
    assert_eq!(Date::new(2026, 13, 1), None);
    assert_eq!(Date::new(2026, 255, 1), None);
    assert_eq!(Date::new(2026, 1, 0), None);
    assert_eq!(Date::new(2026, 1, 32), None);
    assert_eq!(Date::new(2026, 4, 31), None);
    assert_eq!(Date::new(2026, 6, 31), None);
    assert_eq!(Date::new(2026, 9, 31), None);
    assert_eq!(Date::new(2026, 11, 31), None);
    assert_eq!(Date::new(2026, 2, 30), None);
}

#[test]
fn new_gets_leap_years_right() {
    assert!(Date::new(2024, 2, 29).is_some());
    assert!(Date::new(2028, 2, 29).is_some());
    assert!(Date::new(2000, 2, 29).is_some(), "divisible by 400");
    assert!(Date::new(2026, 2, 29).is_none());
    assert!(Date::new(2027, 2, 29).is_none());
    assert!(Date::new(1900, 2, 29).is_none(), "century, not by 400");
    assert!(Date::new(2100, 2, 29).is_none());
    assert!(Date::new(2024, 2, 30).is_none());
}

#[test]
fn ordering_is_chronological() {
    assert!(d(2026, 11, 27) < d(2026, 11, 28));
    assert!(d(2026, 11, 30) < d(2026, 12, 1));
    assert!(d(2025, 12, 31) < d(2026, 1, 1));
    assert!(d(-1, 12, 31) < d(0, 1, 1));
}

// ---- ISO output ------------------------------------------------------

#[test]
fn iso_is_zero_padded() {
    assert_eq!(d(2026, 11, 27).iso(), "2026-11-27");
    assert_eq!(d(2026, 1, 5).iso(), "2026-01-05");
    assert_eq!(d(33, 3, 3).iso(), "0033-03-03");
    assert_eq!(d(0, 1, 1).iso(), "0000-01-01");
    assert_eq!(d(-44, 3, 15).iso(), "-0044-03-15");
    assert_eq!(d(9999, 12, 31).iso(), "9999-12-31");
    assert_eq!(d(-9999, 1, 1).iso(), "-9999-01-01");
    assert_eq!(d(2026, 11, 27).to_string(), "2026-11-27");
}

#[test]
fn iso_is_what_a_date_parser_reads() {
    let mut date = d(1999, 1, 1);
    while date.year() < 2032 {
        assert_eq!(date.iso().parse::<civil::Date>().ok(), Some(date.0));
        date = next_day(date);
    }
}

// ---- Unix days -------------------------------------------------------

#[test]
fn unix_days_known_values() {
    assert_eq!(d(1970, 1, 1).to_unix_days(), 0);
    assert_eq!(d(1970, 1, 2).to_unix_days(), 1);
    assert_eq!(d(1969, 12, 31).to_unix_days(), -1);
    assert_eq!(d(2000, 3, 1).to_unix_days(), 11_017);
    assert_eq!(d(2026, 11, 27).to_unix_days(), 20_784);
    assert_eq!(d(1, 1, 1).to_unix_days(), -719_162);
    assert_eq!(d(9999, 12, 31).to_unix_days(), 2_932_896);
    assert_eq!(Date::from_unix_days(0), d(1970, 1, 1));
    assert_eq!(Date::from_unix_days(-1), d(1969, 12, 31));
    assert_eq!(Date::from_unix_days(20_784), d(2026, 11, 27));
    assert_eq!(Date::from_unix_days(-719_162), d(1, 1, 1));
}

#[test]
fn unix_days_round_trip_over_a_wide_range() {
    // About ±2,700 years around 1970, one day at a time, checking that
    // each result is a valid date and the next one is its successor.
    let mut prev = Date::from_unix_days(-1_000_001);
    for days in -1_000_000..=1_000_000_i64 {
        let date = Date::from_unix_days(days);
        assert_eq!(date.to_unix_days(), days);
        let (year, month, day) = ymd(date);
        let (prev_year, prev_month, prev_day) = ymd(prev);
        assert_eq!(Date::new(year, month, day), Some(date));
        assert!(prev < date, "{prev} then {date}");
        let is_successor = (year == prev_year && month == prev_month && day == prev_day + 1)
            || (day == 1
                && Date::new(prev_year, prev_month, prev_day + 1).is_none()
                && ((year == prev_year && month == prev_month + 1)
                    || (year == prev_year + 1 && month == 1 && prev_month == 12)));
        assert!(is_successor, "{date} does not follow {prev}");
        prev = date;
    }
}

#[test]
fn unix_days_round_trip_far_out() {
    let (min, max) = (MIN_UNIX_DAYS, MAX_UNIX_DAYS);
    let mut days = min;
    while days <= max {
        let date = Date::from_unix_days(days);
        assert_eq!(date.to_unix_days(), days);
        let (year, month, day) = ymd(date);
        assert_eq!(Date::new(year, month, day), Some(date));
        days += 7_777; // odd stride so many month/day combinations are hit
    }
    assert_eq!(
        Date::from_unix_days(min),
        d(-9999, 1, 1),
        "earliest representable day"
    );
    assert_eq!(Date::from_unix_days(max), d(9999, 12, 31));
    assert_eq!(d(-9999, 1, 1).to_unix_days(), min);
    assert_eq!(d(9999, 12, 31).to_unix_days(), max);
    assert_eq!(Date::new(10_000, 1, 1), None);
    assert_eq!(Date::new(-10_000, 12, 31), None);
}

/// Days from 1970-01-01 to -9999-01-01 and to 9999-12-31.
const MIN_UNIX_DAYS: i64 = -4_371_587;
const MAX_UNIX_DAYS: i64 = 2_932_896;

#[test]
#[should_panic(expected = "outside the years -9999 to 9999")]
fn from_unix_days_refuses_years_beyond_9999() {
    Date::from_unix_days(MAX_UNIX_DAYS + 1);
}

#[test]
#[should_panic(expected = "outside the years -9999 to 9999")]
fn from_unix_days_refuses_i64_min() {
    Date::from_unix_days(i64::MIN);
}

// ---- today in Dhaka --------------------------------------------------

#[test]
fn dhaka_day_turns_over_at_1800_utc() {
    // 2026-11-26T18:00:00Z is midnight in Dhaka.
    let midnight = d(2026, 11, 26).to_unix_days() * SECS_PER_DAY + 18 * 3600;
    assert_eq!(dhaka_date(midnight - 1), d(2026, 11, 26));
    assert_eq!(dhaka_date(midnight), d(2026, 11, 27));
    // Late evening UTC is already tomorrow in Dhaka.
    let utc_2300 = d(2026, 12, 31).to_unix_days() * SECS_PER_DAY + 23 * 3600;
    assert_eq!(dhaka_date(utc_2300), d(2027, 1, 1));
    // And before the epoch, where division must round down.
    assert_eq!(dhaka_date(0), d(1970, 1, 1));
    assert_eq!(dhaka_date(-1), d(1970, 1, 1));
    assert_eq!(dhaka_date(-6 * 3600), d(1970, 1, 1));
    assert_eq!(dhaka_date(-6 * 3600 - 1), d(1969, 12, 31));
}

#[test]
fn rfc3339_rounds_down_to_the_second() {
    assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00Z");
    assert_eq!(
        rfc3339(UNIX_EPOCH + Duration::from_millis(1_500)),
        "1970-01-01T00:00:01Z"
    );
    assert_eq!(
        rfc3339(UNIX_EPOCH - Duration::from_millis(500)),
        "1969-12-31T23:59:59Z"
    );
    assert_eq!(
        rfc3339(UNIX_EPOCH - Duration::from_secs(2)),
        "1969-12-31T23:59:58Z"
    );
    assert_eq!(
        rfc3339(UNIX_EPOCH - Duration::from_millis(2_001)),
        "1969-12-31T23:59:57Z"
    );
    assert_eq!(
        rfc3339(UNIX_EPOCH + Duration::from_secs(1_795_980_124)),
        "2026-11-29T19:22:04Z"
    );
    // Past the year 9999: the last second shown.
    assert_eq!(
        rfc3339(UNIX_EPOCH + Duration::from_secs(400_000_000_000)),
        "9999-12-30T22:00:00Z"
    );
}

#[test]
fn bangladesh_time_is_six_hours_ahead_of_utc() {
    let t = bangladesh_time(1_795_971_900).unwrap();
    assert_eq!(t.to_string(), "2026-11-29T23:05:00");
    assert_eq!(bangladesh_time(i64::MAX), None);
    assert_eq!(bangladesh_time(i64::MIN), None);
}

#[test]
fn today_matches_the_system_clock() {
    let now = || Date(BANGLADESH.to_datetime(Timestamp::now()).date());
    let before = now();
    let today = Date::today_in_bangladesh();
    let after = now();
    assert!(
        today == before || today == after,
        "{before} ≤ {today} ≤ {after}"
    );
    let (year, month, day) = ymd(today);
    assert_eq!(Date::new(year, month, day), Some(today));
}

// ---- Gregorian formatting --------------------------------------------

#[test]
fn formats_the_charter_example() {
    let date = d(2026, 11, 27);
    assert_eq!(date.format_bn(), "২৭ নভেম্বর ২০২৬");
    assert_eq!(date.format_en(), "27 November 2026");
    assert_eq!(date.iso(), "2026-11-27");
}

#[test]
fn formats_every_month_without_leading_zeros() {
    let expected = [
        ("১ জানুয়ারি ২০২৬", "1 January 2026"),
        ("২ ফেব্রুয়ারি ২০২৬", "2 February 2026"),
        ("৩ মার্চ ২০২৬", "3 March 2026"),
        ("৪ এপ্রিল ২০২৬", "4 April 2026"),
        ("৫ মে ২০২৬", "5 May 2026"),
        ("৬ জুন ২০২৬", "6 June 2026"),
        ("৭ জুলাই ২০২৬", "7 July 2026"),
        ("৮ আগস্ট ২০২৬", "8 August 2026"),
        ("৯ সেপ্টেম্বর ২০২৬", "9 September 2026"),
        ("১০ অক্টোবর ২০২৬", "10 October 2026"),
        ("২১ নভেম্বর ২০২৬", "21 November 2026"),
        ("৩১ ডিসেম্বর ২০২৬", "31 December 2026"),
    ];
    for (i, (bn, en)) in expected.into_iter().enumerate() {
        let month = u8::try_from(i + 1).unwrap();
        let day = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 21, 31][i];
        let date = d(2026, month, day);
        assert_eq!(date.format_bn(), bn);
        assert_eq!(date.format_en(), en);
    }
}

#[test]
fn the_first_and_last_days_format_without_panicking() {
    for date in [d(-9999, 1, 1), d(9999, 12, 31)] {
        assert!(!date.iso().is_empty());
        assert!(!date.format_bn().is_empty());
        assert!(!date.format_en().is_empty());
        let b = BanglaDate::from(date);
        assert!((1..=31).contains(&b.day));
        assert!(!b.format_bn().is_empty());
    }
    assert_eq!(d(-9999, 1, 1).format_en(), "1 January -9999");
}

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
