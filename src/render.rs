//! Turns a validated charter into HTML pages in both languages.
//!
//! The charter model is first turned into small view structs holding text
//! already resolved for the page's language (with a `lang` mark where the
//! English text is missing and the Bangla one stands in). Templates only
//! loop and branch over these.

use askama::Template;

use crate::assets;
use crate::calendar::BanglaDate;
use crate::charter::{Block, Charter, Officer, Service, ServiceGroup, Text, phone_digits};
use crate::i18n::{Arg, Lang, tr, tr_args};
use crate::open_data;
use crate::qr;
use crate::urls::{self, BaseUrl};

/// A text resolved for one page.
#[derive(Debug, Clone)]
pub struct Txt {
    /// The words, digits already in the page's script.
    pub text: String,
    /// Set when the text is not in the page's language (Bangla standing in
    /// for a missing English text): becomes a `lang` attribute.
    pub lang: Option<&'static str>,
}

impl Txt {
    fn new(text: &Text, page: Lang) -> Txt {
        let (words, actual) = text.get(page);
        Txt {
            text: actual.digits(words).into_owned(),
            lang: (actual != page).then_some(actual.code()),
        }
    }
}

/// A table cell: one text or a numbered list.
#[derive(Debug, Clone)]
pub struct BlockView {
    /// The texts.
    pub items: Vec<Txt>,
    /// Shown as `<ol>` when true.
    pub list: bool,
}

impl BlockView {
    fn new(block: &Block, page: Lang) -> BlockView {
        BlockView {
            items: block.texts().iter().map(|t| Txt::new(t, page)).collect(),
            list: matches!(block, Block::List(_)),
        }
    }
}

/// An officer as shown on a page.
#[derive(Debug, Clone)]
pub struct OfficerView {
    /// Name.
    pub name: Txt,
    /// Designation.
    pub designation: Txt,
    /// Office and place.
    pub office: Option<Txt>,
    /// Phone as shown and its `tel:` link.
    pub phone: Option<Phone>,
    /// E-mail address (always ASCII: it is an address, not a number).
    pub email: Option<String>,
}

impl OfficerView {
    fn new(o: &Officer, page: Lang) -> OfficerView {
        OfficerView {
            name: Txt::new(&o.name, page),
            designation: Txt::new(&o.designation, page),
            office: o.office.as_ref().map(|t| Txt::new(t, page)),
            phone: o.phone.as_ref().map(|p| phone_view(p.get_ref(), page)),
            email: o.email.as_ref().map(|e| e.get_ref().clone()),
        }
    }
}

/// A phone number: shown in the page's digits, dialled in ASCII.
#[derive(Debug, Clone)]
pub struct Phone {
    /// As shown, e.g. ০২৯৯৬৬৭৩৭৫২ on Bangla pages.
    pub shown: String,
    /// `tel:02996673752`.
    pub href: String,
}

fn phone_view(phone: &str, page: Lang) -> Phone {
    Phone {
        shown: page.digits(phone.trim()).into_owned(),
        href: format!("tel:{}", phone_digits(phone).unwrap_or_default()),
    }
}

/// One service, every field resolved.
#[derive(Debug, Clone)]
pub struct ServiceView {
    /// Serial number in the page's digits.
    pub serial: String,
    /// Link to the service page.
    pub url: String,
    /// সেবার নাম.
    pub name: Txt,
    /// সেবা প্রদান পদ্ধতি.
    pub delivery: BlockView,
    /// প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান.
    pub documents: BlockView,
    /// সেবার মূল্য ও পরিশোধ পদ্ধতি.
    pub fee: BlockView,
    /// সেবা প্রদানের সময়সীমা.
    pub time_limit: BlockView,
    /// দায়িত্বপ্রাপ্ত কর্মকর্তা.
    pub officer: Option<OfficerView>,
    /// ঊর্ধ্বতন কর্মকর্তা.
    pub senior_officer: Option<OfficerView>,
    /// e.g. "নাগরিক সেবা, ক্রমিক নং ২".
    pub group_serial: String,
    /// The QR code image that opens this page (printed in the table).
    pub qr_url: String,
}

