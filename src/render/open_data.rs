//! The charter as data: the JSON API (`/api/v1/…`), schema.org JSON-LD for
//! each page, `sitemap.xml` and `robots.txt`. All of it is made at load
//! time, like the pages.

use askama::Template;
use serde_json::{Value, json};

use super::Target;
use crate::charter::{Block, Charter, Officer, Service, Text};
use crate::i18n::{Lang, tr};
use crate::urls::{self, BaseUrl};

/// Version of the JSON shape; it is in the path (`/api/v1/`) and the
/// documents. Documented by `docs/charter.schema.json`.
pub const API_VERSION: u32 = 1;

fn text(t: &Text) -> Value {
    json!({ "bn": t.bn(), "en": t.en.as_ref().map(|e| e.get_ref()) })
}

fn block(b: &Block) -> Value {
    Value::Array(b.texts().iter().map(text).collect())
}

fn officer(o: &Officer) -> Value {
    json!({
        "id": o.id.get_ref(),
        "name": text(&o.name),
        "designation": text(&o.designation),
        "office": o.office.as_ref().map(text),
        "phone": o.phone.as_ref().map(|p| p.get_ref()),
        "email": o.email.as_ref().map(|e| e.get_ref()),
    })
}

fn service(charter: &Charter, s: &Service, base: &BaseUrl) -> Value {
    let slug = s.slug.get_ref();
    let person = |id: &Option<toml::Spanned<String>>| {
        id.as_ref()
            .and_then(|id| charter.officer(id.get_ref()))
            .map(officer)
    };
    json!({
        "slug": slug,
        "group": s.group.key(),
        "serial": s.serial.get_ref(),
        "name": text(&s.name),
        "delivery": block(&s.delivery),
        "documents": block(&s.documents),
        "fee": block(&s.fee),
        "time_limit": block(&s.time_limit),
        "officer": person(&s.officer),
        "senior_officer": person(&s.senior_officer),
        "url": {
            "bn": base.join(&urls::service(Lang::Bn, slug)),
            "en": base.join(&urls::service(Lang::En, slug)),
        },
        "api_url": base.join(&urls::api_service(slug)),
    })
}

/// `/api/v1/charter.json`: everything in the charter, both languages.
pub fn charter_json(charter: &Charter, base: &BaseUrl) -> String {
    let o = &charter.office;
    let doc = json!({
        "api_version": API_VERSION,
        "office": {
            "government": text(&o.government),
            "office": text(&o.office),
            "department": text(&o.department),
            "upazila": text(&o.upazila),
            "district": text(&o.district),
            "division": o.division.as_ref().map(text),
            "website": o.website.get_ref(),
            "aliases": o.aliases.iter().map(|a| a.get_ref()).collect::<Vec<_>>(),
            "address": o.address.as_ref().map(text),
            "phone": o.phone.as_ref().map(|p| p.get_ref()),
            "email": o.email.as_ref().map(|e| e.get_ref()),
        },
        "vision": text(&charter.statement.vision),
        "mission": text(&charter.statement.mission),
        "expectations": charter.statement.expectations.iter().map(text).collect::<Vec<_>>(),
        "last_updated": charter.last_updated().map(|d| d.iso()),
        "officers": charter.officers.iter().map(officer).collect::<Vec<_>>(),
        "services": charter.services.iter().map(|s| service(charter, s, base)).collect::<Vec<_>>(),
        "grievance": charter.grievance.iter().map(|g| json!({
            "serial": g.serial.get_ref(),
            "when": text(&g.when),
            "contact": text(&g.contact),
            "address": text(&g.address),
            "resolution_time": text(&g.resolution_time),
        })).collect::<Vec<_>>(),
    });
    pretty(&doc)
}

/// `/api/v1/services/<slug>.json`: one service.
pub fn service_json(charter: &Charter, s: &Service, base: &BaseUrl) -> String {
    let mut doc = service(charter, s, base);
    doc["api_version"] = json!(API_VERSION);
    pretty(&doc)
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("JSON values serialise");
    s.push('\n');
    s
}

