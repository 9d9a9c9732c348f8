//! The database: staff accounts, their sessions and set-password links,
//! sign-in throttles, the audit log, who published each version, the
//! texts kept for a clerk, and citizens' reports with their rate limits.
//!
//! SQLite in the state folder by default (`<state>/staff.sqlite`): nothing
//! to install, created and migrated at start. Every query goes through
//! sqlx's `Any` driver in SQL that PostgreSQL reads too (BIGINT and TEXT
//! columns, ids given by the program, `$1` parameters, `ON CONFLICT`), so
//! that several servers can share one PostgreSQL database with this same
//! code: that step adds the driver and a URL. The migrations are files in
//! `src/store/migrations/`, compiled in and applied in order
//! ([`Store::open`]).
//!
//! The API is async throughout, as a database on the network needs.

mod accounts;
mod audit;
mod feedback;
mod records;
mod sessions;
mod throttles;

use std::borrow::Cow;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures_util::future::BoxFuture;
use sqlx::AnyPool;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};

pub use accounts::{Account, NewAccount};
pub use audit::AuditEntry;
pub use feedback::{NewReport, Report};
pub use records::{Draft, DraftKind, VersionNote};
pub use sessions::Session;
pub use throttles::Throttle;

/// The file name of the SQLite database in the state folder.
pub const SQLITE_FILE: &str = "staff.sqlite";

/// The migrations, in order: (version, description, SQL).
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "staff", include_str!("migrations/0001_staff.sql")),
    (2, "feedback", include_str!("migrations/0002_feedback.sql")),
];

/// The database, shared by every request (a pool of connections).
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
}

/// Why the database could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database said no, or could not be reached.
    #[error("the staff database: {0}")]
    Database(#[from] sqlx::Error),
    /// Its migrations could not be applied.
    #[error("the staff database cannot be brought up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The system gave no random numbers.
    #[error("the system's random numbers cannot be read: {0}")]
    Random(String),
    /// The address given is not one this program can open.
    #[error("the staff database's address {0:?} cannot be used: {1}")]
    Address(String, String),
}

/// The migrations compiled into the program.
#[derive(Debug)]
struct Compiled;

impl MigrationSource<'static> for Compiled {
    fn resolve(self) -> BoxFuture<'static, Result<Vec<Migration>, sqlx::error::BoxDynError>> {
        Box::pin(async {
            Ok(MIGRATIONS
                .iter()
                .map(|&(version, description, sql)| {
                    Migration::new(
                        version,
                        Cow::Borrowed(description),
                        MigrationType::Simple,
                        Cow::Borrowed(sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

/// The address of the SQLite database at `path`, created when missing.
pub fn sqlite_url(path: &Path) -> Result<String, StoreError> {
    let text = path.to_str().ok_or_else(|| {
        StoreError::Address(
            path.display().to_string(),
            "the path is not UTF-8".to_string(),
        )
    })?;
    // Percent-encoded, so that `?` or `#` in a folder's name stay in it.
    let mut encoded = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-' | b'_') {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    Ok(format!("sqlite://{encoded}?mode=rwc"))
}

impl Store {
    /// The SQLite database `staff.sqlite` in the state folder `dir`.
    pub async fn open_in(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::Address(dir.display().to_string(), format!("cannot create it: {e}"))
        })?;
        let file = dir.join(SQLITE_FILE);
        let store = Store::open(&sqlite_url(&file)?).await?;
        // Accounts' hashes and sessions: the service's alone, whatever the
        // umask of whoever made the file.
        for name in [SQLITE_FILE, "staff.sqlite-wal", "staff.sqlite-shm"] {
            let _ = private(&dir.join(name));
        }
        Ok(store)
    }

    /// The database at `url` (`sqlite://PATH?mode=rwc`), brought up to
    /// date with the migrations.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let options: AnyConnectOptions = url
            .parse()
            .map_err(|e: sqlx::Error| StoreError::Address(url.to_string(), e.to_string()))?;
        let sqlite = url.starts_with("sqlite:");
        let pool = AnyPoolOptions::new()
            // SQLite writes one at a time whatever the pool; a few
            // connections let reads go on meanwhile.
            .max_connections(if sqlite { 4 } else { 8 })
            .connect_with(options)
            .await?;
        if sqlite {
            // Readers do not wait for a writer, and a crash loses nothing
            // committed. Kept in the file: set once.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        let migrator = Migrator::new(Compiled).await?;
        migrator.run(&pool).await?;
        Ok(Store { pool })
    }

    /// The pool, for the tables' modules.
    fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Removes what has expired (sessions, links, throttles) and audit
    /// entries older than `keep_audit`; how many audit entries went.
    pub async fn prune(&self, keep_audit: Duration) -> Result<u64, StoreError> {
        let now = now();
        sessions::prune(self, now).await?;
        throttles::prune(self, now).await?;
        accounts::prune_links(self, now).await?;
        let before_ms = now_ms() - i64::try_from(keep_audit.as_millis()).unwrap_or(i64::MAX / 2);
        audit::prune(self, before_ms).await
    }
}

/// Makes the file at `path` readable and writable by its owner only.
#[cfg(unix)]
fn private(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn private(_: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Seconds since 1970 (UTC).
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Milliseconds since 1970 (UTC).
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests;
