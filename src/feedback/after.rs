//! The page after a report (`/{lang}/feedback/sent`), and the one a
//! server without a store shows at the form's address.

use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use http::StatusCode;

use super::form::{not_found, office_of, own_page};
use super::pages::{MessagePage, Paragraph};
use super::{Category, Feedback};
use crate::i18n::{Lang, tr};
use crate::render;
use crate::server::{Addressed, Answerer};
use crate::staff::pages::page;
use crate::urls;

/// The national Grievance Redress System, for a charter without a GRS
/// section of its own.
pub const NATIONAL_GRS: &str = "https://www.grs.gov.bd/";

/// `GET /{lang}/feedback/sent`: thanks, what happens next, and for a
/// citizen asked for more than the charter says, where to complain: the
/// charter's GRS section, or the national GRS when it has none.
pub async fn sent(
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
    let query = query.unwrap_or_default();
    let field = |name: &str| {
        form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    let about = own_page(&site, &field("page")).map(|(p, _)| p);
    let mut paragraphs = vec![
        Paragraph {
            text: tr(lang, "feedback-thanks"),
            link: None,
        },
        Paragraph {
            text: tr(lang, "feedback-thanks-next"),
            link: None,
        },
    ];
    if field("answer") == "1" {
        paragraphs.push(Paragraph {
            text: tr(lang, "feedback-thanks-answer"),
            link: None,
        });
    }
    if Category::from_key(&field("category")) == Some(Category::Overcharged) {
        let link = if site.charter.grievance.is_empty() {
            (NATIONAL_GRS.to_string(), tr(lang, "feedback-grs-national"))
        } else {
            (
                format!("{}#grs", urls::contact(lang)),
                tr(lang, "feedback-grs-office"),
            )
        };
        paragraphs.push(Paragraph {
            text: tr(lang, "feedback-thanks-grs"),
            link: Some(link),
        });
    }
    let back = about.unwrap_or_else(|| urls::home(lang));
    paragraphs.push(Paragraph {
        text: String::new(),
        link: Some((back, tr(lang, "feedback-back"))),
    });
    let switch = format!("{}/sent?{}", urls::feedback(lang.other()), query);
    let template = MessagePage {
        layout: render::request_layout(
            &site.charter,
            &site.base_url,
            lang,
            tr(lang, "feedback-thanks-title"),
            switch,
        ),
        heading: tr(lang, "feedback-thanks-title"),
        paragraphs,
    };
    page(&template, StatusCode::OK)
}

/// `/{lang}/feedback` of a server without a store: no report can be
/// taken; the office's contacts instead (503).
pub async fn unavailable(
    Extension(addressed): Extension<Addressed>,
    Path(lang): Path<String>,
) -> Response {
    let Ok(lang) = lang.parse::<Lang>() else {
        return not_found(Lang::Bn);
    };
    let Answerer::Office(state) = &addressed.to else {
        return not_found(lang);
    };
    let site = state.site();
    let template = MessagePage {
        layout: render::request_layout(
            &site.charter,
            &site.base_url,
            lang,
            tr(lang, "feedback-unavailable-title"),
            urls::feedback(lang.other()),
        ),
        heading: tr(lang, "feedback-unavailable-title"),
        paragraphs: vec![Paragraph {
            text: tr(lang, "feedback-unavailable"),
            link: Some((urls::contact(lang), tr(lang, "nav-contact"))),
        }],
    };
    page(&template, StatusCode::SERVICE_UNAVAILABLE)
}
