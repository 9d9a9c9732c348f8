//! Import of a citizen charter published on the National Portal.
//!
//! The portal's charter, scraped to text, is a list of lines: the office
//! details (government, office, department, "upazila, district", website and
//! the title "সিটিজেন চার্টার"), the heading "১. ভিশন ও মিশন" with the vision and
//! mission, then one table per service group ("২.১) নাগরিক সেবা",
//! "২.২) প্রাতিষ্ঠানিক সেবা", "২.৩) অভ্যন্তরীণ সেবা"), one row per line, cells
//! separated by tabs. [`import`] turns it into the text of a `charter.toml` with
//! the Bangla side only, for staff to complete with English.
//!
//! What the scrape does to a table, and how it is undone:
//! - A row cut in two continues on a line whose first cell is empty: its cells
//!   are appended to the row above.
//! - A merged officer cell is empty on every row but the first: the officer is
//!   the one of the row above, within the same table.
//! - Cells may hold markup (`<p>…</p>`) and entities (`&amp;`): removed.
//! - Numbered lists ("১। … ২। …") in the delivery and documents cells become
//!   TOML lists, like the hand-made charter.
//!
//! The text is read into a [`Charter`](crate::charter::Charter) (the model `charter check` reads a
//! file into), written out by [`to_toml`], and read back by the same loader
//! as `charter check` before it is given out.

mod lists;
mod officers;
mod portal;
mod tables;
mod text;
mod write;

use toml::Spanned;

use crate::charter::{LoadError, Severity, Text, load_str};

pub use write::to_toml;

/// Why a portal text could not be imported. Every message says what to change
/// in the portal text, and where (1-based line number) when one line is at fault.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// No table of services under a heading "২.১) নাগরিক সেবা",
    /// "২.২) প্রাতিষ্ঠানিক সেবা" or "২.৩) অভ্যন্তরীণ সেবা".
    #[error(
        "no service table found: the text needs a heading such as \"২.১) নাগরিক সেবা\" or \
         \"২.২) প্রাতিষ্ঠানিক সেবা\" followed by rows of 7 cells separated by tabs \
         (ক্রমিক নং, সেবার নাম, পদ্ধতি, কাগজপত্র, মূল্য, সময়সীমা, কর্মকর্তা); \
         copy the whole charter page from the portal, tables included"
    )]
    NoServiceTable,

    /// The lines before "১. ভিশন ও মিশন" are not the expected office details.
    #[error(
        "line {line}: expected 5 lines of office details before this heading (government, \
         office, department, \"upazila, district\", website; the title \"সিটিজেন চার্টার\" \
         may be added) but found {found}; add the missing lines or remove the extra ones"
    )]
    HeaderLines {
        /// Line of the heading that ends the office details.
        line: usize,
        /// How many office-detail lines were found.
        found: usize,
    },

    /// The fourth office line is not "upazila, district".
    #[error(
        "line {line}: expected the upazila and the district separated by a comma, like \
         \"হালুয়াঘাট, ময়মনসিংহ\", but found \"{found}\"; add the comma"
    )]
    UpazilaDistrict {
        /// Line of the office details at fault.
        line: usize,
        /// Its text.
        found: String,
    },

    /// The fifth office line is not a web address.
    #[error(
        "line {line}: expected the office's website, like \"doict.haluaghat.mymensingh.gov.bd\", \
         but found \"{found}\"; put the website on this line"
    )]
    Website {
        /// Line of the office details at fault.
        line: usize,
        /// Its text.
        found: String,
    },

    /// No vision or no mission line.
    #[error(
        "no {what} found: under \"১. ভিশন ও মিশন\" the text needs a line starting with \
         \"{label}:\" followed by the {what}"
    )]
    MissingStatement {
        /// "vision" or "mission".
        what: &'static str,
        /// The Bangla label the line should start with.
        label: &'static str,
    },

    /// A table row without the 7 cells of a service.
    #[error(
        "line {line}: this table row has {found} cells separated by tabs, but a service row has \
         7 (ক্রমিক নং, সেবার নাম, পদ্ধতি, কাগজপত্র, মূল্য, সময়সীমা, কর্মকর্তা); \
         add the missing tabs, or join the row if it was cut in two"
    )]
    CellCount {
        /// Line of the row.
        line: usize,
        /// How many cells it has.
        found: usize,
    },

    /// A row with an empty first cell (the continuation of a row cut in two)
    /// but no row above it in the same table.
    #[error(
        "line {line}: this row starts with an empty cell, which means it continues the row \
         above, but there is no service row above it in this table; \
         put the service number (ক্রমিক নং) in its first cell"
    )]
    OrphanContinuation {
        /// Line of the row.
        line: usize,
    },

    /// Text without tabs between the rows of a service table.
    #[error(
        "line {line}: this line is inside the table \"{table}\" but is not a table row \
         (it has no tabs) nor a numbered heading; join it to the cell it belongs to, \
         or delete it"
    )]
    TextInTable {
        /// Line of the text.
        line: usize,
        /// The heading of the table, e.g. "২.১ নাগরিক সেবা".
        table: &'static str,
    },

    /// The first cell of a service row is not a number.
    #[error(
        "line {line}: the service number (ক্রমিক নং) \"{found}\" is not a number; \
         write it with digits, like \"৩\" or \"3\""
    )]
    SerialNotNumber {
        /// Line of the row.
        line: usize,
        /// The first cell.
        found: String,
    },

    /// Two services of one table with the same number.
    #[error(
        "line {line}: service number {serial} appears twice in \"{table}\" (first on line \
         {first_line}); renumber the services"
    )]
    DuplicateSerial {
        /// Line of the second row.
        line: usize,
        /// The repeated number.
        serial: u32,
        /// The heading of the table.
        table: &'static str,
        /// Line of the first row with this number.
        first_line: usize,
    },

    /// The first service of a table has an empty officer cell.
    #[error(
        "line {line}: the responsible officer cell (column 7) is empty on the first service of \
         this table, so there is no officer above to repeat; copy the officer (name, \
         designation, office, ফোনঃ …, ইমেইলঃ …) into this cell"
    )]
    NoOfficerToInherit {
        /// Line of the row.
        line: usize,
    },

    /// An officer cell without a recognisable designation.
    #[error(
        "line {line}: the responsible officer \"{cell}\" could not be read: {reason}; write it \
         as \"name, designation office ফোনঃ … ইমেইলঃ …\", for example \"জনাব মোঃ আশিকুল ইসলাম, \
         সহকারী প্রোগ্রামার তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর হালুয়াঘাট, ময়মনসিংহ \
         ফোনঃ 02996673752 ইমেইলঃ shakilcse96@gmail.com\""
    )]
    OfficerCell {
        /// Line of the row.
        line: usize,
        /// The officer cell, cleaned.
        cell: String,
        /// What is missing.
        reason: &'static str,
    },

    /// The charter read from the text does not pass `charter check` yet
    /// (a value missing on the portal, say): it is given out with what
    /// check found, for the staff to complete.
    #[error(
        "the charter read from this text does not pass `charter check` yet; it is printed \
         all the same: save it, fix what check found (the lines are those of the printed \
         charter; service citizen-3 is row ৩ of table ২.১), then run `charter check`:\n{problems}"
    )]
    FailsCheck {
        /// The charter as read, to be completed.
        toml: String,
        /// What check found.
        problems: Box<LoadError>,
    },
}

