//! Partners' consoles: which partner a console tenant belongs to, its client tenants and
//! their health, provisionings, and act-as sessions (a client's rows: the client's
//! admins see them).

use super::Store;
use crate::db::{Scope, Tx};
use crate::model::{Tenant, TenantId, DAY_MS};
use crate::{on_db, on_tx};

/// A partner, as its console sees it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct PartnerRecord {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

/// A client tenant's health at a glance (see [`Store::client_health`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HealthRecord {
    /// Open exceptions raised in the last day, one to seven days ago, and earlier.
    pub exceptions_by_age: [i64; 3],
    pub pending_approvals: i64,
    pub dead_jobs: i64,
    pub failed_deliveries: i64,
    /// When the last stock event arrived (on PostgreSQL, if it is among the platform's
    /// most recent [`RECENT_EVENTS`]; `None`: longer ago, or never).
    pub last_event_at: Option<i64>,
    /// Stockouts raised per day, oldest first, [`HEALTH_DAYS`] days ending today (UTC).
    pub stockouts_by_day: Vec<i64>,
}

/// How many days the console's chart covers.
pub const HEALTH_DAYS: i64 = 30;

/// How far back (in events, across the platform) the last event is looked for: the scan
/// is bounded, whatever the size of the events table.
pub const RECENT_EVENTS: i64 = 200_000;

#[derive(sqlx::FromRow)]
struct ExceptionAges {
    day: Option<i64>,
    week: Option<i64>,
    older: Option<i64>,
}

/// A provisioning of a client tenant, and how far it has got.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ProvisioningRecord {
    pub id: i64,
    pub client_id: i64,
    pub client_slug: String,
    pub client_name: String,
    pub template: String,
    pub admin_email: String,
    pub admin_name: String,
    pub created_by: i64,
    pub state: String,
    pub steps_done: i64,
    pub steps_total: i64,
    pub step: String,
    pub error: Option<String>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

const PROVISIONING: &str = "SELECT p.id, p.client_id, t.slug AS client_slug, t.name AS client_name, \
     p.template, p.admin_email, p.admin_name, p.created_by, p.state, p.steps_done, p.steps_total, p.step, p.error, \
     p.created_at, p.finished_at FROM provisionings p JOIN tenants t ON t.id = p.client_id";

/// An act-as session, as the client's audit and the session check read it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ActAsRecord {
    pub id: i64,
    pub partner_tenant_id: i64,
    pub user_id: i64,
    pub role: String,
    pub reason: String,
    pub started_at: i64,
    pub expires_at: i64,
    pub ended_at: Option<i64>,
    pub entered_at: Option<i64>,
}

const ACT_AS: &str = "SELECT id, partner_tenant_id, user_id, role, reason, started_at, \
     expires_at, ended_at, entered_at FROM act_as_sessions";

/// A new act-as session.
pub struct NewActAs<'a> {
    pub partner_tenant: TenantId,
    pub user_id: i64,
    pub role: &'a str,
    pub reason: &'a str,
    pub expires_at: i64,
    pub handover_hash: &'a str,
    pub handover_expires: i64,
}

impl Store {
    /// The partner whose console `tenant` is (`None` unless it is a partner's console
    /// that is not suspended).
    pub async fn console_partner(
        &self,
        tenant: TenantId,
    ) -> Result<Option<PartnerRecord>, sqlx::Error> {
        on_db!(&self.db, read, Scope::System, |pool| sqlx::query_as(
            "SELECT p.id, p.slug, p.name FROM tenants t JOIN partners p ON p.id = t.partner_id \
             WHERE t.id = $1 AND t.kind = 'partner' AND t.suspended_at IS NULL"
        )
        .bind(tenant.0)
        .fetch_optional(pool)
        .await)
    }

    /// The retailer tenants of the partner of console `tenant`, by name.
    pub async fn partner_clients(
        &self,
        tenant: TenantId,
        partner_id: i64,
    ) -> Result<Vec<Tenant>, sqlx::Error> {
        let sql = format!(
            "{} WHERE t.partner_id = $1 AND t.kind = 'retailer' AND EXISTS (SELECT 1 FROM \
             tenants c WHERE c.id = $2 AND c.partner_id = $1 AND c.kind = 'partner') \
             ORDER BY t.name, t.slug LIMIT 500",
            super::tenants::TENANT_SELECT
        );
        on_db!(&self.db, read, Scope::System, |pool| {
            sqlx::query_as::<_, super::tenants::TenantRow>(&sql)
                .bind(partner_id)
                .bind(tenant.0)
                .fetch_all(pool)
                .await
        })
        .map(|rows| rows.into_iter().map(Tenant::from).collect())
    }

