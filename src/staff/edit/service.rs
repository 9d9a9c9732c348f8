//! A service's form: its seven columns in both languages (serial, name,
//! delivery, documents, fee, time limit, the officer who answers for it),
//! its table, and adding or removing a service.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::{
    EditError, FieldError, Items, Pair, document, rebased, set_block, set_string, set_text, text_of,
};
use crate::charter::{Block, Service, ServiceGroup};
use crate::i18n::parse_number;

/// The cells a form shows as one line per item.
pub const CELLS: [&str; 4] = ["delivery", "documents", "fee", "time_limit"];

/// What a service's form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceForm {
    /// `citizen`, `institutional` or `internal`.
    pub group: String,
    /// The serial within its table, in either script's digits.
    pub serial: String,
    /// The service's address (set when it is added, not changed after).
    pub slug: String,
    /// Its name.
    pub name: Pair,
    /// Delivery, documents, fee and time limit, in [`CELLS`]' order.
    pub cells: [Pair; 4],
    /// The officer's id, or empty.
    pub officer: String,
    /// The senior officer's id, or empty.
    pub senior_officer: String,
}

fn lines(block: &Block) -> Pair {
    let texts = block.texts();
    let bn: Vec<&str> = texts.iter().map(|t| t.bn()).collect();
    let en: Vec<&str> = texts
        .iter()
        .filter_map(|t| t.en.as_ref().map(|e| e.get_ref().as_str()))
        .collect();
    // English for some items only cannot be shown line by line: shown
    // as none, it is kept unless the clerk writes every line.
    let en = if en.len() == texts.len() {
        en.join("\n")
    } else {
        String::new()
    };
    Pair {
        bn: bn.join("\n"),
        en,
    }
}

impl ServiceForm {
    /// The form of `service` as it is.
    pub fn of(service: &Service) -> ServiceForm {
        let text = |t: &crate::charter::Text| Pair {
            bn: t.bn().to_string(),
            en: t
                .en
                .as_ref()
                .map(|e| e.get_ref().clone())
                .unwrap_or_default(),
        };
        ServiceForm {
            group: service.group.key().to_string(),
            serial: service.serial.get_ref().to_string(),
            slug: service.slug.get_ref().clone(),
            name: text(&service.name),
            cells: [
                lines(&service.delivery),
                lines(&service.documents),
                lines(&service.fee),
                lines(&service.time_limit),
            ],
            officer: service
                .officer
                .as_ref()
                .map(|o| o.get_ref().clone())
                .unwrap_or_default(),
            senior_officer: (service.senior_officer.as_ref())
                .map(|o| o.get_ref().clone())
                .unwrap_or_default(),
        }
    }

    /// The form as sent: `get` gives a field's value (empty when absent).
    pub fn sent(get: impl Fn(&str) -> String) -> ServiceForm {
        let pair = |name: &str| Pair::new(&get(&format!("{name}_bn")), &get(&format!("{name}_en")));
        ServiceForm {
            group: get("group").trim().to_string(),
            serial: get("serial").trim().to_string(),
            slug: get("slug").trim().to_string(),
            name: pair("name"),
            cells: CELLS.map(pair),
            officer: get("officer").trim().to_string(),
            senior_officer: get("senior_officer").trim().to_string(),
        }
    }

    /// The form a clerk sent against one version (`base`, as the form
    /// showed it), moved onto a newer one (`now`): a field the clerk
    /// changed keeps the clerk's text, every other field takes the newer
    /// version's, so that sending the form again after a conflict does not
    /// undo what someone else changed meanwhile.
    pub fn rebased(self, base: &ServiceForm, now: &ServiceForm) -> ServiceForm {
        let serial = match (parse_number(&self.serial), parse_number(&base.serial)) {
            (Some(mine), Some(was)) if mine == was => now.serial.clone(),
            _ => self.serial.clone(),
        };
        ServiceForm {
            group: rebased(&self.group, &base.group, &now.group),
            serial,
            name: self.name.rebased(&base.name, &now.name),
            cells: std::array::from_fn(|i| self.cells[i].rebased(&base.cells[i], &now.cells[i])),
            officer: rebased(&self.officer, &base.officer, &now.officer),
            senior_officer: rebased(
                &self.senior_officer,
                &base.senior_officer,
                &now.senior_officer,
            ),
            slug: self.slug,
        }
    }

