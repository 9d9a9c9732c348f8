//! Dates as the citizen charter shows them: Gregorian dates written in
//! Bangla or English, and the revised Bangladesh Bangla calendar
//! (বঙ্গাব্দ) that government notices carry alongside them.
//!
//! Everything is plain integer arithmetic on purpose. The only zone we
//! ever need is Asia/Dhaka, a fixed UTC+6 without daylight saving, and
//! the revised Bangla calendar is pinned to Gregorian dates by fixed
//! month lengths, so neither a time-zone database nor an astronomical
//! model would buy anything.
//!
//! Every Bangla string here is in Unicode NFC. That matters because
//! NFC keeps য়, ড় and ঢ় as a base letter plus nukta (U+09BC): the
//! precomposed code points U+09DF, U+09DC and U+09DD are composition
//! exclusions, so text that uses them compares unequal to the
//! normalised spelling that searching and matching elsewhere rely on.
//! The nukta letters are therefore spelled with `\u{..}` escapes
//! below, so that an editor cannot silently swap in the precomposed
//! form.

use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::i18n::bn_digits;

/// Asia/Dhaka has been a fixed UTC+6 since the short-lived 2009
/// daylight-saving experiment ended, and we only ever ask for "today".
const DHAKA_UTC_OFFSET_SECS: i64 = 6 * 60 * 60;
const SECS_PER_DAY: i64 = 86_400;

/// Shifts the civil calendar so that years start on 1 March, which puts
/// the leap day last and lets Hinnant's formulas ignore it.
const DAYS_FROM_0000_03_01_TO_EPOCH: i64 = 719_468;
/// Days in a 400-year Gregorian cycle, after which everything repeats.
const DAYS_PER_ERA: i64 = 146_097;

/// The range `from_unix_days` can map back to an `i32` year; checked up
/// front so the arithmetic below can never overflow.
const MIN_UNIX_DAYS: i64 = days_from_civil(i32::MIN as i64, 1, 1);
const MAX_UNIX_DAYS: i64 = days_from_civil(i32::MAX as i64, 12, 31);

/// How much of a rejected input an error message repeats: enough to
/// recognise it, not so much that a hostile query string floods a log.
const MAX_ECHOED_CHARS: usize = 40;

pub(crate) const GREGORIAN_MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const GREGORIAN_MONTHS_BN: [&str; 12] = [
    "জানু\u{09AF}\u{09BC}ারি",
    "ফেব্রু\u{09AF}\u{09BC}ারি",
    "মার্চ",
    "এপ্রিল",
    "মে",
    "জুন",
    "জুলাই",
    "আগস্ট",
    "সেপ্টেম্বর",
    "অক্টোবর",
    "নভেম্বর",
    "ডিসেম্বর",
];

/// A day in the proleptic Gregorian calendar.
///
/// The fields are public so handlers can destructure and match on them;
/// build values through [`Date::new`], parsing or [`Date::from_unix_days`]
/// so they name a real day. A hand-built impossible date (say month 13)
/// never panics in the methods below, but what they return for it is
/// unspecified.
///
/// The field order makes the derived ordering chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Astronomical year numbering: 1 BC is year 0.
    pub year: i32,
    /// 1 = January … 12 = December.
    pub month: u8,
    /// 1-based day of the month.
    pub day: u8,
}

