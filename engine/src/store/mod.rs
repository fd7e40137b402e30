//! All SQL lives here, and only SQL: the store never decides what happens next (it
//! queues no jobs and raises no exceptions; the services in `engine` do). It depends on
//! `db` and `model` (and the plain data types it stores). Every method that touches
//! tenant data takes the tenant first and filters by it; per-backend SQL is confined to
//! the few places that need it. Functions ending in `_tx` run inside the caller's write
//! transaction, so a service composes a change, its audit entry and its jobs into one
//! commit; the `Store` methods read through the pool.

pub mod accounts;
pub(crate) mod alert_waves;
pub(crate) mod anomalies;
pub(crate) mod approval_steps;
pub mod assistant;
pub(crate) mod audit;
pub mod backtest_runs;
pub mod branding;
pub(crate) mod catalog;
pub mod dashboard;
pub(crate) mod delegations;
pub mod domains;
pub(crate) mod events;
pub(crate) mod exceptions;
pub mod forecasts;
mod idempotency;
pub(crate) mod identity;
pub mod imports;
mod inventory;
pub(crate) mod invitations;
pub(crate) mod jobs;
pub(crate) mod keys;
pub(crate) mod levels;
pub mod listing;
pub(crate) mod login_attempts;
pub(crate) mod messages;
pub(crate) mod needs;
pub(crate) mod outbox;
pub mod partners;
pub(crate) mod po_changes;
pub(crate) mod positions;
pub(crate) mod purchase_orders;
pub(crate) mod subscribers;
pub(crate) mod supplier_orders;
pub(crate) mod tenant_settings;
pub(crate) mod tenants;
pub(crate) mod transfers;
mod tx;
pub(crate) mod webhooks;

pub use approval_steps::StepRecord;
pub use catalog::{LocationRecord, ProductRecord, SupplierRecord};
pub use delegations::DelegationRecord;
pub use events::Applied;
pub use exceptions::{CommentRecord, ExceptionRecord, NewException, Ranking};
pub use identity::LoginRecord;
pub use inventory::{PositionSeed, LOW_COUNT_CAP};
pub use invitations::{InvitationRecord, SupplierUserRecord};
pub use keys::ApiKeyRecord;
pub use login_attempts::{Rule as AttemptRule, Taken};
pub use messages::{AttachmentMeta, MessageRecord};
pub use po_changes::{AsnLineRecord, AsnRecord, ChangeLine, ChangeRecord, MAX_ASNS_PER_ORDER};
pub use positions::{DirtyPosition, PositionFacts};
pub use purchase_orders::{PoLineRecord, PurchaseOrderRecord};
pub use subscribers::{
    ChannelStock, NewSubscription, ShopperSubscription, SubscriberRecord, SubscriptionRecord,
    WaitlistRow,
};
pub use supplier_orders::{OrderHistory, SupplierOrder, SupplierOrderRow};
pub use tenant_settings::PolicyRecord;
pub use transfers::TransferRecord;
pub use webhooks::{AttemptRecord, DeliveryRecord, EndpointRecord, SourceRecord};

use crate::db::{Db, Tx, TxConn};

/// The store: a cheap clone around the pools.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
    /// The platform's signing keys once read (see `Store::signing_key`): they never
    /// change, so each process reads each once.
    signing_keys: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>>,
}

impl Store {
    pub fn new(db: Db) -> Self {
        Store {
            db,
            signing_keys: Default::default(),
        }
    }
    pub fn db(&self) -> &Db {
        &self.db
    }
    /// Opens a write transaction for `*_tx` helpers to compose into one commit, on
    /// behalf of a tenant (or [`Scope::System`](crate::db::Scope)): on PostgreSQL,
    /// row-level security holds it to that tenant's rows.
    pub async fn begin(&self, scope: impl Into<crate::db::Scope>) -> Result<Tx, sqlx::Error> {
        self.db.begin_write(scope).await
    }
}

// Placeholders for multi-row statements, shared by the store modules.

/// `($1, $a, $b, …, $2), (…)`: `rows` tuples of `cols` fresh parameters starting at
/// `$first`, with the shared `$1` (tenant) first and, when `now` is set, `$2` last.
pub(crate) fn tuples(rows: usize, cols: usize, first: usize, now: bool) -> String {
    let mut out = String::with_capacity(rows * (cols * 5 + 10));
    let mut n = first;
    for r in 0..rows {
        if r > 0 {
            out.push_str(", ");
        }
        out.push_str("($1");
        for _ in 0..cols {
            out.push_str(&format!(", ${n}"));
            n += 1;
        }
        out.push_str(if now { ", $2)" } else { ")" });
    }
    out
}

