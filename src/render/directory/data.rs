//! The directory as data: `/api/v1/offices.json` (every office, where its
//! site and its charter's data are), the directory's JSON-LD, sitemap and
//! robots.

use serde_json::{Value, json};

use crate::charter::Text;
use crate::i18n::{Lang, tr};
use crate::render::open_data::{API_VERSION, robots as office_robots, script_safe, sitemap_of};
use crate::urls::{self, BaseUrl};

use super::{Context, Office};
use crate::render::layout::Target;

fn text(t: &Text) -> Value {
    json!({ "bn": t.bn(), "en": t.en.as_ref().map(|e| e.get_ref()) })
}

/// One office's entry in `offices.json`.
fn office(o: &Office<'_>) -> Value {
    let office = &o.charter.office;
    let parts = [&office.department, &office.office, &office.upazila];
    let english = parts.iter().all(|t| t.en.is_some());
    json!({
        "id": o.id,
        "name": {
            "bn": office.full_name(Lang::Bn),
            "en": english.then(|| office.full_name(Lang::En)),
        },
        "office": text(&office.office),
        "department": text(&office.department),
        "division": office.division.as_ref().map(text),
        "district": text(&office.district),
        "upazila": text(&office.upazila),
        "website": office.website.get_ref(),
        "aliases": office.aliases.iter().map(|a| a.get_ref()).collect::<Vec<_>>(),
        "home": {
            "bn": o.link(&urls::home(Lang::Bn)),
            "en": o.link(&urls::home(Lang::En)),
        },
        "api_url": o.link(&urls::api_charter()),
        "services": o.charter.services.len(),
    })
}

/// `/api/v1/offices.json`: every office, in the order of their ids.
pub fn offices_json(offices: &[Office<'_>], base: &BaseUrl) -> String {
    let mut sorted: Vec<&Office> = offices.iter().collect();
    sorted.sort_by_key(|o| o.id);
    let doc = json!({
        "api_version": API_VERSION,
        "directory": {
            "bn": base.join(&urls::home(Lang::Bn)),
            "en": base.join(&urls::home(Lang::En)),
        },
        "offices": sorted.into_iter().map(office).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
    s.push('\n');
    s
}

/// `/sitemap.xml`: the directory's own pages (each office's site has its
/// own sitemap, on its own host).
pub fn sitemap(base: &BaseUrl) -> String {
    sitemap_of(&[(urls::home(Lang::Bn), urls::home(Lang::En))], base, None)
}

/// `/robots.txt`: the same rules as an office's site.
pub fn robots(base: &BaseUrl, target: Target) -> String {
    office_robots(base, target)
}

/// schema.org JSON-LD of the directory's home page: a `WebSite` by the
/// department, with its search where the server answers one.
pub(super) fn website_ld(cx: Context<'_>) -> String {
    let page = cx.page;
    let department = match cx.department {
        Some(d) => d.get(page).0.to_string(),
        None => tr(page, "directory-department"),
    };
    let mut site = json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": tr(page, "directory-title"),
        "url": cx.base.join(&urls::home(page)),
        "inLanguage": page.code(),
        "publisher": { "@type": "GovernmentOrganization", "name": department },
    });
    if cx.target == Target::Server {
        site["potentialAction"] = json!({
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": format!("{}?q={{search_term_string}}", cx.base.join(&urls::search(page))),
            },
            "query-input": "required name=search_term_string",
        });
    }
    script_safe(&site)
}
