//! What the dashboards read, one tenant at a time: stock value by location, positions
//! out, the money open stock exceptions put at risk, the cost of what sold lately, the
//! forecasts' errors, how long approvals took and how many back-in-stock alerts turned
//! into a sale. Sums of money are summed as floating point (a tenant's stock value can
//! pass what a 64-bit integer sum would hold in an intermediate) and saturated by the
//! caller. See `dashboard`.

use super::Store;
use crate::model::TenantId;
use crate::on_db;

/// A tenant's raw figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FigureRecord {
    /// (location name, stock value at cost), by name.
    pub value_by_location: Vec<(String, f64)>,
    pub positions: i64,
    pub positions_out: i64,
    pub lost_sales: f64,
    /// Cost of the units sold since the day given.
    pub sold_at_cost: f64,
    /// Every stored forecast's MASE (`None`: a fallback or a series that never changes).
    pub mase: Vec<Option<f64>>,
    /// Milliseconds from each approval request (its round of steps) to a person's
    /// decision of a step, since the time given.
    pub approval_ms: Vec<i64>,
    /// Back-in-stock alerts notified since the time given, and of those bought.
    pub alerts_notified: i64,
    pub alerts_bought: i64,
}

impl Store {
    /// The tenant's figures: the cost of sales on the days from `sales_days.0` up to
    /// (not including) `sales_days.1` (days since the epoch), approvals decided and
    /// alerts sent since `since` (milliseconds), the rest as they stand.
    pub async fn dashboard_figures(
        &self,
        tenant: TenantId,
        sales_days: (i64, i64),
        since: i64,
    ) -> Result<FigureRecord, sqlx::Error> {
        let value_by_location: Vec<(String, f64)> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(
                "SELECT l.name, CAST(COALESCE(SUM(CAST(p.on_hand AS DOUBLE PRECISION) * pr.cost_minor), 0) \
                 AS DOUBLE PRECISION) FROM locations l \
                 LEFT JOIN stock_positions p ON p.tenant_id = l.tenant_id AND p.location_id = l.id \
                   AND p.on_hand > 0 \
                 LEFT JOIN products pr ON pr.tenant_id = p.tenant_id AND pr.id = p.product_id \
                 WHERE l.tenant_id = $1 GROUP BY l.id, l.name ORDER BY l.name",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await
        })?;
        let (positions, positions_out): (i64, Option<i64>) =
            on_db!(&self.db, read, tenant, |pool| {
                sqlx::query_as(
                    "SELECT COUNT(*), SUM(CASE WHEN on_hand <= 0 THEN 1 ELSE 0 END) \
                     FROM stock_positions WHERE tenant_id = $1",
                )
                .bind(tenant.0)
                .fetch_one(pool)
                .await
            })?;
        let lost_sales: f64 = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar(
                "SELECT CAST(COALESCE(SUM(CAST(lost_sales_minor AS DOUBLE PRECISION)), 0) \
                 AS DOUBLE PRECISION) FROM exceptions WHERE tenant_id = $1 AND state = 'open'",
            )
            .bind(tenant.0)
            .fetch_one(pool)
            .await
        })?;
        let sold_at_cost: f64 = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar(
                "SELECT CAST(COALESCE(SUM(CAST(d.quantity AS DOUBLE PRECISION) * pr.cost_minor), 0) \
                 AS DOUBLE PRECISION) FROM daily_demand d \
                 JOIN products pr ON pr.tenant_id = d.tenant_id AND pr.id = d.product_id \
                 WHERE d.tenant_id = $1 AND d.day >= $2 AND d.day < $3",
            )
            .bind(tenant.0)
            .bind(sales_days.0)
            .bind(sales_days.1)
            .fetch_one(pool)
            .await
        })?;
        let mase: Vec<Option<f64>> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar("SELECT mase FROM forecasts WHERE tenant_id = $1")
                .bind(tenant.0)
                .fetch_all(pool)
                .await
        })?;
        let approval_ms: Vec<i64> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar(
                "SELECT decided_at - created_at FROM approval_steps WHERE tenant_id = $1 \
                 AND state IN ('approved', 'rejected') AND decided_by IS NOT NULL \
                 AND decided_at >= $2",
            )
            .bind(tenant.0)
            .bind(since)
            .fetch_all(pool)
            .await
        })?;
        let (alerts_notified, alerts_bought): (i64, Option<i64>) =
            on_db!(&self.db, read, tenant, |pool| {
                sqlx::query_as(
                    "SELECT COUNT(*), SUM(CASE WHEN purchased_at IS NOT NULL THEN 1 ELSE 0 END) \
                     FROM bis_subscriptions WHERE tenant_id = $1 AND notified_at >= $2",
                )
                .bind(tenant.0)
                .bind(since)
                .fetch_one(pool)
                .await
            })?;
        Ok(FigureRecord {
            value_by_location,
            positions,
            positions_out: positions_out.unwrap_or(0),
            lost_sales,
            sold_at_cost,
            mase,
            approval_ms,
            alerts_notified,
            alerts_bought: alerts_bought.unwrap_or(0),
        })
    }
}
