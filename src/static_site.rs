//! `charter build`: the whole site as plain files, for offices that want
//! no server. Each page's bytes are the ones the server sends, but for the
//! search form, which needs the server: a link to the list of every
//! service stands in its place ([`Target::StaticCopy`]). Every file has
//! `.gz` and `.br` siblings for servers that serve precompressed files.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::assets;
use crate::i18n::Lang;
use crate::render::{ErrorKind, Target};
use crate::site::{Page, Site};
use crate::urls;

/// What was written.
#[derive(Debug, Default)]
pub struct Written {
    /// Files written, compressed siblings included.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// Writes the static copy of `site` under `out` (rendered again for the
/// static copy unless `site` was made for it).
pub fn write_site(site: &Site, out: &Path) -> io::Result<Written> {
    let copy;
    let site = match site.target {
        Target::StaticCopy => site,
        Target::Server => {
            copy = site.static_copy().map_err(io::Error::other)?;
            &copy
        }
    };
    // The files get the smallest copies, made on every core first.
    site.finish_all();
    let mut written = Written::default();
    for path in site.paths() {
        let page = site.page(path).expect("listed path has a page");
        write_page(out, &urls::file_for(path), page, &mut written)?;
    }
    for lang in Lang::ALL {
        let name = format!("{lang}/404.html");
        write_page(
            out,
            &name,
            site.error_page(lang, ErrorKind::NotFound),
            &mut written,
        )?;
    }
    for asset in assets::all() {
        let page = site
            .asset(&asset.fingerprinted)
            .expect("every asset is compressed");
        write_page(
            out,
            &format!("static/{}", asset.fingerprinted),
            page,
            &mut written,
        )?;
    }
    let icon = assets::fingerprinted(assets::ICON);
    let icon = site.asset(&icon).expect("the icon is an asset");
    write_page(
        out,
        urls::FAVICON.trim_start_matches('/'),
        icon,
        &mut written,
    )?;
    let index = crate::render::root_redirect().map_err(io::Error::other)?;
    write_page(
        out,
        "index.html",
        &Page::new("text/html; charset=utf-8", index),
        &mut written,
    )?;
    Ok(written)
}

fn write_page(out: &Path, name: &str, page: &Page, written: &mut Written) -> io::Result<()> {
    let file = out.join(name);
    write(&file, &page.identity(), written)?;
    let compressed = page.finish();
    if !compressed.gzip.is_empty() {
        write(&with_suffix(&file, ".gz"), &compressed.gzip, written)?;
    }
    if !compressed.brotli.is_empty() {
        write(&with_suffix(&file, ".br"), &compressed.brotli, written)?;
    }
    Ok(())
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut s = file.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

fn write(file: &Path, bytes: &[u8], written: &mut Written) -> io::Result<()> {
    if let Some(parent) = file.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(file, bytes)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", file.display())))?;
    written.files += 1;
    written.bytes += bytes.len() as u64;
    Ok(())
}
