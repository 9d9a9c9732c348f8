//! The charter's parts as a page shows them: text already resolved for the
//! page's language, digits already in its script. Templates only loop and
//! branch over these.

use crate::charter::{Block, Officer, Service, ServiceGroup, Text, phone_digits};
use crate::i18n::{Arg, Lang, tr_args};
use crate::urls;

use super::Context;
use super::qr;

/// A text resolved for one page.
#[derive(Debug, Clone)]
pub struct Txt {
    /// The words, digits already in the page's script.
    pub text: String,
    /// Set when the text is not in the page's language (Bangla standing in
    /// for a missing English text): becomes a `lang` attribute.
    pub lang: Option<&'static str>,
}

impl Txt {
    /// `text` as a page in `page`'s language shows it.
    pub fn new(text: &Text, page: Lang) -> Txt {
        let (words, actual) = text.get(page);
        Txt {
            text: actual.digits(words).into_owned(),
            lang: (actual != page).then_some(actual.code()),
        }
    }
}

/// A table cell: one text or a numbered list.
#[derive(Debug, Clone)]
pub struct BlockView {
    /// The texts.
    pub items: Vec<Txt>,
    /// Shown as `<ol>` when true.
    pub list: bool,
}

impl BlockView {
    fn new(block: &Block, page: Lang) -> BlockView {
        BlockView {
            items: block.texts().iter().map(|t| Txt::new(t, page)).collect(),
            list: matches!(block, Block::List(_)),
        }
    }
}

/// An officer as shown on a page.
#[derive(Debug, Clone)]
pub struct OfficerView {
    /// Name.
    pub name: Txt,
    /// Designation.
    pub designation: Txt,
    /// Office and place.
    pub office: Option<Txt>,
    /// Phone as shown and its `tel:` link.
    pub phone: Option<Phone>,
    /// E-mail address (always ASCII: it is an address, not a number).
    pub email: Option<String>,
}

impl OfficerView {
    /// `o` as a page in `page`'s language shows it.
    pub fn new(o: &Officer, page: Lang) -> OfficerView {
        OfficerView {
            name: Txt::new(&o.name, page),
            designation: Txt::new(&o.designation, page),
            office: o.office.as_ref().map(|t| Txt::new(t, page)),
            phone: o.phone.as_ref().map(|p| Phone::new(p.get_ref(), page)),
            email: o.email.as_ref().map(|e| e.get_ref().clone()),
        }
    }
}

/// A phone number: shown in the page's digits, dialled in ASCII.
#[derive(Debug, Clone)]
pub struct Phone {
    /// As shown, e.g. ০২৯৯৬৬৭৩৭৫২ on Bangla pages.
    pub shown: String,
    /// `tel:02996673752`.
    pub href: String,
}

impl Phone {
    /// `phone` as written in the charter, shown on a page in `page`'s
    /// language.
    pub fn new(phone: &str, page: Lang) -> Phone {
        Phone {
            shown: page.digits(phone.trim()).into_owned(),
            href: format!("tel:{}", phone_digits(phone).unwrap_or_default()),
        }
    }
}

/// One service, every field resolved.
#[derive(Debug, Clone)]
pub struct ServiceView {
    /// Serial number in the page's digits.
    pub serial: String,
    /// Link to the service page.
    pub url: String,
    /// সেবার নাম.
    pub name: Txt,
    /// সেবা প্রদান পদ্ধতি.
    pub delivery: BlockView,
    /// প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান.
    pub documents: BlockView,
    /// সেবার মূল্য ও পরিশোধ পদ্ধতি.
    pub fee: BlockView,
    /// সেবা প্রদানের সময়সীমা.
    pub time_limit: BlockView,
    /// দায়িত্বপ্রাপ্ত কর্মকর্তা.
    pub officer: Option<OfficerView>,
    /// ঊর্ধ্বতন কর্মকর্তা.
    pub senior_officer: Option<OfficerView>,
    /// e.g. "নাগরিক সেবা, ক্রমিক নং ২".
    pub group_serial: String,
    /// The QR code image that opens this page (printed in the table);
    /// `None` when the page's address is too long for a QR code.
    pub qr_url: Option<String>,
}

