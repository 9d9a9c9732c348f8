//! The staff pages' templates and what each shows.

use std::collections::HashMap;

use askama::Template;

use super::{Head, Link};
use crate::staff::changes::Summary;
use crate::staff::check::Problem;
use crate::staff::edit::{OfficerForm, ServiceForm};

/// A page of a heading and a few paragraphs.
#[derive(Template)]
#[template(path = "staff/message.html")]
pub struct MessagePage {
    pub head: Head,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub links: Vec<Link>,
}

/// The sign-in form.
#[derive(Template)]
#[template(path = "staff/sign-in.html")]
pub struct SignInPage {
    pub head: Head,
    pub action: String,
    pub csrf: String,
    pub name: String,
    pub notes: Vec<String>,
    pub error: Option<String>,
    /// A form sent after its session ended, carried through the sign-in:
    /// its path and body.
    pub carry: Option<(String, String)>,
    /// Whether a password may be sent from here.
    pub secure: bool,
}

/// The form that sets a password, from a link.
#[derive(Template)]
#[template(path = "staff/password.html")]
pub struct PasswordPage {
    pub head: Head,
    pub action: String,
    pub csrf: String,
    pub name: String,
    pub intro: String,
    pub rule: String,
    pub error: Option<String>,
}

/// A notice on the office's home, with its link.
pub struct Notice {
    pub label: String,
    pub url: String,
    pub action: String,
}

/// A service in the office's list.
pub struct ServiceItem {
    pub url: String,
    pub serial: String,
    pub name: String,
    pub group: String,
}

/// An officer in the office's list.
pub struct OfficerItem {
    pub url: String,
    pub name: String,
    pub designation: String,
}

/// How many reports citizens sent about a service (or the other pages).
pub struct ReportCount {
    pub label: String,
    pub count: String,
    pub url: String,
}

/// The office's home: what there is to change.
#[derive(Template)]
#[template(path = "staff/home.html")]
pub struct HomePage {
    pub head: Head,
    pub office_name: String,
    pub base: String,
    pub notices: Vec<Notice>,
    pub services: Vec<ServiceItem>,
    pub officers: Vec<OfficerItem>,
    pub updated: Option<String>,
    pub print_url: String,
    /// Citizens' reports of the last 30 days, per service.
    pub reports: Vec<ReportCount>,
}

/// An office an administrator may act on.
pub struct OfficeItem {
    pub id: String,
    pub name: String,
    pub url: String,
}

/// The administrator's list of offices, on the directory's host.
#[derive(Template)]
#[template(path = "staff/offices.html")]
pub struct OfficesPage {
    pub head: Head,
    pub offices: Vec<OfficeItem>,
}

/// What changed since a form was opened, or what will change.
pub struct ChangesView {
    pub intro: String,
    pub changes: Summary,
}

/// A cell of a service's form.
pub struct CellView {
    pub key: &'static str,
    pub label: String,
    pub bn: String,
    pub en: String,
    pub rows: usize,
    pub errors: Vec<String>,
}

/// A service's form.
#[derive(Template)]
#[template(path = "staff/service.html")]
pub struct ServicePage {
    pub head: Head,
    pub heading: String,
    pub adding: bool,
    pub form: ServiceForm,
    pub groups: Vec<(String, String)>,
    pub officers: Vec<(String, String)>,
    pub cells: Vec<CellView>,
    pub remove_action: Option<String>,
    pub action: String,
    pub csrf: String,
    pub base_hash: String,
    pub problems: Vec<Problem>,
    pub conflict: Option<ChangesView>,
    pub errors: HashMap<String, Vec<String>>,
}

/// An officer's form.
#[derive(Template)]
#[template(path = "staff/officer.html")]
pub struct OfficerPage {
    pub head: Head,
    pub heading: String,
    pub form: OfficerForm,
    pub action: String,
    pub csrf: String,
    pub base_hash: String,
    pub problems: Vec<Problem>,
    pub conflict: Option<ChangesView>,
    pub errors: HashMap<String, Vec<String>>,
}

/// The date of the last update.
#[derive(Template)]
#[template(path = "staff/updated.html")]
pub struct UpdatedPage {
    pub head: Head,
    pub date: String,
    pub action: String,
    pub csrf: String,
    pub base_hash: String,
    pub problems: Vec<Problem>,
    pub conflict: Option<ChangesView>,
    pub errors: HashMap<String, Vec<String>>,
}

/// The whole file in a text area.
#[derive(Template)]
#[template(path = "staff/file.html")]
pub struct FilePage {
    pub head: Head,
    pub text: String,
    pub action: String,
    pub csrf: String,
    pub base_hash: String,
    pub problems: Vec<Problem>,
    pub conflict: Option<ChangesView>,
}

/// What a change will do, and the button that publishes it.
#[derive(Template)]
#[template(path = "staff/preview.html")]
pub struct PreviewPage {
    pub head: Head,
    pub base: String,
    pub what: String,
    pub csrf: String,
    pub proposal: String,
    pub publishable: bool,
    pub changes: Option<ChangesView>,
    pub problems: Vec<Problem>,
    pub conflict: Option<ChangesView>,
}

/// A version in the history.
pub struct VersionItem {
    pub number: u64,
    pub label: String,
    pub when: String,
    pub who: String,
    pub note: String,
    pub changes: String,
    pub events: Vec<String>,
    pub current: bool,
    pub restore: String,
}

/// The versions kept.
#[derive(Template)]
#[template(path = "staff/history.html")]
pub struct HistoryPage {
    pub head: Head,
    pub base: String,
    pub csrf: String,
    pub versions: Vec<VersionItem>,
}

/// An account in the administrator's list.
pub struct AccountItem {
    pub name: String,
    pub office: String,
    pub state: String,
    pub disabled: bool,
    pub action: String,
}

/// The accounts.
#[derive(Template)]
#[template(path = "staff/accounts.html")]
pub struct AccountsPage {
    pub head: Head,
    pub csrf: String,
    pub notes: Vec<String>,
    pub link: Option<(String, String)>,
    pub accounts: Vec<AccountItem>,
    pub offices: Vec<String>,
    pub add_action: String,
    /// Why the form sent was refused.
    pub error: Option<String>,
}

/// The audit log.
#[derive(Template)]
#[template(path = "staff/audit.html")]
pub struct AuditPage {
    pub head: Head,
    pub intro: String,
    pub entries: Vec<(String, String, String, String, String)>,
}

/// The errors of a form's field.
fn errors_of<'a>(errors: &'a HashMap<String, Vec<String>>, field: &str) -> &'a [String] {
    errors.get(field).map_or(&[], Vec::as_slice)
}

impl ServicePage {
    /// The errors beside the field `field`.
    pub fn err(&self, field: &str) -> &[String] {
        errors_of(&self.errors, field)
    }
}

impl OfficerPage {
    /// The errors beside the field `field`.
    pub fn err(&self, field: &str) -> &[String] {
        errors_of(&self.errors, field)
    }
}

impl UpdatedPage {
    /// The errors beside the field `field`.
    pub fn err(&self, field: &str) -> &[String] {
        errors_of(&self.errors, field)
    }
}
