//! Sign-in throttles: attempts counted per key (a name and a client
//! together, a client's address, an account's name), and until when the
//! key is refused. The rules are the staff area's; this keeps the counts.
//!
//! An attempt is counted before its password is checked, in the one
//! statement that also says whether the key is refused ([`Store::count_attempt`]),
//! so that attempts sent at once are counted one after another, each
//! seeing the ones before it: none slips past the count while others are
//! being checked.

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

/// How a key counts: failures forgotten after a failure-free while,
/// free ones, and the wait the first one past them costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counting {
    /// A count whose last failure is older than this (seconds since
    /// 1970) starts again.
    pub forget_before: i64,
    /// Failures before the first wait.
    pub free: i64,
    /// The first wait, in seconds.
    pub first: i64,
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

    /// Counts an attempt against `key` at `now`, as a failure until it is
    /// known to be none ([`Store::uncount`]), unless the key is refused:
    /// the attempt's number in the count, or `None` when refused. The
    /// attempt that reaches `counting.free` refuses the key for
    /// `counting.first` seconds at once (the caller makes it longer when
    /// the attempt has failed, [`Store::refuse_until`]).
    pub async fn count_attempt(
        &self,
        key: &str,
        now: i64,
        counting: Counting,
    ) -> Result<Option<i64>, StoreError> {
        let first_until = if counting.free <= 1 {
            now.saturating_add(counting.first)
        } else {
            0
        };
        // In SET, `throttles.` names the row as it was; the WHERE of DO
        // UPDATE leaves a refused key as it is, and returns no row.
        let row = sqlx::query(
            "INSERT INTO throttles (key, failures, last_at, until_at) VALUES ($1, 1, $2, $3) \
             ON CONFLICT (key) DO UPDATE SET \
             failures = CASE WHEN throttles.last_at < $4 THEN 1 \
             ELSE throttles.failures + 1 END, \
             last_at = $2, \
             until_at = CASE \
             WHEN throttles.last_at >= $4 AND throttles.failures + 1 >= $5 THEN $6 \
             WHEN throttles.last_at < $4 AND 1 >= $5 THEN $6 \
             ELSE throttles.until_at END \
             WHERE throttles.until_at <= $2 \
             RETURNING failures",
        )
        .bind(key)
        .bind(now)
        .bind(first_until)
        .bind(counting.forget_before)
        .bind(counting.free)
        .bind(now.saturating_add(counting.first))
        .fetch_optional(self.pool())
        .await?;
        Ok(match row {
            Some(row) => Some(row.try_get("failures")?),
            None => None,
        })
    }

    /// Refuses `key` until `until` at least.
    pub async fn refuse_until(&self, key: &str, until: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE throttles SET until_at = $1 WHERE key = $2 AND until_at < $1")
            .bind(until)
            .bind(key)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Takes back an attempt counted against `key` that was no failure;
    /// the key is no longer refused when its failures are then fewer than
    /// `free`.
    pub async fn uncount(&self, key: &str, free: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE throttles SET failures = failures - 1, \
             until_at = CASE WHEN failures - 1 < $2 THEN 0 ELSE until_at END \
             WHERE key = $1 AND failures > 0",
        )
        .bind(key)
        .bind(free)
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
