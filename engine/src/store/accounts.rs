//! Members and accounts: a tenant's members as its admin manages them (roles,
//! deactivation, the demand for two-step sign-in), password resets, and each account's
//! authenticator and recovery codes.
//!
//! Users are the platform's (one account per e-mail address, whichever portals it
//! belongs to); memberships, deactivations and resets are the tenant's.

use super::Store;
use crate::db::Tx;
use crate::model::{Role, TenantId};
use crate::{on_db, on_tx};

/// `AND` this to a query over `memberships m` joined to `users u`: the member is neither
/// disabled on the platform nor deactivated in the tenant.
pub(crate) const ACTIVE: &str = "u.disabled = FALSE AND NOT EXISTS (SELECT 1 FROM \
     deactivated_members dm WHERE dm.tenant_id = m.tenant_id AND dm.user_id = u.id)";

/// One person with access to the tenant, as the members page lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberRecord {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<Role>,
    /// Neither deactivated in this tenant nor disabled on the platform.
    pub active: bool,
    pub two_factor: bool,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    user_id: i64,
    name: String,
    email: String,
    role: String,
    disabled: bool,
    deactivated: bool,
    two_factor: bool,
}

impl Store {
    /// Everyone with a membership of the tenant, by name.
    pub async fn member_list(&self, tenant: TenantId) -> Result<Vec<MemberRecord>, sqlx::Error> {
        let rows = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, MemberRow>(
                "SELECT u.id AS user_id, u.name, u.email, m.role, u.disabled, \
             EXISTS (SELECT 1 FROM deactivated_members dm WHERE dm.tenant_id = m.tenant_id \
                     AND dm.user_id = u.id) AS deactivated, \
             EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id \
                     AND t.confirmed_at IS NOT NULL) AS two_factor \
             FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 \
             ORDER BY u.name, u.id, m.role LIMIT 5000",
            )
            .bind(tenant.0)
            .fetch_all(pool)
            .await
        })?;
        let mut out: Vec<MemberRecord> = Vec::new();
        for r in rows {
            let role = Role::parse(&r.role);
            match out.last_mut() {
                Some(last) if last.user_id == r.user_id => last.roles.extend(role),
                _ => out.push(MemberRecord {
                    user_id: r.user_id,
                    name: r.name,
                    email: r.email,
                    roles: role.into_iter().collect(),
                    active: !r.disabled && !r.deactivated,
                    two_factor: r.two_factor,
                }),
            }
        }
        for m in &mut out {
            m.roles.sort();
        }
        Ok(out)
    }

    /// Whether the tenant requires two-step sign-in.
    pub async fn requires_two_factor(&self, tenant: TenantId) -> Result<bool, sqlx::Error> {
        let on: Option<bool> = on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar(
            "SELECT require_two_factor FROM tenant_settings WHERE tenant_id = $1"
        )
        .bind(tenant.0)
        .fetch_optional(pool)
        .await)?;
        Ok(on.unwrap_or(false))
    }

    /// When the user's sign-ins were last ended (0: never; `i64::MAX` for an account
    /// that is gone, so that nothing of it stays valid).
    pub async fn sessions_after(&self, user: i64) -> Result<i64, sqlx::Error> {
        let at: Option<i64> = on_db!(&self.db, read, crate::db::Scope::System, |pool| {
            sqlx::query_scalar("SELECT sessions_after FROM users WHERE id = $1")
                .bind(user)
                .fetch_optional(pool)
                .await
        })?;
        Ok(at.unwrap_or(i64::MAX))
    }
}

/// The user's roles in the tenant, locking its admins' membership rows on PostgreSQL, so
/// that two changes that each leave one admin cannot both pass (SQLite's writer already
/// takes turns).
pub(crate) async fn roles_locking_admins_tx(
    tx: &mut Tx,
    tenant: TenantId,
    user: i64,
) -> Result<Vec<Role>, sqlx::Error> {
    let lock = format!(
        "SELECT user_id FROM memberships WHERE tenant_id = $1 AND role = 'tenant_admin' \
         ORDER BY user_id{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(&lock)
        .bind(tenant.0)
        .fetch_all(c)
        .await)?;
    let roles: Vec<String> = on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT role FROM memberships WHERE tenant_id = $1 AND user_id = $2"
    )
    .bind(tenant.0)
    .bind(user)
    .fetch_all(c)
    .await)?;
    Ok(roles.iter().filter_map(|r| Role::parse(r)).collect())
}

/// Active tenant admins other than `except`.
pub(crate) async fn other_active_admins_tx(
    tx: &mut Tx,
    tenant: TenantId,
    except: i64,
) -> Result<i64, sqlx::Error> {
    let sql = format!(
        "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.tenant_id = $1 AND m.role = 'tenant_admin' AND u.id <> $2 AND {ACTIVE}"
    );
    on_tx!(tx, |c| sqlx::query_scalar(&sql)
        .bind(tenant.0)
        .bind(except)
        .fetch_one(c)
        .await)
}

