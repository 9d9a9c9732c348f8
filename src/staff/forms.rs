//! The forms: a service (change, add, remove), an officer, the date of
//! the last update, and the whole file. Each shows the charter as it is
//! now (or the clerk's kept text), and each save checks the change and
//! keeps it to be shown before it is published; a refused save shows the
//! form again with what the clerk sent, never the file's text instead.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use http::StatusCode;

use super::Staff;
use super::edit::{self, CELLS, OfficerForm, ServiceForm};
use super::guard::{Posted, broken};
use super::pages::{self, CellView, FilePage, Head, OfficerPage, ServicePage, UpdatedPage};
use super::publish::{Current, Refused};
use super::visit::{Acting, Signed, Visit};
use crate::charter::{Charter, ServiceGroup};
use crate::i18n::tr;
use crate::store::DraftKind;

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
async fn kept(
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

fn not_found(visit: &Visit) -> Response {
    use axum::response::IntoResponse as _;
    crate::server::AppError::new(StatusCode::NOT_FOUND, visit.lang).into_response()
}

/// A service's form, as `form` has it, with what `refused` says.
fn service_page(
    signed: &Signed,
    charter: &Charter,
    form: ServiceForm,
    adding: bool,
    refused: Refused,
) -> Response {
    let (visit, lang) = (&signed.visit, signed.visit.lang);
    let base = visit.base();
    let labels = ["col-delivery", "col-documents", "col-fee", "col-time"];
    let cells = CELLS
        .iter()
        .zip(&form.cells)
        .zip(labels)
        .map(|((key, pair), label)| {
            let mut errors = Vec::new();
            for k in [key.to_string(), format!("{key}_bn"), format!("{key}_en")] {
                errors.extend(refused.errors.get(&k).cloned().unwrap_or_default());
            }
            CellView {
                key,
                label: tr(lang, label),
                rows: (pair.bn.lines().count().max(pair.en.lines().count()) + 1).clamp(2, 12),
                bn: pair.bn.clone(),
                en: pair.en.clone(),
                errors,
            }
        })
        .collect();
    let heading = if adding {
        tr(lang, "staff-add-service")
    } else {
        format!("{}: {}", tr(lang, "staff-edit-service"), form.name.bn)
    };
    let action = if adding {
        format!("{base}/new-service")
    } else {
        format!("{base}/services/{}", form.slug)
    };
    let status = if refused.conflict.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    let template = ServicePage {
        head: Head::new(visit, heading.clone(), Some(signed)),
        heading,
        adding,
        groups: ServiceGroup::ALL
            .iter()
            .map(|g| (g.key().to_string(), g.name(lang)))
            .collect(),
        officers: (charter.officers.iter())
            .map(|o| {
                (
                    o.id.get_ref().clone(),
                    format!("{} ({})", o.name.get(lang).0, o.designation.get(lang).0),
                )
            })
            .collect(),
        cells,
        remove_action: (!adding).then(|| format!("{action}/remove")),
        action,
        csrf: signed.csrf(),
        base_hash: refused.base,
        problems: refused.problems,
        conflict: refused.conflict,
        errors: refused.errors,
        form,
    };
    pages::page(&template, status)
}

/// `GET …/services/{slug}`.
pub async fn service_form(
    State(staff): State<Staff>,
    RawQuery(query): RawQuery,
    visit: Visit,
) -> Response {
    let (signed, acting) = match office_page(&staff, visit).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let (charter, current) = match now(&staff, &signed, &acting).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let slug = signed.visit.param("slug").to_string();
    let Some(service) = charter.services.iter().find(|s| *s.slug.get_ref() == slug) else {
        return not_found(&signed.visit);
    };
    let (form, base) = match kept(&staff, &signed, &acting, query.as_deref()).await {
        Some((posted, base)) => (
            ServiceForm {
                slug: slug.clone(),
                ..ServiceForm::sent(|k| posted.get(k))
            },
            base,
        ),
        None => (ServiceForm::of(service), current.hash),
    };
    service_page(
        &signed,
        &charter,
        form,
        false,
        Refused {
            base,
            ..Refused::default()
        },
    )
}

/// What follows a form's save: the preview, or the form again.
fn after(
    signed: &Signed,
    result: Result<(), Refused>,
    again: impl FnOnce(Refused) -> Response,
) -> Response {
    match result {
        Ok(()) => pages::see_other(&format!("{}/preview", signed.visit.base())),
        Err(refused) => again(refused),
    }
}

/// `POST …/services/{slug}` and `POST …/services/{slug}/remove`.
async fn service_change(staff: Staff, visit: Visit, body: Bytes, remove: bool) -> Response {
    let posted = Posted::parse(&body);
    let (signed, acting) = match office_form(&staff, visit, &posted).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let (charter, _) = match now(&staff, &signed, &acting).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let slug = signed.visit.param("slug").to_string();
    let Some(service) = charter.services.iter().find(|s| *s.slug.get_ref() == slug) else {
        return not_found(&signed.visit);
    };
    let base = posted.get("base");
    let result = if remove {
        let target = format!("remove:{slug}");
        staff
            .propose(
                &signed,
                &acting,
                &base,
                &target,
                |text| edit::remove_service(text, &slug),
                None,
            )
            .await
    } else {
        let form = ServiceForm {
            slug: slug.clone(),
            ..ServiceForm::sent(|k| posted.get(k))
        };
        let target = format!("service:{slug}");
        let fields = Some(("services", "slug", slug.as_str()));
        staff
            .propose(
                &signed,
                &acting,
                &base,
                &target,
                |text| edit::set_service(text, &slug, &form),
                fields,
            )
            .await
    };
    let form = if remove {
        ServiceForm::of(service)
    } else {
        ServiceForm {
            slug: slug.clone(),
            ..ServiceForm::sent(|k| posted.get(k))
        }
    };
    after(&signed, result, |refused| {
        service_page(&signed, &charter, form, false, refused)
    })
}

/// `POST …/services/{slug}`.
pub async fn service_save(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    service_change(staff, visit, body, false).await
}

/// `POST …/services/{slug}/remove`.
pub async fn service_remove(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    service_change(staff, visit, body, true).await
}

/// `GET …/new-service`.
pub async fn new_service_form(
    State(staff): State<Staff>,
    RawQuery(query): RawQuery,
    visit: Visit,
) -> Response {
    let (signed, acting) = match office_page(&staff, visit).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let (charter, current) = match now(&staff, &signed, &acting).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let (form, base) = match kept(&staff, &signed, &acting, query.as_deref()).await {
        Some((posted, base)) => (ServiceForm::sent(|k| posted.get(k)), base),
        None => {
            let next = (charter.services.iter())
                .filter(|s| s.group == ServiceGroup::Citizen)
                .map(|s| *s.serial.get_ref())
                .max()
                .unwrap_or(0)
                + 1;
            let form = ServiceForm {
                group: ServiceGroup::Citizen.key().to_string(),
                serial: signed.visit.lang.number(next),
                officer: (charter.officers.first())
                    .map(|o| o.id.get_ref().clone())
                    .unwrap_or_default(),
                ..ServiceForm::default()
            };
            (form, current.hash)
        }
    };
    service_page(
        &signed,
        &charter,
        form,
        true,
        Refused {
            base,
            ..Refused::default()
        },
    )
}

/// `POST …/new-service`.
pub async fn new_service_save(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    let posted = Posted::parse(&body);
    let (signed, acting) = match office_form(&staff, visit, &posted).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let (charter, _) = match now(&staff, &signed, &acting).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let form = ServiceForm::sent(|k| posted.get(k));
    let target = format!("add:{}", form.slug);
    let fields = Some(("services", "slug", form.slug.as_str()));
    let result = staff
        .propose(
            &signed,
            &acting,
            &posted.get("base"),
            &target,
            |t| edit::add_service(t, &form),
            fields,
        )
        .await;
    after(&signed, result, |refused| {
        service_page(&signed, &charter, form.clone(), true, refused)
    })
}

/// An officer's form.
fn officer_page(signed: &Signed, id: &str, form: OfficerForm, refused: Refused) -> Response {
    let heading = format!(
        "{}: {}",
        tr(signed.visit.lang, "staff-edit-officer"),
        form.name.bn
    );
    let status = if refused.conflict.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    let template = OfficerPage {
        head: Head::new(&signed.visit, heading.clone(), Some(signed)),
        heading,
        form,
        action: format!("{}/officers/{id}", signed.visit.base()),
        csrf: signed.csrf(),
        base_hash: refused.base,
        problems: refused.problems,
        conflict: refused.conflict,
        errors: refused.errors,
    };
    pages::page(&template, status)
}

/// `GET …/officers/{id}`.
pub async fn officer_form(
    State(staff): State<Staff>,
    RawQuery(query): RawQuery,
    visit: Visit,
) -> Response {
    let (signed, acting) = match office_page(&staff, visit).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let (charter, current) = match now(&staff, &signed, &acting).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let id = signed.visit.param("id").to_string();
    let Some(officer) = charter.officers.iter().find(|o| *o.id.get_ref() == id) else {
        return not_found(&signed.visit);
    };
    let (form, base) = match kept(&staff, &signed, &acting, query.as_deref()).await {
        Some((posted, base)) => (OfficerForm::sent(|k| posted.get(k)), base),
        None => (OfficerForm::of(officer), current.hash),
    };
    officer_page(
        &signed,
        &id,
        form,
        Refused {
            base,
            ..Refused::default()
        },
    )
}

/// `POST …/officers/{id}`.
pub async fn officer_save(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    let posted = Posted::parse(&body);
    let (signed, acting) = match office_form(&staff, visit, &posted).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let (charter, _) = match now(&staff, &signed, &acting).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let id = signed.visit.param("id").to_string();
    if !charter.officers.iter().any(|o| *o.id.get_ref() == id) {
        return not_found(&signed.visit);
    }
    let form = OfficerForm::sent(|k| posted.get(k));
    let target = format!("officer:{id}");
    let fields = Some(("officers", "id", id.as_str()));
    let result = staff
        .propose(
            &signed,
            &acting,
            &posted.get("base"),
            &target,
            |t| edit::set_officer(t, &id, &form),
            fields,
        )
        .await;
    after(&signed, result, |refused| {
        officer_page(&signed, &id, form.clone(), refused)
    })
}

fn updated_page(signed: &Signed, date: String, refused: Refused) -> Response {
    let template = UpdatedPage {
        head: Head::new(
            &signed.visit,
            tr(signed.visit.lang, "staff-updated-title"),
            Some(signed),
        ),
        date,
        action: format!("{}/updated", signed.visit.base()),
        csrf: signed.csrf(),
        base_hash: refused.base,
        problems: refused.problems,
        conflict: refused.conflict,
        errors: refused.errors,
    };
    pages::page(&template, StatusCode::OK)
}

/// `GET …/updated`.
pub async fn updated_form(State(staff): State<Staff>, visit: Visit) -> Response {
    let (signed, acting) = match office_page(&staff, visit).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let (charter, current) = match now(&staff, &signed, &acting).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let today = crate::calendar::bangladesh_time(crate::store::now()).map(|t| t.date().to_string());
    let date = charter
        .last_updated()
        .map(|d| d.iso())
        .or(today)
        .unwrap_or_default();
    updated_page(
        &signed,
        date,
        Refused {
            base: current.hash,
            ..Refused::default()
        },
    )
}

/// `POST …/updated`.
pub async fn updated_save(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    let posted = Posted::parse(&body);
    let (signed, acting) = match office_form(&staff, visit, &posted).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let date = posted.get("date");
    let result = staff
        .propose(
            &signed,
            &acting,
            &posted.get("base"),
            "updated",
            |t| edit::set_updated(t, &date),
            None,
        )
        .await;
    after(&signed, result, |refused| {
        updated_page(&signed, date.clone(), refused)
    })
}

fn file_page(signed: &Signed, text: String, refused: Refused) -> Response {
    let status = if refused.conflict.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    let template = FilePage {
        head: Head::new(
            &signed.visit,
            tr(signed.visit.lang, "staff-file-title"),
            Some(signed),
        ),
        text,
        action: format!("{}/file", signed.visit.base()),
        csrf: signed.csrf(),
        base_hash: refused.base,
        problems: refused.problems,
        conflict: refused.conflict,
    };
    pages::page(&template, status)
}

/// `GET …/file`: the whole file (or the clerk's kept text), with the
/// problems the file has now, if any.
pub async fn file_form(
    State(staff): State<Staff>,
    RawQuery(query): RawQuery,
    visit: Visit,
) -> Response {
    let (signed, acting) = match office_page(&staff, visit).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let current = match staff.current(&acting).await {
        Ok(c) => c,
        Err(e) => return broken(&signed.visit, e),
    };
    if let Some((posted, base)) = kept(&staff, &signed, &acting, query.as_deref()).await {
        return file_page(
            &signed,
            posted.get("text"),
            Refused {
                base,
                ..Refused::default()
            },
        );
    }
    let mut refused = Refused {
        base: current.hash.clone(),
        ..Refused::default()
    };
    if staff.current_charter(&acting, &current).await.is_none() {
        let (text, lang) = (current.text.clone(), signed.visit.lang);
        if let Ok(Err(problems)) = staff
            .0
            .cpu
            .run(move || super::check::check(&text, lang))
            .await
        {
            refused.problems = problems;
        }
    }
    file_page(&signed, current.text, refused)
}

/// `POST …/file`.
pub async fn file_save(State(staff): State<Staff>, visit: Visit, body: Bytes) -> Response {
    let posted = Posted::parse(&body);
    let (signed, acting) = match office_form(&staff, visit, &posted).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let text = posted.get("text").replace("\r\n", "\n");
    let result = staff
        .propose(
            &signed,
            &acting,
            &posted.get("base"),
            "file",
            |_| Ok(text.clone()),
            None,
        )
        .await;
    after(&signed, result, |refused| {
        file_page(&signed, text.clone(), refused)
    })
}