/// `ids` written out for an `IN (…)` list. Integers only (`i64`: nothing but digits and
/// a sign), so they are put in the text rather than bound: one statement for a page of
/// rows on both databases, whatever their number.
pub(crate) fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// `($a, $b), (…)`: `rows` tuples of `cols` parameters starting at `$2`.
pub(crate) fn pairs(rows: usize, cols: usize) -> String {
    pairs_from(rows, cols, 2)
}

/// `($a, …), (…)`: `rows` tuples of `cols` parameters starting at `$first`.
pub(crate) fn pairs_from(rows: usize, cols: usize, first: usize) -> String {
    (0..rows)
        .map(|r| {
            let cells: Vec<String> = (0..cols)
                .map(|c| format!("${}", first + r * cols + c))
                .collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which of `keys` are the `dedupe_key` of an open row of `table` (needs, exceptions),
/// looked up one key at a time through the `(tenant_id, dedupe_key) WHERE state =
/// 'open'` index. On PostgreSQL the keys go as one array joined laterally, the
/// subquery fenced with `OFFSET 0` so the planner cannot flatten it: each key is a
/// unique index look-up whatever the statistics say. (With statistics stale after a
/// burst, both an `IN` list and a plain lateral join were planned as a scan of every
/// open row of the tenant, 10–90 ms each; measured with autovacuum off.)
pub(crate) async fn open_keys_tx(
    tx: &mut Tx,
    table: &str,
    tenant: crate::model::TenantId,
    keys: &[String],
) -> Result<std::collections::HashSet<String>, sqlx::Error> {
    let mut out = std::collections::HashSet::new();
    if keys.is_empty() {
        return Ok(out);
    }
    match &mut tx.conn {
        TxConn::Postgres(t) => {
            let sql = format!(
                "SELECT r.dedupe_key FROM UNNEST($2::TEXT[]) AS k(key) CROSS JOIN LATERAL \
                 (SELECT dedupe_key FROM {table} WHERE tenant_id = $1 AND state = 'open' \
                  AND dedupe_key = k.key OFFSET 0) r"
            );
            let found: Vec<String> = sqlx::query_scalar(&sql)
                .bind(tenant.0)
                .bind(keys)
                .fetch_all(&mut **t)
                .await?;
            out.extend(found);
        }
        TxConn::Sqlite(t) => {
            for chunk in keys.chunks(SQLITE_CHUNK) {
                let sql = format!(
                    "SELECT dedupe_key FROM {table} WHERE tenant_id = $1 AND state = 'open' \
                     AND dedupe_key IN ({})",
                    (2..2 + chunk.len())
                        .map(|n| format!("${n}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                let mut q = sqlx::query_scalar(&sql).bind(tenant.0);
                for k in chunk {
                    q = q.bind(k);
                }
                let found: Vec<String> = q.fetch_all(&mut **t).await?;
                out.extend(found);
            }
        }
    }
    Ok(out)
}

/// `(a, b) IN (VALUES ($n, $n+1), …)` for `rows` pairs of parameters from `$first`; for
/// one pair plain equalities, which SQLite's planner turns into a key look-up for sure.
pub(crate) fn pair_in(a: &str, b: &str, rows: usize, first: usize) -> String {
    if rows == 1 {
        format!("({a} = ${first} AND {b} = ${})", first + 1)
    } else {
        format!("({a}, {b}) IN (VALUES {})", pairs_from(rows, 2, first))
    }
}

/// Rows per multi-row statement. PostgreSQL takes 500 (well under its parameter limit;
/// fewer round trips). SQLite gets fewer: sqlx looks up each `$n` parameter's name, and
/// SQLite finds a name by scanning the statement's parameter list, so binding costs
/// grow with the square of the parameters per statement (a profile of 500-row batches
/// showed 18 % of all CPU in `sqlite3_bind_parameter_name`).
pub(crate) fn chunk_rows(tx: &crate::db::Tx) -> usize {
    match tx.conn {
        TxConn::Sqlite(_) => SQLITE_CHUNK,
        TxConn::Postgres(_) => 500,
    }
}

/// Rows per multi-row statement on SQLite (see [`chunk_rows`]).
pub const SQLITE_CHUNK: usize = 64;