impl Date {
    /// Returns the date if it exists, so callers can't carry around a
    /// 30 February that only fails later while being formatted.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let month_len = days_in_month(i64::from(year), month);
        (day >= 1 && day <= month_len).then_some(Date { year, month, day })
    }

    /// Today's date for someone standing in Bangladesh, whatever zone the
    /// server itself is configured for.
    pub fn today_in_bangladesh() -> Date {
        Date::from_unix_seconds_in_dhaka(unix_seconds(SystemTime::now()))
    }

    /// Split out from [`Date::today_in_bangladesh`] so the midnight
    /// boundary can be tested without controlling the clock.
    fn from_unix_seconds_in_dhaka(secs: i64) -> Date {
        let local = secs.saturating_add(DHAKA_UTC_OFFSET_SECS);
        Date::from_unix_days(local.div_euclid(SECS_PER_DAY))
    }

    /// The date `days` days after 1970-01-01 (negative counts go back),
    /// using Howard Hinnant's `civil_from_days`
    /// (<https://howardhinnant.github.io/date_algorithms.html>).
    ///
    /// # Panics
    ///
    /// If the result's year would not fit in an `i32`, i.e. `days` is
    /// beyond roughly ±784 billion. No clock produces such values.
    pub fn from_unix_days(days: i64) -> Date {
        assert!(
            (MIN_UNIX_DAYS..=MAX_UNIX_DAYS).contains(&days),
            "{days} days from 1970-01-01 is outside the years an i32 can hold"
        );
        let z = days + DAYS_FROM_0000_03_01_TO_EPOCH;
        let era = z.div_euclid(DAYS_PER_ERA);
        let day_of_era = z - era * DAYS_PER_ERA; // [0, 146096]
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365; // [0, 399]
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153; // 0 = March … 11 = February
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            // The range check above keeps these lossless.
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Days since 1970-01-01 (negative before it), using Howard Hinnant's
    /// `days_from_civil`. Handy for date arithmetic and for comparing
    /// against timestamps.
    pub fn to_unix_days(&self) -> i64 {
        days_from_civil(i64::from(self.year), self.month, self.day)
    }

    /// `YYYY-MM-DD`, the form `<time datetime="…">` and `<input
    /// type="date">` expect. Years before 0 get a leading minus, as in
    /// ISO 8601, though the charter never needs them.
    pub fn iso(&self) -> String {
        let sign = if self.year < 0 { "-" } else { "" };
        format!(
            "{sign}{:04}-{:02}-{:02}",
            self.year.unsigned_abs(),
            self.month,
            self.day
        )
    }

    /// The date as Bangla readers write it, e.g. "২৭ নভেম্বর ২০২৬": Bangla
    /// digits, Bangla spelling of the Gregorian month, no leading zero.
    pub fn format_bn(&self) -> String {
        let month = gregorian_month_name(&GREGORIAN_MONTHS_BN, self.month);
        bn_digits(&format!("{} {month} {}", self.day, self.year))
    }

    /// The English counterpart of [`Date::format_bn`], e.g.
    /// "27 November 2026"; day-first to match Bangladeshi usage.
    pub fn format_en(&self) -> String {
        let month = gregorian_month_name(&GREGORIAN_MONTHS_EN, self.month);
        format!("{} {month} {}", self.day, self.year)
    }
}

/// Shows the ISO form, so that `to_string` and `parse` round-trip.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// Why text could not be read as a [`Date`]. Its `Display` is meant to
/// be shown to whoever typed the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseDateError {
    /// The text is not shaped like `YYYY-MM-DD` (four, two and two ASCII
    /// digits joined by hyphens, nothing around them).
    Format {
        /// The rejected text, cut short if it was long.
        input: String,
    },
    /// The text is well formed but names a day the calendar lacks, such
    /// as 2026-02-30 or 2026-13-01.
    NoSuchDay {
        /// The year as written.
        year: i32,
        /// The month as written, possibly outside 1–12.
        month: u8,
        /// The day as written, possibly 0 or past the month's end.
        day: u8,
    },
}

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseDateError::Format { input } => write!(
                f,
                "expected a date written as YYYY-MM-DD, such as 2026-11-27, but got {input:?}"
            ),
            &ParseDateError::NoSuchDay { year, month, day } => {
                write!(f, "{year:04}-{month:02}-{day:02} is not a real date: ")?;
                if !(1..=12).contains(&month) {
                    f.write_str("the month must be between 01 and 12")
                } else if day == 0 {
                    f.write_str("days are numbered from 01")
                } else {
                    let name = gregorian_month_name(&GREGORIAN_MONTHS_EN, month);
                    let len = days_in_month(i64::from(year), month);
                    write!(f, "{name} {year} has only {len} days")
                }
            }
        }
    }
}

