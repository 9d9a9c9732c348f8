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
//!
//! Beside the database, in the state folder, `staff.key`: 32 random bytes
//! made at the first start (the service's alone, 0600), the key of the
//! keyed hash ([`Store::keyed`]) a sign-in name that is no account's is
//! kept as. Kept out of the database, so that a copy of the database
//! alone cannot be searched for passwords typed in the name box.

mod accounts;
mod audit;
mod feedback;
mod records;
mod sessions;
mod throttles;

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures_util::future::BoxFuture;
use hmac::{Hmac, Mac as _};
use sha2::Sha256;
use sqlx::AnyPool;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};

pub use accounts::{Account, NewAccount};
pub use audit::AuditEntry;
pub use feedback::{NewReport, Report};
pub use records::{Draft, DraftKind, VersionNote};
pub use sessions::Session;
pub use throttles::{Counting, Throttle};

/// The file name of the SQLite database in the state folder.
pub const SQLITE_FILE: &str = "staff.sqlite";

/// The file name of the key of [`Store::keyed`] in the state folder.
pub const KEY_FILE: &str = "staff.key";

/// The migrations, in order: (version, description, SQL).
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "staff", include_str!("migrations/0001_staff.sql")),
    (2, "revision", include_str!("migrations/0002_revision.sql")),
    (3, "feedback", include_str!("migrations/0003_feedback.sql")),
];

/// The database, shared by every request (a pool of connections).
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    /// The key of [`Store::keyed`].
    key: Arc<[u8; 32]>,
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
    /// The key file cannot be read or made.
    #[error("the staff area's key {0:?}: {1}")]
    Key(String, String),
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
        let key = key_in(dir)?;
        let mut store = Store::open(&sqlite_url(&file)?).await?;
        store.key = Arc::new(key);
        // Accounts' hashes and sessions: the service's alone, whatever the
        // umask of whoever made the file.
        for name in [
            SQLITE_FILE,
            "staff.sqlite-wal",
            "staff.sqlite-shm",
            KEY_FILE,
        ] {
            let _ = private(&dir.join(name));
        }
        Ok(store)
    }

    /// The database at `url` (`sqlite://PATH?mode=rwc`), brought up to
    /// date with the migrations; its [`Store::keyed`] key is a new random
    /// one, for the life of the value ([`Store::open_in`] keeps one).
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
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).expect("the system's random numbers");
        Ok(Store {
            pool,
            key: Arc::new(key),
        })
    }

    /// The keyed hash (HMAC-SHA256, hex) of `text`, with the key of the
    /// state folder: how a sign-in name that is no account's is kept.
    pub fn keyed(&self, text: &str) -> String {
        let mut mac = <Hmac<Sha256>>::new_from_slice(&self.key[..]).expect("any key length");
        mac.update(text.as_bytes());
        crate::charter::hex(&mac.finalize().into_bytes())
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

/// The key in `dir`'s [`KEY_FILE`], made (32 random bytes, 0600) when
/// missing. Made under another name and linked into place, so that two
/// servers starting at once agree on one key and none reads half a file.
fn key_in(dir: &Path) -> Result<[u8; 32], StoreError> {
    let path = dir.join(KEY_FILE);
    let failed = |e: std::io::Error| StoreError::Key(path.display().to_string(), e.to_string());
    if !path.exists() {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).expect("the system's random numbers");
        let fresh = dir.join(format!("{KEY_FILE}.{}", std::process::id()));
        write_private(&fresh, &key).map_err(failed)?;
        let linked = std::fs::hard_link(&fresh, &path);
        let _ = std::fs::remove_file(&fresh);
        match linked {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(failed(e)),
        }
    }
    let bytes = std::fs::read(&path).map_err(failed)?;
    bytes.try_into().map_err(|_| {
        StoreError::Key(
            path.display().to_string(),
            "it is not 32 bytes long; move it away to make a new one".to_string(),
        )
    })
}

/// Writes `bytes` to a new file at `path`, readable by its owner only.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
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
