//! The staff area's routes. The office's own pages have two addresses:
//! `/{lang}/staff/…` on the office's host, and, for an administrator on
//! the directory's host, `/{lang}/staff/offices/{office}/…`.

use std::time::Duration;

use axum::Router;
use axum::routing::{MethodRouter, get, post};

use super::{Staff, admin, forms, history, link, review, signin};
use crate::server::takes_body;

/// How long a form's body may take to arrive.
const BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// Every route of the staff area.
pub fn routes(staff: Staff) -> Router {
    let cap = staff.options().max_form_bytes;
    let posting = |route: MethodRouter<Staff>| takes_body(route, cap, BODY_TIMEOUT);
    let mut router = Router::new()
        .route("/{lang}/staff/", get(signin::home))
        .route("/{lang}/staff/sign-in", posting(post(signin::sign_in)))
        .route("/{lang}/staff/sign-out", posting(post(signin::sign_out)))
        .route(
            "/{lang}/staff/sign-out-everywhere",
            posting(post(signin::sign_out_everywhere)),
        )
        .route(
            "/{lang}/staff/password/{token}",
            posting(get(link::password_form).post(link::password_set)),
        )
        .route(
            "/{lang}/staff/accounts",
            posting(get(admin::accounts).post(admin::add_account)),
        )
        .route(
            "/{lang}/staff/accounts/{id}",
            posting(post(admin::change_account)),
        )
        .route("/{lang}/staff/audit", get(admin::audit))
        .route("/{lang}/staff/offices/{office}", get(signin::home));
    for base in ["/{lang}/staff", "/{lang}/staff/offices/{office}"] {
        let at = |path: &str| format!("{base}{path}");
        router = router
            .route(
                &at("/services/{slug}"),
                posting(get(forms::service_form).post(forms::service_save)),
            )
            .route(
                &at("/services/{slug}/remove"),
                posting(post(forms::service_remove)),
            )
            .route(
                &at("/new-service"),
                posting(get(forms::new_service_form).post(forms::new_service_save)),
            )
            .route(
                &at("/officers/{id}"),
                posting(get(forms::officer_form).post(forms::officer_save)),
            )
            .route(
                &at("/updated"),
                posting(get(forms::updated_form).post(forms::updated_save)),
            )
            .route(
                &at("/file"),
                posting(get(forms::file_form).post(forms::file_save)),
            )
            .route(&at("/preview"), get(review::preview))
            .route(&at("/publish"), posting(post(review::publish)))
            .route(&at("/discard"), posting(post(review::discard)))
            .route(&at("/history"), get(history::history))
            .route(&at("/history/{n}/restore"), posting(post(history::restore)));
    }
    router.with_state(staff)
}
