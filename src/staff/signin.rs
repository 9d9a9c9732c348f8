//! Signing in and out, and setting a password from a link.
//!
//! A sign-in answers the same, after the same work, whether the name is
//! no account's, the account is disabled or the password is wrong: every
//! attempt verifies one argon2id hash (a dummy one when there is no
//! account's to verify), on the CPU pool. Attempts are throttled
//! ([`super::throttle`]) and every attempt is in the audit log; a name
//! that is no account's is logged by the start of its keyed hash, as it is
//! often a password typed in the wrong box.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use http::StatusCode;
use http::header::{HeaderValue, RETRY_AFTER, SET_COOKIE};
use unicode_normalization::UnicodeNormalization as _;

use super::guard::{CARRY_MAX, Posted, broken, pre_session_ok};
use super::pages;
use super::visit::{Session, Visit};
use super::{Staff, password, tokens};
use crate::i18n::{Arg, tr, tr_args};
use crate::store::{Account, AuditEntry, Draft, DraftKind};

/// A name as accounts are named: trimmed, NFC, lower case (and NFC
/// again, which lower case may undo), so that names that differ only in
/// case or in how a letter was composed are the same name.
pub fn account_name(typed: &str) -> String {
    typed
        .trim()
        .nfc()
        .collect::<String>()
        .to_lowercase()
        .nfc()
        .collect()
}

impl Staff {
    /// An entry of the audit log, now, from `visit`'s client.
    pub fn entry(
        visit: &Visit,
        account: Option<&str>,
        office: Option<&str>,
        action: &str,
        detail: String,
    ) -> AuditEntry {
        AuditEntry {
            at_ms: crate::store::now_ms(),
            account: account.map(String::from),
            office: office.map(String::from),
            action: action.to_string(),
            detail,
            client: Some(visit.client_text()),
        }
    }
}

/// `GET /{lang}/staff/`: the sign-in form, or the office's home (the
/// list of offices, for an administrator on the directory's host).
pub async fn home(State(staff): State<Staff>, RawQuery(query): RawQuery, visit: Visit) -> Response {
    match staff.session(visit).await {
        Ok(Session::Good(signed)) => staff.dashboard(*signed).await,
        Ok(Session::Ended(_, _, visit)) => {
            let note = tr(visit.lang, "staff-ended");
            staff.sign_in_page(&visit, StatusCode::OK, vec![note], None, None)
        }
        Ok(Session::None(visit)) => {
            let notes = match query.as_deref() {
                Some("password=set") => vec![tr(visit.lang, "staff-password-was-set")],
                _ => Vec::new(),
            };
            staff.sign_in_page(&visit, StatusCode::OK, notes, None, None)
        }
        Err(e) => pages::broken_response(e),
    }
}

/// Most characters of a name typed that the sign-in reads and shows
/// back: no account's name is longer than 64 ([`super::valid_name`]).
const NAME_READ: usize = 100;

/// The form carried through the sign-in in `posted`, if any and not too
/// large.
fn carried(posted: &Posted) -> Option<(String, String)> {
    let (path, body) = (posted.get("carry_path"), posted.get("carry_body"));
    (!path.is_empty() && path.len() + body.len() <= CARRY_MAX).then_some((path, body))
}

/// The password typed, NFC, or `None` when it is longer than any password
/// may be: refused without hashing it.
fn typed_password(posted: &Posted) -> Option<String> {
    let raw = posted.get("password");
    // A letter typed as its parts is at most a few characters: far more
    // than the rule allows is not even normalised.
    if raw.chars().count() > 4 * password::MAX_CHARS {
        return None;
    }
    let normalized = password::normalized(&raw);
    (normalized.chars().count() <= password::MAX_CHARS).then_some(normalized)
}

