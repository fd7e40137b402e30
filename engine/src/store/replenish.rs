//! SQL of the replenishment engine: the facts policy needs, needs, transfers, purchase
//! orders, approval steps, delegations and stock moves. Functions ending in `_tx` run
//! inside the caller's write transaction (see `engine::replenish`, which orchestrates
//! them); the rest read through the pool.

use serde::{Deserialize, Serialize};

use super::Store;
use crate::db::Tx;
use crate::model::{Role, TenantId};
use crate::policy::Position;
use crate::sourcing::Candidate;
use crate::{on_db, on_tx};

/// What an evaluation reads about one position, its product and location.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PositionFacts {
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
    pub cost_minor: i64,
    pub supplier_id: Option<i64>,
    pub lead_time_days: Option<i64>,
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

/// A document an approval step belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocRef {
    Transfer(i64),
    PurchaseOrder(i64),
}

impl DocRef {
    pub fn doc_type(self) -> &'static str {
        match self {
            DocRef::Transfer(_) => "transfer",
            DocRef::PurchaseOrder(_) => "purchase_order",
        }
    }
    pub fn id(self) -> i64 {
        match self {
            DocRef::Transfer(id) | DocRef::PurchaseOrder(id) => id,
        }
    }
    /// The audit subject, e.g. `transfer:12`.
    pub fn subject(self) -> String {
        format!("{}:{}", self.doc_type(), self.id())
    }
    pub fn parse(doc_type: &str, id: i64) -> Option<DocRef> {
        match doc_type {
            "transfer" => Some(DocRef::Transfer(id)),
            "purchase_order" => Some(DocRef::PurchaseOrder(id)),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, Deserialize)]
pub struct TransferRecord {
    pub id: i64,
    pub need_id: Option<i64>,
    pub from_location_id: i64,
    pub to_location_id: i64,
    pub product_id: i64,
    pub quantity: i64,
    pub shipped: i64,
    pub received: i64,
    pub unit_cost_minor: i64,
    pub state: String,
    pub reason: String,
    pub snapshot: String,
    pub involved_users: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, Deserialize)]
pub struct PurchaseOrderRecord {
    pub id: i64,
    pub supplier_id: i64,
    pub ship_to_location_id: i64,
    pub state: String,
    pub value_minor: i64,
    pub window_closes_at: i64,
    pub involved_users: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub sent_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, Deserialize)]
pub struct PoLineRecord {
    pub id: i64,
    pub po_id: i64,
    pub product_id: i64,
    pub quantity: i64,
    pub unit_cost_minor: i64,
    pub need_id: Option<i64>,
    pub reason: String,
    pub snapshot: String,
}

#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, Deserialize)]
pub struct StepRecord {
    pub id: i64,
    pub doc_type: String,
    pub doc_id: i64,
    pub round: i64,
    pub step_no: i64,
    pub role: String,
    pub state: String,
    pub rule: Option<String>,
    pub escalate_after_hours: i64,
    pub escalate_to: Option<String>,
    pub escalated: bool,
    pub due_at: Option<i64>,
    pub decided_by: Option<i64>,
    pub decided_at: Option<i64>,
    pub comment: Option<String>,
    pub created_at: i64,
}

const TRANSFER_COLUMNS: &str = "id, need_id, from_location_id, to_location_id, product_id, \
     quantity, shipped, received, unit_cost_minor, state, reason, snapshot, involved_users, \
     created_at, updated_at";
const PO_COLUMNS: &str = "id, supplier_id, ship_to_location_id, state, value_minor, \
     window_closes_at, involved_users, created_at, updated_at, sent_at";
const LINE_COLUMNS: &str =
    "id, po_id, product_id, quantity, unit_cost_minor, need_id, reason, snapshot";
const STEP_COLUMNS: &str = "id, doc_type, doc_id, round, step_no, role, state, rule, \
     escalate_after_hours, escalate_to, escalated, due_at, decided_by, decided_at, comment, created_at";

/// The figures for one (location, product), locking the position row on PostgreSQL so
/// that evaluations of one position run one at a time.
pub(crate) async fn position_facts_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
) -> Result<Option<PositionFacts>, sqlx::Error> {
    let lock = match tx {
        Tx::Sqlite(_) => "",
        Tx::Postgres(_) => " FOR UPDATE OF s",
    };
    let sql = format!(
        "SELECT s.on_hand, s.in_transit, s.on_order, s.reorder_point, s.order_up_to, \
         l.region, l.latitude, l.longitude, l.code AS location_code, p.class, p.sku, p.cost_minor, \
         p.supplier_id, su.lead_time_days \
         FROM stock_positions s JOIN locations l ON l.id = s.location_id \
         JOIN products p ON p.id = s.product_id LEFT JOIN suppliers su ON su.id = p.supplier_id \
         WHERE s.tenant_id = $1 AND s.location_id = $2 AND s.product_id = $3{lock}"
    );
    on_tx!(tx, |c| sqlx::query_as::<_, PositionFacts>(&sql)
        .bind(tenant.0)
        .bind(location)
        .bind(product)
        .fetch_optional(c)
        .await)
}

