//! Citizens' reports: "Is anything wrong on this page?" at the foot of
//! every page of an office, a small form that needs no script
//! (`/{lang}/feedback?page=…`), and the office's inbox in the staff area.
//!
//! A report is kept with the office its host names (never one the form
//! names), the page it is about (one of that office's own pages, its path
//! only) and its service, the language, what is wrong and when, with a
//! phone number or e-mail address only when the citizen typed one to be
//! answered ([`form`], [`text`]). Nothing else about the sender is kept:
//! the rate limits count a keyed hash of the address that expires
//! ([`limits`]). A bot that fills the field no person sees is answered as
//! anyone else, and its report dropped.
//!
//! Staff read their office's reports, newest first, by page and service,
//! mark one handled with a note (its contact details go then), and take
//! them away as CSV ([`inbox`], [`export`]); administrators see every
//! office's; viewing and exporting go to the audit log. Every report goes
//! after [`FeedbackOptions::keep`], handled or not, and its contact
//! details after [`FeedbackOptions::keep_contact`] ([`Feedback::prune_daily`]).

// A refused request's answer is the page itself, made once per request.
#![allow(clippy::result_large_err)]

mod after;
pub mod export;
mod form;
mod inbox;
pub mod limits;
mod pages;
mod routes;
pub mod text;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::FromRef;

use crate::staff::Staff;
use crate::store::Store;

pub use limits::{Budget, Limits};
pub use routes::{routes, unavailable_routes};

/// How citizens' reports are taken and kept.
#[derive(Debug, Clone)]
pub struct FeedbackOptions {
    /// How many reports are taken ([`limits`]).
    pub limits: Limits,
    /// How long a report is kept, handled or not (`--feedback-days`).
    pub keep: Duration,
    /// How long contact details are kept when the report is not marked
    /// handled before.
    pub keep_contact: Duration,
    /// Largest form accepted, in bytes: 1,000 Bangla letters are 9,000
    /// bytes sent, the rest a few hundred.
    pub max_body_bytes: usize,
    /// The site is reached over HTTPS (`--https`): the origin forms are
    /// sent from starts with `https://`.
    pub https: bool,
}

impl Default for FeedbackOptions {
    fn default() -> Self {
        FeedbackOptions {
            limits: Limits::default(),
            keep: Duration::from_secs(365 * 24 * 60 * 60),
            keep_contact: Duration::from_secs(90 * 24 * 60 * 60),
            max_body_bytes: 16 * 1024,
            https: false,
        }
    }
}

/// What is wrong, as the form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// The information is wrong.
    Wrong,
    /// It is out of date.
    Outdated,
    /// It is hard to understand.
    Unclear,
    /// I was asked for more than the charter says.
    Overcharged,
    /// Something else.
    Other,
}

impl Category {
    /// Every category, in the form's order.
    pub const ALL: [Category; 5] = [
        Category::Wrong,
        Category::Outdated,
        Category::Unclear,
        Category::Overcharged,
        Category::Other,
    ];

    /// The word the form sends and the database keeps.
    pub fn key(self) -> &'static str {
        match self {
            Category::Wrong => "wrong",
            Category::Outdated => "outdated",
            Category::Unclear => "unclear",
            Category::Overcharged => "overcharged",
            Category::Other => "other",
        }
    }

    /// The category `key` names.
    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The message that names it.
    pub fn message_id(self) -> String {
        format!("feedback-cat-{}", self.key())
    }
}

/// What the routes of citizens' reports share: the staff area (its
/// store, sessions and audit log), and the options.
#[derive(Clone)]
pub struct Feedback(Arc<Shared>);

struct Shared {
    staff: Staff,
    options: FeedbackOptions,
}

impl FromRef<Feedback> for Staff {
    fn from_ref(feedback: &Feedback) -> Staff {
        feedback.0.staff.clone()
    }
}

impl Feedback {
    /// Citizens' reports, kept in the staff area's store.
    pub fn new(staff: Staff, options: FeedbackOptions) -> Feedback {
        Feedback(Arc::new(Shared { staff, options }))
    }

    fn staff(&self) -> &Staff {
        &self.0.staff
    }

    fn store(&self) -> &Store {
        self.0.staff.store()
    }

    fn options(&self) -> &FeedbackOptions {
        &self.0.options
    }

    /// Deletes, now and every day, the reports older than kept, the
    /// contact details older than kept, and the rate limits' old counts.
    pub fn prune_daily(&self) {
        let feedback = self.clone();
        tokio::spawn(async move {
            loop {
                match feedback.prune().await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!("{n} citizens' reports older than kept were removed"),
                    Err(e) => tracing::warn!("citizens' reports were not pruned: {e}"),
                }
                tokio::time::sleep(Duration::from_secs(24 * 60 * 60)).await;
            }
        });
    }

    /// One pruning ([`Feedback::prune_daily`]); how many reports went.
    pub async fn prune(&self) -> Result<u64, crate::store::StoreError> {
        let now = crate::store::now();
        let secs = |d: Duration| i64::try_from(d.as_secs()).unwrap_or(i64::MAX / 2);
        let options = self.options();
        self.store()
            .prune_limits(now - secs(options.limits.longest()))
            .await?;
        self.store()
            .prune_reports(now - secs(options.keep), now - secs(options.keep_contact))
            .await
    }
}
