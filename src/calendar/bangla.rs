//! The Bangla calendar as revised by Bangla Academy and used by the
//! Bangladesh government since 2019: every month starts on a fixed
//! Gregorian day.

use jiff::civil;

use super::Date;
use crate::i18n::bn_digits;

/// পহেলা বৈশাখ, the Bangla new year: 14 April.
const NEW_YEAR: (i8, i8) = (4, 14);

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
    /// Every month, in calendar order from Boishakh.
    pub(super) const ALL: [BanglaMonth; 12] = [
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

    /// The Gregorian month and day the month begins on, the same every
    /// year since the 2019 revision.
    fn first_day(self) -> (i8, i8) {
        match self {
            BanglaMonth::Boishakh => NEW_YEAR,
            BanglaMonth::Joishtho => (5, 15),
            BanglaMonth::Asharh => (6, 15),
            BanglaMonth::Shrabon => (7, 16),
            BanglaMonth::Bhadro => (8, 16),
            BanglaMonth::Ashwin => (9, 16),
            BanglaMonth::Kartik => (10, 17),
            BanglaMonth::Ogrohayon => (11, 16),
            BanglaMonth::Poush => (12, 16),
            BanglaMonth::Magh => (1, 15),
            BanglaMonth::Falgun => (2, 14),
            BanglaMonth::Chaitra => (3, 15),
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

/// Every month starts on the same Gregorian day each year, so Falgun,
/// which spans the end of February, gains a day in a leap year. That
/// keeps the two calendars in lock-step, so 21 February is always
/// ৮ ফাল্গুন, 26 March ১২ চৈত্র and 16 December ১ পৌষ.
impl From<Date> for BanglaDate {
    fn from(date: Date) -> BanglaDate {
        let today = (date.0.month(), date.0.day());
        // 1 January to 13 April end the Bangla year that began the April
        // before, so they come after December in its order.
        let in_year_order = |(month, day): (i8, i8)| {
            if (month, day) < NEW_YEAR {
                (month + 12, day)
            } else {
                (month, day)
            }
        };
        let month = BanglaMonth::ALL
            .into_iter()
            .rfind(|m| in_year_order(m.first_day()) <= in_year_order(today))
            .unwrap_or(BanglaMonth::Boishakh);
        let (first_month, first_day) = month.first_day();
        let days_before = if first_month <= today.0 {
            // Every month starts on a day each Gregorian year has.
            let first = civil::Date::constant(date.0.year(), first_month, first_day);
            date.0.day_of_year() - first.day_of_year()
        } else {
            // Poush, begun in December of the Gregorian year before.
            i16::from(31 - first_day) + date.0.day_of_year()
        };
        let year = date.year() - if today < NEW_YEAR { 594 } else { 593 };
        BanglaDate {
            year,
            month,
            // No month is longer than 31 days.
            day: (days_before + 1) as u8,
        }
    }
}
