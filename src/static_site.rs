//! `charter build`: the whole site as plain files, for offices that want
//! no server. Each page's bytes are the ones the server sends, but for the
//! search form, which needs the server: a link to the list of every
//! service stands in its place ([`Target::StaticCopy`]). Every file has
//! `.gz` and `.br` siblings for servers that serve precompressed files.
//!
//! A folder of offices is written as one folder per office, named by its
//! host ([`host_folder`]), a link for each of its other host names
//! ([`link_alias`]), and the directory's copy in [`DIRECTORY_FOLDER`]
//! ([`write_directory`]): a web server picks the folder by the request's
//! host name, and any other host gets the directory.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::assets;
use crate::i18n::Lang;
use crate::render::{ErrorKind, Target};
use crate::site::{Directory, Page, Site};
use crate::urls;

/// The folder of a folder build that holds the directory of every office.
/// No host name starts with `_`, so no office's folder can be this one.
pub const DIRECTORY_FOLDER: &str = "_directory";

/// What a static copy is made of: an office's site or the directory.
trait Pages {
    fn paths(&self) -> Vec<&str>;
    fn page(&self, path: &str) -> Option<&Page>;
    fn error_page(&self, lang: Lang, kind: ErrorKind) -> &Page;
    fn asset(&self, name: &str) -> Option<&Page>;
    fn finish_all(&self);
}

macro_rules! pages_of {
    ($t:ty) => {
        impl Pages for $t {
            fn paths(&self) -> Vec<&str> {
                <$t>::paths(self)
            }
            fn page(&self, path: &str) -> Option<&Page> {
                <$t>::page(self, path)
            }
            fn error_page(&self, lang: Lang, kind: ErrorKind) -> &Page {
                <$t>::error_page(self, lang, kind)
            }
            fn asset(&self, name: &str) -> Option<&Page> {
                <$t>::asset(self, name)
            }
            fn finish_all(&self) {
                <$t>::finish_all(self)
            }
        }
    };
}

pages_of!(Site);
pages_of!(Directory);

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
    write_pages(site, out)
}

/// Writes the static copy of `directory` (rendered for the static copy:
/// [`Target::StaticCopy`]) under `out`, as [`write_site`] writes a site.
pub fn write_directory(directory: &Directory, out: &Path) -> io::Result<Written> {
    write_pages(directory, out)
}

fn write_pages(site: &impl Pages, out: &Path) -> io::Result<Written> {
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
    let gzip = page.gzip();
    if !gzip.is_empty() {
        write(&with_suffix(&file, ".gz"), &gzip, written)?;
    }
    let compressed = page.finish();
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

/// The folder of an office's site in a folder build: its website's host
/// name, in small letters as a web server compares host names
/// (`doict.haluaghat.mymensingh.gov.bd`).
pub fn host_folder(website: &str) -> String {
    crate::charter::host_name(website)
}

/// Whether `name` can be a folder (or link) of a folder build: a host
/// name's letters, digits, dots and hyphens, not starting with a dot.
pub fn is_host_folder(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && (name.bytes())
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
}

/// Makes `out/alias` a symbolic link to the office's folder `host` beside
/// it, replacing a link that is there (from an earlier build); anything
/// else at that name is left alone and reported.
pub fn link_alias(out: &Path, alias: &str, host: &str) -> io::Result<()> {
    let link = out.join(alias);
    match fs::symlink_metadata(&link) {
        Ok(meta) if meta.file_type().is_symlink() => fs::remove_file(&link)?,
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{}: exists and is not a link", link.display()),
            ));
        }
        Err(_) => {}
    }
    symlink(Path::new(host), &link)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", link.display())))
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "other host names are symbolic links, which need Linux or another Unix",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_is_a_link_to_its_office_s_folder() {
        let out = tempfile::tempdir().unwrap();
        let out = out.path();
        fs::create_dir_all(out.join("doict.haluaghat.mymensingh.gov.bd/bn")).unwrap();
        fs::write(
            out.join("doict.haluaghat.mymensingh.gov.bd/bn/index.html"),
            "home",
        )
        .unwrap();
        fs::create_dir(out.join("other.gov.bd")).unwrap();
        for _ in 0..2 {
            // Made, then made again over the first build's link.
            link_alias(out, "haluaghat.gov.bd", "doict.haluaghat.mymensingh.gov.bd").unwrap();
            let home = fs::read_to_string(out.join("haluaghat.gov.bd/bn/index.html")).unwrap();
            assert_eq!(home, "home");
        }
        assert_eq!(
            fs::read_link(out.join("haluaghat.gov.bd")).unwrap(),
            Path::new("doict.haluaghat.mymensingh.gov.bd")
        );
        // A folder of that name is never replaced.
        let e = link_alias(out, "other.gov.bd", "doict.haluaghat.mymensingh.gov.bd").unwrap_err();
        assert!(e.to_string().contains("is not a link"), "{e}");
        assert!(out.join("other.gov.bd").is_dir());
    }

    #[test]
    fn host_folders_are_host_names_in_small_letters() {
        assert_eq!(
            host_folder("https://DoICT.Haluaghat.gov.bd/"),
            "doict.haluaghat.gov.bd"
        );
        assert!(is_host_folder("doict.haluaghat.gov.bd"));
        for bad in ["", ".hidden", "a/b", "_directory", "..", "a b"] {
            assert!(!is_host_folder(bad), "{bad}");
        }
    }
}
