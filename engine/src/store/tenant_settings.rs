//! A tenant's settings: the approval matrix (versioned), the PO window and the
//! replenishment policies per class and location.

use super::Store;
use crate::db::Tx;
use crate::model::TenantId;
use crate::{on_db, on_tx};

/// One policy scope's settings (JSON): a class or `*`, optionally one location.
#[derive(Clone, Debug, sqlx::FromRow)]
pub(crate) struct PolicyScope {
    pub class: String,
    pub location_id: Option<i64>,
    pub settings: String,
}

/// Every policy scope of the tenant (a handful of rows), for [`most_specific`].
pub(crate) async fn policy_scopes_tx(
    tx: &mut Tx,
    tenant: TenantId,
) -> Result<Vec<PolicyScope>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_as::<_, PolicyScope>(
        "SELECT class, location_id, settings FROM replenishment_policies WHERE tenant_id = $1",
    )
    .bind(tenant.0)
    .fetch_all(c)
    .await)
}

/// The most specific scope for a class at a location: class and location, then class,
/// then `*` and location, then `*`.
pub(crate) fn most_specific<'a>(
    scopes: &'a [PolicyScope],
    class: &str,
    location: i64,
) -> Option<&'a PolicyScope> {
    scopes
        .iter()
        .filter(|s| {
            (s.class == class || s.class == "*") && s.location_id.is_none_or(|l| l == location)
        })
        .min_by_key(|s| (s.class == "*", s.location_id.is_none()))
}

/// (approval matrix JSON, matrix version, PO window minutes).
type SettingsRow = (Option<String>, i64, i64);

const TENANT_SETTINGS: &str = "SELECT approval_matrix, matrix_version, po_window_minutes \
     FROM tenant_settings WHERE tenant_id = $1";

/// The tenant's approval matrix (JSON), its version and the PO consolidation window.
pub(crate) async fn tenant_settings_tx(
    tx: &mut Tx,
    tenant: TenantId,
) -> Result<Option<SettingsRow>, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_as::<_, SettingsRow>(TENANT_SETTINGS)
            .bind(tenant.0)
            .fetch_optional(c)
            .await
    })
}

pub(crate) async fn save_matrix_tx(
    tx: &mut Tx,
    tenant: TenantId,
    matrix_json: &str,
    window_minutes: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    on_tx!(tx, |c| {
        sqlx::query_scalar::<_, i64>(
        "INSERT INTO tenant_settings (tenant_id, po_window_minutes, approval_matrix, matrix_version, updated_at) \
         VALUES ($1, $3, $2, 1, $4) ON CONFLICT (tenant_id) DO UPDATE SET \
         approval_matrix = excluded.approval_matrix, po_window_minutes = excluded.po_window_minutes, \
         matrix_version = tenant_settings.matrix_version + 1, updated_at = excluded.updated_at \
         RETURNING matrix_version",
    )
    .bind(tenant.0)
    .bind(matrix_json)
    .bind(window_minutes)
    .bind(now)
    .fetch_one(c)
    .await
    })
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn upsert_policy_tx(
    tx: &mut Tx,
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
    settings_json: &str,
    levels: Option<(i64, i64)>,
    dc_multiplier: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO replenishment_policies (tenant_id, class, location_id, settings, \
         reorder_point, order_up_to, dc_multiplier, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (tenant_id, class, COALESCE(location_id, 0)) \
         DO UPDATE SET settings = excluded.settings, reorder_point = excluded.reorder_point, \
         order_up_to = excluded.order_up_to, dc_multiplier = excluded.dc_multiplier, \
         updated_at = excluded.updated_at",
    )
    .bind(tenant.0)
    .bind(class)
    .bind(location)
    .bind(settings_json)
    .bind(levels.map(|l| l.0))
    .bind(levels.map(|l| l.1))
    .bind(dc_multiplier)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))
}

/// A policy scope: a product class (`*` for every class), optionally one location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyRecord {
    pub id: i64,
    pub class: String,
    pub location_id: Option<i64>,
    /// `replenish::PolicySettings` as JSON.
    pub settings: String,
    pub updated_at: i64,
}

type PolicyRow = (i64, String, Option<i64>, String, i64);

fn policy_record((id, class, location_id, settings, updated_at): PolicyRow) -> PolicyRecord {
    PolicyRecord {
        id,
        class,
        location_id,
        settings,
        updated_at,
    }
}