impl ServiceView {
    fn new(s: &Service, charter: &Charter, page: Lang) -> ServiceView {
        let officer = |id: &Option<toml::Spanned<String>>| {
            id.as_ref()
                .and_then(|id| charter.officer(id.get_ref()))
                .map(|o| OfficerView::new(o, page))
        };
        let serial = page.number(s.serial.get_ref());
        ServiceView {
            group_serial: tr_args(
                page,
                "service-group-serial",
                &[
                    ("group", Arg::Text(group_name(s.group, page))),
                    ("number", Arg::Text(serial.clone())),
                ],
            ),
            serial,
            url: urls::service(page, s.slug.get_ref()),
            qr_url: urls::service_qr(page, s.slug.get_ref()),
            name: Txt::new(&s.name, page),
            delivery: BlockView::new(&s.delivery, page),
            documents: BlockView::new(&s.documents, page),
            fee: BlockView::new(&s.fee, page),
            time_limit: BlockView::new(&s.time_limit, page),
            officer: officer(&s.officer),
            senior_officer: officer(&s.senior_officer),
        }
    }
}

/// The name of a service group in the page's language.
pub(crate) fn group_name(group: ServiceGroup, page: Lang) -> String {
    tr(page, &format!("group-{}", group.key()))
}

/// One service table (২.১, ২.২, ২.৩).
#[derive(Debug, Clone)]
pub struct GroupView {
    /// Anchor id, e.g. `citizen`.
    pub key: &'static str,
    /// e.g. "২.১) নাগরিক সেবা".
    pub heading: String,
    /// e.g. "৩টি সেবা".
    pub count: String,
    /// The services, in table order.
    pub services: Vec<ServiceView>,
}

fn groups(charter: &Charter, page: Lang) -> Vec<GroupView> {
    ServiceGroup::ALL
        .iter()
        .filter_map(|&group| {
            let services: Vec<ServiceView> = charter
                .services_in(group)
                .map(|s| ServiceView::new(s, charter, page))
                .collect();
            if services.is_empty() {
                return None;
            }
            Some(GroupView {
                key: group.key(),
                heading: format!(
                    "{}) {}",
                    page.digits(group.section()),
                    group_name(group, page)
                ),
                count: tr_args(
                    page,
                    "group-count",
                    &[("count", Arg::Count(services.len() as u64))],
                ),
                services,
            })
        })
        .collect()
}

/// A row of the grievance redress table.
#[derive(Debug, Clone)]
pub struct GrievanceView {
    /// Serial in the page's digits.
    pub serial: String,
    /// কখন যোগাযোগ করবেন.
    pub when: Txt,
    /// কার সঙ্গে যোগাযোগ করবেন.
    pub contact: Txt,
    /// যোগাযোগের ঠিকানা.
    pub address: Txt,
    /// নিষ্পত্তির সময়সীমা.
    pub resolution_time: Txt,
}

/// A link in the main navigation.
#[derive(Debug, Clone)]
pub struct NavLink {
    /// Visible label.
    pub label: String,
    /// Target.
    pub url: String,
    /// True on the page the link points to (`aria-current="page"`).
    pub current: bool,
}

/// Whom the pages are for: the server, or the static copy of
/// `charter build`, which has no search (a search needs the server).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Served by `charter serve`: every page has the search form.
    Server,
    /// Written by `charter build`: a link to the list of every service
    /// stands where the search form would be, so no page leads nowhere.
    StaticCopy,
}

/// The date of the last change, as the footer shows it.
#[derive(Debug, Clone)]
pub struct Updated {
    /// Gregorian date in the page's language: ২৭ নভেম্বর ২০২৬.
    pub gregorian: String,
    /// The same day in the Bangla calendar (Bangla pages only).
    pub bangla: Option<String>,
    /// `2026-11-27`, for `<time datetime>`.
    pub iso: String,
}

