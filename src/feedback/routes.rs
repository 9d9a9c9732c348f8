//! The routes of citizens' reports: the form and the page after it on
//! an office's host, and the inbox under the staff area's paths
//! (`/{lang}/staff/…` on the office's host, or
//! `/{lang}/staff/offices/{office}/…` and every office's at
//! `/{lang}/staff/feedback` on the directory's).

use std::time::Duration;

use axum::Router;
use axum::routing::{MethodRouter, get, post};

use super::{Feedback, after, form, inbox};
use crate::server::takes_body;

/// How long a form's body may take to arrive.
const BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// Every route of citizens' reports.
pub fn routes(feedback: Feedback) -> Router {
    let cap = feedback.options().max_body_bytes;
    let posting = |route: MethodRouter<Feedback>| takes_body(route, cap, BODY_TIMEOUT);
    let mut router = Router::new()
        .route(
            "/{lang}/feedback",
            posting(get(form::form).post(form::send)),
        )
        .route("/{lang}/feedback/sent", get(after::sent));
    for base in ["/{lang}/staff", "/{lang}/staff/offices/{office}"] {
        let at = |path: &str| format!("{base}{path}");
        router = router
            .route(&at("/feedback"), get(inbox::inbox))
            .route(&at("/feedback.csv"), get(inbox::export))
            .route(&at("/feedback/{id}/handled"), posting(post(inbox::handled)));
    }
    router.with_state(feedback)
}

/// The form's address on a server that keeps no reports (no state
/// folder): a page that says so, with the office's contacts.
pub fn unavailable_routes() -> Router {
    Router::new()
        .route("/{lang}/feedback", get(after::unavailable))
        .route("/{lang}/feedback/sent", get(after::unavailable))
}
