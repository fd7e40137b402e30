//! What back-in-stock waves need besides the subscriptions: which changed positions
//! have shoppers waiting, the channels' out-of-stock marks, the waves themselves, the
//! tenant's send slots, and its back-in-stock settings.

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// Which of the `(location, product)` pairs have confirmed shoppers waiting.
pub(crate) async fn waiting_channels_tx(
    tx: &mut Tx,
    tenant: TenantId,
    pairs: &[(i64, i64)],
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    let mut out = Vec::new();
    for chunk in pairs.chunks(super::chunk_rows(tx)) {
        let sql = format!(
            "SELECT DISTINCT location_id, product_id FROM bis_subscriptions \
             WHERE tenant_id = $1 AND state = 'confirmed' \
             AND (location_id, product_id) IN (VALUES {})",
            super::pairs(chunk.len(), 2)
        );
        let rows: Vec<(i64, i64)> = on_tx!(tx, |c| {
            let mut q = sqlx::query_as(&sql).bind(tenant.0);
            for (l, p) in chunk {
                q = q.bind(*l).bind(*p);
            }
            q.fetch_all(&mut *c).await
        })?;
        out.extend(rows);
    }
    Ok(out)
}

/// The tenant's back-in-stock settings (JSON) in the caller's transaction.
pub(crate) async fn settings_json_tx(
    tx: &mut Tx,
    tenant: TenantId,
) -> Result<Option<String>, sqlx::Error> {
    let v: Option<Option<String>> = on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT back_in_stock FROM tenant_settings WHERE tenant_id = $1"
    )
    .bind(tenant.0)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(v.flatten())
}

/// Counts of confirmed shoppers per pair, for `rows` pairs bound from `$2`.
fn waiting_sql(rows: usize) -> String {
    format!(
        "SELECT location_id, product_id, COUNT(*) FROM bis_subscriptions \
         WHERE tenant_id = $1 AND state = 'confirmed' \
         AND (location_id, product_id) IN (VALUES {}) GROUP BY location_id, product_id",
        super::pairs(rows, 2)
    )
}

/// Confirmed shoppers waiting at each of the `(location, product)` pairs that has any.
pub(crate) async fn waiting_counts_tx(
    tx: &mut Tx,
    tenant: TenantId,
    pairs: &[(i64, i64)],
) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
    let mut out = Vec::new();
    for chunk in pairs.chunks(super::chunk_rows(tx)) {
        let sql = waiting_sql(chunk.len());
        let rows: Vec<(i64, i64, i64)> = on_tx!(tx, |c| {
            let mut q = sqlx::query_as(&sql).bind(tenant.0);
            for (l, p) in chunk {
                q = q.bind(*l).bind(*p);
            }
            q.fetch_all(&mut *c).await
        })?;
        out.extend(rows);
    }
    Ok(out)
}

/// Every channel with confirmed shoppers waiting.
pub(crate) async fn all_waiting_channels_tx(
    tx: &mut Tx,
    tenant: TenantId,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as(
        "SELECT DISTINCT location_id, product_id FROM bis_subscriptions \
         WHERE tenant_id = $1 AND state = 'confirmed'"
    )
    .bind(tenant.0)
    .fetch_all(&mut *c)
    .await)
}

/// A product's id by SKU, in the caller's transaction.
pub(crate) async fn product_id_tx(
    tx: &mut Tx,
    tenant: TenantId,
    sku: &str,
) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM products WHERE tenant_id = $1 AND sku = $2"
    )
    .bind(tenant.0)
    .bind(sku)
    .fetch_optional(&mut *c)
    .await)
}

/// Units on hand at a channel (0 without a position), read in the caller's
/// transaction so a wave is sized on what it sees.
pub(crate) async fn on_hand_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
) -> Result<i64, sqlx::Error> {
    let n: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT on_hand FROM stock_positions WHERE tenant_id = $1 AND location_id = $2 \
         AND product_id = $3"
    )
    .bind(tenant.0)
    .bind(location)
    .bind(product)
    .fetch_optional(&mut *c)
    .await)?;
    Ok(n.unwrap_or(0))
}

/// A channel's `(out_since, last_wave_at)`, the row made and locked first.
pub(crate) async fn channel_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
) -> Result<(Option<i64>, Option<i64>), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO bis_channels (tenant_id, location_id, product_id) VALUES ($1, $2, $3) \
         ON CONFLICT (tenant_id, location_id, product_id) DO NOTHING"
    )
    .bind(tenant.0)
    .bind(location)
    .bind(product)
    .execute(&mut *c)
    .await
    .map(|_| ()))?;
    let sql = format!(
        "SELECT out_since, last_wave_at FROM bis_channels WHERE tenant_id = $1 \
         AND location_id = $2 AND product_id = $3{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(location)
        .bind(product)
        .fetch_one(&mut *c)
        .await)
}

pub(crate) async fn set_channel_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    out_since: Option<i64>,
    last_wave_at: Option<i64>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE bis_channels SET out_since = $4, last_wave_at = $5 WHERE tenant_id = $1 \
         AND location_id = $2 AND product_id = $3"
    )
    .bind(tenant.0)
    .bind(location)
    .bind(product)
    .bind(out_since)
    .bind(last_wave_at)
    .execute(&mut *c)
    .await
    .map(|_| ()))
}