/// The most specific policy settings (JSON) for a class at a location: class and
/// location, then class, then `*` and location, then `*`.
pub(crate) async fn policy_settings_tx(
    tx: &mut Tx,
    tenant: TenantId,
    class: &str,
    location: i64,
) -> Result<Option<String>, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, String>(
        "SELECT settings FROM replenishment_policies WHERE tenant_id = $1 \
         AND class IN ($2, '*') AND (location_id IS NULL OR location_id = $3) \
         ORDER BY CASE WHEN class = '*' THEN 1 ELSE 0 END, CASE WHEN location_id IS NULL THEN 1 ELSE 0 END \
         LIMIT 1",
    )
    .bind(tenant.0)
    .bind(class)
    .bind(location)
    .fetch_optional(c)
    .await
    })
}

/// Units sold per day from `from_day` to `to_day` (inclusive), days without sales as 0.
pub(crate) async fn daily_demand_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
    product: i64,
    from_day: i64,
    to_day: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let rows: Vec<(i64, i64)> = on_tx!(tx, |c| sqlx::query_as(
        "SELECT day, quantity FROM daily_demand WHERE tenant_id = $1 AND location_id = $2 \
         AND product_id = $3 AND day BETWEEN $4 AND $5 ORDER BY day",
    )
    .bind(tenant.0)
    .bind(location)
    .bind(product)
    .bind(from_day)
    .bind(to_day)
    .fetch_all(c)
    .await)?;
    let Some(first) = rows.first().map(|r| r.0) else {
        return Ok(Vec::new());
    };
    // History starts at the first day with a sale; later quiet days count as zero.
    let mut out = vec![0; (to_day - first + 1).max(0) as usize];
    for (day, qty) in rows {
        out[(day - first) as usize] = qty;
    }
    Ok(out)
}

pub(crate) async fn open_need_exists_tx(
    tx: &mut Tx,
    tenant: TenantId,
    key: &str,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
        "SELECT id FROM needs WHERE tenant_id = $1 AND dedupe_key = $2 AND state = 'open'",
    )
    .bind(tenant.0)
    .bind(key)
    .fetch_optional(c)
    .await
    .map(|r| r.is_some()))
}

/// Other locations' positions of the product, as donor candidates.
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
    }
    let rows: Vec<Row> = on_tx!(tx, |c| {
        sqlx::query_as(
        "SELECT s.location_id, l.region, l.latitude, l.longitude, s.on_hand, s.in_transit, \
         s.on_order, s.reorder_point FROM stock_positions s JOIN locations l ON l.id = s.location_id \
         WHERE s.tenant_id = $1 AND s.product_id = $2 AND s.location_id <> $3",
    )
    .bind(tenant.0)
    .bind(product)
    .bind(exclude_location)
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
        })
        .collect())
}

/// A need to record; `None` from [`insert_need_tx`] when one is already open for the key.
pub(crate) struct NewNeed<'a> {
    pub location: i64,
    pub product: i64,
    pub key: &'a str,
    pub quantity: i64,
    pub transfer_quantity: i64,
    pub purchase_quantity: i64,
    pub reason: &'a str,
    pub snapshot: &'a str,
    pub now: i64,
}

pub(crate) async fn insert_need_tx(
    tx: &mut Tx,
    tenant: TenantId,
    n: &NewNeed<'_>,
) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
        "INSERT INTO needs (tenant_id, location_id, product_id, dedupe_key, state, quantity, \
         transfer_quantity, purchase_quantity, reason, snapshot, created_at) \
         VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(tenant.0)
    .bind(n.location)
    .bind(n.product)
    .bind(n.key)
    .bind(n.quantity)
    .bind(n.transfer_quantity)
    .bind(n.purchase_quantity)
    .bind(n.reason)
    .bind(n.snapshot)
    .bind(n.now)
    .fetch_optional(c)
    .await
    })
}

pub(crate) async fn link_need_tx(
    tx: &mut Tx,
    tenant: TenantId,
    need: i64,
    transfer: Option<i64>,
    po_line: Option<i64>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE needs SET transfer_id = $3, po_line_id = $4 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(need)
    .bind(transfer)
    .bind(po_line)
    .execute(c)
    .await
    .map(|_| ()))
}

/// Closes the need once every document covering it has moved stock or ended: its
/// transfer shipped (or ended) and its purchase order sent (or ended).
pub(crate) async fn refresh_need_tx(
    tx: &mut Tx,
    tenant: TenantId,
    need: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query(
        "UPDATE needs SET state = 'closed', closed_at = $3 WHERE tenant_id = $1 AND id = $2 \
         AND state = 'open' \
         AND (transfer_id IS NULL OR EXISTS (SELECT 1 FROM transfers t WHERE t.id = needs.transfer_id \
              AND t.state IN ('shipped','received','rejected','cancelled'))) \
         AND (po_line_id IS NULL OR EXISTS (SELECT 1 FROM po_lines pl JOIN purchase_orders po \
              ON po.id = pl.po_id WHERE pl.id = needs.po_line_id \
              AND po.state IN ('sent','rejected','cancelled')))",
    )
    .bind(tenant.0)
    .bind(need)
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1)
    })
}

pub(crate) struct NewTransfer<'a> {
    pub need: i64,
    pub from: i64,
    pub to: i64,
    pub product: i64,
    pub quantity: i64,
    pub unit_cost_minor: i64,
    pub reason: &'a str,
    pub snapshot: &'a str,
    pub now: i64,
}

