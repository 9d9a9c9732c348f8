//! What every page shares: head, header, navigation, search, footer. Each
//! page fills it the same way, from a [`PageInfo`] ([`Layout::new`]).

use crate::assets;
use crate::calendar::BanglaDate;
use crate::i18n::{Arg, Lang, tr, tr_args};
use crate::urls::{self, BaseUrl};

use super::Context;
use super::views::Txt;

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
    /// The language switch's text: the other language's name, in that
    /// language (the link carries its `lang`).
    pub switch_name: String,
    /// The language switch's title, in the other language too, so that a
    /// screen reader speaks the whole link in one voice.
    pub switch_title: String,
    /// The same page in the other language (or its home page).
    pub other_url: String,
    /// Stylesheet URL (fingerprinted).
    pub css: String,
    /// The site's icon (fingerprinted).
    pub icon: String,
    /// The site's name: the charter's, or the directory's.
    pub site_name: String,
    /// Office header lines.
    pub government: Txt,
    /// Department.
    pub department: Txt,
    /// The office and its place; `None` on the directory's pages, which
    /// are no one office's.
    pub office: Option<OfficeLine>,
    /// The search box's label.
    pub search_label: String,
    /// Home link.
    pub home_url: String,
    /// The list of every service, which several pages link to.
    pub services_url: String,
    /// Main navigation.
    pub nav: Vec<NavLink>,
    /// Search form target.
    pub search_url: String,
    /// In the static copy, the link to the list of every service (or
    /// office) that stands in for the search form; `None` on served pages.
    pub services_link: Option<NavLink>,
    /// Search box's current value.
    pub query: String,
    /// Whether search engines may list the page: not a page of search
    /// results, which copies other pages' texts at an address without
    /// end (`robots.txt` keeps crawlers from them too; this keeps out
    /// those that do not read it, or follow a link from elsewhere).
    pub indexed: bool,
    /// The site's address as shown: its host.
    pub website: String,
    /// The site's address as a link.
    pub website_url: String,
    /// When the charter was last changed.
    pub last_updated: Option<Updated>,
    /// The footer's link to the form that reports something wrong on
    /// this page: on an office's pages as the server shows them, never
    /// in the static copy (no server to take the report) nor on the
    /// directory's pages (no office's).
    pub feedback_url: Option<String>,
    page: Lang,
}

/// The office a page is about, as its header and footer name it.
#[derive(Debug, Clone)]
pub struct OfficeLine {
    /// The office's name.
    pub name: Txt,
    /// Upazila, district.
    pub place: String,
}

/// Who publishes the pages, as the header and footer say: one office, or
/// the directory of every office.
#[derive(Debug, Clone)]
pub struct Masthead {
    /// The site's name, after every page's own title but the home page's.
    pub site_name: String,
    /// The government line.
    pub government: Txt,
    /// The department.
    pub department: Txt,
    /// The office, on an office's pages.
    pub office: Option<OfficeLine>,
    /// The search box's label.
    pub search_label: String,
    /// The site's address as shown, and as a link.
    pub website: (String, String),
    /// When the pages last changed.
    pub last_updated: Option<Updated>,
}

/// Which page a layout is for: decides the title, the switch target and
/// the current navigation entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// The home page.
    Home,
    /// The list of services and each service's page.
    Services,
    /// The contact page.
    Contact,
    /// A page outside the navigation (errors, search).
    None,
}

/// What differs from page to page in the layout.
#[derive(Debug)]
pub struct PageInfo {
    /// schema.org JSON-LD, already safe inside `<script>`.
    pub json_ld: Option<String>,
    /// The page's own title (the site's name is added after it).
    pub title: String,
    /// Meta description.
    pub description: String,
    /// The page's path in Bangla and in English, when it has one.
    pub urls: Option<(String, String)>,
    /// Where the page sits in the navigation.
    pub nav: Nav,
    /// The search box's value.
    pub query: String,
    /// Where the language switch leads, when not to the other language's
    /// page at `urls` (a search keeps its query).
    pub switch: Option<String>,
}

impl Layout {
    /// The layout of the office's page `info` describes.
    pub(super) fn new(cx: Context<'_>, info: PageInfo) -> Layout {
        let (charter, page) = (cx.charter, cx.page);
        let o = &charter.office;
        let nav = [
            (Nav::Home, "nav-home", urls::home(page)),
            (Nav::Services, "nav-services", urls::services(page)),
            (Nav::Contact, "nav-contact", urls::contact(page)),
        ]
        .into_iter()
        .map(|(which, id, url)| (which, tr(page, id), url))
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
        let services_link = (cx.target == Target::StaticCopy).then(|| NavLink {
            label: tr_args(
                page,
                "all-services-link",
                &[("count", Arg::Count(charter.services.len() as u64))],
            ),
            url: urls::services(page),
            current: info.nav == Nav::Services,
        });
        let website = o.website.get_ref();
        let masthead = Masthead {
            site_name: tr(page, "site-title"),
            government: Txt::new(&o.government, page),
            department: Txt::new(&o.department, page),
            office: Some(OfficeLine {
                name: Txt::new(&o.office, page),
                place: format!("{}, {}", o.upazila.get(page).0, o.district.get(page).0),
            }),
            search_label: tr(page, "search-label"),
            website: (
                urls::website_host(website).to_string(),
                urls::website_url(website),
            ),
            last_updated,
        };
        let services_url = urls::services(page);
        // A plain link to a small form page rather than the form itself
        // in a <details> of every page: the form's labels and choices in
        // every pre-rendered page would cost each first view about a
        // kilobyte, compressed, for the few who report; the link costs
        // tens of bytes. The page it names is the one the reader is on
        // (an error page has none of its own, and no link).
        let this_path = info.urls.as_ref().map(|(bn, en)| match page {
            Lang::Bn => bn.clone(),
            Lang::En => en.clone(),
        });
        let feedback_url = this_path
            .filter(|_| cx.target == Target::Server)
            .map(|path| urls::feedback_for(page, &path));
        let mut layout = Layout::assemble(
            page,
            cx.base,
            info,
            masthead,
            nav,
            services_url,
            services_link,
        );
        layout.feedback_url = feedback_url;
        layout
    }

