//! The citizen's side: the form (`GET /{lang}/feedback?page=…`) and its
//! sending (`POST /{lang}/feedback`); the page after it is [`super::after`]'s.
//!
//! The form carries no CSRF token, and its page sets no cookie: it signs
//! no one in and changes nothing of anyone's, and a forged report is one
//! a sender could send themselves. What a forgery could still do, make
//! visitors of another site send reports from their addresses past the
//! limits per address, the `Origin` check stops: every browser sends
//! `Origin` with a POST from another site (or `null`), so a form whose
//! `Origin` is not this site's own is refused. A form without one comes
//! from an old browser or a program, which could write any `Origin` it
//! liked; it is taken, as the limits bound what any one sender can do,
//! unless its `Sec-Fetch-Site` says it is not from this site.
//!
//! Whatever is refused (a choice missing, a text too long, a contact that
//! is neither a phone number nor an e-mail address, a form from
//! elsewhere, a budget spent) comes back as the form again with what was
//! typed in it and why, in the reader's language: nothing typed is lost.

use std::sync::Arc;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use http::header::{self, HeaderMap, HeaderValue};
use http::{StatusCode, Uri};

use super::limits::Verdict;
use super::pages::{Choice, FormPage};
use super::text::{self, Contact, MAX_TEXT_CHARS};
use super::{Category, Feedback};
use crate::i18n::{Arg, Lang, tr, tr_args};
use crate::render;
use crate::server::{Addressed, Answerer, AppError, AppState};
use crate::site::{HTML, Site};
use crate::staff::guard::Posted;
use crate::staff::pages::{page, see_other};
use crate::store::NewReport;
use crate::urls;

/// The name of the field people never fill (it is out of sight, of
/// screen readers, of the tab order and of autofill) and bots do.
const TRAP: &str = "fb_site";

/// The office a request's host names, with its id; `None` for the
/// directory's host, which has no form.
pub(super) fn office_of(
    feedback: &Feedback,
    addressed: &Addressed,
) -> Option<(String, Arc<AppState>)> {
    match &addressed.to {
        Answerer::Office(state) => {
            let id = feedback.staff().deployment().office_id(state)?;
            Some((id, Arc::clone(state)))
        }
        Answerer::Directory(_) => None,
    }
}

pub(super) fn not_found(lang: Lang) -> Response {
    use axum::response::IntoResponse as _;
    AppError::new(StatusCode::NOT_FOUND, lang).into_response()
}

/// The page `asked` names when it is one of the office's own pages in
/// either language: its path without a query (which holds what was
/// searched), and the slug of its service when it is a service's page.
pub fn own_page(site: &Site, asked: &str) -> Option<(String, String)> {
    let path = asked.split(['?', '#']).next().unwrap_or_default();
    let lang = urls::lang_of(path)?;
    let known =
        path == urls::search(lang) || site.page(path).is_some_and(|p| p.content_type == HTML);
    if !known {
        return None;
    }
    let service = (path.strip_prefix(&format!("/{lang}/services/")))
        .filter(|slug| {
            site.charter
                .services
                .iter()
                .any(|s| s.slug.get_ref() == slug)
        })
        .unwrap_or_default();
    Some((path.to_string(), service.to_string()))
}

/// The page at `path` (one of [`own_page`]'s), named for `lang`'s reader.
pub fn page_name(site: &Site, lang: Lang, path: &str) -> String {
    if path.is_empty() {
        return tr(lang, "feedback-about-office");
    }
    if urls::lang_of(path).is_none() {
        return path.to_string();
    }
    let rest = &path[3..];
    if let Some(slug) = rest.strip_prefix("/services/")
        && let Some(s) = (site.charter.services.iter()).find(|s| s.slug.get_ref() == slug)
    {
        return s.name.get(lang).0.to_string();
    }
    let id = match rest {
        "/" => "nav-home",
        "/services" => "nav-services",
        "/contact" => "nav-contact",
        "/search" => "search-button",
        _ => return path.to_string(),
    };
    tr(lang, id)
}

/// What the citizen typed.
#[derive(Debug, Default)]
struct Typed {
    page: String,
    category: String,
    text: String,
    contact: String,
}

impl Typed {
    fn of(posted: &Posted) -> Typed {
        Typed {
            page: posted.get("page"),
            category: posted.get("category"),
            text: posted.get("text"),
            contact: posted.get("contact"),
        }
    }
}

/// The form for `typed`, with `problems`, answered with `status`.
fn form_page(
    site: &Site,
    lang: Lang,
    typed: &Typed,
    problems: Vec<String>,
    status: StatusCode,
) -> Response {
    let page_url = (!typed.page.is_empty()).then(|| typed.page.clone());
    let switch = if typed.page.is_empty() {
        urls::feedback(lang.other())
    } else {
        urls::feedback_for(lang.other(), &typed.page)
    };
    let template = FormPage {
        layout: render::request_layout(
            &site.charter,
            &site.base_url,
            lang,
            tr(lang, "feedback-title"),
            switch,
        ),
        action: urls::feedback(lang),
        page_label: page_name(site, lang, &typed.page),
        page: typed.page.clone(),
        page_url,
        categories: Category::ALL
            .into_iter()
            .map(|c| Choice {
                value: c.key().to_string(),
                label: tr(lang, &c.message_id()),
                chosen: c.key() == typed.category,
            })
            .collect(),
        text: typed.text.clone(),
        text_label: tr_args(
            lang,
            "feedback-text",
            &[("max", Arg::Count(MAX_TEXT_CHARS as u64))],
        ),
        max_text: MAX_TEXT_CHARS,
        contact: typed.contact.clone(),
        contact_why: tr_args(lang, "feedback-contact-why", &[("days", Arg::Count(90))]),
        problems,
    };
    page(&template, status)
}