pub(crate) async fn insert_transfer_tx(
    tx: &mut Tx,
    tenant: TenantId,
    t: &NewTransfer<'_>,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
        "INSERT INTO transfers (tenant_id, need_id, from_location_id, to_location_id, product_id, \
         quantity, unit_cost_minor, state, reason, snapshot, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'proposed', $8, $9, $10, $10) RETURNING id",
    )
    .bind(tenant.0)
    .bind(t.need)
    .bind(t.from)
    .bind(t.to)
    .bind(t.product)
    .bind(t.quantity)
    .bind(t.unit_cost_minor)
    .bind(t.reason)
    .bind(t.snapshot)
    .bind(t.now)
    .fetch_one(c)
    .await)
}

pub(crate) async fn transfer_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<TransferRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {TRANSFER_COLUMNS} FROM transfers WHERE tenant_id = $1 AND id = $2{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as::<_, TransferRecord>(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub(crate) async fn save_transfer_tx(
    tx: &mut Tx,
    tenant: TenantId,
    t: &TransferRecord,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE transfers SET state = $3, quantity = $4, shipped = $5, received = $6, \
         involved_users = $7, updated_at = $8 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(t.id)
    .bind(&t.state)
    .bind(t.quantity)
    .bind(t.shipped)
    .bind(t.received)
    .bind(&t.involved_users)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))
}

/// The draft order gathering lines for `key` (creating it, closing at `closes_at`), and
/// whether it was created now.
pub(crate) async fn draft_po_tx(
    tx: &mut Tx,
    tenant: TenantId,
    supplier: i64,
    ship_to: i64,
    key: &str,
    closes_at: i64,
    now: i64,
) -> Result<(i64, bool), sqlx::Error> {
    let created = on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
        "INSERT INTO purchase_orders (tenant_id, supplier_id, ship_to_location_id, state, \
         consolidation_key, window_closes_at, created_at, updated_at) \
         VALUES ($1, $2, $3, 'draft', $4, $5, $6, $6) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(tenant.0)
    .bind(supplier)
    .bind(ship_to)
    .bind(key)
    .bind(closes_at)
    .bind(now)
    .fetch_optional(c)
    .await)?;
    if let Some(id) = created {
        return Ok((id, true));
    }
    let sql = format!(
        "SELECT id FROM purchase_orders WHERE tenant_id = $1 AND consolidation_key = $2 \
         AND state = 'draft'{}",
        tx.lock()
    );
    let id = on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(&sql)
        .bind(tenant.0)
        .bind(key)
        .fetch_one(c)
        .await)?;
    Ok((id, false))
}

pub(crate) struct NewLine<'a> {
    pub po: i64,
    pub product: i64,
    pub quantity: i64,
    pub unit_cost_minor: i64,
    pub need: i64,
    pub reason: &'a str,
    pub snapshot: &'a str,
}

/// Adds a line and its value to the order; `None` when the order already has a line for
/// the product (that need is already being bought).
pub(crate) async fn insert_po_line_tx(
    tx: &mut Tx,
    tenant: TenantId,
    l: &NewLine<'_>,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let id = on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
        "INSERT INTO po_lines (tenant_id, po_id, product_id, quantity, unit_cost_minor, need_id, \
         reason, snapshot) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(tenant.0)
    .bind(l.po)
    .bind(l.product)
    .bind(l.quantity)
    .bind(l.unit_cost_minor)
    .bind(l.need)
    .bind(l.reason)
    .bind(l.snapshot)
    .fetch_optional(c)
    .await
    })?;
    if id.is_some() {
        on_tx!(tx, |c| sqlx::query(
            "UPDATE purchase_orders SET value_minor = value_minor + $3, updated_at = $4 \
             WHERE tenant_id = $1 AND id = $2",
        )
        .bind(tenant.0)
        .bind(l.po)
        .bind(l.quantity * l.unit_cost_minor)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ()))?;
    }
    Ok(id)
}

pub(crate) async fn purchase_order_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<PurchaseOrderRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {PO_COLUMNS} FROM purchase_orders WHERE tenant_id = $1 AND id = $2{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as::<_, PurchaseOrderRecord>(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub(crate) async fn po_lines_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
) -> Result<Vec<PoLineRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM po_lines WHERE tenant_id = $1 AND po_id = $2 ORDER BY id"
    );
    on_tx!(tx, |c| sqlx::query_as::<_, PoLineRecord>(&sql)
        .bind(tenant.0)
        .bind(po)
        .fetch_all(c)
        .await)
}

pub(crate) async fn save_purchase_order_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: &PurchaseOrderRecord,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE purchase_orders SET state = $3, value_minor = $4, involved_users = $5, \
         updated_at = $6, sent_at = $7 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(po.id)
    .bind(&po.state)
    .bind(po.value_minor)
    .bind(&po.involved_users)
    .bind(now)
    .bind(po.sent_at)
    .execute(c)
    .await
    .map(|_| ()))
}

/// Adds to a position's figures (creating the row when missing).
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
         on_order, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (tenant_id, product_id, location_id) DO UPDATE SET \
         on_hand = stock_positions.on_hand + excluded.on_hand, \
         in_transit = stock_positions.in_transit + excluded.in_transit, \
         on_order = stock_positions.on_order + excluded.on_order, updated_at = excluded.updated_at",
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
    .map(|_| ()))
}

