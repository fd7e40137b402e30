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
/// The portal's pages, read from its route tables.
#[cfg(feature = "app")]
pub mod routes;
/// A scripted local SMTP server.
pub mod smtp;

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

/// The roles every PostgreSQL test database is used with, as in production: migrations
/// run as the owner, the store connects as the application role, which row-level
/// security binds (see `scripts/postgres-roles.sql`).
pub const PG_OWNER_ROLE: &str = "shelfwise_owner";
pub const PG_APP_ROLE: &str = "shelfwise_app";

/// `url` with its user replaced by `user` and its database by `db`.
pub fn pg_url_as(url: &str, user: &str, db: &str) -> String {
    let scheme_end = url.find("://").map_or(0, |i| i + 3);
    let rest = &url[scheme_end..];
    let host = rest.rfind('@').map_or(rest, |at| &rest[at + 1..]);
    let host = host.split('/').next().unwrap_or(host);
    format!("{}{user}@{host}/{db}", &url[..scheme_end])
}

/// Creates database `name` as production has it: the two roles (idempotently), the
/// database owned by the owner role, migrated as the owner and granted to the
/// application role. Returns the application role's URL. `admin` must be a superuser's.
pub async fn pg_database(admin: &str, name: &str) -> String {
    create_pg_database(admin, name).await;
    let owner = Db::connect(&pg_url_as(admin, PG_OWNER_ROLE, name))
        .await
        .expect("connecting as the owner");
    owner.migrate().await.expect("migrating as the owner");
    owner
        .grant_to(PG_APP_ROLE)
        .await
        .expect("granting the application role");
    owner.close().await;
    pg_url_as(admin, PG_APP_ROLE, name)
}

/// Creates the two roles (idempotently) and the empty database `name`, owned by the
/// owner role (one left by an earlier run of the same name is dropped first).
async fn create_pg_database(admin: &str, name: &str) {
    let Ok(Db::Postgres(pool)) = Db::connect(admin).await else {
        panic!("PostgreSQL must be reachable at {admin}");
    };
    sqlx::raw_sql(include_str!("../../../scripts/postgres-roles.sql"))
        .execute(&pool)
        .await
        .expect("creating the owner and application roles");
    for sql in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name} OWNER {PG_OWNER_ROLE}"),
    ] {
        sqlx::query(&sql)
            .execute(&pool)
            .await
            .expect("creating the database");
    }
    pool.close().await;
}

/// Drops PostgreSQL database `name`, best effort, on a thread of its own (a drop may
/// run inside a runtime): a leftover test database is harmless.
fn drop_pg_database(name: String) {
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

/// An empty PostgreSQL database owned by the owner role and not yet migrated, for a
/// test that migrates it itself; dropped with the guard, also when the test fails.
pub struct ScratchPgDatabase(String);

impl ScratchPgDatabase {
    /// Creates database `name` on the server `admin` (a superuser's URL) points at.
    pub async fn create(admin: &str, name: &str) -> ScratchPgDatabase {
        create_pg_database(admin, name).await;
        ScratchPgDatabase(name.to_string())
    }
}

impl Drop for ScratchPgDatabase {
    fn drop(&mut self) {
        drop_pg_database(std::mem::take(&mut self.0));
    }
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
                let name = format!("shelfwise_t_{}", unique_suffix());
                pg_database(&admin, &name).await;
                (pg_url_as(&admin, PG_APP_ROLE, &name), Some(name))
            }
        };
        let db = Db::connect(&url)
            .await
            .expect("connecting the test database");
        if pg_name.is_none() {
            db.migrate().await.expect("migrating the test database");
        }
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

    /// The database's URL (PostgreSQL: as the application role), for a process
    /// started by the test.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// PostgreSQL: the URL of the database's owner, for `database_owner_url`.
    pub fn owner_url(&self) -> Option<String> {
        self.pg_name
            .as_ref()
            .map(|name| pg_url_as(&pg_admin_url(), PG_OWNER_ROLE, name))
    }

    /// A folder that lives as long as the database (mailboxes, files).
    pub fn dir(&self) -> &std::path::Path {
        self._dir.path()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(name) = self.pg_name.take() {
            drop_pg_database(name);
        }
    }
}

/// Runs the replenishment worker until no job is due (at most 50 laps).
pub async fn drain(store: &Store) {
    let worker = engine::replenish::worker(store.clone(), "test");
    for _ in 0..50 {
        let lap = worker.run_once(engine::model::now_ms()).await.unwrap();
        if lap.completed + lap.retried + lap.discarded == 0 {
            return;
        }
    }
    panic!("the queue did not drain");
}

/// A tenant seeded from a tenant file's text whose slug is `"acme"`, under `slug` (so
/// one test can seed the same tenant twice, as another tenant).
pub async fn seed_as(store: &Store, toml: &str, slug: &str) -> engine::model::TenantId {
    let text = toml.replace("\"acme\"", &format!("\"{slug}\""));
    let file = engine::seed::TenantFile::parse(&text, std::path::Path::new("acme.toml")).unwrap();
    engine::seed::seed_tenant(store, &file)
        .await
        .unwrap()
        .tenant
}

/// The member signed in as `email` at tenant `t`.
pub async fn member(
    store: &Store,
    t: engine::model::TenantId,
    email: &str,
) -> engine::model::Member {
    store.login_record(t, email).await.unwrap().unwrap().member
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
