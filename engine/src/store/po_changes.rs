//! What happens to a purchase order at the supplier after it is sent: proposed changes
//! (at most one open per order, the rest kept as history), the lines they rewrite, ship
//! notices with what was received against them, and the delivered orders a supplier's
//! lead time is measured from.

use serde::{Deserialize, Serialize};

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// One line of a proposed change: the order's line and what it would become (a quantity
/// of 0 drops it; `ships_on`, a day of its own, later than the order's: that line is
/// backordered).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeLine {
    pub line_id: i64,
    pub quantity: i64,
    pub unit_cost_minor: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ships_on: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, Serialize, Deserialize)]
pub struct ChangeRecord {
    pub id: i64,
    pub po_id: i64,
    /// `buyer` or `supplier`.
    pub proposed_by: String,
    /// The order's state before this exchange of proposals began (where a refusal
    /// returns it).
    pub from_state: String,
    /// `open`, `accepted`, `rejected` (by the other side), `not_approved` (in the
    /// retailer's approval), `superseded` (answered by a counter) or `cancelled` (the
    /// order was).
    pub state: String,
    pub promised_on: i64,
    /// [`ChangeLine`]s as JSON (read them with [`ChangeRecord::lines`]).
    #[serde(skip)]
    pub lines: String,
    pub value_minor: i64,
    pub note: String,
    pub actor: String,
    pub created_at: i64,
    pub decided_at: Option<i64>,
    pub decided_by: Option<String>,
    pub decision_note: String,
    /// It answered the other side's proposal (which it superseded).
    pub countered: bool,
}

impl ChangeRecord {
    pub fn lines(&self) -> Vec<ChangeLine> {
        serde_json::from_str(&self.lines).unwrap_or_default()
    }
}

pub(crate) struct NewChange<'a> {
    pub po: i64,
    pub by: &'a str,
    pub from_state: &'a str,
    pub countered: bool,
    pub promised_on: i64,
    pub lines: &'a [ChangeLine],
    pub value_minor: i64,
    pub note: &'a str,
    pub actor: &'a str,
}

const CHANGE_COLUMNS: &str =
    "id, po_id, proposed_by, from_state, state, promised_on, lines, value_minor, \
     note, actor, created_at, decided_at, decided_by, decision_note, countered";

pub(crate) async fn insert_change_tx(
    tx: &mut Tx,
    tenant: TenantId,
    c: &NewChange<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let lines = serde_json::to_string(c.lines).unwrap_or_else(|_| "[]".into());
    on_tx!(tx, |conn| sqlx::query_scalar(
        "INSERT INTO po_changes (tenant_id, po_id, proposed_by, state, promised_on, lines, \
         value_minor, note, actor, created_at, from_state, countered) \
         VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(tenant.0)
    .bind(c.po)
    .bind(c.by)
    .bind(c.promised_on)
    .bind(&lines)
    .bind(c.value_minor)
    .bind(c.note)
    .bind(c.actor)
    .bind(now)
    .bind(c.from_state)
    .bind(c.countered)
    .fetch_one(conn)
    .await)
}

/// The order's open change, if any.
pub(crate) async fn open_change_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
) -> Result<Option<ChangeRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {CHANGE_COLUMNS} FROM po_changes WHERE tenant_id = $1 AND po_id = $2 \
         AND state = 'open'"
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(po)
        .fetch_optional(c)
        .await)
}

/// How many changes were proposed for the order.
pub(crate) async fn change_count_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM po_changes WHERE tenant_id = $1 AND po_id = $2",
    )
    .bind(tenant.0)
    .bind(po)
    .fetch_one(c)
    .await)
}

/// Ends the order's open change as `state`, by `actor`, with a note.
pub(crate) async fn close_change_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
    state: &str,
    actor: &str,
    note: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE po_changes SET state = $3, decided_at = $4, decided_by = $5, decision_note = $6 \
         WHERE tenant_id = $1 AND po_id = $2 AND state = 'open'",
    )
    .bind(tenant.0)
    .bind(po)
    .bind(state)
    .bind(now)
    .bind(actor)
    .bind(note)
    .execute(c)
    .await
    .map(|_| ()))
}

