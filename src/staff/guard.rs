//! What every staff request passes before its route does anything: a page
//! needs an account signed in on this host (else the sign-in page); a
//! form sent (every POST) must come from a page of this site (its
//! `Origin`) and carry the CSRF token of its cookie, or it is refused,
//! 403, in the page's language.
//!
//! A form sent after its session ended is not lost: when the session is
//! still known (it ended by time), what was sent is kept as the account's
//! draft and offered back after signing in again; when it is not, the
//! sign-in page carries it through the sign-in.

use std::collections::HashMap;

use axum::response::Response;
use http::StatusCode;

use super::pages::{self, Head, SignInPage};
use super::visit::{Session, Signed, Visit};
use super::{Staff, tokens};
use crate::i18n::tr;
use crate::store::{Draft, DraftKind};

/// Largest form carried through the sign-in, in bytes: a charter file of
/// over 100,000 Bangla letters, as a form sends them. A larger one is not
/// sent back to a client no one has signed in on.
pub const CARRY_MAX: usize = 1024 * 1024;

/// A form as sent: its fields, and its body as it came.
pub struct Posted {
    /// The body, to keep as it is.
    pub raw: String,
    fields: HashMap<String, String>,
}

impl Posted {
    /// The form in `body` (`application/x-www-form-urlencoded`).
    pub fn parse(body: &[u8]) -> Posted {
        let fields = form_urlencoded::parse(body).into_owned().collect();
        Posted {
            raw: String::from_utf8_lossy(body).into_owned(),
            fields,
        }
    }

    /// The field `name`, empty when it was not sent.
    pub fn get(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

/// The form cookie's CSRF check of a form sent before signing in.
pub fn pre_session_ok(visit: &Visit, posted: &Posted) -> bool {
    tokens::cookie(&visit.headers, tokens::FORM)
        .is_some_and(|token| tokens::csrf_matches(&token, &posted.get("csrf")))
}

/// The server's error, 500 with the site's page.
pub fn broken(visit: &Visit, e: impl std::fmt::Display) -> Response {
    tracing::error!("the staff area failed: {e}");
    use axum::response::IntoResponse as _;
    crate::server::AppError::new(StatusCode::INTERNAL_SERVER_ERROR, visit.lang).into_response()
}

impl Staff {
    /// The account signed in for a page, or the answer: the sign-in page
    /// (303 to it).
    pub async fn page_signed(&self, visit: Visit) -> Result<Signed, Response> {
        match self.session(visit).await {
            Ok(Session::Good(signed)) => Ok(*signed),
            Ok(Session::Ended(_, _, visit) | Session::None(visit)) => {
                Err(pages::see_other(&visit.home()))
            }
            Err(e) => Err(pages::broken_response(e)),
        }
    }

    /// The account that sent the form `posted`, or the answer: 403 for a
    /// form from elsewhere or without its token; for a session that
    /// ended, the sign-in page, what was sent kept.
    pub async fn form_signed(&self, visit: Visit, posted: &Posted) -> Result<Signed, Response> {
        if !visit.same_origin() {
            return Err(pages::forbidden(&visit, None, "staff-forbidden-origin"));
        }
        let csrf = posted.get("csrf");
        match self.session(visit).await {
            Err(e) => Err(pages::broken_response(e)),
            Ok(Session::Good(signed)) => {
                if tokens::csrf_matches(&signed.token, &csrf) {
                    Ok(*signed)
                } else {
                    Err(pages::forbidden(
                        &signed.visit,
                        Some(&signed),
                        "staff-forbidden-csrf",
                    ))
                }
            }
            Ok(Session::Ended(account, token, visit)) => {
                let office = visit.acting.as_ref().map(|a| a.id.clone());
                let kept = match office {
                    Some(office) if tokens::csrf_matches(&token, &csrf) && !account.disabled => {
                        let draft = Draft {
                            target: visit.path.clone(),
                            base_hash: posted.get("base"),
                            body: posted.raw.clone(),
                            saved_at: crate::store::now(),
                        };
                        self.store()
                            .keep_draft(account.id, &office, DraftKind::Unsent, &draft)
                            .await
                            .is_ok()
                    }
                    _ => false,
                };
                let carry = (!kept).then(|| (visit.path.clone(), posted.raw.clone()));
                let note = if kept {
                    "staff-ended-kept"
                } else {
                    "staff-ended-carried"
                };
                Err(self.sign_in_page(
                    &visit,
                    StatusCode::FORBIDDEN,
                    vec![tr(visit.lang, note)],
                    None,
                    carry,
                ))
            }
            Ok(Session::None(visit)) => {
                let carry = Some((visit.path.clone(), posted.raw.clone()));
                let note = tr(visit.lang, "staff-ended-carried");
                Err(self.sign_in_page(&visit, StatusCode::FORBIDDEN, vec![note], None, carry))
            }
        }
    }

    /// The sign-in page: a new form cookie and its CSRF token, `notes`,
    /// `error`, and a form carried through the sign-in.
    pub fn sign_in_page(
        &self,
        visit: &Visit,
        status: StatusCode,
        notes: Vec<String>,
        error: Option<(String, String)>,
        carry: Option<(String, String)>,
    ) -> Response {
        let token = tokens::new_token();
        let (name, error) = error.unzip();
        // What a client no one has signed in on sent is not all sent back.
        let carry = carry.filter(|(path, body)| path.len() + body.len() <= CARRY_MAX);
        let template = SignInPage {
            head: Head::new(visit, tr(visit.lang, "staff-sign-in-title"), None),
            action: format!("/{}/staff/sign-in", visit.lang),
            csrf: tokens::csrf_of(&token),
            name: name.unwrap_or_default(),
            notes,
            error,
            carry,
            secure: visit.secure,
        };
        let mut res = pages::page(&template, status);
        res.headers_mut().append(
            http::header::SET_COOKIE,
            tokens::set_cookie(tokens::FORM, &token),
        );
        res
    }
}
