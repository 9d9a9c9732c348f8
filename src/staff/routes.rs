//! The staff area's routes. The office's own pages have two addresses:
//! `/{lang}/staff/…` on the office's host, and, for an administrator on
//! the directory's host, `/{lang}/staff/offices/{office}/…`.

use std::time::Duration;

use axum::Router;
use axum::extract::{FromRequestParts as _, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse as _, Response};
use axum::routing::{MethodRouter, any, get, post};
use http::{Method, StatusCode};

use super::visit::Visit;
use super::{Staff, admin, forms, history, link, pages, review, signin};
use crate::i18n::{Arg, tr_args};
use crate::server::{AppError, HasPage, takes_body};

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
    router
        // Any other path of the staff area: not found, as a staff page is.
        .route("/{lang}/staff/{*rest}", any(not_found))
        .layer(middleware::from_fn_with_state(staff.clone(), answered))
        .with_state(staff)
}

/// A path of the staff area that is none of its pages.
async fn not_found(visit: Visit) -> Response {
    AppError::new(StatusCode::NOT_FOUND, visit.lang).into_response()
}

/// Every answer of the staff area, its errors made before a handler (404,
/// 405, 413) too, is never stored nor indexed; a form too large for its
/// route is told so in the page's language, with how large it may be.
async fn answered(State(staff): State<Staff>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let visit = match parts.method {
        Method::POST => Visit::from_request_parts(&mut parts, &staff).await.ok(),
        _ => None,
    };
    let mut res = next.run(Request::from_parts(parts, body)).await;
    let bare = res.extensions().get::<HasPage>().is_none();
    if let Some(visit) = visit.filter(|_| bare && res.status() == StatusCode::PAYLOAD_TOO_LARGE) {
        let mb = staff.options().max_form_bytes / (1024 * 1024);
        let text = tr_args(
            visit.lang,
            "staff-too-large",
            &[("mb", Arg::Count(mb as u64))],
        );
        let connection = res.headers().get(http::header::CONNECTION).cloned();
        res = pages::message(
            &visit,
            None,
            StatusCode::PAYLOAD_TOO_LARGE,
            "staff-too-large-title",
            vec![text],
        );
        // The body not read is not read after: the connection ends.
        if let Some(value) = connection {
            res.headers_mut().insert(http::header::CONNECTION, value);
        }
    }
    pages::no_store(res.headers_mut());
    res
}