/// Rewrites one line of an order (quantity and price).
pub(crate) async fn set_line_tx(
    tx: &mut Tx,
    tenant: TenantId,
    line: &ChangeLine,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE po_lines SET quantity = $3, unit_cost_minor = $4, promised_on = $5 \
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(line.line_id)
    .bind(line.quantity)
    .bind(line.unit_cost_minor)
    .bind(line.ships_on)
    .execute(c)
    .await
    .map(|_| ()))
}

pub(crate) async fn delete_line_tx(
    tx: &mut Tx,
    tenant: TenantId,
    line: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM po_lines WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(line)
    .execute(c)
    .await
    .map(|_| ()))
}

/// Adds to what of a line has shipped and what arrived in good order.
pub(crate) async fn add_to_line_tx(
    tx: &mut Tx,
    tenant: TenantId,
    line: i64,
    shipped: i64,
    received: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE po_lines SET shipped = shipped + $3, received = received + $4 \
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(line)
    .bind(shipped)
    .bind(received)
    .execute(c)
    .await
    .map(|_| ()))
}

/// A ship notice.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, Serialize, Deserialize)]
pub struct AsnRecord {
    pub id: i64,
    pub po_id: i64,
    /// `in_transit` or `received`.
    pub state: String,
    pub carrier: String,
    pub tracking: String,
    pub expected_on: i64,
    pub actor: String,
    pub created_at: i64,
    pub received_at: Option<i64>,
    pub received_by: Option<String>,
}

/// One line of a ship notice, with its article, and once received what arrived.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow, Serialize, Deserialize)]
pub struct AsnLineRecord {
    pub id: i64,
    pub asn_id: i64,
    pub po_line_id: i64,
    pub product_id: i64,
    pub sku: String,
    pub name: String,
    pub shipped: i64,
    pub received: Option<i64>,
    pub damaged: Option<i64>,
}

pub(crate) struct NewAsn<'a> {
    pub po: i64,
    pub carrier: &'a str,
    pub tracking: &'a str,
    pub expected_on: i64,
    pub actor: &'a str,
}

pub(crate) async fn insert_asn_tx(
    tx: &mut Tx,
    tenant: TenantId,
    a: &NewAsn<'_>,
    lines: &[(i64, i64)],
    now: i64,
) -> Result<i64, sqlx::Error> {
    let id: i64 = on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO po_asns (tenant_id, po_id, state, carrier, tracking, expected_on, actor, \
         created_at) VALUES ($1, $2, 'in_transit', $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(tenant.0)
    .bind(a.po)
    .bind(a.carrier)
    .bind(a.tracking)
    .bind(a.expected_on)
    .bind(a.actor)
    .bind(now)
    .fetch_one(c)
    .await)?;
    for (line, shipped) in lines {
        on_tx!(tx, |c| {
            sqlx::query(
            "INSERT INTO po_asn_lines (tenant_id, asn_id, po_line_id, shipped) VALUES ($1, $2, $3, $4)",
        )
        .bind(tenant.0)
        .bind(id)
        .bind(*line)
        .bind(*shipped)
        .execute(c)
        .await
        .map(|_| ())
        })?;
    }
    Ok(id)
}

const ASN_COLUMNS: &str = "id, po_id, state, carrier, tracking, expected_on, actor, created_at, \
     received_at, received_by";

const ASN_LINE_SQL: &str = "SELECT al.id, al.asn_id, al.po_line_id, pl.product_id, p.sku, \
     p.name, al.shipped, al.received, al.damaged FROM po_asn_lines al \
     JOIN po_lines pl ON pl.id = al.po_line_id JOIN products p ON p.id = pl.product_id";

pub(crate) async fn asn_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<AsnRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT {ASN_COLUMNS} FROM po_asns WHERE tenant_id = $1 AND id = $2{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub(crate) async fn asn_lines_tx(
    tx: &mut Tx,
    tenant: TenantId,
    asn: i64,
) -> Result<Vec<AsnLineRecord>, sqlx::Error> {
    let sql = format!("{ASN_LINE_SQL} WHERE al.tenant_id = $1 AND al.asn_id = $2 ORDER BY al.id");
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(asn)
        .fetch_all(c)
        .await)
}