/// One step of an approval round to create.
pub(crate) struct NewStep<'a> {
    pub step_no: i64,
    pub role: Role,
    pub rule: Option<&'a str>,
    pub escalate_after_hours: i64,
    pub escalate_to: Option<Role>,
    /// Set for the step that starts now; later steps wait.
    pub due_at: Option<i64>,
}

pub(crate) async fn insert_step_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
    round: i64,
    s: &NewStep<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
        "INSERT INTO approval_steps (tenant_id, doc_type, doc_id, round, step_no, role, state, rule, \
         escalate_after_hours, escalate_to, due_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(tenant.0)
    .bind(doc.doc_type())
    .bind(doc.id())
    .bind(round)
    .bind(s.step_no)
    .bind(s.role.as_str())
    .bind(if s.due_at.is_some() { "pending" } else { "waiting" })
    .bind(s.rule)
    .bind(s.escalate_after_hours)
    .bind(s.escalate_to.map(|r| r.as_str()))
    .bind(s.due_at)
    .bind(now)
    .fetch_one(c)
    .await
    })
}

/// The latest approval round of a document (0 when it never had one).
pub(crate) async fn last_round_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
        "SELECT COALESCE(MAX(round), 0) FROM approval_steps WHERE tenant_id = $1 AND doc_type = $2 AND doc_id = $3",
    )
    .bind(tenant.0)
    .bind(doc.doc_type())
    .bind(doc.id())
    .fetch_one(c)
    .await
    })
}

/// The document's step waiting for a decision now, if any (locked on PostgreSQL).
pub(crate) async fn pending_step_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
) -> Result<Option<StepRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {STEP_COLUMNS} FROM approval_steps WHERE tenant_id = $1 AND doc_type = $2 \
         AND doc_id = $3 AND state = 'pending' ORDER BY round DESC, step_no LIMIT 1{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as::<_, StepRecord>(&sql)
        .bind(tenant.0)
        .bind(doc.doc_type())
        .bind(doc.id())
        .fetch_optional(c)
        .await)
}

pub(crate) async fn step_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<StepRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {STEP_COLUMNS} FROM approval_steps WHERE tenant_id = $1 AND id = $2{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as::<_, StepRecord>(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(c)
        .await)
}

/// Records a decision on a pending step. False when it was no longer pending.
pub(crate) async fn decide_step_tx(
    tx: &mut Tx,
    tenant: TenantId,
    step: i64,
    approved: bool,
    user: i64,
    comment: Option<&str>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE approval_steps SET state = $3, decided_by = $4, comment = $5, decided_at = $6 \
         WHERE tenant_id = $1 AND id = $2 AND state = 'pending'",
    )
    .bind(tenant.0)
    .bind(step)
    .bind(if approved { "approved" } else { "rejected" })
    .bind(user)
    .bind(comment)
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

/// Starts the next waiting step of the round after `step_no`; returns it.
pub(crate) async fn start_next_step_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
    round: i64,
    step_no: i64,
    now: i64,
) -> Result<Option<StepRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {STEP_COLUMNS} FROM approval_steps WHERE tenant_id = $1 AND doc_type = $2 \
         AND doc_id = $3 AND round = $4 AND step_no > $5 AND state = 'waiting' ORDER BY step_no LIMIT 1"
    );
    let next = on_tx!(tx, |c| sqlx::query_as::<_, StepRecord>(&sql)
        .bind(tenant.0)
        .bind(doc.doc_type())
        .bind(doc.id())
        .bind(round)
        .bind(step_no)
        .fetch_optional(c)
        .await)?;
    let Some(mut next) = next else {
        return Ok(None);
    };
    let due = now + next.escalate_after_hours.max(0) * 3_600_000;
    on_tx!(tx, |c| sqlx::query(
        "UPDATE approval_steps SET state = 'pending', due_at = $3 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(next.id)
    .bind(due)
    .execute(c)
    .await
    .map(|_| ()))?;
    next.state = "pending".into();
    next.due_at = Some(due);
    Ok(Some(next))
}

/// Withdraws the document's open steps (pending or waiting).
pub(crate) async fn withdraw_steps_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
    now: i64,
) -> Result<u64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE approval_steps SET state = 'withdrawn', decided_at = $4 WHERE tenant_id = $1 \
         AND doc_type = $2 AND doc_id = $3 AND state IN ('pending','waiting')",
    )
    .bind(tenant.0)
    .bind(doc.doc_type())
    .bind(doc.id())
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected()))
}

/// Hands a pending step to `role` after it waited too long; it may escalate only once.
pub(crate) async fn escalate_step_tx(
    tx: &mut Tx,
    tenant: TenantId,
    step: i64,
    role: Role,
    due_at: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE approval_steps SET role = $3, escalated = TRUE, due_at = $4 \
         WHERE tenant_id = $1 AND id = $2 AND state = 'pending' AND escalated = FALSE",
    )
    .bind(tenant.0)
    .bind(step)
    .bind(role.as_str())
    .bind(due_at)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

const MEMBERS_WITH_ROLE: &str = "SELECT u.id, u.email, u.name FROM memberships m \
     JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 AND m.role = $2 \
     AND u.disabled = FALSE ORDER BY u.name, u.id";

/// Members of the tenant holding `role` (enabled users only).
pub(crate) async fn members_with_role_tx(
    tx: &mut Tx,
    tenant: TenantId,
    role: Role,
) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as::<_, (i64, String, String)>(
        MEMBERS_WITH_ROLE
    )
    .bind(tenant.0)
    .bind(role.as_str())
    .fetch_all(c)
    .await)
}

