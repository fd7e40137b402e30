//! Where a position's reorder point and order-up-to come from: the class levels of the
//! most specific policy that carries them (applied here, and only here), or a
//! planner's own for one position. See `migrations/*/0013_position_levels.sql`.

use super::positions::lock_positions_tx;
use crate::db::Tx;
use crate::model::TenantId;
use crate::on_tx;

/// The levels of the most specific policy that carries levels, for a position: the
/// correlated sub-select [`apply_class_levels_tx`] uses. `{cols}` are the columns to
/// select, `{order}` empty or the ordering that picks the most specific scope.
const LEVELS_FROM: &str = "FROM replenishment_policies rp, products p, locations l \
     WHERE p.id = stock_positions.product_id AND l.id = stock_positions.location_id \
     AND rp.tenant_id = stock_positions.tenant_id AND rp.reorder_point IS NOT NULL \
     AND rp.class IN (p.class, '*') \
     AND (rp.location_id IS NULL OR rp.location_id = stock_positions.location_id)";

/// Keeps the levels a forecast-driven policy gave one position (so the inventory page,
/// its low-stock filter and other stores' transfers see the levels in force), unless a
/// planner set the position's own.
pub(crate) async fn set_forecast_levels_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    (reorder_point, order_up_to): (i64, i64),
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query(
        "UPDATE stock_positions SET reorder_point = $4, order_up_to = $5, levels_source = 'policy' \
         WHERE tenant_id = $1 AND location_id = $2 AND product_id = $3 \
         AND levels_source <> 'override'",
    )
    .bind(tenant.0)
    .bind(location)
    .bind(product)
    .bind(reorder_point)
    .bind(order_up_to)
    .execute(c)
    .await
    .map(|_| ())
    })
}

/// Gives the positions among `pairs` (location, product) the levels of the most specific
/// policy that carries levels for them (class and location, class, every class and
/// location, every class), times the policy's `dc_multiplier` at a distribution centre,
/// except where a planner set the position's own. A position whose numbers came from a
/// policy that no longer carries levels keeps them, marked `kept`. Returns how many
/// positions took policy levels.
pub(crate) async fn apply_class_levels_tx(
    tx: &mut Tx,
    tenant: TenantId,
    pairs: &[(i64, i64)],
) -> Result<u64, sqlx::Error> {
    apply_levels(tx, tenant, pairs, "").await
}

/// [`apply_class_levels_tx`] for positions whose levels were never set (`event`): new
/// rows, which take their class's levels without touching anyone's seeded figures.
pub(crate) async fn inherit_class_levels_tx(
    tx: &mut Tx,
    tenant: TenantId,
    pairs: &[(i64, i64)],
) -> Result<u64, sqlx::Error> {
    apply_levels(tx, tenant, pairs, " AND levels_source = 'event'").await
}

async fn apply_levels(
    tx: &mut Tx,
    tenant: TenantId,
    pairs: &[(i64, i64)],
    only: &str,
) -> Result<u64, sqlx::Error> {
    let mut applied = 0;
    let mut sorted = pairs.to_vec();
    sorted.sort_unstable_by_key(|(l, p)| (*p, *l));
    for chunk in sorted.chunks(super::chunk_rows(tx)) {
        let keys: Vec<(i64, i64)> = chunk.iter().map(|(l, p)| (*p, *l)).collect();
        lock_positions_tx(tx, tenant, &keys).await?;
        let scale = |col: &str| {
            format!("CASE WHEN l.kind = 'dc' THEN rp.{col} * rp.dc_multiplier ELSE rp.{col} END")
        };
        let these = format!(
            "tenant_id = $1 AND levels_source <> 'override'{only} \
             AND (location_id, product_id) IN (VALUES {})",
            super::pairs(chunk.len(), 2)
        );
        let most_specific = "ORDER BY CASE WHEN rp.class = '*' THEN 1 ELSE 0 END, \
             CASE WHEN rp.location_id IS NULL THEN 1 ELSE 0 END LIMIT 1";
        let set = format!(
            "UPDATE stock_positions SET \
             reorder_point = (SELECT {} {LEVELS_FROM} {most_specific}), \
             order_up_to = (SELECT {} {LEVELS_FROM} {most_specific}), \
             levels_source = 'policy' \
             WHERE {these} AND EXISTS (SELECT 1 {LEVELS_FROM})",
            scale("reorder_point"),
            scale("order_up_to"),
        );
        let keep = format!(
            "UPDATE stock_positions SET levels_source = 'kept' \
             WHERE {these} AND levels_source = 'policy' AND NOT EXISTS (SELECT 1 {LEVELS_FROM})"
        );
        for (sql, counts) in [(set, true), (keep, false)] {
            let n = on_tx!(tx, |c| {
                let mut q = sqlx::query(&sql).bind(tenant.0);
                for (l, p) in chunk {
                    q = q.bind(*l).bind(*p);
                }
                q.execute(&mut *c).await.map(|r| r.rows_affected())
            })?;
            if counts {
                applied += n;
            }
        }
    }
    Ok(applied)
}

/// Levels of a position and where they came from.
pub(crate) type LevelsOf = (i64, i64, String);

/// A planner's own levels for one position (`None`: back to the policy's, or kept as
/// they are when no policy carries levels). Returns the levels and their source before
/// and after the change, `None` when the tenant has no such position.
pub(crate) async fn set_position_levels_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    levels: Option<(i64, i64)>,
) -> Result<Option<(LevelsOf, LevelsOf)>, sqlx::Error> {
    let Some(before) = levels_of_tx(tx, tenant, location, product).await? else {
        return Ok(None);
    };
    let Some((rop, out)) = levels else {
        if before.2 != "override" {
            // Nothing of its own to hand back.
            return Ok(Some((before.clone(), before)));
        }
        // Handed back: the policy's levels apply again, if any policy carries them;
        // otherwise the numbers stay, as kept.
        set_source_tx(tx, tenant, location, product, "kept").await?;
        apply_class_levels_tx(tx, tenant, &[(location, product)]).await?;
        let after = levels_of_tx(tx, tenant, location, product).await?;
        return Ok(after.map(|after| (before, after)));
    };
    on_tx!(tx, |c| sqlx::query(
        "UPDATE stock_positions SET reorder_point = $4, order_up_to = $5, \
         levels_source = 'override' WHERE tenant_id = $1 AND location_id = $2 AND product_id = $3",
    )
    .bind(tenant.0)
    .bind(location)
    .bind(product)
    .bind(rop)
    .bind(out)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(Some((before, (rop, out, "override".into()))))
}

/// A position's levels and their source, locked on PostgreSQL.
async fn levels_of_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
) -> Result<Option<LevelsOf>, sqlx::Error> {
    let sql = format!(
        "SELECT reorder_point, order_up_to, levels_source FROM stock_positions \
         WHERE tenant_id = $1 AND location_id = $2 AND product_id = $3{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(location)
        .bind(product)
        .fetch_optional(c)
        .await)
}

async fn set_source_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    source: &str,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE stock_positions SET levels_source = $4 \
         WHERE tenant_id = $1 AND location_id = $2 AND product_id = $3",
    )
    .bind(tenant.0)
    .bind(location)
    .bind(product)
    .bind(source)
    .execute(c)
    .await
    .map(|_| ()))
}
