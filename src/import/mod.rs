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

use std::fmt;

use toml::Spanned;

use crate::charter::{LoadError, Severity, Text, load_str};
use crate::i18n::{Lang, Words};

pub use write::to_toml;

/// Why a portal text could not be imported. Every message says what to change
/// in the portal text, and where (1-based line number) when one line is at fault:
/// in English by `Display`, in either language by [`ImportError::in_lang`].
#[derive(Debug)]
pub enum ImportError {
    /// No table of services under a heading "২.১) নাগরিক সেবা",
    /// "২.২) প্রাতিষ্ঠানিক সেবা" or "২.৩) অভ্যন্তরীণ সেবা".
    NoServiceTable,

    /// The lines before "১. ভিশন ও মিশন" are not the expected office details.
    HeaderLines {
        /// Line of the heading that ends the office details.
        line: usize,
        /// How many office-detail lines were found.
        found: usize,
    },

    /// The fourth office line is not "upazila, district".
    UpazilaDistrict {
        /// Line of the office details at fault.
        line: usize,
        /// Its text.
        found: String,
    },

    /// The fifth office line is not a web address.
    Website {
        /// Line of the office details at fault.
        line: usize,
        /// Its text.
        found: String,
    },

    /// No vision or no mission line.
    MissingStatement {
        /// "vision" or "mission".
        what: &'static str,
        /// The Bangla label the line should start with.
        label: &'static str,
    },

    /// A table row without the 7 cells of a service.
    CellCount {
        /// Line of the row.
        line: usize,
        /// How many cells it has.
        found: usize,
    },

    /// A row with an empty first cell (the continuation of a row cut in two)
    /// but no row above it in the same table.
    OrphanContinuation {
        /// Line of the row.
        line: usize,
    },

    /// Text without tabs between the rows of a service table.
    TextInTable {
        /// Line of the text.
        line: usize,
        /// The heading of the table, e.g. "২.১ নাগরিক সেবা".
        table: &'static str,
    },

    /// The first cell of a service row is not a number.
    SerialNotNumber {
        /// Line of the row.
        line: usize,
        /// The first cell.
        found: String,
    },

    /// Two services of one table with the same number.
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
    NoOfficerToInherit {
        /// Line of the row.
        line: usize,
    },

    /// An officer cell without a recognisable designation.
    OfficerCell {
        /// Line of the row.
        line: usize,
        /// The officer cell, cleaned.
        cell: String,
        /// What is missing: a message id.
        reason: &'static str,
    },

    /// The charter read from the text does not pass `charter check` yet
    /// (a value missing on the portal, say): it is given out with what
    /// check found, for the staff to complete.
    FailsCheck {
        /// The charter as read, to be completed.
        toml: String,
        /// What check found.
        problems: Box<LoadError>,
    },
}

impl ImportError {
    /// What to change in the portal text, and where, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let words = match self {
            ImportError::NoServiceTable => Words::new("import-no-service-table"),
            ImportError::HeaderLines { line, found } => Words::new("import-header-lines")
                .arg("line", *line)
                .arg("found", *found),
            ImportError::UpazilaDistrict { line, found } => Words::new("import-upazila-district")
                .arg("line", *line)
                .arg("found", found),
            ImportError::Website { line, found } => Words::new("import-website")
                .arg("line", *line)
                .arg("found", found),
            ImportError::MissingStatement { what, label } => Words::new("import-missing-statement")
                .arg("what", *what)
                .arg("label", *label),
            ImportError::CellCount { line, found } => Words::new("import-cell-count")
                .arg("line", *line)
                .arg("found", *found),
            ImportError::OrphanContinuation { line } => {
                Words::new("import-orphan-continuation").arg("line", *line)
            }
            ImportError::TextInTable { line, table } => Words::new("import-text-in-table")
                .arg("line", *line)
                .arg("table", *table),
            ImportError::SerialNotNumber { line, found } => Words::new("import-serial-not-number")
                .arg("line", *line)
                .arg("found", found),
            ImportError::DuplicateSerial {
                line,
                serial,
                table,
                first_line,
            } => Words::new("import-duplicate-serial")
                .arg("line", *line)
                .arg("serial", *serial)
                .arg("table", *table)
                .arg("first-line", *first_line),
            ImportError::NoOfficerToInherit { line } => {
                Words::new("import-no-officer-to-inherit").arg("line", *line)
            }
            ImportError::OfficerCell { line, cell, reason } => Words::new("import-officer-cell")
                .arg("line", *line)
                .arg("cell", cell)
                .arg("reason", Words::new(reason)),
            ImportError::FailsCheck { problems, .. } => {
                let said = Words::new("import-fails-check").in_lang(lang);
                return format!("{said}\n{}", problems.in_lang(lang));
            }
        };
        words.in_lang(lang)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for ImportError {}

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
