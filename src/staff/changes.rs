//! What a change does, as a clerk reads it before publishing: services
//! added, removed and changed, named in both languages, and for each
//! changed service the fields that change, before and after, in each
//! language. The lists of services come from the history's own
//! [`Changes`], so a page and `charter history` never disagree.

use crate::charter::{Block, Charter, Officer, Service, Text};
use crate::history::{Changes, Fingerprint};
use crate::i18n::{Lang, tr};

/// A service, named in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// Its address.
    pub slug: String,
    /// Its Bangla name.
    pub bn: String,
    /// Its English name (the Bangla one when it has none).
    pub en: String,
}

/// A field that changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's name, with the language of the text.
    pub label: String,
    /// The language of the texts (`bn` or `en`).
    pub lang: &'static str,
    /// The text before.
    pub before: String,
    /// The text after.
    pub after: String,
}

/// A service that changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedService {
    /// The service.
    pub name: Named,
    /// Its fields that change.
    pub fields: Vec<FieldChange>,
}

/// What a change does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Services added.
    pub added: Vec<Named>,
    /// Services removed.
    pub removed: Vec<Named>,
    /// Services changed, field by field.
    pub changed: Vec<ChangedService>,
    /// The same services in another order.
    pub reordered: bool,
    /// The other parts that change, named in the page's language.
    pub sections: Vec<String>,
}

impl Summary {
    /// True when nothing a reader sees changes.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && !self.reordered
            && self.sections.is_empty()
    }
}

fn named(s: &Service) -> Named {
    Named {
        slug: s.slug.get_ref().clone(),
        bn: s.name.bn().to_string(),
        en: s.name.get(Lang::En).0.to_string(),
    }
}

/// A cell as one line per item.
fn block_text(block: &Block, lang: Lang) -> String {
    (block.texts().iter())
        .map(|t| text_in(t, lang))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A text in `lang` exactly: empty when it has none in that language.
fn text_in(t: &Text, lang: Lang) -> String {
    match lang {
        Lang::Bn => t.bn().to_string(),
        Lang::En => {
            t.en.as_ref()
                .map(|e| e.get_ref().clone())
                .unwrap_or_default()
        }
    }
}

fn officer_of(o: &Option<toml::Spanned<String>>) -> String {
    o.as_ref().map(|o| o.get_ref().clone()).unwrap_or_default()
}

/// The fields of `a` and `b`, one service before and after, that differ.
fn fields(a: &Service, b: &Service, page: Lang) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut push = |id: &str, lang: Option<Lang>, before: String, after: String| {
        if before != after {
            let label = match lang {
                Some(l) => format!("{} ({})", tr(page, id), tr(l, "lang-name")),
                None => tr(page, id),
            };
            out.push(FieldChange {
                label,
                lang: lang.unwrap_or(page).code(),
                before,
                after,
            });
        }
    };
    push(
        "col-serial",
        None,
        page.number(a.serial.get_ref()),
        page.number(b.serial.get_ref()),
    );
    push("staff-group", None, a.group.name(page), b.group.name(page));
    for lang in Lang::ALL {
        push(
            "col-name",
            Some(lang),
            text_in(&a.name, lang),
            text_in(&b.name, lang),
        );
        for (id, x, y) in [
            ("col-delivery", &a.delivery, &b.delivery),
            ("col-documents", &a.documents, &b.documents),
            ("col-fee", &a.fee, &b.fee),
            ("col-time", &a.time_limit, &b.time_limit),
        ] {
            push(id, Some(lang), block_text(x, lang), block_text(y, lang));
        }
    }
    push(
        "staff-officer",
        None,
        officer_of(&a.officer),
        officer_of(&b.officer),
    );
    push(
        "senior-officer",
        None,
        officer_of(&a.senior_officer),
        officer_of(&b.senior_officer),
    );
    out
}

/// The name in `page` of a section of the file.
fn section_name(section: &str, page: Lang) -> String {
    let id = match section {
        "office" => "staff-section-office",
        "charter" => "staff-section-charter",
        "officers" => "staff-section-officers",
        "grievance" => "staff-section-grievance",
        _ => return section.to_string(),
    };
    tr(page, id)
}

/// The officers whose entries differ, named in `page`'s language.
fn officers_changed(before: &[Officer], after: &[Officer], page: Lang) -> Vec<String> {
    let key = |o: &Officer| serde_json::to_string(o).unwrap_or_default();
    after
        .iter()
        .filter(|o| !before.iter().any(|b| key(b) == key(o)))
        .map(|o| o.name.get(page).0.to_string())
        .collect()
}

/// What changes from `before` to `after`, told in `page`'s language.
pub fn summary(before: &Charter, after: &Charter, page: Lang) -> Summary {
    let changes = Changes::between(Some(&Fingerprint::of(before)), &Fingerprint::of(after));
    let find = |c: &Charter, slug: &str| {
        c.services
            .iter()
            .find(|s| s.slug.get_ref() == slug)
            .cloned()
    };
    let mut summary = Summary {
        added: (changes.added.iter())
            .filter_map(|slug| find(after, slug))
            .map(|s| named(&s))
            .collect(),
        removed: (changes.removed.iter())
            .filter_map(|slug| find(before, slug))
            .map(|s| named(&s))
            .collect(),
        reordered: changes.reordered,
        ..Summary::default()
    };
    for slug in &changes.changed {
        if let (Some(a), Some(b)) = (find(before, slug), find(after, slug)) {
            summary.changed.push(ChangedService {
                name: named(&b),
                fields: fields(&a, &b, page),
            });
        }
    }
    for section in &changes.sections {
        let mut name = section_name(section, page);
        if section == "officers" {
            let who = officers_changed(&before.officers, &after.officers, page);
            if !who.is_empty() {
                name = format!("{name}: {}", who.join(", "));
            }
        }
        summary.sections.push(name);
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_fee_is_named_with_its_language_before_and_after() {
        let source = include_str!("../../charter.toml");
        let before = crate::charter::load_str("c", source).unwrap().charter;
        let changed = source.replacen(
            "বিনামূল্যে\", en = \"Free of charge\"",
            "১০০ টাকা\", en = \"Tk 100\"",
            1,
        );
        let after = crate::charter::load_str("c", &changed).unwrap().charter;
        let s = summary(&before, &after, Lang::En);
        assert_eq!(s.changed.len(), 1);
        assert_eq!(s.changed[0].name.slug, "office-information");
        let labels: Vec<&str> = s.changed[0]
            .fields
            .iter()
            .map(|f| f.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "Fee and payment method (বাংলা)",
                "Fee and payment method (English)"
            ]
        );
        assert_eq!(s.changed[0].fields[1].before, "Free of charge");
        assert_eq!(s.changed[0].fields[1].after, "Tk 100");
        assert!(s.added.is_empty() && s.removed.is_empty() && s.sections.is_empty());
        assert!(summary(&before, &before, Lang::Bn).is_empty());
    }
}
