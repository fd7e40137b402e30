//! Invitations to a tenant's portal and the supplier organisations' users: who was
//! invited (by e-mail, for which role and supplier), until when, and whether the
//! invitation was used or withdrawn; which supplier each supplier user answers for.

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// One invitation.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct InvitationRecord {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub supplier_id: Option<i64>,
    pub invited_by: Option<i64>,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// Password attempts made to accept it (see `invites::MAX_WRONG_PASSWORDS`).
    pub failed_attempts: i64,
}

/// A supplier organisation's user in this tenant.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SupplierUserRecord {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub supplier_id: i64,
}

const INVITATION: &str = "SELECT id, email, name, role, supplier_id, invited_by, created_at, \
     expires_at, accepted_at, revoked_at, failed_attempts FROM invitations";

/// What a new invitation says.
pub(crate) struct NewInvitation<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: &'a str,
    pub supplier_id: Option<i64>,
    pub invited_by: i64,
    pub expires_at: i64,
}

pub(crate) async fn insert_invitation_tx(
    tx: &mut Tx,
    tenant: TenantId,
    new: &NewInvitation<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO invitations (tenant_id, email, name, role, supplier_id, invited_by, \
         created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(tenant.0)
    .bind(new.email)
    .bind(new.name)
    .bind(new.role)
    .bind(new.supplier_id)
    .bind(new.invited_by)
    .bind(now)
    .bind(new.expires_at)
    .fetch_one(c)
    .await)
}

/// Withdraws the open invitations to `email` (a new one replaces them); their ids.
pub(crate) async fn revoke_open_for_email_tx(
    tx: &mut Tx,
    tenant: TenantId,
    email: &str,
    now: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "UPDATE invitations SET revoked_at = $3 WHERE tenant_id = $1 AND email = $2 \
         AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id",
    )
    .bind(tenant.0)
    .bind(email)
    .bind(now)
    .fetch_all(c)
    .await)
}

/// Withdraws one open invitation, a supplier's person's (`supplier`) or a staff
/// member's; false when it is not open (used, withdrawn, absent) or of the other kind.
pub(crate) async fn revoke_invitation_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    supplier: bool,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE invitations SET revoked_at = $3 WHERE tenant_id = $1 AND id = $2 \
         AND accepted_at IS NULL AND revoked_at IS NULL AND (role = 'supplier') = $4",
    )
    .bind(tenant.0)
    .bind(id)
    .bind(now)
    .bind(supplier)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

/// Marks the invitation used by `user`, only if it is still open and unexpired at `now`:
/// of two acceptances racing, exactly one gets `true`.
pub(crate) async fn claim_invitation_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    user: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE invitations SET accepted_at = $3, accepted_by = $4 WHERE tenant_id = $1 \
         AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3",
    )
    .bind(tenant.0)
    .bind(id)
    .bind(now)
    .bind(user)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

/// The id of the account with this e-mail anywhere on the platform.
pub(crate) async fn user_id_by_email_tx(
    tx: &mut Tx,
    email: &str,
) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM users WHERE email = $1"
    )
    .bind(email)
    .fetch_optional(c)
    .await)
}

pub(crate) async fn insert_user_tx(
    tx: &mut Tx,
    email: &str,
    name: &str,
    password_hash: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4) \
         RETURNING id",
    )
    .bind(email)
    .bind(name)
    .bind(password_hash)
    .bind(now)
    .fetch_one(c)
    .await)
}

/// Gives `user` the role in the tenant (kept if held already) and, for a supplier user,
/// its supplier organisation (replacing an earlier one).
pub(crate) async fn grant_tx(
    tx: &mut Tx,
    tenant: TenantId,
    user: i64,
    role: &str,
    supplier: Option<i64>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind(tenant.0)
    .bind(user)
    .bind(role)
    .execute(&mut *c)
    .await
    .map(|_| ()))?;
    if let Some(s) = supplier {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO supplier_members (tenant_id, user_id, supplier_id) VALUES ($1, $2, $3) \
             ON CONFLICT (tenant_id, user_id) DO UPDATE SET supplier_id = excluded.supplier_id",
        )
        .bind(tenant.0)
        .bind(user)
        .bind(s)
        .execute(c)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

