//! The check every save goes through: the one `charter check` makes (the
//! charter's own checks, then every page rendered), and the administrator's
//! rule that an office's editor leaves its addresses as they are.

use std::collections::HashMap;
use std::ops::Range;

use crate::charter::{self, Charter, LoadError, Loaded, Severity};
use crate::i18n::{Lang, tr};
use crate::site::Site;

/// A problem found, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `line 12, column 5` in the page's language, when it has a place.
    pub at: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to do, when the checks say.
    pub hint: Option<String>,
    /// The line of the file it is on.
    pub line: String,
    /// The bytes of the file it is about.
    pub span: Option<Range<usize>>,
}

/// The label files are checked under: an office's file is named so in
/// the messages.
const LABEL: &str = "charter.toml";

/// Checks `text` as `charter check` checks a file: the charter, or every
/// problem found, in `page`'s language where the checks speak it. CPU
/// work: run it on the CPU pool.
pub fn check(text: &str, page: Lang) -> Result<Loaded, Vec<Problem>> {
    match charter::load_str(LABEL, text) {
        Ok(loaded) => match Site::check_pages(&loaded.charter) {
            Ok(()) => Ok(loaded),
            Err(e) => Err(vec![Problem {
                at: None,
                message: format!("{}: {e}", tr(page, "staff-pages-fail")),
                hint: None,
                line: String::new(),
                span: None,
            }]),
        },
        Err(LoadError::Invalid { report }) => Err(report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| {
                let place = d.span.as_ref().map(|s| charter::position(text, s.start));
                Problem {
                    at: place.map(|p| {
                        format!(
                            "{} {}, {} {}",
                            tr(page, "staff-line"),
                            page.number(p.line),
                            tr(page, "staff-column"),
                            page.number(p.column)
                        )
                    }),
                    message: d.message.in_lang(page),
                    hint: d.hint.as_ref().map(|h| h.in_lang(page)),
                    line: place
                        .and_then(|p| text.lines().nth(p.line - 1))
                        .map(|l| l.chars().take(200).collect())
                        .unwrap_or_default(),
                    span: d.span.clone(),
                }
            })
            .collect()),
        Err(e @ LoadError::Read { .. }) => Err(vec![Problem {
            at: None,
            message: e.in_lang(page).to_string(),
            hint: None,
            line: String::new(),
            span: None,
        }]),
    }
}

/// The office's addresses as `charter` names them: its website, then its
/// aliases.
pub fn addresses(charter: &Charter) -> Vec<String> {
    let office = &charter.office;
    std::iter::once(office.website.get_ref().clone())
        .chain(office.aliases.iter().map(|a| a.get_ref().clone()))
        .collect()
}

/// The problem of an editor's change to the office's addresses.
pub fn addresses_kept(before: &Charter, after: &Charter, page: Lang) -> Result<(), Problem> {
    if addresses(before) == addresses(after) {
        return Ok(());
    }
    Err(Problem {
        at: None,
        message: tr(page, "staff-addresses-are-admins"),
        hint: None,
        line: String::new(),
        span: None,
    })
}

/// The problems of `problems` that fall in the value of a key of the
/// table `path` (`services` and the index of the service, say) in
/// `text`, by key; the others stay in the list.
pub fn by_field(
    problems: &mut Vec<Problem>,
    text: &str,
    array: &str,
    key: &str,
    value: &str,
) -> HashMap<String, Vec<String>> {
    let mut fields: HashMap<String, Vec<String>> = HashMap::new();
    let Ok(doc) = toml_edit::Document::parse(text) else {
        return fields;
    };
    let table = doc
        .get(array)
        .and_then(|i| i.as_array_of_tables())
        .and_then(|list| {
            list.iter()
                .find(|t| t.get(key).and_then(|v| v.as_str()) == Some(value))
        });
    let Some(table) = table else { return fields };
    let spans: Vec<(String, Range<usize>)> = table
        .iter()
        .filter_map(|(k, item)| Some((k.to_string(), item.span()?)))
        .collect();
    problems.retain(|p| {
        let Some(at) = p.span.as_ref().map(|s| s.start) else {
            return true;
        };
        match spans.iter().find(|(_, s)| s.contains(&at)) {
            Some((k, _)) => {
                fields.entry(k.clone()).or_default().push(p.message.clone());
                false
            }
            None => true,
        }
    });
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_is_placed_and_found_beside_its_field() {
        let source = include_str!("../../charter.toml").replacen(
            "officer = \"assistant-programmer\"",
            "officer = \"nobody\"",
            1,
        );
        let mut problems = check(&source, Lang::En).unwrap_err();
        assert!(
            problems[0].at.as_deref().unwrap().starts_with("line "),
            "{problems:?}"
        );
        let fields = by_field(
            &mut problems,
            &source,
            "services",
            "slug",
            "office-information",
        );
        assert_eq!(fields["officer"].len(), 1, "{fields:?}");
        assert!(problems.is_empty());
        let bn = check(&source, Lang::Bn).unwrap_err();
        assert!(bn[0].at.as_deref().unwrap().contains('৩'), "{bn:?}");
    }
}
