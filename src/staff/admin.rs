//! The administrators' pages: accounts (add, disable, enable, a new
//! set-password link) and the audit log; and what `charter staff` shares
//! with them.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use http::StatusCode;

use super::guard::{Posted, broken};
use super::pages::{self, AccountItem, AccountsPage, AuditPage, Head};
use super::signin::account_name;
use super::visit::{Signed, Visit};
use super::{Staff, tokens};
use crate::i18n::{Arg, Lang, tr, tr_args};
use crate::store::{Account, NewAccount, Store, StoreError};

/// Most entries the audit page shows.
const AUDIT_SHOWN: i64 = 1000;

/// Gives the account `id` a new set-password link valid for `valid`
/// (voiding any older one and ending its sessions): the link's token.
pub async fn issue_link(store: &Store, id: i64, valid: Duration) -> Result<String, StoreError> {
    let token = tokens::new_token();
    let expires = crate::store::now() + i64::try_from(valid.as_secs()).unwrap_or(i64::MAX / 2);
    store
        .issue_link(id, &tokens::stored(&token), expires)
        .await?;
    Ok(token)
}

/// The path of the set-password link of `token`.
pub fn link_path(lang: Lang, token: &str) -> String {
    format!("/{lang}/staff/password/{token}")
}

/// Starts of names the audit log gives to what is no account: a name
/// typed that is no account's (`unknown:`), the terminal (`terminal:`).
const RESERVED: [&str; 2] = ["unknown:", "terminal:"];

/// Whether `name` (as [`account_name`] makes it: NFC, lower case, so that
/// names differing only in case or composition are one) may name an
/// account: 2 to 64 characters, each one seen (no space, no control or
/// format character such as a zero-width space, a joiner or a right-to-
/// left mark, nothing invisible that would make a look-alike of another
/// name), not beginning with a reserved start ([`RESERVED`]).
pub fn valid_name(name: &str) -> bool {
    let count = name.chars().count();
    (2..=64).contains(&count)
        && name.chars().all(seen)
        && !RESERVED.iter().any(|r| name.starts_with(r))
}

/// Whether `c` shows as something: not a space, a control or format
/// character, unassigned or private, nor one of the letters and marks
/// that are drawn as nothing.
fn seen(c: char) -> bool {
    use unicode_properties::{GeneralCategory as G, UnicodeGeneralCategory as _};
    let invisible = matches!(
        c,
        '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}'
            | '\u{E0100}'..='\u{E01EF}'
    );
    !invisible
        && !matches!(
            c.general_category(),
            G::SpaceSeparator
                | G::LineSeparator
                | G::ParagraphSeparator
                | G::Control
                | G::Format
                | G::Surrogate
                | G::PrivateUse
                | G::Unassigned
        )
}

async fn admin_page(staff: &Staff, visit: Visit) -> Result<Signed, Response> {
    let signed = staff.page_signed(visit).await?;
    if !signed.account.admin {
        return Err(pages::forbidden(
            &signed.visit,
            Some(&signed),
            "staff-forbidden-admin",
        ));
    }
    Ok(signed)
}

async fn admin_form(staff: &Staff, visit: Visit, posted: &Posted) -> Result<Signed, Response> {
    let signed = staff.form_signed(visit, posted).await?;
    if !signed.account.admin {
        return Err(pages::forbidden(
            &signed.visit,
            Some(&signed),
            "staff-forbidden-admin",
        ));
    }
    Ok(signed)
}

impl Staff {
    /// The address of the set-password link of `token` for `account`: on
    /// its office's host, or this one.
    fn link_for(&self, visit: &Visit, account: &Account, token: &str) -> String {
        let path = link_path(visit.lang, token);
        match account
            .office
            .as_deref()
            .and_then(|id| self.0.deployment.office(id))
        {
            Some(state) if visit.home_office.is_none() => state.site().base_url.join(&path),
            _ => format!("{}{path}", visit.origin),
        }
    }

    /// The accounts page, 422 with `error` when a form was refused.
    async fn accounts_page(
        &self,
        signed: &Signed,
        notes: Vec<String>,
        link: Option<(String, String)>,
        error: Option<String>,
    ) -> Response {
        let lang = signed.visit.lang;
        let accounts = match self.store().accounts().await {
            Ok(a) => a,
            Err(e) => return broken(&signed.visit, e),
        };
        let mut offices: Vec<String> = self
            .0
            .deployment
            .offices()
            .into_iter()
            .map(|o| o.id)
            .collect();
        if let Some(single) = self.0.deployment.single_office() {
            offices.extend(self.0.deployment.office_id(&single));
        }
        let template = AccountsPage {
            head: Head::new(
                &signed.visit,
                tr(lang, "staff-accounts-title"),
                Some(signed),
            ),
            csrf: signed.csrf(),
            notes,
            link,
            accounts: accounts
                .into_iter()
                .map(|a| AccountItem {
                    office: a
                        .office
                        .clone()
                        .unwrap_or_else(|| tr(lang, "staff-admin-account")),
                    state: tr(
                        lang,
                        match (a.disabled, a.password_hash.is_some()) {
                            (true, _) => "staff-state-disabled",
                            (false, true) => "staff-state-active",
                            (false, false) => "staff-state-waiting",
                        },
                    ),
                    disabled: a.disabled,
                    action: format!("/{lang}/staff/accounts/{}", a.id),
                    name: a.name,
                })
                .collect(),
            offices,
            add_action: format!("/{lang}/staff/accounts"),
            error: error.clone(),
        };
        let status = match error {
            Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
            None => StatusCode::OK,
        };
        pages::page(&template, status)
    }
}