/// `POST /{lang}/staff/sign-in`.
pub async fn sign_in(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    let posted = Posted::parse(&body);
    let lang = visit.lang;
    let carry = carried(&posted);
    if !visit.same_origin() {
        return pages::forbidden(&visit, None, "staff-forbidden-origin");
    }
    if !pre_session_ok(&visit, &posted) {
        let note = tr(lang, "staff-forbidden-csrf");
        return staff.sign_in_page(&visit, StatusCode::FORBIDDEN, vec![note], None, carry);
    }
    if !visit.secure {
        return staff.sign_in_page(&visit, StatusCode::FORBIDDEN, Vec::new(), None, None);
    }
    let typed = posted.get("name");
    // A name longer than any account's is no account's: read in part,
    // and not shown back.
    let too_long = typed.chars().count() > NAME_READ;
    let typed: String = typed.chars().take(NAME_READ + 1).collect();
    let name = account_name(&typed);
    let rules = staff.options().throttle;
    // Counted before the password is checked, so that attempts sent at
    // once are not all checked.
    let attempt = match rules.attempt(staff.store(), &name, visit.client.ip).await {
        Err(e) => return broken(&visit, e),
        Ok(Ok(attempt)) => attempt,
        Ok(Err(wait)) => {
            let known = staff.store().account_named(&name).await.ok().flatten();
            let who = logged_name(&staff, known.as_ref(), &name);
            let detail = format!("refused for {wait} s after repeated failures");
            staff
                .audit(Staff::entry(
                    &visit,
                    Some(&who),
                    None,
                    "sign-in-throttled",
                    detail,
                ))
                .await;
            let text = tr_args(
                lang,
                "staff-throttled",
                &[("seconds", Arg::Count(wait.unsigned_abs()))],
            );
            let mut res = staff.sign_in_page(
                &visit,
                StatusCode::TOO_MANY_REQUESTS,
                vec![text],
                None,
                carry,
            );
            if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
                res.headers_mut().insert(RETRY_AFTER, v);
            }
            return res;
        }
    };
    let account = match staff.store().account_named(&name).await {
        Ok(a) => a,
        Err(e) => return broken(&visit, e),
    };
    let typed_password = typed_password(&posted);
    let verified = match typed_password {
        // Longer than any password: refused at once.
        None => Ok(false),
        Some(typed_password) => {
            // The same work whatever the account: one hash verified.
            let hash = (account.as_ref())
                .and_then(|a| a.password_hash.clone())
                .unwrap_or_else(|| staff.0.dummy_hash.clone());
            staff
                .0
                .cpu
                .run_for(visit.client.ip, move || {
                    password::verify(&typed_password, &hash)
                })
                .await
        }
    };
    let Ok(verified) = verified else {
        if let Err(e) = attempt.not_checked(staff.store()).await {
            return broken(&visit, e);
        }
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
    let signed_in = account
        .as_ref()
        .filter(|a| verified && !a.disabled && a.password_hash.is_some() && staff.fits(a, &visit));
    let shown = if too_long { String::new() } else { typed };
    let Some(account) = signed_in else {
        if let Err(e) = attempt.failed(staff.store()).await {
            return broken(&visit, e);
        }
        let reason = match &account {
            None => "no such account",
            Some(a) if a.disabled => "account disabled",
            Some(a) if a.password_hash.is_none() => "no password set yet",
            Some(_) if !verified => "wrong password",
            Some(_) => "not an account of this host",
        };
        return staff
            .sign_in_failed(&visit, account.as_ref(), &name, reason, shown, carry)
            .await;
    };
    let token = tokens::new_token();
    // Opened only if the account is as it was read: a password set, a
    // link issued or the account disabled while the password was checked
    // opens nothing.
    let opened = staff
        .store()
        .open_session(&tokens::stored(&token), account, &visit.host)
        .await;
    match opened {
        Err(e) => return broken(&visit, e),
        Ok(false) => {
            if let Err(e) = attempt.not_checked(staff.store()).await {
                return broken(&visit, e);
            }
            let reason = "the account changed while its password was checked";
            return staff
                .sign_in_failed(&visit, Some(account), &name, reason, shown, carry)
                .await;
        }
        Ok(true) => {}
    }
    if let Err(e) = attempt.succeeded(staff.store()).await {
        tracing::warn!("a sign-in's throttle counts were not taken back: {e}");
    }
    let office = visit.home_office.as_ref().map(|o| o.id.clone());
    staff
        .audit(Staff::entry(
            &visit,
            Some(&account.name),
            office.as_deref(),
            "sign-in",
            format!("on {}", visit.host),
        ))
        .await;
    if let Some((path, body)) = carry {
        staff.keep_carried(account, &visit, path, body).await;
    }
    let mut res = pages::see_other(&visit.home());
    res.headers_mut()
        .append(SET_COOKIE, tokens::set_cookie(tokens::SESSION, &token));
    res.headers_mut()
        .append(SET_COOKIE, tokens::clear_cookie(tokens::FORM));
    res
}

