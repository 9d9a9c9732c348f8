//! The forms' changes to `charter.toml`, made with `toml_edit`: only the
//! values a form changes are written, so every comment, the order and the
//! layout of the rest of the file stay byte for byte. A value the form
//! leaves as it was is not touched either (not even re-quoted).
//!
//! A text is `{ bn = "…", en = "…" }`; a table cell (a service's
//! delivery, documents, fee, time limit) is a text or a list of them,
//! which a form shows as one line per item in a box per language: one
//! line writes a text, more write a list.

mod officer;
mod service;

use std::str::FromStr as _;

use toml_edit::{Array, DocumentMut, InlineTable, Item, Value};

pub use officer::{OfficerForm, set_officer, set_updated};
pub use service::{CELLS, ServiceForm, add_service, remove_service, set_service};

/// A field the form gets wrong, with the message id that says why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The form field's name.
    pub field: String,
    /// The message id.
    pub message: &'static str,
}

/// Why a form's change could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The file is not TOML this editor reads (it has a spelling only
    /// the charter's own reader forgives): the whole-file editor can
    /// change it.
    Unreadable,
    /// The service or officer is not in the file.
    NotFound,
    /// Fields to correct.
    Fields(Vec<FieldError>),
}

impl EditError {
    fn field(field: &str, message: &'static str) -> EditError {
        EditError::Fields(vec![FieldError {
            field: field.to_string(),
            message,
        }])
    }
}

/// A cell's texts: each item's Bangla, and its English if any.
pub type Items = Vec<(String, Option<String>)>;

/// A text in both languages, as a form sends it: the English may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pair {
    /// The Bangla text.
    pub bn: String,
    /// The English text; empty for none.
    pub en: String,
}

/// One field of a form sent against one version (`base`, as the form
/// showed it) moved onto a newer one (`now`): the clerk's text when the
/// clerk changed it, else the newer version's.
pub fn rebased(mine: &str, base: &str, now: &str) -> String {
    if mine == base { now } else { mine }.to_string()
}

impl Pair {
    /// Both texts [`rebased`].
    pub fn rebased(&self, base: &Pair, now: &Pair) -> Pair {
        Pair {
            bn: rebased(&self.bn, &base.bn, &now.bn),
            en: rebased(&self.en, &base.en, &now.en),
        }
    }

    /// The text in `lang`, the Bangla when there is no English.
    pub fn shown(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.bn,
        }
    }

    /// The pair of texts, trimmed, the form's line breaks made `\n`.
    pub fn new(bn: &str, en: &str) -> Pair {
        let clean = |s: &str| s.replace("\r\n", "\n").trim().to_string();
        Pair {
            bn: clean(bn),
            en: clean(en),
        }
    }

    /// One item per line, each language's lines paired in order; the
    /// English lines may be left out altogether.
    pub fn items(&self, field: &str) -> Result<Items, EditError> {
        let lines = |s: &str| -> Vec<String> {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        };
        let (bn, en) = (lines(&self.bn), lines(&self.en));
        if !en.is_empty() && en.len() != bn.len() {
            return Err(EditError::field(
                &format!("{field}_en"),
                "staff-error-lines",
            ));
        }
        Ok(bn
            .into_iter()
            .enumerate()
            .map(|(i, b)| (b, en.get(i).cloned()))
            .collect())
    }
}

/// The file `source` as a document the forms can change.
pub(crate) fn document(source: &str) -> Result<DocumentMut, EditError> {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    DocumentMut::from_str(text).map_err(|_| EditError::Unreadable)
}

/// The document as text, with the byte-order mark the file had.
pub(crate) fn text_of(doc: &DocumentMut, source: &str) -> String {
    let body = doc.to_string();
    if source.starts_with('\u{feff}') {
        format!("\u{feff}{body}")
    } else {
        body
    }
}

/// The string in `item`, if it is one.
fn string_of(item: Option<&Value>) -> Option<&str> {
    item.and_then(Value::as_str)
}

