//! What the assistant reads and keeps: the tenant's hard limits, what it approved today,
//! the confidence of an order's lines, and its decisions with what became of each
//! document since (the shadow comparison). See `assistant` (the rules) and
//! `replenish::assistant` (where they apply).

use super::Store;
use crate::assistant::Limits;
use crate::db::{Tx, TxConn};
use crate::model::{DocRef, TenantId};
use crate::{on_db, on_tx};

const LIMITS: &str = "SELECT assistant_limits FROM tenant_settings WHERE tenant_id = $1";

/// The tenant's limits (off when it set none or they no longer read).
pub(crate) async fn limits_tx(tx: &mut Tx, tenant: TenantId) -> Result<Limits, sqlx::Error> {
    let json: Option<Option<String>> = on_tx!(tx, |c| sqlx::query_scalar(LIMITS)
        .bind(tenant.0)
        .fetch_optional(c)
        .await)?;
    Ok(Limits::from_stored(json.flatten().as_deref()))
}

/// Stores the tenant's limits (checked by the caller).
pub(crate) async fn set_limits_tx(
    tx: &mut Tx,
    tenant: TenantId,
    limits: &Limits,
    now: i64,
) -> Result<(), sqlx::Error> {
    let json = serde_json::to_string(limits).expect("plain data serialises");
    on_tx!(tx, |c| {
        sqlx::query(
            "INSERT INTO tenant_settings (tenant_id, assistant_limits, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (tenant_id) DO UPDATE SET assistant_limits = excluded.assistant_limits, \
             updated_at = excluded.updated_at",
        )
        .bind(tenant.0)
        .bind(&json)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ())
    })
}

/// Serialises the assistant's decisions in `tenant` until the transaction ends, so two
/// cannot both spend the day's last allowance. It takes the lock every audited write of
/// the tenant takes anyway, its audit head, at the point the judgement's own audit entry
/// would: no new lock order, so no new deadlock. Nothing on SQLite, whose one writer
/// runs write transactions one at a time.
pub(crate) async fn lock_tx(tx: &mut Tx, tenant: TenantId) -> Result<(), sqlx::Error> {
    if !matches!(tx.conn, TxConn::Postgres(_)) {
        return Ok(());
    }
    super::audit::lock_head_tx(tx, tenant).await
}

/// The value of the documents the assistant approved on its own since `since`; in
/// shadow mode, of those it would have approved (so the shadow keeps the daily limit as
/// acting would).
pub(crate) async fn acted_since_tx(
    tx: &mut Tx,
    tenant: TenantId,
    since: i64,
    shadow: bool,
) -> Result<i64, sqlx::Error> {
    let sql = if shadow {
        "SELECT CAST(COALESCE(SUM(value_minor), 0) AS BIGINT) FROM assistant_decisions \
         WHERE tenant_id = $1 AND mode = 'shadow' AND verdict = 'act' AND decided_at >= $2"
    } else {
        "SELECT CAST(COALESCE(SUM(value_minor), 0) AS BIGINT) FROM assistant_decisions \
         WHERE tenant_id = $1 AND acted = TRUE AND decided_at >= $2"
    };
    on_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(tenant.0)
        .bind(since)
        .fetch_one(c)
        .await)
}

/// The lowest confidence among an order's lines (a line with none counts 0), with the
/// reason kept for it; `None` for an order without lines.
pub(crate) async fn po_confidence_tx(
    tx: &mut Tx,
    tenant: TenantId,
    po: i64,
) -> Result<Option<(u8, String)>, sqlx::Error> {
    let row: Option<(Option<i64>, Option<String>)> = on_tx!(tx, |c| sqlx::query_as(
        "SELECT n.confidence_pct, n.confidence_reason FROM po_lines l \
         LEFT JOIN needs n ON n.tenant_id = l.tenant_id AND n.id = l.need_id \
         WHERE l.tenant_id = $1 AND l.po_id = $2 \
         ORDER BY COALESCE(n.confidence_pct, 0), l.id LIMIT 1"
    )
    .bind(tenant.0)
    .bind(po)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(|(pct, reason)| {
        (
            pct.unwrap_or(0).clamp(0, 100) as u8,
            reason.unwrap_or_else(|| "A line has no confidence recorded.".into()),
        )
    }))
}

