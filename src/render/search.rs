//! The search page: which texts of a service a search reads, and how what
//! it found is shown: each service's name, the words found marked in it,
//! and, under it, the other fields the query was found in, each with its
//! label and the office's text with the words marked.

use std::ops::Range;

use askama::Template;

use crate::charter::{Charter, Service, Text};
use crate::i18n::{Arg, Lang, tr, tr_args};
use crate::urls;

use super::layout::{Layout, Nav, PageInfo};
use super::pages::about_office;
use super::views::group_serial;
use super::{Context, RenderError, render};

/// The field of a service a text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// সেবার নাম.
    Name,
    /// সেবা প্রদান পদ্ধতি.
    Delivery,
    /// প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান.
    Documents,
    /// সেবার মূল্য ও পরিশোধ পদ্ধতি.
    Fee,
    /// সেবা প্রদানের সময়সীমা.
    TimeLimit,
    /// দায়িত্বপ্রাপ্ত কর্মকর্তা: name or designation.
    Officer,
    /// ঊর্ধ্বতন কর্মকর্তা: name or designation.
    SeniorOfficer,
}

impl Field {
    /// The field's label, as the services table heads its column.
    fn label(self, page: Lang) -> String {
        tr(
            page,
            match self {
                Field::Name => "col-name",
                Field::Delivery => "col-delivery",
                Field::Documents => "col-documents",
                Field::Fee => "col-fee",
                Field::TimeLimit => "col-time",
                Field::Officer => "search-field-officer",
                Field::SeniorOfficer => "senior-officer",
            },
        )
    }
}

/// A text of a service that search reads.
#[derive(Debug, Clone, Copy)]
pub struct SearchableText<'a> {
    /// The field it is in.
    pub field: Field,
    /// Its language.
    pub lang: Lang,
    /// The text as the charter has it.
    pub text: &'a str,
}

/// Every text of `s` in both languages, with its officers' names and
/// designations, in the order of the page: the name first, Bangla then
/// English.
pub fn searchable_texts<'a>(charter: &'a Charter, s: &'a Service) -> Vec<SearchableText<'a>> {
    let mut texts = Vec::new();
    let mut push = |field, t: &'a Text| {
        texts.push(SearchableText {
            field,
            lang: Lang::Bn,
            text: t.bn(),
        });
        if let Some(en) = &t.en {
            texts.push(SearchableText {
                field,
                lang: Lang::En,
                text: en.get_ref(),
            });
        }
    };
    push(Field::Name, &s.name);
    for (field, block) in [
        (Field::Delivery, &s.delivery),
        (Field::Documents, &s.documents),
        (Field::Fee, &s.fee),
        (Field::TimeLimit, &s.time_limit),
    ] {
        block.texts().iter().for_each(|t| push(field, t));
    }
    for (field, id) in [
        (Field::Officer, &s.officer),
        (Field::SeniorOfficer, &s.senior_officer),
    ] {
        if let Some(o) = id.as_ref().and_then(|id| charter.officer(id.get_ref())) {
            push(field, &o.name);
            push(field, &o.designation);
        }
    }
    texts
}

/// A service found, and the texts that show why.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    /// The service.
    pub service: &'a Service,
    /// Texts of the service, by position in [`searchable_texts`], with the
    /// byte ranges of the words to mark: the name as the page shows it
    /// when it has any, then the other texts to show.
    pub marked: Vec<(usize, Vec<Range<usize>>)>,
}

/// What a search found, for the results page.
#[derive(Debug, Clone, Default)]
pub struct Outcome<'a> {
    /// The services listed, best first.
    pub hits: Vec<Hit<'a>>,
    /// How many services were found (more than are listed when there are
    /// many).
    pub total: usize,
    /// When none was found: the services whose names come closest.
    pub closest: Vec<&'a Service>,
}

/// A text cut at its marks, digits in its own language's script.
#[derive(Debug, Clone)]
pub(super) struct Marked {
    /// The pieces, each with whether it is marked.
    pub(super) pieces: Vec<(String, bool)>,
    /// Set when the text is not in the page's language.
    pub(super) lang: Option<&'static str>,
}

