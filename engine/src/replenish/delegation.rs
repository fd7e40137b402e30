//! Stand-ins while away: an approver hands one of their approving roles to a colleague
//! for a period, and may end it early. Audited.

use serde_json::json;

use super::DAY_MS;
use crate::approval;
use crate::audit::AuditEntry;
use crate::error::{role_term, EngineError, Msg};
use crate::model::{Audience, Member, Permission, Role, TenantId};
use crate::store::audit::append_audit_tx;
use crate::store::delegations;
use crate::store::Store;

/// The longest a delegation may run.
pub const MAX_DELEGATION_MS: i64 = 90 * DAY_MS;

/// `member` hands their `role` to `to_user` from `from_ms` until `to_ms` (while away):
/// the delegate may then decide steps needing that role, except on documents the
/// delegator requested or changed, and gets the approval e-mails. Audited. Needs
/// [`Permission::DecideApprovals`].
#[allow(clippy::too_many_arguments)]
pub async fn delegate(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    to_user: i64,
    role: Role,
    from_ms: i64,
    to_ms: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<i64, EngineError> {
    member.require(Permission::DecideApprovals)?;
    if !member.has(role) || role.audience() != Audience::Staff {
        return Err(Msg::new("err-delegation-role", &[])
            .term("role", role_term(role))
            .into());
    }
    if to_user == member.user_id {
        return Err(EngineError::invalid("err-delegation-self", &[]));
    }
    if to_ms <= from_ms {
        return Err(EngineError::invalid("err-delegation-order", &[]));
    }
    if to_ms <= now {
        return Err(EngineError::invalid("err-delegation-over", &[]));
    }
    if to_ms - from_ms > MAX_DELEGATION_MS {
        return Err(EngineError::invalid("err-delegation-too-long", &[]));
    }
    let Some(stand_in) = store.member(tenant, to_user).await? else {
        return Err(EngineError::invalid("err-delegation-not-member", &[]));
    };
    // A stand-in must belong to the staff: a supplier user can never decide approvals.
    if !stand_in.can(Permission::DecideApprovals) {
        return Err(EngineError::invalid("err-delegation-cannot-decide", &[]));
    }
    let d = approval::Delegation {
        from_user: member.user_id,
        to_user,
        role,
        from_ms,
        to_ms,
    };
    let mut tx = store.begin(tenant).await?;
    let id = delegations::insert_delegation_tx(&mut tx, tenant, &d, now).await?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "delegation.created",
            format!("delegation:{id}"),
            None,
            Some(
                json!({ "from_user": d.from_user, "to_user": d.to_user, "role": role.as_str(),
                "from_ms": from_ms, "to_ms": to_ms }),
            ),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Ends `member`'s delegation `id` now (one not yet begun never starts). Audited. Needs
/// [`Permission::DecideApprovals`].
pub async fn end_delegation(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<(), EngineError> {
    member.require(Permission::DecideApprovals)?;
    let mut tx = store.begin(tenant).await?;
    let ended = delegations::end_delegation_tx(&mut tx, tenant, id, member.user_id, now)
        .await?
        .ok_or(EngineError::NotFound)?;
    append_audit_tx(
        &mut tx,
        tenant,
        &AuditEntry::of(
            &member.actor(),
            "delegation.ended",
            format!("delegation:{id}"),
            None,
            Some(json!({ "to_user": ended.to_user, "role": ended.role, "to_ms": ended.to_ms })),
            request_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