/// Active delegations to `user` at `now`: (from user, role).
pub(crate) async fn delegations_to_tx(
    tx: &mut Tx,
    tenant: TenantId,
    user: i64,
    now: i64,
) -> Result<Vec<crate::approval::Delegation>, sqlx::Error> {
    let rows: Vec<DelegationRow> = on_tx!(tx, |c| sqlx::query_as(DELEGATIONS_TO)
        .bind(tenant.0)
        .bind(user)
        .bind(now)
        .fetch_all(c)
        .await)?;
    Ok(delegations(rows))
}

type DelegationRow = (i64, i64, String, i64, i64);
const DELEGATIONS_TO: &str = "SELECT from_user, to_user, role, from_ms, to_ms FROM delegations \
     WHERE tenant_id = $1 AND to_user = $2 AND from_ms <= $3 AND to_ms > $3";

fn delegations(rows: Vec<DelegationRow>) -> Vec<crate::approval::Delegation> {
    rows.into_iter()
        .filter_map(|(f, t, role, a, b)| {
            Some(crate::approval::Delegation {
                from_user: f,
                to_user: t,
                role: Role::parse(&role)?,
                from_ms: a,
                to_ms: b,
            })
        })
        .collect()
}

/// (approval matrix JSON, matrix version, PO window minutes).
type SettingsRow = (Option<String>, i64, i64);
const TENANT_SETTINGS: &str = "SELECT approval_matrix, matrix_version, po_window_minutes \
     FROM tenant_settings WHERE tenant_id = $1";

/// The tenant's approval matrix (JSON), its version and the PO consolidation window.
pub(crate) async fn tenant_settings_tx(
    tx: &mut Tx,
    tenant: TenantId,
) -> Result<Option<SettingsRow>, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_as::<_, SettingsRow>(TENANT_SETTINGS)
            .bind(tenant.0)
            .fetch_optional(c)
            .await
    })
}

pub(crate) async fn save_matrix_tx(
    tx: &mut Tx,
    tenant: TenantId,
    matrix_json: &str,
    window_minutes: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
        "INSERT INTO tenant_settings (tenant_id, po_window_minutes, approval_matrix, matrix_version, updated_at) \
         VALUES ($1, $3, $2, 1, $4) ON CONFLICT (tenant_id) DO UPDATE SET \
         approval_matrix = excluded.approval_matrix, po_window_minutes = excluded.po_window_minutes, \
         matrix_version = tenant_settings.matrix_version + 1, updated_at = excluded.updated_at \
         RETURNING matrix_version",
    )
    .bind(tenant.0)
    .bind(matrix_json)
    .bind(window_minutes)
    .bind(now)
    .fetch_one(c)
    .await
    })
}

pub(crate) async fn upsert_policy_tx(
    tx: &mut Tx,
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
    settings_json: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO replenishment_policies (tenant_id, class, location_id, settings, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, class, COALESCE(location_id, 0)) \
         DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at",
    )
    .bind(tenant.0)
    .bind(class)
    .bind(location)
    .bind(settings_json)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))
}

/// Labels for a document's context: product (sku, name, class) and location (code, name).
pub(crate) async fn product_label_tx(
    tx: &mut Tx,
    tenant: TenantId,
    product: i64,
) -> Result<(String, String, String), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as::<_, (String, String, String)>(
        "SELECT sku, name, class FROM products WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(product)
    .fetch_one(c)
    .await)
}

pub(crate) async fn location_label_tx(
    tx: &mut Tx,
    tenant: TenantId,
    location: i64,
) -> Result<(String, String, String), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as::<_, (String, String, String)>(
        "SELECT code, name, region FROM locations WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(location)
    .fetch_one(c)
    .await)
}

pub(crate) async fn supplier_label_tx(
    tx: &mut Tx,
    tenant: TenantId,
    supplier: i64,
) -> Result<(String, String, String), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as::<_, (String, String, String)>(
        "SELECT code, name, email FROM suppliers WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(supplier)
    .fetch_one(c)
    .await)
}

