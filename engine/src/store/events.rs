//! Stock events and their effect on positions: one transaction per batch, or per group of
//! waiting batches (group commit, see `ingest::Writer`).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{chunk_rows, pairs_from, tuples, Store};
use crate::db::Tx;
use crate::model::DAY_MS;
use crate::model::{EventKind, StockEvent, TenantId};
use crate::{on_db, on_tx};

/// What a batch did: events newly applied, and events already seen (left unchanged).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub accepted: u64,
    pub duplicates: u64,
}

/// An applied event the anomaly checks judge (`replenish::anomalies`): a sale, or a
/// count with the book figure it replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observed {
    pub location: i64,
    pub product: i64,
    pub kind: EventKind,
    pub quantity: i64,
    /// A count's book figure just before it (earlier events of the batch included).
    pub book: Option<i64>,
    pub occurred_at: i64,
    pub source: String,
    pub external_id: String,
}

/// What applying batches did.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Per batch: events newly applied and duplicates.
    pub applied: Vec<Applied>,
    /// The positions that moved, as (location, product).
    pub changed: Vec<(i64, i64)>,
    /// The applied sales and counts, in order.
    pub observed: Vec<Observed>,
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

/// The net effect of a batch's events on one position, in event order: a count sets
/// on hand (later deltas add to it), other events add; receipts fulfil on order.
#[derive(Default)]
struct Net {
    absolute: bool,
    on_hand: i64,
    received: i64,
}

/// A position's key (product, location) and the net effect of the events on it.
type PositionDelta<'a> = (&'a (i64, i64), &'a Net);

