//! What a staff request is: its language, host and client, the office
//! it acts on, and the account signed in, if any, with what it may do.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{FromRef, FromRequestParts, RawPathParams};
use http::StatusCode;
use http::header::{self, HeaderMap};
use http::request::Parts;

use super::{Staff, tokens};
use crate::i18n::Lang;
use crate::server::{Addressed, AppState, Client};
use crate::store::{Account, StoreError};

/// The office a request acts on.
#[derive(Clone)]
pub struct Acting {
    /// Its id: the file's name without `.toml`.
    pub id: String,
    /// Its site and reload.
    pub state: Arc<AppState>,
}

/// A staff request, before anyone is known to have signed in.
pub struct Visit {
    /// The language of the path.
    pub lang: Lang,
    /// The host, keyed (lower case, without port or final dot).
    pub host: String,
    /// The origin a form of this site is sent from.
    pub origin: String,
    /// The client, behind the trusted proxy if any.
    pub client: Client,
    /// Whether a password may be sent: over HTTPS, or from this computer.
    pub secure: bool,
    /// The office the host answers for (`None`: the directory's host).
    pub home_office: Option<Acting>,
    /// The office the route acts on.
    pub acting: Option<Acting>,
    /// The path asked for.
    pub path: String,
    /// Whether the request was a GET or HEAD: the page answering a POST
    /// cannot be asked for again at its address.
    pub read: bool,
    /// The path's parameters.
    pub params: HashMap<String, String>,
    /// The request's headers.
    pub headers: HeaderMap,
}

// Any state that holds the staff area: the feedback room's inbox is a
// staff page too.
impl<S> FromRequestParts<S> for Visit
where
    S: Send + Sync,
    Staff: FromRef<S>,
{
    type Rejection = axum::response::Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        use axum::response::IntoResponse as _;
        let staff = &Staff::from_ref(state);
        let not_found =
            |lang| crate::server::AppError::new(StatusCode::NOT_FOUND, lang).into_response();
        let params: HashMap<String, String> =
            match RawPathParams::from_request_parts(parts, state).await {
                Ok(raw) => raw
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                Err(_) => HashMap::new(),
            };
        let lang: Lang = params
            .get("lang")
            .and_then(|l| l.parse().ok())
            .ok_or_else(|| not_found(Lang::Bn))?;
        let Some(Addressed { to, from: client }) = parts.extensions.get::<Addressed>().cloned()
        else {
            return Err(not_found(lang));
        };
        let deployment = &staff.0.deployment;
        let home_office = match to {
            crate::server::Answerer::Office(state) => {
                let id = deployment
                    .office_id(&state)
                    .ok_or_else(|| not_found(lang))?;
                Some(Acting { id, state })
            }
            crate::server::Answerer::Directory(_) => None,
        };
        let acting = match (params.get("office"), &home_office) {
            // An office named in the path: the directory's host only.
            (Some(id), None) => {
                let state = deployment.office(id).ok_or_else(|| not_found(lang))?;
                Some(Acting {
                    id: id.clone(),
                    state,
                })
            }
            (Some(_), Some(_)) => return Err(not_found(lang)),
            (None, home) => home.clone(),
        };
        let authority = match parts.uri.authority() {
            Some(a) => a.as_str().to_string(),
            None => (parts.headers.get(header::HOST))
                .and_then(|h| h.to_str().ok())
                .unwrap_or_default()
                .to_string(),
        };
        let host = host_key(&authority);
        let https = client.https || staff.options().https;
        let forwarded = parts.headers.contains_key("x-forwarded-for");
        let loopback = !client.proxied && !forwarded && is_loopback(client.ip);
        Ok(Visit {
            lang,
            origin: format!(
                "{}://{}",
                if https { "https" } else { "http" },
                authority.to_ascii_lowercase()
            ),
            host,
            client,
            secure: https || loopback,
            home_office,
            acting,
            path: parts.uri.path().to_string(),
            read: matches!(parts.method, http::Method::GET | http::Method::HEAD),
            params,
            headers: parts.headers.clone(),
        })
    }
}

fn is_loopback(ip: IpAddr) -> bool {
    ip.to_canonical().is_loopback()
}

