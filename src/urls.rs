//! The site's URL scheme, in one place. Pages link with these functions,
//! the server looks pages up by them, and `charter build` maps them to files.

use crate::charter::Charter;
use crate::i18n::Lang;

/// The public base URL (`https://host`, no trailing slash) that absolute
/// links start with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// The charter's website ([`website_url`]).
    pub fn from_charter(charter: &Charter) -> BaseUrl {
        BaseUrl::new(&website_url(charter.office.website.get_ref()))
    }

    /// A base URL as given (`--base-url`), trailing slashes removed.
    pub fn new(url: &str) -> BaseUrl {
        BaseUrl(url.trim().trim_end_matches('/').to_string())
    }

    /// The absolute URL of a site path.
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// The base URL itself.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host (and port) it names, keyed as addresses are compared
    /// ([`crate::hosts::normalize`]); `None` for an IP address.
    pub fn host(&self) -> Option<String> {
        let rest = self.0.split_once("://").map_or(self.0.as_str(), |(_, r)| r);
        crate::hosts::normalize(rest.split('/').next().unwrap_or_default()).ok()
    }
}

/// The office's website as a link: `https://` and the host, or the
/// address as written when the charter gives its scheme.
///
/// An internationalised name is written in punycode, the spelling every
/// client and crawler reads.
pub fn website_url(website: &str) -> String {
    let website = website.trim().trim_end_matches('/');
    let (scheme, host) = match website.split_once("://") {
        Some((scheme @ ("http" | "https"), host)) => (scheme, host),
        _ => ("https", website),
    };
    match host.is_ascii() {
        true => format!("{scheme}://{host}"),
        false => {
            let ascii = crate::hosts::normalize(host).unwrap_or_else(|_| host.to_string());
            format!("{scheme}://{ascii}")
        }
    }
}

/// The office's website as shown: the host, without scheme or trailing
/// slash.
pub fn website_host(website: &str) -> &str {
    website
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/')
}

/// `/bn/`: the home page.
pub fn home(lang: Lang) -> String {
    format!("/{lang}/")
}

/// `/bn/services`: the official service tables.
pub fn services(lang: Lang) -> String {
    format!("/{lang}/services")
}

/// `/bn/services/<slug>`: one service.
pub fn service(lang: Lang, slug: &str) -> String {
    format!("/{lang}/services/{slug}")
}

/// `/bn/contact`: officers, grievance redress, expectations.
pub fn contact(lang: Lang) -> String {
    format!("/{lang}/contact")
}

/// `/bn/search`: the search form's target.
pub fn search(lang: Lang) -> String {
    format!("/{lang}/search")
}

/// `/bn/search?q=<query>`: the results for `query` (form-encoded), or the
/// search page itself for an empty query.
pub fn search_for(lang: Lang, query: &str) -> String {
    if query.is_empty() {
        search(lang)
    } else {
        let q: String = form_urlencoded::byte_serialize(query.as_bytes()).collect();
        format!("{}?q={q}", search(lang))
    }
}

/// `/bn/feedback`: the form that reports something wrong on a page.
pub fn feedback(lang: Lang) -> String {
    format!("/{lang}/feedback")
}

/// `/bn/feedback?page=/bn/services/<slug>`: the form, for the page at
/// `path` (its path only: never a query, which holds what was searched).
pub fn feedback_for(lang: Lang, path: &str) -> String {
    let page: String = form_urlencoded::byte_serialize(path.as_bytes()).collect();
    format!("{}?page={page}", feedback(lang))
}

/// `/api/v1/charter.json`: the whole charter as JSON.
pub fn api_charter() -> String {
    "/api/v1/charter.json".to_string()
}

/// `/api/v1/services/<slug>.json`: one service as JSON.
pub fn api_service(slug: &str) -> String {
    format!("/api/v1/services/{slug}.json")
}

/// `/api/v1/offices.json`: every office of the directory, as JSON.
pub fn api_offices() -> String {
    "/api/v1/offices.json".to_string()
}

/// True for the JSON API, which any origin may read.
pub fn is_open_data(path: &str) -> bool {
    path.starts_with("/api/")
}

/// `/bn/services/<slug>/qr.svg`: a QR code that opens the service's page.
pub fn service_qr(lang: Lang, slug: &str) -> String {
    format!("/{lang}/services/{slug}/qr.svg")
}

/// How many characters of a search query (`q`) are read: the form's
/// `maxlength`, and the server's cut for anything longer, so that the cost
/// of a query is bounded whatever a client sends.
pub const MAX_QUERY_CHARS: usize = 2_000;

/// `/sitemap.xml`.
pub const SITEMAP: &str = "/sitemap.xml";

/// `/robots.txt`.
pub const ROBOTS: &str = "/robots.txt";

/// `/favicon.ico`: the site's icon where clients look for it unasked
/// (pages link to its fingerprinted copy).
pub const FAVICON: &str = "/favicon.ico";

/// `/static/<name>`: a (fingerprinted) static asset.
pub fn asset(name: &str) -> String {
    format!("/static/{name}")
}

/// The file that holds the page at `path` in a static copy of the site:
/// `/bn/` is `bn/index.html`, `/bn/services` is `bn/services.html`.
pub fn file_for(path: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    let has_extension = trimmed
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    if has_extension {
        trimmed.to_string()
    } else if trimmed.is_empty() || trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        format!("{trimmed}.html")
    }
}

/// The language a path belongs to, from its first segment; `None` when the
/// path does not start with a known language.
pub fn lang_of(path: &str) -> Option<Lang> {
    let first = path.trim_start_matches('/').split('/').next()?;
    first.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_for_paths() {
        assert_eq!(file_for("/bn/"), "bn/index.html");
        assert_eq!(file_for("/en/services"), "en/services.html");
        assert_eq!(
            file_for("/bn/services/ict-training"),
            "bn/services/ict-training.html"
        );
    }

    #[test]
    fn website_as_link_and_as_shown() {
        assert_eq!(website_url("example.gov.bd"), "https://example.gov.bd");
        assert_eq!(
            website_url("https://example.gov.bd/"),
            "https://example.gov.bd"
        );
        assert_eq!(
            website_url("http://example.gov.bd"),
            "http://example.gov.bd"
        );
        assert_eq!(website_host("https://example.gov.bd/"), "example.gov.bd");
        assert_eq!(website_host("example.gov.bd"), "example.gov.bd");
    }

    #[test]
    fn search_links_encode_the_query() {
        assert_eq!(search_for(Lang::En, ""), "/en/search");
        assert_eq!(
            search_for(Lang::En, "ict training"),
            "/en/search?q=ict+training"
        );
        assert_eq!(
            search_for(Lang::Bn, "ই-নথি & 15"),
            "/bn/search?q=%E0%A6%87-%E0%A6%A8%E0%A6%A5%E0%A6%BF+%26+15"
        );
    }

    #[test]
    fn language_from_path() {
        assert_eq!(lang_of("/en/services"), Some(Lang::En));
        assert_eq!(lang_of("/bn"), Some(Lang::Bn));
        assert_eq!(lang_of("/fr/"), None);
    }
}
