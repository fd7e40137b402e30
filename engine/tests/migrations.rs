//! Migrations that rebuild tables keep what was in them. SQLite cannot change a CHECK
//! constraint in place, so 0014 rebuilds `purchase_orders` together with `po_lines`
//! (the one table that references it then), and 0023 together with every table that
//! references it by then: here databases at 0013 and at 0022, with an order and what
//! hangs off it, are migrated to the latest version, and it is all still there, still
//! linked. Migrations that repair data repair only what they name.

use engine::sqlx::{self, SqlitePool};

async fn exec(pool: &SqlitePool, sql: &str) {
    sqlx::query(sql).execute(pool).await.unwrap();
}

/// A fresh SQLite database migrated up to `version` (its directory lives as long as
/// the returned guard).
async fn at_version(version: i64) -> (tempfile::TempDir, SqlitePool) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("m.db").display());
    let pool = SqlitePool::connect(&url).await.unwrap();
    exec(&pool, "PRAGMA foreign_keys = ON").await;
    let mut before = sqlx::migrate!("../migrations/sqlite");
    before.migrations = std::borrow::Cow::Owned(
        before
            .migrations
            .iter()
            .filter(|m| m.version <= version)
            .cloned()
            .collect(),
    );
    before.run(&pool).await.unwrap();
    (dir, pool)
}

/// Runs the migrations the database lacks.
async fn latest(pool: &SqlitePool) {
    sqlx::migrate!("../migrations/sqlite")
        .run(pool)
        .await
        .unwrap();
}

#[tokio::test]
async fn rebuilding_the_order_tables_on_sqlite_keeps_orders_and_lines() {
    let (_dir, pool) = at_version(13).await;
    for sql in [
        "INSERT INTO tenants (id, slug, name, theme, created_at) VALUES (1, 'a', 'A', 'x', 0)",
        "INSERT INTO suppliers VALUES (1, 1, 'S', 'S', 's@x.example', 2)",
        "INSERT INTO locations (id, tenant_id, code, name, kind, region) VALUES (1, 1, 'L', 'L', 'store', 'n')",
        "INSERT INTO products (id, tenant_id, sku, name, class, cost_minor, price_minor) VALUES (1, 1, 'P', 'P', 'c', 1, 2)",
        "INSERT INTO purchase_orders (id, tenant_id, supplier_id, ship_to_location_id, state, value_minor, \
         consolidation_key, window_closes_at, created_at, updated_at, sent_at) \
         VALUES (5, 1, 1, 1, 'sent', 12, 'k', 0, 0, 0, 7)",
        "INSERT INTO po_lines (id, tenant_id, po_id, product_id, quantity, unit_cost_minor, reason, snapshot) \
         VALUES (9, 1, 5, 1, 3, 4, 'why', '{}')",
    ] {
        exec(&pool, sql).await;
    }
    latest(&pool).await;
    let po: (i64, String, i64, Option<i64>, String) = sqlx::query_as(
        "SELECT id, state, value_minor, sent_at, supplier_note FROM purchase_orders",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(po, (5, "sent".into(), 12, Some(7), String::new()));
    let line: (i64, i64, String) = sqlx::query_as("SELECT id, po_id, reason FROM po_lines")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(line, (9, 5, "why".into()));
    let dangling: Vec<(String,)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(dangling.is_empty(), "{dangling:?}");
    // The new states are allowed, and deleting the order still takes its lines along.
    exec(&pool, "UPDATE purchase_orders SET state = 'acknowledged'").await;
    exec(&pool, "DELETE FROM purchase_orders").await;
    let lines: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM po_lines")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(lines, 0);
}

#[tokio::test]
async fn rebuilding_the_order_tables_again_keeps_promises_links_messages_and_files() {
    let (_dir, pool) = at_version(22).await;
    for sql in [
        "INSERT INTO tenants (id, slug, name, theme, created_at) VALUES (1, 'a', 'A', 'x', 0)",
        "INSERT INTO suppliers (id, tenant_id, code, name, email, lead_time_days) VALUES (1, 1, 'S', 'S', 's@x.example', 2)",
        "INSERT INTO locations (id, tenant_id, code, name, kind, region) VALUES (1, 1, 'L', 'L', 'store', 'n')",
        "INSERT INTO products (id, tenant_id, sku, name, class, cost_minor, price_minor) VALUES (1, 1, 'P', 'P', 'c', 1, 2)",
        "INSERT INTO purchase_orders (id, tenant_id, supplier_id, ship_to_location_id, state, value_minor, \
         consolidation_key, window_closes_at, created_at, updated_at, sent_at, promised_on, ack_due_at) \
         VALUES (5, 1, 1, 1, 'acknowledged', 12, 'k', 0, 0, 0, 7, 86400000, 99)",
        "INSERT INTO po_lines (id, tenant_id, po_id, product_id, quantity, unit_cost_minor, reason, snapshot) \
         VALUES (9, 1, 5, 1, 3, 4, 'why', '{}')",
        "INSERT INTO po_promises (id, tenant_id, po_id, promised_on, actor, recorded_at) VALUES (2, 1, 5, 86400000, 'x', 8)",
        "INSERT INTO po_links (id, tenant_id, po_id, expires_at, created_at) VALUES (3, 1, 5, 100, 7)",
        "INSERT INTO po_messages (id, tenant_id, po_id, from_supplier, actor, author, body, created_at) \
         VALUES (4, 1, 5, 1, 'x', 'X', 'hello', 9)",
        "INSERT INTO po_attachments (id, tenant_id, po_id, message_id, file_name, content_type, size_bytes, data, created_at) \
         VALUES (6, 1, 5, 4, 'a.txt', 'text/plain', 2, X'6869', 9)",
    ] {
        exec(&pool, sql).await;
    }
    latest(&pool).await;
    let counts: (i64, i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM purchase_orders WHERE ack_due_at = 99 AND promised_on = 86400000), \
         (SELECT COUNT(*) FROM po_lines WHERE po_id = 5 AND shipped = 0 AND received = 0), \
         (SELECT COUNT(*) FROM po_promises WHERE po_id = 5), (SELECT COUNT(*) FROM po_links WHERE po_id = 5), \
         (SELECT COUNT(*) FROM po_messages WHERE po_id = 5), \
         (SELECT COUNT(*) FROM po_attachments WHERE message_id = 4 AND data = X'6869')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(counts, (1, 1, 1, 1, 1, 1));
    let dangling: Vec<(String,)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(dangling.is_empty(), "{dangling:?}");
    // The new states are allowed; deleting the order still takes everything along.
    exec(
        &pool,
        "UPDATE purchase_orders SET state = 'change_proposed'",
    )
    .await;
    exec(
        &pool,
        "UPDATE purchase_orders SET state = 'partly_received'",
    )
    .await;
    exec(&pool, "DELETE FROM purchase_orders").await;
    let left: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM po_lines) + (SELECT COUNT(*) FROM po_promises) + \
         (SELECT COUNT(*) FROM po_links) + (SELECT COUNT(*) FROM po_messages) + \
         (SELECT COUNT(*) FROM po_attachments)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(left, 0);
}

