//! The office's home, the change shown before it is published, the
//! publish itself, and the clerk's kept text offered back.

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use http::StatusCode;
use sha2::{Digest as _, Sha256};

use super::Staff;
use super::changes::summary;
use super::forms::{office_form, office_page};
use super::guard::{Posted, broken};
use super::pages::{
    self, ChangesView, Head, HomePage, Notice, OfficeItem, OfficerItem, OfficesPage, PreviewPage,
    ReportCount, ServiceItem,
};
use super::publish::Published;
use super::visit::Signed;
use crate::charter::{self, Charter, hex};
use crate::i18n::{Arg, Lang, tr, tr_args};
use crate::store::DraftKind;

/// What a proposal does, in the page's language, a service or an officer
/// named as `charter` (the version it is made on) names them in that
/// language, or by its id when `charter` no longer has it.
pub fn describe(target: &str, lang: Lang, charter: &Charter) -> String {
    let (kind, what) = target.split_once(':').unwrap_or((target, ""));
    let id = match kind {
        "service" => "staff-what-service",
        "add" => "staff-what-add",
        "remove" => "staff-what-remove",
        "officer" => "staff-what-officer",
        "updated" => "staff-what-updated",
        "restore" => "staff-what-restore",
        _ => "staff-what-file",
    };
    let service = |slug: &str| {
        (charter.services.iter())
            .find(|s| s.slug.get_ref() == slug)
            .map(|s| s.name.get(lang).0.to_string())
    };
    let officer = |id: &str| {
        (charter.officers.iter())
            .find(|o| o.id.get_ref() == id)
            .map(|o| o.name.get(lang).0.to_string())
    };
    let what = match kind {
        "restore" => lang.digits(what).into_owned(),
        "service" | "remove" => service(what).unwrap_or_else(|| what.to_string()),
        "officer" => officer(what).unwrap_or_else(|| what.to_string()),
        _ => what.to_string(),
    };
    tr_args(lang, id, &[("what", Arg::Text(what))])
}

/// The proposal's hash, which its publish form names.
fn proposal_hash(body: &str) -> String {
    hex(&Sha256::digest(body.as_bytes()))
}

impl Staff {
    /// The office's home (or, for an administrator on the directory's
    /// host, the list of offices).
    pub async fn dashboard(&self, signed: Signed) -> Response {
        let (visit, lang) = (&signed.visit, signed.visit.lang);
        let Some(acting) = visit.acting.clone() else {
            let template = OfficesPage {
                head: Head::new(visit, tr(lang, "staff-offices-title"), Some(&signed)),
                offices: (self.0.deployment.offices().into_iter())
                    .map(|o| OfficeItem {
                        name: o.state.site().charter.office.full_name(lang),
                        url: format!("/{lang}/staff/offices/{}", o.id),
                        id: o.id,
                    })
                    .collect(),
            };
            return pages::page(&template, StatusCode::OK);
        };
        let base = visit.base();
        let site = acting.state.site();
        let charter = &site.charter;
        let mut notices = Vec::new();
        let store = self.store();
        if let Ok(Some(draft)) = store
            .draft(signed.account.id, &acting.id, DraftKind::Proposal)
            .await
        {
            notices.push(Notice {
                label: tr_args(
                    lang,
                    "staff-notice-proposal",
                    &[("what", Arg::Text(describe(&draft.target, lang, charter)))],
                ),
                url: format!("{base}/preview"),
                action: tr(lang, "staff-review"),
            });
        }
        if let Ok(Some(draft)) = store
            .draft(signed.account.id, &acting.id, DraftKind::Unsent)
            .await
        {
            notices.push(Notice {
                label: tr_args(
                    lang,
                    "staff-notice-unsent",
                    &[("when", Arg::Text(pages::when(lang, draft.saved_at)))],
                ),
                url: format!("{}?draft=1", draft.target),
                action: tr(lang, "staff-continue"),
            });
        }
        // Citizens' reports of the last 30 days, per service: the
        // inbox's own room keeps them; the home only counts.
        let since = crate::store::now() - 30 * 24 * 60 * 60;
        let reports = match store.report_counts(&acting.id, since).await {
            Ok(counts) => counts
                .into_iter()
                .map(|(slug, n)| {
                    let service = charter.services.iter().find(|s| s.slug.get_ref() == &slug);
                    ReportCount {
                        label: match service {
                            Some(s) => s.name.get(lang).0.to_string(),
                            None => tr(lang, "feedback-inbox-other-pages"),
                        },
                        count: lang.number(n),
                        url: match service {
                            Some(_) => format!("{base}/feedback?service={slug}"),
                            None => format!("{base}/feedback"),
                        },
                    }
                })
                .collect(),
            Err(e) => {
                tracing::warn!("citizens' reports could not be counted: {e}");
                Vec::new()
            }
        };
        let template = HomePage {
            reports,
            head: Head::new(visit, charter.office.full_name(lang), Some(&signed)),
            office_name: charter.office.full_name(lang),
            notices,
            services: (charter.services.iter())
                .map(|s| ServiceItem {
                    url: format!("{base}/services/{}", s.slug.get_ref()),
                    serial: lang.number(s.serial.get_ref()),
                    name: s.name.get(lang).0.to_string(),
                    group: s.group.name(lang),
                })
                .collect(),
            officers: (charter.officers.iter())
                .map(|o| OfficerItem {
                    url: format!("{base}/officers/{}", o.id.get_ref()),
                    name: o.name.get(lang).0.to_string(),
                    designation: o.designation.get(lang).0.to_string(),
                })
                .collect(),
            updated: charter
                .last_updated()
                .map(|d| lang.digits(&d.iso()).into_owned()),
            print_url: match visit.home_office {
                Some(_) => crate::urls::services(lang),
                None => site.base_url.join(&crate::urls::services(lang)),
            },
            base,
        };
        pages::page(&template, StatusCode::OK)
    }
}

