//! The staff area: office staff sign in on their office's own host
//! (`/{lang}/staff/`), change the charter through forms or as a whole
//! file, see what will change, publish, and undo from the history; the
//! administrators manage the accounts and read the audit log.
//!
//! The charter file stays the source of truth: a form's change is written
//! into the file's text ([`edit`]), checked as `charter check` checks a
//! file ([`check`]), shown ([`changes`]), and published by replacing the
//! file atomically and reloading the office the way a save on disk does
//! ([`publish`]); the history keeps it like any other version, and the
//! [`store`](crate::store) who published it and why.
//!
//! Who may do what ([`visit`]): an office's editor signs in on that
//! office's host only and reaches nothing of any other office; an
//! administrator signs in on the directory's host (a single charter's:
//! the office's, as it has no directory) and there picks the office to
//! act on (`/{lang}/staff/offices/{office}/…`); only
//! administrators manage accounts and read the audit log. A session is
//! good on the host it was opened on only.
//!
//! Every page is made for its request (never stored with the public
//! pages), carries `Cache-Control: no-store` and `X-Robots-Tag: noindex`,
//! and has no script; every POST carries the CSRF token of its cookie and
//! passes an Origin check ([`guard`]).

// A refused request's answer is the page itself, made once per request:
// returned as is rather than boxed.
#![allow(clippy::result_large_err)]

mod admin;
pub mod changes;
pub mod check;
pub mod edit;
mod forms;
pub mod guard;
mod history;
mod link;
pub mod pages;
pub mod password;
mod publish;
mod review;
mod routes;
mod signin;
pub mod throttle;
pub mod tokens;
pub mod visit;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::server::{CpuPool, Deployment};
use crate::store::{AuditEntry, Store};

pub use admin::{issue_link, link_path, valid_name};
pub use pages::when;
pub use routes::routes;
pub use signin::account_name;

/// How the staff area behaves.
#[derive(Debug, Clone)]
pub struct StaffOptions {
    /// The site is reached over HTTPS (`--https`): sign-in is allowed
    /// from any client. Without it, only behind a trusted proxy that says
    /// the client came over HTTPS, or from this computer itself.
    pub https: bool,
    /// A session unused this long ends.
    pub idle: Duration,
    /// A session ends this long after sign-in, used or not.
    pub absolute: Duration,
    /// How long a set-password link is good.
    pub link_valid: Duration,
    /// When failed sign-ins start to cost time.
    pub throttle: throttle::Rules,
    /// Largest form accepted, in bytes: the whole-file form holds the
    /// charter, each Bangla letter sent as 9 bytes.
    pub max_form_bytes: usize,
    /// How long the audit log keeps an entry.
    pub keep_audit: Duration,
}

impl Default for StaffOptions {
    fn default() -> Self {
        StaffOptions {
            https: false,
            idle: Duration::from_secs(30 * 60),
            absolute: Duration::from_secs(12 * 60 * 60),
            link_valid: Duration::from_secs(24 * 60 * 60),
            throttle: throttle::Rules::default(),
            max_form_bytes: 8 * 1024 * 1024,
            keep_audit: Duration::from_secs(2 * 365 * 24 * 60 * 60),
        }
    }
}

/// What the staff area's routes share.
#[derive(Clone)]
pub struct Staff(Arc<Shared>);

struct Shared {
    store: Store,
    deployment: Arc<Deployment>,
    cpu: CpuPool,
    options: StaffOptions,
    /// A hash no password matches, verified against when a sign-in names
    /// no account, a disabled one or one without a password, so that each
    /// costs the same work as a wrong password.
    dummy_hash: String,
    /// One publish at a time per office.
    publishing: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl Staff {
    /// The staff area of `deployment`, its accounts in `store`, its
    /// hashing on `cpu`.
    pub async fn new(
        store: Store,
        deployment: Arc<Deployment>,
        cpu: CpuPool,
        options: StaffOptions,
    ) -> Staff {
        let secret = tokens::new_token();
        let dummy_hash = cpu
            .run(move || password::hash(&secret))
            .await
            .unwrap_or_else(|_| password::hash(&tokens::new_token()));
        Staff(Arc::new(Shared {
            store,
            deployment,
            cpu,
            options,
            dummy_hash,
            publishing: Mutex::new(HashMap::new()),
        }))
    }

    /// The database.
    pub fn store(&self) -> &Store {
        &self.0.store
    }

    /// What is served: every office, and the directory.
    pub fn deployment(&self) -> &Arc<Deployment> {
        &self.0.deployment
    }

    /// The pool of threads hashing and other heavy work run on.
    pub fn cpu(&self) -> &CpuPool {
        &self.0.cpu
    }

    fn options(&self) -> &StaffOptions {
        &self.0.options
    }

    /// The lock publishes of office `id` take.
    fn publish_lock(&self, id: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut locks = self.0.publishing.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(locks.entry(id.to_string()).or_default())
    }

    /// Adds an entry to the audit log, and to the server's log; a failure
    /// is logged, never shown. Cleaned first ([`AuditEntry::cleaned`]),
    /// so that a line break or a terminal's codes in a note cannot forge
    /// a line of either.
    pub async fn audit(&self, entry: AuditEntry) {
        let entry = entry.cleaned();
        tracing::info!(
            target: "audit",
            account = entry.account.as_deref().unwrap_or("-"),
            office = entry.office.as_deref().unwrap_or("-"),
            action = %entry.action,
            "{}",
            entry.detail
        );
        if let Err(e) = self.store().audit(&entry).await {
            tracing::error!("the audit log could not be written: {e}");
        }
    }

    /// Prunes the store every day: expired sessions, links and
    /// throttles, audit entries older than [`StaffOptions::keep_audit`].
    pub fn prune_daily(&self) {
        let staff = self.clone();
        tokio::spawn(async move {
            loop {
                match staff.store().prune(staff.options().keep_audit).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!("{n} audit entries older than kept were removed"),
                    Err(e) => tracing::warn!("the staff database was not pruned: {e}"),
                }
                tokio::time::sleep(Duration::from_secs(24 * 60 * 60)).await;
            }
        });
    }
}
