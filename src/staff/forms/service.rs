//! A service's form: change it, add one, remove one.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use http::StatusCode;

use super::{after, kept, not_found, now, office_form, office_page};
use crate::charter::{Charter, ServiceGroup};
use crate::i18n::tr;
use crate::staff::Staff;
use crate::staff::edit::{self, CELLS, ServiceForm};
use crate::staff::guard::Posted;
use crate::staff::pages::{self, CellView, Head, ServicePage};
use crate::staff::publish::Refused;
use crate::staff::visit::{Signed, Visit};

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
        format!(
            "{}: {}",
            tr(lang, "staff-edit-service"),
            form.name.shown(lang)
        )
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
        let sent = ServiceForm {
            slug: slug.clone(),
            ..ServiceForm::sent(|k| posted.get(k))
        };
        // After a conflict the form is based on the version shown now:
        // what the clerk changed is moved onto it.
        let conflict = matches!(&result, Err(refused) if refused.conflict.is_some());
        let was = conflict
            .then(|| staff.version_charter(&acting, &base))
            .flatten();
        let was = was.as_ref().and_then(|c| {
            c.services
                .iter()
                .find(|s| *s.slug.get_ref() == slug)
                .map(ServiceForm::of)
        });
        match was {
            Some(was) => sent.rebased(&was, &ServiceForm::of(service)),
            None => sent,
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