/// `GET /{lang}/staff/accounts`.
pub async fn accounts(State(staff): State<Staff>, visit: Visit) -> Response {
    match admin_page(&staff, visit).await {
        Ok(signed) => staff.accounts_page(&signed, Vec::new(), None, None).await,
        Err(res) => res,
    }
}

/// `POST /{lang}/staff/accounts`: adds an account, and shows its link.
pub async fn add_account(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    let posted = Posted::parse(&body);
    let signed = match admin_form(&staff, visit, &posted).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let lang = signed.visit.lang;
    let name = account_name(&posted.get("name"));
    let office = Some(posted.get("office")).filter(|o| !o.is_empty());
    // An administrator only when asked for, never for want of an office.
    let admin = posted.get("admin") == "yes";
    let refused = if !valid_name(&name) {
        Some("staff-account-invalid")
    } else if admin == office.is_some()
        || office
            .as_deref()
            .is_some_and(|o| staff.0.deployment.office(o).is_none())
    {
        Some("staff-account-choose")
    } else {
        None
    };
    if let Some(id) = refused {
        return staff
            .accounts_page(&signed, Vec::new(), None, Some(tr(lang, id)))
            .await;
    }
    let new = NewAccount {
        name: name.clone(),
        admin,
        office: office.clone(),
    };
    let account = match staff.store().add_account(&new).await {
        Ok(Some(a)) => a,
        Ok(None) => {
            let taken = tr(lang, "staff-account-taken");
            return staff
                .accounts_page(&signed, Vec::new(), None, Some(taken))
                .await;
        }
        Err(e) => return broken(&signed.visit, e),
    };
    let token = match issue_link(staff.store(), account.id, staff.options().link_valid).await {
        Ok(t) => t,
        Err(e) => return broken(&signed.visit, e),
    };
    let detail = format!(
        "added {name} ({})",
        office.as_deref().unwrap_or("administrator")
    );
    staff
        .audit(Staff::entry(
            &signed.visit,
            Some(&signed.account.name),
            office.as_deref(),
            "account-added",
            detail,
        ))
        .await;
    let link = staff.link_for(&signed.visit, &account, &token);
    let text = tr_args(lang, "staff-link-for", &[("name", Arg::Text(name))]);
    staff
        .accounts_page(&signed, Vec::new(), Some((text, link)), None)
        .await
}

/// `POST /{lang}/staff/accounts/{id}`: disable, enable, or a new link.
pub async fn change_account(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    let posted = Posted::parse(&body);
    let signed = match admin_form(&staff, visit, &posted).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let lang = signed.visit.lang;
    let account = match signed.visit.param("id").parse::<i64>() {
        Ok(id) => staff.store().account(id).await,
        Err(_) => Ok(None),
    };
    let account = match account {
        Ok(Some(a)) => a,
        Ok(None) => {
            use axum::response::IntoResponse as _;
            return crate::server::AppError::new(StatusCode::NOT_FOUND, lang).into_response();
        }
        Err(e) => return broken(&signed.visit, e),
    };
    let office = account.office.clone();
    let (action, done) = match posted.get("do").as_str() {
        "disable" => (
            "account-disabled",
            staff
                .store()
                .set_disabled(account.id, true)
                .await
                .map(|_| None),
        ),
        "enable" => (
            "account-enabled",
            staff
                .store()
                .set_disabled(account.id, false)
                .await
                .map(|_| None),
        ),
        "reset" => (
            "account-reset",
            issue_link(staff.store(), account.id, staff.options().link_valid)
                .await
                .map(Some),
        ),
        _ => return pages::forbidden(&signed.visit, Some(&signed), "staff-forbidden-csrf"),
    };
    let token = match done {
        Ok(t) => t,
        Err(e) => return broken(&signed.visit, e),
    };
    staff
        .audit(Staff::entry(
            &signed.visit,
            Some(&signed.account.name),
            office.as_deref(),
            action,
            account.name.clone(),
        ))
        .await;
    let link = token.map(|t| {
        let text = tr_args(
            lang,
            "staff-link-for",
            &[("name", Arg::Text(account.name.clone()))],
        );
        (text, staff.link_for(&signed.visit, &account, &t))
    });
    let note = tr_args(
        lang,
        "staff-account-done",
        &[("name", Arg::Text(account.name.clone()))],
    );
    staff.accounts_page(&signed, vec![note], link, None).await
}

/// `GET /{lang}/staff/audit`.
pub async fn audit(State(staff): State<Staff>, visit: Visit) -> Response {
    let signed = match admin_page(&staff, visit).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let lang = signed.visit.lang;
    let entries = match staff.store().audit_entries(None, AUDIT_SHOWN).await {
        Ok(e) => e,
        Err(e) => return broken(&signed.visit, e),
    };
    let template = AuditPage {
        head: Head::new(&signed.visit, tr(lang, "staff-audit-title"), Some(&signed)),
        intro: tr_args(
            lang,
            "staff-audit-intro",
            &[("count", Arg::Count(AUDIT_SHOWN.unsigned_abs()))],
        ),
        entries: entries
            .into_iter()
            .map(|e| {
                let dash = || "-".to_string();
                (
                    pages::when(lang, e.at_ms / 1000),
                    e.account.unwrap_or_else(dash),
                    e.office.unwrap_or_else(dash),
                    format!("{}: {}", e.action, e.detail),
                    e.client.unwrap_or_else(dash),
                )
            })
            .collect(),
    };
    pages::page(&template, StatusCode::OK)
}