impl Staff {
    /// A failed sign-in of `name` (`account`, if it is one's), audited
    /// with `reason`: the sign-in page, the same whatever the reason, the
    /// name typed `shown` back.
    async fn sign_in_failed(
        &self,
        visit: &Visit,
        account: Option<&Account>,
        name: &str,
        reason: &str,
        shown: String,
        carry: Option<(String, String)>,
    ) -> Response {
        let who = logged_name(self, account, name);
        let office = visit.home_office.as_ref().map(|o| o.id.clone());
        self.audit(Staff::entry(
            visit,
            Some(&who),
            office.as_deref(),
            "sign-in-failed",
            reason.into(),
        ))
        .await;
        let error = (
            shown.trim().to_string(),
            tr(visit.lang, "staff-sign-in-failed"),
        );
        self.sign_in_page(visit, StatusCode::OK, Vec::new(), Some(error), carry)
    }
}

/// How the audit log names the account of a name typed: the account's
/// name, or for no account's, the start of the name's keyed hash (not a
/// plain hash, which a list of likely passwords would undo).
fn logged_name(staff: &Staff, account: Option<&Account>, name: &str) -> String {
    match account {
        Some(a) => a.name.clone(),
        None => format!("unknown:{}", &staff.store().keyed(name)[..12]),
    }
}

impl Staff {
    /// Keeps a form carried through the sign-in as the account's draft of
    /// the office whose path it was sent to.
    async fn keep_carried(&self, account: &Account, visit: &Visit, path: String, body: String) {
        let prefix = format!("/{}/staff/", visit.lang);
        let Some(rest) = path.strip_prefix(&prefix) else {
            return;
        };
        let office = match rest.strip_prefix("offices/") {
            Some(r) => r.split('/').next().map(String::from),
            None => visit.home_office.as_ref().map(|o| o.id.clone()),
        };
        let Some(office) = office.filter(|o| account.admin || account.office.as_deref() == Some(o))
        else {
            return;
        };
        let base_hash = Posted::parse(body.as_bytes()).get("base");
        let draft = Draft {
            target: path,
            base_hash,
            body,
            saved_at: crate::store::now(),
        };
        if let Err(e) = self
            .store()
            .keep_draft(account.id, &office, DraftKind::Unsent, &draft)
            .await
        {
            tracing::warn!("a form carried through the sign-in was not kept: {e}");
        }
    }
}

/// `POST /{lang}/staff/sign-out`, and `…/sign-out-everywhere` when
/// `everywhere`.
async fn sign_out_of(staff: Staff, visit: Visit, body: Bytes, everywhere: bool) -> Response {
    let posted = Posted::parse(&body);
    let signed = match staff.form_signed(visit, &posted).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let ended = if everywhere {
        staff.store().end_sessions(signed.account.id).await
    } else {
        staff
            .store()
            .end_session(&tokens::stored(&signed.token))
            .await
    };
    if let Err(e) = ended {
        return broken(&signed.visit, e);
    }
    let action = if everywhere {
        "sign-out-everywhere"
    } else {
        "sign-out"
    };
    staff
        .audit(Staff::entry(
            &signed.visit,
            Some(&signed.account.name),
            None,
            action,
            String::new(),
        ))
        .await;
    let mut res = pages::see_other(&signed.visit.home());
    res.headers_mut()
        .append(SET_COOKIE, tokens::clear_cookie(tokens::SESSION));
    res
}

/// `POST /{lang}/staff/sign-out`.
pub async fn sign_out(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    sign_out_of(staff, visit, body, false).await
}

/// `POST /{lang}/staff/sign-out-everywhere`.
pub async fn sign_out_everywhere(
    State(staff): State<Staff>,
    visit: Visit,
    body: Bytes,
) -> Response {
    sign_out_of(staff, visit, body, true).await
}