/// Ends a supplier user's access to the tenant (the user's other roles, if any, stay);
/// the supplier they answered for, or `None` when they were not a supplier user here.
pub(crate) async fn remove_supplier_user_tx(
    tx: &mut Tx,
    tenant: TenantId,
    user: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let supplier: Option<i64> = on_tx!(tx, |c| {
        sqlx::query_scalar(
        "DELETE FROM supplier_members WHERE tenant_id = $1 AND user_id = $2 RETURNING supplier_id",
    )
    .bind(tenant.0)
    .bind(user)
    .fetch_optional(c)
    .await
    })?;
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2 AND role = 'supplier'",
    )
    .bind(tenant.0)
    .bind(user)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(supplier)
}

/// Whether the e-mail already belongs to a member of the tenant.
pub(crate) async fn is_member_tx(
    tx: &mut Tx,
    tenant: TenantId,
    email: &str,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.tenant_id = $1 AND u.email = $2)",
    )
    .bind(tenant.0)
    .bind(email)
    .fetch_one(c)
    .await)
}

impl Store {
    pub async fn invitation(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<InvitationRecord>, sqlx::Error> {
        let sql = format!("{INVITATION} WHERE tenant_id = $1 AND id = $2");
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant.0)
                .bind(id)
                .fetch_optional(pool)
                .await
        })
    }

    /// The tenant's open invitations (not used, not withdrawn; expired ones included so
    /// the admin sees them), newest first, at most `limit`.
    pub async fn open_invitations(
        &self,
        tenant: TenantId,
        limit: i64,
    ) -> Result<Vec<InvitationRecord>, sqlx::Error> {
        let sql = format!(
            "{INVITATION} WHERE tenant_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL \
             ORDER BY id DESC LIMIT $2"
        );
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant.0)
                .bind(limit)
                .fetch_all(pool)
                .await
        })
    }

    /// The account with this e-mail anywhere on the platform: (id, password hash,
    /// disabled).
    pub async fn account(
        &self,
        tenant: TenantId,
        email: &str,
    ) -> Result<Option<(i64, String, bool)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as("SELECT id, password_hash, disabled FROM users WHERE email = $1")
                .bind(email)
                .fetch_optional(pool)
                .await
        })
    }

    /// Counts an attempt to accept the invitation before its password is hashed or
    /// checked, only while it is open and has had fewer than `limit`: of many attempts
    /// at once, at most `limit` get a number. The attempt's number, or `None`.
    pub async fn take_invitation_attempt(
        &self,
        tenant: TenantId,
        id: i64,
        limit: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| {
            sqlx::query_scalar(
                "UPDATE invitations SET failed_attempts = failed_attempts + 1 \
                 WHERE tenant_id = $1 AND id = $2 AND accepted_at IS NULL \
                 AND revoked_at IS NULL AND failed_attempts < $3 RETURNING failed_attempts",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(limit)
            .fetch_optional(pool)
            .await
        })
    }

    /// Withdraws an open invitation (its attempts ran out).
    pub async fn withdraw_invitation(
        &self,
        tenant: TenantId,
        id: i64,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, tenant, |pool| {
            sqlx::query(
                "UPDATE invitations SET revoked_at = $3 WHERE tenant_id = $1 AND id = $2 \
                 AND accepted_at IS NULL AND revoked_at IS NULL",
            )
            .bind(tenant.0)
            .bind(id)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        })
    }

    /// The tenant's supplier users (enabled accounts), by supplier and name.
    pub async fn supplier_users(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<SupplierUserRecord>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as(
                "SELECT u.id AS user_id, u.name, u.email, sm.supplier_id FROM supplier_members sm \
                 JOIN memberships m ON m.tenant_id = sm.tenant_id AND m.user_id = sm.user_id \
                 AND m.role = 'supplier' JOIN users u ON u.id = sm.user_id \
                 WHERE sm.tenant_id = $1 AND u.disabled = FALSE \
                 ORDER BY sm.supplier_id, u.name, u.id LIMIT 1000",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await
        })
    }
}
