//! A static host for the tests: the files of a `charter build` copy,
//! answered by path. Shared by the test crates (each takes this file in
//! with `#[path]`).

use std::path::Path;

/// The file of the static copy under `dir` that answers `path`, as a
/// static host would find it: the path itself, with `.html`, or its
/// `index.html`; no `..`; otherwise the path's language's `404.html`.
pub fn static_file(dir: &Path, path: &str) -> axum::response::Response {
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;
    let relative = path.trim_start_matches('/');
    let found = if relative.split('/').any(|s| s == "..") {
        None
    } else {
        [
            relative.to_string(),
            format!("{relative}.html"),
            format!("{relative}/index.html")
                .trim_start_matches('/')
                .replace("//", "/"),
        ]
        .into_iter()
        .map(|candidate| dir.join(candidate))
        .find(|file| file.is_file())
    };
    let (status, file) = match found {
        Some(file) => (StatusCode::OK, file),
        None => {
            let lang = if relative.starts_with("en/") {
                "en"
            } else {
                "bn"
            };
            (StatusCode::NOT_FOUND, dir.join(lang).join("404.html"))
        }
    };
    let content_type = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("woff2") => "font/woff2",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("xml") => "application/xml; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
    let body = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    (status, [(header::CONTENT_TYPE, content_type)], body).into_response()
}
