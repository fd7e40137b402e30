//! Stock positions as replenishment reads and moves them: the facts a policy check needs,
//! sales history, donor candidates, stock moves between on hand, in transit and on order,
//! and the marks (`dirty_positions`) that queue a position for the sweep.

use super::Store;
use crate::db::{Tx, TxConn};
use crate::model::TenantId;
use crate::policy::Position;
use crate::sourcing::Candidate;
use crate::{on_db, on_tx};

/// What an evaluation reads about one position, its product and location.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PositionFacts {
    pub location_id: i64,
    pub product_id: i64,
    pub on_hand: i64,
    pub in_transit: i64,
    pub on_order: i64,
    pub reorder_point: i64,
    pub order_up_to: i64,
    pub region: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub location_code: String,
    pub class: String,
    pub sku: String,
    pub product_name: String,
    pub cost_minor: i64,
    pub price_minor: i64,
    pub supplier_id: Option<i64>,
    pub lead_time_days: Option<i64>,
    /// The supplier's lead time measured from its deliveries, and how many it is
    /// measured over (none until it has enough).
    pub measured_lead_time_days: Option<i64>,
    pub measured_deliveries: Option<i64>,
    /// How much it varies (standard deviation in days), over the same deliveries.
    pub measured_lead_time_sd: Option<f64>,
    /// Where the position's levels came from (`override`: a planner's own).
    pub levels_source: String,
}

impl PositionFacts {
    pub fn position(&self) -> Position {
        Position {
            on_hand: self.on_hand,
            in_transit: self.in_transit,
            on_order: self.on_order,
        }
    }
}

/// The figures for one (location, product), locking the position row on PostgreSQL so
/// that evaluations of one position run one at a time.
pub(crate) async fn position_facts_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
) -> Result<Option<PositionFacts>, sqlx::Error> {
    Ok(position_facts_many_tx(tx, tenant, &[(location, product)])
        .await?
        .pop())
}

/// The figures for many (location, product) pairs in one statement per chunk, locking
/// their rows on PostgreSQL in (product, location) order, the order ingestion locks
/// positions in. Pairs without a position row are left out.
pub(crate) async fn position_facts_many_tx(
    tx: &mut Tx,
    tenant: TenantId,
    pairs: &[(i64, i64)],
) -> Result<Vec<PositionFacts>, sqlx::Error> {
    const COLUMNS: &str = "s.location_id, s.product_id, s.on_hand, s.in_transit, \
         s.on_order, s.reorder_point, s.order_up_to, l.region, l.latitude, l.longitude, \
         l.code AS location_code, p.class, p.sku, p.name AS product_name, p.cost_minor, p.price_minor, \
         p.supplier_id, su.lead_time_days, su.measured_lead_time_days, su.measured_deliveries, \
         su.measured_lead_time_sd, s.levels_source";
    const JOINS: &str = "JOIN locations l ON l.id = s.location_id \
         JOIN products p ON p.id = s.product_id LEFT JOIN suppliers su ON su.id = p.supplier_id";
    let mut sorted = pairs.to_vec();
    sorted.sort_unstable_by_key(|(l, p)| (*p, *l));
    match &mut tx.conn {
        TxConn::Postgres(t) => {
            // One primary-key look-up per pair (a lateral join, so stale statistics
            // cannot turn it into a scan), locked in (product, location) order.
            let (locations, products): (Vec<i64>, Vec<i64>) = sorted.iter().copied().unzip();
            let sql = format!(
                "SELECT {COLUMNS} FROM UNNEST($2::BIGINT[], $3::BIGINT[]) WITH ORDINALITY \
                 AS k(location_id, product_id, n) CROSS JOIN LATERAL \
                 (SELECT * FROM stock_positions WHERE tenant_id = $1 \
                  AND product_id = k.product_id AND location_id = k.location_id FOR UPDATE) s \
                 {JOINS} ORDER BY k.n"
            );
            sqlx::query_as::<_, PositionFacts>(&sql)
                .bind(tenant.0)
                .bind(&locations)
                .bind(&products)
                .fetch_all(&mut **t)
                .await
        }
        TxConn::Sqlite(t) => {
            let mut out = Vec::with_capacity(pairs.len());
            for chunk in sorted.chunks(super::SQLITE_CHUNK) {
                let sql = format!(
                    "SELECT {COLUMNS} FROM stock_positions s {JOINS} \
                     WHERE s.tenant_id = $1 AND {} ORDER BY s.product_id, s.location_id",
                    super::pair_in("s.location_id", "s.product_id", chunk.len(), 2)
                );
                let mut q = sqlx::query_as::<_, PositionFacts>(&sql).bind(tenant.0);
                for (l, p) in chunk {
                    q = q.bind(*l).bind(*p);
                }
                out.extend(q.fetch_all(&mut **t).await?);
            }
            Ok(out)
        }
    }
}