/// Makes the user's roles in the tenant exactly `roles`.
pub(crate) async fn set_roles_tx(
    tx: &mut Tx,
    tenant: TenantId,
    user: i64,
    roles: &[Role],
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2"
    )
    .bind(tenant.0)
    .bind(user)
    .execute(c)
    .await
    .map(|_| ()))?;
    for role in roles {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)"
        )
        .bind(tenant.0)
        .bind(user)
        .bind(role.as_str())
        .execute(c)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

/// Whether the member is deactivated in the tenant.
pub(crate) async fn is_deactivated_tx(
    tx: &mut Tx,
    tenant: TenantId,
    user: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM deactivated_members WHERE tenant_id = $1 AND user_id = $2)"
    )
    .bind(tenant.0)
    .bind(user)
    .fetch_one(c)
    .await)
}

/// Deactivates (`by` set) or reactivates (`None`) the member; false when nothing changed.
pub(crate) async fn set_deactivated_tx(
    tx: &mut Tx,
    tenant: TenantId,
    user: i64,
    by: Option<&str>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = match by {
        Some(by) => on_tx!(tx, |c| {
            sqlx::query(
            "INSERT INTO deactivated_members (tenant_id, user_id, deactivated_at, deactivated_by) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, user_id) DO NOTHING"
        )
        .bind(tenant.0)
        .bind(user)
        .bind(now)
        .bind(by)
        .execute(c)
        .await
        .map(|r| r.rows_affected())
        })?,
        None => on_tx!(tx, |c| sqlx::query(
            "DELETE FROM deactivated_members WHERE tenant_id = $1 AND user_id = $2"
        )
        .bind(tenant.0)
        .bind(user)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?,
    };
    Ok(done == 1)
}

/// Sets whether the tenant requires two-step sign-in (creating its settings row).
pub(crate) async fn set_require_two_factor_tx(
    tx: &mut Tx,
    tenant: TenantId,
    on: bool,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let before: Option<bool> = on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT require_two_factor FROM tenant_settings WHERE tenant_id = $1"
    )
    .bind(tenant.0)
    .fetch_optional(c)
    .await)?;
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO tenant_settings (tenant_id, require_two_factor, updated_at) \
         VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO UPDATE \
         SET require_two_factor = excluded.require_two_factor, updated_at = excluded.updated_at"
    )
    .bind(tenant.0)
    .bind(on)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))?;
    Ok(before.unwrap_or(false))
}

impl Store {
    /// The names of the people among `ids` who are members of `tenant` or acted in it
    /// (the actors its audit trail names).
    pub async fn actor_names(
        &self,
        tenant: TenantId,
        ids: &[i64],
    ) -> Result<Vec<(i64, String)>, sqlx::Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list: Vec<String> = ids.iter().map(i64::to_string).collect();
        let sql = format!(
            "SELECT u.id, u.name FROM users u WHERE u.id IN ({}) AND (EXISTS (SELECT 1 FROM \
             memberships m WHERE m.tenant_id = $1 AND m.user_id = u.id) OR EXISTS (SELECT 1 \
             FROM act_as_sessions a WHERE a.tenant_id = $1 AND a.user_id = u.id))",
            list.join(", ")
        );
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .fetch_all(pool)
            .await)
    }
}

// Password resets.

/// The active member of the tenant with this e-mail: (user id, name).
pub(crate) async fn active_member_by_email_tx(
    tx: &mut Tx,
    tenant: TenantId,
    email: &str,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    let sql = format!(
        "SELECT DISTINCT u.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.tenant_id = $1 AND u.email = $2 AND {ACTIVE}"
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(email)
        .fetch_optional(c)
        .await)
}

/// A new reset for the user; earlier open ones of the user in this tenant stop working.
pub(crate) async fn insert_reset_tx(
    tx: &mut Tx,
    tenant: TenantId,
    user: i64,
    expires_at: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE password_resets SET used_at = $3 WHERE tenant_id = $1 AND user_id = $2 \
         AND used_at IS NULL"
    )
    .bind(tenant.0)
    .bind(user)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))?;
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO password_resets (tenant_id, user_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4) RETURNING id"
    )
    .bind(tenant.0)
    .bind(user)
    .bind(now)
    .bind(expires_at)
    .fetch_one(c)
    .await)
}

/// A reset: (user id, expires at, used at).
pub(crate) async fn reset_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<(i64, i64, Option<i64>)>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as(
        "SELECT user_id, expires_at, used_at FROM password_resets WHERE tenant_id = $1 AND id = $2"
    )
    .bind(tenant.0)
    .bind(id)
    .fetch_optional(c)
    .await)
}

/// Marks the reset used if it is still open and unexpired: of two uses racing, one wins.
pub(crate) async fn claim_reset_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE password_resets SET used_at = $3 WHERE tenant_id = $1 AND id = $2 \
         AND used_at IS NULL AND expires_at > $3"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

/// Keeps the language a person chose (`None`: their browser's).
pub(crate) async fn set_language_tx(
    tx: &mut Tx,
    user: i64,
    language: Option<&str>,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE users SET language = $2 WHERE id = $1"
    )
    .bind(user)
    .bind(language)
    .execute(c)
    .await
    .map(|_| ()))
}