/// `GET …/preview`: what the change kept will do, and the button that
/// publishes it.
pub async fn preview(State(staff): State<Staff>, visit: super::visit::Visit) -> Response {
    let (signed, acting) = match office_page(&staff, visit).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let lang = signed.visit.lang;
    let draft = match staff
        .store()
        .draft(signed.account.id, &acting.id, DraftKind::Proposal)
        .await
    {
        Ok(Some(d)) => d,
        Ok(None) => return pages::see_other(&signed.visit.home()),
        Err(e) => return broken(&signed.visit, e),
    };
    let current = match staff.current(&acting).await {
        Ok(c) => c,
        Err(e) => return broken(&signed.visit, e),
    };
    let mut template = PreviewPage {
        head: Head::new(
            &signed.visit,
            tr(lang, "staff-preview-title"),
            Some(&signed),
        ),
        base: signed.visit.base(),
        what: describe(&draft.target, lang, &acting.state.site().charter),
        csrf: signed.csrf(),
        proposal: proposal_hash(&draft.body),
        publishable: false,
        changes: None,
        problems: Vec::new(),
        conflict: None,
    };
    if current.hash != draft.base_hash {
        template.conflict = Some(staff.since(&acting, &draft.base_hash, &current, lang).await);
        return pages::page(&template, StatusCode::CONFLICT);
    }
    let before = staff.current_charter(&acting, &current).await;
    let text = draft.body.clone();
    let after = staff
        .0
        .cpu
        .run(move || charter::load_str("charter.toml", &text))
        .await;
    if let (Some(before), Ok(Ok(after))) = (before, after) {
        template.changes = Some(ChangesView {
            intro: String::new(),
            changes: summary(&before, &after.charter, lang),
        });
        template.publishable = true;
    }
    pages::page(&template, StatusCode::OK)
}

/// `POST …/publish`: publishes the change kept, if it is the one shown
/// and the file has not changed since.
pub async fn publish(
    State(staff): State<Staff>,
    visit: super::visit::Visit,
    body: Bytes,
) -> Response {
    let posted = Posted::parse(&body);
    let (signed, acting) = match office_form(&staff, visit, &posted).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let lang = signed.visit.lang;
    let draft = match staff
        .store()
        .draft(signed.account.id, &acting.id, DraftKind::Proposal)
        .await
    {
        Ok(Some(d)) if proposal_hash(&d.body) == posted.get("proposal") => d,
        Ok(_) => {
            return pages::message(
                &signed.visit,
                Some(&signed),
                StatusCode::CONFLICT,
                "staff-stale-title",
                vec![tr(lang, "staff-stale")],
            );
        }
        Err(e) => return broken(&signed.visit, e),
    };
    let note: String = posted.get("note").trim().chars().take(200).collect();
    let preview = |conflict, problems| PreviewPage {
        head: Head::new(
            &signed.visit,
            tr(lang, "staff-preview-title"),
            Some(&signed),
        ),
        base: signed.visit.base(),
        what: describe(&draft.target, lang, &acting.state.site().charter),
        csrf: signed.csrf(),
        proposal: proposal_hash(&draft.body),
        publishable: false,
        changes: None,
        problems,
        conflict,
    };
    match staff
        .publish(
            &signed,
            &acting,
            &draft.body,
            &draft.base_hash,
            &note,
            &draft.target,
        )
        .await
    {
        Published::Done { number, shown } => {
            let _ = staff
                .store()
                .drop_draft(signed.account.id, &acting.id, DraftKind::Proposal)
                .await;
            let mut paragraphs = vec![match number {
                Some(n) => tr_args(
                    lang,
                    "staff-published-version",
                    &[("number", Arg::Count(n))],
                ),
                None => tr(lang, "staff-published"),
            }];
            if !shown {
                paragraphs.push(tr(lang, "staff-published-not-shown"));
            }
            pages::message(
                &signed.visit,
                Some(&signed),
                StatusCode::OK,
                "staff-published-title",
                paragraphs,
            )
        }
        Published::Conflict(view) => {
            pages::page(&preview(Some(view), Vec::new()), StatusCode::CONFLICT)
        }
        Published::Invalid(problems) => pages::page(&preview(None, problems), StatusCode::OK),
        Published::Failed(e) => {
            tracing::error!("a publish failed: {e}");
            let text = tr_args(lang, "staff-publish-failed", &[("error", Arg::Text(e))]);
            pages::message(
                &signed.visit,
                Some(&signed),
                StatusCode::INTERNAL_SERVER_ERROR,
                "staff-publish-failed-title",
                vec![text],
            )
        }
    }
}

/// `POST …/discard`: drops the change kept.
pub async fn discard(
    State(staff): State<Staff>,
    visit: super::visit::Visit,
    body: Bytes,
) -> Response {
    let posted = Posted::parse(&body);
    let (signed, acting) = match office_form(&staff, visit, &posted).await {
        Ok(x) => x,
        Err(res) => return res,
    };
    let _ = staff
        .store()
        .drop_draft(signed.account.id, &acting.id, DraftKind::Proposal)
        .await;
    let home = if signed.visit.home_office.is_some() {
        signed.visit.home()
    } else {
        signed.visit.base()
    };
    pages::see_other(&home)
}
