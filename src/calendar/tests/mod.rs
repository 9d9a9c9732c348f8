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

mod bangla;
