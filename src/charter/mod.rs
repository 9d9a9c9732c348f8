//! The charter: its data model, how it is read from `charter.toml`, and the
//! checks that serde alone cannot make.
//!
//! Reading happens in two visible steps, as in Zola: [`parse`] turns TOML
//! into the model (unknown keys are errors), then [`validate`] checks
//! meaning (ids, references, serials, phone numbers, e-mail addresses) and
//! reports every problem, each with the file, line and column.

mod diagnostic;
mod model;
mod validate;

use std::path::Path;

use sha2::{Digest, Sha256};

pub use diagnostic::{Diagnostic, Position, Report, Severity, position};
pub use model::*;
pub use validate::{is_valid_email, phone_digits};

/// A charter that passed validation, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The validated charter.
    pub charter: Charter,
    /// Findings that do not stop publication (missing English texts, …),
    /// ready to print.
    pub warnings: Report,
    /// Hex SHA-256 of the file's bytes, to tell which version is served.
    pub content_hash: String,
}

/// Why a charter could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{path}: cannot read the charter file: {source}")]
    Read {
        /// The file as given.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file was read but is not a valid charter.
    #[error("{report}{} in {}", count_errors(report.error_count()), report.file)]
    Invalid {
        /// Every error (and warning) found, with places.
        report: Report,
    },
}

fn count_errors(n: usize) -> String {
    if n == 1 {
        "1 error".to_string()
    } else {
        format!("{n} errors")
    }
}

/// Reads and validates the charter file at `path`.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let label = path.display().to_string();
    let source = std::fs::read_to_string(path).map_err(|source| LoadError::Read {
        path: label.clone(),
        source,
    })?;
    load_str(&label, &source)
}

/// Validates a charter given as text; `file` names it in messages.
pub fn load_str(file: &str, source: &str) -> Result<Loaded, LoadError> {
    let mut diagnostics = match parse(source) {
        Ok(charter) => {
            let mut diagnostics = validate::validate(&charter, source);
            if diagnostics.iter().all(|d| d.severity != Severity::Error) {
                let mut charter = charter;
                charter.normalize_text();
                diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
                return Ok(Loaded {
                    charter,
                    warnings: Report {
                        file: file.to_string(),
                        source: source.to_string(),
                        diagnostics,
                    },
                    content_hash: hex_sha256(source.as_bytes()),
                });
            }
            diagnostics
        }
        Err(d) => vec![d],
    };
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    Err(LoadError::Invalid {
        report: Report {
            file: file.to_string(),
            source: source.to_string(),
            diagnostics,
        },
    })
}

/// Turns TOML text into the model. A syntax error or a key the model does
/// not know stops here, with its place.
pub fn parse(source: &str) -> Result<Charter, Diagnostic> {
    toml::from_str::<Charter>(source).map_err(|e| {
        let message = e.message().trim().replace('\n', "; ");
        let hint = syntax_hint(&message);
        let d = Diagnostic::error(e.span(), message);
        match hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    })
}

/// A hint for the TOML errors staff meet most often.
fn syntax_hint(message: &str) -> Option<String> {
    if message.starts_with("unknown field") {
        Some("check the spelling of the key; docs/charter.md lists every key".into())
    } else if message.starts_with("missing field") {
        Some("add the missing key to this table; docs/charter.md lists every key".into())
    } else if message.contains("invalid basic string") || message.contains("unterminated") {
        Some("texts go between double quotes; a quote inside a text is written \\\"".into())
    } else if message.contains("duplicate key") {
        Some("each key may appear once per table".into())
    } else {
        None
    }
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn hex_sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// `bytes` as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