/// `GET /{lang}/feedback?page=…`: the form, about the page named when it
/// is one of the office's own (else about the office as a whole).
pub async fn form(
    State(feedback): State<Feedback>,
    Extension(addressed): Extension<Addressed>,
    Path(lang): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let Ok(lang) = lang.parse::<Lang>() else {
        return not_found(Lang::Bn);
    };
    let Some((_, state)) = office_of(&feedback, &addressed) else {
        return not_found(lang);
    };
    let site = state.site();
    let asked = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "page")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let typed = Typed {
        page: own_page(&site, &asked).map(|(p, _)| p).unwrap_or_default(),
        ..Typed::default()
    };
    form_page(&site, lang, &typed, Vec::new(), StatusCode::OK)
}

/// Whether a form comes from a page of this site (see the module).
fn from_this_site(headers: &HeaderMap, origin: &str) -> bool {
    match headers.get(header::ORIGIN) {
        Some(sent) => sent.to_str().is_ok_and(|o| o.eq_ignore_ascii_case(origin)),
        None => headers
            .get("sec-fetch-site")
            .is_none_or(|site| site.as_bytes() == b"same-origin"),
    }
}

/// `POST /{lang}/feedback`: a report, taken and the citizen sent on to
/// the page after it (303), or the form again saying why not.
pub async fn send(
    State(feedback): State<Feedback>,
    Extension(addressed): Extension<Addressed>,
    Path(lang): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Ok(lang) = lang.parse::<Lang>() else {
        return not_found(Lang::Bn);
    };
    let Some((office, state)) = office_of(&feedback, &addressed) else {
        return not_found(lang);
    };
    let site = state.site();
    let posted = Posted::parse(&body);
    let mut typed = Typed::of(&posted);
    let authority = match uri.authority() {
        Some(a) => a.as_str().to_string(),
        None => (headers.get(header::HOST))
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default()
            .to_string(),
    };
    let https = addressed.from.https || feedback.options().https;
    let origin = format!("{}://{authority}", if https { "https" } else { "http" });
    if !from_this_site(&headers, &origin) {
        let problem = tr(lang, "feedback-error-origin");
        return form_page(&site, lang, &typed, vec![problem], StatusCode::FORBIDDEN);
    }
    let checked_page = own_page(&site, &typed.page);
    if !posted.get(TRAP).is_empty() {
        // Answered as a report taken, so that the bot learns nothing.
        tracing::info!(
            office,
            "a report with the field people never fill was dropped"
        );
        let page = checked_page.map(|(p, _)| p).unwrap_or_default();
        return see_other(&sent_url(
            lang,
            &page,
            Category::from_key(&typed.category),
            false,
        ));
    }
    let mut problems = Vec::new();
    let (page, service) = match checked_page {
        Some(found) => found,
        None if typed.page.is_empty() => Default::default(),
        None => {
            problems.push(tr(lang, "feedback-error-page"));
            typed.page.clear();
            Default::default()
        }
    };
    let category = Category::from_key(&typed.category);
    if category.is_none() {
        problems.push(tr(lang, "feedback-error-category"));
    }
    let body_text = text::clean(&typed.text);
    let count = body_text.chars().count();
    if count > MAX_TEXT_CHARS {
        problems.push(tr_args(
            lang,
            "feedback-error-long",
            &[
                ("count", Arg::Count(count as u64)),
                ("max", Arg::Count(MAX_TEXT_CHARS as u64)),
            ],
        ));
    }
    let contact = Contact::parse(&typed.contact);
    if contact.is_none() {
        problems.push(tr(lang, "feedback-error-contact"));
    }
    let (Some(category), Some(contact), true) = (category, contact, problems.is_empty()) else {
        return form_page(
            &site,
            lang,
            &typed,
            problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let limits = feedback.options().limits;
    let store = feedback.store();
    let wait = match limits.admit(store, &office, addressed.from.ip).await {
        Ok(Verdict::Taken) => None,
        Ok(Verdict::Refused(wait)) => Some(wait),
        Err(e) => {
            tracing::error!("a citizen's report could not be counted: {e}");
            Some(60)
        }
    };
    let report = NewReport {
        office: office.clone(),
        page: page.clone(),
        service,
        lang: lang.code().to_string(),
        category: category.key().to_string(),
        body: body_text,
        contact: contact.stored(),
        at: crate::store::now(),
    };
    let wait = match wait {
        Some(wait) => Some(wait),
        None => match store.add_report(&report).await {
            Ok(id) => {
                tracing::info!(office, id, "a citizen's report was taken");
                None
            }
            Err(e) => {
                tracing::error!("a citizen's report could not be kept: {e}");
                Some(60)
            }
        },
    };
    if let Some(wait) = wait {
        let minutes = u64::try_from(wait.max(1)).unwrap_or(1).div_ceil(60);
        let problem = tr_args(lang, "feedback-busy", &[("minutes", Arg::Count(minutes))]);
        let mut res = form_page(
            &site,
            lang,
            &typed,
            vec![problem],
            StatusCode::TOO_MANY_REQUESTS,
        );
        if let Ok(v) = HeaderValue::from_str(&wait.max(1).to_string()) {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return res;
    }
    see_other(&sent_url(
        lang,
        &page,
        Some(category),
        contact != Contact::None,
    ))
}

/// The page after a report: `/{lang}/feedback/sent?page=…&category=…`,
/// and `&answer=1` when the citizen asked for an answer.
fn sent_url(lang: Lang, page: &str, category: Option<Category>, answer: bool) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("page", page);
    if let Some(category) = category {
        query.append_pair("category", category.key());
    }
    if answer {
        query.append_pair("answer", "1");
    }
    format!("{}/sent?{}", urls::feedback(lang), query.finish())
}
