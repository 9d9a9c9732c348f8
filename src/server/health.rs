//! `/healthz`, one handler for an office and for the directory of a
//! folder's offices: what a monitor reads to know whether the site serves
//! what its files say. Always 200 while the site serves; anyone may read
//! it, so no folder's path and no whole report (the log has those).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::response::{IntoResponse, Response};
use http::StatusCode;
use http::header::{self, HeaderValue};

use super::answer::Answerer;
use super::{AppState, Deployment, Problems};
use crate::calendar::rfc3339;

/// `/healthz` of whoever the request is for: `to`, of `deployment`.
pub(super) fn healthz(to: &Answerer, deployment: &Deployment) -> Response {
    match to {
        Answerer::Office(state) => office(state),
        Answerer::Directory(_) => directory(deployment),
    }
}

fn office(state: &AppState) -> Response {
    let (site, health) = state.status();
    let failure = health.failure;
    let unix = |t: SystemTime| {
        t.duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_secs()
    };
    let compression = site.compression();
    let history = state.history_failing();
    let status = match (&failure, &history) {
        (Some(_), _) => "stale",
        (None, Some(_)) => "degraded",
        (None, None) => "ok",
    };
    let body = serde_json::json!({
        "status": status,
        "content_hash": site.content_hash,
        "loaded_at": rfc3339(site.loaded_at),
        "loaded_at_unix": unix(site.loaded_at),
        "load_ms": site.load_time.as_millis() as u64,
        "pages": site.paths().len(),
        "last_reload_error": failure.as_ref().map(|f| &f.summary),
        "last_reload_error_at": failure.as_ref().map(|f| rfc3339(f.at)),
        "last_reload_error_at_unix": failure.as_ref().map(|f| unix(f.at)),
        // Shown until the next reload: a cut or an overwrite is seen at once.
        "removed_services": health.removed.as_ref().map(|r| serde_json::json!({
            "count": r.slugs.len(),
            "slugs": r.slugs,
            "at": rfc3339(r.at),
        })),
        // A save brought back the version a restore had just replaced
        // (an editor that still held the old text): shown until the next
        // save.
        "restore_undone": health.undone.as_ref().map(|u| serde_json::json!({
            "restored_version": u.restored,
            "at": rfc3339(u.at),
        })),
        // Versions can no longer be kept (a state folder full or
        // read-only): the site serves, but nothing could be restored.
        "history_error": history.as_ref().map(|f| serde_json::json!({
            "reason": f.reason,
            "at": rfc3339(f.at),
        })),
        "compression": compression_json(&compression),
    });
    json_no_store(&body)
}

/// How far the smallest copies of the pages have been made.
fn compression_json(c: &crate::site::CompressionState) -> serde_json::Value {
    serde_json::json!({
        "pages": c.pages,
        "finished": c.finished,
        "complete": c.finished == c.pages,
        "bytes": c.bytes,
    })
}