    /// The health of client tenant `tenant` at `now` (the caller checked it is a client).
    pub async fn client_health(
        &self,
        tenant: TenantId,
        now: i64,
    ) -> Result<HealthRecord, sqlx::Error> {
        let day_ago = now - DAY_MS;
        let week_ago = now - 7 * DAY_MS;
        let today = now.div_euclid(DAY_MS);
        let first_day = today - (HEALTH_DAYS - 1);
        let ages: ExceptionAges = on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT SUM(CASE WHEN created_at >= $2 THEN 1 ELSE 0 END) AS day, \
             SUM(CASE WHEN created_at < $2 AND created_at >= $3 THEN 1 ELSE 0 END) AS week, \
             SUM(CASE WHEN created_at < $3 THEN 1 ELSE 0 END) AS older \
             FROM exceptions WHERE tenant_id = $1 AND state = 'open'"
        )
        .bind(tenant.0)
        .bind(day_ago)
        .bind(week_ago)
        .fetch_one(pool)
        .await)?;
        let count = |sql: &'static str| async move {
            on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar::<_, i64>(
                sql
            )
            .bind(tenant.0)
            .fetch_one(pool)
            .await)
        };
        let pending_approvals =
            count("SELECT COUNT(*) FROM approval_steps WHERE tenant_id = $1 AND state = 'pending'")
                .await?;
        let dead_jobs =
            count("SELECT COUNT(*) FROM jobs WHERE tenant_id = $1 AND state = 'discarded'").await?;
        let failed_deliveries = count(
            "SELECT COUNT(*) FROM webhook_deliveries WHERE tenant_id = $1 AND state = 'failed'",
        )
        .await?;
        // PostgreSQL's events are a heap in arrival order: look back over the platform's
        // latest events only. SQLite's are keyed by tenant first: read the tenant's range.
        let last_event_sql = match &self.db {
            // The sequence is the platform's (row-level security would bound MAX(id) to
            // this tenant's rows, and scan them all for a tenant with none).
            crate::db::Db::Postgres(_) => {
                "SELECT received_at FROM stock_events WHERE tenant_id = $1 AND id > \
                 (SELECT last_value FROM stock_events_id_seq) - $2 ORDER BY id DESC LIMIT 1"
            }
            crate::db::Db::Sqlite { .. } => {
                "SELECT MAX(received_at) FROM stock_events WHERE tenant_id = $1 AND $2 > 0"
            }
        };
        let last_event_at: Option<i64> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar::<_, Option<i64>>(last_event_sql)
                .bind(tenant.0)
                .bind(RECENT_EVENTS)
                .fetch_optional(pool)
                .await
        })?
        .flatten();
        let days: Vec<(i64, i64)> = on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT created_at / $3 AS day, COUNT(*) FROM exceptions WHERE tenant_id = $1 \
             AND kind = 'stockout' AND created_at >= $2 GROUP BY created_at / $3"
        )
        .bind(tenant.0)
        .bind(first_day * DAY_MS)
        .bind(DAY_MS)
        .fetch_all(pool)
        .await)?;
        let mut stockouts_by_day = vec![0; HEALTH_DAYS as usize];
        for (day, n) in days {
            if let Ok(i) = usize::try_from(day - first_day) {
                if let Some(slot) = stockouts_by_day.get_mut(i) {
                    *slot += n;
                }
            }
        }
        Ok(HealthRecord {
            exceptions_by_age: [
                ages.day.unwrap_or(0),
                ages.week.unwrap_or(0),
                ages.older.unwrap_or(0),
            ],
            pending_approvals,
            dead_jobs,
            failed_deliveries,
            last_event_at,
            stockouts_by_day,
        })
    }

    /// The console's provisionings, newest first.
    pub async fn provisionings(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<ProvisioningRecord>, sqlx::Error> {
        let sql = format!("{PROVISIONING} WHERE p.tenant_id = $1 ORDER BY p.id DESC LIMIT 200");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .fetch_all(pool)
            .await)
    }

    pub async fn provisioning(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<ProvisioningRecord>, sqlx::Error> {
        let sql = format!("{PROVISIONING} WHERE p.tenant_id = $1 AND p.id = $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    /// Records how far provisioning `id` has got (`state` `running`, `done` or
    /// `failed`; `error` with `failed`).
    #[allow(clippy::too_many_arguments)]
    pub async fn set_provisioning_progress(
        &self,
        tenant: TenantId,
        id: i64,
        state: &str,
        steps_done: i64,
        step: &str,
        error: Option<&str>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let finished = matches!(state, "done" | "failed").then_some(now);
        on_db!(&self.db, write, tenant, |pool| sqlx::query(
            "UPDATE provisionings SET state = $3, steps_done = $4, step = $5, error = $6, \
             finished_at = $7 WHERE tenant_id = $1 AND id = $2"
        )
        .bind(tenant.0)
        .bind(id)
        .bind(state)
        .bind(steps_done)
        .bind(step)
        .bind(error)
        .bind(finished)
        .execute(pool)
        .await
        .map(|_| ()))
    }

    /// The act-as session `id` of client `tenant`.
    pub async fn act_as_session(
        &self,
        tenant: TenantId,
        id: i64,
    ) -> Result<Option<ActAsRecord>, sqlx::Error> {
        let sql = format!("{ACT_AS} WHERE tenant_id = $1 AND id = $2");
        on_db!(&self.db, read, tenant, |pool| sqlx::query_as(&sql)
            .bind(tenant.0)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }
}

/// The tenant `slug` if it is free: creates it (a retailer of `partner_id`); `None` when
/// the slug is taken. The tenants table is the platform's (no row-level security), so
/// this runs in the console's transaction.
pub(crate) async fn create_client_tx(
    tx: &mut Tx,
    slug: &str,
    name: &str,
    theme: &str,
    currency: &str,
    partner_id: i64,
    now: i64,
) -> Result<Option<TenantId>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(
        "INSERT INTO tenants (slug, name, theme, currency, partner_id, kind, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'retailer', $6) ON CONFLICT (slug) DO NOTHING RETURNING id"
    )
    .bind(slug)
    .bind(name)
    .bind(theme)
    .bind(currency)
    .bind(partner_id)
    .bind(now)
    .fetch_optional(c)
    .await)
    .map(|id| id.map(TenantId))
}

/// The console's provisioning of client `slug`, if it made one.
pub(crate) async fn provisioning_by_slug_tx(
    tx: &mut Tx,
    tenant: TenantId,
    slug: &str,
) -> Result<Option<ProvisioningRecord>, sqlx::Error> {
    let sql = format!("{PROVISIONING} WHERE p.tenant_id = $1 AND t.slug = $2");
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(slug)
        .fetch_optional(c)
        .await)
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert_provisioning_tx(
    tx: &mut Tx,
    tenant: TenantId,
    client: TenantId,
    template: &str,
    admin: (&str, &str),
    steps_total: i64,
    created_by: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO provisionings (tenant_id, client_id, template, admin_email, admin_name, \
         state, steps_total, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $8, 'queued', $5, $6, $7) RETURNING id"
    )
    .bind(tenant.0)
    .bind(client.0)
    .bind(template)
    .bind(admin.0)
    .bind(steps_total)
    .bind(created_by)
    .bind(now)
    .bind(admin.1)
    .fetch_one(c)
    .await)
}

