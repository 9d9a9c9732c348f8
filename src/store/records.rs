//! Who published each version (with a short note), and the texts kept for
//! a clerk: a change checked and waiting to be published, and a form sent
//! after the session ended, offered back after signing in again.

use std::collections::HashMap;

use sqlx::Row as _;

use super::{Store, StoreError};

/// Who published a version of an office's charter, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionNote {
    /// The account's name.
    pub account: String,
    /// The note given at publishing.
    pub note: String,
    /// When, in seconds since 1970.
    pub at: i64,
}

/// Which text a draft is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKind {
    /// A change checked and shown, waiting to be published.
    Proposal,
    /// A form sent after its session ended.
    Unsent,
}

impl DraftKind {
    fn key(self) -> &'static str {
        match self {
            DraftKind::Proposal => "proposal",
            DraftKind::Unsent => "unsent",
        }
    }
}

/// A text kept for a clerk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// For a proposal, what it does (`form`, `file`, `restore 3`); for an
    /// unsent form, the path it was sent to.
    pub target: String,
    /// The content hash of the charter it was based on.
    pub base_hash: String,
    /// A proposal's whole new charter; an unsent form's body.
    pub body: String,
    /// When it was kept, in seconds since 1970.
    pub saved_at: i64,
}

impl Store {
    /// Notes that `account` published the version of `office`'s charter
    /// with `content_hash`, with `note`; a version noted already keeps
    /// its first note.
    pub async fn note_version(
        &self,
        office: &str,
        content_hash: &str,
        account: &str,
        note: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO versions (office, content_hash, account, note, at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (office, content_hash) DO NOTHING",
        )
        .bind(office)
        .bind(content_hash)
        .bind(super::audit::clean(account))
        .bind(super::audit::clean(note))
        .bind(super::now())
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Every note of `office`'s versions, by content hash.
    pub async fn version_notes(
        &self,
        office: &str,
    ) -> Result<HashMap<String, VersionNote>, StoreError> {
        let rows =
            sqlx::query("SELECT content_hash, account, note, at FROM versions WHERE office = $1")
                .bind(office)
                .fetch_all(self.pool())
                .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    row.try_get("content_hash")?,
                    VersionNote {
                        account: row.try_get("account")?,
                        note: row.try_get("note")?,
                        at: row.try_get("at")?,
                    },
                ))
            })
            .collect()
    }

    /// Keeps `draft` as the account's `kind` of draft for `office`,
    /// replacing the one before.
    pub async fn keep_draft(
        &self,
        account_id: i64,
        office: &str,
        kind: DraftKind,
        draft: &Draft,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO drafts (account_id, office, kind, target, base_hash, body, saved_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (account_id, office, kind) \
             DO UPDATE SET target = $4, base_hash = $5, body = $6, saved_at = $7",
        )
        .bind(account_id)
        .bind(office)
        .bind(kind.key())
        .bind(&draft.target)
        .bind(&draft.base_hash)
        .bind(&draft.body)
        .bind(draft.saved_at)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The account's `kind` of draft for `office`.
    pub async fn draft(
        &self,
        account_id: i64,
        office: &str,
        kind: DraftKind,
    ) -> Result<Option<Draft>, StoreError> {
        let row = sqlx::query(
            "SELECT target, base_hash, body, saved_at FROM drafts \
             WHERE account_id = $1 AND office = $2 AND kind = $3",
        )
        .bind(account_id)
        .bind(office)
        .bind(kind.key())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(Draft {
            target: row.try_get("target")?,
            base_hash: row.try_get("base_hash")?,
            body: row.try_get("body")?,
            saved_at: row.try_get("saved_at")?,
        }))
    }

    /// Drops the account's `kind` of draft for `office`.
    pub async fn drop_draft(
        &self,
        account_id: i64,
        office: &str,
        kind: DraftKind,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM drafts WHERE account_id = $1 AND office = $2 AND kind = $3")
            .bind(account_id)
            .bind(office)
            .bind(kind.key())
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