impl Store {
    /// Opens a write transaction for a multi-step change (see `engine::replenish`).
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        self.db.begin_write().await
    }

    /// Pending approval steps of the tenant, oldest first, with at most `limit` rows.
    pub async fn pending_steps(
        &self,
        tenant: TenantId,
        limit: i64,
    ) -> Result<Vec<StepRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {STEP_COLUMNS} FROM approval_steps WHERE tenant_id = $1 AND state = 'pending' \
             ORDER BY created_at, id LIMIT $2"
        );
        on_db!(&self.db, read, |pool| sqlx::query_as::<_, StepRecord>(&sql)
            .bind(tenant.0)
            .bind(limit)
            .fetch_all(pool)
            .await)
    }

    /// Every step of a document, in order.
    pub async fn steps_of(
        &self,
        tenant: TenantId,
        doc: DocRef,
    ) -> Result<Vec<StepRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {STEP_COLUMNS} FROM approval_steps WHERE tenant_id = $1 AND doc_type = $2 \
             AND doc_id = $3 ORDER BY round, step_no"
        );
        on_db!(&self.db, read, |pool| sqlx::query_as::<_, StepRecord>(&sql)
            .bind(tenant.0)
            .bind(doc.doc_type())
            .bind(doc.id())
            .fetch_all(pool)
            .await)
    }

    pub async fn transfer(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<TransferRecord>, sqlx::Error> {
        let sql =
            format!("SELECT {TRANSFER_COLUMNS} FROM transfers WHERE tenant_id = $1 AND id = $2");
        on_db!(&self.db, read, |pool| sqlx::query_as::<_, TransferRecord>(
            &sql
        )
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    pub async fn purchase_order(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<PurchaseOrderRecord>, sqlx::Error> {
        let sql =
            format!("SELECT {PO_COLUMNS} FROM purchase_orders WHERE tenant_id = $1 AND id = $2");
        on_db!(&self.db, read, |pool| sqlx::query_as::<
            _,
            PurchaseOrderRecord,
        >(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    pub async fn po_lines(
        &self,
        tenant: TenantId,
        po: i64,
    ) -> Result<Vec<PoLineRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {LINE_COLUMNS} FROM po_lines WHERE tenant_id = $1 AND po_id = $2 ORDER BY id"
        );
        on_db!(&self.db, read, |pool| sqlx::query_as::<_, PoLineRecord>(
            &sql
        )
        .bind(tenant.0)
        .bind(po)
        .fetch_all(pool)
        .await)
    }

    /// Recent transfers, newest first (optionally in one state).
    pub async fn transfers(
        &self,
        tenant: TenantId,
        state: Option<&str>,
        limit: i64,
    ) -> Result<Vec<TransferRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {TRANSFER_COLUMNS} FROM transfers WHERE tenant_id = $1 AND ($2 IS NULL OR state = $2) \
             ORDER BY id DESC LIMIT $3"
        );
        on_db!(&self.db, read, |pool| sqlx::query_as::<_, TransferRecord>(
            &sql
        )
        .bind(tenant.0)
        .bind(state)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    /// Recent purchase orders, newest first (optionally in one state).
    pub async fn purchase_orders(
        &self,
        tenant: TenantId,
        state: Option<&str>,
        limit: i64,
    ) -> Result<Vec<PurchaseOrderRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {PO_COLUMNS} FROM purchase_orders WHERE tenant_id = $1 AND ($2 IS NULL OR state = $2) \
             ORDER BY id DESC LIMIT $3"
        );
        on_db!(&self.db, read, |pool| sqlx::query_as::<
            _,
            PurchaseOrderRecord,
        >(&sql)
        .bind(tenant.0)
        .bind(state)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    /// Open needs per dedupe key that have more than one open transfer or PO line: must
    /// always be empty (the crash test checks it).
    pub async fn doubled_needs(&self, tenant: TenantId) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, read, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM (SELECT location_id, product_id FROM needs WHERE tenant_id = $1 \
             AND state = 'open' GROUP BY location_id, product_id HAVING COUNT(*) > 1) d",
        )
        .bind(tenant.0)
        .fetch_one(pool)
        .await)
    }

    /// Open documents (transfers not yet shipped and orders not yet sent) per position
    /// that has more than one: must always be 0.
    pub async fn doubled_documents(&self, tenant: TenantId) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, read, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT (SELECT COUNT(*) FROM (SELECT to_location_id, product_id FROM transfers \
               WHERE tenant_id = $1 AND state IN ('proposed','pending_approval','approved') \
               GROUP BY to_location_id, product_id HAVING COUNT(*) > 1) a) + \
             (SELECT COUNT(*) FROM (SELECT po.ship_to_location_id, pl.product_id FROM po_lines pl \
               JOIN purchase_orders po ON po.id = pl.po_id WHERE po.tenant_id = $1 \
               AND po.state IN ('draft','pending_approval','approved') \
               GROUP BY po.ship_to_location_id, pl.product_id HAVING COUNT(*) > 1) b)",
        )
        .bind(tenant.0)
        .fetch_one(pool)
        .await)
    }

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
        on_db!(&self.db, read, |pool| {
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

    /// The tenant's matrix (JSON), its version and PO window, if ever saved.
    pub async fn tenant_settings(
        &self,
        tenant: TenantId,
    ) -> Result<Option<SettingsRow>, sqlx::Error> {
        on_db!(&self.db, read, |pool| {
            sqlx::query_as::<_, SettingsRow>(TENANT_SETTINGS)
                .bind(tenant.0)
                .fetch_optional(pool)
                .await
        })
    }

    /// Location (code, name) and product (sku, name) labels by id, for display.
    pub async fn labels(
        &self,
        tenant: TenantId,
    ) -> Result<(Vec<(i64, String, String)>, Vec<(i64, String, String)>), sqlx::Error> {
        on_db!(&self.db, read, |pool| {
            let locs = sqlx::query_as::<_, (i64, String, String)>(
                "SELECT id, code, name FROM locations WHERE tenant_id = $1",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await?;
            let sups = sqlx::query_as::<_, (i64, String, String)>(
                "SELECT id, code, name FROM suppliers WHERE tenant_id = $1",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await?;
            Ok((locs, sups))
        })
    }

    /// (sku, name) of products by id.
    pub async fn product_labels(
        &self,
        tenant: TenantId,
        ids: &[i64],
    ) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = ids
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let sql =
            format!("SELECT id, sku, name FROM products WHERE tenant_id = $1 AND id IN ({list})");
        on_db!(&self.db, read, |pool| sqlx::query_as::<
            _,
            (i64, String, String),
        >(&sql)
        .bind(tenant.0)
        .fetch_all(pool)
        .await)
    }

    /// A position's figures by ids.
    pub async fn position_by_ids(
        &self,
        tenant: TenantId,
        location: i64,
        product: i64,
    ) -> Result<Option<(i64, i64, i64, i64)>, sqlx::Error> {
        on_db!(&self.db, read, |pool| sqlx::query_as::<
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
}

impl Store {
    /// Active delegations to `user` at `now`.
    pub async fn delegations_to(
        &self,
        tenant: TenantId,
        user: i64,
        now: i64,
    ) -> Result<Vec<crate::approval::Delegation>, sqlx::Error> {
        let rows: Vec<DelegationRow> =
            on_db!(&self.db, read, |pool| sqlx::query_as(DELEGATIONS_TO)
                .bind(tenant.0)
                .bind(user)
                .bind(now)
                .fetch_all(pool)
                .await)?;
        Ok(delegations(rows))
    }

    /// Members holding `role` in the tenant: (user id, e-mail, name).
    pub async fn members_with_role(
        &self,
        tenant: TenantId,
        role: Role,
    ) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
        on_db!(&self.db, read, |pool| sqlx::query_as::<
            _,
            (i64, String, String),
        >(MEMBERS_WITH_ROLE)
        .bind(tenant.0)
        .bind(role.as_str())
        .fetch_all(pool)
        .await)
    }
}

impl Store {
    /// The open need of one position, if any (benchmarks and dashboards).
    pub async fn open_need(
        &self,
        tenant: TenantId,
        location: i64,
        product: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        on_db!(&self.db, read, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT id FROM needs WHERE tenant_id = $1 AND location_id = $2 AND product_id = $3 \
             AND state = 'open'",
        )
        .bind(tenant.0)
        .bind(location)
        .bind(product)
        .fetch_optional(pool)
        .await)
    }
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
        if let Tx::Postgres(t) = &mut *tx {
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

impl Store {
    /// Up to `limit` marked positions of the tenant after `after` (key order).
    pub async fn dirty_positions(
        &self,
        tenant: TenantId,
        after: Option<(i64, i64)>,
        limit: i64,
    ) -> Result<Vec<DirtyPosition>, sqlx::Error> {
        let (l, p) = after.unwrap_or((i64::MIN, i64::MIN));
        let rows: Vec<(i64, i64, i64)> = on_db!(&self.db, read, |pool| {
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
        on_db!(&self.db, read, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM dirty_positions WHERE tenant_id = $1",
        )
        .bind(tenant.0)
        .fetch_one(pool)
        .await)
    }
}

/// A delegation someone gave, for listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DelegationRecord {
    pub id: i64,
    pub from_user: i64,
    pub to_user: i64,
    pub to_name: String,
    pub role: String,
    pub from_ms: i64,
    pub to_ms: i64,
}

pub(crate) async fn insert_delegation_tx(
    tx: &mut Tx,
    tenant: TenantId,
    d: &crate::approval::Delegation,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
        "INSERT INTO delegations (tenant_id, from_user, to_user, role, from_ms, to_ms, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(tenant.0)
    .bind(d.from_user)
    .bind(d.to_user)
    .bind(d.role.as_str())
    .bind(d.from_ms)
    .bind(d.to_ms)
    .bind(now)
    .fetch_one(c)
    .await
    })
}

/// Ends `from_user`'s delegation `id` at `now` (kept for the record). False when it is
/// not theirs, not this tenant's, or already over.
pub(crate) async fn end_delegation_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    from_user: i64,
    now: i64,
) -> Result<Option<DelegationRecord>, sqlx::Error> {
    let row: Option<(i64, i64, i64, String, String, i64, i64)> = on_tx!(tx, |c| sqlx::query_as(
        "UPDATE delegations SET to_ms = CASE WHEN from_ms > $4 THEN from_ms ELSE $4 END \
         WHERE tenant_id = $1 AND id = $2 AND from_user = $3 AND to_ms > $4 \
         RETURNING id, from_user, to_user, '', role, from_ms, to_ms",
    )
    .bind(tenant.0)
    .bind(id)
    .bind(from_user)
    .bind(now)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(
        |(id, from_user, to_user, to_name, role, from_ms, to_ms)| DelegationRecord {
            id,
            from_user,
            to_user,
            to_name,
            role,
            from_ms,
            to_ms,
        },
    ))
}

/// Users standing in at `now` for a holder of `role` (enabled users only): they get the
/// holders' e-mails too.
pub(crate) async fn delegates_for_role_tx(
    tx: &mut Tx,
    tenant: TenantId,
    role: Role,
    now: i64,
) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_as::<_, (i64, String, String)>(
        "SELECT DISTINCT u.id, u.email, u.name FROM delegations d \
         JOIN users u ON u.id = d.to_user \
         JOIN memberships m ON m.tenant_id = d.tenant_id AND m.user_id = d.from_user AND m.role = d.role \
         JOIN memberships t ON t.tenant_id = d.tenant_id AND t.user_id = d.to_user \
         WHERE d.tenant_id = $1 AND d.role = $2 AND d.from_ms <= $3 AND d.to_ms > $3 \
         AND u.disabled = FALSE ORDER BY u.id",
    )
    .bind(tenant.0)
    .bind(role.as_str())
    .bind(now)
    .fetch_all(c)
    .await
    })
}

