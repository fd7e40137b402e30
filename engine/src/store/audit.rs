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

/// Locks the tenant's audit head until the transaction ends, as its first audit entry
/// would: for a write that must be serialised per tenant and is audited anyway.
pub(crate) async fn lock_head_tx(tx: &mut Tx, tenant: TenantId) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) \
         ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = excluded.tenant_id"
    )
    .bind(tenant.0)
    .bind(crate::audit::GENESIS)
    .execute(c)
    .await
    .map(|_| ()))
}

/// Appends `entry` for `tenant` to the chain inside the open transaction `tx`. The first
/// entry for a tenant in a transaction locks and reads the tenant's head row (the upsert
/// takes the row lock on PostgreSQL; SQLite's single writer already serialises appends),
/// so concurrent transactions form one chain; later entries chain on in memory. The
/// entries are written when the transaction commits or changes scope
/// ([`flush_audit_tx`]), a few hundred to a statement: a batch of checks that opens a
/// hundred documents costs a handful of statements for its audit, not two per entry.
pub(crate) async fn append_audit_tx(
    tx: &mut Tx,
    tenant: TenantId,
    entry: &AuditEntry,
) -> Result<AuditRecord, sqlx::Error> {
    // Entries are written under the transaction's scope: one for another tenant would
    // be refused there (PostgreSQL) or land in the wrong chain's transaction (SQLite).
    if tx.scope != crate::db::Scope::Tenant(tenant) {
        return Err(sqlx::Error::Protocol(format!(
            "audit entry for tenant {} in a transaction scoped to {:?}",
            tenant.0, tx.scope
        )));
    }
    let (seq, prev_hash) = match tx.audit.heads.iter().find(|h| h.0 == tenant.0) {
        Some((_, seq, hash)) => (*seq, hash.clone()),
        None => {
            // `DO UPDATE` (a no-op change) rather than `DO NOTHING`: it locks an
            // existing head and returns it.
            let head: (i64, String) = on_tx!(tx, |c| sqlx::query_as(
                "INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) \
                 ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = excluded.tenant_id \
                 RETURNING seq, hash",
            )
            .bind(tenant.0)
            .bind(crate::audit::GENESIS)
            .fetch_one(c)
            .await)?;
            head
        }
    };
    let next = seq.checked_add(1).ok_or_else(|| {
        sqlx::Error::Protocol(format!("tenant {}: audit sequence exhausted", tenant.0))
    })?;
    let mut record = AuditRecord {
        tenant_id: tenant.0,
        seq: next,
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
    let head = (tenant.0, record.seq, record.hash.clone());
    match tx.audit.heads.iter_mut().find(|h| h.0 == tenant.0) {
        Some(h) => *h = head,
        None => tx.audit.heads.push(head),
    }
    tx.audit.pending.push(record.clone());
    Ok(record)
}

/// Rows per audit insert on PostgreSQL (11 parameters each); SQLite takes its usual
/// chunk ([`super::chunk_rows`]).
const AUDIT_CHUNK: usize = 200;

/// Writes the entries [`append_audit_tx`] buffered in `tx` and moves each tenant's
/// head to its newest entry. Called by `Tx::commit` and `Tx::set_scope` (see
/// `store::tx`), under the scope the entries were made in.
pub(crate) async fn flush_audit_tx(tx: &mut Tx) -> Result<(), sqlx::Error> {
    if tx.audit.pending.is_empty() {
        return Ok(());
    }
    let pending = std::mem::take(&mut tx.audit.pending);
    let rows = super::chunk_rows(tx).min(AUDIT_CHUNK);
    for chunk in pending.chunks(rows) {
        let mut sql = String::from(
            "INSERT INTO audit_log (tenant_id, seq, at, actor, action, subject, \
             before_state, after_state, request_id, prev_hash, hash) VALUES ",
        );
        for i in 0..chunk.len() {
            if i > 0 {
                sql.push_str(", ");
            }
            let b = i * 11;
            sql.push('(');
            for col in 1..=11 {
                if col > 1 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", b + col));
            }
            sql.push(')');
        }
        on_tx!(tx, |c| {
            let mut q = sqlx::query(&sql);
            for r in chunk {
                q = q
                    .bind(r.tenant_id)
                    .bind(r.seq)
                    .bind(r.at)
                    .bind(&r.actor)
                    .bind(&r.action)
                    .bind(&r.subject)
                    .bind(&r.before)
                    .bind(&r.after)
                    .bind(&r.request_id)
                    .bind(&r.prev_hash)
                    .bind(&r.hash);
            }
            q.execute(&mut *c).await.map(|_| ())
        })?;
    }
    let mut moved: Vec<i64> = pending.iter().map(|r| r.tenant_id).collect();
    moved.sort_unstable();
    moved.dedup();
    for tenant in moved {
        let Some((_, seq, hash)) = tx.audit.heads.iter().find(|h| h.0 == tenant).cloned() else {
            continue;
        };
        let moved = on_tx!(tx, |c| sqlx::query(
            "UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1"
        )
        .bind(tenant)
        .bind(seq)
        .bind(&hash)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
        if moved != 1 {
            return Err(sqlx::Error::Protocol(format!(
                "tenant {tenant}: the audit head was not there to move"
            )));
        }
    }
    Ok(())
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

    /// A page of the tenant's trail, newest first: `limit` entries before `before` (a
    /// seq), or the latest.
    pub async fn audit_page(
        &self,
        tenant: TenantId,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditRecord>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, AuditRow>(
                "SELECT * FROM audit_log WHERE tenant_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3",
            )
            .bind(tenant.0)
            .bind(before.unwrap_or(i64::MAX))
            .bind(limit)
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
