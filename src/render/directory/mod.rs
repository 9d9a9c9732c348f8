//! The directory of every office of a folder of charters: the list of
//! offices by division, district and upazila, each linking to its own
//! site, in both languages; the search across every office's services
//! ([`search`]); its error pages, its JSON list of offices, sitemap and
//! robots ([`data`]). Its pages share the layout of the offices' pages,
//! with the directory's own header.

use askama::Template;

use crate::charter::{Charter, Text};
use crate::i18n::{Arg, Lang, tr, tr_args};
use crate::urls::{self, BaseUrl};

use super::layout::{Layout, Masthead, Nav, NavLink, PageInfo, Target};
use super::views::Txt;
use super::{ErrorKind, RenderError, render};

pub mod data;
pub mod search;

/// One office as the directory shows it.
#[derive(Debug, Clone, Copy)]
pub struct Office<'a> {
    /// The office's id (its file's name without `.toml`).
    pub id: &'a str,
    /// Its charter.
    pub charter: &'a Charter,
    /// Its site's home, absolute, ending in `/`.
    pub url: &'a str,
}

impl Office<'_> {
    /// The absolute address of the office's page at `path` (`/bn/`).
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.url.trim_end_matches('/'))
    }
}

/// What every page of the directory is rendered for.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The directory's own public address.
    pub base: &'a BaseUrl,
    /// The page's language.
    pub page: Lang,
    /// The server's pages or the static copy's.
    pub target: Target,
    /// The department the header names: the one every office names, or
    /// `None` for the Department of ICT, which runs such directories.
    pub department: Option<&'a Text>,
    /// How many offices the directory lists.
    pub offices: usize,
}

impl<'a> Context<'a> {
    /// The context of a page of the directory of `offices`.
    pub fn new(offices: &[Office<'a>], base: &'a BaseUrl, page: Lang, target: Target) -> Self {
        let first = offices.first().map(|o| &o.charter.office.department);
        let shared = first.filter(|first| {
            (offices.iter()).all(|o| same_text(&o.charter.office.department, first))
        });
        Context {
            base,
            page,
            target,
            department: shared,
            offices: offices.len(),
        }
    }

    /// The layout of the directory's page `info` describes.
    fn layout(self, info: PageInfo) -> Layout {
        let page = self.page;
        let department = match self.department {
            Some(d) => Txt::new(d, page),
            None => Txt {
                text: tr(page, "directory-department"),
                lang: None,
            },
        };
        let masthead = Masthead {
            site_name: tr(page, "directory-title"),
            government: Txt {
                text: tr(page, "directory-government"),
                lang: None,
            },
            department,
            office: None,
            search_label: tr(page, "directory-search-label"),
            website: (
                urls::website_host(self.base.as_str()).to_string(),
                self.base.as_str().to_string(),
            ),
            last_updated: None,
        };
        let home = urls::home(page);
        let services_link = (self.target == Target::StaticCopy).then(|| NavLink {
            label: tr_args(
                page,
                "all-offices-link",
                &[("count", Arg::Count(self.offices as u64))],
            ),
            url: home.clone(),
            current: info.nav == Nav::Home,
        });
        let nav = vec![(Nav::Home, tr(page, "nav-offices"), home.clone())];
        Layout::assemble(page, self.base, info, masthead, nav, home, services_link)
    }

    /// The interface string `id` with the count of offices.
    fn with_count(self, id: &str) -> String {
        tr_args(self.page, id, &[("count", Arg::Count(self.offices as u64))])
    }
}

/// Whether two texts say the same in both languages.
fn same_text(a: &Text, b: &Text) -> bool {
    a.bn().trim() == b.bn().trim()
        && a.en.as_ref().map(|e| e.get_ref().trim()) == b.en.as_ref().map(|e| e.get_ref().trim())
}

/// An office in the list, under its upazila.
#[derive(Debug, Clone)]
struct OfficeView {
    url: String,
    name: Txt,
    department: Txt,
    services: String,
}

/// An upazila and its offices.
#[derive(Debug, Clone)]
struct UpazilaView {
    name: Txt,
    offices: Vec<OfficeView>,
}

/// A district and its upazilas.
#[derive(Debug, Clone)]
struct DistrictView {
    name: Txt,
    upazilas: Vec<UpazilaView>,
}

/// A division (or the offices that name none) and its districts.
#[derive(Debug, Clone)]
struct DivisionView {
    /// The anchor of its section.
    id: String,
    /// `None` for the offices that name no division.
    name: Option<Txt>,
    count: String,
    districts: Vec<DistrictView>,
}

#[derive(Template)]
#[template(path = "directory.html")]
struct DirectoryPage<'a> {
    layout: &'a Layout,
    intro: Vec<String>,
    divisions: Vec<DivisionView>,
}

