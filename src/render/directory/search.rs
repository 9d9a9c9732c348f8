//! The directory's search page: the services of every office that a
//! query finds, each named with its office and linking to its page on the
//! office's site; when none is found, the closest service names of all
//! offices.

use askama::Template;

use crate::charter::Service;
use crate::i18n::{Arg, Lang, tr, tr_args};
use crate::render::layout::{Layout, Nav, PageInfo};
use crate::render::search::{Hit, NameLink, ResultView};
use crate::render::views::Txt;
use crate::render::{self, RenderError, render};
use crate::urls::{self, BaseUrl};

use super::{Context, Office};

/// A service found, with its office.
#[derive(Debug, Clone)]
pub struct Found<'a> {
    /// The office.
    pub office: Office<'a>,
    /// The service and the texts that show why it was found.
    pub hit: Hit<'a>,
}

/// What a search of every office found, for the results page.
#[derive(Debug, Clone, Default)]
pub struct Outcome<'a> {
    /// The services listed, best first.
    pub hits: Vec<Found<'a>>,
    /// How many services were found in all.
    pub total: usize,
    /// In how many offices.
    pub offices: usize,
    /// When none was found: the services whose names come closest, with
    /// their offices.
    pub closest: Vec<(Office<'a>, &'a Service)>,
}

/// An office as a result names it: its name and place.
#[derive(Debug, Clone)]
struct OfficeName {
    name: Txt,
    department: Txt,
    upazila: Txt,
    district: Txt,
}

impl OfficeName {
    fn new(o: &Office<'_>, page: Lang) -> OfficeName {
        let office = &o.charter.office;
        OfficeName {
            name: Txt::new(&office.office, page),
            department: Txt::new(&office.department, page),
            upazila: Txt::new(&office.upazila, page),
            district: Txt::new(&office.district, page),
        }
    }
}

#[derive(Template)]
#[template(path = "directory-search.html")]
struct SearchPage<'a> {
    layout: &'a Layout,
    summary: String,
    results: Vec<(ResultView, OfficeName)>,
    more: Option<String>,
    closest: Vec<(NameLink, OfficeName)>,
}

/// The directory's search page for `query`, showing what was found.
pub fn page(cx: Context<'_>, query: &str, found: &Outcome<'_>) -> Result<String, RenderError> {
    let page = cx.page;
    let q = query.trim();
    let layout = cx.layout(PageInfo {
        json_ld: None,
        title: tr(page, "directory-search-title"),
        description: tr(page, "directory-search-description"),
        // As on an office's search page: the page's addresses are the
        // search page's, whatever was asked; the switch keeps the query.
        urls: Some((urls::search(Lang::Bn), urls::search(Lang::En))),
        nav: Nav::None,
        query: q.to_string(),
        switch: Some(urls::search_for(page.other(), q)),
    });
    let text = |s: &str| Arg::Text(s.to_string());
    let summary = if q.is_empty() {
        tr(page, "directory-search-empty")
    } else if found.total == 0 {
        tr_args(page, "directory-search-none", &[("query", text(q))])
    } else {
        tr_args(
            page,
            "directory-search-results",
            &[
                ("query", text(q)),
                ("count", Arg::Count(found.total as u64)),
                ("offices", Arg::Count(found.offices as u64)),
            ],
        )
    };
    let listed = found.hits.len();
    let results = (found.hits.iter())
        .map(|f| {
            let base = BaseUrl::new(f.office.url);
            let office_cx = render::Context {
                charter: f.office.charter,
                base: &base,
                page,
                target: cx.target,
            };
            let mut view = ResultView::new(office_cx, &f.hit);
            view.url = f.office.link(&view.url);
            (view, OfficeName::new(&f.office, page))
        })
        .collect();
    let closest = (found.closest.iter())
        .map(|(office, s)| {
            let mut link = NameLink::new(s, page);
            link.url = office.link(&link.url);
            (link, OfficeName::new(office, page))
        })
        .collect();
    render(
        "directory search",
        &SearchPage {
            layout: &layout,
            summary,
            results,
            more: (listed < found.total).then(|| {
                tr_args(
                    page,
                    "directory-search-more",
                    &[("count", Arg::Count(listed as u64))],
                )
            }),
            closest,
        },
    )
}
