//! Sessions: a row per signed-in browser, keyed by its token's hash. How
//! long one lasts is the staff area's rule; a row is kept a day at most.

use sqlx::Row as _;

use super::{Account, Store, StoreError};

/// A session as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The account signed in.
    pub account_id: i64,
    /// The host it was opened on, keyed.
    pub host: String,
    /// When it was opened, in seconds since 1970.
    pub created_at: i64,
    /// When it was last used.
    pub seen_at: i64,
}

/// No session lives longer than this: its row is deleted then, whatever
/// the staff area's own (shorter) rule.
const LONGEST: i64 = 24 * 60 * 60;

impl Store {
    /// Opens a session of `account` on `host`, if the account is still
    /// enabled and at the revision read ([`Account::revision`]): false
    /// when its password was set, a link issued or the account disabled
    /// since, and no session was opened.
    pub async fn open_session(
        &self,
        token_hash: &str,
        account: &Account,
        host: &str,
    ) -> Result<bool, StoreError> {
        let now = super::now();
        // One statement: the check and the insert cannot be told apart
        // by a change made meanwhile.
        let done = sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, host, created_at, seen_at) \
             SELECT $1, id, $3, $4, $4 FROM accounts \
             WHERE id = $2 AND revision = $5 AND disabled = 0",
        )
        .bind(token_hash)
        .bind(account.id)
        .bind(host)
        .bind(now)
        .bind(account.revision)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The session whose token hashes to `token_hash`.
    pub async fn session(&self, token_hash: &str) -> Result<Option<Session>, StoreError> {
        let row = sqlx::query(
            "SELECT account_id, host, created_at, seen_at FROM sessions WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(Session {
            account_id: row.try_get("account_id")?,
            host: row.try_get("host")?,
            created_at: row.try_get("created_at")?,
            seen_at: row.try_get("seen_at")?,
        }))
    }

    /// Notes that the session was used `at`.
    pub async fn touch_session(&self, token_hash: &str, at: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET seen_at = $1 WHERE token_hash = $2")
            .bind(at)
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Ends one session.
    pub async fn end_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Ends every session of the account `account_id`.
    pub async fn end_sessions(&self, account_id: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

/// Deletes sessions older than any may live.
pub(super) async fn prune(store: &Store, now: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE created_at < $1")
        .bind(now - LONGEST)
        .execute(store.pool())
        .await?;
    Ok(())
}
