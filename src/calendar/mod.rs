//! Dates as the citizen charter shows them: Gregorian dates written in
//! Bangla or English, and the revised Bangladesh Bangla calendar
//! (বঙ্গাব্দ) that government notices carry alongside them.
//!
//! Gregorian arithmetic is `jiff`'s. The only zone we ever need is
//! Asia/Dhaka, a fixed UTC+6 without daylight saving, so a fixed offset
//! stands in for a time-zone database. The revised Bangla calendar
//! ([`BanglaDate`]) is pinned to Gregorian dates by fixed month starts.
//!
//! Every Bangla string here is in Unicode NFC. That matters because
//! NFC keeps য়, ড় and ঢ় as a base letter plus nukta (U+09BC): the
//! precomposed code points U+09DF, U+09DC and U+09DD are composition
//! exclusions, so text that uses them compares unequal to the
//! normalised spelling that searching and matching elsewhere rely on.
//! The nukta letters are therefore spelled with `\u{..}` escapes
//! below, so that an editor cannot silently swap in the precomposed
//! form.

mod bangla;

use std::fmt;
use std::time::SystemTime;

use jiff::Timestamp;
use jiff::civil::{self, DateTime};
use jiff::tz::{self, Offset};

pub use bangla::{BanglaDate, BanglaMonth};

use crate::i18n::bn_digits;

/// Bangladesh Standard Time: UTC+6 all year, without daylight saving
/// since 2009.
const BANGLADESH: Offset = tz::offset(6);

/// The Gregorian months in English, January first.
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

/// The Gregorian months as Bangla writes them, January first.
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

/// A day in the proleptic Gregorian calendar, from year -9999 to 9999
/// (astronomical numbering: 1 BC is year 0). Only real days can be
/// built, so a 30 February never reaches the formatting below. The
/// derived ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(civil::Date);

impl Date {
    /// Returns the date if it exists, so callers can't carry around a
    /// 30 February that only fails later while being formatted.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let year = i16::try_from(year).ok()?;
        let month = i8::try_from(month).ok()?;
        let day = i8::try_from(day).ok()?;
        civil::Date::new(year, month, day).ok().map(Date)
    }

    /// Today's date for someone standing in Bangladesh, whatever zone the
    /// server itself is configured for.
    pub fn today_in_bangladesh() -> Date {
        Date(BANGLADESH.to_datetime(Timestamp::now()).date())
    }

    /// The year; 1 BC is year 0.
    pub fn year(&self) -> i32 {
        i32::from(self.0.year())
    }

    /// 1 = January … 12 = December.
    pub fn month(&self) -> u8 {
        self.0.month().unsigned_abs()
    }

    /// 1-based day of the month.
    pub fn day(&self) -> u8 {
        self.0.day().unsigned_abs()
    }

    /// `YYYY-MM-DD`, the form `<time datetime="…">` and `<input
    /// type="date">` expect. Years before 0 get a leading minus, as in
    /// ISO 8601, though the charter never needs them.
    pub fn iso(&self) -> String {
        let sign = if self.year() < 0 { "-" } else { "" };
        format!(
            "{sign}{:04}-{:02}-{:02}",
            self.year().unsigned_abs(),
            self.month(),
            self.day()
        )
    }

    /// The date as Bangla readers write it, e.g. "২৭ নভেম্বর ২০২৬": Bangla
    /// digits, Bangla spelling of the Gregorian month, no leading zero.
    pub fn format_bn(&self) -> String {
        let month = GREGORIAN_MONTHS_BN[self.month_index()];
        bn_digits(&format!("{} {month} {}", self.day(), self.year()))
    }

    /// The English counterpart of [`Date::format_bn`], e.g.
    /// "27 November 2026"; day-first to match Bangladeshi usage.
    pub fn format_en(&self) -> String {
        let month = GREGORIAN_MONTHS_EN[self.month_index()];
        format!("{} {month} {}", self.day(), self.year())
    }

    /// 0 = January … 11 = December.
    fn month_index(&self) -> usize {
        usize::from(self.month()) - 1
    }
}

/// Shows the ISO form.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// The date and time in Bangladesh `unix_seconds` after 1970-01-01 UTC;
/// `None` beyond the years -9999 to 9999 (a damaged record may say
/// anything).
pub fn bangladesh_time(unix_seconds: i64) -> Option<DateTime> {
    let at = Timestamp::from_second(unix_seconds).ok()?;
    Some(BANGLADESH.to_datetime(at))
}

/// `t` in UTC as RFC 3339 to the second, e.g. `2026-11-29T19:22:04Z`
/// (fractions of a second are dropped, so an instant belongs to the
/// second it falls in). A time beyond the years -9999 to 9999 is shown
/// as the nearest one within them.
pub fn rfc3339(t: SystemTime) -> String {
    let at = Timestamp::try_from(t).unwrap_or(if t < SystemTime::UNIX_EPOCH {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    });
    format!("{at:.0}")
}

#[cfg(test)]
mod tests;
