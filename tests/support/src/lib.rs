//! The one test harness for every crate's tests.
//!
//! - [`TestDb`]: a fresh database, a SQLite file in a temporary folder or a new
//!   PostgreSQL database (dropped afterwards) at `SHELFWISE_TEST_PG` (default
//!   `postgres://postgres@127.0.0.1:5432/postgres`), migrated.
//! - [`conformance!`] and [`on_both_backends!`]: one test per backend.
//! - `TestApp` (feature `app`): the real application on port 0 over a `TestDb`, with
//!   its workers off so a test drains jobs when it chooses (`run_pending_jobs`).
//! - `TEST_LOG=1` shows the application's logs in a test's output.
#![allow(clippy::print_stderr)]

#[cfg(feature = "app")]
mod app;
#[cfg(feature = "app")]
pub use app::*;
/// The real binary in a process of its own (crash and replica tests).
#[cfg(feature = "app")]
pub mod process;

use engine::{Db, Store};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh, migrated database for one test; removed when dropped.
pub struct TestDb {
    pub store: Store,
    url: String,
    _dir: tempfile::TempDir,
    pg_name: Option<String>,
}

/// The PostgreSQL server tests create their databases on.
pub fn pg_admin_url() -> String {
    std::env::var("SHELFWISE_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn unique_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{SystemTime, UNIX_EPOCH};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    format!(
        "{:x}{:x}{}",
        n,
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

impl TestDb {
    /// A fresh, migrated database on `backend`.
    pub async fn new(backend: Backend) -> TestDb {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (url, pg_name) = match backend {
            Backend::Sqlite => (
                format!("sqlite://{}", dir.path().join("test.db").display()),
                None,
            ),
            Backend::Postgres => {
                let admin = pg_admin_url();
                let Ok(Db::Postgres(pool)) = Db::connect(&admin).await else {
                    panic!("PostgreSQL must be reachable at SHELFWISE_TEST_PG ({admin})");
                };
                let name = format!("shelfwise_t_{}", unique_suffix());
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&pool)
                    .await
                    .expect("creating a test database");
                pool.close().await;
                let base = &admin[..admin.rfind('/').expect("a database URL")];
                (format!("{base}/{name}"), Some(name))
            }
        };
        let db = Db::connect(&url)
            .await
            .expect("connecting the test database");
        db.migrate().await.expect("migrating the test database");
        TestDb {
            store: Store::new(db),
            url,
            _dir: dir,
            pg_name,
        }
    }

    pub async fn sqlite() -> TestDb {
        TestDb::new(Backend::Sqlite).await
    }

    pub async fn postgres() -> TestDb {
        TestDb::new(Backend::Postgres).await
    }

    /// The database's URL, for a process started by the test.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A folder that lives as long as the database (mailboxes, files).
    pub fn dir(&self) -> &std::path::Path {
        self._dir.path()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(name) = self.pg_name.take() else {
            return;
        };
        // Best effort, on a thread of its own (drop may run inside a runtime): a
        // leftover test database is harmless.
        std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async {
                if let Ok(Db::Postgres(pool)) = Db::connect(&pg_admin_url()).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&pool)
                        .await;
                }
            });
        })
        .join()
        .ok();
    }
}

/// With `TEST_LOG=1`, the code under test logs to the test's output.
pub fn init_test_log() {
    if std::env::var("TEST_LOG").is_ok_and(|v| !v.is_empty() && v != "0") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_default_env()
                    .unwrap_or_else(|_| "info".into()),
            )
            .with_test_writer()
            .try_init();
    }
}

/// Declares one test per backend for an async body taking `&Store`.
#[macro_export]
macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite { $( #[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { $crate::init_test_log(); let t = $crate::TestDb::sqlite().await; super::$name(&t.store).await; } )* }
        mod postgres { $( #[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { $crate::init_test_log(); let t = $crate::TestDb::postgres().await; super::$name(&t.store).await; } )* }
    };
}

/// Declares one test per backend for an async fn taking a [`Backend`].
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite { $( #[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { $crate::init_test_log(); super::$name($crate::Backend::Sqlite).await } )* }
        mod postgres { $( #[tokio::test(flavor = "multi_thread", worker_threads = 2)] async fn $name() { $crate::init_test_log(); super::$name($crate::Backend::Postgres).await } )* }
    };
}