/// What every page shares: head, header, navigation, search, footer.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The page's language.
    pub lang: &'static str,
    /// `<title>`.
    pub title: String,
    /// Meta description.
    pub description: String,
    /// This page in Bangla and in English, absolute (for hreflang);
    /// `None` on error pages, which have no address of their own.
    pub bn_url: Option<String>,
    /// This page in English, absolute.
    pub en_url: Option<String>,
    /// This page's own absolute URL (canonical link, Open Graph).
    pub canonical: Option<String>,
    /// Open Graph locale: `bn_BD` or `en_US`.
    pub og_locale: &'static str,
    /// The other language's Open Graph locale.
    pub og_locale_other: &'static str,
    /// schema.org JSON-LD for the page, already safe inside `<script>`.
    pub json_ld: Option<String>,
    /// The other language's code.
    pub other_lang: &'static str,
    /// The same page in the other language (or its home page).
    pub other_url: String,
    /// Stylesheet URL (fingerprinted).
    pub css: String,
    /// Office header lines.
    pub government: Txt,
    /// Department.
    pub department: Txt,
    /// Office.
    pub office: Txt,
    /// Upazila, district.
    pub place: String,
    /// Home link.
    pub home_url: String,
    /// Main navigation.
    pub nav: Vec<NavLink>,
    /// Search form target.
    pub search_url: String,
    /// In the static copy, the link to the list of every service that
    /// stands in for the search form; `None` on served pages.
    pub services_link: Option<NavLink>,
    /// Search box's current value.
    pub query: String,
    /// Website (host only).
    pub website: String,
    /// When the charter was last changed.
    pub last_updated: Option<Updated>,
    page: Lang,
}

impl Layout {
    /// The interface string `id` in this page's language.
    pub fn t(&self, id: &str) -> String {
        tr(self.page, id)
    }
}

/// Which page a layout is for: decides the title, the switch target and
/// the current navigation entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nav {
    Home,
    Services,
    Contact,
    None,
}

struct PageInfo {
    json_ld: Option<String>,
    title: String,
    description: String,
    /// The page's URL in each language, when it has one.
    urls: Option<(String, String)>,
    nav: Nav,
    query: String,
}

fn layout(charter: &Charter, base: &BaseUrl, page: Lang, target: Target, info: PageInfo) -> Layout {
    let o = &charter.office;
    let (bn_path, en_path) = match info.urls {
        Some((bn, en)) => (Some(bn), Some(en)),
        None => (None, None),
    };
    let (this_path, other_path) = match page {
        Lang::Bn => (bn_path.clone(), en_path.clone()),
        Lang::En => (en_path.clone(), bn_path.clone()),
    };
    // The visible switch stays a relative link, so a copy of the site
    // served from elsewhere (or a test server) keeps working.
    let other_url = other_path.unwrap_or_else(|| urls::home(page.other()));
    let absolute = |p: Option<String>| p.map(|p| base.join(&p));
    let (og_locale, og_locale_other) = match page {
        Lang::Bn => ("bn_BD", "en_US"),
        Lang::En => ("en_US", "bn_BD"),
    };
    let nav = [
        (Nav::Home, "nav-home", urls::home(page)),
        (Nav::Services, "nav-services", urls::services(page)),
        (Nav::Contact, "nav-contact", urls::contact(page)),
    ]
    .into_iter()
    .map(|(which, id, url)| NavLink {
        label: tr(page, id),
        url,
        current: which == info.nav,
    })
    .collect();
    let last_updated = charter.last_updated().map(|d| match page {
        Lang::Bn => Updated {
            gregorian: d.format_bn(),
            bangla: Some(BanglaDate::from(d).format_bn()),
            iso: d.iso(),
        },
        Lang::En => Updated {
            gregorian: d.format_en(),
            bangla: None,
            iso: d.iso(),
        },
    });
    let services_link = (target == Target::StaticCopy).then(|| NavLink {
        label: tr_args(
            page,
            "all-services-link",
            &[("count", Arg::Count(charter.services.len() as u64))],
        ),
        url: urls::services(page),
        current: info.nav == Nav::Services,
    });
    // The home page's title already names the charter and the office.
    let title = if info.nav == Nav::Home {
        info.title
    } else {
        format!("{} | {}", info.title, tr(page, "site-title"))
    };
    Layout {
        lang: page.code(),
        title,
        description: info.description,
        bn_url: absolute(bn_path),
        en_url: absolute(en_path),
        canonical: absolute(this_path),
        og_locale,
        og_locale_other,
        json_ld: info.json_ld,
        other_lang: page.other().code(),
        other_url,
        css: assets::url("style.css"),
        government: Txt::new(&o.government, page),
        department: Txt::new(&o.department, page),
        office: Txt::new(&o.office, page),
        place: format!("{}, {}", o.upazila.get(page).0, o.district.get(page).0),
        home_url: urls::home(page),
        nav,
        search_url: urls::search(page),
        services_link,
        query: info.query,
        website: o
            .website
            .get_ref()
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string(),
        last_updated,
        page,
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    layout: &'a Layout,
    vision: Txt,
    mission: Txt,
    groups: Vec<GroupView>,
    section_vm: String,
    section_services: String,
}

#[derive(Template)]
#[template(path = "services.html")]
struct ServicesPage<'a> {
    layout: &'a Layout,
    groups: Vec<GroupView>,
    numbering: Vec<String>,
}

