//! The site's URL scheme, in one place. Pages link with these functions,
//! the server looks pages up by them, and `charter build` maps them to files.

use crate::i18n::Lang;

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

/// `/static/<name>`: a (fingerprinted) static asset.
pub fn asset(name: &str) -> String {
    format!("/static/{name}")
}

/// The file that holds the page at `path` in a static copy of the site:
/// `/bn/` is `bn/index.html`, `/bn/services` is `bn/services.html`.
pub fn file_for(path: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() || trimmed.ends_with('/') {
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
    fn language_from_path() {
        assert_eq!(lang_of("/en/services"), Some(Lang::En));
        assert_eq!(lang_of("/bn"), Some(Lang::Bn));
        assert_eq!(lang_of("/fr/"), None);
    }
}
