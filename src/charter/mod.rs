//! The charter: its data model, how it is read from `charter.toml`, and the
//! checks that serde alone cannot make.
//!
//! Reading happens in two visible steps, as in Zola: [`parse`] turns TOML
//! into the model (unknown keys are errors), then [`validate`] checks
//! meaning (ids, references, serials, phone numbers, e-mail addresses) and
//! reports every problem, each with the file, line and column. A finding
//! is a message of `locales/{bn,en}/check.ftl` with its arguments
//! ([`Words`](crate::i18n::Words)), said in the reader's language when
//! the report is shown.

mod contacts;
mod decode;
mod diagnostic;
mod edits;
mod errors;
mod file;
mod model;
mod recovery;
mod schema;
mod serials;
mod shape;
mod validate;
mod values;

use std::path::Path;

use serde::Deserialize;
use sha2::{Digest, Sha256};
use toml::de::DeTable;

pub use contacts::{Claim, ClaimKind, host_name, is_valid_email, phone_digits};
pub use diagnostic::{Diagnostic, InLang, Position, Report, Severity, position};
pub use errors::{LoadError, LoadErrorIn, io_reason};
pub use file::{CharterFile, Identity, Refusal};
pub use model::*;

/// A charter that passed validation, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The validated charter.
    pub charter: Charter,
    /// Findings that do not stop publication (missing English texts, …),
    /// ready to print.
    pub warnings: Report,
    /// Hex SHA-256 of the file's text (UTF-8, without a byte-order mark),
    /// to tell which version is served.
    pub content_hash: String,
    /// The addresses the charter names as its own (website and aliases),
    /// and where in the file.
    pub claims: Vec<Claim>,
}

/// Reads and validates the charter file at `path`, a plain file of at
/// most [`MAX_FILE_BYTES`].
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    load_file_within(path, MAX_FILE_BYTES)
}

/// Like [`load_file`], for a file of at most `max_bytes`
/// (`--max-charter-mb`).
pub fn load_file_within(path: &Path, max_bytes: u64) -> Result<Loaded, LoadError> {
    load(&CharterFile::at(path), max_bytes)
}

/// Reads and validates the charter `file`, of at most `max_bytes`.
pub fn load(file: &CharterFile, max_bytes: u64) -> Result<Loaded, LoadError> {
    let label = file.path().display().to_string();
    let bytes = file.read(max_bytes).map_err(|source| LoadError::Read {
        path: label.clone(),
        source,
    })?;
    match decode::text(&bytes) {
        Ok(source) => load_str(&label, &source),
        Err(d) => Err(LoadError::Invalid {
            report: Report {
                file: label,
                source: String::new(),
                diagnostics: vec![*d],
            },
        }),
    }
}

/// The hash a charter read from `bytes` would have
/// ([`Loaded::content_hash`]), or, for bytes that are not a charter's
/// text, one of the bytes themselves: equal bytes, equal hashes.
pub fn content_hash(bytes: &[u8]) -> String {
    match decode::text(bytes) {
        Ok(source) => hex_sha256(source.as_bytes()),
        Err(_) => format!("bytes:{}", hex_sha256(bytes)),
    }
}

/// The text of a charter file's `bytes`, without a byte-order mark;
/// `None` for bytes the loader cannot read as text (UTF-16, not UTF-8).
pub fn text_of(bytes: &[u8]) -> Option<String> {
    decode::text(bytes).ok()
}

/// The largest charter file read unless `--max-charter-mb` says
/// otherwise: the bundled charter is 40 KB and a 1,000-service one 2 MB,
/// so a bigger file is a mistake (or a device swapped in for the file),
/// not a charter.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The bytes of the charter file at `path`: a plain file of at most
/// [`MAX_FILE_BYTES`]. Everything that reads a charter reads it so.
pub fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    read_limited(path, MAX_FILE_BYTES)
}

/// The bytes of the plain file at `path`, at most `max` of them (a longer
/// file is an error), as [`CharterFile::read`] reads them.
pub fn read_limited(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    CharterFile::at(path).read(max)
}

/// Validates a charter given as text; `file` names it in messages.
///
/// Reading goes: Bangla digits outside quotes become ASCII (`serial = ১`);
/// the text is parsed as TOML keeping every place; its shape is checked
/// ([`schema`]), which may ask for values written in a forgivable way
/// (`serial = "১"`) to be read again as the format spells them; the tree
/// is read into the model and its meaning checked ([`validate`]). Every
/// finding is reported at once, at its place in the file as saved.
pub fn load_str(file: &str, source: &str) -> Result<Loaded, LoadError> {
    let (charter, mut diagnostics, claims) = read(source);
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    let report = Report {
        file: file.to_string(),
        source: source.to_string(),
        diagnostics,
    };
    match charter {
        Some(mut charter) if report.error_count() == 0 => {
            charter.normalize_text();
            Ok(Loaded {
                charter,
                warnings: report,
                content_hash: hex_sha256(source.as_bytes()),
                claims,
            })
        }
        _ => Err(LoadError::Invalid { report }),
    }
}