/// `body` as a JSON answer that is never stored.
fn json_no_store(body: &serde_json::Value) -> Response {
    let mut res = (StatusCode::OK, body.to_string()).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Most offices the directory's `/healthz` names in each of its lists
/// (their counts are always whole): anyone may read it.
const MAX_LISTED_PROBLEMS: usize = 100;

/// The directory's `/healthz`: how many offices are served, which serve
/// an older version than their file's (`stale`), which offices are not
/// served at all (`invalid`), which addresses the offices' files name
/// that do not reach them (`refused_addresses`), which entries of the
/// folder are skipped and why (`skipped`), what of the registry of
/// addresses is left out or could not be read again (`registry`), and
/// which offices' versions can no longer be kept (`history_errors`), each
/// in one bounded line (the log has the whole report); and how far the
/// compression of every office has gone. `ok` when nothing is wrong, else
/// `degraded`; always 200: every valid office is served.
fn directory(deployment: &Deployment) -> Response {
    let offices = deployment.offices();
    let problems = deployment.problems();
    let mut stale = Vec::new();
    let mut history = Vec::new();
    let mut undone_list = Vec::new();
    let mut compression = crate::site::CompressionState::default();
    for office in &offices {
        let (site, health) = office.state.status();
        if let Some(failure) = health.failure {
            stale.push(serde_json::json!({
                "office": office.id,
                "error": failure.summary,
                "at": rfc3339(failure.at),
            }));
        }
        if let Some(undone) = &health.undone {
            undone_list.push(serde_json::json!({
                "office": office.id,
                "restored_version": undone.restored,
                "at": rfc3339(undone.at),
            }));
        }
        if let Some(failing) = office.state.history_failing() {
            history.push(serde_json::json!({
                "office": office.id,
                "reason": failing.reason,
                "at": rfc3339(failing.at),
            }));
        }
        let c = site.compression();
        compression.pages += c.pages;
        compression.finished += c.finished;
        compression.bytes += c.bytes;
    }
    let (stale_count, history_count) = (stale.len(), history.len());
    stale.truncate(MAX_LISTED_PROBLEMS);
    history.truncate(MAX_LISTED_PROBLEMS);
    let Problems {
        invalid,
        refused,
        skipped,
        registry,
        registry_error,
    } = problems;
    let degraded = stale_count > 0
        || history_count > 0
        || !invalid.is_empty()
        || !refused.is_empty()
        || !skipped.is_empty()
        || !registry.is_empty()
        || registry_error.is_some();
    let listed = |count: usize, key: &str, items: Vec<serde_json::Value>| serde_json::json!({ "count": count, key: items });
    let body = serde_json::json!({
        "status": if degraded { "degraded" } else { "ok" },
        "offices": offices.len(),
        "stale": listed(stale_count, "offices", stale),
        "invalid": listed(invalid.len(), "files", invalid.iter().take(MAX_LISTED_PROBLEMS).map(|i| serde_json::json!({
            "office": i.id,
            "error": i.summary,
            "at": rfc3339(i.at),
        })).collect()),
        "refused_addresses": listed(refused.len(), "addresses", refused.iter().take(MAX_LISTED_PROBLEMS).map(|r| serde_json::json!({
            "office": r.office,
            "host": r.host,
            "claimed_as": r.kind.name(),
            "line": r.at.line,
            "held_by": match &r.why {
                crate::offices::addresses::Why::HeldBy(other) => Some(other.as_str()),
                _ => None,
            },
            "error": brief(&r.to_string()),
        })).collect()),
        "skipped": listed(skipped.len(), "entries", skipped.iter().take(MAX_LISTED_PROBLEMS).map(|s| serde_json::json!({
            "name": s.name,
            "why": brief(&s.to_string()),
        })).collect()),
        "registry": {
            "left_out": listed(registry.len(), "entries", registry.iter().take(MAX_LISTED_PROBLEMS).map(|p| serde_json::json!({
                "line": p.at.line,
                "error": brief(&p.text),
            })).collect()),
            "error": registry_error.as_ref().map(|(e, _)| brief(e)),
            "error_at": registry_error.as_ref().map(|(_, at)| rfc3339(*at)),
        },
        "history_errors": listed(history_count, "offices", history),
        "restores_undone": listed(undone_list.len(), "offices", undone_list),
        "compression": compression_json(&compression),
    });
    json_no_store(&body)
}

/// `text` in at most 300 characters, without the folder's path (anyone
/// may read `/healthz`).
fn brief(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default();
    let line = match first.find(": ") {
        // A path before the first ": " is cut to its file's name.
        Some(i) if first[..i].contains('/') => {
            let (path, rest) = first.split_at(i);
            format!("{}{rest}", path.rsplit('/').next().unwrap_or(path))
        }
        _ => first.to_string(),
    };
    let mut brief: String = line.chars().take(300).collect();
    if brief.len() < line.len() {
        brief.push('…');
    }
    brief
}
