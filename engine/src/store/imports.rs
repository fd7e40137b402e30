//! CSV imports: the uploaded file, its state, progress and report.

use serde::Serialize;

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// An import as the portal and the API show it (never the file itself).
#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct ImportRecord {
    pub id: i64,
    pub kind: String,
    /// `checking`, `checked`, `invalid`, `applying`, `applied` or `failed`.
    pub state: String,
    pub file_name: String,
    pub rows_total: i64,
    pub rows_done: i64,
    /// The check's report (JSON), once checked.
    pub report: Option<String>,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub applied_at: Option<i64>,
}

const COLUMNS: &str = "id, kind, state, file_name, rows_total, rows_done, report, created_by, \
     created_at, updated_at, applied_at";

pub(crate) struct NewImport<'a> {
    pub kind: &'a str,
    pub file_name: &'a str,
    pub body: &'a str,
    pub created_by: &'a str,
    pub now: i64,
}

pub(crate) async fn insert_import_tx(
    tx: &mut Tx,
    tenant: TenantId,
    i: &NewImport<'_>,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
        "INSERT INTO imports (tenant_id, kind, state, file_name, body, created_by, created_at, \
         updated_at) VALUES ($1, $2, 'checking', $3, $4, $5, $6, $6) RETURNING id"
    )
    .bind(tenant.0)
    .bind(i.kind)
    .bind(i.file_name)
    .bind(i.body)
    .bind(i.created_by)
    .bind(i.now)
    .fetch_one(&mut *c)
    .await)
}

/// Moves an import from `from` to `to`; false when it was not in `from` (someone else
/// moved it first).
pub(crate) async fn move_import_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    from: &str,
    to: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE imports SET state = $4, updated_at = $5, \
         applied_at = CASE WHEN $4 = 'applied' THEN $5 ELSE applied_at END \
         WHERE tenant_id = $1 AND id = $2 AND state = $3"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(now)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected() == 1))
}

impl Store {
    pub async fn import(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<ImportRecord>, sqlx::Error> {
        let sql = format!("SELECT {COLUMNS} FROM imports WHERE tenant_id = $1 AND id = $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            ImportRecord,
        >(&sql)
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    /// The tenant's imports, newest first.
    pub async fn imports(
        &self,
        tenant: TenantId,
        limit: i64,
    ) -> Result<Vec<ImportRecord>, sqlx::Error> {
        let sql =
            format!("SELECT {COLUMNS} FROM imports WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            ImportRecord,
        >(&sql)
        .bind(tenant.0)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    /// The uploaded file of an import, with its kind and state.
    pub async fn import_file(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<(String, String, String)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT kind, state, body FROM imports WHERE tenant_id = $1 AND id = $2"
        )
        .bind(tenant.0)
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    /// How far the check of an import is.
    pub async fn import_progress(
        &self,
        tenant: TenantId,
        id: i64,
        done: i64,
        total: i64,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "UPDATE imports SET rows_done = $3, rows_total = $4, updated_at = $5 \
             WHERE tenant_id = $1 AND id = $2"
        )
        .bind(tenant.0)
        .bind(id)
        .bind(done)
        .bind(total)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ()))
    }

    /// The check's result: `checked` or `invalid` (or, after a failed apply, `failed`)
    /// with its report, from `from`.
    #[allow(clippy::too_many_arguments)]
    pub async fn import_report(
        &self,
        tenant: TenantId,
        id: i64,
        from: &str,
        state: &str,
        total: i64,
        report: &str,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "UPDATE imports SET state = $4, rows_total = $5, rows_done = $5, report = $6, \
             updated_at = $7 WHERE tenant_id = $1 AND id = $2 AND state = $3"
        )
        .bind(tenant.0)
        .bind(id)
        .bind(from)
        .bind(state)
        .bind(total)
        .bind(report)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected() == 1))
    }

    /// Forgets imported files older than `before` (the rows they changed stay; the
    /// audit trail records what was applied).
    pub async fn purge_imports(&self, tenant: TenantId, before: i64) -> Result<u64, sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "DELETE FROM imports WHERE tenant_id = $1 AND created_at < $2"
        )
        .bind(tenant.0)
        .bind(before)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    }
}