/// Sets the user's password hash and ends the sign-ins that began before `now`.
pub(crate) async fn set_password_tx(
    tx: &mut Tx,
    user: i64,
    hash: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE users SET password_hash = $2, sessions_after = $3 WHERE id = $1"
    )
    .bind(user)
    .bind(hash)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))
}

/// The user's password hash.
pub(crate) async fn password_hash_tx(
    tx: &mut Tx,
    user: i64,
) -> Result<Option<String>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "SELECT password_hash FROM users WHERE id = $1"
    )
    .bind(user)
    .fetch_optional(c)
    .await)
}

// Two-step sign-in.

/// The user's authenticator: its sealed secret, when it was made and confirmed, and the
/// last time step accepted.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TotpRecord {
    pub secret_sealed: String,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
    pub last_step: i64,
}

pub(crate) async fn totp_tx(tx: &mut Tx, user: i64) -> Result<Option<TotpRecord>, sqlx::Error> {
    let sql = format!(
        "SELECT secret_sealed, created_at, confirmed_at, last_step FROM user_totp WHERE user_id = $1{}",
        tx.lock()
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(user)
        .fetch_optional(c)
        .await)
}

impl Store {
    /// Whether the user has a confirmed authenticator.
    pub async fn has_two_factor(&self, user: i64) -> Result<bool, sqlx::Error> {
        on_db!(&self.db, read, crate::db::Scope::System, |pool| {
            sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM user_totp WHERE user_id = $1 \
                 AND confirmed_at IS NOT NULL)",
            )
            .bind(user)
            .fetch_one(pool)
            .await
        })
    }

    /// Unused recovery codes the user has left.
    pub async fn recovery_codes_left(&self, user: i64) -> Result<i64, sqlx::Error> {
        on_db!(&self.db, read, crate::db::Scope::System, |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
            )
            .bind(user)
            .fetch_one(pool)
            .await
        })
    }
}

/// Starts setting up an authenticator (replacing one not yet confirmed).
pub(crate) async fn start_totp_tx(
    tx: &mut Tx,
    user: i64,
    sealed: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO user_totp (user_id, secret_sealed, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, \
         created_at = excluded.created_at, confirmed_at = NULL, last_step = 0"
    )
    .bind(user)
    .bind(sealed)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))
}

/// Records an accepted code's step (and, the first time, that the authenticator is
/// confirmed); false when a code of this step or a later one was accepted already.
pub(crate) async fn accept_step_tx(
    tx: &mut Tx,
    user: i64,
    step: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE user_totp SET last_step = $2, confirmed_at = COALESCE(confirmed_at, $3) \
         WHERE user_id = $1 AND last_step < $2"
    )
    .bind(user)
    .bind(step)
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

/// Removes the user's authenticator and recovery codes.
pub(crate) async fn remove_totp_tx(tx: &mut Tx, user: i64) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM recovery_codes WHERE user_id = $1"
    )
    .bind(user)
    .execute(c)
    .await
    .map(|_| ()))?;
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM user_totp WHERE user_id = $1"
    )
    .bind(user)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

/// Replaces the user's recovery codes with these hashes.
pub(crate) async fn replace_recovery_codes_tx(
    tx: &mut Tx,
    user: i64,
    hashes: &[String],
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "DELETE FROM recovery_codes WHERE user_id = $1"
    )
    .bind(user)
    .execute(c)
    .await
    .map(|_| ()))?;
    for h in hashes {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)"
        )
        .bind(user)
        .bind(h)
        .execute(c)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

/// Uses a recovery code: true if it was the user's and unused (then it never works again).
pub(crate) async fn use_recovery_code_tx(
    tx: &mut Tx,
    user: i64,
    hash: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 \
         AND used_at IS NULL"
    )
    .bind(user)
    .bind(hash)
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

impl Store {
    /// Whether the reset is unused and unexpired at `now` (its e-mail still worth sending).
    pub async fn password_reset_open(
        &self,
        tenant: TenantId,
        id: i64,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM password_resets WHERE tenant_id = $1 AND id = $2 \
             AND used_at IS NULL AND expires_at > $3)"
        )
        .bind(tenant.0)
        .bind(id)
        .bind(now)
        .fetch_one(pool)
        .await)
    }
}

impl Store {
    /// Every authenticator's sealed secret: (user id, sealed), for sealing them again
    /// under a new key.
    pub(crate) async fn sealed_totp_secrets(&self) -> Result<Vec<(i64, String)>, sqlx::Error> {
        on_db!(&self.db, read, crate::db::Scope::System, |pool| {
            sqlx::query_as("SELECT user_id, secret_sealed FROM user_totp ORDER BY user_id")
                .fetch_all(pool)
                .await
        })
    }

    /// Replaces one authenticator's sealed secret (the same secret under another key).
    pub(crate) async fn reseal_totp_secret(
        &self,
        user: i64,
        before: &str,
        sealed: &str,
    ) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query(
                "UPDATE user_totp SET secret_sealed = $3 WHERE user_id = $1 AND secret_sealed = $2",
            )
            .bind(user)
            .bind(before)
            .bind(sealed)
            .execute(pool)
            .await
            .map(|_| ())
        })
    }
}