/// Units sold per day from `from_day` to `to_day` (inclusive) for each pair that sold
/// anything: history starts at its first day with a sale; later quiet days count as 0.
pub(crate) async fn daily_demand_many_tx(
    tx: &mut Tx,
    tenant: TenantId,
    pairs: &[(i64, i64)],
    from_day: i64,
    to_day: i64,
) -> Result<std::collections::HashMap<(i64, i64), Vec<i64>>, sqlx::Error> {
    let mut rows: Vec<(i64, i64, i64, i64)> = Vec::new();
    match &mut tx.conn {
        TxConn::Postgres(t) => {
            // Index range look-ups per pair, whatever the statistics say.
            let (locations, products): (Vec<i64>, Vec<i64>) = pairs.iter().copied().unzip();
            rows = sqlx::query_as(
                "SELECT k.location_id, k.product_id, d.day, d.quantity \
                 FROM UNNEST($2::BIGINT[], $3::BIGINT[]) AS k(location_id, product_id) \
                 CROSS JOIN LATERAL (SELECT day, quantity FROM daily_demand \
                  WHERE tenant_id = $1 AND location_id = k.location_id \
                  AND product_id = k.product_id AND day BETWEEN $4 AND $5 OFFSET 0) d",
            )
            .bind(tenant.0)
            .bind(&locations)
            .bind(&products)
            .bind(from_day)
            .bind(to_day)
            .fetch_all(&mut **t)
            .await?;
        }
        TxConn::Sqlite(t) => {
            for chunk in pairs.chunks(super::SQLITE_CHUNK) {
                let sql = format!(
                    "SELECT location_id, product_id, day, quantity FROM daily_demand \
                     WHERE tenant_id = $1 AND day BETWEEN $2 AND $3 AND {}",
                    super::pair_in("location_id", "product_id", chunk.len(), 4)
                );
                let mut q = sqlx::query_as::<_, (i64, i64, i64, i64)>(&sql)
                    .bind(tenant.0)
                    .bind(from_day)
                    .bind(to_day);
                for (l, p) in chunk {
                    q = q.bind(*l).bind(*p);
                }
                rows.extend(q.fetch_all(&mut **t).await?);
            }
        }
    }
    rows.sort_unstable();
    let mut out: std::collections::HashMap<(i64, i64), Vec<i64>> = Default::default();
    for (l, p, day, qty) in rows {
        // Rows are sorted, so a pair's first row is its first day with a sale.
        let series = out
            .entry((l, p))
            .or_insert_with(|| vec![0; (to_day - day + 1).max(0) as usize]);
        let first = to_day + 1 - series.len() as i64;
        if let Some(slot) = usize::try_from(day - first)
            .ok()
            .and_then(|i| series.get_mut(i))
        {
            *slot = qty;
        }
    }
    Ok(out)
}

/// Serialises the checks of `products` in `tenant` until the transaction ends:
/// transaction-scoped advisory locks on PostgreSQL, taken in ascending order so two
/// transactions locking overlapping sets cannot deadlock; nothing on SQLite, whose one
/// writer already runs write transactions one at a time.
pub(crate) async fn lock_products_tx(
    tx: &mut Tx,
    tenant: TenantId,
    products: &[i64],
) -> Result<(), sqlx::Error> {
    let TxConn::Postgres(t) = &mut tx.conn else {
        return Ok(());
    };
    let mut keys: Vec<i32> = products
        .iter()
        .map(|p| i32::try_from(*p).unwrap_or(i32::MAX))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    sqlx::query(
        "SELECT pg_advisory_xact_lock($1, k) FROM \
         (SELECT k FROM UNNEST($2::INT4[]) AS u(k) ORDER BY k) ordered",
    )
    .bind(i32::try_from(tenant.0).unwrap_or(i32::MAX))
    .bind(&keys)
    .execute(&mut **t)
    .await?;
    Ok(())
}

