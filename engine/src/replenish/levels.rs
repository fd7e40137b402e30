//! Levels a planner controls: one position's own reorder point and order-up-to (an
//! override no policy replaces), and the hour of the tenant's nightly full sweep. The
//! class levels themselves travel with the policies (`policies::PolicySettings`).

use serde_json::json;

use super::jobs::{NightlySweep, DEFAULT_SWEEP_HOUR};
use super::sweep::positions_changed_tx;
use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::jobs::{BackgroundJob, NewJob};
use crate::limits::{within_msg, MAX_LEVEL};
use crate::model::{Member, Permission, TenantId};
use crate::store::audit::append_audit_tx;
use crate::store::jobs::{enqueue_tx, unschedule_tx};
use crate::store::{levels as store_levels, tenant_settings, Store};

/// Sets one position's own levels (`Some((reorder_point, order_up_to))`), which policies
/// never replace, or with `None` hands the position back to the policies' levels (it
/// keeps its numbers when no policy carries levels). Audited with before and after; the
/// position is checked again. Needs [`Permission::EditPolicies`]; another tenant's
/// position, or none, is [`EngineError::NotFound`].
#[allow(clippy::too_many_arguments)]
pub async fn set_position_levels(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    location: i64,
    product: i64,
    levels: Option<(i64, i64)>,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::EditPolicies)?;
    if let Some((rop, out)) = levels {
        within_msg("err-range-reorder-point", rop, 0, MAX_LEVEL)?;
        within_msg("err-range-order-up-to", out, rop, MAX_LEVEL)?;
    }
    let mut tx = store.begin(tenant).await?;
    let (before, after) =
        store_levels::set_position_levels_tx(&mut tx, tenant, location, product, levels)
            .await?
            .ok_or(EngineError::NotFound)?;
    if levels.is_none() && before.2 != "override" {
        return Err(EngineError::invalid("err-levels-follow-policy", &[]));
    }
    positions_changed_tx(&mut tx, tenant, &[(location, product)], now).await?;
    let view = |(rop, out, source): &(i64, i64, String)| json!({ "reorder_point": rop, "order_up_to": out, "levels_source": source });
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            if levels.is_some() {
                "position.levels_set"
            } else {
                "position.levels_cleared"
            },
            format!("position:{location}:{product}"),
            Some(view(&before)),
            Some(view(&after)),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets the hour (0–23, UTC) of the tenant's nightly full sweep and moves the timer
/// already set to it. Audited. Needs [`Permission::EditPolicies`].
pub async fn set_sweep_hour(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    hour: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::EditPolicies)?;
    within_msg("err-range-sweep-hour", hour, 0, 23)?;
    let mut tx = store.begin(tenant).await?;
    let before = tenant_settings::sweep_hour_tx(&mut tx, tenant)
        .await?
        .unwrap_or(DEFAULT_SWEEP_HOUR);
    tenant_settings::set_sweep_hour_tx(&mut tx, tenant, hour, now).await?;
    unschedule_tx(&mut tx, tenant, NightlySweep::KIND).await?;
    let (next, due) = NightlySweep::next(now, hour);
    if enqueue_tx(&mut tx, &NewJob::of(tenant, &next, now).at(due))
        .await?
        .is_none()
    {
        // Tonight's sweep has already run (its finished row keeps its key for a while):
        // the next is tomorrow's.
        let (tomorrow, at) = NightlySweep::next(due, hour);
        enqueue_tx(&mut tx, &NewJob::of(tenant, &tomorrow, now).at(at)).await?;
    }
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "settings.sweep_hour",
            "settings:sweep_hour",
            Some(json!({ "sweep_hour": before })),
            Some(json!({ "sweep_hour": hour })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
