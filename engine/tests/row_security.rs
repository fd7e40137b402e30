//! Row-level security on PostgreSQL (migration 0012): the database itself keeps tenants
//! apart, so a query that forgets its tenant filter still returns nothing of another
//! tenant. These tests run as the application role, as the server does.

use std::path::Path;

use engine::db::{scoped, Scope};
use engine::model::TenantId;
use engine::seed::{seed_tenant, TenantFile};
use engine::sqlx::{self, Connection as _, PgPool};
use engine::{Db, Store};
use test_support::TestDb;

fn tenant_file(slug: &str) -> String {
    format!(
        r#"
slug = "{slug}"
name = "{slug} Foods"
theme = "{slug}"
domains = ["{slug}.example"]
[[locations]]
code = "S1"
name = "{slug} store"
kind = "store"
region = "north"
[[products]]
sku = "MILK-1L"
name = "{slug} milk"
class = "dairy"
cost_minor = 70
price_minor = 119
[[users]]
email = "boss@{slug}.test"
name = "Boss"
password = "boss-pass-123"
roles = ["tenant_admin"]
"#
    )
}

async fn seed(store: &Store, slug: &str) -> TenantId {
    let file = TenantFile::parse(&tenant_file(slug), Path::new("t.toml")).unwrap();
    seed_tenant(store, &file).await.unwrap().tenant
}

fn pool(store: &Store) -> &PgPool {
    match store.db() {
        Db::Postgres(pool) => pool,
        Db::Sqlite { .. } => unreachable!("row-level security is PostgreSQL's"),
    }
}

/// Tenant ids in `table`, read with no tenant filter at all, as `scope` sees them.
async fn visible(store: &Store, scope: Scope, table: &str) -> Vec<i64> {
    let mut conn = scoped(pool(store), scope).await.unwrap();
    sqlx::query_scalar::<_, i64>(&format!(
        "SELECT DISTINCT tenant_id FROM {table} ORDER BY 1"
    ))
    .fetch_all(&mut *conn)
    .await
    .unwrap()
}

#[tokio::test]
async fn every_table_with_a_tenant_column_has_a_forced_policy() {
    let t = TestDb::postgres().await;
    // A policy counts when it holds rows to the scoped tenant (for every command);
    // `USING (true)` alone would not.
    let rows: Vec<(String, bool, bool, i64)> = sqlx::query_as(
        "SELECT c.relname::text, c.relrowsecurity, c.relforcerowsecurity, \
                (SELECT COUNT(*) FROM pg_policies p \
                  WHERE p.schemaname = n.nspname AND p.tablename = c.relname \
                    AND p.cmd = 'ALL' AND p.qual LIKE '%shelfwise_tenant()%' \
                    AND p.with_check LIKE '%shelfwise_tenant()%') \
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
          WHERE c.relkind = 'r' AND EXISTS (SELECT 1 FROM pg_attribute a \
                WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) \
          ORDER BY 1",
    )
    .fetch_all(pool(&t.store))
    .await
    .unwrap();
    assert!(rows.len() >= 20, "the tenant tables were found: {rows:?}");
    let unguarded: Vec<&str> = rows
        .iter()
        .filter(|(_, on, forced, policies)| !(*on && *forced && *policies > 0))
        .map(|(name, ..)| name.as_str())
        .collect();
    assert!(
        unguarded.is_empty(),
        "tables with a tenant_id but no forced row-level security policy: {unguarded:?}"
    );
}

#[tokio::test]
async fn a_query_without_its_tenant_filter_sees_only_its_own_tenant() {
    let t = TestDb::postgres().await;
    let store = &t.store;
    assert_eq!(
        store.db().rls_bypass().await.unwrap(),
        None,
        "the tests run as a role that row-level security binds"
    );
    let a = seed(store, "alpha").await;
    let b = seed(store, "bravo").await;
    for table in ["locations", "products", "memberships", "stock_positions"] {
        assert_eq!(
            visible(store, a.into(), table).await,
            [a.0],
            "{table} as alpha"
        );
        assert_eq!(
            visible(store, b.into(), table).await,
            [b.0],
            "{table} as bravo"
        );
        assert!(
            visible(store, Scope::System, table).await.is_empty(),
            "{table}: the system scope reads no tenant's business rows"
        );
    }
    // A connection nobody scoped sees nothing.
    let mut bare = pool(store).acquire().await.unwrap();
    sqlx::query("SELECT set_config('app.tenant_id', '', false)")
        .execute(&mut *bare)
        .await
        .unwrap();
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM locations")
        .fetch_one(&mut *bare)
        .await
        .unwrap();
    assert_eq!(n, 0, "an unscoped connection sees no tenant rows");
    drop(bare);
    // The host lookup works before the tenant is known; the jobs queue is the system's.
    assert_eq!(
        store
            .tenant_by_domain("bravo.example")
            .await
            .unwrap()
            .map(|t| t.id),
        Some(b)
    );
}

