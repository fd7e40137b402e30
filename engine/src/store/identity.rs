//! Users and their memberships in tenants.

use super::Store;
use crate::db::Tx;
use crate::model::{now_ms, Member, Role, TenantId};
use crate::{on_db, on_tx};
#[allow(unused_imports)] // `begin` on a PostgreSQL connection, inside `on_db!`
use sqlx::Connection as _;

/// What the login check needs: the member (if they belong to the tenant) and the hash.
#[derive(Clone, Debug)]
pub struct LoginRecord {
    pub member: Member,
    pub password_hash: String,
    /// Disabled on the platform or deactivated in this tenant.
    pub disabled: bool,
    /// Sign-ins that began before this instant have ended (a password changed).
    pub sessions_after: i64,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    id: i64,
    email: String,
    name: String,
    password_hash: String,
    disabled: bool,
    deactivated: bool,
    sessions_after: i64,
    role: String,
    supplier_id: Option<i64>,
    tenant_kind: String,
}

fn fold(rows: Vec<MemberRow>) -> Option<LoginRecord> {
    let first = rows.first()?;
    let mut rec = LoginRecord {
        member: Member {
            user_id: first.id,
            email: first.email.clone(),
            name: first.name.clone(),
            roles: Vec::new(),
            supplier_id: first.supplier_id,
            api_key: None,
            kind: crate::model::TenantKind::parse(&first.tenant_kind).unwrap_or_default(),
            acting: None,
        },
        password_hash: first.password_hash.clone(),
        disabled: first.disabled || first.deactivated,
        sessions_after: first.sessions_after,
    };
    rec.member.roles = rows.iter().filter_map(|r| Role::parse(&r.role)).collect();
    rec.member.roles.sort();
    Some(rec)
}

const MEMBER_SELECT: &str = "SELECT u.id, u.email, u.name, u.password_hash, u.disabled, \
     EXISTS (SELECT 1 FROM deactivated_members dm WHERE dm.tenant_id = m.tenant_id \
     AND dm.user_id = u.id) AS deactivated, u.sessions_after, m.role, \
     sm.supplier_id, t.kind AS tenant_kind FROM users u JOIN memberships m ON m.user_id = u.id \
     JOIN tenants t ON t.id = m.tenant_id LEFT JOIN supplier_members sm ON sm.tenant_id = m.tenant_id AND sm.user_id = u.id";

