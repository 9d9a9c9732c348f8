//! The history in the browser: each version with who published it
//! ("edited as a file" for a save on disk), when, the note and what
//! changed; restoring one goes through the same check, preview and
//! publish as any change.

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use http::StatusCode;

use super::Staff;
use super::forms::{office_form, office_page};
use super::guard::{Posted, broken};
use super::pages::{self, Head, HistoryPage, VersionItem};
use super::review::describe;
use super::visit::Visit;
use crate::charter;
use crate::history::Changes;
use crate::i18n::{Arg, Lang, tr, tr_args};

/// What changed in a version, in the page's language.
fn told(changes: &Changes, lang: Lang) -> String {
    if changes.first {
        return tr(lang, "staff-history-first");
    }
    if changes.is_empty() {
        return tr(lang, "staff-history-same");
    }
    let mut parts = Vec::new();
    for (id, list) in [
        ("staff-changes-added", &changes.added),
        ("staff-changes-removed", &changes.removed),
        ("staff-changes-changed", &changes.changed),
    ] {
        if !list.is_empty() {
            parts.push(format!("{}: {}", tr(lang, id), list.join(", ")));
        }
    }
    if changes.reordered {
        parts.push(tr(lang, "staff-changes-reordered"));
    }
    if !changes.sections.is_empty() {
        parts.push(format!(
            "{}: {}",
            tr(lang, "staff-changes-section"),
            changes.sections.join(", ")
        ));
    }
    parts.join("; ")
}

/// `GET …/history`.
pub async fn history(State(staff): State<Staff>, visit: Visit) -> Response {
    let (signed, acting) = match office_page(&staff, visit).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let lang = signed.visit.lang;
    let Some(kept) = acting.state.history() else {
        return pages::message(
            &signed.visit,
            Some(&signed),
            StatusCode::OK,
            "staff-history-title",
            vec![tr(lang, "staff-history-off")],
        );
    };
    let (entries, _) = match kept.list() {
        Ok(x) => x,
        Err(e) => return broken(&signed.visit, e),
    };
    let events = kept.events().unwrap_or_default();
    let notes = staff
        .store()
        .version_notes(&acting.id)
        .await
        .unwrap_or_default();
    let current = kept.current();
    let versions = entries
        .iter()
        .map(|e| {
            let note = notes.get(&e.content_hash);
            VersionItem {
                number: e.number,
                label: tr_args(lang, "staff-version", &[("number", Arg::Count(e.number))]),
                when: pages::when(lang, i64::try_from(e.loaded_at_unix).unwrap_or(0)),
                who: note.map_or_else(|| tr(lang, "staff-edited-as-file"), |n| n.account.clone()),
                note: note.map(|n| n.note.clone()).unwrap_or_default(),
                changes: told(&e.changes, lang),
                events: (events.iter())
                    .filter(|ev| ev.after == e.number && ev.back_to != e.number)
                    .map(|ev| {
                        tr_args(
                            lang,
                            "staff-history-back",
                            &[
                                ("number", Arg::Count(ev.back_to)),
                                (
                                    "when",
                                    Arg::Text(pages::when(
                                        lang,
                                        i64::try_from(ev.at_unix).unwrap_or(0),
                                    )),
                                ),
                            ],
                        )
                    })
                    .collect(),
                current: Some(e.number) == current,
                restore: tr_args(lang, "staff-restore", &[("number", Arg::Count(e.number))]),
            }
        })
        .collect();
    let template = HistoryPage {
        head: Head::new(
            &signed.visit,
            tr(lang, "staff-history-title"),
            Some(&signed),
        ),
        base: signed.visit.base(),
        csrf: signed.csrf(),
        versions,
    };
    pages::page(&template, StatusCode::OK)
}

/// `POST …/history/{n}/restore`: version n, checked, kept to be shown and
/// published as any change.
pub async fn restore(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    let posted = Posted::parse(&body);
    let (signed, acting) = match office_form(&staff, visit, &posted).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let lang = signed.visit.lang;
    let not_found = || {
        use axum::response::IntoResponse as _;
        crate::server::AppError::new(StatusCode::NOT_FOUND, lang).into_response()
    };
    let Some(number) = signed.visit.param("n").parse::<u64>().ok() else {
        return not_found();
    };
    let Some(kept) = acting.state.history() else {
        return not_found();
    };
    let text = match kept.version(number) {
        Ok((_, bytes, _)) => match charter::text_of(&bytes) {
            Some(text) => text,
            None => return not_found(),
        },
        Err(crate::history::HistoryError::NotFound(_)) => return not_found(),
        Err(e) => return broken(&signed.visit, e),
    };
    let current = match staff.current(&acting).await {
        Ok(c) => c,
        Err(e) => return broken(&signed.visit, e),
    };
    let target = format!("restore:{number}");
    match staff
        .propose(
            &signed,
            &acting,
            &current.hash,
            &target,
            |_| Ok(text.clone()),
            None,
        )
        .await
    {
        Ok(()) => pages::see_other(&format!("{}/preview", signed.visit.base())),
        Err(refused) => {
            let mut paragraphs = vec![describe(&target, lang, &acting.state.site().charter)];
            paragraphs.extend(refused.problems.into_iter().map(|p| p.message));
            pages::message(
                &signed.visit,
                Some(&signed),
                StatusCode::OK,
                "staff-restore-refused-title",
                paragraphs,
            )
        }
    }
}
