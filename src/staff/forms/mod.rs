//! The forms: a service (change, add, remove), an officer, the date of
//! the last update, and the whole file. Each shows the charter as it is
//! now (or the clerk's kept text), and each save checks the change and
//! keeps it to be shown before it is published; a refused save shows the
//! form again with what the clerk sent, never the file's text instead.

use axum::response::Response;
use http::StatusCode;

use super::Staff;
use super::guard::{Posted, broken};
use super::pages;
use super::publish::{Current, Refused};
use super::visit::{Acting, Signed, Visit};
use crate::charter::Charter;
use crate::i18n::tr;
use crate::store::DraftKind;

mod other;
mod service;

pub use other::{file_form, file_save, officer_form, officer_save, updated_form, updated_save};
pub use service::{new_service_form, new_service_save, service_form, service_remove, service_save};

/// A page of the office acted on: the account signed in, the office.
pub(super) async fn office_page(staff: &Staff, visit: Visit) -> Result<(Signed, Acting), Response> {
    let signed = staff.page_signed(visit).await?;
    office_of(signed)
}

/// A form of the office acted on.
pub(super) async fn office_form(
    staff: &Staff,
    visit: Visit,
    posted: &Posted,
) -> Result<(Signed, Acting), Response> {
    let signed = staff.form_signed(visit, posted).await?;
    office_of(signed)
}

fn office_of(signed: Signed) -> Result<(Signed, Acting), Response> {
    let Some(acting) = signed.visit.acting.clone() else {
        return Err(pages::see_other(&signed.visit.home()));
    };
    if !signed.may_act_on(&acting.id) {
        return Err(pages::forbidden(
            &signed.visit,
            Some(&signed),
            "staff-forbidden-office",
        ));
    }
    Ok((signed, acting))
}

/// The charter as it is now, and the file's version; or the page that
/// says why the forms cannot show it.
pub(super) async fn now(
    staff: &Staff,
    signed: &Signed,
    acting: &Acting,
) -> Result<(Charter, Current), Response> {
    let current = staff
        .current(acting)
        .await
        .map_err(|e| broken(&signed.visit, e))?;
    match staff.current_charter(acting, &current).await {
        Some(charter) => Ok((charter, current)),
        None => Err(pages::message(
            &signed.visit,
            Some(signed),
            StatusCode::CONFLICT,
            "staff-file-broken-title",
            vec![tr(signed.visit.lang, "staff-file-broken")],
        )),
    }
}

/// The clerk's kept form for this page, when `?draft=1` asks for it.
pub(super) async fn kept(
    staff: &Staff,
    signed: &Signed,
    acting: &Acting,
    query: Option<&str>,
) -> Option<(Posted, String)> {
    if query != Some("draft=1") {
        return None;
    }
    let draft = staff
        .store()
        .draft(signed.account.id, &acting.id, DraftKind::Unsent)
        .await
        .ok()??;
    (draft.target == signed.visit.path)
        .then(|| (Posted::parse(draft.body.as_bytes()), draft.base_hash))
}

pub(super) fn not_found(visit: &Visit) -> Response {
    use axum::response::IntoResponse as _;
    crate::server::AppError::new(StatusCode::NOT_FOUND, visit.lang).into_response()
}

/// What follows a form's save: the preview, or the form again.
pub(super) fn after(
    signed: &Signed,
    result: Result<(), Refused>,
    again: impl FnOnce(Refused) -> Response,
) -> Response {
    match result {
        Ok(()) => pages::see_other(&format!("{}/preview", signed.visit.base())),
        Err(refused) => again(refused),
    }
}