/// Locks the rows in key order (they are given sorted): see
/// [`lock_positions_tx`](super::positions::lock_positions_tx).
async fn lock_positions(
    tx: &mut Tx,
    tenant: TenantId,
    rows: &[PositionDelta<'_>],
) -> Result<(), sqlx::Error> {
    let keys: Vec<(i64, i64)> = rows.iter().map(|(k, _)| **k).collect();
    super::positions::lock_positions_tx(tx, tenant, &keys).await
}

/// A ship-notice line of an order for the updated position still on its way (an order
/// with a notice on its way is `shipped`: the state narrows the search by its index).
const IN_TRANSIT_BY_NOTICE: &str = "SELECT 1 FROM po_asns a \
     JOIN po_asn_lines al ON al.tenant_id = a.tenant_id AND al.asn_id = a.id \
     JOIN po_lines l ON l.tenant_id = al.tenant_id AND l.id = al.po_line_id \
     JOIN purchase_orders o ON o.tenant_id = l.tenant_id AND o.id = l.po_id \
     WHERE a.tenant_id = $1 AND a.state = 'in_transit' AND o.state = 'shipped' \
     AND l.product_id = stock_positions.product_id \
     AND o.ship_to_location_id = stock_positions.location_id";

/// The units of the updated position's orders that the supplier has and has not shipped.
const OPEN_ON_ORDERS: &str = "SELECT SUM(l.quantity - l.shipped) FROM po_lines l \
     JOIN purchase_orders o ON o.tenant_id = l.tenant_id AND o.id = l.po_id \
     WHERE l.tenant_id = $1 AND l.product_id = stock_positions.product_id \
     AND o.ship_to_location_id = stock_positions.location_id AND o.sent_at IS NOT NULL \
     AND o.state IN ('sent', 'acknowledged', 'backordered', 'change_proposed', \
     'change_approval', 'shipped', 'partly_received') AND l.quantity > l.shipped";

/// Applies the deltas to the rows that exist; returns the keys it updated.
///
/// Receipts take their units off on order down to zero. A figure below zero is a ship
/// notice's balance for units a receipt event booked too (`replenish::shipments`): it
/// keeps the total right while those units are counted twice, so receipts leave it
/// alone. A count puts on hand right, so once no ship notice of the position is on its
/// way, a count ends the balance: on order becomes what its orders have not shipped.
async fn update_positions(
    tx: &mut Tx,
    tenant: TenantId,
    now: i64,
    rows: &[PositionDelta<'_>],
) -> Result<HashSet<(i64, i64)>, sqlx::Error> {
    if rows.is_empty() {
        return Ok(HashSet::new());
    }
    let sql = format!(
        "UPDATE stock_positions SET \
         on_hand = CASE WHEN v.column3 THEN v.column4 ELSE stock_positions.on_hand + v.column4 END, \
         on_order = CASE WHEN stock_positions.on_order > v.column5 \
                           THEN stock_positions.on_order - v.column5 \
                         WHEN stock_positions.on_order >= 0 THEN 0 \
                         WHEN v.column3 AND NOT EXISTS ({IN_TRANSIT_BY_NOTICE}) \
                           THEN CAST(COALESCE(({OPEN_ON_ORDERS}), 0) AS BIGINT) \
                         ELSE stock_positions.on_order END, \
         updated_at = $2 \
         FROM (VALUES {}) AS v WHERE stock_positions.tenant_id = $1 \
         AND stock_positions.product_id = v.column1 AND stock_positions.location_id = v.column2 \
         RETURNING stock_positions.product_id, stock_positions.location_id",
        pairs_from(rows.len(), 5, 3)
    );
    let done: Vec<(i64, i64)> = on_tx!(tx, |c| {
        let mut q = sqlx::query_as(&sql).bind(tenant.0).bind(now);
        for ((product, location), n) in rows {
            q = q
                .bind(*product)
                .bind(*location)
                .bind(n.absolute)
                .bind(n.on_hand)
                .bind(n.received);
        }
        q.fetch_all(&mut *c).await
    })?;
    Ok(done.into_iter().collect())
}

/// Rows for pairs never seeded: figures zero, levels those of the most specific policy
/// that carries class levels (or 0 and 0, marked `event`, when none does). One inserted
/// meanwhile is kept as it is.
async fn insert_positions(
    tx: &mut Tx,
    tenant: TenantId,
    now: i64,
    rows: &[PositionDelta<'_>],
) -> Result<(), sqlx::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO stock_positions (tenant_id, product_id, location_id, updated_at, \
         levels_source) VALUES {} ON CONFLICT (tenant_id, product_id, location_id) DO NOTHING \
         RETURNING location_id, product_id",
        tuples(rows.len(), 2, 3, false).replace(')', ", $2, 'event')")
    );
    let inserted: Vec<(i64, i64)> = on_tx!(tx, |c| {
        let mut q = sqlx::query_as(&sql).bind(tenant.0).bind(now);
        for ((product, location), _) in rows {
            q = q.bind(*product).bind(*location);
        }
        q.fetch_all(&mut *c).await
    })?;
    super::levels::inherit_class_levels_tx(tx, tenant, &inserted).await?;
    Ok(())
}

/// Records each event of `batches` (one tenant's, applied in order as if one batch) once
/// per (tenant, source, external id) and moves its position, with a few multi-row
/// statements per 500 events: events (a conflict is a duplicate, earlier or earlier in
/// these batches), positions (net effect per position; PostgreSQL locks them in key
/// order first so concurrent writers cannot deadlock), sales per day, and the changed
/// positions, which it returns with what each batch did and the sales and counts applied
/// (the caller marks the positions for a policy check and judges the events in the same
/// transaction: see `ingest`).
pub async fn apply_events_tx(
    tx: &mut Tx,
    tenant: TenantId,
    batches: &[&[StockEvent]],
    now: i64,
) -> Result<Outcome, sqlx::Error> {
    let events: Vec<(usize, &StockEvent)> = batches
        .iter()
        .enumerate()
        .flat_map(|(b, evs)| evs.iter().map(move |e| (b, e)))
        .collect();
    // 1. Events; a conflict is a duplicate (earlier, or earlier in these batches).
    let mut inserted: HashSet<(String, String)> = HashSet::new();
    for chunk in events.chunks(chunk_rows(tx)) {
        let sql = format!(
            "INSERT INTO stock_events (tenant_id, source, external_id, kind, location_id, \
             product_id, quantity, occurred_at, received_at) VALUES {} \
             ON CONFLICT (tenant_id, source, external_id) DO NOTHING RETURNING source, external_id",
            tuples(chunk.len(), 7, 3, true)
        );
        let rows: Vec<(String, String)> = on_tx!(&mut *tx, |c| {
            let mut q = sqlx::query_as(&sql).bind(tenant.0).bind(now);
            for (_, e) in chunk {
                q = q
                    .bind(&e.source)
                    .bind(&e.external_id)
                    .bind(e.kind.as_str())
                    .bind(e.location_id)
                    .bind(e.product_id)
                    .bind(e.quantity)
                    .bind(e.occurred_at);
            }
            q.fetch_all(c).await
        })?;
        inserted.extend(rows);
    }
    // 2. The net effect per position and the sales per day, of the applied events.
    let mut applied = vec![Applied::default(); batches.len()];
    let mut net: BTreeMap<(i64, i64), Net> = BTreeMap::new();
    let mut sold: BTreeMap<(i64, i64, i64), i64> = BTreeMap::new();
    let mut done: Vec<&StockEvent> = Vec::new();
    for (b, e) in &events {
        // The first occurrence of an inserted key is the one that was applied.
        if !inserted.remove(&(e.source.clone(), e.external_id.clone())) {
            applied[*b].duplicates += 1;
            continue;
        }
        applied[*b].accepted += 1;
        done.push(e);
        let (on_hand, absolute, received) = effect(e);
        let n = net.entry((e.product_id, e.location_id)).or_default();
        if absolute {
            n.absolute = true;
            n.on_hand = on_hand;
        } else {
            n.on_hand += on_hand;
        }
        n.received += received;
        if e.kind == EventKind::Sale && e.quantity > 0 {
            *sold
                .entry((
                    e.location_id,
                    e.product_id,
                    e.occurred_at.div_euclid(DAY_MS),
                ))
                .or_default() += e.quantity;
        }
    }
    let positions: Vec<PositionDelta> = net.iter().collect();
    let mut book: HashMap<(i64, i64), i64> = HashMap::new();
    for chunk in positions.chunks(chunk_rows(tx)) {
        // (PostgreSQL) the rows locked in key order so concurrent batches cannot
        // deadlock, then one update for all of them; pairs never seeded have no row to
        // update, so they are inserted and updated after. A count is judged against the
        // figure it replaces: those positions' figures are read first.
        lock_positions(tx, tenant, chunk).await?;
        let counted: Vec<(i64, i64)> = chunk
            .iter()
            .filter(|(_, n)| n.absolute)
            .map(|(k, _)| **k)
            .collect();
        book.extend(on_hand_tx(tx, tenant, &counted).await?);
        let updated = update_positions(tx, tenant, now, chunk).await?;
        if updated.len() < chunk.len() {
            let missing: Vec<PositionDelta> = chunk
                .iter()
                .filter(|(key, _)| !updated.contains(*key))
                .copied()
                .collect();
            insert_positions(tx, tenant, now, &missing).await?;
            lock_positions(tx, tenant, &missing).await?;
            update_positions(tx, tenant, now, &missing).await?;
        }
    }
    let days: Vec<(&(i64, i64, i64), &i64)> = sold.iter().collect();
    for chunk in days.chunks(chunk_rows(tx)) {
        let sql = format!(
            "INSERT INTO daily_demand (tenant_id, location_id, product_id, day, quantity) \
             VALUES {} ON CONFLICT (tenant_id, location_id, product_id, day) \
             DO UPDATE SET quantity = daily_demand.quantity + excluded.quantity",
            tuples(chunk.len(), 4, 2, false)
        );
        on_tx!(&mut *tx, |c| {
            let mut q = sqlx::query(&sql).bind(tenant.0);
            for ((location, product, day), qty) in chunk {
                q = q.bind(*location).bind(*product).bind(*day).bind(**qty);
            }
            q.execute(&mut *c).await.map(|_| ())
        })?;
    }
    // A sale on a past day changes the history a forecast reads (whole days up to
    // yesterday): its series is forecast again (`replenish::forecasts`). Today's sales are
    // read after the nightly sweep marks every selling series.
    let today = now.div_euclid(DAY_MS);
    let mut selling: Vec<(i64, i64)> = sold
        .keys()
        .filter(|(_, _, day)| *day < today)
        .map(|(l, p, _)| (*l, *p))
        .collect();
    selling.sort_unstable();
    selling.dedup();
    super::forecasts::mark_stale_tx(tx, tenant, &selling, now).await?;
    // 3. The changed positions, as (location, product), and the sales and counts.
    let changed: Vec<(i64, i64)> = net
        .keys()
        .map(|(product, location)| (*location, *product))
        .collect();
    Ok(Outcome {
        applied,
        changed,
        observed: observed(&done, book),
    })
}

/// The applied sales and counts, each count with the book figure just before it: the
/// position's figure before the batch, moved by the batch's earlier events.
fn observed(done: &[&StockEvent], mut book: HashMap<(i64, i64), i64>) -> Vec<Observed> {
    let mut out = Vec::new();
    for e in done {
        let key = (e.product_id, e.location_id);
        let (delta, absolute, _) = effect(e);
        // (A position with no row, or one the batch does not count, starts at 0: only
        // counted positions' figures are used.)
        let before = book.get(&key).copied().unwrap_or(0);
        book.insert(
            key,
            if absolute {
                delta
            } else {
                before.saturating_add(delta)
            },
        );
        let keep = match e.kind {
            EventKind::Sale => e.quantity > 0,
            EventKind::Count => true,
            _ => false,
        };
        if keep {
            out.push(Observed {
                location: e.location_id,
                product: e.product_id,
                kind: e.kind,
                quantity: e.quantity,
                book: absolute.then_some(before),
                occurred_at: e.occurred_at,
                source: e.source.clone(),
                external_id: e.external_id.clone(),
            });
        }
    }
    out
}

/// On hand of `keys` (product, location) that have a row.
async fn on_hand_tx(
    tx: &mut Tx,
    tenant: TenantId,
    keys: &[(i64, i64)],
) -> Result<Vec<((i64, i64), i64)>, sqlx::Error> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT product_id, location_id, on_hand FROM stock_positions WHERE tenant_id = $1 \
         AND {}",
        super::pair_in("product_id", "location_id", keys.len(), 2)
    );
    let rows: Vec<(i64, i64, i64)> = on_tx!(tx, |c| {
        let mut q = sqlx::query_as(&sql).bind(tenant.0);
        for (p, l) in keys {
            q = q.bind(*p).bind(*l);
        }
        q.fetch_all(&mut *c).await
    })?;
    Ok(rows.into_iter().map(|(p, l, n)| ((p, l), n)).collect())
}

/// Takes back `quantity` units of a sale from the day's demand (never below zero) and
/// marks the series for a new forecast: a sale a planner rejected as wrong is not
/// demand (`replenish::anomalies::reject`).
pub(crate) async fn unsell_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    day: i64,
    quantity: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(&mut *tx, |c| sqlx::query(
        "UPDATE daily_demand SET quantity = CASE WHEN quantity > $5 THEN quantity - $5 ELSE 0 END \
         WHERE tenant_id = $1 AND location_id = $2 AND product_id = $3 AND day = $4"
    )
    .bind(tenant.0)
    .bind(location)
    .bind(product)
    .bind(day)
    .bind(quantity)
    .execute(c)
    .await
    .map(|_| ()))?;
    super::forecasts::mark_stale_tx(tx, tenant, &[(location, product)], now).await
}

impl Store {
    /// How many events the tenant has recorded (for dashboards and tests).
    pub async fn event_count(&self, tenant: TenantId) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM stock_events WHERE tenant_id = $1")
                .bind(tenant.0)
                .fetch_one(pool)
                .await
        })
    }
}