/// Records what arrived on one notice line.
pub(crate) async fn receive_asn_line_tx(
    tx: &mut Tx,
    tenant: TenantId,
    line: i64,
    received: i64,
    damaged: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE po_asn_lines SET received = $3, damaged = $4 WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(line)
    .bind(received)
    .bind(damaged)
    .execute(c)
    .await
    .map(|_| ()))
}

pub(crate) async fn mark_asn_received_tx(
    tx: &mut Tx,
    tenant: TenantId,
    asn: i64,
    actor: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE po_asns SET state = 'received', received_at = $3, received_by = $4 \
         WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant.0)
    .bind(asn)
    .bind(now)
    .bind(actor)
    .execute(c)
    .await
    .map(|_| ()))
}

/// How many of the order's notices are still in transit.
pub(crate) async fn asns_in_transit_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM po_asns WHERE tenant_id = $1 AND po_id = $2 AND state = 'in_transit'",
    )
    .bind(tenant.0)
    .bind(po)
    .fetch_one(c)
    .await)
}

/// Days from sending to the last receipt of the supplier's latest delivered orders
/// (closed with at least one receipt), newest first, at most `limit`.
pub(crate) async fn delivered_lead_times_tx(
    tx: &mut Tx,
    tenant: TenantId,
    supplier: i64,
    limit: i64,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as(
        "SELECT po.sent_at, MAX(a.received_at) FROM purchase_orders po \
         JOIN po_asns a ON a.tenant_id = po.tenant_id AND a.po_id = po.id \
         WHERE po.tenant_id = $1 AND po.supplier_id = $2 AND po.state = 'closed' \
         AND po.sent_at IS NOT NULL AND a.received_at IS NOT NULL \
         GROUP BY po.id, po.sent_at ORDER BY po.id DESC LIMIT $3",
    )
    .bind(tenant.0)
    .bind(supplier)
    .bind(limit)
    .fetch_all(c)
    .await)
}

/// Ship notices an order may have (each a delivery).
pub const MAX_ASNS_PER_ORDER: i64 = 100;

pub(crate) async fn asn_count_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM po_asns WHERE tenant_id = $1 AND po_id = $2",
    )
    .bind(tenant.0)
    .bind(po)
    .fetch_one(c)
    .await)
}

impl Store {
    /// Every change proposed for the order, oldest first.
    pub async fn po_changes(
        &self,
        tenant: TenantId,
        po: i64,
    ) -> Result<Vec<ChangeRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {CHANGE_COLUMNS} FROM po_changes WHERE tenant_id = $1 AND po_id = $2 ORDER BY id"
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(po)
            .fetch_all(pool)
            .await)
    }

    /// The order's ship notices, oldest first, each with its lines.
    pub async fn po_asns(
        &self,
        tenant: TenantId,
        po: i64,
    ) -> Result<Vec<(AsnRecord, Vec<AsnLineRecord>)>, sqlx::Error> {
        let sql = format!(
            "SELECT {ASN_COLUMNS} FROM po_asns WHERE tenant_id = $1 AND po_id = $2 ORDER BY id"
        );
        let asns: Vec<AsnRecord> = on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(po)
            .fetch_all(pool)
            .await)?;
        let sql = format!(
            "{ASN_LINE_SQL} WHERE al.tenant_id = $1 AND al.asn_id IN \
             (SELECT id FROM po_asns WHERE tenant_id = $1 AND po_id = $2) ORDER BY al.id"
        );
        let lines: Vec<AsnLineRecord> =
            on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
                .bind(tenant.0)
                .bind(po)
                .fetch_all(pool)
                .await)?;
        Ok(asns
            .into_iter()
            .map(|a| {
                let mine = lines.iter().filter(|l| l.asn_id == a.id).cloned().collect();
                (a, mine)
            })
            .collect())
    }
}
