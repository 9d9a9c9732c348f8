//! Citizens' reports: kept with their office, page and service, listed
//! for the office's inbox, marked handled, counted per service, and
//! deleted when old (contact details sooner); the rotating key that
//! hashes a sender's address, and the counts of the rate limits.

use sqlx::Row as _;

use super::{Store, StoreError};

/// A report as the form gives it, checked and cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReport {
    /// The office the host named.
    pub office: String,
    /// The page's path, without its query.
    pub page: String,
    /// The service's slug, or empty.
    pub service: String,
    /// `bn` or `en`.
    pub lang: String,
    /// What is wrong, a word (`wrong`, `outdated`, …).
    pub category: String,
    /// What the sender wrote.
    pub body: String,
    /// A phone number or e-mail address, or empty.
    pub contact: String,
    /// When, in seconds since 1970.
    pub at: i64,
}

/// A report as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Its number.
    pub id: i64,
    /// What was sent.
    pub sent: NewReport,
    /// When it was marked handled (0: not yet).
    pub handled_at: i64,
    /// Who marked it.
    pub handled_by: String,
    /// Their note.
    pub note: String,
}

const COLUMNS: &str =
    "id, office, page, service, lang, category, body, contact, at, handled_at, handled_by, note";

fn report(row: &sqlx::any::AnyRow) -> Result<Report, sqlx::Error> {
    Ok(Report {
        id: row.try_get("id")?,
        sent: NewReport {
            office: row.try_get("office")?,
            page: row.try_get("page")?,
            service: row.try_get("service")?,
            lang: row.try_get("lang")?,
            category: row.try_get("category")?,
            body: row.try_get("body")?,
            contact: row.try_get("contact")?,
            at: row.try_get("at")?,
        },
        handled_at: row.try_get("handled_at")?,
        handled_by: row.try_get("handled_by")?,
        note: row.try_get("note")?,
    })
}

