//! Database handle for both backends, connection set-up and migrations.
//!
//! One query text serves SQLite and PostgreSQL (`$1` placeholders, portable types); the
//! [`on_db!`] macro expands a body once per backend so each runs on its native driver.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

/// Which database engine a [`Db`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A pool per backend. SQLite gets one writer connection (writes are serialised by SQLite
/// anyway; one writer avoids `database is locked`) and several readers, thanks to WAL.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite { read: SqlitePool, write: SqlitePool },
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the backend's read or write pool:
/// `on_db!(db, read, |pool| sqlx::query(…).fetch_all(pool).await)`.
#[macro_export]
macro_rules! on_db {
    ($db:expr, read, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite { read: $pool, .. } => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
    ($db:expr, write, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite { write: $pool, .. } => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

impl Db {
    /// Connects to `url`: `postgres://…` selects PostgreSQL, `sqlite:…` SQLite. Anything
    /// else is an error, never a new empty database at a path that was meant as a URL.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        if !(url.starts_with("postgres://")
            || url.starts_with("postgresql://")
            || url.starts_with("sqlite:"))
        {
            return Err(sqlx::Error::Configuration(
                "the database URL must start with postgres:// or sqlite: (e.g. sqlite://data/shelfwise.db)"
                    .into(),
            ));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await?;
            return Ok(Db::Postgres(pool));
        }
        let url = url.to_string();
        let opts = SqliteConnectOptions::from_str(&url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("cache_size", "-32000")
            .pragma("temp_store", "memory");
        if let Some(parent) = opts.get_filename().parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent).map_err(sqlx::Error::Io)?;
            }
        }
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(opts.clone())
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(opts)
            .await?;
        Ok(Db::Sqlite { read, write })
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite { .. } => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies the pending migrations of this backend's set.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self {
            Db::Sqlite { write, .. } => sqlx::migrate!("../migrations/sqlite").run(write).await,
            Db::Postgres(pool) => sqlx::migrate!("../migrations/postgres").run(pool).await,
        }
    }

    /// Cheap round trip used by readiness checks.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        on_db!(self, read, |pool| sqlx::query("SELECT 1")
            .execute(pool)
            .await
            .map(|_| ()))
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { read, write } => {
                read.close().await;
                write.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

/// An open write transaction on either backend. SQLite's takes the write lock up front
/// (`BEGIN IMMEDIATE`), so a transaction that reads then writes never fails half-way
/// with `database is locked`; PostgreSQL's locks rows as its statements ask.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Runs `$body` with `$conn` bound to the transaction's connection on its native driver:
/// `on_tx!(tx, |c| sqlx::query(…).execute(c).await)`. The body is written once and
/// compiled for both backends, like [`on_db!`].
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(t) => {
                let $conn = &mut **t;
                $body
            }
            $crate::db::Tx::Postgres(t) => {
                let $conn = &mut **t;
                $body
            }
        }
    };
}

impl Tx {
    /// `" FOR UPDATE"` on PostgreSQL, nothing on SQLite (whose one writer already holds
    /// the lock): append to a SELECT whose rows the transaction will change.
    pub fn lock(&self) -> &'static str {
        match self {
            Tx::Sqlite(_) => "",
            Tx::Postgres(_) => " FOR UPDATE",
        }
    }

    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(t) => t.commit().await,
            Tx::Postgres(t) => t.commit().await,
        }
    }
}

impl Db {
    /// Opens a write transaction (see [`Tx`]).
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Db::Sqlite { write, .. } => Tx::Sqlite(write.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn a_url_that_names_no_database_kind_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("meant-as-a-url.db");
        for url in [
            path.display().to_string(),
            "postgress://x/y".to_string(),
            String::new(),
        ] {
            let e = super::Db::connect(&url).await.expect_err(&url);
            assert!(e.to_string().contains("postgres:// or sqlite:"), "{e}");
        }
        assert!(!path.exists(), "no empty database was created");
    }
}