/// schema.org `GovernmentOrganization` for the office.
fn organization(charter: &Charter, lang: Lang, base: &BaseUrl) -> Value {
    let o = &charter.office;
    let mut org = json!({
        "@type": "GovernmentOrganization",
        "name": charter.office.full_name(lang),
        "url": base.join(&urls::home(lang)),
        "parentOrganization": { "@type": "GovernmentOrganization", "name": o.department.get(lang).0 },
        "address": {
            "@type": "PostalAddress",
            "addressLocality": o.upazila.get(lang).0,
            "addressRegion": o.district.get(lang).0,
            "addressCountry": "BD",
        },
    });
    if let Some(a) = &o.address {
        org["address"]["streetAddress"] = json!(a.get(lang).0);
    }
    if let Some(p) = &o.phone {
        org["telephone"] = json!(p.get_ref());
    }
    if let Some(e) = &o.email {
        org["email"] = json!(e.get_ref());
    }
    org
}

/// JSON-LD for the home and contact pages.
pub fn organization_ld(charter: &Charter, lang: Lang, base: &BaseUrl) -> String {
    let mut org = organization(charter, lang, base);
    org["@context"] = json!("https://schema.org");
    script_safe(&org)
}

/// JSON-LD for a service page: a `GovernmentService` provided by the office.
pub fn service_ld(charter: &Charter, s: &Service, lang: Lang, base: &BaseUrl) -> String {
    let o = &charter.office;
    let words = |b: &Block| {
        b.texts()
            .iter()
            .map(|t| lang.digits(t.get(lang).0).into_owned())
            .collect::<Vec<_>>()
    };
    let channels: Vec<Value> = words(&s.delivery)
        .into_iter()
        .map(|name| json!({ "@type": "ServiceChannel", "name": name }))
        .collect();
    let url = base.join(&urls::service(lang, s.slug.get_ref()));
    let doc = json!({
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": lang.digits(s.name.get(lang).0),
        "url": url,
        "description": format!(
            "{} {}",
            sentence(lang, "col-documents", &words(&s.documents)),
            sentence(lang, "col-time", &words(&s.time_limit))
        ),
        "serviceType": s.group.name(lang),
        "provider": organization(charter, lang, base),
        "areaServed": {
            "@type": "AdministrativeArea",
            "name": format!("{}, {}", o.upazila.get(lang).0, o.district.get(lang).0),
        },
        "availableChannel": channels,
        "termsOfService": words(&s.fee).join("; "),
    });
    script_safe(&doc)
}

/// "label: item; item." with the column `label_id`'s name, ended by the
/// language's full stop (the dari in Bangla) and not by two.
fn sentence(lang: Lang, label_id: &str, items: &[String]) -> String {
    let items = items.join("; ");
    let items = items.trim_end_matches(['.', '।']);
    format!("{}: {items}{}", tr(lang, label_id), lang.full_stop())
}