/// A tenant at 0042 with on order left negative by a receipt event and a later cancel
/// (before on order was kept at zero or above), and a position with ordinary figures.
const NEGATIVE_ON_ORDER: [&str; 6] = [
    "INSERT INTO tenants (id, slug, name, theme, created_at) VALUES (1, 'a', 'A', 'x', 0)",
    "INSERT INTO locations (id, tenant_id, code, name, kind, region) VALUES (1, 1, 'L', 'L', 'store', 'n')",
    "INSERT INTO products (id, tenant_id, sku, name, class, cost_minor, price_minor) VALUES (1, 1, 'P', 'P', 'c', 1, 2)",
    "INSERT INTO products (id, tenant_id, sku, name, class, cost_minor, price_minor) VALUES (2, 1, 'Q', 'Q', 'c', 1, 2)",
    "INSERT INTO stock_positions (tenant_id, product_id, location_id, on_hand, in_transit, on_order, \
     reorder_point, order_up_to, updated_at) VALUES (1, 1, 1, 25, 0, -20, 10, 30, 0)",
    "INSERT INTO stock_positions (tenant_id, product_id, location_id, on_hand, in_transit, on_order, \
     reorder_point, order_up_to, updated_at) VALUES (1, 2, 1, -3, 4, 7, 10, 30, 0)",
];

const POSITIONS: &str = "SELECT product_id, on_hand, in_transit, on_order, low \
     FROM stock_positions ORDER BY product_id";

/// What 0043 leaves: 25 on hand stand above the reorder point of 10 once the -20 is
/// gone; the other position (8 in all, low) keeps its figures.
fn repaired() -> Vec<(i64, i64, i64, i64, bool)> {
    vec![(1, 25, 0, 0, false), (2, -3, 4, 7, true)]
}

/// 0043 repairs on order left negative; other figures are untouched.
#[tokio::test]
async fn negative_on_order_is_repaired_and_nothing_else_changes() {
    let (_dir, pool) = at_version(42).await;
    for sql in NEGATIVE_ON_ORDER {
        exec(&pool, sql).await;
    }
    latest(&pool).await;
    let rows: Vec<(i64, i64, i64, i64, bool)> =
        sqlx::query_as(POSITIONS).fetch_all(&pool).await.unwrap();
    assert_eq!(rows, repaired());
}

/// 0043 on PostgreSQL, migrated as the owner role that row-level security binds (FORCE),
/// as production runs it: the repair reaches every tenant's rows, and FORCE is back on.
#[tokio::test]
async fn negative_on_order_is_repaired_on_postgres_as_the_owner() {
    use engine::sqlx::postgres::{PgConnectOptions, PgPool};
    use test_support::{pg_admin_url, ScratchPgDatabase, PG_OWNER_ROLE};
    let admin_url = pg_admin_url();
    let admin: PgConnectOptions = admin_url.parse().unwrap();
    let name = format!("shelfwise_m43_{}", std::process::id());
    let _dropped_at_the_end = ScratchPgDatabase::create(&admin_url, &name).await;
    let as_owner = admin.clone().username(PG_OWNER_ROLE).database(&name);
    let owner = PgPool::connect_with(as_owner).await.unwrap();
    let mut before = sqlx::migrate!("../migrations/postgres");
    before.migrations = std::borrow::Cow::Owned(
        before
            .migrations
            .iter()
            .filter(|m| m.version <= 42)
            .cloned()
            .collect(),
    );
    before.run(&owner).await.unwrap();
    // The rows go in as the superuser, past row-level security.
    let superuser = PgPool::connect_with(admin.database(&name)).await.unwrap();
    for sql in NEGATIVE_ON_ORDER {
        sqlx::query(sql).execute(&superuser).await.unwrap();
    }
    sqlx::migrate!("../migrations/postgres")
        .run(&owner)
        .await
        .unwrap();
    let rows: Vec<(i64, i64, i64, i64, bool)> = sqlx::query_as(POSITIONS)
        .fetch_all(&superuser)
        .await
        .unwrap();
    let forced: bool = sqlx::query_scalar(
        "SELECT relforcerowsecurity FROM pg_class WHERE relname = 'stock_positions'",
    )
    .fetch_one(&superuser)
    .await
    .unwrap();
    owner.close().await;
    superuser.close().await;
    assert_eq!(rows, repaired());
    assert!(forced, "0043 left row-level security off for the owner");
}
