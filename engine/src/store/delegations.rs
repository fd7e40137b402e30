//! Delegations: stand-ins who may decide steps for a role while its holder is away.

use super::Store;
use crate::db::Tx;
use crate::model::{Role, TenantId};
use crate::{on_db, on_tx};

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
         AND u.disabled = FALSE AND NOT EXISTS (SELECT 1 FROM deactivated_members dm \
         WHERE dm.tenant_id = d.tenant_id AND dm.user_id IN (d.to_user, d.from_user)) ORDER BY u.id",
    )
    .bind(tenant.0)
    .bind(role.as_str())
    .bind(now)
    .fetch_all(c)
    .await
    })
}

impl Store {
    /// Active delegations to `user` at `now`.
    pub async fn delegations_to(
        &self,
        tenant: TenantId,
        user: i64,
        now: i64,
    ) -> Result<Vec<crate::approval::Delegation>, sqlx::Error> {
        let rows: Vec<DelegationRow> = on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            DELEGATIONS_TO
        )
        .bind(tenant.0)
        .bind(user)
        .bind(now)
        .fetch_all(pool)
        .await)?;
        Ok(delegations(rows))
    }

    /// Delegations `user` gave that are current or still to come, soonest first.
    pub async fn delegations_from(
        &self,
        tenant: TenantId,
        user: i64,
        now: i64,
    ) -> Result<Vec<DelegationRecord>, sqlx::Error> {
        let rows: Vec<(i64, i64, i64, String, String, i64, i64)> =
            on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
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
}