/// Imports a charter scraped from the National Portal (tab-separated text)
/// and returns the text of a `charter.toml` with the Bangla side only.
pub fn import(portal_text: &str) -> Result<String, ImportError> {
    let charter = portal::read(portal_text)?;
    let toml = format!("{HEADER_COMMENT}\n{}", to_toml(&charter));
    match load_str("imported charter", &toml) {
        Ok(_) => Ok(toml),
        Err(LoadError::Invalid { mut report }) => {
            // Every text lacks its English side here: only the errors say
            // what is wrong.
            report.diagnostics.retain(|d| d.severity == Severity::Error);
            Err(ImportError::FailsCheck {
                toml,
                problems: Box::new(LoadError::Invalid { report }),
            })
        }
        Err(e) => Err(ImportError::FailsCheck {
            toml,
            problems: Box::new(e),
        }),
    }
}

const HEADER_COMMENT: &str = "\
# Citizen charter (সিটিজেন চার্টার) imported from the National Portal.
#
# Staff: only the Bangla (bn) side was imported. Before publishing:
# - add the English to every text, { bn = \"…\" } becoming { bn = \"…\", en = \"…\" }, in docs/glossary.md's terms;
# - the service slugs (citizen-1, institutional-6, …) are the services' addresses
#   (/bn/services/<slug>): you may rename them to short English words, like \"ict-training\";
# - fill in any empty value (\"\"): it was missing on the portal;
# - then run `charter check`.
";

/// A Bangla text without its English side.
fn bangla(text: String) -> Text {
    Text {
        bn: stand_in(text),
        en: None,
    }
}

/// A value made here rather than read from a file, so with no place in one.
fn stand_in<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

#[cfg(test)]
mod tests;