#[derive(Template)]
#[template(path = "service.html")]
struct ServicePage<'a> {
    layout: &'a Layout,
    service: ServiceView,
    /// Inline SVG QR code of this page's absolute URL.
    qr_svg: String,
}

#[derive(Template)]
#[template(path = "contact.html")]
struct ContactPage<'a> {
    layout: &'a Layout,
    office_address: Option<Txt>,
    office_phone: Option<Phone>,
    office_email: Option<String>,
    officers: Vec<OfficerView>,
    expectations: Vec<Txt>,
    grievance: Vec<GrievanceView>,
    section_expectations: String,
    section_grs: String,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    layout: &'a Layout,
    heading: String,
    body: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    layout: &'a Layout,
    summary: String,
    found: bool,
    results: Vec<ServiceView>,
}

/// A page ready to serve: its path and HTML.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// URL path, e.g. `/bn/services`.
    pub path: String,
    /// The page's language.
    pub lang: Lang,
    /// The whole document.
    pub html: String,
    /// For a service page: the address and SVG of its QR code, which the
    /// page shows inline and the site also serves on its own.
    pub qr: Option<(String, String)>,
}

/// The kinds of error page, each pre-rendered in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// 400.
    BadRequest,
    /// 404.
    NotFound,
    /// 500.
    ServerError,
}

impl ErrorKind {
    /// All kinds.
    pub const ALL: [ErrorKind; 3] = [
        ErrorKind::BadRequest,
        ErrorKind::NotFound,
        ErrorKind::ServerError,
    ];

    fn ids(self) -> (&'static str, &'static str) {
        match self {
            ErrorKind::BadRequest => ("bad-request-title", "bad-request-body"),
            ErrorKind::NotFound => ("not-found-title", "not-found-body"),
            ErrorKind::ServerError => ("server-error-title", "server-error-body"),
        }
    }
}

/// A template failed to render (a programming error, reported not hidden).
#[derive(Debug, thiserror::Error)]
#[error("could not render {page}: {source}")]
pub struct RenderError {
    page: String,
    source: askama::Error,
}

fn render<T: Template>(page: &str, t: &T) -> Result<String, RenderError> {
    t.render().map_err(|source| RenderError {
        page: page.to_string(),
        source,
    })
}

