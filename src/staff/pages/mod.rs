//! The staff pages: made for each request from templates under
//! `templates/staff/`, every string from `locales/*/staff.ftl`, sent with
//! `Cache-Control: no-store` and `X-Robots-Tag: noindex, nofollow`.

mod views;

use askama::Template;
use axum::body::Body;
use axum::response::Response;
use http::StatusCode;
use http::header::{self, HeaderValue};

pub use views::*;

use super::visit::{Signed, Visit};
use crate::assets;
use crate::i18n::{Lang, tr};
use crate::server::HasPage;

/// A link of a page.
#[derive(Debug, Clone)]
pub struct Link {
    /// What it says.
    pub label: String,
    /// Where it leads.
    pub url: String,
    /// Whether it is the page shown.
    pub current: bool,
}

/// Who is signed in, and the forms that sign out.
#[derive(Debug, Clone)]
pub struct Bar {
    /// The account's name.
    pub name: String,
    /// The session's CSRF token.
    pub csrf: String,
    /// Where signing out goes.
    pub sign_out: String,
    /// Where signing out everywhere goes.
    pub sign_out_all: String,
}

/// What every staff page shares.
#[derive(Debug, Clone)]
pub struct Head {
    /// The page's language code.
    pub lang: &'static str,
    page: Lang,
    /// `<title>`.
    pub title: String,
    /// The stylesheet.
    pub css: String,
    /// The icon.
    pub icon: String,
    /// The office acted on, named.
    pub office: Option<String>,
    /// The staff area's navigation.
    pub links: Vec<Link>,
    /// Who is signed in.
    pub bar: Option<Bar>,
    /// This page in the other language.
    pub switch_url: String,
    /// The other language's code.
    pub other_lang: &'static str,
    /// The other language's name, in it.
    pub switch_name: String,
}

impl Head {
    /// The head of a page titled `title` for `visit`, by `signed` if
    /// anyone is signed in.
    pub fn new(visit: &Visit, title: String, signed: Option<&Signed>) -> Head {
        let page = visit.lang;
        let other = page.other();
        // The page that answers a form leads to the same place in the
        // other language only when it can be asked for (a GET); else to
        // the staff area's home there.
        let rest = (visit.path.strip_prefix(&format!("/{page}/")))
            .filter(|_| visit.read)
            .unwrap_or("staff/");
        let mut links = Vec::new();
        let mut link = |id: &str, url: String| {
            links.push(Link {
                label: tr(page, id),
                current: url == visit.path,
                url,
            });
        };
        if let Some(signed) = signed {
            if visit.home_office.is_none() && signed.account.admin {
                link("staff-offices-title", visit.home());
            }
            if let Some(acting) = &visit.acting {
                let base = visit.base();
                let home = if visit.home_office.is_some() {
                    visit.home()
                } else {
                    base.clone()
                };
                link("staff-home", home);
                link("feedback-inbox-title", format!("{base}/feedback"));
                link("staff-file-title", format!("{base}/file"));
                link("staff-history-title", format!("{base}/history"));
                let _ = acting;
            }
            if visit.acting.is_none() && signed.account.admin {
                link("feedback-inbox-title", format!("/{page}/staff/feedback"));
            }
            if signed.account.admin {
                link("staff-accounts-title", format!("/{page}/staff/accounts"));
                link("staff-audit-title", format!("/{page}/staff/audit"));
            }
        }
        Head {
            lang: page.code(),
            page,
            title: format!("{title} | {}", tr(page, "staff-area")),
            css: assets::url("style.css"),
            icon: assets::url(assets::ICON),
            office: visit
                .acting
                .as_ref()
                .map(|a| a.state.site().charter.office.full_name(page)),
            links,
            bar: signed.map(|s| Bar {
                name: s.account.name.clone(),
                csrf: s.csrf(),
                sign_out: format!("/{page}/staff/sign-out"),
                sign_out_all: format!("/{page}/staff/sign-out-everywhere"),
            }),
            switch_url: format!("/{other}/{rest}"),
            other_lang: other.code(),
            switch_name: tr(other, "lang-name"),
        }
    }

    /// The interface string `id` in the page's language.
    pub fn t(&self, id: &str) -> String {
        tr(self.page, id)
    }
}

/// `template` as a staff page answered with `status`.
pub fn page<T: Template>(template: &T, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => respond(Body::from(html), status, "text/html; charset=utf-8"),
        Err(e) => {
            tracing::error!("a staff page could not be rendered: {e}");
            respond(
                Body::empty(),
                StatusCode::INTERNAL_SERVER_ERROR,
                "text/plain",
            )
        }
    }
}

fn respond(body: Body, status: StatusCode, content_type: &'static str) -> Response {
    let mut res = Response::new(body);
    *res.status_mut() = status;
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    no_store(h);
    res.extensions_mut().insert(HasPage);
    res
}

/// What every staff answer carries: never stored, never indexed.
pub fn no_store(h: &mut http::HeaderMap) {
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
}

/// 303 to `location`, never stored.
pub fn see_other(location: &str) -> Response {
    let mut res = Response::new(Body::empty());
    *res.status_mut() = StatusCode::SEE_OTHER;
    if let Ok(v) = HeaderValue::from_str(location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    no_store(res.headers_mut());
    res
}

/// A page of a heading and a few paragraphs, with `status`.
pub fn message(
    visit: &Visit,
    signed: Option<&Signed>,
    status: StatusCode,
    heading_id: &str,
    paragraphs: Vec<String>,
) -> Response {
    let heading = tr(visit.lang, heading_id);
    let links = vec![Link {
        label: tr(visit.lang, "staff-back-home"),
        url: visit.home(),
        current: false,
    }];
    let template = MessagePage {
        head: Head::new(visit, heading.clone(), signed),
        heading,
        paragraphs,
        links,
    };
    page(&template, status)
}

/// The 403 of a form sent without its token or from another site.
pub fn forbidden(visit: &Visit, signed: Option<&Signed>, text_id: &str) -> Response {
    message(
        visit,
        signed,
        StatusCode::FORBIDDEN,
        "staff-forbidden-title",
        vec![tr(visit.lang, text_id)],
    )
}

/// A date and time in Bangladesh, in `lang`'s digits: `2026-12-07 14:05`.
pub fn when(lang: Lang, unix: i64) -> String {
    let shown = crate::calendar::bangladesh_time(unix)
        .map(|t| t.strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| unix.to_string());
    lang.digits(&shown).into_owned()
}

/// The server's error, 500 with the site's page, when the request's
/// language is not at hand.
pub fn broken_response(e: impl std::fmt::Display) -> Response {
    tracing::error!("the staff area failed: {e}");
    use axum::response::IntoResponse as _;
    crate::server::AppError::new(StatusCode::INTERNAL_SERVER_ERROR, Lang::Bn).into_response()
}