impl Store {
    /// The user with this e-mail, only if they are a member of `tenant`.
    pub async fn login_record(
        &self,
        tenant: TenantId,
        email: &str,
    ) -> Result<Option<LoginRecord>, sqlx::Error> {
        let sql = format!("{MEMBER_SELECT} WHERE m.tenant_id = $1 AND u.email = $2");
        let rows = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, MemberRow>(&sql)
                .bind(tenant.0)
                .bind(email)
                .fetch_all(pool)
                .await
        })?;
        Ok(fold(rows))
    }

    /// The member `user_id` of `tenant`, if still a member, neither disabled nor
    /// deactivated.
    pub async fn member(
        &self,
        tenant: TenantId,
        user_id: i64,
    ) -> Result<Option<Member>, sqlx::Error> {
        Ok(self.member_record(tenant, user_id).await?.map(|r| r.member))
    }

    /// The member `user_id` of `tenant` as a sign-in that began at `login_at` sees
    /// them: None once they left, were disabled or deactivated, or their password
    /// changed after `login_at` (every sign-in before the change ends).
    pub async fn member_signed_in(
        &self,
        tenant: TenantId,
        user_id: i64,
        login_at: i64,
    ) -> Result<Option<Member>, sqlx::Error> {
        Ok(self
            .member_record(tenant, user_id)
            .await?
            .filter(|r| login_at >= r.sessions_after)
            .map(|r| r.member))
    }

    async fn member_record(
        &self,
        tenant: TenantId,
        user_id: i64,
    ) -> Result<Option<LoginRecord>, sqlx::Error> {
        let sql = format!("{MEMBER_SELECT} WHERE m.tenant_id = $1 AND u.id = $2");
        let rows = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, MemberRow>(&sql)
                .bind(tenant.0)
                .bind(user_id)
                .fetch_all(pool)
                .await
        })?;
        Ok(fold(rows).filter(|r| !r.disabled))
    }

    /// Creates the user if the e-mail is new (keeping an existing password), then makes the
    /// user's roles in `tenant` exactly `roles`, and their supplier organisation there
    /// `supplier`. `hash` is called only for a new user.
    pub async fn upsert_member(
        &self,
        tenant: TenantId,
        email: &str,
        name: &str,
        hash: impl FnOnce() -> String,
        roles: &[Role],
        supplier: Option<i64>,
    ) -> Result<i64, sqlx::Error> {
        let existing = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar::<_, i64>("SELECT id FROM users WHERE email = $1")
                .bind(email)
                .fetch_optional(pool)
                .await
        })?;
        let new_hash = if existing.is_none() {
            Some(hash())
        } else {
            None
        };
        on_db!(&self.db, write, tenant, |pool| {
            let mut tx = pool.begin().await?;
            let user_id = match (existing, &new_hash) {
                (Some(id), _) => {
                    sqlx::query("UPDATE users SET name = $1 WHERE id = $2")
                        .bind(name)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    id
                }
                (None, Some(h)) => {
                    sqlx::query_scalar::<_, i64>(
                        "INSERT INTO users (email, name, password_hash, created_at) \
                         VALUES ($1, $2, $3, $4) RETURNING id",
                    )
                    .bind(email)
                    .bind(name)
                    .bind(h)
                    .bind(now_ms())
                    .fetch_one(&mut *tx)
                    .await?
                }
                (None, None) => unreachable!("a new user always gets a hash"),
            };
            sqlx::query("DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2")
                .bind(tenant.0)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            for role in roles {
                sqlx::query(
                    "INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)",
                )
                .bind(tenant.0)
                .bind(user_id)
                .bind(role.as_str())
                .execute(&mut *tx)
                .await?;
            }
            sqlx::query("DELETE FROM supplier_members WHERE tenant_id = $1 AND user_id = $2")
                .bind(tenant.0)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            if let Some(s) = supplier {
                sqlx::query(
                    "INSERT INTO supplier_members (tenant_id, user_id, supplier_id) VALUES ($1, $2, $3)",
                )
                .bind(tenant.0)
                .bind(user_id)
                .bind(s)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(user_id)
        })
    }

    /// Replaces a stored hash, e.g. when the parameters were upgraded at login.
    pub async fn set_password_hash(&self, user_id: i64, hash: &str) -> Result<(), sqlx::Error> {
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(hash)
                .bind(user_id)
                .execute(pool)
                .await
                .map(|_| ())
        })
    }

    /// The language a person chose to read (a code), if any.
    pub async fn user_language(&self, user_id: i64) -> Result<Option<String>, sqlx::Error> {
        on_db!(&self.db, read, crate::db::Scope::System, |pool| {
            sqlx::query_scalar::<_, Option<String>>("SELECT language FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(pool)
                .await
                .map(Option::flatten)
        })
    }

    /// The language (a code) chosen by the person with this address, if they are a
    /// member of the tenant or invited to it and chose one: what their e-mail is
    /// written in.
    pub async fn user_language_by_email(
        &self,
        tenant: TenantId,
        email: &str,
    ) -> Result<Option<String>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar::<_, Option<String>>(
                "SELECT u.language FROM users u WHERE u.email = $2 AND (EXISTS \
                 (SELECT 1 FROM memberships m WHERE m.tenant_id = $1 AND m.user_id = u.id) \
                 OR EXISTS (SELECT 1 FROM invitations i WHERE i.tenant_id = $1 AND i.email = u.email))",
            )
            .bind(tenant.0)
            .bind(email)
            .fetch_optional(pool)
            .await
            .map(Option::flatten)
        })
    }

    pub async fn set_user_disabled(
        &self,
        email: &str,
        disabled: bool,
    ) -> Result<bool, sqlx::Error> {
        on_db!(&self.db, write, crate::db::Scope::System, |pool| {
            sqlx::query("UPDATE users SET disabled = $1 WHERE email = $2")
                .bind(disabled)
                .bind(email)
                .execute(pool)
                .await
                .map(|r| r.rows_affected() > 0)
        })
    }
}

const MEMBERS_WITH_ROLE: &str = "SELECT u.id, u.email, u.name FROM memberships m \
     JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 AND m.role = $2 \
     AND u.disabled = FALSE AND NOT EXISTS (SELECT 1 FROM deactivated_members dm \
     WHERE dm.tenant_id = m.tenant_id AND dm.user_id = u.id) ORDER BY u.name, u.id";

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

/// An active member of the tenant: (user id, e-mail, name), or None.
pub(crate) async fn member_contact_tx(
    tx: &mut Tx,
    tenant: TenantId,
    user: i64,
) -> Result<Option<(i64, String, String)>, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_as::<_, (i64, String, String)>(
        "SELECT DISTINCT u.id, u.email, u.name FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.tenant_id = $1 AND u.id = $2 AND u.disabled = FALSE AND NOT EXISTS \
         (SELECT 1 FROM deactivated_members dm WHERE dm.tenant_id = m.tenant_id AND dm.user_id = u.id)"
    )
    .bind(tenant.0)
    .bind(user)
    .fetch_optional(c)
    .await
    })
}

impl Store {
    /// Members holding `role` in the tenant: (user id, e-mail, name).
    pub async fn members_with_role(
        &self,
        tenant: TenantId,
        role: Role,
    ) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            (i64, String, String),
        >(MEMBERS_WITH_ROLE)
        .bind(tenant.0)
        .bind(role.as_str())
        .fetch_all(pool)
        .await)
    }

    /// The tenant's enabled members (id, name), by name: choices for a delegate.
    pub async fn member_choices(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<(i64, String)>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as::<
            _,
            (i64, String),
        >(
            "SELECT DISTINCT u.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.tenant_id = $1 AND u.disabled = FALSE AND m.role <> 'supplier' \
             AND NOT EXISTS (SELECT 1 FROM deactivated_members dm \
             WHERE dm.tenant_id = m.tenant_id AND dm.user_id = u.id) \
             ORDER BY u.name, u.id LIMIT 500",
        )
        .bind(tenant.0)
        .fetch_all(pool)
        .await)
    }
}
