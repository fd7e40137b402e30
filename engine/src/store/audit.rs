//! Audit entries, appended inside the transaction of the change they record.

use super::Store;
use crate::audit::{AuditEntry, AuditRecord};
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

#[derive(sqlx::FromRow)]
struct AuditRow {
    tenant_id: i64,
    seq: i64,
    at: i64,
    actor: String,
    action: String,
    subject: String,
    before_state: Option<String>,
    after_state: Option<String>,
    request_id: Option<String>,
    prev_hash: String,
    hash: String,
}

impl From<AuditRow> for AuditRecord {
    fn from(r: AuditRow) -> Self {
        AuditRecord {
            tenant_id: r.tenant_id,
            seq: r.seq,
            at: r.at,
            actor: r.actor,
            action: r.action,
            subject: r.subject,
            before: r.before_state,
            after: r.after_state,
            request_id: r.request_id,
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

/// Appends `entry` for `tenant` to the chain inside the open transaction `tx`. The
/// tenant's head row is locked until commit (the upsert takes the row lock on
/// PostgreSQL; SQLite's single writer already serialises appends), so concurrent
/// appends form one chain. Two statements on PostgreSQL: lock and read the head, then
/// write the entry and move the head in one.
pub(crate) async fn append_audit_tx(
    tx: &mut Tx,
    tenant: TenantId,
    entry: &AuditEntry,
) -> Result<AuditRecord, sqlx::Error> {
    // `DO UPDATE` (a no-op change) rather than `DO NOTHING`: it locks an existing head
    // and returns it.
    let (seq, prev_hash): (i64, String) = on_tx!(tx, |c| sqlx::query_as(
        "INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) \
         ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = excluded.tenant_id \
         RETURNING seq, hash",
    )
    .bind(tenant.0)
    .bind(crate::audit::GENESIS)
    .fetch_one(c)
    .await)?;
    let mut record = AuditRecord {
        tenant_id: tenant.0,
        seq: seq + 1,
        at: crate::model::now_ms(),
        actor: entry.actor.clone(),
        action: entry.action.clone(),
        subject: entry.subject.clone(),
        before: entry.before.as_ref().map(|v| v.to_string()),
        after: entry.after.as_ref().map(|v| v.to_string()),
        request_id: entry.request_id.clone(),
        prev_hash,
        hash: String::new(),
    };
    record.hash = crate::audit::entry_hash(&record.prev_hash, &record);
    const INSERT: &str = "INSERT INTO audit_log (tenant_id, seq, at, actor, action, subject, \
         before_state, after_state, request_id, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
    const MOVE_HEAD: &str = "UPDATE audit_heads SET seq = $2, hash = $11 WHERE tenant_id = $1";
    let statements: Vec<String> = match tx {
        // One round trip: the entry and the head together.
        Tx::Postgres(_) => vec![format!("WITH entry AS ({INSERT}) {MOVE_HEAD}")],
        Tx::Sqlite(_) => vec![INSERT.to_string(), MOVE_HEAD.to_string()],
    };
    for sql in &statements {
        on_tx!(tx, |c| sqlx::query(sql)
            .bind(record.tenant_id)
            .bind(record.seq)
            .bind(record.at)
            .bind(&record.actor)
            .bind(&record.action)
            .bind(&record.subject)
            .bind(&record.before)
            .bind(&record.after)
            .bind(&record.request_id)
            .bind(&record.prev_hash)
            .bind(&record.hash)
            .execute(&mut *c)
            .await
            .map(|_| ()))?;
    }
    Ok(record)
}

impl Store {
    /// Appends one entry on its own (for decisions that change nothing else).
    pub async fn append_audit(
        &self,
        tenant: TenantId,
        entry: &AuditEntry,
    ) -> Result<AuditRecord, sqlx::Error> {
        let mut tx = self.db.begin_write(tenant).await?;
        let record = append_audit_tx(&mut tx, tenant, entry).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// The tenant's whole trail in chain order, for verification and export.
    pub async fn audit_trail(&self, tenant: TenantId) -> Result<Vec<AuditRecord>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, AuditRow>(
                "SELECT * FROM audit_log WHERE tenant_id = $1 ORDER BY seq",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await
        })
        .map(|rows| rows.into_iter().map(AuditRecord::from).collect())
    }

    /// The entries about one subject (a document's history), oldest first.
    pub async fn audit_for_subject(
        &self,
        tenant: TenantId,
        subject: &str,
    ) -> Result<Vec<AuditRecord>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, AuditRow>(
                "SELECT * FROM audit_log WHERE tenant_id = $1 AND subject = $2 ORDER BY seq",
            )
            .bind(tenant.0)
            .bind(subject)
            .fetch_all(pool)
            .await
        })
        .map(|rows| rows.into_iter().map(AuditRecord::from).collect())
    }

    /// The head of the tenant's chain (latest seq and hash): the checkpoint to export.
    pub async fn audit_head(&self, tenant: TenantId) -> Result<Option<(i64, String)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, (i64, String)>(
                "SELECT seq, hash FROM audit_heads WHERE tenant_id = $1",
            )
            .bind(tenant.0)
            .fetch_optional(pool)
            .await
        })
    }
}
