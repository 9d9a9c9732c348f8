//! What a site is made of: the rendering jobs a load runs on every core,
//! each giving one or more bodies and where they go, and the texts of a
//! service that search looks at.

use crate::charter::{Charter, Service};
use crate::i18n::Lang;
use crate::render::open_data;
use crate::render::{self, ErrorKind, RenderError, Target};
use crate::urls::{self, BaseUrl};

use super::page::{HTML, JSON, SVG, TEXT, XML};
use super::search::Source;

/// The texts of `s` a search reads, in the order of its page, as its
/// entry in a search index.
pub(super) fn search_sources<'a>(charter: &'a Charter, s: &'a Service) -> Vec<Source<'a>> {
    (render::search::searchable_texts(charter, s).into_iter())
        .map(|t| Source {
            text: t.text,
            lang: t.lang,
            is_name: t.field == render::search::Field::Name,
        })
        .collect()
}

/// Every job for `charter`.
pub(super) fn jobs(charter: &Charter) -> Vec<Job<'_>> {
    let mut jobs = vec![Job::CharterJson, Job::Sitemap];
    jobs.extend(Lang::ALL.map(Job::LangPages));
    for lang in Lang::ALL {
        jobs.extend(charter.services.iter().map(|s| Job::Service(lang, s)));
    }
    jobs.extend(charter.services.iter().map(Job::ServiceJson));
    for lang in Lang::ALL {
        jobs.extend(ErrorKind::ALL.map(|kind| Job::Error(lang, kind)));
    }
    jobs.push(Job::Robots);
    jobs
}

/// Where a rendered body goes: a path of the site, or an error page.
#[derive(Debug)]
pub(super) enum Key {
    Path(String),
    Error(Lang, ErrorKind),
}

/// One piece of rendering, done on whichever core is free.
#[derive(Debug, Clone, Copy)]
pub(super) enum Job<'a> {
    /// Home, services and contact pages.
    LangPages(Lang),
    Service(Lang, &'a Service),
    Error(Lang, ErrorKind),
    CharterJson,
    ServiceJson(&'a Service),
    Sitemap,
    Robots,
}

/// The bodies one job renders, each with where it goes and its type.
pub(super) fn render_job(
    charter: &Charter,
    base: &BaseUrl,
    target: Target,
    job: Job<'_>,
) -> Result<Vec<(Key, &'static str, String)>, RenderError> {
    Ok(match job {
        Job::LangPages(lang) => render::render_lang_pages(charter, base, lang, target)?
            .into_iter()
            .map(|p| (Key::Path(p.path), HTML, p.html))
            .collect(),
        Job::Service(lang, s) => {
            let p = render::render_service_page(charter, base, lang, target, s)?;
            let mut bodies = vec![(Key::Path(p.path), HTML, p.html)];
            // A service page's QR code is drawn once, for the page and
            // for its own address.
            if let Some((path, svg)) = p.qr {
                bodies.push((Key::Path(path), SVG, svg));
            }
            bodies
        }
        Job::Error(lang, kind) => vec![(
            Key::Error(lang, kind),
            HTML,
            render::render_error(charter, base, lang, target, kind)?,
        )],
        Job::CharterJson => vec![(
            Key::Path(urls::api_charter()),
            JSON,
            open_data::charter_json(charter, base),
        )],
        Job::ServiceJson(s) => vec![(
            Key::Path(urls::api_service(s.slug.get_ref())),
            JSON,
            open_data::service_json(charter, s, base),
        )],
        Job::Sitemap => vec![(
            Key::Path(urls::SITEMAP.to_string()),
            XML,
            open_data::sitemap(charter, base),
        )],
        Job::Robots => vec![(
            Key::Path(urls::ROBOTS.to_string()),
            TEXT,
            open_data::robots(base, target),
        )],
    })
}
