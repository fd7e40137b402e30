//! Stored forecasts per (location, product) and the marks of series whose sales changed
//! since (`migrations/*/0034_forecasts.sql`).

use std::collections::HashMap;

use super::{chunk_rows, pair_in, tuples, Store};
use crate::anomaly::SaleStats;
use crate::db::Tx;
use crate::forecast::{Forecast, Method, Pattern};
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// A forecast as stored, for the pages and the policies.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredForecast {
    pub forecast: Forecast,
    pub computed_at: i64,
}

impl StoredForecast {
    /// Units expected over the `days` days from `now`'s day, with the interval at the
    /// normal quantile `z`: (expected, low, high). A forecast made on an earlier day is
    /// read from the day it reached.
    pub fn ahead(&self, now: i64, days: usize, z: f64) -> (f64, f64, f64) {
        let elapsed = (now.div_euclid(crate::model::DAY_MS)
            - self.computed_at.div_euclid(crate::model::DAY_MS))
        .clamp(0, 3650) as usize;
        let total = self.forecast.total_from(elapsed, days);
        let half = z * self.forecast.sigma * (days.max(1) as f64).sqrt();
        (total, (total - half).max(0.0), total + half)
    }
}

type Row = (
    i64,
    i64,
    String,
    String,
    String,
    f64,
    Option<f64>,
    i64,
    Option<String>,
    i64,
);

const COLUMNS: &str = "location_id, product_id, method, pattern, daily, sigma, mase, \
     history_days, note, computed_at";

/// The forecasts of `pairs` (location, product) pairs bound from `$2`.
fn select_sql(pairs: usize) -> String {
    format!(
        "SELECT {COLUMNS} FROM forecasts WHERE tenant_id = $1 AND {}",
        pair_in("location_id", "product_id", pairs, 2)
    )
}

fn parse(row: Row) -> Option<((i64, i64), StoredForecast)> {
    let (l, p, method, pattern, daily, sigma, mase, history_days, note, computed_at) = row;
    let pattern: Pattern = serde_json::from_value(serde_json::Value::String(pattern)).ok()?;
    Some((
        (l, p),
        StoredForecast {
            forecast: Forecast {
                method: Method::parse(&method)?,
                pattern,
                daily: serde_json::from_str(&daily).ok()?,
                sigma,
                mase,
                history_days: usize::try_from(history_days).unwrap_or(0),
                note,
            },
            computed_at,
        },
    ))
}