/// Sets the string `value` at `key` of `table`, keeping the spacing
/// around it; an empty `value` removes the key. Nothing is written when
/// the value is the same.
fn set_string(table: &mut dyn toml_edit::TableLike, key: &str, value: &str) {
    if value.is_empty() {
        table.remove(key);
        return;
    }
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            if old.as_str() == Some(value) {
                return;
            }
            let decor = old.decor().clone();
            let mut new = Value::from(value);
            *new.decor_mut() = decor;
            *old = new;
        }
        _ => {
            table.insert(key, toml_edit::value(value));
        }
    }
}

/// Sets the text `{ bn, en }` in `slot`, keeping what does not change.
fn set_text_value(slot: &mut Value, bn: &str, en: Option<&str>) {
    if let Value::InlineTable(table) = slot {
        let same = string_of(table.get("bn")) == Some(bn) && string_of(table.get("en")) == en;
        if same {
            return;
        }
        set_string(table, "bn", bn);
        set_string(table, "en", en.unwrap_or_default());
        return;
    }
    let decor = slot.decor().clone();
    let mut new = Value::InlineTable(text_table(bn, en));
    *new.decor_mut() = decor;
    *slot = new;
}

/// A new `{ bn = "…", en = "…" }`.
fn text_table(bn: &str, en: Option<&str>) -> InlineTable {
    let mut table = InlineTable::new();
    table.insert("bn", Value::from(bn));
    if let Some(en) = en.filter(|e| !e.is_empty()) {
        table.insert("en", Value::from(en));
    }
    table
}

/// Sets the text at `key` of `table` from `pair`.
fn set_text(table: &mut dyn toml_edit::TableLike, key: &str, pair: &Pair) {
    let en = (!pair.en.is_empty()).then_some(pair.en.as_str());
    match table.get_mut(key) {
        Some(Item::Value(slot)) => set_text_value(slot, &pair.bn, en),
        _ => {
            table.insert(
                key,
                Item::Value(Value::InlineTable(text_table(&pair.bn, en))),
            );
        }
    }
}

/// The items of the cell at `key` of `table`: one per text.
fn block_items(table: &dyn toml_edit::TableLike, key: &str) -> Items {
    let item = |v: &Value| {
        let t = v.as_inline_table()?;
        Some((
            string_of(t.get("bn"))?.to_string(),
            string_of(t.get("en")).map(String::from),
        ))
    };
    match table.get(key).and_then(Item::as_value) {
        Some(Value::Array(list)) => list.iter().filter_map(item).collect(),
        Some(v) => item(v).into_iter().collect(),
        None => Vec::new(),
    }
}

/// Sets the cell at `key` of `table` to `items`: a text for one, a list
/// written one item a line for more; nothing is written when the items
/// are those there already, and a list of the same length is changed
/// item by item.
fn set_block(table: &mut dyn toml_edit::TableLike, key: &str, items: &[(String, Option<String>)]) {
    if block_items(table, key) == items {
        return;
    }
    if let Some(Item::Value(Value::Array(list))) = table.get_mut(key)
        && list.len() == items.len()
        && items.len() > 1
    {
        for (slot, (bn, en)) in list.iter_mut().zip(items) {
            set_text_value(slot, bn, en.as_deref());
        }
        return;
    }
    let value = match items {
        [(bn, en)] => Value::InlineTable(text_table(bn, en.as_deref())),
        _ => {
            let mut list = Array::new();
            for (bn, en) in items {
                let mut v = Value::InlineTable(text_table(bn, en.as_deref()));
                v.decor_mut().set_prefix("\n  ");
                list.push_formatted(v);
            }
            list.set_trailing_comma(true);
            list.set_trailing("\n");
            Value::Array(list)
        }
    };
    match table.get_mut(key) {
        Some(Item::Value(slot)) => {
            let decor = slot.decor().clone();
            *slot = value;
            *slot.decor_mut() = decor;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

#[cfg(test)]
mod tests;
