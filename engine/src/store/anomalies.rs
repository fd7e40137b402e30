//! What the anomaly checks read: the tenant's thresholds, each series' sale statistics
//! (kept with its forecast) and which locations sell at all. See `anomaly` (the rules)
//! and `replenish::anomalies` (the exception that holds a position).

use std::collections::{HashMap, HashSet};

use super::{pair_in, Store};
use crate::anomaly::{SaleStats, Settings};
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// location, product, median, MAD, selling days.
type StatsRow = (i64, i64, Option<f64>, Option<f64>, i64);

const SETTINGS: &str = "SELECT anomaly_settings FROM tenant_settings WHERE tenant_id = $1";

/// The tenant's thresholds (the defaults when it set none or they no longer read).
pub(crate) async fn settings_tx(tx: &mut Tx, tenant: TenantId) -> Result<Settings, sqlx::Error> {
    let json: Option<Option<String>> = on_tx!(tx, |c| sqlx::query_scalar(SETTINGS)
        .bind(tenant.0)
        .fetch_optional(c)
        .await)?;
    Ok(Settings::from_stored(json.flatten().as_deref()))
}

/// Stores the tenant's thresholds (checked by the caller).
pub(crate) async fn set_settings_tx(
    tx: &mut Tx,
    tenant: TenantId,
    settings: &Settings,
    now: i64,
) -> Result<(), sqlx::Error> {
    let json = serde_json::to_string(settings).expect("plain data serialises");
    on_tx!(tx, |c| {
        sqlx::query(
        "INSERT INTO tenant_settings (tenant_id, anomaly_settings, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (tenant_id) DO UPDATE SET anomaly_settings = excluded.anomaly_settings, \
         updated_at = excluded.updated_at"
    )
    .bind(tenant.0)
    .bind(&json)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ())
    })
}

/// The sale statistics of those of `pairs` (location, product) that sold in their
/// forecast window.
pub(crate) async fn sale_stats_tx(
    tx: &mut Tx,
    tenant: TenantId,
    pairs: &[(i64, i64)],
) -> Result<HashMap<(i64, i64), SaleStats>, sqlx::Error> {
    let mut out = HashMap::new();
    for chunk in pairs.chunks(super::SQLITE_CHUNK) {
        let sql = format!(
            "SELECT location_id, product_id, sale_median, sale_mad, sale_days FROM forecasts \
             WHERE tenant_id = $1 AND {}",
            pair_in("location_id", "product_id", chunk.len(), 2)
        );
        let rows: Vec<StatsRow> = on_tx!(tx, |c| {
            let mut q = sqlx::query_as(&sql).bind(tenant.0);
            for (l, p) in chunk {
                q = q.bind(*l).bind(*p);
            }
            q.fetch_all(&mut *c).await
        })?;
        // A series that sold nothing in the forecast window has no statistics (it
        // "never sells" there); one forecast before the statistics were kept has them
        // unknown (days 0: its sales are not judged until its next refresh).
        out.extend(
            rows.into_iter()
                .filter(|(_, _, median, _, days)| median.is_none() || *days > 0)
                .map(|(l, p, median, mad, days)| {
                    let stats = SaleStats {
                        median: median.unwrap_or(0.0),
                        mad: mad.unwrap_or(0.0),
                        days: if median.is_some() { days } else { 0 },
                    };
                    ((l, p), stats)
                }),
        );
    }
    Ok(out)
}

/// Which of `locations` have a forecast for any item (they sell: a sale there of an item
/// they never sold is worth a look).
pub(crate) async fn selling_locations_tx(
    tx: &mut Tx,
    tenant: TenantId,
    locations: &[i64],
) -> Result<HashSet<i64>, sqlx::Error> {
    let mut out = HashSet::new();
    for &location in locations {
        let found: Option<i64> = on_tx!(tx, |c| {
            sqlx::query_scalar(
            "SELECT location_id FROM forecasts WHERE tenant_id = $1 AND location_id = $2 LIMIT 1"
        )
        .bind(tenant.0)
        .bind(location)
        .fetch_optional(c)
        .await
        })?;
        out.extend(found);
    }
    Ok(out)
}

impl Store {
    /// The tenant's anomaly thresholds (the defaults when it set none).
    pub async fn anomaly_settings(&self, tenant: TenantId) -> Result<Settings, sqlx::Error> {
        let json: Option<Option<String>> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar(SETTINGS)
                .bind(tenant.0)
                .fetch_optional(pool)
                .await
        })?;
        Ok(Settings::from_stored(json.flatten().as_deref()))
    }
}
