//! Turns a validated charter into HTML pages in both languages, its data
//! as JSON, JSON-LD and a sitemap ([`open_data`]), and each service's QR
//! code ([`qr`]).
//!
//! The charter model is first turned into small view structs holding text
//! already resolved for the page's language, with a `lang` mark where the
//! English text is missing and the Bangla one stands in. Templates only
//! loop and branch over these.

use askama::Template;

use crate::charter::{Charter, Service};
use crate::i18n::{Lang, tr};
use crate::urls::{self, BaseUrl};

pub mod directory;
mod layout;
pub mod open_data;
mod pages;
pub mod qr;
pub mod search;
mod views;
mod xml;

pub use layout::{Layout, Target};

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
    /// page shows inline and the site also serves on its own; `None` for a
    /// service whose address is too long for a QR code.
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

    /// The message ids of the page's title and text.
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

/// What a page is rendered for: the charter, the base of its absolute
/// links, its language, and whether the server or the static copy shows it.
#[derive(Debug, Clone, Copy)]
struct Context<'a> {
    charter: &'a Charter,
    base: &'a BaseUrl,
    page: Lang,
    target: Target,
}

/// The home, services and contact pages in `page`'s language.
pub fn render_lang_pages(
    charter: &Charter,
    base: &BaseUrl,
    page: Lang,
    target: Target,
) -> Result<Vec<RenderedPage>, RenderError> {
    let cx = Context {
        charter,
        base,
        page,
        target,
    };
    Ok(vec![
        pages::home(cx)?,
        pages::services(cx)?,
        pages::contact(cx)?,
    ])
}

/// One service's page in `page`'s language, with its QR code when the
/// page's address fits one.
pub fn render_service_page(
    charter: &Charter,
    base: &BaseUrl,
    page: Lang,
    target: Target,
    s: &Service,
) -> Result<RenderedPage, RenderError> {
    let cx = Context {
        charter,
        base,
        page,
        target,
    };
    pages::service(cx, s)
}

/// An error page in `page`'s language.
pub fn render_error(
    charter: &Charter,
    base: &BaseUrl,
    page: Lang,
    target: Target,
    kind: ErrorKind,
) -> Result<String, RenderError> {
    let cx = Context {
        charter,
        base,
        page,
        target,
    };
    pages::error(cx, kind)
}

/// The search results page for `query`, showing what the search found.
pub fn render_search(
    charter: &Charter,
    base: &BaseUrl,
    page: Lang,
    query: &str,
    found: &search::Outcome<'_>,
) -> Result<String, RenderError> {
    let cx = Context {
        charter,
        base,
        page,
        // Only the server answers searches.
        target: Target::Server,
    };
    search::page(cx, query, found)
}

/// The layout of a page of `charter`'s office made for one request, not
/// stored (the form that reports what is wrong on a page): titled
/// `title`, its language switch leading to `switch`, kept out of search
/// engines' indexes, with no link to the form in its footer.
pub fn request_layout(
    charter: &Charter,
    base: &BaseUrl,
    page: Lang,
    title: String,
    switch: String,
) -> Layout {
    let cx = Context {
        charter,
        base,
        page,
        target: Target::Server,
    };
    let info = layout::PageInfo {
        json_ld: None,
        title,
        description: String::new(),
        urls: None,
        nav: layout::Nav::None,
        query: String::new(),
        switch: Some(switch),
    };
    let mut layout = Layout::new(cx, info);
    layout.indexed = false;
    layout
}

#[derive(Template)]
#[template(path = "redirect.html")]
struct RedirectPage {
    title: String,
    bn: String,
    en: String,
    bn_name: String,
    en_name: String,
}

/// `/index.html` of the static copy: without a server there is no
/// Accept-Language redirect, so this page sends visitors to the Bangla
/// home page (no JavaScript) and links both languages.
pub fn root_redirect() -> Result<String, RenderError> {
    render(
        "index",
        &RedirectPage {
            title: tr(Lang::Bn, "site-title"),
            bn: urls::home(Lang::Bn),
            en: urls::home(Lang::En),
            bn_name: tr(Lang::Bn, "lang-name"),
            en_name: tr(Lang::En, "lang-name"),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled charter, as the render tests read it.
    pub(super) fn bundled() -> Charter {
        crate::charter::load_str("charter.toml", include_str!("../../charter.toml"))
            .unwrap()
            .charter
    }

    #[test]
    fn each_language_has_a_home_services_and_contact_page() {
        let charter = bundled();
        let base = BaseUrl::from_charter(&charter);
        let pages = render_lang_pages(&charter, &base, Lang::En, Target::Server).unwrap();
        let paths: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["/en/", "/en/services", "/en/contact"]);
        assert!(pages.iter().all(|p| p.lang == Lang::En && p.qr.is_none()));
    }

    #[test]
    fn a_service_page_comes_with_its_qr_code() {
        let charter = bundled();
        let base = BaseUrl::from_charter(&charter);
        let s = &charter.services[0];
        let page = render_service_page(&charter, &base, Lang::Bn, Target::Server, s).unwrap();
        let (path, svg) = page.qr.unwrap();
        assert_eq!(path, format!("/bn/services/{}/qr.svg", s.slug.get_ref()));
        assert!(page.html.contains(&svg));
    }

    #[test]
    fn an_error_page_s_text_does_not_repeat_its_title() {
        for lang in [Lang::Bn, Lang::En] {
            for kind in ErrorKind::ALL {
                let (title, body) = kind.ids();
                let (title, body) = (tr(lang, title), tr(lang, body));
                assert!(
                    !body.to_lowercase().contains(&title.to_lowercase()),
                    "{lang:?} {kind:?}: {title:?} again in {body:?}"
                );
            }
        }
    }

    #[test]
    fn the_root_of_the_static_copy_sends_visitors_to_the_bangla_home_page() {
        let html = root_redirect().unwrap();
        assert!(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=/bn/\">"));
        assert!(html.contains("<a href=\"/en/\" hreflang=\"en\">English</a>"));
        assert!(html.ends_with("</html>\n"));
    }
}
