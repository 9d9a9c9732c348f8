//! Why the history could not be read or written, said in either
//! language.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::Action;
use crate::charter;
use crate::i18n::{Lang, Words};

/// Why the history could not be read or written. `Display` says it in
/// English, for the log and `/healthz`; [`HistoryError::in_lang`] in
/// either language.
#[derive(Debug)]
pub enum HistoryError {
    /// A file or folder of the history could not be read or written.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What was being done.
        action: Action,
        /// What the system said.
        source: io::Error,
    },
    /// A file of the history is not what it should be.
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: Words,
    },
    /// No version has this number (any more).
    NotFound(u64),
}

impl HistoryError {
    /// What went wrong, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            HistoryError::Io {
                path,
                action,
                source,
            } => cannot(path, *action, source, lang),
            HistoryError::Damaged { path, message } => Words::new("history-damaged")
                .arg("path", path.display().to_string())
                .arg("message", message.clone())
                .in_lang(lang),
            HistoryError::NotFound(n) => Words::new("history-not-found")
                .arg("number", *n)
                .in_lang(lang),
        }
    }

    /// What went wrong without the file's path, for those who may not
    /// know the server's folders (`/healthz`), in English.
    pub fn without_path(&self) -> String {
        match self {
            HistoryError::Io { action, source, .. } => Words::new("history-cannot-without-path")
                .arg(
                    "action",
                    Words::new("history-action").arg("action", action.key()),
                )
                .arg("error", source.to_string())
                .to_string(),
            HistoryError::Damaged { message, .. } => message.to_string(),
            HistoryError::NotFound(_) => self.to_string(),
        }
    }
}

/// "`path`: cannot `action`: `error`", in `lang`.
pub(super) fn cannot(path: &Path, action: Action, error: &io::Error, lang: Lang) -> String {
    Words::new("history-cannot")
        .arg("path", path.display().to_string())
        .arg(
            "action",
            Words::new("history-action").arg("action", action.key()),
        )
        .arg("error", charter::io_reason(error, lang))
        .in_lang(lang)
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl std::error::Error for HistoryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            HistoryError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