/// Other locations' positions of the product, as donor candidates. A position held by
/// an open anomaly (its figures may be wrong: `replenish::anomalies`) gives nothing.
pub(crate) async fn donor_candidates_tx(
    tx: &mut Tx,
    tenant: TenantId,
    product: i64,
    exclude_location: i64,
) -> Result<Vec<Candidate>, sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        location_id: i64,
        region: String,
        latitude: Option<f64>,
        longitude: Option<f64>,
        on_hand: i64,
        in_transit: i64,
        on_order: i64,
        reorder_point: i64,
        promised: i64,
    }
    let rows: Vec<Row> = on_tx!(tx, |c| {
        sqlx::query_as(
            "SELECT s.location_id, l.region, l.latitude, l.longitude, s.on_hand, s.in_transit, \
         s.on_order, s.reorder_point, \
         CAST(COALESCE((SELECT SUM(t.quantity) FROM transfers t WHERE t.tenant_id = s.tenant_id \
           AND t.from_location_id = s.location_id AND t.product_id = s.product_id \
           AND t.state IN ('proposed', 'pending_approval', 'approved')), 0) AS BIGINT) AS promised \
         FROM stock_positions s JOIN locations l ON l.id = s.location_id \
         WHERE s.tenant_id = $1 AND s.product_id = $2 AND s.location_id <> $3 \
         AND NOT EXISTS (SELECT 1 FROM exceptions e WHERE e.tenant_id = s.tenant_id \
           AND e.state = 'open' \
           AND e.dedupe_key = 'anomaly:' || CAST(s.location_id AS TEXT) || ':' || $4)",
        )
        .bind(tenant.0)
        .bind(product)
        .bind(exclude_location)
        .bind(product.to_string())
        .fetch_all(c)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| Candidate {
            location_id: r.location_id,
            region: r.region,
            latitude: r.latitude,
            longitude: r.longitude,
            position: Position {
                on_hand: r.on_hand,
                in_transit: r.in_transit,
                on_order: r.on_order,
            },
            reorder_point: r.reorder_point,
            promised: r.promised,
        })
        .collect())
}

/// Adds to a position's figures (creating the row when missing), exactly: a ship
/// notice moves units from on order to in transit and must leave the total as it was,
/// even where that takes on order below zero (see [`release_on_order_tx`]). Units that
/// leave the pipeline go through [`release_on_order_tx`].
pub(crate) async fn move_stock_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    delta: Position,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO stock_positions (tenant_id, product_id, location_id, on_hand, in_transit, \
         on_order, updated_at, levels_source) VALUES ($1, $2, $3, $4, $5, $6, $7, 'event') \
         ON CONFLICT (tenant_id, product_id, location_id) DO UPDATE SET \
         on_hand = stock_positions.on_hand + excluded.on_hand, \
         in_transit = stock_positions.in_transit + excluded.in_transit, \
         on_order = stock_positions.on_order + excluded.on_order, \
         updated_at = excluded.updated_at",
    )
    .bind(tenant.0)
    .bind(product)
    .bind(location)
    .bind(delta.on_hand)
    .bind(delta.in_transit)
    .bind(delta.on_order)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))?;
    // A position this move created takes its class's levels.
    super::levels::inherit_class_levels_tx(tx, tenant, &[(location, product)]).await?;
    Ok(())
}