/// Puts a failed provisioning back in the queue; false when it is not failed.
pub(crate) async fn requeue_provisioning_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE provisionings SET state = 'queued', error = NULL, finished_at = NULL \
         WHERE tenant_id = $1 AND id = $2 AND state = 'failed'"
    )
    .bind(tenant.0)
    .bind(id)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}

pub(crate) async fn insert_act_as_tx(
    tx: &mut Tx,
    client: TenantId,
    new: &NewActAs<'_>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(
        "INSERT INTO act_as_sessions (tenant_id, partner_tenant_id, user_id, role, reason, \
         started_at, expires_at, handover_hash, handover_expires) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"
    )
    .bind(client.0)
    .bind(new.partner_tenant.0)
    .bind(new.user_id)
    .bind(new.role)
    .bind(new.reason)
    .bind(now)
    .bind(new.expires_at)
    .bind(new.handover_hash)
    .bind(new.handover_expires)
    .fetch_one(c)
    .await)
}

/// Takes the hand-over of session `hash` in client `tenant`: once, before it expires,
/// while the session is open. The session, or `None`.
pub(crate) async fn take_handover_tx(
    tx: &mut Tx,
    tenant: TenantId,
    hash: &str,
    now: i64,
) -> Result<Option<ActAsRecord>, sqlx::Error> {
    let sql = format!(
        "UPDATE act_as_sessions SET entered_at = $3 WHERE tenant_id = $1 AND handover_hash = $2 \
         AND entered_at IS NULL AND ended_at IS NULL AND handover_expires > $3 \
         AND expires_at > $3 RETURNING {}",
        "id, partner_tenant_id, user_id, role, reason, started_at, expires_at, ended_at, entered_at"
    );
    on_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(tenant.0)
        .bind(hash)
        .bind(now)
        .fetch_optional(c)
        .await)
}

/// Ends session `id` now; false when it had ended already.
pub(crate) async fn end_act_as_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "UPDATE act_as_sessions SET ended_at = $3 WHERE tenant_id = $1 AND id = $2 \
         AND ended_at IS NULL"
    )
    .bind(tenant.0)
    .bind(id)
    .bind(now)
    .execute(c)
    .await
    .map(|r| r.rows_affected() == 1))
}