impl Store {
    /// Keeps `new`; its number.
    pub async fn add_report(&self, new: &NewReport) -> Result<i64, StoreError> {
        // Numbered as accounts are; two reports at once may take the
        // same number, and the second tries again.
        let mut tries = 0;
        loop {
            let inserted = sqlx::query(
                "INSERT INTO feedback (id, office, page, service, lang, category, body, contact, \
                 at, handled_at, handled_by, note) \
                 SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, $4, $5, $6, $7, $8, 0, '', '' \
                 FROM feedback RETURNING id",
            )
            .bind(&new.office)
            .bind(&new.page)
            .bind(&new.service)
            .bind(&new.lang)
            .bind(&new.category)
            .bind(&new.body)
            .bind(&new.contact)
            .bind(new.at)
            .fetch_one(self.pool())
            .await;
            match inserted {
                Ok(row) => return Ok(row.try_get("id")?),
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() && tries < 5 => {
                    tries += 1;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// The newest `limit` reports, newest first: of `office` when one is
    /// given (else every office's), of `service` when one is given.
    pub async fn reports(
        &self,
        office: Option<&str>,
        service: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Report>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM feedback \
             WHERE ($1 = '' OR office = $1) AND ($2 = '' OR service = $2) \
             ORDER BY at DESC, id DESC LIMIT $3"
        ))
        .bind(office.unwrap_or(""))
        .bind(service.unwrap_or(""))
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(report).collect::<Result<_, _>>()?)
    }

    /// The report numbered `id`.
    pub async fn report(&self, id: i64) -> Result<Option<Report>, StoreError> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM feedback WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(report).transpose()?)
    }

    /// Marks the report `id` of `office` handled by `by` with `note`, and
    /// deletes its contact details, which were only for the answer;
    /// false when `office` has no such report.
    pub async fn mark_handled(
        &self,
        id: i64,
        office: &str,
        by: &str,
        note: &str,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE feedback SET handled_at = $1, handled_by = $2, note = $3, contact = '' \
             WHERE id = $4 AND office = $5",
        )
        .bind(super::now())
        .bind(super::audit::clean(by))
        .bind(note)
        .bind(id)
        .bind(office)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// How many reports `office` has had since `since`, per service
    /// (`''`: pages that are no service's).
    pub async fn report_counts(
        &self,
        office: &str,
        since: i64,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT service, COUNT(*) AS n FROM feedback WHERE office = $1 AND at >= $2 \
             GROUP BY service ORDER BY n DESC, service",
        )
        .bind(office)
        .bind(since)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("service")?, row.try_get("n")?)))
            .collect()
    }

    /// Deletes every report from before `before`, handled or not, and the
    /// contact details of those from before `contacts_before`; how many
    /// reports went.
    pub async fn prune_reports(
        &self,
        before: i64,
        contacts_before: i64,
    ) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM feedback WHERE at < $1")
            .bind(before)
            .execute(self.pool())
            .await?;
        sqlx::query("UPDATE feedback SET contact = '' WHERE at < $1 AND contact <> ''")
            .bind(contacts_before)
            .execute(self.pool())
            .await?;
        Ok(done.rows_affected())
    }

    /// The key senders' addresses are hashed with now: a new random one
    /// once the one kept is `rotate_after` seconds old.
    pub async fn sender_key(&self, rotate_after: i64) -> Result<String, StoreError> {
        let now = super::now();
        let row = sqlx::query("SELECT secret, created_at FROM feedback_keys WHERE id = 1")
            .fetch_optional(self.pool())
            .await?;
        if let Some(row) = &row {
            let created: i64 = row.try_get("created_at")?;
            if now - created < rotate_after {
                return Ok(row.try_get("secret")?);
            }
        }
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| StoreError::Random(e.to_string()))?;
        let secret = crate::charter::hex(&bytes);
        // Two servers rotating at once: the one whose key is kept wins,
        // and the other reads it.
        sqlx::query(
            "INSERT INTO feedback_keys (id, secret, created_at) VALUES (1, $1, $2) \
             ON CONFLICT (id) DO UPDATE SET secret = $1, created_at = $2 \
             WHERE feedback_keys.created_at <= $3",
        )
        .bind(&secret)
        .bind(now)
        .bind(now - rotate_after)
        .execute(self.pool())
        .await?;
        // The counts kept under the old key can no longer be reached.
        sqlx::query("DELETE FROM feedback_limits WHERE key LIKE 'client:%'")
            .execute(self.pool())
            .await?;
        let row = sqlx::query("SELECT secret FROM feedback_keys WHERE id = 1")
            .fetch_one(self.pool())
            .await?;
        Ok(row.try_get("secret")?)
    }

    /// The reports counted under `key` in the window that started at
    /// `window_start`.
    pub async fn limit_count(&self, key: &str, window_start: i64) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT window_start, count FROM feedback_limits WHERE key = $1")
            .bind(key)
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(row) if row.try_get::<i64, _>("window_start")? == window_start => {
                row.try_get("count")?
            }
            _ => 0,
        })
    }

    /// Counts one more report under `key` in the window that started at
    /// `window_start` (a count of an earlier window starts again); the
    /// count now.
    pub async fn count_limit(&self, key: &str, window_start: i64) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO feedback_limits (key, window_start, count) VALUES ($1, $2, 1) \
             ON CONFLICT (key) DO UPDATE SET \
             count = CASE WHEN feedback_limits.window_start = $2 \
                     THEN feedback_limits.count + 1 ELSE 1 END, \
             window_start = $2 \
             RETURNING count",
        )
        .bind(key)
        .bind(window_start)
        .fetch_one(self.pool())
        .await?;
        Ok(row.try_get("count")?)
    }

    /// Forgets the counts of windows that started before `before`.
    pub async fn prune_limits(&self, before: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM feedback_limits WHERE window_start < $1")
            .bind(before)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