impl DirectoryPage<'_> {
    fn division_word(&self) -> String {
        self.layout.t("division-word")
    }

    fn district_word(&self) -> String {
        self.layout.t("district-word")
    }
}

/// `/bn/`, `/en/`: every office, by division, district and upazila.
pub fn home(offices: &[Office<'_>], cx: Context<'_>) -> Result<String, RenderError> {
    let page = cx.page;
    let layout = cx.layout(PageInfo {
        json_ld: Some(data::website_ld(cx)),
        title: tr(page, "directory-title"),
        description: cx.with_count("directory-description"),
        urls: Some((urls::home(Lang::Bn), urls::home(Lang::En))),
        nav: Nav::Home,
        query: String::new(),
        switch: None,
    });
    let mut intro = vec![if offices.is_empty() {
        tr(page, "directory-empty")
    } else {
        cx.with_count("directory-intro")
    }];
    if cx.target == Target::Server && !offices.is_empty() {
        intro.push(tr(page, "directory-intro-search"));
    }
    let html = render(
        "directory",
        &DirectoryPage {
            layout: &layout,
            intro,
            divisions: divisions(offices, page),
        },
    )?;
    Ok(html)
}

/// The English name of `t` (its Bangla when it has none), as the lists
/// are sorted by on both pages: the same order in both, and one that
/// needs no Bangla collation.
fn sort_key(t: &Text) -> String {
    t.get(Lang::En).0.trim().to_lowercase()
}

/// `items` grouped by the Bangla of their `text` (without the word
/// `word` names, which its heading adds, which some charters write: "ঢাকা বিভাগ" is
/// "ঢাকা"), each group named by the first of its texts that has an English
/// version (or its first), the groups in the order of those names.
fn grouped<'a, T>(
    items: Vec<T>,
    word: Option<&str>,
    text: impl Fn(&T) -> &'a Text,
) -> Vec<(&'a Text, Vec<T>)> {
    let word = word.map(|id| tr(Lang::Bn, id));
    let key = |t: &Text| {
        let bn = t.bn().trim();
        (word.as_deref())
            .and_then(|word| bn.strip_suffix(word))
            .map(str::trim_end)
            .filter(|rest| !rest.is_empty())
            .unwrap_or(bn)
            .to_string()
    };
    let mut groups: Vec<(String, &'a Text, Vec<T>)> = Vec::new();
    for item in items {
        let t = text(&item);
        let k = key(t);
        match groups.iter_mut().find(|(group, ..)| *group == k) {
            Some((_, name, members)) => {
                if name.en.is_none() && t.en.is_some() {
                    *name = t;
                }
                members.push(item);
            }
            None => groups.push((k, t, vec![item])),
        }
    }
    groups.sort_by_cached_key(|(k, name, _)| (sort_key(name), k.clone()));
    (groups.into_iter())
        .map(|(_, name, members)| (name, members))
        .collect()
}

/// The offices by division (those that name none last), district and
/// upazila.
fn divisions(offices: &[Office<'_>], page: Lang) -> Vec<DivisionView> {
    let (named, unnamed): (Vec<&Office>, Vec<&Office>) =
        (offices.iter()).partition(|o| o.charter.office.division.is_some());
    let mut divisions: Vec<(Option<&Text>, Vec<&Office>)> =
        grouped(named, Some("division-word"), |o: &&Office| {
            o.charter.office.division.as_ref().expect("partitioned")
        })
        .into_iter()
        .map(|(name, offices)| (Some(name), offices))
        .collect();
    if !unnamed.is_empty() {
        divisions.push((None, unnamed));
    }
    let mut ids: Vec<String> = Vec::new();
    (divisions.into_iter())
        .map(|(name, offices)| {
            let id = anchor(name, &ids);
            ids.push(id.clone());
            DivisionView {
                id,
                name: name.map(|n| division_name(n, page)),
                count: tr_args(
                    page,
                    "office-count",
                    &[("count", Arg::Count(offices.len() as u64))],
                ),
                districts: grouped(offices, Some("district-word"), |o| {
                    &o.charter.office.district
                })
                .into_iter()
                .map(|(name, offices)| DistrictView {
                    name: without_word(Txt::new(name, page), "district-word", page),
                    upazilas: upazilas(offices, page),
                })
                .collect(),
            }
        })
        .collect()
}

fn upazilas(offices: Vec<&Office<'_>>, page: Lang) -> Vec<UpazilaView> {
    grouped(offices, None, |o| &o.charter.office.upazila)
        .into_iter()
        .map(|(name, mut offices)| {
            offices.sort_by_cached_key(|o| (sort_key(&o.charter.office.office), o.id));
            UpazilaView {
                name: Txt::new(name, page),
                offices: (offices.into_iter())
                    .map(|o| {
                        let c = o.charter;
                        OfficeView {
                            url: o.link(&urls::home(page)),
                            name: Txt::new(&c.office.office, page),
                            department: Txt::new(&c.office.department, page),
                            services: tr_args(
                                page,
                                "group-count",
                                &[("count", Arg::Count(c.services.len() as u64))],
                            ),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A division's name as its heading shows it, before the word "division".
fn division_name(name: &Text, page: Lang) -> Txt {
    without_word(Txt::new(name, page), "division-word", page)
}

/// `t` without the word the heading adds after it ("ঢাকা বিভাগ" as
/// "ঢাকা"), for a charter that writes it.
fn without_word(mut t: Txt, id: &str, page: Lang) -> Txt {
    let lang = t.lang.and_then(|l| l.parse().ok()).unwrap_or(page);
    let word = tr(lang, id);
    for word in [word.as_str(), &word.to_lowercase()] {
        if let Some(rest) = t.text.strip_suffix(word) {
            let rest = rest.trim_end();
            if !rest.is_empty() {
                t.text = rest.to_string();
                break;
            }
        }
    }
    t
}

/// The anchor of a division's section: its English name in small ASCII
/// letters and hyphens, or `division-N` when that is empty or taken.
fn anchor(name: Option<&Text>, taken: &[String]) -> String {
    let Some(name) = name else {
        return "no-division".to_string();
    };
    let slug: String = (name.get(Lang::En).0.to_ascii_lowercase().chars())
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    // The ids the layout uses, and one a division could be named.
    let reserved = ["main", "q", "no-division"];
    if slug.is_empty()
        || !slug.starts_with(|c: char| c.is_ascii_lowercase())
        || reserved.contains(&slug.as_str())
        || taken.contains(&slug)
    {
        format!("division-{}", taken.len() + 1)
    } else {
        slug
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    layout: &'a Layout,
    heading: String,
    body: String,
}

/// The directory's error page of `kind`.
pub fn error(cx: Context<'_>, kind: ErrorKind) -> Result<String, RenderError> {
    let page = cx.page;
    let (title_id, body_id) = kind.ids();
    let layout = cx.layout(PageInfo {
        json_ld: None,
        title: tr(page, title_id),
        description: tr(page, body_id),
        urls: None,
        nav: Nav::None,
        query: String::new(),
        switch: None,
    });
    render(
        title_id,
        &ErrorPage {
            layout: &layout,
            heading: tr(page, title_id),
            body: tr(page, body_id),
        },
    )
}

#[cfg(test)]
mod tests;
