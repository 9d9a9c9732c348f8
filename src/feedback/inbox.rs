//! The office's inbox, a staff page: its reports newest first, by page
//! and service (`{base}/feedback?service=…`), the form that marks one
//! handled with a note, and the CSV of them (`{base}/feedback.csv`).
//! Staff see their office's reports only; an administrator any office's,
//! and on the directory's host every office's at once. Viewing and
//! exporting go to the audit log, as marking does.
//!
//! Texts are shown escaped, as everything on a page is, and never as
//! links.

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::response::Response;
use http::StatusCode;
use http::header::{self, HeaderValue};

use super::pages::{Choice, InboxPage, Row};
use super::{Category, Feedback, export, text};
use crate::i18n::{Arg, Lang, tr, tr_args};
use crate::server::HasPage;
use crate::staff::guard::{Posted, broken};
use crate::staff::pages::{self, Head, no_store, see_other, when};
use crate::staff::visit::{Signed, Visit};
use crate::store::Report;

/// Most reports one page (or file) holds.
const MOST: i64 = 1_000;

/// Longest note kept, in characters.
const MAX_NOTE_CHARS: usize = 1_000;

/// Whose reports a staff request may see: one office's, or (an
/// administrator on the directory's host) every office's.
fn scope(signed: &Signed) -> Result<Option<String>, Response> {
    match &signed.visit.acting {
        Some(acting) if signed.may_act_on(&acting.id) => Ok(Some(acting.id.clone())),
        Some(_) => Err(pages::forbidden(
            &signed.visit,
            Some(signed),
            "staff-forbidden-office",
        )),
        None if signed.account.admin => Ok(None),
        None => Err(pages::forbidden(
            &signed.visit,
            Some(signed),
            "staff-forbidden-admin",
        )),
    }
}

/// The `service` the query asks for (`''`: every page).
fn service_of(query: Option<&str>) -> String {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "service")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

impl Feedback {
    /// The reports `signed` may see, of `service` when one is named.
    async fn listed(
        &self,
        signed: &Signed,
        office: Option<&str>,
        service: &str,
    ) -> Result<Vec<Report>, Response> {
        let service = (!service.is_empty()).then_some(service);
        self.store()
            .reports(office, service, MOST)
            .await
            .map_err(|e| broken(&signed.visit, e))
    }

    /// The name of `office` in `lang`, or its id.
    fn office_name(&self, office: &str, lang: Lang) -> String {
        match self.staff().deployment().office(office) {
            Some(state) => state.site().charter.office.full_name(lang),
            None => office.to_string(),
        }
    }

    /// The service `slug` of `office` named in `lang`, or the page.
    fn where_of(&self, report: &Report, lang: Lang) -> String {
        let state = self.staff().deployment().office(&report.sent.office);
        match state {
            Some(state) => {
                let site = state.site();
                let name = super::form::page_name(&site, lang, &report.sent.page);
                if report.sent.page.is_empty() {
                    name
                } else {
                    format!("{name} ({})", report.sent.page)
                }
            }
            None => report.sent.page.clone(),
        }
    }

    async fn log(&self, signed: &Signed, office: Option<&str>, action: &str, detail: String) {
        let entry = crate::staff::Staff::entry(
            &signed.visit,
            Some(&signed.account.name),
            office,
            action,
            detail,
        );
        self.staff().audit(entry).await;
    }
}

/// `GET {base}/feedback`: the inbox.
pub async fn inbox(
    State(feedback): State<Feedback>,
    RawQuery(query): RawQuery,
    visit: Visit,
) -> Response {
    let signed = match feedback.staff().page_signed(visit).await {
        Ok(signed) => signed,
        Err(res) => return res,
    };
    let office = match scope(&signed) {
        Ok(office) => office,
        Err(res) => return res,
    };
    let service = service_of(query.as_deref());
    let reports = match feedback.listed(&signed, office.as_deref(), &service).await {
        Ok(reports) => reports,
        Err(res) => return res,
    };
    let (visit, lang) = (&signed.visit, signed.visit.lang);
    let base = visit.base();
    let mut services = vec![Choice {
        value: String::new(),
        label: tr(lang, "feedback-inbox-every-page"),
        chosen: service.is_empty(),
    }];
    if let Some(acting) = &visit.acting {
        let site = acting.state.site();
        services.extend(site.charter.services.iter().map(|s| Choice {
            value: s.slug.get_ref().to_string(),
            label: s.name.get(lang).0.to_string(),
            chosen: s.slug.get_ref() == &service,
        }));
    }
    let csrf = signed.csrf();
    let rows = reports
        .iter()
        .map(|r| Row {
            id: r.id,
            when: when(lang, r.sent.at),
            office: office
                .is_none()
                .then(|| feedback.office_name(&r.sent.office, lang)),
            page: feedback.where_of(r, lang),
            category: Category::from_key(&r.sent.category)
                .map_or_else(|| r.sent.category.clone(), |c| tr(lang, &c.message_id())),
            text: r.sent.body.clone(),
            contact: r.sent.contact.clone(),
            handled: (r.handled_at > 0).then(|| {
                let said = tr_args(
                    lang,
                    "feedback-inbox-handled",
                    &[
                        ("when", Arg::Text(when(lang, r.handled_at))),
                        ("who", Arg::Text(r.handled_by.clone())),
                    ],
                );
                (said, r.note.clone())
            }),
            action: match office {
                Some(_) => format!("{base}/feedback/{}/handled", r.id),
                None => format!(
                    "/{lang}/staff/offices/{}/feedback/{}/handled",
                    r.sent.office, r.id
                ),
            },
        })
        .collect();
    let heading = tr(lang, "feedback-inbox-title");
    let export_url = match service.is_empty() {
        true => format!("{base}/feedback.csv"),
        false => format!(
            "{base}/feedback.csv?service={}",
            form_urlencoded::byte_serialize(service.as_bytes()).collect::<String>()
        ),
    };
    let template = InboxPage {
        head: Head::new(visit, heading.clone(), Some(&signed)),
        heading,
        filter_action: format!("{base}/feedback"),
        services,
        export_url,
        rows,
        csrf,
        every_office: office.is_none(),
    };
    let detail = format!("{} reports shown{}", reports.len(), shown_service(&service));
    feedback
        .log(&signed, office.as_deref(), "feedback-view", detail)
        .await;
    pages::page(&template, StatusCode::OK)
}