impl std::error::Error for ParseDateError {}

/// Accepts exactly `YYYY-MM-DD`, what `<input type="date">` submits.
/// Anything looser (no zero padding, surrounding spaces, other
/// separators) is refused rather than guessed at, because a misread
/// deadline on a charter is worse than asking again.
impl FromStr for Date {
    type Err = ParseDateError;

    fn from_str(s: &str) -> Result<Date, ParseDateError> {
        let bytes = s.as_bytes();
        let well_formed = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, &b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !well_formed {
            let mut input: String = s.chars().take(MAX_ECHOED_CHARS).collect();
            if input.len() < s.len() {
                input.push('…');
            }
            return Err(ParseDateError::Format { input });
        }
        let number = |digits: &[u8]| {
            digits
                .iter()
                .fold(0_u16, |acc, &b| acc * 10 + u16::from(b - b'0'))
        };
        let year = i32::from(number(&bytes[0..4]));
        // Two digits are at most 99, so these fit.
        let month = number(&bytes[5..7]) as u8;
        let day = number(&bytes[8..10]) as u8;
        Date::new(year, month, day).ok_or(ParseDateError::NoSuchDay { year, month, day })
    }
}

/// A month of the revised Bangla calendar, in calendar order from the
/// new year (পহেলা বৈশাখ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BanglaMonth {
    /// বৈশাখ, from 14 April; 31 days.
    Boishakh,
    /// জ্যৈষ্ঠ, from 15 May; 31 days.
    Joishtho,
    /// আষাঢ়, from 15 June; 31 days.
    Asharh,
    /// শ্রাবণ, from 16 July; 31 days.
    Shrabon,
    /// ভাদ্র, from 16 August; 31 days.
    Bhadro,
    /// আশ্বিন, from 16 September; 31 days.
    Ashwin,
    /// কার্তিক, from 17 October; 30 days.
    Kartik,
    /// অগ্রহায়ণ, from 16 November; 30 days.
    Ogrohayon,
    /// পৌষ, from 16 December; 30 days.
    Poush,
    /// মাঘ, from 15 January; 30 days.
    Magh,
    /// ফাল্গুন, from 14 February; 29 days, 30 in a Gregorian leap year.
    Falgun,
    /// চৈত্র, from 15 March; 30 days.
    Chaitra,
}

impl BanglaMonth {
    const ALL: [BanglaMonth; 12] = [
        BanglaMonth::Boishakh,
        BanglaMonth::Joishtho,
        BanglaMonth::Asharh,
        BanglaMonth::Shrabon,
        BanglaMonth::Bhadro,
        BanglaMonth::Ashwin,
        BanglaMonth::Kartik,
        BanglaMonth::Ogrohayon,
        BanglaMonth::Poush,
        BanglaMonth::Magh,
        BanglaMonth::Falgun,
        BanglaMonth::Chaitra,
    ];

    /// The month's name in Bangla script, in NFC.
    pub fn name_bn(&self) -> &'static str {
        match self {
            BanglaMonth::Boishakh => "বৈশাখ",
            BanglaMonth::Joishtho => "জ্যৈষ্ঠ",
            BanglaMonth::Asharh => "আষা\u{09A2}\u{09BC}",
            BanglaMonth::Shrabon => "শ্রাবণ",
            BanglaMonth::Bhadro => "ভাদ্র",
            BanglaMonth::Ashwin => "আশ্বিন",
            BanglaMonth::Kartik => "কার্তিক",
            BanglaMonth::Ogrohayon => "অগ্রহা\u{09AF}\u{09BC}ণ",
            BanglaMonth::Poush => "পৌষ",
            BanglaMonth::Magh => "মাঘ",
            BanglaMonth::Falgun => "ফাল্গুন",
            BanglaMonth::Chaitra => "চৈত্র",
        }
    }

    /// Only Falgun varies, and whether it does depends on the Gregorian
    /// February it spans, which the caller knows and the month does not.
    fn len(self, falgun_len: i64) -> i64 {
        match self {
            BanglaMonth::Boishakh
            | BanglaMonth::Joishtho
            | BanglaMonth::Asharh
            | BanglaMonth::Shrabon
            | BanglaMonth::Bhadro
            | BanglaMonth::Ashwin => 31,
            BanglaMonth::Falgun => falgun_len,
            _ => 30,
        }
    }
}