impl Store {
    /// Delegations `user` gave that are current or still to come, soonest first.
    pub async fn delegations_from(
        &self,
        tenant: TenantId,
        user: i64,
        now: i64,
    ) -> Result<Vec<DelegationRecord>, sqlx::Error> {
        let rows: Vec<(i64, i64, i64, String, String, i64, i64)> =
            on_db!(&self.db, read, |pool| sqlx::query_as(
                "SELECT d.id, d.from_user, d.to_user, u.name, d.role, d.from_ms, d.to_ms \
                 FROM delegations d JOIN users u ON u.id = d.to_user \
                 WHERE d.tenant_id = $1 AND d.from_user = $2 AND d.to_ms > $3 \
                 ORDER BY d.from_ms, d.id LIMIT 50",
            )
            .bind(tenant.0)
            .bind(user)
            .bind(now)
            .fetch_all(pool)
            .await)?;
        Ok(rows
            .into_iter()
            .map(
                |(id, from_user, to_user, to_name, role, from_ms, to_ms)| DelegationRecord {
                    id,
                    from_user,
                    to_user,
                    to_name,
                    role,
                    from_ms,
                    to_ms,
                },
            )
            .collect())
    }

    /// The tenant's enabled members (id, name), by name: choices for a delegate.
    pub async fn member_choices(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<(i64, String)>, sqlx::Error> {
        on_db!(&self.db, read, |pool| sqlx::query_as::<_, (i64, String)>(
            "SELECT DISTINCT u.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.tenant_id = $1 AND u.disabled = FALSE AND m.role <> 'supplier' \
             ORDER BY u.name, u.id LIMIT 500",
        )
        .bind(tenant.0)
        .fetch_all(pool)
        .await)
    }
}

/// A policy scope: a product class (`*` for every class), optionally one location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyRecord {
    pub id: i64,
    pub class: String,
    pub location_id: Option<i64>,
    /// `replenish::PolicySettings` as JSON.
    pub settings: String,
    pub updated_at: i64,
}