/// The settings saved for exactly this scope, if any.
pub(crate) async fn policy_scope_tx(
    tx: &mut Tx,
    tenant: TenantId,
    class: &str,
    location: Option<i64>,
) -> Result<Option<PolicyRecord>, sqlx::Error> {
    let row: Option<PolicyRow> = on_tx!(tx, |c| sqlx::query_as(
        "SELECT id, class, location_id, settings, updated_at FROM replenishment_policies \
         WHERE tenant_id = $1 AND class = $2 AND COALESCE(location_id, 0) = COALESCE($3, 0)",
    )
    .bind(tenant.0)
    .bind(class)
    .bind(location)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(policy_record))
}

/// Deletes policy `id` of the tenant; returns what it was.
pub(crate) async fn delete_policy_tx(
    tx: &mut Tx,
    tenant: TenantId,
    id: i64,
) -> Result<Option<PolicyRecord>, sqlx::Error> {
    let row: Option<PolicyRow> = on_tx!(tx, |c| sqlx::query_as(
        "DELETE FROM replenishment_policies WHERE tenant_id = $1 AND id = $2 \
         RETURNING id, class, location_id, settings, updated_at",
    )
    .bind(tenant.0)
    .bind(id)
    .fetch_optional(c)
    .await)?;
    Ok(row.map(policy_record))
}

const SWEEP_HOUR: &str = "SELECT sweep_hour FROM tenant_settings WHERE tenant_id = $1";

/// The hour (UTC) of the tenant's nightly sweep, if the tenant has settings.
pub(crate) async fn sweep_hour_tx(
    tx: &mut Tx,
    tenant: TenantId,
) -> Result<Option<i64>, sqlx::Error> {
    on_tx!(tx, |c| sqlx::query_scalar(SWEEP_HOUR)
        .bind(tenant.0)
        .fetch_optional(c)
        .await)
}

/// Sets the hour of the tenant's nightly sweep (creating its settings row if need be).
pub(crate) async fn set_sweep_hour_tx(
    tx: &mut Tx,
    tenant: TenantId,
    hour: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO tenant_settings (tenant_id, sweep_hour, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (tenant_id) DO UPDATE SET sweep_hour = excluded.sweep_hour, \
         updated_at = excluded.updated_at"
    )
    .bind(tenant.0)
    .bind(hour)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))
}

/// The tenant's matrix version (0 when never saved), locking the settings row on
/// PostgreSQL so that a check-then-save cannot interleave with another save.
pub(crate) async fn matrix_version_tx(tx: &mut Tx, tenant: TenantId) -> Result<i64, sqlx::Error> {
    let sql = format!(
        "SELECT matrix_version FROM tenant_settings WHERE tenant_id = $1{}",
        tx.lock()
    );
    let v: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(&sql)
        .bind(tenant.0)
        .fetch_optional(c)
        .await)?;
    Ok(v.unwrap_or(0))
}

/// The tenant's supplier clocks, or the defaults when it set none (or they no longer
/// read: the defaults are a safe clock).
pub(crate) async fn supplier_sla_tx(
    tx: &mut Tx,
    tenant: TenantId,
) -> Result<crate::sla::SupplierSla, sqlx::Error> {
    let json: Option<Option<String>> = on_tx!(tx, |c| sqlx::query_scalar(SUPPLIER_SLA)
        .bind(tenant.0)
        .fetch_optional(c)
        .await)?;
    Ok(sla_or_default(json.flatten()))
}

/// Stores the tenant's supplier clocks (checked by the caller) in its transaction.
pub(crate) async fn set_supplier_sla_tx(
    tx: &mut Tx,
    tenant: TenantId,
    sla: &crate::sla::SupplierSla,
    now: i64,
) -> Result<(), sqlx::Error> {
    let json = serde_json::to_string(sla).expect("plain data serialises");
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO tenant_settings (tenant_id, supplier_sla, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (tenant_id) DO UPDATE SET supplier_sla = excluded.supplier_sla, \
         updated_at = excluded.updated_at"
    )
    .bind(tenant.0)
    .bind(&json)
    .bind(now)
    .execute(c)
    .await
    .map(|_| ()))
}

const SUPPLIER_SLA: &str = "SELECT supplier_sla FROM tenant_settings WHERE tenant_id = $1";

