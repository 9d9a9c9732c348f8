//! The audit log: sign-ins, failures, publishes, restores and account
//! changes, with when, who, which office and what. Control characters are
//! stripped from everything recorded, so that no entry can forge another
//! line, or a terminal's colours, where it is shown.

use sqlx::Row as _;

use super::{Store, StoreError};

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When, in milliseconds since 1970.
    pub at_ms: i64,
    /// The account's name (`unknown:` and a hash for a name that is no
    /// account's).
    pub account: Option<String>,
    /// The office concerned.
    pub office: Option<String>,
    /// What happened, a word such as `sign-in`, `publish`.
    pub action: String,
    /// The details, in a line.
    pub detail: String,
    /// The client's address.
    pub client: Option<String>,
}

impl AuditEntry {
    /// The entry with every text [`clean`]ed, as it is kept.
    pub fn cleaned(self) -> AuditEntry {
        AuditEntry {
            at_ms: self.at_ms,
            account: self.account.as_deref().map(clean),
            office: self.office.as_deref().map(clean),
            action: clean(&self.action),
            detail: clean(&self.detail),
            client: self.client.as_deref().map(clean),
        }
    }
}

/// Longest text kept in one field of an entry, in characters.
const MAX_FIELD: usize = 500;

/// `text` without control characters nor the marks that turn text
/// right to left (a line break becomes a space),
/// at most [`MAX_FIELD`] characters.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' | '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        })
        .filter(|c| !c.is_control() && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .take(MAX_FIELD)
        .collect()
}

impl Store {
    /// Adds `entry` to the log, its texts cleaned ([`clean`]).
    pub async fn audit(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit (at_ms, account, office, action, detail, client) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(entry.at_ms)
        .bind(entry.account.as_deref().map(clean))
        .bind(entry.office.as_deref().map(clean))
        .bind(clean(&entry.action))
        .bind(clean(&entry.detail))
        .bind(entry.client.as_deref().map(clean))
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The newest `limit` entries, newest first; only those of `office`
    /// when one is given.
    pub async fn audit_entries(
        &self,
        office: Option<&str>,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = match office {
            Some(office) => {
                sqlx::query(
                    "SELECT at_ms, account, office, action, detail, client FROM audit \
                     WHERE office = $1 ORDER BY at_ms DESC LIMIT $2",
                )
                .bind(office)
                .bind(limit)
                .fetch_all(self.pool())
                .await?
            }
            None => {
                sqlx::query(
                    "SELECT at_ms, account, office, action, detail, client FROM audit \
                     ORDER BY at_ms DESC LIMIT $1",
                )
                .bind(limit)
                .fetch_all(self.pool())
                .await?
            }
        };
        rows.iter()
            .map(|row| {
                Ok(AuditEntry {
                    at_ms: row.try_get("at_ms")?,
                    account: row.try_get("account")?,
                    office: row.try_get("office")?,
                    action: row.try_get("action")?,
                    detail: row.try_get("detail")?,
                    client: row.try_get("client")?,
                })
            })
            .collect()
    }
}

/// Deletes the entries from before `before_ms`; how many.
pub(super) async fn prune(store: &Store, before_ms: i64) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM audit WHERE at_ms < $1")
        .bind(before_ms)
        .execute(store.pool())
        .await?;
    Ok(done.rows_affected())
}