/// Takes up to `units` off a position's on order as an order ends or a line shrinks,
/// never below zero, and returns how many of them were no longer there.
///
/// Receipt events are not matched to orders: `store::events` takes what arrives off
/// on order (floored at zero), so units an order still counts as open may be gone
/// already. Taking them again would leave on order negative, and the policy would
/// buy them twice. A figure already below zero (a ship notice that balanced such a
/// receipt) is left as it is.
pub(crate) async fn release_on_order_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    units: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let units = units.max(0);
    lock_positions_tx(tx, tenant, &[(product, location)]).await?;
    let held: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT on_order FROM stock_positions \
         WHERE tenant_id = $1 AND product_id = $2 AND location_id = $3",
    )
    .bind(tenant.0)
    .bind(product)
    .bind(location)
    .fetch_optional(c)
    .await)?;
    let Some(held) = held else {
        return Ok(units);
    };
    let take = units.min(held.max(0));
    on_tx!(tx, |c| sqlx::query(
        "UPDATE stock_positions SET on_order = on_order - $4, updated_at = $5 \
         WHERE tenant_id = $1 AND product_id = $2 AND location_id = $3",
    )
    .bind(tenant.0)
    .bind(product)
    .bind(location)
    .bind(take)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(units - take)
}

/// A position changed since its last policy check, with the mark's version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DirtyPosition {
    pub location_id: i64,
    pub product_id: i64,
    pub version: i64,
}