/// Every page of the site in both languages, one after another (the site
/// renders the same pages spread over every core, with
/// [`render_lang_pages`] and [`render_service_page`]).
pub fn render_pages(
    charter: &Charter,
    base: &BaseUrl,
    target: Target,
) -> Result<Vec<RenderedPage>, RenderError> {
    let mut pages = Vec::new();
    for lang in Lang::ALL {
        pages.extend(render_lang_pages(charter, base, lang, target)?);
        for s in &charter.services {
            pages.push(render_service_page(charter, base, lang, target, s)?);
        }
    }
    Ok(pages)
}

/// The home, services and contact pages in `page`'s language.
pub fn render_lang_pages(
    charter: &Charter,
    base: &BaseUrl,
    page: Lang,
    target: Target,
) -> Result<Vec<RenderedPage>, RenderError> {
    let mut pages = Vec::with_capacity(3);
    let office = charter.office.full_name(page);
    let both = |f: fn(Lang) -> String| Some((f(Lang::Bn), f(Lang::En)));

    let l = layout(
        charter,
        base,
        page,
        target,
        PageInfo {
            json_ld: Some(open_data::organization_ld(charter, page, base)),
            title: tr_args(page, "home-title", &[("office", Arg::Text(office.clone()))]),
            description: tr_args(
                page,
                "home-description",
                &[("office", Arg::Text(office.clone()))],
            ),
            urls: both(urls::home),
            nav: Nav::Home,
            query: String::new(),
        },
    );
    let home = HomePage {
        layout: &l,
        vision: Txt::new(&charter.statement.vision, page),
        mission: Txt::new(&charter.statement.mission, page),
        groups: groups(charter, page),
        section_vm: format!("{}. {}", page.number(1), tr(page, "section-vision-mission")),
        section_services: format!("{}. {}", page.number(2), tr(page, "section-services")),
    };
    pages.push(RenderedPage {
        path: urls::home(page),
        lang: page,
        html: render("home", &home)?,
        qr: None,
    });

    let l = layout(
        charter,
        base,
        page,
        target,
        PageInfo {
            json_ld: None,
            title: tr(page, "services-title"),
            description: tr_args(
                page,
                "services-description",
                &[("office", Arg::Text(office.clone()))],
            ),
            urls: both(urls::services),
            nav: Nav::Services,
            query: String::new(),
        },
    );
    let services = ServicesPage {
        layout: &l,
        groups: groups(charter, page),
        numbering: (1..=7).map(|n| page.number(n)).collect(),
    };
    pages.push(RenderedPage {
        path: urls::services(page),
        lang: page,
        html: render("services", &services)?,
        qr: None,
    });

    let l = layout(
        charter,
        base,
        page,
        target,
        PageInfo {
            json_ld: Some(open_data::organization_ld(charter, page, base)),
            title: tr(page, "contact-title"),
            description: tr_args(
                page,
                "contact-description",
                &[("office", Arg::Text(office.clone()))],
            ),
            urls: both(urls::contact),
            nav: Nav::Contact,
            query: String::new(),
        },
    );
    let contact = ContactPage {
        layout: &l,
        office_address: charter.office.address.as_ref().map(|t| Txt::new(t, page)),
        office_phone: charter
            .office
            .phone
            .as_ref()
            .map(|p| phone_view(p.get_ref(), page)),
        office_email: charter.office.email.as_ref().map(|e| e.get_ref().clone()),
        officers: charter
            .officers
            .iter()
            .map(|o| OfficerView::new(o, page))
            .collect(),
        expectations: charter
            .statement
            .expectations
            .iter()
            .map(|t| Txt::new(t, page))
            .collect(),
        grievance: charter
            .grievance
            .iter()
            .map(|g| GrievanceView {
                serial: page.number(g.serial.get_ref()),
                when: Txt::new(&g.when, page),
                contact: Txt::new(&g.contact, page),
                address: Txt::new(&g.address, page),
                resolution_time: Txt::new(&g.resolution_time, page),
            })
            .collect(),
        section_expectations: format!("{}. {}", page.number(3), tr(page, "section-expectations")),
        section_grs: format!("{}. {}", page.number(4), tr(page, "section-grs")),
    };
    pages.push(RenderedPage {
        path: urls::contact(page),
        lang: page,
        html: render("contact", &contact)?,
        qr: None,
    });
    Ok(pages)
}