/// A connection given back to the pool forgets whose it was: the next user of the same
/// connection starts with no tenant.
#[tokio::test]
async fn a_pooled_connection_forgets_its_tenant_when_returned() {
    let t = TestDb::postgres().await;
    let a = seed(&t.store, "alpha").await;
    // A pool of its own, so the connection handed back is the one taken again.
    let db = Db::connect(t.url()).await.unwrap();
    let Db::Postgres(pool) = &db else {
        unreachable!()
    };
    let mut conn = scoped(pool, a.into()).await.unwrap();
    let pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    let seen: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM locations")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(seen, 1, "scoped, it sees its tenant's rows");
    drop(conn);
    let mut checked = false;
    for _ in 0..50 {
        let mut again = pool.acquire().await.unwrap();
        let (p, tenant): (i32, Option<String>) =
            sqlx::query_as("SELECT pg_backend_pid(), current_setting('app.tenant_id', true)")
                .fetch_one(&mut *again)
                .await
                .unwrap();
        if p == pid {
            assert_eq!(tenant.as_deref().unwrap_or(""), "", "the scope was cleared");
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM locations")
                .fetch_one(&mut *again)
                .await
                .unwrap();
            assert_eq!(n, 0);
            checked = true;
            break;
        }
        drop(again);
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(checked, "the same connection came back from the pool");
    db.close().await;
}

#[tokio::test]
async fn a_tenant_cannot_write_rows_for_another_or_switch_the_guard_off() {
    let t = TestDb::postgres().await;
    let store = &t.store;
    let a = seed(store, "alpha").await;
    let b = seed(store, "bravo").await;
    let mut conn = scoped(pool(store), a.into()).await.unwrap();
    let forged = sqlx::query(
        "INSERT INTO locations (tenant_id, code, name, kind, region) \
         VALUES ($1, 'X', 'forged', 'store', 'north')",
    )
    .bind(b.0)
    .execute(&mut *conn)
    .await;
    assert!(
        forged.is_err_and(|e| e.to_string().contains("row-level security")),
        "writing another tenant's row is refused"
    );
    let moved = sqlx::query("UPDATE locations SET tenant_id = $1")
        .bind(b.0)
        .execute(&mut *conn)
        .await;
    assert!(
        moved.is_err(),
        "moving own rows to another tenant is refused"
    );
    let renamed = sqlx::query("UPDATE products SET name = 'renamed'")
        .execute(&mut *conn)
        .await
        .unwrap();
    assert_eq!(
        renamed.rows_affected(),
        1,
        "a careless update reaches only own rows"
    );
    drop(conn);
    let mut conn = scoped(pool(store), b.into()).await.unwrap();
    let name: String = sqlx::query_scalar("SELECT name FROM products")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(name, "bravo milk");
    drop(conn);

    // The application role owns nothing, so it cannot lift the guard.
    let mut conn = scoped(pool(store), a.into()).await.unwrap();
    for ddl in [
        "ALTER TABLE locations DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE locations NO FORCE ROW LEVEL SECURITY",
        "DROP POLICY tenant_isolation ON locations",
    ] {
        assert!(
            sqlx::query(ddl).execute(&mut *conn).await.is_err(),
            "{ddl} is refused to the application role"
        );
    }
    // A transaction's own scope ends with it (SET LOCAL). Row-level security guards
    // against a forgotten tenant filter, not against SQL injection: the application role
    // can set its scope, so injected SQL could too (see docs/ARCHITECTURE.md).
    let mut tx = conn.begin().await.unwrap();
    sqlx::query("SELECT set_config('app.tenant_id', $1, true)")
        .bind(b.0.to_string())
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.rollback().await.unwrap();
    let seen: Vec<i64> = sqlx::query_scalar("SELECT DISTINCT tenant_id FROM locations")
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    assert_eq!(seen, [a.0]);
}