/// Most mistakes the parser stops at that are read past in one run: more
/// keys written twice than this is a paste gone wrong, said enough by the
/// first ones.
const MAX_READ_ON: usize = 20;

/// The model, when the file could be read into it, every finding in the
/// coordinates of `source`, and the addresses the model claims there.
fn read(source: &str) -> (Option<Charter>, Vec<Diagnostic>, Vec<Claim>) {
    let mut edits = recovery::readable(source);
    // The mistakes the parser stopped at, in the coordinates of `source`,
    // and the parts of the file set aside to read on past them.
    let mut stopped = Vec::new();
    let mut aside = Vec::new();
    let mut text = edits.apply(source);
    let mut tree = loop {
        match DeTable::parse(&text) {
            Ok(tree) => break tree,
            Err(e) => {
                let span = e.span().map(|s| edits.original_range(&s));
                let explained = recovery::explain(source, e.message(), span, &aside);
                stopped.push(explained.diagnostic);
                match explained.read_on {
                    Some((range, with)) if stopped.len() <= MAX_READ_ON => {
                        edits.replace(range.clone(), with);
                        aside.push(range);
                        text = edits.apply(source);
                    }
                    _ => return (None, finished(source, stopped), Vec::new()),
                }
            }
        }
    };
    let mut checked = schema::check(&mut tree, &text);
    if !checked.fixes.is_empty() {
        // Forgiven spellings are read again as the format writes them; the
        // fixes are inside quoted values, which the digit edits never touch.
        let mut both = edits.clone();
        for (range, with) in checked.fixes.list() {
            both.replace(edits.original_range(range), with.clone());
        }
        edits = both;
        text = edits.apply(source);
        tree = match DeTable::parse(&text) {
            Ok(tree) => tree,
            Err(e) => {
                let span = e.span().map(|s| edits.original_range(&s));
                stopped.push(recovery::explain(source, e.message(), span, &aside).diagnostic);
                return (None, finished(source, stopped), Vec::new());
            }
        };
        checked = schema::check(&mut tree, &text);
    }
    let mut diagnostics = checked.diagnostics;
    let mut charter = None;
    let in_file = |offset| position(source, edits.original_offset(offset));
    if checked.complete {
        match Charter::deserialize(toml::de::Deserializer::from(tree)) {
            Ok(c) => {
                let stand_ins = &checked.stand_ins;
                diagnostics.extend(
                    validate::validate(&c, &in_file)
                        .into_iter()
                        .filter(|d| d.span.as_ref().is_none_or(|s| !stand_ins.contains(s))),
                );
                charter = Some(c);
            }
            Err(e) => {
                diagnostics.push(recovery::explain(&text, e.message(), e.span(), &[]).diagnostic)
            }
        }
    }
    for d in &mut diagnostics {
        d.span = d.span.as_ref().map(|s| edits.original_range(s));
    }
    diagnostics.extend(stopped);
    let claims = charter
        .as_ref()
        .map_or_else(Vec::new, |c| contacts::claims(c, in_file));
    (charter, finished(source, diagnostics), claims)
}

/// The findings, an example that is the line in error as it stands left
/// out: an example is a corrected line, and that one would only send the
/// clerk back to it.
fn finished(source: &str, mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    for d in &mut diagnostics {
        if let (Some(span), Some(example)) = (&d.span, &d.example)
            && source[diagnostic::line_at(source, span.start)].trim() == example.trim()
        {
            d.example = None;
        }
    }
    diagnostics
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn hex_sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// `bytes` as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_files_of_a_sane_size_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small.toml");
        std::fs::write(&small, "abc").unwrap();
        assert_eq!(read_limited(&small, 3).unwrap(), b"abc");
        let e = read_limited(&small, 2).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::FileTooLarge);
        let e = read_limited(dir.path(), 100).unwrap_err();
        assert!(e.to_string().contains("not a plain file"), "{e}");
        // A device that never ends is refused at once, not read.
        let e = read_limited(Path::new("/dev/zero"), MAX_FILE_BYTES).unwrap_err();
        assert!(e.to_string().contains("not a plain file"), "{e}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_pipe_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("charter.toml");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a node.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let e = read_limited(&fifo, MAX_FILE_BYTES).unwrap_err();
        assert!(e.to_string().contains("not a plain file"), "{e}");
    }
}
