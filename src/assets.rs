//! Static files (`static/`), compiled into the program and fingerprinted:
//! each is served under a name holding a hash of its content, so browsers
//! may cache it for a year and still see a change at once.
//!
//! A stylesheet names other static files by their plain path
//! (`url(fonts/x.woff2)`); those references are rewritten to the
//! fingerprinted URLs before the stylesheet itself is hashed, so a new font
//! also gives the stylesheet a new name.

use std::sync::LazyLock;

/// One static file.
#[derive(Debug)]
pub struct Asset {
    /// Path in `static/`, e.g. `style.css` or `fonts/x.woff2`.
    pub name: &'static str,
    /// File name with the content hash, e.g. `style.3f2a9c1d.css` (flat:
    /// every asset is served from the same folder).
    pub fingerprinted: String,
    /// The bytes as served (a stylesheet's after rewriting).
    pub bytes: &'static [u8],
    /// MIME type.
    pub content_type: &'static str,
}

const CSS: &str = "text/css; charset=utf-8";

macro_rules! asset {
    ($name:literal, $type:expr) => {
        (
            $name,
            $type,
            include_bytes!(concat!("../static/", $name)) as &'static [u8],
        )
    };
}

impl Asset {
    /// False for formats compressed already (WOFF2, the icon's PNG), where
    /// gzip and brotli would cost time and save nothing.
    pub fn compressible(&self) -> bool {
        crate::encoding::compressible(self.content_type)
    }
}

/// The site's icon, linked from every page and also served as
/// `/favicon.ico` for clients that ask for that without reading a page.
pub const ICON: &str = "favicon.ico";

/// Stylesheets come last: they may refer to anything before them.
const FILES: &[(&str, &str, &[u8])] = &[
    asset!(
        "fonts/noto-sans-bengali-bengali-400-normal.woff2",
        "font/woff2"
    ),
    asset!(
        "fonts/noto-sans-bengali-bengali-700-normal.woff2",
        "font/woff2"
    ),
    asset!(
        "fonts/noto-sans-bengali-latin-400-normal.woff2",
        "font/woff2"
    ),
    asset!(
        "fonts/noto-sans-bengali-latin-700-normal.woff2",
        "font/woff2"
    ),
    // A 32 x 32 PNG in an ICO, made by scripts/favicon.py.
    asset!("favicon.ico", "image/x-icon"),
    asset!("style.css", CSS),
];

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    let mut assets: Vec<Asset> = Vec::with_capacity(FILES.len());
    for &(name, content_type, bytes) in FILES {
        let bytes = if content_type == CSS {
            let css = std::str::from_utf8(bytes)
                .unwrap_or_else(|e| panic!("static/{name} is not UTF-8: {e}"));
            // Built once for the life of the process, like the
            // `include_bytes!` data beside it.
            Box::leak(rewrite_urls(css, &assets).into_boxed_str()).as_bytes()
        } else {
            bytes
        };
        assets.push(Asset {
            name,
            fingerprinted: fingerprint(name, bytes),
            bytes,
            content_type,
        });
    }
    assets
});

/// Replaces each `url(NAME)` in `css` whose NAME (quoted or not) is the
/// path of one of `known` with that asset's fingerprinted URL. Other URLs
/// are left alone.
fn rewrite_urls(css: &str, known: &[Asset]) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("url(") {
        let (before, after) = rest.split_at(start + "url(".len());
        out.push_str(before);
        let Some(end) = after.find(')') else {
            rest = after;
            break;
        };
        let target = after[..end].trim().trim_matches(['"', '\'']);
        match known.iter().find(|a| a.name == target) {
            Some(asset) => out.push_str(&crate::urls::asset(&asset.fingerprinted)),
            None => out.push_str(&after[..end]),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// `fonts/x.woff2` + bytes -> `x.<8 hex digits of SHA-256>.woff2`.
pub fn fingerprint(name: &str, bytes: &[u8]) -> String {
    let hash = &crate::charter::hex_sha256(bytes)[..8];
    let file = name.rsplit_once('/').map_or(name, |(_, file)| file);
    match file.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{file}.{hash}"),
    }
}

/// Every static file.
pub fn all() -> &'static [Asset] {
    &ASSETS
}

/// The URL of a static file by its path in `static/` (panics on an unknown
/// name: the names are fixed at compile time, so that is a programming
/// error).
pub fn url(name: &str) -> String {
    crate::urls::asset(&fingerprinted(name))
}

/// The fingerprinted name of a static file by its path in `static/`
/// (panics on an unknown name, as [`url`] does).
pub fn fingerprinted(name: &str) -> String {
    all()
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no static file named {name}"))
        .fingerprinted
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stylesheet() -> &'static str {
        let css = all().iter().find(|a| a.name == "style.css").unwrap();
        std::str::from_utf8(css.bytes).unwrap()
    }

    #[test]
    fn every_url_in_the_stylesheet_is_a_fingerprinted_asset() {
        let css = stylesheet();
        let urls: Vec<&str> = css
            .split("url(")
            .skip(1)
            .map(|s| &s[..s.find(')').unwrap()])
            .collect();
        for font in all().iter().filter(|a| a.content_type == "font/woff2") {
            assert!(
                urls.iter().any(|u| u.ends_with(&font.fingerprinted)),
                "{} is named in the stylesheet: {urls:?}",
                font.name
            );
        }
        for url in urls {
            let name = url.strip_prefix("/static/").unwrap_or_else(|| {
                panic!("{url} was not rewritten to a static URL");
            });
            assert!(
                all().iter().any(|a| a.fingerprinted == name),
                "{url} is not a static file"
            );
        }
    }

    #[test]
    fn the_stylesheet_hash_covers_the_rewritten_text() {
        let css = all().iter().find(|a| a.name == "style.css").unwrap();
        assert_eq!(css.fingerprinted, fingerprint("style.css", css.bytes));
        assert_ne!(
            css.bytes,
            include_bytes!("../static/style.css"),
            "the served stylesheet is the rewritten one"
        );
    }

    #[test]
    fn rewriting_keeps_other_urls_and_accepts_quotes() {
        let known = [Asset {
            name: "fonts/a.woff2",
            fingerprinted: "a.0123abcd.woff2".into(),
            bytes: b"",
            content_type: "font/woff2",
        }];
        assert_eq!(
            rewrite_urls(
                "a{src:url(fonts/a.woff2)} b{src:url( \"fonts/a.woff2\" )} c{background:url(data:x)}",
                &known
            ),
            "a{src:url(/static/a.0123abcd.woff2)} b{src:url(/static/a.0123abcd.woff2)} c{background:url(data:x)}"
        );
    }

    #[test]
    fn fingerprinted_names_are_flat() {
        assert_eq!(fingerprint("fonts/a.woff2", b"x").split('.').count(), 3);
        assert!(!fingerprint("fonts/a.woff2", b"x").contains('/'));
    }
}
