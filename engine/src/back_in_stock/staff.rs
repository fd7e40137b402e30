//! What the tenant's staff and integrations do to shoppers' subscriptions
//! ([`Permission::ManageBackInStock`]): end one (a shop that learnt by another way that
//! the shopper no longer wants it). The shopper's own commands are in the parent module.

use serde_json::json;

use crate::audit::AuditEntry;
use crate::error::EngineError;
use crate::model::{Member, Permission, TenantId};
use crate::store::audit::append_audit_tx;
use crate::store::subscribers as subs;
use crate::store::Store;

/// Ends subscription `id` if it is still open; whether it ended now. Idempotent: an
/// ended subscription answers `false` and changes nothing; another tenant's id is
/// [`EngineError::NotFound`].
pub async fn end_subscription(
    store: &Store,
    tenant: TenantId,
    member: &Member,
    id: i64,
    request_id: Option<&str>,
    now: i64,
) -> Result<bool, EngineError> {
    member.require(Permission::ManageBackInStock)?;
    let mut tx = store.begin(tenant).await?;
    let sub = subs::subscription_tx(&mut tx, tenant, id)
        .await?
        .ok_or(EngineError::NotFound)?;
    let ended = subs::end_open_tx(&mut tx, tenant, sub.subscriber_id, Some(id), now).await? > 0;
    if ended {
        append_audit_tx(
            &mut tx,
            tenant,
            &AuditEntry::of(
                &member.actor(),
                "subscription.ended",
                format!("subscription:{id}"),
                None,
                Some(json!({ "state": "unsubscribed" })),
                request_id,
            ),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(ended)
}
