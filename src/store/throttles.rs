//! Sign-in throttles: failures counted per key (an account's name, a
//! client's address), and until when the key is refused. The rules are
//! the staff area's; this keeps the counts.

use sqlx::Row as _;

use super::{Store, StoreError};

/// One key's failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Throttle {
    /// Failures counted.
    pub failures: i64,
    /// When the last one was, in seconds since 1970.
    pub last_at: i64,
    /// Refused until then.
    pub until_at: i64,
}

/// A key with no failure for this long is forgotten.
const FORGOTTEN_AFTER: i64 = 24 * 60 * 60;

impl Store {
    /// The failures counted for `key`.
    pub async fn throttle(&self, key: &str) -> Result<Throttle, StoreError> {
        let row = sqlx::query("SELECT failures, last_at, until_at FROM throttles WHERE key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else {
            return Ok(Throttle::default());
        };
        Ok(Throttle {
            failures: row.try_get("failures")?,
            last_at: row.try_get("last_at")?,
            until_at: row.try_get("until_at")?,
        })
    }

    /// Stores `throttle` for `key`.
    pub async fn set_throttle(&self, key: &str, throttle: Throttle) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO throttles (key, failures, last_at, until_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (key) DO UPDATE SET failures = $2, last_at = $3, until_at = $4",
        )
        .bind(key)
        .bind(throttle.failures)
        .bind(throttle.last_at)
        .bind(throttle.until_at)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Forgets the failures of `key` (a sign-in that worked).
    pub async fn clear_throttle(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM throttles WHERE key = $1")
            .bind(key)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

/// Forgets keys without a failure for a day.
pub(super) async fn prune(store: &Store, now: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM throttles WHERE last_at < $1 AND until_at < $2")
        .bind(now - FORGOTTEN_AFTER)
        .bind(now)
        .execute(store.pool())
        .await?;
    Ok(())
}
