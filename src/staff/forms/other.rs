//! The officer's form, the date of the last update, and the whole file.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use http::StatusCode;

use super::{after, kept, not_found, now, office_form, office_page};
use crate::i18n::tr;
use crate::staff::Staff;
use crate::staff::edit::{self, OfficerForm};
use crate::staff::guard::{Posted, broken};
use crate::staff::pages::{self, FilePage, Head, OfficerPage, UpdatedPage};
use crate::staff::publish::Refused;
use crate::staff::visit::{Signed, Visit};

/// An officer's form.
fn officer_page(signed: &Signed, id: &str, form: OfficerForm, refused: Refused) -> Response {
    let heading = format!(
        "{}: {}",
        tr(signed.visit.lang, "staff-edit-officer"),
        form.name.shown(signed.visit.lang)
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
    let Some(officer) = charter.officers.iter().find(|o| *o.id.get_ref() == id) else {
        return not_found(&signed.visit);
    };
    let form = OfficerForm::sent(|k| posted.get(k));
    let base = posted.get("base");
    let target = format!("officer:{id}");
    let fields = Some(("officers", "id", id.as_str()));
    let result = staff
        .propose(
            &signed,
            &acting,
            &base,
            &target,
            |t| edit::set_officer(t, &id, &form),
            fields,
        )
        .await;
    // After a conflict the form is based on the version shown now: what
    // the clerk changed is moved onto it.
    let form = match &result {
        Err(refused) if refused.conflict.is_some() => {
            let was = (staff.version_charter(&acting, &base)).and_then(|c| {
                (c.officers.iter())
                    .find(|o| *o.id.get_ref() == id)
                    .map(OfficerForm::of)
            });
            match was {
                Some(was) => form.rebased(&was, &OfficerForm::of(officer)),
                None => form,
            }
        }
        _ => form,
    };
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
            .run(move || crate::staff::check::check(&text, lang))
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
