//! Approval steps: the rounds of steps a document goes through, deciding one, starting
//! the next, withdrawing and escalating them.

use serde::{Deserialize, Serialize};

use super::Store;
use crate::db::Tx;
use crate::model::{DocRef, Role, TenantId};
use crate::{on_db, on_tx};

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

const STEP_COLUMNS: &str = "id, doc_type, doc_id, round, step_no, role, state, rule, \
     escalate_after_hours, escalate_to, escalated, due_at, decided_by, decided_at, comment, created_at";

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

/// Whether `user` decided a step of `doc`'s approval round `round`.
pub(crate) async fn decided_by_tx(
    tx: &mut Tx,
    tenant: TenantId,
    doc: DocRef,
    round: i64,
    user: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM approval_steps WHERE tenant_id = $1 AND doc_type = $2 \
         AND doc_id = $3 AND round = $4 AND decided_by = $5",
    )
    .bind(tenant.0)
    .bind(doc.doc_type())
    .bind(doc.id())
    .bind(round)
    .bind(user)
    .fetch_one(c)
    .await
    .map(|n| n > 0))
}

impl Store {
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
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, StepRecord>(&sql)
                .bind(tenant.0)
                .bind(limit)
                .fetch_all(pool)
                .await
        })
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
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, StepRecord>(&sql)
                .bind(tenant.0)
                .bind(doc.doc_type())
                .bind(doc.id())
                .fetch_all(pool)
                .await
        })
    }
}