/// The stored clocks, or the defaults when none are stored or they no longer read (a
/// safe clock: sending an order never stops on a bad setting); the latter is logged.
fn sla_or_default(json: Option<String>) -> crate::sla::SupplierSla {
    let Some(json) = json else {
        return crate::sla::SupplierSla::default();
    };
    match serde_json::from_str::<crate::sla::SupplierSla>(&json)
        .map_err(|e| e.to_string())
        .and_then(|s| s.validate().map(|_| s).map_err(|m| m.to_string()))
    {
        Ok(s) => s,
        Err(why) => {
            tracing::warn!(error = %why, "stored supplier clocks are not valid; using the defaults");
            crate::sla::SupplierSla::default()
        }
    }
}

impl Store {
    /// The tenant's supplier clocks (the defaults when it set none).
    pub async fn supplier_sla(
        &self,
        tenant: TenantId,
    ) -> Result<crate::sla::SupplierSla, sqlx::Error> {
        let json: Option<Option<String>> = on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_scalar(SUPPLIER_SLA)
                .bind(tenant.0)
                .fetch_optional(pool)
                .await
        })?;
        Ok(sla_or_default(json.flatten()))
    }

    /// Sets (or, with `None`, clears back to the defaults) the tenant's supplier clocks.
    pub async fn set_supplier_sla(
        &self,
        tenant: TenantId,
        sla: Option<&crate::sla::SupplierSla>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        if let Some(Err(why)) = sla.map(|s| s.validate()) {
            return Err(sqlx::Error::Protocol(format!("supplier clocks: {why}")));
        }
        let json = sla.map(|s| serde_json::to_string(s).expect("plain data serialises"));
        on_db!(&self.db, write, tenant, |pool| {
            sqlx::query(
            "INSERT INTO tenant_settings (tenant_id, supplier_sla, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (tenant_id) DO UPDATE SET supplier_sla = excluded.supplier_sla, \
             updated_at = excluded.updated_at"
        )
        .bind(tenant.0)
        .bind(json.as_deref())
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ())
        })
    }

    /// The tenant's matrix (JSON), its version and PO window, if ever saved.
    pub async fn tenant_settings(
        &self,
        tenant: TenantId,
    ) -> Result<Option<SettingsRow>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| {
            sqlx::query_as::<_, SettingsRow>(TENANT_SETTINGS)
                .bind(tenant.0)
                .fetch_optional(pool)
                .await
        })
    }

    /// The hour (UTC) of the tenant's nightly sweep, if the tenant has settings.
    pub async fn sweep_hour(&self, tenant: TenantId) -> Result<Option<i64>, sqlx::Error> {
        on_db!(&self.db, read, tenant, |pool| sqlx::query_scalar(
            SWEEP_HOUR
        )
        .bind(tenant.0)
        .fetch_optional(pool)
        .await)
    }

    /// The tenant's policy scopes: by class (`*` last), tenant-wide before per location.
    pub async fn policies(&self, tenant: TenantId) -> Result<Vec<PolicyRecord>, sqlx::Error> {
        let rows: Vec<PolicyRow> = on_db!(&self.db, read, tenant, |pool| sqlx::query_as(
            "SELECT id, class, location_id, settings, updated_at FROM replenishment_policies \
             WHERE tenant_id = $1 ORDER BY CASE WHEN class = '*' THEN 1 ELSE 0 END, class, \
             CASE WHEN location_id IS NULL THEN 0 ELSE 1 END, location_id LIMIT 1000",
        )
        .bind(tenant.0)
        .fetch_all(pool)
        .await)?;
        Ok(rows.into_iter().map(policy_record).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::sla_or_default;
    use crate::sla::SupplierSla;

    #[test]
    fn bad_stored_clocks_fall_back_to_the_defaults() {
        assert_eq!(sla_or_default(None), SupplierSla::default());
        assert_eq!(
            sla_or_default(Some("not json".into())),
            SupplierSla::default()
        );
        let bad_zone = r#"{"time_zone":"Mars/Olympus","ack_hours":4}"#;
        assert_eq!(
            sla_or_default(Some(bad_zone.into())),
            SupplierSla::default()
        );
        let good = r#"{"time_zone":"Europe/Amsterdam","ack_hours":4}"#;
        let read = sla_or_default(Some(good.into()));
        assert_eq!(
            (read.time_zone.as_str(), read.ack_hours),
            ("Europe/Amsterdam", 4)
        );
    }
}
