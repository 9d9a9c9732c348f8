use super::*;
use std::time::{Duration, UNIX_EPOCH};

fn d(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).unwrap_or_else(|| panic!("{year}-{month}-{day} should exist"))
}

fn bangla(year: i32, month: u8, day: u8) -> String {
    BanglaDate::from(d(year, month, day)).format_bn()
}

fn next_day(date: Date) -> Date {
    Date(date.0.tomorrow().expect("a day before 9999-12-31"))
}

fn ymd(date: Date) -> (i32, u8, u8) {
    (date.year(), date.month(), date.day())
}

/// The date in Dhaka `secs` seconds after the Unix epoch.
fn dhaka_date(secs: i64) -> Date {
    Date(bangladesh_time(secs).unwrap().date())
}

/// Seconds from the Unix epoch to `rfc3339`, a UTC time.
fn unix_seconds(rfc3339: &str) -> i64 {
    rfc3339.parse::<Timestamp>().unwrap().as_second()
}

/// The days of `month` of `year` in the Gregorian calendar, worked out
/// apart from the code under test.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
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

// ---- every day of every year ---------------------------------------

#[test]
fn new_accepts_every_real_day_of_every_year_and_no_other() {
    // From -9999 to 9999, the years a Date holds: each month's last day
    // exists, reads back and is written as ISO 8601 (from year 0); the
    // day after it does not exist.
    for year in -9999..=9999 {
        for month in 1..=12 {
            let last = days_in_month(year, month);
            let date = Date::new(year, month, last)
                .unwrap_or_else(|| panic!("{year}-{month}-{last} should exist"));
            assert_eq!(ymd(date), (year, month, last));
            if year >= 0 {
                // A parser reads a negative year only as six digits.
                assert_eq!(date.iso().parse::<civil::Date>().ok(), Some(date.0));
            }
            assert_eq!(Date::new(year, month, last + 1), None, "{year}-{month}");
            assert_eq!(Date::new(year, month, 0), None, "{year}-{month}");
        }
        assert_eq!(Date::new(year, 13, 1), None, "{year}");
    }
}

#[test]
fn new_refuses_years_beyond_9999() {
    assert!(Date::new(9999, 12, 31).is_some());
    assert!(Date::new(-9999, 1, 1).is_some());
    assert_eq!(Date::new(10_000, 1, 1), None);
    assert_eq!(Date::new(-10_000, 12, 31), None);
    // Past what the calendar's own year type holds.
    assert_eq!(Date::new(70_000, 1, 1), None);
    assert_eq!(Date::new(i32::MAX, 1, 1), None);
    assert_eq!(Date::new(i32::MIN, 1, 1), None);
}

// ---- today in Dhaka --------------------------------------------------

#[test]
fn dhaka_day_turns_over_at_1800_utc() {
    // 2026-11-26T18:00:00Z is midnight in Dhaka.
    let midnight = unix_seconds("2026-11-26T18:00:00Z");
    assert_eq!(dhaka_date(midnight - 1), d(2026, 11, 26));
    assert_eq!(dhaka_date(midnight), d(2026, 11, 27));
    // Late evening UTC is already tomorrow in Dhaka.
    let utc_2300 = unix_seconds("2026-12-31T23:00:00Z");
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

mod bangla;