/// One service's page in `page`'s language, with its QR code.
pub fn render_service_page(
    charter: &Charter,
    base: &BaseUrl,
    page: Lang,
    target: Target,
    s: &Service,
) -> Result<RenderedPage, RenderError> {
    let view = ServiceView::new(s, charter, page);
    let slug = s.slug.get_ref();
    let l = layout(
        charter,
        base,
        page,
        target,
        PageInfo {
            json_ld: Some(open_data::service_ld(charter, s, page, base)),
            title: view.name.text.clone(),
            description: tr_args(
                page,
                "service-description",
                &[("service", Arg::Text(view.name.text.clone()))],
            ),
            urls: Some((urls::service(Lang::Bn, slug), urls::service(Lang::En, slug))),
            nav: Nav::Services,
            query: String::new(),
        },
    );
    let qr_svg = qr::svg(&base.join(&view.url), &tr(page, "qr-label"));
    let p = ServicePage {
        qr_svg,
        layout: &l,
        service: view,
    };
    Ok(RenderedPage {
        path: urls::service(page, slug),
        lang: page,
        html: render(slug, &p)?,
        qr: Some((urls::service_qr(page, slug), p.qr_svg)),
    })
}

/// An error page in `page`'s language.
pub fn render_error(
    charter: &Charter,
    base: &BaseUrl,
    page: Lang,
    target: Target,
    kind: ErrorKind,
) -> Result<String, RenderError> {
    let (title_id, body_id) = kind.ids();
    let l = layout(
        charter,
        base,
        page,
        target,
        PageInfo {
            json_ld: None,
            title: tr(page, title_id),
            description: tr(page, body_id),
            urls: None,
            nav: Nav::None,
            query: String::new(),
        },
    );
    render(
        title_id,
        &ErrorPage {
            layout: &l,
            heading: tr(page, title_id),
            body: tr(page, body_id),
        },
    )
}

/// The search results page for `query`; `found` lists the matching
/// services (all of them for an empty query).
pub fn render_search(
    charter: &Charter,
    base: &BaseUrl,
    page: Lang,
    query: &str,
    found: &[&Service],
) -> Result<String, RenderError> {
    let office = charter.office.full_name(page);
    let q = query.trim();
    let search_url = |lang: Lang| {
        if q.is_empty() {
            urls::search(lang)
        } else {
            format!("{}?q={}", urls::search(lang), query_escape(q))
        }
    };
    let l = layout(
        charter,
        base,
        page,
        // Only the server answers searches.
        Target::Server,
        PageInfo {
            json_ld: None,
            title: tr(page, "search-title"),
            description: tr_args(page, "search-description", &[("office", Arg::Text(office))]),
            urls: Some((search_url(Lang::Bn), search_url(Lang::En))),
            nav: Nav::None,
            query: q.to_string(),
        },
    );
    let count = Arg::Count(found.len() as u64);
    let summary = if q.is_empty() {
        tr_args(page, "search-all", &[("count", count)])
    } else if found.is_empty() {
        tr_args(page, "search-none", &[("query", Arg::Text(q.to_string()))])
    } else {
        tr_args(
            page,
            "search-results",
            &[("query", Arg::Text(q.to_string())), ("count", count)],
        )
    };
    render(
        "search",
        &SearchPage {
            layout: &l,
            summary,
            found: !found.is_empty(),
            results: found
                .iter()
                .map(|s| ServiceView::new(s, charter, page))
                .collect(),
        },
    )
}

/// Percent-encodes a query value for a link (`application/x-www-form-urlencoded`).
fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