/// The average value sold a day (forecast units a day × unit cost, minor units) over
/// each product class's selling forecast positions (a forecast above zero, a product
/// with a cost): what a class's service level is spread against
/// (`policy::spread_service_level`).
pub(crate) async fn class_value_per_day_tx(
    tx: &mut Tx,
    tenant: TenantId,
) -> Result<std::collections::HashMap<String, f64>, sqlx::Error> {
    let rows: Vec<(String, f64)> = on_tx!(tx, |c| sqlx::query_as(
        "SELECT p.class, CAST(AVG(f.daily_mean * p.cost_minor) AS DOUBLE PRECISION) \
         FROM forecasts f JOIN products p ON p.tenant_id = f.tenant_id AND p.id = f.product_id \
         WHERE f.tenant_id = $1 AND p.cost_minor > 0 AND f.daily_mean > 0 GROUP BY p.class",
    )
    .bind(tenant.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().collect())
}

/// A mark made again always moves on, even with an earlier clock (another host's, or a
/// batch that started earlier): the refresh clears only the mark it read, so a sale
/// that came in while it computed is never lost.
const MOVE_ON: &str = "CASE WHEN excluded.marked_at > forecast_stale.marked_at \
     THEN excluded.marked_at ELSE forecast_stale.marked_at + 1 END";

/// Marks `pairs` for the refresh job.
pub(crate) async fn mark_stale_tx(
    tx: &mut Tx,
    tenant: TenantId,
    pairs: &[(i64, i64)],
    now: i64,
) -> Result<(), sqlx::Error> {
    for chunk in pairs.chunks(chunk_rows(tx)) {
        let sql = format!(
            "INSERT INTO forecast_stale (tenant_id, location_id, product_id, marked_at) \
             VALUES {} ON CONFLICT (tenant_id, location_id, product_id) \
             DO UPDATE SET marked_at = {MOVE_ON}",
            tuples(chunk.len(), 2, 3, true)
        );
        on_tx!(tx, |c| {
            let mut q = sqlx::query(&sql).bind(tenant.0).bind(now);
            for (l, p) in chunk {
                q = q.bind(*l).bind(*p);
            }
            q.execute(&mut *c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Up to `limit` marked series, oldest mark first, with their marks.
pub(crate) async fn stale_page_tx(
    tx: &mut Tx,
    tenant: TenantId,
    limit: i64,
) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as(
        "SELECT location_id, product_id, marked_at FROM forecast_stale WHERE tenant_id = $1 \
         ORDER BY marked_at, location_id, product_id LIMIT $2",
    )
    .bind(tenant.0)
    .bind(limit)
    .fetch_all(&mut *c)
    .await)
}

/// Stores the forecasts and clears each series' mark if it is still the one read (a
/// sale that arrived while they were computed moved it on and keeps its series marked).
pub(crate) async fn save_tx(
    tx: &mut Tx,
    tenant: TenantId,
    forecasts: &[((i64, i64), Forecast, SaleStats)],
    marks: &[(i64, i64, i64)],
    now: i64,
) -> Result<(), sqlx::Error> {
    for ((l, p), f, st) in forecasts {
        let daily = serde_json::to_string(&f.daily).unwrap_or_else(|_| "[]".into());
        let pattern = serde_json::to_value(f.pattern)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO forecasts (tenant_id, location_id, product_id, method, pattern, daily, \
             sigma, mase, history_days, note, computed_at, sale_median, sale_mad, sale_days, \
             daily_mean) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
             ON CONFLICT (tenant_id, location_id, product_id) DO UPDATE SET \
             method = excluded.method, pattern = excluded.pattern, daily = excluded.daily, \
             sigma = excluded.sigma, mase = excluded.mase, history_days = excluded.history_days, \
             note = excluded.note, computed_at = excluded.computed_at, \
             sale_median = excluded.sale_median, sale_mad = excluded.sale_mad, \
             sale_days = excluded.sale_days, daily_mean = excluded.daily_mean",
        )
        .bind(tenant.0)
        .bind(*l)
        .bind(*p)
        .bind(f.method.as_str())
        .bind(&pattern)
        .bind(&daily)
        .bind(f.sigma)
        .bind(f.mase)
        .bind(i64::try_from(f.history_days).unwrap_or(i64::MAX))
        .bind(&f.note)
        .bind(now)
        .bind(st.median)
        .bind(st.mad)
        .bind(st.days)
        .bind(f.mean_daily())
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    }
    for (l, p, marked_at) in marks {
        on_tx!(tx, |c| sqlx::query(
            "DELETE FROM forecast_stale WHERE tenant_id = $1 AND location_id = $2 \
             AND product_id = $3 AND marked_at = $4",
        )
        .bind(tenant.0)
        .bind(*l)
        .bind(*p)
        .bind(*marked_at)
        .execute(&mut *c)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

/// Marks every series with a sale since `from_day` (the nightly refresh: a series that
/// stopped selling fades in TSB only if it is forecast again).
pub(crate) async fn mark_all_selling_tx(
    tx: &mut Tx,
    tenant: TenantId,
    from_day: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    let sql = format!(
        "INSERT INTO forecast_stale (tenant_id, location_id, product_id, marked_at) \
         SELECT DISTINCT tenant_id, location_id, product_id, $3 FROM daily_demand \
         WHERE tenant_id = $1 AND day >= $2 \
         ON CONFLICT (tenant_id, location_id, product_id) DO UPDATE SET marked_at = {MOVE_ON}"
    );
    on_tx!(tx, |c| sqlx::query(&sql)
        .bind(tenant.0)
        .bind(from_day)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|_| ()))
}

/// Whether any of the tenant's series waits for a refresh.
pub(crate) async fn any_stale_tx(tx: &mut Tx, tenant: TenantId) -> Result<bool, sqlx::Error> {
    let one: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT tenant_id FROM forecast_stale WHERE tenant_id = $1 LIMIT 1"
    )
    .bind(tenant.0)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(one.is_some())
}

/// The class of each product among `products`, read without locking anything.
pub(crate) async fn classes_tx(
    tx: &mut Tx,
    tenant: TenantId,
    products: &[i64],
) -> Result<HashMap<i64, String>, sqlx::Error> {
    let mut out = HashMap::new();
    for chunk in products.chunks(super::SQLITE_CHUNK) {
        let sql = format!(
            "SELECT id, class FROM products WHERE tenant_id = $1 AND id IN ({})",
            (2..2 + chunk.len())
                .map(|n| format!("${n}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let rows: Vec<(i64, String)> = on_tx!(tx, |c| {
            let mut q = sqlx::query_as::<_, (i64, String)>(&sql).bind(tenant.0);
            for p in chunk {
                q = q.bind(*p);
            }
            q.fetch_all(&mut *c).await
        })?;
        out.extend(rows);
    }
    Ok(out)
}

/// The stored forecasts of `pairs` inside a transaction.
pub(crate) async fn forecasts_tx(
    tx: &mut Tx,
    tenant: TenantId,
    pairs: &[(i64, i64)],
) -> Result<HashMap<(i64, i64), StoredForecast>, sqlx::Error> {
    let mut out = HashMap::new();
    for chunk in pairs.chunks(super::SQLITE_CHUNK) {
        let sql = select_sql(chunk.len());
        let rows: Vec<Row> = on_tx!(tx, |c| {
            let mut q = sqlx::query_as::<_, Row>(&sql).bind(tenant.0);
            for (l, p) in chunk {
                q = q.bind(*l).bind(*p);
            }
            q.fetch_all(&mut *c).await
        })?;
        out.extend(rows.into_iter().filter_map(parse));
    }
    Ok(out)
}

impl Store {
    /// The stored forecasts of `pairs` (location, product); a series never forecast has
    /// none.
    pub async fn forecasts(
        &self,
        tenant: TenantId,
        pairs: &[(i64, i64)],
    ) -> Result<HashMap<(i64, i64), StoredForecast>, sqlx::Error> {
        let mut out = HashMap::new();
        for chunk in pairs.chunks(super::SQLITE_CHUNK) {
            let sql = select_sql(chunk.len());
            let rows: Vec<Row> = on_db!(&self.db, read, tenant, |pool| {
                let mut q = sqlx::query_as::<_, Row>(&sql).bind(tenant.0);
                for (l, p) in chunk {
                    q = q.bind(*l).bind(*p);
                }
                q.fetch_all(pool).await
            })?;
            out.extend(rows.into_iter().filter_map(parse));
        }
        Ok(out)
    }

    /// How many series wait for a refresh (tests and the status page).
    pub async fn stale_forecasts(&self, tenant: TenantId) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar(
            "SELECT COUNT(*) FROM forecast_stale WHERE tenant_id = $1"
        )
        .bind(tenant.0)
        .fetch_one(pool)
        .await)
    }
}
