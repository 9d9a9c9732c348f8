//! Accounts and their set-password links. A link is single use, stored
//! as its token's hash, and voided by a newer one; issuing a link, setting
//! a password and disabling an account each end every session of the
//! account.

use sqlx::Row as _;
use sqlx::any::AnyRow;

use super::{Store, StoreError};

/// A staff account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Its number, as `charter staff list` shows it.
    pub id: i64,
    /// The name signed in with (lower case, NFC).
    pub name: String,
    /// The office it edits; `None` for an administrator.
    pub office: Option<String>,
    /// Every office, the accounts and the audit log.
    pub admin: bool,
    /// Its password's argon2id hash, once one is set.
    pub password_hash: Option<String>,
    /// A disabled account cannot sign in.
    pub disabled: bool,
    /// When it was made, in seconds since 1970.
    pub created_at: i64,
    /// When its password was last set.
    pub password_at: Option<i64>,
    /// Raised whenever all its sessions are ended (a link issued, a
    /// password set, disabled): a session opens only at the revision its
    /// password was checked at.
    pub revision: i64,
}

/// An account to add.
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// Its name (lower case, NFC).
    pub name: String,
    /// Its office; `None` for an administrator.
    pub office: Option<String>,
    /// Whether it is an administrator's.
    pub admin: bool,
}

const COLUMNS: &str =
    "id, name, office, admin, password_hash, disabled, created_at, password_at, revision";

fn account(row: &AnyRow) -> Result<Account, sqlx::Error> {
    Ok(Account {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        office: row.try_get("office")?,
        admin: row.try_get::<i64, _>("admin")? != 0,
        password_hash: row.try_get("password_hash")?,
        disabled: row.try_get::<i64, _>("disabled")? != 0,
        created_at: row.try_get("created_at")?,
        password_at: row.try_get("password_at")?,
        revision: row.try_get("revision")?,
    })
}

impl Store {
    /// Adds `new`; `None` when an account has that name already.
    pub async fn add_account(&self, new: &NewAccount) -> Result<Option<Account>, StoreError> {
        if self.account_named(&new.name).await?.is_some() {
            return Ok(None);
        }
        // The next number, in the statement that takes it: two servers
        // adding at once collide on the key, and the second is told so.
        let inserted = sqlx::query(
            "INSERT INTO accounts (id, name, office, admin, password_hash, disabled, created_at) \
             SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, NULL, 0, $4 FROM accounts",
        )
        .bind(&new.name)
        .bind(&new.office)
        .bind(i64::from(new.admin))
        .bind(super::now())
        .execute(self.pool())
        .await;
        match inserted {
            Ok(_) => self.account_named(&new.name).await,
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The account named `name`.
    pub async fn account_named(&self, name: &str) -> Result<Option<Account>, StoreError> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts WHERE name = $1"))
            .bind(name)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(account).transpose()?)
    }

    /// The account numbered `id`.
    pub async fn account(&self, id: i64) -> Result<Option<Account>, StoreError> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.as_ref().map(account).transpose()?)
    }

    /// Every account, by name.
    pub async fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts ORDER BY name"))
            .fetch_all(self.pool())
            .await?;
        Ok(rows.iter().map(account).collect::<Result<_, _>>()?)
    }

    /// Disables (or enables) the account `id`; disabling ends its
    /// sessions and voids its link. False when there is no such account.
    pub async fn set_disabled(&self, id: i64, disabled: bool) -> Result<bool, StoreError> {
        let mut tx = self.pool().begin().await?;
        let done = sqlx::query("UPDATE accounts SET disabled = $1 WHERE id = $2")
            .bind(i64::from(disabled))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if disabled {
            end_everything(&mut tx, id).await?;
        }
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    /// Gives the account `id` a new set-password link, whose token hashes
    /// to `token_hash`, valid until `expires_at`: every older link is
    /// voided and every session ended.
    pub async fn issue_link(
        &self,
        id: i64,
        token_hash: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool().begin().await?;
        end_everything(&mut tx, id).await?;
        sqlx::query(
            "INSERT INTO password_links (token_hash, account_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(id)
        .bind(super::now())
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The account whose link hashes to `token_hash`, while the link is
    /// good.
    pub async fn link_account(&self, token_hash: &str) -> Result<Option<Account>, StoreError> {
        let row = sqlx::query(
            "SELECT account_id FROM password_links WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(super::now())
        .fetch_optional(self.pool())
        .await?;
        match row {
            Some(row) => self.account(row.try_get("account_id")?).await,
            None => Ok(None),
        }
    }

    /// Sets the password of the account whose link hashes to
    /// `token_hash` to `password_hash`, using the link up: the account,
    /// or `None` when the link is not good (used, voided, expired). Every
    /// session of the account ends.
    pub async fn use_link(
        &self,
        token_hash: &str,
        password_hash: &str,
    ) -> Result<Option<Account>, StoreError> {
        let mut tx = self.pool().begin().await?;
        // Only the one that deletes the link sets the password. A write
        // first: the transaction takes the write lock at once (waiting
        // for another writer), rather than reading first and finding at
        // its first write that another wrote meanwhile.
        let row = sqlx::query(
            "DELETE FROM password_links WHERE token_hash = $1 AND expires_at > $2 \
             RETURNING account_id",
        )
        .bind(token_hash)
        .bind(super::now())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let id: i64 = row.try_get("account_id")?;
        sqlx::query("UPDATE accounts SET password_hash = $1, password_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(super::now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        end_everything(&mut tx, id).await?;
        tx.commit().await?;
        self.account(id).await
    }
}

/// Ends every session of the account `id`, voids its links, and raises
/// its revision.
async fn end_everything(tx: &mut sqlx::AnyConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET revision = revision + 1 WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM password_links WHERE account_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Deletes the links that have expired.
pub(super) async fn prune_links(store: &Store, now: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM password_links WHERE expires_at <= $1")
        .bind(now)
        .execute(store.pool())
        .await?;
    Ok(())
}
