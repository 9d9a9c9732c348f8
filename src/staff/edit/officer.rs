//! An officer's form (name, designation, phone, e-mail) and the date of
//! the last update.

use std::str::FromStr as _;

use toml_edit::{Item, Value};

use super::{EditError, FieldError, Pair, document, rebased, set_string, set_text, text_of};
use crate::charter::Officer;

/// What an officer's form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficerForm {
    /// Name with honorific.
    pub name: Pair,
    /// Designation.
    pub designation: Pair,
    /// Telephone, or empty.
    pub phone: String,
    /// E-mail, or empty.
    pub email: String,
}

impl OfficerForm {
    /// The form of `officer` as it is.
    pub fn of(officer: &Officer) -> OfficerForm {
        let text = |t: &crate::charter::Text| Pair {
            bn: t.bn().to_string(),
            en: t
                .en
                .as_ref()
                .map(|e| e.get_ref().clone())
                .unwrap_or_default(),
        };
        let plain = |s: &Option<toml::Spanned<String>>| {
            s.as_ref().map(|s| s.get_ref().clone()).unwrap_or_default()
        };
        OfficerForm {
            name: text(&officer.name),
            designation: text(&officer.designation),
            phone: plain(&officer.phone),
            email: plain(&officer.email),
        }
    }

    /// The form a clerk sent against one version (`base`) moved onto a
    /// newer one (`now`), as [`super::ServiceForm::rebased`] does.
    pub fn rebased(self, base: &OfficerForm, now: &OfficerForm) -> OfficerForm {
        OfficerForm {
            name: self.name.rebased(&base.name, &now.name),
            designation: self
                .designation
                .rebased(&base.designation, &now.designation),
            phone: rebased(&self.phone, &base.phone, &now.phone),
            email: rebased(&self.email, &base.email, &now.email),
        }
    }

    /// The form as sent: `get` gives a field's value.
    pub fn sent(get: impl Fn(&str) -> String) -> OfficerForm {
        OfficerForm {
            name: Pair::new(&get("name_bn"), &get("name_en")),
            designation: Pair::new(&get("designation_bn"), &get("designation_en")),
            phone: get("phone").trim().to_string(),
            email: get("email").trim().to_string(),
        }
    }
}

/// `source` with the officer `id` changed as `form` says.
pub fn set_officer(source: &str, id: &str, form: &OfficerForm) -> Result<String, EditError> {
    let mut doc = document(source)?;
    let list = doc
        .get_mut("officers")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or(EditError::NotFound)?;
    let table = list
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
        .ok_or(EditError::NotFound)?;
    set_text(table, "name", &form.name);
    set_text(table, "designation", &form.designation);
    set_string(table, "phone", &form.phone);
    set_string(table, "email", &form.email);
    Ok(text_of(&doc, source))
}

/// `source` with the date of the last update `date` (`YYYY-MM-DD`).
pub fn set_updated(source: &str, date: &str) -> Result<String, EditError> {
    let wrong = || {
        EditError::Fields(vec![FieldError {
            field: "date".into(),
            message: "staff-error-date",
        }])
    };
    let parsed = toml_edit::Datetime::from_str(date.trim()).map_err(|_| wrong())?;
    if parsed.date.is_none() || parsed.time.is_some() {
        return Err(wrong());
    }
    let mut doc = document(source)?;
    let charter = doc
        .get_mut("charter")
        .and_then(Item::as_table_like_mut)
        .ok_or(EditError::NotFound)?;
    match charter.get_mut("last_updated") {
        Some(Item::Value(old)) => {
            if old.as_datetime() == Some(&parsed) {
                return Ok(source.to_string());
            }
            let decor = old.decor().clone();
            *old = Value::from(parsed);
            *old.decor_mut() = decor;
        }
        _ => {
            charter.insert("last_updated", toml_edit::value(parsed));
        }
    }
    Ok(text_of(&doc, source))
}