/// One decision to record.
pub(crate) struct NewDecision<'a> {
    pub doc: DocRef,
    pub mode: &'a str,
    pub verdict: &'a str,
    pub acted: bool,
    pub value_minor: i64,
    pub confidence_pct: u8,
    pub reasons: &'a str,
    /// The same as recorded words (stored as [`crate::recorded::stored`] writes them).
    pub reason_words: &'a [crate::recorded::Recorded],
    pub inputs: &'a str,
    pub now: i64,
}

pub(crate) async fn record_tx(
    tx: &mut Tx,
    tenant: TenantId,
    d: &NewDecision<'_>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO assistant_decisions (tenant_id, doc_type, doc_id, mode, verdict, acted, \
         value_minor, confidence_pct, reasons, inputs, decided_at, reason_words) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    )
    .bind(tenant.0)
    .bind(d.doc.doc_type())
    .bind(d.doc.id())
    .bind(d.mode)
    .bind(d.verdict)
    .bind(d.acted)
    .bind(d.value_minor)
    .bind(i64::from(d.confidence_pct))
    .bind(d.reasons)
    .bind(d.inputs)
    .bind(d.now)
    .bind(crate::recorded::stored(d.reason_words))
    .execute(c)
    .await
    .map(|_| ()))
}

/// A decision with the document's state and value now.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionRecord {
    pub id: i64,
    pub doc: DocRef,
    pub mode: String,
    pub verdict: String,
    pub acted: bool,
    pub value_minor: i64,
    pub confidence_pct: i64,
    /// JSON array of sentences (the limits it was outside of; empty when inside).
    pub reasons: String,
    /// The same as recorded words (a JSON array); `None` for a decision recorded
    /// before, whose reasons read in English.
    pub reason_words: Option<String>,
    pub decided_at: i64,
    /// The document's state now (`None` if it is gone).
    pub state: Option<String>,
    /// The document's value now.
    pub value_now_minor: Option<i64>,
}

type Row = (
    i64,
    String,
    i64,
    String,
    String,
    bool,
    i64,
    i64,
    String,
    i64,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<i64>,
    Option<String>,
);

impl Store {
    /// The tenant's limits (off when it set none).
    pub async fn assistant_limits(&self, tenant: TenantId) -> Result<Limits, sqlx::Error> {
        let json: Option<Option<String>> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar(LIMITS)
                .bind(tenant.0)
                .fetch_optional(pool)
                .await
        })?;
        Ok(Limits::from_stored(json.flatten().as_deref()))
    }

    /// The assistant's decisions made since `since`, newest first, at most `limit`
    /// before the decision `before` (exclusive), with what became of each document.
    pub async fn assistant_decisions(
        &self,
        tenant: TenantId,
        since: i64,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<DecisionRecord>, sqlx::Error> {
        let rows: Vec<Row> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(
                "SELECT d.id, d.doc_type, d.doc_id, d.mode, d.verdict, d.acted, d.value_minor, \
                 d.confidence_pct, d.reasons, d.decided_at, t.state, t.quantity, t.unit_cost_minor, \
                 p.state, p.value_minor, d.reason_words FROM assistant_decisions d \
                 LEFT JOIN transfers t ON d.doc_type = 'transfer' AND t.tenant_id = d.tenant_id \
                   AND t.id = d.doc_id \
                 LEFT JOIN purchase_orders p ON d.doc_type = 'purchase_order' \
                   AND p.tenant_id = d.tenant_id AND p.id = d.doc_id \
                 WHERE d.tenant_id = $1 AND d.decided_at >= $2 AND d.id < $3 \
                 ORDER BY d.id DESC LIMIT $4",
            )
            .bind(tenant.0)
            .bind(since)
            .bind(before.unwrap_or(i64::MAX))
            .bind(limit.clamp(1, 10_000))
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                let doc = DocRef::parse(&r.1, r.2)?;
                let (state, value_now_minor) = match doc {
                    DocRef::Transfer(_) => (r.10, r.11.zip(r.12).map(|(q, c)| q.saturating_mul(c))),
                    DocRef::PurchaseOrder(_) => (r.13, r.14),
                };
                Some(DecisionRecord {
                    id: r.0,
                    doc,
                    mode: r.3,
                    verdict: r.4,
                    acted: r.5,
                    value_minor: r.6,
                    confidence_pct: r.7,
                    reasons: r.8,
                    reason_words: r.15,
                    decided_at: r.9,
                    state,
                    value_now_minor,
                })
            })
            .collect())
    }
}