impl ServiceView {
    /// `s` as the pages of `cx` show it.
    pub fn new(cx: Context<'_>, s: &Service) -> ServiceView {
        let page = cx.page;
        let officer = |id: &Option<toml::Spanned<String>>| {
            id.as_ref()
                .and_then(|id| cx.charter.officer(id.get_ref()))
                .map(|o| OfficerView::new(o, page))
        };
        let slug = s.slug.get_ref();
        let url = urls::service(page, slug);
        let serial = page.number(s.serial.get_ref());
        ServiceView {
            group_serial: group_serial(s, page),
            serial,
            qr_url: qr::fits(&cx.base.join(&url)).then(|| urls::service_qr(page, slug)),
            url,
            name: Txt::new(&s.name, page),
            delivery: BlockView::new(&s.delivery, page),
            documents: BlockView::new(&s.documents, page),
            fee: BlockView::new(&s.fee, page),
            time_limit: BlockView::new(&s.time_limit, page),
            officer: officer(&s.officer),
            senior_officer: officer(&s.senior_officer),
        }
    }
}

/// Where `s` stands in the charter, e.g. "নাগরিক সেবা, ক্রমিক নং ২".
pub fn group_serial(s: &Service, page: Lang) -> String {
    tr_args(
        page,
        "service-group-serial",
        &[
            ("group", Arg::Text(s.group.name(page))),
            ("number", Arg::Text(page.number(s.serial.get_ref()))),
        ],
    )
}

/// One service table (২.১, ২.২, ২.৩).
#[derive(Debug, Clone)]
pub struct GroupView {
    /// Anchor id, e.g. `citizen`.
    pub key: &'static str,
    /// "২.১) নাগরিক সেবা" in Bangla, "2.1 Citizen services" in English.
    pub heading: String,
    /// e.g. "৩টি সেবা".
    pub count: String,
    /// The services, in table order.
    pub services: Vec<ServiceView>,
}

impl GroupView {
    /// The service tables of the charter that have services, in the order
    /// of the national format.
    pub fn all(cx: Context<'_>) -> Vec<GroupView> {
        let page = cx.page;
        ServiceGroup::ALL
            .iter()
            .filter_map(|&group| {
                let services: Vec<ServiceView> = cx
                    .charter
                    .services_in(group)
                    .map(|s| ServiceView::new(cx, s))
                    .collect();
                if services.is_empty() {
                    return None;
                }
                Some(GroupView {
                    key: group.key(),
                    heading: tr_args(
                        page,
                        "group-heading",
                        &[
                            (
                                "section",
                                Arg::Text(page.digits(group.section()).into_owned()),
                            ),
                            ("group", Arg::Text(group.name(page))),
                        ],
                    ),
                    count: tr_args(
                        page,
                        "group-count",
                        &[("count", Arg::Count(services.len() as u64))],
                    ),
                    services,
                })
            })
            .collect()
    }
}

/// A row of the grievance redress table.
#[derive(Debug, Clone)]
pub struct GrievanceView {
    /// Serial in the page's digits.
    pub serial: String,
    /// কখন যোগাযোগ করবেন.
    pub when: Txt,
    /// কার সঙ্গে যোগাযোগ করবেন.
    pub contact: Txt,
    /// যোগাযোগের ঠিকানা.
    pub address: Txt,
    /// নিষ্পত্তির সময়সীমা.
    pub resolution_time: Txt,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bangla_standing_in_for_english_is_marked() {
        let text: Text = toml::from_str("bn = \"৭ কার্যদিবস\"").unwrap();
        let on_english = Txt::new(&text, Lang::En);
        assert_eq!(on_english.text, "৭ কার্যদিবস");
        assert_eq!(on_english.lang, Some("bn"));
        assert_eq!(Txt::new(&text, Lang::Bn).lang, None);
    }

    #[test]
    fn digits_follow_the_language_of_the_text() {
        let text: Text = toml::from_str("bn = \"7 কার্যদিবস\"\nen = \"৭ working days\"").unwrap();
        assert_eq!(Txt::new(&text, Lang::Bn).text, "৭ কার্যদিবস");
        assert_eq!(Txt::new(&text, Lang::En).text, "7 working days");
    }

    #[test]
    fn phones_are_shown_in_the_page_digits_and_dialled_in_ascii() {
        let phone = Phone::new(" 02996673752 ", Lang::Bn);
        assert_eq!(phone.shown, "০২৯৯৬৬৭৩৭৫২");
        assert_eq!(phone.href, "tel:02996673752");
    }
}