fn shown_service(service: &str) -> String {
    match service.is_empty() {
        true => String::new(),
        false => format!(", service {service}"),
    }
}

/// `POST {base}/feedback/{id}/handled`: marks a report of the office
/// handled, with a note; its contact details are deleted.
pub async fn handled(State(feedback): State<Feedback>, visit: Visit, body: Bytes) -> Response {
    let posted = Posted::parse(&body);
    let signed = match feedback.staff().form_signed(visit, &posted).await {
        Ok(signed) => signed,
        Err(res) => return res,
    };
    let office = match scope(&signed) {
        Ok(Some(office)) => office,
        Ok(None) => return see_other(&signed.visit.home()),
        Err(res) => return res,
    };
    let not_found = || {
        use axum::response::IntoResponse as _;
        crate::server::AppError::new(StatusCode::NOT_FOUND, signed.visit.lang).into_response()
    };
    let Ok(id) = signed.visit.param("id").parse::<i64>() else {
        return not_found();
    };
    let note: String = text::clean(&posted.get("note"))
        .chars()
        .take(MAX_NOTE_CHARS)
        .collect();
    let store = feedback.store();
    match store
        .mark_handled(id, &office, &signed.account.name, &note)
        .await
    {
        Ok(true) => {}
        Ok(false) => return not_found(),
        Err(e) => return broken(&signed.visit, e),
    }
    let detail = format!("report {id} marked handled");
    feedback
        .log(&signed, Some(&office), "feedback-handled", detail)
        .await;
    see_other(&format!("{}/feedback#report-{id}", signed.visit.base()))
}

/// `GET {base}/feedback.csv`: the reports of the inbox as CSV.
pub async fn export(
    State(feedback): State<Feedback>,
    RawQuery(query): RawQuery,
    visit: Visit,
) -> Response {
    let signed = match feedback.staff().page_signed(visit).await {
        Ok(signed) => signed,
        Err(res) => return res,
    };
    let office = match scope(&signed) {
        Ok(office) => office,
        Err(res) => return res,
    };
    let service = service_of(query.as_deref());
    let reports = match feedback.listed(&signed, office.as_deref(), &service).await {
        Ok(reports) => reports,
        Err(res) => return res,
    };
    let lang = signed.visit.lang;
    let t = |id: &str| tr(lang, id);
    let mut rows = vec![vec![
        t("feedback-inbox-when"),
        t("feedback-inbox-office"),
        t("feedback-inbox-page"),
        t("feedback-inbox-category"),
        t("feedback-inbox-text"),
        t("feedback-inbox-contact"),
        t("feedback-inbox-state"),
        t("feedback-inbox-note"),
    ]];
    rows.extend(reports.iter().map(|r| {
        vec![
            when(lang, r.sent.at),
            r.sent.office.clone(),
            r.sent.page.clone(),
            r.sent.category.clone(),
            r.sent.body.clone(),
            r.sent.contact.clone(),
            if r.handled_at > 0 {
                when(lang, r.handled_at)
            } else {
                String::new()
            },
            r.note.clone(),
        ]
    }));
    let detail = format!(
        "{} reports exported{}",
        reports.len(),
        shown_service(&service)
    );
    feedback
        .log(&signed, office.as_deref(), "feedback-export", detail)
        .await;
    let mut res = Response::new(Body::from(export::csv(&rows)));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let name = format!(
        "attachment; filename=\"reports-{}.csv\"",
        office.as_deref().unwrap_or("every-office")
    );
    if let Ok(v) = HeaderValue::from_str(&name) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    no_store(h);
    res.extensions_mut().insert(HasPage);
    res
}
