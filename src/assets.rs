//! Static files (`static/`), compiled into the program and fingerprinted:
//! each is served under a name holding a hash of its content, so browsers
//! may cache it for a year and still see a change at once.

use std::sync::LazyLock;

/// One static file.
#[derive(Debug)]
pub struct Asset {
    /// Name in `static/`, e.g. `style.css`.
    pub name: &'static str,
    /// Name with the content hash, e.g. `style.3f2a9c1d.css`.
    pub fingerprinted: String,
    /// The bytes.
    pub bytes: &'static [u8],
    /// MIME type.
    pub content_type: &'static str,
}

macro_rules! asset {
    ($name:literal, $type:literal) => {
        ($name, $type, include_bytes!(concat!("../static/", $name)) as &'static [u8])
    };
}

const FILES: &[(&str, &str, &[u8])] = &[asset!("style.css", "text/css; charset=utf-8")];

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(name, content_type, bytes)| Asset {
            name,
            fingerprinted: fingerprint(name, bytes),
            bytes,
            content_type,
        })
        .collect()
});

/// `style.css` + bytes -> `style.<8 hex digits of SHA-256>.css`.
pub fn fingerprint(name: &str, bytes: &[u8]) -> String {
    let hash = &crate::charter::hex_sha256(bytes)[..8];
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// Every static file.
pub fn all() -> &'static [Asset] {
    &ASSETS
}

/// The URL of a static file by its plain name (panics on an unknown name:
/// the names are fixed at compile time, so that is a programming error).
pub fn url(name: &str) -> String {
    let asset = all()
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no static file named {name}"));
    crate::urls::asset(&asset.fingerprinted)
}
