//! Database handle for both backends, connection set-up and migrations.
//!
//! One query text serves SQLite and PostgreSQL (`$1` placeholders, portable types); the
//! [`on_db!`] macro expands a body once per backend so each runs on its native driver.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Executor, PgPool, SqlitePool};

use crate::model::TenantId;

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

/// Runs `$body` with `$pool` bound to the backend's read or write pool, on behalf of
/// `$scope` (a [`TenantId`](crate::model::TenantId) or [`Scope::System`]):
/// `on_db!(db, read, tenant, |pool| sqlx::query(…).fetch_all(pool).await)`.
///
/// On PostgreSQL `$pool` is a connection on which the scope has been set first, so that
/// row-level security shows the statement only the tenant's rows (see [`Scope`]); the
/// enclosing function must return a `Result` whose error converts from `sqlx::Error`.
#[macro_export]
macro_rules! on_db {
    ($db:expr, read, $scope:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite { read: $pool, .. } => $body,
            $crate::db::Db::Postgres(pg) => {
                let mut scoped = $crate::db::scoped(pg, $crate::db::Scope::from($scope)).await?;
                let $pool = &mut *scoped;
                $body
            }
        }
    };
    ($db:expr, write, $scope:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite { write: $pool, .. } => $body,
            $crate::db::Db::Postgres(pg) => {
                let mut scoped = $crate::db::scoped(pg, $crate::db::Scope::from($scope)).await?;
                let $pool = &mut *scoped;
                $body
            }
        }
    };
}

/// Whose rows a statement may see on PostgreSQL, where row-level security enforces it
/// (`migrations/postgres/0012_row_level_security.sql`): one tenant's, or, for the
/// platform's own work (claiming jobs across tenants, finding the tenant of a host), the
/// system scope, which the policies let through only on the jobs table. A connection
/// with no scope set sees no tenant rows at all. SQLite runs in one process with no
/// other database users, so there the scope is only the store's own tenant filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Tenant(TenantId),
    System,
}

impl From<TenantId> for Scope {
    fn from(t: TenantId) -> Scope {
        Scope::Tenant(t)
    }
}

impl Scope {
    fn settings(self) -> (String, &'static str) {
        match self {
            Scope::Tenant(t) => (t.0.to_string(), ""),
            Scope::System => (String::new(), "on"),
        }
    }
}

/// `set_config(…, is_local)`: the scope for the session (pool reads) or the transaction.
const SET_SCOPE: &str =
    "SELECT set_config('app.tenant_id', $1, $3), set_config('app.system', $2, $3)";

async fn set_scope(
    conn: &mut sqlx::PgConnection,
    scope: Scope,
    local: bool,
) -> Result<(), sqlx::Error> {
    let (tenant, system) = scope.settings();
    sqlx::query(SET_SCOPE)
        .bind(tenant)
        .bind(system)
        .bind(local)
        .execute(conn)
        .await
        .map(|_| ())
}

