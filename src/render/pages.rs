//! The page kinds: each fills its template from the charter, with the
//! layout every page shares.

use askama::Template;

use crate::charter::Service;
use crate::i18n::{Arg, Lang, tr, tr_args};
use crate::urls;

use super::layout::{Layout, Nav, PageInfo};
use super::open_data;
use super::qr;
use super::views::{GrievanceView, GroupView, OfficerView, Phone, ServiceView, Txt};
use super::{Context, ErrorKind, RenderError, RenderedPage, render};

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
    /// Inline SVG QR code of this page's absolute URL, when it fits one.
    qr_svg: Option<String>,
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

/// The paths of a page that every language has, in Bangla and English.
fn both(path: fn(Lang) -> String) -> Option<(String, String)> {
    Some((path(Lang::Bn), path(Lang::En)))
}

/// A page's section heading, numbered as in the national format.
fn section(page: Lang, number: u32, id: &str) -> String {
    format!("{}. {}", page.number(number), tr(page, id))
}

/// The interface string `id`, which names the office (its `office`
/// argument).
pub(super) fn about_office(cx: Context<'_>, id: &str) -> String {
    let office = cx.charter.office.full_name(cx.page);
    tr_args(cx.page, id, &[("office", Arg::Text(office))])
}

/// One of the pages each language has once (home, services, contact).
fn lang_page(
    cx: Context<'_>,
    path: String,
    name: &str,
    t: &impl Template,
) -> Result<RenderedPage, RenderError> {
    Ok(RenderedPage {
        path,
        lang: cx.page,
        html: render(name, t)?,
        qr: None,
    })
}

/// The home page: vision, mission and the list of services.
pub fn home(cx: Context<'_>) -> Result<RenderedPage, RenderError> {
    let (charter, page) = (cx.charter, cx.page);
    let layout = Layout::new(
        cx,
        PageInfo {
            json_ld: Some(open_data::organization_ld(charter, page, cx.base)),
            title: about_office(cx, "home-title"),
            description: about_office(cx, "home-description"),
            urls: both(urls::home),
            nav: Nav::Home,
            query: String::new(),
            switch: None,
        },
    );
    let home = HomePage {
        layout: &layout,
        vision: Txt::new(&charter.statement.vision, page),
        mission: Txt::new(&charter.statement.mission, page),
        groups: GroupView::all(cx),
        section_vm: section(page, 1, "section-vision-mission"),
        section_services: section(page, 2, "section-services"),
    };
    lang_page(cx, urls::home(page), "home", &home)
}

/// The official service tables.
pub fn services(cx: Context<'_>) -> Result<RenderedPage, RenderError> {
    let page = cx.page;
    let layout = Layout::new(
        cx,
        PageInfo {
            json_ld: None,
            title: tr(page, "services-title"),
            description: about_office(cx, "services-description"),
            urls: both(urls::services),
            nav: Nav::Services,
            query: String::new(),
            switch: None,
        },
    );
    let services = ServicesPage {
        layout: &layout,
        groups: GroupView::all(cx),
        numbering: (1..=7).map(|n| page.number(n)).collect(),
    };
    lang_page(cx, urls::services(page), "services", &services)
}

/// Officers, the office's own contact, expectations and grievance redress.
pub fn contact(cx: Context<'_>) -> Result<RenderedPage, RenderError> {
    let (charter, page) = (cx.charter, cx.page);
    let layout = Layout::new(
        cx,
        PageInfo {
            json_ld: Some(open_data::organization_ld(charter, page, cx.base)),
            title: tr(page, "contact-title"),
            description: about_office(cx, "contact-description"),
            urls: both(urls::contact),
            nav: Nav::Contact,
            query: String::new(),
            switch: None,
        },
    );
    let office = &charter.office;
    let contact = ContactPage {
        layout: &layout,
        office_address: office.address.as_ref().map(|t| Txt::new(t, page)),
        office_phone: office.phone.as_ref().map(|p| Phone::new(p.get_ref(), page)),
        office_email: office.email.as_ref().map(|e| e.get_ref().clone()),
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
        section_expectations: section(page, 3, "section-expectations"),
        section_grs: section(page, 4, "section-grs"),
    };
    lang_page(cx, urls::contact(page), "contact", &contact)
}

/// One service's page, with its QR code when its address fits one.
pub fn service(cx: Context<'_>, s: &Service) -> Result<RenderedPage, RenderError> {
    let page = cx.page;
    let view = ServiceView::new(cx, s);
    let slug = s.slug.get_ref();
    let layout = Layout::new(
        cx,
        PageInfo {
            json_ld: Some(open_data::service_ld(cx.charter, s, page, cx.base)),
            title: view.name.text.clone(),
            description: tr_args(
                page,
                "service-description",
                &[("service", Arg::Text(view.name.text.clone()))],
            ),
            urls: Some((urls::service(Lang::Bn, slug), urls::service(Lang::En, slug))),
            nav: Nav::Services,
            query: String::new(),
            switch: None,
        },
    );
    // The services table shows the code only when the address fits one
    // ([`ServiceView::qr_url`]); the page follows the same decision.
    let qr_svg = view
        .qr_url
        .as_ref()
        .and_then(|_| qr::svg(&cx.base.join(&view.url), &tr(page, "qr-label")));
    let p = ServicePage {
        qr_svg,
        layout: &layout,
        service: view,
    };
    let html = render(slug, &p)?;
    Ok(RenderedPage {
        path: urls::service(page, slug),
        lang: page,
        html,
        qr: p.service.qr_url.zip(p.qr_svg),
    })
}

/// The error page of `kind`.
pub fn error(cx: Context<'_>, kind: ErrorKind) -> Result<String, RenderError> {
    let page = cx.page;
    let (title_id, body_id) = kind.ids();
    let layout = Layout::new(
        cx,
        PageInfo {
            json_ld: None,
            title: tr(page, title_id),
            description: tr(page, body_id),
            urls: None,
            nav: Nav::None,
            query: String::new(),
            switch: None,
        },
    );
    let error = ErrorPage {
        layout: &layout,
        heading: tr(page, title_id),
        body: tr(page, body_id),
    };
    render(title_id, &error)
}