/// A wave: the channel's `limit` oldest confirmed subscriptions become notified (one
/// statement, whatever the size). Returns the wave's id and the subscriptions it took.
pub(crate) async fn notify_wave_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    available: i64,
    limit: i64,
    now: i64,
) -> Result<(i64, Vec<i64>), sqlx::Error> {
    let wave: i64 = on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO bis_waves (tenant_id, location_id, product_id, available, notified, \
         created_at) VALUES ($1, $2, $3, $4, 0, $5) RETURNING id"
    )
    .bind(tenant.0)
    .bind(location)
    .bind(product)
    .bind(available)
    .bind(now)
    .fetch_one(&mut *c)
    .await)?;
    let ids: Vec<i64> = on_tx!(tx, |c| sqlx::query_scalar(
        "UPDATE bis_subscriptions SET state = 'notified', notified_at = $5, wave_id = $6 \
         WHERE tenant_id = $1 AND id IN (SELECT id FROM bis_subscriptions \
           WHERE tenant_id = $1 AND location_id = $2 AND product_id = $3 \
           AND state = 'confirmed' ORDER BY created_at, id LIMIT $4) \
         RETURNING id"
    )
    .bind(tenant.0)
    .bind(location)
    .bind(product)
    .bind(limit)
    .bind(now)
    .bind(wave)
    .fetch_all(&mut *c)
    .await)?;
    on_tx!(tx, |c| sqlx::query(
        "UPDATE bis_waves SET notified = $3 WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(wave)
    .bind(ids.len() as i64)
    .execute(&mut *c)
    .await
    .map(|_| ()))?;
    Ok((wave, ids))
}

/// The confirmed subscriptions of a channel that have not been offered a substitute,
/// now marked as offered.
pub(crate) async fn offer_substitute_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    now: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "UPDATE bis_subscriptions SET substitute_sent_at = $4 WHERE tenant_id = $1 \
         AND location_id = $2 AND product_id = $3 AND state = 'confirmed' \
         AND substitute_sent_at IS NULL RETURNING id"
    )
    .bind(tenant.0)
    .bind(location)
    .bind(product)
    .bind(now)
    .fetch_all(&mut *c)
    .await)
}

/// Reserves `count` send slots at `per_minute`: returns when the first may go (the
/// rest follow evenly); the tenant's next free slot moves past them.
pub(crate) async fn take_send_slots_tx(
    tx: &mut Tx,
    tenant: TenantId,
    count: i64,
    per_minute: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO bis_send_slots (tenant_id, next_at) VALUES ($1, $2) \
         ON CONFLICT (tenant_id) DO NOTHING"
    )
    .bind(tenant.0)
    .bind(now)
    .execute(&mut *c)
    .await
    .map(|_| ()))?;
    let sql = format!(
        "SELECT next_at FROM bis_send_slots WHERE tenant_id = $1{}",
        tx.lock()
    );
    let next: i64 = on_tx!(tx, |c| sqlx::query_scalar(&sql)
        .bind(tenant.0)
        .fetch_one(&mut *c)
        .await)?;
    let start = next.max(now);
    let span = count.saturating_mul(60_000) / per_minute.max(1);
    on_tx!(tx, |c| sqlx::query(
        "UPDATE bis_send_slots SET next_at = $2 WHERE tenant_id = $1"
    )
    .bind(tenant.0)
    .bind(start.saturating_add(span))
    .execute(&mut *c)
    .await
    .map(|_| ()))?;
    Ok(start)
}

pub(crate) async fn set_settings_tx(
    tx: &mut Tx,
    tenant: TenantId,
    json: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO tenant_settings (tenant_id, back_in_stock, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (tenant_id) DO UPDATE SET back_in_stock = excluded.back_in_stock, \
         updated_at = excluded.updated_at"
    )
    .bind(tenant.0)
    .bind(json)
    .bind(now)
    .execute(&mut *c)
    .await
    .map(|_| ()))
}

impl Store {
    /// A tenant file's back-in-stock settings, unless the tenant already has some (the
    /// admin's are kept when the file is seeded again).
    pub async fn seed_back_in_stock(
        &self,
        tenant: TenantId,
        json: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| {
            sqlx::query(
            "INSERT INTO tenant_settings (tenant_id, back_in_stock, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (tenant_id) DO UPDATE SET back_in_stock = \
             COALESCE(tenant_settings.back_in_stock, excluded.back_in_stock)"
        )
        .bind(tenant.0)
        .bind(json)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ())
        })
    }

    /// The tenant's back-in-stock settings as saved (JSON), if ever.
    pub async fn back_in_stock_json(
        &self,
        tenant: TenantId,
    ) -> Result<Option<String>, sqlx::Error> {
        let v: Option<Option<String>> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar("SELECT back_in_stock FROM tenant_settings WHERE tenant_id = $1")
                .bind(tenant.0)
                .fetch_optional(pool)
                .await
        })?;
        Ok(v.flatten())
    }

    /// Confirmed shoppers waiting at each of the `(location, product)` pairs that has any.
    pub async fn waiting_counts(
        &self,
        tenant: TenantId,
        pairs: &[(i64, i64)],
    ) -> Result<Vec<(i64, i64, i64)>, sqlx::Error> {
        let mut out = Vec::new();
        for chunk in pairs.chunks(super::SQLITE_CHUNK) {
            let sql = waiting_sql(chunk.len());
            let rows: Vec<(i64, i64, i64)> = on_db!(&self.db, read, tenant, |pool| {
                let mut q = sqlx::query_as(&sql).bind(tenant.0);
                for (l, p) in chunk {
                    q = q.bind(*l).bind(*p);
                }
                q.fetch_all(pool).await
            })?;
            out.extend(rows);
        }
        Ok(out)
    }
}