/// A pooled PostgreSQL connection with `scope` set for its session. The pool clears the
/// scope again when the connection comes back (see [`Db::connect`]), so an idle
/// connection belongs to nobody. Used by [`on_db!`]; call that instead.
pub async fn scoped(
    pool: &PgPool,
    scope: Scope,
) -> Result<sqlx::pool::PoolConnection<sqlx::Postgres>, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    set_scope(&mut conn, scope, false).await?;
    Ok(conn)
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
                // A connection returned to the pool forgets whose it was.
                .after_release(|conn, _| {
                    Box::pin(async move {
                        conn.execute(
                            "SELECT set_config('app.tenant_id', '', false), \
                             set_config('app.system', '', false)",
                        )
                        .await?;
                        Ok(true)
                    })
                })
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
        match self {
            Db::Sqlite { read, .. } => read.execute("SELECT 1").await.map(|_| ()),
            Db::Postgres(pool) => pool.execute("SELECT 1").await.map(|_| ()),
        }
    }

    /// On PostgreSQL, gives `role` (the application's login, see
    /// `docs/ARCHITECTURE.md#row-level-security`) what it needs and nothing more: read
    /// and write rows of the tables and use their sequences; no DDL, and not the
    /// migration ledger. Run as the owner, after [`Db::migrate`]. A no-op on SQLite.
    pub async fn grant_to(&self, role: &str) -> Result<(), sqlx::Error> {
        let Db::Postgres(pool) = self else {
            return Ok(());
        };
        let role = quote_ident(role);
        // Replicas starting together would grant at once, and concurrent GRANTs on one
        // object can fail ("tuple concurrently updated"): one at a time, on one
        // connection, under an advisory lock of our own.
        let mut conn = pool.acquire().await?;
        conn.execute("SELECT pg_advisory_lock(7362001)").await?;
        let mut sql = String::from("REVOKE CREATE ON SCHEMA public FROM PUBLIC; ");
        for schema in ["public", "tower_sessions"] {
            sql.push_str(&format!(
                "GRANT USAGE ON SCHEMA {schema} TO {role}; \
                 GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}; \
                 GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}; "
            ));
        }
        sql.push_str(&format!("REVOKE ALL ON _sqlx_migrations FROM {role}"));
        let granted = conn.execute(sql.as_str()).await;
        conn.execute("SELECT pg_advisory_unlock(7362001)").await?;
        granted.map(|_| ())
    }

    /// On PostgreSQL, why this connection's role must not serve tenants: it is a
    /// superuser or has `BYPASSRLS`, so row-level security would not apply to it.
    /// `None` when it is fit (always on SQLite).
    pub async fn rls_bypass(&self) -> Result<Option<String>, sqlx::Error> {
        let Db::Postgres(pool) = self else {
            return Ok(None);
        };
        let (name, sup, bypass): (String, bool, bool) = sqlx::query_as(
            "SELECT rolname::text, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user",
        )
        .fetch_one(pool)
        .await?;
        Ok((sup || bypass).then(|| {
            format!(
                "the database role `{name}` is a {} and would see every tenant's rows past \
                 row-level security; connect as the application role and give the owner's \
                 URL in SHELFWISE_DATABASE_OWNER_URL for migrations \
                 (docs/ARCHITECTURE.md#row-level-security)",
                if sup { "superuser" } else { "BYPASSRLS role" }
            )
        }))
    }

    /// On PostgreSQL, whether this connection's role owns (or may act as the owner of) a
    /// table of the schema: it could then lift row-level security itself, so it should
    /// not be the role that serves requests.
    pub async fn owns_tables(&self) -> Result<bool, sqlx::Error> {
        let Db::Postgres(pool) = self else {
            return Ok(false);
        };
        sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace \
             AND relkind = 'r' AND pg_has_role(current_user, relowner, 'USAGE'))",
        )
        .fetch_one(pool)
        .await
    }

    /// The role this connection logs in as (PostgreSQL), for [`Db::grant_to`].
    pub async fn current_role(&self) -> Result<Option<String>, sqlx::Error> {
        match self {
            Db::Sqlite { .. } => Ok(None),
            Db::Postgres(pool) => sqlx::query_scalar("SELECT current_user::text")
                .fetch_one(pool)
                .await
                .map(Some),
        }
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
///
/// The transaction also carries the audit entries appended in it (see
/// `store::audit::append_audit_tx`): the tenant's chain head is read and locked once,
/// the entries are written together when the transaction commits or changes scope.
/// Commit and scope changes are in `store::tx`.
pub struct Tx {
    pub(crate) conn: TxConn,
    /// Whose rows the transaction works on (set at `begin`, changed by `set_scope`).
    pub(crate) scope: Scope,
    pub(crate) audit: AuditBuffer,
}

/// The transaction's connection on its native driver.
pub enum TxConn {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Audit entries appended in a transaction and not yet written, with the chain heads
/// the transaction has locked: `(tenant, seq, hash)` of each tenant's newest entry.
#[derive(Default)]
pub(crate) struct AuditBuffer {
    pub(crate) heads: Vec<(i64, i64, String)>,
    pub(crate) pending: Vec<crate::audit::AuditRecord>,
}

/// Runs `$body` with `$conn` bound to the transaction's connection on its native driver:
/// `on_tx!(tx, |c| sqlx::query(…).execute(c).await)`. The body is written once and
/// compiled for both backends, like [`on_db!`].
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match &mut ($tx).conn {
            $crate::db::TxConn::Sqlite(t) => {
                let $conn = &mut **t;
                $body
            }
            $crate::db::TxConn::Postgres(t) => {
                let $conn = &mut **t;
                $body
            }
        }
    };
}

/// `"name"` with inner quotes doubled: a safe SQL identifier for any role name.
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Tx {
    fn new(conn: TxConn, scope: Scope) -> Tx {
        Tx {
            conn,
            scope,
            audit: AuditBuffer::default(),
        }
    }

    /// Sets the scope for the rest of the transaction (PostgreSQL: `SET LOCAL`), with
    /// nothing written first: call `Tx::set_scope`, which writes the pending audit
    /// entries under the scope they were made in.
    pub(crate) async fn set_scope_now(&mut self, scope: Scope) -> Result<(), sqlx::Error> {
        self.scope = scope;
        match &mut self.conn {
            TxConn::Sqlite(_) => Ok(()),
            TxConn::Postgres(t) => set_scope(t, scope, true).await,
        }
    }

    /// `" FOR UPDATE"` on PostgreSQL, nothing on SQLite (whose one writer already holds
    /// the lock): append to a SELECT whose rows the transaction will change.
    pub fn lock(&self) -> &'static str {
        match self.conn {
            TxConn::Sqlite(_) => "",
            TxConn::Postgres(_) => " FOR UPDATE",
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.conn, TxConn::Postgres(_))
    }

    /// Commits what has been written; `Tx::commit` writes the pending audit entries first.
    pub(crate) async fn commit_now(self) -> Result<(), sqlx::Error> {
        match self.conn {
            TxConn::Sqlite(t) => t.commit().await,
            TxConn::Postgres(t) => t.commit().await,
        }
    }
}

impl Db {
    /// Opens a write transaction (see [`Tx`]) on behalf of `scope`: on PostgreSQL the
    /// scope is set with `SET LOCAL` semantics before anything else runs in it.
    pub async fn begin_write(&self, scope: impl Into<Scope>) -> Result<Tx, sqlx::Error> {
        let scope = scope.into();
        Ok(match self {
            Db::Sqlite { write, .. } => Tx::new(
                TxConn::Sqlite(write.begin_with("BEGIN IMMEDIATE").await?),
                scope,
            ),
            Db::Postgres(pool) => {
                // `BEGIN` and the scope in one round trip (a simple query, so the values
                // are written into it: a number and a fixed word, never outside input).
                let (tenant, system) = scope.settings();
                debug_assert!(tenant.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
                let begin = format!(
                    "BEGIN; SELECT set_config('app.tenant_id', '{tenant}', true), \
                     set_config('app.system', '{system}', true)"
                );
                Tx::new(TxConn::Postgres(pool.begin_with(begin).await?), scope)
            }
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
