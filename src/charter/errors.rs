//! Why a charter could not be loaded, said in Bangla or English: the
//! report of every finding and its count, or why the file could not be
//! read at all.

use std::fmt;
use std::io;

use super::diagnostic::Report;
use super::file::Refusal;
use super::words::Words;
use crate::i18n::Lang;

/// Why a charter could not be loaded. `Display` says it in English, for
/// the server's log and `/healthz`; [`LoadError::in_lang`] in either
/// language, for a person at the command line.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all.
    Read {
        /// The file as given.
        path: String,
        /// What the system said.
        source: io::Error,
    },
    /// The file was read but is not a valid charter.
    Invalid {
        /// Every error (and warning) found, with places.
        report: Report,
    },
}

impl LoadError {
    /// The error in `lang`: every finding and the count of errors, or why
    /// the file cannot be read.
    pub fn in_lang(&self, lang: Lang) -> LoadErrorIn<'_> {
        LoadErrorIn { error: self, lang }
    }
}

/// A [`LoadError`] in a language, to print.
#[derive(Debug, Clone, Copy)]
pub struct LoadErrorIn<'a> {
    error: &'a LoadError,
    lang: Lang,
}

impl fmt::Display for LoadErrorIn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.lang;
        match self.error {
            LoadError::Read { path, source } => {
                let said = Words::new("check-cannot-read-file")
                    .arg("path", path.as_str())
                    .arg("reason", reason(source, lang))
                    .in_lang(lang);
                f.write_str(&said)
            }
            LoadError::Invalid { report } => {
                let summary = Words::new("check-summary")
                    .arg("count", report.error_count())
                    .arg("file", report.file.as_str())
                    .in_lang(lang);
                write!(f, "{}{summary}", report.in_lang(lang))
            }
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.in_lang(Lang::En).fmt(f)
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Read { source, .. } => Some(source),
            LoadError::Invalid { .. } => None,
        }
    }
}

/// Why the system could not read the file, in `lang`: a file refused for
/// what it is ([`Refusal`]), one that is not there or may not be read;
/// anything rarer in the system's own words.
fn reason(error: &io::Error, lang: Lang) -> String {
    if let Some(refusal) = error.get_ref().and_then(|e| e.downcast_ref::<Refusal>()) {
        return refusal.words().in_lang(lang);
    }
    match (lang, error.kind()) {
        (Lang::Bn, io::ErrorKind::NotFound) => Words::new("check-file-not-found").in_lang(lang),
        (Lang::Bn, io::ErrorKind::PermissionDenied) => {
            Words::new("check-file-not-allowed").in_lang(lang)
        }
        _ => error.to_string(),
    }
}
