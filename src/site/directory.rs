//! The directory of every office a folder deployment serves (a first
//! version: the list of offices, each linking to its site).

use std::collections::HashMap;
use std::sync::Arc;

use super::{Compressor, HTML, Page, Site};
use crate::i18n::Lang;
use crate::render::{ErrorKind, RenderError, Target};
use crate::urls::BaseUrl;

/// One office as the directory lists it.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The office's id (its file's name without `.toml`).
    pub id: String,
    /// Its site as served now.
    pub site: Arc<Site>,
    /// Where its site's home is, absolute, ending in `/`.
    pub url: String,
}

/// The directory's pages.
#[derive(Debug)]
pub struct Directory {
    pages: HashMap<String, Arc<Page>>,
    errors: HashMap<(Lang, ErrorKind), Arc<Page>>,
    compressor: Compressor,
}

impl Directory {
    /// Renders the directory of `offices`.
    pub fn new(
        offices: &[Listed],
        _base: &BaseUrl,
        _target: Target,
        compressor: &Compressor,
    ) -> Result<Directory, RenderError> {
        let mut pages = HashMap::new();
        let mut errors = HashMap::new();
        for lang in Lang::ALL {
            let items: String = offices
                .iter()
                .map(|o| {
                    format!(
                        "<li><a href=\"{}{lang}/\">{}</a></li>",
                        o.url,
                        o.site.charter.office.full_name(lang)
                    )
                })
                .collect();
            let html = format!(
                "<!DOCTYPE html><html lang=\"{lang}\"><title>Directory</title><ul>{items}</ul></html>"
            );
            pages.insert(format!("/{lang}/"), compressor.page(HTML, html));
            for kind in ErrorKind::ALL {
                let html =
                    format!("<!DOCTYPE html><html lang=\"{lang}\"><title>{kind:?}</title></html>");
                errors.insert((lang, kind), compressor.page(HTML, html));
            }
        }
        Ok(Directory {
            pages,
            errors,
            compressor: compressor.clone(),
        })
    }

    /// The page at `path`, if there is one.
    pub fn page(&self, path: &str) -> Option<&Page> {
        self.pages.get(path).map(|p| &**p)
    }

    /// Every path, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.pages.keys().map(String::as_str).collect();
        paths.sort_unstable();
        paths
    }

    /// The error page of `kind` in `lang`.
    pub fn error_page(&self, lang: Lang, kind: ErrorKind) -> &Page {
        &self.errors[&(lang, kind)]
    }

    /// A static file by its fingerprinted name.
    pub fn asset(&self, name: &str) -> Option<&Page> {
        self.compressor.assets().get(name)
    }

    /// Makes every page's smallest copies now.
    pub fn finish_all(&self) {}

    /// Makes the smallest copies in the background.
    pub fn prepare_in_background(self: &Arc<Self>) {}

    /// The search page for `query` over `offices`.
    pub fn search_page(
        &self,
        offices: &[Listed],
        lang: Lang,
        query: &str,
    ) -> Result<String, RenderError> {
        let _ = (offices, query);
        Ok(format!("<!DOCTYPE html><html lang=\"{lang}\"></html>"))
    }
}