/// JSON text that is safe inside `<script>`: no `<`, `>` or `&` appear
/// literally, so `</script>` in the data cannot end the element.
pub(super) fn script_safe(v: &Value) -> String {
    serde_json::to_string(v)
        .expect("JSON values serialise")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// One `<url>` of the sitemap: a page's address and its alternates.
struct SitemapUrl {
    loc: String,
    bn: String,
    en: String,
}

#[derive(Template)]
#[template(path = "sitemap.xml")]
struct Sitemap {
    urls: Vec<SitemapUrl>,
    /// `2026-11-27`: the charter's last change.
    lastmod: Option<String>,
}

/// `/sitemap.xml`: every page in both languages, with its alternates.
///
/// Made once per load from every page's address, it is also where a load
/// reports the service pages whose address is too long for a QR code.
pub fn sitemap(charter: &Charter, base: &BaseUrl) -> String {
    let mut pages: Vec<(String, String)> = vec![
        (urls::home(Lang::Bn), urls::home(Lang::En)),
        (urls::services(Lang::Bn), urls::services(Lang::En)),
        (urls::contact(Lang::Bn), urls::contact(Lang::En)),
    ];
    for s in &charter.services {
        let slug = s.slug.get_ref();
        pages.push((urls::service(Lang::Bn, slug), urls::service(Lang::En, slug)));
    }
    sitemap_of(&pages, base, charter.last_updated().map(|d| d.iso()))
}

/// A sitemap of `pages`, each given by its Bangla and English paths.
pub(super) fn sitemap_of(
    pages: &[(String, String)],
    base: &BaseUrl,
    lastmod: Option<String>,
) -> String {
    let urls: Vec<SitemapUrl> = pages
        .iter()
        .flat_map(|(bn, en)| {
            let (bn, en) = (base.join(bn), base.join(en));
            [bn.clone(), en.clone()].map(|loc| SitemapUrl {
                loc,
                bn: bn.clone(),
                en: en.clone(),
            })
        })
        .collect();
    Sitemap { urls, lastmod }
        .render()
        // Strings written to a String: rendering cannot fail.
        .expect("the sitemap renders")
}

/// `/robots.txt`: everything may be crawled but search results (the
/// search page with a query: addresses without end, each a copy of other
/// pages' texts, and each made afresh for its request); the search page
/// itself may be. The server's also keeps crawlers out of the staff
/// area and the form that reports what is wrong on a page (an address
/// for each page), which the static copy does not have. The sitemap says what there
/// is.
pub fn robots(base: &BaseUrl, target: Target) -> String {
    let staff = match target {
        Target::Server => format!(
            "Disallow: /{bn}/staff/\nDisallow: /{en}/staff/\n\
             Disallow: /{bn}/feedback\nDisallow: /{en}/feedback\n",
            bn = Lang::Bn,
            en = Lang::En
        ),
        Target::StaticCopy => String::new(),
    };
    format!(
        "User-agent: *\nAllow: /\nDisallow: /{}/search?\nDisallow: /{}/search?\n{staff}Sitemap: {}\n",
        Lang::Bn,
        Lang::En,
        base.join("/sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::bundled;

    #[test]
    fn the_sitemap_escapes_addresses_as_xml() {
        let sitemap = sitemap(&bundled(), &BaseUrl::new("https://example.org/a&b\"c'"));
        assert!(sitemap.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "));
        assert!(sitemap.contains("<url><loc>https://example.org/a&amp;b&quot;c'/bn/</loc>"));
        assert!(sitemap.ends_with("</url>\n</urlset>\n"));
        assert_eq!(
            sitemap.lines().filter(|l| l.starts_with("<url>")).count(),
            32
        );
    }

    #[test]
    fn robots_names_the_sitemap() {
        let robots = robots(&BaseUrl::new("https://example.org"), Target::Server);
        assert!(robots.ends_with("Sitemap: https://example.org/sitemap.xml\n"));
    }

    #[test]
    fn robots_keeps_crawlers_from_search_results_not_from_the_search_page() {
        assert_eq!(
            robots(&BaseUrl::new("https://example.org"), Target::StaticCopy),
            "User-agent: *\nAllow: /\nDisallow: /bn/search?\nDisallow: /en/search?\n\
             Sitemap: https://example.org/sitemap.xml\n"
        );
        assert_eq!(
            robots(&BaseUrl::new("https://example.org"), Target::Server),
            "User-agent: *\nAllow: /\nDisallow: /bn/search?\nDisallow: /en/search?\n\
             Disallow: /bn/staff/\nDisallow: /en/staff/\n\
             Disallow: /bn/feedback\nDisallow: /en/feedback\n\
             Sitemap: https://example.org/sitemap.xml\n"
        );
    }
}
