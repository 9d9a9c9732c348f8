//! Setting a password from a link: the link is single use, its token
//! stored hashed, good for 24 hours, voided by a newer one, and works on
//! the hosts its account signs in on only (an editor's office's, an
//! administrator's directory's); setting the password ends every session
//! of the account.

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use http::StatusCode;
use http::header::{HeaderValue, RETRY_AFTER, SET_COOKIE};

use super::guard::{Posted, broken, pre_session_ok};
use super::pages::{self, Head, PasswordPage};
use super::visit::Visit;
use super::{Staff, password, tokens};
use crate::i18n::{Arg, tr, tr_args};
use crate::store::Account;

/// The status of a password refused: the form again, with why.
const REFUSED: StatusCode = StatusCode::UNPROCESSABLE_ENTITY;

/// The page of a set-password link, `error` shown.
fn password_page(
    staff: &Staff,
    visit: &Visit,
    account: &Account,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let _ = staff;
    let lang = visit.lang;
    let token = tokens::new_token();
    let template = PasswordPage {
        head: Head::new(visit, tr(lang, "staff-set-password-title"), None),
        action: visit.path.clone(),
        csrf: tokens::csrf_of(&token),
        name: account.name.clone(),
        intro: tr_args(
            lang,
            "staff-set-password-intro",
            &[("name", Arg::Text(account.name.clone()))],
        ),
        rule: tr_args(
            lang,
            "staff-password-rule",
            &[("min", Arg::Count(password::MIN_CHARS as u64))],
        ),
        error,
    };
    let mut res = pages::page(&template, status);
    res.headers_mut()
        .append(SET_COOKIE, tokens::set_cookie(tokens::FORM, &token));
    res
}

fn link_gone(visit: &Visit) -> Response {
    pages::message(
        visit,
        None,
        StatusCode::NOT_FOUND,
        "staff-link-gone-title",
        vec![tr(visit.lang, "staff-link-gone")],
    )
}

/// `GET /{lang}/staff/password/{token}`: the form that sets a password.
pub async fn password_form(State(staff): State<Staff>, visit: Visit) -> Response {
    let token = visit.param("token").to_string();
    match staff.store().link_account(&tokens::stored(&token)).await {
        Ok(Some(account)) if staff.fits(&account, &visit) => {
            password_page(&staff, &visit, &account, None, StatusCode::OK)
        }
        Ok(_) => link_gone(&visit),
        Err(e) => broken(&visit, e),
    }
}

/// `POST /{lang}/staff/password/{token}`: sets the password, uses the
/// link up and ends every session of the account.
pub async fn password_set(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    let posted = Posted::parse(&body);
    if !visit.same_origin() {
        return pages::forbidden(&visit, None, "staff-forbidden-origin");
    }
    if !pre_session_ok(&visit, &posted) {
        return pages::forbidden(&visit, None, "staff-forbidden-csrf");
    }
    let lang = visit.lang;
    let stored = tokens::stored(visit.param("token"));
    let account = match staff.store().link_account(&stored).await {
        Ok(Some(a)) if staff.fits(&a, &visit) => a,
        Ok(_) => return link_gone(&visit),
        Err(e) => return broken(&visit, e),
    };
    if !visit.secure {
        return pages::forbidden(&visit, None, "staff-needs-https");
    }
    let new = password::normalized(&posted.get("password"));
    if new != password::normalized(&posted.get("again")) {
        let error = tr(lang, "staff-password-mismatch");
        return password_page(&staff, &visit, &account, Some(error), REFUSED);
    }
    if let Err(weak) = password::acceptable(&new, &account.name) {
        let error = tr_args(
            lang,
            weak.message_id(),
            &[
                ("min", Arg::Count(password::MIN_CHARS as u64)),
                ("max", Arg::Count(password::MAX_CHARS as u64)),
            ],
        );
        return password_page(&staff, &visit, &account, Some(error), REFUSED);
    }
    let Ok(hash) = staff
        .0
        .cpu
        .run_for(visit.client.ip, move || password::hash(&new))
        .await
    else {
        let mut res = pages::message(
            &visit,
            None,
            StatusCode::SERVICE_UNAVAILABLE,
            "staff-busy-title",
            vec![tr(lang, "staff-busy")],
        );
        res.headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from_static("1"));
        return res;
    };
    match staff.store().use_link(&stored, &hash).await {
        Ok(Some(account)) => {
            staff
                .audit(Staff::entry(
                    &visit,
                    Some(&account.name),
                    account.office.as_deref(),
                    "password-set",
                    "from a set-password link".into(),
                ))
                .await;
            let mut res = pages::see_other(&format!("/{lang}/staff/?password=set"));
            res.headers_mut()
                .append(SET_COOKIE, tokens::clear_cookie(tokens::FORM));
            res
        }
        Ok(None) => link_gone(&visit),
        Err(e) => broken(&visit, e),
    }
}
