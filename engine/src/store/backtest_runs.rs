//! Backtest runs a planner started from the portal, and what a replay of the tenant's
//! own network reads (locations, products, suppliers, positions, daily sales). See
//! `backtest_runs` (the service and its job) and `backtest::replay` (the scenario).

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// A run as stored (its CSV is read only by the job).
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct RunRecord {
    pub id: i64,
    /// The name of the person who started it.
    pub requested_by: String,
    pub state: String,
    pub days: i64,
    pub candidate: String,
    pub service_level: Option<f64>,
    pub source: String,
    pub progress_done: i64,
    pub progress_total: i64,
    /// JSON: `backtest_runs::Outcome`.
    pub result: Option<String>,
    pub error: Option<String>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

const COLUMNS: &str = "id, requested_by, state, days, candidate, service_level, source, \
    progress_done, progress_total, result, error, created_at, finished_at";

pub(crate) struct NewRun<'a> {
    pub requested_by: &'a str,
    pub days: i64,
    pub candidate: &'a str,
    pub service_level: Option<f64>,
    pub csv: Option<&'a str>,
    pub now: i64,
}

pub(crate) async fn insert_run_tx(
    tx: &mut Tx,
    tenant: TenantId,
    r: &NewRun<'_>,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO backtest_runs (tenant_id, requested_by, state, days, candidate, \
         service_level, source, csv, created_at) VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7, $8) \
         RETURNING id"
    )
    .bind(tenant.0)
    .bind(r.requested_by)
    .bind(r.days)
    .bind(r.candidate)
    .bind(r.service_level)
    .bind(if r.csv.is_some() { "csv" } else { "history" })
    .bind(r.csv)
    .bind(r.now)
    .fetch_one(c)
    .await)
}

/// One day of one series' sales: (location, product, day, units).
pub type SalesRow = (i64, i64, i64, i64);

impl Store {
    pub async fn backtest_runs(
        &self,
        tenant: TenantId,
        limit: i64,
    ) -> Result<Vec<RunRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {COLUMNS} FROM backtest_runs WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(limit.clamp(1, 200))
            .fetch_all(pool)
            .await)
    }

    pub async fn backtest_run(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<RunRecord>, sqlx::Error> {
        let sql = format!("SELECT {COLUMNS} FROM backtest_runs WHERE tenant_id = $1 AND id = $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    /// The run's uploaded demand, if it has one.
    pub(crate) async fn backtest_csv(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<String>, sqlx::Error> {
        let csv: Option<Option<String>> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar("SELECT csv FROM backtest_runs WHERE tenant_id = $1 AND id = $2")
                .bind(tenant.0)
                .bind(id)
                .fetch_optional(pool)
                .await
        })?;
        Ok(csv.flatten())
    }

    /// Marks a queued run as running; false when it is not queued (already taken, done).
    pub(crate) async fn backtest_claim(
        &self,
        tenant: TenantId,
        id: i64,
        total: i64,
    ) -> Result<bool, sqlx::Error> {
        let n: u64 = on_db!(&self.db, write, tenant, |pool| {
            sqlx::query(
            "UPDATE backtest_runs SET state = 'running', progress_total = $3, progress_done = 0 \
             WHERE tenant_id = $1 AND id = $2 AND state IN ('queued', 'running')"
        )
        .bind(tenant.0)
        .bind(id)
        .bind(total)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
        })?;
        Ok(n > 0)
    }

    pub(crate) async fn backtest_progress(
        &self,
        tenant: TenantId,
        id: i64,
        done: i64,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "UPDATE backtest_runs SET progress_done = $3 WHERE tenant_id = $1 AND id = $2 \
             AND state = 'running'"
        )
        .bind(tenant.0)
        .bind(id)
        .bind(done)
        .execute(pool)
        .await
        .map(|_| ()))
    }

    /// Ends a run: `done` with its result, or `failed` with the reason.
    pub(crate) async fn backtest_finish(
        &self,
        tenant: TenantId,
        id: i64,
        result: Result<&str, &str>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let (state, result, error) = match result {
            Ok(r) => ("done", Some(r), None),
            Err(e) => ("failed", None, Some(e)),
        };
        on_db!(&self.db, write, tenant, |pool| {
            sqlx::query(
            "UPDATE backtest_runs SET state = $3, result = $4, error = $5, finished_at = $6, csv = NULL, \
             progress_done = CASE WHEN $3 = 'done' THEN progress_total ELSE progress_done END \
             WHERE tenant_id = $1 AND id = $2 AND state IN ('queued', 'running')"
        )
        .bind(tenant.0)
        .bind(id)
        .bind(state)
        .bind(result)
        .bind(error)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ())
        })
    }

    /// Locations: (id, code, name, kind).
    pub(crate) async fn replay_locations(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<(i64, String, String, String)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT id, code, name, kind FROM locations WHERE tenant_id = $1 ORDER BY id"
        )
        .bind(tenant.0)
        .fetch_all(pool)
        .await)
    }

    /// Products: (id, sku, class, cost, supplier).
    pub(crate) async fn replay_products(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<(i64, String, String, i64, Option<i64>)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT id, sku, class, cost_minor, supplier_id FROM products WHERE tenant_id = $1 \
             ORDER BY id"
        )
        .bind(tenant.0)
        .fetch_all(pool)
        .await)
    }

    /// Suppliers: (id, name, quoted lead time, measured lead-time deviation).
    pub(crate) async fn replay_suppliers(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<(i64, String, i64, Option<f64>)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT id, name, lead_time_days, measured_lead_time_sd FROM suppliers \
             WHERE tenant_id = $1 ORDER BY id"
        )
        .bind(tenant.0)
        .fetch_all(pool)
        .await)
    }

    /// Positions: (location, product, on hand, reorder point, order-up-to).
    pub(crate) async fn replay_positions(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<(i64, i64, i64, i64, i64)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT location_id, product_id, on_hand, reorder_point, order_up_to \
             FROM stock_positions WHERE tenant_id = $1"
        )
        .bind(tenant.0)
        .fetch_all(pool)
        .await)
    }

    /// Runs of the tenant still queued or running.
    pub(crate) async fn backtests_active(&self, tenant: TenantId) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar(
            "SELECT COUNT(*) FROM backtest_runs WHERE tenant_id = $1 \
             AND state IN ('queued', 'running')"
        )
        .bind(tenant.0)
        .fetch_one(pool)
        .await)
    }

    /// Daily sales at stores of products with a supplier (what a replay replays), from
    /// day `first` to `last` (inclusive).
    pub(crate) async fn replay_sales(
        &self,
        tenant: TenantId,
        first: i64,
        last: i64,
    ) -> Result<Vec<SalesRow>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT d.location_id, d.product_id, d.day, d.quantity FROM daily_demand d \
             JOIN locations l ON l.tenant_id = d.tenant_id AND l.id = d.location_id \
               AND l.kind = 'store' \
             JOIN products p ON p.tenant_id = d.tenant_id AND p.id = d.product_id \
               AND p.supplier_id IS NOT NULL \
             WHERE d.tenant_id = $1 AND d.day >= $2 AND d.day <= $3"
        )
        .bind(tenant.0)
        .bind(first)
        .bind(last)
        .fetch_all(pool)
        .await)
    }
}