    /// The layout of a page of `page`'s language: `masthead` says who
    /// publishes it, `nav` is the main navigation (where each link
    /// leads), `services_url` the list of everything the site offers, and
    /// `services_link` what stands in for the search form in the static
    /// copy.
    pub fn assemble(
        page: Lang,
        base: &BaseUrl,
        info: PageInfo,
        masthead: Masthead,
        nav: Vec<(Nav, String, String)>,
        services_url: String,
        services_link: Option<NavLink>,
    ) -> Layout {
        let (bn_path, en_path) = info.urls.unzip();
        let (this_path, other_path) = match page {
            Lang::Bn => (bn_path.clone(), en_path.clone()),
            Lang::En => (en_path.clone(), bn_path.clone()),
        };
        // The visible switch stays a relative link, so a copy of the site
        // served from elsewhere (or a test server) keeps working.
        let other_url = info
            .switch
            .or(other_path)
            .unwrap_or_else(|| urls::home(page.other()));
        let absolute = |p: Option<String>| p.map(|p| base.join(&p));
        let (og_locale, og_locale_other) = match page {
            Lang::Bn => ("bn_BD", "en_US"),
            Lang::En => ("en_US", "bn_BD"),
        };
        let nav = (nav.into_iter())
            .map(|(which, label, url)| NavLink {
                label,
                url,
                current: which == info.nav,
            })
            .collect();
        // The home page's title already names the site.
        let title = if info.nav == Nav::Home {
            info.title
        } else {
            format!("{} | {}", info.title, masthead.site_name)
        };
        let (website, website_url) = masthead.website;
        // A page kept out of indexes names no page for indexes to list in
        // its place: a canonical or alternate link beside `noindex` is a
        // contradiction search engines resolve as they please.
        let indexed = info.query.is_empty();
        let listed = |path| absolute(path).filter(|_| indexed);
        Layout {
            lang: page.code(),
            title,
            description: info.description,
            bn_url: listed(bn_path),
            en_url: listed(en_path),
            canonical: listed(this_path),
            og_locale,
            og_locale_other,
            json_ld: info.json_ld,
            other_lang: page.other().code(),
            switch_name: tr(page.other(), "lang-name"),
            switch_title: tr(page.other(), "lang-switch-label"),
            other_url,
            css: assets::url("style.css"),
            icon: assets::url(assets::ICON),
            site_name: masthead.site_name,
            government: masthead.government,
            department: masthead.department,
            office: masthead.office,
            search_label: masthead.search_label,
            home_url: urls::home(page),
            services_url,
            nav,
            search_url: urls::search(page),
            services_link,
            indexed,
            query: info.query,
            website,
            website_url,
            last_updated: masthead.last_updated,
            feedback_url: None,
            page,
        }
    }

    /// The interface string `id` in this page's language.
    pub fn t(&self, id: &str) -> String {
        tr(self.page, id)
    }

    /// The longest search query the server reads, the search box's
    /// `maxlength`.
    pub fn max_query_chars(&self) -> usize {
        urls::MAX_QUERY_CHARS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::bundled;

    fn layout(target: Target, nav: Nav) -> Layout {
        let charter = bundled();
        let base = BaseUrl::from_charter(&charter);
        let cx = Context {
            charter: &charter,
            base: &base,
            page: Lang::En,
            target,
        };
        Layout::new(
            cx,
            PageInfo {
                json_ld: None,
                title: "Services".to_string(),
                description: String::new(),
                urls: Some((urls::services(Lang::Bn), urls::services(Lang::En))),
                nav,
                query: String::new(),
                switch: None,
            },
        )
    }

    #[test]
    fn links_are_named_not_numbered() {
        let l = layout(Target::Server, Nav::Services);
        assert_eq!(l.services_url, "/en/services");
        assert_eq!(l.website, "doict.haluaghat.mymensingh.gov.bd");
        assert_eq!(l.website_url, "https://doict.haluaghat.mymensingh.gov.bd");
        assert_eq!(l.other_url, "/bn/services");
        assert_eq!(
            l.canonical.as_deref(),
            Some("https://doict.haluaghat.mymensingh.gov.bd/en/services")
        );
        let current: Vec<bool> = l.nav.iter().map(|n| n.current).collect();
        assert_eq!(current, [false, true, false]);
    }

    #[test]
    fn only_the_home_page_goes_without_the_site_name_in_its_title() {
        assert_eq!(layout(Target::Server, Nav::Home).title, "Services");
        assert_eq!(
            layout(Target::Server, Nav::Services).title,
            "Services | Citizen Charter"
        );
    }

    #[test]
    fn the_static_copy_links_every_service_instead_of_searching() {
        assert!(layout(Target::Server, Nav::Home).services_link.is_none());
        let link = layout(Target::StaticCopy, Nav::Services)
            .services_link
            .unwrap();
        assert_eq!(link.url, "/en/services");
        assert!(link.current);
    }
}