type PolicyRow = (i64, String, Option<i64>, String, i64);

fn policy_record((id, class, location_id, settings, updated_at): PolicyRow) -> PolicyRecord {
    PolicyRecord {
        id,
        class,
        location_id,
        settings,
        updated_at,
    }
}

/// The settings saved for exactly this scope, if any.
pub(crate) async fn policy_scope_tx(
    tx: &mut Tx,
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
) -> Result<Option<PolicyRecord>, sqlx::Error> {
    let row: Option<PolicyRow> = on_tx!(tx, |c| sqlx::query_as(
        "SELECT id, class, location_id, settings, updated_at FROM replenishment_policies \
         WHERE tenant_id = $1 AND class = $2 AND COALESCE(location_id, 0) = COALESCE($3, 0)",
    )
    .bind(tenant.0)
    .bind(class)
    .bind(location)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(policy_record))
}

/// Deletes policy `id` of the tenant; returns what it was.
pub(crate) async fn delete_policy_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<PolicyRecord>, sqlx::Error> {
    let row: Option<PolicyRow> = on_tx!(tx, |c| sqlx::query_as(
        "DELETE FROM replenishment_policies WHERE tenant_id = $1 AND id = $2 \
         RETURNING id, class, location_id, settings, updated_at",
    )
    .bind(tenant.0)
    .bind(id)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(policy_record))
}

impl Store {
    /// The tenant's policy scopes: by class (`*` last), tenant-wide before per location.
    pub async fn policies(&self, tenant: TenantId) -> Result<Vec<PolicyRecord>, sqlx::Error> {
        let rows: Vec<PolicyRow> = on_db!(&self.db, read, |pool| sqlx::query_as(
            "SELECT id, class, location_id, settings, updated_at FROM replenishment_policies \
             WHERE tenant_id = $1 ORDER BY CASE WHEN class = '*' THEN 1 ELSE 0 END, class, \
             CASE WHEN location_id IS NULL THEN 0 ELSE 1 END, location_id LIMIT 1000",
        )
        .bind(tenant.0)
        .fetch_all(pool)
        .await)?;
        Ok(rows.into_iter().map(policy_record).collect())
    }
}

/// Marks up to `limit` positions of `class` (`*`: every class) at `location` (`None`:
/// every location) after `after` in (location, product) order for a policy check;
/// returns the last one marked, `None` when there were no more.
pub(crate) async fn mark_scope_dirty_tx(
    tx: &mut Tx,
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
    after: Option<(i64, i64)>,
    limit: i64,
) -> Result<Option<(i64, i64)>, sqlx::Error> {
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
    mark_dirty_tx(tx, tenant, &page).await?;
    Ok(page.last().copied())
}

/// The tenant's matrix version (0 when never saved), locking the settings row on
/// PostgreSQL so that a check-then-save cannot interleave with another save.
pub(crate) async fn matrix_version_tx(tx: &mut Tx, tenant: TenantId) -> Result<i64, sqlx::Error> {
    let sql = format!(
        "SELECT matrix_version FROM tenant_settings WHERE tenant_id = $1{}",
        tx.lock()
    );
    let v: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(&sql)
        .bind(tenant.0)
        .fetch_optional(c)
        .await)?;
    Ok(v.unwrap_or(0))
}