impl Marked {
    fn new(text: &str, lang: Lang, page: Lang, marks: &[Range<usize>]) -> Marked {
        let mut pieces = Vec::new();
        let mut at = 0;
        for mark in marks {
            if at < mark.start {
                pieces.push((lang.digits(&text[at..mark.start]).into_owned(), false));
            }
            pieces.push((lang.digits(&text[mark.clone()]).into_owned(), true));
            at = mark.end;
        }
        if at < text.len() {
            pieces.push((lang.digits(&text[at..]).into_owned(), false));
        }
        Marked {
            pieces,
            lang: (lang != page).then_some(lang.code()),
        }
    }
}

/// A field a service was found in, under its name.
#[derive(Debug, Clone)]
pub(super) struct FieldView {
    pub(super) label: String,
    pub(super) text: Marked,
}

/// A service in the results.
#[derive(Debug, Clone)]
pub(super) struct ResultView {
    /// The service's page, on its office's site.
    pub(super) url: String,
    pub(super) name: Marked,
    pub(super) group_serial: String,
    pub(super) fields: Vec<FieldView>,
}

impl ResultView {
    pub(super) fn new(cx: Context<'_>, hit: &Hit<'_>) -> ResultView {
        let (page, s) = (cx.page, hit.service);
        let texts = searchable_texts(cx.charter, s);
        let (name, name_lang) = s.name.get(page);
        let mut name_marks: &[Range<usize>] = &[];
        let mut fields = Vec::new();
        for (i, marks) in &hit.marked {
            let Some(t) = texts.get(*i) else { continue };
            if t.field == Field::Name && t.lang == name_lang {
                name_marks = marks;
            } else {
                fields.push(FieldView {
                    label: t.field.label(page),
                    text: Marked::new(t.text, t.lang, page, marks),
                });
            }
        }
        ResultView {
            url: urls::service(page, s.slug.get_ref()),
            name: Marked::new(name, name_lang, page, name_marks),
            group_serial: group_serial(s, page),
            fields,
        }
    }
}

/// A link to a service, by its name as the page shows it.
#[derive(Debug, Clone)]
pub(super) struct NameLink {
    pub(super) url: String,
    pub(super) name: String,
    pub(super) lang: Option<&'static str>,
}

impl NameLink {
    /// A link to `s`'s page, on a page in `page`'s language.
    pub(super) fn new(s: &Service, page: Lang) -> NameLink {
        let (name, lang) = s.name.get(page);
        NameLink {
            url: urls::service(page, s.slug.get_ref()),
            name: lang.digits(name).into_owned(),
            lang: (lang != page).then_some(lang.code()),
        }
    }
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    layout: &'a Layout,
    summary: String,
    results: Vec<ResultView>,
    /// When more services were found than are listed: says so.
    more: Option<String>,
    closest: Vec<NameLink>,
}

/// The search results page for `query`.
pub(super) fn page(
    cx: Context<'_>,
    query: &str,
    found: &Outcome<'_>,
) -> Result<String, RenderError> {
    let page = cx.page;
    let q = query.trim();
    let layout = Layout::new(
        cx,
        PageInfo {
            json_ld: None,
            title: tr(page, "search-title"),
            description: about_office(cx, "search-description"),
            // The query is shown twice (the box, the summary) and carried
            // once, by the language switch; the page's own addresses are
            // the search page's, whatever was asked.
            urls: Some((urls::search(Lang::Bn), urls::search(Lang::En))),
            nav: Nav::None,
            query: q.to_string(),
            switch: Some(urls::search_for(page.other(), q)),
        },
    );
    let count = Arg::Count(found.total as u64);
    let summary = if q.is_empty() {
        tr_args(page, "search-all", &[("count", count)])
    } else if found.total == 0 {
        tr_args(page, "search-none", &[("query", Arg::Text(q.to_string()))])
    } else {
        tr_args(
            page,
            "search-results",
            &[("query", Arg::Text(q.to_string())), ("count", count)],
        )
    };
    let listed = found.hits.len();
    let results = SearchPage {
        layout: &layout,
        summary,
        results: found
            .hits
            .iter()
            .map(|hit| ResultView::new(cx, hit))
            .collect(),
        more: (listed < found.total)
            .then(|| tr_args(page, "search-more", &[("count", Arg::Count(listed as u64))])),
        closest: (found.closest.iter())
            .map(|s| NameLink::new(s, page))
            .collect(),
    };
    render("search", &results)
}