/// A day in the Bangla calendar as revised by Bangla Academy and used
/// by the Bangladesh government since 2019, which is what official
/// documents are dated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BanglaDate {
    /// বঙ্গাব্দ year; 1433 starts on 14 April 2026.
    pub year: i32,
    /// Month within that year.
    pub month: BanglaMonth,
    /// 1-based day of the month.
    pub day: u8,
}

impl BanglaDate {
    /// The date as printed on notices, e.g. "১৩ অগ্রহায়ণ ১৪৩৩ বঙ্গাব্দ".
    pub fn format_bn(&self) -> String {
        bn_digits(&format!(
            "{} {} {} বঙ্গাব্দ",
            self.day,
            self.month.name_bn(),
            self.year
        ))
    }
}

/// The revised calendar fixes 1 Boishakh on 14 April and gives every
/// month a fixed length, except that Falgun gains a day when the
/// February it spans has a leap day. That keeps the two calendars in
/// lock-step, so 21 February is always ৮ ফাল্গুন, 26 March ১২ চৈত্র and
/// 16 December ১ পৌষ.
impl From<Date> for BanglaDate {
    fn from(date: Date) -> BanglaDate {
        let before_new_year = (date.month, date.day) < (4, 14);
        // The Gregorian year whose 14 April began this Bangla year; i64
        // so that even year i32::MIN has a predecessor.
        let start_year = i64::from(date.year) - i64::from(before_new_year);
        let year = date
            .year
            .saturating_sub(if before_new_year { 594 } else { 593 });
        let falgun_len = if is_leap_year(start_year + 1) { 30 } else { 29 };
        let year_len: i64 = BanglaMonth::ALL.iter().map(|m| m.len(falgun_len)).sum();

        // Real dates always land inside the year; the clamp only keeps a
        // hand-built impossible `Date` from running off the end.
        let mut rest =
            (date.to_unix_days() - days_from_civil(start_year, 4, 14)).clamp(0, year_len - 1);
        let mut month = BanglaMonth::Boishakh;
        for m in BanglaMonth::ALL {
            month = m;
            if rest < m.len(falgun_len) {
                break;
            }
            rest -= m.len(falgun_len);
        }
        BanglaDate {
            year,
            month,
            // `rest` is below the month's length, at most 31.
            day: (rest + 1) as u8,
        }
    }
}

/// Howard Hinnant's `days_from_civil`. It takes an `i64` year so callers
/// can step past `i32`'s ends, and accepts any month or day without
/// panicking (out-of-range values just give a meaningless count).
const fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let month = month as i64;
    let day = day as i64;
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400; // [0, 399]
    let shifted_month = (month + 9) % 12; // 0 = March … 11 = February
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * DAYS_PER_ERA + day_of_era - DAYS_FROM_0000_03_01_TO_EPOCH
}

const fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// 0 for a month that doesn't exist, so "day ≤ length" doubles as the
/// month check in [`Date::new`].
fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Falls back to "?" so that formatting a hand-built invalid `Date`
/// degrades instead of panicking mid-page.
fn gregorian_month_name(names: &[&'static str; 12], month: u8) -> &'static str {
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| names.get(i))
        .copied()
        .unwrap_or("?")
}

/// Whole seconds since the Unix epoch, rounded down so that an instant
/// just before the epoch still belongs to 31 December 1969.
fn unix_seconds(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(err) => {
            let before = err.duration();
            let secs = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
            if before.subsec_nanos() > 0 {
                -secs - 1
            } else {
                -secs
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn d(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).unwrap_or_else(|| panic!("{year}-{month}-{day} should exist"))
    }

    fn bangla(year: i32, month: u8, day: u8) -> String {
        BanglaDate::from(d(year, month, day)).format_bn()
    }

    fn next_day(date: Date) -> Date {
        Date::from_unix_days(date.to_unix_days() + 1)
    }

    // ---- Date::new -------------------------------------------------------

    #[test]
    fn new_accepts_real_days() {
        assert_eq!(
            Date::new(2026, 11, 27),
            Some(Date {
                year: 2026,
                month: 11,
                day: 27
            })
        );
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

    // ---- parsing ---------------------------------------------------------

    #[test]
    fn parses_iso_dates() {
        assert_eq!("2026-11-27".parse(), Ok(d(2026, 11, 27)));
        assert_eq!("2024-02-29".parse(), Ok(d(2024, 2, 29)));
        assert_eq!("0000-01-01".parse(), Ok(d(0, 1, 1)));
        assert_eq!("9999-12-31".parse(), Ok(d(9999, 12, 31)));
    }

    #[test]
    fn parse_rejects_days_that_do_not_exist() {
        assert_eq!(
            "2026-02-30".parse::<Date>(),
            Err(ParseDateError::NoSuchDay {
                year: 2026,
                month: 2,
                day: 30
            })
        );
        assert_eq!(
            "2026-13-01".parse::<Date>(),
            Err(ParseDateError::NoSuchDay {
                year: 2026,
                month: 13,
                day: 1
            })
        );
        assert!(matches!(
            "2026-00-10".parse::<Date>(),
            Err(ParseDateError::NoSuchDay { .. })
        ));
        assert!(matches!(
            "2026-01-00".parse::<Date>(),
            Err(ParseDateError::NoSuchDay { .. })
        ));
        assert!(matches!(
            "2026-02-29".parse::<Date>(),
            Err(ParseDateError::NoSuchDay { .. })
        ));
    }

    #[test]
    fn parse_rejects_malformed_text() {
        for bad in [
            "2026-1-1x",
            "2026-1-1",
            "2026-11-7",
            "",
            "2026",
            "2026-11",
            "2026/11/27",
            "27-11-2026",
            " 2026-11-27",
            "2026-11-27 ",
            "2026-11-27\n",
            "2026-11-27T00:00",
            "+026-11-27",
            "-026-11-27",
            "20261127xx",
            "2026--11-2",
            "২০২৬-১১-২৭",
            "２０２６-１１-２７",
        ] {
            assert_eq!(
                bad.parse::<Date>(),
                Err(ParseDateError::Format {
                    input: bad.to_string()
                }),
                "{bad:?} should be refused as malformed"
            );
        }
    }

    #[test]
    fn parse_errors_explain_themselves() {
        let msg = |s: &str| s.parse::<Date>().unwrap_err().to_string();
        assert_eq!(
            msg("2026-1-1x"),
            "expected a date written as YYYY-MM-DD, such as 2026-11-27, but got \"2026-1-1x\""
        );
        assert_eq!(
            msg("2026-02-30"),
            "2026-02-30 is not a real date: February 2026 has only 28 days"
        );
        assert_eq!(
            msg("2024-02-30"),
            "2024-02-30 is not a real date: February 2024 has only 29 days"
        );
        assert_eq!(
            msg("2026-04-31"),
            "2026-04-31 is not a real date: April 2026 has only 30 days"
        );
        assert_eq!(
            msg("2026-13-01"),
            "2026-13-01 is not a real date: the month must be between 01 and 12"
        );
        assert_eq!(
            msg("2026-05-00"),
            "2026-05-00 is not a real date: days are numbered from 01"
        );
        // Control characters are escaped rather than written raw.
        assert!(msg("2026-11-27\n").ends_with("got \"2026-11-27\\n\""));
    }

    #[test]
    fn parse_error_truncates_long_input() {
        let long = "x".repeat(10_000);
        let err = long.parse::<Date>().unwrap_err();
        let ParseDateError::Format { input } = &err else {
            panic!("expected a format error, got {err:?}");
        };
        assert_eq!(input.chars().count(), MAX_ECHOED_CHARS + 1);
        assert!(input.ends_with('…'));
        assert!(err.to_string().len() < 200);

        // Truncation counts characters, so multi-byte text is cut cleanly.
        let bangla_text = "বাংলা".repeat(50);
        let Err(ParseDateError::Format { input }) = bangla_text.parse::<Date>() else {
            panic!("expected a format error");
        };
        assert_eq!(input.chars().count(), MAX_ECHOED_CHARS + 1);
    }

    #[test]
    fn parse_error_is_a_std_error() {
        let err: Box<dyn std::error::Error> = Box::new("nope".parse::<Date>().unwrap_err());
        assert!(err.to_string().contains("YYYY-MM-DD"));
    }

    // ---- ISO output ------------------------------------------------------

    #[test]
    fn iso_is_zero_padded() {
        assert_eq!(d(2026, 11, 27).iso(), "2026-11-27");
        assert_eq!(d(2026, 1, 5).iso(), "2026-01-05");
        assert_eq!(d(33, 3, 3).iso(), "0033-03-03");
        assert_eq!(d(0, 1, 1).iso(), "0000-01-01");
        assert_eq!(d(-44, 3, 15).iso(), "-0044-03-15");
        assert_eq!(d(12345, 6, 7).iso(), "12345-06-07");
        assert_eq!(d(2026, 11, 27).to_string(), "2026-11-27");
    }

    #[test]
    fn iso_round_trips_through_parse() {
        let mut date = d(1999, 1, 1);
        while date.year < 2032 {
            assert_eq!(date.iso().parse::<Date>(), Ok(date));
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
            assert_eq!(Date::new(date.year, date.month, date.day), Some(date));
            assert!(prev < date, "{prev} then {date}");
            let is_successor = (date.year == prev.year
                && date.month == prev.month
                && date.day == prev.day + 1)
                || (date.day == 1
                    && Date::new(prev.year, prev.month, prev.day + 1).is_none()
                    && ((date.year == prev.year && date.month == prev.month + 1)
                        || (date.year == prev.year + 1 && date.month == 1 && prev.month == 12)));
            assert!(is_successor, "{date} does not follow {prev}");
            prev = date;
        }
    }

    #[test]
    fn unix_days_round_trip_far_out() {
        let mut days = MIN_UNIX_DAYS;
        while days <= MAX_UNIX_DAYS {
            let date = Date::from_unix_days(days);
            assert_eq!(date.to_unix_days(), days);
            assert_eq!(Date::new(date.year, date.month, date.day), Some(date));
            days += 7_777_777_777; // odd stride so many month/day combinations are hit
        }
        assert_eq!(
            Date::from_unix_days(MIN_UNIX_DAYS),
            d(i32::MIN, 1, 1),
            "earliest representable day"
        );
        assert_eq!(Date::from_unix_days(MAX_UNIX_DAYS), d(i32::MAX, 12, 31));
        assert_eq!(d(i32::MIN, 1, 1).to_unix_days(), MIN_UNIX_DAYS);
        assert_eq!(d(i32::MAX, 12, 31).to_unix_days(), MAX_UNIX_DAYS);
    }

    #[test]
    #[should_panic(expected = "outside the years an i32 can hold")]
    fn from_unix_days_refuses_years_beyond_i32() {
        Date::from_unix_days(MAX_UNIX_DAYS + 1);
    }

    #[test]
    #[should_panic(expected = "outside the years an i32 can hold")]
    fn from_unix_days_refuses_i64_min() {
        Date::from_unix_days(i64::MIN);
    }

    // ---- today in Dhaka --------------------------------------------------

    #[test]
    fn dhaka_day_turns_over_at_1800_utc() {
        // 2026-11-26T18:00:00Z is midnight in Dhaka.
        let midnight = d(2026, 11, 26).to_unix_days() * SECS_PER_DAY + 18 * 3600;
        assert_eq!(
            Date::from_unix_seconds_in_dhaka(midnight - 1),
            d(2026, 11, 26)
        );
        assert_eq!(Date::from_unix_seconds_in_dhaka(midnight), d(2026, 11, 27));
        // Late evening UTC is already tomorrow in Dhaka.
        let utc_2300 = d(2026, 12, 31).to_unix_days() * SECS_PER_DAY + 23 * 3600;
        assert_eq!(Date::from_unix_seconds_in_dhaka(utc_2300), d(2027, 1, 1));
        // And before the epoch, where division must round down.
        assert_eq!(Date::from_unix_seconds_in_dhaka(0), d(1970, 1, 1));
        assert_eq!(Date::from_unix_seconds_in_dhaka(-1), d(1970, 1, 1));
        assert_eq!(Date::from_unix_seconds_in_dhaka(-6 * 3600), d(1970, 1, 1));
        assert_eq!(
            Date::from_unix_seconds_in_dhaka(-6 * 3600 - 1),
            d(1969, 12, 31)
        );
    }

    #[test]
    fn unix_seconds_rounds_down() {
        assert_eq!(unix_seconds(UNIX_EPOCH), 0);
        assert_eq!(unix_seconds(UNIX_EPOCH + Duration::from_millis(1_500)), 1);
        assert_eq!(unix_seconds(UNIX_EPOCH - Duration::from_millis(500)), -1);
        assert_eq!(unix_seconds(UNIX_EPOCH - Duration::from_secs(2)), -2);
        assert_eq!(unix_seconds(UNIX_EPOCH - Duration::from_millis(2_001)), -3);
    }

    #[test]
    fn today_matches_the_system_clock() {
        let before = Date::from_unix_seconds_in_dhaka(unix_seconds(SystemTime::now()));
        let today = Date::today_in_bangladesh();
        let after = Date::from_unix_seconds_in_dhaka(unix_seconds(SystemTime::now()));
        assert!(
            today == before || today == after,
            "{before} ≤ {today} ≤ {after}"
        );
        assert_eq!(Date::new(today.year, today.month, today.day), Some(today));
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
    fn hand_built_invalid_dates_do_not_panic() {
        let raw = |year, month, day| Date { year, month, day };
        let weird = [
            raw(2026, 13, 1),
            raw(2026, 0, 0),
            raw(2026, 2, 255),
            raw(2026, 255, 255),
            raw(i32::MIN, 1, 1),
            raw(i32::MAX, 12, 31),
            raw(i32::MIN, 0, 0),
            raw(i32::MAX, 255, 255),
        ];
        for date in weird {
            let _ = date.iso();
            let _ = date.to_unix_days();
            assert!(!date.format_bn().is_empty());
            assert!(!date.format_en().is_empty());
            let b = BanglaDate::from(date);
            assert!((1..=31).contains(&b.day));
            let _ = b.format_bn();
        }
        assert_eq!(raw(2026, 13, 1).format_en(), "1 ? 2026");
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
            if date.year > 2030 {
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
                falgun_lengths.push((date.year, prev.day));
            }
            // The year number changes exactly on 14 April.
            let expected_year = if (date.month, date.day) >= (4, 14) {
                date.year - 593
            } else {
                date.year - 594
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
    fn bangla_year_saturates_instead_of_overflowing() {
        let early = BanglaDate::from(d(i32::MIN, 1, 1));
        assert_eq!(early.year, i32::MIN);
        assert_eq!((early.month, early.day), (BanglaMonth::Poush, 17));
        let late = BanglaDate::from(d(i32::MAX, 12, 31));
        assert_eq!(late.year, i32::MAX - 593);
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
            let expected: Vec<u32> =
                [&digits("9")[..], &space, cps, &space, &digits("2026")].concat();
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
}