/// Marks `(location, product)` pairs as changed since their last policy check; a pair
/// already marked gets a new version, so a sweep that read the old one keeps the mark.
/// Rows are written in key order, so concurrent PostgreSQL writers cannot deadlock.
pub(crate) async fn mark_dirty_tx(
    tx: &mut Tx,
    tenant: TenantId,
    changed: &[(i64, i64)],
) -> Result<(), sqlx::Error> {
    let mut pairs_sorted = changed.to_vec();
    pairs_sorted.sort_unstable();
    pairs_sorted.dedup();
    for chunk in pairs_sorted.chunks(super::chunk_rows(tx)) {
        let sql = format!(
            "INSERT INTO dirty_positions (tenant_id, location_id, product_id) VALUES {} \
             ON CONFLICT (tenant_id, location_id, product_id) \
             DO UPDATE SET version = dirty_positions.version + 1",
            super::tuples(chunk.len(), 2, 2, false)
        );
        on_tx!(tx, |c| {
            let mut q = sqlx::query(&sql).bind(tenant.0);
            for (location, product) in chunk {
                q = q.bind(*location).bind(*product);
            }
            q.execute(&mut *c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Clears the marks of positions a sweep has checked, each only if it still has the
/// version the sweep read (one marked again meanwhile stays for the next sweep).
pub(crate) async fn clear_dirty_tx(
    tx: &mut Tx,
    tenant: TenantId,
    checked: &[DirtyPosition],
) -> Result<(), sqlx::Error> {
    let mut sorted = checked.to_vec();
    sorted.sort_unstable_by_key(|d| (d.location_id, d.product_id));
    for chunk in sorted.chunks(super::chunk_rows(tx)) {
        if let TxConn::Postgres(t) = &mut tx.conn {
            // Lock in key order, like the writers that mark, so neither side deadlocks.
            let sql = format!(
                "SELECT 1 FROM dirty_positions WHERE tenant_id = $1 AND (location_id, product_id) \
                 IN (VALUES {}) ORDER BY location_id, product_id FOR UPDATE",
                super::pairs(chunk.len(), 2)
            );
            let mut q = sqlx::query(&sql).bind(tenant.0);
            for d in chunk {
                q = q.bind(d.location_id).bind(d.product_id);
            }
            q.execute(&mut **t).await?;
        }
        let sql = format!(
            "DELETE FROM dirty_positions WHERE tenant_id = $1 \
             AND (location_id, product_id, version) IN (VALUES {})",
            super::pairs(chunk.len(), 3)
        );
        on_tx!(tx, |c| {
            let mut q = sqlx::query(&sql).bind(tenant.0);
            for d in chunk {
                q = q.bind(d.location_id).bind(d.product_id).bind(d.version);
            }
            q.execute(&mut *c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// On PostgreSQL, locks the positions `keys` ((product, location)) in key order, the
/// order every writer of positions takes them in, so no two deadlock;
/// SQLite's single writer needs no row locks.
pub(crate) async fn lock_positions_tx(
    tx: &mut Tx,
    tenant: TenantId,
    keys: &[(i64, i64)],
) -> Result<(), sqlx::Error> {
    let TxConn::Postgres(t) = &mut tx.conn else {
        return Ok(());
    };
    if keys.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "SELECT 1 FROM stock_positions WHERE tenant_id = $1 AND (product_id, location_id) \
         IN (VALUES {}) ORDER BY product_id, location_id FOR UPDATE",
        super::pairs(keys.len(), 2)
    );
    let mut q = sqlx::query(&sql).bind(tenant.0);
    for (product, location) in keys {
        q = q.bind(*product).bind(*location);
    }
    q.execute(&mut **t).await?;
    Ok(())
}

/// Up to `limit` positions of `class` (`*`: every class) at `location` (`None`: every
/// location) after `after` in (location, product) order (empty when there are no more).
pub(crate) async fn scope_page_tx(
    tx: &mut Tx,
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
    after: Option<(i64, i64)>,
    limit: i64,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    let (l, p) = after.unwrap_or((i64::MIN, i64::MIN));
    let page: Vec<(i64, i64)> = on_tx!(tx, |c| sqlx::query_as(
        "SELECT s.location_id, s.product_id FROM stock_positions s \
         JOIN products p ON p.id = s.product_id \
         WHERE s.tenant_id = $1 AND ($2 = '*' OR p.class = $2) \
         AND ($3 IS NULL OR s.location_id = $3) \
         AND (s.location_id > $4 OR (s.location_id = $4 AND s.product_id > $5)) \
         ORDER BY s.location_id, s.product_id LIMIT $6",
    )
    .bind(tenant.0)
    .bind(class)
    .bind(location)
    .bind(l)
    .bind(p)
    .bind(limit)
    .fetch_all(c)
    .await)?;
    Ok(page)
}

impl Store {
    /// Units sold at a location over the last `days` days up to `now`.
    pub async fn recent_demand(
        &self,
        tenant: TenantId,
        location: i64,
        product: i64,
        days: i64,
        now: i64,
    ) -> Result<i64, sqlx::Error> {
        let today = now.div_euclid(24 * 3_600_000);
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar::<_, i64>(
            "SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM daily_demand WHERE tenant_id = $1 \
             AND location_id = $2 AND product_id = $3 AND day > $4",
        )
        .bind(tenant.0)
        .bind(location)
        .bind(product)
        .bind(today - days)
        .fetch_one(pool)
        .await
        })
    }

    /// A position's figures by ids.
    pub async fn position_by_ids(
        &self,
        tenant: TenantId,
        location: i64,
        product: i64,
    ) -> Result<Option<(i64, i64, i64, i64)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            (i64, i64, i64, i64),
        >(
            "SELECT on_hand, in_transit, on_order, reorder_point FROM stock_positions \
             WHERE tenant_id = $1 AND location_id = $2 AND product_id = $3",
        )
        .bind(tenant.0)
        .bind(location)
        .bind(product)
        .fetch_optional(pool)
        .await)
    }

    /// Up to `limit` marked positions of the tenant after `after` (key order).
    pub async fn dirty_positions(
        &self,
        tenant: TenantId,
        after: Option<(i64, i64)>,
        limit: i64,
    ) -> Result<Vec<DirtyPosition>, sqlx::Error> {
        let (l, p) = after.unwrap_or((i64::MIN, i64::MIN));
        let rows: Vec<(i64, i64, i64)> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(
            "SELECT location_id, product_id, version FROM dirty_positions WHERE tenant_id = $1 \
             AND (location_id > $2 OR (location_id = $2 AND product_id > $3)) \
             ORDER BY location_id, product_id LIMIT $4",
        )
        .bind(tenant.0)
        .bind(l)
        .bind(p)
        .bind(limit)
        .fetch_all(pool)
        .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(location_id, product_id, version)| DirtyPosition {
                location_id,
                product_id,
                version,
            })
            .collect())
    }

    /// How many positions of the tenant wait for a policy check (0 once the engine has
    /// caught up; the crash test checks it).
    pub async fn dirty_count(&self, tenant: TenantId) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM dirty_positions WHERE tenant_id = $1",
        )
        .bind(tenant.0)
        .fetch_one(pool)
        .await)
    }
}
