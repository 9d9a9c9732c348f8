//! The pages of citizens' reports: the form, the page after it, and the
//! office's inbox (a staff page), from templates under
//! `templates/feedback/`.

use askama::Template;

use crate::render::Layout;
use crate::staff::pages::Head;

/// A choice of a list: its value, what it says, whether it is chosen.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

/// The form a citizen reports what is wrong with.
#[derive(Template)]
#[template(path = "feedback/form.html")]
pub struct FormPage {
    pub layout: Layout,
    pub action: String,
    /// The page the report is about, its path (empty: the whole office).
    pub page: String,
    /// The page, named, and its link.
    pub page_label: String,
    pub page_url: Option<String>,
    pub categories: Vec<Choice>,
    pub text: String,
    pub text_label: String,
    pub max_text: usize,
    pub contact: String,
    pub contact_why: String,
    /// What stopped the report, when it was sent and not taken.
    pub problems: Vec<String>,
}

/// A paragraph, and a link after it.
pub struct Paragraph {
    pub text: String,
    pub link: Option<(String, String)>,
}

/// A heading and a few paragraphs in the office's layout: the page after
/// a report is sent, and the one that says none can be taken.
#[derive(Template)]
#[template(path = "feedback/message.html")]
pub struct MessagePage {
    pub layout: Layout,
    pub heading: String,
    pub paragraphs: Vec<Paragraph>,
}

/// A report as the inbox shows it.
pub struct Row {
    pub id: i64,
    pub when: String,
    /// The office's name (the inbox of every office only).
    pub office: Option<String>,
    pub page: String,
    pub category: String,
    pub text: String,
    pub contact: String,
    /// Who marked it handled, when, and their note.
    pub handled: Option<(String, String)>,
    /// Where the form that marks it handled goes.
    pub action: String,
}

/// The office's reports, newest first.
#[derive(Template)]
#[template(path = "feedback/inbox.html")]
pub struct InboxPage {
    pub head: Head,
    pub heading: String,
    /// Where the choice of a page or service is sent.
    pub filter_action: String,
    pub services: Vec<Choice>,
    pub export_url: String,
    pub rows: Vec<Row>,
    pub csrf: String,
    pub every_office: bool,
}
