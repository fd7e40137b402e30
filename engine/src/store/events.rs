//! Stock events and their effect on positions, applied in one transaction per batch.

use super::jobs::enqueue_tx;
use super::Store;
use crate::model::{now_ms, EventKind, StockEvent, TenantId};
use crate::replenish;
use crate::{on_db, on_tx};

const DAY_MS: i64 = 24 * 3600 * 1000;

/// What a batch did: events newly applied, and events already seen (left unchanged).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub accepted: u64,
    pub duplicates: u64,
}

/// How one event moves a position: `on_hand` change (or new absolute figure for a count)
/// and how much of `on_order` it fulfils.
fn effect(e: &StockEvent) -> (i64, bool, i64) {
    match e.kind {
        EventKind::Sale => (-e.quantity, false, 0),
        EventKind::Return | EventKind::Adjustment => (e.quantity, false, 0),
        EventKind::Receipt => (e.quantity, false, e.quantity),
        EventKind::Count => (e.quantity, true, 0),
    }
}

impl Store {
    /// Records each event once per (tenant, source, external id) and moves its position.
    /// All or nothing: on error the transaction rolls back and no event of the batch stays.
    pub async fn apply_events(
        &self,
        tenant: TenantId,
        events: &[StockEvent],
    ) -> Result<Applied, sqlx::Error> {
        let now = now_ms();
        let mut tx = self.db.begin_write().await?;
        let mut touched = std::collections::BTreeSet::new();
        let applied = on_tx!(&mut tx, |c| {
            let mut applied = Applied::default();
            for e in events {
                let inserted = sqlx::query_scalar::<_, i64>(
                    "INSERT INTO stock_events (tenant_id, source, external_id, kind, location_id, \
                     product_id, quantity, occurred_at, received_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                     ON CONFLICT (tenant_id, source, external_id) DO NOTHING RETURNING id",
                )
                .bind(tenant.0)
                .bind(&e.source)
                .bind(&e.external_id)
                .bind(e.kind.as_str())
                .bind(e.location_id)
                .bind(e.product_id)
                .bind(e.quantity)
                .bind(e.occurred_at)
                .bind(now)
                .fetch_optional(&mut *c)
                .await?;
                if inserted.is_none() {
                    applied.duplicates += 1;
                    continue;
                }
                let (on_hand, absolute, received) = effect(e);
                sqlx::query(
                    "INSERT INTO stock_positions (tenant_id, product_id, location_id, on_hand, updated_at) \
                     VALUES ($1, $2, $3, $4, $7) \
                     ON CONFLICT (tenant_id, product_id, location_id) DO UPDATE SET \
                     on_hand = CASE WHEN $5 THEN excluded.on_hand \
                                    ELSE stock_positions.on_hand + excluded.on_hand END, \
                     on_order = CASE WHEN stock_positions.on_order > $6 \
                                     THEN stock_positions.on_order - $6 ELSE 0 END, \
                     updated_at = excluded.updated_at",
                )
                .bind(tenant.0)
                .bind(e.product_id)
                .bind(e.location_id)
                .bind(on_hand)
                .bind(absolute)
                .bind(received)
                .bind(now)
                .execute(&mut *c)
                .await?;
                if e.kind == EventKind::Sale && e.quantity > 0 {
                    sqlx::query(
                        "INSERT INTO daily_demand (tenant_id, location_id, product_id, day, quantity) \
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, location_id, product_id, day) \
                         DO UPDATE SET quantity = daily_demand.quantity + excluded.quantity",
                    )
                    .bind(tenant.0)
                    .bind(e.location_id)
                    .bind(e.product_id)
                    .bind(e.occurred_at.div_euclid(DAY_MS))
                    .bind(e.quantity)
                    .execute(&mut *c)
                    .await?;
                }
                touched.insert((e.location_id, e.product_id));
                applied.accepted += 1;
            }
            Ok::<_, sqlx::Error>(applied)
        })?;
        // Each changed position is checked against policy by a job that commits with the
        // events: none is lost if the process dies, and a burst queues one check.
        for (location, product) in touched {
            enqueue_tx(
                &mut tx,
                &replenish::evaluate_job(tenant, location, product, now),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(applied)
    }

    /// How many events the tenant has recorded (for dashboards and tests).
    pub async fn event_count(&self, tenant: TenantId) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, read, |pool| {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM stock_events WHERE tenant_id = $1")
                .bind(tenant.0)
                .fetch_one(pool)
                .await
        })
    }
}