    /// The serial and the cells' items, or what is wrong with them.
    fn checked(&self) -> Result<(i64, Vec<Items>), EditError> {
        let mut errors = Vec::new();
        let serial = parse_number(&self.serial).and_then(|n| i64::try_from(n).ok());
        if serial.is_none() {
            errors.push(FieldError {
                field: "serial".into(),
                message: "staff-error-serial",
            });
        }
        if !ServiceGroup::ALL.iter().any(|g| g.key() == self.group) {
            errors.push(FieldError {
                field: "group".into(),
                message: "staff-error-group",
            });
        }
        let mut cells = Vec::new();
        for (name, pair) in CELLS.iter().zip(&self.cells) {
            match pair.items(name) {
                Ok(items) => cells.push(items),
                Err(EditError::Fields(mut e)) => errors.append(&mut e),
                Err(other) => return Err(other),
            }
        }
        match serial {
            Some(serial) if errors.is_empty() => Ok((serial, cells)),
            _ => Err(EditError::Fields(errors)),
        }
    }

    /// Writes the form into the service's `table`.
    fn write(&self, table: &mut Table) -> Result<(), EditError> {
        let (serial, cells) = self.checked()?;
        set_string(table, "group", &self.group);
        let current = table.get("serial").and_then(Item::as_value).and_then(|v| {
            v.as_integer()
                .or_else(|| parse_number(v.as_str()?)?.try_into().ok())
        });
        if current != Some(serial) {
            match table.get_mut("serial") {
                Some(Item::Value(old)) => {
                    let decor = old.decor().clone();
                    *old = Value::from(serial);
                    *old.decor_mut() = decor;
                }
                _ => {
                    table.insert("serial", toml_edit::value(serial));
                }
            }
        }
        set_string(table, "officer", &self.officer);
        set_string(table, "senior_officer", &self.senior_officer);
        set_text(table, "name", &self.name);
        for (name, items) in CELLS.iter().zip(&cells) {
            set_block(table, name, items);
        }
        Ok(())
    }
}

fn services(doc: &mut DocumentMut) -> Option<&mut ArrayOfTables> {
    doc.get_mut("services")?.as_array_of_tables_mut()
}

fn index_of(list: &ArrayOfTables, slug: &str) -> Option<usize> {
    list.iter()
        .position(|t| t.get("slug").and_then(Item::as_str) == Some(slug))
}

/// `source` with the service `slug` changed as `form` says.
pub fn set_service(source: &str, slug: &str, form: &ServiceForm) -> Result<String, EditError> {
    let mut doc = document(source)?;
    let list = services(&mut doc).ok_or(EditError::NotFound)?;
    let i = index_of(list, slug).ok_or(EditError::NotFound)?;
    form.write(list.get_mut(i).ok_or(EditError::NotFound)?)?;
    Ok(text_of(&doc, source))
}

/// `source` with the service of `form` added after the last of its table.
pub fn add_service(source: &str, form: &ServiceForm) -> Result<String, EditError> {
    let mut doc = document(source)?;
    if doc.get("services").is_none() {
        doc.insert("services", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let list = services(&mut doc).ok_or(EditError::Unreadable)?;
    if form.slug.is_empty() || index_of(list, &form.slug).is_some() {
        return Err(EditError::Fields(vec![FieldError {
            field: "slug".into(),
            message: if form.slug.is_empty() {
                "staff-error-slug-empty"
            } else {
                "staff-error-slug-taken"
            },
        }]));
    }
    let mut table = Table::new();
    table.decor_mut().set_prefix("\n");
    for (key, value) in [("group", &form.group), ("slug", &form.slug)] {
        table.insert(key, toml_edit::value(value.as_str()));
    }
    form.write(&mut table)?;
    // The keys in the order the file's services have them.
    let order = [
        "group",
        "serial",
        "slug",
        "officer",
        "senior_officer",
        "name",
    ];
    table.sort_values_by(|a, _, b, _| {
        let rank = |k: &str| {
            order
                .iter()
                .position(|o| *o == k)
                .unwrap_or(order.len() + CELLS.iter().position(|c| *c == k).unwrap_or(9))
        };
        rank(a.get()).cmp(&rank(b.get()))
    });
    let after = list
        .iter()
        .enumerate()
        .filter(|(_, t)| t.get("group").and_then(Item::as_str) == Some(form.group.as_str()))
        .map(|(i, _)| i + 1)
        .last()
        .unwrap_or(list.len());
    list.insert(after, table);
    Ok(text_of(&doc, source))
}

/// `source` without the service `slug`.
pub fn remove_service(source: &str, slug: &str) -> Result<String, EditError> {
    let mut doc = document(source)?;
    let list = services(&mut doc).ok_or(EditError::NotFound)?;
    let i = index_of(list, slug).ok_or(EditError::NotFound)?;
    list.remove(i);
    Ok(text_of(&doc, source))
}