/// `authority` as sessions key it: lower case, without its port or a
/// final dot.
fn host_key(authority: &str) -> String {
    let name = match authority.strip_prefix('[') {
        Some(rest) => format!("[{}]", rest.split(']').next().unwrap_or_default()),
        None => authority.split(':').next().unwrap_or_default().to_string(),
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

impl Visit {
    /// The staff area's home on this host.
    pub fn home(&self) -> String {
        format!("/{}/staff/", self.lang)
    }

    /// The start of the paths of the office acted on: `/{lang}/staff` on
    /// the office's host, `/{lang}/staff/offices/{id}` on the directory's.
    pub fn base(&self) -> String {
        match (&self.home_office, &self.acting) {
            (None, Some(acting)) => format!("/{}/staff/offices/{}", self.lang, acting.id),
            _ => format!("/{}/staff", self.lang),
        }
    }

    /// A parameter of the path.
    pub fn param(&self, name: &str) -> &str {
        self.params.get(name).map_or("", String::as_str)
    }

    /// The session cookie's token.
    pub fn session_token(&self) -> Option<String> {
        tokens::cookie(&self.headers, tokens::SESSION)
    }

    /// Whether the request comes from a page of this site: its `Origin`
    /// is this site's own.
    pub fn same_origin(&self) -> bool {
        (self.headers.get(header::ORIGIN))
            .and_then(|o| o.to_str().ok())
            .is_some_and(|o| o.eq_ignore_ascii_case(&self.origin))
    }

    /// The client's address, for the audit log.
    pub fn client_text(&self) -> String {
        self.client.ip.to_string()
    }
}

/// A request from an account signed in.
pub struct Signed {
    /// The request.
    pub visit: Visit,
    /// The account.
    pub account: Account,
    /// The session's token.
    pub token: String,
}

impl Signed {
    /// The CSRF token of this session's forms.
    pub fn csrf(&self) -> String {
        tokens::csrf_of(&self.token)
    }

    /// Whether the account may act on the office `id`.
    pub fn may_act_on(&self, id: &str) -> bool {
        self.account.admin || self.account.office.as_deref() == Some(id)
    }
}

/// What the session cookie of `visit` gives.
pub enum Session {
    /// A session good on this host now.
    Good(Box<Signed>),
    /// The session has ended (idle, too old, its account disabled):
    /// the account it was, and the token.
    Ended(Account, String, Box<Visit>),
    /// No session this host knows.
    None(Box<Visit>),
}

impl Staff {
    /// Whether `account` may sign in, hold a session or set its password
    /// on `visit`'s host: an editor on its office's host; an
    /// administrator on the directory's host of a folder of offices, or
    /// on the office's host of a single charter (which has no directory).
    pub(super) fn fits(&self, account: &Account, visit: &Visit) -> bool {
        match &visit.home_office {
            Some(office) => {
                account.office.as_deref() == Some(office.id.as_str())
                    || (account.admin && self.0.deployment.folder_path().is_none())
            }
            None => account.admin,
        }
    }

    /// The session of `visit`, as [`Session`] says.
    pub async fn session(&self, visit: Visit) -> Result<Session, StoreError> {
        let Some(token) = visit.session_token() else {
            return Ok(Session::None(Box::new(visit)));
        };
        let stored = tokens::stored(&token);
        let Some(session) = self.store().session(&stored).await? else {
            return Ok(Session::None(Box::new(visit)));
        };
        if session.host != visit.host {
            return Ok(Session::None(Box::new(visit)));
        }
        let Some(account) = self.store().account(session.account_id).await? else {
            return Ok(Session::None(Box::new(visit)));
        };
        let now = crate::store::now();
        let idle = i64::try_from(self.options().idle.as_secs()).unwrap_or(i64::MAX);
        let absolute = i64::try_from(self.options().absolute.as_secs()).unwrap_or(i64::MAX);
        if account.disabled
            || !self.fits(&account, &visit)
            || now - session.seen_at > idle
            || now - session.created_at > absolute
        {
            return Ok(Session::Ended(account, token, Box::new(visit)));
        }
        // Written at most once a minute: a page is not a write.
        if now - session.seen_at >= 60 {
            self.store().touch_session(&stored, now).await?;
        }
        Ok(Session::Good(Box::new(Signed {
            visit,
            account,
            token,
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_keyed_without_port_or_case() {
        assert_eq!(host_key("Haluaghat.localhost:3000"), "haluaghat.localhost");
        assert_eq!(host_key("[::1]:3000"), "[::1]");
        assert_eq!(host_key("example.gov.bd."), "example.gov.bd");
    }
}
